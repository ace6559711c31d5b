/**
 * `catalog init`: a catalog that describes what a change already creates, so adopting Entitlement Guard on an
 * existing estate is one command and a review, not days of writing.
 *
 * The plan is built from the model (the same loading as `check`) and then judged by the engine itself: every
 * finding that would still block under the generated catalog becomes an exception owned by the identity's owner,
 * with the finding as its reason, an expiry and an approver placeholder the loader refuses until a person fills it
 * in. So the past is a documented, expiring burn-down list, never a silent baseline: an exception lists the exact
 * finding details it waives, and a new wildcard or a new key is a new finding.
 */
import { APPROVER_PLACEHOLDER, INIT_ORIGIN, PLACEHOLDER_OWNER } from '../../catalog/placeholders.js';
import type {
  Catalog,
  CatalogException,
  CatalogIdentity,
  Entitlement,
  Owner,
  TrustedAccount,
  TrustedOidc,
} from '../../catalog/types.js';
import { runRules } from '../engine/evaluate.js';
import { isBlocking, type Finding } from '../model/finding.js';
import { matchCatalogRecord } from '../../catalog/profile.js';
import { detailAt, subjectNames } from '../../catalog/waivers.js';
import type { Identity, IdentityClass, Model, Secret } from '../model/model.js';
import { allRules } from '../rules/index.js';
import { entitlementPrivilege } from '../rules/support/just-in-time.js';
import { entitlementContent, grantSetKey, grantSetName, grantSetOf, isEmpty, type GrantSet } from './grants.js';
import { inferClass, inferOwner, toId, type Inferred } from './infer.js';
import { seenTrust } from './trust.js';
import { mustGet } from '../util/must.js';
import type { Commented } from './commented.js';

export type { Commented } from './commented.js';

export interface InitOptions {
  /** The day the catalog is written (YYYY-MM-DD): exceptions expire `expiryDays` after it. */
  today: string;
  /** Days an exception lasts; default 90. */
  expiryDays?: number;
  /** Name globs of identities that are agents (an agent cannot be told from a service by its trust). */
  agents?: readonly string[];
}

export interface InitPlan {
  owners: Commented<Owner>[];
  entitlements: Commented<Entitlement>[];
  identities: Commented<CatalogIdentity>[];
  trust: { accounts: Commented<TrustedAccount>[]; oidc: Commented<TrustedOidc>[] };
  exceptions: Commented<CatalogException>[];
  /** Blocking findings no exception can name (a generated name in a plain template): said, never hidden. */
  unwaivable: Finding[];
}

export const DEFAULT_EXPIRY_DAYS = 90;

/**
 * The plan for a change, under `base` (the built-in defaults for a first init; the existing catalog for --update,
 * whose records, entitlements and exceptions are kept and only completed).
 */
