/**
 * One identity across clouds: the rows of planned identities that match the same catalog record on more than one
 * cloud (a CI deployer as an AWS role, a Google service account and a Kubernetes service account) become one row, named
 * by the record, whose lists are the union of every cloud's and whose `placements` hold each cloud's row as it was.
 * Identities a record matches on one cloud only keep a row each, as before.
 */
import type { AuditEntitlement, AuditException, AuditIdentity } from './types.js';

export function oneRowPerCatalogIdentity(planned: readonly AuditIdentity[]): AuditIdentity[] {
  const byRecord = new Map<string, AuditIdentity[]>();
  for (const row of planned)
    if (row.catalogId !== undefined) byRecord.set(row.catalogId, [...(byRecord.get(row.catalogId) ?? []), row]);
  const rows: AuditIdentity[] = [];
  const merged = new Set<string>();
  for (const row of planned) {
    const recordId = row.catalogId;
    const group = recordId !== undefined ? byRecord.get(recordId) : undefined;
    if (recordId === undefined || !group || new Set(group.map((member) => member.cloud)).size < 2) {
      rows.push(row);
      continue;
    }
    if (merged.has(recordId)) continue;
    merged.add(recordId);
    // The group's first row: the rows of a group are in the order of planned.
    rows.push(mergeRows(recordId, row, group));
  }
  return rows;
}

function mergeRows(recordId: string, first: AuditIdentity, group: AuditIdentity[]): AuditIdentity {
  const placements = [...group].sort((a, b) => compare(a.cloud ?? '', b.cloud ?? '') || compare(a.name, b.name));
  const sessions = placements
    .map((row) => row.session?.maxSeconds)
    .filter((seconds): seconds is number => seconds !== undefined);
  const classLimit = first.session?.classLimitSeconds;
  return {
    id: `catalog:${recordId}`,
    name: recordId,
    origin: 'change',
    catalogId: recordId,
    ...(first.owner !== undefined ? { owner: first.owner } : {}),
    ...(first.ownerContact !== undefined ? { ownerContact: first.ownerContact } : {}),
    ...(first.unknownOwner !== undefined ? { unknownOwner: first.unknownOwner } : {}),
    ...(first.class !== undefined ? { class: first.class } : {}),
    ...(first.purpose !== undefined ? { purpose: first.purpose } : {}),
    ...(first.expiry !== undefined ? { expiry: first.expiry } : {}),
    ...deploymentTagsOfPlacements(placements),
    entitlements: mergeEntitlements(placements),
    grants: placements.flatMap((row) => row.grants),
    credentials: placements.flatMap((row) => row.credentials),
    ...(sessions.length || classLimit !== undefined
      ? {
          session: {
            ...(sessions.length ? { maxSeconds: Math.max(...sessions) } : {}),
            ...(classLimit !== undefined ? { classLimitSeconds: classLimit } : {}),
          },
        }
      : {}),
    trust: placements.flatMap((row) => row.trust),
    runsOn: [...new Set(placements.flatMap((row) => row.runsOn))],
    exceptions: uniqueExceptions(placements.flatMap((row) => row.exceptions)),
    findings: placements.flatMap((row) => row.findings),
    privilegedPaths: placements.flatMap((row) => row.privilegedPaths.map((path) => `${row.cloud}: ${path}`)),
    placements,
  };
}

const HOLDING_RISK = { standing: 0, pending: 1, 'just-in-time': 2 } as const;

/** The record's entitlements once each, held as the riskiest cloud holds them (standing on one cloud is standing). */
function mergeEntitlements(rows: AuditIdentity[]): AuditEntitlement[] {
  const byId = new Map<string, AuditEntitlement>();
  for (const row of rows) {
    for (const entitlement of row.entitlements) {
      const seen = byId.get(entitlement.id);
      if (!seen) {
        byId.set(entitlement.id, entitlement);
        continue;
      }
      const riskier =
        entitlement.holding &&
        (!seen.holding || HOLDING_RISK[entitlement.holding.mode] < HOLDING_RISK[seen.holding.mode])
          ? entitlement
          : seen;
      byId.set(entitlement.id, { ...riskier, standing: seen.standing || entitlement.standing });
    }
  }
  return [...byId.values()];
}

function uniqueExceptions(exceptions: AuditException[]): AuditException[] {
  const byId = new Map<string, AuditException>();
  for (const exception of exceptions) if (!byId.has(exception.id)) byId.set(exception.id, exception);
  return [...byId.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each deployment-set catalog tag of any placement, once. */
function deploymentTagsOfPlacements(placements: AuditIdentity[]): Pick<AuditIdentity, 'setAtDeployment'> {
  const seen = new Map<string, NonNullable<AuditIdentity['setAtDeployment']>[number]>();
  for (const tag of placements.flatMap((row) => row.setAtDeployment ?? []))
    seen.set(`${tag.fact}\u0000${tag.tag}\u0000${tag.setBy}`, tag);
  return seen.size ? { setAtDeployment: [...seen.values()] } : {};
}
