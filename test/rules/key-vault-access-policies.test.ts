/**
 * Azure Key Vault access policies as grants: the data actions each permission stands for (Microsoft's mapping,
 * src/iam/azure/key-vault-access-policies.ts), judged by no-wildcard-privilege (`all` of a list, `purge`) and by
 * require-entitlement (every data action must be one an Azure role of the identity's entitlements grants on the vault).
 */
import { describe, expect, it } from 'vitest';
import type { Entitlement } from '../../catalog/types.js';
import {
  accessPolicyDataActions,
  KEY_VAULT_ACCESS_POLICY,
  privilegedAccessPolicyPermissions,
} from '../../src/iam/azure/key-vault-access-policies.js';
import type { KeyVaultPermissionList, RoleGrant } from '../../src/model/model.js';
import noWildcardPrivilege from '../../src/rules/no-wildcard-privilege.js';
import requireEntitlement from '../../src/rules/require-entitlement.js';
import { catalog, identity, model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const VAULT =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/payments/providers/Microsoft.KeyVault/vaults/payments-kv';

function accessPolicy(
  name: string,
  lists: Partial<Record<KeyVaultPermissionList, string[]>>,
  scope = VAULT,
): RoleGrant {
  return {
    kind: 'role',
    cloud: 'azure',
    source: ref('azure-native:keyvault:AccessPolicy', name),
    role: KEY_VAULT_ACCESS_POLICY,
    scope,
    scopeLevel: 'resource',
    permissions: [{ dataActions: accessPolicyDataActions(lists).dataActions }],
    keyVaultAccessPolicy: { lists },
  };
}

const service = (entitlements?: string) => ({
  'identity-class': 'service',
  ...(entitlements ? { entitlements } : {}),
});

describe('Key Vault access-policy permissions as data actions', () => {
  it('maps each permission to the data actions Microsoft names for it, `all` to every one of its list', () => {
    expect(accessPolicyDataActions({ secrets: ['Get', 'list'], keys: ['wrapKey', 'unwrapKey'] })).toEqual({
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/unwrap/action',
        'Microsoft.KeyVault/vaults/keys/wrap/action',
        'Microsoft.KeyVault/vaults/secrets/getSecret/action',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
      ],
      unknown: [],
    });
    expect(accessPolicyDataActions({ secrets: ['all'] }).dataActions).toEqual([
      'Microsoft.KeyVault/vaults/secrets/backup/action',
      'Microsoft.KeyVault/vaults/secrets/delete',
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/purge/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
      'Microsoft.KeyVault/vaults/secrets/recover/action',
      'Microsoft.KeyVault/vaults/secrets/restore/action',
      'Microsoft.KeyVault/vaults/secrets/setSecret/action',
      'Microsoft.KeyVault/vaults/secrets/update/action',
    ]);
    expect(accessPolicyDataActions({ storage: ['getsas'], certificates: ['ManageIssuers'] }).dataActions).toEqual([
      'Microsoft.KeyVault/vaults/certificatecas/write',
      'Microsoft.KeyVault/vaults/storageaccounts/sas/read',
    ]);
  });

  it('keeps a permission Azure does not define instead of dropping it; names what is privileged', () => {
    expect(accessPolicyDataActions({ secrets: ['get', 'read'] }).unknown).toEqual(['secrets: read']);
    expect(privilegedAccessPolicyPermissions({ keys: ['All'], secrets: ['get', 'Purge'], storage: ['*'] })).toEqual({
      wildcard: ['keys: All', 'storage: *'],
      purge: ['secrets: Purge'],
    });
  });
});

