/**
 * The exceptions the audit lists under an identity are those the engine would bind to a finding about it
 * (catalog/waivers.ts): by the catalog id of a record that matched it by a binding name, its physical name, cloud id,
 * construct path, location or URN; never by its bare logical id or Pulumi resource name, nor by the name of a key or
 * policy it holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogException, CatalogIdentity } from '../../catalog/types.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { buildAudit } from '../../src/audit/index.js';
import type { Audit } from '../../src/audit/types.js';
import { main } from '../../src/cli/main.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan } from '../terraform/support.js';
import { auditOf, exampleCatalog, NOW, REPO } from './support.js';

const RULE = 'no-long-lived-credentials';

function exception(id: string, target: string): CatalogException {
  return {
    id,
    rule: RULE,
    target,
    reason: `test: target ${target}`,
    owner: 'team-data',
    approvedBy: 'security-lead@example.com',
    approved: '2026-07-01',
    expires: '2027-06-30',
  };
}

function record(id: string, name: string): CatalogIdentity {
  return { id, match: { name }, owner: 'team-data', class: 'service', entitlements: [] };
}

function catalogWith(exceptions: CatalogException[], records: CatalogIdentity[] = []): Catalog {
  const base = exampleCatalog();
  return { ...base, identities: [...base.identities, ...records], exceptions };
}

function auditWith(model: Model, catalog: Catalog): Audit {
  return buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
}

/** Each identity of the change: the exceptions listed under it, and which exception waived its long-lived key. */
function rows(audit: Audit): Record<string, { listed: string[]; waivedBy: string[] }> {
  return Object.fromEntries(
    audit.identities
      .filter((row) => row.origin === 'change')
      .map((row) => [
        row.id,
        {
          listed: row.exceptions.map((e) => e.id),
          waivedBy: row.findings.filter((f) => f.ruleId === RULE).map((f) => f.waivedBy ?? '-'),
        },
      ]),
  );
}

const user = (props: Record<string, unknown> = {}, path?: string) => ({
  Type: 'AWS::IAM::User',
  Properties: props,
  ...(path ? { Metadata: { 'aws:cdk:path': path } } : {}),
});
const key = (userLogicalId: string, path?: string) => ({
  Type: 'AWS::IAM::AccessKey',
  Properties: { UserName: { Ref: userLogicalId } },
  ...(path ? { Metadata: { 'aws:cdk:path': path } } : {}),
});

