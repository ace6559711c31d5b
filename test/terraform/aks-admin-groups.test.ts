/**
 * An AKS cluster's Entra ID admin groups in a Terraform plan (azurerm_kubernetes_cluster
 * `azure_active_directory_role_based_access_control.admin_group_object_ids`, read through Pulumi's records by
 * adapters/pulumi/aks-admin-groups.ts): AKS binds cluster-admin to each group, so each is reported by
 * no-wildcard-privilege as a ClusterRoleBinding of cluster-admin to that Group would be; a group id known only at apply
 * (an azuread_group's object_id) is reported with what could not be seen. Before, the block was not read and the
 * cluster-admin grants passed in silence.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

const ADMINS = '9b2a6c4e-1f3d-4e5a-8b7c-0d1e2f3a4b5c';
/** A cluster whose Entra ID settings are `entra` (the 3.x block, or 2.x's role_based_access_control). */
const clusterWith = (
  name: string,
  entra: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
): PlannedResource => ({
  address: `azurerm_kubernetes_cluster.${name}`,
  values: {
    name,
    dns_prefix: name,
    local_account_disabled: true,
    default_node_pool: [{ name: 'system', vm_size: 'Standard_D2s_v5' }],
    ...entra,
  },
  unknown: { id: true, kube_config: true, ...unknown },
});
const cluster = (name: string, rbac: Record<string, unknown>, unknown: Record<string, unknown> = {}) =>
  clusterWith(name, { azure_active_directory_role_based_access_control: [rbac] }, unknown);

function verdicts(resources: PlannedResource[]) {
  const { findings } = evaluate(modelFromTerraformPlan(terraformPlan(resources)), {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  return findings
    .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((finding) => `${finding.level} ${finding.resource.name} ${finding.detail ?? ''}: ${finding.message}`);
}

const ADMIN_TEXT =
  'to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. ' +
  'Bind a Role with the verbs and resources the workload uses, in its namespace.';

describe('Terraform: an AKS cluster’s Entra ID admin groups are cluster-admin', () => {
  it('reports each admin group as a cluster-admin grant on the cluster; none where the block lists none', () => {
    expect(
      verdicts([
        cluster('orders', { azure_rbac_enabled: true, admin_group_object_ids: [ADMINS] }),
        cluster('quiet', { azure_rbac_enabled: true, admin_group_object_ids: [] }),
      ]),
    ).toEqual([
      `mandatory azurerm_kubernetes_cluster.orders Role::cluster-admin: azurerm_kubernetes_cluster.orders binds Group ${ADMINS} ${ADMIN_TEXT}`,
    ]);
  });

  it('says what could not be seen when a group id, or the whole list, is known only at apply', () => {
    const found = verdicts([
      cluster(
        'orders',
        { azure_rbac_enabled: true, admin_group_object_ids: [ADMINS, null] },
        {
          azure_active_directory_role_based_access_control: [{ admin_group_object_ids: [false, true] }],
        },
      ),
    ]);
    expect(found).toEqual([
      `mandatory azurerm_kubernetes_cluster.orders Role::cluster-admin: azurerm_kubernetes_cluster.orders binds Group ${ADMINS} ${ADMIN_TEXT}`,
      'mandatory azurerm_kubernetes_cluster.orders Role::cluster-admin: azurerm_kubernetes_cluster.orders binds an Entra ID admin group of azurerm_kubernetes_cluster.orders (azurerm_kubernetes_cluster.orders.azure_active_directory_role_based_access_control[0].admin_group_object_ids[1] is not known until apply) ' +
        ADMIN_TEXT,
    ]);
    // The whole list known only at apply: whether any group is admin cannot be verified until apply (pending).
    const { findings } = evaluate(
      modelFromTerraformPlan(
        terraformPlan([
          cluster(
            'later',
            { azure_rbac_enabled: true },
            { azure_active_directory_role_based_access_control: [{ admin_group_object_ids: true }] },
          ),
        ]),
      ),
      { catalog: defaultCatalog(), now: new Date('2026-06-01T00:00:00Z'), pending: 'fail-closed' },
    );
    expect(
      findings
        .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map((finding) => [finding.level, finding.detail, finding.pending, finding.message]),
    ).toEqual([
      [
        'mandatory',
        'Role::unknown',
        true,
        'azurerm_kubernetes_cluster.later grants the Entra ID admin groups of azurerm_kubernetes_cluster.later ' +
          '(azurerm_kubernetes_cluster.later.azure_active_directory_role_based_access_control[0].admin_group_object_ids ' +
          'is not known until apply) a role that cannot be verified until apply: role cluster-admin for each group the ' +
          'list names.',
      ],
    ]);
  });
});

describe('Terraform: azurerm 2.x’s role_based_access_control.azure_active_directory admin groups', () => {
  const legacy = (name: string, aad: Record<string, unknown>, unknown: Record<string, unknown> = {}) =>
    clusterWith(name, { role_based_access_control: [{ enabled: true, azure_active_directory: [aad] }] }, unknown);

  it('reports each admin group the 2.x block names, as the 3.x block’s; none where it names none or has no Entra ID block', () => {
    expect(
      verdicts([
        legacy('orders', { managed: true, admin_group_object_ids: [ADMINS] }),
        legacy('quiet', { managed: true, admin_group_object_ids: [] }),
        clusterWith('plain', { role_based_access_control: [{ enabled: true }] }),
      ]),
    ).toEqual([
      `mandatory azurerm_kubernetes_cluster.orders Role::cluster-admin: azurerm_kubernetes_cluster.orders binds Group ${ADMINS} ${ADMIN_TEXT}`,
    ]);
  });

  it('says what could not be seen when a 2.x admin group is known only at apply', () => {
    expect(
      verdicts([
        legacy(
          'orders',
          { managed: true, admin_group_object_ids: [null] },
          { role_based_access_control: [{ azure_active_directory: [{ admin_group_object_ids: [true] }] }] },
        ),
      ]),
    ).toEqual([
      'mandatory azurerm_kubernetes_cluster.orders Role::cluster-admin: azurerm_kubernetes_cluster.orders binds an Entra ID admin group of azurerm_kubernetes_cluster.orders (azurerm_kubernetes_cluster.orders.role_based_access_control[0].azure_active_directory[0].admin_group_object_ids[0] is not known until apply) ' +
        ADMIN_TEXT,
    ]);
  });
});
