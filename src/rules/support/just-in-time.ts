/**
 * Privilege read from the catalog's grants, and just in time read from the plan.
 *
 * An entitlement is privileged when the catalog says so, or when what it grants reaches a privileged action (the
 * catalog's list, the built-in one, AWS's Permissions management level) on every resource of its kind, an
 * administrator managed policy, or a role the catalog lists as privileged: a catalog that leaves `privileged` out
 * does not make `iam:PassRole` on `*` ordinary.
 *
 * An identity holds a privileged entitlement just in time only when the plan shows it: a role whose sessions last at
 * most the approval's maxDuration, assumable only through the principals the approval names (`approval.via`: an
 * access broker, IAM Identity Center or SAML, the approvers' workflow role), and holding no long-lived credential.
 * Anything else is standing privilege, whatever the catalog's label says.
 */
import { documentInEffect } from '../../iam/aws/condition-time.js';
import type { AwsGrantEnvelope, Catalog, Entitlement } from '../../../catalog/types.js';
import { formatSeconds } from '../../../catalog/values.js';
import { expandActionPattern } from '../../iam/aws/actions.js';
import type { AllowedAction } from '../../iam/aws/evaluate.js';
import { awsManagedPolicy, managedPolicyAllows } from '../../iam/aws/managed.js';
import { mayAllowPrivilegedOnEveryResource, privilegedCategory } from '../../iam/aws/privileged.js';
import { OWN_ACCOUNT } from '../../model/deployment.js';
import { isUnknown, type Identity, type IdentityClass, type PolicyStatement } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { envelopeResourcesFor, resourceCovered } from './aws-envelope.js';
import { trustEntries, type TrustEntry } from './trust.js';

/** AWS's own default MaxSessionDuration for a role that sets none. */
export const AWS_DEFAULT_SESSION_SECONDS = 3600;

export interface EntitlementPrivilege {
  privileged: boolean;
  /** The catalog marks it privileged. */
  declared: boolean;
  /** What its grants reach that makes it privileged (`iam:PassRole on *`); absent when nothing does. */
  reaches?: string;
}

const privileges = new WeakMap<Catalog, WeakMap<Entitlement, EntitlementPrivilege>>();

/** Whether the entitlement is privileged, declared or by what it grants (once per catalog and entitlement). */
export function entitlementPrivilege(catalog: Catalog, entitlement: Entitlement): EntitlementPrivilege {
  let known = privileges.get(catalog);
  if (!known) privileges.set(catalog, (known = new WeakMap()));
  let privilege = known.get(entitlement);
  if (!privilege) {
    const reaches = privilegedReach(catalog, entitlement);
    privilege = {
      privileged: entitlement.privileged || reaches !== undefined,
      declared: entitlement.privileged,
      ...(reaches ? { reaches } : {}),
    };
    known.set(entitlement, privilege);
  }
  return privilege;
}

function privilegedReach(catalog: Catalog, entitlement: Entitlement): string | undefined {
  for (const envelope of entitlement.aws ?? []) {
    const reach = envelopeReach(catalog, envelope);
    if (reach) return reach;
  }
  for (const arn of entitlement.awsManagedPolicies ?? []) {
    const known = awsManagedPolicy(arn);
    if (!known) continue;
    // Most managed policies reach nothing privileged on `*` (an admin-level one does): proven from their patterns,
    // where expanding a broad read-only policy read hundreds of services' actions.
    if (!mayAllowPrivilegedOnEveryResource(known.document, catalog)) continue;
    if (known.adminLevel) return `managed policy ${known.name} (every action on *)`;
    for (const allowed of managedPolicyAllows(known)) {
      if (allowed.resources.includes('*') && privilegedCategory(allowed.action, catalog))
        return `${allowed.action.name} on * (managed policy ${known.name})`;
    }
  }
  const roleLists = [
    ['azure', entitlement.azure?.roles],
    ['gcp', entitlement.gcp?.roles],
    ['kubernetes', [...(entitlement.kubernetes?.clusterRoles ?? []), ...(entitlement.kubernetes?.roles ?? [])]],
  ] as const;
  for (const [cloud, roles] of roleLists) {
    for (const role of roles ?? []) {
      const entry = catalog.privilegedActions.find((action) =>
        action[cloud]?.some((name) => name.toLowerCase() === role.toLowerCase()),
      );
      if (entry) return `${cloud} role ${role} (privileged action ${entry.id})`;
    }
  }
  return undefined;
}

