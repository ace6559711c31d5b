/**
 * Key Vault access policies in a Terraform plan: an `azurerm_key_vault_access_policy` and an `azurerm_key_vault`'s
 * `access_policy` blocks grant an object id the Key Vault data actions of their key, secret, certificate and storage
 * permissions on the vault, read as the Pulumi adapter reads the classic provider's AccessPolicy and KeyVault
 * `accessPolicies` (the azurerm records map onto those) and judged as a role assignment of those data actions. A block
 * written from values known only at apply is a grant that cannot be verified until apply; a vault with none (RBAC
 * authorization), or whose computed block only lists the separate resources, adds nothing of its own.
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
  values: {
    name: 'payments-kv',
    resource_group_name: 'payments',
    sku_name: 'standard',
    tenant_id: '00000000-0000-0000-0000-000000000001',
    ...values,
  },
  unknown: { id: true, vault_uri: true, ...unknown },
});
const ACCESS_POLICY = {
  tenant_id: '00000000-0000-0000-0000-000000000001',
  object_id: '00000000-0000-0000-0000-0000000000aa',
  key_permissions: ['Get'],
  secret_permissions: ['Get', 'List', 'Set', 'Purge'],
  storage_permissions: ['Get'],
  certificate_permissions: [],
  application_id: '',
};
const SCOPE = '/subscriptions/{subscription}/resourceGroups/payments/providers/Microsoft.KeyVault/vaults/payments-kv';

function findings(resources: PlannedResource[], options?: PlanOptions): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((finding) => ['no-unseen-content', 'no-wildcard-privilege'].includes(finding.ruleId))
    .map((f) => `${f.ruleId} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`);
}

function grants(resources: PlannedResource[], options?: PlanOptions) {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return (model.externalRoleGrants ?? []).map(({ member, grant }) => ({
    member,
    source: grant.source.name,
    role: grant.role,
    scope: grant.scope,
    lists: grant.keyVaultAccessPolicy?.lists,
    dataActions: grant.permissions?.flatMap((permission) => permission.dataActions ?? []),
  }));
}

const PURGE =
  'no-wildcard-privilege azurerm_key_vault.payments AccessPolicy::secrets:purge: azurerm_key_vault.payments gives ' +
  `Principal:00000000-0000-0000-0000-0000000000aa a Key Vault access policy on ${SCOPE} with secrets: Purge (permanent ` +
  'deletion of what soft delete keeps, which nothing undoes). Grant the named permissions the identity needs (secrets ' +
  'get and list, keys wrapKey and unwrapKey), never all or purge, or move the vault to Azure RBAC and assign a Key Vault ' +
  'data role on it.';

describe('Terraform: Key Vault access policies', () => {
  it('an access_policy block is a grant of its data actions on the vault to the object id; purge is privileged', () => {
    const resources = [vault({ access_policy: [ACCESS_POLICY] })];
    expect(grants(resources)).toEqual([
      {
        member: 'Principal:00000000-0000-0000-0000-0000000000aa',
        source: 'azurerm_key_vault.payments',
        role: 'Key Vault access policy',
        scope: SCOPE,
        lists: { keys: ['Get'], secrets: ['Get', 'List', 'Set', 'Purge'], storage: ['Get'] },
        dataActions: [
          'Microsoft.KeyVault/vaults/keys/read',
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/secrets/purge/action',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
          'Microsoft.KeyVault/vaults/secrets/setSecret/action',
          'Microsoft.KeyVault/vaults/secrets/update/action',
          'Microsoft.KeyVault/vaults/storageaccounts/read',
        ],
      },
    ]);
    expect(findings(resources)).toEqual([PURGE]);
  });

  it('an azurerm_key_vault_access_policy gives the same verdict; its vault id known only at apply is that of the vault of the plan it refers to', () => {
    const policy: PlannedResource = {
      address: 'azurerm_key_vault_access_policy.reader',
      values: { ...ACCESS_POLICY, secret_permissions: ['all'] },
      unknown: { id: true, key_vault_id: true },
      references: { key_vault_id: ['azurerm_key_vault.payments.id', 'azurerm_key_vault.payments'] },
    };
    expect(grants([vault({}), policy]).map(({ scope }) => scope)).toEqual([SCOPE]);
    expect(findings([vault({}), policy])).toEqual([
      'no-wildcard-privilege azurerm_key_vault_access_policy.reader AccessPolicy::secrets:all: ' +
        'azurerm_key_vault_access_policy.reader gives Principal:00000000-0000-0000-0000-0000000000aa a Key Vault access ' +
        `policy on ${SCOPE} with secrets: all (every operation on every item of that kind in the vault, a ` +
        'wildcard). Grant the named permissions the identity needs (secrets get and list, keys wrapKey and unwrapKey), ' +
        'never all or purge, or move the vault to Azure RBAC and assign a Key Vault data role on it.',
    ]);
    // A vault outside the plan: its id stays what it is, not known until apply.
    expect(
      grants([{ ...policy, references: { key_vault_id: ['data.azurerm_key_vault.shared.id'] } }])[0]?.scope,
    ).toEqual({
      unknown: true,
      description:
        'azurerm_key_vault_access_policy.reader.key_vault_id is not known until apply (from data.azurerm_key_vault.shared.id)',
    });
  });

  it('written from values known only at apply (a dynamic block over a variable): a grant that cannot be verified until apply', () => {
    expect(
      findings([{ ...vault({}, { access_policy: true }), references: { access_policy: ['var.readers'] } }]),
    ).toEqual([
      'no-wildcard-privilege azurerm_key_vault.payments Role::unknown pending: azurerm_key_vault.payments grants ' +
        'Principal:azurerm_key_vault.payments.access_policy is not known until apply (from var.readers) a role that ' +
        'cannot be verified until apply: role Key Vault access policies of azurerm_key_vault.payments: ' +
        'azurerm_key_vault.payments.access_policy is not known until apply (from var.readers).',
    ]);
  });

  it('a vault with none (RBAC authorization), or whose access_policy only lists the separate resources, adds nothing', () => {
    expect(grants([vault({ enable_rbac_authorization: true, access_policy: [ACCESS_POLICY] })])).toEqual([]);
    expect(grants([vault({ access_policy: [] })])).toEqual([]);
    // Left out of the configuration, the computed block reports azurerm_key_vault_access_policy resources.
    expect(
      grants([
        { ...vault({}, { access_policy: true }), references: {} },
        {
          address: 'azurerm_key_vault_access_policy.reader',
          values: { ...ACCESS_POLICY },
          unknown: { id: true, key_vault_id: true },
          references: { key_vault_id: ['azurerm_key_vault.payments.id', 'azurerm_key_vault.payments'] },
        },
      ]).map(({ source }) => source),
    ).toEqual(['azurerm_key_vault_access_policy.reader']);
  });

  it('a state (no configuration) that shows access policies is judged the same way', () => {
    expect(findings([vault({ access_policy: [ACCESS_POLICY] })], { noConfiguration: true })).toEqual([PURGE]);
  });
});
