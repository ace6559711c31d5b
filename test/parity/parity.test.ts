/**
 * One verdict everywhere, rule by rule (cases.ts): each case runs through every front-end that can express it, and
 * each front-end must give the case's rule the expected verdicts (`rule | identity | level | granting resource`) and,
 * for every other rule, the same verdicts as the others.
 *
 * - CLI: `main(['check', template, '--catalog', …, '--format', 'json'])`, the command's own entry, exit code included.
 * - CDK: one app, one Stage per case (its own catalog), each with the EntitlementGuard aspect, the cdk-nag pack and the
 *   validation plugin; one synthesis for all cases. The stack is built from the case's template (CfnResource per
 *   resource, logical ids kept), so the CDK front-ends read what the CLI reads.
 * - Pulumi: program.ts run once under the SDK's mocks (pulumi.runtime.setMocks), each case's resources sent to the
 *   published pack over the pulumirpc.Analyzer protocol as the engine sends them: Analyze per resource (inputs), then
 *   AnalyzeStack (planned outputs, property dependencies).
 * - Terraform: the case's plan JSON (`terraform show -json`) through the same CLI entry.
 *
 * Identity: the waiver target each front-end names (the one thing every front-end shows), by its last name segment:
 * `path:Case/Parity/WildS3Role`, a URN and a physical name all read `WildS3Role`; a catalog record reads its id.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Aspects, CfnResource, Stack, Stage, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { EntitlementGuard, EntitlementGuardValidation } from '../../cdk-aspects/index.js';
import { EntitlementGuardChecks } from '../../cdk-aspects/nag.js';
import { main } from '../../src/cli/main.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/finding.js';
import { allRules } from '../../src/rules/index.js';
import {
  analyzerClient,
  captureProgram,
  resourceNameOf,
  startEngine,
  startPack,
  waiverOf,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from '../pulumi/support/analyzer-client.mjs';
import {
  aspectVerdicts,
  CATALOG_EXCEPTION,
  identityOf,
  nagVerdicts,
  pluginVerdicts,
  recording,
  targetInMessage,
} from '../support/cdk-verdicts.js';
import { terraformPlan } from '../terraform/support.js';
import {
  CASES,
  FRONT_ENDS,
  isUnsupported,
  verdict,
  type FrontEnd,
  type Level,
  type ParityCase,
  type Verdict,
} from './cases.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const BASE_CATALOG = readFileSync(path('catalog.yaml'), 'utf8');
const NOW = '2026-06-01';

/** Every verdict each front-end gave each case (all rules). */
const verdicts = new Map<string, Partial<Record<FrontEnd, Verdict[]>>>();
const exitCodes = new Map<string, Partial<Record<'cli' | 'terraform', number>>>();
let workDir: string;
let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
let pack: RunningPack | undefined;
let client: AnalyzerClient | undefined;

const catalogText = (parityCase: ParityCase) => BASE_CATALOG + (parityCase.catalog ?? '');
const catalogOf = (parityCase: ParityCase): Catalog =>
  parseCatalog(catalogText(parityCase), `parity/${parityCase.id}.catalog.yaml`);
const record = (parityCase: ParityCase, frontEnd: FrontEnd, found: Verdict[]) => {
  verdicts.set(parityCase.id, { ...verdicts.get(parityCase.id), [frontEnd]: [...new Set(found)].sort() });
};

function levelOf(finding: Pick<Finding, 'level' | 'waivedBy'>): string {
  return finding.waivedBy ? `waived by ${finding.waivedBy}` : finding.level;
}

/** The CLI over a template or a plan: its verdicts (from the findings it reports) and its exit code. */
function runCli(parityCase: ParityCase, frontEnd: 'cli' | 'terraform', input: string) {
  const catalogFile = join(workDir, `${parityCase.id}.catalog.yaml`);
  const result = main(['check', input, '--catalog', catalogFile, '--format', 'json', '--now', NOW]);
  if (!result.result) throw new Error(`check of ${input} failed (${result.exitCode}): ${result.errors.join('\n')}`);
  // What the CLI printed is what the verdicts are read from (the waiver target is in its text report, not its JSON).
  const printed = (
    JSON.parse(result.output) as { findings: { ruleId: string; level: string; resource: { name: string } }[] }
  ).findings;
  expect(printed.map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name}`).sort()).toEqual(
    result.result.findings.map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name}`).sort(),
  );
  exitCodes.set(parityCase.id, { ...exitCodes.get(parityCase.id), [frontEnd]: result.exitCode });
  record(
    parityCase,
    frontEnd,
    result.result.findings.map((finding) => {
      const resource =
        finding.resource.type === CATALOG_EXCEPTION ? '(catalog)' : finding.resource.name.split('.').pop()!;
      return verdict(
        finding.ruleId,
        identityOf(finding.waiverTarget, finding.ruleId),
        levelOf(finding) as Level,
        resource,
      );
    }),
  );
}

