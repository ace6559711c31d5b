/**
 * no-privilege-escalation on the pathfinding.cloud paths added in session 48 (DataDog/pathfinding.cloud 84dd65c):
 * stack sets (cloudformation-003, -004), a build batch of a new CodeBuild project (codebuild-004), ecs:StartTask
 * (ecs-005), and, only on every resource, App Runner service updates (apprunner-002), stack updates
 * (cloudformation-002), launch template versions (ec2-004) and EC2 Instance Connect (ec2instanceconnect-003). On main
 * none of them was a path: each invalid case below gave no finding (fail-open). lambda-004 and lambda-005 stay out:
 * they add a way to invoke the function to lambda-003's lambda:UpdateFunctionCode, which update-lambda-code reports.
 */
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, model, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { PATHFINDING, pathFinding, CONDITIONED, passRoleTo } from './support/escalation-findings.js';

const ADMINISTRATION_ROLE = 'arn:aws:iam::111122223333:role/AWSCloudFormationStackSetAdministrationRole';
const SERVICE = 'arn:aws:apprunner:eu-west-1:111122223333:service/orders-api/8fe1e10304f84fd2b0df550fe98a71fa';
const STACK = 'arn:aws:cloudformation:eu-west-1:111122223333:stack/orders-prod/*';
const LAUNCH_TEMPLATE = 'arn:aws:ec2:eu-west-1:111122223333:launch-template/lt-0a1b2c3d4e5f67890';
const INSTANCE = 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f67890';
const CI_PROJECTS = 'arn:aws:codebuild:eu-west-1:111122223333:project/ci-*';

