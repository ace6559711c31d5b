/**
 * The CDK front-ends on public CDK apps: twenty TypeScript apps, eighteen of aws-samples/aws-cdk-examples and two of
 * aws-samples/serverless-patterns, copied verbatim into test/corpus/cdk-apps (L2 constructs, grants, custom resources,
 * Step Functions, CodePipeline, a cross-account event bus, KMS key policies, an attached and rotated database secret,
 * several and nested stacks), each synthesized with
 * the real `cdk synth` with the EntitlementGuard aspect, the cdk-nag pack and the validation plugin added to its App by
 * a preloaded module (test/support/guard-every-cdk-app.cjs), so the apps are not edited, and run again as published
 * exactly as that `cdk synth` ran it (same command, directory and the CDK_* environment the CLI gave it, recorded by
 * test/support/record-cdk-environment.cjs), without loading the CLI a second time.
 * The guarded synthesis writes every template byte for byte as the unguarded one; the aspect's annotations are
 * exactly the CLI's findings on the unguarded cloud assembly (rule id and logical id, each as often); the nag pack
 * gives the same (rule id, construct) pairs and the plugin those that block; and the findings of the rules that judge
 * the apps themselves are the ones judged in test/corpus/cdk-apps/README.md. Then each app is adopted as a team would
 * adopt it: `catalog init` on the unguarded cloud assembly, approvers filled in, and a third synthesis with that
 * catalog, which passes with every front-end, the aspect annotating the CLI's findings (waived, advisory). Runs after
 * `npm run build` (the preload loads the built package), as `npm test` does.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';
import { approved, init, NOW as INIT_NOW } from '../bootstrap/support.js';
import { NOW, pairs, pluginViolations } from './support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'test/corpus/cdk-apps');
const BIN = join(ROOT, 'node_modules/.bin');
const PRELOAD = join(ROOT, 'test/support/guard-every-cdk-app.cjs');
const RECORD_ENVIRONMENT = join(ROOT, 'test/support/record-cdk-environment.cjs');
const APPS = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** Without a catalog every identity gets these (no owner, no entitlements): counted per app, not listed. */
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

interface Synthesis {
  outdir: string;
  status: number;
  output: string;
}

/** Which of Entitlement Guard's CDK front-ends the synthesis runs, with what catalog and date. */
interface Guard {
  /** The built-in catalog when absent. */
  catalog?: string;
  now: Date;
}

/** The app's entry, as its cdk.json runs it (`npx tsc && npx tsx <entry>`: the type-check step emits nothing the synthesis reads). */
function entryOf(dir: string): string {
  const { app: command } = JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')) as { app: string };
  return command.split(' ').at(-1)!;
}

const ENVIRONMENT = {
  PATH: `${BIN}${delimiter}${process.env.PATH}`,
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  // The CDK's built-in CloudFormation validation: three seconds a synth, and it changes neither the templates nor the
  // annotations under test.
  CDK_VALIDATION: 'false',
};

