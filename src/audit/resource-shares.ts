/**
 * Resource Access Manager shares in the audit: who outside the account each share reaches, read as restrict-trust reads
 * it (iam/aws/resource-shares.ts), so a reviewer sees a share's principals beside the roles' trust lists and the
 * secrets' readers. Each principal is a trust entry; what confines it (the share's own organization where external
 * principals are not allowed, a service's source accounts) is its condition.
 */
import { isUnknown, type PolicyValue, type ResourceRef, type ResourceShare } from '../model/model.js';
import {
  isServicePrincipal,
  organizationPrincipal,
  shareOrganization,
  sharePermissionList,
} from '../iam/aws/resource-shares.js';
import { isOwnAccountPattern } from '../iam/aws/resource-policy-grants.js';
import { parseAwsPrincipal } from '../rules/support/trust.js';
import type { AuditFinding, AuditResourceShare, AuditTrust } from './types.js';

export function auditResourceShares(
  shares: readonly ResourceShare[],
  ownAccounts: readonly string[],
  findingsOn: (resource: ResourceRef) => AuditFinding[],
): AuditResourceShare[] {
  return shares.map((share) => {
    // The share's findings are on the share and on each association that adds to it, each resource once.
    const refs = new Map<string, ResourceRef>();
    for (const { source } of [{ source: share.source }, ...share.principals, ...share.resources])
      refs.set(JSON.stringify([source.stack, source.file, source.urn, source.type, source.name]), source);
    const organization = share.allowExternal === false ? shareOrganization(share) : undefined;
    const seen = new Set<string>();
    const sharedWith = share.principals.flatMap(({ value }) => {
      const entry = sharePrincipal(share, value, ownAccounts, organization);
      const key = JSON.stringify(entry);
      if (seen.has(key)) return [];
      seen.add(key);
      return [entry];
    });
    return {
      name: share.name,
      resource: share.source,
      resources: [...new Set(share.resources.map(({ value }) => valueText(value)))],
      permissions: sharePermissionList(share),
      allowExternal: isUnknown(share.allowExternal) ? ('unknown' as const) : share.allowExternal,
      sharedWith,
      ...(share.outside ? { outside: true as const } : {}),
      findings: [...refs.values()].flatMap(findingsOn),
    };
  });
}

/** One principal of a share as a trust entry, with what confines it as its conditions. */
function sharePrincipal(
  share: ResourceShare,
  value: PolicyValue,
  ownAccounts: readonly string[],
  organization: string | undefined,
): AuditTrust {
  if (isUnknown(value))
    return {
      kind: isOwnAccountPattern(value, ownAccounts) ? 'own-account' : 'unknown',
      principal: value.description,
      conditions: [],
    };
  const named = organizationPrincipal(value);
  if (named)
    return { kind: named.kind === 'organization' ? 'aws-organization' : 'aws-ou', principal: value, conditions: [] };
  if (isServicePrincipal(value)) {
    const sources = share.sources ?? [];
    return {
      kind: 'service',
      principal: value,
      conditions: sources.length > 0 ? [`source accounts ${sources.map(valueText).join(' | ')}`] : [],
    };
  }
  const principal = value === '*' ? undefined : parseAwsPrincipal(value, ownAccounts);
  if (principal?.kind !== 'account') return { kind: 'unrecognized', principal: value, conditions: [] };
  if (principal.own) return { kind: 'own-account', principal: value, conditions: [] };
  // RAM associates no account outside the share's organization where the share allows no external principals.
  const confined =
    share.allowExternal === false
      ? [`only as an account of the share's own organization (${organization ?? 'which the share does not name'})`]
      : [];
  return { kind: 'aws-account', principal: value, conditions: confined };
}

function valueText(value: PolicyValue): string {
  return isUnknown(value) ? `<${value.description}>` : value;
}
