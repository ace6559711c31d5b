import { defaultCatalog } from '../../catalog/index.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { unknownValue, type Model, type ResourcePolicy } from '../../src/model/model.js';
import rule from '../../src/rules/restrict-trust.js';
import { catalog, model, ref, secret } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const TRUSTED = '111122223333';
const OTHER = '999999999999';
const BUCKET = 'arn:aws:s3:::assets';
const KEY = '<Arn of DataKey>';

const trusting = catalog({
  trust: {
    accounts: [{ id: TRUSTED, owner: 'team-platform' }],
    organizations: [{ id: 'o-a1b2c3d4e5', owner: 'team-platform' }],
    oidc: [],
  },
});

const allow = (fields: Record<string, unknown>) => ({ Effect: 'Allow', Resource: '*', ...fields });
const deny = (fields: Record<string, unknown>) => ({ Effect: 'Deny', Principal: '*', Resource: '*', ...fields });
const policy = (type: string, name: string, attachedTo: string, statements: unknown[]): ResourcePolicy => ({
  source: ref(type, name),
  document: parsePolicyDocument({ Version: '2012-10-17', Statement: statements }),
  attachedTo: [attachedTo],
});
/** A model whose one resource policy is the bucket policy AssetsPolicy on the bucket `assets`. */
const bucketPolicy = (...statements: unknown[]): Model =>
  model({ resourcePolicies: [policy('AWS::S3::BucketPolicy', 'AssetsPolicy', BUCKET, statements)] });
/** A model whose one resource policy is the key policy of DataKey. */
const keyPolicy = (...statements: unknown[]): Model =>
  model({ resourcePolicies: [policy('AWS::KMS::Key', 'DataKey', KEY, statements)] });
const getObject = (principal: unknown, extra: Record<string, unknown> = {}) =>
  allow({ Principal: principal, Action: 's3:GetObject', ...extra });
/**
 * The file system policy the CDK writes on every efs.FileSystem under @aws-cdk/aws-efs:denyAnonymousAccess
 * (aws-cdk-lib aws-efs/lib/efs-file-system.js), with `condition` in place of its Bool AccessedViaMountTarget "true".
 */
const fileSystemPolicy = (condition?: Record<string, unknown>): Model =>
  model({
    resourcePolicies: [
      policy('AWS::EFS::FileSystem', 'FileSystem', '<Arn of FileSystem>', [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'],
          ...(condition ? { Condition: condition } : {}),
        },
      ]),
    ],
  });
const CDK_EFS_CONDITION = { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } };

const ANY_PRINCIPAL_FIX =
  'Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
  'aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS ' +
  'service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.';
