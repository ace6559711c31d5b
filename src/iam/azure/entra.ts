/**
 * What the engine knows about Microsoft Entra ID directory roles and Microsoft Graph permissions, from two data files
 * read on the first lookup (never on import):
 *
 * - data/entra-directory-roles.json: every built-in directory role by template id (the same in every tenant), with its
 *   name and whether Microsoft marks it privileged; extracted by scripts/refresh-entra-directory-roles.mjs from the
 *   "All roles" table of Microsoft's "Microsoft Entra built-in roles" page (github.com/MicrosoftDocs/entra-docs,
 *   CC-BY-4.0), with its commit and date.
 * - data/microsoft-graph-permissions.json: every Microsoft Graph application permission (app role) and delegated scope
 *   by id, with its name; extracted by scripts/refresh-microsoft-graph-permissions.mjs from
 *   github.com/microsoftgraph/microsoft-graph-devx-content permissions/permissions-descriptions.json (MIT).
 *
 * Which of them let a holder take over identities is this project's judgement, kept here beside the lookups.
 */
import { countedEntries, readPackageJson } from '../../util/package-data.js';

export const ENTRA_DIRECTORY_ROLE_DATA_FILE = 'entra-directory-roles.json';
export const GRAPH_PERMISSION_DATA_FILE = 'microsoft-graph-permissions.json';

export interface EntraDirectoryRole {
  /** The role template id, lower case. */
  id: string;
  name: string;
  /** Whether Microsoft marks the role privileged (its "Privileged" label). */
  privileged: boolean;
}

export interface EntraDataset {
  source: string;
  date: string;
  count: number;
}

interface LoadedRoles {
  dataset: EntraDataset;
  byId: Map<string, EntraDirectoryRole>;
  byName: Map<string, EntraDirectoryRole>;
}

interface GraphPermission {
  id: string;
  name: string;
}

interface LoadedGraph {
  dataset: EntraDataset & { delegatedCount: number };
  applicationById: Map<string, string>;
  applicationNames: Set<string>;
  delegatedNames: Set<string>;
}

let roles: LoadedRoles | undefined;
let graph: LoadedGraph | undefined;

function directoryRoles(): LoadedRoles {
  if (roles) return roles;
  // A damaged file may lack the list: typed as possibly missing so the check below reports it, not crashes on it.
  const data = readPackageJson(ENTRA_DIRECTORY_ROLE_DATA_FILE, 'the Entra ID directory role data') as EntraDataset & {
    roles?: Partial<EntraDirectoryRole>[];
  };
  const list = countedEntries(ENTRA_DIRECTORY_ROLE_DATA_FILE, data.roles, data.count, 'roles').map((role, index) => {
    // A row the engine cannot read would turn a known role into an unnamed one: refuse the file instead.
    if (typeof role.id !== 'string' || typeof role.name !== 'string' || typeof role.privileged !== 'boolean')
      throw new Error(`${ENTRA_DIRECTORY_ROLE_DATA_FILE}: roles[${index}] is not an id, name and privileged flag`);
    return role as EntraDirectoryRole;
  });
  return (roles = {
    dataset: { source: data.source, date: data.date, count: data.count },
    byId: new Map(list.map((role) => [role.id, role])),
    byName: new Map(list.map((role) => [role.name.toLowerCase(), role])),
  });
}

function graphPermissions(): LoadedGraph {
  if (graph) return graph;
  const data = readPackageJson(GRAPH_PERMISSION_DATA_FILE, 'the Microsoft Graph permission data') as {
    source: string;
    date: string;
    applicationPermissionCount?: number;
    delegatedScopeCount?: number;
    applicationPermissions?: Partial<GraphPermission>[];
    delegatedScopes?: Partial<GraphPermission>[];
  };
  const list = (entries: Partial<GraphPermission>[] | undefined, count: number | undefined, what: string) =>
    countedEntries(GRAPH_PERMISSION_DATA_FILE, entries, count, what).map((entry, index) => {
      if (typeof entry.id !== 'string' || typeof entry.name !== 'string')
        throw new Error(`${GRAPH_PERMISSION_DATA_FILE}: ${what}[${index}] is not an id and name`);
      return entry as GraphPermission;
    });
  const application = list(data.applicationPermissions, data.applicationPermissionCount, 'applicationPermissions');
  const delegated = list(data.delegatedScopes, data.delegatedScopeCount, 'delegatedScopes');
  return (graph = {
    dataset: { source: data.source, date: data.date, count: application.length, delegatedCount: delegated.length },
    applicationById: new Map(application.map((entry) => [entry.id, entry.name])),
    applicationNames: new Set(application.map((entry) => entry.name)),
    delegatedNames: new Set(delegated.map((entry) => entry.name)),
  });
}

/** Where the directory role data comes from, and as of when. */
export function entraDirectoryRoleData(): EntraDataset {
  return { ...directoryRoles().dataset };
}

/** Where the Graph permission data comes from, and as of when (count: application permissions). */
export function graphPermissionData(): EntraDataset & { delegatedCount: number } {
  return { ...graphPermissions().dataset };
}

/** Whether either file has been read in this process (a test checks that importing the engine reads neither). */
export function entraDataLoaded(): { roles: boolean; graph: boolean } {
  return { roles: roles !== undefined, graph: graph !== undefined };
}

/** The built-in directory role of a template id (any case). */
export function entraDirectoryRoleById(templateId: string): EntraDirectoryRole | undefined {
  return directoryRoles().byId.get(templateId.toLowerCase());
}

/**
 * The built-in directory role of a name (any case), as a DirectoryRole of the change or a grant names it. A role is
 * privileged for this project where Microsoft marks it so (`privileged`: it can manage credentials, authentication or
 * authorization policies, or read restricted data; learn.microsoft.com/entra/identity/role-based-access-control/
 * privileged-roles-permissions): a workload needs none of them, and Microsoft keeps the label in step with each role's
 * permissions, which a list written here would not be.
 */
export function entraDirectoryRoleByName(name: string): EntraDirectoryRole | undefined {
  return directoryRoles().byName.get(name.toLowerCase());
}

/** Every built-in directory role, in the data's order. */
export function entraDirectoryRoles(): EntraDirectoryRole[] {
  return [...directoryRoles().byId.values()];
}

/** The Microsoft Graph application permission (app role) of an id (any case). */
export function graphApplicationPermissionName(appRoleId: string): string | undefined {
  return graphPermissions().applicationById.get(appRoleId.toLowerCase());
}

/** Whether Microsoft Graph has an application permission or a delegated scope of this name. */
export function isGraphPermissionName(name: string, kind: 'application' | 'delegated'): boolean {
  const loaded = graphPermissions();
  return (kind === 'application' ? loaded.applicationNames : loaded.delegatedNames).has(name);
}

/**
 * Microsoft Graph permissions with which an application can grant itself anything: assign itself any directory role
 * (RoleManagement.ReadWrite.Directory), any app role, Graph's included (AppRoleAssignment.ReadWrite.All), add
 * credentials to any application and act as it (Application.ReadWrite.All), or write the directory at large
 * (Directory.ReadWrite.All). The project's judgement; the ids come from the data (a test holds every name to it).
 */
export const PRIVILEGED_GRAPH_PERMISSIONS: readonly string[] = [
  'RoleManagement.ReadWrite.Directory',
  'AppRoleAssignment.ReadWrite.All',
  'Application.ReadWrite.All',
  'Directory.ReadWrite.All',
];
