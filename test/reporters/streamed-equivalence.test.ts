/**
 * SARIF and JUnit are written in pieces (results stringified in slices, XML appended case by case) so they stay
 * linear and within 2× of JSON at 10,000 findings (bench/report-formats.mjs). The pieces must make exactly the text
 * the reporters wrote before as one object or one list of lines: the previous reporters are kept in reference/ and
 * both are run on the examples of every input kind, on a change with more results than one slice, on hostile names
 * and on a change without findings.
 */
import { join } from 'node:path';
import { defaultCatalog } from '../../catalog/index.js';
import { describe, expect, it } from 'vitest';
import { loadChange, evaluateChange, type CheckOptions } from '../../src/cli/check.js';
import { runRules } from '../../src/engine/evaluate.js';
import { emptyModel } from '../../src/model/model.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { allRules } from '../../src/rules/index.js';
import { exampleCatalog } from '../audit/support.js';
import { identity } from '../support/builders.js';
import { formatJunit as referenceJunit } from './reference/junit.js';
import { formatSarif as referenceSarif } from './reference/sarif.js';
import { REPO } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

function evaluated(paths: string[], options: Partial<CheckOptions> = {}) {
  const loaded = loadChange({
    paths: paths.map((path) => join(REPO, path)),
    cwd: REPO,
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    now: NOW,
    ...options,
  });
  if (!('model' in loaded)) throw new Error(loaded.errors.join('\n'));
  return { loaded, result: evaluateChange(loaded, { now: NOW }) };
}

function expectSameReports({ loaded, result }: ReturnType<typeof evaluated>): void {
  const junit = { rules: allRules, catalog: loaded.catalog, model: loaded.model };
  expect(formatSarif(result, allRules, { toolVersion: 'test' })).toBe(
    referenceSarif(result, allRules, { toolVersion: 'test' }),
  );
  expect(formatJunit(result, junit)).toBe(referenceJunit(result, junit));
}

describe('SARIF and JUnit written in pieces are byte for byte the reports written whole', () => {
  it.each([
    ['CloudFormation', ['examples/cloudformation/bad-stack.template.yaml']],
    ['CloudFormation without blocking findings', ['examples/cloudformation/good-stack.template.yaml']],
    ['privileged access', ['examples/privileged-access/bad.template.yaml']],
    ['Kubernetes', ['examples/k8s/bad.yaml']],
    ['Terraform', ['examples/terraform/bad.tfplan.json']],
    [
      'hostile names, include and nested stack',
      [
        'test/fixtures/cloudformation/real-world/include-resources.template.yaml',
        'test/fixtures/cloudformation/real-world/role-named-role.template.yaml',
      ],
    ],
  ])('%s', (_name, paths) => {
    const checked = evaluated(paths);
    expect(checked.result.findings.length).toBeGreaterThan(0);
    expectSameReports(checked);
  });

  it('more findings than one slice of results (600 roles)', () => {
    const model = emptyModel();
    for (let index = 0; index < 600; index++)
      model.identities.push(identity('aws-role', `role-${index}`, { credentials: ['aws-access-key'] }));
    const catalog = exampleCatalog();
    const result = runRules(model, allRules, { catalog, now: NOW });
    expect(result.findings.length).toBeGreaterThan(600);
    expect(formatSarif(result, allRules, { toolVersion: 'test' })).toBe(
      referenceSarif(result, allRules, { toolVersion: 'test' }),
    );
    expect(formatJunit(result, { rules: allRules, catalog, model })).toBe(
      referenceJunit(result, { rules: allRules, catalog, model }),
    );
  });

  it('names with XML and JSON specials and control characters', () => {
    const model = emptyModel();
    model.identities.push(identity('aws-user', 'a<b>&"c\u0001\u001b[2J\'', { credentials: ['aws-access-key'] }));
    model.identities.push(identity('aws-role', 'plain\u2028line\ufffe', {}));
    model.identities.push(
      identity('aws-role', 'pulumi-role', {
        urn: 'urn:pulumi:dev::app::aws:iam/role:Role::pulumi-role',
        credentials: ['aws-access-key'],
      }),
    );
    model.identities.push(
      identity('aws-role', 'cdk-role', { path: 'App/Stack/Role "quoted"', credentials: ['aws-access-key'] }),
    );
    const catalog = exampleCatalog();
    const result = runRules(model, allRules, { catalog, now: NOW });
    expect(formatSarif(result, allRules, { toolVersion: 'test' })).toBe(
      referenceSarif(result, allRules, { toolVersion: 'test' }),
    );
    expect(formatJunit(result, { rules: allRules, catalog, model })).toBe(
      referenceJunit(result, { rules: allRules, catalog, model }),
    );
  });

  it('no findings, and no rule enabled', () => {
    const model = emptyModel();
    const catalog = defaultCatalog();
    const result = runRules(model, allRules, { catalog, now: NOW });
    expect(result.findings).toEqual([]);
    expect(formatSarif(result, allRules, { toolVersion: 'test' })).toBe(
      referenceSarif(result, allRules, { toolVersion: 'test' }),
    );
    expect(formatJunit(result, { rules: allRules, catalog, model })).toBe(
      referenceJunit(result, { rules: allRules, catalog, model }),
    );
    expect(formatSarif(result, [], { toolVersion: 'test' })).toBe(referenceSarif(result, [], { toolVersion: 'test' }));
    expect(formatJunit(result, { rules: [], catalog, model })).toBe(
      referenceJunit(result, { rules: [], catalog, model }),
    );
  });
});
