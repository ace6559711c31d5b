/**
 * EKS access (adapters/aws/eks-access.ts) onto the change's own IAM roles and users, once the whole model is known.
 *
 * An access entry or aws-auth mapping names its principal by ARN. Where the ARN names a role or user of the change,
 * read as resource policies read their principals (principalReader), the Kubernetes grant is that identity's: the rules
 * then hold it to its catalog entitlements and judge cluster-admin on it, as a binding of a service account of the
 * change is judged. A principal the change does not create keeps the grant as an external one, judged on its own.
 *
 * A principal put in a Kubernetes group other than system:masters holds what the change's RoleBindings and
 * ClusterRoleBindings bind to that group (their `kind: Group` subjects, which the Kubernetes adapter records as
 * external grants to `Group <name>`), each judged at the resource that maps the principal. A group nothing in the
 * change binds is a grant that cannot be verified: its bindings are applied elsewhere (a role named only by an
 * Unknown, which no-wildcard-privilege reports as not verifiable and require-entitlement as unknown).
 */
import {
  unknownValue,
  type ExternalRoleGrant,
  type Identity,
  type Model,
  type ResourceRef,
  type RoleGrant,
} from '../../model/model.js';
import { principalReader } from './resource-policy-grants.js';

/**
 * Resolves the model's EKS group mappings and gives EKS grants to the identities they name. Idempotent: a mapping
 * is resolved once (the list is emptied), a grant claimed once (taken off the external ones).
 */
export function resolveEksAccess(model: Model): void {
  resolveClusterCreators(model);
  const mappings = model.eksGroupMappings ?? [];
  delete model.eksGroupMappings;
  const external = model.externalRoleGrants ?? [];
  for (const { source, group, ...holder } of mappings) {
    const bound = external.filter((entry) => entry.member === `Group ${group}` && !isEksHolder(entry));
    const held: RoleGrant[] =
      bound.length > 0
        ? // Held through the mapping: judged where the principal is put in the group.
          bound.map(({ grant }) => ({ ...grant, source }))
        : [unseenGroupGrant(source, group)];
    for (const grant of held) external.push({ ...holder, grant });
  }
  // Only EKS principals' grants are claimed here: without any, the principal index is not built (a model with other
  // outside members, or none, is left as it is).
  if (!external.some(isEksHolder)) return;
  const { identityOf } = principalReader(model.identities, model.accountIds);
  const byId = new Map(model.identities.map((identity) => [identity.id, identity]));
  const kept: ExternalRoleGrant[] = [];
  for (const entry of external) {
    const holders = holdersOf(entry, identityOf, byId);
    for (const identity of holders) identity.grants.push(entry.grant);
    if (holders.length === 0) kept.push(entry);
  }
  if (kept.length > 0) model.externalRoleGrants = kept;
  else delete model.externalRoleGrants;
}

/**
 * The change's identity that creates each cluster whose creator becomes its administrator, where the cluster names it
 * by ARN (a CDK cluster's creation role): the finding is then that identity's, waived by its names.
 */
function resolveClusterCreators(model: Model): void {
  const named = (model.clusterCreatorAdmins ?? []).filter((admin) => admin.creatorArn !== undefined);
  if (named.length === 0) return;
  const { identityOf } = principalReader(model.identities, model.accountIds);
  for (const admin of named) {
    const creator = identityOf(admin.creatorArn ?? '');
    if (creator) admin.creator = creator.id;
  }
}

/** Whether an external grant is an EKS principal's (rather than a binding's subject). */
function isEksHolder(entry: ExternalRoleGrant): boolean {
  return entry.awsPrincipal !== undefined || entry.awsPrincipalFrom !== undefined;
}

/** The change's AWS identities an EKS grant is for: the one its ARN names, or those its ARN is computed from. */
function holdersOf(
  entry: ExternalRoleGrant,
  identityOf: (arn: string) => Identity | undefined,
  byId: ReadonlyMap<string, Identity>,
): Identity[] {
  if (entry.awsPrincipal !== undefined) {
    const identity = identityOf(entry.awsPrincipal);
    return identity ? [identity] : [];
  }
  return (entry.awsPrincipalFrom ?? []).flatMap((id) => {
    const identity = byId.get(id);
    return identity?.cloud === 'aws' ? [identity] : [];
  });
}

/** The grant of a group no binding of the change binds: a role that cannot be seen, at a level that cannot be seen. */
function unseenGroupGrant(source: ResourceRef, group: string): RoleGrant {
  return {
    kind: 'role',
    cloud: 'kubernetes',
    source,
    role: unknownValue(
      `whatever the Kubernetes group ${group} is bound to: no RoleBinding or ClusterRoleBinding of this change binds it, so its bindings are applied elsewhere and cannot be seen here`,
    ),
    scope: 'cluster',
    scopeLevel: 'cluster',
  };
}
