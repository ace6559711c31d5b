/**
 * An identity's current grants as catalog entitlement content (AWS envelopes, managed policies, Azure, Google Cloud
 * and Kubernetes roles), with a canonical key so identities holding identical grant sets share one entitlement,
 * and a name that says what the set grants.
 *
 * Only what an envelope can state exactly is written: Allow statements with known actions and resources. A
 * NotAction, a NotResource, a Deny, a value known only at apply is left out, so require-entitlement still reports
 * it and `catalog init` turns that into an exception to burn down instead of describing it as allowed.
 */
import type { AwsGrantEnvelope, Catalog, Entitlement } from '../../catalog/types.js';
import { expandActionPattern } from '../iam/aws/actions.js';
import { awsManagedPolicy } from '../iam/aws/managed.js';
import { rolesCoveringDataActions } from '../iam/azure/key-vault-access-policies.js';
import {
  conditionEnded,
  isUnknown,
  type Identity,
  type Model,
  type PolicyValue,
  type RoleGrant,
} from '../model/model.js';
import { heldPolicies } from '../rules/support/held-policies.js';
import { toId } from './infer.js';

export interface GrantSet {
  aws: AwsGrantEnvelope[];
  awsManagedPolicies: string[];
  azure: { roles: string[]; scopes: string[] };
  gcp: { roles: string[]; scopes: string[] };
  kubernetes: { clusterRoles: string[]; roles: string[]; namespaces: string[] };
}

/**
 * The identity's grants, its groups' included (require-entitlement judges them together), in a canonical order, as in
 * effect at `now`: an AWS statement or a Google binding whose condition has ended it grants nothing, so the catalog
 * gains no entitlement for it (require-entitlement does not judge it either).
 */
export function grantSetOf(identity: Identity, model: Model, now: Date): GrantSet {
  const set: GrantSet = {
    aws: [],
    awsManagedPolicies: [],
    azure: { roles: [], scopes: [] },
    gcp: { roles: [], scopes: [] },
    kubernetes: { clusterRoles: [], roles: [], namespaces: [] },
  };
  if (identity.cloud === 'aws') {
    const held = heldPolicies(identity, model, { withGroups: true, now });
    for (const policy of held.policies) {
      if (policy.managedArn !== undefined) {
        set.awsManagedPolicies.push(normalArn(policy.managedArn));
        continue;
      }
      if (policy.document.unreadable) continue;
      for (const statement of policy.document.statements) {
        if (statement.effect !== 'Allow' || !statement.action || !statement.resource) continue;
        const actions = known(statement.action);
        const resources = known(statement.resource);
        if (!actions || !resources || actions.length === 0 || resources.length === 0) continue;
        set.aws.push({ actions: unique(actions), resources: unique(resources.map(envelopeResource)) });
      }
    }
    for (const opaque of held.opaque)
      if (!isUnknown(opaque.arn) && MANAGED_ARN.test(normalArn(opaque.arn)))
        set.awsManagedPolicies.push(normalArn(opaque.arn));
  }
  for (const grant of identity.grants) if (grant.kind === 'role' && !conditionEnded(grant, now)) addRole(set, grant);
  return canonical(set);
}

/** What the schema accepts as a managed policy ARN (an AWS one, or a customer one in a literal account). */
const MANAGED_ARN = /^arn:aws[a-z-]*:iam::(aws|[0-9]{12}):policy\/.+$/;