describe('the audit lists an exception under the identities its target binds, as the engine binds waivers', () => {
  it('CloudFormation without construct paths: location, physical name, ARN and record id bind; bare names do not', () => {
    const model = modelFromTemplates([
      {
        stack: 'repro',
        template: {
          Resources: {
            LegacyUser: user(),
            LegacyUserKey: key('LegacyUser'),
            SftpUser: user({ UserName: 'sftp-sync' }),
            SftpUserKey: key('SftpUser'),
          },
        },
      },
    ]);
    const catalog = catalogWith(
      [
        // Names a bare logical id (the user's name is generated): binds nothing.
        exception('EXC-BARE', 'LegacyUser'),
        // A pattern over bare logical ids: binds nothing either.
        exception('EXC-GLOB', 'Legacy*'),
        // Names the access key, not the user a finding about the key is about: binds nothing.
        exception('EXC-KEY', 'SftpUserKey'),
        // The user's location in a template without construct paths.
        exception('EXC-LOC', 'stack:repro/SftpUser'),
        // Its physical name, its ARN in any account, the id of the catalog record that matched it by that name.
        exception('EXC-NAME', 'sftp-sync'),
        exception('EXC-ARN', 'arn:aws:iam::*:user/sftp-sync'),
        exception('EXC-RECORD', 'sftp'),
      ],
      [record('sftp', 'sftp-sync')],
    );
    const audit = auditWith(model, catalog);
    expect(rows(audit)).toEqual({
      'repro/LegacyUser': { listed: [], waivedBy: ['-'] },
      'repro/SftpUser': {
        listed: ['EXC-LOC', 'EXC-NAME', 'EXC-ARN', 'EXC-RECORD'],
        waivedBy: ['EXC-LOC'],
      },
    });
    // Still shown in the catalog's list of exceptions, waiving nothing.
    expect(audit.exceptions.map((e) => `${e.id} ${e.waives}`)).toEqual([
      'EXC-BARE 0',
      'EXC-GLOB 0',
      'EXC-KEY 0',
      'EXC-LOC 1',
      'EXC-NAME 0',
      'EXC-ARN 0',
      'EXC-RECORD 0',
    ]);
  });

  it('a record matched by a bare logical id alone lends its id no binding', () => {
    const model = modelFromTemplates([
      { stack: 'repro', template: { Resources: { LegacyUser: user(), LegacyUserKey: key('LegacyUser') } } },
    ]);
    const catalog = catalogWith([exception('EXC-LEGACY', 'legacy')], [record('legacy', 'LegacyUser')]);
    const audit = auditWith(model, catalog);
    expect(audit.identities.find((row) => row.id === 'repro/LegacyUser')?.catalogId).toBe('legacy');
    expect(rows(audit)).toEqual({ 'repro/LegacyUser': { listed: [], waivedBy: ['-'] } });
  });

  it('CDK: the construct path binds (the construct and its L1 child), the logical id does not', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            LegacyUser1A2B3C: user({}, 'App/Legacy/Resource'),
            LegacyKey4D5E6F: key('LegacyUser1A2B3C', 'App/Legacy/Key/Resource'),
          },
        },
      },
    ]);
    const catalog = catalogWith([
      exception('EXC-LOGICAL', 'LegacyUser1A2B3C'),
      exception('EXC-KEYPATH', 'path:App/Legacy/Key'),
      exception('EXC-PATH', 'path:App/Legacy'),
      exception('EXC-L1', 'path:App/Legacy/Resource'),
    ]);
    expect(rows(auditWith(model, catalog))).toEqual({
      'App/LegacyUser1A2B3C': { listed: ['EXC-PATH', 'EXC-L1'], waivedBy: ['EXC-PATH'] },
    });
  });

  it('Pulumi: the URN and the physical name bind, the bare resource name and the key URN do not', () => {
    const USER = 'aws:iam/user:User';
    const KEY = 'aws:iam/accessKey:AccessKey';
    const model = modelFromPulumiResources([
      { type: USER, name: 'etl', urn: `urn:pulumi:prod::files::${USER}::etl`, props: { name: 'etl-batch-user' } },
      {
        type: KEY,
        name: 'etl-key',
        urn: `urn:pulumi:prod::files::${KEY}::etl-key`,
        props: { user: 'etl-batch-user' },
      },
    ]);
    const catalog = catalogWith([
      exception('EXC-RESOURCE-NAME', 'etl'),
      exception('EXC-URN', `urn:pulumi:prod::files::${USER}::etl`),
      exception('EXC-KEY-URN', `urn:pulumi:prod::files::${KEY}::etl-key`),
      exception('EXC-NAME', 'etl-batch-user'),
    ]);
    expect(rows(auditWith(model, catalog))).toEqual({
      [`urn:pulumi:prod::files::${USER}::etl`]: { listed: ['EXC-URN', 'EXC-NAME'], waivedBy: ['EXC-URN'] },
    });
  });

  it('Terraform plan: the physical name and the ARN bind, the resource address does not', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        { address: 'aws_iam_user.sftp', values: { name: 'tf-sftp', path: '/' }, unknown: { arn: true, id: true } },
        {
          address: 'aws_iam_access_key.sftp',
          values: { user: 'tf-sftp' },
          unknown: { id: true, secret: true },
          references: { user: ['aws_iam_user.sftp.name', 'aws_iam_user.sftp'] },
        },
      ]),
      { file: 'plan.json' },
    );
    const catalog = catalogWith([
      exception('EXC-ADDRESS', 'aws_iam_user.sftp'),
      exception('EXC-KEY-ADDRESS', 'aws_iam_access_key.sftp'),
      exception('EXC-ARN', 'arn:aws:iam::*:user/tf-sftp'),
      exception('EXC-NAME', 'tf-sftp'),
    ]);
    expect(rows(auditWith(model, catalog))).toEqual({
      'aws_iam_user.sftp': { listed: ['EXC-ARN', 'EXC-NAME'], waivedBy: ['EXC-ARN'] },
    });
  });

  it('a catalog-only identity lists the exceptions naming its record id or its match name', () => {
    const model = modelFromTemplates([{ stack: 'repro', template: { Resources: {} } }]);
    const catalog = catalogWith(
      [
        exception('EXC-ID', 'partner-sync'),
        exception('EXC-MATCH', 'partner-sync-user'),
        exception('EXC-OTHER', 'other-user'),
      ],
      [record('partner-sync', 'partner-sync-user')],
    );
    const audit = auditWith(model, catalog);
    expect(audit.identities.find((row) => row.id === 'catalog:partner-sync')?.exceptions.map((e) => e.id)).toEqual([
      'EXC-ID',
      'EXC-MATCH',
    ]);
  });
});

