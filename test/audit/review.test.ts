/**
 * Issue 20's review process through the CLI on the examples: `audit --baseline` (the privilege diff inside the audit,
 * the review queue marked new, changed or unchanged), the review queue per owner with stable review ids and its JSON
 * export, lineage from the CI's environment or `--source`, the report URL, and per-cloud catalog matches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { syntheticAudits } from '../../bench/support/synthetic-audits.mjs';
import { CatalogError, parseCatalog } from '../../catalog/index.js';
import { describeSource, mergeSources, parseSourceOptions, sourceFromEnvironment } from '../../src/audit/lineage.js';
import type { Audit, ReviewItem } from '../../src/audit/types.js';
import { runAudit } from '../../src/cli/audit.js';
import { runDiff } from '../../src/cli/diff.js';
import { main } from '../../src/cli/main.js';
import type { PrivilegeDiff } from '../../src/diff/index.js';
import { NOW, REPO } from './support.js';

const CATALOG = 'examples/catalog.yaml';
const GOOD = 'examples/cloudformation/good-stack.template.yaml';
const BAD = 'examples/cloudformation/bad-stack.template.yaml';
/** The good stack plus an access key for legacy-sftp-sync, a widened CI trust and iam:PassRole on every role. */
const PRIVILEGE_HEAD = 'test/diff/fixtures/privilege-head/good-stack.template.yaml';
const RENAMED = 'test/diff/fixtures/renamed-good/good-stack.template.yaml';

const audit = (paths: string[], extra: Partial<Parameters<typeof runAudit>[0]> = {}) =>
  runAudit({ paths, catalogPath: CATALOG, format: 'json', now: NOW, cwd: REPO, ...extra });
const auditJson = (paths: string[], extra: Partial<Parameters<typeof runAudit>[0]> = {}) =>
  JSON.parse(audit(paths, extra).output) as Audit;
const items = (report: Audit): (ReviewItem & { owner: string })[] =>
  report.review!.owners.flatMap((group) => group.items.map((item) => ({ owner: group.owner, ...item })));
const row = (item: ReviewItem & { owner: string }) =>
  [item.owner, item.subject, item.identity ?? '-', item.mode ?? '-', item.since ?? '-', item.reviewers.join('+')].join(
    ' | ',
  );