export function planCatalog(model: Model, base: Catalog, options: InitOptions): InitPlan {
  const plan: InitPlan = {
    owners: [],
    entitlements: [],
    identities: [],
    trust: { accounts: [], oidc: [] },
    exceptions: [],
    unwaivable: [],
  };
  const owners = new Map<string, string>(base.owners.map((owner) => [owner.id, '']));
  const addOwner = (id: string, comment: string) => {
    if (owners.has(id)) return;
    owners.set(id, comment);
    plan.owners.push({
      entry:
        id === PLACEHOLDER_OWNER
          ? {
              id,
              description: 'Placeholder: identities and exceptions no owner tag assigns. Move each to its real owner.',
            }
          : { id },
      comment,
    });
  };

  // Identities the catalog already describes (--update) keep their record; the others get one.
  const existing = new Set(base.identities.map((record) => record.id));
  const entitlementIds = new Set(base.entitlements.map((entitlement) => entitlement.id));
  const reusable = new Map<string, string>();
  for (const entitlement of base.entitlements) reusable.set(grantSetKeyOf(entitlement), entitlement.id);
  const newIdentities = model.identities
    .filter((identity) => !identity.external && !recordFor(base, identity))
    .sort((a, b) => compare(a.id, b.id));

  // Match names first: an identity's physical name where no other identity shares it, else a name that binds.
  const matchNames = chooseMatchNames(newIdentities, model);
  type Holder = { identity: Identity; cls: IdentityClass };
  const byGrantSet = new Map<string, { set: GrantSet; holders: [Holder, ...Holder[]] }>();
  const drafts: {
    identity: Identity;
    record: CatalogIdentity;
    classBasis: string;
    ownerBasis: string;
    nameBasis: string;
    set: GrantSet;
  }[] = [];
  // What each identity holds as of the day the catalog is written: a grant its condition has ended is not one.
  const today = new Date(`${options.today}T00:00:00Z`);
  for (const identity of newIdentities) {
    const cls = inferClass(identity, base, options.agents ?? []);
    const owner =
      inferOwner(identity, base) ??
      ({ value: PLACEHOLDER_OWNER, basis: `no ${base.tags.owner} tag` } satisfies Inferred<string>);
    addOwner(owner.value, owner.value === PLACEHOLDER_OWNER ? '' : `from ${owner.basis}`);
    const set = grantSetOf(identity, model, today);
    if (!isEmpty(set)) {
      const key = grantSetKey(set);
      const holder = { identity, cls: cls.value };
      const group = byGrantSet.get(key);
      if (group) group.holders.push(holder);
      else byGrantSet.set(key, { set, holders: [holder] });
    }
    const id = uniqueId(toId(identity.name), existing);
    const { name, basis } = mustGet(matchNames, identity, 'catalog init (the match name of a new identity)');
    const record: CatalogIdentity = { id, match: { name }, owner: owner.value, class: cls.value, entitlements: [] };
    const purpose = identity.tags[base.tags.purpose];
    if (purpose) record.purpose = purpose;
    drafts.push({ identity, record, classBasis: cls.basis, ownerBasis: owner.basis, nameBasis: basis, set });
  }

  // Owners that secrets' tags name: require-owner reads the tag as an owner id.
  for (const secret of [...model.secrets].sort((a, b) => compare(a.id, b.id))) {
    const owner = inferOwner(secret, base);
    if (owner && owner.value === secret.tags[base.tags.owner]) addOwner(owner.value, `from ${owner.basis}`);
  }

  // One entitlement per distinct grant set, named after what it grants; an identical one already in the catalog is reused.
  const entitlementOf = new Map<string, string>();
  const groups = [...byGrantSet.entries()].sort(([, a], [, b]) =>
    compare(a.holders[0].identity.id, b.holders[0].identity.id),
  );
  for (const [key, group] of groups) {
    const known = reusable.get(key);
    if (known !== undefined) {
      entitlementOf.set(key, known);
      continue;
    }
    const id = uniqueId(grantSetName(group.set), entitlementIds);
    const classes = [...new Set(group.holders.map((holder) => holder.cls))].sort(compare);
    const entitlement: Entitlement = { id, classes, privileged: false, ...entitlementContent(group.set) };
    const privilege = entitlementPrivilege(base, entitlement);
    if (privilege.privileged) entitlement.privileged = true;
    const holders = [...new Set(group.holders.map((holder) => holder.identity.name))];
    const shown = holders.slice(0, 3).join(', ') + (holders.length > 3 ? ` and ${holders.length - 3} more` : '');
    const comment = `held by ${shown}${privilege.reaches ? `; privileged: ${privilege.reaches}` : ''}`;
    plan.entitlements.push({ entry: entitlement, comment });
    entitlementOf.set(key, id);
  }
  // Identities that hold nothing still declare an entitlement (require-entitlement asks every identity for one):
  // one that grants nothing says so, instead of an exception for a risk that is not there.
  const empty = drafts.filter((draft) => isEmpty(draft.set));
  const [firstEmpty] = empty;
  if (firstEmpty) {
    const key = grantSetKey(firstEmpty.set);
    const known = reusable.get(key);
    if (known !== undefined) entitlementOf.set(key, known);
    else {
      const id = uniqueId('no-grants', entitlementIds);
      const holders = [...new Set(empty.map((draft) => draft.identity.name))];
      plan.entitlements.push({
        entry: {
          id,
          description: 'Grants nothing: held by identities that have no permissions of their own',
          classes: [...new Set(empty.map((draft) => draft.record.class))].sort(compare),
          privileged: false,
        },
        comment: `held by ${holders.slice(0, 3).join(', ')}${holders.length > 3 ? ` and ${holders.length - 3} more` : ''}`,
      });
      entitlementOf.set(key, id);
    }
  }
  for (const draft of drafts)
    draft.record.entitlements = [
      mustGet(entitlementOf, grantSetKey(draft.set), 'catalog init (the entitlement of a grant set)'),
    ];
  // One physical name used by several identities alike (the same CI role in each stack): one record, as a person writes it.
  const sameName = new Map<string, typeof drafts>();
  for (const draft of drafts)
    if (draft.identity.uniqueName)
      sameName.set(draft.identity.name, [...(sameName.get(draft.identity.name) ?? []), draft]);
  const merged = new Set<(typeof drafts)[number]>();
  for (const [name, group] of sameName) {
    const [first, ...rest] = group;
    if (!first || rest.length === 0) continue;
    const shape = (draft: (typeof drafts)[number]) =>
      JSON.stringify([draft.record.owner, draft.record.class, draft.record.entitlements, draft.record.purpose]);
    if (!rest.every((draft) => shape(draft) === shape(first))) continue;
    existing.delete(first.record.id);
    first.record.id = uniqueId(toId(name), existing);
    first.record.match = { name };
    first.nameBasis = `${group.length} identities of the inputs share this name and the same grants`;
    for (const draft of rest) merged.add(draft);
  }
  for (const draft of drafts) {
    if (merged.has(draft)) continue;
    const comment = [
      `class ${draft.record.class}: ${draft.classBasis}`,
      draft.record.owner === PLACEHOLDER_OWNER
        ? `owner: placeholder (${draft.ownerBasis})`
        : `owner from ${draft.ownerBasis}`,
      ...(draft.nameBasis ? [draft.nameBasis] : []),
    ].join('; ');
    plan.identities.push({ entry: draft.record, comment });
  }
  // Entitlements reused from the catalog must admit the new holder's class: otherwise the loader would refuse it.
  for (const draft of drafts) {
    const held = draft.record.entitlements[0];
    const reused = held === undefined ? undefined : base.entitlements.find((entitlement) => entitlement.id === held);
    if (reused && !reused.classes.includes(draft.record.class)) draft.record.entitlements = [];
  }

  const trust = seenTrust(model, base);
  plan.trust = trust;

  // The catalog so far, judged by the engine: what still blocks becomes an exception.
  const catalogOf = (exceptions: CatalogException[]): Catalog => ({
    ...base,
    isDefault: false,
    source: base.isDefault ? 'catalog init' : base.source,
    owners: [...base.owners, ...plan.owners.map((owner) => owner.entry)],
    entitlements: [...base.entitlements, ...plan.entitlements.map((entitlement) => entitlement.entry)],
    identities: [...base.identities, ...plan.identities.map((identity) => identity.entry)],
    trust: {
      ...base.trust,
      accounts: [...base.trust.accounts, ...trust.accounts.map((account) => account.entry)],
      oidc: mergeOidc(
        base.trust.oidc,
        trust.oidc.map((oidc) => oidc.entry),
      ),
    },
    exceptions: [...base.exceptions, ...exceptions],
  });
  const now = new Date(`${options.today}T00:00:00Z`);
  const expires = addDays(options.today, options.expiryDays ?? DEFAULT_EXPIRY_DAYS);
  const exceptionIds = new Set(base.exceptions.map((exception) => exception.id));
  const subjects = new Map<string, Identity | Secret>(
    [...model.identities, ...model.secrets].map((subject) => [subject.id, subject]),
  );
  const exceptions: Commented<CatalogException>[] = [];
  let catalog = catalogOf([]);
  // One evaluation: an exception only waives (the target and details are the findings' own), so nothing new blocks
  // under the catalog with them; the round-trip tests check exactly that on every example and the corpus.
  for (let round = 0; round < 1; round++) {
    const findings = runRules(model, allRules, { catalog, now, pending: 'fail-closed' }).findings;
    const blocking = findings.filter(isBlocking);
    if (blocking.length === 0) break;
    // By rule and target, each group with its target and first finding.
    const grouped = new Map<string, { target: string; first: Finding; group: Finding[] }>();
    for (const finding of blocking) {
      const target = finding.waiverTarget;
      if (target === undefined) {
        if (round === 0) plan.unwaivable.push(finding);
        continue;
      }
      const key = `${finding.ruleId}\u0000${target}`;
      const known = grouped.get(key);
      if (known) known.group.push(finding);
      else grouped.set(key, { target, first: finding, group: [finding] });
    }
    if (grouped.size === 0) break;
    for (const { target, first, group } of [...grouped.values()].sort((a, b) =>
      compare(a.target + a.first.ruleId, b.target + b.first.ruleId),
    )) {
      const subject = first.identity !== undefined ? subjects.get(first.identity) : undefined;
      const owner = ownerOfSubject(subject, catalog);
      addOwner(owner, '');
      // A credential's finding is waived where it is (its key, its secret): a credential made after init is a new finding.
      const details = [
        ...new Set(
          group
            .map((finding) => (finding.detail?.startsWith('Credential::') ? detailAt(finding) : finding.detail))
            .filter((detail): detail is string => detail !== undefined),
        ),
      ].sort(compare);
      const exception: CatalogException = {
        id: uniqueId(toId(`init-${first.waiverTarget}-${first.ruleId}`), exceptionIds),
        rule: first.ruleId,
        target,
        reason: reasonOf(first, group.length),
        owner,
        approvedBy: APPROVER_PLACEHOLDER,
        expires,
        origin: INIT_ORIGIN,
      };
      // Every finding of the group has a detail (rules give one to each): the exception waives exactly those.
      if (details.length > 0 && details.length === group.length) exception.details = details;
      if (base.exceptionPolicy.maxLifetimeDays !== undefined) {
        exception.approved = options.today;
        exception.expires = addDays(
          options.today,
          Math.min(options.expiryDays ?? DEFAULT_EXPIRY_DAYS, base.exceptionPolicy.maxLifetimeDays),
        );
      }
      // Named as the user sees it, never by file path: the catalog is the same wherever the inputs were read from.
      const where =
        first.resource.path ??
        first.resource.urn ??
        (first.resource.stack ? `${first.resource.stack}/${first.resource.name}` : first.resource.name);
      exceptions.push({
        entry: exception,
        comment: `${first.ruleId} on ${subject?.name ?? first.resource.name} (${where}): ${group.length === 1 ? 'one finding' : `${group.length} findings`} when the catalog was generated`,
      });
    }
    catalog = catalogOf(exceptions.map((exception) => exception.entry));
  }
  plan.exceptions = exceptions;
  plan.owners.sort((a, b) => compare(a.entry.id, b.entry.id));
  plan.entitlements.sort((a, b) => compare(a.entry.id, b.entry.id));
  plan.identities.sort((a, b) => compare(a.entry.id, b.entry.id));
  return plan;
}

