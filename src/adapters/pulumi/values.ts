import { isUnknown, unknownValue, type Maybe } from '../../model/model.js';
import { isKnownRecord, setOwn } from '../../util/records.js';

export function knownString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string-valued property: the string, its Unknown, or undefined when unset. */
export function maybeString(value: unknown, what: string): Maybe<string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${what} ${JSON.stringify(value)} is not a string`);
}

/** A list-valued property item by item; an Unknown list stays one Unknown item so it is never read as empty. */
export function items(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.filter((item) => item !== undefined && item !== null) : [value];
}

/** AWS `maxSessionDuration`; AWS applies one hour when it is unset. */
export function sessionSeconds(value: unknown, what: string): Maybe<number> {
  if (value === undefined || value === null) return 3600;
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return unknownValue(`${what} ${JSON.stringify(value)} is not a number`);
}

/**
 * Tags as `{key: value}` (classic provider) or `[{key, value}]` (aws-native). A tag whose value is unknown is
 * left out: an owner the check cannot read is no owner.
 */
export function tagsOf(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const tag of value)
      if (isKnownRecord(tag) && typeof tag.key === 'string' && typeof tag.value === 'string')
        setOwn(result, tag.key, tag.value);
  } else if (isKnownRecord(value)) {
    for (const [key, tag] of Object.entries(value)) if (typeof tag === 'string') setOwn(result, key, tag);
  }
  return result;
}

/** A property path of a resource's inputs: names of object properties and indexes of list items. */
export type Path = readonly (string | number)[];

/** The value at a path; an Unknown on the way is the value (a block known only at apply hides what it holds). */
export function valueAt(props: Record<string, unknown>, path: Path): unknown {
  let value: unknown = props;
  for (const step of path) {
    if (isUnknown(value)) return value;
    if (typeof step === 'number') value = Array.isArray(value) ? (value[step] as unknown) : undefined;
    else value = isKnownRecord(value) ? value[step] : undefined;
    if (value === undefined || value === null) return value;
  }
  return value;
}
