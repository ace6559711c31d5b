/**
 * The CLI's check of one manifest with one catalog, each written to a new directory, as a user runs
 * `entitlement-guard check app.yaml --catalog catalog.yaml` (or without `--catalog`, when none is given); the inputs
 * must read without an error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

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