const work = mkdtempSync(join(tmpdir(), 'eg-review-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the review queue', () => {
  it('lists privileged access, long-lived credentials and exceptions per owner, standing first, each with who reviews it', () => {
    const report = auditJson([GOOD, BAD]);
    expect(report.review!.owners.map((group) => [group.owner, group.contact])).toEqual([
      ['team-data', 'data-eng@example.com'],
      ['team-ml', 'ml-platform@example.com'],
      ['team-platform', 'platform-oncall@example.com'],
      ['team-security', 'security@example.com'],
    ]);
    expect(items(report).map(row)).toEqual([
      'team-data | privileged grants | batch-admin | standing | - | team-data',
      'team-data | long-lived credentials | legacy-sftp-sync | standing | - | team-data',
      'team-data | exception EXC-101 | - | - | - | security-lead@example.com',
      'team-ml | exception EXC-087 | - | - | - | security-lead@example.com',
      'team-platform | privileged grants | ci-deployer | standing | - | team-platform',
      'team-platform | privileged grants | ops-automation | standing | - | team-platform',
      'team-platform | entitlement deploy-admin | alice-admin | just-in-time | - | team-platform',
      'team-platform | long-lived credentials | ci-bot | standing | - | team-platform',
      'team-security | entitlement emergency-admin | break-glass-admin | standing | - | team-security',
      'team-security | entitlement account-admin-jit | jit-admin | just-in-time | - | team-security',
    ]);
    expect([report.review!.items, report.review!.standing, report.review!.newOrChanged]).toEqual([10, 6, undefined]);
    const deployAdmin = items(report).find((item) => item.subject === 'entitlement deploy-admin')!;
    expect(deployAdmin.evidence).toEqual({
      entitlement: 'deploy-admin, at most 1h per approval',
      grants: [
        'cloudformation:* on arn:aws:cloudformation:*:*:stack/app-*/*',
        'iam:PassRole on arn:aws:iam::*:role/app-*',
      ],
      assumableBy: [],
      runsOn: [],
      credentials: [],
      exceptions: [],
      gaps: [],
      blocking: 0,
    });
    const sftp = items(report).find((item) => item.subject === 'long-lived credentials')!;
    expect(sftp.evidence.credentials).toEqual(['aws-access-key LegacySftpAccessKey (no expiry)']);
    expect(sftp.evidence.exceptions).toEqual([
      'EXC-101 (no-long-lived-credentials, active, expires 2027-06-30, approved by security-lead@example.com)',
    ]);
    const expired = items(report).find((item) => item.subject === 'exception EXC-087')!;
    expect(expired.evidence.gaps).toEqual(['expired']);
  });

  it('gives each item a review id that a rename keeps when the catalog or the physical name identifies it', () => {
    const before = items(auditJson([GOOD]));
    const after = items(auditJson([RENAMED]));
    expect(before.map((item) => item.id)).toEqual(after.map((item) => item.id));
    expect(before.every((item) => /^R-[0-9a-f]{10}$/.test(item.id))).toBe(true);
    expect(new Set(before.map((item) => item.id)).size).toBe(before.length);
  });

  it('writes the queue alone as JSON for a ticketing system (--format review)', () => {
    const exported = JSON.parse(audit([GOOD], { format: 'review' }).output) as {
      schema: string;
      generatedAt: string;
      catalog: string;
      items: (ReviewItem & { owner: string; ownerContact?: string })[];
    };
    expect([exported.schema, exported.generatedAt, exported.catalog]).toEqual([
      'entitlement-guard/review/v1',
      '2026-07-01T00:00:00.000Z',
      'examples/catalog.yaml',
    ]);
    expect(exported.items.map((item) => [item.owner, item.id, item.subject])).toEqual(
      items(auditJson([GOOD])).map((item) => [item.owner, item.id, item.subject]),
    );
    expect(exported.items[0]).toMatchObject({
      owner: 'team-data',
      ownerContact: 'data-eng@example.com',
      kind: 'exception',
    });
  });
});

describe('audit --baseline', () => {
  it('shows the privilege diff from the baseline inside the audit, the same diff `diff` gives', () => {
    const report = auditJson([PRIVILEGE_HEAD], { baseline: GOOD });
    const diff = JSON.parse(
      runDiff({ base: GOOD, head: PRIVILEGE_HEAD, catalogPath: CATALOG, format: 'json', now: NOW, cwd: REPO }).output,
    ) as PrivilegeDiff;
    expect(report.baseline).toEqual({
      generatedAt: '2026-07-01T00:00:00.000Z',
      catalog: 'examples/catalog.yaml',
      identities: 8,
      diff,
    });
    expect(
      report.baseline!.diff.identities.map((identity) => [identity.key, identity.change, identity.privileged]),
    ).toEqual([
      ['catalog:ci-deployer', 'changed', true],
      ['catalog:legacy-sftp-sync', 'changed', true],
    ]);
  });

  it('marks each review item new, changed or unchanged since the baseline, new and changed first', () => {
    const report = auditJson([PRIVILEGE_HEAD], { baseline: GOOD });
    expect(items(report).map(row)).toEqual([
      'team-data | long-lived credentials | legacy-sftp-sync | standing | new | team-data',
      'team-data | exception EXC-101 | - | - | changed | security-lead@example.com',
      'team-ml | exception EXC-087 | - | - | unchanged | security-lead@example.com',
      'team-platform | privileged grants | ci-deployer | standing | changed | team-platform',
      'team-platform | entitlement deploy-admin | alice-admin | just-in-time | unchanged | team-platform',
      'team-security | entitlement emergency-admin | break-glass-admin | standing | unchanged | team-security',
      'team-security | entitlement account-admin-jit | jit-admin | just-in-time | unchanged | team-security',
    ]);
    expect(report.review!.newOrChanged).toBe(3);
    const ci = items(report).find((item) => item.identity === 'ci-deployer')!;
    expect(ci.evidence.grants).toEqual([
      'Allow sts:AssumeRole on arn:aws:iam::111122223333:role/cdk-hnb659fds-* [privilege-escalation] (policy cdk-deploy (CiDeployerRole))',
      'Allow iam:PassRole on * [privilege-escalation] (policy cdk-deploy (CiDeployerRole))',
    ]);
  });

  it('against itself, or a rename, says nothing changed', () => {
    for (const head of [GOOD, RENAMED]) {
      const report = auditJson([head], { baseline: GOOD });
      expect(report.baseline!.diff.identities).toEqual([]);
      expect(items(report).map((item) => item.since)).toEqual(items(report).map(() => 'unchanged'));
      expect(report.review!.newOrChanged).toBe(0);
    }
  });

  it('reads the baseline from an audit JSON written earlier, and puts the diff in the Markdown and HTML', () => {
    const stored = join(work, 'baseline.audit.json');
    writeFileSync(stored, audit([GOOD], { source: { system: 'manual', commit: 'a1b2c3d' } }).output);
    const fromFile = auditJson([PRIVILEGE_HEAD], { baseline: stored });
    expect(fromFile.baseline!.source).toEqual({ system: 'manual', commit: 'a1b2c3d' });
    expect(fromFile.baseline!.diff.identities).toEqual(
      auditJson([PRIVILEGE_HEAD], { baseline: GOOD }).baseline!.diff.identities,
    );
    const markdown = audit([PRIVILEGE_HEAD], { baseline: stored, format: 'markdown' }).output.split('\n');
    expect(markdown.filter((line) => line.startsWith('#### '))).toEqual([
      '#### Since the baseline: ❌ 3 new blocking findings',
      '#### To review: 7 items (3 standing, 3 new or changed since the baseline)',
      '#### Catalog hygiene',
      '#### ci-deployer — `AWS::IAM::Role CiDeployerRole`',
      '#### legacy-sftp-sync — `AWS::IAM::AccessKey LegacySftpKey`',
      '#### payments-api-runtime — `AWS::IAM::Role PaymentsApiRole`',
      '#### alice-admin — declared in the catalog only',
      '#### analytics-etl — declared in the catalog only',
      '#### break-glass-admin — declared in the catalog only',
      '#### jit-admin — declared in the catalog only',
      '#### report-agent — declared in the catalog only',
    ]);
    expect(markdown).toContain('Baseline: audit of 2026-07-01, commit a1b2c3d \\(manual\\), 8 identities.');
    expect(markdown).toContain('- 🔴 **legacy-sftp-sync** (changed aws-user, team-data): + long-lived aws-access-key');
    const html = audit([PRIVILEGE_HEAD], { baseline: stored, format: 'html' }).output;
    expect(html).toContain('<section id="baseline-diff">');
    expect(html).toContain('<section id="review-queue">');
  });

  it('is an audit option: a missing baseline is a located error (exit 2), and diff refuses --baseline', () => {
    const missing = main([
      'audit',
      join(REPO, GOOD),
      '--catalog',
      join(REPO, CATALOG),
      '--baseline',
      join(work, 'nothing.json'),
    ]);
    expect(missing.exitCode).toBe(2);
    expect(missing.errors).toEqual([`${join(work, 'nothing.json')}: no such file or directory`]);
    const onDiff = main(['diff', join(REPO, GOOD), join(REPO, GOOD), '--baseline', join(REPO, GOOD)]);
    expect([onDiff.exitCode, onDiff.errors[0]]).toEqual([
      2,
      'entitlement-guard: --baseline is an audit option (the diff takes the base as its first path)',
    ]);
  });
});

describe('lineage', () => {
  it.each([
    [
      'GitHub Actions, pull request',
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'example-co/payments',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_REF_NAME: '42/merge',
        GITHUB_HEAD_REF: 'feature/pass-role',
        GITHUB_ACTOR: 'octocat',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '7',
      },
      {
        system: 'github-actions',
        repository: 'example-co/payments',
        commit: '0123456789abcdef0123456789abcdef01234567',
        branch: 'feature/pass-role',
        pullRequest: '42',
        actor: 'octocat',
        url: 'https://github.com/example-co/payments/actions/runs/7',
      },
    ],
    [
      'GitHub Actions, push',
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_SHA: 'abc',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_HEAD_REF: '',
        GITHUB_ACTOR: 'octocat',
      },
      { system: 'github-actions', commit: 'abc', branch: 'main', actor: 'octocat' },
    ],
    [
      'GitLab CI, merge request',
      {
        GITLAB_CI: 'true',
        CI_PROJECT_PATH: 'example-co/payments',
        CI_COMMIT_SHA: 'def',
        CI_COMMIT_REF_NAME: 'feature/x',
        CI_MERGE_REQUEST_IID: '12',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/x',
        GITLAB_USER_LOGIN: 'gl-user',
        CI_PIPELINE_URL: 'https://gitlab.example.com/p/-/pipelines/9',
      },
      {
        system: 'gitlab-ci',
        repository: 'example-co/payments',
        commit: 'def',
        branch: 'feature/x',
        pullRequest: '12',
        actor: 'gl-user',
        url: 'https://gitlab.example.com/p/-/pipelines/9',
      },
    ],
    [
      'Azure Pipelines, pull request',
      {
        TF_BUILD: 'True',
        BUILD_REPOSITORY_NAME: 'payments',
        BUILD_SOURCEVERSION: 'fed',
        BUILD_SOURCEBRANCH: 'refs/pull/5/merge',
        SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature/y',
        SYSTEM_PULLREQUEST_PULLREQUESTID: '5',
        BUILD_REQUESTEDFOR: 'Ada Lovelace',
        SYSTEM_COLLECTIONURI: 'https://dev.azure.com/example/',
        SYSTEM_TEAMPROJECT: 'Payments Team',
        BUILD_BUILDID: '31',
      },
      {
        system: 'azure-pipelines',
        repository: 'payments',
        commit: 'fed',
        branch: 'feature/y',
        pullRequest: '5',
        actor: 'Ada Lovelace',
        url: 'https://dev.azure.com/example/Payments%20Team/_build/results?buildId=31',
      },
    ],
    [
      'Jenkins, multibranch pull request',
      {
        JENKINS_URL: 'https://jenkins.example.com/',
        GIT_URL: 'https://github.com/example-co/payments.git',
        GIT_COMMIT: '123',
        BRANCH_NAME: 'PR-8',
        CHANGE_BRANCH: 'feature/z',
        CHANGE_ID: '8',
        CHANGE_AUTHOR: 'jdoe',
        BUILD_URL: 'https://jenkins.example.com/job/p/8/',
      },
      {
        system: 'jenkins',
        repository: 'https://github.com/example-co/payments.git',
        commit: '123',
        branch: 'feature/z',
        pullRequest: '8',
        actor: 'jdoe',
        url: 'https://jenkins.example.com/job/p/8/',
      },
    ],
    [
      'CircleCI, pull request',
      {
        CIRCLECI: 'true',
        CIRCLE_PROJECT_USERNAME: 'example-co',
        CIRCLE_PROJECT_REPONAME: 'payments',
        CIRCLE_SHA1: '456',
        CIRCLE_BRANCH: 'feature/w',
        CIRCLE_PULL_REQUEST: 'https://github.com/example-co/payments/pull/77',
        CIRCLE_USERNAME: 'cci',
        CIRCLE_BUILD_URL: 'https://circleci.com/gh/example-co/payments/3',
      },
      {
        system: 'circleci',
        repository: 'example-co/payments',
        commit: '456',
        branch: 'feature/w',
        pullRequest: '77',
        actor: 'cci',
        url: 'https://circleci.com/gh/example-co/payments/3',
      },
    ],
  ])('reads %s from its environment variables', (_name, env, expected) => {
    expect(sourceFromEnvironment(env)).toEqual(expected);
  });

  it('reads nothing outside a known CI, and takes --source options over the CI', () => {
    expect(sourceFromEnvironment({ CI: 'true', HOME: '/root' })).toBeUndefined();
    expect(parseSourceOptions(['commit=abc', 'pr=3', 'Pull-Request=4', 'actor= alice '])).toEqual({
      commit: 'abc',
      pullRequest: '4',
      actor: 'alice',
    });
    expect(parseSourceOptions(['sha=abc'])).toBe(
      '--source "sha=abc": expected key=value with key one of system, repository, commit, branch, pull-request, actor, url',
    );
    expect(parseSourceOptions(['commit='])).toBe('--source "commit=": the value is empty');
    expect(mergeSources({ system: 'gitlab-ci', commit: 'a', branch: 'b' }, { commit: 'c' })).toEqual({
      system: 'gitlab-ci',
      commit: 'c',
      branch: 'b',
    });
    expect(mergeSources(undefined, { actor: 'alice' })).toEqual({ system: 'manual', actor: 'alice' });
    expect(mergeSources(undefined, {})).toBeUndefined();
    expect(
      describeSource({
        system: 'github-actions',
        commit: '0123456789abcdef0123456789abcdef01234567',
        branch: 'main',
        pullRequest: '42',
        actor: 'octocat',
      }),
    ).toBe('commit 0123456789ab, on main, pull request #42, by octocat (github-actions)');
  });

  describe('through the CLI', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    });

    it('records the CI run in the audit and in the diff head, with --source on top', () => {
      Object.assign(process.env, {
        GITHUB_ACTIONS: 'true',
        GITHUB_SHA: 'abc123',
        GITHUB_REF: 'refs/pull/9/merge',
        GITHUB_HEAD_REF: 'feature/a',
        GITHUB_ACTOR: 'octocat',
      });
      const args = [join(REPO, GOOD), '--catalog', join(REPO, CATALOG), '--now', '2026-07-01'];
      const report = JSON.parse(main(['audit', ...args, '--source', 'actor=release-bot']).output) as Audit;
      expect(report.source).toEqual({
        system: 'github-actions',
        commit: 'abc123',
        branch: 'feature/a',
        pullRequest: '9',
        actor: 'release-bot',
      });
      const diff = JSON.parse(main(['diff', join(REPO, GOOD), ...args, '--format', 'json']).output) as PrivilegeDiff;
      expect([diff.base.source, diff.head.source]).toEqual([
        undefined,
        { system: 'github-actions', commit: 'abc123', branch: 'feature/a', pullRequest: '9', actor: 'octocat' },
      ]);
      const markdown = main(['audit', ...args, '--format', 'markdown']).output;
      expect(markdown.split('\n')[4]).toBe(
        'Change: commit abc123, on feature/a, pull request \\#9, by octocat \\(github-actions\\)',
      );
      expect(main(['check', ...args, '--source', 'commit=x']).errors[0]).toBe(
        'entitlement-guard: --source is an option of audit and diff',
      );
      expect(main(['audit', ...args, '--source', 'colour=red']).exitCode).toBe(2);
    });
  });

  it('names who approves each privileged entitlement (approval.by) and exception', () => {
    const report = auditJson([GOOD]);
    const alice = report.identities.find((identity) => identity.name === 'alice-admin')!;
    expect(
      alice.entitlements
        .filter((entitlement) => entitlement.privileged)
        .map((entitlement) => [entitlement.id, entitlement.approvers, entitlement.maxDuration]),
    ).toEqual([['deploy-admin', ['team-platform'], '1h']]);
    expect(report.exceptions.map((exception) => [exception.id, exception.approvedBy, exception.approved])).toEqual([
      ['EXC-101', 'security-lead@example.com', '2026-07-01'],
      ['EXC-087', 'security-lead@example.com', '2025-11-01'],
    ]);
  });
});

