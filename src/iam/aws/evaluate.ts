/**
 * Evaluation of AWS identity-based policies (no SCPs, permissions boundaries or resource policies).
 *
 * Unknown values are resolved in the direction that never hides privilege: an Unknown widens an Allow
 * (an unknown NotAction entry excludes nothing) and narrows a Deny (an unknown Deny action removes nothing).
 * Rules that need a decision ask `unknownGrantOf` (per held document: support/held-policies.ts `unknownHeldGrant`) and
 * report pending.
 */
import {
  isUnknown,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyValue,
  type Unknown,
} from '../../model/model.js';
import { globMatch, hasWildcard } from '../../util/glob.js';
import {
  actionListKey,
  actionMatches,
  expandActionPattern,
  isServiceRead,
  lookupAction,
  servicesRead,
  type AwsAction,
} from './actions.js';

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
  const allowed = new Map<string, AllowedAction>();
  let hasDeny = false;
  for (const document of documents) {
    if (document.unreadable) continue;
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow') {
        hasDeny = true;
        continue;
      }
      let onEveryResource: boolean | undefined;
      for (const action of actionsOf(statement, 'allow')) {
        // An action AWS cannot scope is authorized against "*" only: a statement naming resources does not grant it.
        if (!action.scopable && !(onEveryResource ??= appliesToStar(statement))) continue;
        addAllowance(allowed, action, statement);
      }
    }
  }
  // Most identities hold no Deny at all: skip the second pass.
  if (hasDeny) removeDenied(allowed, documents);
  // The built-in string sort (by UTF-16 code units, like `<`) needs no comparator calls.
  const sorted: AllowedAction[] = [];
  for (const name of [...allowed.keys()].sort()) {
    const allowance = allowed.get(name);
    if (allowance) sorted.push(allowance);
  }
  return sorted;
}

/**
 * True when the statement can apply to a request whose resource is `*`, the only resource AWS authorizes an action
 * without resource types against (Service Authorization Reference: such actions need all resources, "*", in the
 * Resource element). `Resource: "arn:aws:logs:…:log-group:app*"` never matches it, so `logs:*` there grants no
 * logs:PutResourcePolicy. A value not known yet, and a statement without Resource, may (fail closed).
 */
export function appliesToStar(statement: PolicyStatement): boolean {
  // Indexed loops without callbacks: asked of every statement, and inlined into the rules' per-statement checks.
  const notResource = statement.notResource;
  if (notResource) {
    for (let index = 0; index < notResource.length; index++) {
      const value = notResource[index];
      if (value !== undefined && !isUnknown(value) && globMatch(value, '*')) return false;
    }
    return true;
  }
  const resource = statement.resource;
  if (!resource) return true;
  for (let index = 0; index < resource.length; index++) {
    const value = resource[index];
    if (value !== undefined && (isUnknown(value) || globMatch(value, '*'))) return true;
  }
  return false;
}

function removeDenied(allowed: Map<string, AllowedAction>, documents: PolicyDocument[]): void {
  for (const statement of readableStatements(documents)) {
    if (statement.effect === 'Deny' && removesEntirely(statement)) {
      for (const action of actionsOf(statement, 'deny')) allowed.delete(action.name);
    }
  }
}

/** Some actions a rule asks about (the escalation paths' actions, every IAM action): what allowancesFor walks. */
export interface ActionSelection {
  /** How many actions it holds, at most (a lazily looked-up selection counts its names, some maybe unknown). */
  readonly size: number;
  /** Whether the action is one of the selection's. */
  has(action: AwsAction): boolean;
  /** Its known actions of the services read so far (isServiceRead): an action of another service is in no expansion yet. */
  readActions(): readonly AwsAction[];
  /** All its known actions (a lazily looked-up selection reads its services' data for them). */
  everyAction(): readonly AwsAction[];
}

/** A selection of known actions, with their names. */
export interface ActionSubset extends ActionSelection {
  actions: readonly AwsAction[];
  names: ReadonlySet<string>;
}

