import type { AuditIdentity } from '../audit/index.js';

/**
 * What the IaC author claimed for an identity (AuditClaims), one plain sentence each, for a reviewer to weigh: the
 * Markdown and HTML views escape them their own way.
 */
export function claimTexts(claims: AuditIdentity['claims']): string[] {
  if (!claims) return [];
  const texts: string[] = [];
  if (claims.recordByResourceName !== undefined)
    texts.push(
      `catalog record ${claims.recordByResourceName}, matched only by its resource name (binds no exception, grants no privileged entitlement)`,
    );
  if (claims.recordByTags !== undefined)
    texts.push(
      `catalog record ${claims.recordByTags}, matched only by its tags (binds no exception, grants no privileged entitlement)`,
    );
  if (claims.classBy !== undefined)
    texts.push(
      `its class, by ${claims.classBy === 'tag' ? 'its class tag' : claims.classBy === 'record-tags' ? 'those tags' : 'that resource name'} (lifts no check meant for machines)`,
    );
  if (claims.privilegedNotHeld?.length)
    texts.push(`privileged entitlements, not held: ${claims.privilegedNotHeld.join(', ')}`);
  return texts;
}
