/**
 * A Kustomization's `namespace`, `namePrefix` and `nameSuffix` as `kustomize build` applies them to the objects it lists,
 * then the references between those objects it fixes after them, for the fields the model reads. Everything here
 * follows kubernetes-sigs/kustomize at 12f9e6391464b3ad9dd3fe8182049dc1b1772990 (paths below are in that tree).
 *
 * Order (api/internal/target/kusttarget_configplugin.go configureBuiltinTransformers): the namespace transformer, then
 * the prefix transformer, then the suffix transformer; each stores the id an object had before it changes it
 * (Resource.StorePreviousId). Once every transformer has run, the name-reference step (FixBackReferences,
 * api/internal/accumulator/namereferencetransformer.go, api/filters/nameref/nameref.go) rewrites each reference whose
 * value is a previous name of exactly one object of the build to that object's current name (and, for a binding's
 * subject, namespace).
 *
 * - namespace (api/internal/builtins/NamespaceTransformer.go, api/filters/namespace/namespace.go): every object kustomize
 *   does not hold cluster-scoped (./kustomize-scope.ts) gets metadata.namespace, overwriting the one written; a
 *   `Namespace` of apiVersion v1 is renamed to it (api/internal/konfig/builtinpluginconsts/namespace.go); and in
 *   RoleBindings and ClusterRoleBindings only subjects *named* `default` get it (setRoleBindingSubjects is `defaultOnly`
 *   when a Kustomization's `namespace` field configures the transformer). Other subjects change only through the
 *   name-reference step: a subject naming a ServiceAccount of the build follows it into the namespace. An object
 *   annotated `kustomize.config.k8s.io/helm-generated: "true"` is skipped (not applied here: said unseen), and two
 *   objects that end with one id make kustomize refuse the build.
 * - namePrefix and nameSuffix (api/internal/builtins/PrefixTransformer.go, SuffixTransformer.go,
 *   builtinpluginconsts/nameprefix.go, namesuffix.go): metadata.name of every object except CustomResourceDefinitions,
 *   apiregistration.k8s.io APIServices and Namespaces.
 * - references (api/internal/konfig/builtinpluginconsts/namereference.go), of those the model reads: a binding's
 *   `subjects` (to ServiceAccounts: name and namespace; the subject's kind is not looked at), `roleRef.name` (to Roles
 *   and ClusterRoles, of the kind and apiGroup the roleRef gives), the pod spec's `serviceAccountName` of Pods,
 *   Deployments, StatefulSets, DaemonSets, ReplicationControllers, Jobs and CronJobs (not ReplicaSets, and not the
 *   deprecated `serviceAccount`), and roles' `rules[].resourceNames` (to ConfigMaps and Secrets; ClusterRoles also to
 *   PersistentVolumes). A token Secret's `kubernetes.io/service-account.name` annotation is not a reference kustomize
 *   knows, so it keeps the name written. A reference to an object not in the build is left as written.
 *
 * The name-reference step also rewrites fields the model does not read (a container's secretKeyRef, …); those are
 * left as written here, and a build kustomize would refuse over one of them is judged as if it rendered.
 */
import { isKnownRecord, isRecord } from '../../util/records.js';
import { kustomizeHoldsClusterScoped } from './kustomize-scope.js';

/** What a Kustomization asks of names and namespaces; an empty string is kustomize's "not set". */
export interface NameTransforms {
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
}

/** Why the objects cannot be rendered here exactly (in words for the unseen-content finding). */
export class NotRendered extends Error {}

/** A group, version and kind; a selector's empty field matches any value (kyaml/resid/gvk.go IsSelected). */
interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** An id an object had: its type, name and effective namespace (`default` for none, CLUSTER for cluster-scoped). */
interface Id extends Gvk {
  name: string;
  namespace: string;
}

