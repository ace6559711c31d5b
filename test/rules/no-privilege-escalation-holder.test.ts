/**
 * Escalation paths that lead back to the holder gain nothing: iam:PassRole of the holder itself to a service that then
 * runs as it, and lambda:UpdateFunctionCode on a function of the change, named by its written name, that runs as the
 * holder. The AWS Security Reference Architecture (test/corpus/sra) has both: the patch-management automation role
 * may pass `role/sra-patch-mgmt-automation`, its own name, to EC2 and CloudFormation, and the Bedrock org Lambda role
 * may update `function:sra-bedrock-org`, the function that runs as it. On main each was a mandatory path finding. What
 * might be another role or function keeps the path: a pattern, another name or account, a parameter without default,
 * a function that runs as a privileged role; a name the holder has only at its parameter's default is pending, saying
 * so. Each valid case and the pending one fail on main; the invalid ones pin what must stay.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { runRules } from '../../src/engine/evaluate.js';
import type { Model } from '../../src/model/model.js';
import rule from '../../src/rules/no-privilege-escalation.js';
import { catalog } from '../support/builders.js';
import { terraformPlan } from '../terraform/support.js';

const statements = (...list: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: list });
const trustOf = (service: string) =>
  statements({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const REMEDY = 'Remove one of these actions or scope it to resources that grant no more privilege';

/** `[identity, detail, pending, message]` of each path finding among `details`. */
function paths(model: Model, details: readonly string[]): [string, string, boolean, string][] {
  return runRules(model, [rule], { catalog: catalog() })
    .findings.filter((finding) => details.includes(finding.detail ?? ''))
    .map((finding) => [finding.resource.name, finding.detail ?? '', finding.pending === true, finding.message]);
}

