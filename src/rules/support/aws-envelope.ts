/**
 * Whether AWS grants stay within the union of entitlement envelopes (`{ actions, resources }` patterns), and the
 * narrowed statements that keep only what the envelopes allow.
 *
 * Resource patterns are compared by pattern containment (util/glob.ts globCovers), never as text: a granted pattern
 * is covered when every ARN it matches is matched by an envelope pattern (`arn:aws:s3:::reports-*` covers
 * `arn:aws:s3:::reports-2026/*`; an envelope `shard-?` prefix does not cover a granted `shard-*` one, which also
 * matches `shard-10`). Where the grant is the broader of the two, the narrowed statement uses the envelope's pattern.
 */
import type { AwsGrantEnvelope } from '../../../catalog/types.js';
import { actionMatches, expandActionPattern } from '../../iam/aws/actions.js';
import { allowedActionsOf, type StatementActions } from '../../iam/aws/evaluate.js';
import { isUnknown, type PolicyDocument, type PolicyValue } from '../../model/model.js';
import { globCovers, globMatch, hasWildcard } from '../../util/glob.js';

/** Per envelope list (catalog data every identity holding the same entitlements shares): action -> resource patterns. */
const resourcesByAction = new WeakMap<readonly AwsGrantEnvelope[], Map<string, string[]>>();

/**
 * The envelope resource patterns that apply to an action: those of every envelope with a matching action pattern.
 * The result is shared: do not modify it.
 */
export function envelopeResourcesFor(envelopes: readonly AwsGrantEnvelope[], action: string): readonly string[] {
  if (envelopes.length === 0) return [];
  let known = resourcesByAction.get(envelopes);
  if (!known) resourcesByAction.set(envelopes, (known = new Map<string, string[]>()));
  let resources = known.get(action);
  if (!resources)
    known.set(
      action,
      (resources = envelopes
        .filter((envelope) => envelopeCovers(envelope, action))
        .flatMap((envelope) => envelope.resources)),
    );
  return resources;
}

function envelopeCovers(envelope: AwsGrantEnvelope, action: string): boolean {
  return envelope.actions.some((pattern) => actionMatches(pattern, action));
}

/** True when some envelope pattern covers the granted resource (see the module note). */
export function resourceCovered(granted: string, envelopeResources: readonly string[]): boolean {
  for (let index = 0; index < envelopeResources.length; index++) {
    const pattern = envelopeResources[index];
    if (pattern !== undefined && patternCovers(pattern, granted)) return true;
  }
  return false;
}

function patternCovers(envelopePattern: string, granted: string): boolean {
  return globCovers(envelopePattern, granted);
}

/** The part of a granted resource an envelope pattern allows: the grant when it is within, the envelope when narrower. */
export function intersectResource(granted: string, envelopePattern: string): string | undefined {
  if (patternCovers(envelopePattern, granted)) return granted;
  if (globCovers(granted, envelopePattern)) return envelopePattern;
  return undefined;
}

/**
 * True when every Allow statement of the document grants only what the envelopes allow: each action of its Action
 * (or NotAction) list on each of its resources. A Deny can only take away, so it is not needed for a yes. Decided
 * once per envelope list, distinct action list and resource (`decided` keeps the answers, by list key and resource): an identity allowed `*`
 * holds some twenty thousand actions, and thousands of identities repeat the same statements. No is not a verdict:
 * the caller then judges action by action (which also names the first resource that cannot be read yet, so an
 * Unknown resource or action here is a no).
 */
export function documentWithinEnvelopes(
  document: PolicyDocument,
  envelopes: readonly AwsGrantEnvelope[],
  decided: Map<string, Map<string, boolean>>,
): boolean {
  if (document.unreadable) return true;
  // Indexed loops, here and in listWithin: run per identity, mostly cold, and cheaper to optimize than for…of's.
  const statements = document.statements;
  for (let s = 0; s < statements.length; s++) {
    const statement = statements[s];
    if (statement === undefined || statement.effect !== 'Allow') continue;
    const actions = allowedActionsOf(statement);
    if (!actions) return false;
    // As granted: NotResource is all but some, and no Resource at all is every resource.
    const resources = statement.notResource ? ALL_RESOURCES : (statement.resource ?? ALL_RESOURCES);
    for (let r = 0; r < resources.length; r++) {
      const resource = resources[r];
      if (resource === undefined) continue;
      if (isUnknown(resource) || !listWithin(envelopes, actions, resource, decided)) return false;
    }
  }
  return true;
}

