/**
 * How the CLI reads Kubernetes manifests it is given: each file once, however often it is named, and every object of
 * it, as kubectl applies them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const ROLE = (rule: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ops}\nrules:\n  - ${rule}\n`;

function check(directory: string, paths: string[]) {
  const result = runCheck({
    paths: paths.map((path) => join(directory, path)),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: directory,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? []).map((f) => `${f.ruleId} ${f.resource.file} ${f.resource.name} ${f.detail}`);
}

describe('Kubernetes manifests given to the CLI', () => {
  it('an object written twice in one file: both are read, so a later "*" rule is not hidden behind an earlier narrow one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-k8s-'));
    writeFileSync(
      join(directory, 'ops.yaml'),
      `${ROLE('{apiGroups: [""], resources: [pods], verbs: [get]}')}---\n${ROLE('{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}')}`,
    );
    expect(check(directory, ['ops.yaml'])).toEqual(['no-wildcard-privilege ops.yaml ops Route::wildcard']);
  });

  it('a file named twice (itself and its directory) is read once', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-k8s-'));
    writeFileSync(join(directory, 'ops.yaml'), ROLE('{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}'));
    expect(check(directory, ['ops.yaml', '.'])).toEqual(['no-wildcard-privilege ops.yaml ops Route::wildcard']);
  });
});
