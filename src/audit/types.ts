/**
 * The audit view: every identity (planned by the change, or declared only in the catalog) with who owns it, what it
 * holds and through which entitlement, its credentials, who can assume it, the exceptions covering it and what the
 * gate found; plus the catalog's hygiene. Built by `buildAudit`, rendered by the audit reporters.
 * Plain data only (no Dates, no Maps), so the JSON report is this object as is.
 */
import type { CatalogException, TagKeys } from '../../catalog/types.js';
import type { CredentialKind, IdentityClass, IdentityKind, ResourceRef, SharedKeyAccess } from '../model/model.js';
import type { FindingLevel } from '../model/finding.js';
import type { AuditSource } from './lineage.js';
import type { ResourcePolicyKind } from './resource-policy-labels.js';
import type { HoldingEvidence, PrivilegedHolding } from '../rules/support/just-in-time.js';

export type { AuditSource } from './lineage.js';

export const AUDIT_SCHEMA_VERSION = 'entitlement-guard/audit/v1';

export interface Audit {
  schema: typeof AUDIT_SCHEMA_VERSION;
  /** The evaluation time (ISO), against which expiries and days left are counted. */
  generatedAt: string;
  /** The catalog file (or `built-in defaults`). */
  catalog: string;
  /** Where the change came from (commit, branch, pull request, actor, CI run), when the CI or `--source` says so. */
  source?: AuditSource;
  /** The AWS managed policy data the verdicts on managed policies rest on, and how current it is. */
  awsManagedPolicies: { source: string; version: string; date: string };
  summary: AuditSummary;
  identities: AuditIdentity[];
  secrets: AuditSecret[];
  /** Every catalog exception, with its countdown, in catalog order. */
  exceptions: AuditException[];
  /** Findings on neither an identity nor a secret (catalog exceptions, unattached policies). */
  otherFindings: AuditFinding[];
  hygiene: CatalogHygiene;
  /**
   * Keys resources of the change hold of their own (an Azure storage account's account keys): long-lived credentials
   * no identity holds, listed on the resource that holds them. Absent when none.
   */
  sharedKeys?: AuditSharedKey[];
  /**
   * The Resource Access Manager shares the change creates or adds to, each with whom it shares which resources under
   * which permissions: trust written on resources, as a role's trust list is on the role. Absent when none.
   */
  resourceShares?: AuditResourceShare[];
  /** Resources the change deletes (a Terraform plan's deletes): they grant nothing after it. Absent when none. */
  removed?: ResourceRef[];
  /**
   * Roles and identity federation providers the change defines (Kubernetes Roles and ClusterRoles, Azure and Google
   * Cloud custom roles, workload identity pool providers), each with what it grants and the bindings that use it.
   * Absent when none.
   */
  definitions?: AuditDefinition[];
  /** The exceptions `catalog init` wrote (origin catalog-init), per owner, soonest expiry first. Absent when none. */
  burnDown?: AuditBurnDown[];
  /** What needs whose review, grouped by owner (src/audit/review.ts). Absent in audits written before it existed. */
  review?: ReviewQueue;
  /** `audit --baseline FILE`: the audit it was compared with and the privilege diff from it to this one. */
  baseline?: AuditBaseline;
}

/** One owner's part of the burn-down: what is left to fix or approve, and when it expires. */
export interface AuditBurnDown {
  owner: string;
  /** Exceptions left (expired ones included). */
  open: number;
  expired: number;
  /** Days until the first of them expires (negative once one has). */
  nextExpiryDays?: number;
  exceptions: {
    id: string;
    rule: string;
    target: string;
    expires: string;
    daysLeft?: number;
    status: ExceptionStatus;
    waives: number;
  }[];
}

export interface AuditBaseline {
  generatedAt: string;
  catalog: string;
  source?: AuditSource;
  identities: number;
  diff: PrivilegeDiff;
}

