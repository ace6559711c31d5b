/**
 * Fuzz (issue 24 item 7), CloudFormation templates as a pull request's author could write them, JSON or YAML, whole
 * or cut and mangled, read from a file by the CLI's own loader: a located input error (exit 2) or a verdict, never an
 * exception, within the budget (harness.ts); planted administrator grants, open trust and access keys always block.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultCatalog } from '../../catalog/index.js';
import { loadChange } from '../../src/cli/load-inputs.js';
import { evaluate } from '../../src/engine/index.js';
import { expectPlanted, FINDINGS_PER_RESOURCE, NOW, property, renderAll, withinBudget } from './harness.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT, template, textMutation } from './support.js';

const DIR = mkdtempSync(join(tmpdir(), 'eg-fuzz-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe(`fuzz: CloudFormation templates (seed ${FUZZ_SEED}, ${FUZZ_RUNS} inputs)`, () => {
  it(
    'a located error or a verdict, never an exception; planted dangers always reported',
    () => {
      const catalog = defaultCatalog();
      property(
        'templates',
        fc.tuple(template, fc.boolean(), textMutation),
        ([{ template: generated, planted }, asYaml, mutate]) => {
          withinBudget(() => {
            const original = asYaml
              ? stringify(generated, { aliasDuplicateObjects: false })
              : JSON.stringify(generated, null, 1);
            const text = mutate(original);
            // The CLI's own loading, from a file: a located error (exit 2) or a model; any exception is a defect.
            const file = asYaml ? 'fuzz.template.yaml' : 'fuzz.template.json';
            writeFileSync(join(DIR, file), text);
            const loaded = loadChange({ paths: [join(DIR, file)], cwd: DIR });
            if (!('model' in loaded)) {
              expect(loaded.exitCode).toBe(2);
              expect(loaded.errors).toEqual([
                expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}(:\\d+:\\d+)?: .`)),
              ]);
              return;
            }
            const { model } = loaded;
            const result = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
            expect(result.findings.length).toBeLessThanOrEqual(
              FINDINGS_PER_RESOURCE * (Object.keys(generated.Resources as object).length + 1),
            );
            renderAll(result, model, catalog);
            // A mutated text may have cut into a planted resource: the planted dangers are judged on the text as generated.
            if (text !== original) return;
            if (planted.admin)
              expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'PlantedAdminRole', catalog);
            if (planted.openTrust)
              expectPlanted(result, 'restrict-trust', (name) => name === 'PlantedPublicRole', catalog);
            if (planted.accessKey)
              expectPlanted(
                result,
                'no-long-lived-credentials',
                (name) => name === 'PlantedKey' || name === 'PlantedKeyUser',
                catalog,
              );
          });
        },
      );
    },
    FUZZ_TEST_TIMEOUT,
  );
});
