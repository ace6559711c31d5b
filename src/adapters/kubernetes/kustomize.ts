/**
 * kustomize's own files (`Kustomization`, `Component`) beside the manifests they list. What kustomize does to those
 * manifests when `kustomize build` or `kubectl apply -k` renders them is either applied here, where it can be applied
 * exactly to what the model reads, or reported as unseen content (rule no-unseen-content).
 *
 * Applied: `commonLabels` and `labels` (kubernetes-sigs/kustomize api/types/kustomization.go and api/types/labels.go at
 * 12f9e6391464b3ad9dd3fe8182049dc1b1772990). kustomize folds commonLabels into labels as `{pairs, includeSelectors:
 * true}` (FixKustomization, refusing a key in both), and its LabelTransformer (api/internal/builtins/LabelTransformer.go,
 * api/filters/labels/labels.go) sets each pair, overwriting, at the field specs of the entry
 * (api/internal/target/kusttarget_configplugin.go): `metadata/labels` of every object (created when absent) always;
 * with includeSelectors the selectors of Services, workloads, Jobs, PodDisruptionBudgets and NetworkPolicies and the pod
 * templates' labels (api/internal/konfig/builtinpluginconsts/commonlabels.go, metadatalabels.go); with includeTemplates
 * or includeVolumeClaimTemplates the templates' labels. Of all these the model reads `metadata.labels` only (catalog
 * tags of service accounts and secrets, the labels aggregated ClusterRoles select by; no aggregationRule selector is
 * among the field specs), so adding the pairs there judges what the cluster gets. Custom `fields` can name any path,
 * so an entry with them stays unseen.
 *
 * Applied: `namespace`, `namePrefix` and `nameSuffix` (./kustomize-names.ts, read from the same kustomize commit): the
 * namespace and names kustomize gives the objects, and the references between them it rewrites after (a binding's
 * roleRef.name and subjects, pods' serviceAccountName, roles' resourceNames), so each object is judged under the
 * namespace and name the cluster gets (its identity, ARN-like username and exception target), and each binding reaches
 * the account kustomize makes it name. A finding still names the object as its file does (ref.name). Where that cannot
 * be told exactly (an object annotated helm-generated, which the namespace transformer skips; a reference kustomize
 * refuses as ambiguous; two objects with one id, which kustomize refuses), the Kustomization stays unseen.
 *
 * Not applied, so unseen: patches, generators, replacements, commonAnnotations and the rest, components, and remote
 * resources; and any of the above onto a file not read here (a base directory, a file outside the Kustomization's
 * directory) or that two Kustomizations list.
 */
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import type { UnseenContent } from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import { NotRendered, renderNames, type NameTransforms } from './kustomize-names.js';
import { locationOf } from './location.js';
import type { KubernetesObject } from './object.js';

/** kustomize's own files (`Kustomization`, `Component`): `kustomize.config.k8s.io/v1beta1`, `…/v1alpha1`. */
export function isKustomization(apiVersion: string): boolean {
  return apiVersion.startsWith('kustomize.config.k8s.io/');
}

/**
 * Fields of a Kustomization that only list the files it renders (those files are checked as they are written), or
 * change only what the model does not read: `images` rewrites containers' image name, tag or digest and nothing else
 * (kustomize api/types/image.go, filters/imagetag), and no image is an identity, a grant or a secret.
 */
const KUSTOMIZE_LISTING = new Set(['apiVersion', 'kind', 'metadata', 'resources', 'components', 'images']);
/** Fields whose effect on what the model reads is applied here (see the file's comment). */
const KUSTOMIZE_APPLIED = new Set(['commonLabels', 'labels', 'namespace', 'namePrefix', 'nameSuffix']);
const NAME_FIELDS = ['namespace', 'namePrefix', 'nameSuffix'] as const;
/** The keys of a `labels` entry whose effect on `metadata.labels` is known; `fields` (custom field specs) is not. */
const LABEL_ENTRY_KEYS = new Set(['pairs', 'includeSelectors', 'includeTemplates', 'includeVolumeClaimTemplates']);

/** What one Kustomization does to the objects it lists, where all of it can be applied here. */
interface Plan {
  kustomization: KubernetesObject;
  labels: Record<string, string>;
  names: NameTransforms;
  targets: KubernetesObject[];
}

/**
 * The objects as kustomize renders them where this file applies what their Kustomization does (names, namespaces and
 * the references between them, labels), the other objects as written, and what stays unseen: one entry per
 * Kustomization that changes what it lists in a way not applied here. Kustomizations themselves are left in (the model
 * passes over them). The input is not changed.
 */
