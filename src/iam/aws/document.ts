import {
  isUnknown,
  malformedValue,
  ONLY_SOME_DEPLOYMENTS,
  SET_BY_DEPLOYMENT,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyValue,
  type PrincipalBlock,
} from '../../model/model.js';
import { JsonSyntaxError, parseLocatedJson } from '../../util/located-json.js';
import { isRecord, setOwn } from '../../util/records.js';
import { conditionEnd } from './condition-time.js';

/**
 * Normalizes an AWS policy document as IaC writes it (a JSON string or an object, single values or arrays,
 * `Statement` as one object or a list) into the model's PolicyDocument. Unknown values (preview outputs,
 * unresolved tokens) are kept as Unknown wherever they appear. A document whose shape cannot be read is
 * returned with `unreadable` set, never as an empty (harmless-looking) policy.
 */
export function parsePolicyDocument(raw: unknown): PolicyDocument {
  if (isUnknown(raw)) return { statements: [], unreadable: raw };
  let value = raw;
  if (typeof value === 'string') {
    // Strictly: a key written twice in one object (a second Effect, Resource or Condition operator) is refused, not
    // read last-wins as JSON.parse would. IAM documents no reading of a duplicate key (its policy grammar only says
    // the document is JSON, whose RFC 8259 leaves duplicate names to the reader), so choosing either value could pass
    // the one IAM does not read: the document is unreadable, and the rules say what could not be seen.
    const text = value;
    try {
      value = parseLocatedJson(text, 0).value;
    } catch (error) {
      if (error instanceof JsonSyntaxError && error.reason.startsWith('duplicate key'))
        return unreadable(
          `policy document text writes the same key twice (${error.reason} at ${error.line}:${error.column}); IAM documents no reading of a repeated key`,
        );
      return unreadable(`policy document is not valid JSON (${jsonParseError(text, error)})`);
    }
  }
  // A role without AssumeRolePolicyDocument, a policy without PolicyDocument: CloudFormation refuses both.
  if (value === undefined) return unreadable('there is no policy document');
  if (!isRecord(value)) return unreadable('policy document is not an object');
  // IAM's element names are exact: a list under `statement` is not the Statement, and reading it as none would pass it.
  const unknownKey = unknownKeyOf(value, DOCUMENT_KEYS);
  if (unknownKey !== undefined)
    return unreadable(
      `unknown key ${JSON.stringify(unknownKey)} in the policy document; IAM reads only ${DOCUMENT_KEYS.join(', ')}`,
    );
  const statement = value.Statement;
  if (isUnknown(statement)) return { statements: [], unreadable: statement };
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  const statements: PolicyStatement[] = [];
  for (let index = 0; index < list.length; index++) {
    const parsed = parseStatement(list[index]);
    if (typeof parsed === 'string') return unreadable(`Statement[${index}]: ${parsed}`);
    statements.push(parsed);
  }
  return { statements };
}

/**
 * JSON.parse's own words for text the strict parser refused for another reason than a repeated key (what users of
 * JSON.parse have seen), or the strict parser's where JSON.parse reads it (nesting deeper than it takes).
 */
function jsonParseError(text: string, strict: unknown): string {
  try {
    JSON.parse(text);
    return (strict as Error).message;
  } catch (error) {
    return (error as Error).message;
  }
}

/*
 * Documents are parsed per identity and per policy, thousands per template set, mostly in a cold process (one
 * `cdk synth`): the field tables are module constants, and nothing is built for a field a statement does not have.
 */

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/** The first key of `record` that is not one of `known` (IAM's element names are case-sensitive). */
function unknownKeyOf(record: Record<string, unknown>, known: readonly string[]): string | undefined {
  for (const key in record) if (Object.hasOwn(record, key) && !known.includes(key)) return key;
  return undefined;
}

/** The statement's fields in the order the parsed statement lists them. */
const VALUE_FIELDS = [
  { key: 'Action', field: 'action' },
  { key: 'NotAction', field: 'notAction' },
  { key: 'Resource', field: 'resource' },
  { key: 'NotResource', field: 'notResource' },
] as const;

const PRINCIPAL_FIELDS = [
  { key: 'Principal', field: 'principal' },
  { key: 'NotPrincipal', field: 'notPrincipal' },
] as const;

