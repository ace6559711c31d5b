import type { EvaluationResult, Summary } from '../engine/evaluate.js';
import { sortFindings, type Finding } from '../model/finding.js';
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