function synthesizeCdk(cases: ParityCase[]): void {
  const app = new App({ outdir: join(workDir, 'cdk.out'), builtinCloudFormationValidation: false });
  const reports = new Map<string, { nag: PolicyValidationPluginReport[]; plugin: PolicyValidationPluginReport[] }>();
  const stages = new Map<string, Stage>();
  for (const parityCase of cases) {
    if (isUnsupported(parityCase.cloudformation)) continue;
    const stage = new Stage(app, parityCase.id);
    const stack = new Stack(stage, 'Parity');
    if (parityCase.cloudformation.Transform) stack.addTransform(parityCase.cloudformation.Transform);
    for (const [logicalId, resource] of Object.entries(parityCase.cloudformation.Resources)) {
      new CfnResource(stack, logicalId, {
        type: resource.Type,
        properties: resource.Properties ?? {},
      }).overrideLogicalId(logicalId);
    }
    const options = { catalog: catalogOf(parityCase), now: new Date(`${NOW}T00:00:00Z`) };
    const caseReports = { nag: [], plugin: [] };
    reports.set(parityCase.id, caseReports);
    Aspects.of(stage).add(new EntitlementGuard(options));
    Validations.of(stage).addPlugins(
      recording(new EntitlementGuardValidation(options), caseReports.plugin),
      recording(new EntitlementGuardChecks(stage, options), caseReports.nag),
    );
    stages.set(parityCase.id, stage);
  }
  // Mandatory findings make the validation plugins fail the synthesis: the reports were kept on the way.
  expect(() => app.synth()).toThrow(/\[EntitlementGuard\]/);
  for (const parityCase of cases) {
    const stage = stages.get(parityCase.id);
    if (!stage) continue;
    record(parityCase, 'aspect', aspectVerdicts(stage));
    const { nag, plugin } = reports.get(parityCase.id)!;
    expect(nag).toHaveLength(1);
    expect(plugin).toHaveLength(1);
    record(parityCase, 'nag', nagVerdicts(nag[0]!));
    record(parityCase, 'plugin', pluginVerdicts(plugin[0]!));
  }
}

async function analyzePulumi(cases: ParityCase[], captured: CapturedResource[]): Promise<void> {
  engine = await startEngine();
  pack = await startPack(path('../../policypack'), engine.address);
  client = analyzerClient(pack.port);
  for (const parityCase of cases) {
    if (isUnsupported(parityCase.pulumi)) continue;
    const records = captured.filter((resource) => resource.name.startsWith(parityCase.id));
    expect(records.length, parityCase.id).toBeGreaterThan(0);
    const catalog = catalogOf(parityCase);
    const properties = { catalogPath: join(workDir, `${parityCase.id}.catalog.yaml`) };
    await client.configure(
      Object.fromEntries(
        allRules.map((rule) => [rule.meta.id, { enforcementLevel: effectiveLevel(rule, catalog), properties }]),
      ),
    );
    const diagnostics = await client.analyzeAsDeployment(records);
    record(
      parityCase,
      'pulumi',
      diagnostics.map((diagnostic) => {
        const waived = waiverOf(diagnostic);
        const target = targetInMessage(diagnostic.message);
        // A target that is the reported resource's own URN names no identity: the finding is about that resource (a
        // workload on a cloud's default account), as the other front-ends report it with identity `-`.
        const identity = waived || target === diagnostic.urn ? '-' : identityOf(target, diagnostic.policyName);
        const resource = resourceNameOf(diagnostic) ?? '(catalog)';
        return verdict(
          diagnostic.policyName,
          identity,
          (waived ? `waived by ${waived}` : diagnostic.enforcementLevel) as Level,
          resource,
        );
      }),
    );
  }
}

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  workDir = mkdtempSync(join(tmpdir(), 'eg-parity-'));
  mkdirSync(join(workDir, 'cfn'));
  mkdirSync(join(workDir, 'tf'));
  for (const parityCase of CASES)
    writeFileSync(join(workDir, `${parityCase.id}.catalog.yaml`), catalogText(parityCase));
  // The Pulumi program runs in its own process while the CLI and the CDK work here.
  const captured = captureProgram(path('program.ts'), 'update', { project: 'parity' });
  for (const parityCase of CASES) {
    if (!isUnsupported(parityCase.cloudformation)) {
      const file = join(workDir, 'cfn', `${parityCase.id}.template.json`);
      writeFileSync(
        file,
        JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', ...parityCase.cloudformation }, null, 2),
      );
      runCli(parityCase, 'cli', file);
    }
    if (!isUnsupported(parityCase.terraform)) {
      const file = join(workDir, 'tf', `${parityCase.id}.tfplan.json`);
      writeFileSync(file, JSON.stringify(terraformPlan(parityCase.terraform)));
      runCli(parityCase, 'terraform', file);
    }
  }
  synthesizeCdk(CASES);
  await analyzePulumi(CASES, await captured);
}, 300_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Whether a front-end reads the case, or the reason it cannot. */
function reasonFor(parityCase: ParityCase, frontEnd: FrontEnd): string | undefined {
  const source =
    frontEnd === 'pulumi'
      ? parityCase.pulumi
      : frontEnd === 'terraform'
        ? parityCase.terraform
        : parityCase.cloudformation;
  return isUnsupported(source) ? source.unsupported : parityCase.silent?.[frontEnd];
}

