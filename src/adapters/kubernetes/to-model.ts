/**
 * Kubernetes objects (from plain manifests or from `@pulumi/kubernetes` resources) into the model: service
 * accounts are identities, RBAC bindings are role grants, service-account token Secrets are long-lived
 * credentials, other Secrets with data in the source are plaintext secrets, and workloads that name a service
 * account are what runs as it. Links go by name, as the API server resolves them.
 */
import {
  AUTOUPDATE_ANNOTATION,
  kubernetesDefaultNamespaceRole,
  kubernetesDefaultRoles,
  type KubernetesDefaultRole,
} from '../../iam/kubernetes/default-roles.js';
import { labelSelectorMatches } from '../../iam/kubernetes/rbac.js';
import {
  emptyModel,
  isEncryptedValue,
  isUnknown,
  unknownValue,
  type ComputeAttachment,
  type ExternalRoleGrant,
  type Identity,
  type Model,
  type NamedKubernetesRole,
  type ResourceRef,
  type RoleDefinition,
  type RoleGrant,
  type RolePermission,
  type Unknown,
} from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import { resolveEksAccess } from '../../iam/aws/eks-access-grants.js';
import { addEksAccess } from '../aws/eks-access.js';
import { awsAuthAccesses, isAwsAuth } from './aws-auth.js';
import { isKustomization, renderKustomizations } from './kustomize.js';
import { expandClusterServiceVersions, subscriptionUnseen } from './olm.js';
import type { KubernetesObject } from './object.js';
import { podSpecPathOf } from './workloads.js';

export type { KubernetesObject } from './object.js';

const SERVICE_ACCOUNT_TOKEN = 'kubernetes.io/service-account-token';
const SERVICE_ACCOUNT_ANNOTATION = 'kubernetes.io/service-account.name';
const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
/** The aws-auth ConfigMap, or a server-side patch of it (Pulumi's ConfigMapPatch). */
const AWS_AUTH_KINDS = new Set(['ConfigMap', 'ConfigMapPatch']);

