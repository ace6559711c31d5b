/**
 * What every fuzz property shares: the budget an input must stay within, the report formats every verdict must
 * render in, the planted dangers a verdict must show, and the property runner that counts its inputs and names the
 * seed on failure. One file per property (templates, policies, catalogs, Pulumi resources) so they run side by side.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Catalog } from '../../catalog/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { isBlocking } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { allRules } from '../../src/rules/index.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { formatText } from '../../src/reporters/text.js';
import { FUZZ_PARAMETERS, FUZZ_PROPERTIES, FUZZ_RUNS, FUZZ_SEED, replayHint } from './support.js';

export const NOW = new Date('2026-06-01T00:00:00Z');

/** Per input, far above what any generated input needs (a few milliseconds): a ceiling on runaway work, not a benchmark. */
const TIME_BUDGET_MS = 20_000;
/** Heap in use after an input, far above the suite's own (~300 MB): an input that blows memory up crosses it. */
const HEAP_BUDGET_BYTES = 2 * 1024 ** 3;
/** Findings per resource of the input: a rule reports a resource at most a few dozen times (one per action, path, statement). */
export const FINDINGS_PER_RESOURCE = 200;

/** Runs one input under the budget: what `work` returns, or the exception a failure should show. */
export function withinBudget<T>(work: () => T): T {
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  if (elapsed > TIME_BUDGET_MS)
    throw new Error(`one input took ${Math.round(elapsed)} ms, over the ${TIME_BUDGET_MS} ms budget`);
  const heap = process.memoryUsage().heapUsed;
  if (heap > HEAP_BUDGET_BYTES)
    throw new Error(`heap in use after one input is ${heap} bytes, over the ${HEAP_BUDGET_BYTES}-byte budget`);
  return result;
}

/** Every report format renders, and each stays within a size proportional to the findings. */
export function renderAll(result: EvaluationResult, model: Model, catalog: Catalog): void {
  const outputs = [
    formatJson(result),
    formatText(result),
    formatSarif(result, allRules, { toolVersion: 'fuzz' }),
    formatJunit(result, { rules: allRules, catalog, model }),
    formatMarkdown(result),
  ];
  const resources = model.identities.length + model.secrets.length + result.findings.length;
  for (const output of outputs) expect(output.length).toBeLessThan(50_000 + 20_000 * resources);
  // No control character from the input reaches a human-readable report raw (text and Markdown; JSON escapes by itself).

  for (const output of [outputs[1]!, outputs[4]!])
    // eslint-disable-next-line no-control-regex -- control characters are what the output must not hold
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

/**
 * Checks `predicate` on FUZZ_RUNS inputs from FUZZ_SEED, counts them, and says how many ran: the suite's claim is a
 * number of inputs, so it is printed and checked, not assumed. A failure names the seed and how to replay it.
 */
export function property<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  let inputs = 0;
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        inputs++;
        predicate(value);
      }),
      FUZZ_PARAMETERS,
    );
  } catch (error) {
    throw new Error(`${replayHint(name)}\n${(error as Error).message}`, { cause: error });
  }
  console.log(
    `fuzz ${name}: ${inputs} inputs from seed ${FUZZ_SEED}, none failed (${FUZZ_PROPERTIES.length} properties × ${FUZZ_RUNS} = ${FUZZ_PROPERTIES.length * FUZZ_RUNS} inputs per run)`,
  );
  expect(inputs).toBe(FUZZ_RUNS);
}

/**
 * A planted danger the evaluation must report on the resource named, blocking. Only a catalog may change that, and
 * only in the ways it is meant to: a rule it disables or makes advisory, an exception, an identity it declares
 * (a human may hold a key its class allows). Where the catalog does none of these, the danger must block.
 */
export function expectPlanted(
  result: EvaluationResult,
  ruleId: string,
  resourceName: (name: string) => boolean,
  catalog: Catalog,
): void {
  const level = catalog.rules[ruleId];
  if (level === 'disabled' || catalog.identities.length > 0 || catalog.exceptions.length > 0) return;
  const found = result.findings.filter((finding) => finding.ruleId === ruleId && resourceName(finding.resource.name));
  expect(found.length, `${ruleId} on the planted resource`).toBeGreaterThan(0);
  if (level === 'advisory') return;
  expect(found.some(isBlocking), `${ruleId} blocks on the planted resource`).toBe(true);
  expect(result.summary.blocking).toBeGreaterThan(0);
}
