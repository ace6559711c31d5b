/**
 * An AzureRM resource's system-assigned managed identity (`identity { type = "SystemAssigned" }` on a Synapse
 * workspace, a web app, a VM, …): Azure creates it with the resource and role assignments name it by
 * `<resource>.identity[0].principal_id`. Read as the Pulumi adapters read azure-native's, so a plan and a Pulumi
 * program of the same resources give the same identity, holder and findings.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan } from './support.js';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

const plan = (identityType: string) =>
  terraformPlan([
    {
      address: 'azurerm_synapse_workspace.analytics',
      values: {
        name: 'analytics-ws',
        tags: { owner: 'team-data' },
        identity: [{ type: identityType, identity_ids: [] }],
      },
      unknown: { id: true, identity: [{ principal_id: true, tenant_id: true }] },
    },
    {
      address: 'azurerm_role_assignment.analytics_owner',
      values: {
        scope: SUBSCRIPTION,
        role_definition_id: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
      },
      unknown: { id: true, name: true, principal_id: true },
      references: {
        principal_id: [
          'azurerm_synapse_workspace.analytics.identity[0].principal_id',
          'azurerm_synapse_workspace.analytics.identity[0]',
          'azurerm_synapse_workspace.analytics.identity',
          'azurerm_synapse_workspace.analytics',
        ],
      },
    },
  ]);

describe('Terraform: system-assigned managed identities', () => {
  it('is an identity of the change, named after its resource with its tags, holding the role assigned to it', () => {
    const model = modelFromTerraformPlan(plan('SystemAssigned'));
    expect(
      model.identities.map((identity) => [identity.kind, identity.name, identity.resource.name, identity.tags]),
    ).toEqual([
      ['azure-managed-identity', 'analytics-ws', 'azurerm_synapse_workspace.analytics', { owner: 'team-data' }],
    ]);
    const [workspace] = model.identities;
    const findings = evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z') }).findings;
    expect(
      findings
        .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map((finding) => [finding.level, finding.resource.name, finding.identity === workspace!.id, finding.detail]),
    ).toEqual([['mandatory', 'azurerm_role_assignment.analytics_owner', true, 'Role::Owner']]);
  });

  it('a user-assigned identity block alone makes none', () => {
    expect(modelFromTerraformPlan(plan('UserAssigned')).identities).toEqual([]);
  });
});
