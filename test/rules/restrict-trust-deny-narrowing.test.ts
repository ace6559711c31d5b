/**
 * `Principal: "*"` narrowed by a Deny of everyone outside some accounts or organizations (StringNotEquals
 * aws:PrincipalAccount / aws:PrincipalOrgID, the data-perimeter pattern): in a role's trust policy as in a resource
 * policy, and in a resource policy also where the Deny names the same resources as the Allow rather than "*". Where
 * the Deny certainly covers the Allow (every action it grants, every resource, every principal, one negated clause on
 * a principal key), the trust is judged as the accounts or organizations it is left to; otherwise `*` is still
 * reported. Found by the adversarial hunt of test/corpus/gate-semantics/adversarial (cfn-trust-star-deny-outside-account).
 */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import restrictTrust from '../../src/rules/restrict-trust.js';
import { ruleTester } from '../support/rule-tester.js';

const of = (resources: Record<string, unknown>) =>
  modelFromTemplates([{ stack: 'TestStack', template: { Resources: resources } as CfnTemplate }]);

const ANYONE = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' };
const denyOutside = (operator: string, key: string, value: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 'sts:AssumeRole',
  Condition: { [operator]: { [key]: value }, ...extra },
});
const role = (...statements: unknown[]) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements } },
});
const OBJECTS = { 'Fn::Sub': '${Bucket.Arn}/*' };
const bucketPolicy = (denyResource: unknown) => ({
  Bucket: { Type: 'AWS::S3::Bucket' },
  Policy: {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: { Ref: 'Bucket' },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS },
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: denyResource,
            Condition: { StringNotEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
    },
  },
});

const ANY_ROLE =
  'Role R can be assumed by any AWS principal (AWS: "*") and no condition narrows it. Name the principals that need it (arn:aws:iam::<account>:role/<name>), or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:PrincipalArn.';
const OWN = { Ref: 'AWS::AccountId' };

/**
 * A private REST API whose policy allows `*` and denies every request not through `endpoint` (StringNotEquals
 * aws:sourceVpce), the policy API Gateway documents for private APIs (serverless-patterns'
 * public-nlb-or-alb-private-api-cfn, test/corpus/public-resource-policies/private-api-vpce-deny.template.yaml).
 */
const privateApi = (
  endpoint: unknown,
  parameters: Record<string, unknown> = {},
  resources: Record<string, unknown> = {},
) =>
  modelFromTemplates([
    {
      stack: 'TestStack',
      template: {
        Parameters: parameters,
        Resources: {
          ...resources,
          Api: {
            Type: 'AWS::ApiGateway::RestApi',
            Properties: {
              Name: 'private',
              EndpointConfiguration: { Types: ['PRIVATE'] },
              Policy: {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 'execute-api:Invoke',
                    Resource: 'execute-api:/*',
                    Condition: { StringNotEquals: { 'aws:sourceVpce': endpoint } },
                  },
                ],
              },
            },
          },
        },
      } as unknown as CfnTemplate,
    },
  ]);

ruleTester(restrictTrust, {
  valid: [
    {
      name: 'a trust of AWS "*" with a Deny of every caller outside the own account (StringNotEquals aws:PrincipalAccount)',
      model: of({ R: role(ANYONE, denyOutside('StringNotEquals', 'aws:PrincipalAccount', OWN)) }),
    },
    {
      name: 'a trust of AWS "*" whose every AssumeRole a Deny without condition takes away',
      model: of({ R: role(ANYONE, { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }) }),
    },
    {
      name: 'a bucket policy Allow of "*" with a Deny outside the own account on the same objects (not "*")',
      model: of(bucketPolicy([OBJECTS])),
    },
    {
      name: 'the same Deny on a wildcard covering the objects (the bucket and everything in it)',
      model: of(bucketPolicy([{ 'Fn::Sub': '${Bucket.Arn}*' }])),
    },
    {
      name: 'a private API allowing "*" with a Deny of every request not through its VPC endpoint, a fixed id',
      model: privateApi('vpce-0123456789abcdef0'),
    },
    {
      name: 'the same Deny naming a VPC endpoint of the change',
      model: privateApi(
        { Ref: 'Endpoint' },
        {},
        {
          Endpoint: {
            Type: 'AWS::EC2::VPCEndpoint',
            Properties: { VpcId: 'vpc-0123456789abcdef0', ServiceName: 'com.amazonaws.eu-west-1.execute-api' },
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'the same Deny naming a VPC endpoint a parameter gives: "*" only through that endpoint, whose is not known (pending)',
      model: privateApi({ Ref: 'EndpointId' }, { EndpointId: { Type: 'String' } }),
      findings: [
        {
          resource: 'Api',
          detail: 'Principal::*',
          pending: true,
          message:
            'Resource policy Api allows any AWS principal (Principal: "*") Action execute-api:Invoke on <Arn of Api> only ' +
            'through the network its aws:SourceVpce condition names, which cannot be verified until apply: the value is ' +
            'Ref EndpointId (parameter without a default). Whoever can send requests through that VPC endpoint or VPC, in ' +
            'any account, may do that. Write the own endpoint or VPC (a resource of the change or a fixed id), or narrow ' +
            'Principal to the own account or accounts the catalog lists under trust.accounts.',
        },
      ],
    },
    {
      name: 'a trust of AWS "*" with a Deny outside an organization: reported as the organization it is left to',
      model: of({ R: role(ANYONE, denyOutside('StringNotEquals', 'aws:PrincipalOrgID', 'o-abcdefghij')) }),
      findings: [
        {
          resource: 'R',
          identity: 'TestStack/R',
          detail: 'Organization::o-abcdefghij',
          message:
            'Role R trusts every principal of AWS organization o-abcdefghij (AWS: "*" with a Deny with StringNotEquals aws:PrincipalOrgID "o-abcdefghij"), which the catalog (test-catalog.yaml) does not list under trust.organizations (listed: none). Add the organization with its owner to the catalog after review, or narrow the trust.',
        },
      ],
    },
    {
      name: 'a Deny of another action than the one allowed narrows nothing',
      model: of({
        R: role(ANYONE, {
          ...denyOutside('StringNotEquals', 'aws:PrincipalAccount', OWN),
          Action: 'sts:AssumeRoleWithWebIdentity',
        }),
      }),
      findings: [{ resource: 'R', identity: 'TestStack/R', detail: 'Principal::*', message: ANY_ROLE }],
    },
    {
      name: 'a Deny with a second condition (a source IP) spares callers outside the account from elsewhere: not counted',
      model: of({
        R: role(
          ANYONE,
          denyOutside('StringNotEquals', 'aws:PrincipalAccount', OWN, {
            NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
          }),
        ),
      }),
      findings: [{ resource: 'R', identity: 'TestStack/R', detail: 'Principal::*', message: ANY_ROLE }],
    },
    {
      name: 'a bucket policy Deny on other objects than the Allow names narrows nothing',
      model: of(bucketPolicy(['arn:aws:s3:::another-bucket/*'])),
      findings: [
        {
          resource: 'Policy',
          detail: 'Principal::*',
          message:
            'Resource policy Policy allows any AWS principal (Principal: "*") Action s3:GetObject on arn:aws:s3:::<id of Bucket>, and no condition narrows it: anyone, in any account, may do that. Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.',
        },
      ],
    },
  ],
});