const publicBucket = (principal: string, actions = 'Action s3:GetObject') => ({
  resource: 'AssetsPolicy',
  detail: 'Principal::*',
  level: 'mandatory' as const,
  message:
    `Resource policy AssetsPolicy allows any AWS principal (${principal}) ${actions} on ${BUCKET}, and no condition ` +
    `narrows it: anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
});
const publicFileSystem = {
  resource: 'FileSystem',
  detail: 'Principal::*',
  level: 'mandatory' as const,
  message:
    'Resource policy FileSystem allows any AWS principal (AWS: "*") Action elasticfilesystem:ClientWrite, ' +
    'elasticfilesystem:ClientRootAccess on <Arn of FileSystem>, and no condition narrows it: anyone, in any account, ' +
    `may do that. ${ANY_PRINCIPAL_FIX}`,
};
const untrustedKeyUser = (principal: string, actions: string) => ({
  resource: 'DataKey',
  detail: `Account::${OTHER}`,
  level: 'mandatory' as const,
  message:
    `Resource policy DataKey allows account ${OTHER} (${principal}) ${actions} on <Arn of DataKey>, but the catalog ` +
    `(test-catalog.yaml) does not list that account under trust.accounts (listed: ${TRUSTED}). Narrow Principal to ` +
    'accounts the catalog trusts, or record the account with its owner under trust.accounts after review.',
});

ruleTester(rule, {
  valid: [
    {
      name: 'the CDK\'s EFS file system policy: AWS "*" only through a mount target (EFS does not count it public)',
      catalog: defaultCatalog(),
      model: fileSystemPolicy(CDK_EFS_CONDITION),
    },
    {
      name: 'AccessedViaMountTarget written as a boolean in a list, the key in another case (keys are case-insensitive)',
      catalog: defaultCatalog(),
      model: fileSystemPolicy({ Bool: { 'ElasticFileSystem:accessedViaMountTarget': [true] } }),
    },
    {
      name: 'a key policy that lets the own account in (the default key policy, CDK AccountRootPrincipal)',
      catalog: defaultCatalog(),
      model: keyPolicy(allow({ Principal: { AWS: 'arn:aws:iam::<own-account>:root' }, Action: 'kms:*' })),
    },
    {
      name: 'a role of the account the change deploys into, by its real id',
      catalog: defaultCatalog(),
      model: {
        ...keyPolicy(allow({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/app` }, Action: 'kms:Decrypt' })),
        accountIds: [OTHER],
      },
    },
    {
      name: 'an account the catalog lists under trust.accounts',
      catalog: trusting,
      model: keyPolicy(allow({ Principal: { AWS: `arn:aws:iam::${TRUSTED}:root` }, Action: 'kms:Decrypt' })),
    },
    {
      name: 'Principal "*" narrowed by aws:PrincipalOrgID to an organization the catalog trusts',
      catalog: trusting,
      model: bucketPolicy(getObject('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
    },
    {
      name: 'Principal "*" narrowed by aws:PrincipalAccount to the own account',
      catalog: defaultCatalog(),
      model: bucketPolicy(getObject('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': '<own-account>' } } })),
    },
    {
      name: 'AWS "*" narrowed by kms:CallerAccount to the own account, as AWS managed keys write it',
      catalog: defaultCatalog(),
      model: keyPolicy(
        allow({
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'],
          Condition: {
            StringEquals: { 'kms:CallerAccount': '<own-account>', 'kms:ViaService': 'sqs.eu-west-1.amazonaws.com' },
          },
        }),
      ),
    },
    {
      name: 'AWS "*" narrowed by AWS:SourceOwner to the own account (Amazon SNS\'s default topic policy)',
      catalog: defaultCatalog(),
      model: model({
        resourcePolicies: [
          policy('AWS::SNS::TopicPolicy', 'AlertsPolicy', '<Ref of Alerts>', [
            allow({
              Principal: { AWS: '*' },
              Action: ['SNS:GetTopicAttributes', 'SNS:Publish', 'SNS:Subscribe'],
              Condition: { StringEquals: { 'AWS:SourceOwner': '<own-account>' } },
            }),
          ]),
        ],
      }),
    },
    {
      name: 'a service principal tied to its source (aws:SourceArn) on a queue',
      catalog: defaultCatalog(),
      model: model({
        resourcePolicies: [
          policy('AWS::SQS::QueuePolicy', 'JobsPolicy', 'arn:aws:sqs:eu-west-1:<own-account>:jobs', [
            allow({
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': '<Ref of Alerts>' } },
            }),
          ]),
        ],
      }),
    },
    {
      name: 'a Deny of every request without TLS (aws:SecureTransport) grants nobody anything',
      catalog: trusting,
      model: bucketPolicy(
        deny({
          Action: 's3:*',
          Resource: [BUCKET, `${BUCKET}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ),
    },
    {
      name: 'a Deny-only statement naming another account',
      catalog: trusting,
      model: keyPolicy(deny({ Principal: { AWS: OTHER }, Action: 'kms:*' })),
    },
    {
      name: 'Deny: an Allow to "*" with a Deny of s3:* to every principal outside a trusted organization',
      catalog: trusting,
      model: bucketPolicy(
        getObject('*'),
        deny({ Action: 's3:*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
    },
    {
      name: 'Principal "*" confined to a VPC endpoint of the change (aws:SourceVpce: S3 does not count it public)',
      catalog: trusting,
      model: bucketPolicy(
        getObject('*', { Condition: { StringEquals: { 'aws:sourceVpce': '<id of VPCEndpointS3>' } } }),
      ),
    },
    {
      name: 'Principal "*" tied to a bucket of the change by aws:SourceArn (a bucket ARN carries no account)',
      catalog: trusting,
      model: model({
        resourcePolicies: [
          policy('AWS::SNS::TopicPolicy', 'UploadsPolicy', '<Ref of Uploads>', [
            allow({
              Principal: { AWS: '*' },
              Action: 'sns:Publish',
              Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::<id of UploadsBucket>' } },
            }),
          ]),
        ],
      }),
    },
    {
      name: 'a statement with an empty Action list grants nothing (policy-validity reports it)',
      catalog: trusting,
      model: bucketPolicy(allow({ Principal: '*', Action: [] })),
    },
    {
      name: 'the own account as a bare id (AWS: !Ref AWS::AccountId)',
      catalog: trusting,
      model: model({
        resourcePolicies: [
          policy('AWS::SNS::TopicPolicy', 'AlertsPolicy', '<Ref of Alerts>', [
            allow({ Principal: { AWS: '<own-account>' }, Action: ['SNS:Subscribe', 'SNS:Publish'] }),
          ]),
        ],
      }),
    },
    {
      name: 'AWS "*" tied by aws:SourceArn to a topic of the change, named by its Ref',
      catalog: trusting,
      model: model({
        resourcePolicies: [
          policy('AWS::SQS::QueuePolicy', 'QueuePolicy', '<Arn of Queue>', [
            allow({
              Principal: { AWS: '*' },
              Action: 'SQS:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': '<Ref of Topic>' } },
            }),
          ]),
        ],
      }),
    },
    {
      name: 'AWS "*" delegated to the own account\'s access points (s3:DataAccessPointAccount)',
      catalog: trusting,
      model: bucketPolicy(
        allow({
          Principal: { AWS: '*' },
          Action: '*',
          Condition: { StringEquals: { 's3:DataAccessPointAccount': '<own-account>' } },
        }),
      ),
    },
    {
      name: 'a CloudFront origin access identity: CloudFront reads for the account that made it',
      catalog: trusting,
      model: bucketPolicy(
        getObject({ AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL' }),
      ),
    },
  ],
  invalid: [
    {
      name: 'an EFS file system policy for AWS "*" without the mount-target condition is public',
      catalog: defaultCatalog(),
      model: fileSystemPolicy(),
      findings: [publicFileSystem],
    },
    {
      name: 'AccessedViaMountTarget "false" admits clients that do not come through a mount target',
      catalog: defaultCatalog(),
      model: fileSystemPolicy({ Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'false' } }),
      findings: [publicFileSystem],
    },
    {
      name: 'BoolIfExists AccessedViaMountTarget holds when the request has no such key',
      catalog: defaultCatalog(),
      model: fileSystemPolicy({ BoolIfExists: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } }),
      findings: [publicFileSystem],
    },
    {
      name: 'an AccessedViaMountTarget value known only at apply',
      catalog: defaultCatalog(),
      model: fileSystemPolicy({
        Bool: { 'elasticfilesystem:AccessedViaMountTarget': unknownValue('MountTargetOnly (parameter)') },
      }),
      findings: [
        {
          resource: 'FileSystem',
          detail: 'Principal::*',
          level: 'advisory',
          pending: true,
          message:
            'Resource policy FileSystem allows any AWS principal (AWS: "*") Action elasticfilesystem:ClientWrite, ' +
            'elasticfilesystem:ClientRootAccess on <Arn of FileSystem>; whether elasticfilesystem:AccessedViaMountTarget ' +
            'narrows it cannot be verified until apply: the value is MountTargetOnly (parameter).',
        },
      ],
    },
    {
      name: 'a bucket policy that lets anyone read objects',
      catalog: trusting,
      model: bucketPolicy(getObject('*')),
      findings: [publicBucket('Principal: "*"')],
    },
    {
      name: 'Allow with NotPrincipal lets everyone else in',
      catalog: trusting,
      model: bucketPolicy(allow({ NotPrincipal: { AWS: `arn:aws:iam::${TRUSTED}:root` }, Action: 's3:GetObject' })),
      findings: [publicBucket('Principal: "*"')],
    },
    {
      name: 'a key policy that lets another account decrypt',
      catalog: trusting,
      model: keyPolicy(allow({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'kms:Decrypt' })),
      findings: [untrustedKeyUser(`arn:aws:iam::${OTHER}:root`, 'Action kms:Decrypt')],
    },
    {
      name: "a role of another account, and that account's id as written",
      catalog: trusting,
      model: keyPolicy(
        allow({
          Principal: { AWS: [`arn:aws:iam::${OTHER}:role/reader`, OTHER] },
          Action: ['kms:Decrypt', 'kms:DescribeKey'],
        }),
      ),
      findings: [
        untrustedKeyUser(OTHER, 'Action kms:Decrypt, kms:DescribeKey'),
        untrustedKeyUser(`arn:aws:iam::${OTHER}:role/reader`, 'Action kms:Decrypt, kms:DescribeKey'),
      ],
    },
    {
      name: 'another account without a catalog',
      catalog: defaultCatalog(),
      model: keyPolicy(allow({ Principal: { AWS: OTHER }, Action: 'kms:Decrypt' })),
      findings: [
        {
          resource: 'DataKey',
          detail: `Account::${OTHER}`,
          message:
            `Resource policy DataKey allows account ${OTHER} (${OTHER}) Action kms:Decrypt on <Arn of DataKey>, but no ` +
            'catalog was given, so the account cannot be checked against trusted accounts. Pass a catalog that lists it ' +
            'under trust.accounts.',
        },
      ],
    },
    {
      name: 'Principal "*" narrowed to another account by kms:CallerAccount is that account',
      catalog: trusting,
      model: keyPolicy(
        allow({
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Condition: { StringEquals: { 'kms:CallerAccount': OTHER } },
        }),
      ),
      findings: [untrustedKeyUser(`AWS: "*" with StringEquals kms:CallerAccount "${OTHER}"`, 'Action kms:Decrypt')],
    },
    {
      name: 'Principal "*" narrowed to an organization the catalog does not list',
      catalog: trusting,
      model: bucketPolicy(getObject('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } } })),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Organization::o-zzzzzzzzzz',
          message:
            'Resource policy AssetsPolicy allows every principal of AWS organization o-zzzzzzzzzz (Principal: "*" with ' +
            `StringEquals aws:PrincipalOrgID "o-zzzzzzzzzz") Action s3:GetObject on ${BUCKET}, but the catalog ` +
            '(test-catalog.yaml) does not list that organization under trust.organizations (listed: o-a1b2c3d4e5). ' +
            'Narrow the condition to an organization the catalog trusts, or record this one with its owner after review.',
        },
      ],
    },
    {
      name: 'AWS "*" delegated to another account\'s access points is that account',
      catalog: trusting,
      model: bucketPolicy(
        getObject({ AWS: '*' }, { Condition: { StringEquals: { 's3:DataAccessPointAccount': OTHER } } }),
      ),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: `Account::${OTHER}`,
          message:
            `Resource policy AssetsPolicy allows account ${OTHER} (AWS: "*" with StringEquals s3:DataAccessPointAccount ` +
            `"${OTHER}") Action s3:GetObject on ${BUCKET}, but the catalog (test-catalog.yaml) does not list that account ` +
            `under trust.accounts (listed: ${TRUSTED}). Narrow Principal to accounts the catalog trusts, or record the ` +
            'account with its owner under trust.accounts after review.',
        },
      ],
    },
    {
      name: 'Principal "*" with a VPC endpoint pattern (aws:SourceVpce vpce-*) is not confined',
      catalog: trusting,
      model: bucketPolicy(getObject('*', { Condition: { StringLike: { 'aws:SourceVpce': 'vpce-*' } } })),
      findings: [publicBucket('Principal: "*"')],
    },
    {
      name: 'a TLS-only Deny on the whole resource does not narrow who may read (it is not weighed as one that might)',
      catalog: trusting,
      model: bucketPolicy(
        getObject('*'),
        deny({ Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ),
      findings: [publicBucket('Principal: "*"')],
    },
    {
      name: 'a Deny whose condition cannot be evaluated before a request is not counted, and the finding says so',
      catalog: trusting,
      model: bucketPolicy(
        getObject('*'),
        deny({ Sid: 'OfficeOnly', Action: 's3:*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }),
      ),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Principal::*',
          message:
            `Resource policy AssetsPolicy allows any AWS principal (Principal: "*") Action s3:GetObject on ${BUCKET}. ` +
            'Its Deny "OfficeOnly" may narrow that, but its condition (NotIpAddress aws:SourceIp) cannot be evaluated ' +
            'before a request, so it is not counted. Narrow the Allow itself: name the own account or accounts the ' +
            'catalog lists under trust.accounts, or add StringEquals aws:PrincipalOrgID: <your organization>.',
        },
      ],
    },
    {
      name: 'a Deny of some of the actions leaves the others',
      catalog: trusting,
      model: bucketPolicy(
        allow({ Principal: '*', Action: ['s3:GetObject', 's3:PutObject'] }),
        deny({ Action: 's3:PutObject' }),
      ),
      findings: [publicBucket('Principal: "*"', 'Action s3:GetObject, s3:PutObject')],
    },
    {
      name: 'an AWS service without aws:SourceAccount or aws:SourceArn (confused deputy), advisory',
      catalog: trusting,
      model: bucketPolicy(allow({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Service::logging.s3.amazonaws.com',
          level: 'advisory',
          message:
            `Resource policy AssetsPolicy allows AWS service logging.s3.amazonaws.com Action s3:PutObject on ${BUCKET} ` +
            'without an aws:SourceAccount or aws:SourceArn condition, so the service may do it for any account that ' +
            'configures it to (confused deputy). Add Condition StringEquals aws:SourceAccount: <the account the service ' +
            'acts for> (or ArnLike aws:SourceArn: <the resource the service acts for>).',
        },
      ],
    },
    {
      name: "one finding for a service's statements alike but for their actions (a delivery bucket's policy, one statement per action)",
      catalog: trusting,
      model: bucketPolicy(
        allow({ Principal: { Service: 'config.amazonaws.com' }, Action: 's3:GetBucketAcl' }),
        allow({ Principal: { Service: 'config.amazonaws.com' }, Action: ['s3:ListBucket', 's3:GetBucketAcl'] }),
        allow({ Principal: { Service: 'config.amazonaws.com' }, Action: 's3:PutObject' }),
      ),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Service::config.amazonaws.com',
          level: 'advisory',
          message:
            `Resource policy AssetsPolicy allows AWS service config.amazonaws.com Action s3:GetBucketAcl, s3:ListBucket, ` +
            `s3:PutObject on ${BUCKET} without an aws:SourceAccount or aws:SourceArn condition, so the service may do it ` +
            'for any account that configures it to (confused deputy). Add Condition StringEquals aws:SourceAccount: ' +
            '<the account the service acts for> (or ArnLike aws:SourceArn: <the resource the service acts for>).',
        },
      ],
    },
    {
      name: 'statements of Action and of NotAction for one principal: one finding, each list kept whole',
      catalog: trusting,
      model: bucketPolicy(
        allow({ Principal: '*', Action: 's3:GetObject' }),
        allow({ Principal: '*', NotAction: ['s3:Delete*', 's3:Put*'] }),
      ),
      findings: [publicBucket('Principal: "*"', 'Action s3:GetObject; NotAction s3:Delete*, s3:Put*')],
    },
    {
      name: 'a principal that is neither an account nor an IAM ARN',
      catalog: trusting,
      model: bucketPolicy(getObject({ AWS: 'AROAEXAMPLEID' })),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Principal::AROAEXAMPLEID',
          message:
            `Resource policy AssetsPolicy allows AWS principal "AROAEXAMPLEID" Action s3:GetObject on ${BUCKET}, which ` +
            'is neither an account id nor an IAM ARN, so its account cannot be checked. Write it as ' +
            'arn:aws:iam::<account>:root or arn:aws:iam::<account>:role/<name>.',
        },
      ],
    },
    {
      name: 'pending: a policy known only at apply',
      catalog: trusting,
      model: model({
        resourcePolicies: [
          {
            source: ref('aws:s3/bucketPolicy:BucketPolicy', 'assets-policy'),
            document: parsePolicyDocument(
              unknownValue('output of aws:s3/bucketPolicy:BucketPolicy assets-policy.policy'),
            ),
            attachedTo: [unknownValue('output of aws:s3/bucket:Bucket assets.arn')],
          },
        ],
      }),
      findings: [
        {
          resource: 'assets-policy',
          pending: true,
          message:
            'Resource policy assets-policy on <output of aws:s3/bucket:Bucket assets.arn> cannot be verified until ' +
            'apply: output of aws:s3/bucketPolicy:BucketPolicy assets-policy.policy, so who may use the resource is not known.',
        },
      ],
    },
    {
      name: 'pending: a principal known only at apply',
      catalog: trusting,
      model: bucketPolicy(getObject({ AWS: unknownValue('output of aws:iam/role:Role reader.arn') })),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Principal::unknown',
          pending: true,
          message:
            `Resource policy AssetsPolicy allows Action s3:GetObject on ${BUCKET} to a principal that cannot be verified ` +
            'until apply: the principal is output of aws:iam/role:Role reader.arn.',
        },
      ],
    },
    {
      name: 'pending: Principal "*" whose narrowing value is known only at apply',
      catalog: trusting,
      model: bucketPolicy(
        getObject('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': unknownValue('output of org.id') } } }),
      ),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Principal::*',
          pending: true,
          message:
            `Resource policy AssetsPolicy allows any AWS principal (Principal: "*") Action s3:GetObject on ${BUCKET}; ` +
            'whether aws:PrincipalOrgID narrows it cannot be verified until apply: the value is output of org.id.',
        },
      ],
    },
    {
      name: 'pending: an action known only at apply, for any principal',
      catalog: trusting,
      model: bucketPolicy(allow({ Principal: '*', Action: unknownValue('output of config.action') })),
      findings: [
        {
          resource: 'AssetsPolicy',
          detail: 'Principal::*',
          pending: true,
          message:
            'Resource policy AssetsPolicy names Principal: "*", whom it must not let use arn:aws:s3:::assets; whether it ' +
            'does cannot be verified until apply: the action is output of config.action.',
        },
      ],
    },
    {
      name: "a secret's policy, also among the resource policies, is judged once, as the secret's",
      catalog: trusting,
      model: (() => {
        const secretPolicy = policy('AWS::SecretsManager::ResourcePolicy', 'DbSecretPolicy', '<Ref of DbSecret>', [
          allow({ Principal: '*', Action: 'secretsmanager:GetSecretValue' }),
        ]);
        return model({
          secrets: [secret('DbSecret', { resourcePolicies: [secretPolicy] })],
          resourcePolicies: [{ ...secretPolicy, source: ref('AWS::SecretsManager::ResourcePolicy', 'DbSecretPolicy') }],
        });
      })(),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret (Action ' +
            'secretsmanager:GetSecretValue) and no condition narrows it. Narrow Principal to the own account or accounts ' +
            'the catalog lists under trust.accounts, or add a condition on aws:PrincipalOrgID (StringEquals ' +
            'aws:PrincipalOrgID: <your organization>).',
        },
      ],
    },
  ],
});
