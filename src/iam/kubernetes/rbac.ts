/**
 * Kubernetes RBAC semantics the rules need: which rules of a Role or ClusterRole amount to control over the
 * cluster (wildcards, the verbs that bypass RBAC's own escalation check, reading every secret, minting tokens),
 * and what the default cluster roles hold.
 */
import type { RolePermission } from '../../model/model.js';

/** The user-facing default ClusterRoles; cluster-admin is everything on everything. */
export const CLUSTER_ADMIN = 'cluster-admin';

/** Verbs that step around RBAC: grant roles one does not hold (escalate, bind) or act as someone else (impersonate). */
export const RBAC_ESCALATION_VERBS: readonly string[] = ['escalate', 'bind', 'impersonate'];

export interface RbacIssue {
  /** Granular key: `Verb::*`, `Verb::bind`, `Resource::secrets`. */
  detail: string;
  /** What the rule grants, in words. */
  what: string;
}

const READ_VERBS = ['get', 'list', 'watch'];

/**
 * Why one RBAC rule gives control beyond a workload's needs (Checkov CKV_K8S_49 wildcards, CKV_K8S_157 bind,
 * CKV_K8S_158 escalate, CKV2_K8S_5 reading every secret; CIS Kubernetes 5.1.3 and 5.1.8). `clusterWide` is true
 * when the role is bound by a ClusterRoleBinding, where reading secrets reaches every namespace.
 */
export function rbacIssues(rule: RolePermission, clusterWide: boolean): RbacIssue[] {
  const verbs = rule.verbs ?? [];
  const resources = rule.resources ?? [];
  const apiGroups = rule.apiGroups ?? [];
  const issues: RbacIssue[] = [];
  const wildcards = [verbs.includes('*') && 'verbs', resources.includes('*') && 'resources', apiGroups.includes('*') && 'apiGroups'].filter(
    (field): field is string => typeof field === 'string',
  );
  if (wildcards.length) {
    issues.push({ detail: 'Wildcard::' + wildcards.join('+'), what: `"*" in ${wildcards.join(', ')} (verbs ${list(verbs)} on ${list(resources)})` });
  }
  for (const verb of RBAC_ESCALATION_VERBS) {
    if (verbs.includes(verb)) issues.push({ detail: `Verb::${verb}`, what: `"${verb}" on ${list(resources)}` });
  }
  const reads = verbs.filter((verb) => READ_VERBS.includes(verb));
  if (clusterWide && resources.includes('secrets') && reads.length) {
    issues.push({ detail: 'Resource::secrets', what: `${list(reads)} on secrets in every namespace` });
  }
  if (resources.includes('serviceaccounts/token') && verbs.includes('create')) {
    issues.push({ detail: 'Resource::serviceaccounts/token', what: 'create on serviceaccounts/token (mints a token for any service account it reaches)' });
  }
  return issues;
}

function list(values: readonly string[]): string {
  return values.length ? values.map((value) => `"${value}"`).join(', ') : '(none)';
}