/** kyaml/resid's TotallyNotANamespace: the effective namespace of a cluster-scoped object. */
const CLUSTER = '~X';
const HELM_GENERATED = 'kustomize.config.k8s.io/helm-generated';
const RBAC = 'rbac.authorization.k8s.io';
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
/** prefixFieldSpecsToSkip / suffixFieldSpecsToSkip: these keep their names. */
const NEVER_RENAMED: readonly Partial<Gvk>[] = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/** A listed object while kustomize builds it: the body (a copy, changed in place) and what the build annotates on it. */
interface Held {
  body: Record<string, unknown>;
  /** Resource.PrevIds: the ids it had before each transformer that changed it, oldest first. */
  previous: Id[];
  prefixes: string[];
  suffixes: string[];
}

/**
 * A reference field the model reads, as namereference.go names it: the referred type, the referrer types whose field it
 * is, and the path. In kustomize's order of the referred types (nbrSlice sorted by Gvk.IsLessThan), which decides
 * which type rewrites a `resourceNames` value first when two could.
 */
const REFERENCES: readonly { target: Partial<Gvk>; referrers: readonly Partial<Gvk>[]; path: readonly string[] }[] = [
  {
    target: { version: 'v1', kind: 'ServiceAccount' },
    referrers: [
      { group: RBAC, kind: 'RoleBinding' },
      { group: RBAC, kind: 'ClusterRoleBinding' },
    ],
    path: ['subjects'],
  },
  {
    target: { version: 'v1', kind: 'ServiceAccount' },
    referrers: [{ kind: 'Pod' }],
    path: ['spec', 'serviceAccountName'],
  },
  {
    target: { version: 'v1', kind: 'ServiceAccount' },
    referrers: ['StatefulSet', 'Deployment', 'ReplicationController', 'Job', 'DaemonSet'].map((kind) => ({ kind })),
    path: ['spec', 'template', 'spec', 'serviceAccountName'],
  },
  {
    target: { version: 'v1', kind: 'ServiceAccount' },
    referrers: [{ kind: 'CronJob' }],
    path: ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'serviceAccountName'],
  },
  {
    target: { group: RBAC, kind: 'Role' },
    referrers: [{ group: RBAC, kind: 'RoleBinding' }],
    path: ['roleRef', 'name'],
  },
  {
    target: { group: RBAC, kind: 'ClusterRole' },
    referrers: [
      { group: RBAC, kind: 'RoleBinding' },
      { group: RBAC, kind: 'ClusterRoleBinding' },
    ],
    path: ['roleRef', 'name'],
  },
  {
    target: { version: 'v1', kind: 'ConfigMap' },
    referrers: [{ kind: 'Role' }, { kind: 'ClusterRole' }],
    path: ['rules', 'resourceNames'],
  },
  {
    target: { version: 'v1', kind: 'Secret' },
    referrers: [{ kind: 'Role' }, { kind: 'ClusterRole' }],
    path: ['rules', 'resourceNames'],
  },
  {
    target: { version: 'v1', kind: 'PersistentVolume' },
    referrers: [{ kind: 'ClusterRole' }],
    path: ['rules', 'resourceNames'],
  },
];

/**
 * The bodies of the listed objects (in their order) once kustomize has applied the transforms and fixed the references
 * the model reads. Throws NotRendered where that cannot be told exactly here or kustomize refuses the build.
 */
export function renderNames(
  bodies: readonly Record<string, unknown>[],
  transforms: NameTransforms,
): Record<string, unknown>[] {
  const held: Held[] = bodies.map((body) => ({
    body: structuredClone(body),
    previous: [],
    prefixes: [],
    suffixes: [],
  }));
  const { namespace = '', namePrefix = '', nameSuffix = '' } = transforms;
  // kustomize keeps previous names in comma-separated annotations: a comma would split them (and no name may hold one).
  for (const [field, value] of Object.entries(transforms))
    if (typeof value === 'string' && value.includes(','))
      throw new NotRendered(`${field} "${value}" holds a comma, which no Kubernetes name may`);
  // ResAccumulator.AppendAll: "may not add resource with an already registered id", before any transformer runs.
  refuseTwins(held, 'are');
  if (namespace !== '') setNamespace(held, namespace);
  if (namePrefix !== '') rename(held, (name) => namePrefix + name, 'prefixes', namePrefix);
  if (nameSuffix !== '') rename(held, (name) => name + nameSuffix, 'suffixes', nameSuffix);
  if (held.some((object) => object.previous.length > 0)) fixReferences(held);
  return held.map((object) => object.body);
}

