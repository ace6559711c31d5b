import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { runRules } from '../../src/engine/evaluate.js';
import { lookupAction } from '../../src/iam/aws/actions.js';
import { resourceTypesOf } from '../../src/iam/aws/resource-scope.js';
import type { Catalog } from '../../catalog/types.js';
import { unknownValue, type IdentityClass } from '../../src/model/model.js';
import { ESCALATION_PATHS } from '../../src/rules/escalation-paths.js';
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, catalog, identity, model, role, user } from '../support/builders.js';
import { findingsOf, ruleTester, type ExpectedFinding } from '../support/rule-tester.js';
import { REMEDY, pathFinding, statements } from './support/escalation-findings.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const BROKER = 'arn:aws:iam::444455556666:role/access-broker';
/** Administration the catalog grants: standing to break-glass, just in time (1h, through the broker) to people and deploy workloads. */
const ADMIN_CATALOG = catalog({
  owners: [{ id: 'team-security' }],
  entitlements: [
    { id: 'emergency-admin', classes: ['break-glass'], privileged: true, awsManagedPolicies: [ADMIN] },
    {
      id: 'admin-jit',
      classes: ['human'],
      privileged: true,
      approval: { by: ['team-security'], maxDurationSeconds: 3600, via: [BROKER] },
      awsManagedPolicies: [ADMIN],
    },
    {
      id: 'deploy-admin',
      classes: ['workload'],
      privileged: true,
      approval: { by: ['team-security'], maxDurationSeconds: 3600, via: [BROKER] },
      aws: [
        { actions: ['cloudformation:*'], resources: ['arn:aws:cloudformation:*:*:stack/app-*/*'] },
        { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/app-*'] },
      ],
    },
  ],
});
/**
 * The name a record means its identity by: the role's or user's ARN (the builders' roles carry one), which
 * the catalog controls. A bare name would match only the logical id, which claims no privileged entitlement.
 */
const namedBy = (name: string) => `arn:aws:iam::*:*/${name}`;
/**
 * ADMIN_CATALOG with a record for one identity: privileged entitlements are held only through a catalog record (the
 * entitlements tag cannot grant them), so the tests of holding one declare it here.
 */
const recorded = (name: string, cls: IdentityClass, entitlements: string[]): Catalog => ({
  ...ADMIN_CATALOG,
  identities: [
    ...ADMIN_CATALOG.identities,
    { id: name, match: { name: namedBy(name) }, owner: 'team-security', class: cls, entitlements },
  ],
});
const brokerTrust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: BROKER } }],
};
const DEPLOY_POLICY = statements(
  { Effect: 'Allow', Action: 'cloudformation:*', Resource: 'arn:aws:cloudformation:*:*:stack/app-*/*' },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/app-*' },
);

/** The path's finding for `iam:*` on one role's ARN: each action granted through the wildcard, on that ARN. */
const ONE_ROLE = 'arn:aws:iam::111122223333:role/payments-api';
function oneRolePathFinding(name: string, pathId: string, action: string): ExpectedFinding {
  const path = ESCALATION_PATHS.find((candidate) => candidate.id === pathId)!;
  return pathFinding(name, path.title, `${action} (${name}Policy via iam:*, on ${ONE_ROLE})`, pathId, path.sources[0]);
}

