/**
 * Issue 17's problem list as the organisation means it, through every front-end: the CLI on the CloudFormation
 * templates in examples/privileged-access, the CDK aspect on the same templates (cloudformation-include), and the
 * Pulumi pack over the analyzer protocol on the same roles written as Pulumi programs. A correct break-glass role and
 * a correct just-in-time admin role pass with no finding and no exception; the bad variants fail with the path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aspects, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runAudit } from '../../src/cli/audit.js';
import { runCheck } from '../../src/cli/check.js';
import type { Audit } from '../../src/audit/index.js';
import { EXAMPLE_CATALOG, guardAnnotations, NOW, testApp } from '../cdk/support.js';
import {
  analyzerClient,
  capturePrograms,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from '../pulumi/support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const REPO = path('../..');
const GOOD = 'examples/privileged-access/good.template.yaml';
const BAD = 'examples/privileged-access/bad.template.yaml';

/** `rule level resource`, distinct and sorted: the verdict every front-end must give. Catalog-level findings (the example catalog's expired EXC-087) are left out. */
const BAD_VERDICT = [
  'break-glass-isolation advisory BreakGlassRole',
  'break-glass-isolation advisory LegacyBreakGlassRole',
  'break-glass-isolation mandatory BreakGlassRole',
  'break-glass-isolation mandatory LegacyBreakGlassRole',
  'no-privilege-escalation mandatory CiDeployerRole',
  'no-privilege-escalation mandatory JitAdminRole',
  // No catalog record: its tags name emergency-admin, a privileged entitlement only a record grants, so its
  // AdministratorAccess is neither held nor sanctioned.
  'no-privilege-escalation mandatory LegacyBreakGlassRole',
  'no-wildcard-privilege mandatory CiDeployerRole',
  // Its break-glass class is claimed by its tag only: AdministratorAccess is judged as on a machine's role.
  'no-wildcard-privilege mandatory LegacyBreakGlassRole',
  'require-entitlement mandatory CiDeployerRole',
  'require-entitlement mandatory JitAdminRole',
  'require-entitlement mandatory LegacyBreakGlassRole',
  'session-within-class mandatory JitAdminRole',
];

interface JsonFinding {
  ruleId: string;
  level: string;
  resource: { name: string; type: string };
  detail?: string;
  message: string;
}

function check(file: string) {
  const result = runCheck({
    paths: [file],
    catalogPath: EXAMPLE_CATALOG,
    format: 'json',
    now: NOW,
    cwd: REPO,
    toolVersion: 'test',
  });
  const findings = (JSON.parse(result.output) as { findings: JsonFinding[] }).findings.filter(
    (finding) => !finding.resource.type.startsWith('entitlement-guard:catalog/'),
  );
  return { exitCode: result.exitCode, findings };
}

const verdict = (lines: string[]) => [...new Set(lines)].sort();