export function modelFromKubernetesObjects(written: readonly KubernetesObject[]): Model {
  const externalRoleGrants: ExternalRoleGrant[] = [];
  const model: Model = { ...emptyModel(), externalRoleGrants };
  // The objects as kustomize renders them, where a Kustomization's effect is applied here; the rest is unseen.
  const rendered = renderKustomizations(written);
  const { unseen } = rendered;
  // What OLM installs from a ClusterServiceVersion, as the RBAC objects and Deployments it makes.
  const objects = expandClusterServiceVersions(rendered.objects);
  // What an OLM Subscription installs is resolved in a catalog by OLM, not written in the change.
  const subscriptions = objects.flatMap((object) => subscriptionUnseen(object) ?? []);
  if (unseen.length || subscriptions.length) model.unseen = [...unseen, ...subscriptions];
  const accounts = new Map<string, Identity>();
  const accountKey = (namespace: string, name: string) => `${namespace}/${name}`;

  for (const object of objects) {
    const { name, namespace } = metadataOf(object);
    if (object.kind === 'ServiceAccount') {
      const identity = serviceAccount(object, name, namespace);
      accounts.set(accountKey(namespace, name), identity);
      model.identities.push(identity);
    }
  }
  const roles = new RoleIndex(objects);
  roles.nameRoles();
  const definitions = roles.definitions();
  markNamespaceBoundClusterRoles(definitions, objects, roles);
  if (definitions.length) model.roleDefinitions = definitions;

  const dependencyAccounts = (object: KubernetesObject, field: string): Identity[] =>
    (object.dependsOn?.(field) ?? []).flatMap((id) =>
      model.identities.filter((identity) => identity.id === id && identity.kind === 'k8s-service-account'),
    );

  /** The service account a reference names; one the change does not create is added so its credential or pod is seen. */
  const accountFor = (namespace: string, name: string, ref: ResourceRef): Identity => {
    const identity = namedAccount(namespace, name, ref);
    // A token the change creates for it is a credential of the change's making: judged as the change's own account,
    // whether a binding named the account first or not.
    delete identity.external;
    return identity;
  };
  /**
   * The service account a binding names. One the change does not create is an identity of its own, marked external
   * as AWS roles the change attaches policies to are: a catalog record naming it (`system:serviceaccount:<ns>:<name>`)
   * holds it to its entitlements and accepts its routes, where a grant to a bare member was judged for privilege only.
   */
  const boundAccount = (namespace: string, name: string, ref: ResourceRef): Identity => {
    const known = accounts.get(accountKey(namespace, name));
    if (known) return known;
    const identity = namedAccount(namespace, name, ref);
    identity.external = true;
    return identity;
  };
  const namedAccount = (namespace: string, name: string, ref: ResourceRef): Identity => {
    const key = accountKey(namespace, name);
    let identity = accounts.get(key);
    if (!identity) {
      identity = { ...baseIdentity(ref, name, namespace), id: `${ref.urn ?? ref.file ?? ''}#ServiceAccount/${key}` };
      accounts.set(key, identity);
      model.identities.push(identity);
    }
    return identity;
  };

  /** Pods linked to the accounts they run as once every binding is read (see below). */
  const linkPods: (() => void)[] = [];
  for (const object of objects) {
    const { name, namespace } = metadataOf(object);
    // kustomize's configuration, not an object of the cluster: renderKustomizations read it.
    if (typeof object.body.apiVersion === 'string' && isKustomization(object.body.apiVersion)) continue;
    if (object.kind === 'Secret') {
      const token = tokenAccountReference(object);
      if (token) {
        const owner = typeof token.account === 'string' ? token.account : undefined;
        // An account name known only at apply (an auto-named account) is followed through the dependency.
        const account =
          owner !== undefined
            ? accountFor(namespace, owner, object.ref)
            : (dependencyAccounts(object, 'metadata')[0] ?? accountFor(namespace, name, object.ref));
        account.credentials.push({ kind: 'k8s-service-account-token', source: object.ref, objectName: name });
      } else {
        model.secrets.push({
          id: object.ref.urn ?? `${object.ref.file ?? ''}#Secret/${namespace}/${name}`,
          cloud: 'kubernetes',
          name,
          resource: object.ref,
          tags: labelsAndAnnotations(object.body),
          ...(hasLiteralData(object) ? { plaintextValue: true } : {}),
        });
      }
    } else if (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') {
      const clusterWide = object.kind === 'ClusterRoleBinding';
      const grant = bindingGrant(object, clusterWide ? undefined : namespace, roles);
      const named = subjectsOf(object.body.subjects);
      // Subjects whose name is known only at apply: the accounts the subjects were computed from.
      if (isUnknown(object.body.subjects) || named.length < arrayLength(object.body.subjects)) {
        const accounts = dependencyAccounts(object, 'subjects').filter(
          (identity) => !named.some((subject) => subject.name === identity.name),
        );
        for (const identity of accounts) identity.grants.push(grant);
        // Nothing to follow: the grant is still judged, for a subject nobody can name yet.
        if (accounts.length === 0)
          externalRoleGrants.push({ member: `a subject of ${object.ref.name} not known until apply`, grant });
      }
      for (const subject of named) {
        if (subject.kind === 'ServiceAccount') {
          boundAccount(subject.namespace ?? namespace, subject.name, object.ref).grants.push(grant);
        } else {
          externalRoleGrants.push({ member: `${subject.kind} ${subject.name}`, grant });
        }
      }
    } else if (AWS_AUTH_KINDS.has(object.kind) && isAwsAuth(name, namespace)) {
      const dependsOn = (field: string) => object.dependsOn?.(field) ?? [];
      for (const access of awsAuthAccesses(object.ref, object.body.data, dependsOn)) addEksAccess(model, access);
    } else if (podSpecPath(object).length > 0) {
      const spec = podSpecOf(object);
      if (!spec) continue;
      const accountName = isUnknown(spec) ? spec : podServiceAccount(spec);
      const podAutomount = isUnknown(spec) ? spec : spec.automountServiceAccountToken;
      const runAs = (identity: Identity) => {
        // The pod spec's automountServiceAccountToken overrides the account's, either way; unset, the account's decides.
        const mounts =
          podAutomount === true || podAutomount === false
            ? podAutomount
            : isUnknown(podAutomount)
              ? unknownValue(
                  `${object.ref.name}.${podSpecPath(object).join('.')}.automountServiceAccountToken is not known until apply`,
                )
              : identity.automountToken !== false;
        const attachment: ComputeAttachment = { kind: 'pod', source: object.ref, mountsToken: mounts };
        identity.attachments.push(attachment);
      };
      const namespaceUnknown = isKnownRecord(object.body.metadata)
        ? isUnknown(object.body.metadata.namespace)
        : isUnknown(object.body.metadata);
      if (isUnknown(accountName)) {
        // The account is named only at apply: it is every service account the value is computed from; with none to
        // follow, whatever it is cannot be seen, not the namespace's default.
        const candidates = dependencyAccounts(object, 'spec');
        for (const identity of candidates) runAs(identity);
        if (candidates.length === 0)
          (model.unseen ??= []).push({ resource: object.ref, kind: 'k8s-pod-account', what: accountName.description });
      } else if (namespaceUnknown) {
        // A namespace known only at apply: the pods may run as any account of that name the change creates or binds.
        linkPods.push(() => {
          for (const identity of model.identities)
            if (identity.kind === 'k8s-service-account' && identity.name === accountName) runAs(identity);
        });
      } else {
        // An account the change neither creates nor binds is someone else's identity; its pods are not this change's
        // to judge. One it binds (an external identity) runs them with what the change grants it.
        linkPods.push(() => {
          const identity = accounts.get(accountKey(namespace, accountName));
          if (identity) runAs(identity);
        });
      }
    }
  }
  // After every binding, so a pod finds the account a binding names wherever the two are in the change.
  for (const link of linkPods) link();
  if (externalRoleGrants.length === 0) delete model.externalRoleGrants;
  resolveEksAccess(model);
  return model;
}

