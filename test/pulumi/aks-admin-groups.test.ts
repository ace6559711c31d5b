/**
 * The classic Azure provider's two spellings of an AKS cluster's Entra ID admin groups, as the engine sends a cluster's
 * inputs: @pulumi/azure 5.x and later write `azureActiveDirectoryRoleBasedAccessControl.adminGroupObjectIds`, 4.x
 * (azurerm 2.x) wrote `roleBasedAccessControl.azureActiveDirectory.adminGroupObjectIds`. AKS makes each group
 * cluster-admin either way; before, the 4.x spelling was not read and its admin groups passed in silence.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const CLUSTER = 'azure:containerservice/kubernetesCluster:KubernetesCluster';
const ADMINS = '9b2a6c4e-1f3d-4e5a-8b7c-0d1e2f3a4b5c';
const ADMIN_TEXT =
  'to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. ' +
  'Bind a Role with the verbs and resources the workload uses, in its namespace.';

const cluster = (name: string, props: Record<string, unknown>): PulumiResource => ({
  type: CLUSTER,
  name,
  urn: `urn:pulumi:dev::platform::${CLUSTER}::${name}`,
  props: { localAccountDisabled: true, ...props },
});

function verdicts(resources: PulumiResource[]) {
  const { findings } = evaluate(modelFromPulumiResources(resources), {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings
    .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((finding) => `${finding.level} ${finding.resource.name} ${finding.detail ?? ''}: ${finding.message}`);
}

describe('Pulumi: the classic provider’s 4.x roleBasedAccessControl.azureActiveDirectory admin groups', () => {
  it('reports each group as cluster-admin, as the 5.x block’s; none without the Entra ID block or with an empty list', () => {
    expect(
      verdicts([
        cluster('v4', {
          roleBasedAccessControl: {
            enabled: true,
            azureActiveDirectory: { managed: true, adminGroupObjectIds: [ADMINS] },
          },
        }),
        cluster('v5', { azureActiveDirectoryRoleBasedAccessControl: { adminGroupObjectIds: [ADMINS] } }),
        cluster('noaad', { roleBasedAccessControl: { enabled: true } }),
        cluster('none', {
          roleBasedAccessControl: { enabled: true, azureActiveDirectory: { managed: true, adminGroupObjectIds: [] } },
        }),
      ]),
    ).toEqual([
      `mandatory v4 Role::cluster-admin: v4 binds Group ${ADMINS} ${ADMIN_TEXT}`,
      `mandatory v5 Role::cluster-admin: v5 binds Group ${ADMINS} ${ADMIN_TEXT}`,
    ]);
  });

  it('says what could not be seen: a group known only after the update, a block or list that is not what the provider takes', () => {
    expect(
      verdicts([
        cluster('later', { roleBasedAccessControl: { azureActiveDirectory: { adminGroupObjectIds: [UNKNOWN] } } }),
        cluster('odd', { roleBasedAccessControl: { azureActiveDirectory: 'managed' } }),
      ]),
    ).toEqual([
      `mandatory later Role::cluster-admin: later binds an Entra ID admin group of later (later.roleBasedAccessControl.azureActiveDirectory.adminGroupObjectIds[0] is not known until apply) ${ADMIN_TEXT}`,
      'mandatory odd Role::unknown: odd grants the Entra ID admin groups of odd (roleBasedAccessControl.azureActiveDirectory is not an object: managed) a role that cannot be verified until apply: role cluster-admin for each group the list names.',
    ]);
  });
});