export interface AuditDefinition {
  /** `ClusterRole`, `Role`, `Azure custom role`, `GCP custom role`, `Workload identity pool provider`. */
  kind: string;
  name: string;
  resource: ResourceRef;
  scope?: string;
  /** What it grants that is privileged, by category (`route bind`, `role-assignment`, `impersonation`), or its trust. */
  grants: { category: string; examples: string[] }[];
  /** Kubernetes aggregated ClusterRoles: the roles whose rules it folds in. */
  aggregates?: string[];
  /** The bindings and assignments of the change that grant it, with their holder. */
  boundBy: string[];
  findings: AuditFinding[];
}

export interface AuditSummary {
  identities: number;
  /** Identities declared only in the catalog (people and accounts in the identity provider). */
  catalogOnly: number;
  privileged: number;
  secrets: number;
  findings: { total: number; blocking: number; advisory: number; waived: number; pending: number };
  byClass: Record<string, number>;
  byRule: Record<string, number>;
  /** Findings per owning team of the identity or secret; `(no owner)` when it has none. */
  byOwner: Record<string, number>;
}

export type AuditOrigin = 'change' | 'catalog';

export interface AuditIdentity {
  /** Model id (stack-qualified) for identities in the change; `catalog:<id>` for catalog-only ones. */
  id: string;
  name: string;
  origin: AuditOrigin;
  /** Absent for catalog-only identities, which live outside the IaC (IdP users, break-glass accounts). */
  cloud?: string;
  kind?: IdentityKind;
  resource?: ResourceRef;
  /** Set when `name` is a physical name the cloud keeps unique (an IAM role or user name): the diff keys on it. */
  uniqueName?: true;
  /** The ARN (or cloud id) the change gives it, when known. */
  arn?: string;
  /** The catalog identity record that describes it. */
  catalogId?: string;
  owner?: string;
  ownerContact?: string;
  /** An owner that is named but not known to the catalog. */
  unknownOwner?: string;
  class?: IdentityClass;
  purpose?: string;
  expiry?: AuditExpiry;
  /** Catalog tags whose value each deployment chooses: not read, so what they would say is known only then. */
  setAtDeployment?: AuditDeploymentTag[];
  /** What the IaC author claimed for the identity rather than the catalog recording it (absent: nothing). */
  claims?: AuditClaims;
  entitlements: AuditEntitlement[];
  grants: AuditGrant[];
  credentials: AuditCredential[];
  /** Longest session in seconds and the class limit, when either is known. */
  session?: { maxSeconds?: number; classLimitSeconds?: number; unknown?: string };
  trust: AuditTrust[];
  /** What runs as the identity (Lambda, instance profile, pod). */
  runsOn: string[];
  /**
   * The catalog exceptions whose target binds the identity as a waiver binds (catalog/waivers.ts): those that could
   * waive a finding about it, whatever their status. None by a bare logical id or by a key or policy it holds.
   */
  exceptions: AuditException[];
  findings: AuditFinding[];
  /** Privileged access it holds: privileged actions per grant, privileged entitlements, escalation paths. */
  privilegedPaths: string[];
  /**
   * A catalog identity the change deploys on more than one cloud is one row: its lists above are the union of every
   * cloud's, and each cloud's identity (account, grants, credentials, trust, findings) is here, as its own row would be.
   */
  placements?: AuditIdentity[];
}

/**
 * The facts of an identity's row that are the IaC author's word, so a reviewer sees them as claims: names, tags and
 * logical ids are written by whoever writes the change, the catalog by the platform team that reviews it.
 */
export interface AuditClaims {
  /**
   * The catalog record the identity matched only by its bare resource name (a logical id, a Pulumi resource name),
   * which any stack may pick: it binds no exception and grants no privileged entitlement.
   */
  recordByResourceName?: string;
  /**
   * The catalog record the identity matched only by its tags (`match: { tags: … }`), which any stack's author may write
   * on any resource: it binds no exception and grants no privileged entitlement.
   */
  recordByTags?: string;
  /** Where a person's or any other class came from when no catalog record naming the identity gives it. */
  classBy?: 'tag' | 'resource-name' | 'record-tags';
  /** Privileged entitlements named by the entitlements tag, or of a bare-name or tags-only record: not held (require-entitlement). */
  privilegedNotHeld?: string[];
}

