/**
 * The burn-down: the exceptions `catalog init` wrote to document what existed when the catalog was adopted, per
 * owner, each with its days left, soonest first. It shrinks as findings are fixed and exceptions removed, and it
 * shows what expires next while it has not.
 */
import type { AuditBurnDown, AuditException } from './types.js';

export function burnDownOf(exceptions: readonly AuditException[]): AuditBurnDown[] {
  const byOwner = new Map<string, AuditException[]>();
  for (const exception of exceptions) {
    if (exception.origin !== 'catalog-init') continue;
    byOwner.set(exception.owner, [...(byOwner.get(exception.owner) ?? []), exception]);
  }
  return [...byOwner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([owner, list]) => {
      const sorted = [...list].sort(
        (a, b) => (a.daysLeft ?? -Infinity) - (b.daysLeft ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const left = sorted.map((exception) => exception.daysLeft).filter((days): days is number => days !== undefined);
      return {
        owner,
        open: sorted.length,
        expired: sorted.filter((exception) => exception.status === 'expired').length,
        ...(left.length ? { nextExpiryDays: Math.min(...left) } : {}),
        exceptions: sorted.map((exception) => ({
          id: exception.id,
          rule: exception.rule,
          target: exception.target,
          expires: exception.expires,
          ...(exception.daysLeft !== undefined ? { daysLeft: exception.daysLeft } : {}),
          status: exception.status,
          waives: exception.waives,
        })),
      };
    });
}