/** A subset of the given actions, each once; build it once and ask with it for every identity. */
export function actionSubset(actions: readonly AwsAction[]): ActionSubset {
  const byName = new Map(actions.map((action) => [action.name, action]));
  const unique = [...byName.values()];
  const members = new Set(unique);
  return {
    actions: unique,
    names: new Set(byName.keys()),
    size: unique.length,
    has: (action) => members.has(action),
    readActions: () => unique,
    everyAction: () => unique,
  };
}

/**
 * The actions of these names (as written, any case: `iam:PassRole`; unknown ones left out), looked up in the action
 * data one service at a time, when a statement first holds an action of that service: a rule that names actions of
 * thirty services (the escalation paths) does not read thirty services' data for a change whose policies use three.
 * Build it once and ask with it for every identity.
 */
export function actionsNamed(names: readonly string[]): ActionSelection {
  /** Lower-case service prefix -> the names of that service. */
  const namesByService = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    const separator = lower.indexOf(':');
    if (separator <= 0 || seen.has(lower)) continue;
    seen.add(lower);
    const service = lower.slice(0, separator);
    const list = namesByService.get(service);
    if (list) list.push(name);
    else namesByService.set(service, [name]);
  }
  const members = new Set<AwsAction>();
  const looked = new Set<string>();
  /** One service's names looked up (cheap once the service is read: it is when asked) and added to members. */
  const lookUp = (service: string) => {
    looked.add(service);
    for (const name of namesByService.get(service) ?? []) {
      const action = lookupAction(name);
      if (action) members.add(action);
    }
  };
  let read: { services: number; actions: readonly AwsAction[] } | undefined;
  let every: readonly AwsAction[] | undefined;
  return {
    size: seen.size,
    has(action) {
      if (!looked.has(action.service)) lookUp(action.service);
      return members.has(action);
    },
    readActions() {
      const count = servicesRead();
      if (read?.services !== count) {
        for (const service of namesByService.keys())
          if (!looked.has(service) && isServiceRead(service)) lookUp(service);
        read = { services: count, actions: [...members] };
      }
      return read.actions;
    },
    everyAction() {
      // Once every service is looked up, the members are all there are: one list for every later statement.
      if (!every) {
        for (const service of namesByService.keys()) if (!looked.has(service)) lookUp(service);
        every = [...members];
      }
      return every;
    },
  };
}

/**
 * The entries effectiveAllows would list for the subset's actions, by action name (in no particular order), without
 * expanding the documents' other actions: an identity allowed `*` is allowed some twenty thousand, and the escalation
 * and administrator checks ask about a few hundred. Each entry has the same resources, statements and condition as
 * effectiveAllows gives it.
 */
export function allowancesFor(documents: PolicyDocument[], subset: ActionSelection): Map<string, AllowedAction> {
  const allowed = new Map<string, AllowedAction>();
  let hasDeny = false;
  // Indexed: once per identity and rule that asks, mostly cold, and cheaper to optimize than for…of.
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d];
    if (document === undefined || document.unreadable) continue;
    const statements = document.statements;
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s];
      if (statement === undefined) continue;
      if (statement.effect !== 'Allow') {
        hasDeny = true;
        continue;
      }
      let onEveryResource: boolean | undefined;
      forEachInSubset(statement, 'allow', subset, (action) => {
        // As in effectiveAllows: an action AWS cannot scope is granted only by a statement that applies to "*".
        if (action.scopable || (onEveryResource ??= appliesToStar(statement))) addAllowance(allowed, action, statement);
      });
    }
  }
  if (hasDeny && allowed.size > 0) {
    for (const statement of readableStatements(documents)) {
      if (statement.effect === 'Deny' && removesEntirely(statement))
        forEachInSubset(statement, 'deny', subset, (action) => allowed.delete(action.name));
    }
  }
  return allowed;
}

