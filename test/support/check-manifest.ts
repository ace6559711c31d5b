/**
 * The CLI's check of one input with one catalog, each written to a new directory, as a user runs
 * `entitlement-guard check app.yaml --catalog catalog.yaml` (or without `--catalog`, when none is given): a manifest
 * whose inputs must read without an error, and a template or plan that must block.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';

/** The catalog as the check's messages name it: relative to the working directory, the one the files are written to. */
const CATALOG_FILE = 'catalog.yaml';

/** Writes `file` (and the catalog, when given) to a new directory and checks it from there, as JSON. */
function checkWritten(file: string, text: string, catalog?: string) {
  const directory = mkdtempSync(join(tmpdir(), 'eg-check-'));
  writeFileSync(join(directory, file), text);
  if (catalog !== undefined) writeFileSync(join(directory, CATALOG_FILE), catalog);
  return runCheck({
    paths: [join(directory, file)],
    ...(catalog !== undefined ? { catalogPath: join(directory, CATALOG_FILE) } : {}),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: directory,
    toolVersion: 'test',
  });
}

export function checkManifest(manifest: string, catalog?: string) {
  const result = checkWritten('app.yaml', manifest, catalog);
  expect(result.errors).toEqual([]);
  return { exitCode: result.exitCode, findings: result.result?.findings ?? [] };
}

/** A finding as most CLI cases compare it: `rule level resource detail`, with ` pending` when it waits for apply. */
export const verdictLine = (finding: Finding): string =>
  `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`;

/**
 * The check of one input (a template, a plan) with a catalog that must block: exit 1, no input error. Gives the
 * catalog as messages name it, the findings and their verdict lines.
 */
export function checkBlocked(file: string, text: string, catalog: string) {
  const result = checkWritten(file, text, catalog);
  expect([result.exitCode, result.errors]).toEqual([1, []]);
  const findings = result.result?.findings ?? [];
  return { catalog: CATALOG_FILE, findings, lines: findings.map(verdictLine) };
}

/**
 * A manifest's content findings (the catalog rules require-owner and require-entitlement aside, as no catalog is
 * given) as `rule kind name detail` lines, sorted, and each message by its line.
 */
export function contentVerdicts(manifest: string) {
  const findings = checkManifest(manifest).findings.filter(
    (f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement',
  );
  const line = (f: Finding) => `${f.ruleId} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`;
  return {
    verdicts: findings.map(line).sort(),
    message: (wanted: string) => findings.find((f) => line(f) === wanted)?.message,
  };
}