/**
 * The account a service-account token Secret names, as written (either value may be unknown): its
 * `kubernetes.io/service-account.name` annotation, in the Secret's `metadata.namespace` (unset: `default`).
 * Undefined for any other object.
 */
export function tokenAccountReference(
  object: Pick<KubernetesObject, 'kind' | 'body'>,
): { account: unknown; namespace: unknown } | undefined {
  if (object.kind !== 'Secret' || object.body.type !== SERVICE_ACCOUNT_TOKEN) return undefined;
  const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
  const annotations = isKnownRecord(metadata.annotations) ? metadata.annotations : {};
  return { account: annotations[SERVICE_ACCOUNT_ANNOTATION], namespace: metadata.namespace };
}

function serviceAccount(object: KubernetesObject, name: string, namespace: string): Identity {
  const identity = baseIdentity(object.ref, name, namespace);
  identity.tags = labelsAndAnnotations(object.body);
  const automount = object.body.automountServiceAccountToken;
  // The account's default for its pods: Kubernetes mounts the token unless it says false; a pod spec's own
  // automountServiceAccountToken overrides it (ComputeAttachment.mountsToken).
  identity.automountToken = automount !== false;
  return identity;
}

function baseIdentity(ref: ResourceRef, name: string, namespace: string): Identity {
  return {
    id: ref.urn ?? `${ref.file ?? ''}#ServiceAccount/${namespace}/${name}`,
    cloud: 'kubernetes',
    kind: 'k8s-service-account',
    name,
    resource: ref,
    // The username the API server gives the account: what RBAC subjects and audit logs show.
    arn: `system:serviceaccount:${namespace}:${name}`,
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  };
}

/** A ClusterRole as the cluster holds it once the change is applied: one of the change, or one of Kubernetes' defaults. */
interface ClusterRoleEntry {
  name: string;
  labels: Readonly<Record<string, string>>;
  /** The aggregationRule's selectors; undefined when it has none. */
  selectors?: readonly Record<string, unknown>[];
  unknownSelectors: boolean;
  /** Its own rules (a default aggregated role has none: the aggregation controller writes them). */
  rules: RolePermission[] | Unknown;
  /** Set for the change's own roles. */
  definition?: RoleDefinition;
  /** Its labels are known only at apply: any aggregationRule may pick it. */
  unknownLabels?: boolean;
  /** The default role of that name: the one taken from the data, or the one a role of the change re-defines and keeps. */
  defaultRole?: KubernetesDefaultRole;
}