/** The record of the catalog that already describes the identity (by a name, bare or binding, or by tags), if any. */
function recordFor(catalog: Catalog, identity: Identity): CatalogIdentity | undefined {
  return matchCatalogRecord(catalog, identity)?.record;
}

function grantSetKeyOf(entitlement: Entitlement): string {
  return grantSetKey({
    aws: (entitlement.aws ?? [])
      .map((envelope) => ({
        actions: [...envelope.actions].sort(compare),
        resources: [...envelope.resources].sort(compare),
      }))
      .sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b))),
    awsManagedPolicies: [...(entitlement.awsManagedPolicies ?? [])].sort(compare),
    azure: {
      roles: [...(entitlement.azure?.roles ?? [])].sort(compare),
      scopes: [...(entitlement.azure?.scopes ?? [])].sort(compare),
    },
    gcp: {
      roles: [...(entitlement.gcp?.roles ?? [])].sort(compare),
      scopes: [...(entitlement.gcp?.scopes ?? [])].sort(compare),
    },
    kubernetes: {
      clusterRoles: [...(entitlement.kubernetes?.clusterRoles ?? [])].sort(compare),
      roles: [...(entitlement.kubernetes?.roles ?? [])].sort(compare),
      namespaces: [...(entitlement.kubernetes?.namespaces ?? [])].sort(compare),
    },
  });
}

