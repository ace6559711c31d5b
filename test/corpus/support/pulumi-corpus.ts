/**
 * The Pulumi corpora (aws-pulumi, pulumi-multicloud, pulumi-examples-more, pulumi-providers, pulumi-policy-aws):
 * programs nobody here wrote, each run under the SDK's mocks as `pulumi up` and as `pulumi preview` would plan it,
 * checked with no catalog (as a new user would), asked of the built policy pack as `pulumi preview` asks it (Analyze
 * per resource, then AnalyzeStack, over the analyzer protocol), and adopted as a team would: `catalog init` on its `pulumi stack export`,
 * approvers filled in, then the CLI's check of the export and the pack's verdicts with that catalog.
 *
 * One corpus file declares its programs and calls pulumiCorpus(), which captures them all before its tests: every
 * capture of the file in two processes (two cores), each loading the SDK and the provider packages once; one pack
 * process for the file, asked first with no configuration (the built-in catalog, as the check with no catalog) and
 * then once per adopted program.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultCatalog } from '../../../catalog/index.js';
import { modelFromPulumiResources } from '../../../src/adapters/pulumi/index.js';
import { runCatalogInit } from '../../../src/cli/catalog-init.js';
import { runCheck } from '../../../src/cli/check.js';
import { evaluate } from '../../../src/engine/index.js';
import type { Finding } from '../../../src/model/finding.js';
import { allRules } from '../../../src/rules/index.js';
import { approved } from '../../bootstrap/support.js';
import { stackResources } from '../../multicloud/support/capture.js';
import {
  analyzerClient,
  capturePrograms,
  resourceNameOf,
  startEngine,
  startPack,
  waiverOf,
  type CapturedResource,
} from '../../pulumi/support/analyzer-client.mjs';
import { stackExport } from '../../pulumi/support/stack-export.js';

export type Client = ReturnType<typeof analyzerClient>;
type Diagnostic = Awaited<ReturnType<Client['analyzeAsDeployment']>>[number];

/** A program of a corpus, by its name (a folder of the corpus, or a name for a single file), and its stack. */
export interface CorpusProgram {
  /** Its entry, in the corpus folder: `<name>/index.ts` unless said. */
  file?: string;
  /** Its Pulumi project (its Pulumi.yaml), the prefix of its URNs and its config keys: the name's first folder unless said. */
  project?: string;
  /** The stack configuration its README or test sets (`pulumi config set …`). */
  config?: Record<string, string>;
  /** Config keys set with `pulumi config set --secret`, which the program reads with `requireSecret`. */
  secretKeys?: string[];
  /** Runs in its own directory, for a program that reads its own files by relative path. */
  inOwnDirectory?: boolean;
  /** The outputs of each stack the program reads by `new StackReference(name)`, by that name. */
  stackOutputs?: Record<string, Record<string, unknown>>;
}

export interface Adoption {
  initExit: number;
  unnameable: string[];
  cli: string[];
  cliExit: number;
  pack: string[];
}

/** What a corpus file's tests read, filled in before they run. */
export interface PulumiCorpus<P extends string> {
  names: P[];
  /** The resources of each program as `pulumi up` registers them. */
  captured: Record<P, CapturedResource[]>;
  /** The same programs' resources as `pulumi preview` plans them. */
  planned: Record<P, CapturedResource[]>;
  findings: Record<P, Finding[]>;
  /** The same programs as `pulumi preview` plans them: ids, ARNs, names and emails of new resources not known yet. */
  previewFindings: Record<P, Finding[]>;
  /** `rule level resource` of each diagnostic the built pack gave over the analyzer protocol, as `pulumi preview` asks. */
  packVerdicts: Record<P, string[]>;
  adoption: Record<P, Adoption>;
  /** `rule level resource identity detail` of each finding of the rules that judge the program itself, sorted. */
  judged(program: P, from?: Record<P, Finding[]>): string[];
  /** How many findings each catalog rule gave in pulumi up (one or two per identity without a catalog). */
  counted(program: P): Record<string, number>;
}