/**
 * The roles a binding can name: every Role and ClusterRole of the change, as definitions, and Kubernetes' default
 * roles, read from the data only when a binding or an aggregation rule needs them.
 *
 * An aggregated ClusterRole (`aggregationRule`) holds its own rules and those of every ClusterRole its selectors pick,
 * as the API server's aggregation controller fills them in, through aggregated roles in turn: the change's own, and
 * the defaults (a selector of `rbac.authorization.k8s.io/aggregate-to-view` picks `system:aggregate-to-view`). The
 * defaults admin, edit and view aggregate the same way, so a ClusterRole of the change labelled
 * `rbac.authorization.k8s.io/aggregate-to-edit: "true"` adds its rules to every binding of edit, and of admin, which
 * aggregates edit.
 *
 * A ClusterRole of the change with a default's name (its own `edit`) is what `kubectl apply` writes, and that
 * definition is judged as written. But the API server reconciles its default roles at every start (unless the role
 * is annotated `rbac.authorization.kubernetes.io/autoupdate: "false"`): it adds back the default's missing rules,
 * labels and aggregation rule and keeps the rest. So a binding to that name holds both (`kubernetesDefault:
 * 'redefined'`).
 */
class RoleIndex {
  private readonly read: { entry: ClusterRoleEntry | undefined; definition: RoleDefinition; autoupdate: boolean }[];
  private readonly namespaced = new Map<string, RoleDefinition>();
  private universe: Map<string, ClusterRoleEntry> | undefined;
  private readonly resolved = new Map<ClusterRoleEntry, RolePermission[] | Unknown>();
  private readonly aggregates = new Map<ClusterRoleEntry, string[]>();

  constructor(objects: readonly KubernetesObject[]) {
    this.read = objects
      .filter((object) => ROLE_KINDS.has(object.kind))
      .map((object) => {
        const { name, namespace } = metadataOf(object);
        const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
        const rules = object.body.rules;
        const definition: RoleDefinition = {
          cloud: 'kubernetes',
          kind: object.kind === 'Role' ? 'k8s-role' : 'k8s-cluster-role',
          name,
          source: object.ref,
          scope: object.kind === 'Role' ? `namespace/${namespace}` : 'cluster',
          permissions: isUnknown(rules) ? rules : permissionsOf(rules),
        };
        const autoupdate = stringMap(metadata.annotations)[AUTOUPDATE_ANNOTATION] !== 'false';
        if (object.kind === 'Role') {
          this.namespaced.set(`${namespace}/${name}`, definition);
          return { entry: undefined, definition, autoupdate };
        }
        const aggregation = isKnownRecord(object.body.aggregationRule) ? object.body.aggregationRule : undefined;
        const selectors =
          aggregation && Array.isArray(aggregation.clusterRoleSelectors)
            ? aggregation.clusterRoleSelectors.filter(isKnownRecord)
            : undefined;
        const entry: ClusterRoleEntry = {
          name,
          labels: stringMap(metadata.labels),
          ...(isUnknown(metadata.labels) || isUnknown(object.body.metadata) ? { unknownLabels: true } : {}),
          ...(selectors ? { selectors } : {}),
          unknownSelectors: aggregation !== undefined && !Array.isArray(aggregation.clusterRoleSelectors),
          rules: definition.permissions,
          definition,
        };
        return { entry, definition, autoupdate };
      });
  }

  /**
   * Gives each rule of the change limited by resourceNames on roles or clusterroles the roles it names
   * (RolePermission.namedRoles), so a named `bind` is judged on what it binds: a Role in the binder's namespace (for a
   * ClusterRole, each Role of that name the change or Kubernetes' kube-system and kube-public defaults hold), a
   * ClusterRole as a binding to it would find it. A name found nowhere is kept without rules: unseen.
   */
  nameRoles(): void {
    for (const { definition } of this.read) {
      if (isUnknown(definition.permissions)) continue;
      const namespace = definition.scope?.startsWith('namespace/')
        ? definition.scope.slice('namespace/'.length)
        : undefined;
      for (const rule of definition.permissions) {
        const names = rule.resourceNames ?? [];
        const resources = rule.resources ?? [];
        const roles = resources.some((resource) => resource === '*' || resource === 'roles');
        const clusterRoles = resources.some((resource) => resource === '*' || resource === 'clusterroles');
        if (names.length === 0 || !(roles || clusterRoles)) continue;
        rule.namedRoles = names.flatMap((name): NamedKubernetesRole[] => [
          ...(roles ? this.namedRoles(namespace, name) : []),
          ...(clusterRoles ? [this.named('ClusterRole', undefined, name)] : []),
        ]);
      }
    }
  }

