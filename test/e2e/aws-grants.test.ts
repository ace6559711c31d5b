/**
 * Issue 15, end to end in three front-ends: roles holding AWS managed policies (judged by their published content)
 * and grants to a role the change does not create. The same infrastructure is written as a CDK app (checked by the
 * EntitlementGuard aspect during synthesis, and by the CLI over the synthesized cdk.out) and as a Pulumi program
 * (test/pulumi/programs/aws-grants.ts, checked by the policy pack over the analyzer gRPC protocol). Each front-end
 * must give the same (rule, identity, level, granting resource) findings.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { EXAMPLE_CATALOG, exampleCatalog, NOW } from '../cdk/support.js';
import { analyzerClient, captureProgram, startEngine, startPack, type AnalyzerClient, type RunningPack } from '../pulumi/support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const PROGRAM = path('../pulumi/programs/aws-grants.ts');
/** The rules these cases are about; the roles' other findings (owner, entitlements, trust) are not. */
const RULES = new Set(['no-wildcard-privilege', 'no-privilege-escalation', 'policy-validity']);

/** Role (and resource) name -> the AWS managed policy it holds, as in the Pulumi program. */
const ROLES: Record<string, string> = {
  ApiGwLogs: 'service-role/AmazonAPIGatewayPushToCloudWatchLogs',
  LambdaVpc: 'service-role/AWSLambdaVPCAccessExecutionRole',
  SsmCore: 'AmazonSSMManagedInstanceCore',
  XrayWriter: 'AWSXrayWriteOnlyAccess',
  S3Full: 'AmazonS3FullAccess',
  LambdaFull: 'AWSLambda_FullAccess',
  IamFull: 'IAMFullAccess',
  PowerUser: 'PowerUserAccess',
};

/** A finding as every front-end can state it: `rule | identity name | level | granting resource | detail`. */
type Row = string;
/** What is compared across front-ends: a row without its detail. */
const key = (rule: string, identity: string, level: string, resource: string) => [rule, identity, level, resource].join(' | ');
const row = (rule: string, identity: string, level: string, resource: string, detail = '') => [rule, identity, level, resource, detail].join(' | ');

let cdkAnnotations: Row[] = [];
/** Every finding of every rule, to show each role was read at all. */
let cdkAll: Row[] = [];
let cliAll: Row[] = [];
let pulumiAll: Row[] = [];
let cliFindings: Row[] = [];
let pulumiDiagnostics: Row[] = [];
let outdir: string;
let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;

function cdkApp(): { app: App; stack: Stack } {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Grants');
  for (const [name, policy] of Object.entries(ROLES)) {
    const role = new iam.Role(stack, name, { roleName: name, assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(policy)] });
    (role.node.defaultChild as iam.CfnRole).overrideLogicalId(name);
  }
  // Role.fromRoleName + attachInlinePolicy: an AWS::IAM::Policy whose Roles names a role this app does not create.
  const grant = new iam.Policy(stack, 'GrantToExisting', { statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })] });
  iam.Role.fromRoleName(stack, 'Existing', 'existing-role').attachInlinePolicy(grant);
  (grant.node.defaultChild as iam.CfnPolicy).overrideLogicalId('GrantToExisting');
  return { app, stack };
}

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js'))) throw new Error('the policy pack is not built: run `npm run build` first');
  outdir = mkdtempSync(join(tmpdir(), 'eg-aws-grants-'));
  engine = await startEngine();
  const started = Promise.all([startPack(PACK_DIR, engine.address), captureProgram(PROGRAM, 'update')]);

  // CDK aspect: the annotations synthesis leaves on the stack (identity = the waiver target it names).
  const { app, stack } = cdkApp();
  Aspects.of(app).add(new EntitlementGuard({ catalog: exampleCatalog(), now: NOW }));
  const assembly = app.synth();
  cdkAll = assembly
    .getStackArtifact(stack.artifactId)
    .messages.map((message) => ({ text: String(message.entry.data), annotation: message.level }))
    .filter(({ text }) => text.startsWith('[EntitlementGuard] '))
    .map(({ text, annotation }) => {
      const [, rule, level] = /^\[EntitlementGuard\] (\S+) \((\w+)\)/.exec(text)!;
      // A mandatory finding is an error annotation (synthesis fails), an advisory one a warning.
      expect(annotation).toBe(level === 'mandatory' ? 'error' : 'warning');
      const [, resource, detail] = /\n {2}resource: \S+ \(\S+ (\S+)\)(?: (\S+))?/.exec(text)!;
      // The waiver target the hint names: the construct path for a role of the app (`path:Grants/SsmCore`), the name
      // for a role outside it (no construct path); compared by the role's name.
      const target = (/target: ([^)]+)\)/.exec(text)?.[1] ?? '-').replace(/^path:Grants\//, '');
      return row(rule!, target, level!, resource!, detail);
    });
  cdkAnnotations = cdkAll.filter((line) => RULES.has(line.split(' | ')[0]!));

  // CLI over the cdk.out the same synthesis wrote.
  const check = runCheck({ paths: [outdir], catalogPath: EXAMPLE_CATALOG, format: 'json', now: NOW, toolVersion: 'test' });
  const names = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/^external-[a-z]+:/, '');
  cliAll = (JSON.parse(check.output) as { findings: { ruleId: string; level: string; identity?: string; resource: { name: string }; detail?: string }[] }).findings.map(
    (finding) => row(finding.ruleId, finding.identity ? names(finding.identity) : '-', finding.level, finding.resource.name, finding.detail),
  );
  cliFindings = cliAll.filter((line) => RULES.has(line.split(' | ')[0]!));

  // Pulumi pack over the analyzer protocol, configured as the CLI would configure it from the example catalog.
  const [running, records] = await started;
  pack = running;
  client = analyzerClient(pack.port);
  const catalog = exampleCatalog();
  await client.configure(Object.fromEntries(allRules.map((rule) => [rule.meta.id, { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath: EXAMPLE_CATALOG } }])));
  pulumiAll = (await client.analyzeStack(records)).map((diagnostic) => {
      const target = /request a catalog exception for rule \S+, target (.+)\.$/.exec(diagnostic.message)?.[1] ?? '-';
      const detail = /\(detail: (\S+)\)/.exec(diagnostic.message)?.[1] ?? '';
      return row(diagnostic.policyName, target, diagnostic.enforcementLevel, diagnostic.urn.split('::').pop()!, detail);
  });
  pulumiDiagnostics = pulumiAll.filter((line) => RULES.has(line.split(' | ')[0]!));
}, 240_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

