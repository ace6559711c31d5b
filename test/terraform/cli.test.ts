/** `entitlement-guard check` and `audit` on Terraform plans and Pulumi stack exports, told apart by content. */
import { mkdirSync, mkdtempSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import { terraformPlan } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const NOW = new Date('2026-07-01T00:00:00Z');
const BAD = 'examples/terraform/bad.tfplan.json';
const GOOD = 'examples/terraform/good.tfplan.json';

function check(paths: string[], options: Partial<CheckOptions> = {}, cwd = REPO) {
  return runCheck({
    paths: paths.map((path) => join(cwd, path)),
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    format: 'json',
    now: NOW,
    cwd,
    toolVersion: 'test',
    ...options,
  });
}

describe('check on Terraform plans', () => {
  it('blocks the bad plan, naming Terraform addresses and the plan file', () => {
    const result = check([BAD]);
    expect(result.exitCode).toBe(1);
    const blocked = new Set(
      result
        .result!.findings.filter((finding) => finding.level === 'mandatory' && !finding.waivedBy)
        .map((finding) => `${finding.resource.type} ${finding.resource.name}`),
    );
    expect([...blocked].sort()).toEqual([
      'aws_iam_access_key aws_iam_access_key.ci_bot',
      'aws_iam_policy aws_iam_policy.all_but_s3',
      'aws_iam_role aws_iam_role.batch_admin',
      'aws_iam_role aws_iam_role.github_deploy',
      'aws_iam_role aws_iam_role.ops',
      'aws_iam_role aws_iam_role.orphan',
      'aws_iam_role aws_iam_role.partner_upload',
      'aws_iam_role_policy aws_iam_role_policy.iam_admin',
      'aws_iam_role_policy_attachment aws_iam_role_policy_attachment.batch_admin',
      'aws_iam_user aws_iam_user.ci_bot',
      'aws_secretsmanager_secret aws_secretsmanager_secret.ledger_db',
    ]);
    expect(new Set(result.result!.findings.map((finding) => finding.resource.file))).toEqual(
      new Set([BAD, 'examples/catalog.yaml']),
    );
    const waived = result.result!.findings.filter((finding) => finding.waivedBy);
    expect(waived.map((finding) => `${finding.ruleId} ${finding.resource.name} ${finding.waivedBy}`)).toEqual([
      'no-long-lived-credentials aws_iam_access_key.legacy_sftp EXC-101',
    ]);
  });

  it('passes the good plan', () => {
    const result = check([GOOD]);
    expect(result.exitCode).toBe(0);
    expect(result.result!.findings.filter((finding) => finding.resource.file === GOOD)).toEqual([]);
  });

  it('reads plans beside templates in one directory, and a plan and a template together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    copyFileSync(join(REPO, BAD), join(dir, 'tfplan.json'));
    copyFileSync(join(REPO, 'examples/cloudformation/good-stack.template.yaml'), join(dir, 'good.template.yaml'));
    const result = check(['.'], {}, dir);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const files = new Set(result.result!.findings.map((finding) => finding.resource.file));
    expect(files.has('tfplan.json')).toBe(true);
    expect(result.result!.summary.identities).toBe(9);
  });

  it('two plans holding the same address are refused, as two templates of one stack are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    copyFileSync(join(REPO, GOOD), join(dir, 'a.json'));
    copyFileSync(join(REPO, GOOD), join(dir, 'b.json'));
    const result = check(['a.json', 'b.json'], {}, dir);
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([
      'a.json, b.json: all hold aws_iam_role.payments_api; check them in separate runs',
      'a.json, b.json: all hold aws_iam_role.ci_deployer; check them in separate runs',
      'a.json, b.json: all hold aws_secretsmanager_secret.processor_api_key; check them in separate runs',
    ]);
  });

  it('a plan that cannot be read exits 2 naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    writeFileSync(
      join(dir, 'plan.json'),
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [{ address: 'aws_iam_role.x', type: 'aws_iam_role', change: { actions: 'create' } }],
      }),
    );
    const result = check(['plan.json'], {}, dir);
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([
      'plan.json: Terraform plan: resource_changes[0].change.actions: expected an array of action names',
    ]);
  });

  it('a plan whose format_version is no string is refused as a plan, not as a CloudFormation template', () => {
    // Found mutating checkov's plans (test/corpus/checkov-terraform): `no "Resources" map` named the wrong format.
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ format_version: 1.2, resource_changes: [] }));
    const result = check(['plan.json'], {}, dir);
    expect([result.exitCode, result.errors]).toEqual([
      2,
      ['plan.json: Terraform plan: format_version: expected a string such as "1.2", not 1.2'],
    ]);
  });

  it('audits a plan: identities named by address, deletes listed as removals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    mkdirSync(join(dir, 'plans'));
    const plan = terraformPlan([
      { address: 'aws_iam_user.bot', values: { name: 'bot', tags: { owner: 'team-platform' } }, actions: ['no-op'] },
      { address: 'aws_iam_access_key.bot', values: { user: 'bot', id: 'AKIAEXAMPLE' }, actions: ['delete'] },
    ]);
    writeFileSync(join(dir, 'plans/rotate.json'), JSON.stringify(plan));
    const result = runAudit({
      paths: [join(dir, 'plans')],
      catalogPath: join(REPO, 'examples/catalog.yaml'),
      cwd: dir,
      format: 'json',
      now: NOW,
    });
    expect(result.exitCode).toBe(0);
    const audit = JSON.parse(result.output) as {
      identities: { name: string; origin: string; credentials: unknown[] }[];
      removed?: { type: string; name: string; file: string }[];
    };
    expect(
      audit.identities.filter((row) => row.origin === 'change').map((row) => `${row.name} ${row.credentials.length}`),
    ).toEqual(['bot 0']);
    expect(audit.removed).toEqual([
      { type: 'aws_iam_access_key', name: 'aws_iam_access_key.bot', file: 'plans/rotate.json' },
    ]);
    const markdown = runAudit({
      paths: [join(dir, 'plans')],
      catalogPath: join(REPO, 'examples/catalog.yaml'),
      cwd: dir,
      format: 'markdown',
      now: NOW,
    }).output;
    expect(markdown).toContain('#### Removed by the change\n\n- aws\\_iam\\_access\\_key `aws_iam_access_key.bot`\n');
  });

  it('checks a Pulumi stack export, naming URNs and the export file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-'));
    const urn = (type: string, name: string) => `urn:pulumi:prod::payments::${type}::${name}`;
    writeFileSync(
      join(dir, 'stack.json'),
      JSON.stringify({
        version: 3,
        deployment: {
          manifest: { time: '2026-06-01T00:00:00Z', magic: '', version: 'v3.140.0' },
          resources: [
            { urn: urn('pulumi:pulumi:Stack', 'payments-prod'), type: 'pulumi:pulumi:Stack', custom: false },
            {
              urn: urn('aws:iam/user:User', 'etl'),
              type: 'aws:iam/user:User',
              custom: true,
              id: 'etl',
              outputs: { name: 'etl', arn: 'arn:aws:iam::111122223333:user/etl' },
            },
            {
              urn: urn('aws:iam/accessKey:AccessKey', 'etl-key'),
              type: 'aws:iam/accessKey:AccessKey',
              custom: true,
              id: 'AKIA',
              inputs: { user: 'etl' },
              outputs: { user: 'etl' },
              propertyDependencies: { user: [urn('aws:iam/user:User', 'etl')] },
            },
          ],
        },
      }),
    );
    const result = check(['stack.json'], {}, dir);
    expect(result.exitCode).toBe(1);
    const keys = result.result!.findings.filter((finding) => finding.ruleId === 'no-long-lived-credentials');
    expect(keys.map((finding) => [finding.resource.urn, finding.resource.file, finding.identity])).toEqual([
      [urn('aws:iam/accessKey:AccessKey', 'etl-key'), 'stack.json', urn('aws:iam/user:User', 'etl')],
    ]);
  });
});
