/**
 * System-assigned managed identities through the Pulumi Azure adapters: a resource with `identity: { type:
 * 'SystemAssigned' }` (a web app, pulumi/examples' Synapse workspace) has an identity Azure creates with it, and role
 * assignments name it by `<resource>.identity.principalId`. Before, the adapter knew only user-assigned identities, so
 * such an identity was no identity of the change: its grants were an anonymous principal id's, and nobody was asked to
 * own it or declare what it may hold.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { isUnknown, type Grant } from '../../src/model/model.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from './builders.js';

const UNKNOWN = PULUMI_UNKNOWN;
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const CONTRIBUTOR = '/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c';
const BLOB_CONTRIBUTOR = '/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe';
const resource = pulumiResource;
const text = (value: unknown) => (isUnknown(value) ? `<${value.description}>` : String(value));
const grantText = (grant: Grant) =>
  grant.kind === 'role' ? `${text(grant.role)} @ ${text(grant.scope)} (${grant.scopeLevel ?? '?'})` : grant.kind;

const WEB_APP = 'azure-native:web:WebApp';
const WORKSPACE = 'azure-native:synapse:Workspace';
const ASSIGNMENT = 'azure-native:authorization:RoleAssignment';
const RESOURCES = [
  // Known at update: the assignment names the identity's principal id.
  resource(WORKSPACE, 'my-workspace', {
    name: 'my-workspace',
    identity: { type: 'SystemAssigned', principalId: '11111111-1111-4111-8111-111111111111' },
  }),
  resource(ASSIGNMENT, 'storageAccess', {
    principalId: '11111111-1111-4111-8111-111111111111',
    principalType: 'ServicePrincipal',
    roleDefinitionId: `${SUB}${BLOB_CONTRIBUTOR}`,
    scope: `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa`,
  }),
  // In preview: the principal id is unknown and comes from the app; the owner tag on the app owns its identity.
  resource(WEB_APP, 'api', {
    identity: { type: 'SystemAssigned, UserAssigned', principalId: UNKNOWN },
    tags: { owner: 'team-payments' },
  }),
  resource(
    ASSIGNMENT,
    'api-contributor',
    { principalId: UNKNOWN, principalType: 'ServicePrincipal', roleDefinitionId: CONTRIBUTOR, scope: SUB },
    { principalId: [pulumiUrn(WEB_APP, 'api')] },
  ),
  // A user-assigned identity only, or none: no identity of the resource's own.
  resource('azure-native:containerservice:ManagedCluster', 'cluster', {
    identity: { type: 'UserAssigned', userAssignedIdentities: ['/x/identity'] },
  }),
  resource('azure-native:storage:StorageAccount', 'sa', { name: 'sa' }),
];

describe('Azure system-assigned managed identities through the Pulumi adapters', () => {
  const model = modelFromPulumiResources(RESOURCES);

  it('are identities of the change, named after their resource, with its tags and the grants made to their principal id', () => {
    expect(
      model.identities.map((identity) => [
        identity.kind,
        identity.name,
        identity.resource.name,
        identity.tags,
        identity.grants.map(grantText),
      ]),
    ).toEqual([
      [
        'azure-managed-identity',
        'my-workspace',
        'my-workspace',
        {},
        [
          'Storage Blob Data Contributor @ /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa (resource)',
        ],
      ],
      [
        'azure-managed-identity',
        'api',
        'api',
        { owner: 'team-payments' },
        ['Contributor @ /subscriptions/00000000-0000-0000-0000-000000000001 (subscription)'],
      ],
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('are held to the rules as a user-assigned identity is: owner, entitlements, and broad roles on the identity', () => {
    const findings = evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z') }).findings;
    expect(
      findings
        .map(
          (f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.identity?.split('::').pop() ?? '-'} ${f.detail ?? '-'}`,
        )
        .sort(),
    ).toEqual([
      // The AKS cluster leaves disableLocalAccounts out: its local admin kubeconfig works (h144, session 45).
      'no-long-lived-credentials mandatory cluster - SharedKey::azure-kubernetes-cluster',
      // The storage account leaves allowSharedKeyAccess out: its account keys work (azure-storage.ts).
      'no-long-lived-credentials mandatory sa - SharedKey::azure-storage-account',
      'no-wildcard-privilege mandatory api-contributor api Role::Contributor',
      'require-entitlement mandatory api api Catalog::default',
      'require-entitlement mandatory my-workspace my-workspace Catalog::default',
      'require-owner mandatory my-workspace my-workspace Owner::missing',
    ]);
  });
});
