/**
 * What the engine knows about Google Cloud IAM roles and members: every predefined role with the privileged
 * permissions Google publishes for it (data/gcp-predefined-roles.json, written by scripts/refresh-role-data.mjs, read
 * on the first lookup), custom roles
 * by the permissions they list, the kinds of member, and the public members.
 */
import type { RoleGrant } from '../../model/model.js';
import { GCP_PRIVILEGED_PERMISSIONS, privilegedGcpPermissions, type GcpPermissionCategory } from './permissions.js';
import { countedEntries, readPackageJson } from '../../util/package-data.js';
import type { RoleDataset } from '../azure/roles.js';

interface PredefinedRole {
  privileged: string[];
  /** Its permissions span most services (roles/owner, roles/editor): a basic role in effect. */
  broad?: boolean;
  deleted?: boolean;
}

export const GCP_ROLE_DATA_FILE = 'gcp-predefined-roles.json';
let loaded: (RoleDataset & { roles: Readonly<Record<string, PredefinedRole>> }) | undefined;

function data(): RoleDataset & { roles: Readonly<Record<string, PredefinedRole>> } {
  if (loaded) return loaded;
  const read = readPackageJson(GCP_ROLE_DATA_FILE, 'the Google Cloud predefined role data') as RoleDataset & {
    roles: Record<string, PredefinedRole>;
  };
  // The file as read, before its shape is checked.
  const roles: unknown = read.roles;
  countedEntries(
    GCP_ROLE_DATA_FILE,
    roles && typeof roles === 'object' ? Object.keys(roles) : undefined,
    read.count,
    'roles',
  );
  return (loaded = read);
}

/** Where the predefined role data comes from, and as of when. */
export function gcpRoleData(): RoleDataset {
  const { source, date, count } = data();
  return { source, date, count };
}

/** Whether the data has been read in this process (a test checks that importing the engine does not read it). */
export function gcpRoleDataLoaded(): boolean {
  return loaded !== undefined;
}

/** Members that stand for everyone on the internet, or everyone with a Google account. */
export const GCP_PUBLIC_MEMBERS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

const GEN1_INVOKER_ROLE = 'roles/cloudfunctions.invoker';
const GEN1_INVOKE_PERMISSION = 'cloudfunctions.functions.invoke';

/**
 * Whether a grant gives nothing but the right to invoke a 1st-gen Cloud Function: the predefined Cloud Functions
 * Invoker role, or a custom role of the change whose only permission is `cloudfunctions.functions.invoke` (that role's
 * one permission). A 2nd-gen function is invoked through its Cloud Run service (`roles/run.invoker`), not by this.
 */
export function onlyInvokesGen1Functions(grant: Pick<RoleGrant, 'role' | 'permissions'>): boolean {
  if (grant.permissions !== undefined) {
    const permissions = grant.permissions.flatMap((permission) => permission.permissions ?? []);
    return permissions.length > 0 && permissions.every((permission) => permission === GEN1_INVOKE_PERMISSION);
  }
  return grant.role === GEN1_INVOKER_ROLE;
}

export type GcpRoleRisk = 'basic' | GcpPermissionCategory;

export interface GcpRoleVerdict {
  /** The most telling risk: basic, then IAM policy, impersonation, role and federation administration, GKE RBAC. */
  risk: GcpRoleRisk;
  permissions: string[];
  what: string;
}

const RISK_ORDER: readonly GcpRoleRisk[] = [
  'basic',
  'iam-policy',
  'impersonation',
  'role-admin',
  'federation-admin',
  'kubernetes-rbac',
];

/** A predefined role (`roles/…`) as the data knows it; undefined for a custom role or a name Google does not publish. */
export function predefinedRole(role: string): PredefinedRole | undefined {
  const { roles } = data();
  return Object.hasOwn(roles, role) ? roles[role] : undefined;
}

/** True for a custom role's name (`projects/p/roles/r`, `organizations/1/roles/r`). */
export function isCustomRoleName(role: string): boolean {
  return /^(projects|organizations)\/[^/]+\/roles\/[^/]+$/.test(role);
}

/** Why a role is privileged, from its permissions (a custom role's list, or the predefined role's published one). */
export function gcpRoleVerdict(permissions: readonly string[], broad = false): GcpRoleVerdict | undefined {
  const found = privilegedGcpPermissions(permissions);
  if (broad)
    return {
      risk: 'basic',
      permissions: found.flatMap((entry) => entry.permissions),
      what: 'nearly every permission of every service',
    };
  const first = RISK_ORDER.map((risk) => found.find((entry) => entry.category === risk)).find(
    (entry) => entry !== undefined,
  );
  if (!first) return undefined;
  const described = GCP_PRIVILEGED_PERMISSIONS.find((entry) => entry.category === first.category);
  if (!described) throw new Error(`internal error: no privileged permission category ${first.category}`);
  return { risk: first.category, permissions: first.permissions, what: described.what };
}

/** A predefined role's verdict; undefined when it is not privileged or not predefined. */
export function predefinedRoleVerdict(role: string): GcpRoleVerdict | undefined {
  const known = predefinedRole(role);
  return known ? gcpRoleVerdict(known.privileged, known.broad) : undefined;
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
  return /^serviceAccount:(\d+-compute@developer\.gserviceaccount\.com|[^@]+@appspot\.gserviceaccount\.com)$/.test(
    member,
  );
}

/**
 * Members that are people, held to the human rules (federation, just-in-time approval): users, groups, domains, and
 * workforce identity federation principals. Service accounts, workload identity principals and members not known
 * until apply are judged as workloads.
 */
export function isHumanMember(member: string): boolean {
  return (
    /^(user|group|domain|deleted:user|deleted:group):/.test(member) ||
    /^principal(Set)?:\/\/iam\.googleapis\.com\/locations\/global\/workforcePools\//.test(member)
  );
}

/** A workload identity pool member: the pool and what of it the member names (`*` for every identity of the pool). */
export function workloadPoolMember(member: string): { pool: string; project: string; path: string } | undefined {
  const [, project, pool, path] =
    /^principal(?:Set)?:\/\/iam\.googleapis\.com\/projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/(.+)$/.exec(
      member,
    ) ?? [];
  return project !== undefined && pool !== undefined && path !== undefined ? { project, pool, path } : undefined;
}