function addRole(set: GrantSet, grant: RoleGrant): void {
  if (isUnknown(grant.role) || isUnknown(grant.scope)) return;
  if (grant.cloud === 'kubernetes') {
    // A RoleBinding (to a Role or a ClusterRole) grants within one namespace: the catalog's roles + namespaces say that.
    if (grant.scopeLevel === 'cluster') set.kubernetes.clusterRoles.push(grant.role);
    else {
      set.kubernetes.roles.push(grant.role);
      set.kubernetes.namespaces.push(grant.scope.replace(/^namespace\//, ''));
    }
    return;
  }
  if (grant.keyVaultAccessPolicy) {
    // No Azure role is called "Key Vault access policy": the built-in roles that grant its data actions on the vault.
    if (!grant.permissions) return;
    const roles = rolesCoveringDataActions(grant.permissions.flatMap((permission) => permission.dataActions ?? []));
    if (roles.length === 0) return;
    set.azure.roles.push(...roles);
    set.azure.scopes.push(grant.scope);
    return;
  }
  set[grant.cloud].roles.push(grant.role);
  set[grant.cloud].scopes.push(grant.scope);
}

function canonical(set: GrantSet): GrantSet {
  const envelopes = new Map<string, AwsGrantEnvelope>();
  for (const envelope of set.aws) {
    const sorted = { actions: [...envelope.actions].sort(compare), resources: [...envelope.resources].sort(compare) };
    envelopes.set(JSON.stringify(sorted), sorted);
  }
  return {
    aws: [...envelopes.entries()].sort(([a], [b]) => compare(a, b)).map(([, envelope]) => envelope),
    awsManagedPolicies: unique(set.awsManagedPolicies).sort(compare),
    azure: { roles: unique(set.azure.roles).sort(compare), scopes: unique(set.azure.scopes).sort(compare) },
    gcp: { roles: unique(set.gcp.roles).sort(compare), scopes: unique(set.gcp.scopes).sort(compare) },
    kubernetes: {
      clusterRoles: unique(set.kubernetes.clusterRoles).sort(compare),
      roles: unique(set.kubernetes.roles).sort(compare),
      namespaces: unique(set.kubernetes.namespaces).sort(compare),
    },
  };
}

export function isEmpty(set: GrantSet): boolean {
  return (
    set.aws.length === 0 &&
    set.awsManagedPolicies.length === 0 &&
    set.azure.roles.length === 0 &&
    set.gcp.roles.length === 0 &&
    set.kubernetes.clusterRoles.length === 0 &&
    set.kubernetes.roles.length === 0
  );
}

export function grantSetKey(set: GrantSet): string {
  return JSON.stringify(set);
}

/** The entitlement content of a grant set, as the catalog states it (empty parts left out). */
export function entitlementContent(
  set: GrantSet,
): Pick<Entitlement, 'aws' | 'awsManagedPolicies' | 'azure' | 'gcp' | 'kubernetes'> {
  const content: Pick<Entitlement, 'aws' | 'awsManagedPolicies' | 'azure' | 'gcp' | 'kubernetes'> = {};
  if (set.aws.length) content.aws = set.aws;
  if (set.awsManagedPolicies.length) content.awsManagedPolicies = set.awsManagedPolicies;
  if (set.azure.roles.length)
    content.azure = { roles: set.azure.roles, ...(set.azure.scopes.length ? { scopes: set.azure.scopes } : {}) };
  if (set.gcp.roles.length)
    content.gcp = { roles: set.gcp.roles, ...(set.gcp.scopes.length ? { scopes: set.gcp.scopes } : {}) };
  const k8s = set.kubernetes;
  if (k8s.clusterRoles.length || k8s.roles.length) {
    content.kubernetes = {
      ...(k8s.clusterRoles.length ? { clusterRoles: k8s.clusterRoles } : {}),
      ...(k8s.roles.length ? { roles: k8s.roles } : {}),
      ...(k8s.namespaces.length ? { namespaces: k8s.namespaces } : {}),
    };
  }
  return content;
}

/** The canonical key of an entitlement the catalog already has, to reuse it for an identical grant set (--update). */
export function entitlementKey(entitlement: Entitlement): string {
  return grantSetKey(
    canonical({
      aws: entitlement.aws ?? [],
      awsManagedPolicies: (entitlement.awsManagedPolicies ?? []).map(normalArn),
      azure: { roles: entitlement.azure?.roles ?? [], scopes: entitlement.azure?.scopes ?? [] },
      gcp: { roles: entitlement.gcp?.roles ?? [], scopes: entitlement.gcp?.scopes ?? [] },
      kubernetes: {
        clusterRoles: entitlement.kubernetes?.clusterRoles ?? [],
        roles: entitlement.kubernetes?.roles ?? [],
        namespaces: entitlement.kubernetes?.namespaces ?? [],
      },
    }),
  );
}

/**
 * A name after what the set grants: managed policies by name (`administrator-access`), AWS statements by service and
 * access level (`dynamodb-read`, `s3-full`, `sts-assume-role` for a single action), roles by name (`k8s-edit`).
 */
export function grantSetName(set: GrantSet): string {
  const parts: string[] = [];
  for (const arn of set.awsManagedPolicies) parts.push(kebab(arn.slice(arn.lastIndexOf('/') + 1)));
  if (set.aws.length) parts.push(awsName(set.aws));
  for (const role of set.azure.roles) parts.push(`azure-${kebab(role)}`);
  for (const role of set.gcp.roles)
    parts.push(`gcp-${kebab(role.replace(/^(projects\/[^/]+\/|organizations\/[^/]+\/)?roles\//, ''))}`);
  for (const role of [...set.kubernetes.clusterRoles, ...set.kubernetes.roles]) parts.push(`k8s-${kebab(role)}`);
  const unique = [...new Set(parts.filter(Boolean))];
  const name = unique.length > 3 ? `${unique.slice(0, 2).join('-')}-and-${unique.length - 2}-more` : unique.join('-');
  return toId(name.slice(0, 80), 'grants');
}

function awsName(envelopes: readonly AwsGrantEnvelope[]): string {
  const actions = [...new Set(envelopes.flatMap((envelope) => envelope.actions))];
  const [only] = actions;
  // One action without wildcards: `service:Action`.
  const [service, action] = actions.length === 1 && only !== undefined && !/[*?]/.test(only) ? only.split(':') : [];
  if (service !== undefined && action !== undefined) return `${service.toLowerCase()}-${kebab(action)}`;
  if (actions.includes('*')) return 'all-actions';
  const services = [...new Set(actions.map((action) => serviceOf(action).toLowerCase()))].sort(compare);
  const level = accessWord(actions);
  const named = services.length > 3 ? [...services.slice(0, 2), `${services.length - 2}-more`] : services;
  return `${named.join('-')}-${level}`;
}

/** The service prefix of an action (`s3` of `s3:GetObject`); the whole text when it has no colon. */
function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action : action.slice(0, colon);
}

/** `full` for a whole service (`s3:*`), else the broadest access level the actions reach. */
function accessWord(actions: readonly string[]): string {
  if (actions.some((action) => /:\*$/.test(action))) return 'full';
  const levels = new Set(actions.flatMap((action) => expandActionPattern(action).map((known) => known.accessLevel)));
  if (levels.has('Permissions management')) return 'permissions';
  if (levels.has('Write')) return 'write';
  if (levels.has('Tagging')) return 'tagging';
  return 'read';
}

/** `AWSLambdaBasicExecutionRole` → `aws-lambda-basic-execution-role`, `Storage Blob Data Reader` → `storage-blob-data-reader`. */
function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** A managed policy's ARN with the partition written out, as the catalog names it (a placeholder one as `aws`). */
function normalArn(arn: string): string {
  return arn.replace(/^arn:\$\{[^}]*\}:/, 'arn:aws:');
}

/** The policy name of an AWS managed policy ARN the dataset knows, for comments. */
export function managedPolicyName(arn: string): string {
  return awsManagedPolicy(arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * A granted resource as an envelope resource: an ARN or `*` as written (the deployment's own values, `<own-account>`,
 * are compared as text, so the envelope covers exactly the grant); a bare reference to a resource of the stack
 * (`<Arn of Queue>`, known at deploy) becomes `*`, which is what can be written for it before deployment.
 */
function envelopeResource(resource: string): string {
  return resource === '*' || resource.startsWith('arn:') ? resource : '*';
}

function known(values: readonly PolicyValue[]): string[] | undefined {
  return values.some(isUnknown) ? undefined : (values as string[]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { Catalog };