export function renderKustomizations(objects: readonly KubernetesObject[]): {
  objects: KubernetesObject[];
  unseen: UnseenContent[];
} {
  const unseen: UnseenContent[] = [];
  const plans: Plan[] = [];
  for (const object of objects) {
    if (typeof object.body.apiVersion !== 'string' || !isKustomization(object.body.apiVersion)) continue;
    const plan = planOf(object, objects);
    if ('what' in plan) unseen.push({ resource: object.ref, kind: 'kustomize', what: plan.what });
    else if (plan.targets.length > 0 && changesAnything(plan)) plans.push({ kustomization: object, ...plan });
  }
  // A file two Kustomizations list gets whatever the one built does: which one the cluster gets is not known here.
  const claimed = new Map<KubernetesObject, KubernetesObject[]>();
  for (const plan of plans)
    for (const target of plan.targets) claimed.set(target, [...(claimed.get(target) ?? []), plan.kustomization]);
  const rendered = new Map<KubernetesObject, KubernetesObject>();
  for (const plan of plans) {
    const fields = changedFields(plan.kustomization.body).join(', ');
    const shared = plan.targets.find((target) => (claimed.get(target)?.length ?? 0) > 1);
    if (shared) {
      const others = (claimed.get(shared) ?? []).filter((other) => other !== plan.kustomization);
      unseen.push({
        resource: plan.kustomization.ref,
        kind: 'kustomize',
        what: `${fields} onto ${shared.ref.file ?? shared.ref.name}, which ${others.map((other) => other.ref.file ?? other.ref.name).join(', ')} also lists`,
      });
      continue;
    }
    let bodies: Record<string, unknown>[];
    try {
      bodies = renderNames(
        plan.targets.map((target) => target.body),
        plan.names,
      );
    } catch (error) {
      if (!(error instanceof NotRendered)) throw error;
      unseen.push({ resource: plan.kustomization.ref, kind: 'kustomize', what: `${fields} (${error.message})` });
      continue;
    }
    for (const [index, target] of plan.targets.entries())
      rendered.set(target, asRendered(target, withLabels(bodies[index] ?? target.body, plan.labels)));
  }
  return { objects: objects.map((object) => rendered.get(object) ?? object), unseen };
}

function changesAnything(plan: Omit<Plan, 'kustomization'>): boolean {
  return Object.keys(plan.labels).length > 0 || NAME_FIELDS.some((field) => (plan.names[field] ?? '') !== '');
}

/** The object with the body kustomize renders; where its name or namespace changed, its place in the cluster too. */
function asRendered(object: KubernetesObject, body: Record<string, unknown>): KubernetesObject {
  const metadata = isKnownRecord(body.metadata) ? body.metadata : {};
  const ref =
    object.ref.location !== undefined && typeof metadata.name === 'string'
      ? { ...object.ref, location: locationOf(object.kind, metadata.name, metadata.namespace) }
      : object.ref;
  return { ...object, body, ref };
}

/** The fields of a Kustomization besides those that only list files (in the order written). */
function changedFields(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((key) => !KUSTOMIZE_LISTING.has(key));
}

/**
 * What a Kustomization does to the objects it lists, or, where that cannot be applied exactly here, what stays unseen
 * (in words for the finding). A Kustomization that only lists files changes nothing.
 */
function planOf(
  kustomization: KubernetesObject,
  objects: readonly KubernetesObject[],
): Omit<Plan, 'kustomization'> | { what: string } {
  const body = kustomization.body;
  const fields = changedFields(body);
  const remote = listedEntries(body).filter(isRemote);
  if (fields.some((field) => !KUSTOMIZE_APPLIED.has(field)) || remote.length > 0) {
    const parts = [
      ...(fields.length ? [fields.join(', ')] : []),
      ...(remote.length ? [`remote resources ${remote.map((entry) => `"${entry}"`).join(', ')}`] : []),
    ];
    return { what: parts.join('; ') };
  }
  if (fields.length === 0) return { labels: {}, names: {}, targets: [] };
  // A Component's fields apply to the objects of the Kustomization that uses it, which this file does not resolve.
  if (body.kind === 'Component') return { what: `${fields.join(', ')} (in a Component)` };
  const labels = labelsOf(body);
  if (typeof labels === 'string') return { what: `${fields.join(', ')} (${labels})` };
  const names = namesOf(body);
  if (typeof names === 'string') return { what: `${fields.join(', ')} (${names})` };
  const targets = listedObjects(kustomization, objects);
  if (typeof targets === 'string') return { what: `${fields.join(', ')} (${targets})` };
  return { labels, names, targets };
}

