/**
 * Which Google Cloud IAM permissions give control beyond a workload's own resources, by category. Predefined roles
 * are judged by the permissions Google publishes for them (predefined-roles.json, written by
 * scripts/refresh-role-data.mjs from `gcloud iam roles describe`), custom roles by the permissions they list.
 * The categories follow the published escalation research (Rhino Security Labs' GCP privilege-escalation methods,
 * Checkov CKV_GCP_41/44/45/49 for the roles that carry them) and are kept to what hands over identities, IAM policy or
 * the Kubernetes RBAC of every GKE cluster (GKE's IAM permissions `container.clusterRoles.bind`/`escalate`):
 * resource-level setIamPolicy (one bucket, one dataset) and data access are left to the entitlement rules.
 */

export type GcpPermissionCategory =
  'iam-policy' | 'impersonation' | 'role-admin' | 'federation-admin' | 'kubernetes-rbac';

interface CategoryPattern {
  category: GcpPermissionCategory;
  pattern: RegExp;
  what: string;
}

export const GCP_PRIVILEGED_PERMISSIONS: readonly CategoryPattern[] = [
  {
    category: 'iam-policy',
    pattern: /^resourcemanager\.(projects|folders|organizations)\.setIamPolicy$/,
    what: 'rewrites the IAM policy of the project, folder or organization, so it can grant itself any role',
  },
  {
    category: 'impersonation',
    pattern:
      /^iam\.serviceAccounts\.(actAs|getAccessToken|getOpenIdToken|signBlob|signJwt|implicitDelegation|setIamPolicy)$|^iam\.serviceAccountKeys\.create$/,
    what: 'acts as, mints tokens or keys for, or grants access to every service account in reach',
  },
  {
    category: 'role-admin',
    pattern: /^iam\.roles\.(create|update|undelete)$/,
    what: 'writes custom roles, adding any permission to a role it or others hold',
  },
  {
    category: 'federation-admin',
    pattern: /^iam(\.googleapis\.com\/|\.)workloadIdentityPool(s|Providers)\.(create|update|undelete)$/,
    what: 'writes workload identity pools and providers, so tokens of an issuer it picks act as the pool’s principals',
  },
  {
    // GKE authorizes the Kubernetes API through IAM as well as RBAC: `bind` lets a holder bind any (cluster) role,
    // cluster-admin included, and `escalate` lets it write a role with permissions it does not hold, in every cluster
    // of the project, folder or organization. Creating a binding alone is held to RBAC's escalation check and is not.
    category: 'kubernetes-rbac',
    pattern: /^container\.(clusterRoles|roles)\.(bind|escalate)$/,
    what: 'binds or escalates Kubernetes RBAC roles in every GKE cluster in reach, so it can make itself cluster-admin',
  },
];

/** The privileged category of one permission, if any. */
export function gcpPermissionCategory(permission: string): GcpPermissionCategory | undefined {
  return GCP_PRIVILEGED_PERMISSIONS.find((entry) => entry.pattern.test(permission))?.category;
}

/** Privileged permissions of a list, by category, in the order of GCP_PRIVILEGED_PERMISSIONS. */
export function privilegedGcpPermissions(
  permissions: readonly string[],
): { category: GcpPermissionCategory; permissions: string[] }[] {
  return GCP_PRIVILEGED_PERMISSIONS.map(({ category, pattern }) => ({
    category,
    permissions: permissions.filter((permission) => pattern.test(permission)),
  })).filter((entry) => entry.permissions.length > 0);
}

/**
 * Verbs that only read. A role whose other permissions span most services is a basic role in effect (roles/owner,
 * roles/editor): the refresh script marks those `broad` from the data, so the threshold below is the only judgement.
 */
export const GCP_READ_VERBS =
  /\.(get|list|getIamPolicy|search[A-Za-z]*|query[A-Za-z]*|read[A-Za-z]*|view[A-Za-z]*|watch|export[A-Za-z]*)$/;
export const GCP_BROAD_SERVICE_SHARE = 0.5;
