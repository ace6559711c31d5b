import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import type { Audit } from '../../src/audit/index.js';
import { batchUserWithKey, exampleCatalog, NOW } from './support.js';

/** A two-stack app: a sanctioned payments role, and a batch user whose access key is acknowledged instead of excepted. */
function paymentsApp(auditFile: string): App {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'eg-audit-')), builtinCloudFormationValidation: false });
  const payments = new Stack(app, 'Payments');
  new iam.Role(payments, 'Ledger', {
    roleName: 'payments-api-ledger',
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  const batch = new Stack(app, 'Batch');
  const key = batchUserWithKey(batch);
  Validations.of(key).acknowledge({ id: 'EntitlementGuard-no-long-lived-credentials', reason: 'we rotate it by hand' });
  Aspects.of(app).add(new EntitlementGuard({ catalog: exampleCatalog(), now: NOW, auditFile }));
  return app;
}

describe('EntitlementGuard auditFile', () => {
  it('writes one audit of the whole app beside the templates, with every identity and the unapproved acknowledgement', () => {
    const app = paymentsApp('entitlement-audit.json');
    app.synth();
    const audit = JSON.parse(readFileSync(join(app.outdir, 'entitlement-audit.json'), 'utf8')) as Audit;

    const planned = audit.identities
      .filter((identity) => identity.origin === 'change')
      .map((identity) => [identity.resource?.stack, identity.name]);
    expect(planned).toEqual([
      ['Batch', 'payments-api-batch'],
      ['Payments', 'payments-api-ledger'],
    ]);
    // The people and accounts the catalog declares are in the same view.
    expect(audit.identities.some((identity) => identity.origin === 'catalog')).toBe(true);
    const batchUser = audit.identities.find((identity) => identity.name === 'payments-api-batch')!;
    expect(
      batchUser.findings.map((finding) => [finding.ruleId, finding.resource.path, finding.blocking]),
    ).toContainEqual(['no-long-lived-credentials', 'Batch/Key/Resource', true]);
    expect(audit.hygiene.unapprovedWaivers).toEqual([
      {
        // As the CDK records it.
        id: 'Annotation::EntitlementGuard-no-long-lived-credentials',
        at: 'Batch/Key',
        reason: 'we rotate it by hand',
        ruleId: 'no-long-lived-credentials',
        resource: expect.objectContaining({ type: 'AWS::IAM::AccessKey', stack: 'Batch', path: 'Batch/Key/Resource' }),
        detail: 'Credential::aws-access-key',
      },
    ]);
    // Each stack's evaluation reports the catalog's expired exception; the app's audit lists it once.
    expect(
      audit.otherFindings.filter(
        (finding) => finding.ruleId === 'exception-expiry' && finding.resource.name === 'EXC-087',
      ),
    ).toHaveLength(1);
  });

  it('writes the format its extension names, at an absolute path as given', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eg-audit-md-')), 'reports', 'audit.md');
    const app = paymentsApp(file);
    app.synth();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('| payments-api-ledger |');
    expect(markdown).toContain(
      '- Unapproved waivers (suppressions no catalog exception backs): `Annotation::EntitlementGuard-no-long-lived-credentials` at Batch/Key hides no-long-lived-credentials on Batch/Key/Resource',
    );
    expect(existsSync(join(app.outdir, 'audit.md'))).toBe(false);
  });

  it('fails at construction on a file name that names no audit format', () => {
    expect(() => new EntitlementGuard({ auditFile: 'audit.txt' })).toThrow(
      'EntitlementGuard auditFile "audit.txt": expected a file name ending in .json, .md or .html',
    );
  });

  it('writes no audit without auditFile', () => {
    const app = new App({
      outdir: mkdtempSync(join(tmpdir(), 'eg-no-audit-')),
      builtinCloudFormationValidation: false,
    });
    new iam.Role(new Stack(app, 'S'), 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    Aspects.of(app).add(new EntitlementGuard({ now: NOW }));
    app.synth();
    expect(readdirSync(app.outdir).filter((name) => name.includes('audit'))).toEqual([]);
  });
});
