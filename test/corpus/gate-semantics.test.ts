/**
 * Regression corpus for issue 24 items 1-2: small templates we wrote from the identity facts of public code (each
 * file's header names the repository, path and commit), checked through the CLI with require-entitlement advisory.
 * The findings of the rules these items touch are pinned, each judged in test/corpus/gate-semantics/README.md; and for
 * every blocking finding of the corpus, the waiver target its hint prints, written as an exception, waives it.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCheck } from '../../src/cli/check.js';
import { isBlocking } from '../../src/model/finding.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = 'test/corpus/gate-semantics';
const CATALOG = join(REPO, CORPUS, 'catalog.yaml');
const RULES = ['restrict-trust', 'no-wildcard-privilege', 'no-privilege-escalation'];

const check = (file: string, catalogPath = CATALOG) =>
  runCheck({ paths: [join(REPO, CORPUS, file)], catalogPath, format: 'json', now: new Date('2026-06-01T00:00:00Z'), cwd: REPO, toolVersion: 'test' });

/** Exit code and the findings of the rules in scope; each judged right / noisy / wrong in README.md beside the corpus. */
const EXPECTED: Record<string, { exitCode: number; findings: string[] }> = {
  'sra-config-org-configuration-role.template.yaml': {
    exitCode: 1,
    findings: [
      // No Path::put-role-policy: its iam:PutRolePolicy names the Config service-linked role, which IAM refuses to change.
      'restrict-trust mandatory rConfigRecorderRoleUntrusted Account::999988887777',
      'restrict-trust mandatory rConfigRecorderRoleUntrusted Condition::sts:ExternalId',
    ],
  },
  'sra-guardduty-event-rule-role.template.yaml': { exitCode: 0, findings: [] },
  'sagemaker-studio-image-build-role.template.yaml': {
    exitCode: 1,
    findings: ['no-privilege-escalation mandatory StudioImageBuildRole Path::passrole-codebuild'],
  },
  'fluidattacks-open-passrole.template.yaml': { exitCode: 1, findings: ['no-wildcard-privilege mandatory TestPolicy Action::iam:Pass*'] },
};

describe('gate-semantics regression corpus', () => {
  it.each(Object.keys(EXPECTED))('%s', (file) => {
    const result = check(file);
    const findings = result.result!.findings.filter((finding) => RULES.includes(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail}`);
    expect({ exitCode: result.exitCode, findings: findings.sort() }).toEqual(EXPECTED[file]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'eg-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(EXPECTED))('every blocking finding of %s is waived by the target its hint prints', (file) => {
    const blocking = check(file).result!.findings.filter(isBlocking);
    const document = parse(readFileSync(CATALOG, 'utf8')) as Record<string, unknown>;
    document.exceptions = blocking.map((finding, index) => ({
      id: `EXC-${index}`,
      rule: finding.ruleId,
      target: finding.waiverTarget,
      reason: 'corpus round trip',
      owner: 'team-platform',
      approvedBy: 'security-lead@example.com',
      expires: '2099-12-31',
    }));
    const catalogPath = join(dir, `${file}.catalog.yaml`);
    writeFileSync(catalogPath, stringify(document));
    expect(blocking.every((finding) => finding.waiverTarget !== undefined)).toBe(true);
    const again = check(file, catalogPath);
    expect(again.result!.findings.filter(isBlocking)).toEqual([]);
    expect(again.exitCode).toBe(0);
  });
});
