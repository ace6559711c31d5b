import { unknownValue, type ResourceRef } from '../../model/model.js';
import { setOwn } from '../../util/records.js';

/**
 * A Pulumi resource as the policy SDK and the analyzer protocol present it: plain JSON properties (secrets
 * unwrapped), with values unknown during preview still carrying the engine's sentinel strings.
 * Secretness cannot tell a stack config secret from a literal: the policy SDK drops the secret flag, and provider
 * SDKs flag inputs like `secretString` secret whatever their source (pulumi/pulumi-policy#241).
 */
export interface PulumiResource {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
  /** Top-level property -> URNs of the resources its value was computed from (the SDK's propertyDependencies). */
  propertyDependencies?: Record<string, string[]>;
}

/**
 * The sentinels the Pulumi engine writes for values unknown until apply (string, boolean, number, array,
 * asset, archive, object). Over gRPC every unknown arrives as the string one; the others appear in SDK mocks.
 */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
]);

export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_SENTINELS.has(value);
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> stack. */
export function stackOfUrn(urn: string): string | undefined {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

export function resourceRef(resource: PulumiResource): ResourceRef {
  const stack = stackOfUrn(resource.urn);
  return { type: resource.type, name: resource.name, urn: resource.urn, ...(stack ? { stack } : {}) };
}

/**
 * The properties with every unknown sentinel replaced by an Unknown that names the property and, when known, the
 * resources its value waits for: `analytics-policy.policy (output of aws:s3/bucket:Bucket reports)`. A property with
 * a sentinel inside is copied; the others are shared with the resource (the adapters only read them).
 */
export function revealUnknowns(resource: PulumiResource, nameOfUrn: (urn: string) => string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource.props)) {
    if (!containsSentinel(value)) {
      setOwn(result, key, value);
      continue;
    }
    const pending = (resource.propertyDependencies?.[key] ?? []).map(nameOfUrn);
    const origin = pending.length > 0 ? ` (output of ${pending.join(', ')})` : '';
    setOwn(result, key, reveal(value, `${resource.name}.${key}`, origin));
  }
  return result;
}

function containsSentinel(value: unknown): boolean {
  if (typeof value === 'string') return isUnknownSentinel(value);
  if (Array.isArray(value)) return value.some(containsSentinel);
  if (typeof value === 'object' && value !== null) {
    for (const key in value) if (containsSentinel((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function reveal(value: unknown, path: string, origin: string): unknown {
  if (isUnknownSentinel(value)) return unknownValue(`${path}${origin} is not known until apply`);
  if (Array.isArray(value)) return value.map((item, index) => reveal(item, `${path}[${index}]`, origin));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, reveal(item, `${path}.${key}`, origin)]),
    );
  }
  return value;
}

/** `type name` of a URN, for messages: `aws:iam/role:Role ci-deployer`. */
export function describeUrn(urn: string): string {
  const parts = urn.split('::');
  const type = parts[2]?.split('$').pop();
  const name = parts.slice(3).join('::');
  return type && name ? `${type} ${name}` : urn;
}