  /** The Roles of that name a rule of a Role in `namespace` (undefined: a ClusterRole's, every namespace) names. */
  private namedRoles(namespace: string | undefined, name: string): NamedKubernetesRole[] {
    if (namespace !== undefined) return [this.named('Role', namespace, name)];
    const namespaces = new Set([
      ...[...this.namespaced.keys()]
        .filter((key) => key.endsWith(`/${name}`))
        .map((key) => key.slice(0, -name.length - 1)),
      ...['kube-system', 'kube-public'].filter((candidate) => kubernetesDefaultNamespaceRole(candidate, name)),
    ]);
    return namespaces.size ? [...namespaces].map((found) => this.named('Role', found, name)) : [{ kind: 'Role', name }];
  }

  private named(kind: 'Role' | 'ClusterRole', namespace: string | undefined, name: string): NamedKubernetesRole {
    const found = this.lookup(kind, namespace, name);
    return {
      kind,
      name,
      ...(namespace === undefined ? {} : { scope: `namespace/${namespace}` }),
      ...(found ? { rules: found.permissions } : {}),
    };
  }

  /**
   * Whether another ClusterRole of the cluster after the change (the change's, or a default such as admin, edit and
   * view) may aggregate the change's ClusterRole of this name, so that whoever holds that one holds its rules too,
   * wherever it is bound: its selectors pick its labels, or what either says is known only at apply.
   */
  mayBeAggregated(name: string): boolean {
    const universe = this.clusterRoles();
    const own = this.read.find(({ entry }) => entry?.name === name)?.entry;
    if (!own || own.unknownLabels) return true;
    return [...universe.values()].some(
      (other) =>
        other.name !== name &&
        (other.unknownSelectors ||
          (other.selectors ?? []).some((selector) => labelSelectorMatches(selector, own.labels))),
    );
  }

  /** The change's roles, an aggregated ClusterRole with the rules it aggregates. */
  definitions(): RoleDefinition[] {
    // Defaults are read only when an aggregation rule of the change could pick one.
    const universe = this.read.some(({ entry }) => entry?.selectors) ? this.clusterRoles() : this.changeOnly();
    return this.read.map(({ entry, definition }) => {
      if (!entry) return definition;
      // The definition as written: its rules and what it aggregates, not a default's it re-defines.
      const own = universe.get(entry.name) === entry ? entry : { ...entry, defaultRole: undefined };
      const permissions = this.resolve(own, universe, new Set());
      const aggregates = this.aggregates.get(own);
      return { ...definition, permissions, ...(aggregates?.length ? { aggregates } : {}) };
    });
  }

  /**
   * What a binding to `kind` `name` (a Role in `namespace`) grants: the change's role, Kubernetes' default role of that
   * name, or nothing known (undefined).
   */
  lookup(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): { permissions: RolePermission[] | Unknown; kubernetesDefault?: 'default' | 'redefined' } | undefined {
    if (kind === 'Role') {
      const definition = namespace === undefined ? undefined : this.namespaced.get(`${namespace}/${name}`);
      if (definition) return { permissions: definition.permissions };
      const role = namespace === undefined ? undefined : kubernetesDefaultNamespaceRole(namespace, name);
      return role ? { permissions: role.rules, kubernetesDefault: 'default' } : undefined;
    }
    // The API server refuses any other kind; a binding written so grants nothing anyone can see here.
    if (kind !== 'ClusterRole') return undefined;
    const universe = this.clusterRoles();
    const entry = universe.get(name);
    if (!entry) return undefined;
    const permissions = this.resolve(entry, universe, new Set());
    if (!entry.defaultRole) return { permissions };
    return { permissions, kubernetesDefault: entry.definition ? 'redefined' : 'default' };
  }

