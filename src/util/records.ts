import { isUnknown } from '../model/model.js';

/** A plain object (not null, not an array): what JSON, YAML and IaC property bags are made of. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object that is not the model's Unknown: a property bag whose fields can be read. */
export function isKnownRecord(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !isUnknown(value);
}

/**
 * `record[key] = value` as an own property: `__proto__` is an ordinary key in JSON and YAML (JSON.parse defines it),
 * and assigning it would set the object's prototype instead.
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

// JSON.stringify gives undefined for undefined, a function or a symbol, whatever its declaration says.
const stringify: (value: unknown) => string | undefined = JSON.stringify;

/**
 * Any value as text for a message. `String(value)` throws on an object whose own `toString` is not a function (an
 * input can name a key `toString`) or that has no prototype; JSON never does for parsed input.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * A lookup table keyed by names an input writes (a resource type, an event type, an operator): an object without a
 * prototype, so that a name such as `constructor`, `toString` or `__proto__` finds nothing, as any other unknown name
 * does, instead of a member of Object.prototype (a fuzzed template typed `__proto__` stopped the check with an
 * internal error).
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
