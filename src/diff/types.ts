/**
 * The privilege diff between two audits (a base, before the change, and a head, after it): per identity, what was
 * added and removed. Plain data only, so the JSON report is this object as is.
 */
import type { AuditCredential, AuditException, AuditFinding, AuditIdentity, AuditSource, AuditTrust } from '../audit/types.js';

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