/** The statement's actions (actionsOf) that are in the subset, each once, walking the smaller of the two. */
function forEachInSubset(
  statement: PolicyStatement,
  mode: Mode,
  subset: ActionSelection,
  visit: (action: AwsAction) => void,
): void {
  // A list that may stand for many services' actions (`*`, NotAction, `*:Get*`), not expanded yet: expanding it would
  // read the data of every service it may name (all of them for AdministratorAccess's `*`), where the selection's
  // actions are few. Each is matched against the list's patterns instead, as the expansion would have matched it.
  if (mayNameManyServices(statement) && !isExpanded(statement)) {
    // Indexed: this runs once per candidate action of every such statement, and measured cheaper than for…of.
    const candidates = subset.everyAction();
    for (let index = 0; index < candidates.length; index++) {
      const candidate = candidates[index];
      if (candidate !== undefined && statementNamesAction(statement, mode, candidate.name)) visit(candidate);
    }
    return;
  }
  const actions = actionsOf(statement, mode);
  if (actions.length <= subset.size) {
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      if (action !== undefined && subset.has(action)) visit(action);
    }
    return;
  }
  // Every action of the statement is of a service already read, so the subset's read actions are all it can hold.
  const names = namesOf(actions);
  for (const candidate of subset.readActions()) if (names.has(candidate.name)) visit(candidate);
}

/** Whether the statement's action list may name actions of more than the services it spells out: NotAction, none, a service wildcard. */
function mayNameManyServices(statement: PolicyStatement): boolean {
  const values = statement.action;
  if (!values) return true;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'string') continue;
    const separator = value.indexOf(':');
    if (separator <= 0 || hasWildcard(value.slice(0, separator))) return true;
  }
  return false;
}

/** Whether the statement's list has been expanded and kept (allowedActionsOf). */
function isExpanded(statement: PolicyStatement): boolean {
  if (statementLists.has(statement)) return true;
  const values = statement.action ?? statement.notAction ?? [];
  const listKey = actionListKey(values);
  return listKey !== undefined && listExpansions.has(`${statement.action ? 'Action' : 'NotAction'}\u0001${listKey}`);
}

/**
 * Whether the known action is among actionsOf(statement, mode), by its patterns: an expansion holds the known actions
 * a pattern matches (case-insensitive glob over the whole name), and NotAction every action none of its known
 * patterns matches (a Deny whose NotAction holds an Unknown removes nothing).
 */
function statementNamesAction(statement: PolicyStatement, mode: Mode, name: string): boolean {
  const values = statement.action ?? statement.notAction ?? [];
  // Indexed loops: called once per (statement, candidate action), measured cheaper than for…of (see forEachInSubset).
  if (statement.action) {
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (typeof value === 'string' && actionMatches(value, name)) return true;
    }
    return false;
  }
  if (mode === 'deny' && values.some(isUnknown)) return false;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value === 'string' && actionMatches(value, name)) return false;
  }
  return true;
}

/** Name sets of large expansions, by the expansion list (shared by statements; see allowedActionsOf), built when first asked. */
const expansionNames = new WeakMap<readonly AwsAction[], ReadonlySet<string>>();

function namesOf(actions: readonly AwsAction[]): ReadonlySet<string> {
  const cached = expansionNames.get(actions);
  if (cached) return cached;
  const names = new Set(actions.map((action) => action.name));
  // Only shared expansions are worth keeping: a list with an Unknown value is expanded afresh each time.
  return isSharedExpansion(actions) ? keepWithin(names.size, () => expansionNames.set(actions, names), names) : names;
}

const sharedExpansions = new WeakSet<readonly AwsAction[]>();

function isSharedExpansion(actions: readonly AwsAction[]): boolean {
  return sharedExpansions.has(actions);
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
    if (!statementCoversAction(statement, action, mode) || !statementCoversResource(statement, resource, mode))
      continue;
    if (mode === 'deny' && !statement.condition) return 'deny';
    if (mode === 'allow') decision = 'allow';
  }
  return decision;
}