describe('iam:PassRole of the holder itself (CloudFormation)', () => {
  const PASS_PATHS = ['Path::passrole-cloudformation', 'Path::passrole-ec2'];
  /** The SRA patch-management automation role's shape: PassRole on `passed`, RunInstances and CreateStack on `*`. */
  const automation = (roleName: unknown, passed: unknown, parameters?: Record<string, string>) =>
    modelFromTemplates([
      {
        stack: 'Patch',
        ...(parameters ? { parameters } : {}),
        template: {
          Parameters: {
            pSSMAutomationRoleName: {
              Type: 'String',
              Default: 'sra-patch-mgmt-automation',
              AllowedPattern: '^[\\w+=,.@-]{1,64}$',
            },
            pOneName: { Type: 'String', AllowedValues: ['sra-patch-mgmt-automation'] },
            pNoDefault: { Type: 'String', AllowedPattern: '^[\\w+=,.@-]{1,64}$' },
          },
          Resources: {
            rSSMAutomationRole: {
              Type: 'AWS::IAM::Role',
              Properties: {
                ...(roleName === undefined ? {} : { RoleName: roleName }),
                AssumeRolePolicyDocument: trustOf('ssm.amazonaws.com'),
                Path: '/',
                Policies: [
                  {
                    PolicyName: 'passrole',
                    PolicyDocument: statements({ Effect: 'Allow', Action: 'iam:PassRole', Resource: passed }),
                  },
                  {
                    PolicyName: 'ec2',
                    PolicyDocument: statements({
                      Effect: 'Allow',
                      Action: ['ec2:RunInstances', 'cloudformation:CreateStack'],
                      Resource: '*',
                    }),
                  },
                ],
              },
            },
            rOtherRole: {
              Type: 'AWS::IAM::Role',
              Properties: {
                RoleName: 'sra-patch-mgmt-other',
                AssumeRolePolicyDocument: trustOf('ec2.amazonaws.com'),
                ManagedPolicyArns: [ADMIN],
              },
            },
          },
        },
      },
    ]);
  const byName = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${name}` });
  const SELF = byName('sra-patch-mgmt-automation');
  const reported = (name: string, on: string): [string, string, boolean, string][] =>
    [
      [
        'passrole-cloudformation',
        'create a CloudFormation stack that runs as a privileged role',
        'cloudformation:CreateStack',
      ],
      ['passrole-ec2', 'launch an EC2 instance with a privileged instance profile', 'ec2:RunInstances'],
    ].map(([id, title, action]) => [
      'rSSMAutomationRole',
      `Path::${id}`,
      false,
      `${name} can ${title}: it is allowed iam:PassRole (rSSMAutomationRole policy passrole, on ${on}) and ${action} (rSSMAutomationRole policy ec2). ${REMEDY} (path ${id}, ${
        id === 'passrole-ec2'
          ? 'https://pathfinding.cloud/paths/ec2-001'
          : 'https://pathfinding.cloud/paths/cloudformation-001'
      }).`,
    ]);

  it('reports nothing for its own ARN written with its literal RoleName', () => {
    expect(paths(automation('sra-patch-mgmt-automation', SELF), PASS_PATHS)).toEqual([]);
  });

  it('reports nothing for !GetAtt Role.Arn and an ARN built from !Ref Role, whatever names the role', () => {
    const getAtt = { 'Fn::GetAtt': ['rSSMAutomationRole', 'Arn'] };
    const built = byName('${rSSMAutomationRole}');
    for (const roleName of [undefined, { Ref: 'pSSMAutomationRoleName' }, { Ref: 'pNoDefault' }]) {
      expect(paths(automation(roleName, getAtt), PASS_PATHS)).toEqual([]);
      expect(paths(automation(roleName, built), PASS_PATHS)).toEqual([]);
    }
  });

  it("reports nothing for the name every deployment gives it: one allowed value, or the deployment's value", () => {
    expect(paths(automation({ Ref: 'pOneName' }, SELF), PASS_PATHS)).toEqual([]);
    const given = { pSSMAutomationRoleName: 'sra-patch-mgmt-automation' };
    expect(paths(automation({ Ref: 'pSSMAutomationRoleName' }, SELF, given), PASS_PATHS)).toEqual([]);
    // Role names are unique in an account whatever their path: the name under another path names no role at all.
    const otherPath = byName('service-role/sra-patch-mgmt-automation');
    expect(paths(automation('sra-patch-mgmt-automation', otherPath), PASS_PATHS)).toEqual([]);
  });

  it("is pending where only the parameter's default gives it the name written (the SRA's template, no values given)", () => {
    const what =
      'iam:PassRole names arn:aws:iam::<own-account>:role/sra-patch-mgmt-automation, which is this role only where ' +
      'the deployment keeps its name at the default sra-patch-mgmt-automation (Ref pSSMAutomationRoleName (a ' +
      'parameter the deployment may set to a value other than its default)); under another name it passes whatever ' +
      'role of the account has that one';
    expect(paths(automation({ Ref: 'pSSMAutomationRoleName' }, SELF), PASS_PATHS)).toEqual([
      [
        'rSSMAutomationRole',
        'Path::passrole-cloudformation',
        true,
        `rSSMAutomationRole: escalation path passrole-cloudformation (create a CloudFormation stack that runs as a privileged role) cannot be verified until apply: ${what}.`,
      ],
      [
        'rSSMAutomationRole',
        'Path::passrole-ec2',
        true,
        `rSSMAutomationRole: escalation path passrole-ec2 (launch an EC2 instance with a privileged instance profile) cannot be verified until apply: ${what}.`,
      ],
    ]);
  });

  it('keeps the path for a pattern, another role, another account, a parameter without default, or itself beside another', () => {
    const name = 'sra-patch-mgmt-automation';
    const own = 'arn:aws:iam::<own-account>:role';
    expect(paths(automation(name, byName('sra-*')), PASS_PATHS)).toEqual(reported(name, `${own}/sra-*`));
    expect(paths(automation(name, byName('sra-patch-mgmt-other')), PASS_PATHS)).toEqual(
      reported(name, `${own}/sra-patch-mgmt-other`),
    );
    const literal = 'arn:aws:iam::111122223333:role/sra-patch-mgmt-automation';
    expect(paths(automation(name, literal), PASS_PATHS)).toEqual(reported(name, literal));
    expect(paths(automation(name, byName('${pNoDefault}')), PASS_PATHS)).toEqual(
      reported(
        name,
        'Fn::Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${pNoDefault}" containing Ref pNoDefault (parameter without a default)',
      ),
    );
    expect(paths(automation(name, [SELF, byName('sra-patch-mgmt-other')]), PASS_PATHS)).toEqual(
      reported(name, `${own}/${name}, ${own}/sra-patch-mgmt-other`),
    );
    // The default names it, but the statement also names another role: the path is open in every deployment.
    expect(
      paths(automation({ Ref: 'pSSMAutomationRoleName' }, [SELF, byName('sra-patch-mgmt-other')]), PASS_PATHS),
    ).toEqual(reported('rSSMAutomationRole', `${own}/${name}, ${own}/sra-patch-mgmt-other`));
  });
});

describe('lambda:UpdateFunctionCode on a function of the change named by its written name', () => {
  const UPDATE = ['Path::update-lambda-code'];
  /** The SRA Bedrock org Lambda role's shape: it may update the function named `resource`; `runner` runs `Fn`. */
  const bedrock = (functionName: unknown, resource: unknown, runner = 'rBedrockOrgLambdaRole') =>
    modelFromTemplates([
      {
        stack: 'Bedrock',
        template: {
          Parameters: {
            pSRASolutionName: { Type: 'String', AllowedValues: ['sra-bedrock-org'], Default: 'sra-bedrock-org' },
            pFunctionName: { Type: 'String', Default: 'sra-bedrock-org' },
          },
          Resources: {
            rBedrockOrgLambdaRole: {
              Type: 'AWS::IAM::Role',
              Properties: {
                RoleName: 'sra-bedrock-org-lambda',
                AssumeRolePolicyDocument: trustOf('lambda.amazonaws.com'),
                Policies: [
                  {
                    PolicyName: 'lambda',
                    PolicyDocument: statements({
                      Effect: 'Allow',
                      Action: 'lambda:UpdateFunctionCode',
                      Resource: resource,
                    }),
                  },
                ],
              },
            },
            rAdminRole: {
              Type: 'AWS::IAM::Role',
              Properties: { AssumeRolePolicyDocument: trustOf('lambda.amazonaws.com'), ManagedPolicyArns: [ADMIN] },
            },
            rBedrockOrgLambdaFunction: {
              Type: 'AWS::Lambda::Function',
              Properties: {
                FunctionName: functionName,
                Role: { 'Fn::GetAtt': [runner, 'Arn'] },
                Handler: 'app.lambda_handler',
                Runtime: 'python3.12',
                Code: { ZipFile: 'def lambda_handler(event, context): pass' },
              },
            },
          },
        },
      },
    ]);
  const arnOf = (name: string, region = '${AWS::Region}') => ({
    'Fn::Sub': `arn:\${AWS::Partition}:lambda:${region}:\${AWS::AccountId}:function:${name}`,
  });
  const reported = (on: string): [string, string, boolean, string][] => [
    [
      'rBedrockOrgLambdaRole',
      'Path::update-lambda-code',
      false,
      `sra-bedrock-org-lambda can replace the code of a Lambda function that runs as a privileged role: it is allowed lambda:UpdateFunctionCode (rBedrockOrgLambdaRole policy lambda, on ${on}). ${REMEDY} (path update-lambda-code, https://pathfinding.cloud/paths/lambda-003).`,
    ],
  ];

  it('reports nothing for the function that runs as the holder, by its literal or single allowed name', () => {
    expect(paths(bedrock('sra-bedrock-org', arnOf('sra-bedrock-org')), UPDATE)).toEqual([]);
    expect(paths(bedrock({ Ref: 'pSRASolutionName' }, arnOf('${pSRASolutionName}')), UPDATE)).toEqual([]);
  });

  it('keeps the path for a function that runs as a privileged role, a name a deployment may change, another region', () => {
    const own = 'arn:aws:lambda:<own-region>:<own-account>:function';
    expect(paths(bedrock('sra-bedrock-org', arnOf('sra-bedrock-org'), 'rAdminRole'), UPDATE)).toEqual(
      reported(`${own}:sra-bedrock-org`),
    );
    expect(paths(bedrock({ Ref: 'pFunctionName' }, arnOf('sra-bedrock-org')), UPDATE)).toEqual(
      reported(`${own}:sra-bedrock-org`),
    );
    expect(paths(bedrock('sra-bedrock-org', arnOf('sra-bedrock-org', 'eu-west-1')), UPDATE)).toEqual(
      reported('arn:aws:lambda:eu-west-1:<own-account>:function:sra-bedrock-org'),
    );
    expect(paths(bedrock('sra-bedrock-org', arnOf('sra-*')), UPDATE)).toEqual(reported(`${own}:sra-*`));
  });
});