function envelopeReach(catalog: Catalog, envelope: AwsGrantEnvelope): string | undefined {
  const unbounded = envelope.resources.find(isUnboundedResource);
  if (unbounded === undefined) return undefined;
  for (const pattern of envelope.actions) {
    for (const action of expandActionPattern(pattern)) {
      if (privilegedCategory(action, catalog)) return `${action.name} on ${unbounded}`;
    }
  }
  return undefined;
}

/** `*`, or an ARN whose resource names every resource of its type (`arn:aws:iam::*:role/*`, `…:secret:*`). */
export function isUnboundedResource(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return false;
  const name = parts.slice(5).join(':');
  return /^(?:[A-Za-z0-9-]+[/:])?[*/?]+$/.test(name);
}

// ---------- Holding a privileged entitlement: just in time or standing ----------

export type HoldingMode = 'just-in-time' | 'standing' | 'pending';

export interface PrivilegedHolding {
  entitlement: Entitlement;
  privilege: EntitlementPrivilege;
  mode: HoldingMode;
  /** Why the plan does not show it just in time (empty when it does); for `pending`, what cannot be read yet. */
  gaps: string[];
  evidence: HoldingEvidence;
}

export interface HoldingEvidence {
  /** Longest session the plan allows (`1h`), or what it is when unknown. */
  session?: string;
  /** The approval's maxDuration (`4h`). */
  maxDuration?: string;
  /** Who may assume the identity, as `AWS arn:…`, `Federated arn:…`, `Service lambda.amazonaws.com`. */
  trust: string[];
  /** The approval path the catalog names. */
  via: string[];
  /** Owners who approve. */
  approvers: string[];
  /** Long-lived credentials the identity holds. */
  credentials: string[];
}

/** Credentials that outlive any approval: whoever holds one keeps the privilege. */
const LONG_LIVED = new Set([
  'aws-access-key',
  'aws-service-specific-credential',
  'aws-login-profile',
  'aws-ssh-public-key',
  'aws-signing-certificate',
  'azure-client-secret',
  'azure-certificate',
  'gcp-service-account-key',
  'gcp-hmac-key',
  'k8s-service-account-token',
]);

/** How the identity holds each of the given entitlements that is privileged. */
export function privilegedHoldings(
  catalog: Catalog,
  identity: Identity,
  entitlements: readonly Entitlement[],
  now?: Date,
): PrivilegedHolding[] {
  const holdings: PrivilegedHolding[] = [];
  for (let index = 0; index < entitlements.length; index++) {
    const entitlement = entitlements[index];
    if (entitlement === undefined) continue;
    const privilege = entitlementPrivilege(catalog, entitlement);
    if (privilege.privileged) holdings.push(holding(identity, entitlement, privilege, now));
  }
  return holdings;
}