/**
 * A tag the catalog reads (owner, class, entitlements, purpose, expiry) written from a value the deployment chooses (a
 * template parameter it may set): left unread, as the rules leave it, and shown so a reviewer sees which fact of the
 * identity or secret each deployment decides.
 */
export interface AuditDeploymentTag {
  /** What the catalog reads the tag as. */
  fact: keyof TagKeys;
  tag: string;
  /** What sets it, in the front-end's words (`parameter Owner`). */
  setBy: string;
}

export interface AuditExpiry {
  date: string;
  /** Whole days from the audit time to the date: negative once past. */
  daysLeft?: number;
  expired: boolean;
}

export interface AuditEntitlement {
  id: string;
  /** False when the catalog does not define it. */
  known: boolean;
  description?: string;
  privileged: boolean;
  /**
   * Privileged and not held just in time, by a class that forbids standing privilege: for an identity of the change,
   * read from the plan (see `holding`); for one declared only in the catalog, from the approval's maxDuration.
   */
  standing: boolean;
  /** Privileged by what it grants though the catalog does not mark it so (`iam:PassRole on *`). */
  privilegedBy?: string;
  /** How an identity of the change holds a privileged entitlement, read from the plan, with the evidence. */
  holding?: AuditHolding;
  /** Set when the identity's class is not among the entitlement's classes. */
  notForClass?: boolean;
  /** Who approves it (the catalog's `approval.by`), for a privileged entitlement that names them. */
  approvers?: string[];
  /** The approval's maxDuration (`1h`), for a privileged entitlement granted just in time. */
  maxDuration?: string;
  /** What the entitlement allows, one line per envelope (`dynamodb:GetItem, dynamodb:Query on arn:…`). */
  allows: string[];
}

/**
 * How the identity holds its privileged entitlement, as the just-in-time rule judged it: its mode and gaps, and the
 * evidence read from the plan (session, trust, approval path, approvers, long-lived credentials).
 */
export interface AuditHolding extends Pick<PrivilegedHolding, 'mode' | 'gaps'>, HoldingEvidence {}

export interface AuditGrant {
  /**
   * How the user sees it: `policy everything (OpsRole)`, `managed AdministratorAccess`, `role Owner at /subscriptions/…`,
   * and for a resource policy naming the identity `bucket policy ExportsPolicy`, `key policy of LedgerKey`.
   */
  label: string;
  /**
   * Set when a resource policy grants it (a bucket, key, queue or topic policy whose Principal names the identity): the
   * privilege is written on that resource, not on the identity. Absent for every other grant.
   */
  resourcePolicy?: ResourcePolicyKind;
  source: ResourceRef;
  /** One line per statement or role: `Allow iam:* on *`. */
  statements: AuditStatement[];
  /** Privileged actions the grant allows, by category, with a few examples. */
  privileged: { category: string; count: number; examples: string[] }[];
}

export interface AuditStatement {
  text: string;
  /** The declared entitlements that cover it. */
  entitlements: string[];
  /** An Allow (or attachment) that no declared entitlement covers. */
  beyondEntitlements: boolean;
  /** The privileged-action categories this statement itself allows (after the document's Denies); absent when none. */
  privileged?: string[];
}

export interface AuditCredential {
  kind: CredentialKind;
  source: ResourceRef;
  /** `federated` (short-lived tokens), or `long-lived` (a static secret). */
  lifetime: 'federated' | 'long-lived';
  expiresAt?: string;
  daysLeft?: number;
  /** Federated credentials: the issuer and subject it accepts. */
  accepts?: string;
}

/**
 * A resource's own keys (SharedKeyAccess in the model): valid until someone rotates them, they authorize requests to
 * its data without any identity, so they are listed on the resource, not on an identity.
 */
