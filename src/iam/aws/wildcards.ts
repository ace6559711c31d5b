/**
 * What is too broad in one Allow statement: `Action: "*"`, wildcards that reach privileged actions, Allow with
 * NotAction, privileged actions on `Resource: "*"` that a resource ARN could narrow, and the values that cannot be
 * judged yet (Unknown). An action name the dataset does not know grants nothing known: it is
 * the policy-validity rule's finding, not a privilege. Pure analysis; no-wildcard-privilege turns these into findings.
 */
import type { Catalog } from '../../../catalog/types.js';
import { hasWildcard } from '../../util/glob.js';
import { isUnknown, type PolicyStatement, type PolicyValue, type Unknown } from '../../model/model.js';
import { actionListKey, actionMatches, expandActionPattern, type AwsAction } from './actions.js';
import { appliesToStar } from './evaluate.js';
import { namesOnlyAwsManagedPolicies } from './managed.js';
import { privilegedCategory, privilegedEntry } from './privileged.js';
import { conditionRestricts, statementMayName, statementReachesEveryResource } from './resource-scope.js';

export type WildcardIssueKind =
  | 'all-actions'
  | 'wildcard-action'
  | 'not-action'
  | 'privileged-on-any-resource'
  | 'unknown-action'
  | 'unknown-resource';

