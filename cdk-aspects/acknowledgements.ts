import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { RULE_IDS } from '../catalog/rule-ids.js';
import type { FindingSummary } from './verdict.js';

/** A `Validations.of(construct).acknowledge(...)` that names one of our rules. */
export interface RuleAcknowledgement {
  /** The id as recorded (`Annotation::EntitlementGuard-no-wildcard-privilege[Action::s3:*]`). */
  id: string;
  ruleId: string;
  /** The granular part in brackets, when the acknowledgement is that narrow. */
  detail?: string;
  reason: string;
  /** The construct it was recorded on (and its path); it covers that construct and everything below. */
  construct: IConstruct;
  at: string;
}

/** An acknowledgement that would hide a finding no catalog exception covers. Only the catalog waives. */
export interface UnapprovedWaiver {
  acknowledgement: RuleAcknowledgement;
  finding: FindingSummary;
}

/** The prefixes our rule ids carry in the three front-ends: nag ids, plugin namespace, bare ids. */
const NAMESPACES = /^(?:annotation::|EntitlementGuard::|EntitlementGuardChecks::)?(?:EntitlementGuard-)?/i;

const RULE_ID_SET: ReadonlySet<string> = new Set(RULE_IDS);

/** Parses an acknowledged id into one of our rules, or undefined for other tools' rules. */
export function parseAcknowledgedId(id: string): { ruleId: string; detail?: string } | undefined {
  const [, ruleId, detail] = /^([^[]+)(?:\[(.*)\])?$/.exec(id.replace(NAMESPACES, '')) ?? [];
  if (ruleId === undefined || !RULE_ID_SET.has(ruleId)) return undefined;
  return { ruleId, ...(detail !== undefined ? { detail } : {}) };
}

/** Every acknowledgement of one of our rules recorded on `scope` or below. */
export function ruleAcknowledgements(scope: IConstruct): RuleAcknowledgement[] {
  return scope.node.findAll().flatMap(acknowledgementsOn);
}

/**
 * The acknowledgements of our rules that could hide a finding on one of these constructs: recorded on it or on a
 * scope above it, up to `root` (an acknowledgement covers its construct and everything below). Each scope is read
 * once, so a stack's thousands of resources cost a walk up from each, not a walk of the whole stack.
 */
export function acknowledgementsAbove(constructs: Iterable<IConstruct>, root: IConstruct): RuleAcknowledgement[] {
  const read = new Set<IConstruct>();
  const found: RuleAcknowledgement[] = [];
  for (const construct of constructs) {
    for (
      let current: IConstruct | undefined = construct;
      current && !read.has(current);
      current = current === root ? undefined : current.node.scope
    ) {
      read.add(current);
      found.push(...acknowledgementsOn(current));
    }
  }
  return found;
}

/** The acknowledgements of our rules recorded on this one construct. */
export function acknowledgementsOn(construct: IConstruct): RuleAcknowledgement[] {
  const found: RuleAcknowledgement[] = [];
  for (const entry of construct.node.metadata) {
    if (
      entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY ||
      typeof entry.data !== 'object' ||
      entry.data === null
    )
      continue;
    for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
      const parsed = parseAcknowledgedId(id);
      if (parsed) found.push({ id, ...parsed, reason: String(reason), construct, at: construct.node.path });
    }
  }
  return found;
}

/**
 * Pairs acknowledgements with the unwaived findings they would hide: same rule, same detail when the
 * acknowledgement is granular, on a resource at or below the acknowledged construct.
 */
export function unapprovedWaivers(
  acknowledgements: RuleAcknowledgement[],
  findings: FindingSummary[],
): UnapprovedWaiver[] {
  const waivers: UnapprovedWaiver[] = [];
  for (const acknowledgement of acknowledgements) {
    for (const finding of findings) {
      if (finding.waivedBy || finding.ruleId !== acknowledgement.ruleId) continue;
      if (acknowledgement.detail !== undefined && acknowledgement.detail !== finding.detail) continue;
      const path = finding.resource.path;
      if (path !== undefined && (path === acknowledgement.at || path.startsWith(`${acknowledgement.at}/`)))
        waivers.push({ acknowledgement, finding });
    }
  }
  return waivers;
}

export function describeUnapprovedWaiver({ acknowledgement, finding }: UnapprovedWaiver): string {
  return (
    `[EntitlementGuard] unapproved waiver: "${acknowledgement.id}" acknowledged at ${acknowledgement.at} ("${acknowledgement.reason}") ` +
    `would hide ${finding.ruleId} on ${finding.resource.path}, but no valid catalog exception covers it. ` +
    'Acknowledgements do not waive Entitlement Guard rules: request a catalog exception (owner, approver, expiry) instead.'
  );
}