/** Runs a command in an app's directory; its exit status and output. */
async function run(
  command: string,
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<Omit<Synthesis, 'outdir'>> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * `cdk synth` of one app with the front-ends preloaded, with the app's own cdk.json context. `record` names a file
 * the environment the CLI gives the app is written to (see bareSynth).
 */
async function cdkSynth(app: string, guard: Guard, record?: string): Promise<Synthesis> {
  const dir = join(CORPUS, app);
  const outdir = mkdtempSync(join(tmpdir(), 'eg-public-app-guarded-'));
  const runner = `${join(BIN, 'tsx')}${record ? ` --require ${RECORD_ENVIRONMENT}` : ''} --require ${PRELOAD} ${entryOf(dir)}`;
  const ran = await run(
    join(BIN, 'cdk'),
    ['synth', '--no-notices', '--no-version-reporting', '--quiet', '--app', runner, '-o', outdir],
    dir,
    {
      ...process.env,
      ...ENVIRONMENT,
      EG_NOW: guard.now.toISOString(),
      ...(guard.catalog ? { EG_CATALOG: guard.catalog } : {}),
      ...(record ? { EG_RECORD_CDK_ENV: record } : {}),
    },
  );
  return { outdir, ...ran };
}

/**
 * The app as published, run as the guarded `cdk synth` of it ran it: the same command without the preloads, in the
 * same directory, with the CDK_* environment the CLI gave that run (`recorded`: cdk.json's context and the CLI's own,
 * its versions, the default region), its output directory and the files in it now this run's. The CLI's part after
 * the app exits is to read the cloud assembly; it would look up missing context and run the app again, so an assembly
 * that asks for any is an error here.
 */
async function bareSynth(app: string, recorded: string, guardedOutdir: string): Promise<Synthesis> {
  const dir = join(CORPUS, app);
  const outdir = mkdtempSync(join(tmpdir(), 'eg-public-app-bare-'));
  const given = JSON.parse(readFileSync(recorded, 'utf8')) as Record<string, string>;
  if (given.CDK_OUTDIR !== guardedOutdir)
    throw new Error(`${app}: cdk synth gave the app ${given.CDK_OUTDIR}, not ${guardedOutdir}`);
  const cdk = Object.fromEntries(
    Object.entries(given).map(([name, value]) => [name, value.replaceAll(guardedOutdir, outdir)]),
  );
  const ran = await run(join(BIN, 'tsx'), [entryOf(dir)], dir, { ...process.env, ...ENVIRONMENT, ...cdk });
  if (ran.status === 0 && (new CloudAssembly(outdir).manifest.missing ?? []).length > 0)
    throw new Error(`${app}: the app asks for context cdk synth would look up`);
  return { outdir, ...ran };
}

/** Runs the jobs two at a time: each synth is one Node process, and the machines that run the tests have two cores. */
async function twoAtATime(jobs: (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  };
  await Promise.all([worker(), worker()]);
}

const bare: Record<string, Synthesis> = {};
const guarded: Record<string, Synthesis> = {};
const cliFindings: Record<string, Finding[]> = {};
/** Adopting: `catalog init` on the unguarded cloud assembly, approvers filled in, and the guarded synth with it. */
const adoption: Record<string, { init: ReturnType<typeof init>; catalog: string; synthesis?: Synthesis }> = {};

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cjs/cdk.cjs'))) throw new Error('dist/cjs/cdk.cjs is missing: run `npm run build`');
  await twoAtATime(
    APPS.map((app) => async () => {
      const recorded = join(mkdtempSync(join(tmpdir(), 'eg-public-app-environment-')), 'environment.json');
      guarded[app] = await cdkSynth(app, { now: NOW }, recorded);
      bare[app] = await bareSynth(app, recorded, guarded[app]!.outdir);
      rmSync(dirname(recorded), { recursive: true, force: true });
    }),
  );
  for (const app of APPS) {
    const result = runCheck({ paths: [bare[app]!.outdir], format: 'json', now: NOW, toolVersion: 'test' });
    if (result.errors.length > 0) throw new Error(`${app}: ${result.errors.join('\n')}`);
    cliFindings[app] = result.result!.findings;
    const written = init([bare[app]!.outdir]);
    adoption[app] = { init: written, catalog: approved(written.output) };
  }
  await twoAtATime(
    APPS.map((app) => async () => {
      adoption[app]!.synthesis = await cdkSynth(app, { catalog: adoption[app]!.catalog, now: INIT_NOW });
    }),
  );
}, 600_000);

afterAll(() => {
  const syntheses = [...Object.values(bare), ...Object.values(guarded)];
  for (const { synthesis, catalog } of Object.values(adoption)) {
    if (synthesis) syntheses.push(synthesis);
    rmSync(dirname(catalog), { recursive: true, force: true });
  }
  for (const synthesis of syntheses) rmSync(synthesis.outdir, { recursive: true, force: true });
});

