import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticAudits } from '../../bench/support/synthetic-audits.mjs';
import type { Audit } from '../../src/audit/types.js';
import { runAudit } from '../../src/cli/audit.js';
import { runDiff, type DiffFormat } from '../../src/cli/diff.js';
import { main } from '../../src/cli/main.js';
import { diffAudits, isEmptyDiff, parseAuditJson, type PrivilegeDiff } from '../../src/diff/index.js';
import { formatDiffMarkdown, MARKDOWN_DIFF_BUDGET } from '../../src/reporters/diff-markdown.js';
import { NOW, REPO } from '../audit/support.js';
import { inOldDeploymentNotation, inOldReferenceNotation } from '../support/legacy-notation.js';

const CATALOG = 'examples/catalog.yaml';
const GOOD = 'examples/cloudformation/good-stack.template.yaml';
const BAD = 'examples/cloudformation/bad-stack.template.yaml';
const FIXTURES = 'test/diff/fixtures';
/** The good stack plus an access key for legacy-sftp-sync, a widened CI trust and iam:PassRole on every role. */
const PRIVILEGE_HEAD = `${FIXTURES}/privilege-head/good-stack.template.yaml`;

const diff = (base: string, head: string, format: DiffFormat = 'json') =>
  runDiff({ base, head, catalogPath: CATALOG, format, now: NOW, cwd: REPO });
const diffJson = (base: string, head: string) => JSON.parse(diff(base, head).output) as PrivilegeDiff;

