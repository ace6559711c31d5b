/**
 * A Secrets Manager secret whose whole value the template writes from identifiers of its resources (the AWS Security
 * Reference Architecture shares a KMS key's ARN or a bucket's name across accounts so:
 * `SecretString: !Sub '{"ConfigDeliveryKeyArn":"${rConfigDeliveryKey.Arn}"}'`) holds no credential, and rotating it
 * changes nothing a leak gives away: secret-rotation leaves it. A parameter (a NoEcho password), an attribute that is
 * no ARN (an access key's SecretAccessKey) or literal text beside a reference keeps the secret judged.
 */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import rotation from '../../src/rules/secret-rotation.js';
import { ruleTester } from '../support/rule-tester.js';

const withSecretString = (value: unknown) =>
  modelFromTemplates([
    {
      stack: 'TestStack',
      template: {
        Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
        Resources: {
          Key: { Type: 'AWS::KMS::Key', Properties: {} },
          Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
          User: { Type: 'AWS::IAM::User', Properties: {} },
          UserKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'User' } } },
          Shared: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'sra/shared', SecretString: value } },
        },
      } as unknown as CfnTemplate,
    },
  ]);

const NO_ROTATION =
  'Secret sra/shared has no rotation configured, so its value never changes. Add an ' +
  'AWS::SecretsManager::RotationSchedule of at most 90 days, the limit of the service class (the secret has no class).';
const judged = (name: string, value: unknown) => ({
  name,
  model: withSecretString(value),
  findings: [{ resource: 'Shared', identity: 'TestStack/Shared', detail: 'Rotation::none', message: NO_ROTATION }],
});

ruleTester(rotation, {
  valid: [
    {
      name: "a key's ARN in a JSON object (SRA config-org delivery key)",
      model: withSecretString({ 'Fn::Sub': '{"ConfigDeliveryKeyArn":"${Key.Arn}"}' }),
    },
    {
      name: "a bucket's name by Ref in a JSON object (SRA cloudtrail-org bucket)",
      model: withSecretString({ 'Fn::Sub': '{"OrganizationCloudTrailS3Bucket":"${Bucket}"}' }),
    },
    { name: 'one ARN and nothing else', model: withSecretString({ 'Fn::Sub': '${Key.Arn}' }) },
    {
      name: 'references and the pseudo parameters of the place only',
      model: withSecretString({ 'Fn::Sub': '{"Key":"${Key.Arn}","Where":"${AWS::AccountId}${AWS::Region}"}' }),
    },
  ],
  invalid: [
    judged('a parameter (a NoEcho password) in the value', {
      'Fn::Sub': '{"KeyArn":"${Key.Arn}","Password":"${DbPassword}"}',
    }),
    judged("an attribute that is no ARN (an access key's secret)", {
      'Fn::Sub': '{"AccessKeyId":"${UserKey}","SecretAccessKey":"${UserKey.SecretAccessKey}"}',
    }),
    judged('literal text beside a reference in a value', { 'Fn::Sub': '{"KeyArn":"${Key.Arn}","Token":"s3cr3t"}' }),
    judged('literal text around one reference', { 'Fn::Sub': 'token-${Key.Arn}' }),
    judged('a value generated at deploy time', undefined),
  ],
});