/** The aspect's annotations in the cloud assembly: rule id, resource path and logical id, and level. */
function annotations(outdir: string) {
  return new CloudAssembly(outdir).stacksRecursively
    .flatMap((stack) => stack.messages)
    .flatMap((message) => {
      const match = /^\[EntitlementGuard\] (\S+) [\s\S]*?\n {2}resource: (\S+) \(\S+ ([^)\s]+)\)/.exec(
        String(message.entry.data),
      );
      return match ? [{ ruleId: match[1]!, resource: match[2]!, logicalId: match[3]!, level: message.level }] : [];
    });
}

function templates(outdir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(outdir)
      .filter((file) => file.endsWith('.template.json'))
      .map((file) => [file, readFileSync(join(outdir, file), 'utf8')]),
  );
}

/** The findings of the rules that judge the app itself: `rule level stack/logical id detail`, sorted. */
const judged = (app: string) =>
  cliFindings[app]!.filter((finding) => !CATALOG_RULES.has(finding.ruleId))
    .map(
      (finding) =>
        `${finding.ruleId} ${finding.level} ${finding.resource.stack}/${finding.resource.name} ${finding.detail ?? '-'}`,
    )
    .sort();

const catalogRuleCount = (app: string) =>
  cliFindings[app]!.filter((finding) => CATALOG_RULES.has(finding.ruleId)).length;

