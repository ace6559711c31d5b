import type { EvaluationResult, Summary } from '../engine/evaluate.js';
import type { Finding } from '../engine/finding.js';
import type { ResourceRef } from '../model/model.js';

/**
 * The stable JSON report. Shape (keys always in this order, optional keys only when set):
 *
 *   { "findings": [ { "ruleId", "level": "mandatory"|"advisory",
 *                     "resource": { "type", "name", "urn"?, "path"?, "file"?, "stack"?, "line"?, "column"? },
 *                     "identity"?, "detail"?, "message", "remediation", "frameworks": [...],
 *                     "pending"?, "waivedBy"? } ],
 *     "summary": { "total", "blocking", "mandatory", "advisory", "waived", "pending",
 *                  "identities", "secrets", "byRule": { "<rule id>": count } } }
 *
 * Findings are sorted by stack, file, resource, rule, identity, detail and message, so the same change gives
 * byte-identical output.
 */
export function formatJson(result: EvaluationResult): string {
  const report = {
    findings: sortFindings(result.findings).map(findingJson),
    summary: summaryJson(result.summary),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Each finding's key is built once, not once per comparison.
  const keyed = findings.map((finding) => ({ finding, key: sortKey(finding) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((entry) => entry.finding);
}

function sortKey(finding: Finding): string[] {
  const r = finding.resource;
  return [r.stack ?? '', r.file ?? '', r.urn ?? '', r.path ?? '', r.name, r.type, finding.ruleId, finding.identity ?? '', finding.detail ?? '', finding.message];
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function findingJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    level: finding.level,
    resource: resourceJson(finding.resource),
    ...(finding.identity !== undefined ? { identity: finding.identity } : {}),
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
    message: finding.message,
    remediation: finding.remediation,
    frameworks: [...finding.frameworks],
    ...(finding.pending ? { pending: true } : {}),
    ...(finding.waivedBy !== undefined ? { waivedBy: finding.waivedBy } : {}),
  };
}

function resourceJson(resource: ResourceRef) {
  return {
    type: resource.type,
    name: resource.name,
    ...(resource.urn !== undefined ? { urn: resource.urn } : {}),
    ...(resource.path !== undefined ? { path: resource.path } : {}),
    ...(resource.file !== undefined ? { file: resource.file } : {}),
    ...(resource.stack !== undefined ? { stack: resource.stack } : {}),
    ...(resource.line !== undefined ? { line: resource.line, column: resource.column ?? 1 } : {}),
  };
}

function summaryJson(summary: Summary) {
  return {
    total: summary.total,
    blocking: summary.blocking,
    mandatory: summary.mandatory,
    advisory: summary.advisory,
    waived: summary.waived,
    pending: summary.pending,
    identities: summary.identities,
    secrets: summary.secrets,
    byRule: Object.fromEntries(Object.entries(summary.byRule).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