function setNamespace(held: readonly Held[], namespace: string): void {
  for (const object of held) {
    const metadata = metadataOf(object.body);
    if (stringField(metadata.annotations, HELM_GENERATED) === 'true')
      throw new NotRendered(`namespace onto ${describeObject(object)}, annotated ${HELM_GENERATED}, which it skips`);
    object.previous.push(currentId(object));
    if (!isClusterScoped(object)) metadata.namespace = namespace;
    if (object.body.apiVersion === 'v1' && object.body.kind === 'Namespace') metadata.name = namespace;
    if (
      typeof object.body.kind === 'string' &&
      BINDING_KINDS.has(object.body.kind) &&
      Array.isArray(object.body.subjects)
    )
      for (const subject of object.body.subjects)
        if (isRecord(subject) && subject.name === 'default') subject.namespace = namespace;
  }
  // NamespaceTransformerPlugin.Transform: "namespace transformation produces ID conflict".
  refuseTwins(held, 'become');
}

/** Two objects with one id (type, name, effective namespace): kustomize refuses the build. */
function refuseTwins(held: readonly Held[], verb: 'are' | 'become'): void {
  for (const [index, object] of held.entries()) {
    const id = currentId(object);
    if (held.slice(index + 1).some((other) => sameId(currentId(other), id)))
      throw new NotRendered(
        `two ${id.kind} objects ${verb} ${id.namespace === CLUSTER ? '' : `${id.namespace}/`}${id.name}, which kustomize refuses`,
      );
  }
}

function rename(
  held: readonly Held[],
  renamed: (name: string) => string,
  list: 'prefixes' | 'suffixes',
  value: string,
): void {
  for (const object of held) {
    const original = originalId(object);
    if (NEVER_RENAMED.some((selector) => isSelected(original, selector))) continue;
    object[list].push(value);
    object.previous.push(currentId(object));
    const metadata = metadataOf(object.body);
    metadata.name = renamed(currentName(object));
  }
}

/** FixBackReferences for the fields the model reads (REFERENCES). */
function fixReferences(held: readonly Held[]): void {
  for (const referrer of held) {
    const original = originalId(referrer);
    const references = REFERENCES.filter((reference) =>
      reference.referrers.some((selector) => isSelected(original, selector)),
    );
    if (references.length === 0) continue;
    const candidates = couldBeReferencedBy(referrer, held);
    for (const reference of references)
      for (const field of fieldsAt(referrer.body, reference.path)) {
        const value = field.value;
        if (isRecord(value)) fixSubject(value, referrer, candidates, reference.target);
        else if (typeof value === 'string') {
          const referral = selectReferral(value, candidates, reference, referrer, allNamesAreTheSame);
          if (referral && currentName(referral) !== value) field.set(currentName(referral));
        }
      }
  }
}

/** nameref.go setMapping: a subject takes the name and namespace of the one ServiceAccount of the build it names. */
function fixSubject(
  subject: Record<string, unknown>,
  referrer: Held,
  candidates: readonly Held[],
  target: Partial<Gvk>,
): void {
  const name = subject.name;
  if (typeof name !== 'string') throw new NotRendered(`a subject of ${describeObject(referrer)} has no name`);
  const reference = { target, path: ['subjects'] };
  if (
    subject.namespace === null &&
    selectReferral(name, candidates, reference, referrer, allNamesAndNamespacesAreTheSame)
  )
    // kustomize reads YAML's null as the text written (null, ~ or nothing), which the parsed value no longer says.
    throw new NotRendered(`subject ${name} of ${describeObject(referrer)} has a null namespace`);
  const inNamespace = typeof subject.namespace === 'string' ? byNamespace(candidates, subject.namespace) : candidates;
  const referral = selectReferral(name, inNamespace, reference, referrer, allNamesAndNamespacesAreTheSame);
  if (!referral) return;
  const namespace = currentNamespace(referral);
  if (currentName(referral) === name && namespace === '') return;
  subject.name = currentName(referral);
  // An empty namespace is not written: kustomize reads it as "any", not as `default`.
  if (namespace !== '') subject.namespace = namespace;
}