describe('the parity table', () => {
  it('has a row for every rule of the rule list, and no row for a rule that is not in it', () => {
    const ids = allRules.map((rule) => rule.meta.id).sort();
    expect([...new Set(CASES.filter((c) => c.rule !== '*').map((c) => c.rule))].sort()).toEqual(ids);
  });

  it('gives every rule an invalid case that names it and a valid case', () => {
    for (const rule of allRules) {
      const invalid = CASES.filter((c) => c.rule === rule.meta.id);
      expect(invalid.length, rule.meta.id).toBeGreaterThan(0);
      for (const parityCase of invalid) {
        expect(parityCase.expected.length, parityCase.id).toBeGreaterThan(0);
        for (const line of parityCase.expected)
          expect(line.startsWith(`${rule.meta.id} | `), `${parityCase.id}: ${line}`).toBe(true);
      }
      expect(
        CASES.some((c) => c.rule === '*' || (c.rule === rule.meta.id && c.expected.length === 0)),
        rule.meta.id,
      ).toBe(true);
    }
  });

  it('runs every rule through every front-end, or says in the table why a front-end cannot express it', () => {
    const gaps: string[] = [];
    for (const rule of allRules) {
      const invalid = CASES.filter((c) => c.rule === rule.meta.id);
      for (const frontEnd of FRONT_ENDS) {
        if (invalid.some((c) => reasonFor(c, frontEnd) === undefined)) continue;
        const reasons = invalid.map((c) => reasonFor(c, frontEnd)!);
        if (reasons.some((reason) => reason.trim().length < 20))
          gaps.push(`${rule.meta.id} in ${frontEnd}: no reason given`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('gives every case ids no other case id begins with (its resources are told apart by name)', () => {
    for (const a of CASES)
      for (const b of CASES) if (a !== b) expect(b.id.startsWith(a.id), `${a.id} / ${b.id}`).toBe(false);
  });
});

describe.each(CASES.map((parityCase) => [parityCase.id, parityCase] as const))('%s', (_id, parityCase) => {
  const expressed = FRONT_ENDS.filter((frontEnd) => reasonFor(parityCase, frontEnd) === undefined);
  const ofRule = (lines: Verdict[]) =>
    parityCase.rule === '*' ? lines : lines.filter((line) => line.startsWith(`${parityCase.rule} | `));

  it.each(expressed)(
    `gives ${parityCase.rule === '*' ? 'no finding' : parityCase.rule} the expected verdicts in %s`,
    (frontEnd) => {
      const found = verdicts.get(parityCase.id)?.[frontEnd];
      expect(found, `${frontEnd} did not run`).toBeDefined();
      // The validation plugin reports only what blocks (advisory findings do not fail a synthesis).
      const expected =
        frontEnd === 'plugin'
          ? parityCase.expected.filter((line) => line.includes(' | mandatory | '))
          : parityCase.expected;
      expect(ofRule(found!)).toEqual([...expected].sort());
    },
  );

  it('gives every other rule the same verdicts in every front-end that reads it', () => {
    const found = verdicts.get(parityCase.id)!;
    const reference = (found.cli ?? found.pulumi)!;
    for (const frontEnd of expressed) {
      const expected = frontEnd === 'plugin' ? reference.filter((line) => line.includes(' | mandatory | ')) : reference;
      expect(found[frontEnd], frontEnd).toEqual(expected);
    }
  });

  it('exits 1 from the CLI when a verdict blocks, 0 otherwise', () => {
    const blocks = (verdicts.get(parityCase.id)?.cli ?? verdicts.get(parityCase.id)?.terraform ?? []).some((line) =>
      line.includes(' | mandatory | '),
    );
    for (const frontEnd of ['cli', 'terraform'] as const) {
      if (reasonFor(parityCase, frontEnd) === undefined)
        expect(exitCodes.get(parityCase.id)?.[frontEnd], frontEnd).toBe(blocks ? 1 : 0);
    }
  });
});