/**
 * `namespace`, `namePrefix` and `nameSuffix` as kustomize reads them (strings of api/types/kustomization.go; YAML's null
 * is the empty string, which sets nothing), or why they cannot be read.
 */
function namesOf(body: Record<string, unknown>): NameTransforms | string {
  const names: NameTransforms = {};
  for (const field of NAME_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return `${field} is not a string, which kustomize refuses`;
    names[field] = value;
  }
  return names;
}

/**
 * The pairs kustomize sets on every object's `metadata.labels`: each `labels` entry in order, then `commonLabels`; or
 * why they cannot be told here (a value that is not a string, which kustomize refuses to read; custom field specs; a
 * key in both fields, which kustomize refuses).
 */
function labelsOf(body: Record<string, unknown>): Record<string, string> | string {
  const labels: Record<string, string> = {};
  const entries = body.labels === undefined ? [] : body.labels;
  if (!Array.isArray(entries)) return 'labels is not a list';
  for (const [index, entry] of entries.entries()) {
    if (!isKnownRecord(entry)) return `labels[${index}] is not an object`;
    const other = Object.keys(entry).find((key) => !LABEL_ENTRY_KEYS.has(key));
    if (other !== undefined) return `labels[${index}].${other} is not applied here`;
    const pairs = stringPairs(entry.pairs ?? {});
    if (!pairs) return `labels[${index}].pairs is not a map of strings`;
    Object.assign(labels, pairs);
  }
  const common = stringPairs(body.commonLabels ?? {});
  if (!common) return 'commonLabels is not a map of strings';
  const both = Object.keys(common).find((key) => Object.hasOwn(labels, key));
  if (both !== undefined) return `label ${both} is in both commonLabels and labels, which kustomize refuses`;
  return { ...labels, ...common };
}

/**
 * The objects of the files a Kustomization lists, or why they are not all here: an entry that is a directory (another
 * kustomization) or a file not read in this check, a file outside the Kustomization's directory (kustomize refuses it
 * by default) or a base there (which it builds), or components, which may change them further.
 */
function listedObjects(
  kustomization: KubernetesObject,
  objects: readonly KubernetesObject[],
): KubernetesObject[] | string {
  if (listedEntries({ components: kustomization.body.components }).length > 0) return 'with components';
  const file = kustomization.ref.file;
  const resources = kustomization.body.resources;
  if (resources !== undefined && !Array.isArray(resources)) return 'resources is not a list';
  if (file === undefined) return 'its directory is not known';
  const directory = dirname(file);
  const targets: KubernetesObject[] = [];
  for (const entry of resources ?? []) {
    if (typeof entry !== 'string') return 'a resources entry is not a string';
    const path = normalize(join(directory, entry));
    const outside = relative(directory, path);
    if (isAbsolute(entry) || outside.startsWith('..'))
      // kustomize's default load restrictor refuses a file outside the root, but an entry without a manifest file's
      // extension is a base (a directory with its own kustomization, `../base`), which it builds wherever it is.
      return /\.(ya?ml|json)$/i.test(entry)
        ? `onto "${entry}", outside the Kustomization's directory, which kustomize refuses by default`
        : `onto "${entry}", a base outside the Kustomization's directory, whose own kustomization is not rendered here`;
    const listed = objects.filter((object) => object.ref.file !== undefined && normalize(object.ref.file) === path);
    if (listed.length === 0) return `onto "${entry}", which is not a manifest file read here`;
    targets.push(...listed);
  }
  return targets;
}

function withLabels(body: Record<string, unknown>, labels: Record<string, string>): Record<string, unknown> {
  if (Object.keys(labels).length === 0) return body;
  const metadata = isKnownRecord(body.metadata) ? body.metadata : {};
  const current = isKnownRecord(metadata.labels) ? metadata.labels : {};
  return { ...body, metadata: { ...metadata, labels: { ...current, ...labels } } };
}

function stringPairs(value: unknown): Record<string, string> | undefined {
  if (!isKnownRecord(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')
    ? Object.fromEntries(entries)
    : undefined;
}

function listedEntries(body: Record<string, unknown>): unknown[] {
  return [body.resources, body.components].flatMap((value): unknown[] => (Array.isArray(value) ? value : []));
}

/** A remote resource (a URL, a `github.com/…` path) brings in files that are not here. */
function isRemote(entry: unknown): entry is string {
  return typeof entry === 'string' && (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github|gitlab)\.com\//.test(entry));
}
