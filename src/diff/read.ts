/**
 * Reads back an audit written earlier by `entitlement-guard audit --format json`, so a diff can compare a stored
 * base with a head. Strict: duplicate keys, another schema, or a missing list is a located error, never a silently
 * empty side (an empty base would make every identity look added; an empty head, every identity removed).
 */
import { AUDIT_SCHEMA_VERSION, type Audit } from '../audit/types.js';
import { InputFileError } from '../adapters/input-error.js';
import { JsonSyntaxError, parseLocatedJson } from '../util/located-json.js';
import { fromLegacyNotation } from '../util/legacy-notation.js';
import { isRecord } from '../util/records.js';

/** A located error in an audit file: the same shape as any other unreadable input. */
export class AuditFileError extends InputFileError {}

/** True when the text looks like an audit JSON (its schema field), so the CLI reads it as one rather than as a template. */
export function looksLikeAudit(text: string): boolean {
  return text.trimStart().startsWith('{') && text.slice(0, 200).includes(`"${AUDIT_SCHEMA_VERSION}"`);
}

const IDENTITY_LISTS = ['entitlements', 'grants', 'credentials', 'trust', 'exceptions', 'findings'] as const;

export function parseAuditJson(text: string, file: string): Audit {
  let parsed;
  try {
    parsed = parseLocatedJson(text, 1);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new AuditFileError(file, error.reason, error.line, error.column);
    throw error;
  }
  const at = (key: string) => parsed.keys.get(key)?.position;
  const fail = (key: string | undefined, reason: string): never => {
    const position = key === undefined ? undefined : at(key);
    throw new AuditFileError(file, reason, position?.line ?? 1, position?.column ?? 1);
  };
  // An audit written before the model had values of its own reads as the model writes them now, so a stored base
  // compares with a new head. Its strings are rewritten after the located parse, so errors point into the file as it
  // is. (A template's text quoted in a description is rewritten too: at worst one spurious entry, not every grant and
  // trust of the own account.)
  const audit = text.includes('${') ? inCurrentNotation(parsed.value) : parsed.value;
  if (!isRecord(audit))
    return fail(undefined, 'expected an audit object written by `entitlement-guard audit --format json`');
  if (audit.schema !== AUDIT_SCHEMA_VERSION)
    fail('schema', `schema: expected "${AUDIT_SCHEMA_VERSION}", got ${JSON.stringify(audit.schema)}`);
  for (const key of ['identities', 'secrets', 'exceptions', 'otherFindings'] as const) {
    if (!Array.isArray(audit[key])) fail(key in audit ? key : 'schema', `${key}: expected an array`);
  }
  for (const key of ['generatedAt', 'catalog'] as const)
    if (typeof audit[key] !== 'string') fail(key in audit ? key : 'schema', `${key}: expected a string`);
  (audit.identities as unknown[]).forEach((identity, index) => {
    if (typeof identity !== 'object' || identity === null)
      return fail('identities', `identities[${index}]: expected an object`);
    const row = identity as Record<string, unknown>;
    for (const key of ['id', 'name', 'origin'] as const)
      if (typeof row[key] !== 'string') fail('identities', `identities[${index}].${key}: expected a string`);
    for (const key of IDENTITY_LISTS)
      if (!Array.isArray(row[key])) fail('identities', `identities[${index}].${key}: expected an array`);
  });
  (audit.secrets as unknown[]).forEach((secret, index) => {
    if (!Array.isArray((secret as { findings?: unknown } | null)?.findings))
      fail('secrets', `secrets[${index}].findings: expected an array`);
  });
  return audit as unknown as Audit;
}

/** The value with every string, keys included, read from the old notation (fromLegacyNotation). */
function inCurrentNotation(value: unknown): unknown {
  if (typeof value === 'string') return fromLegacyNotation(value);
  if (Array.isArray(value)) return value.map(inCurrentNotation);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [fromLegacyNotation(key), inCurrentNotation(entry)]),
  );
}
