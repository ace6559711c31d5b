/**
 * A quick proof that a policy document allows none of a few actions on every resource, read from its statements'
 * patterns instead of their expansion. A broad read-only policy names hundreds of services (SecurityAudit: 992
 * patterns over 192 services); asking whether it allows a privileged action on `*` by expanding it read and matched
 * some 14,000 actions on every first run (issue 23), where the privileged actions are a few hundred names.
 *
 * The answer is one-sided: false proves that no allowance effectiveAllows would give for the document holds one of
 * the actions with `*` among its resources; true means it may, and the caller evaluates the document as before.
 * Deny statements are not read (they only take allowances away), nor Conditions (they do not lower a level).
 */
import { isUnknown, type PolicyDocument } from '../../model/model.js';
import { globMatch, hasWildcard } from '../../util/glob.js';

/**
 * The actions asked about of one service (its lower-case prefix): their names, any case (`iam:AttachRolePolicy`);
 * undefined when they cannot be listed, which makes the proof give up.
 */
export type ActionNamesOf = (service: string) => readonly string[] | undefined;

/**
 * False when no Allow statement of the document that covers every resource (`*`, NotResource or no Resource: what
 * an allowance records as `*`) names one of the actions; true otherwise, and whenever the document cannot be read
 * this way: unreadable, a statement with NotAction or no Action (it names every action but a few), a pattern whose
 * service part is not spelled out (it may name any service's actions).
 */
export function mayAllowOnEveryResource(document: PolicyDocument, namesOf: ActionNamesOf): boolean {
  if (document.unreadable) return true;
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow') continue;
    if (statement.resource && !statement.notResource && !statement.resource.includes('*')) continue;
    if (!statement.action) return true;
    for (const pattern of statement.action) {
      // An Unknown value names no known action: the expansion leaves it out too.
      if (isUnknown(pattern)) continue;
      const service = servicePrefix(pattern);
      if (service === undefined) return true;
      const names = namesOf(service);
      if (!names) return true;
      // As the expansion matches (actionMatches): a case-insensitive glob over the whole name, with the pattern and the
      // names put in lower case once, not once per pair (a broad policy's hundreds of patterns meet each name again).
      const lowered = pattern.toLowerCase();
      const lowerNames = lowerCased(names);
      for (let index = 0; index < lowerNames.length; index++) {
        const name = lowerNames[index];
        if (name !== undefined && globMatch(lowered, name)) return true;
      }
    }
  }
  return false;
}

/** Each names list in lower case, kept for as long as its list (namesOf gives one list per service). */
const lowerCasedNames = new WeakMap<readonly string[], readonly string[]>();

function lowerCased(names: readonly string[]): readonly string[] {
  let lowered = lowerCasedNames.get(names);
  if (!lowered) lowerCasedNames.set(names, (lowered = names.map((name) => name.toLowerCase())));
  return lowered;
}

/** A pattern's service prefix in lower case; undefined when it has none or it has a wildcard (it may name any service). */
export function servicePrefix(pattern: string): string | undefined {
  const separator = pattern.indexOf(':');
  if (separator <= 0) return undefined;
  const service = pattern.slice(0, separator);
  return hasWildcard(service) ? undefined : service.toLowerCase();
}
