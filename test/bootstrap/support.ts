/** Shared steps of the catalog init tests: init, fill in approvers, check, and the change that must fail afterwards. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPROVER_PLACEHOLDER } from '../../catalog/index.js';
import { runCheck } from '../../src/cli/check.js';
import { runCatalogInit } from '../../src/cli/catalog-init.js';
import { isBlocking } from '../../src/model/finding.js';

export const REPO = join(import.meta.dirname, '../..');
export const TODAY = '2026-12-02';
export const NOW = new Date(`${TODAY}T12:00:00Z`);

/** `catalog init` on the inputs (paths relative to the repository), the catalog text on success. */
export function init(paths: string[], extra: string[] = []) {
  return runCatalogInit(
    [...paths.map((path) => (path.startsWith('/') ? path : join(REPO, path))), '--today', TODAY, ...extra],
    undefined,
    REPO,
  );
}

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'eg-catalog-init-'));
}

/** The catalog with every approver placeholder filled in, written to a scratch file; its path. */
export function approved(text: string, directory = scratch()): string {
  const file = join(directory, 'catalog.yaml');
  writeFileSync(file, text.replaceAll(APPROVER_PLACEHOLDER, 'security-lead@example.com'));
  return file;
}

export function check(paths: string[], catalogPath: string) {
  return runCheck({
    paths: paths.map((path) => (path.startsWith('/') ? path : join(REPO, path))),
    catalogPath,
    format: 'json',
    now: NOW,
    cwd: REPO,
    toolVersion: 'test',
  });
}

/** Blocking findings as `rule resource detail` lines, sorted. */
export function blocking(result: ReturnType<typeof check>): string[] {
  return (result.result?.findings ?? [])
    .filter(isBlocking)
    .map((finding) => `${finding.ruleId} ${finding.resource.name} ${finding.detail ?? ''}`.trim())
    .sort();
}

/**
 * What a later change adds, as a template of its own beside the inputs: a new IAM user with an access key, and an
 * `iam:*` grant to a role the catalog now describes (by its physical name, as a policy in another stack names it).
 */
export function laterChange(roleName: string, directory = scratch()): string {
  const file = join(directory, 'later-change.template.json');
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      NewUser: { Type: 'AWS::IAM::User', Properties: { UserName: 'eg-later-user' } },
      NewUserKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'NewUser' } } },
      NewIamGrant: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'later-iam-admin',
          Roles: [roleName],
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] },
        },
      },
    },
  };
  writeFileSync(file, JSON.stringify(template, null, 2));
  return file;
}