const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);
const NOW = new Date('2026-12-01T00:00:00Z');
/** Capture processes a corpus file runs at once: CI has two cores. */
const PROCESSES = 2;
/**
 * The beforeAll's time: 25 to 40 seconds a corpus with 20 to 36 captures on a loaded two-core machine; the rest
 * allows for a slower one.
 */
const TIMEOUT_MS = 180_000;

/**
 * Captures, checks, asks the pack and adopts every program of `programs` (in test/corpus/`folder`; `config`: the
 * settings every program's stack has before its own) in the file's beforeAll, and stops the pack after its tests.
 */
export function pulumiCorpus<P extends string>(
  folder: string,
  programs: Record<P, CorpusProgram>,
  { config = {} }: { config?: Record<string, string> } = {},
): PulumiCorpus<P> {
  const names = Object.keys(programs) as P[];
  const corpus: PulumiCorpus<P> = {
    names,
    captured: {} as Record<P, CapturedResource[]>,
    planned: {} as Record<P, CapturedResource[]>,
    findings: {} as Record<P, Finding[]>,
    previewFindings: {} as Record<P, Finding[]>,
    packVerdicts: {} as Record<P, string[]>,
    adoption: {} as Record<P, Adoption>,
    judged: (program, from = corpus.findings) => judged(from[program]),
    counted: (program) => counted(corpus.findings[program]),
  };
  let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
  let pack: Awaited<ReturnType<typeof startPack>> | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'eg-pulumi-corpus-'));

  beforeAll(async () => {
    engine = await startEngine();
    // The pack starts while the programs run; a program's update and its preview in the same process.
    const { planned } = corpus;
    const captureAll = () =>
      Promise.all(
        Array.from({ length: PROCESSES }, async (_, worker) => {
          const mine = names.filter((_, index) => index % PROCESSES === worker);
          const captures = mine.flatMap((program) => {
            const { file = `${program}/index.ts`, project = program.split('/')[0], ...stack } = programs[program];
            const options = { ...stack, project, config: { ...config, ...stack.config } };
            const path = fileURLToPath(new URL(`../${folder}/${file}`, import.meta.url));
            return (['update', 'preview'] as const).map((mode) => ({ program: path, mode, ...options }));
          });
          const records = await capturePrograms(captures);
          mine.forEach((program, index) => {
            corpus.captured[program] = records[2 * index]!;
            planned[program] = records[2 * index + 1]!;
          });
        }),
      );
    const [started, capturedAll] = await Promise.allSettled([
      startPack(fileURLToPath(new URL('../../../policypack', import.meta.url)), engine.address),
      captureAll(),
    ]);
    // Kept for afterAll to stop even when a capture failed.
    if (started.status === 'fulfilled') pack = started.value;
    for (const result of [started, capturedAll]) if (result.status === 'rejected') throw result.reason;
    if (!pack) throw new Error('the policy pack did not start');
    const client = analyzerClient(pack.port);
    try {
      for (const program of names) {
        corpus.findings[program] = check(corpus.captured[program]);
        corpus.previewFindings[program] = check(planned[program]);
        // With no configuration the pack runs on the built-in catalog, as the check above does.
        corpus.packVerdicts[program] = (await client.analyzeAsDeployment(corpus.captured[program])).map(packVerdict).sort();
      }
      for (const program of names) corpus.adoption[program] = await adopt(client, program.replaceAll('/', '-'), corpus.captured[program], scratch);
    } finally {
      client.close();
    }
  }, TIMEOUT_MS);

  afterAll(async () => {
    await pack?.stop();
    await engine?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  return corpus;
}

/** The check with no catalog, as a new user runs it. */
const check = (records: CapturedResource[]) =>
  evaluate(modelFromPulumiResources(stackResources(records)), { catalog: defaultCatalog(), now: NOW }).findings;

const judged = (findings: Finding[]) =>
  findings
    .filter((f) => !CATALOG_RULES.has(f.ruleId))
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.identity?.split('::').pop() ?? '-'} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();

