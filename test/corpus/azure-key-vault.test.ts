/**
 * Azure Key Vault access policies in public programs (test/corpus/azure-key-vault/, README.md there judges every
 * finding): the classic provider's inline `accessPolicies` and AccessPolicy resource (pulumi/examples
 * classic-azure-ts-msi-keyvault-rbac), azure-native inline policies for two apps' system-assigned identities (pulumi/examples
 * azure-cs-credential-rotation-one-set) and the classic AccessPolicy of pulumi/pulumi-azure's keyvault test program,
 * as `pulumi up` and `pulumi preview` send them; the last also as a Terraform plan of the same resources (written by
 * us), which must give the same verdict. With no catalog, as a new user runs it, and with a catalog that declares the
 * apps' identities and entitlements.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import { terraformPlan } from '../terraform/support.js';
import { credentialRotation, DEPLOYER, msiKeyVaultRbac, pulumiAzureKeyVault } from './azure-key-vault/records.js';

const NOW = new Date('2026-12-01T00:00:00Z');

/** `rule level resource detail[ pending]: message` of every finding. */
function verdicts(model: Model, on: Catalog = defaultCatalog()): string[] {
  return evaluate(model, { catalog: on, now: NOW })
    .findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`)
    .sort();
}
const pulumi = (resources: PulumiResource[], on?: Catalog) => verdicts(modelFromPulumiResources(resources), on);

/** The apps' identities as a team would declare them: each may read secrets of its vaults; the rotation function may write them. */
const DECLARED = catalog({
  owners: [{ id: 'team-apps' }],
  entitlements: [
    {
      id: 'vault-secrets-read',
      classes: ['service'],
      privileged: false,
      azure: { roles: ['Key Vault Secrets User'], scopes: ['*/providers/Microsoft.KeyVault/vaults/*'] },
    },
    {
      id: 'vault-secrets-rotate',
      classes: ['service'],
      privileged: false,
      azure: { roles: ['Key Vault Secrets Officer'], scopes: ['*/providers/Microsoft.KeyVault/vaults/*'] },
    },
  ],
  identities: [
    { id: 'msi-app', match: { name: 'app1a2b3c4' }, owner: 'team-apps', class: 'service', entitlements: ['vault-secrets-read'] },
    { id: 'rotation-function', match: { name: 'functionApp1a2b' }, owner: 'team-apps', class: 'service', entitlements: ['vault-secrets-rotate'] },
    { id: 'rotation-web', match: { name: 'webApp3c4d' }, owner: 'team-apps', class: 'service', entitlements: ['vault-secrets-read'] },
  ],
});

const PURGE_MESSAGE = (vault: string) =>
  `exampleAccessPolicy gives Principal:${DEPLOYER} a Key Vault access policy on ${vault} with secrets: Purge (permanent ` +
  'deletion of what soft delete keeps, which nothing undoes). Grant the named permissions the identity needs (secrets get ' +
  'and list, keys wrapKey and unwrapKey), never all or purge, or move the vault to Azure RBAC and assign a Key Vault data role on it.';
const KV_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/exampleresourcegroup1a2b/providers/Microsoft.KeyVault/vaults/examplekeyvault3c4d';
const KV_PATH = '/subscriptions/{subscription}/resourceGroups/exampleresourcegroup1a2b/providers/Microsoft.KeyVault/vaults/examplekeyvault3c4d';

/** Catalog findings of an identity with no catalog (owner, entitlements), counted: the README judges them once. */
const NO_CATALOG = (resource: string, name: string) => [
  `require-entitlement mandatory ${resource} Catalog::default: ${name}: no catalog given: entitlements cannot be checked. Declare the identity with its class and entitlements in an entitlement catalog and pass it to the check.`,
  `require-owner mandatory ${resource} Owner::missing: Managed identity ${name} has no owner. Tag it owner: <team>. No catalog was given, so owners cannot be checked against known owners; pass a catalog that lists them.`,
];

describe('Key Vault access policies in public programs', () => {
  it('classic-azure-ts-msi-keyvault-rbac: the deployer’s inline Delete/Get/List/Set of secrets and the app’s secret Get are no wildcard (right: silent); with a catalog, the app’s Get is within Key Vault Secrets User (right)', () => {
    for (const mode of ['update', 'preview'] as const) {
      expect(pulumi(msiKeyVaultRbac(mode))).toEqual(NO_CATALOG('app', 'app1a2b3c4'));
      expect(pulumi(msiKeyVaultRbac(mode), DECLARED)).toEqual([]);
    }
    // Both policies are read: the deployer's (outside the change) inline, the app's to its system-assigned identity,
    // by object id at update and through the output it is computed from in preview.
    const model = modelFromPulumiResources(msiKeyVaultRbac('preview'));
    expect(model.externalRoleGrants?.map(({ member, grant }) => `${member} ${grant.source.name}`)).toEqual([
      `Principal:${DEPLOYER} vault`,
    ]);
    expect(model.identities.map((identity) => `${identity.name} ${identity.grants.map((grant) => grant.source.name).join(',')}`)).toEqual([
      'app1a2b3c4 app-policy',
    ]);
  });

  it('azure-cs-credential-rotation-one-set: with a catalog, the web app’s secret Set is beyond the Key Vault Secrets User it is entitled to (right); the rotating function’s is within Key Vault Secrets Officer (right)', () => {
    expect(pulumi(credentialRotation('update'))).toEqual([
      ...NO_CATALOG('functionApp', 'functionApp1a2b'),
      ...NO_CATALOG('webApp', 'webApp3c4d'),
    ].sort());
    const vault = '/subscriptions/{subscription}/resourceGroups/rotatesecretoneset-rg1a2b/providers/Microsoft.KeyVault/vaults/keyVault5e6f';
    expect(pulumi(credentialRotation('update'), DECLARED)).toEqual([
      `require-entitlement mandatory keyVault AccessPolicy::${vault}: keyVault gives webApp3c4d a Key Vault access policy on ${vault} (secrets: get, list, set) with data actions that no Azure role of its entitlements (vault-secrets-read) grants there: Microsoft.KeyVault/vaults/secrets/setSecret/action, Microsoft.KeyVault/vaults/secrets/update/action (allowed on azure: Key Vault Secrets User on */providers/Microsoft.KeyVault/vaults/*). Narrow the policy to what the entitlements allow, or add an entitlement with a Key Vault data role (Key Vault Secrets User, Key Vault Crypto User) that covers it.`,
    ]);
    // In preview both object ids are outputs of the two apps, in one list: which policy is whose cannot be told, so
    // each is held as a principal outside the change (its member says what is not known), judged at update.
    const preview = modelFromPulumiResources(credentialRotation('preview'));
    expect(preview.externalRoleGrants?.map(({ grant }) => grant.source.name)).toEqual(['keyVault', 'keyVault']);
    expect(pulumi(credentialRotation('preview'), DECLARED)).toEqual([]);
  });

  it('pulumi-azure keyvault test program: the deployer’s secret Purge is privileged (right), in update and preview, and a Terraform plan of the same resources gives the same verdict', () => {
    expect(pulumi(pulumiAzureKeyVault('update'))).toEqual([
      `no-wildcard-privilege mandatory exampleAccessPolicy AccessPolicy::secrets:purge: ${PURGE_MESSAGE(KV_ID)}`,
    ]);
    expect(pulumi(pulumiAzureKeyVault('preview'))).toEqual([
      `no-wildcard-privilege mandatory exampleAccessPolicy AccessPolicy::secrets:purge: ${PURGE_MESSAGE(KV_PATH)}`,
    ]);
    // The same program in azurerm (written by us; the vault's id unknown in the plan, the client config a data source).
    const plan = terraformPlan([
      {
        address: 'azurerm_key_vault.exampleKeyVault',
        values: {
          name: 'examplekeyvault3c4d',
          location: 'eastus',
          resource_group_name: 'exampleresourcegroup1a2b',
          tenant_id: '00000000-0000-0000-0000-0000000000aa',
          sku_name: 'premium',
        },
        unknown: { id: true, vault_uri: true, access_policy: true },
      },
      {
        address: 'azurerm_key_vault_access_policy.exampleAccessPolicy',
        values: {
          tenant_id: '00000000-0000-0000-0000-0000000000aa',
          object_id: DEPLOYER,
          key_permissions: ['Get', 'Create', 'Delete'],
          secret_permissions: ['Get', 'Set', 'Delete', 'Purge', 'Recover'],
        },
        unknown: { id: true, key_vault_id: true },
        references: { key_vault_id: ['azurerm_key_vault.exampleKeyVault.id', 'azurerm_key_vault.exampleKeyVault'] },
      },
    ]);
    const terraform = verdicts(modelFromTerraformPlan(plan, { file: 'plan.json' }));
    expect(terraform).toEqual([
      `no-wildcard-privilege mandatory azurerm_key_vault_access_policy.exampleAccessPolicy AccessPolicy::secrets:purge: ${PURGE_MESSAGE(KV_PATH).replace('exampleAccessPolicy gives', 'azurerm_key_vault_access_policy.exampleAccessPolicy gives')}`,
    ]);
  });
});
