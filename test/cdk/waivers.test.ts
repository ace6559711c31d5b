/**
 * Catalog `match` and exception `target` by the names a CDK user sees (issue 18 item 5) and waivers bound to the
 * identity a finding is about (issue 24 item 1), through the aspect and through the CLI on the same app's cdk.out:
 * `path:<construct path>` works as match and as target; a bare logical id binds no exception; an access key named
 * after an exception's target is not waived.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import type { Catalog, CatalogException, CatalogIdentity } from '../../catalog/types.js';
import { runCheck } from '../../src/cli/check.js';
import { EXAMPLE_CATALOG, exampleCatalog, guardAnnotations, NOW, testApp } from './support.js';

const RULE = 'no-long-lived-credentials';
const exception = (id: string, target: string): CatalogException => ({
  id,
  rule: RULE,
  target,
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  approved: '2026-05-01',
  expires: '2027-01-31',
});
/** The example catalog's owners, classes and entitlements, with these identities and exceptions instead of its own. */
const catalogWith = (identities: CatalogIdentity[], exceptions: CatalogException[]): Catalog => ({
  ...exampleCatalog(),
  identities,
  exceptions,
});

/** A vendor user without a physical name (its logical id is hashed: `VendorSyncXXXXXXXX`) and its access key. */
function vendorApp(app: App): Stack {
  const stack = new Stack(app, 'Payments');
  const user = new iam.User(stack, 'VendorSync');
  new iam.AccessKey(stack, 'VendorKey', { user });
  // An access key named after the example catalog's exception target, for a user the exception does not name.
  const bot = new iam.User(stack, 'CiBot', { userName: 'ci-bot' });
  new iam.AccessKey(stack, 'legacy-sftp-sync', { user: bot });
  return stack;
}

const vendorRecord = (name: string): CatalogIdentity => ({
  id: 'vendor-sync',
  match: { name },
  owner: 'team-data',
  class: 'service',
  entitlements: ['sftp-inbox'],
});

const keyAnnotations = (catalog: Catalog) => {
  const app = testApp();
  const stack = vendorApp(app);
  Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
  return guardAnnotations(app, stack)
    .filter((annotation) => annotation.ruleId === RULE || annotation.ruleId === 'require-owner')
    .map((annotation) => `${annotation.level} ${annotation.ruleId} ${annotation.resource}`)
    .sort();
};

describe('CDK aspect: match and target by construct path', () => {
  it('a construct path works as match (owner and class come from the record) and as target; the spoofing key stays blocked', () => {
    const catalog = catalogWith(
      [vendorRecord('path:Payments/VendorSync')],
      [exception('EXC-1', 'path:Payments/VendorSync'), exception('EXC-2', 'legacy-sftp-sync')],
    );
    expect(keyAnnotations(catalog)).toEqual([
      // ci-bot has no owner, and its key is not waived by EXC-2 (legacy-sftp-sync names neither ci-bot nor a catalog record matching it).
      'error no-long-lived-credentials Payments/legacy-sftp-sync/Resource',
      'error require-owner Payments/CiBot/Resource',
      'info no-long-lived-credentials Payments/VendorKey/Resource',
    ]);
  });

  it('the catalog id binds when the record matched by construct path; a bare (hashed) logical id matches the record but binds no exception', () => {
    const byPath = catalogWith(
      [vendorRecord('path:Payments/VendorSync/Resource')],
      [exception('EXC-1', 'vendor-sync')],
    );
    expect(keyAnnotations(byPath)).toContain('info no-long-lived-credentials Payments/VendorKey/Resource');
    const byLogicalId = catalogWith(
      [vendorRecord('VendorSync*')],
      [exception('EXC-1', 'vendor-sync'), exception('EXC-2', 'VendorSync*')],
    );
    const annotations = keyAnnotations(byLogicalId);
    expect(annotations).toContain('error no-long-lived-credentials Payments/VendorKey/Resource');
    // The record still names the owner (a claim tags could make too).
    expect(annotations).not.toContain('error require-owner Payments/VendorSync/Resource');
  });

  it('prints a waiver target that binds: the construct path of the user, not the hashed logical id of its key', () => {
    const app = testApp();
    const stack = vendorApp(app);
    Aspects.of(app).add(new EntitlementGuard({ catalog: catalogWith([], []), now: NOW }));
    const messages = app
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => String(message.entry.data));
    const vendorKey = messages.find(
      (text) => text.startsWith(`[EntitlementGuard] ${RULE}`) && text.includes('Payments/VendorKey/Resource'),
    )!;
    expect(vendorKey).toContain(
      `waiver: only an approved, unexpired catalog exception waives it (rule: ${RULE}, target: path:Payments/VendorSync)`,
    );
    const spoofKey = messages.find(
      (text) => text.startsWith(`[EntitlementGuard] ${RULE}`) && text.includes('Payments/legacy-sftp-sync/Resource'),
    )!;
    expect(spoofKey).toContain(`(rule: ${RULE}, target: path:Payments/CiBot)`);
  });
});

describe('CLI on the synthesized cdk.out: match and target by construct path, exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-waivers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Path metadata on, as `cdk synth` turns it on: the CLI reads construct paths from aws:cdk:path.
  const app = new App({
    outdir: join(dir, 'cdk.out'),
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true },
  });
  vendorApp(app);
  app.synth();

  const check = (catalog: { identities: CatalogIdentity[]; exceptions: CatalogException[] }) => {
    const document = {
      ...(parse(readFileSync(EXAMPLE_CATALOG, 'utf8')) as object),
      identities: catalog.identities,
      exceptions: catalog.exceptions,
    };
    const catalogPath = join(dir, `catalog-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(catalogPath, stringify(document));
    const result = runCheck({
      paths: [join(dir, 'cdk.out')],
      catalogPath,
      format: 'json',
      now: NOW,
      cwd: dir,
      toolVersion: 'test',
    });
    const keys = result.result!.findings.filter(
      (finding) => finding.ruleId === RULE && finding.detail === 'Credential::aws-access-key',
    );
    return {
      exitCode: result.exitCode,
      keys: keys
        .map((finding) => `${finding.resource.path} ${finding.resource.file} ${finding.waivedBy ?? 'blocking'}`)
        .sort(),
    };
  };

  it('waives the vendor key by construct path (exit 1 only for the spoofing key), and by the catalog id of a record matched by path', () => {
    const expected = {
      exitCode: 1,
      keys: [
        'Payments/VendorKey/Resource cdk.out/Payments.template.json EXC-1',
        'Payments/legacy-sftp-sync/Resource cdk.out/Payments.template.json blocking',
      ],
    };
    expect(
      check({
        identities: [vendorRecord('path:Payments/VendorSync')],
        exceptions: [exception('EXC-1', 'path:Payments/VendorSync'), exception('EXC-2', 'legacy-sftp-sync')],
      }),
    ).toEqual(expected);
    expect(
      check({
        identities: [vendorRecord('path:Payments/VendorSync')],
        exceptions: [exception('EXC-1', 'vendor-sync')],
      }),
    ).toEqual(expected);
  });

  it('refuses a bare logical id as target, and the catalog id of a record matched only by it', () => {
    const result = check({
      identities: [vendorRecord('VendorSync*')],
      exceptions: [exception('EXC-1', 'VendorSync*'), exception('EXC-2', 'vendor-sync')],
    });
    expect(result).toEqual({
      exitCode: 1,
      keys: [
        'Payments/VendorKey/Resource cdk.out/Payments.template.json blocking',
        'Payments/legacy-sftp-sync/Resource cdk.out/Payments.template.json blocking',
      ],
    });
  });
});
