/**
 * What an EKS access entry, an access policy association or the aws-auth ConfigMap gives an IAM role or user inside the
 * cluster, as Kubernetes role grants, whichever IaC wrote it (CloudFormation `AWS::EKS::AccessEntry`, Pulumi
 * `aws.eks.AccessEntry` and `aws.eks.AccessPolicyAssociation`, Terraform's `aws_eks_access_entry` and
 * `aws_eks_access_policy_association`, `kube-system/aws-auth`'s mapRoles and mapUsers). Each grant is given to the
 * principal as a binding to a Kubernetes user would be: the rules judge it as they judge a RoleBinding or
 * ClusterRoleBinding, on the identity of the change the principal's ARN names once every identity is known
 * (iam/aws/eks-access-grants.ts resolveEksAccess), else on the principal as one the change does not create.
 *
 * - The group `system:masters` is cluster-admin: Kubernetes' bootstrap policy binds the cluster-admin ClusterRole to it
 *   (ClusterRoleBinding cluster-admin), and the EKS User Guide (auth-configmap.adoc, awsdocs/amazon-eks-user-guide
 *   @4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7) maps administrators to it.
 * - `system:nodes` and `system:bootstrappers` are the groups the User Guide maps a node role to so that nodes can
 *   register (auth-configmap.adoc's node role example; access entries of type EC2_LINUX get them from EKS), and
 *   `system:node-proxier` the one it adds for a Fargate profile's pod execution role (grant-k8s-access.adoc, "entries
 *   ... created by Amazon EKS for a Fargate profile and a managed node group"): their permissions are the kubelet's,
 *   which Kubernetes' Node authorizer keeps to the node's own pods, and kube-proxy's. They grant nothing judged here,
 *   as a node role is judged on its IAM policies.
 * - Any other group holds what the change's bindings to that group grant (resolved once every binding is known).
 * - An access policy holds its rules (iam/kubernetes/eks-access-policies.ts) at its access scope: the cluster, or each
 *   namespace listed.
 * Values not known (a principal ARN, a group, a policy or a scope the IaC computes at deploy time) are grants that
 * cannot be verified, and the rules say so.
 */
import { clusterAdminGrant } from '../../iam/kubernetes/default-roles.js';
import { eksAccessPolicy } from '../../iam/kubernetes/eks-access-policies.js';
import {
  isUnknown,
  unknownValue,
  type Maybe,
  type Model,
  type ResourceRef,
  type RoleGrant,
} from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';

/** The group Kubernetes binds to cluster-admin. */
export const MASTERS_GROUP = 'system:masters';
/** The groups a node's role is mapped to (see the file comment). */
const NODE_GROUPS: ReadonlySet<string> = new Set(['system:nodes', 'system:bootstrappers', 'system:node-proxier']);

/** One principal's access as the IaC writes it, its values resolved as far as the adapter can. */
export interface EksAccess {
  /** The access entry, association or ConfigMap: grants and findings point at it. */
  source: ResourceRef;
  /** The principal's ARN: a string, an Unknown, or whatever else was written (read as not seen). */
  principal: unknown;
  /** Where the principal is written, for messages: `PrincipalArn`, `mapRoles[0].rolearn`. */
  principalField: string;
  /** Kubernetes groups (a list of names), or undefined when the IaC sets none. */
  groups?: unknown;
  /** Access policy associations: the policy ARN and its access scope (`{ type, namespaces }`). */
  policies?: { policyArn: unknown; accessScope: unknown }[];
  /** The ids of the change's identities the principal's ARN is computed from while known only at apply (Pulumi dependencies). */
  dependsOn?: readonly string[];
}

/**
 * Adds the grants an access gives to the model, as grants to its principal (ExternalRoleGrant.awsPrincipal), which
 * resolveEksAccess gives to the change's identity of that ARN, and its groups other than system:masters as group
 * mappings (Model.eksGroupMappings), which resolveEksAccess resolves to the bindings of the group.
 */
export function addEksAccess(model: Model, access: EksAccess): void {
  const holder = holderOf(access);
  const give = (grant: RoleGrant) => {
    (model.externalRoleGrants ??= []).push({ ...holder, grant });
  };
  for (const group of groupsOf(access)) {
    if (isUnknown(group)) give(roleGrant(access.source, group, 'cluster', 'cluster'));
    else if (group === MASTERS_GROUP) give(clusterAdminGrant(access.source));
    else if (!NODE_GROUPS.has(group)) (model.eksGroupMappings ??= []).push({ source: access.source, group, ...holder });
  }
  for (const { policyArn, accessScope } of access.policies ?? [])
    for (const grant of policyGrants(access.source, policyArn, accessScope)) give(grant);
}

