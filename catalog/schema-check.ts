/**
 * Checks catalog data against entitlement-catalog.schema.json and turns each schema error into a located
 * issue that says what was expected, in words rather than JSON Schema keywords.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closestMatch, type CatalogIssue, type FieldPath } from './issues.js';
import type { CatalogSource } from './source-map.js';

/** The schema's validator, compiled at build time (see schema-compile.ts). */
function compiledValidator(): ValidateFunction {
  try {
    return createRequire(import.meta.url)('./schema-validator.cjs') as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String(error).includes('schema-validator.cjs'))
      throw error;
    throw new Error('catalog/schema-validator.cjs is missing: `npm run build` compiles the catalog schema into it', {
      cause: error,
    });
  }
}

/** The parts of the rejecting schema that help say what it wanted. */
interface ParentSchema {
  title?: string;
  properties?: Record<string, unknown>;
  patternErrorMessage?: string;
}

let validator: ValidateFunction | undefined;

export function schemaIssues(data: unknown, source: CatalogSource): CatalogIssue[] {
  validator ??= compiledValidator();
  if (validator(data)) return [];
  return (validator.errors ?? []).flatMap((error) => issueFor(error, data, source));
}

function issueFor(error: ErrorObject, data: unknown, source: CatalogSource): CatalogIssue[] {
  const path = pointerToPath(error.instancePath, data);
  const parent = (error.parentSchema ?? {}) as ParentSchema;
  // A rejected key (propertyNames) carries the key; the wrapper error that follows it adds nothing.
  if (error.keyword === 'propertyNames') return [];
  if (error.propertyName !== undefined) {
    return [
      source.issue(
        [...path, error.propertyName],
        `invalid key ${JSON.stringify(error.propertyName)}; ${expectation(error, parent)}`,
        'key',
      ),
    ];
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      const guess = closestMatch(key, known);
      const hint = guess ? ` (did you mean "${guess}"?)` : '';
      const expected = known.length ? `; expected one of: ${known.join(', ')}` : '';
      return [source.issue([...path, key], `unknown key ${JSON.stringify(key)}${hint}${expected}`, 'key')];
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return [source.issue([...path, key], `missing required key "${key}"`)];
    }
    case 'uniqueItems': {
      const later = Number(error.params.i);
      const item = (error.data as unknown[])[later];
      return [source.issue([...path, later], `duplicate item ${describe(item)}; each item may appear once`)];
    }
    case 'enum':
      return [
        source.issue(path, `unknown ${parent.title ?? 'value'} ${describe(error.data)}; ${expectation(error, parent)}`),
      ];
    default:
      return [source.issue(path, `got ${describe(error.data)}; ${expectation(error, parent)}`)];
  }
}

/** What the schema wanted, in words. */
function expectation(error: ErrorObject, parent: ParentSchema): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `expected ${typeName(String(params.type))}`;
    case 'enum':
      return `expected one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `expected ${JSON.stringify(params.allowedValue)}`;
    case 'pattern':
      return parent.patternErrorMessage ?? `expected text matching ${String(params.pattern)}`;
    case 'minLength':
      return 'expected a non-empty string';
    case 'minItems':
      return `expected at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    default:
      return `expected a value that ${error.message ?? 'matches the schema'}`;
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number',
  };
  return names[type] ?? type;
}

/** A value as the user wrote it, briefly. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  // YAML 1.1 documents (`%YAML 1.1`) read unquoted dates as timestamps.
  if (value instanceof Date) return `the timestamp ${value.toISOString()}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/**
 * `/identities/2/owner` → `['identities', 2, 'owner']` (JSON Pointer, RFC 6901). A segment is an index only
 * where the data holds a list, so a numeric key such as an account id stays a key.
 */
function pointerToPath(pointer: string, data: unknown): FieldPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = (node as Record<string | number, unknown> | undefined)?.[segment];
  }
  return path;
}
