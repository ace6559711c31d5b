/**
 * Fuzz (issue 24 item 7), Pulumi resources as the engine sends them to the pack, every adapter's type tokens and
 * unknown ones, properties of any shape: a verdict without an exception, within the budget (harness.ts); planted
 * dangers always reported.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { expectPlanted, FINDINGS_PER_RESOURCE, NOW, property, renderAll, withinBudget } from './harness.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT, pulumiResources } from './support.js';

describe(`fuzz: Pulumi resources (seed ${FUZZ_SEED}, ${FUZZ_RUNS} inputs)`, () => {
  it(
    'a verdict without an exception; planted dangers always reported',
    () => {
      const catalog = defaultCatalog();
      property('pulumi', pulumiResources, ({ resources, planted }) => {
        withinBudget(() => {
          const model = modelFromPulumiResources(resources);
          const result = evaluate(model, { catalog, now: NOW });
          expect(result.findings.length).toBeLessThanOrEqual(FINDINGS_PER_RESOURCE * (resources.length + 1));
          renderAll(result, model, catalog);
          if (planted.admin)
            expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'planted-admin', catalog);
          if (planted.openTrust) expectPlanted(result, 'restrict-trust', (name) => name === 'planted-public', catalog);
          if (planted.accessKey)
            expectPlanted(
              result,
              'no-long-lived-credentials',
              (name) => name === 'planted-key' || name === 'planted-user',
              catalog,
            );
        });
      });
    },
    FUZZ_TEST_TIMEOUT,
  );
});