export interface AuditSharedKey {
  kind: SharedKeyAccess['kind'];
  cloud: string;
  /** The account name, else the resource's name. */
  name: string;
  /** The resource that holds the keys (the storage account). */
  source: ResourceRef;
  lifetime: 'long-lived';
  /**
   * Why the keys work: `enabled` (the setting allows them), `unset` (left out: the platform's default allows them), or
   * `pending` (the setting is known only at apply; `pendingOn` says what it waits for).
   */
  status: SharedKeyAccess['reason']['kind'];
  pendingOn?: string;
  /** Where the change turns the keys off, in its front-end's words (`allowSharedKeyAccess`, `shared_access_key_enabled`). */
  setting: string;
  /** What the gate found on the resource (no-long-lived-credentials), as in `otherFindings`. */
  findings: AuditFinding[];
}

/**
 * A Resource Access Manager share: who outside the account it reaches (each principal as a trust list names it, with
 * what confines it: the share's own organization where it allows no external principals, a service's source accounts),
 * which resources, and what its permissions let them do, as restrict-trust judges it.
 */
export interface AuditResourceShare {
  /** The share's name; for a share the change does not create, its ARN as the association names it. */
  name: string;
  /** The share, or the association that names a share the change does not create. */
  resource: ResourceRef;
  /** The resources it shares, as the change names them (a value known only at apply as `<…>`). */
  resources: string[];
  /** What its principals may do with them: each permission (an AWS managed one by name), or each type's default. */
  permissions: string[];
  /** Whether principals outside the share's organization may be associated; `unknown` until deployment says. */
  allowExternal: boolean | 'unknown';
  /** Each principal it names (kind `own-account`, `aws-account`, `aws-organization`, `aws-ou`, `service`, `unknown`, …). */
  sharedWith: AuditTrust[];
  /** The change does not create the share: it holds principals and resources the change does not show. */
  outside?: true;
  /** What the gate found on the share and its associations, as in `otherFindings`. */
  findings: AuditFinding[];
}

export interface AuditTrust {
  /** `everyone`, `service`, `aws-account`, `aws-role`, `federated`, … */
  kind: string;
  principal: string;
  conditions: string[];
}

export type ExceptionStatus = 'active' | 'expiring' | 'expired' | 'invalid';

/** A catalog exception with its countdown and its effect on this change. */
export interface AuditException extends CatalogException {
  /** Whole days from the audit time to `expires`, negative once past; absent when the date cannot be read. */
  daysLeft?: number;
  /** `expiring`: valid but ends within 30 days; `invalid`: unowned, unapproved or without a readable date. */
  status: ExceptionStatus;
  /** How many findings it waives in this change. */
  waives: number;
  /** It names identities of this change but waives none of their findings: the risk it accepted is gone. */
  unused?: true;
  /** How many identities and secrets of this change it names, when more than the exception policy allows (it waives nothing). */
  tooBroad?: number;
}

export interface AuditFinding {
  ruleId: string;
  level: FindingLevel;
  blocking: boolean;
  resource: ResourceRef;
  detail?: string;
  message: string;
  pending?: boolean;
  waivedBy?: string;
}

export interface AuditSecret {
  id: string;
  name: string;
  resource: ResourceRef;
  owner?: string;
  /** As on AuditIdentity. */
  setAtDeployment?: AuditDeploymentTag[];
  rotationDays?: number | 'unknown';
  plaintextValue?: boolean;
  /** Set by a Pulumi program: a literal in its source or a stack config secret (see the model's Secret). */
  valueInProgram?: boolean;
  /** Who the secret's resource policies let read its value; absent when the change writes no policy on it. */
  readableBy?: AuditTrust[];
  findings: AuditFinding[];
}

export interface CatalogHygiene {
  /** Entitlements no identity (planned or catalog-only) holds. */
  unusedEntitlements: string[];
  /** Owners with no identity and no secret. */
  ownersWithoutIdentities: string[];
  /** Valid exceptions that end within 30 days. */
  expiringExceptions: AuditException[];
  expiredExceptions: AuditException[];
  /** Identities past their expiry. */
  expiredIdentities: { id: string; name: string; expires: string; daysAgo: number }[];
  /** Identities holding a privileged entitlement not just in time, where their class forbids that (read from the plan for identities of the change). */
  standingPrivilege: { id: string; name: string; class?: string; entitlement: string }[];
  /** Valid exceptions that name identities of this change but waive nothing there. */
  unusedExceptions: AuditException[];
  /** Exceptions whose target names more of this change than the exception policy allows, so they waive nothing. */
  overBroadExceptions: AuditException[];
  /** Suppressions written in the IaC (CDK acknowledgements) that would hide findings no catalog exception waives. */
  unapprovedWaivers: AuditUnapprovedWaiver[];
}

