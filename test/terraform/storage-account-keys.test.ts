/**
 * An azurerm_storage_account's own keys: two account keys valid until rotated that authorize requests without any
 * identity, unless `shared_access_key_enabled` is false (optional, default true: hashicorp/terraform-provider-azurerm
 * 5d24eb40 internal/services/storage/storage_account_resource.go). A plan shows the default as `true` where the
 * configuration leaves it out. Reported on the account by no-long-lived-credentials, in Terraform's words.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const account = (
  name: string,
  values: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
): PlannedResource => ({
  address: `azurerm_storage_account.${name}`,
  values: {
    name,
    resource_group_name: 'functions-rg',
    location: 'westeurope',
    account_tier: 'Standard',
    account_replication_type: 'LRS',
    ...values,
  },
  unknown: { id: true, primary_access_key: true, secondary_access_key: true, ...unknown },
});

function findings(resources: PlannedResource[], rule = 'no-long-lived-credentials'): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((finding) => finding.ruleId === rule)
    .map(
      (f) =>
        `${f.resource.name} ${f.level} ${f.detail ?? '-'}${f.pending ? ' pending' : ''} target=${f.waiverTarget}: ${f.message}`,
    );
}

describe('Terraform: an azurerm_storage_account’s Shared Key', () => {
  it('is reported where the plan allows it (the default, true), named by the account; false is not reported', () => {
    expect(
      findings([
        account('functionsa', { shared_access_key_enabled: true }),
        account('entraonly', { shared_access_key_enabled: false }),
      ]),
    ).toEqual([
      'azurerm_storage_account.functionsa mandatory SharedKey::azure-storage-account target=functionsa: Storage account ' +
        'functionsa allows Shared Key authorization (shared_access_key_enabled: true): its two account keys stay valid until ' +
        'someone rotates them, and a request signed with one, or a SAS token signed with one, is authorized without any ' +
        'identity. Set shared_access_key_enabled to false and give callers an identity (a managed identity with a Storage data role).',
    ]);
  });

  it('known only at apply is pending, never passed', () => {
    expect(findings([account('laterkeys', {}, { shared_access_key_enabled: true })])).toEqual([
      'azurerm_storage_account.laterkeys advisory SharedKey::azure-storage-account pending target=laterkeys: Storage account ' +
        'laterkeys: whether it allows Shared Key authorization (account keys valid until rotated) cannot be verified until ' +
        'apply: azurerm_storage_account.laterkeys.shared_access_key_enabled is not known until apply.',
    ]);
  });

  it('keeps reading the account’s system-assigned identity, as on every azurerm type, now that the type is mapped', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        account(
          'synapsesa',
          { shared_access_key_enabled: false, tags: { owner: 'team-data' }, identity: [{ type: 'SystemAssigned' }] },
          { identity: [{ principal_id: true, tenant_id: true }] },
        ),
      ]),
    );
    expect(model.identities.map((identity) => [identity.kind, identity.name, identity.tags])).toEqual([
      ['azure-managed-identity', 'synapsesa', { owner: 'team-data' }],
    ]);
    expect(model.sharedKeys).toBeUndefined();
  });
});
