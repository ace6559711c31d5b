/**
 * What is too broad in one Allow statement: `Action: "*"`, wildcards that reach privileged actions, Allow with
 * NotAction, privileged actions on `Resource: "*"`, and the values that cannot be judged (Unknown, unrecognized).
 * Pure analysis; the rule no-wildcard-privilege turns these into findings.
 */
import type { Catalog } from '../../../catalog/types.js';
import { hasWildcard } from '../../util/glob.js';
import { isUnknown, type PolicyStatement, type PolicyValue, type Unknown } from '../../model/model.js';
import { actionMatches, expandActionPattern, type AwsAction } from './actions.js';
import { privilegedCategory, privilegedEntry } from './privileged.js';

export type WildcardIssueKind =
  | 'all-actions'
  | 'wildcard-action'
  | 'not-action'
  | 'privileged-on-any-resource'
  | 'unknown-action'
  | 'unrecognized-action'
  | 'unknown-resource';

export interface WildcardIssue {
  kind: WildcardIssueKind;
  /** cdk-nag-style key: `Action::*`, `Action::iam:*`, `NotAction::iam:*`, `Resource::*`; absent for pending issues. */
  detail?: string;
  /** The offending values as written (a pattern, the NotAction list, the spelled-out privileged actions). */
  values: string[];
  /** Privileged actions behind the issue, catalog-named ones first. */
  privileged: AwsAction[];
  /** How many actions the offending values stand for. */
  expanded: number;
  /** The value that could not be read, for pending issues. */
  unknown?: Unknown;
}

/** A pattern made only of `*` (and a `:`) stands for every action: `*`, `*:*`. */
const ALL_ACTIONS = /^\*+(:\*+)?$/;

/** Issues per statement and catalog: a managed policy's statements are judged once, not once per identity holding it. */
const judged = new WeakMap<PolicyStatement, { catalog: Catalog; issues: readonly WildcardIssue[] }>();

export function wildcardIssues(statement: PolicyStatement, catalog: Catalog): readonly WildcardIssue[] {
  const cached = judged.get(statement);
  if (cached?.catalog === catalog) return cached.issues;
  const issues = judgeStatement(statement, catalog);
  judged.set(statement, { catalog, issues });
  return issues;
}

function judgeStatement(statement: PolicyStatement, catalog: Catalog): WildcardIssue[] {
  if (statement.effect !== 'Allow') return [];
  const issues: WildcardIssue[] = [];
  if (statement.notAction) issues.push(notActionIssue(statement.notAction, catalog));
  const spelledOut: AwsAction[] = [];
  const wildcards: string[] = [];
  for (const value of statement.action ?? []) {
    if (isUnknown(value)) {
      issues.push({ kind: 'unknown-action', values: [], privileged: [], expanded: 0, unknown: value });
      continue;
    }
    const expansion = expandActionPattern(value);
    if (expansion.length === 0) {
      issues.push({ kind: 'unrecognized-action', values: [value], privileged: [], expanded: 0 });
    } else if (ALL_ACTIONS.test(value)) {
      issues.push({ kind: 'all-actions', detail: `Action::${value}`, values: [value], privileged: privilegedOf(expansion, catalog), expanded: expansion.length });
      wildcards.push(value);
    } else if (hasWildcard(value)) {
      const privileged = privilegedOf(expansion, catalog);
      if (privileged.length > 0) {
        issues.push({ kind: 'wildcard-action', detail: `Action::${value}`, values: [value], privileged, expanded: expansion.length });
        wildcards.push(value);
      }
    } else {
      spelledOut.push(...expansion);
    }
  }
  const exposed = privilegedOf(spelledOut, catalog).filter((action) => !wildcards.some((pattern) => actionMatches(pattern, action.name)));
  if (exposed.length > 0 && !statement.condition) issues.push(...resourceIssues(statement, exposed));
  return issues;
}

function notActionIssue(notAction: PolicyValue[], catalog: Catalog): WildcardIssue {
  const excluded = notAction.filter((value): value is string => typeof value === 'string');
  const allowed = expandActionPattern('*').filter((action) => !excluded.some((pattern) => actionMatches(pattern, action.name)));
  const written = notAction.map((value) => (isUnknown(value) ? value.description : value));
  return { kind: 'not-action', detail: `NotAction::${written.join(',')}`, values: written, privileged: privilegedOf(allowed, catalog), expanded: allowed.length };
}

/** Spelled-out privileged actions on every resource (`*` or NotResource), or on a resource not known yet. */
function resourceIssues(statement: PolicyStatement, exposed: AwsAction[]): WildcardIssue[] {
  const names = exposed.map((action) => action.name);
  const resources = statement.resource ?? [];
  if (statement.notResource || resources.includes('*')) {
    return [{ kind: 'privileged-on-any-resource', detail: 'Resource::*', values: names, privileged: exposed, expanded: exposed.length }];
  }
  const unknown = resources.find(isUnknown);
  return unknown ? [{ kind: 'unknown-resource', values: names, privileged: exposed, expanded: exposed.length, unknown }] : [];
}

/** The privileged actions among these, unique; those the catalog names come first, in catalog order (the recognizable ones), then by name. */
function privilegedOf(actions: AwsAction[], catalog: Catalog): AwsAction[] {
  const unique = [...new Map(actions.map((action) => [action.name, action])).values()];
  const rank = (action: AwsAction) => {
    const entry = privilegedEntry(action, catalog);
    return entry ? catalog.privilegedActions.indexOf(entry) : catalog.privilegedActions.length;
  };
  return unique
    .filter((action) => privilegedCategory(action, catalog) !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