/** A suppression in the IaC instead of a catalog exception: only the catalog waives, so the finding stands. */
export interface AuditUnapprovedWaiver {
  /** The suppression as written (`EntitlementGuard-no-wildcard-privilege[Action::s3:*]`). */
  id: string;
  /** Where it is written: a construct path. */
  at: string;
  reason: string;
  /** The finding it would hide. */
  ruleId: string;
  resource: ResourceRef;
  detail?: string;
}

/** What a front-end knows beyond the model and the evaluation, for the audit. */
export interface AuditExtras {
  unapprovedWaivers?: AuditUnapprovedWaiver[];
  /** Where the change came from (src/audit/lineage.ts). */
  source?: AuditSource;
}

// ---- The review queue (src/audit/review.ts builds it) ----

export type ReviewMode = 'standing' | 'pending' | 'just-in-time';
export type ReviewSince = 'new' | 'changed' | 'unchanged';

export interface ReviewQueue {
  /** How many items in all, and how many hold standing privilege. */
  items: number;
  standing: number;
  /** Set against a baseline: items new or changed since then. */
  newOrChanged?: number;
  owners: ReviewOwner[];
}

export interface ReviewOwner {
  owner: string;
  contact?: string;
  items: ReviewItem[];
}

export interface ReviewItem {
  /** `R-` and 10 hex digits of the item's kind, identity key and subject: stable across runs. */
  id: string;
  kind: 'privileged-access' | 'long-lived-credential' | 'exception';
  /** `entitlement deploy-admin`, `privileged grants`, `exception EXC-101`. */
  subject: string;
  /** The identity it is about (privileged access), with the key it is tracked by. */
  identity?: string;
  identityKey?: string;
  /** The clouds it is on (more than one for a catalog identity deployed on several). */
  clouds?: string[];
  /** How the access is held: standing before just in time in the queue. */
  mode?: ReviewMode;
  /** Against a baseline only. */
  since?: ReviewSince;
  /** Who must review it: the entitlement's approvers, the exception's approver, else the owner. */
  reviewers: string[];
  evidence: ReviewEvidence;
}

export interface ReviewEvidence {
  /** The entitlement (privileged access) and why it is privileged. */
  entitlement?: string;
  /** What it grants: statements of the change, or what the entitlement allows for a catalog-only identity. */
  grants: string[];
  /** Who or what can assume the identity, and what runs as it. */
  assumableBy: string[];
  runsOn: string[];
  /** Long-lived credentials, with their expiry. */
  credentials: string[];
  /** Exceptions covering the identity (privileged access) or the exception itself (`rule on target, expires …`). */
  exceptions: string[];
  /** Why it is not just in time, or why the exception needs attention (expired, unused, too broad). */
  gaps: string[];
  /** Blocking findings on the identity. */
  blocking: number;
}

// ---- The privilege diff ----
// Kept in this file because an audit holds a diff (audit --baseline) and a diff is made of audit entries: the two
// shapes refer to each other, so one file holds both rather than two files importing each other.

/**
 * The privilege diff between two audits (a base, before the change, and a head, after it): per identity, what was
 * added and removed. Plain data only, so the JSON report is this object as is.
 */

export const DIFF_SCHEMA_VERSION = 'entitlement-guard/diff/v1';

export interface PrivilegeDiff {
  schema: typeof DIFF_SCHEMA_VERSION;
  base: DiffSide;
  head: DiffSide;
  summary: DiffSummary;
  /** Identities with at least one change in privilege, privileged changes first, then by key. */
  identities: IdentityDiff[];
  /**
   * The same identity under another name or declaration (a construct or logical-id rename): listed for the reviewer,
   * but not a change in privilege, and never an add and a remove.
   */
  renamed: IdentityRename[];
  /** Catalog exceptions added, removed, renewed or expired between the two audits, whoever they cover. */
  exceptions: ExceptionChange[];
  /** Findings on no identity (catalog exceptions, unattached policies, secrets) that are new or resolved. */
  otherFindings: FindingChanges;
}