function holding(
  identity: Identity,
  entitlement: Entitlement,
  privilege: EntitlementPrivilege,
  now: Date | undefined,
): PrivilegedHolding {
  const approval = entitlement.approval;
  const maxDuration = approval?.maxDurationSeconds;
  const via = approval?.via ?? [];
  // Who may assume the role now: a trust statement whose condition has ended it admits nobody (iam/aws/condition-time.ts).
  const trust = identity.trustPolicy && documentInEffect(identity.trustPolicy, now);
  const entries = trust && !trust.unreadable ? trustEntries(trust) : [];
  const credentials = identity.credentials
    .filter((credential) => LONG_LIVED.has(credential.kind))
    .map((credential) => `${credential.kind} ${credential.source.name}`);
  const session = sessionOf(identity, entries);
  const evidence: HoldingEvidence = {
    ...(session.text !== undefined ? { session: session.text } : {}),
    ...(maxDuration !== undefined ? { maxDuration: formatSeconds(maxDuration) } : {}),
    trust: entries.map(describeEntry),
    via,
    approvers: approval?.by ?? [],
    credentials,
  };
  const gaps: string[] = [];
  const pending: string[] = [];
  if (maxDuration === undefined) gaps.push('the entitlement sets no approval maxDuration');
  if (identity.kind !== 'aws-role') {
    gaps.push(
      identity.cloud === 'aws'
        ? `${identity.kind === 'aws-user' ? 'an IAM user' : 'an IAM group'} holds its permissions permanently (only a role can be assumed for a while)`
        : `the plan shows no just-in-time activation for a ${identity.cloud} identity (nothing in it has the identity activate its roles for a while: its grants hold until removed)`,
    );
  } else {
    if (session.unknown) pending.push(`its session length is ${session.unknown}`);
    else if (maxDuration !== undefined && session.seconds !== undefined && session.seconds > maxDuration) {
      gaps.push(
        `its sessions last up to ${session.text} (${session.from}), longer than the approval's maxDuration ${formatSeconds(maxDuration)}`,
      );
    }
    if (identity.trustPolicy?.unreadable)
      pending.push(`its trust policy is ${identity.trustPolicy.unreadable.description}`);
    if (via.length === 0) gaps.push('the catalog names no approval path for it (approval.via)');
    else {
      for (const entry of entries) {
        if (isUnknown(entry.value)) pending.push(`a trusted principal is ${entry.value.description}`);
        else if (!onApprovalPath(entry, via))
          gaps.push(`${describeEntry(entry)} can assume it without the approval path (${via.join(', ')})`);
      }
    }
  }
  if (credentials.length)
    gaps.push(`it holds ${credentials.join(', ')}, which outlive${credentials.length === 1 ? 's' : ''} any approval`);
  const mode: HoldingMode = gaps.length ? 'standing' : pending.length ? 'pending' : 'just-in-time';
  return { entitlement, privilege, mode, gaps: gaps.length ? gaps : pending, evidence };
}

function onApprovalPath(entry: TrustEntry, via: readonly string[]): boolean {
  if (entry.type === 'everyone' || isUnknown(entry.value)) return false;
  const value = entry.value;
  return via.some((pattern) => globMatch(pattern, value) || globMatch(pattern, withOwnAccountWildcard(value)));
}

/** `arn:aws:iam::<own-account>:role/x` as `arn:aws:iam::*:role/x`, so a pattern naming the account still matches. */
function withOwnAccountWildcard(value: string): string {
  return value.replace(OWN_ACCOUNT, '*');
}

export function describeEntry(entry: TrustEntry): string {
  const value = isUnknown(entry.value) ? entry.value.description : entry.value;
  return entry.type === 'everyone' ? 'every principal (*)' : `${entry.type} ${value}`;
}

interface Session {
  seconds?: number;
  text?: string;
  unknown?: string;
  from?: string;
}

/**
 * The longest session the plan allows: the role's MaxSessionDuration (AWS's default 1h when unset), lowered by an
 * `sts:DurationSeconds` bound that every trust statement sets.
 */
