/**
 * Whether AWS grants stay within the union of entitlement envelopes (`{ actions, resources }` patterns), and the
 * narrowed statements that keep only what the envelopes allow.
 *
 * Resource patterns are compared as strings, an approximation of glob-over-glob containment: a granted `*` is
 * covered only by an envelope `*`; a granted pattern is covered when the envelope pattern matches it as text
 * (`arn:aws:s3:::reports-*` covers `arn:aws:s3:::reports-2026/*`). Where the grant is the broader of the two, the
 * narrowed statement uses the envelope's pattern instead.
 */
import type { AwsGrantEnvelope } from '../../../catalog/types.js';
import { actionMatches, expandActionPattern } from '../../iam/aws/actions.js';
import { globMatch, hasWildcard } from '../../util/glob.js';

/** The envelope resource patterns that apply to an action: those of every envelope with a matching action pattern. */
export function envelopeResourcesFor(envelopes: readonly AwsGrantEnvelope[], action: string): string[] {
  return envelopes.filter((envelope) => envelopeCovers(envelope, action)).flatMap((envelope) => envelope.resources);
}

/** Per envelope (catalog data every identity holding the entitlement shares): action -> whether a pattern matches it. */
const coveredActions = new WeakMap<AwsGrantEnvelope, Map<string, boolean>>();

function envelopeCovers(envelope: AwsGrantEnvelope, action: string): boolean {
  let known = coveredActions.get(envelope);
  if (!known) coveredActions.set(envelope, (known = new Map()));
  let covered = known.get(action);
  if (covered === undefined) known.set(action, (covered = envelope.actions.some((pattern) => actionMatches(pattern, action))));
  return covered;
}

/** True when some envelope pattern covers the granted resource (see the module note). */
export function resourceCovered(granted: string, envelopeResources: readonly string[]): boolean {
  return envelopeResources.some((pattern) => (granted === '*' ? pattern === '*' : globMatch(pattern, granted)));
}

/** The part of a granted resource an envelope pattern allows: the grant when it is within, the envelope when narrower. */
export function intersectResource(granted: string, envelopePattern: string): string | undefined {
  if (resourceCovered(granted, [envelopePattern])) return granted;
  if (globMatch(granted, envelopePattern)) return envelopePattern;
  return undefined;
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
export function narrowedStatements(pairs: Iterable<{ action: string; resource: string }>, envelopes: readonly AwsGrantEnvelope[]): NarrowedStatement[] {
  const actionsByResource = new Map<string, Set<string>>();
  for (const { action, resource } of pairs) {
    let actions = actionsByResource.get(resource);
    if (!actions) actionsByResource.set(resource, (actions = new Set()));
    actions.add(action);
  }
  const patterns = [...new Set(envelopes.flatMap((envelope) => envelope.actions))].filter(hasWildcard);
  const resourcesByActions = new Map<string, { actions: string[]; resources: string[] }>();
  for (const [resource, actions] of [...actionsByResource].sort(([a], [b]) => compare(a, b))) {
    const written = compressActions(actions, patterns);
    const key = written.join('\u0000');
    const entry = resourcesByActions.get(key) ?? { actions: written, resources: [] };
    entry.resources.push(resource);
    resourcesByActions.set(key, entry);
  }
  return [...resourcesByActions.values()].map(({ actions, resources }) => ({
    Effect: 'Allow',
    Action: actions.length === 1 ? actions[0]! : actions,
    Resource: resources.length === 1 ? resources[0]! : resources,
  }));
}

function compressActions(actions: Set<string>, patterns: string[]): string[] {
  const written = new Set(actions);
  for (const pattern of patterns) {
    const expansion = expandActionPattern(pattern).map((action) => action.name);
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