  /** The change's ClusterRoles by name (the last of one name wins, as the last applied does). */
  private changeOnly(): Map<string, ClusterRoleEntry> {
    return new Map(this.read.flatMap(({ entry }) => (entry ? [[entry.name, entry] as const] : [])));
  }

  /** Every ClusterRole of the cluster after the change: the change's, and each default it does not replace. */
  private clusterRoles(): Map<string, ClusterRoleEntry> {
    if (this.universe) return this.universe;
    const universe = this.changeOnly();
    for (const role of kubernetesDefaultRoles()) {
      const own = universe.get(role.name);
      const selectors = role.aggregationRule?.clusterRoleSelectors;
      if (!own) {
        universe.set(role.name, {
          name: role.name,
          labels: role.labels ?? {},
          ...(selectors ? { selectors } : {}),
          unknownSelectors: false,
          // An aggregated default's rules are what it aggregates, resolved here with the change's roles.
          rules: selectors ? [] : role.rules,
          defaultRole: role,
        });
        continue;
      }
      const kept = this.read.find((read) => read.entry === own);
      if (!kept?.autoupdate) continue;
      universe.set(role.name, {
        ...own,
        labels: { ...own.labels, ...(role.labels ?? {}) },
        ...(own.selectors || selectors ? { selectors: [...(own.selectors ?? []), ...(selectors ?? [])] } : {}),
        rules: isUnknown(own.rules) || selectors ? own.rules : [...own.rules, ...role.rules],
        defaultRole: role,
      });
    }
    return (this.universe = universe);
  }

  private resolve(
    entry: ClusterRoleEntry,
    universe: ReadonlyMap<string, ClusterRoleEntry>,
    visiting: Set<ClusterRoleEntry>,
  ): RolePermission[] | Unknown {
    const done = this.resolved.get(entry);
    if (done) return done;
    const source = entry.definition?.source.name ?? entry.name;
    if (entry.unknownSelectors)
      return unknownValue(`${source}.aggregationRule.clusterRoleSelectors is not known until apply`);
    const selectors = entry.selectors;
    if (!selectors || isUnknown(entry.rules)) return entry.rules;
    visiting.add(entry);
    let permissions: RolePermission[] | Unknown = [...entry.rules];
    const aggregates: string[] = [];
    for (const candidate of universe.values()) {
      if (candidate === entry || candidate.name === entry.name || visiting.has(candidate)) continue;
      if (!selectors.some((selector) => labelSelectorMatches(selector, candidate.labels))) continue;
      aggregates.push(candidate.name);
      const included = this.resolve(candidate, universe, visiting);
      permissions = isUnknown(permissions)
        ? permissions
        : isUnknown(included)
          ? included
          : [...permissions, ...included];
    }
    visiting.delete(entry);
    this.aggregates.set(entry, aggregates);
    this.resolved.set(entry, permissions);
    return permissions;
  }
}

/**
 * Marks each ClusterRole of the change that the change binds only through RoleBindings with their namespaces
 * (RoleDefinition.boundOnlyIn): a RoleBinding grants a ClusterRole's rules in its own namespace alone, so the role
 * reaches no further than those namespaces (kubernetes.io/docs/reference/access-authn-authz/rbac, "RoleBinding and
 * ClusterRoleBinding"). Whatever could bind it cluster-wide keeps it judged cluster-wide: a ClusterRoleBinding naming
 * it, or one whose role is known only at apply; a RoleBinding whose namespace is not written or known only at apply;
 * another ClusterRole that may aggregate it; a name Kubernetes' own default roles take (the cluster binds those
 * itself). A ClusterRole the change does not bind keeps that verdict too: it is bound from elsewhere, or later.
 */
