/**
 * AWS regression corpus, Pulumi side: programs of pulumi/examples copied verbatim (test/corpus/aws-pulumi, each
 * naming its source and licence), run under the SDK's mocks as `pulumi up` would plan them and checked with no catalog,
 * as a new user would. Every finding of the rules that judge the program itself is listed and judged here; the
 * catalog rules (require-owner, require-entitlement: one or two per identity without a catalog) are counted. The
 * built policy pack, started and asked as `pulumi preview` asks it (Analyze per resource, then AnalyzeStack, over
 * the analyzer protocol), gives each program's verdicts: rule, level and resource.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import { stackResources } from '../multicloud/support/capture.js';
import { analyzerClient, captureProgram, startEngine, startPack, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { adopt, packVerdict, type Adoption } from './support/pulumi-adoption.js';

const PROGRAMS = ['aws-ts-serverless-raw', 'aws-ts-resources', 'aws-ts-apigatewayv2-http-api-quickcreate'] as const;
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);
const findings: Record<string, Finding[]> = {};
/** `rule level resource` of each diagnostic the built pack gave over the analyzer protocol, as `pulumi preview` asks. */
const packVerdicts: Record<string, string[]> = {};
let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
let pack: Awaited<ReturnType<typeof startPack>> | undefined;
const scratch = mkdtempSync(join(tmpdir(), 'eg-pulumi-corpus-'));
/** Each program adopted as a team would (test/corpus/support/pulumi-adoption.ts). */
const adoption: Record<string, Adoption> = {};

const captured: Record<string, CapturedResource[]> = {};

beforeAll(async () => {
  engine = await startEngine();
  pack = await startPack(fileURLToPath(new URL('../../policypack', import.meta.url)), engine.address);
  const client = analyzerClient(pack.port);
  try {
    for (const program of PROGRAMS) {
      const file = fileURLToPath(new URL(`aws-pulumi/${program}.ts`, import.meta.url));
      // aws:region is the one setting the programs read (aws.config.requireRegion); a stack sets it in Pulumi.<stack>.yaml.
      const records = await captureProgram(file, 'update', { project: program, config: { 'aws:region': 'us-east-1' } });
      findings[program] = evaluate(modelFromPulumiResources(stackResources(records)), { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z') }).findings;
      // With no configuration the pack runs on the built-in catalog, as the check above does.
      packVerdicts[program] = (await client.analyzeAsDeployment(records)).map(packVerdict).sort();
      captured[program] = records;
    }
    for (const program of PROGRAMS) adoption[program] = await adopt(client, program, captured[program]!, scratch);
  } finally {
    client.close();
  }
}, 240_000);

afterAll(async () => {
  await pack?.stop();
  await engine?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** `rule level resource identity detail` of each finding of the rules that judge the program itself, sorted. */
const judged = (program: string) =>
  findings[program]!.filter((f) => !CATALOG_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.identity?.split('::').pop() ?? '-'} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
const counted = (program: string) => {
  const counts: Record<string, number> = {};
  for (const f of findings[program]!) if (CATALOG_RULES.has(f.ruleId)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
};

describe('AWS corpus: pulumi/examples programs under mocks', () => {
  it.each(PROGRAMS)('%s: adopting, with the catalog `catalog init` writes from its stack export (approvers filled in), check passes and the pack gives its verdicts', (program) => {
    const adopted = adoption[program]!;
    expect([adopted.initExit, adopted.unnameable]).toEqual([0, []]);
    expect(adopted.cliExit).toBe(0);
    expect(adopted.cli.filter((line) => / mandatory /.test(line))).toEqual([]);
    expect(adopted.pack).toEqual(adopted.cli);
  });
  it.each(PROGRAMS)('%s: the policy pack, asked over the analyzer protocol as pulumi preview asks, gives the engine verdicts', (program) => {
    const expected = findings[program]!.map((f) => `${f.ruleId} ${f.level} ${f.resource.name}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(packVerdicts[program]).toEqual(expected);
  });

  it('aws-ts-serverless-raw: logs:* and cloudwatch:* on "*" for the Lambda role (right: logs:* deletes every log group and rewrites log resource policies)', () => {
    expect(judged('aws-ts-serverless-raw')).toEqual([
      'no-wildcard-privilege mandatory mylambda-policy mylambda-role Action::cloudwatch:*',
      'no-wildcard-privilege mandatory mylambda-policy mylambda-role Action::logs:*',
    ]);
    expect(counted('aws-ts-serverless-raw')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
  it('aws-ts-resources: ec2:Describe* on "*" (inline and attached) is no privilege (right); the role, user and group are read', () => {
    expect(judged('aws-ts-resources')).toEqual([]);
    expect(counted('aws-ts-resources')).toEqual({ 'require-entitlement': 2, 'require-owner': 3 });
  });
  it('aws-ts-apigatewayv2-http-api-quickcreate: AWSLambdaBasicExecutionRole is clean by content (right)', () => {
    expect(judged('aws-ts-apigatewayv2-http-api-quickcreate')).toEqual([]);
    expect(counted('aws-ts-apigatewayv2-http-api-quickcreate')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
});