/** The rows one front-end gave for a resource, without the detail (Pulumi messages do not carry it). */
const about = (rows: Row[], resource: string) => rows.filter((line) => line.split(' | ')[3] === resource).map((line) => line.split(' | ').slice(0, 4).join(' | '));

describe('AWS managed policies, judged by their content, in the CLI, the CDK aspect and the Pulumi pack', () => {
  it('each front-end reports on every role of the change (so an empty list below means no finding, not no role)', () => {
    const resources = (rows: Row[]) => new Set(rows.map((line) => line.split(' | ')[3]));
    for (const rows of [cliAll, cdkAll, pulumiAll]) for (const name of Object.keys(ROLES)) expect(resources(rows), name).toContain(name);
  });

  it.each(['ApiGwLogs', 'LambdaVpc', 'SsmCore', 'XrayWriter'])('%s: no wildcard, escalation or validity finding', (name) => {
    expect(about(cliFindings, name)).toEqual([]);
    expect(about(cdkAnnotations, name)).toEqual([]);
    expect(about(pulumiDiagnostics, name)).toEqual([]);
  });

  const expected: Record<string, Row[]> = {
    S3Full: [key('no-wildcard-privilege', 'S3Full', 'mandatory', 'S3Full')],
    LambdaFull: [
      key('no-privilege-escalation', 'LambdaFull', 'mandatory', 'LambdaFull'),
      key('no-wildcard-privilege', 'LambdaFull', 'mandatory', 'LambdaFull'),
    ],
    IamFull: [key('no-privilege-escalation', 'IamFull', 'mandatory', 'IamFull'), key('no-wildcard-privilege', 'IamFull', 'mandatory', 'IamFull')],
    PowerUser: [key('no-privilege-escalation', 'PowerUser', 'mandatory', 'PowerUser'), key('no-wildcard-privilege', 'PowerUser', 'mandatory', 'PowerUser')],
    // The grant to a role outside the change: judged on what it adds, named as external, on the granting resource.
    GrantToExisting: [
      key('no-privilege-escalation', 'existing-role', 'mandatory', 'GrantToExisting'),
      key('no-wildcard-privilege', 'existing-role', 'mandatory', 'GrantToExisting'),
    ],
  };
  it.each(Object.keys(expected))('%s: the same rule, identity, level and granting resource everywhere', (name) => {
    expect(distinct(about(cliFindings, name))).toEqual(expected[name]);
    expect(distinct(about(cdkAnnotations, name))).toEqual(expected[name]);
    expect(distinct(about(pulumiDiagnostics, name))).toEqual(expected[name]);
  });

  it('names the privileged actions of each privileged policy (CLI detail and message)', () => {
    const details = cliFindings.filter((line) => line.startsWith('no-wildcard-privilege') && !line.includes('GrantToExisting')).map((line) => line.split(' | ')[4]).sort();
    expect(details).toEqual(['Policy::AWSLambda_FullAccess', 'Policy::AmazonS3FullAccess', 'Policy::IAMFullAccess', 'Policy::PowerUserAccess']);
  });
});

describe('grants to identities the Pulumi program does not create', () => {
  it('RolePolicyAttachment of AdministratorAccess to "legacy-deployer" (issue 15), UserPolicyAttachment, PolicyAttachment to a group', () => {
    expect(distinct(about(pulumiDiagnostics, 'AdminToExisting'))).toEqual([
      key('no-privilege-escalation', 'legacy-deployer', 'mandatory', 'AdminToExisting'),
      key('no-wildcard-privilege', 'legacy-deployer', 'mandatory', 'AdminToExisting'),
    ]);
    expect(distinct(about(pulumiDiagnostics, 'PowerToExistingUser'))).toEqual([
      key('no-privilege-escalation', 'existing-user', 'mandatory', 'PowerToExistingUser'),
      key('no-wildcard-privilege', 'existing-user', 'mandatory', 'PowerToExistingUser'),
    ]);
    expect(distinct(about(pulumiDiagnostics, 'S3ToExistingGroup'))).toEqual([key('no-wildcard-privilege', 'existing-group', 'mandatory', 'S3ToExistingGroup')]);
  });
});

function distinct(rows: string[]): string[] {
  return [...new Set(rows)].sort();
}