describe('CLI: entitlement-guard check on examples/privileged-access', () => {
  it('passes the correct break-glass role and just-in-time admin role: no finding on them, no exception used', () => {
    const { exitCode, findings } = check(GOOD);
    expect(exitCode).toBe(0);
    expect(findings).toEqual([]);
  });

  it('blocks the bad variants, each for what it is, with the path in the message', () => {
    const { exitCode, findings } = check(BAD);
    expect(exitCode).toBe(1);
    expect(verdict(findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name}`))).toEqual(BAD_VERDICT);
    const by = (detail: string) => findings.find((f) => f.detail === detail)!.message;
    // Root trust: every principal of the account, the CI role in this change named.
    expect(by('Principal::arn:aws:iam::<own-account>:root')).toContain(
      'admits every principal of that account allowed sts:AssumeRole on it',
    );
    // CI reach, with the path: its own sts:AssumeRole pattern, the role it matches, the trust that lets it in.
    expect(by('Reach::ci-deployer')).toContain(
      'ci-deployer is allowed sts:AssumeRole on arn:aws:iam::*:role/*, which matches arn:aws:iam::<own-account>:role/break-glass-admin, and break-glass-admin trusts account <own-account>',
    );
    // No MFA on the second break-glass role's sign-in path.
    expect(by('Mfa::arn:aws:iam::<own-account>:saml-provider/LegacyIdP')).toContain(
      'is not declared MFA-enforcing in the catalog (trust.identityProviders)',
    );
    // A privileged entitlement claimed by tags on a role the catalog has no record of is not held.
    expect(by('Entitlement::emergency-admin')).toBe(
      'break-glass-legacy-idp claims privileged entitlement emergency-admin through its entitlements tag, which the IaC sets: ' +
        "a privileged entitlement is granted only by the identity's record in the catalog, where it is reviewed, so " +
        'break-glass-legacy-idp does not hold it. Add a catalog identity record that lists it, or remove it from the tag.',
    );
    // Standing admin labelled just in time: the session and the trust that make it standing.
    expect(by('StandingPrivilege::account-admin-jit')).toContain(
      "its sessions last up to 12h (MaxSessionDuration), longer than the approval's maxDuration 1h; AWS arn:aws:iam::<own-account>:root can assume it without the approval path",
    );
    // The catalog's AdministratorAccess for break-glass is not an escalation; the labelled-JIT admin's is, and so is the
    // AdministratorAccess of the break-glass role the catalog does not record (its tags cannot sanction it).
    expect(
      findings
        .filter((f) => f.ruleId === 'no-privilege-escalation')
        .map((f) => f.resource.name)
        .sort(),
    ).toEqual(['CiDeployerRole', 'JitAdminRole', 'LegacyBreakGlassRole']);
  });

  it('audit: standing or just in time per identity and entitlement, with session, trust, approvers and durations', () => {
    const run = (file: string) =>
      JSON.parse(
        runAudit({ paths: [file], catalogPath: EXAMPLE_CATALOG, format: 'json', now: NOW, cwd: REPO }).output,
      ) as Audit;
    const entitlement = (audit: Audit, name: string) =>
      audit.identities.find((identity) => identity.name === name && identity.origin === 'change')!.entitlements[0]!;
    const good = run(GOOD);
    expect(entitlement(good, 'jit-admin')).toMatchObject({
      id: 'account-admin-jit',
      privileged: true,
      standing: false,
      holding: {
        mode: 'just-in-time',
        gaps: [],
        session: '1h',
        maxDuration: '1h',
        approvers: ['team-security'],
        via: ['arn:aws:iam::*:saml-provider/ExampleIdP'],
        trust: ['Federated arn:aws:iam::<own-account>:saml-provider/ExampleIdP'],
        credentials: [],
      },
    });
    // Break-glass holds its privilege standing by design: shown as such, and not called out (its class allows it).
    expect(entitlement(good, 'break-glass-admin')).toMatchObject({
      id: 'emergency-admin',
      standing: false,
      holding: { mode: 'standing', session: '1h' },
    });
    const bad = run(BAD);
    expect(entitlement(bad, 'jit-admin')).toMatchObject({
      standing: true,
      holding: { mode: 'standing', session: '12h', maxDuration: '1h' },
    });
    expect(bad.hygiene.standingPrivilege).toEqual([
      { id: 'bad/JitAdminRole', name: 'jit-admin', class: 'human', entitlement: 'account-admin-jit' },
    ]);
  });
});

describe('CDK aspect on the same templates', () => {
  const annotations = (file: string) => {
    const app = testApp();
    const stack = new Stack(app, 'privileged');
    new CfnInclude(stack, 'Template', { templateFile: path(`../../${file}`) });
    Aspects.of(app).add(new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW }));
    return guardAnnotations(app, stack).filter((annotation) => annotation.resource.startsWith('privileged/'));
  };

  it('gives the CLI verdict: the correct roles pass, the bad variants fail for the same rules at the same levels', () => {
    expect(annotations(GOOD)).toEqual([]);
    const lines = annotations(BAD).map(
      (a) => `${a.ruleId} ${a.level === 'error' ? 'mandatory' : 'advisory'} ${a.resource.split('/').pop()}`,
    );
    expect(verdict(lines)).toEqual(BAD_VERDICT);
  });

  it('stack levels cannot loosen the org: disabled and advisory for mandatory rules leave them mandatory', () => {
    const app = testApp();
    const stack = new Stack(app, 'privileged');
    new CfnInclude(stack, 'Template', { templateFile: path(`../../${BAD}`) });
    Aspects.of(app).add(
      new EntitlementGuard({
        catalog: EXAMPLE_CATALOG,
        now: NOW,
        stackLevels: { 'break-glass-isolation': 'disabled', 'require-entitlement': 'advisory' },
      }),
    );
    const lines = guardAnnotations(app, stack).map(
      (a) => `${a.ruleId} ${a.level === 'error' ? 'mandatory' : 'advisory'} ${a.resource.split('/').pop()}`,
    );
    expect(verdict(lines.filter((line) => !line.startsWith('exception-expiry')))).toEqual(BAD_VERDICT);
  });
});

describe('Pulumi pack over the analyzer protocol on the same roles', () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  let pack: RunningPack;
  let client: AnalyzerClient;
  const programs: Record<'good' | 'bad', CapturedResource[]> = { good: [], bad: [] };

  beforeAll(async () => {
    engine = await startEngine();
    // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
    [pack, [programs.good, programs.bad]] = await Promise.all([
      startPack(path('../pulumi/org-pack'), engine.address),
      capturePrograms([
        { program: path('../../examples/privileged-access/pulumi-good.ts'), mode: 'update' },
        { program: path('../../examples/privileged-access/pulumi-bad.ts'), mode: 'update' },
      ]),
    ]);
    client = analyzerClient(pack.port);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await pack?.stop();
    await engine?.close();
  });

  const lines = async (records: CapturedResource[]) => {
    const diagnostics = await client.analyzeStack(records);
    return verdict(
      diagnostics
        .filter((d) => d.urn !== '' && !d.urn.endsWith('::'))
        .map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop()}`),
    );
  };

  it('gives the CLI verdict: the correct roles pass, the bad variants fail', async () => {
    await client.configure({});
    expect(await lines(programs.good)).toEqual([]);
    expect(await lines(programs.bad)).toEqual(BAD_VERDICT);
  });

  it('a stack config that disables the rules the org made mandatory still gets the org verdict', async () => {
    await client.configure({
      'break-glass-isolation': { enforcementLevel: 'disabled' },
      'require-entitlement': { enforcementLevel: 'advisory' },
      'no-privilege-escalation': { enforcementLevel: 'disabled' },
    });
    expect(await lines(programs.bad)).toEqual(BAD_VERDICT);
  });
});

