/**
 * The fuzz suite (issue 24 item 7): generated templates, policy documents, catalogs and Pulumi resources, written as
 * a pull request's author could write them. For every input: the check never throws anything but a located input
 * error, stays within a work budget (findings and report size bounded by the input, a generous time and heap ceiling
 * checked as invariants, not as benchmarks), and never passes a planted administrator grant, wildcard trust or
 * access key. FUZZ_RUNS inputs per property (2,500 by default: 10,000 per run) from the fixed FUZZ_SEED; a failure
 * names the seed and how to replay it.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError, defaultCatalog, parseCatalog, type Catalog } from '../../catalog/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { loadChange } from '../../src/cli/check.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/check.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { isBlocking } from '../../src/engine/finding.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { effectiveAllows, isActionAllowed } from '../../src/iam/aws/evaluate.js';
import { wildcardIssues } from '../../src/iam/aws/wildcards.js';
import type { Model } from '../../src/model/model.js';
import { allRules } from '../../src/rules/index.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { formatText } from '../../src/reporters/text.js';
import { catalogDocument, FUZZ_PARAMETERS, FUZZ_TEST_TIMEOUT, FUZZ_RUNS, FUZZ_SEED, policyDocument, pulumiResources, replayHint, template, textMutation } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DIR = mkdtempSync(join(tmpdir(), 'eg-fuzz-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Per input, far above what any generated input needs (a few milliseconds): a ceiling on runaway work, not a benchmark. */
const TIME_BUDGET_MS = 20_000;
/** Heap in use after an input, far above the suite's own (~300 MB): an input that blows memory up crosses it. */
const HEAP_BUDGET_BYTES = 2 * 1024 ** 3;
/** Findings per resource of the input: a rule reports a resource at most a few dozen times (one per action, path, statement). */
const FINDINGS_PER_RESOURCE = 200;

/** Runs one input under the budget: what `work` returns, or the exception a failure should show. */
function withinBudget<T>(work: () => T): T {
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  if (elapsed > TIME_BUDGET_MS) throw new Error(`one input took ${Math.round(elapsed)} ms, over the ${TIME_BUDGET_MS} ms budget`);
  const heap = process.memoryUsage().heapUsed;
  if (heap > HEAP_BUDGET_BYTES) throw new Error(`heap in use after one input is ${heap} bytes, over the ${HEAP_BUDGET_BYTES}-byte budget`);
  return result;
}

/** Every report format renders, and each stays within a size proportional to the findings. */
function renderAll(result: EvaluationResult, model: Model, catalog: Catalog): void {
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
  // eslint-disable-next-line no-control-regex
  for (const output of [outputs[1]!, outputs[4]!]) expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

function property<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  try {
    fc.assert(fc.property(arbitrary, predicate), FUZZ_PARAMETERS);
  } catch (error) {
    throw new Error(`${replayHint(name)}\n${(error as Error).message}`, { cause: error });
  }
}

/**
 * A planted danger the evaluation must report on the resource named, blocking. Only a catalog may change that, and
 * only in the ways it is meant to: a rule it disables or makes advisory, an exception, an identity it declares
 * (a human may hold a key its class allows). Where the catalog does none of these, the danger must block.
 */
function expectPlanted(result: EvaluationResult, ruleId: string, resourceName: (name: string) => boolean, catalog: Catalog): void {
  const level = catalog.rules[ruleId];
  if (level === 'disabled' || catalog.identities.length > 0 || catalog.exceptions.length > 0) return;
  const found = result.findings.filter((finding) => finding.ruleId === ruleId && resourceName(finding.resource.name));
  expect(found.length, `${ruleId} on the planted resource`).toBeGreaterThan(0);
  if (level === 'advisory') return;
  expect(found.some(isBlocking), `${ruleId} blocks on the planted resource`).toBe(true);
  expect(result.summary.blocking).toBeGreaterThan(0);
}

