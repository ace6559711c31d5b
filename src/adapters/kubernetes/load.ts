/**
 * Plain Kubernetes manifests: multi-document YAML (or JSON), `kind: List` expanded, each object named the way
 * the Pulumi Kubernetes provider types it (`kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding`) so both
 * front-ends speak of a resource the same way. Unreadable input is a located error; nothing is skipped silently.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isRecord } from '../../util/records.js';
import { documentValue, libyamlProblem, parseLibyamlDocuments, yaml } from '../../util/yaml.js';
import { formatValuePath, MAX_VALUE_DEPTH, tooDeepPath } from '../../util/depth.js';
import { readInputText } from '../../util/read-input.js';
import { InputFileError } from '../input-error.js';
import type { ResourceRef } from '../../model/model.js';
import type { KubernetesObject } from './to-model.js';
import { isKustomization } from './kustomize.js';
import { refusalReason, shapeProblem } from './shape.js';
import { locationOf } from './location.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A manifest that cannot be read, located as precisely as the parser allows. */
export class ManifestError extends InputFileError {}

/** True when the text's first document is a Kubernetes object (apiVersion and kind), not a CloudFormation template. */
export function looksLikeKubernetesManifest(text: string): boolean {
  // Without both keys in the text it cannot be one: cloud assemblies hold megabytes of templates not worth parsing twice.
  if (!text.includes('apiVersion') || !text.includes('kind')) return false;
  const lineCounter = new (yaml().LineCounter)();
  for (const document of parseLibyamlDocuments(text, { uniqueKeys: false, lineCounter })) {
    if (document.errors.length) return false;
    // An alias bomb is not a manifest's business to detect here: it is reported when the file is read as either.
    const read = documentValue(document);
    if ('problem' in read) return false;
    const value = read.value;
    if (value === null || value === undefined) continue;
    return (
      isRecord(value) &&
      typeof value.apiVersion === 'string' &&
      typeof value.kind === 'string' &&
      !('Resources' in value)
    );
  }
  return false;
}

/** Every object in a manifest file, or in the manifest files of a directory (sorted by name; templates and other YAML left out). */
export function loadManifests(path: string): KubernetesObject[] {
  if (!existsSync(path)) throw new ManifestError(path, 'no such file or directory');
  if (!statSync(path).isDirectory()) return parseManifests(readManifest(path), path);
  return kubernetesManifestFiles(path).flatMap((file) => parseManifests(readManifest(file), file));
}

/**
 * The objects of a manifest's documents, read as kubectl reads YAML (go-yaml, a port of libyaml): a quoted string or a
 * flow collection may continue at its key's indentation or at none (`parseLibyamlDocuments`).
 */
export function parseManifests(text: string, file: string): KubernetesObject[] {
  const { isNode, LineCounter } = yaml();
  const lineCounter = new LineCounter();
  const objects: KubernetesObject[] = [];
  for (const document of parseLibyamlDocuments(text, { lineCounter, uniqueKeys: true })) {
    const error = document.errors[0];
    if (error) {
      const { offset, reason } = libyamlProblem(document, error, text);
      const { line, col } = lineCounter.linePos(offset);
      throw new ManifestError(file, reason, line, col);
    }
    const read = documentValue(document);
    if ('problem' in read) {
      const { line, col } = lineCounter.linePos(read.offset);
      throw new ManifestError(file, read.problem, line, col);
    }
    const value = read.value;
    if (value === null || value === undefined) continue;
    const start = lineCounter.linePos(document.contents?.range[0] ?? 0);
    const deep = tooDeepPath(value);
    if (deep)
      throw new ManifestError(
        file,
        `${formatValuePath(deep.slice(0, 6))}…: nested more than ${MAX_VALUE_DEPTH} levels deep; no manifest needs that, and it is not read`,
        start.line,
        start.col,
      );
    // `kind: List` (kubectl get -o yaml) or a typed list (`RoleBindingList`, which kube-prometheus writes): kubectl
    // applies the items of any kind ending in List that has them.
    const isList =
      isRecord(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
    const items: unknown[] = isList ? (value.items as unknown[]) : [value];
    for (const [index, item] of items.entries()) {
      const where = isList ? `items[${index}] ` : '';
      if (!isRecord(item) || typeof item.apiVersion !== 'string' || typeof item.kind !== 'string') {
        throw new ManifestError(
          file,
          `${where || 'the document '}is not a Kubernetes object: apiVersion and kind (strings) are required`,
          start.line,
          start.col,
        );
      }
      const metadata = isRecord(item.metadata) ? item.metadata : {};
      // A kustomization.yaml beside the manifests is kustomize's build configuration, not an object of the cluster: it
      // needs no name (the model says what it changes, src/adapters/kubernetes/to-model.ts).
      if (isKustomization(item.apiVersion)) {
        const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : basename(file);
        objects.push({ kind: item.kind, body: item, ref: { type: typeToken(item.apiVersion, item.kind), name, file } });
        continue;
      }
      if (typeof metadata.name !== 'string' || metadata.name === '') {
        throw new ManifestError(file, `${where}${item.kind} has no metadata.name`, start.line, start.col);
      }
      const problem = shapeProblem(item);
      if (problem) {
        // At the field itself, or at the nearest object holding it when it is missing (or an alias or merge key hides it).
        const path = [...(isList ? ['items', index] : []), ...problem.path];
        let node: unknown;
        for (let length = path.length; length > 0 && !isNode(node); length--)
          node = document.getIn(path.slice(0, length), true);
        const at = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : start;
        throw new ManifestError(
          file,
          `${where}${item.kind} ${metadata.name}: ${formatValuePath(problem.path)} ${refusalReason(problem)}`,
          at.line,
          at.col,
        );
      }
      const ref: ResourceRef = {
        type: typeToken(item.apiVersion, item.kind),
        name: metadata.name,
        file,
        location: locationOf(item.kind, metadata.name, metadata.namespace),
      };
      objects.push({ kind: item.kind, body: item, ref });
    }
  }
  return objects;
}

/**
 * A manifest's text: a regular file within the size limit. Named inside a directory, it must resolve inside it.
 * (Directories list only regular files, but a link among them may point anywhere.)
 */
function readManifest(file: string, directory?: string): string {
  return readInputText(
    file,
    (reason) => new ManifestError(file, reason),
    directory !== undefined && directory !== file ? { within: directory } : {},
  );
}

/** `v1` + `Secret` -> `kubernetes:core/v1:Secret`; `apps/v1` + `Deployment` -> `kubernetes:apps/v1:Deployment`. */
export function typeToken(apiVersion: string, kind: string): string {
  return `kubernetes:${apiVersion.includes('/') ? apiVersion : `core/${apiVersion}`}:${kind}`;
}

/** The Kubernetes manifest files a path names: the file itself, or the manifest files of a directory (not CloudFormation templates). */
export function kubernetesManifestFiles(
  path: string,
  /** Files of the directory another reader owns (a cloud assembly's own output): not looked at here. */
  ownedElsewhere: ReadonlySet<string> = new Set(),
): string[] {
  if (!existsSync(path)) return [];
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .map((entry) => join(path, entry))
        .filter(
          (file) => MANIFEST_EXTENSIONS.includes(extname(file)) && !ownedElsewhere.has(file) && statSync(file).isFile(),
        )
    : [path];
  return files.filter((file) => looksLikeKubernetesManifest(readManifest(file, path)));
}
