/**
 * Checks the schema cannot express: unique ids, references that resolve, entitlements allowed for the
 * identity's class, real calendar dates, durations longer than zero. Reads the raw data defensively, so it
 * runs even when the schema found problems and every issue is reported in one pass.
 */
import type { CatalogIssue, FieldPath } from './issues.js';
import { unknownValueMessage } from './issues.js';
import type { CatalogSource } from './source-map.js';
import { DEFAULT_CLASSES } from './defaults.js';
import { APPROVER_PLACEHOLDER } from './placeholders.js';
import { durationDays, durationSeconds, formatSeconds, isCalendarDate, isUsableAmount } from './values.js';

type Record_ = Record<string, unknown>;

const ID_LISTS = [
  ['owners', 'owner'],
  ['privilegedActions', 'privileged action'],
  ['entitlements', 'entitlement'],
  ['identities', 'identity'],
  ['exceptions', 'exception'],
] as const;

export interface SemanticOptions {
  /** `catalog init --update` reads a catalog whose generated exceptions may still wait for an approver. */
  allowApproverPlaceholders?: boolean;
}

export function semanticIssues(data: unknown, source: CatalogSource, options: SemanticOptions = {}): CatalogIssue[] {
  if (!isRecord(data)) return [];
  const check = new SemanticCheck(data, source, options);
  check.uniqueIds();
  check.ownerReferences();
  check.identities();
  check.durations();
  check.approvalDurations();
  check.dates();
  check.exceptionPolicy();
  return check.issues;
}

class SemanticCheck {
  readonly issues: CatalogIssue[] = [];
  private readonly ownerIds: string[];
  private readonly entitlements: Map<string, Record_>;

  constructor(
    private readonly data: Record_,
    private readonly source: CatalogSource,
    private readonly options: SemanticOptions = {},
  ) {
    this.ownerIds = [...new Set(items(data, 'owners').flatMap(([, owner]) => stringAt(owner, 'id') ?? []))];
    this.entitlements = new Map();
    for (const [, entitlement] of items(data, 'entitlements')) {
      const id = stringAt(entitlement, 'id');
      if (id !== undefined && !this.entitlements.has(id)) this.entitlements.set(id, entitlement);
    }
  }

