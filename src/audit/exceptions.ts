/** Catalog exceptions as the audit shows them: who approved, until when, how many days are left. */
import type { Catalog, CatalogException } from '../../catalog/types.js';
import type { Finding } from '../model/finding.js';
import { isPastDate } from '../../catalog/dates.js';
import { isExceptionValid } from '../../catalog/exception-scope.js';
import { daysLeft } from './dates.js';
import type { AuditException, ExceptionStatus } from './types.js';

/** Valid exceptions ending within this many days are called out as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

export function auditException(
  exception: CatalogException,
  catalog: Catalog,
  findings: readonly Finding[],
  now: Date,
): AuditException {
  const left = daysLeft(exception.expires, now);
  return {
    id: exception.id,
    rule: exception.rule,
    target: exception.target,
    reason: exception.reason,
    owner: exception.owner,
    approvedBy: exception.approvedBy,
    ...(exception.approved !== undefined ? { approved: exception.approved } : {}),
    ...(exception.ticket !== undefined ? { ticket: exception.ticket } : {}),
    expires: exception.expires,
    ...(exception.details !== undefined ? { details: exception.details } : {}),
    ...(exception.origin !== undefined ? { origin: exception.origin } : {}),
    ...(left !== undefined ? { daysLeft: left } : {}),
    status: statusOf(exception, catalog, left, now),
    waives: findings.filter((finding) => finding.waivedBy === exception.id).length,
    ...hygieneOf(exception, findings),
  };
}

/** What the exception rule found about the exception in this change: unused, or broader than the exception policy. */
function hygieneOf(
  exception: CatalogException,
  findings: readonly Finding[],
): Pick<AuditException, 'unused' | 'tooBroad'> {
  const own = findings.filter((finding) => finding.ruleId === EXCEPTION_RULE && finding.resource.name === exception.id);
  const broad = own
    .map((finding) => finding.detail)
    .find((detail): detail is string => detail?.startsWith('Targets::') === true);
  return {
    ...(own.some((finding) => finding.detail === 'Unused::this-change') ? { unused: true as const } : {}),
    ...(broad ? { tooBroad: Number(broad.slice('Targets::'.length)) } : {}),
  };
}

const EXCEPTION_RULE = 'exception-expiry';

function statusOf(exception: CatalogException, catalog: Catalog, left: number | undefined, now: Date): ExceptionStatus {
  if (left === undefined) return 'invalid';
  if (isPastDate(exception.expires, now)) return 'expired';
  if (!isExceptionValid(exception, catalog, now)) return 'invalid';
  return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'active';
}
