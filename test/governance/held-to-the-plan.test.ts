/**
 * Issue 17's remaining promises end to end, with the same verdict (rule, level, subject, message) from the CLI, the
 * CDK aspect (cloudformation-include of the same template) and an organisation's Pulumi pack over the analyzer
 * protocol (the same roles as a Pulumi program): a 15-minute maxDuration against a one-hour session, a catalog that
 * understates `privileged`, a break-glass role trusting a CI role defined in another stack, and an exception that
 * waives nothing. A broken catalog stops every front-end with its located error; the pack's, through the process
 * the Pulumi CLI starts, as the located lines alone (no JavaScript stack).
 */
import { fileURLToPath } from 'node:url';
import { Aspects, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { testApp } from '../cdk/support.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from '../pulumi/support/analyzer-client.mjs';
import { writeOrgPack } from '../pulumi/support/org-pack.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const REPO = path('../..');
const CATALOG = path('./fixtures/catalog.yaml');
const TEMPLATE = path('./fixtures/held-to-the-plan.template.yaml');
const PROGRAM = path('./fixtures/held-to-the-plan.ts');
const NOW = '2026-12-01T00:00:00Z';

/** A finding as every front-end must give it: rule, level, what it is on (a role, or `catalog` for the catalog itself), message. */
const VERDICT = [
  'break-glass-isolation mandatory BreakGlassRole: Break-glass role break-glass-admin can be assumed by arn:aws:iam::111122223333:role/ci-deployer, ' +
    'which is catalog identity ci-deployer of class workload (defined outside this change). Remove it from the trust policy; no workload, service or agent may reach break-glass.',
  'exception-expiry advisory catalog: Exception EXC-300 (no-long-lived-credentials for quick-fix) names quick-fix in this change but waives no finding: ' +
    'the risk it accepted is gone. Remove the exception.',
  'no-wildcard-privilege mandatory PipelineRole: Policy pass-any-role allows privileged action iam:PassRole on Resource "*" without a Condition that restricts it ' +
    '(one on the caller, its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). Scope it to the resource ARNs needed, ' +
    'or add a Condition that constrains it (for iam:PassRole, StringEquals iam:PassedToService).',
  'require-entitlement mandatory PipelineRole: pipeline holds privileged entitlement pass-any-role as standing privilege, which class workload does not allow: ' +
    'the entitlement sets no approval maxDuration; the catalog names no approval path for it (approval.via). Hold it just in time (a role with sessions of at most ' +
    "the approval's maxDuration, assumable only through approval.via, no long-lived credential), or keep it for break-glass identities.",
  'require-entitlement mandatory QuickFixRole: quick-fix holds privileged entitlement prod-secrets-quick-fix as standing privilege, which class workload does not allow: ' +
    "its sessions last up to 1h (MaxSessionDuration), longer than the approval's maxDuration 15m. Hold it just in time (a role with sessions of at most the " +
    "approval's maxDuration, assumable only through approval.via, no long-lived credential), or keep it for break-glass identities.",
  'require-entitlement mandatory catalog: Entitlement pass-any-role grants iam:PassRole on *, a privileged action on every resource of its kind, but the catalog ' +
    'does not mark it privileged. It is treated as privileged (just in time, or break-glass only). Set privileged: true with an approval, or narrow its grants.',
];

const sorted = (lines: string[]) => [...lines].sort();

describe('CLI: entitlement-guard check', () => {
  it('gives the verdict: standing 15-minute grant, understated catalog entry, CI of another stack in the break-glass trust, unused exception', () => {
    const result = runCheck({
      paths: [TEMPLATE],
      catalogPath: CATALOG,
      format: 'json',
      now: new Date(NOW),
      cwd: REPO,
      toolVersion: 'test',
    });
    expect(result.exitCode).toBe(1);
    const findings = (
      JSON.parse(result.output) as {
        findings: { ruleId: string; level: string; resource: { name: string; type: string }; message: string }[];
      }
    ).findings;
    const subject = (resource: { name: string; type: string }) =>
      resource.type.startsWith('entitlement-guard:catalog/') ? 'catalog' : resource.name;
    expect(sorted(findings.map((f) => `${f.ruleId} ${f.level} ${subject(f.resource)}: ${f.message}`))).toEqual(VERDICT);
  });
});

describe('CDK aspect on the same template', () => {
  /** `rule level subject: message` of every annotation the aspect put on the stack (the catalog's own findings go on the stack itself). */
  function verdictOf(
    build: (stack: Stack) => void,
    guard = new EntitlementGuard({ catalog: CATALOG, now: new Date(NOW) }),
  ) {
    const app = testApp();
    const stack = new Stack(app, 'held');
    build(stack);
    Aspects.of(app).add(guard);
    return app
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => ({ at: message.id, text: String(message.entry.data) }))
      .filter(({ text }) => text.startsWith('[EntitlementGuard] '))
      .map(({ at, text }) => {
        const [, ruleId, level, message] = /^\[EntitlementGuard\] (\S+) \((mandatory|advisory)\): (.*)$/m.exec(text)!;
        return `${ruleId} ${level} ${at === '/held' ? 'catalog' : at.split('/').pop()}: ${message}`;
      });
  }

  it('gives the CLI verdict, message for message', () => {
    expect(sorted(verdictOf((stack) => new CfnInclude(stack, 'Template', { templateFile: TEMPLATE })))).toEqual(
      VERDICT,
    );
  });

  it('reports a CI role written in another stack of the same app that the break-glass role trusts by name', () => {
    const app = testApp();
    const ci = new Stack(app, 'ci');
    const deployer = new iam.Role(ci, 'CiDeployer', {
      roleName: 'ci-deployer',
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
    });
    deployer.addToPolicy(
      new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::*:role/*'] }),
    );
    const held = new Stack(app, 'held', { env: { account: '111122223333', region: 'eu-west-1' } });
    new iam.Role(held, 'BreakGlassRole', {
      roleName: 'break-glass-admin',
      assumedBy: new iam.ArnPrincipal(iam.Role.fromRoleName(held, 'Ci', 'ci-deployer').roleArn).withConditions({
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    Aspects.of(app).add(new EntitlementGuard({ catalog: CATALOG, now: new Date(NOW) }));
    const messages = app
      .synth()
      .getStackArtifact(held.artifactId)
      .messages.filter((message) => String(message.entry.data).startsWith('[EntitlementGuard] break-glass-isolation'))
      .map((message) => [message.id, String(message.entry.data).split('\n')[0]]);
    // `held` deploys into 111122223333, so the role the trust names there is of the stack's own account, written as
    // the engine writes `AWS::AccountId` (stack-account.ts); the verdict is the same.
    expect(messages).toEqual([
      [
        '/held/BreakGlassRole',
        '[EntitlementGuard] break-glass-isolation (mandatory): Break-glass role break-glass-admin can be assumed by arn:aws:iam::<own-account>:role/ci-deployer, ' +
          'which is catalog identity ci-deployer of class workload (defined outside this change). Remove it from the trust policy; no workload, service or agent may reach break-glass.',
      ],
    ]);
  });
});

describe("an organisation's Pulumi pack over the analyzer protocol, on the same roles as a Pulumi program", () => {
  let engine: Awaited<ReturnType<typeof startEngine>>;
  let pack: RunningPack;
  let client: AnalyzerClient;
  let program: CapturedResource[];

  beforeAll(async () => {
    engine = await startEngine();
    [pack, program] = await Promise.all([
      startPack(writeOrgPack({ catalog: CATALOG, now: NOW }), engine.address),
      captureProgram(PROGRAM, 'update'),
    ]);
    client = analyzerClient(pack.port);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await pack?.stop();
    await engine?.close();
  });

  it('gives the CLI verdict, message for message (findings about the catalog itself on the stack, without a URN)', async () => {
    await client.configure({});
    const diagnostics = await client.analyzeStack(program);
    const lines = diagnostics.map(
      (d) =>
        `${d.policyName} ${d.enforcementLevel} ${d.urn === '' ? 'catalog' : d.urn.split('::').pop()}: ${d.message.split('\n')[0]}`,
    );
    expect(sorted([...new Set(lines)])).toEqual(VERDICT);
  });
});

describe('a catalog that cannot be used stops every front-end with its located error', () => {
  const MISSING = 'no-such-catalog.yaml';
  const LONG_APPROVAL = path('../catalog/fixtures/approval-longer-than-session.yaml');
  const ABUSED = path('../catalog/fixtures/exception-abuse.yaml');
  const APPROVAL_ERROR =
    `${LONG_APPROVAL}:9:45: entitlements[0].approval.maxDuration: "12h" is longer than the session limit of class agent (30m), ` +
    'so no agent identity can hold the entitlement just in time for that long; expected at most 30m';

  it('CLI: exit 2 with the file and what is wrong', () => {
    const check = (catalogPath: string) =>
      runCheck({ paths: [TEMPLATE], catalogPath, format: 'json', now: new Date(NOW), cwd: REPO, toolVersion: 'test' });
    const missing = check(path(MISSING));
    expect([missing.exitCode, missing.errors]).toEqual([
      2,
      [expect.stringContaining(`test/governance/${MISSING}: cannot read catalog: cannot read file (ENOENT)`)],
    ]);
    const long = check(LONG_APPROVAL);
    expect([long.exitCode, long.errors.join('\n')]).toEqual([
      2,
      expect.stringContaining(APPROVAL_ERROR.replace(REPO, '')),
    ]);
  });

  it('CDK aspect: the synthesis stops with the same lines (an error on the stack, which cdk synth stops on)', () => {
    const synth = (catalog: string) => {
      const app = testApp();
      new CfnInclude(new Stack(app, 'held'), 'Template', { templateFile: TEMPLATE });
      Aspects.of(app).add(new EntitlementGuard({ catalog }));
      return app
        .synth()
        .getStackArtifact('held')
        .messages.filter((message) => message.level === 'error')
        .map((message) => String(message.entry.data));
    };
    const missing = synth(path(MISSING));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain(`${path(MISSING)}: cannot read catalog: cannot read file (ENOENT)`);
    const long = synth(LONG_APPROVAL);
    expect(long).toHaveLength(1);
    expect(long[0]).toContain(APPROVAL_ERROR);
  });

  /** What the Pulumi CLI shows when it starts the pack: the pack's stderr, since it exits before serving. */
  async function packStartError(catalog: string): Promise<{ dir: string; stderr: string[] }> {
    const dir = writeOrgPack({ catalog });
    const engine = await startEngine();
    try {
      const pack = await startPack(dir, engine.address);
      await pack.stop();
      return { dir, stderr: ['(the pack started)'] };
    } catch (error) {
      const [first, ...stderr] = (error as Error).message.trimEnd().split('\n');
      expect(first).toBe('policy pack exited with code 32 before serving');
      return { dir, stderr };
    } finally {
      await engine.close();
    }
  }

  it('Pulumi pack around a catalog path that names no file: one line, which file and what was expected, no stack', async () => {
    const { dir, stderr } = await packStartError(MISSING);
    expect(stderr).toEqual([
      `error: [runtime] entitlement-guard pack "example-co-entitlements" did not start: ${dir}/${MISSING}: cannot read catalog: cannot read file (ENOENT); ` +
        `createPolicyPack({ catalog: "${MISSING}" }) expects an entitlement catalog file (YAML or JSON) there, a relative path being read from the pack directory (${dir})`,
    ]);
  });

  it('Pulumi pack around an invalid catalog (maxDuration beyond the class session; an abused exception): the located issues, no stack', async () => {
    const [long, abused] = await Promise.all([packStartError(LONG_APPROVAL), packStartError(ABUSED)]);
    expect(long.stderr).toEqual([
      `error: [runtime] entitlement-guard pack "example-co-entitlements" did not start: ${APPROVAL_ERROR}`,
    ]);
    expect(abused.stderr[0]).toMatch(
      /^error: \[runtime\] entitlement-guard pack "example-co-entitlements" did not start: \S+exception-abuse\.yaml:7:\d+: exceptions\[0\]\.target: "\*" matches every identity and resource/,
    );
    expect(abused.stderr.slice(1).every((line) => line.startsWith(`${ABUSED}:`))).toBe(true);
    expect(abused.stderr.join('\n')).toContain(
      `${ABUSED}:8:95: exceptions[1].approvedBy: approved by its own owner "team-a"`,
    );
  });
});
