/**
 * JUnit is written in pieces (XML appended case by case, each message and fix escaped once) so it stays linear and
 * within 2× of JSON at 10,000 findings (bench/report-formats.mjs). The pieces must make exactly the text the reporter
 * wrote before as one list of lines: that reporter is kept in reference/junit.ts, and both are run on the examples of
 * every input kind, on 600 roles, on hostile names and on a change without findings.
 *
 * SARIF changed form on purpose, so it has no old writer to match: what is the same for every finding of a rule (its
 * fix for every cloud, its framework mappings) is written once in the rule, not repeated in each result, and the log is
 * written without indentation (both for size: 17 MB at 10,000 findings before, 7 MB after). On the same inputs it is
 * held to exact expectations instead: one compact line; each result, one to one with the JSON report's findings (an
 * independent writer), carries the same rule, level, message, location, identity and detail, and exactly the keys of
 * its form; the fix the JSON report gives each finding is in its rule's help, and its frameworks in its rule's tags.
 */
import { join } from 'node:path';
import { defaultCatalog } from '../../catalog/index.js';
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/cli/check.js';
import { loadChange, evaluateChange } from '../../src/cli/load-inputs.js';
import { runRules, type EvaluationResult } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/finding.js';
import { emptyModel, type Model } from '../../src/model/model.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { allRules } from '../../src/rules/index.js';
import type { Catalog } from '../../catalog/types.js';
import { exampleCatalog } from '../audit/support.js';
import { identity } from '../support/builders.js';
import { formatJunit as referenceJunit } from './reference/junit.js';
import { REPO } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const HOSTILE = 'a<b>&"c\u0001\u001b[2J\'';

function evaluated(paths: string[], options: Partial<CheckOptions> = {}) {
  const loaded = loadChange({
    paths: paths.map((path) => join(REPO, path)),
    cwd: REPO,
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    now: NOW,
    ...options,
  });
  if (!('model' in loaded)) throw new Error(loaded.errors.join('\n'));
  return { catalog: loaded.catalog, model: loaded.model, result: evaluateChange(loaded, { now: NOW }) };
}

interface Checked {
  catalog: Catalog;
  model: Model;
  result: EvaluationResult;
}

function expectJunitAsWhole({ catalog, model, result }: Checked): void {
  const options = { rules: allRules, catalog, model };
  expect(formatJunit(result, options)).toBe(referenceJunit(result, options));
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: unknown[];
  properties: Record<string, unknown>;
}

function expectSarifForm({ result }: Checked): void {
  const output = formatSarif(result, allRules, { toolVersion: 'test' });
  const log = JSON.parse(output) as {
    runs: [
      {
        tool: { driver: { rules: { id: string; help: { text: string }; properties: { tags: string[] } }[] } };
        results: SarifResult[];
      },
    ];
  };
  expect(output).toBe(`${JSON.stringify(log)}\n`);
  const [run] = log.runs;
  const findings = (JSON.parse(formatJson(result)) as { findings: (Finding & { waivedBy?: string })[] }).findings;
  expect(run.results).toHaveLength(findings.length);
  findings.forEach((finding, index) => {
    const sarif = run.results[index]!;
    const r = finding.resource;
    expect(Object.keys(sarif)).toEqual([
      'ruleId',
      'ruleIndex',
      'level',
      'message',
      'locations',
      'partialFingerprints',
      ...(finding.waivedBy ? ['suppressions'] : []),
      'properties',
    ]);
    expect(sarif.ruleId).toBe(finding.ruleId);
    expect(sarif.level).toBe(finding.level === 'mandatory' ? 'error' : finding.pending ? 'note' : 'warning');
    expect(sarif.message).toEqual({ text: finding.message });
    expect(sarif.locations).toHaveLength(1);
    expect(sarif.locations[0]!.physicalLocation?.artifactLocation.uri).toBe(
      r.file?.split('/').map(encodeURIComponent).join('/'),
    );
    expect(sarif.locations[0]!.physicalLocation?.region).toEqual(
      r.line === undefined ? undefined : { startLine: r.line, startColumn: r.column },
    );
    expect(sarif.locations[0]!.logicalLocations).toEqual([
      {
        name: r.name,
        fullyQualifiedName: r.urn ?? r.path ?? [r.stack, r.name].filter(Boolean).join('/'),
        kind: 'resource',
      },
    ]);
    expect(Object.keys(sarif.partialFingerprints)).toEqual(['entitlementGuardFinding/v1']);
    expect(sarif.properties).toEqual({
      resourceType: r.type,
      ...(finding.identity ? { identity: finding.identity } : {}),
      ...(finding.detail ? { detail: finding.detail } : {}),
      ...(finding.pending ? { pending: true } : {}),
    });
    const rule = run.tool.driver.rules[sarif.ruleIndex]!;
    expect(rule.id).toBe(finding.ruleId);
    expect(rule.help.text).toContain(finding.remediation);
    expect(rule.properties.tags).toEqual(['security', ...finding.frameworks]);
  });
}