const work = mkdtempSync(join(tmpdir(), 'eg-diff-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('entitlement-guard diff: a head that adds an access key, widens a trust and grants iam:PassRole', () => {
  it('gives exactly those entries, privileged, and the findings they cause (JSON)', () => {
    const result = diff(GOOD, PRIVILEGE_HEAD);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.output) as PrivilegeDiff;
    expect(report.renamed).toEqual([]);
    expect(report.exceptions).toEqual([]);
    expect(report.otherFindings).toEqual({ new: [], resolved: [] });
    expect(report.identities.map((identity) => [identity.key, identity.change, identity.privileged])).toEqual([
      ['catalog:ci-deployer', 'changed', true],
      ['catalog:legacy-sftp-sync', 'changed', true],
    ]);
    const [ci, sftp] = report.identities;
    expect(ci!.grants).toEqual({
      added: [
        {
          statement: 'Allow iam:PassRole on *',
          grant: 'policy cdk-deploy (CiDeployerRole)',
          entitlements: [],
          beyondEntitlements: true,
          privileged: ['privilege-escalation'],
        },
      ],
      removed: [],
    });
    expect(ci!.credentials).toEqual({ added: [], removed: [] });
    expect(ci!.trust).toEqual({
      widened: [
        {
          kind: 'oidc',
          principal: 'token.actions.githubusercontent.com',
          conditions: [
            'StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com',
            'StringLike token.actions.githubusercontent.com:sub = repo:example-co/payments:*',
          ],
          was: [
            'StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com',
            'StringEquals token.actions.githubusercontent.com:sub = repo:example-co/payments:ref:refs/heads/main',
          ],
          reason: 'token.actions.githubusercontent.com:sub now admits repo:example-co/payments:*',
        },
      ],
      narrowed: [],
    });
    expect(ci!.findings.resolved).toEqual([]);
    expect(ci!.findings.new.map((f) => [f.ruleId, f.detail, f.blocking])).toEqual([
      ['no-wildcard-privilege', 'Resource::*', true],
      ['require-entitlement', 'Policy::CiDeployerRole/cdk-deploy', true],
      ['restrict-trust', 'Condition::token.actions.githubusercontent.com:sub', true],
    ]);
    expect(sftp!.grants).toEqual({ added: [], removed: [] });
    expect(sftp!.trust).toEqual({ widened: [], narrowed: [] });
    expect(sftp!.credentials).toEqual({
      added: [{ kind: 'aws-access-key', lifetime: 'long-lived', resource: 'LegacySftpKey' }],
      removed: [],
    });
    expect(sftp!.findings).toEqual({
      new: [
        expect.objectContaining({
          ruleId: 'no-long-lived-credentials',
          detail: 'Credential::aws-access-key',
          blocking: false,
          waivedBy: 'EXC-101',
        }),
      ],
      resolved: [],
    });
    expect(report.summary).toEqual({
      identitiesAdded: 0,
      identitiesRemoved: 0,
      identitiesChanged: 2,
      identitiesRenamed: 0,
      privilegedChanges: 2,
      grantsAdded: 1,
      grantsRemoved: 0,
      credentialsAdded: 1,
      credentialsRemoved: 0,
      trustWidened: 1,
      trustNarrowed: 0,
      findingsNew: 4,
      findingsResolved: 0,
      blockingNew: 3,
    });
  });

  it('puts the verdict and the privileged changes first in Markdown, details folded', () => {
    const result = diff(GOOD, PRIVILEGE_HEAD, 'markdown');
    expect(result.exitCode).toBe(1);
    const lines = result.output.split('\n');
    expect(lines[0]).toBe('### Privilege diff: ❌ 3 new blocking findings');
    const privileged = lines.indexOf('#### Privileged changes');
    const details = lines.findIndex((line) => line.startsWith('<details><summary>All changes (2 identities)'));
    expect(privileged).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(privileged);
    expect(lines.slice(privileged + 1, details).filter((line) => line.startsWith('- '))).toEqual([
      '- 🔴 **ci-deployer** (changed aws-role, team-platform): + `Allow iam:PassRole on *` (privilege-escalation) · trust widened: oidc `token.actions.githubusercontent.com` ' +
        '(token.actions.githubusercontent.com:sub now admits repo:example-co/payments:\\*) · blocks: no-wildcard-privilege `Resource::*` · blocks: require-entitlement `Policy::CiDeployerRole/cdk-deploy` · ' +
        'blocks: restrict-trust `Condition::token.actions.githubusercontent.com:sub`',
      '- 🔴 **legacy-sftp-sync** (changed aws-user, team-data): + long-lived aws-access-key',
    ]);
    expect(result.output).toContain('- credential added: aws-access-key (long-lived) `LegacySftpKey`');
    expect(result.output).toContain(
      '- grant added: `Allow iam:PassRole on *` **privileged** (privilege-escalation) via `policy cdk-deploy (CiDeployerRole)`, beyond its entitlements',
    );
    expect(result.output.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('says the same in text', () => {
    const result = diff(GOOD, PRIVILEGE_HEAD, 'text');
    expect(result.exitCode).toBe(1);
    expect(result.output.split('\n').slice(0, 2)).toEqual([
      'BLOCKED: the head adds 3 blocking findings',
      'identities +0 -0 ~2 (renamed 0); grants +1 -0; credentials +1 -0; trust widened 1, narrowed 0; findings new 4, resolved 0',
    ]);
    expect(result.output).toContain(
      '  + grant Allow iam:PassRole on * [privileged: privilege-escalation] via policy cdk-deploy (CiDeployerRole)',
    );
    expect(result.output).toContain('  + credential aws-access-key (long-lived) LegacySftpKey');
  });

  it('reads the base back from an audit JSON written earlier, with the same result', () => {
    const stored = join(work, 'base.audit.json');
    writeFileSync(
      stored,
      runAudit({ paths: [GOOD], catalogPath: CATALOG, format: 'json', now: NOW, cwd: REPO }).output,
    );
    const fromFile = JSON.parse(diff(stored, PRIVILEGE_HEAD).output) as PrivilegeDiff;
    expect(fromFile.identities).toEqual(diffJson(GOOD, PRIVILEGE_HEAD).identities);
  });
});

describe('renames are not changes in privilege', () => {
  it('a head that only renames constructs (logical ids) of named roles gives no entry', () => {
    const result = diff(GOOD, `${FIXTURES}/renamed-good/good-stack.template.yaml`);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.output) as PrivilegeDiff;
    expect(report.identities).toEqual([]);
    expect(report.renamed.map((r) => [r.key, r.fromResource, r.toResource, r.matchedBy])).toEqual([
      ['catalog:ci-deployer', 'good-stack/CiDeployerRole', 'good-stack/DeployerRole', 'catalog-id'],
      ['catalog:payments-api', 'good-stack/PaymentsApiRole', 'good-stack/PaymentsRuntimeRole', 'catalog-id'],
    ]);
  });

  it('also without a physical name or catalog record, and with findings whose detail names the logical id', () => {
    const report = diffJson(BAD, `${FIXTURES}/renamed-bad/bad-stack.template.yaml`);
    expect(report.identities).toEqual([]);
    expect(report.otherFindings).toEqual({ new: [], resolved: [] });
    expect(report.renamed.map((r) => [r.key, r.fromResource, r.toResource, r.matchedBy])).toEqual([
      ['aws:aws-role:ops-automation', 'bad-stack/OpsRole', 'bad-stack/OpsAutomationRole', 'physical-name'],
      [
        'declared:bad-stack/AWS::IAM::Role/ReportsReaderRole',
        'bad-stack/OrphanRole',
        'bad-stack/ReportsReaderRole',
        'same-privileges',
      ],
    ]);
    expect(report.summary.findingsNew + report.summary.findingsResolved).toBe(0);
  });
});

describe('identical inputs', () => {
  it.each([GOOD, BAD])('give an empty diff: %s', (template) => {
    const result = diff(template, template);
    expect(result.exitCode).toBe(0);
    expect(isEmptyDiff(JSON.parse(result.output) as PrivilegeDiff)).toBe(true);
    expect(diff(template, template, 'markdown').output).toContain('\nNo change in privilege.\n');
  });

  it('give an empty diff even though the base blocks: the diff gates on what the head adds', () => {
    expect(diff(BAD, BAD).exitCode).toBe(0);
  });
});

describe('what the diff reads in the catalog and trust', () => {
  const base = (): Audit =>
    JSON.parse(runAudit({ paths: [GOOD], catalogPath: CATALOG, format: 'json', now: NOW, cwd: REPO }).output) as Audit;

  it('names exceptions renewed, expired, added and removed', () => {
    const before = base();
    const after = structuredClone(before);
    // The examples' catalog: EXC-101 active until 2027-06-30, EXC-087 expired on 2026-01-31.
    const active = after.exceptions.find((exception) => exception.id === 'EXC-101')!;
    const lapsed = after.exceptions.find((exception) => exception.id === 'EXC-087')!;
    Object.assign(active, { expires: '2026-05-01', status: 'expired' });
    Object.assign(lapsed, { expires: '2027-12-31', status: 'active' });
    after.exceptions.push({ ...active, id: 'EXC-NEW', status: 'active', expires: '2027-01-01' });
    const kept = after.exceptions.filter(
      (exception) => exception.id !== 'EXC-101' && exception.id !== 'EXC-087' && exception.id !== 'EXC-NEW',
    );
    const gone = kept[0];
    if (gone) after.exceptions.splice(after.exceptions.indexOf(gone), 1);
    const changes = diffAudits(before, after).exceptions.map((change) => [change.change, change.id, change.was]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['expired', 'EXC-101', '2027-06-30'],
        ['renewed', 'EXC-087', '2026-01-31'],
        ['added', 'EXC-NEW', undefined],
        ...(gone ? [['removed', gone.id, undefined]] : []),
      ]),
    );
    expect(changes).toHaveLength(gone ? 4 : 3);
  });

  it('calls a trust narrowed when the head drops a principal or adds a condition, widened when it adds a principal', () => {
    const before = base();
    const after = structuredClone(before);
    const ci = after.identities.find((identity) => identity.catalogId === 'ci-deployer')!;
    const payments = after.identities.find((identity) => identity.catalogId === 'payments-api')!;
    ci.trust[0]!.conditions.push('StringEquals aws:SourceAccount = 111122223333');
    payments.trust = [{ kind: 'aws-account', principal: 'arn:aws:iam::444455556666:root', conditions: [] }];
    const report = diffAudits(before, after);
    const trust = Object.fromEntries(report.identities.map((identity) => [identity.key, identity.trust]));
    expect(trust['catalog:ci-deployer']).toEqual({
      widened: [],
      narrowed: [expect.objectContaining({ kind: 'oidc', reason: 'conditions tightened' })],
    });
    expect(trust['catalog:payments-api']).toEqual({
      widened: [
        { kind: 'aws-account', principal: 'arn:aws:iam::444455556666:root', conditions: [], reason: 'new principal' },
      ],
      narrowed: [{ kind: 'service', principal: 'lambda.amazonaws.com', conditions: [], reason: 'principal removed' }],
    });
  });

  it('lists identities added and removed with everything they hold', () => {
    const report = diffJson(GOOD, BAD);
    const added = report.identities.filter((identity) => identity.change === 'added');
    expect(added.map((identity) => identity.key).sort()).toEqual([
      'aws:aws-role:batch-admin',
      'aws:aws-role:github-deploy',
      'aws:aws-role:ops-automation',
      'aws:aws-role:partner-upload',
      'aws:aws-user:ci-bot',
      'declared:bad-stack/AWS::IAM::Role/OrphanRole',
    ]);
    const bot = added.find((identity) => identity.key === 'aws:aws-user:ci-bot')!;
    expect(bot.credentials.added).toEqual([
      { kind: 'aws-access-key', lifetime: 'long-lived', resource: 'CiBotAccessKey' },
    ]);
    const ops = added.find((identity) => identity.key === 'aws:aws-role:ops-automation')!;
    expect(ops.grants.added[0]).toMatchObject({
      statement: 'Allow * on *',
      privileged: expect.arrayContaining(['privilege-escalation']),
    });
    expect(
      report.identities.filter((identity) => identity.change === 'removed').map((identity) => identity.key),
    ).toEqual([]);
  });
});