ruleTester(noWildcardPrivilege, {
  valid: [
    {
      name: 'Key Vault: an access policy of named permissions (secrets get and list, key wrap and unwrap) is no wildcard',
      model: model({
        identities: [
          identity('azure-managed-identity', 'payments-api', {
            tags: service(),
            grants: [
              accessPolicy('api-secrets', { secrets: ['get', 'list'] }),
              accessPolicy('api-keys', { keys: ['get', 'wrapKey', 'unwrapKey'] }),
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Key Vault: `all` keys and secret purge to an identity of the change; `all` certificates to a principal outside it',
      model: model({
        identities: [
          identity('azure-managed-identity', 'payments-api', {
            tags: service(),
            grants: [accessPolicy('api-admin', { keys: ['all'], secrets: ['get', 'Purge'] })],
          }),
        ],
        externalRoleGrants: [
          {
            member: 'Principal:11111111-2222-3333-4444-555555555555',
            grant: accessPolicy('deployer', { certificates: ['All'] }),
          },
        ],
      }),
      findings: [
        {
          resource: 'api-admin',
          identity: 'TestStack/payments-api',
          detail: 'AccessPolicy::keys:all+secrets:purge',
          message: `api-admin gives payments-api a Key Vault access policy on ${VAULT} with keys: all (every operation on every item of that kind in the vault, a wildcard) and secrets: Purge (permanent deletion of what soft delete keeps, which nothing undoes). Grant the named permissions the identity needs (secrets get and list, keys wrapKey and unwrapKey), never all or purge, or move the vault to Azure RBAC and assign a Key Vault data role on it.`,
        },
        {
          resource: 'deployer',
          detail: 'AccessPolicy::certificates:all',
          message: `deployer gives Principal:11111111-2222-3333-4444-555555555555 a Key Vault access policy on ${VAULT} with certificates: All (every operation on every item of that kind in the vault, a wildcard). Grant the named permissions the identity needs (secrets get and list, keys wrapKey and unwrapKey), never all or purge, or move the vault to Azure RBAC and assign a Key Vault data role on it.`,
        },
      ],
    },
  ],
});

const ENTITLEMENTS: Entitlement[] = [
  {
    id: 'payments-secrets',
    classes: ['service'],
    privileged: false,
    azure: { roles: ['Key Vault Secrets User'], scopes: ['*/Microsoft.KeyVault/vaults/payments-*'] },
  },
  {
    id: 'payments-encryption',
    classes: ['service'],
    privileged: false,
    azure: { roles: ['Key Vault Crypto Service Encryption User'] },
  },
];
const entitled = catalog({ entitlements: ENTITLEMENTS });

ruleTester(requireEntitlement, {
  valid: [
    {
      name: 'Key Vault: secrets get and list on a payments vault (Key Vault Secrets User there), key get, wrap and unwrap anywhere (Crypto Service Encryption User)',
      catalog: entitled,
      model: model({
        identities: [
          identity('azure-managed-identity', 'payments-api', {
            tags: service('payments-secrets payments-encryption'),
            grants: [
              accessPolicy('api-secrets', { secrets: ['Get', 'List'] }),
              accessPolicy('api-keys', { keys: ['get', 'wrapKey', 'unwrapKey'] }),
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Key Vault: secret set beyond Key Vault Secrets User; secrets get on a vault outside the entitled scope; storage permissions no Azure role grants',
      catalog: entitled,
      model: model({
        identities: [
          identity('azure-managed-identity', 'payments-api', {
            tags: service('payments-secrets'),
            grants: [
              accessPolicy('api-writes', { secrets: ['get', 'list', 'set'] }),
              accessPolicy(
                'api-other-vault',
                { secrets: ['get'] },
                '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hr/providers/Microsoft.KeyVault/vaults/hr-kv',
              ),
              accessPolicy('api-storage', { storage: ['get', 'getsas'] }),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'api-other-vault',
          identity: 'TestStack/payments-api',
          detail:
            'AccessPolicy::/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hr/providers/Microsoft.KeyVault/vaults/hr-kv',
          message:
            'api-other-vault gives payments-api a Key Vault access policy on /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/hr/providers/Microsoft.KeyVault/vaults/hr-kv (secrets: get) with data actions that no Azure role of its entitlements (payments-secrets) grants there: Microsoft.KeyVault/vaults/secrets/getSecret/action (allowed on azure: Key Vault Secrets User on */Microsoft.KeyVault/vaults/payments-*). Narrow the policy to what the entitlements allow, or add an entitlement with a Key Vault data role (Key Vault Secrets User, Key Vault Crypto User) that covers it.',
        },
        {
          resource: 'api-storage',
          identity: 'TestStack/payments-api',
          detail: `AccessPolicy::${VAULT}`,
          message: `api-storage gives payments-api a Key Vault access policy on ${VAULT} (storage: get, getsas) with data actions that no Azure role of its entitlements (payments-secrets) grants there: Microsoft.KeyVault/vaults/storageaccounts/read, Microsoft.KeyVault/vaults/storageaccounts/sas/read (allowed on azure: Key Vault Secrets User on */Microsoft.KeyVault/vaults/payments-*). Narrow the policy to what the entitlements allow, or add an entitlement with a Key Vault data role (Key Vault Secrets User, Key Vault Crypto User) that covers it.`,
        },
        {
          resource: 'api-writes',
          identity: 'TestStack/payments-api',
          detail: `AccessPolicy::${VAULT}`,
          message: `api-writes gives payments-api a Key Vault access policy on ${VAULT} (secrets: get, list, set) with data actions that no Azure role of its entitlements (payments-secrets) grants there: Microsoft.KeyVault/vaults/secrets/setSecret/action, Microsoft.KeyVault/vaults/secrets/update/action (allowed on azure: Key Vault Secrets User on */Microsoft.KeyVault/vaults/payments-*). Narrow the policy to what the entitlements allow, or add an entitlement with a Key Vault data role (Key Vault Secrets User, Key Vault Crypto User) that covers it.`,
        },
      ],
    },
  ],
});