interface WildcardIssueFields {
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

export type WildcardIssue = WildcardIssueFields & { kind: WildcardIssueKind };

/** A pattern made only of `*` (and a `:`) stands for every action: `*`, `*:*`. */
const ALL_ACTIONS = /^\*+(:\*+)?$/;

/**
 * What an Action list alone gives: its issues, and the spelled-out privileged actions no reported wildcard covers that
 * AWS can scope to a resource. A spelled-out action AWS cannot scope (the Service Authorization Reference lists no
 * resource type for it: logs:PutResourcePolicy, events:PutPermission) is granted by `Resource: "*"` alone, so there
 * `*` is the narrowest grant there is, not a wildcard: whether the identity may hold the action at all is its
 * entitlements' question (require-entitlement counts it on `*`, and an entitlement that allows it is privileged),
 * and whether it opens an escalation path is no-privilege-escalation's. In a wildcard (`logs:*`) it still counts.
 */
interface ActionJudgement {
  issues: readonly WildcardIssue[];
  exposed: AwsAction[];
}

/**
 * Judgements of Action lists per catalog, keyed by the list's text: CDK apps repeat the same few lists across
 * thousands of statements (and a managed policy's across every identity holding it), so each is judged once.
 */
const judgedActionLists = new WeakMap<Catalog, Map<string, ActionJudgement>>();

const NO_ISSUES: readonly WildcardIssue[] = [];

export function wildcardIssues(statement: PolicyStatement, catalog: Catalog): readonly WildcardIssue[] {
  if (statement.effect !== 'Allow') return NO_ISSUES;
  const judged = judgeActionList(statement.action ?? [], catalog);
  const { exposed } = judged;
  // On AWS managed policies only, no action writes (managed.ts): `*` there reads AWS's published documents.
  if (namesOnlyAwsManagedPolicies(statement))
    return [
      ...(statement.notAction ? [notActionIssue(statement.notAction, catalog)] : []),
      ...judged.issues.filter((issue) => issue.kind === 'unknown-action'),
    ];
  const issues = appliesToStar(statement) ? judged.issues : onlyNameable(judged.issues, statement);
  // A Condition takes an action off the list only if it can restrict that action (resource-scope.ts conditionRestricts).
  const unrestricted =
    exposed.length > 0 && statement.condition
      ? exposed.filter((action) => !conditionRestricts(statement.condition, action))
      : exposed;
  const onResources = unrestricted.length > 0 ? resourceIssues(statement, unrestricted) : NO_ISSUES;
  if (!statement.notAction && onResources.length === 0) return issues;
  const notAction = statement.notAction ? [notActionIssue(statement.notAction, catalog)] : [];
  return [...(appliesToStar(statement) ? notAction : onlyNameable(notAction, statement)), ...issues, ...onResources];
}

/**
 * The issues with only the privileged actions the statement's Resource can name, for a statement that names resources
 * (no value matches `*`): `s3:*` on `arn:aws:s3:::examplebucket1/*` holds s3:PutObjectAcl on every object there, but
 * no s3:PutBucketPolicy, whose bucket ARN holds no `/` (resource-scope.ts statementMayName), so a wildcard's count and
 * examples name what it grants there. An action AWS cannot scope (no resource type) is authorized against `*` alone
 * (evaluate.ts appliesToStar; the Service Authorization Reference asks for "*" in the Resource element), which no such
 * statement matches: `logs:*` on a log group grants no logs:PutResourcePolicy. NotAction counts as the wildcard it is.
 * A wildcard left with no privileged action is no issue; `*` and NotAction still are (every action on those
 * resources; every other action).
 */
function onlyNameable(issues: readonly WildcardIssue[], statement: PolicyStatement): readonly WildcardIssue[] {
  // Most statements have no issue: no callbacks made for them.
  if (issues.length === 0) return issues;
  const nameable = (action: AwsAction) => action.scopable && statementMayName(statement, action);
  if (
    !issues.some(
      (issue) =>
        issue.kind !== 'unknown-action' && issue.kind !== 'unknown-resource' && !issue.privileged.every(nameable),
    )
  )
    return issues;
  return issues.flatMap((issue) => {
    if (issue.kind === 'unknown-action' || issue.kind === 'unknown-resource') return [issue];
    const privileged = issue.privileged.filter(nameable);
    return issue.kind === 'wildcard-action' && privileged.length === 0 ? [] : [{ ...issue, privileged }];
  });
}

function judgeActionList(values: PolicyValue[], catalog: Catalog): ActionJudgement {
  const key = actionListKey(values);
  // An Unknown value is its own issue object (it carries the Unknown): such a list is judged each time.
  if (key === undefined) return judgeActions(values, catalog);
  let judged = judgedActionLists.get(catalog);
  if (!judged) judgedActionLists.set(catalog, (judged = new Map<string, ActionJudgement>()));
  let judgement = judged.get(key);
  if (!judgement) judged.set(key, (judgement = judgeActions(values, catalog)));
  return judgement;
}

function judgeActions(values: PolicyValue[], catalog: Catalog): ActionJudgement {
  const issues: WildcardIssue[] = [];
  const spelledOut: AwsAction[] = [];
  const wildcards: string[] = [];
  for (const value of values) {
    if (isUnknown(value)) {
      issues.push({ kind: 'unknown-action', values: [], privileged: [], expanded: 0, unknown: value });
      continue;
    }
    const expansion = expandActionPattern(value);
    if (expansion.length === 0) {
      continue;
    } else if (ALL_ACTIONS.test(value)) {
      issues.push({
        kind: 'all-actions',
        detail: `Action::${value}`,
        values: [value],
        privileged: privilegedOf(expansion, catalog),
        expanded: expansion.length,
      });
      wildcards.push(value);
    } else if (hasWildcard(value)) {
      const privileged = privilegedOf(expansion, catalog);
      if (privileged.length > 0) {
        issues.push({
          kind: 'wildcard-action',
          detail: `Action::${value}`,
          values: [value],
          privileged,
          expanded: expansion.length,
        });
        wildcards.push(value);
      }
    } else {
      spelledOut.push(...expansion);
    }
  }
  const exposed = privilegedOf(spelledOut, catalog).filter(
    (action) => action.scopable && !wildcards.some((pattern) => actionMatches(pattern, action.name)),
  );
  return { issues, exposed };
}

function notActionIssue(notAction: PolicyValue[], catalog: Catalog): WildcardIssue {
  const excluded = notAction.filter((value): value is string => typeof value === 'string');
  const allowed = expandActionPattern('*').filter(
    (action) => !excluded.some((pattern) => actionMatches(pattern, action.name)),
  );
  const written = notAction.map((value) => (isUnknown(value) ? value.description : value));
  return {
    kind: 'not-action',
    detail: `NotAction::${written.join(',')}`,
    values: written,
    privileged: privilegedOf(allowed, catalog),
    expanded: allowed.length,
  };
}

/**
 * Spelled-out privileged actions (each one AWS can scope) on every resource, in any spelling that matches every ARN of
 * the action's resource types (`*`, `arn:*`, `arn:aws:iam::*:role/*` for iam:PassRole; NotResource), or on a resource
 * not known yet.
 */
function resourceIssues(statement: PolicyStatement, exposed: AwsAction[]): readonly WildcardIssue[] {
  const resources = statement.resource ?? [];
  const everywhere = exposed.filter((action) => statementReachesEveryResource(statement, action));
  if (everywhere.length > 0)
    return [
      {
        kind: 'privileged-on-any-resource',
        detail: 'Resource::*',
        values: namesOf(everywhere),
        privileged: everywhere,
        expanded: everywhere.length,
      },
    ];
  const unknown = resources.find(isUnknown);
  return unknown
    ? [{ kind: 'unknown-resource', values: namesOf(exposed), privileged: exposed, expanded: exposed.length, unknown }]
    : NO_ISSUES;
}

function namesOf(actions: AwsAction[]): string[] {
  return actions.map((action) => action.name);
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