/**
 * The `match.name` of each new identity and what it rests on: its physical name when it is unique in the change,
 * else its construct path, ARN or URN (names an exception can bind to), else its bare logical id, which claims
 * the record's facts but binds no exception (said in the comment).
 */
function chooseMatchNames(
  identities: readonly Identity[],
  model: Model,
): Map<Identity, { name: string; basis: string }> {
  const counts = new Map<string, number>();
  const all = model.identities.filter((identity) => !identity.external);
  for (const identity of all)
    for (const name of new Set(subjectNames(identity, model).map((entry) => entry.value)))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  const chosen = new Map<Identity, { name: string; basis: string }>();
  for (const identity of identities) {
    const names = subjectNames(identity, model);
    const unique = names.filter((name) => counts.get(name.value) === 1 && !/[*?]/.test(name.value));
    const physical = unique.find((name) => name.binds && name.value === identity.name && identity.uniqueName);
    const path = unique.find(
      (name) => name.binds && name.value.startsWith('path:') && !name.value.endsWith('/Resource'),
    );
    const binding = physical ?? path ?? unique.find((name) => name.binds);
    if (binding) chosen.set(identity, { name: binding.value, basis: '' });
    else {
      const bare = unique[0] ?? names.at(-1);
      if (!bare) throw new Error(`internal error in catalog init: ${identity.id} has no name to match it by`);
      chosen.set(identity, {
        name: bare.value,
        basis: `matched by its ${identity.resource.file ? 'logical id' : 'resource name'} only, which binds no exception: give it a physical name to waive its findings`,
      });
    }
  }
  return chosen;
}

function ownerOfSubject(subject: Identity | Secret | undefined, catalog: Catalog): string {
  if (!subject) return PLACEHOLDER_OWNER;
  const record = matchCatalogRecord(catalog, subject)?.record;
  if (record) return record.owner;
  return inferOwner(subject, catalog)?.value ?? PLACEHOLDER_OWNER;
}

/** The finding as the exception's reason: the first message, and how many more of the same rule. */
function reasonOf(first: Finding, count: number): string {
  return count === 1
    ? `catalog init: ${first.message}`
    : `catalog init: ${first.message} (and ${count - 1} more findings of this rule, listed under details)`;
}

function mergeOidc(base: readonly TrustedOidc[], added: readonly TrustedOidc[]): TrustedOidc[] {
  const merged = base.map((entry) => ({ ...entry, subjects: [...entry.subjects] }));
  for (const entry of added) {
    const same = merged.find((candidate) => candidate.issuer === entry.issuer);
    if (same) same.subjects.push(...entry.subjects.filter((subject) => !same.subjects.includes(subject)));
    else merged.push({ ...entry, subjects: [...entry.subjects] });
  }
  return merged;
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