/**
 * Per document (null: none). Memoized: the entitlement and escalation rules both ask for every held document,
 * and an AWS managed policy's document is held by thousands of identities. Documents are never modified.
 */
const unknownGrants = new WeakMap<PolicyDocument, Unknown | null>();

/**
 * The first value that makes the document's grants undecidable: the document unreadable, or an Unknown in the Action
 * or NotAction of an Allow statement. Rules report pending on it.
 */
export function unknownGrantOf(document: PolicyDocument): Unknown | undefined {
  let unknown = unknownGrants.get(document);
  if (unknown === undefined) unknownGrants.set(document, (unknown = firstUnknownGrant(document) ?? null));
  return unknown ?? undefined;
}

function firstUnknownGrant(document: PolicyDocument): Unknown | undefined {
  if (document.unreadable) return document.unreadable;
  const statements = document.statements;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (statement === undefined || statement.effect !== 'Allow') continue;
    const unknown = firstUnknown(statement.action) ?? firstUnknown(statement.notAction);
    if (unknown) return unknown;
  }
  return undefined;
}

function firstUnknown(values: PolicyValue[] | undefined): Unknown | undefined {
  if (!values) return undefined;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (isUnknown(value)) return value;
  }
  return undefined;
}

type Mode = 'allow' | 'deny';

function readableStatements(documents: PolicyDocument[]): PolicyStatement[] {
  return documents.filter((document) => !document.unreadable).flatMap((document) => document.statements);
}

/** An Action or NotAction list's known actions, with a key shared by equal lists (see allowedActionsOf). */
export interface StatementActions {
  key: string;
  actions: readonly AwsAction[];
}

/**
 * Expansions of Action and NotAction lists, by their patterns: policies repeat the same lists across identities and
 * rules, and a NotAction list stands for nearly every action (some twenty thousand). A change of thousands of
 * distinct lists that each stand for thousands of actions would fill the heap: past CACHED_ACTIONS actions kept
 * (here and in expansionNames), further lists are expanded each time they are asked for.
 */
const listExpansions = new Map<string, StatementActions>();
const CACHED_ACTIONS = 2_000_000;
let cachedActions = 0;

function keepWithin<T>(size: number, keep: () => void, value: T): T {
  if (cachedActions + size <= CACHED_ACTIONS) {
    cachedActions += size;
    keep();
  }
  return value;
}

/**
 * The known actions an Allow statement names, its Action patterns expanded or every action but its NotAction ones,
 * shared by every statement with the same list; undefined when a value is Unknown (see actionsOf).
 */
export function allowedActionsOf(statement: PolicyStatement): StatementActions | undefined {
  const known = statementLists.get(statement);
  if (known) return known;
  const values = statement.action ?? statement.notAction ?? [];
  const listKey = actionListKey(values);
  if (listKey === undefined) return undefined;
  const key = `${statement.action ? 'Action' : 'NotAction'}\u0001${listKey}`;
  const cached = listExpansions.get(key);
  if (cached) {
    statementLists.set(statement, cached);
    return cached;
  }
  const entry = { key, actions: statement.action ? expandKnownPatterns(values) : allActionsExcept(values as string[]) };
  return keepWithin(
    entry.actions.length + 1,
    () => (listExpansions.set(key, entry), sharedExpansions.add(entry.actions), statementLists.set(statement, entry)),
    entry,
  );
}

/**
 * Each statement's kept list (listExpansions), once asked: the envelope, escalation and privilege checks all ask for
 * the same statements, and each ask would build the list's key again. A list not kept is not remembered here either.
 */
const statementLists = new WeakMap<PolicyStatement, StatementActions>();

/** The known actions a statement names: its Action patterns expanded, or every action but its NotAction patterns. */
function actionsOf(statement: PolicyStatement, mode: Mode): readonly AwsAction[] {
  // Deny + NotAction with an Unknown exclusion might exclude anything: it removes nothing.
  if (mode === 'deny' && !statement.action && (statement.notAction ?? []).some(isUnknown)) return [];
  const known = allowedActionsOf(statement);
  if (known) return known.actions;
  // A list with an Unknown value is expanded each time: only its known patterns count.
  return statement.action
    ? expandKnownPatterns(statement.action)
    : allActionsExcept(knownStrings(statement.notAction ?? []));
}

