/**
 * Kubernetes objects (from plain manifests or from `@pulumi/kubernetes` resources) into the model: service
 * accounts are identities, RBAC bindings are role grants, service-account token Secrets are long-lived
 * credentials, other Secrets with data in the source are plaintext secrets, and workloads that name a service
 * account are what runs as it. Links go by name, as the API server resolves them.
 */
import { CLUSTER_ADMIN, labelSelectorMatches } from '../../iam/kubernetes/rbac.js';
import {
  emptyModel,
  isUnknown,
  unknownValue,
  type ComputeAttachment,
  type ExternalRoleGrant,
  type Identity,
  type Model,
  type ResourceRef,
  type RoleDefinition,
  type RoleGrant,
  type RolePermission,
  type Unknown,
} from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';

export interface KubernetesObject {
  /** The object's kind (`ServiceAccount`, `ClusterRoleBinding`). */
  kind: string;
  /** The object as written: metadata, rules, subjects, … Pulumi unknowns are Unknown values. */
  body: Record<string, unknown>;
  ref: ResourceRef;
  /** True when the given top-level field is computed from other resources (a Pulumi output), not written in the source. */
  computed?: (field: string) => boolean;
  /** Ids (Pulumi URNs) of the resources a top-level field was computed from: how a name unknown in preview is followed. */
  dependsOn?: (field: string) => string[];
}

const SERVICE_ACCOUNT_TOKEN = 'kubernetes.io/service-account-token';
const SERVICE_ACCOUNT_ANNOTATION = 'kubernetes.io/service-account.name';
/** The built-in kinds that run pods from a pod spec (a ReplicationController is ReplicaSet's older form, still served). */
const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);
const ROLE_KINDS = new Set(['Role', 'ClusterRole']);