function parseStatement(entry: unknown): PolicyStatement | string {
  if (isUnknown(entry)) return `statement is ${entry.description}`;
  if (!isRecord(entry)) return 'statement is not an object';
  const unknownKey = unknownKeyOf(entry, STATEMENT_KEYS);
  if (unknownKey !== undefined)
    return `unknown key ${JSON.stringify(unknownKey)}; a statement has only ${STATEMENT_KEYS.join(', ')}`;
  const effect = entry.Effect;
  if (effect === undefined) return 'it has no Effect (IAM requires "Allow" or "Deny")';
  if (effect !== 'Allow' && effect !== 'Deny') {
    return `Effect must be "Allow" or "Deny", got ${isUnknown(effect) ? effect.description : JSON.stringify(effect)}`;
  }
  const statement: PolicyStatement = { effect };
  if (typeof entry.Sid === 'string') statement.sid = entry.Sid;
  // Indexed loops: once per statement of every policy, and cheaper for V8 to optimize than for…of.
  for (let index = 0; index < VALUE_FIELDS.length; index++) {
    const fields = VALUE_FIELDS[index];
    if (fields === undefined) continue;
    const { key, field } = fields;
    if (entry[key] === undefined) continue;
    const values = toValues(entry[key]);
    if (typeof values === 'string') return `${key}: ${values}`;
    statement[field] = values;
  }
  if (!statement.action && !statement.notAction) return 'statement has neither Action nor NotAction';
  // The grammar takes one of each pair (IAM User Guide, "Grammar of the IAM JSON policy language"); IAM refuses a
  // statement with both, so reading either one alone would judge a policy that never exists.
  if (statement.action && statement.notAction) return 'statement has both Action and NotAction (IAM takes one of them)';
  if (statement.resource && statement.notResource)
    return 'statement has both Resource and NotResource (IAM takes one of them)';
  if (entry.Principal !== undefined && entry.NotPrincipal !== undefined)
    return 'statement has both Principal and NotPrincipal (IAM takes one of them)';
  for (let index = 0; index < PRINCIPAL_FIELDS.length; index++) {
    const fields = PRINCIPAL_FIELDS[index];
    if (fields === undefined) continue;
    const { key, field } = fields;
    if (entry[key] === undefined) continue;
    const block = toPrincipal(entry[key]);
    if (typeof block === 'string' && block !== '*') return `${key}: ${block}`;
    statement[field] = block;
  }
  if (entry.Condition !== undefined) {
    const condition = toCondition(entry.Condition);
    if (typeof condition === 'string') return `Condition: ${condition}`;
    statement.condition = condition;
    const ends = conditionEnd(condition);
    if (ends !== undefined) statement.conditionEnds = ends;
  }
  const setByDeployment = (entry as { [SET_BY_DEPLOYMENT]?: unknown })[SET_BY_DEPLOYMENT];
  if (Array.isArray(setByDeployment) && setByDeployment.length > 0)
    statement.setByDeployment = setByDeployment.filter((value): value is string => typeof value === 'string');
  if ((entry as { [ONLY_SOME_DEPLOYMENTS]?: unknown })[ONLY_SOME_DEPLOYMENTS] === true)
    statement.onlySomeDeployments = true;
  return statement;
}

function toValues(value: unknown): PolicyValue[] | string {
  if (typeof value === 'string') return [value];
  const list = Array.isArray(value) ? value : [value];
  const values: PolicyValue[] = [];
  for (let index = 0; index < list.length; index++) {
    const item: unknown = list[index];
    if (typeof item === 'string' || isUnknown(item)) values.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') values.push(String(item));
    else return `expected a string or a list of strings, got ${JSON.stringify(item)}`;
  }
  return values;
}

/** The principal block, or a string saying what is wrong with it (`"*"` is itself a block). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- "*" is named for the reader
function toPrincipal(value: unknown): PrincipalBlock | string {
  if (value === '*') return '*';
  if (isUnknown(value)) return { AWS: [value] };
  if (!isRecord(value)) return `expected "*" or an object, got ${JSON.stringify(value)}`;
  const block: Exclude<PrincipalBlock, '*'> = {};
  for (const key of Object.keys(value)) {
    if (key !== 'AWS' && key !== 'Service' && key !== 'Federated' && key !== 'CanonicalUser')
      return `unknown principal type "${key}"`;
    const values = toValues(value[key]);
    if (typeof values === 'string') return `${key}: ${values}`;
    block[key] = values;
  }
  return block;
}

function toCondition(value: unknown): Record<string, Record<string, PolicyValue[]>> | string {
  if (!isRecord(value)) return 'expected an object of operators';
  const condition: Record<string, Record<string, PolicyValue[]>> = {};
  for (const operator of Object.keys(value)) {
    const keys = value[operator];
    if (!isRecord(keys)) return `${operator}: expected an object of condition keys`;
    const byKey: Record<string, PolicyValue[]> = {};
    setOwn(condition, operator, byKey);
    for (const key of Object.keys(keys)) {
      const values = toValues(keys[key]);
      if (typeof values === 'string') return `${operator}.${key}: ${values}`;
      setOwn(byKey, key, values);
    }
  }
  return condition;
}

/** A document the source writes in a shape IAM does not read: unreadable as written, not only until apply. */
function unreadable(description: string): PolicyDocument {
  return { statements: [], unreadable: malformedValue(description) };
}