ruleTester(rule, {
  valid: [
    {
      // A deployment pipeline's role on the service, stack and launch template it deploys, an operator's on one host.
      name: 'App Runner updates, stack updates and launch template versions on one named resource, an SSH key pushed to one instance: ordinary access',
      model: model({
        identities: [
          role('ServiceDeployer', {
            policies: [allow(['apprunner:UpdateService', 'apprunner:DescribeService'], SERVICE)],
          }),
          role('StackDeployer', {
            policies: [allow(['cloudformation:UpdateStack', 'cloudformation:DescribeStacks'], STACK)],
          }),
          role('ImageRoller', {
            policies: [allow(['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'], LAUNCH_TEMPLATE)],
          }),
          role('HostOperator', {
            policies: [allow('ec2-instance-connect:SendSSHPublicKey', INSTANCE), allow('ec2:DescribeInstances')],
          }),
        ],
      }),
    },
    {
      // pathfinding.cloud requires each of these actions: a key pushed without finding the instance, a template
      // version never made the default, a stack set defined but never deployed, a task definition registered but
      // never run. (Until session 49 this case held ecs:StartTask beside iam:PassRole, "a task started from no
      // definition of the holder's": ecs-009 shows that is a path, overriding an existing definition's task role.)
      name: 'each new path missing one of its required actions: no path',
      model: model({
        identities: [
          role('Partial', {
            policies: [
              allow([
                'ec2-instance-connect:SendSSHPublicKey',
                'ec2:CreateLaunchTemplateVersion',
                'cloudformation:CreateStackSet',
                'ecs:RegisterTaskDefinition',
              ]),
              allow('iam:PassRole', ADMINISTRATION_ROLE),
            ],
          }),
        ],
      }),
    },
    {
      name: 'iam:PassRole only to EC2 beside stack set, CodeBuild batch and ECS StartTask actions: no service of these paths receives the role',
      model: model({
        identities: [
          role('Ec2Only', {
            policies: [
              passRoleTo('ec2.amazonaws.com'),
              allow([
                'cloudformation:CreateStackSet',
                'cloudformation:CreateStackInstances',
                'cloudformation:UpdateStackSet',
                'ecs:RegisterTaskDefinition',
                'ecs:StartTask',
              ]),
              allow(['codebuild:CreateProject', 'codebuild:StartBuildBatch'], CI_PROJECTS),
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'pathfinding.cloud cloudformation-003: iam:PassRole of the administration role, a new stack set and its instances',
      model: model({
        identities: [
          role('StackSetAuthor', {
            policies: [
              allow('iam:PassRole', ADMINISTRATION_ROLE),
              allow(['cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'StackSetAuthor',
          'create a CloudFormation stack set and deploy its instances through a privileged administration role',
          `iam:PassRole (StackSetAuthorPolicy, on ${ADMINISTRATION_ROLE}), cloudformation:CreateStackSet (StackSetAuthorPolicy2) and cloudformation:CreateStackInstances (StackSetAuthorPolicy2)`,
          'passrole-cloudformation-stack-set',
          `${PATHFINDING}/cloudformation-003`,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud cloudformation-004: iam:PassRole of the administration role and cloudformation:UpdateStackSet',
      model: model({
        identities: [
          role('StackSetUpdater', {
            policies: [
              allow('iam:PassRole', ADMINISTRATION_ROLE),
              allow('cloudformation:UpdateStackSet', 'arn:aws:cloudformation:*:111122223333:stackset/org-baseline:*'),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'StackSetUpdater',
          "rewrite the template of a CloudFormation stack set and deploy it through the stack set's privileged roles",
          `iam:PassRole (StackSetUpdaterPolicy, on ${ADMINISTRATION_ROLE}) and cloudformation:UpdateStackSet (StackSetUpdaterPolicy2, on arn:aws:cloudformation:*:111122223333:stackset/org-baseline:*)`,
          'passrole-cloudformation-update-stack-set',
          `${PATHFINDING}/cloudformation-004`,
        ),
      ],
    },
    {
      // StartBuildBatch on the CI projects only: start-any-codebuild-build-batch (every project) stays closed.
      name: 'pathfinding.cloud codebuild-004: iam:PassRole to CodeBuild, a new project and a build batch of it',
      model: model({
        identities: [
          role('BatchBuilder', {
            policies: [
              passRoleTo('codebuild.amazonaws.com'),
              allow(['codebuild:CreateProject', 'codebuild:StartBuildBatch'], CI_PROJECTS),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'BatchBuilder',
          'create a CodeBuild project with a privileged service role and start a build batch of it',
          `iam:PassRole (BatchBuilderPolicy), codebuild:CreateProject (BatchBuilderPolicy2, on ${CI_PROJECTS}) and codebuild:StartBuildBatch (BatchBuilderPolicy2, on ${CI_PROJECTS})`,
          'passrole-codebuild-batch',
          `${PATHFINDING}/codebuild-004`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'pathfinding.cloud ecs-005: iam:PassRole to ECS tasks, a new task definition and ecs:StartTask',
      model: model({
        identities: [
          role('TaskStarter', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/task-*'),
              allow(['ecs:RegisterTaskDefinition', 'ecs:StartTask']),
            ],
          }),
        ],
      }),
      // Since session 49 reported as the smaller ecs-009 (no task definition of its own needed): its grants and source.
      findings: [
        pathFinding(
          'TaskStarter',
          'start an ECS task on a container instance as a privileged task role, overriding the task role and command of a task definition',
          'iam:PassRole (TaskStarterPolicy, on arn:aws:iam::111122223333:role/task-*) and ecs:StartTask (TaskStarterPolicy2)',
          'passrole-ecs-start-task',
          `${PATHFINDING}/ecs-009`,
        ),
      ],
    },
    {
      // Every resource, as `*` or as every ARN of the action's resource type in any account and region.
      name: 'pathfinding.cloud apprunner-002, cloudformation-002, ec2-004, ec2instanceconnect-003: each on every resource',
      model: model({
        identities: [
          role('Operator', {
            policies: [
              allow('apprunner:UpdateService'),
              allow('cloudformation:UpdateStack', 'arn:aws:cloudformation:*:*:stack/*'),
              allow(
                ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
                'arn:aws:ec2:*:*:launch-template/*',
              ),
              allow('ec2-instance-connect:SendSSHPublicKey', 'arn:aws:ec2:*:*:instance/*'),
              allow('ec2:DescribeInstances'),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Operator',
          "push an SSH key to every EC2 instance, log in and take its instance role's credentials",
          'ec2-instance-connect:SendSSHPublicKey (OperatorPolicy4, on arn:aws:ec2:*:*:instance/*) and ec2:DescribeInstances (OperatorPolicy5)',
          'ec2-instance-connect-any-instance',
          `${PATHFINDING}/ec2instanceconnect-003`,
        ),
        pathFinding(
          'Operator',
          "give every EC2 launch template a default version with its own user data, run as the template's instance role",
          'ec2:CreateLaunchTemplateVersion (OperatorPolicy3, on arn:aws:ec2:*:*:launch-template/*) and ec2:ModifyLaunchTemplate (OperatorPolicy3, on arn:aws:ec2:*:*:launch-template/*)',
          'modify-any-ec2-launch-template',
          `${PATHFINDING}/ec2-004`,
        ),
        pathFinding(
          'Operator',
          "redeploy every App Runner service with code of its choosing, running as the service's instance role",
          'apprunner:UpdateService (OperatorPolicy)',
          'update-any-apprunner-service',
          `${PATHFINDING}/apprunner-002`,
        ),
        pathFinding(
          'Operator',
          "update every CloudFormation stack with a template of its choosing, deployed as the stack's service role",
          'cloudformation:UpdateStack (OperatorPolicy2, on arn:aws:cloudformation:*:*:stack/*)',
          'update-any-cloudformation-stack',
          `${PATHFINDING}/cloudformation-002`,
        ),
      ],
    },
    {
      // lambda-004 (with lambda:InvokeFunction) and lambda-005 (with lambda:AddPermission) are lambda-003 and a way to
      // invoke the function at once: one finding, update-lambda-code, names them all.
      name: 'pathfinding.cloud lambda-004 and lambda-005 are reported as the smaller lambda-003 they contain',
      model: model({
        identities: [
          role('FunctionHijacker', {
            policies: [allow(['lambda:UpdateFunctionCode', 'lambda:InvokeFunction', 'lambda:AddPermission'])],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'FunctionHijacker',
          'replace the code of a Lambda function that runs as a privileged role',
          'lambda:UpdateFunctionCode (FunctionHijackerPolicy)',
          'update-lambda-code',
          `${PATHFINDING}/lambda-003`,
        ),
      ],
    },
  ],
});
