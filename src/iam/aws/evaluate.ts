/**
 * Evaluation of AWS identity-based policies (no SCPs, permissions boundaries or resource policies).
 *
 * Unknown values are resolved in the direction that never hides privilege: an Unknown widens an Allow
 * (an unknown NotAction entry excludes nothing) and narrows a Deny (an unknown Deny action removes nothing).
 * Rules that need a decision ask `hasUnknownGrant` and report pending.
 */
import { isUnknown, type PolicyDocument, type PolicyStatement, type PolicyValue, type Unknown } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { actionMatches, expandActionPattern, type AwsAction } from './actions.js';

export interface AllowedAction {
  action: AwsAction;
  /** Union of the Resource values of the allowing statements; a NotResource statement contributes `'*'`. */
  resources: PolicyValue[];
  /** NotResource values of the allowing statements that used NotResource (the `'*'` above is "all but these"). */
  notResources?: PolicyValue[];
  /** True when every allowing statement has a Condition. */
  conditional: boolean;
  statements: PolicyStatement[];
}

export type Decision = 'allow' | 'deny' | 'implicit-deny';

/** Every known action the documents allow, after explicit Deny, sorted by action name. Unreadable documents are skipped. */
export function effectiveAllows(documents: PolicyDocument[]): AllowedAction[] {
  const statements = readableStatements(documents);
  const allowed = new Map<string, AllowedAction>();
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    for (const action of actionsOf(statement, 'allow')) addAllowance(allowed, action, statement);
  }
  for (const statement of statements) {
    if (statement.effect === 'Deny' && removesEntirely(statement)) {
      for (const action of actionsOf(statement, 'deny')) allowed.delete(action.name);
    }
  }
  return [...allowed.values()].sort((a, b) => (a.action.name < b.action.name ? -1 : a.action.name > b.action.name ? 1 : 0));
}

/**
 * The decision for one action on one resource. A conditional Allow counts as allowing (the condition may hold);
 * a conditional Deny does not count as denying (it may not). `resource = '*'` asks about every resource, so only
 * statements whose Resource covers `*` apply. Actions match case-insensitively, resources case-sensitively.
 */
export function isActionAllowed(documents: PolicyDocument[], action: string, resource = '*'): Decision {
  let decision: Decision = 'implicit-deny';
  for (const statement of readableStatements(documents)) {
    const mode = statement.effect === 'Allow' ? 'allow' : 'deny';
    if (!statementCoversAction(statement, action, mode) || !statementCoversResource(statement, resource, mode)) continue;
    if (mode === 'deny' && !statement.condition) return 'deny';
    if (mode === 'allow') decision = 'allow';
  }
  return decision;
}

/**
 * The first value that makes the documents' grants undecidable: an unreadable document, or an Unknown in the
 * Action or NotAction of an Allow statement. Rules report pending on it.
 */
export function hasUnknownGrant(documents: PolicyDocument[]): Unknown | undefined {
  for (const document of documents) {
    if (document.unreadable) return document.unreadable;
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow') continue;
      const unknown = [...(statement.action ?? []), ...(statement.notAction ?? [])].find(isUnknown);
      if (unknown) return unknown;
    }
  }
  return undefined;
}

type Mode = 'allow' | 'deny';

function readableStatements(documents: PolicyDocument[]): PolicyStatement[] {
  return documents.filter((document) => !document.unreadable).flatMap((document) => document.statements);
}

/** Expansions of Action lists, by their patterns: policies repeat the same lists across identities and rules. */
const actionListExpansions = new Map<string, readonly AwsAction[]>();

/** The known actions a statement names: its Action patterns expanded, or every action but its NotAction patterns. */
function actionsOf(statement: PolicyStatement, mode: Mode): readonly AwsAction[] {
  if (statement.action) {
    const patterns = knownStrings(statement.action);
    const key = patterns.join('\u0000');
    let actions = actionListExpansions.get(key);
    if (!actions) actionListExpansions.set(key, (actions = uniqueActions(patterns.flatMap(expandActionPattern))));
    return actions;
  }
  const excluded = knownStrings(statement.notAction ?? []);
  // Deny + NotAction with an Unknown exclusion might exclude anything: it removes nothing.
  if (mode === 'deny' && (statement.notAction ?? []).some(isUnknown)) return [];
  return expandActionPattern('*').filter((action) => !excluded.some((pattern) => actionMatches(pattern, action.name)));
}

/** A Deny removes an action outright only when it has no Condition and covers every resource. */
function removesEntirely(statement: PolicyStatement): boolean {
  return !statement.condition && !statement.notResource && (statement.resource ?? []).includes('*');
}

function addAllowance(allowed: Map<string, AllowedAction>, action: AwsAction, statement: PolicyStatement): void {
  const resources = statement.notResource ? ['*'] : (statement.resource ?? ['*']);
  const existing = allowed.get(action.name);
  if (!existing) {
    allowed.set(action.name, {
      action,
      resources: [...resources],
      ...(statement.notResource ? { notResources: [...statement.notResource] } : {}),
      conditional: Boolean(statement.condition),
      statements: [statement],
    });
    return;
  }
  for (const resource of resources) if (!existing.resources.includes(resource)) existing.resources.push(resource);
  if (statement.notResource) existing.notResources = [...(existing.notResources ?? []), ...statement.notResource];
  existing.conditional &&= Boolean(statement.condition);
  existing.statements.push(statement);
}

function statementCoversAction(statement: PolicyStatement, action: string, mode: Mode): boolean {
  if (statement.action) {
    // An Unknown action might be this one: it widens an Allow, never a Deny.
    return statement.action.some((pattern) => (isUnknown(pattern) ? mode === 'allow' : actionMatches(pattern, action)));
  }
  const notAction = statement.notAction ?? [];
  if (mode === 'deny' && notAction.some(isUnknown)) return false;
  return !knownStrings(notAction).some((pattern) => actionMatches(pattern, action));
}

function statementCoversResource(statement: PolicyStatement, resource: string, mode: Mode): boolean {
  if (statement.notResource) {
    // A Deny that spares some resources cannot be shown to cover a wildcard request or an Unknown exclusion.
    if (mode === 'deny' && (statement.notResource.some(isUnknown) || /[*?]/.test(resource))) return false;
    return !knownStrings(statement.notResource).some((pattern) => globMatch(pattern, resource));
  }
  const resources = statement.resource ?? ['*'];
  return resources.some((pattern) => (isUnknown(pattern) ? mode === 'allow' : globMatch(pattern, resource)));
}

function knownStrings(values: PolicyValue[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

function uniqueActions(actions: AwsAction[]): AwsAction[] {
  return [...new Map(actions.map((action) => [action.name, action])).values()];
}