function sessionOf(identity: Identity, entries: readonly TrustEntry[]): Session {
  if (identity.kind !== 'aws-role') return {};
  const declared = identity.maxSessionSeconds;
  if (isUnknown(declared)) return { unknown: declared.description, text: declared.description };
  const roleMax = declared ?? AWS_DEFAULT_SESSION_SECONDS;
  const bound = durationBound(entries);
  const seconds = bound !== undefined && bound < roleMax ? bound : roleMax;
  const from =
    seconds === bound
      ? 'sts:DurationSeconds in its trust policy'
      : declared === undefined
        ? "AWS's default MaxSessionDuration"
        : 'MaxSessionDuration';
  return { seconds, text: formatSeconds(seconds), from };
}

function durationBound(entries: readonly TrustEntry[]): number | undefined {
  if (entries.length === 0) return undefined;
  let bound = 0;
  for (const entry of entries) {
    const limits = entry.conditions
      .filter(
        (clause) =>
          clause.key.toLowerCase() === 'sts:durationseconds' && /^NumericLessThan(Equals)?$/i.test(clause.operator),
      )
      .flatMap((clause) => clause.values.map((value) => (typeof value === 'string' ? Number(value) : NaN)))
      .filter((value) => Number.isFinite(value));
    if (limits.length === 0) return undefined;
    bound = Math.max(bound, Math.max(...limits));
  }
  return bound;
}

/** Whether a class may hold privileged entitlements standing (break-glass, by default). */
export function allowsStanding(catalog: Catalog, cls: IdentityClass | undefined): boolean {
  return cls !== undefined && catalog.classes[cls].standingPrivilege;
}

/**
 * The privileged entitlements the catalog sanctions for this identity as the plan shows it: held by a class that
 * may hold them standing (break-glass), or held just in time. Grants within these are the catalog's decision, not
 * an escalation.
 */
export function sanctionedEntitlements(
  catalog: Catalog,
  identity: Identity,
  cls: IdentityClass | undefined,
  entitlements: readonly Entitlement[],
  now?: Date,
): Entitlement[] {
  const allowedForClass = entitlements.filter((entitlement) => cls !== undefined && entitlement.classes.includes(cls));
  const standing = allowsStanding(catalog, cls);
  return privilegedHoldings(catalog, identity, allowedForClass, now)
    .filter((held) => standing || held.mode === 'just-in-time')
    .map((held) => held.entitlement);
}

// ---------- Grants the catalog sanctions ----------

/** Whether an allowed action lies within the privileged entitlements the catalog sanctions for the identity. */
export type SanctionCheck = (
  entry: AllowedAction,
  policyOf: (statement: PolicyStatement) => { managedArn?: string } | undefined,
) => boolean;

/**
 * The grants of the sanctioned entitlements (see sanctionedEntitlements): an action is within them when a managed
 * policy they list grants it, or their AWS envelopes cover it on every resource it is granted on.
 */
export function sanctionCheck(sanctioned: readonly Entitlement[]): SanctionCheck | undefined {
  if (sanctioned.length === 0) return undefined;
  const envelopes = sanctioned.flatMap((entitlement) => entitlement.aws ?? []);
  const managed = sanctioned.flatMap((entitlement) => entitlement.awsManagedPolicies ?? []);
  return (entry, policyOf) => {
    for (const statement of entry.statements) {
      const arn = policyOf(statement)?.managedArn;
      if (arn !== undefined && managedListed(arn, managed)) return true;
    }
    const resources = envelopeResourcesFor(envelopes, entry.action.name);
    return (
      resources.length > 0 &&
      entry.resources.every((resource) => typeof resource === 'string' && resourceCovered(resource, resources))
    );
  };
}

const AWS_MANAGED_NAME = /^arn:(?:aws[a-z-]*|\$\{[^}]*\}):iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/;

/** An ARN the list names as written (glob), or the same AWS managed policy in another partition or spelling. */
function managedListed(arn: string, patterns: readonly string[]): boolean {
  const name = AWS_MANAGED_NAME.exec(arn)?.[1];
  return patterns.some(
    (pattern) => globMatch(pattern, arn) || (name !== undefined && AWS_MANAGED_NAME.exec(pattern)?.[1] === name),
  );
}
