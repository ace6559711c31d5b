/**
 * Why a role grant (Azure RBAC, Entra ID, Google Cloud IAM, Kubernetes RBAC) is privileged: the cloud's own
 * knowledge (src/iam/<cloud>) first, then the catalog's privilegedActions for that cloud. Shared by
 * no-wildcard-privilege (which reports them) and the audit (which lists them).
 */
import type { Catalog } from '../../../catalog/types.js';
import {
  AZURE_PRIVILEGED_RBAC_ROLES,
  ENTRA_PRIVILEGED_DIRECTORY_ROLES,
  GRAPH_APP_ROLES,
  isBroadAzureScope,
  privilegedAzureActions,
} from '../../iam/azure/roles.js';
import { GCP_PUBLIC_MEMBERS, gcpRoleRisk, isBroadGcpScope, isDefaultServiceAccount, type GcpRoleRisk } from '../../iam/gcp/roles.js';
import { CLUSTER_ADMIN, rbacIssues } from '../../iam/kubernetes/rbac.js';
import { isUnknown, type RoleGrant } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';

export type RoleIssue =
  | { kind: 'pending'; what: string }
  | { kind: 'azure-rbac'; role: string; scope: string; level: string }
  | { kind: 'azure-custom'; role: string; scope: string; actions: string[] }
  | { kind: 'entra-directory'; role: string }
  | { kind: 'graph-app-role'; role: string }
  | { kind: 'gcp-role'; role: string; scope: string; risk: GcpRoleRisk }
  | { kind: 'gcp-public'; role: string; scope: string; member: string }
  | { kind: 'gcp-default-account'; role: string; scope: string; member: string }
  | { kind: 'k8s-cluster-admin'; scope: string }
  | { kind: 'k8s-rule'; role: string; scope: string; what: string; detail: string }
  | { kind: 'catalog'; role: string; scope: string; entry: string };

/** Issues of one grant. `member` is set for grants to principals outside the change (external role grants). */
export function roleGrantIssues(grant: RoleGrant, catalog: Catalog, member?: string): RoleIssue[] {
  const { role, scope } = grant;
  if (isUnknown(role)) return [{ kind: 'pending', what: `role ${role.description}` }];
  // A scope not known until apply only matters where its level could make the role broad.
  if (isUnknown(scope) && (grant.scopeLevel === undefined || isBroad(grant))) return [{ kind: 'pending', what: `scope of ${role}: ${scope.description}` }];
  const issues = cloudIssues(grant, role, isUnknown(scope) ? `<${scope.description}>` : scope, member);
  if (issues.length === 0 && isBroad(grant) && !isUnknown(scope)) {
    const entry = catalogEntry(catalog, grant, role);
    if (entry) issues.push({ kind: 'catalog', role, scope, entry });
  }
  return issues;
}

/** Privileged roles only matter where they reach beyond one workload's resources. */
export function isBroad(grant: RoleGrant): boolean {
  switch (grant.cloud) {
    case 'azure':
      return isBroadAzureScope(grant.scopeLevel) || grant.scopeLevel === 'directory';
    case 'gcp':
      return isBroadGcpScope(grant.scopeLevel);
    case 'kubernetes':
      return true;
  }
}

function cloudIssues(grant: RoleGrant, role: string, scope: string, member: string | undefined): RoleIssue[] {
  switch (grant.cloud) {
    case 'azure':
      return azureIssues(grant, role, scope, member);
    case 'gcp':
      return gcpIssues(grant, role, scope, member);
    case 'kubernetes':
      return kubernetesIssues(grant, role, scope);
  }
}

function azureIssues(grant: RoleGrant, role: string, scope: string, member: string | undefined): RoleIssue[] {
  // People and groups are held to the human rules; service principals, managed identities and unknown principals here.
  if (member && /^(User|Group):/.test(member)) return [];
  if (grant.scopeLevel === 'directory') return ENTRA_PRIVILEGED_DIRECTORY_ROLES.includes(role) ? [{ kind: 'entra-directory', role }] : [];
  if (grant.scopeLevel === 'application') return Object.values(GRAPH_APP_ROLES).includes(role) ? [{ kind: 'graph-app-role', role }] : [];
  if (grant.permissions) {
    const actions = privilegedAzureActions(grant.permissions.flatMap((permission) => permission.actions ?? []));
    return actions.length ? [{ kind: 'azure-custom', role, scope, actions }] : [];
  }
  if (AZURE_PRIVILEGED_RBAC_ROLES.includes(role) && isBroadAzureScope(grant.scopeLevel)) {
    return [{ kind: 'azure-rbac', role, scope, level: grant.scopeLevel! }];
  }
  return [];
}

function gcpIssues(grant: RoleGrant, role: string, scope: string, member: string | undefined): RoleIssue[] {
  if (member && GCP_PUBLIC_MEMBERS.includes(member)) return [{ kind: 'gcp-public', role, scope, member }];
  // People are held to the human rules (federation, just-in-time approval); accounts, federated principals and
  // members not known until apply are judged here.
  if (member && /^(user|group|domain):/.test(member)) return [];
  const risk = gcpRoleRisk(role);
  if (risk && isBroadGcpScope(grant.scopeLevel)) return [{ kind: 'gcp-role', role, scope, risk }];
  if (member && isDefaultServiceAccount(member) && isBroadGcpScope(grant.scopeLevel)) return [{ kind: 'gcp-default-account', role, scope, member }];
  return [];
}

function kubernetesIssues(grant: RoleGrant, role: string, scope: string): RoleIssue[] {
  if (role === CLUSTER_ADMIN) return [{ kind: 'k8s-cluster-admin', scope }];
  const clusterWide = grant.scopeLevel === 'cluster';
  return (grant.permissions ?? []).flatMap((permission) =>
    rbacIssues(permission, clusterWide).map((issue): RoleIssue => ({ kind: 'k8s-rule', role, scope, what: issue.what, detail: issue.detail })),
  );
}

/** The catalog's privileged-action entry naming this role (or, for custom roles, one of its actions). */
function catalogEntry(catalog: Catalog, grant: RoleGrant, role: string): string | undefined {
  const actions = grant.permissions?.flatMap((permission) => permission.actions ?? []) ?? [];
  const entry = catalog.privilegedActions.find((candidate) =>
    (candidate[grant.cloud] ?? []).some((pattern) => [role, ...actions].some((value) => globMatch(pattern, value, { caseInsensitive: true }))),
  );
  return entry?.id;
}