function allActionsExcept(excluded: readonly string[]): AwsAction[] {
  return expandActionPattern('*').filter((action) => !excluded.some((pattern) => actionMatches(pattern, action.name)));
}

function expandKnownPatterns(values: PolicyValue[]): AwsAction[] {
  return uniqueActions(knownStrings(values).flatMap(expandActionPattern));
}

/** A Deny removes an action outright only when it has no Condition and covers every resource. */
function removesEntirely(statement: PolicyStatement): boolean {
  return !statement.condition && !statement.notResource && (statement.resource ?? []).includes('*');
}

const ALL_RESOURCES: readonly PolicyValue[] = ['*'];

function addAllowance(allowed: Map<string, AllowedAction>, action: AwsAction, statement: PolicyStatement): void {
  const existing = allowed.get(action.name);
  if (existing) widenAllowance(existing, statement);
  else
    allowed.set(
      action.name,
      newAllowance(action, statement.notResource ? ALL_RESOURCES : (statement.resource ?? ALL_RESOURCES), statement),
    );
}

/** One more statement allowing the action: its resources, exclusions and condition join the allowance. */
function widenAllowance(existing: AllowedAction, statement: PolicyStatement): void {
  const resources = statement.notResource ? ALL_RESOURCES : (statement.resource ?? ALL_RESOURCES);
  for (const resource of resources) addResource(existing.resources, resource);
  if (statement.notResource) {
    if (existing.notResources) for (const value of statement.notResource) existing.notResources.push(value);
    else existing.notResources = statement.notResource.slice();
  }
  existing.conditional &&= Boolean(statement.condition);
  existing.statements.push(statement);
}

/**
 * The resources of an allowance, unique, in first-seen order. A policy of 100,000 statements each granting the same
 * action on another resource must not search the list once per statement: past a few entries a Set beside the list
 * answers instead (kept aside, so the AllowedAction objects stay as they are).
 */
const resourceSets = new WeakMap<PolicyValue[], Set<PolicyValue>>();
const SMALL_LIST = 16;

function addResource(list: PolicyValue[], value: PolicyValue): void {
  if (list.length < SMALL_LIST) {
    if (!list.includes(value)) list.push(value);
    return;
  }
  let seen = resourceSets.get(list);
  if (!seen) resourceSets.set(list, (seen = new Set(list)));
  if (seen.has(value)) return;
  seen.add(value);
  list.push(value);
}

/**
 * The allowance as far as `statements` (some of its own) allow the action: their resources, exclusions and conditions
 * only, so that what a rule prints is what those statements grant; undefined when there are none. An explicit Deny
 * removes an action outright or not at all (removesEntirely), so rebuilding from the statements loses nothing.
 */
export function narrowAllowance(
  entry: AllowedAction,
  statements: readonly PolicyStatement[],
): AllowedAction | undefined {
  if (statements.length === entry.statements.length) return entry;
  const [first, ...rest] = statements;
  if (first === undefined) return undefined;
  const narrowed = newAllowance(
    entry.action,
    first.notResource ? ALL_RESOURCES : (first.resource ?? ALL_RESOURCES),
    first,
  );
  for (const statement of rest) widenAllowance(narrowed, statement);
  return narrowed;
}

/** Object literals rather than spreads: one is built per allowed action per identity. */
function newAllowance(action: AwsAction, resources: readonly PolicyValue[], statement: PolicyStatement): AllowedAction {
  const conditional = Boolean(statement.condition);
  return statement.notResource
    ? {
        action,
        resources: resources.slice(),
        notResources: statement.notResource.slice(),
        conditional,
        statements: [statement],
      }
    : { action, resources: resources.slice(), conditional, statements: [statement] };
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