describe('entitlement-guard audit --format json', () => {
  it('lists under each identity the exceptions that bind it, as the findings it waives show', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-audit-binding-'));
    try {
      const examples = readFileSync(join(REPO, 'examples/catalog.yaml'), 'utf8');
      const entries = (
        [
          ['EXC-BARE', 'LegacyUser'],
          ['EXC-KEY', 'SftpUserKey'],
          ['EXC-LOC', 'stack:repro/SftpUser'],
        ] as const
      ).map(
        ([id, target]) =>
          `  - { id: ${id}, rule: ${RULE}, target: "${target}", reason: test, owner: team-data, ` +
          `approvedBy: security-lead@example.com, approved: 2026-07-01, expires: 2027-06-30 }\n`,
      );
      const catalogText = examples.replace(/^exceptions:\n[\s\S]*?\n(?=\S)/m, `exceptions:\n${entries.join('')}\n`);
      writeFileSync(join(dir, 'catalog.yaml'), catalogText);
      writeFileSync(
        join(dir, 'repro.template.json'),
        JSON.stringify({
          Resources: {
            LegacyUser: user(),
            LegacyUserKey: key('LegacyUser'),
            SftpUser: user({ UserName: 'sftp-sync' }),
            SftpUserKey: key('SftpUser'),
          },
        }),
      );
      const result = main([
        'audit',
        join(dir, 'repro.template.json'),
        '--catalog',
        join(dir, 'catalog.yaml'),
        '--format',
        'json',
        '--now',
        '2026-07-01',
      ]);
      expect(result.errors).toEqual([]);
      const audit = JSON.parse(result.output) as Audit;
      expect(audit.exceptions.map((e) => `${e.id} ${e.status}`)).toEqual([
        'EXC-BARE active',
        'EXC-KEY active',
        'EXC-LOC active',
      ]);
      expect(rows(audit)).toEqual({
        'repro/LegacyUser': { listed: [], waivedBy: ['-'] },
        'repro/SftpUser': { listed: ['EXC-LOC'], waivedBy: ['EXC-LOC'] },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the examples', () => {
  it('list under each identity every exception that waived one of its findings', () => {
    const { audit } = auditOf(['examples/cloudformation/bad-stack.template.yaml']);
    const unlisted = audit.identities.flatMap((row) =>
      row.findings
        .filter((f) => f.waivedBy !== undefined && !row.exceptions.some((e) => e.id === f.waivedBy))
        .map((f) => `${row.id} ${f.ruleId} ${f.waivedBy}`),
    );
    expect(unlisted).toEqual([]);
    expect(
      audit.identities
        .filter((row) => row.exceptions.length > 0)
        .map((row) => `${row.id} ${row.exceptions.map((e) => e.id)}`),
    ).toEqual(['bad-stack/external-user:legacy-sftp-sync EXC-101', 'catalog:report-agent EXC-087']);
  });
});