describe('JUnit written in pieces is byte for byte the report written whole; SARIF has the form it says', () => {
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
    expectJunitAsWhole(checked);
    expectSarifForm(checked);
  });

  it('600 roles', () => {
    const model = emptyModel();
    for (let index = 0; index < 600; index++)
      model.identities.push(identity('aws-role', `role-${index}`, { credentials: ['aws-access-key'] }));
    const catalog = exampleCatalog();
    const result = runRules(model, allRules, { catalog, now: NOW });
    expect(result.findings.length).toBeGreaterThan(600);
    expectJunitAsWhole({ catalog, model, result });
    expectSarifForm({ catalog, model, result });
  });

  it('names with XML and JSON specials and control characters', () => {
    const model = emptyModel();
    model.identities.push(identity('aws-user', HOSTILE, { credentials: ['aws-access-key'] }));
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
    expectJunitAsWhole({ catalog, model, result });
    expectSarifForm({ catalog, model, result });
    // One result in full, as code scanning reads it: the message and where, nothing its rule already says.
    const results = (
      JSON.parse(formatSarif(result, allRules, { toolVersion: 'test' })) as { runs: [{ results: unknown[] }] }
    ).runs[0].results;
    const key = results.find(
      (entry) =>
        (entry as SarifResult).ruleId === 'no-long-lived-credentials' &&
        (entry as SarifResult).properties.identity === `TestStack/${HOSTILE}`,
    );
    expect(key).toEqual({
      ruleId: 'no-long-lived-credentials',
      ruleIndex: 0,
      level: 'error',
      message: {
        text: 'AWS access key a<b>&"c\\u0001\\u001b[2J\'Credential for a<b>&"c\\u0001\\u001b[2J\' is a long-lived secret: it stays valid until someone deletes it. Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
      },
      locations: [
        {
          logicalLocations: [
            { name: `${HOSTILE}Credential`, fullyQualifiedName: `TestStack/${HOSTILE}Credential`, kind: 'resource' },
          ],
        },
      ],
      // The same hash of the same fields as before the change of form: code scanning keeps matching its alerts.
      partialFingerprints: { 'entitlementGuardFinding/v1': '0f2f6fec86ad1a67ec219ce9d8a755ee' },
      properties: {
        resourceType: 'AWS::IAM::AccessKey',
        identity: `TestStack/${HOSTILE}`,
        detail: 'Credential::aws-access-key',
      },
    });
  });

  it('no findings, and no rule enabled', () => {
    const model = emptyModel();
    const catalog = defaultCatalog();
    const result = runRules(model, allRules, { catalog, now: NOW });
    expect(result.findings).toEqual([]);
    expectJunitAsWhole({ catalog, model, result });
    expect(formatJunit(result, { rules: [], catalog, model })).toBe(
      referenceJunit(result, { rules: [], catalog, model }),
    );
    const empty = JSON.parse(formatSarif(result, [], { toolVersion: 'test' })) as unknown;
    expect(empty).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'entitlement-guard', version: 'test', rules: [] } }, results: [] }],
    });
    expect(formatSarif(result, [], { toolVersion: 'test' })).toBe(`${JSON.stringify(empty)}\n`);
  });
});