describe("Entitlement Guard's CDK front-ends on public CDK apps (aws-cdk-examples, serverless-patterns; real cdk synth)", () => {
  it('covers the twenty apps of the corpus', () => {
    expect(APPS).toEqual([
      'airflow-lambda-dynamodb-approval',
      'api-gateway-async-lambda-invocation',
      'api-gateway-parallel-step-functions',
      'apigw-streaming-lambda-bedrock',
      'appsync-graphql-eventbridge',
      'aws-transfer-sftp-server',
      'batch-ecr-openmp',
      'custom-resource-provider',
      'ddb-global-table-with-cmk',
      'ec2-instance-connect-endpoint',
      'elasticbeanstalk-bg-pipeline',
      'eventbridge-mesh-multiple-consumers',
      'fargate-sns-sqs-cdk',
      'fsx-ad',
      'lambda-durable-bedrock',
      'my-widget-service',
      'parallel-e2e-pipeline-cdk',
      'rds-aurora',
      's3-vectors-lambda-bedrock',
      'stepfunction-external-definition',
    ]);
  });

  it.each(APPS)(
    '%s: the guarded synth fails on the findings and writes the same templates; every front-end gives the CLI findings',
    (app) => {
      expect([bare[app]!.status, bare[app]!.output]).toEqual([0, expect.any(String)]);
      // Without a catalog every identity is ownerless: mandatory findings, so `cdk synth` stops with an error.
      expect([guarded[app]!.status, guarded[app]!.output]).toEqual([1, expect.stringContaining('[EntitlementGuard]')]);
      const written = templates(bare[app]!.outdir);
      expect(Object.keys(written).length).toBeGreaterThan(0);
      expect(templates(guarded[app]!.outdir)).toEqual(written);
      const cli = cliFindings[app]!;
      expect(cli.length).toBeGreaterThan(0);
      const aspect = annotations(guarded[app]!.outdir);
      expect(aspect.map((annotation) => `${annotation.ruleId} ${annotation.logicalId}`).sort()).toEqual(
        cli.map((finding) => `${finding.ruleId} ${finding.resource.name}`).sort(),
      );
      const cliPairs = pairs(cli.map((finding) => ({ ruleId: finding.ruleId, resource: finding.resource.path! })));
      expect(pairs(aspect)).toEqual(cliPairs);
      expect(pairs(pluginViolations(guarded[app]!.outdir, 'EntitlementGuardChecks'))).toEqual(cliPairs);
      // The validation plugin reports what blocks: the aspect's errors.
      expect(pairs(pluginViolations(guarded[app]!.outdir, 'EntitlementGuard'))).toEqual(
        pairs(aspect.filter((annotation) => annotation.level === 'error')),
      );
    },
  );

  it.each(APPS)(
    "%s: adopting, with the catalog `catalog init` writes from its cloud assembly (approvers filled in), cdk synth passes and the aspect gives the CLI check's findings",
    (app) => {
      const { init: written, catalog, synthesis } = adoption[app]!;
      expect(written.exitCode).toBe(0);
      // Every blocking finding became an exception: none that no catalog entry can name.
      expect(written.errors.filter((line) => line.includes('no exception can name it'))).toEqual([]);
      const result = runCheck({
        paths: [bare[app]!.outdir],
        catalogPath: catalog,
        format: 'json',
        now: INIT_NOW,
        toolVersion: 'test',
      });
      expect([result.exitCode, result.errors]).toEqual([0, []]);
      expect([synthesis!.status, synthesis!.output]).toEqual([0, expect.any(String)]);
      // Waived findings are annotated as info, advisory ones as warnings: nothing blocks.
      const aspect = annotations(synthesis!.outdir);
      expect(aspect.filter((annotation) => annotation.level === 'error')).toEqual([]);
      expect(aspect.map((annotation) => `${annotation.ruleId} ${annotation.logicalId}`).sort()).toEqual(
        result.result!.findings.map((finding) => `${finding.ruleId} ${finding.resource.name}`).sort(),
      );
      expect(templates(synthesis!.outdir)).toEqual(templates(bare[app]!.outdir));
    },
  );

  it('gives the findings judged in test/corpus/cdk-apps/README.md', () => {
    expect(Object.fromEntries(APPS.map((app) => [app, judged(app)]))).toEqual({
      'airflow-lambda-dynamodb-approval': [],
      'api-gateway-async-lambda-invocation': [],
      'api-gateway-parallel-step-functions': [],
      'apigw-streaming-lambda-bedrock': [],
      'appsync-graphql-eventbridge': [
        'no-wildcard-privilege mandatory AppSyncEventBridge/AppSyncEventBridgeRoleDefaultPolicyC796B118 Action::events:Put*',
      ],
      'aws-transfer-sftp-server': [],
      // Since session 49 the Batch service role's three paths (passrole-ec2, -ecs-run-task, -ecs-start-task from
      // AWSBatchServiceRole, noisy) are gone: only AWS Batch may assume it (src/iam/aws/service-roles.ts). The job
      // submitter function may submit every job definition with its command overridden (pathfinding batch-002; right).
      'batch-ecr-openmp': [
        'no-privilege-escalation mandatory AwsBatchOpenmpBenchmarkStack/JobSubmitterFunctionServiceRole55AD6E92 Path::submit-any-batch-job',
      ],
      'custom-resource-provider': [],
      'ddb-global-table-with-cmk': [
        'no-wildcard-privilege mandatory global-ddb-cmk/cmkstackNestedStackcmkstackNestedStackResource247C98D6/useast2customresourceCustomResourcePolicy116E759A Action::kms:*',
        'no-wildcard-privilege mandatory global-ddb-cmk/cmkstackNestedStackcmkstackNestedStackResource247C98D6/uswest2customresourceCustomResourcePolicyD6FAFD37 Action::kms:*',
      ],
      'ec2-instance-connect-endpoint': [
        'no-wildcard-privilege mandatory integ-testing-eicendpoint/EICEndpointRoleDefaultPolicy9C78FE54 Resource::*',
      ],
      'elasticbeanstalk-bg-pipeline': [],
      'eventbridge-mesh-multiple-consumers': [
        'restrict-trust advisory eventbridge-mesh-consumer1-stack/EventsLogGroupPolicyeventbridgemeshconsumer1stackeventbridgemeshconsumer1rule3856DE7448DB9A41 Service::events.amazonaws.com',
        'restrict-trust advisory eventbridge-mesh-consumer2-stack/EventsLogGroupPolicyeventbridgemeshconsumer2stackeventbridgemeshconsumer2rule177893F8E7B55CC9 Service::events.amazonaws.com',
        'restrict-trust mandatory eventbridge-mesh-consumer1-stack/eventbridgemeshconsumer1eventbuscdkallowProducerAccountD3B1A432 Account::111111111111',
        'restrict-trust mandatory eventbridge-mesh-consumer2-stack/eventbridgemeshconsumer2eventbuscdkallowProducerAccountDAD3B93F Account::111111111111',
      ],
      'fargate-sns-sqs-cdk': ['restrict-trust advisory CdkStack/SnsSqsKmsKeyBC661410 Service::sns.amazonaws.com'],
      'fsx-ad': ['secret-rotation mandatory AdFsxStack/examplecorpcredentialsA196A81F Rotation::none'],
      'lambda-durable-bedrock': [],
      'my-widget-service': [],
      // Since session 49 (pathfinding codedeploy-001): codedeploy:CreateDeployment with the revision and config reads on
      // "*" deploys to every deployment group, as start-any-codebuild-build starts every project.
      'parallel-e2e-pipeline-cdk': [
        'no-privilege-escalation mandatory ParallelE2EPipelineCDK/PipelineRole1E536F97 Path::deploy-any-codedeploy-group',
        'no-privilege-escalation mandatory ParallelE2EPipelineCDK/PipelineRole1E536F97 Path::start-any-codebuild-build',
        'no-wildcard-privilege mandatory ParallelE2EPipelineCDK/E2EBuildRoleE2EStackRoleDBE7FFC3 Policy::AmazonS3FullAccess',
        'no-wildcard-privilege mandatory ParallelE2EPipelineCDK/PipelineRole1E536F97 Action::sts:*',
      ],
      // The cluster's credentials rotate (a RotationSchedule on the secret's attachment); the SAR application that
      // makes the rotation function cannot be read.
      'rds-aurora': [
        'no-unseen-content mandatory AuroraStack/AuroraDatabaseRotationSingleUser79A4680D Unseen::the AWS::Serverless::Application at a location that is not readable',
      ],
      's3-vectors-lambda-bedrock': [
        'policy-validity advisory S3VectorsLambdaBedrockStack/CreateVectorBucketCustomResourcePolicyEE4A9DE0 Action::s3vectors:CreateVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/CreateVectorBucketCustomResourcePolicyEE4A9DE0 Action::s3vectors:DeleteVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/CreateVectorIndexCustomResourcePolicy9D692272 Action::s3vectors:CreateVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/CreateVectorIndexCustomResourcePolicy9D692272 Action::s3vectors:DeleteVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/IngestFnServiceRoleDefaultPolicy2D066896 Action::s3vectors:CreateVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/IngestFnServiceRoleDefaultPolicy2D066896 Action::s3vectors:DeleteVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/QueryFnServiceRoleDefaultPolicyCC7ECEB2 Action::s3vectors:CreateVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/QueryFnServiceRoleDefaultPolicyCC7ECEB2 Action::s3vectors:DeleteVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/SetupRoleDefaultPolicy600F57BD Action::s3vectors:CreateVectorIndex',
        'policy-validity advisory S3VectorsLambdaBedrockStack/SetupRoleDefaultPolicy600F57BD Action::s3vectors:DeleteVectorIndex',
      ],
      'stepfunction-external-definition': [],
    });
    expect(Object.fromEntries(APPS.map((app) => [app, catalogRuleCount(app)]))).toEqual({
      'airflow-lambda-dynamodb-approval': 10,
      'api-gateway-async-lambda-invocation': 6,
      'api-gateway-parallel-step-functions': 12,
      'apigw-streaming-lambda-bedrock': 4,
      'appsync-graphql-eventbridge': 4,
      'aws-transfer-sftp-server': 14,
      'batch-ecr-openmp': 10,
      'custom-resource-provider': 6,
      'ddb-global-table-with-cmk': 2,
      'ec2-instance-connect-endpoint': 14,
      'elasticbeanstalk-bg-pipeline': 10,
      'eventbridge-mesh-multiple-consumers': 8,
      'fargate-sns-sqs-cdk': 4,
      'fsx-ad': 3,
      'lambda-durable-bedrock': 2,
      'my-widget-service': 4,
      'parallel-e2e-pipeline-cdk': 12,
      'rds-aurora': 3,
      's3-vectors-lambda-bedrock': 8,
      'stepfunction-external-definition': 4,
    });
  });
});