describe('--report-url', () => {
  it('links the full report from a diff that does not fit a pull-request comment', () => {
    const { base, head } = syntheticAudits(5_000);
    const basePath = join(work, 'synthetic-base.audit.json');
    const headPath = join(work, 'synthetic-head.audit.json');
    writeFileSync(basePath, JSON.stringify(base));
    writeFileSync(headPath, JSON.stringify(head));
    const result = main([
      'diff',
      basePath,
      headPath,
      '--format',
      'markdown',
      '--report-url',
      'https://ci.example.com/runs/7/audit.html',
    ]);
    expect(result.output.length).toBeLessThan(65_000);
    expect(result.output).toMatch(/; see \[the full report\]\(https:\/\/ci\.example\.com\/runs\/7\/audit\.html\)\.\n$/);
  });

  it('puts the link in the audit, and refuses what is not an http(s) URL', () => {
    const args = ['audit', join(REPO, GOOD), '--catalog', join(REPO, CATALOG), '--now', '2026-07-01'];
    expect(main([...args, '--format', 'markdown', '--report-url', 'https://ci.example.com/a.html']).output).toContain(
      '\nFull report: [https://ci.example.com/a.html](https://ci.example.com/a.html)\n',
    );
    expect(main([...args, '--format', 'html', '--report-url', 'https://ci.example.com/a.html']).output).toContain(
      '<p class="meta" id="report-url">Full report: <a href="https://ci.example.com/a.html" rel="noreferrer">',
    );
    const bad = main([...args, '--report-url', 'javascript:alert(1)']);
    expect([bad.exitCode, bad.errors[0]]).toEqual([
      2,
      'entitlement-guard: --report-url must be an http(s) URL without spaces or quotes, got "javascript:alert(1)"',
    ]);
  });
});

