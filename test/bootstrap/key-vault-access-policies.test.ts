/**
 * `catalog init` on Key Vault access policies: no Azure role is called "Key Vault access policy", so the entitlement it
 * writes names the Key Vault built-in roles that grant the policy's data actions on the vault, which require-entitlement
 * then accepts; a policy beyond them later is reported.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { entitlementContent, grantSetOf } from '../../src/bootstrap/grants.js';
import { evaluate } from '../../src/engine/index.js';
import { accessPolicyDataActions, rolesCoveringDataActions } from '../../src/iam/azure/key-vault-access-policies.js';
import { credentialRotation } from '../corpus/azure-key-vault/records.js';
import { catalog } from '../support/builders.js';

const roles = (lists: Parameters<typeof accessPolicyDataActions>[0]) =>
  rolesCoveringDataActions(accessPolicyDataActions(lists).dataActions);

describe('catalog init: Key Vault access policies', () => {
  it('names the narrowest Key Vault roles that grant the policy: one where one grants it all', () => {
    expect(roles({ secrets: ['get', 'list'] })).toEqual(['Key Vault Secrets User']);
    expect(roles({ secrets: ['Get', 'List', 'Set'] })).toEqual(['Key Vault Secrets Officer']);
    expect(roles({ keys: ['get', 'wrapKey', 'unwrapKey'] })).toEqual(['Key Vault Crypto Service Encryption User']);
    expect(roles({ keys: ['all'], secrets: ['all'], certificates: ['all'] })).toEqual(['Key Vault Administrator']);
  });

  it('the entitlement written for an identity holding an access policy passes require-entitlement', () => {
    const model = modelFromPulumiResources(credentialRotation('update'));
    const web = model.identities.find((identity) => identity.name === 'webApp3c4d')!;
    const content = entitlementContent(grantSetOf(web, model, new Date('2026-12-02T00:00:00Z')));
    expect(content).toEqual({
      azure: {
        roles: ['Key Vault Secrets Officer'],
        scopes: [
          '/subscriptions/{subscription}/resourceGroups/rotatesecretoneset-rg1a2b/providers/Microsoft.KeyVault/vaults/keyVault5e6f',
        ],
      },
    });
    const adopted = catalog({
      owners: [{ id: 'team-apps' }],
      entitlements: [{ id: 'web-vault', classes: ['service'], privileged: false, ...content }],
      identities: [
        { id: 'web', match: { name: 'webApp3c4d' }, owner: 'team-apps', class: 'service', entitlements: ['web-vault'] },
      ],
    });
    const findings = evaluate(model, { catalog: adopted, now: new Date('2026-12-01T00:00:00Z') }).findings;
    expect(
      findings.filter((finding) => finding.ruleId === 'require-entitlement' && finding.resource.name === 'keyVault'),
    ).toEqual([]);
  });
});