describe('the CLI', () => {
  it('is wired into main with exit codes like check: 1 when the head adds a blocking finding, 0 otherwise, 2 usage', () => {
    expect(
      main([
        'diff',
        join(REPO, GOOD),
        join(REPO, PRIVILEGE_HEAD),
        '--catalog',
        join(REPO, CATALOG),
        '--now',
        '2026-07-01',
      ]).exitCode,
    ).toBe(1);
    expect(
      main([
        'diff',
        join(REPO, PRIVILEGE_HEAD),
        join(REPO, GOOD),
        '--catalog',
        join(REPO, CATALOG),
        '--now',
        '2026-07-01',
      ]).exitCode,
    ).toBe(0);
    const one = main(['diff', join(REPO, GOOD)]);
    expect(one.exitCode).toBe(2);
    expect(one.errors[0]).toBe(
      'entitlement-guard: diff needs two paths: <base> <head> (each an audit JSON or inputs to check)',
    );
    expect(main(['diff', join(REPO, GOOD), join(REPO, GOOD), '--format', 'sarif']).exitCode).toBe(2);
  });

  it('refuses a broken audit file with a located error (exit 2), never an empty side', () => {
    const broken = join(work, 'broken.audit.json');
    writeFileSync(
      broken,
      '{\n  "schema": "entitlement-guard/audit/v1",\n  "generatedAt": "2026-06-01T00:00:00.000Z",\n  "catalog": "c",\n  "identities": {},\n  "secrets": [], "exceptions": [], "otherFindings": []\n}\n',
    );
    const result = runDiff({ base: broken, head: GOOD, format: 'json', cwd: REPO });
    expect(result).toEqual({ exitCode: 2, output: '', errors: [`${broken}:5:3: identities: expected an array`] });
    const duplicate = join(work, 'duplicate.audit.json');
    writeFileSync(
      duplicate,
      readFileSync(broken, 'utf8').replace('"catalog": "c",', '"catalog": "c", "catalog": "d",'),
    );
    expect(runDiff({ base: duplicate, head: GOOD, format: 'json', cwd: REPO }).errors[0]).toMatch(
      /^.*duplicate\.audit\.json:4:\d+: .*catalog/,
    );
    expect(() => parseAuditJson('{"schema": "entitlement-guard/audit/v0"}', 'old.json')).toThrow(
      'old.json:1:2: schema: expected "entitlement-guard/audit/v1", got "entitlement-guard/audit/v0"',
    );
  });
});