export function modelFromKubernetesObjects(objects: readonly KubernetesObject[]): Model {
  const externalRoleGrants: ExternalRoleGrant[] = [];
  const model: Model = { ...emptyModel(), externalRoleGrants };
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
  const definitions = roleDefinitions(objects);
  if (definitions.length) model.roleDefinitions = definitions;
  const roles = new Map<string, RolePermission[] | Unknown>(
    definitions.map((definition) => [
      roleKey(
        definition.kind === 'k8s-role' ? 'Role' : 'ClusterRole',
        definition.kind === 'k8s-role' ? definition.scope?.replace(/^namespace\//, '') : undefined,
        definition.name,
      ),
      definition.permissions,
    ]),
  );

  const dependencyAccounts = (object: KubernetesObject, field: string): Identity[] =>
    (object.dependsOn?.(field) ?? []).flatMap((id) =>
      model.identities.filter((identity) => identity.id === id && identity.kind === 'k8s-service-account'),
    );

  /** The service account a reference names; one the change does not create is added so its credential or pod is seen. */
  const accountFor = (namespace: string, name: string, ref: ResourceRef): Identity => {
    const key = accountKey(namespace, name);
    let identity = accounts.get(key);
    if (!identity) {
      identity = { ...baseIdentity(ref, name, namespace), id: `${ref.urn ?? ref.file ?? ''}#ServiceAccount/${key}` };
      accounts.set(key, identity);
      model.identities.push(identity);
    }
    return identity;
  };

  for (const object of objects) {
    const { name, namespace } = metadataOf(object);
    if (typeof object.body.apiVersion === 'string' && isKustomization(object.body.apiVersion)) {
      const what = kustomizeTransforms(object.body);
      if (what) (model.unseen ??= []).push({ resource: object.ref, kind: 'kustomize', what });
    } else if (object.kind === 'Secret') {
      const token = tokenAccountReference(object);
      if (token) {
        const owner = typeof token.account === 'string' ? token.account : undefined;
        // An account name known only at apply (an auto-named account) is followed through the dependency.
        const account =
          owner !== undefined
            ? accountFor(namespace, owner, object.ref)
            : (dependencyAccounts(object, 'metadata')[0] ?? accountFor(namespace, name, object.ref));
        account.credentials.push({ kind: 'k8s-service-account-token', source: object.ref });
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
          const subjectNamespace = subject.namespace ?? namespace;
          const identity = accounts.get(accountKey(subjectNamespace, subject.name));
          if (identity) identity.grants.push(grant);
          else externalRoleGrants.push({ member: `ServiceAccount ${subjectNamespace}/${subject.name}`, grant });
        } else {
          externalRoleGrants.push({ member: `${subject.kind} ${subject.name}`, grant });
        }
      }
    } else if (WORKLOAD_KINDS.has(object.kind)) {
      const spec = podSpecOf(object);
      if (!spec) continue;
      const accountName = podServiceAccount(spec);
      const attachment: ComputeAttachment = { kind: 'pod', source: object.ref };
      // An account the change does not create is someone else's identity; its pods are not this change's to judge.
      accounts.get(accountKey(namespace, accountName))?.attachments.push(attachment);
    }
  }
  if (externalRoleGrants.length === 0) delete model.externalRoleGrants;
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
  // Kubernetes mounts the token unless the account (or the pod) says false.
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

/**
 * Every Role and ClusterRole of the change, as definitions. An aggregated ClusterRole (`aggregationRule`) holds its own
 * rules and those of every ClusterRole of the change its selectors pick, as the API server's aggregation controller
 * fills them in, through aggregated roles in turn.
 */
function roleDefinitions(objects: readonly KubernetesObject[]): RoleDefinition[] {
  const read = objects
    .filter((object) => ROLE_KINDS.has(object.kind))
    .map((object) => {
      const { name, namespace } = metadataOf(object);
      const metadata = isKnownRecord(object.body.metadata) ? object.body.metadata : {};
      const rules = object.body.rules;
      const aggregation = isKnownRecord(object.body.aggregationRule) ? object.body.aggregationRule : undefined;
      const definition: RoleDefinition = {
        cloud: 'kubernetes',
        kind: object.kind === 'Role' ? 'k8s-role' : 'k8s-cluster-role',
        name,
        source: object.ref,
        scope: object.kind === 'Role' ? `namespace/${namespace}` : 'cluster',
        permissions: isUnknown(rules) ? rules : permissionsOf(rules),
      };
      const selectors =
        aggregation && Array.isArray(aggregation.clusterRoleSelectors)
          ? aggregation.clusterRoleSelectors.filter(isKnownRecord)
          : undefined;
      return {
        definition,
        labels: stringMap(metadata.labels),
        selectors,
        unknownSelectors: aggregation !== undefined && !Array.isArray(aggregation.clusterRoleSelectors),
      };
    });
  const clusterRoles = read.filter((entry) => entry.definition.kind === 'k8s-cluster-role');
  const resolved = new Map<RoleDefinition, RolePermission[] | Unknown>();
  const resolve = (entry: (typeof read)[number], visiting: Set<RoleDefinition>): RolePermission[] | Unknown => {
    const { definition } = entry;
    const done = resolved.get(definition);
    if (done) return done;
    if (entry.unknownSelectors)
      return unknownValue(`${definition.source.name}.aggregationRule.clusterRoleSelectors is not known until apply`);
    if (!entry.selectors || isUnknown(definition.permissions)) return definition.permissions;
    visiting.add(definition);
    let permissions: RolePermission[] | Unknown = [...definition.permissions];
    const aggregates: string[] = [];
    for (const candidate of clusterRoles) {
      if (candidate === entry || visiting.has(candidate.definition)) continue;
      if (!entry.selectors.some((selector) => labelSelectorMatches(selector, candidate.labels))) continue;
      aggregates.push(candidate.definition.name);
      const included = resolve(candidate, visiting);
      permissions = isUnknown(permissions)
        ? permissions
        : isUnknown(included)
          ? included
          : [...permissions, ...included];
    }
    visiting.delete(definition);
    if (aggregates.length) definition.aggregates = aggregates;
    resolved.set(definition, permissions);
    return permissions;
  };
  for (const entry of read) entry.definition.permissions = resolve(entry, new Set());
  return read.map((entry) => entry.definition);
}

function bindingGrant(
  object: KubernetesObject,
  namespace: string | undefined,
  roles: Map<string, RolePermission[] | Unknown>,
): RoleGrant {
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
    const permissions = roles.get(roleKey(roleKind, roleKind === 'Role' ? namespace : undefined, role));
    if (permissions && !isUnknown(permissions)) grant.permissions = permissions;
    // A role of the cluster or of another change: the binding adds whatever it holds, which is not seen here.
    else if (permissions === undefined && role !== CLUSTER_ADMIN)
      grant.roleOutsideChange = roleKind === 'Role' ? 'Role' : 'ClusterRole';
  }
  return grant;
}

function roleKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function permissionsOf(rules: unknown): RolePermission[] {
  if (!Array.isArray(rules)) return [];
  return rules.filter(isKnownRecord).map((rule) => {
    const names = strings(rule.resourceNames);
    return {
      apiGroups: strings(rule.apiGroups),
      resources: strings(rule.resources),
      verbs: strings(rule.verbs),
      ...(names.length ? { resourceNames: names } : {}),
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

/** `data` or `stringData` written in the source; a value computed by Pulumi (a generated password) is not literal. */
function hasLiteralData(object: KubernetesObject): boolean {
  return ['data', 'stringData'].some((field) => {
    const value = object.body[field];
    return isKnownRecord(value) && Object.keys(value).length > 0 && !(object.computed?.(field) ?? false);
  });
}

function podSpecOf(object: KubernetesObject): Record<string, unknown> | undefined {
  const spec = object.body.spec;
  if (!isKnownRecord(spec)) return undefined;
  if (object.kind === 'Pod') return spec;
  const template =
    object.kind === 'CronJob' && isKnownRecord(spec.jobTemplate) && isKnownRecord(spec.jobTemplate.spec)
      ? spec.jobTemplate.spec.template
      : spec.template;
  return isKnownRecord(template) && isKnownRecord(template.spec) ? template.spec : undefined;
}

/**
 * The account a pod spec runs as: `serviceAccountName`, else the deprecated `serviceAccount` it replaced (the API
 * server still copies one into the other, and old charts write only the latter), else the namespace's `default`.
 */
function podServiceAccount(spec: Record<string, unknown>): string {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = spec[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'default';
}

/** kustomize's own files (`Kustomization`, `Component`): `kustomize.config.k8s.io/v1beta1`, `…/v1alpha1`. */
export function isKustomization(apiVersion: string): boolean {
  return apiVersion.startsWith('kustomize.config.k8s.io/');
}

/** Fields of a Kustomization that only list the files it renders: those files are checked as they are written. */
const KUSTOMIZE_LISTING = new Set(['apiVersion', 'kind', 'metadata', 'resources', 'components']);

/**
 * What a Kustomization changes in what it renders, in words, or undefined when it only lists local files: its other
 * fields (namespace, namePrefix, patches, secretGenerator, …) rewrite or add objects, and a remote resource (a URL, a
 * `github.com/…` path) brings in files that are not here.
 */
function kustomizeTransforms(body: Record<string, unknown>): string | undefined {
  const fields = Object.keys(body).filter((key) => !KUSTOMIZE_LISTING.has(key));
  const listed = [body.resources, body.components].flatMap((value): unknown[] => (Array.isArray(value) ? value : []));
  const remote = listed.filter(
    (entry): entry is string =>
      typeof entry === 'string' && (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github|gitlab)\.com\//.test(entry)),
  );
  const parts = [
    ...(fields.length ? [fields.join(', ')] : []),
    ...(remote.length ? [`remote resources ${remote.map((entry) => `"${entry}"`).join(', ')}`] : []),
  ];
  return parts.length ? parts.join('; ') : undefined;
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