/**
 * nameref.go filterMapCandidatesByNamespace: the objects that were in the subject's namespace before the build, or
 * when none was, the objects in it now.
 */
function byNamespace(candidates: readonly Held[], namespace: string): Held[] {
  // Cluster-scoped objects are in no namespace's group (GroupedByOriginalNamespace drops TotallyNotANamespace).
  if (namespace === CLUSTER) return [];
  const before = candidates.filter((object) => originalId(object).namespace === namespace);
  if (before.length > 0) return before;
  return candidates.filter((object) => currentId(object).namespace === namespace);
}

/** nameref.go selectReferral: the one object the value names, undefined for none; refused when several differ. */
function selectReferral(
  oldName: string,
  candidates: readonly Held[],
  reference: { target: Partial<Gvk>; path: readonly string[] },
  referrer: Held,
  identical: (objects: readonly Held[]) => boolean,
): Held | undefined {
  const roleRef = roleRefSelector(referrer, reference.path);
  let found = candidates.filter(
    (object) =>
      object.previous.some((id) => id.name === oldName) &&
      object.previous.some((id) => isSelected(id, reference.target)) &&
      (roleRef === undefined || object.previous.some((id) => isSelected(id, roleRef))) &&
      inReachOf(referrer, object),
  );
  if (found.length === 1) return found[0];
  found = found.filter((object) => sameAffixes(object, referrer, true));
  if (found.length > 1) found = found.filter((object) => sameAffixes(object, referrer, false));
  if (found.length <= 1) return found[0];
  if (identical(found)) return found[0];
  throw new NotRendered(
    `${describeObject(referrer)} refers to ${oldName}, which names more than one object of the build, which kustomize refuses`,
  );
}

/** nameref.go roleRefFilter: for a roleRef, the kind and apiGroup it gives; all of it must be there to count. */
function roleRefSelector(referrer: Held, path: readonly string[]): Partial<Gvk> | undefined {
  if (path.join('/') !== 'roleRef/name') return undefined;
  const roleRef = referrer.body.roleRef;
  if (!isRecord(roleRef) || roleRef.apiGroup === undefined || roleRef.kind === undefined) return undefined;
  if (typeof roleRef.apiGroup !== 'string' || typeof roleRef.kind !== 'string')
    throw new NotRendered(`${describeObject(referrer)}.roleRef.apiGroup is not a string`);
  return { group: roleRef.apiGroup, kind: roleRef.kind };
}

/** nameref.go sameCurrentNamespaceAsReferrer. */
function inReachOf(referrer: Held, object: Held): boolean {
  if (isClusterScoped(referrer) || isClusterScoped(object) || object.body.kind === 'ServiceAccount') return true;
  return currentId(referrer).namespace === currentId(object).namespace;
}

/** resmap SubsetThatCouldBeReferencedByResource. */
function couldBeReferencedBy(referrer: Held, held: readonly Held[]): Held[] {
  if (isClusterScoped(referrer)) return [...held];
  const namespace = currentId(referrer).namespace;
  const subjectNamespaces = roleBindingNamespaces(referrer);
  return held.filter(
    (object) =>
      isClusterScoped(object) ||
      currentId(object).namespace === namespace ||
      subjectNamespaces.has(currentNamespace(object)),
  );
}

/** reswrangler.go getNamespacesForRoleBinding: the namespaces a RoleBinding's ServiceAccount subjects give. */
function roleBindingNamespaces(referrer: Held): Set<string> {
  const namespaces = new Set<string>();
  if (referrer.body.kind !== 'RoleBinding' || !Array.isArray(referrer.body.subjects)) return namespaces;
  for (const subject of referrer.body.subjects) {
    if (!isRecord(subject) || !('namespace' in subject) || subject.kind !== 'ServiceAccount') continue;
    if (typeof subject.namespace !== 'string')
      throw new NotRendered(
        `a ServiceAccount subject of ${describeObject(referrer)} has a namespace that is not a string`,
      );
    namespaces.add(subject.namespace);
  }
  return namespaces;
}