function markNamespaceBoundClusterRoles(
  definitions: readonly RoleDefinition[],
  objects: readonly KubernetesObject[],
  roles: RoleIndex,
): void {
  const clusterRoles = definitions.filter((definition) => definition.kind === 'k8s-cluster-role');
  if (clusterRoles.length === 0) return;
  const namespaces = new Map<string, Set<string>>();
  const clusterBound = new Set<string>();
  let anyClusterBound = false;
  for (const object of objects) {
    if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') continue;
    const roleRef = object.body.roleRef;
    // A role (or its kind) known only at apply may be any of the change's ClusterRoles.
    if (isUnknown(roleRef) || (isKnownRecord(roleRef) && (isUnknown(roleRef.name) || isUnknown(roleRef.kind)))) {
      if (object.kind === 'ClusterRoleBinding') anyClusterBound = true;
      continue;
    }
    const name = isKnownRecord(roleRef) && typeof roleRef.name === 'string' ? roleRef.name : undefined;
    // A binding without a role grants nothing; a RoleBinding of a Role is no binding of a ClusterRole.
    if (name === undefined) continue;
    if (object.kind === 'ClusterRoleBinding') {
      clusterBound.add(name);
      continue;
    }
    if (isKnownRecord(roleRef) && typeof roleRef.kind === 'string' && roleRef.kind !== 'ClusterRole') continue;
    // Where a RoleBinding holds must be written: one whose namespace is known only at apply, or left to the namespace
    // it is applied in (`kubectl apply -n`), may hold anywhere.
    const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
    const namespace = metadata.namespace;
    if (typeof namespace !== 'string' || namespace === '') {
      clusterBound.add(name);
      continue;
    }
    let found = namespaces.get(name);
    if (!found) namespaces.set(name, (found = new Set()));
    found.add(namespace);
  }
  if (anyClusterBound) return;
  const defaults = new Set(kubernetesDefaultRoles().map((role) => role.name));
  for (const definition of clusterRoles) {
    const bound = namespaces.get(definition.name);
    if (!bound || clusterBound.has(definition.name) || defaults.has(definition.name)) continue;
    if (roles.mayBeAggregated(definition.name)) continue;
    definition.boundOnlyIn = [...bound].sort();
  }
}

function bindingGrant(object: KubernetesObject, namespace: string | undefined, roles: RoleIndex): RoleGrant {
  const roleRef = isKnownRecord(object.body.roleRef) ? object.body.roleRef : {};
  const roleKind = typeof roleRef.kind === 'string' ? roleRef.kind : 'ClusterRole';
  const role = typeof roleRef.name === 'string' ? roleRef.name : isUnknown(roleRef.name) ? roleRef.name : undefined;
  const grant: RoleGrant = {
    kind: 'role',
    cloud: 'kubernetes',
    source: object.ref,
    role: role ?? unknownValue(`${object.ref.name}.roleRef.name is not set`),
    scope: namespace === undefined ? 'cluster' : `namespace/${namespace}`,
    scopeLevel: namespace === undefined ? 'cluster' : 'namespace',
  };
  if (typeof role === 'string') {
    const found = roles.lookup(roleKind, namespace, role);
    if (found && !isUnknown(found.permissions)) grant.permissions = found.permissions;
    if (found?.kubernetesDefault) grant.kubernetesDefault = found.kubernetesDefault;
    // A role of another change, or one the cluster was given by hand: the binding adds whatever it holds, which is not
    // seen here.
    if (!found) grant.roleOutsideChange = roleKind === 'Role' ? 'Role' : 'ClusterRole';
  }
  return grant;
}

function permissionsOf(rules: unknown): RolePermission[] {
  if (!Array.isArray(rules)) return [];
  return rules.filter(isKnownRecord).map((rule) => {
    const names = strings(rule.resourceNames);
    const urls = strings(rule.nonResourceURLs);
    return {
      apiGroups: strings(rule.apiGroups),
      resources: strings(rule.resources),
      verbs: strings(rule.verbs),
      ...(names.length ? { resourceNames: names } : {}),
      ...(urls.length ? { nonResourceURLs: urls } : {}),
    };
  });
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

function subjectsOf(value: unknown): Subject[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isKnownRecord).flatMap((subject): Subject[] =>
    typeof subject.kind === 'string' && typeof subject.name === 'string'
      ? [
          {
            kind: subject.kind,
            name: subject.name,
            ...(typeof subject.namespace === 'string' ? { namespace: subject.namespace } : {}),
          },
        ]
      : [],
  );
}

function metadataOf(object: KubernetesObject): { name: string; namespace: string } {
  const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
  return {
    name: typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : object.ref.name,
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default',
  };
}