const ALL_RESOURCES: readonly PolicyValue[] = ['*'];

function listWithin(
  envelopes: readonly AwsGrantEnvelope[],
  list: StatementActions,
  resource: string,
  decided: Map<string, Map<string, boolean>>,
): boolean {
  // By list, then resource: no key built from the two per statement and identity.
  let byResource = decided.get(list.key);
  if (!byResource) decided.set(list.key, (byResource = new Map<string, boolean>()));
  let within = byResource.get(resource);
  if (within === undefined) {
    within = true;
    // An action AWS cannot scope is granted on "*" only (evaluate.ts appliesToStar): on a named resource it is not granted.
    const onEveryResource = globMatch(resource, '*');
    const actions = list.actions;
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      if (action === undefined) continue;
      if (action.scopable || onEveryResource)
        within = resourceCovered(resource, envelopeResourcesFor(envelopes, action.name));
      if (!within) break;
    }
    byResource.set(resource, within);
  }
  return within;
}

export interface NarrowedStatement {
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
}

/**
 * Statements allowing exactly the given (action, resource) pairs, one per distinct action list. An envelope
 * action pattern whose every action is present is written as the pattern (`dynamodb:Get*`), other actions by name.
 */
export function narrowedStatements(
  pairs: Iterable<{ action: string; resource: string }>,
  envelopes: readonly AwsGrantEnvelope[],
): NarrowedStatement[] {
  const actionsByResource = new Map<string, Set<string>>();
  for (const { action, resource } of pairs) {
    let actions = actionsByResource.get(resource);
    if (!actions) actionsByResource.set(resource, (actions = new Set()));
    actions.add(action);
  }
  const patterns = wildcardActionPatterns(envelopes);
  const resourcesByActions = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [resource, actions] of [...actionsByResource].sort(([a], [b]) => compare(a, b))) {
    const written = compressActions(actions, patterns, resource);
    const key = written.join('\u0000');
    const entry = resourcesByActions.get(key) ?? { actions: written, resources: [] };
    entry.resources.push(resource);
    resourcesByActions.set(key, entry);
  }
  return [...resourcesByActions.values()].map(({ actions, resources }) => ({
    Effect: 'Allow',
    Action: oneOrList(actions),
    Resource: oneOrList(resources),
  }));
}

/** A list of one written as its value, as policies usually are. */
function oneOrList(values: string[]): string | string[] {
  const [first] = values;
  return values.length === 1 && first !== undefined ? first : values;
}

const wildcardPatterns = new WeakMap<readonly AwsGrantEnvelope[], string[]>();

/** The envelopes' distinct action patterns with wildcards, per envelope list (catalog data, shared by identities). */
function wildcardActionPatterns(envelopes: readonly AwsGrantEnvelope[]): string[] {
  let patterns = wildcardPatterns.get(envelopes);
  if (!patterns)
    wildcardPatterns.set(
      envelopes,
      (patterns = [...new Set(envelopes.flatMap((envelope) => envelope.actions))].filter(hasWildcard)),
    );
  return patterns;
}

function compressActions(actions: Set<string>, patterns: string[], resource: string): string[] {
  const written = new Set(actions);
  // On a named resource a pattern grants only the actions AWS can scope (the others are authorized against "*" only).
  const onEveryResource = globMatch(resource, '*');
  for (const pattern of patterns) {
    const expansion = expandActionPattern(pattern)
      .filter((action) => onEveryResource || action.scopable)
      .map((action) => action.name);
    if (expansion.length > 1 && expansion.every((name) => actions.has(name))) {
      for (const name of expansion) written.delete(name);
      written.add(pattern);
    }
  }
  return [...written].sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
