/**
 * no-privilege-escalation on roles only an AWS service that runs no code as them may assume (src/iam/aws/service-roles.ts):
 * AWS Batch's service role holds iam:PassRole to EC2 and ECS tasks with ec2:RunInstances, ecs:RunTask and
 * ecs:StartTask (AWS's service-role/AWSBatchServiceRole, which test/corpus/cdk-apps batch-ecr-openmp attaches), so
 * three paths were reported on it, judged noisy in test/corpus/cdk-apps/README.md and test/corpus/aws/README.md: only
 * Batch acts as the role, and the roles it forwards are named by callers who must be allowed to pass them. Each
 * valid case fails on main; the invalid ones pin what keeps the paths: another principal in the trust, a service not
 * listed, compute of the change running as the role.
 */
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, model, role } from '../support/builders.js';
import { ruleTester, type ExpectedFinding } from '../support/rule-tester.js';
import { REMEDY, PATHFINDING, CONDITIONED, statements } from './support/escalation-findings.js';

const trustOf = (principal: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  statements({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });
const BATCH = { Service: 'batch.amazonaws.com' };

/** The service role's shape: what AWS Batch needs to run compute environments on EC2 and ECS. */
const SERVICE_ROLE_POLICIES = [
  allow(['ec2:RunInstances', 'ecs:RegisterTaskDefinition', 'ecs:RunTask', 'ecs:StartTask']),
  allow('iam:PassRole', '*', {
    Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] } },
  }),
];
const MANAGED = 'arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole';

/** The three paths the service role's grants open, for a holder `name`. */
function serviceRolePaths(name: string): ExpectedFinding[] {
  const finding = (can: string, grants: string, path: string, source: string): ExpectedFinding => ({
    resource: name,
    identity: `TestStack/${name}`,
    detail: `Path::${path}`,
    message: `${name} can ${can}: it is allowed ${grants}.${CONDITIONED} ${REMEDY} (path ${path}, ${source}).`,
  });
  return [
    finding(
      'launch an EC2 instance with a privileged instance profile',
      `iam:PassRole (${name}Policy2) and ec2:RunInstances (${name}Policy)`,
      'passrole-ec2',
      `${PATHFINDING}/ec2-001`,
    ),
    finding(
      'run an ECS task as a privileged task role, overriding the task role and command of a task definition',
      `iam:PassRole (${name}Policy2) and ecs:RunTask (${name}Policy)`,
      'passrole-ecs-run-task',
      `${PATHFINDING}/ecs-008`,
    ),
    finding(
      'start an ECS task on a container instance as a privileged task role, overriding the task role and command of a task definition',
      `iam:PassRole (${name}Policy2) and ecs:StartTask (${name}Policy)`,
      'passrole-ecs-start-task',
      `${PATHFINDING}/ecs-009`,
    ),
  ];
}

ruleTester(rule, {
  valid: [
    {
      name: "AWS Batch's service role, trusted by Batch alone: only Batch acts as it",
      model: model({
        identities: [role('BatchService', { trust: trustOf(BATCH), policies: SERVICE_ROLE_POLICIES })],
      }),
    },
    {
      // The confused-deputy condition AWS recommends on service trust narrows who may ask Batch, not who acts as it.
      name: 'the same role with AWS managed AWSBatchServiceRole, trusted by Batch for this account only',
      model: model({
        identities: [
          role('BatchServiceManaged', {
            trust: trustOf(BATCH, { Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }),
            managedPolicies: [MANAGED],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      // ECS tasks that assume the role run the job's code as it: whoever runs them holds its paths.
      name: 'trusted by Batch and by ECS tasks: code runs as it',
      model: model({
        identities: [
          role('SharedRole', {
            trust: statements({
              Effect: 'Allow',
              Principal: { Service: ['batch.amazonaws.com', 'ecs-tasks.amazonaws.com'] },
              Action: 'sts:AssumeRole',
            }),
            policies: SERVICE_ROLE_POLICIES,
          }),
        ],
      }),
      findings: serviceRolePaths('SharedRole'),
    },
    {
      name: 'trusted by Batch and by the account: any of its identities allowed sts:AssumeRole acts as it',
      model: model({
        identities: [
          role('AssumableRole', {
            trust: statements(
              { Effect: 'Allow', Principal: BATCH, Action: 'sts:AssumeRole' },
              { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
            ),
            policies: SERVICE_ROLE_POLICIES,
          }),
        ],
      }),
      findings: serviceRolePaths('AssumableRole'),
    },
    {
      // EventBridge runs no code either, but hands an event's input to the targets it calls as the role.
      name: 'trusted by EventBridge alone: not a service the check lists',
      model: model({
        identities: [
          role('EventsRole', { trust: trustOf({ Service: 'events.amazonaws.com' }), policies: SERVICE_ROLE_POLICIES }),
        ],
      }),
      findings: serviceRolePaths('EventsRole'),
    },
    {
      // A job definition of the change that names it as its job role: the job's code would run as it.
      name: 'trusted by Batch alone, but compute of the change runs as it',
      model: model({
        identities: [
          role('JobRole', { trust: trustOf(BATCH), policies: SERVICE_ROLE_POLICIES, attachments: ['batch'] }),
        ],
      }),
      findings: serviceRolePaths('JobRole'),
    },
    {
      name: 'no trust policy in the change: who may act as it is not known',
      model: model({ identities: [role('NoTrust', { policies: SERVICE_ROLE_POLICIES })] }),
      findings: serviceRolePaths('NoTrust'),
    },
  ],
});