describe('one catalog identity across clouds: per-cloud matches', () => {
  const catalog = (identities: string) =>
    `apiVersion: entitlement-guard/v1\nowners: [{ id: team-a }]\nidentities:\n${identities}`;
  const issues = (text: string) => {
    try {
      parseCatalog(text, 'c.yaml');
      return [];
    } catch (error) {
      return (error as CatalogError).errors.map(
        (issue) => `${issue.line}:${issue.column} ${issue.field}: ${issue.message}`,
      );
    }
  };

  it('reads one match per cloud', () => {
    const parsed = parseCatalog(
      catalog(
        '  - { id: ci, owner: team-a, class: workload, entitlements: [], matches: [{ cloud: aws, name: ci }, { cloud: kubernetes, name: "system:serviceaccount:*:ci" }] }\n',
      ),
      'c.yaml',
    );
    expect(parsed.identities[0]!.matches).toEqual([
      { cloud: 'aws', name: 'ci' },
      { cloud: 'kubernetes', name: 'system:serviceaccount:*:ci' },
    ]);
  });

  it('refuses a cloud matched twice, a match without name or tags or cloud, and match beside matches, located', () => {
    expect(
      issues(
        catalog(
          [
            '  - id: a',
            '    owner: team-a',
            '    class: workload',
            '    entitlements: []',
            '    matches:',
            '      - { cloud: aws, name: a }',
            '      - { cloud: aws, name: b }',
            '      - { cloud: gcp }',
            '  - { id: b, owner: team-a, class: workload, entitlements: [], match: { name: b }, matches: [{ cloud: aws, name: b }] }',
            '  - { id: c, owner: team-a, class: workload, entitlements: [], matches: [{ name: c }] }',
            '',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      '10:18 identities[0].matches[1].cloud: cloud "aws" is already matched by matches[0]; one match per cloud (a name glob may cover several names)',
      '11:9 identities[0].matches[2]: a match needs a name or tags; on its own it matches nothing',
      '12:93 identities[1].matches: give match or matches, not both; matches lists one match per cloud',
      '13:74 identities[2].matches[0].cloud: missing required key "cloud"',
    ]);
  });
});
