import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';
import { main } from '../../src/cli/main.js';
import type { Audit } from '../../src/audit/index.js';
import { REPO, NOW } from './support.js';

const EXAMPLES = join(REPO, 'examples/cloudformation');
const CATALOG = join(REPO, 'examples/catalog.yaml');

const audit = (format: 'json' | 'markdown' | 'html') =>
  runAudit({ paths: [EXAMPLES], catalogPath: CATALOG, format, now: NOW, cwd: REPO });

describe('entitlement-guard audit', () => {
  const out = join(tmpdir(), `entitlement-guard-audit-${process.pid}.html`);
  afterEach(() => rmSync(out, { force: true }));

  it('exits 0 even though the bad stack blocks: the audit is a report, not a gate', () => {
    const result = audit('json');
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.output).summary).toMatchObject({ identities: 14, catalogOnly: 5 });
  });

  it.each([
    ['json', 'examples.audit.json'],
    ['markdown', 'examples.audit.md'],
    ['html', 'examples.audit.html'],
  ] as const)('renders the examples as %s (golden file)', async (format, golden) => {
    await expect(audit(format).output).toMatchFileSnapshot(`__snapshots__/${golden}`);
  });

  it('is wired into main: --format html --out FILE writes one self-contained page', () => {
    const result = main([
      'audit',
      EXAMPLES,
      '--catalog',
      CATALOG,
      '--format',
      'html',
      '--out',
      out,
      '--now',
      '2026-07-01',
    ]);
    expect(result).toMatchObject({ exitCode: 0, output: '', errors: [] });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('defaults to JSON, takes only audit formats, and fails with exit 2 on a bad catalog', () => {
    expect(JSON.parse(main(['audit', EXAMPLES, '--catalog', CATALOG, '--now', '2026-07-01']).output).schema).toBe(
      'entitlement-guard/audit/v1',
    );
    expect(main(['audit', EXAMPLES, '--format', 'sarif']).errors[0]).toBe(
      'entitlement-guard: unknown format "sarif"; expected one of: json, markdown, html, review',
    );
    expect(main(['audit']).errors[0]).toBe(
      'entitlement-guard: audit needs at least one path (cdk.out, template file or directory)',
    );
    const broken = main(['audit', EXAMPLES, '--catalog', join(REPO, 'test/cli/fixtures/malformed-catalog.yaml')]);
    expect(broken.exitCode).toBe(2);
    expect(broken.errors[0]).toMatch(/^test\/cli\/fixtures\/malformed-catalog\.yaml:\d+:\d+: /);
  });

  it('labels the grants resource policies make by the policy and its resource, in JSON, Markdown and HTML', () => {
    const fixture = 'test/fixtures/cloudformation/resource-policies/grants-to-an-entitled-role.template.yaml';
    const run = (format: string) =>
      main(['audit', join(REPO, fixture), '--catalog', CATALOG, '--format', format, '--now', '2026-07-01']);
    const json = run('json');
    expect(json).toMatchObject({ exitCode: 0, errors: [] });
    const payments = (JSON.parse(json.output) as Audit).identities.find((row) => row.name === 'payments-api-runtime')!;
    expect(payments.grants.map((grant) => [grant.label, grant.resourcePolicy ?? '-', grant.source.type])).toEqual([
      ['policy ledger-read (PaymentsApiRole)', '-', 'AWS::IAM::Role'],
      ['bucket policy ExportsPolicy', 'bucket', 'AWS::S3::BucketPolicy'],
      ['key policy of LedgerKey', 'key', 'AWS::KMS::Key'],
      ['queue policy PayoutsPolicy', 'queue', 'AWS::SQS::QueuePolicy'],
      ['topic policy AlertsPolicy', 'topic', 'AWS::SNS::TopicPolicy'],
    ]);
    const markdown = run('markdown').output.split('\n');
    expect(markdown.filter((line) => / policy (of )?(Exports|Ledger|Payouts|Alerts)/.test(line))).toEqual([
      '  - grants `Allow kms:Decrypt on <Arn of LedgerKey> [data-exfiltration] (key policy of LedgerKey)`',
      '- bucket policy ExportsPolicy: `Allow s3:PutObject on <Arn of Exports>/*` **beyond every entitlement**',
      '- key policy of LedgerKey: `Allow kms:Decrypt on <Arn of LedgerKey>` **beyond every entitlement**',
      '- queue policy PayoutsPolicy: `Allow sqs:SendMessage on <Arn of Payouts>` **beyond every entitlement**',
      '- topic policy AlertsPolicy: `Allow sns:Publish on <id of Alerts>` **beyond every entitlement**',
      '- 🔴 data-exfiltration: 1 action \\(kms:Decrypt\\) via key policy of LedgerKey',
    ]);
    expect(run('html').output).toContain(
      '<li>key policy of LedgerKey: <code>Allow kms:Decrypt on &lt;Arn of LedgerKey&gt;</code> <span class="bad-text">beyond every entitlement</span></li>',
    );
  });

  it('check takes the junit and markdown formats too', () => {
    expect(main(['check', EXAMPLES, '--catalog', CATALOG, '--format', 'junit']).output).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="entitlement-guard"/,
    );
    expect(main(['check', EXAMPLES, '--catalog', CATALOG, '--format', 'markdown']).output).toMatch(
      /^### ❌ Entitlement Guard: blocked\n/,
    );
  });
});
