/**
 * A corpus file checked as `entitlement-guard check <file> --format json` checks it, with no catalog, and its findings
 * as one line each: what the corpus tests of public Terraform plans assert (checkov's and regula's).
 */
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';

export interface JsonFinding {
  ruleId: string;
  level: string;
  detail?: string;
  pending?: boolean;
  message: string;
  resource: { type: string; name: string; file: string };
}

/** Checks `file` of the corpus folder `corpus` (an absolute path), on a fixed date. */
export function checkCorpusFile(corpus: string, file: string) {
  const result = main(['check', join(corpus, file), '--format', 'json', '--now', '2026-12-01']);
  const findings = result.exitCode === 2 ? [] : (JSON.parse(result.output) as { findings: JsonFinding[] }).findings;
  return { exitCode: result.exitCode, errors: result.errors, findings };
}

/** `rule level resource detail [pending]`, in the CLI's order. */
export function findingLines(findings: JsonFinding[]): string[] {
  return findings.map((f) =>
    [f.ruleId, f.level, f.resource.name, f.detail ?? '-', ...(f.pending ? ['pending'] : [])].join(' '),
  );
}

/** The findings every identity of a check without catalog has: no owner the catalog knows, no entitlement declared. */
export const noCatalog = (name: string) => [
  `require-entitlement mandatory ${name} Catalog::default`,
  `require-owner mandatory ${name} Owner::missing`,
];
