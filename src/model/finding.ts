import type { ResourceRef } from './model.js';

export type FindingLevel = 'mandatory' | 'advisory';

export interface Finding {
  ruleId: string;
  level: FindingLevel;
  resource: ResourceRef;
  /** Identity id (from the model) the finding is about, when it is about one. */
  identity?: string;
  /** Granular key in cdk-nag's style (`Action::s3:*`, `Principal::*`): a waiver can be that narrow. */
  detail?: string;
  message: string;
  remediation: string;
  /** Shared by the findings of one rule in one evaluation: read-only. */
  frameworks: readonly string[];
  /** The value could not be read yet (Pulumi preview unknown, unresolved token): verify when known. */
  pending?: boolean;
  /** The IaC tool hides the fact that would decide it (see Report.undecidable): advisory in every front-end. */
  undecidable?: boolean;
  /** Id of the valid catalog exception that waives this finding. Waived findings never block. */
  waivedBy?: string;
  /**
   * The exception `target` that would bind to what this finding is about (catalog/waivers.ts): the catalog id, the
   * construct path (`path:Stack/Role`), the physical name or the ARN, the location in a plain input
   * (`stack:app/Role`, `k8s:ClusterRole/admin`), the URN. Absent when nothing the catalog controls names it (a
   * Terraform resource without a physical name): no exception can waive it then.
   */
  waiverTarget?: string;
}

/** True when the finding should stop the deployment. */
export function isBlocking(finding: Pick<Finding, 'level' | 'waivedBy'>): boolean {
  return finding.level === 'mandatory' && !finding.waivedBy;
}

/** What a hint says when nothing the catalog controls names a finding's subject (Finding.waiverTarget absent). */
export const NO_WAIVER_TARGET =
  'no catalog exception can name it: its identity has no physical name, construct path, stack or namespace location, URN or ARN ' +
  'the catalog can bind to (a bare logical id, resource name or address never binds). Give it a physical name (RoleName, UserName, Name), then target that';

/**
 * The same for a finding about a resource alone (no identity or secret): it binds by the name its cloud keeps unique,
 * which the plan may not know (a `name_prefix`; a project left to a provider that takes it from a variable, a reference
 * or its environment).
 */
export const NO_RESOURCE_WAIVER_TARGET =
  'no catalog exception can name it: the resource has no name the plan knows that its cloud keeps unique (a managed ' +
  "policy's name; a Google Cloud workload's project, location and name), construct path, stack or namespace location or URN " +
  'the catalog can bind to (a bare logical id, resource name or address never binds). Set that name in the IaC (a ' +
  'literal name; the project on the resource, or as a literal in its provider block), then target it';

/** What a hint says for this finding when nothing the catalog controls names what it is about. */
export function noWaiverTarget(finding: Pick<Finding, 'identity'>): string {
  return finding.identity === undefined ? NO_RESOURCE_WAIVER_TARGET : NO_WAIVER_TARGET;
}

/**
 * The one order of findings every report and the audit use: stack, file, resource, rule, identity, detail, message, so
 * the same change gives byte-identical output.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Each finding's key is built once, not once per comparison.
  const keyed = findings.map((finding) => ({ finding, key: sortKey(finding) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((entry) => entry.finding);
}

function sortKey(finding: Finding): string[] {
  const r = finding.resource;
  return [
    r.stack ?? '',
    r.file ?? '',
    r.urn ?? '',
    r.path ?? '',
    r.name,
    r.type,
    finding.ruleId,
    finding.identity ?? '',
    finding.detail ?? '',
    finding.message,
  ];
}

function compareKeys(a: string[], b: string[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (y === undefined) return 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
