/**
 * The trust a change shows, as catalog `trust` entries: AWS accounts its trust policies name (other than its own),
 * and OIDC issuers with the subjects and audiences their conditions and federated credentials accept. Only what the
 * base catalog does not already list is returned. Wildcard subjects are kept as written: restrict-trust still
 * reports a too-broad one, and `catalog init` makes that an exception rather than a trusted subject.
 */
import type { Catalog, TrustedAccount, TrustedOidc } from '../../catalog/types.js';
import { isUnknown, type Model } from '../model/model.js';
import { narrowingClauses, parseAwsPrincipal, parseFederatedPrincipal, trustEntries } from '../rules/support/trust.js';
import type { Commented } from './commented.js';

export function seenTrust(
  model: Model,
  base: Catalog,
): { accounts: Commented<TrustedAccount>[]; oidc: Commented<TrustedOidc>[] } {
  const accounts = new Map<string, Set<string>>();
  const issuers = new Map<string, { subjects: Set<string>; audiences: Set<string>; holders: Set<string> }>();
  const issuer = (name: string) => {
    let entry = issuers.get(name);
    if (!entry) issuers.set(name, (entry = { subjects: new Set(), audiences: new Set(), holders: new Set() }));
    return entry;
  };
  for (const identity of model.identities) {
    const document = identity.trustPolicy;
    if (document && !document.unreadable) {
      for (const entry of trustEntries(document)) {
        if (isUnknown(entry.value)) continue;
        if (entry.type === 'AWS') {
          const principal = parseAwsPrincipal(entry.value, model.accountIds ?? []);
          if (principal.kind === 'account' && !principal.own)
            accounts.set(principal.account, (accounts.get(principal.account) ?? new Set()).add(identity.name));
        }
        if (entry.type === 'Federated') {
          const federated = parseFederatedPrincipal(entry.value);
          if (federated.kind !== 'oidc') continue;
          const name = federated.issuer.replace(/^https:\/\//, '');
          const seen = issuer(name);
          seen.holders.add(identity.name);
          for (const clause of narrowingClauses(entry, `${name}:sub`))
            for (const value of clause.values) if (typeof value === 'string') seen.subjects.add(value);
          for (const clause of narrowingClauses(entry, `${name}:aud`))
            for (const value of clause.values) if (typeof value === 'string') seen.audiences.add(value);
        }
      }
    }
    for (const credential of identity.credentials) {
      if (credential.kind !== 'federated' || typeof credential.issuer !== 'string') continue;
      const seen = issuer(credential.issuer.replace(/^https:\/\//, ''));
      seen.holders.add(identity.name);
      if (typeof credential.subject === 'string') seen.subjects.add(credential.subject);
      for (const audience of credential.audiences ?? []) if (typeof audience === 'string') seen.audiences.add(audience);
    }
  }
  const knownAccounts = new Set(base.trust.accounts.map((account) => account.id));
  const resultAccounts = [...accounts.entries()]
    .filter(([id]) => !knownAccounts.has(id))
    .sort(([a], [b]) => compare(a, b))
    .map(([id, holders]) => ({
      entry: { id },
      comment: `trusted by ${list([...holders])}: review, and give it an owner`,
    }));
  const oidc: Commented<TrustedOidc>[] = [];
  for (const [name, seen] of [...issuers.entries()].sort(([a], [b]) => compare(a, b))) {
    const known = base.trust.oidc.find((entry) => entry.issuer === name);
    const subjects = [...seen.subjects].filter((subject) => !known?.subjects.includes(subject)).sort(compare);
    // An issuer with no subject condition gets no entry: restrict-trust reports the missing condition instead.
    if (subjects.length === 0) continue;
    const audiences = [...seen.audiences].filter((audience) => !known?.audiences?.includes(audience)).sort(compare);
    oidc.push({
      entry: { issuer: name, subjects, ...(audiences.length && !known ? { audiences } : {}) },
      comment: `trusted by ${list([...seen.holders])}`,
    });
  }
  return { accounts: resultAccounts, oidc };
}

function list(names: string[]): string {
  const sorted = [...new Set(names)].sort(compare);
  return sorted.slice(0, 3).join(', ') + (sorted.length > 3 ? ` and ${sorted.length - 3} more` : '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