describe('audits written before the model wrote the own account as <own-account>', () => {
  it('reads `${AWS::AccountId}` and `${AWS::Region}` in a stored audit as the own account and region: no change against the same inputs', () => {
    const { audit, legacy } = writeOldAudit(GOOD, 'legacy.audit.json', inOldDeploymentNotation);
    expect(audit).toContain('on arn:aws:dynamodb:<own-region>:<own-account>:table/payments-ledger');
    expect(readFileSync(legacy, 'utf8')).toContain('on arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/');
    expect(isEmptyDiff(diffJson(legacy, GOOD))).toBe(true);
  });

  it('locates an error in such an audit in the file as it is: the old notation is read after the located parse', () => {
    // `${AWS::AccountId}` (17 characters) reads as `<own-account>` (13): a rewrite before the parse moved the column.
    const text =
      '{"schema": "entitlement-guard/audit/v1", "catalog": "arn:aws:iam::${AWS::AccountId}:root", "catalog": 1}';
    expect(() => parseAuditJson(text, 'old.json')).toThrow(`old.json:1:${text.lastIndexOf('"catalog"') + 1}: `);
    const trailingComma = text.replace(', "catalog": 1}', ', "x": 1,}');
    expect(() => parseAuditJson(trailingComma, 'old.json')).toThrow(`old.json:1:${trailingComma.length}: `);
  });
});

