/**
 * A deployed Pulumi stack (`pulumi stack export`, deployment version 3) judged with the same rules as a preview:
 * each resource's state becomes the record the policy pack sees (type, name, URN, properties, property
 * dependencies), so a stack not previewed since the catalog changed can be checked from its state alone.
 */
import { modelFromPulumiResources, type PulumiResource } from '../pulumi/index.js';
import { encryptedValue, isUnknown, type Model } from '../../model/model.js';
import { isRecord, setOwn } from '../../util/records.js';

/** The signature key Pulumi writes on secret values, and its value for secrets. */
const SIGNATURE = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

export class StackExportError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = new.target.name;
  }
}

/** True for `pulumi stack export` output: a numeric `version` and a `deployment` with its `resources`. */
export function isPulumiStackExport(json: unknown): json is Record<string, unknown> {
  return (
    isRecord(json) &&
    typeof json.version === 'number' &&
    isRecord(json.deployment) &&
    ('resources' in json.deployment || 'manifest' in json.deployment)
  );
}

/**
 * The stack's resources as policy records. Resources pending deletion (`delete: true`) and resources the stack only
 * reads (`external: true`, `get` functions) are not the stack's to judge. A secret exported encrypted becomes an
 * Unknown that says so (export with `--show-secrets` to check it); a plaintext one is read.
 */
export function resourcesFromStackExport(json: Record<string, unknown>): PulumiResource[] {
  const version = json.version as number;
  if (version < 1 || version > 3)
    throw new StackExportError('version', `${version} is not a deployment version this reader knows (1 to 3)`);
  const deployment = json.deployment as Record<string, unknown>;
  const resources = deployment.resources ?? [];
  if (!Array.isArray(resources)) throw new StackExportError('deployment.resources', 'expected an array');
  const records: PulumiResource[] = [];
  resources.forEach((resource, index) => {
    const path = `deployment.resources[${index}]`;
    if (!isRecord(resource)) throw new StackExportError(path, 'expected an object');
    if (resource.delete === true || resource.external === true) return;
    const { urn, type } = resource;
    if (typeof urn !== 'string' || !urn.startsWith('urn:pulumi:'))
      throw new StackExportError(`${path}.urn`, 'expected a Pulumi URN (urn:pulumi:…)');
    if (typeof type !== 'string' || type === '') throw new StackExportError(`${path}.type`, 'expected a type token');
    const name = urn.slice(urn.lastIndexOf('::') + 2);
    const inputs = isRecord(resource.inputs) ? resource.inputs : {};
    const outputs = isRecord(resource.outputs) ? resource.outputs : {};
    const props = withOutputs(revealSecrets(inputs, name), revealSecrets(outputs, name));
    const dependencies = isRecord(resource.propertyDependencies) ? resource.propertyDependencies : {};
    const propertyDependencies = Object.fromEntries(
      Object.entries(dependencies).map(([key, urns]) => [
        key,
        Array.isArray(urns) ? urns.filter((item): item is string => typeof item === 'string') : [],
      ]),
    );
    records.push({ type, name, urn, props, propertyDependencies });
  });
  return records;
}

/**
 * The inputs with the outputs over them, as the engine's state has them. Where an output is a secret as a whole and
 * its input is an object or array, the input is kept: the engine makes an output secret when any part of it is (a VM's
 * `osProfile` holding a secret `adminPassword`), so the encrypted whole hides what the input shows part by part.
 */
function withOutputs(inputs: unknown, outputs: unknown): Record<string, unknown> {
  const props: Record<string, unknown> = isRecord(inputs) ? { ...inputs } : {};
  if (!isRecord(outputs)) return props;
  for (const [key, output] of Object.entries(outputs)) {
    const input = Object.hasOwn(props, key) ? props[key] : undefined;
    const hidesInput =
      isUnknown(output) &&
      output.encrypted === true &&
      typeof input === 'object' &&
      input !== null &&
      !isUnknown(input);
    setOwn(props, key, hidesInput ? input : output);
  }
  return props;
}

/** The model of an exported stack; findings name the Pulumi URN and the export file. */
export function modelFromStackExport(json: Record<string, unknown>): Model {
  return modelFromPulumiResources(resourcesFromStackExport(json), { wholeStack: true });
}

/** Secret values unwrapped: the plaintext when the export has it (JSON-encoded), else an Unknown. */
function revealSecrets(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item, index) => revealSecrets(item, `${path}[${index}]`));
  if (!isRecord(value)) return value;
  if (value[SIGNATURE] === SECRET_SIGNATURE) {
    if (typeof value.plaintext === 'string') {
      try {
        return revealSecrets(JSON.parse(value.plaintext), path);
      } catch {
        return value.plaintext;
      }
    }
    return encryptedValue(`${path} is a secret encrypted in the export (export with --show-secrets to check it)`);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revealSecrets(item, `${path}.${key}`)]));
}