/** Who the access is for: the principal's ARN, or the identities it is computed from, or a description. */
interface Holder {
  member: string;
  awsPrincipal?: string;
  awsPrincipalFrom?: string[];
}

function holderOf(access: EksAccess): Holder {
  const { principal, source, principalField } = access;
  if (typeof principal === 'string') return { member: `IAM principal ${principal}`, awsPrincipal: principal };
  const what = isUnknown(principal)
    ? principal.description
    : principal === undefined
      ? 'not set'
      : `not an ARN: ${describeValue(principal)}`;
  const member = `the IAM principal of ${source.name} (${principalField}: ${what})`;
  return isUnknown(principal) && access.dependsOn?.length
    ? { member, awsPrincipalFrom: [...access.dependsOn] }
    : { member };
}

/** The groups as written: names, Unknowns for what is not known, nothing when unset. */
function groupsOf(access: EksAccess): Maybe<string>[] {
  const { groups } = access;
  if (groups === undefined || groups === null) return [];
  const field = `${access.source.name} Kubernetes groups`;
  if (isUnknown(groups)) return [unknownValue(`${field}: ${groups.description}`)];
  if (!Array.isArray(groups)) return [unknownValue(`${field}: not a list (${describeValue(groups)})`)];
  return groups.map((group: unknown) =>
    typeof group === 'string'
      ? group
      : unknownValue(
          `${field}: ${isUnknown(group) ? group.description : `a group that is not a name (${describeValue(group)})`}`,
        ),
  );
}

/** An access policy's grants: one at the cluster, or one per namespace of its scope. */
function policyGrants(source: ResourceRef, policyArn: unknown, accessScope: unknown): RoleGrant[] {
  if (typeof policyArn !== 'string') {
    const what = isUnknown(policyArn) ? policyArn.description : `not an ARN (${describeValue(policyArn)})`;
    return [roleGrant(source, unknownValue(`access policy of ${source.name}: ${what}`), 'cluster', 'cluster')];
  }
  const policy = eksAccessPolicy(policyArn);
  const role = policy?.name ?? policyArn;
  const content: Partial<RoleGrant> = policy?.rules
    ? { permissions: policy.rules.map((rule) => ({ ...rule })) }
    : // Not an access policy AWS publishes rules for: what it grants cannot be seen, as a binding's unknown role.
      { roleOutsideChange: 'ClusterRole' };
  return scopesOf(source, accessScope).map(({ scope, scopeLevel }) => ({
    ...roleGrant(source, role, scope, scopeLevel),
    ...content,
  }));
}

/** Where an access scope reaches: `cluster`, or `namespace/<name>` for each namespace; Unknown when not readable. */
function scopesOf(
  source: ResourceRef,
  accessScope: unknown,
): { scope: Maybe<string>; scopeLevel?: 'cluster' | 'namespace' }[] {
  const scope = isKnownRecord(accessScope) ? accessScope : undefined;
  const type = scope?.type;
  if (type === 'cluster') return [{ scope: 'cluster', scopeLevel: 'cluster' }];
  if (type === 'namespace') {
    const namespaces = scope?.namespaces;
    if (Array.isArray(namespaces) && namespaces.length > 0)
      return namespaces.map((namespace: unknown) =>
        typeof namespace === 'string'
          ? { scope: `namespace/${namespace}`, scopeLevel: 'namespace' as const }
          : {
              scope: unknownValue(
                `a namespace of ${source.name}'s access scope: ${isUnknown(namespace) ? namespace.description : describeValue(namespace)}`,
              ),
              scopeLevel: 'namespace' as const,
            },
      );
    const what = isUnknown(namespaces) ? namespaces.description : 'no namespaces listed';
    return [
      { scope: unknownValue(`the namespaces of ${source.name}'s access scope: ${what}`), scopeLevel: 'namespace' },
    ];
  }
  const what = isUnknown(accessScope)
    ? accessScope.description
    : isUnknown(type)
      ? type.description
      : `type ${describeValue(type)}, neither cluster nor namespace`;
  return [{ scope: unknownValue(`the access scope of ${source.name}: ${what}`) }];
}

function roleGrant(
  source: ResourceRef,
  role: Maybe<string>,
  scope: Maybe<string>,
  scopeLevel?: 'cluster' | 'namespace',
): RoleGrant {
  return { kind: 'role', cloud: 'kubernetes', source, role, scope, ...(scopeLevel ? { scopeLevel } : {}) };
}
