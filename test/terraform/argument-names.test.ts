/**
 * Messages name where a value is missing in the words of the input the user wrote. The Terraform adapter reads a plan
 * through the Pulumi adapter's records, whose messages name Pulumi properties (`policyArn`, `roleDefinitionId`): in
 * Terraform input they now name the Terraform argument (`policy_arn`, `role_definition_id`), while a Pulumi program keeps
 * Pulumi's. Before, a Terraform plan's attachment without a policy said "….policyArn is not set", an argument
 * Terraform does not have.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** `rule resource: message` of the findings about what could not be read. */
function unread(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.pending)
    .map((f) => `${f.ruleId} ${f.resource.name}: ${f.message}`);
}

describe('messages name the argument of the input the user wrote', () => {
  it('Terraform: an attachment without policy_arn names policy_arn', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        { address: 'aws_iam_role.app', values: { name: 'app', assume_role_policy: TRUST }, unknown: { arn: true } },
        { address: 'aws_iam_role_policy_attachment.app', values: { role: 'app' }, unknown: { id: true } },
      ]),
    );
    expect(unread(model)).toEqual([
      'no-privilege-escalation aws_iam_role.app: app: escalation paths cannot be verified until apply: managed policy ARN aws_iam_role_policy_attachment.app.policy_arn is not set.',
      'no-wildcard-privilege aws_iam_role_policy_attachment.app: Managed policy attached to app cannot be verified until apply: aws_iam_role_policy_attachment.app.policy_arn is not set.',
    ]);
  });

  it('Pulumi: the same attachment without policyArn names policyArn', () => {
    const urn = (type: string, name: string) => `urn:pulumi:prod::p::${type}::${name}`;
    const model = modelFromPulumiResources([
      {
        type: 'aws:iam/role:Role',
        name: 'app',
        urn: urn('aws:iam/role:Role', 'app'),
        props: { name: 'app', assumeRolePolicy: TRUST },
      },
      {
        type: 'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
        name: 'app-attach',
        urn: urn('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'app-attach'),
        props: { role: 'app' },
      },
    ]);
    expect(unread(model)).toEqual([
      'no-privilege-escalation app: app: escalation paths cannot be verified until apply: managed policy ARN app-attach.policyArn is not set.',
      'no-wildcard-privilege app-attach: Managed policy attached to app cannot be verified until apply: app-attach.policyArn is not set.',
    ]);
  });

  it('Terraform: words after the address name arguments too (an azurerm_role_assignment without a role)', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'azurerm_role_assignment.ops',
          values: {
            scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
            principal_id: '11111111-1111-1111-1111-111111111111',
          },
          unknown: { id: true },
        },
      ]),
    );
    expect(unread(model)).toEqual([
      'no-wildcard-privilege azurerm_role_assignment.ops: azurerm_role_assignment.ops grants Principal:11111111-1111-1111-1111-111111111111 a role that cannot be verified until apply: role azurerm_role_assignment.ops: neither role_definition_id nor role_definition_name is set.',
    ]);
  });
});