/** Labels, then annotations: the catalog's tag keys (owner, identity-class, …) may be either. */
function labelsAndAnnotations(body: Record<string, unknown>): Record<string, string> {
  const metadata = isKnownRecord(body.metadata) ? body.metadata : {};
  return { ...stringMap(metadata.labels), ...stringMap(metadata.annotations) };
}

/**
 * `data` or `stringData` written in the source, unless every key written names a user name (userNameKey); a value
 * computed by Pulumi (a generated password) is not literal.
 */
function hasLiteralData(object: KubernetesObject): boolean {
  return ['data', 'stringData'].some((field) => {
    const value = object.body[field];
    // A Pulumi stack export encrypts a Secret's data (the provider marks it secret) but keeps its dependencies: data
    // set there and computed from no resource is written by the program, as the policy pack, which sees it, reads it.
    // Its keys cannot be read, so it is judged as written.
    // A key whose value is empty (`csrf: ""`, or null) holds nothing: the Secret is a placeholder its workload fills at
    // run time (kubernetes/dashboard's kubernetes-dashboard-csrf), and no copy of the manifest holds a credential.
    const written =
      isEncryptedValue(value) ||
      (isKnownRecord(value) &&
        Object.entries(value).some(([key, entry]) => !userNameKey(key) && entry !== '' && entry !== null));
    return written && !(object.computed?.(field) ?? false);
  });
}

/**
 * The last words of a Secret key that name a user name: Kubernetes' own basic-auth Secret type keeps the user name
 * under `username` beside the credential under `password` (kubernetes.io/docs/concepts/configuration/secret,
 * "Basic authentication Secret"), and images read it as `<SERVICE>_USER` (the official postgres and mysql images:
 * POSTGRES_USER, MYSQL_USER) or `<service>-username`. A user name identifies an account; it authenticates nothing,
 * so there is nothing to rotate, and a Secret holding only user names holds no credential. Any other key (password,
 * token, key, url, a connection string, `login`, which may be either) counts as written, as does a key this list
 * does not know.
 */
const USER_NAME_WORDS: ReadonlySet<string> = new Set(['username', 'user']);

/** Words that make a key about a credential wherever they stand (`password-user`, `token_user`): never a user name. */
const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'key',
  'apikey',
  'credential',
  'credentials',
  'auth',
  'cert',
]);

/**
 * Whether a Secret key names a user name: its last word (after `-`, `_` or `.`), case aside, is in USER_NAME_WORDS and
 * none of its words is in CREDENTIAL_WORDS.
 */
function userNameKey(key: string): boolean {
  const words = key.toLowerCase().split(/[-_.]/);
  return USER_NAME_WORDS.has(words[words.length - 1] ?? '') && !words.some((word) => CREDENTIAL_WORDS.has(word));
}

/** Where a workload kind keeps its pod spec, as a message names it. */
function podSpecPath(object: KubernetesObject): readonly string[] {
  return podSpecPathOf(object.kind, object.apiVersion ?? object.body.apiVersion) ?? [];
}

/**
 * A workload's pod spec; Unknown when it, or an object on the way to it, is known only at apply (a Pulumi output), as
 * its account then is; undefined when the object has none.
 */
function podSpecOf(object: KubernetesObject): Record<string, unknown> | Unknown | undefined {
  const path = podSpecPath(object);
  let value: unknown = object.body;
  for (const [index, key] of path.entries()) {
    if (isUnknown(value))
      return unknownValue(`${object.ref.name}.${path.slice(0, index).join('.')} is not known until apply`);
    if (!isKnownRecord(value)) return undefined;
    value = value[key];
  }
  if (isUnknown(value)) return unknownValue(`${object.ref.name}.${path.join('.')} is not known until apply`);
  return isKnownRecord(value) ? value : undefined;
}

/**
 * The account a pod spec runs as: `serviceAccountName`, else the deprecated `serviceAccount` it replaced (the API
 * server still copies one into the other, and old charts write only the latter), else the namespace's `default`. A
 * name known only at apply is Unknown: the pod runs as that account, not as `default`.
 */
function podServiceAccount(spec: Record<string, unknown>): string | Unknown {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = spec[field];
    if (typeof value === 'string' && value !== '') return value;
    if (isUnknown(value)) return value;
  }
  return 'default';
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringMap(value: unknown): Record<string, string> {
  if (!isKnownRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