/**
 * The same shapes in a Terraform plan and a Pulumi program: a role that may pass itself and update its own function.
 * A plan writes the account and region as literals (from `data.aws_caller_identity`), which the model cannot tie to
 * the deployment's own, so a resource that does not exist yet keeps its paths; one that exists (its ARN in the plan or
 * the stack) is tied by that ARN, as CloudFormation ties `!GetAtt`.
 */
describe('the same verdict in a Terraform plan and a Pulumi stack', () => {
  const ROLE_ARN = 'arn:aws:iam::123456789012:role/runner';
  const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:widgets';
  const policy = JSON.stringify(
    statements(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE_ARN },
      { Effect: 'Allow', Action: ['ec2:RunInstances', 'lambda:UpdateFunctionCode'], Resource: '*' },
      { Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: FUNCTION_ARN },
    ),
  );
  const PATHS = ['Path::passrole-ec2', 'Path::update-lambda-code'];
  const onlyOwn = (text: string) =>
    JSON.stringify(
      statements(
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE_ARN },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
        { Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: text },
      ),
    );
  const plan = (existing: boolean, document: string) =>
    modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_iam_role.runner',
          values: {
            name: 'runner',
            assume_role_policy: JSON.stringify(trustOf('lambda.amazonaws.com')),
            ...(existing ? { arn: ROLE_ARN } : {}),
          },
          ...(existing ? { actions: ['no-op'] } : { unknown: { arn: true, id: true } }),
        },
        {
          address: 'aws_lambda_function.fn',
          values: {
            function_name: 'widgets',
            handler: 'app.handler',
            runtime: 'python3.12',
            ...(existing ? { arn: FUNCTION_ARN, role: ROLE_ARN } : {}),
          },
          ...(existing ? { actions: ['no-op'] } : { unknown: { arn: true, role: true } }),
          references: { role: ['aws_iam_role.runner.arn', 'aws_iam_role.runner'] },
        },
        {
          address: 'aws_iam_role_policy.p',
          values: { role: 'runner', policy: document },
          references: { role: ['aws_iam_role.runner.name', 'aws_iam_role.runner'] },
        },
      ]),
      { file: 'plan.json' },
    );
  const resource = (type: string, name: string, props: Record<string, unknown>): PulumiResource => ({
    type,
    name,
    urn: `urn:pulumi:dev::app::${type}::${name}`,
    props,
  });
  const stack = (document: string) =>
    modelFromPulumiResources([
      resource('aws:iam/role:Role', 'runner', {
        name: 'runner',
        arn: ROLE_ARN,
        assumeRolePolicy: JSON.stringify(trustOf('lambda.amazonaws.com')),
      }),
      resource('aws:lambda/function:Function', 'fn', { name: 'widgets', arn: FUNCTION_ARN, role: ROLE_ARN }),
      resource('aws:iam/rolePolicy:RolePolicy', 'p', { role: 'runner', policy: document }),
    ]);

  it('ties an existing role and function by their ARNs: nothing to report (Terraform plan and Pulumi stack)', () => {
    expect(paths(plan(true, onlyOwn(FUNCTION_ARN)), PATHS)).toEqual([]);
    expect(paths(stack(onlyOwn(FUNCTION_ARN)), PATHS)).toEqual([]);
  });

  it('keeps both paths for a role and function a plan creates (their account is not known to be the written one)', () => {
    expect(
      paths(plan(false, onlyOwn(FUNCTION_ARN)), PATHS).map(([name, detail, pending]) => [name, detail, pending]),
    ).toEqual([
      ['aws_iam_role.runner', 'Path::passrole-ec2', false],
      ['aws_iam_role.runner', 'Path::update-lambda-code', false],
    ]);
  });

  it('keeps update-lambda-code where the grant also reaches every function', () => {
    expect(paths(stack(policy), PATHS).map(([name, detail, pending]) => [name, detail, pending])).toEqual([
      ['runner', 'Path::update-lambda-code', false],
    ]);
  });
});