const counted = (findings: Finding[]) => {
  const counts: Record<string, number> = {};
  for (const f of findings) if (CATALOG_RULES.has(f.ruleId)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
};

/** `identity: kind source, …`: the roles each service runs as, the attachments of each identity. */
export const runsAs = (records: CapturedResource[]) =>
  modelFromPulumiResources(stackResources(records)).identities.map(
    (identity) => `${identity.resource.name}: ${identity.attachments.map((a) => `${a.kind} ${a.source.name}`).join(', ')}`,
  );

/**
 * The tests every corpus makes of each program: adopted, `catalog init`'s catalog passes the CLI's check and the pack
 * gives the same verdicts (`also` adds a program's own expectations); and with no catalog the pack gives the engine's
 * verdicts (`everyProgramHasVerdicts`: and there are some, where no program of the corpus is silent).
 */
export function itAdoptsAndAsksThePack<P extends string>(
  corpus: PulumiCorpus<P>,
  { also, everyProgramHasVerdicts = false }: { also?: (program: P, adopted: Adoption) => void; everyProgramHasVerdicts?: boolean } = {},
) {
  it.each(corpus.names)('%s: adopting, with the catalog `catalog init` writes from its stack export (approvers filled in), check passes and the pack gives its verdicts', (program) => {
    const adopted = corpus.adoption[program];
    expect([adopted.initExit, adopted.unnameable]).toEqual([0, []]);
    expect(adopted.cliExit).toBe(0);
    expect(adopted.cli.filter((line) => / mandatory /.test(line))).toEqual([]);
    also?.(program, adopted);
    expect(adopted.pack).toEqual(adopted.cli);
  });
  it.each(corpus.names)('%s: the policy pack, asked over the analyzer protocol as pulumi preview asks, gives the engine verdicts', (program) => {
    const expected = corpus.findings[program].map((f) => `${f.ruleId} ${f.level} ${f.resource.name}`).sort();
    if (everyProgramHasVerdicts) expect(expected.length).toBeGreaterThan(0);
    expect(corpus.packVerdicts[program]).toEqual(expected);
  });
}

/** `rule waived|level resource` of a diagnostic. */
export const packVerdict = (d: Diagnostic) =>
  `${d.policyName} ${waiverOf(d) ? 'waived' : d.enforcementLevel} ${resourceNameOf(d) ?? '(stack)'}`;

/**
 * Adopts `program` (its captured `records`), writing its export and catalog under `scratch`. Dated today, as the pack
 * judges exceptions against the clock.
 */
export async function adopt(client: Client, program: string, records: CapturedResource[], scratch: string): Promise<Adoption> {
  const exported = join(scratch, `${program}.stack.json`);
  writeFileSync(exported, JSON.stringify(stackExport(records)));
  const today = new Date().toISOString().slice(0, 10);
  const written = runCatalogInit([exported, '--today', today]);
  const catalogPath = approved(written.output, mkdtempSync(join(scratch, `${program}-`)));
  const checked = runCheck({ paths: [exported], catalogPath, format: 'json', toolVersion: 'test' });
  await client.configure(Object.fromEntries(allRules.map((rule) => [rule.meta.id, { properties: { catalogPath } }])));
  const diagnostics = await client.analyzeAsDeployment(records);
  return {
    initExit: written.exitCode,
    unnameable: written.errors.filter((line) => line.includes('no exception can name it')),
    cliExit: checked.exitCode,
    cli: (checked.result?.findings ?? []).map((f) => `${f.ruleId} ${f.waivedBy ? 'waived' : f.level} ${f.resource.name}`).sort(),
    pack: diagnostics.map(packVerdict).sort(),
  };
}