/** Resource.PrefixesSuffixesEquals over kustomize's utils.SameEndingSubSlice. */
function sameAffixes(object: Held, other: Held, allowEmpty: boolean): boolean {
  const matches = (mine: string[], theirs: string[]) =>
    (allowEmpty && (mine.length === 0 || theirs.length === 0)) || sameEndingSubSlice(mine, theirs);
  return matches(object.prefixes, other.prefixes) && matches(object.suffixes, other.suffixes);
}

function sameEndingSubSlice(first: readonly string[], second: readonly string[]): boolean {
  const [shortest, longest] = first.length > second.length ? [second, first] : [first, second];
  const offset = longest.length - shortest.length;
  if (shortest.length === 0) return offset === 0;
  return shortest.every((value, index) => longest[index + offset] === value);
}

function allNamesAreTheSame([first, ...rest]: readonly Held[]): boolean {
  return first === undefined || rest.every((object) => currentName(object) === currentName(first));
}

function allNamesAndNamespacesAreTheSame([first, ...rest]: readonly Held[]): boolean {
  return (
    first === undefined ||
    rest.every(
      (object) => currentName(object) === currentName(first) && currentNamespace(object) === currentNamespace(first),
    )
  );
}

/**
 * The places a field spec path reaches (kustomize's fieldspec filter): through objects, and through every element of a
 * list on the way; the last key's value is returned where present, and each element of a list there on its own.
 */
function fieldsAt(value: unknown, path: readonly string[]): { value: unknown; set: (name: string) => void }[] {
  if (Array.isArray(value)) return value.flatMap((element) => fieldsAt(element, path));
  if (!isKnownRecord(value) || path.length === 0) return [];
  const [key, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(value, key)) return [];
  const next: unknown = value[key];
  if (rest.length > 0) return fieldsAt(next, rest);
  if (Array.isArray(next)) {
    const list: unknown[] = next;
    return list.map((element, index) => ({ value: element, set: (name: string) => void (list[index] = name) }));
  }
  return next === null || next === undefined ? [] : [{ value: next, set: (name: string) => void (value[key] = name) }];
}

function metadataOf(body: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(body.metadata)) body.metadata = {};
  return body.metadata as Record<string, unknown>;
}

function currentName(object: Held): string {
  const name = metadataOf(object.body).name;
  return typeof name === 'string' ? name : '';
}

/** metadata.namespace as written ('' for none): what kustomize's GetNamespace gives. */
function currentNamespace(object: Held): string {
  const namespace = metadataOf(object.body).namespace;
  return typeof namespace === 'string' ? namespace : '';
}

function gvkOf(body: Record<string, unknown>): Gvk {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion, kind }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

function isClusterScoped(object: Held): boolean {
  const { apiVersion, kind } = object.body;
  return typeof apiVersion === 'string' && typeof kind === 'string' && kustomizeHoldsClusterScoped(apiVersion, kind);
}

/** Resource.CurId with its effective namespace (resid.go EffectiveNamespace). */
function currentId(object: Held): Id {
  const namespace = currentNamespace(object);
  return {
    ...gvkOf(object.body),
    name: currentName(object),
    namespace: isClusterScoped(object) ? CLUSTER : namespace === '' ? 'default' : namespace,
  };
}

/** Resource.OrgId: the first id it had. */
function originalId(object: Held): Id {
  return object.previous[0] ?? currentId(object);
}

function sameId(first: Id, second: Id): boolean {
  return (
    first.group === second.group &&
    first.version === second.version &&
    first.kind === second.kind &&
    first.name === second.name &&
    first.namespace === second.namespace
  );
}

function isSelected(gvk: Gvk, selector: Partial<Gvk>): boolean {
  return (
    (!selector.group || gvk.group === selector.group) &&
    (!selector.version || gvk.version === selector.version) &&
    (!selector.kind || gvk.kind === selector.kind)
  );
}

function stringField(record: unknown, key: string): unknown {
  return isRecord(record) ? record[key] : undefined;
}

function describeObject(object: Held): string {
  const { kind } = gvkOf(object.body);
  return `${kind} ${currentName(object)}`;
}
