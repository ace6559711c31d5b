/**
 * An AKS cluster's Entra ID admin groups: AKS binds the ClusterRole cluster-admin to each group its Entra ID integration
 * lists as the cluster's administrators (a ClusterRoleBinding `aks-cluster-admin-binding-aad` whose Group subjects are the
 * groups' object ids), so every member of the group is cluster-admin, whatever Kubernetes RBAC or Azure RBAC the
 * cluster uses besides. Sources:
 * - azure-native `containerservice:ManagedCluster` `aadProfile.adminGroupObjectIDs` (@pulumi/azure-native 3.28.0
 *   ManagedClusterAADProfileArgs: "The list of AAD group object IDs that will have admin role of the cluster"; the
 *   Microsoft.ContainerService managedClusters REST API's aadProfile).
 * - the classic provider's `containerservice/kubernetesCluster:KubernetesCluster`
 *   `azureActiveDirectoryRoleBasedAccessControl.adminGroupObjectIds`, which Terraform's azurerm_kubernetes_cluster
 *   `azure_active_directory_role_based_access_control.admin_group_object_ids` maps onto ("A list of Object IDs of Azure
 *   Active Directory Groups which should have Admin Role on the Cluster", terraform-provider-azurerm
 *   website/docs/r/kubernetes_cluster.html.markdown).
 * - the same provider's earlier spelling (@pulumi/azure 4.x, azurerm 2.x), still in programs and plans written then:
 *   `roleBasedAccessControl.azureActiveDirectory.adminGroupObjectIds`, Terraform's `role_based_access_control`
 *   block with its `azure_active_directory` block (azurerm 2.99 website/docs/r/kubernetes_cluster: "admin_group_object_ids
 *   - (Optional) A list of Object IDs of Azure Active Directory Groups which should have Admin Role on the Cluster").
 *   Either spelling a cluster writes is read: the provider accepts only one, and reading both misses neither.
 * Each group is a grant of cluster-admin to `Group <object id>`, as a ClusterRoleBinding to that Group subject would be,
 * judged by the rules as other Kubernetes grants to members outside the change. An id that is not a literal (an output
 * of another resource, a value known only at apply) is cluster-admin to a holder the message describes: the grant is
 * known, who holds it is not. A list (or block) that cannot be read is a grant that cannot be verified until apply.
 */
import { clusterAdminGrant } from '../../iam/kubernetes/default-roles.js';
import { isUnknown, unknownValue, type ExternalRoleGrant } from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';
import type { Entry } from './links.js';

/** Where each type writes its admin groups: the Entra ID block (a path of nested blocks) and the list in it. */
interface AdminGroupsShape {
  readonly block: readonly string[];
  readonly list: string;
}

const ADMIN_GROUPS: Readonly<Record<string, readonly AdminGroupsShape[]>> = {
  'azure-native:containerservice:ManagedCluster': [{ block: ['aadProfile'], list: 'adminGroupObjectIDs' }],
  'azure:containerservice/kubernetesCluster:KubernetesCluster': [
    { block: ['azureActiveDirectoryRoleBasedAccessControl'], list: 'adminGroupObjectIds' },
    { block: ['roleBasedAccessControl', 'azureActiveDirectory'], list: 'adminGroupObjectIds' },
  ],
};

export function isAksClusterType(type: string): boolean {
  return Object.hasOwn(ADMIN_GROUPS, type);
}

/** The cluster-admin grants the cluster's admin groups hold: none where it lists none. */
export function aksAdminGroupGrants(entry: Entry): ExternalRoleGrant[] {
  return (ADMIN_GROUPS[entry.resource.type] ?? []).flatMap((shape) => adminGroupGrants(entry, shape));
}

function adminGroupGrants(entry: Entry, shape: AdminGroupsShape): ExternalRoleGrant[] {
  const grant = () => clusterAdminGrant(entry.ref);
  // A value known only at apply describes itself (its path, and the output it waits for); another names the setting.
  const unseen = (what: string): ExternalRoleGrant => ({
    member: `an Entra ID admin group of ${entry.ref.name} (${what})`,
    grant: grant(),
  });
  // Where the list itself cannot be read, whether any group is admin is not known either: a grant whose role cannot be
  // verified until apply (pending), as an EKS access entry's unknown Kubernetes groups are.
  const unread = (what: string): ExternalRoleGrant => ({
    member: `the Entra ID admin groups of ${entry.ref.name} (${what})`,
    grant: { ...grant(), role: unknownValue('cluster-admin for each group the list names') },
  });
  let block: unknown = entry.props;
  for (const [depth, name] of shape.block.entries()) {
    block = (block as Record<string, unknown>)[name];
    if (block === undefined || block === null) return [];
    if (isUnknown(block)) return [unread(block.description)];
    if (!isKnownRecord(block)) {
      const path = shape.block.slice(0, depth + 1).join('.');
      return [unread(`${path} is not an object: ${describeValue(block)}`)];
    }
  }
  const setting = `${shape.block.join('.')}.${shape.list}`;
  const groups = (block as Record<string, unknown>)[shape.list];
  if (groups === undefined || groups === null) return [];
  if (isUnknown(groups)) return [unread(groups.description)];
  if (!Array.isArray(groups)) return [unread(`${setting} is not a list: ${describeValue(groups)}`)];
  return groups.map((group: unknown, index): ExternalRoleGrant => {
    if (typeof group === 'string' && group !== '') return { member: `Group ${group}`, grant: grant() };
    if (isUnknown(group)) return unseen(group.description);
    return unseen(`${setting}[${String(index)}] is not an object id: ${describeValue(group)}`);
  });
}