describe(`fuzz (seed ${FUZZ_SEED}, ${FUZZ_RUNS} inputs per property)`, () => {
  it('CloudFormation templates: a located error or a verdict, never an exception; planted dangers always reported', () => {
    const catalog = defaultCatalog();
    property('templates', fc.tuple(template, fc.boolean(), textMutation), ([{ template: generated, planted }, asYaml, mutate]) => {
      withinBudget(() => {
        const original = asYaml ? stringify(generated, { aliasDuplicateObjects: false }) : JSON.stringify(generated, null, 1);
        const text = mutate(original);
        // The CLI's own loading, from a file: a located error (exit 2) or a model; any exception is a defect.
        const file = asYaml ? 'fuzz.template.yaml' : 'fuzz.template.json';
        writeFileSync(join(DIR, file), text);
        const loaded = loadChange({ paths: [join(DIR, file)], cwd: DIR });
        if (!('model' in loaded)) {
          expect(loaded.exitCode).toBe(2);
          expect(loaded.errors).toEqual([expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}(:\\d+:\\d+)?: .`))]);
          return;
        }
        const { model } = loaded;
        const result = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
        expect(result.findings.length).toBeLessThanOrEqual(FINDINGS_PER_RESOURCE * (Object.keys(generated.Resources as object).length + 1));
        renderAll(result, model, catalog);
        // A mutated text may have cut into a planted resource: the planted dangers are judged on the text as generated.
        if (text !== original) return;
        if (planted.admin) expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'PlantedAdminRole', catalog);
        if (planted.openTrust) expectPlanted(result, 'restrict-trust', (name) => name === 'PlantedPublicRole', catalog);
        if (planted.accessKey) expectPlanted(result, 'no-long-lived-credentials', (name) => name === 'PlantedKey' || name === 'PlantedKeyUser', catalog);
      });
    });
  }, FUZZ_TEST_TIMEOUT);

  it('policy documents: parsed or unreadable, evaluated without an exception; an unconditioned Allow of * is always seen', () => {
    const catalog = defaultCatalog();
    property('policies', fc.tuple(policyDocument, fc.boolean(), fc.boolean()), ([raw, asText, plantAdmin]) => {
      withinBudget(() => {
        const planted = plantAdmin && typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'Statement' in raw ? { ...raw, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, ...[(raw as { Statement: unknown }).Statement].flat()] } : raw;
        const document = parsePolicyDocument(asText ? JSON.stringify(planted) : planted);
        const allows = effectiveAllows([document]);
        for (const statement of document.statements) wildcardIssues(statement, catalog);
        const decision = isActionAllowed([document], 'iam:PassRole');
        expect(['allow', 'deny', 'implicit-deny']).toContain(decision);
        if (planted !== raw && !document.unreadable) {
          // Every action is allowed unless an unconditioned Deny on every resource takes it away.
          const denies = document.statements.some((statement) => statement.effect === 'Deny' && !statement.condition);
          if (!denies) {
            expect(decision).toBe('allow');
            expect(allows.length).toBeGreaterThan(10_000);
            expect(wildcardIssues(document.statements[0]!, catalog).map((issue) => issue.kind)).toContain('all-actions');
          }
        }
      });
    });
  }, FUZZ_TEST_TIMEOUT);

  it('catalogs: a catalog or located catalog issues, never an exception; a valid one still reports the planted dangers', () => {
    const model = modelFromTemplates([
      {
        stack: 'planted',
        file: 'planted.json',
        template: {
          Resources: {
            PlantedAdminRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'admin', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } },
            PlantedPublicRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] } } },
            PlantedKeyUser: { Type: 'AWS::IAM::User', Properties: {} },
            PlantedKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'PlantedKeyUser' } } },
          },
        },
      },
    ]);
    property('catalogs', fc.tuple(catalogDocument, fc.boolean(), textMutation), ([document, asJson, mutate]) => {
      withinBudget(() => {
        const text = mutate(asJson ? JSON.stringify(document) : stringify(document));
        let catalog: Catalog;
        try {
          catalog = parseCatalog(text, 'fuzz-catalog.yaml');
        } catch (error) {
          if (!(error instanceof CatalogError)) throw error;
          for (const issue of error.errors) {
            expect(issue.file).toBe('fuzz-catalog.yaml');
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.message.length).toBeGreaterThan(0);
          }
          return;
        }
        const result = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
        renderAll(result, model, catalog);
        expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'PlantedAdminRole', catalog);
        expectPlanted(result, 'restrict-trust', (name) => name === 'PlantedPublicRole', catalog);
        expectPlanted(result, 'no-long-lived-credentials', (name) => name === 'PlantedKey' || name === 'PlantedKeyUser', catalog);
      });
    });
  }, FUZZ_TEST_TIMEOUT);

  it('Pulumi resources: a verdict without an exception; planted dangers always reported', () => {
    const catalog = defaultCatalog();
    property('pulumi', pulumiResources, ({ resources, planted }) => {
      withinBudget(() => {
        const model = modelFromPulumiResources(resources);
        const result = evaluate(model, { catalog, now: NOW });
        expect(result.findings.length).toBeLessThanOrEqual(FINDINGS_PER_RESOURCE * (resources.length + 1));
        renderAll(result, model, catalog);
        if (planted.admin) expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'planted-admin', catalog);
        if (planted.openTrust) expectPlanted(result, 'restrict-trust', (name) => name === 'planted-public', catalog);
        if (planted.accessKey) expectPlanted(result, 'no-long-lived-credentials', (name) => name === 'planted-key' || name === 'planted-user', catalog);
      });
    });
  }, FUZZ_TEST_TIMEOUT);
});
