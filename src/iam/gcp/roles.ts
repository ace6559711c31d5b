/**
 * What the engine knows about Google Cloud IAM roles and members: the basic roles, the roles that act as
 * (impersonate) or manage every service account in their scope, the roles that rewrite IAM policy, and the
 * public members.
 */
import type { RoleGrant } from '../../model/model.js';

/** Basic (primitive) roles: every permission of (nearly) every service in the scope. */
export const GCP_BASIC_ROLES: readonly string[] = ['roles/owner', 'roles/editor'];

/**
 * Roles that let the holder act as, or mint credentials for, every service account in the scope (Checkov
 * CKV_GCP_41, CKV_GCP_44, CKV_GCP_45, CKV_GCP_49 flag them at project, folder and organization level).
 */
export const GCP_IMPERSONATION_ROLES: readonly string[] = [
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountUser',
  'roles/iam.serviceAccountKeyAdmin',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.workloadIdentityUser',
];

/** Roles that rewrite IAM policy on their scope, so the holder can grant itself any role. */
export const GCP_IAM_ADMIN_ROLES: readonly string[] = [
  'roles/resourcemanager.projectIamAdmin',
  'roles/resourcemanager.folderIamAdmin',
  'roles/resourcemanager.organizationAdmin',
  'roles/iam.securityAdmin',
];

/** Members that stand for everyone on the internet, or everyone with a Google account. */
export const GCP_PUBLIC_MEMBERS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

export type GcpRoleRisk = 'basic' | 'impersonation' | 'iam-admin';

export function gcpRoleRisk(role: string): GcpRoleRisk | undefined {
  if (GCP_BASIC_ROLES.includes(role)) return 'basic';
  if (GCP_IMPERSONATION_ROLES.includes(role)) return 'impersonation';
  if (GCP_IAM_ADMIN_ROLES.includes(role)) return 'iam-admin';
  return undefined;
}

/** Resource-hierarchy levels where a role reaches every resource (and every service account) below. */
export function isBroadGcpScope(level: RoleGrant['scopeLevel']): boolean {
  return level === 'organization' || level === 'folder' || level === 'project';
}

/**
 * The default service accounts Google creates for Compute Engine and App Engine (Checkov CKV_GCP_46–48):
 * every VM or app that does not name its own account runs as them, so a grant to them reaches all of those.
 */
export function isDefaultServiceAccount(member: string): boolean {
  return /^serviceAccount:(\d+-compute@developer\.gserviceaccount\.com|[^@]+@appspot\.gserviceaccount\.com)$/.test(member);
}
