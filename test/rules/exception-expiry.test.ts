import type { CatalogException } from '../../catalog/types.js';
import rule from '../../src/rules/exception-expiry.js';
import { catalog, identity, model, role, secret, user } from '../support/builders.js';
import { namespaceBinding } from '../multicloud/builders.js';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/engine/evaluate.js';
import noLongLivedCredentials from '../../src/rules/no-long-lived-credentials.js';
import noWildcardPrivilege from '../../src/rules/no-wildcard-privilege.js';
import { ruleTester, TEST_NOW } from '../support/rule-tester.js';

// The tester's clock is 2026-11-26T12:00:00Z.
const OWNERS = [{ id: 'team-data' }, { id: 'team-platform' }];

const exception = (parts: Partial<CatalogException> = {}): CatalogException => ({
  id: 'EXC-42',
  rule: 'no-long-lived-credentials',
  target: 'legacy-sftp-sync',
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  ticket: 'SEC-1234',
  expires: '2027-01-31',
  ...parts,
});

const withExceptions = (...exceptions: CatalogException[]) => catalog({ owners: OWNERS, exceptions });
const sftpUser = model({ identities: [user('legacy-sftp-sync', { credentials: ['aws-access-key'] })] });

ruleTester(rule, {
  valid: [
    {
      name: 'a current, owned, approved exception whose target is in the change',
      catalog: withExceptions(exception()),
      model: sftpUser,
    },
    {
      name: 'a glob target matching a secret',
      catalog: withExceptions(exception({ id: 'EXC-7', rule: 'secret-rotation', target: 'Vendor*' })),
      model: model({ secrets: [secret('VendorApiKey')] }),
    },
    {
      name: 'a target naming the resource a finding points at (the access key, not the user)',
      catalog: withExceptions(exception({ target: 'legacy-sftp-syncCredential' })),
      model: sftpUser,
    },
    {
      name: 'an exception that expires at the end of today is still current',
      catalog: withExceptions(exception({ expires: '2026-11-26' })),
      model: sftpUser,
    },
    {
      name: 'an exception approved today',
      catalog: withExceptions(exception({ approved: '2026-11-26' })),
      model: sftpUser,
    },
    {
      name: 'an exception approved on a day that has begun east of UTC (2026-11-27 begins at 10:00 UTC the day before, at UTC+14)',
      catalog: withExceptions(exception({ approved: '2026-11-27' })),
      model: sftpUser,
    },
    { name: 'a catalog with no exceptions', model: model({ identities: [role('AppRole')] }) },
    {
      name: 'an exception for a stack that is not this one (one catalog serves many stacks)',
      catalog: withExceptions(exception({ id: 'EXC-9', target: 'old-batch-*' })),
      model: sftpUser,
    },
  ],
  invalid: [
    {
      name: 'an exception that expired, naming the date and how long ago',
      catalog: withExceptions(exception({ expires: '2026-01-31' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'Expires::2026-01-31',
          level: 'advisory',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) expired on 2026-01-31, 299 days ago, and waives nothing. ' +
            'Renew it with a new approval and expiry date, or remove it.',
        },
      ],
    },
    {
      name: 'an exception owned by a team the catalog does not know, and without an approver',
      catalog: withExceptions(exception({ owner: 'team-vendor', approvedBy: ' ' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'ApprovedBy::none',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) has no approver, so it waives nothing. Record who approved it in approvedBy.',
        },
        {
          resource: 'EXC-42',
          detail: 'Owner::team-vendor',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) is owned by "team-vendor", which is not an owner the catalog knows ' +
            '(known: team-data, team-platform), so it waives nothing. Name a known owner, or add "team-vendor" to owners.',
        },
      ],
    },
    {
      name: 'an exception whose approval is dated on a day that has begun nowhere yet waives nothing',
      catalog: withExceptions(exception({ approved: '2026-11-28', expires: '2027-11-27' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'Approved::2026-11-28',
          level: 'advisory',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) records its approval on 2026-11-28, a day that has not ' +
            'come yet, so it waives nothing until then: its lifetime is counted from the approval, and a later day would stretch ' +
            'it. Write the day the approval was given.',
        },
      ],
    },
    {
      name: 'an expiry that is not a date waives nothing',
      catalog: withExceptions(exception({ expires: 'next year' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'Expires::next year',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) has expiry "next year", which is not a date, so it waives nothing. ' +
            'Write a date like 2027-01-31.',
        },
      ],
    },
  ],
});

