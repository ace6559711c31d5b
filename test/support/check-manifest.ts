/**
 * The CLI's check of one manifest with one catalog, each written to a new directory, as a user runs
 * `entitlement-guard check app.yaml --catalog catalog.yaml` (or without `--catalog`, when none is given); the inputs
 * must read without an error; and the check of a template or plan that must block.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';

export function checkManifest(manifest: string, catalog?: string) {
  const directory = mkdtempSync(join(tmpdir(), 'eg-manifest-'));
  writeFileSync(join(directory, 'app.yaml'), manifest);
  if (catalog !== undefined) writeFileSync(join(directory, 'catalog.yaml'), catalog);
  const result = runCheck({
    paths: [join(directory, 'app.yaml')],
    ...(catalog !== undefined ? { catalogPath: join(directory, 'catalog.yaml') } : {}),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: directory,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return { exitCode: result.exitCode, findings: result.result?.findings ?? [] };
}

/** A finding as most CLI cases compare it: `rule level resource detail`, with ` pending` when it waits for apply. */
export const verdictLine = (finding: Finding): string =>
  `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`;

/**
 * The CLI's check of one input (a template, a plan) with a catalog, each written to a new directory, that must block:
 * exit 1, no input error. Gives the catalog as messages name it (relative to the working directory, the one written
 * to), the findings and their verdict lines.
 */
export function checkBlocked(file: string, text: string, catalog: string) {
  const directory = mkdtempSync(join(tmpdir(), 'eg-check-'));
  const input = join(directory, file);
  const catalogPath = join(directory, 'catalog.yaml');
  writeFileSync(input, text);
  writeFileSync(catalogPath, catalog);
  const result = runCheck({
    paths: [input],
    catalogPath,
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: directory,
    toolVersion: 'test',
  });
  expect([result.exitCode, result.errors]).toEqual([1, []]);
  const findings = result.result?.findings ?? [];
  return { catalog: relative(directory, catalogPath), findings, lines: findings.map(verdictLine) };
}
