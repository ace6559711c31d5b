/**
 * no-wildcard-privilege and S3 ACL writes: a wildcard whose only privileged actions are ACL writes (`s3:PutObject*`:
 * `s3:PutObjectAcl`, `s3:PutObjectVersionAcl`) on a bucket of the stack whose ACLs are disabled (no Object Ownership
 * written, S3's BucketOwnerEnforced default, or BucketOwnerEnforced) grants no access through them: S3 refuses such ACLs.
 * serverless-patterns' lambda-microvm-s3files was the noisy case (test/corpus/aws/README.md).
 */
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { ruleTester } from '../support/rule-tester.js';

const trust = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const OBJECTS = { 'Fn::Sub': '${Bucket.Arn}/*' };
const BUCKET_AND_OBJECTS = [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, OBJECTS];
const ENFORCED = { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } };

/** A bucket with `bucket` properties and a function role allowed `action` on `resource`. */
const writer = (bucket: Record<string, unknown>, action: unknown, resource: unknown) =>
  modelFromTemplates([
    {
      stack: 'App',
      template: {
        Resources: {
          Bucket: { Type: 'AWS::S3::Bucket', Properties: bucket },
          Writer: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: trust,
              Policies: [
                {
                  PolicyName: 'write',
                  PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
                },
              ],
            },
          },
        },
      } as unknown as CfnTemplate,
    },
  ]);

const putObjectFinding = (resources: string) => ({
  resource: 'Writer',
  identity: 'App/Writer',
  detail: 'Action::s3:PutObject*',
  level: 'mandatory' as const,
  message:
    `Policy write allows Action "s3:PutObject*" on ${resources}, which expands to 9 actions, 2 of them privileged ` +
    '(s3:PutObjectAcl, s3:PutObjectVersionAcl). List only the actions needed instead of "s3:PutObject*"; keep ' +
    'privileged ones off unless required, on named resources.',
});

ruleTester(rule, {
  valid: [
    {
      name: "s3:PutObject* on the objects of the stack's bucket, which writes no Object Ownership (ACLs disabled by S3's default)",
      model: writer({}, 's3:PutObject*', OBJECTS),
    },
    {
      name: 's3:PutObject* on the objects of a BucketOwnerEnforced bucket, named by Fn::Join of its Ref',
      model: writer(ENFORCED, 's3:PutObject*', [{ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] }]),
    },
  ],
  invalid: [
    {
      name: 'the same on a bucket whose Object Ownership is ObjectWriter (ACLs enabled): an ACL may make objects public',
      model: writer({ OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }, 's3:PutObject*', OBJECTS),
      findings: [putObjectFinding('"<Arn of Bucket>/*"')],
    },
    {
      name: 'the same on a bucket the change does not create',
      model: writer({}, 's3:PutObject*', 'arn:aws:s3:::other-bucket/*'),
      findings: [putObjectFinding('"arn:aws:s3:::other-bucket/*"')],
    },
    {
      name: 'beside s3:PutBucketOwnershipControls, which turns the ACLs back on',
      model: writer({}, ['s3:PutObject*', 's3:PutBucketOwnershipControls'], BUCKET_AND_OBJECTS),
      findings: [putObjectFinding('"<Arn of Bucket>", "<Arn of Bucket>/*"')],
    },
    {
      name: 's3:Put* on the ACL-free bucket keeps its other privileged actions (and its bucket ACL write: it may turn ACLs on)',
      model: writer({}, 's3:Put*', BUCKET_AND_OBJECTS),
      findings: [
        {
          resource: 'Writer',
          identity: 'App/Writer',
          detail: 'Action::s3:Put*',
          level: 'mandatory',
          message:
            'Policy write allows Action "s3:Put*" on "<Arn of Bucket>", "<Arn of Bucket>/*", which expands to 40 actions, ' +
            '10 of them privileged (s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutBucketPublicAccessBlock, …). List only the ' +
            'actions needed instead of "s3:Put*"; keep privileged ones off unless required, on named resources.',
        },
      ],
    },
  ],
});