  uniqueIds(): void {
    for (const [list, noun] of ID_LISTS) {
      const first = new Map<string, number>();
      for (const [index, record] of items(this.data, list)) {
        const id = stringAt(record, 'id');
        if (id === undefined) continue;
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, index);
          continue;
        }
        const line = this.source.issue([list, earlier, 'id'], '').line;
        this.report(
          [list, index, 'id'],
          `duplicate ${noun} id ${JSON.stringify(id)}; already defined at line ${line} (${list}[${earlier}])`,
        );
      }
    }
  }

  ownerReferences(): void {
    for (const [index, identity] of items(this.data, 'identities'))
      this.ownerAt(['identities', index, 'owner'], identity.owner);
    for (const [index, exception] of items(this.data, 'exceptions'))
      this.ownerAt(['exceptions', index, 'owner'], exception.owner);
    for (const [index, entitlement] of items(this.data, 'entitlements')) {
      const approval = entitlement.approval;
      if (!isRecord(approval) || !Array.isArray(approval.by)) continue;
      approval.by.forEach((owner, j) => {
        this.ownerAt(['entitlements', index, 'approval', 'by', j], owner);
      });
    }
    const trust = this.data.trust;
    const accounts = isRecord(trust) && isRecord(trust.accounts) ? trust.accounts : {};
    for (const [accountId, account] of Object.entries(accounts)) {
      if (isRecord(account)) this.ownerAt(['trust', 'accounts', accountId, 'owner'], account.owner);
    }
    const organizations = isRecord(trust) && isRecord(trust.organizations) ? trust.organizations : {};
    for (const [organizationId, organization] of Object.entries(organizations)) {
      if (isRecord(organization)) this.ownerAt(['trust', 'organizations', organizationId, 'owner'], organization.owner);
    }
  }

  /** Entitlements exist and admit the identity's class; a match can actually match something. */
  identities(): void {
    for (const [index, identity] of items(this.data, 'identities')) {
      const identityClass = stringAt(identity, 'class');
      const held = Array.isArray(identity.entitlements) ? identity.entitlements : [];
      held.forEach((id, j) => {
        if (typeof id !== 'string') return;
        const path = ['identities', index, 'entitlements', j];
        const entitlement = this.entitlements.get(id);
        if (!entitlement) {
          this.report(path, unknownValueMessage('entitlement', id, [...this.entitlements.keys()]));
          return;
        }
        const allowed = Array.isArray(entitlement.classes)
          ? entitlement.classes.filter((c): c is string => typeof c === 'string')
          : [];
        if (identityClass !== undefined && allowed.length > 0 && !allowed.includes(identityClass)) {
          this.report(
            path,
            `entitlement ${JSON.stringify(id)} is not allowed for class ${JSON.stringify(identityClass)}; it allows: ${allowed.join(', ')}`,
          );
        }
      });
      const match = identity.match;
      if (
        isRecord(match) &&
        match.name === undefined &&
        !(isRecord(match.tags) && Object.keys(match.tags).length > 0)
      ) {
        this.report(['identities', index, 'match'], 'match needs a name or tags; on its own it matches nothing');
      }
      this.perCloudMatches(index, identity);
    }
  }

  /** `matches`: one per cloud, each able to match something, and not beside `match`. */
  private perCloudMatches(index: number, identity: Record<string, unknown>): void {
    const matches = identity.matches;
    if (matches === undefined) return;
    if (identity.match !== undefined)
      this.report(
        ['identities', index, 'matches'],
        'give match or matches, not both; matches lists one match per cloud',
      );
    if (!Array.isArray(matches)) return;
    const clouds = new Map<string, number>();
    matches.forEach((entry, j) => {
      if (!isRecord(entry)) return;
      if (entry.name === undefined && !(isRecord(entry.tags) && Object.keys(entry.tags).length > 0)) {
        this.report(['identities', index, 'matches', j], 'a match needs a name or tags; on its own it matches nothing');
      }
      if (typeof entry.cloud !== 'string') return;
      const earlier = clouds.get(entry.cloud);
      if (earlier !== undefined)
        this.report(
          ['identities', index, 'matches', j, 'cloud'],
          `cloud ${JSON.stringify(entry.cloud)} is already matched by matches[${earlier}]; one match per cloud (a name glob may cover several names)`,
        );
      else clouds.set(entry.cloud, j);
    });
  }

  durations(): void {
    const classes = isRecord(this.data.classes) ? this.data.classes : {};
    for (const [name, policy] of Object.entries(classes)) {
      if (!isRecord(policy)) continue;
      this.durationAt(['classes', name, 'maxSessionDuration'], policy.maxSessionDuration, durationSeconds, '1h');
      this.durationAt(['classes', name, 'maxSecretAge'], policy.maxSecretAge, durationDays, '90d');
    }
    for (const [index, entitlement] of items(this.data, 'entitlements')) {
      const approval = entitlement.approval;
      if (isRecord(approval))
        this.durationAt(
          ['entitlements', index, 'approval', 'maxDuration'],
          approval.maxDuration,
          durationSeconds,
          '4h',
        );
    }
  }

  /**
   * A just-in-time grant lasts at most one session, so an approval longer than the session limit of a class the
   * entitlement is for promises a bound the class already forbids (maxDuration 12h on 30-minute agents).
   */
  approvalDurations(): void {
    const classes = isRecord(this.data.classes) ? this.data.classes : {};
    for (const [index, entitlement] of items(this.data, 'entitlements')) {
      const approval = entitlement.approval;
      const text = isRecord(approval) ? approval.maxDuration : undefined;
      const maxDuration = typeof text === 'string' ? durationSeconds(text) : undefined;
      if (maxDuration === undefined || !isUsableAmount(maxDuration) || !Array.isArray(entitlement.classes)) continue;
      for (const name of entitlement.classes) {
        if (typeof name !== 'string' || !(name in DEFAULT_CLASSES)) continue;
        const override = classes[name];
        const ownLimit =
          isRecord(override) && typeof override.maxSessionDuration === 'string'
            ? durationSeconds(override.maxSessionDuration)
            : undefined;
        const limit = ownLimit ?? DEFAULT_CLASSES[name as keyof typeof DEFAULT_CLASSES].maxSessionSeconds;
        if (limit === undefined || !isUsableAmount(limit) || maxDuration <= limit) continue;
        this.report(
          ['entitlements', index, 'approval', 'maxDuration'],
          `${JSON.stringify(text)} is longer than the session limit of class ${name} (${formatSeconds(limit)}), so no ${name} identity can hold ` +
            `the entitlement just in time for that long; expected at most ${formatSeconds(limit)}`,
        );
      }
    }
  }

  dates(): void {
    for (const list of ['identities', 'exceptions'] as const) {
      for (const [index, record] of items(this.data, list)) {
        for (const field of list === 'exceptions' ? ['expires', 'approved'] : ['expires']) {
          const date = stringAt(record, field);
          // Only well-shaped dates: the schema already reports anything not written YYYY-MM-DD.
          if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date)) {
            this.report(
              [list, index, field],
              `${JSON.stringify(date)} is not a calendar date; expected a real date YYYY-MM-DD such as 2027-06-30`,
            );
          }
        }
      }
    }
  }

  /**
   * What keeps an exception from waiving more than one reviewed risk: a target that names something, an approver
   * who is not the owner (and is a known approver when the catalog lists them), and a bounded life when the
   * catalog's exceptionPolicy sets one.
   */
  exceptionPolicy(): void {
    const policy = isRecord(this.data.exceptionPolicy) ? this.data.exceptionPolicy : {};
    const maxLifetime = typeof policy.maxLifetime === 'string' ? durationDays(policy.maxLifetime) : undefined;
    const approvers = Array.isArray(policy.approvers)
      ? policy.approvers.filter((a): a is string => typeof a === 'string')
      : undefined;
    for (const [index, exception] of items(this.data, 'exceptions')) {
      const at = (field: string) => ['exceptions', index, field];
      const target = stringAt(exception, 'target');
      if (target !== undefined && target !== '' && /^[*?]+$/.test(target)) {
        this.report(
          at('target'),
          `${JSON.stringify(target)} matches every identity and resource; expected the name (or a narrow glob) of what the exception covers, such as legacy-sftp-sync`,
        );
      }
      const owner = stringAt(exception, 'owner');
      const approvedBy = stringAt(exception, 'approvedBy');
      if (approvedBy === APPROVER_PLACEHOLDER) {
        if (!this.options.allowApproverPlaceholders) {
          const id = stringAt(exception, 'id');
          this.report(
            at('approvedBy'),
            `exception ${id !== undefined ? JSON.stringify(id) : `exceptions[${index}]`} still lacks an approver: replace ${APPROVER_PLACEHOLDER}, written by catalog init, ` +
              `with who approved it${owner !== undefined ? ` (not its owner ${JSON.stringify(owner)})` : ''}, or remove the exception`,
          );
        }
      } else if (
        approvedBy !== undefined &&
        owner !== undefined &&
        approvedBy.trim().toLowerCase() === owner.trim().toLowerCase()
      ) {
        this.report(
          at('approvedBy'),
          `approved by its own owner ${JSON.stringify(owner)}; expected an approver other than the owner`,
        );
      } else if (
        approvedBy !== undefined &&
        approvedBy.trim() !== '' &&
        approvers !== undefined &&
        !approvers.includes(approvedBy) &&
        !this.ownerIds.includes(approvedBy)
      ) {
        this.report(
          at('approvedBy'),
          `${unknownValueMessage('approver', approvedBy, [...approvers, ...this.ownerIds])} (exceptionPolicy.approvers or an owner id)`,
        );
      }
      if (maxLifetime === undefined || !isUsableAmount(maxLifetime)) continue;
      const approved = stringAt(exception, 'approved');
      const expires = stringAt(exception, 'expires');
      if (approved === undefined) {
        this.report(
          ['exceptions', index],
          `approved is required: exceptionPolicy.maxLifetime (${String(policy.maxLifetime)}) counts from the approval date; expected approved: YYYY-MM-DD`,
        );
        continue;
      }
      if (!isCalendarDate(approved) || expires === undefined || !isCalendarDate(expires)) continue;
      const days = (Date.parse(expires) - Date.parse(approved)) / 86_400_000;
      if (days < 0) {
        this.report(at('expires'), `${expires} is before the approval date ${approved}; expected a date after it`);
      } else if (days > maxLifetime) {
        this.report(
          at('expires'),
          `${expires} is ${days} days after the approval on ${approved}, longer than exceptionPolicy.maxLifetime (${String(policy.maxLifetime)}); expected ${addDays(approved, maxLifetime)} or earlier`,
        );
      }
    }
  }

  private ownerAt(path: FieldPath, owner: unknown): void {
    if (typeof owner === 'string' && owner !== '' && !this.ownerIds.includes(owner))
      this.report(path, unknownValueMessage('owner', owner, this.ownerIds));
  }

  /** Well-shaped durations that still mean nothing usable: zero, or too long to count in seconds. */
  private durationAt(
    path: FieldPath,
    value: unknown,
    parse: (text: string) => number | undefined,
    example: string,
  ): void {
    // Malformed text is the schema's to report; here only what parses but cannot be used.
    const amount = typeof value === 'string' ? parse(value) : undefined;
    if (amount === undefined || isUsableAmount(amount)) return;
    this.report(
      path,
      `${JSON.stringify(value)} is not a usable duration; expected one longer than zero, such as ${example}`,
    );
  }

  private report(path: FieldPath, message: string): void {
    this.issues.push(this.source.issue(path, message));
  }
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object entries of a top-level list, with their indexes (non-objects are the schema's business). */
function items(data: Record_, key: string): [number, Record_][] {
  const list = data[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isRecord(item) ? [[index, item] as [number, Record_]] : []));
}

function stringAt(record: Record_, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
