/**
 * Key Vault access policies written inside the vault: an `azurerm_key_vault`'s `access_policy` blocks grant what an
 * `azurerm_key_vault_access_policy` grants (an object id's key, secret and storage permissions), and that resource is
 * reported as content the check cannot see. The inline form is reported the same way, where the configuration writes
 * it; a vault without access policies (RBAC authorization) is not.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

/** A vault as a plan shows it; `values` are written in the configuration. */
const vault = (values: Record<string, unknown>, unknown: Record<string, unknown> = {}): PlannedResource => ({
  address: 'azurerm_key_vault.payments',
  values: { name: 'payments-kv', sku_name: 'standard', tenant_id: '00000000-0000-0000-0000-000000000001', ...values },
  unknown: { id: true, vault_uri: true, ...unknown },
});
const ACCESS_POLICY = {
  tenant_id: '00000000-0000-0000-0000-000000000001',
  object_id: '00000000-0000-0000-0000-0000000000aa',
  key_permissions: ['Get'],
  secret_permissions: ['Get', 'List', 'Set'],
  storage_permissions: ['Get'],
  certificate_permissions: [],
  application_id: '',
};

function unseenFindings(resources: PlannedResource[], options?: PlanOptions): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((finding) => finding.ruleId === 'no-unseen-content')
    .map((f) => `${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`);
}

describe('Terraform: access_policy blocks of azurerm_key_vault', () => {
  it('are reported as a grant the check cannot see, as azurerm_key_vault_access_policy is', () => {
    expect(unseenFindings([vault({ access_policy: [ACCESS_POLICY] })])).toEqual([
      'azurerm_key_vault.payments Unseen::azurerm_key_vault access_policy pending: azurerm_key_vault.payments is a ' +
        'azurerm_key_vault access_policy, a Terraform resource type that grants access or creates a credential but ' +
        'that this check does not model: what it grants cannot be verified. Express the grant with the resource ' +
        'types the check reads (docs/terraform.md), or have it reviewed and set this rule to advisory in the catalog.',
    ]);
  });

  it('written from values known only at apply (a dynamic block over a variable), still reported', () => {
    expect(
      unseenFindings([{ ...vault({}, { access_policy: true }), references: { access_policy: ['var.readers'] } }]).map(
        (line) => line.split(':')[0],
      ),
    ).toEqual(['azurerm_key_vault.payments Unseen']);
  });

  it('a vault with none (RBAC authorization), or whose access_policy only lists the separate resources, is not', () => {
    expect(unseenFindings([vault({ enable_rbac_authorization: true, access_policy: [] })])).toEqual([]);
    // Left out of the configuration, the computed block reports azurerm_key_vault_access_policy resources.
    expect(
      unseenFindings([
        { ...vault({}, { access_policy: true }), references: {} },
        {
          address: 'azurerm_key_vault_access_policy.reader',
          values: { ...ACCESS_POLICY },
          unknown: { id: true, key_vault_id: true },
          references: { key_vault_id: ['azurerm_key_vault.payments.id', 'azurerm_key_vault.payments'] },
        },
      ]).map((line) => line.split(' ')[0]),
    ).toEqual(['azurerm_key_vault_access_policy.reader']);
  });

  it('a state (no configuration) that shows access policies is reported', () => {
    expect(
      unseenFindings([vault({ access_policy: [ACCESS_POLICY] })], { noConfiguration: true }).map(
        (line) => line.split(' ')[0],
      ),
    ).toEqual(['azurerm_key_vault.payments']);
  });
});