ruleTester(rule, {
  valid: [
    {
      // Its condition ended it (aws:CurrentTime before a day that has passed): written, but granting nothing.
      name: "iam:* on one role's ARN whose time condition ended before now opens no path",
      model: model({
        identities: [
          role('OneRole', {
            policies: [
              statements({
                Effect: 'Allow',
                Action: 'iam:*',
                Resource: ONE_ROLE,
                Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
              }),
            ],
          }),
        ],
      }),
    },
    {
      name: "user, group and policy writes on one role's ARN: those actions act on users, groups and policies, so no statement can name what they act on",
      model: model({
        identities: [
          role('RoleScoped', {
            policies: [
              statements({
                Effect: 'Allow',
                Action: [
                  'iam:CreateAccessKey',
                  'iam:CreateLoginProfile',
                  'iam:PutUserPolicy',
                  'iam:AttachUserPolicy',
                  'iam:AddUserToGroup',
                  'iam:PutGroupPolicy',
                  'iam:CreatePolicyVersion',
                  'iam:SetDefaultPolicyVersion',
                ],
                Resource: ONE_ROLE,
              }),
            ],
          }),
        ],
      }),
    },
    {
      name: "iam:PassRole only to Application Auto Scaling and DAX (AmazonDynamoDBFullAccess's statement) beside Lambda and EC2 launch actions: no service of a path receives the role",
      model: model({
        identities: [
          role('TableAdmin', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: '*',
                  Condition: {
                    StringLike: {
                      'iam:PassedToService': ['application-autoscaling.amazonaws.com', 'dax.amazonaws.com'],
                    },
                  },
                },
                {
                  Effect: 'Allow',
                  Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'lambda:CreateEventSourceMapping'],
                  Resource: '*',
                },
                { Effect: 'Allow', Action: ['ec2:RunInstances', 'cloudformation:CreateStack'], Resource: '*' },
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole to every service but Lambda (StringNotEqualsIfExists) beside lambda:CreateFunction and lambda:InvokeFunction',
      model: model({
        identities: [
          role('NotToLambda', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: '*',
                  Condition: { StringNotEqualsIfExists: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
                },
                { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'a break-glass role holding exactly its catalog entitlement AdministratorAccess: the catalog grants it, not an escalation',
      catalog: recorded('BreakGlass', 'break-glass', ['emergency-admin']),
      model: model({
        identities: [
          role('BreakGlass', {
            managedPolicies: [ADMIN],
          }),
        ],
      }),
    },
    {
      name: 'break-glass AdministratorAccess beside a named sts:AssumeRole: all of IAM is sanctioned, and assuming one role is no path',
      catalog: recorded('BreakGlassUser', 'break-glass', ['emergency-admin']),
      model: model({
        identities: [
          // Its ARN, which the record names (the builders give users none of their own).
          user('BreakGlassUser', {
            arn: 'arn:aws:iam::<own-account>:user/BreakGlassUser',
            managedPolicies: [ADMIN],
            policies: [allow('sts:AssumeRole', 'arn:aws:iam::*:role/BreakGlassRole')],
          }),
        ],
      }),
    },
    {
      name: 'a just-in-time admin role (1h, assumable only through the broker) holding AdministratorAccess',
      catalog: recorded('JitAdmin', 'human', ['admin-jit']),
      model: model({
        identities: [
          role('JitAdmin', {
            managedPolicies: [ADMIN],
            trust: brokerTrust,
          }),
        ],
      }),
    },
    {
      name: "a just-in-time deploy role: iam:PassRole and cloudformation:* within deploy-admin are the catalog's grant",
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [
          role('Deployer', {
            policies: [DEPLOY_POLICY],
            trust: brokerTrust,
          }),
        ],
      }),
    },
    {
      name: 'read access to one bucket reaches no path',
      model: model({ identities: [role('Reader', { policies: [allow('s3:GetObject', 'arn:aws:s3:::reports/*')] })] }),
    },
    {
      name: 'iam:PassRole alone: nothing to pass the role to',
      model: model({ identities: [role('Passer', { policies: [allow('iam:PassRole')] })] }),
    },
    {
      name: 'ec2:RunInstances alone: no role to hand the instance',
      model: model({ identities: [role('Launcher', { policies: [allow('ec2:RunInstances')] })] }),
    },
    {
      name: 'reading IAM (iam:Get*, iam:List*) is no path',
      model: model({ identities: [role('Auditor', { policies: [allow(['iam:Get*', 'iam:List*'])] })] }),
    },
    {
      name: 'an unconditional Deny of iam:PassRole on * breaks the EC2 path',
      model: model({
        identities: [
          role('Launcher', {
            policies: [
              statements(
                { Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' },
                { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
              ),
            ],
          }),
        ],
      }),
    },
    {
      // salesforce/cloudsplaining test/files/test_policy_file.json's AllowManageOwnAccessKeys, which it judges no
      // escalation; the IAM User Guide's example of users managing their own credentials writes the same Resource.
      name: "keys and console password of the caller's own user (user/${aws:username}) are its own credentials",
      model: model({
        identities: [
          user('SelfService', {
            policies: [
              allow(
                ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
                'arn:aws:iam::*:user/${aws:username}',
              ),
              allow(
                ['iam:CreateLoginProfile', 'iam:UpdateLoginProfile'],
                'arn:aws:iam::111122223333:user/${aws:username}',
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'ssm:SendCommand on one named instance is ordinary access',
      model: model({
        identities: [
          role('Operator', {
            policies: [allow('ssm:SendCommand', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc')],
          }),
        ],
      }),
    },
    {
      // Every instance or task of one account, one region or one cluster is not every one the action acts on.
      name: 'user data of every instance in one account, exec into every task of one cluster, every document on one instance: ordinary access',
      model: model({
        identities: [
          role('Operator', {
            policies: [
              allow(
                ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
                'arn:aws:ec2:*:111122223333:instance/*',
              ),
              allow(
                ['ecs:ExecuteCommand', 'ecs:DescribeTasks'],
                ['arn:aws:ecs:*:*:cluster/*', 'arn:aws:ecs:*:*:task/prod/*'],
              ),
              allow('ssm:SendCommand', [
                'arn:aws:ssm:*:*:document/*',
                'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc',
              ]),
            ],
          }),
        ],
      }),
    },
    {
      // AWSBackupServiceRolePolicyForBackup: one document that takes a VSS snapshot runs no command of the caller's.
      name: 'ssm:SendCommand of one named document on every instance runs only that document',
      model: model({
        identities: [
          role('Backup', {
            policies: [
              allow('ssm:SendCommand', [
                'arn:aws:ssm:*:*:document/AWSEC2-CreateVssSnapshot',
                'arn:aws:ec2:*:*:instance/*',
              ]),
            ],
          }),
        ],
      }),
    },
    {
      name: "codebuild:StartBuild on a pipeline's own project is ordinary access (a CDK CodeBuildAction's role)",
      model: model({
        identities: [
          role('BuildAction', {
            policies: [
              allow(
                ['codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codebuild:StopBuild'],
                'arn:aws:codebuild:eu-west-1:111122223333:project/E2ETestsGroupOne',
              ),
            ],
          }),
        ],
      }),
    },
    {
      // A CodePipeline CloudFormation action's role: change sets on the stack it deploys, as its ordinary use.
      name: 'change sets on one named stack, user data of one named instance, exec into one cluster’s tasks: ordinary access',
      model: model({
        identities: [
          role('StackDeployer', {
            policies: [
              allow(
                [
                  'cloudformation:CreateChangeSet',
                  'cloudformation:ExecuteChangeSet',
                  'cloudformation:DescribeChangeSet',
                ],
                'arn:aws:cloudformation:eu-west-1:111122223333:stack/app-prod/*',
              ),
            ],
          }),
          role('InstanceOperator', {
            policies: [
              allow(
                ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
                'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc',
              ),
            ],
          }),
          role('Debugger', {
            policies: [
              allow(
                ['ecs:ExecuteCommand', 'ecs:DescribeTasks'],
                [
                  'arn:aws:ecs:eu-west-1:111122223333:cluster/debug-cluster',
                  'arn:aws:ecs:eu-west-1:111122223333:task/debug-cluster/*',
                ],
              ),
            ],
          }),
        ],
      }),
    },
    {
      // The caller also needs ecs:DescribeTasks (the session names the container's runtime id); stopping an instance
      // without starting it runs no user data; a change set created but not executed changes nothing.
      name: 'each path missing one action on every resource: no path',
      model: model({
        identities: [
          role('Partial', {
            policies: [
              allow([
                'ecs:ExecuteCommand',
                'ec2:ModifyInstanceAttribute',
                'ec2:StopInstances',
                'cloudformation:CreateChangeSet',
                'cloudformation:DescribeStacks',
              ]),
            ],
          }),
        ],
      }),
    },
    {
      name: 'sts:AssumeRole on one named role is ordinary access',
      model: model({
        identities: [
          role('Chainer', { policies: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/reporting')] }),
        ],
      }),
    },
    {
      name: 'a customer managed policy outside the change: its unseen content is reported once, by no-wildcard-privilege',
      model: model({
        identities: [role('Legacy', { managedPolicies: ['arn:aws:iam::111122223333:policy/legacy-ops'] })],
      }),
    },
    {
      name: 'AWS managed policies whose content reaches no path: ReadOnlyAccess, AmazonSSMManagedInstanceCore, AWSXrayWriteOnlyAccess',
      model: model({
        identities: [
          role('Viewer', {
            managedPolicies: [
              'arn:aws:iam::aws:policy/ReadOnlyAccess',
              'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
              'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
            ],
          }),
        ],
      }),
    },
    {
      name: 'identities of other clouds are out of scope',
      model: model({ identities: [identity('gcp-service-account', 'exporter')] }),
    },
  ],
  invalid: [
    {
      // The iam:* statement ended (aws:EpochTime before a second that has passed); the PutRolePolicy one ends in 2027.
      name: "of two time-bound statements on one role's ARN, only the one not ended yet opens its path",
      model: model({
        identities: [
          role('OneRole', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:*',
                  Resource: ONE_ROLE,
                  Condition: { NumericLessThanEquals: { 'aws:EpochTime': '1780272000' } },
                },
                {
                  Effect: 'Allow',
                  Action: 'iam:PutRolePolicy',
                  Resource: ONE_ROLE,
                  Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
                },
              ),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'OneRole',
          identity: 'TestStack/OneRole',
          detail: 'Path::put-role-policy',
          message: `OneRole can write an inline policy on a role: it is allowed iam:PutRolePolicy (OneRolePolicy, on ${ONE_ROLE}). Conditions restrict iam:PutRolePolicy, but they may be satisfiable, so the path is reported. Remove one of these actions or scope it to resources that grant no more privilege (path put-role-policy, https://pathfinding.cloud/paths/iam-005).`,
        },
      ],
    },
    {
      name: "iam:* on one role's ARN opens the paths through that role only: its policies and its trust, not users, groups or policy versions",
      model: model({
        identities: [
          role('OneRole', { policies: [statements({ Effect: 'Allow', Action: 'iam:*', Resource: ONE_ROLE })] }),
        ],
      }),
      findings: [
        oneRolePathFinding('OneRole', 'attach-role-policy', 'iam:AttachRolePolicy'),
        oneRolePathFinding('OneRole', 'put-role-policy', 'iam:PutRolePolicy'),
        oneRolePathFinding('OneRole', 'update-assume-role-policy', 'iam:UpdateAssumeRolePolicy'),
      ],
    },
    {
      name: 'the same admin entitlement held as standing privilege (12h, any principal of the account) is an escalation again',
      catalog: recorded('JitAdmin', 'human', ['admin-jit']),
      model: model({
        identities: [
          role('JitAdmin', {
            managedPolicies: [ADMIN],
            maxSessionSeconds: 12 * 3600,
            trust: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::<own-account>:root' } },
              ],
            },
          }),
        ],
      }),
      findings: [
        {
          resource: 'JitAdmin',
          identity: 'TestStack/JitAdmin',
          detail: 'Path::*',
          message:
            `JitAdmin is allowed every IAM action on "*" (for example iam:AttachRolePolicy (AdministratorAccess via *)), so all ${ESCALATION_PATHS.length} listed ` +
            'escalation paths are open: it can grant itself anything. Replace the grant with the specific actions it needs; administration belongs to a ' +
            'break-glass or just-in-time identity.',
        },
      ],
    },
    {
      name: 'break-glass AdministratorAccess claimed by tags alone is not sanctioned: the tags do not grant a privileged entitlement',
      catalog: ADMIN_CATALOG,
      model: model({
        identities: [
          role('Sneaky', {
            tags: { 'identity-class': 'break-glass', entitlements: 'emergency-admin' },
            managedPolicies: [ADMIN],
          }),
        ],
      }),
      findings: [
        {
          resource: 'Sneaky',
          identity: 'TestStack/Sneaky',
          detail: 'Path::*',
          message:
            `Sneaky is allowed every IAM action on "*" (for example iam:AttachRolePolicy (AdministratorAccess via *)), so all ${ESCALATION_PATHS.length} listed ` +
            'escalation paths are open: it can grant itself anything. Replace the grant with the specific actions it needs; administration belongs to a ' +
            'break-glass or just-in-time identity.',
        },
      ],
    },
    {
      name: 'grants beyond the just-in-time entitlement are still escalation: iam:PassRole on every role with cloudformation:CreateStack',
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [
          role('Deployer', {
            policies: [
              statements({ Effect: 'Allow', Action: ['iam:PassRole', 'cloudformation:CreateStack'], Resource: '*' }),
            ],
            trust: brokerTrust,
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Deployer',
          'create a CloudFormation stack that runs as a privileged role',
          'iam:PassRole (DeployerPolicy) and cloudformation:CreateStack (DeployerPolicy)',
          'passrole-cloudformation',
          'https://pathfinding.cloud/paths/cloudformation-001',
        ),
      ],
    },
    {
      name: 'Rhino #3 / Checkov CKV_AWS_286: iam:PassRole with ec2:RunInstances',
      model: model({ identities: [role('Launcher', { policies: [allow(['iam:PassRole', 'ec2:RunInstances'])] })] }),
      findings: [
        pathFinding(
          'Launcher',
          'launch an EC2 instance with a privileged instance profile',
          'iam:PassRole (LauncherPolicy) and ec2:RunInstances (LauncherPolicy)',
          'passrole-ec2',
          'https://pathfinding.cloud/paths/ec2-001',
        ),
      ],
    },
    {
      name: 'Rhino #15: the path spans two policies, and a PassRole scoped to some roles still counts (resources named)',
      model: model({
        identities: [
          role('Deployer', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/app-*'),
              allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Deployer',
          'create a Lambda function with a privileged role and invoke it',
          'iam:PassRole (DeployerPolicy, on arn:aws:iam::111122223333:role/app-*), lambda:CreateFunction (DeployerPolicy2) and lambda:InvokeFunction (DeployerPolicy2)',
          'passrole-lambda-invoke',
          'https://pathfinding.cloud/paths/lambda-001',
        ),
      ],
    },
    {
      // The pipeline role of serverless-patterns parallel-e2e-pipeline-cdk (test/corpus/cdk-apps).
      name: 'codebuild:StartBuild on every project: a build of any project runs the caller’s buildspec as that project’s role',
      model: model({
        identities: [
          role('Pipeline', {
            policies: [allow(['codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codedeploy:CreateDeployment'])],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Pipeline',
          "start every CodeBuild project with its buildspec overridden and run commands as the project's role",
          'codebuild:StartBuild (PipelinePolicy)',
          'start-any-codebuild-build',
          'https://pathfinding.cloud/paths/codebuild-002',
        ),
      ],
    },
    {
      name: "keys of users whose name starts with the caller's, or of every user, are other users' credentials",
      model: model({
        identities: [
          user('Prefix', { policies: [allow('iam:CreateAccessKey', 'arn:aws:iam::*:user/${aws:username}*')] }),
          user('Both', {
            policies: [
              statements(
                { Effect: 'Allow', Action: 'iam:UpdateLoginProfile', Resource: 'arn:aws:iam::*:user/${aws:username}' },
                { Effect: 'Allow', Action: 'iam:UpdateLoginProfile', Resource: 'arn:aws:iam::*:user/admins/*' },
              ),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Both',
          "reset another user's console password",
          'iam:UpdateLoginProfile (BothPolicy, on arn:aws:iam::*:user/admins/*)',
          'update-login-profile',
          'https://pathfinding.cloud/paths/iam-006',
        ),
        pathFinding(
          'Prefix',
          'mint an access key for another user',
          'iam:CreateAccessKey (PrefixPolicy, on arn:aws:iam::*:user/${aws:username}*)',
          'create-access-key',
          'https://pathfinding.cloud/paths/iam-002',
        ),
      ],
    },
    {
      // cloudsplaining's ExecuteCloudFormationChangeSet, ModifyEC2InstanceUserDataThenRestart and
      // ECSExecuteCommandOnRunningTask (test/corpus/iam-policy-peers): each method's actions on every resource.
      name: 'change sets on every stack, user data of every instance, exec into every task: three paths to roles already in use',
      model: model({
        identities: [
          role('Operator', {
            policies: [
              allow(['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet']),
              allow(['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances']),
              allow(['ecs:ExecuteCommand', 'ecs:DescribeTasks'], 'arn:aws:ecs:*'),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Operator',
          "open a shell in every running ECS task and take its task role's credentials",
          'ecs:ExecuteCommand (OperatorPolicy3, on arn:aws:ecs:*) and ecs:DescribeTasks (OperatorPolicy3, on arn:aws:ecs:*)',
          'ecs-execute-command',
          'https://pathfinding.cloud/paths/ecs-006',
        ),
        pathFinding(
          'Operator',
          "create and execute a change set on every CloudFormation stack, deployed as the stack's service role",
          'cloudformation:CreateChangeSet (OperatorPolicy) and cloudformation:ExecuteChangeSet (OperatorPolicy)',
          'execute-any-cloudformation-change-set',
          'https://pathfinding.cloud/paths/cloudformation-005',
        ),
        pathFinding(
          'Operator',
          "rewrite the user data of every EC2 instance and restart it, running its commands as the instance's role",
          'ec2:ModifyInstanceAttribute (OperatorPolicy2), ec2:StopInstances (OperatorPolicy2) and ec2:StartInstances (OperatorPolicy2)',
          'modify-any-ec2-user-data',
          'https://pathfinding.cloud/paths/ec2-002',
        ),
      ],
    },
    {
      // Every ARN of the resource types each action acts on, in any account and region, spelled as the types' ARNs:
      // every instance (the security groups ec2:ModifyInstanceAttribute may also change are optional), every cluster
      // and task (both required), every document on every instance. Only `*` opened these paths before.
      name: 'user data of every instance, exec into every task, commands on every instance: paths on every resource spelled as ARNs',
      model: model({
        identities: [
          role('Operator', {
            policies: [
              allow(
                ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'],
                'arn:aws:ec2:*:*:instance/*',
              ),
              allow('ecs:ExecuteCommand', ['arn:aws:ecs:*:*:cluster/*', 'arn:aws:ecs:*:*:task/*']),
              allow('ecs:DescribeTasks', 'arn:aws:ecs:*:<own-account>:task/*'),
              allow('ssm:SendCommand', ['arn:aws:ssm:*:*:document/*', 'arn:aws:ec2:*:*:instance/*']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Operator',
          "open a shell in every running ECS task and take its task role's credentials",
          'ecs:ExecuteCommand (OperatorPolicy2, on arn:aws:ecs:*:*:cluster/*, arn:aws:ecs:*:*:task/*) and ecs:DescribeTasks (OperatorPolicy3, on arn:aws:ecs:*:<own-account>:task/*)',
          'ecs-execute-command',
          'https://pathfinding.cloud/paths/ecs-006',
        ),
        pathFinding(
          'Operator',
          "rewrite the user data of every EC2 instance and restart it, running its commands as the instance's role",
          'ec2:ModifyInstanceAttribute (OperatorPolicy, on arn:aws:ec2:*:*:instance/*), ec2:StopInstances (OperatorPolicy, on arn:aws:ec2:*:*:instance/*) and ec2:StartInstances (OperatorPolicy, on arn:aws:ec2:*:*:instance/*)',
          'modify-any-ec2-user-data',
          'https://pathfinding.cloud/paths/ec2-002',
        ),
        pathFinding(
          'Operator',
          'run commands on every SSM-managed instance and take its role credentials',
          'ssm:SendCommand (OperatorPolicy4, on arn:aws:ssm:*:*:document/*, arn:aws:ec2:*:*:instance/*)',
          'ssm-send-command',
          'https://pathfinding.cloud/paths/ssm-002',
        ),
      ],
    },
    {
      name: 'Rhino #1 / Checkov CKV_AWS_286: iam:CreatePolicyVersion alone',
      model: model({
        identities: [
          role('PolicyEditor', {
            policies: [allow('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/app')],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'PolicyEditor',
          'create a new default version of a policy it holds',
          'iam:CreatePolicyVersion (PolicyEditorPolicy, on arn:aws:iam::111122223333:policy/app)',
          'create-policy-version',
          'https://pathfinding.cloud/paths/iam-001',
        ),
      ],
    },
    {
      name: 'a wildcard reports each path it reaches: iam:Attach* reaches the three attach paths',
      model: model({ identities: [role('Attacher', { policies: [allow('iam:Attach*')] })] }),
      findings: [
        pathFinding(
          'Attacher',
          'attach any managed policy to a group',
          'iam:AttachGroupPolicy (AttacherPolicy via iam:Attach*)',
          'attach-group-policy',
          'https://pathfinding.cloud/paths/iam-010',
        ),
        pathFinding(
          'Attacher',
          'attach any managed policy to a role',
          'iam:AttachRolePolicy (AttacherPolicy via iam:Attach*)',
          'attach-role-policy',
          'https://pathfinding.cloud/paths/iam-009',
        ),
        pathFinding(
          'Attacher',
          'attach any managed policy (AdministratorAccess) to a user',
          'iam:AttachUserPolicy (AttacherPolicy via iam:Attach*)',
          'attach-user-policy',
          'https://pathfinding.cloud/paths/iam-008',
        ),
      ],
    },
    {
      name: 'iam:PassRole to Lambda only (StringLike lambda.*): the Lambda path is open, the EC2 one is not',
      model: model({
        identities: [
          role('FunctionDeployer', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: '*',
                  Condition: { StringLike: { 'iam:PassedToService': 'lambda.*' } },
                },
                {
                  Effect: 'Allow',
                  Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'ec2:RunInstances'],
                  Resource: '*',
                },
              ),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'FunctionDeployer',
          'create a Lambda function with a privileged role and invoke it',
          'iam:PassRole (FunctionDeployerPolicy), lambda:CreateFunction (FunctionDeployerPolicy) and lambda:InvokeFunction (FunctionDeployerPolicy)',
          'passrole-lambda-invoke',
          'https://pathfinding.cloud/paths/lambda-001',
          ' Conditions restrict iam:PassRole, but they may be satisfiable, so the path is reported.',
        ),
      ],
    },
    {
      name: 'one iam:PassRole statement only to DAX, another to any service: the second opens the path, unconditionally',
      model: model({
        identities: [
          role('TwoPasses', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: 'arn:aws:iam::111122223333:role/dax-*',
                  Condition: { StringEquals: { 'iam:PassedToService': 'dax.amazonaws.com' } },
                },
                { Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' },
              ),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'TwoPasses',
          'launch an EC2 instance with a privileged instance profile',
          'iam:PassRole (TwoPassesPolicy) and ec2:RunInstances (TwoPassesPolicy)',
          'passrole-ec2',
          'https://pathfinding.cloud/paths/ec2-001',
        ),
      ],
    },
    {
      name: 'a condition on iam:PassRole may be satisfiable: still reported, and said so',
      model: model({
        identities: [
          role('Launcher', {
            policies: [
              statements(
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: '*',
                  Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
                },
                { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
              ),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Launcher',
          'launch an EC2 instance with a privileged instance profile',
          'iam:PassRole (LauncherPolicy) and ec2:RunInstances (LauncherPolicy)',
          'passrole-ec2',
          'https://pathfinding.cloud/paths/ec2-001',
          ' Conditions restrict iam:PassRole, but they may be satisfiable, so the path is reported.',
        ),
      ],
    },
    {
      name: 'Allow + NotAction reaches the path through what it leaves out',
      model: model({
        identities: [
          role('Broad', {
            policies: [
              statements({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'ec2:*', 's3:*'], Resource: '*' }),
            ],
          }),
        ],
      }),
      findings: [
        // Added with the AgentCore paths (pathfinding.cloud bedrock-007, -002, -004): NotAction leaves every
        // bedrock-agentcore action allowed on every resource, so every browser, code interpreter and runtime.
        pathFinding(
          'Broad',
          "drive every AgentCore browser over CDP and take its execution role's credentials",
          'bedrock-agentcore:StartBrowserSession (BroadPolicy via NotAction) and bedrock-agentcore:ConnectBrowserAutomationStream (BroadPolicy via NotAction)',
          'agentcore-any-browser',
          'https://pathfinding.cloud/paths/bedrock-007',
        ),
        pathFinding(
          'Broad',
          "run code in every AgentCore code interpreter and take its execution role's credentials",
          'bedrock-agentcore:StartCodeInterpreterSession (BroadPolicy via NotAction) and bedrock-agentcore:InvokeCodeInterpreter (BroadPolicy via NotAction)',
          'agentcore-any-code-interpreter',
          'https://pathfinding.cloud/paths/bedrock-002',
        ),
        pathFinding(
          'Broad',
          "run a shell command in every AgentCore runtime and take its execution role's credentials",
          'bedrock-agentcore:InvokeAgentRuntimeCommand (BroadPolicy via NotAction)',
          'agentcore-any-runtime-command',
          'https://pathfinding.cloud/paths/bedrock-004',
        ),
        pathFinding(
          'Broad',
          'assume every role whose trust admits this account',
          'sts:AssumeRole (BroadPolicy via NotAction)',
          'assume-any-role',
          'https://pathfinding.cloud/paths/sts-001',
        ),
        // Added with pathfinding.cloud codedeploy-001 and batch-002 (session 49): NotAction leaves every codedeploy and
        // batch action allowed on every deployment group, application, job definition and job queue.
        pathFinding(
          'Broad',
          "deploy a revision of its own to every CodeDeploy deployment group, its hooks run as the instances' role",
          'codedeploy:CreateDeployment (BroadPolicy via NotAction), codedeploy:RegisterApplicationRevision (BroadPolicy via NotAction) and codedeploy:GetDeploymentConfig (BroadPolicy via NotAction)',
          'deploy-any-codedeploy-group',
          'https://pathfinding.cloud/paths/codedeploy-001',
        ),
        pathFinding(
          'Broad',
          "open a shell in every running ECS task and take its task role's credentials",
          'ecs:ExecuteCommand (BroadPolicy via NotAction) and ecs:DescribeTasks (BroadPolicy via NotAction)',
          'ecs-execute-command',
          'https://pathfinding.cloud/paths/ecs-006',
        ),
        pathFinding(
          'Broad',
          "create and execute a change set on every CloudFormation stack, deployed as the stack's service role",
          'cloudformation:CreateChangeSet (BroadPolicy via NotAction) and cloudformation:ExecuteChangeSet (BroadPolicy via NotAction)',
          'execute-any-cloudformation-change-set',
          'https://pathfinding.cloud/paths/cloudformation-005',
        ),
        // Added with the SageMaker notebook paths (pathfinding.cloud sagemaker-005, -004): NotAction leaves every
        // sagemaker action allowed on every resource, so every notebook instance.
        pathFinding(
          'Broad',
          "give every SageMaker notebook instance a lifecycle script and restart it, running it as the notebook's role",
          'sagemaker:CreateNotebookInstanceLifecycleConfig (BroadPolicy via NotAction), sagemaker:StopNotebookInstance (BroadPolicy via NotAction), sagemaker:UpdateNotebookInstance (BroadPolicy via NotAction) and sagemaker:StartNotebookInstance (BroadPolicy via NotAction)',
          'sagemaker-any-notebook-lifecycle-config',
          'https://pathfinding.cloud/paths/sagemaker-005',
        ),
        pathFinding(
          'Broad',
          'open every SageMaker notebook instance through a presigned URL and run code as its execution role',
          'sagemaker:CreatePresignedNotebookInstanceUrl (BroadPolicy via NotAction)',
          'sagemaker-any-notebook-url',
          'https://pathfinding.cloud/paths/sagemaker-004',
        ),
        pathFinding(
          'Broad',
          'run commands on every SSM-managed instance and take its role credentials',
          'ssm:SendCommand (BroadPolicy via NotAction)',
          'ssm-send-command',
          'https://pathfinding.cloud/paths/ssm-002',
        ),
        pathFinding(
          'Broad',
          'open a shell on every SSM-managed instance and take its role credentials',
          'ssm:StartSession (BroadPolicy via NotAction)',
          'ssm-start-session',
          'https://pathfinding.cloud/paths/ssm-001',
        ),
        pathFinding(
          'Broad',
          "start every CodeBuild project with its buildspec overridden and run commands as the project's role",
          'codebuild:StartBuild (BroadPolicy via NotAction)',
          'start-any-codebuild-build',
          'https://pathfinding.cloud/paths/codebuild-002',
        ),
        pathFinding(
          'Broad',
          "start a build batch of every CodeBuild project with its buildspec overridden, as the project's role",
          'codebuild:StartBuildBatch (BroadPolicy via NotAction)',
          'start-any-codebuild-build-batch',
          'https://pathfinding.cloud/paths/codebuild-003',
        ),
        pathFinding(
          'Broad',
          "submit a job of every AWS Batch job definition with its command overridden, run as the definition's job role",
          'batch:SubmitJob (BroadPolicy via NotAction)',
          'submit-any-batch-job',
          'https://pathfinding.cloud/paths/batch-002',
        ),
        // Added with pathfinding.cloud apprunner-002 and cloudformation-002 (session 48): NotAction leaves
        // apprunner:UpdateService and cloudformation:UpdateStack allowed on every service and stack. Its ec2:* exclusion
        // keeps ec2-004's launch templates and ec2instanceconnect-003's ec2:DescribeInstances out.
        pathFinding(
          'Broad',
          "redeploy every App Runner service with code of its choosing, running as the service's instance role",
          'apprunner:UpdateService (BroadPolicy via NotAction)',
          'update-any-apprunner-service',
          'https://pathfinding.cloud/paths/apprunner-002',
        ),
        pathFinding(
          'Broad',
          "update every CloudFormation stack with a template of its choosing, deployed as the stack's service role",
          'cloudformation:UpdateStack (BroadPolicy via NotAction)',
          'update-any-cloudformation-stack',
          'https://pathfinding.cloud/paths/cloudformation-002',
        ),
        pathFinding(
          'Broad',
          'put its SSH key on a Glue development endpoint that runs as a privileged role',
          'glue:UpdateDevEndpoint (BroadPolicy via NotAction)',
          'update-glue-dev-endpoint',
          'https://pathfinding.cloud/paths/glue-002',
        ),
        pathFinding(
          'Broad',
          'replace the code of a Lambda function that runs as a privileged role',
          'lambda:UpdateFunctionCode (BroadPolicy via NotAction)',
          'update-lambda-code',
          'https://pathfinding.cloud/paths/lambda-003',
        ),
      ],
    },
    {
      name: 'a group policy and a user policy combine: the path is reported on the user',
      model: model({
        identities: [
          identity('aws-group', 'Deployers', {
            policies: [allow('iam:PassRole', 'arn:aws:iam::111122223333:role/stack-*')],
          }),
          { ...user('ci', { policies: [allow('cloudformation:CreateStack')] }), groups: ['TestStack/Deployers'] },
        ],
      }),
      findings: [
        pathFinding(
          'ci',
          'create a CloudFormation stack that runs as a privileged role',
          'iam:PassRole (DeployersPolicy, on arn:aws:iam::111122223333:role/stack-*) and cloudformation:CreateStack (ciPolicy)',
          'passrole-cloudformation',
          'https://pathfinding.cloud/paths/cloudformation-001',
        ),
      ],
    },
    {
      name: 'an Unknown action (preview output) makes the paths pending',
      model: model({
        identities: [
          role('Pending', { policies: [allow([unknownValue('output of aws:ssm/parameter:Parameter') as never])] }),
        ],
      }),
      findings: [
        {
          resource: 'Pending',
          identity: 'TestStack/Pending',
          detail: 'Path::unknown',
          message: 'Pending: escalation paths cannot be verified until apply: output of aws:ssm/parameter:Parameter.',
          level: 'advisory',
          pending: true,
        },
      ],
    },
  ],
});

describe('no-privilege-escalation: wildcards and the path list', () => {
  it('every required action of every path is a known AWS action, spelled canonically', () => {
    const actions = ESCALATION_PATHS.flatMap((path) => path.actions);
    expect(actions.filter((action) => lookupAction(action)?.name !== action)).toEqual([]);
  });

  it("the resource types a path says its actions act on are the action's own, in the Service Authorization Reference", () => {
    for (const path of ESCALATION_PATHS) {
      for (const [name, types] of Object.entries(path.actsOn ?? {})) {
        expect(path.actions).toContain(name);
        expect(path.onAllResources).toBe(true);
        expect(resourceTypesOf(lookupAction(name)!)).toEqual(expect.arrayContaining([...types]));
      }
    }
  });

  it('path ids are unique and every path cites a source', () => {
    const ids = ESCALATION_PATHS.map((path) => path.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const path of ESCALATION_PATHS) expect(path.sources[0]).toMatch(/^https:\/\//);
  });

  it('iam:* on * (Rhino #1, #2, #4-#14 at once) is one administrator finding, not one per path', () => {
    const findings = findingsOf(rule, {
      name: 'iam:*',
      model: model({ identities: [role('IamAdmin', { policies: [allow('iam:*')] })] }),
    });
    expect(findings.map((finding) => [finding.detail, finding.message])).toEqual([
      [
        'Path::*',
        `IamAdmin is allowed every IAM action on "*" (for example iam:AttachRolePolicy (IamAdminPolicy via iam:*)), so all ${ESCALATION_PATHS.length} ` +
          'listed escalation paths are open: it can grant itself anything. Replace the grant with the specific actions it needs; ' +
          'administration belongs to a break-glass or just-in-time identity.',
      ],
    ]);
  });

  it('AdministratorAccess (Checkov CKV_AWS_274) is one administrator finding', () => {
    const findings = findingsOf(rule, {
      name: 'admin',
      model: model({
        identities: [role('Admin', { managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] })],
      }),
    });
    expect(findings.map((finding) => [finding.resource.name, finding.detail])).toEqual([['Admin', 'Path::*']]);
    expect(findings[0]!.message).toContain('(for example iam:AttachRolePolicy (AdministratorAccess via *))');
  });

  it('iam:* with an unconditional Deny of one IAM action is no longer all of IAM: each reached path is reported', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [...allow('iam:*').Statement, { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }],
    };
    const findings = findingsOf(rule, {
      name: 'iam:* minus PassRole',
      model: model({ identities: [role('IamAdmin', { policies: [policy] })] }),
    });
    expect(findings.map((finding) => finding.detail)).toEqual([
      'Path::add-user-to-group',
      'Path::attach-group-policy',
      'Path::attach-role-policy',
      'Path::attach-user-policy',
      'Path::create-access-key',
      'Path::create-login-profile',
      'Path::create-policy-version',
      'Path::put-group-policy',
      'Path::put-role-policy',
      'Path::put-user-policy',
      'Path::set-default-policy-version',
      'Path::update-assume-role-policy',
      'Path::update-login-profile',
    ]);
  });
});

describe('no-privilege-escalation through the CloudFormation adapter', () => {
  it('a path split between a group policy and a member user policy is one finding on the user, naming both policies', () => {
    const template = {
      Resources: {
        Deployers: { Type: 'AWS::IAM::Group' },
        DeployersPolicy: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'pass',
            Groups: [{ Ref: 'Deployers' }],
            PolicyDocument: allow('iam:PassRole', 'arn:aws:iam::111122223333:role/fn-*'),
          },
        },
        Ci: { Type: 'AWS::IAM::User', Properties: { Groups: [{ Ref: 'Deployers' }] } },
        CiPolicy: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'lambda',
            Users: [{ Ref: 'Ci' }],
            PolicyDocument: allow(['lambda:CreateFunction', 'lambda:InvokeFunction']),
          },
        },
      },
    };
    const findings = runRules(modelFromTemplates([{ stack: 'Pipeline', template }]), [rule], {
      catalog: catalog(),
    }).findings;
    expect(
      findings.map((finding) => [finding.resource.name, finding.identity, finding.detail, finding.message]),
    ).toEqual([
      [
        'Ci',
        'Pipeline/Ci',
        'Path::passrole-lambda-invoke',
        'Ci can create a Lambda function with a privileged role and invoke it: it is allowed iam:PassRole (DeployersPolicy, on arn:aws:iam::111122223333:role/fn-*), ' +
          `lambda:CreateFunction (CiPolicy) and lambda:InvokeFunction (CiPolicy). ${REMEDY} (path passrole-lambda-invoke, https://pathfinding.cloud/paths/lambda-001).`,
      ],
    ]);
  });
});

/**
 * update-lambda-code through a function of the change: the holder gains what the function's role holds. On main,
 * `lambda:UpdateFunctionCode` on `!GetAtt Function.Arn` (rendered `<Arn of Function>`) was read as naming no function,
 * so the path was missed even for a function running as AdministratorAccess (fail-open); and a grant on one function of
 * the change whose role holds nothing privileged was reported as if it reached every function.
 */
describe('update-lambda-code on functions of the change', () => {
  const LAMBDA_TRUST = {
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  const templateWith = (functionRole: Record<string, unknown>, resource: unknown) => ({
    Resources: {
      FunctionRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: LAMBDA_TRUST, ...functionRole } },
      Widgets: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::GetAtt': ['FunctionRole', 'Arn'] },
          Handler: 'index.handler',
          Runtime: 'python3.12',
          Code: { ZipFile: 'def handler(event, context): pass' },
        },
      },
      Deployer: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          Policies: [
            {
              PolicyName: 'deploy',
              PolicyDocument: statements({ Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: resource }),
            },
          ],
        },
      },
    },
  });
  const pathsOf = (template: ReturnType<typeof templateWith>) =>
    runRules(modelFromTemplates([{ stack: 'App', template }]), [rule], { catalog: catalog() })
      .findings.filter((finding) => finding.detail === 'Path::update-lambda-code')
      .map((finding) => [finding.resource.name, finding.message]);
  const ADMIN_ROLE = { ManagedPolicyArns: [ADMIN] };
  const LISTS_ONE_BUCKET = {
    ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    Policies: [{ PolicyName: 'list', PolicyDocument: allow('s3:ListBucket', 'arn:aws:s3:::widgets') }],
  };
  const reported = (on: string) => [
    'Deployer',
    `Deployer can replace the code of a Lambda function that runs as a privileged role: it is allowed lambda:UpdateFunctionCode (Deployer policy deploy, on ${on}). ${REMEDY} (path update-lambda-code, https://pathfinding.cloud/paths/lambda-003).`,
  ];

  it('reports !GetAtt Function.Arn when the function runs as an administrator (missed before: fail-open)', () => {
    expect(pathsOf(templateWith(ADMIN_ROLE, { 'Fn::GetAtt': ['Widgets', 'Arn'] }))).toEqual([
      reported('<Arn of Widgets>'),
    ]);
  });

  it('reports an ARN built from !Ref Function when the function runs as an administrator', () => {
    const arn = { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Widgets}' };
    expect(pathsOf(templateWith(ADMIN_ROLE, arn))).toEqual([
      reported('arn:aws:lambda:<own-region>:<own-account>:function:<id of Widgets>'),
    ]);
  });

  it('reports nothing for the one function of the change whose role holds nothing privileged', () => {
    expect(pathsOf(templateWith(LISTS_ONE_BUCKET, { 'Fn::GetAtt': ['Widgets', 'Arn'] }))).toEqual([]);
    const arn = { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Widgets}' };
    expect(pathsOf(templateWith(LISTS_ONE_BUCKET, arn))).toEqual([]);
  });

  it('keeps the path for a function outside the change, a name pattern, or a function beside them', () => {
    const outside = 'arn:aws:lambda:eu-west-1:111122223333:function:CDKExampleWidgetStoreFunction';
    expect(pathsOf(templateWith(LISTS_ONE_BUCKET, outside))).toEqual([reported(outside)]);
    expect(pathsOf(templateWith(LISTS_ONE_BUCKET, '*'))).toEqual([
      [
        'Deployer',
        `Deployer can replace the code of a Lambda function that runs as a privileged role: it is allowed lambda:UpdateFunctionCode (Deployer policy deploy). ${REMEDY} (path update-lambda-code, https://pathfinding.cloud/paths/lambda-003).`,
      ],
    ]);
    expect(pathsOf(templateWith(LISTS_ONE_BUCKET, [{ 'Fn::GetAtt': ['Widgets', 'Arn'] }, outside]))).toEqual([
      reported(`<Arn of Widgets>, ${outside}`),
    ]);
  });
});

/**
 * A path that needs every resource (assume-any-role) is pending on a Resource known only at deployment only when what
 * is known of it may still reach every resource. serverless-patterns'
 * eventbridge-lambda-fsx-openzfs-cross-account-region-periodic-replication assumes
 * `arn:aws:iam::${DestinationAWSAcctId}:role/CrossAcctIAMRole-${TargetStackName}`: whatever the parameters, only roles
 * of that name; on main it was a pending assume-any-role finding.
 */
describe('assume-any-role on a role ARN built from parameters', () => {
  const templateFor = (resource: string) => ({
    Parameters: { Account: { Type: 'String' }, Target: { Type: 'String' } },
    Resources: {
      Snapshots: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          Policies: [
            {
              PolicyName: 'assume',
              PolicyDocument: statements({
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: { 'Fn::Sub': resource },
              }),
            },
          ],
        },
      },
    },
  });
  const findingsFor = (resource: string) =>
    runRules(modelFromTemplates([{ stack: 'App', template: templateFor(resource) }]), [rule], {
      catalog: catalog(),
    }).findings.map((finding) => [finding.detail, finding.pending ?? false]);

  it('is silent when the role name is written: the parameters pick the account and a suffix only', () => {
    expect(findingsFor('arn:aws:iam::${Account}:role/CrossAcctIAMRole-${Target}')).toEqual([]);
  });

  it('stays pending when a parameter is the whole role name, or the whole ARN', () => {
    expect(findingsFor('arn:aws:iam::${Account}:role/${Target}')).toEqual([['Path::assume-any-role', true]]);
    expect(findingsFor('${Target}')).toEqual([['Path::assume-any-role', true]]);
  });
});

/**
 * The CDK EcsDeployAction's action role (test/corpus/aws/cdk-codepipeline-build-deploy): iam:PassRole to ECS tasks,
 * ecs:RegisterTaskDefinition and codedeploy:CreateDeployment on its deployment group. A blue/green deployment runs the
 * task definition its AppSpec names, so the role runs containers of its choosing as any role it may pass. On main no
 * path named CodeDeploy, and the role passed (fail-open).
 */
describe('passrole-ecs-codedeploy', () => {
  const deployRole = (passedTo: string) =>
    role('EcsDeploy', {
      policies: [
        statements(
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: '*',
            Condition: { StringEqualsIfExists: { 'iam:PassedToService': [passedTo] } },
          },
          { Effect: 'Allow', Action: 'ecs:RegisterTaskDefinition', Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['codedeploy:CreateDeployment', 'codedeploy:GetDeployment'],
            Resource: 'arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:app/app-group',
          },
        ),
      ],
    });
  const paths = (identity: ReturnType<typeof role>) =>
    findingsOf(rule, { name: 'EcsDeploy', model: model({ identities: [identity] }) }).map((finding) => finding.detail);

  it('is reported for the role CDK gives an ECS deploy action', () => {
    expect(paths(deployRole('ecs-tasks.amazonaws.com'))).toEqual(['Path::passrole-ecs-codedeploy']);
  });

  it('is not reported when the roles it may pass go to another service', () => {
    expect(paths(deployRole('ec2.amazonaws.com'))).toEqual([]);
  });
});
