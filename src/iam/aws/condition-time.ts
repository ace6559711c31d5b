/**
 * What an AWS policy statement's Condition says about time. AWS's way to grant (or deny) something for a while is a
 * statement whose condition bounds the request time, `"DateLessThan": { "aws:CurrentTime": "2020-07-01T00:00:00Z" }`
 * (IAM User Guide, "Allows access within specific dates", reference_policies_examples_aws-dates.html): once that time
 * has passed the condition is false for every request, and the statement, though it is still written, grants (or
 * denies) nothing.
 *
 * Read only where the reading cannot be wrong. A Condition's operators, and the keys under each, are joined by AND
 * (IAM User Guide, "Evaluation logic for conditions with multiple context keys or values"), so one clause that can no
 * longer hold ends the whole statement, whatever the others say. A clause is read only when it is:
 * - DateLessThan or DateLessThanEquals on aws:CurrentTime or aws:EpochTime, or NumericLessThan or
 *   NumericLessThanEquals on aws:EpochTime, the operator spelled as IAM documents it. `…IfExists` passes a request
 *   without the key, and `ForAnyValue:` / `ForAllValues:` compare sets (ForAllValues passes an absent key): not read.
 * - on literal values only: a date and time with its zone (`2020-07-01T00:00:00Z`, `…+02:00`), or whole epoch seconds
 *   (`1593561600`). A date without a time or zone (which instant IAM takes it for is not documented), a date that does
 *   not exist, a fraction of a second in an epoch number, or a value known only at deployment: not read.
 * - with every value passed: several values of one key are joined by OR, so the clause holds until its latest value.
 * An operator written twice in other letter cases, or a key written twice so under one operator, is not read: which
 * one IAM takes is not documented. Anything else gives no end, and the statement is judged as it is written.
 *
 * Times are compared no finer than to the second (aws:EpochTime is whole seconds), so an end is rounded up to the next
 * second: `< 12:00:00.5` ends at 12:00:01, `<= 12:00:00` at 12:00:01.
 */
import { conditionEnded, type PolicyDocument, type PolicyStatement, type PolicyValue } from '../../model/model.js';

type Condition = NonNullable<PolicyStatement['condition']>;

/** The operators read, each with the keys it is read on, in lower case (IAM compares condition keys so). */
const TIME_OPERATORS: ReadonlyMap<string, { keys: readonly string[]; inclusive: boolean }> = new Map([
  ['DateLessThan', { keys: ['aws:currenttime', 'aws:epochtime'], inclusive: false }],
  ['DateLessThanEquals', { keys: ['aws:currenttime', 'aws:epochtime'], inclusive: true }],
  ['NumericLessThan', { keys: ['aws:epochtime'], inclusive: false }],
  ['NumericLessThanEquals', { keys: ['aws:epochtime'], inclusive: true }],
]);

/** W3C's profile of ISO 8601 that IAM's date operators take, with a time and a zone: minutes, seconds, fractions. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Whole epoch seconds, as a string or a JSON number (the parser writes numbers as strings); at most year 33658. */
const EPOCH_SECONDS = /^\d{1,12}$/;

const SECOND = 1000;

/**
 * The time from which the condition can match no request (an ISO string), the earliest end of its clauses; undefined
 * when no clause is one this reading is sure of.
 */
export function conditionEnd(condition: Condition): string | undefined {
  let end: number | undefined;
  const operators = Object.keys(condition);
  for (const operator of operators) {
    const read = TIME_OPERATORS.get(operator);
    if (read === undefined || writtenTwice(operators, operator)) continue;
    const byKey = condition[operator];
    if (byKey === undefined) continue;
    const keys = Object.keys(byKey);
    for (const key of keys) {
      const lower = key.toLowerCase();
      if (!read.keys.includes(lower) || writtenTwice(keys, key)) continue;
      const clauseEnd = latestEnd(byKey[key] ?? [], operator.startsWith('Numeric'), read.inclusive);
      if (clauseEnd !== undefined && (end === undefined || clauseEnd < end)) end = clauseEnd;
    }
  }
  return end === undefined ? undefined : new Date(end).toISOString();
}

/** Whether another of `names` is `name` in other letter cases. */
function writtenTwice(names: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  return names.some((other) => other !== name && other.toLowerCase() === lower);
}

/** When a clause's values have all passed (they are joined by OR), in ms; undefined if one of them is not read. */
function latestEnd(values: readonly PolicyValue[], numeric: boolean, inclusive: boolean): number | undefined {
  if (values.length === 0) return undefined;
  let latest = -Infinity;
  for (const value of values) {
    if (typeof value !== 'string') return undefined;
    const time = numeric ? epochOf(value) : (epochOf(value) ?? dateTimeOf(value));
    if (time === undefined) return undefined;
    // A request at the bound itself still matches an inclusive bound: the first second after it is the end.
    const end = inclusive ? Math.floor(time / SECOND) * SECOND + SECOND : Math.ceil(time / SECOND) * SECOND;
    if (end > latest) latest = end;
  }
  return latest;
}

function epochOf(value: string): number | undefined {
  return EPOCH_SECONDS.test(value) ? Number(value) * SECOND : undefined;
}

function dateTimeOf(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  // A group the value does not write (seconds, an offset) is undefined at run time, whatever its type says.
  const [year, month, day, hour, minute, second = 0, zoneHours = 0, zoneMinutes = 0] = match
    .slice(1)
    .map((part) => (part ? Number(part) : undefined));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined)
    return undefined;
  // Date.parse rolls 2021-02-30 over into March: a date or time that does not exist is refused here instead.
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || zoneHours > 14 || zoneMinutes > 59) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Per document, its statements in effect at the last time asked (evaluations of one process share a time). */
const inEffect = new WeakMap<PolicyDocument, { time: number; document: PolicyDocument }>();

/**
 * The document as it is in effect at `now`: without the statements whose condition has ended them (conditionEnded);
 * as written where no time is given.
 * The same object where none has (nearly always), else a copy that shares the remaining statements, so whatever is
 * keyed by a statement still finds it. An unreadable document is returned as it is.
 */
export function documentInEffect(document: PolicyDocument, now: Date | undefined): PolicyDocument {
  if (document.unreadable || now === undefined) return document;
  const time = now.getTime();
  const kept = inEffect.get(document);
  if (kept?.time === time) return kept.document;
  const statements = document.statements;
  let lapsed = false;
  for (let index = 0; index < statements.length && !lapsed; index++) {
    const statement = statements[index];
    if (statement !== undefined && conditionEnded(statement, now)) lapsed = true;
  }
  const result = lapsed
    ? { ...document, statements: statements.filter((statement) => !conditionEnded(statement, now)) }
    : document;
  inEffect.set(document, { time, document: result });
  return result;
}