export interface DiffSide {
  generatedAt: string;
  catalog: string;
  identities: number;
  /**
   * Where the side's change came from (the audit's lineage). The head's says which change made every addition and
   * removal of the diff, and its generatedAt when.
   */
  source?: AuditSource;
}

export interface DiffSummary {
  identitiesAdded: number;
  identitiesRemoved: number;
  identitiesChanged: number;
  identitiesRenamed: number;
  /** Identities whose changes include a privileged grant, a long-lived credential or a widened trust. */
  privilegedChanges: number;
  grantsAdded: number;
  grantsRemoved: number;
  credentialsAdded: number;
  credentialsRemoved: number;
  trustWidened: number;
  trustNarrowed: number;
  findingsNew: number;
  findingsResolved: number;
  /** New findings that block (mandatory, not waived): the diff's verdict, as `check` gives it. */
  blockingNew: number;
}

export type IdentityChange = 'added' | 'removed' | 'changed';

export interface IdentityDiff {
  /** The stable key the two sides were matched on (`catalog:…`, `aws:aws-role:name`, `stack:…`). */
  key: string;
  change: IdentityChange;
  name: string;
  cloud?: string;
  kind?: string;
  owner?: string;
  class?: string;
  catalogId?: string;
  /** Where the identity is declared in the head (in the base for a removed one). */
  resource?: AuditIdentity['resource'];
  /** Set when the identity was also renamed (see `PrivilegeDiff.renamed`). */
  renamed?: IdentityRename;
  /** True when any change below is privileged. */
  privileged: boolean;
  grants: { added: GrantChange[]; removed: GrantChange[] };
  credentials: { added: CredentialChange[]; removed: CredentialChange[] };
  trust: { widened: TrustChange[]; narrowed: TrustChange[] };
  exceptions: ExceptionChange[];
  findings: FindingChanges;
}

export interface IdentityRename {
  key: string;
  from: string;
  to: string;
  /** The declaration (construct path, URN, or stack/logical id) on each side. */
  fromResource?: string;
  toResource?: string;
  /** Which key showed it is the same identity. */
  matchedBy: 'catalog-id' | 'physical-name' | 'declaration' | 'same-privileges';
}

/** One statement (or managed policy, or role assignment) of a grant. */
export interface GrantChange {
  /** `Allow iam:PassRole on *`, `managed policy arn:…`, `role Owner at /subscriptions/…`. */
  statement: string;
  /** The grant it belongs to, as the audit labels it. */
  grant: string;
  /** Declared entitlements that cover it. */
  entitlements: string[];
  beyondEntitlements: boolean;
  /** Privileged-action categories it allows; empty when none. */
  privileged: string[];
}

export interface CredentialChange {
  kind: AuditCredential['kind'];
  lifetime: AuditCredential['lifetime'];
  resource: string;
  expiresAt?: string;
  daysLeft?: number;
  accepts?: string;
}

export interface TrustChange {
  kind: AuditTrust['kind'];
  principal: string;
  /** The conditions on the side that has the entry (the head for widened, the base for narrowed). */
  conditions: string[];
  /** For a principal on both sides whose conditions changed: the other side's conditions. */
  was?: string[];
  /** Why it counts as widened or narrowed. */
  reason: string;
}

export type ExceptionChangeKind = 'added' | 'removed' | 'renewed' | 'expired' | 'shortened';

export interface ExceptionChange {
  change: ExceptionChangeKind;
  id: string;
  rule: string;
  target: string;
  approvedBy: string;
  expires: string;
  /** The base's expiry for a renewed or shortened exception. */
  was?: string;
  status: AuditException['status'];
}

export interface FindingChange {
  ruleId: string;
  detail?: string;
  level: AuditFinding['level'];
  blocking: boolean;
  resource: string;
  message: string;
  waivedBy?: string;
}

export interface FindingChanges {
  new: FindingChange[];
  resolved: FindingChange[];
}