describe("audits written before the model wrote another resource's value as <id of LogicalId>", () => {
  it('reads `${LogicalId}` and `${LogicalId.Attr}` in a stored audit as the model writes them: no change against the same inputs', () => {
    const { audit, legacy } = writeOldAudit(BAD, 'legacy-references.audit.json', inOldReferenceNotation);
    expect(audit).toContain('"arn": "arn:aws:iam::<own-account>:role/<id of OrphanRole>"');
    expect(readFileSync(legacy, 'utf8')).toContain('"arn": "arn:aws:iam::<own-account>:role/${OrphanRole}"');
    expect(isEmptyDiff(diffJson(legacy, BAD))).toBe(true);
  });
});

describe('size', () => {
  it('keeps the Markdown of a 500-identity change under 65,000 characters, with the overflow pointed at the full report', () => {
    const { base, head, expected } = syntheticAudits(5_000);
    const report = diffAudits(
      parseAuditJson(JSON.stringify(base), 'base.json'),
      parseAuditJson(JSON.stringify(head), 'head.json'),
    );
    expect(report.summary).toMatchObject({
      identitiesAdded: expected.added,
      identitiesRemoved: expected.removed,
      identitiesRenamed: expected.renamed,
      credentialsAdded: expected.keys,
      // An added identity's grants and trust are all new: two statements and one trusted principal each.
      trustWidened: expected.widened + expected.added,
      grantsAdded: expected.passRole + 2 * expected.added,
    });
    expect(report.identities.length).toBeGreaterThanOrEqual(500);
    const markdown = formatDiffMarkdown(report, { fullReport: 'https://ci.example.com/artifacts/diff.json' });
    expect(markdown.length).toBeLessThan(MARKDOWN_DIFF_BUDGET);
    expect(markdown).toMatch(
      /\n> \d+ of \d+ identities' changes did not fit in this comment; see \[the full report\]\(https:\/\/ci\.example\.com\/artifacts\/diff\.json\)\.\n$/,
    );
  });
});

/** The JSON audit of an input, and a file holding it as an older version wrote it (`rewrite` gives the old notation). */
function writeOldAudit(
  input: string,
  file: string,
  rewrite: (text: string) => string,
): { audit: string; legacy: string } {
  const audit = runAudit({
    paths: [join(REPO, input)],
    catalogPath: join(REPO, CATALOG),
    format: 'json',
    now: NOW,
    cwd: REPO,
  }).output;
  const legacy = join(work, file);
  writeFileSync(legacy, rewrite(audit));
  return { audit, legacy };
}