describe('exceptions judged against the whole evaluation', () => {
  const run = (cat: ReturnType<typeof withExceptions>, subject: ReturnType<typeof model>) =>
    runRules(subject, [noLongLivedCredentials, rule], { catalog: cat, now: new Date(TEST_NOW) }).findings.map(
      (finding) => ({
        ruleId: finding.ruleId,
        resource: finding.resource.name,
        detail: finding.detail,
        level: finding.level,
        waivedBy: finding.waivedBy,
        message: finding.message,
      }),
    );

  it('an exception naming an identity of the change that waives nothing there is reported as unused (advisory)', () => {
    const keyless = model({ identities: [user('legacy-sftp-sync', { uniqueName: true })] });
    expect(run(withExceptions(exception()), keyless)).toEqual([
      {
        ruleId: 'exception-expiry',
        resource: 'EXC-42',
        detail: 'Unused::this-change',
        level: 'advisory',
        waivedBy: undefined,
        message:
          'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) names legacy-sftp-sync in this change but waives no finding: the risk it ' +
          'accepted is gone. Remove the exception.',
      },
    ]);
  });

  // Since session 42 a role's pod-exec reached only by patching running pods is folded into its pod-create
  // (src/iam/kubernetes/rbac.ts, SUBSUMED_ROUTES): an exception that waived that pod-exec alone waives nothing more.
  it('an exception waiving only Route::pod-exec of a role that also creates pods is unused: the route is named in pod-create', () => {
    const podAdmin = model({
      identities: [
        {
          ...identity('k8s-service-account', 'pod-admin', {
            uniqueName: true,
            tags: { 'identity-class': 'service' },
            grants: [
              namespaceBinding('pod-admin-apps', 'pod-admin', 'apps', [
                { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
              ]),
            ],
          }),
          automountToken: false,
        },
      ],
    });
    const waiving = (id: string, route: string) =>
      exception({
        id,
        rule: 'no-wildcard-privilege',
        target: 'pod-admin',
        details: [`Role::pod-admin/Route::${route}`],
      });
    const findings = runRules(podAdmin, [noWildcardPrivilege, rule], {
      catalog: withExceptions(waiving('EXC-50', 'pod-create'), waiving('EXC-51', 'pod-exec')),
      now: new Date(TEST_NOW),
    }).findings;
    expect(
      findings.map((finding) => [
        finding.ruleId,
        finding.level,
        finding.resource.name,
        finding.detail,
        finding.waivedBy ?? '-',
      ]),
    ).toEqual([
      ['exception-expiry', 'advisory', 'EXC-51', 'Unused::this-change', '-'],
      ['no-wildcard-privilege', 'mandatory', 'pod-admin-apps', 'Role::pod-admin/Route::pod-create', 'EXC-50'],
    ]);
  });

  it('an exception that waives a finding is used, and one for identities of other stacks says nothing here', () => {
    const sftp = model({
      identities: [user('legacy-sftp-sync', { uniqueName: true, credentials: ['aws-access-key'] })],
    });
    const findings = run(withExceptions(exception(), exception({ id: 'EXC-43', target: 'other-stack-user' })), sftp);
    expect(findings.map((finding) => [finding.ruleId, finding.waivedBy ?? '-', finding.detail])).toEqual([
      ['no-long-lived-credentials', 'EXC-42', 'Credential::aws-access-key'],
    ]);
  });

  it('an approval dated a year ahead (a lifetime stretched past maxLifetime) waives nothing until that day, then waives', () => {
    const sftp = model({
      identities: [user('legacy-sftp-sync', { uniqueName: true, credentials: ['aws-access-key'] })],
    });
    // Approved "2027-11-01" and expiring 2028-10-31: within a 365-day lifetime on paper, two years of waiver from today.
    const cat = {
      ...withExceptions(exception({ approved: '2027-11-01', expires: '2028-10-31' })),
      exceptionPolicy: { maxLifetimeDays: 365 },
    };
    expect(
      run(cat, sftp).map((finding) => [finding.ruleId, finding.waivedBy ?? '-', finding.detail, finding.level]),
    ).toEqual([
      ['exception-expiry', '-', 'Approved::2027-11-01', 'advisory'],
      ['no-long-lived-credentials', '-', 'Credential::aws-access-key', 'mandatory'],
    ]);
    const onTheDay = runRules(sftp, [noLongLivedCredentials, rule], {
      catalog: cat,
      now: new Date('2027-11-01T09:00:00Z'),
    });
    expect(onTheDay.findings.map((finding) => [finding.ruleId, finding.waivedBy ?? '-', finding.detail])).toEqual([
      ['no-long-lived-credentials', 'EXC-42', 'Credential::aws-access-key'],
    ]);
  });

  it('a target matching more identities than the exception policy allows waives nothing and is reported', () => {
    const users = model({
      identities: ['ci-a', 'ci-b', 'ci-c'].map((name) =>
        user(name, { uniqueName: true, credentials: ['aws-access-key'] }),
      ),
    });
    const cat = { ...withExceptions(exception({ target: 'ci-*' })), exceptionPolicy: { maxTargets: 2 } };
    const findings = run(cat, users);
    expect(
      findings
        .filter((finding) => finding.ruleId === 'no-long-lived-credentials')
        .map((finding) => [finding.resource, finding.waivedBy ?? '-']),
    ).toEqual([
      ['ci-aCredential', '-'],
      ['ci-bCredential', '-'],
      ['ci-cCredential', '-'],
    ]);
    expect(findings.filter((finding) => finding.ruleId === 'exception-expiry')).toEqual([
      {
        ruleId: 'exception-expiry',
        resource: 'EXC-42',
        detail: 'Targets::3',
        level: 'advisory',
        waivedBy: undefined,
        message:
          'Exception EXC-42 (no-long-lived-credentials for ci-*) matches 3 identities and secrets of this change (ci-a, ci-b, ci-c), more than the exception ' +
          'policy allows (2), so it waives nothing here. Name the identity it was approved for.',
      },
    ]);
  });
});
