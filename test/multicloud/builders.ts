/** Builders for Azure, Google Cloud and Kubernetes model fixtures: role grants and credentials as the adapters make them. */
import type { Credential, Maybe, RoleGrant, RolePermission } from '../../src/model/model.js';
import type { PulumiResource } from '../../src/adapters/pulumi/index.js';
import { ref } from '../support/builders.js';

const GRANT_TYPES: Record<RoleGrant['cloud'], string> = {
  azure: 'azure-native:authorization:RoleAssignment',
  gcp: 'gcp:projects/iAMMember:IAMMember',
  kubernetes: 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding',
};

export function roleGrant(
  cloud: RoleGrant['cloud'],
  source: string,
  role: Maybe<string>,
  scope: Maybe<string>,
  scopeLevel: NonNullable<RoleGrant['scopeLevel']>,
  permissions?: RolePermission[],
): RoleGrant {
  return {
    kind: 'role',
    cloud,
    source: ref(GRANT_TYPES[cloud], source),
    role,
    scope,
    scopeLevel,
    ...(permissions ? { permissions } : {}),
  };
}

export const azureRole = (
  source: string,
  role: Maybe<string>,
  scope: string,
  scopeLevel: NonNullable<RoleGrant['scopeLevel']>,
  permissions?: RolePermission[],
) => roleGrant('azure', source, role, scope, scopeLevel, permissions);
export const directoryRole = (source: string, role: string) => ({
  ...roleGrant('azure', source, role, 'directory', 'directory'),
  source: ref('azuread:index/directoryRoleAssignment:DirectoryRoleAssignment', source),
});
export const gcpRole = (
  source: string,
  role: string,
  scope: string,
  scopeLevel: NonNullable<RoleGrant['scopeLevel']>,
) => roleGrant('gcp', source, role, scope, scopeLevel);
export const clusterBinding = (source: string, role: string, permissions?: RolePermission[]) => ({
  ...roleGrant('kubernetes', source, role, 'cluster', 'cluster', permissions),
  source: ref('kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding', source),
});
export const namespaceBinding = (source: string, role: string, namespace: string, permissions?: RolePermission[]) =>
  roleGrant('kubernetes', source, role, `namespace/${namespace}`, 'namespace', permissions);

export function federated(
  source: string,
  issuer: Maybe<string>,
  subject: Maybe<string>,
  extra: Partial<Credential> = {},
): Credential {
  return {
    kind: 'federated',
    source: ref('azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential', source),
    issuer,
    subject,
    ...extra,
  };
}

/** The value the Pulumi engine sends for an output not known until apply (preview). */
export const PULUMI_UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** The URN of a resource of the `dev` stack of project `example`. */
export const pulumiUrn = (type: string, name: string) => `urn:pulumi:dev::example::${type}::${name}`;

/** A resource as the Pulumi engine hands it to the pack (pulumiUrn). */
export function pulumiResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependencies?: Record<string, string[]>,
): PulumiResource {
  return {
    type,
    name,
    urn: pulumiUrn(type, name),
    props,
    ...(dependencies ? { propertyDependencies: dependencies } : {}),
  };
}