describe('catalog promises that were labels: located errors and findings in every front-end', () => {
  const LONG_APPROVAL = 'test/catalog/fixtures/approval-longer-than-session.yaml';
  const ABUSED = 'test/catalog/fixtures/exception-abuse.yaml';
  const APPROVAL_ERROR =
    /approval-longer-than-session\.yaml:9:45: entitlements\[0\]\.approval\.maxDuration: "12h" is longer than the session limit of class agent \(30m\)/;
  const SELF_APPROVED = /exception-abuse\.yaml:8:95: exceptions\[1\]\.approvedBy: approved by its own owner "team-a"/;

  it('CLI: maxDuration beyond the class session and an abused exception (target "*", 2099, self-approved) stop with exit 2, located', () => {
    for (const [catalogPath, expected] of [
      [LONG_APPROVAL, APPROVAL_ERROR],
      [ABUSED, SELF_APPROVED],
    ] as const) {
      const result = runCheck({
        paths: [GOOD],
        catalogPath: path(`../../${catalogPath}`),
        format: 'json',
        now: NOW,
        cwd: REPO,
        toolVersion: 'test',
      });
      expect(result.exitCode).toBe(2);
      expect(result.errors.join('\n')).toMatch(expected);
    }
    const abused = runCheck({
      paths: [GOOD],
      catalogPath: path(`../../${ABUSED}`),
      format: 'json',
      now: NOW,
      cwd: REPO,
      toolVersion: 'test',
    }).errors.join('\n');
    expect(abused).toContain('exceptions[0].target: "*" matches every identity and resource');
    expect(abused).toContain(
      'exceptions[3].expires: 2099-12-31 is 26723 days after the approval on 2026-11-01, longer than exceptionPolicy.maxLifetime (90d)',
    );
  });

  it('CDK aspect: the same catalogs fail the synthesis with the located error (an error on the stack)', () => {
    for (const [catalogPath, expected] of [
      [LONG_APPROVAL, APPROVAL_ERROR],
      [ABUSED, SELF_APPROVED],
    ] as const) {
      const app = testApp();
      const stack = new Stack(app, 'privileged');
      new CfnInclude(stack, 'Template', { templateFile: path(`../../${GOOD}`) });
      Aspects.of(app).add(new EntitlementGuard({ catalog: path(`../../${catalogPath}`), now: NOW }));
      const errors = app
        .synth()
        .getStackArtifact(stack.artifactId)
        .messages.filter((message) => message.level === 'error')
        .map((message) => String(message.entry.data));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(expected);
    }
  });

  it('Pulumi pack: a pack built around either catalog refuses to start, with the located error', async () => {
    const { entitlementGuardPolicies } = await import('../../policypack/src/index.js');
    expect(() => entitlementGuardPolicies({ catalog: path(`../../${LONG_APPROVAL}`) })).toThrow(APPROVAL_ERROR);
    expect(() => entitlementGuardPolicies({ catalog: path(`../../${ABUSED}`) })).toThrow(SELF_APPROVED);
  });

  it('an exception that waives nothing is reported in check and in the audit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-unused-'));
    const catalogPath = join(dir, 'catalog.yaml');
    // An exception for the correct JIT admin role, which has nothing to waive: a risk accepted for nothing.
    const extra = `  - id: EXC-200
    rule: no-long-lived-credentials
    target: jit-admin
    reason: Keys for the old admin tooling
    owner: team-security
    approvedBy: security-lead@example.com
    approved: 2026-05-01
    expires: 2026-12-31
`;
    writeFileSync(catalogPath, readFileSync(EXAMPLE_CATALOG, 'utf8').replace('\ntags:\n', `${extra}\ntags:\n`));
    const result = runCheck({ paths: [GOOD], catalogPath, format: 'json', now: NOW, cwd: REPO, toolVersion: 'test' });
    expect(result.exitCode).toBe(0);
    const unused = (JSON.parse(result.output) as { findings: JsonFinding[] }).findings.filter(
      (f) => f.detail === 'Unused::this-change',
    );
    expect(unused.map((f) => [f.ruleId, f.level, f.resource.name, f.message])).toEqual([
      [
        'exception-expiry',
        'advisory',
        'EXC-200',
        'Exception EXC-200 (no-long-lived-credentials for jit-admin) names jit-admin in this change but waives no finding: the risk it accepted is gone. Remove the exception.',
      ],
    ]);
    const audit = JSON.parse(
      runAudit({ paths: [GOOD], catalogPath, format: 'json', now: NOW, cwd: REPO }).output,
    ) as Audit;
    expect(
      audit.hygiene.unusedExceptions.map((exception) => [exception.id, exception.approved, exception.waives]),
    ).toEqual([['EXC-200', '2026-05-01', 0]]);
  });
});
