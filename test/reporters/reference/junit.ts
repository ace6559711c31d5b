/**
 * The junit reporter as it was before it was written in pieces (commit 78e79e2, src/reporters/junit.ts): one object or
 * list of lines for the whole report. Kept as the reference the streamed reporter must match byte for byte
 * (test/reporters/streamed-equivalence.test.ts).
 */
import type { Catalog } from '../../../catalog/types.js';
import { effectiveLevel, type EvaluationResult } from '../../../src/engine/evaluate.js';
import { isBlocking, sortFindings, type Finding } from '../../../src/model/finding.js';
import type { Model, ResourceRef } from '../../../src/model/model.js';
import type { Rule } from '../../../src/rules/define.js';
import { escapeXml } from '../../../src/reporters/escape.js';

export interface JunitOptions {
  rules: readonly Rule[];
  catalog: Catalog;
  /** The checked model: every identity and secret becomes a test case per rule, so a clean one shows as passed. */
  model: Model;
}

/**
 * JUnit XML for CI dashboards: one `<testsuite>` per enabled rule, one `<testcase>` per resource × rule.
 * Resources are every identity and secret of the change, plus any other resource a finding names.
 * A blocking finding fails the case; a case whose findings are all waived is skipped (with the exception named);
 * advisory findings pass and are listed in `<system-out>`.
 */
export function formatJunit(result: EvaluationResult, options: JunitOptions): string {
  const findings = sortFindings(result.findings);
  const resources = new Map<string, ResourceRef>();
  for (const subject of [...options.model.identities, ...options.model.secrets])
    resources.set(resourceKey(subject.resource), subject.resource);
  for (const finding of findings)
    if (!resources.has(resourceKey(finding.resource))) resources.set(resourceKey(finding.resource), finding.resource);
  const ordered = [...resources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rules = options.rules.filter((rule) => effectiveLevel(rule, options.catalog) !== 'disabled');
  // Findings by rule and resource, in one pass: a case looks its own up instead of filtering all of them.
  const byCase = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\u0001${resourceKey(finding.resource)}`;
    const list = byCase.get(key);
    if (list) list.push(finding);
    else byCase.set(key, [finding]);
  }

  // Each resource's attributes are escaped once, not once per rule.
  const attributes = ordered.map(([key, resource]) => ({
    key,
    attributes: `name="${escapeXml(resourceLabel(resource))}"${resource.file ? ` file="${escapeXml(resource.file)}"` : ''}`,
  }));

  const suites = rules.map((rule) => {
    const classname = `classname="${escapeXml(`entitlement-guard.${rule.meta.id}`)}"`;
    const cases = attributes.map(({ key, attributes }) =>
      testCase(rule, `    <testcase ${classname} ${attributes}`, byCase.get(`${rule.meta.id}\u0001${key}`) ?? []),
    );
    const failures = cases.filter((c) => c.outcome === 'failure').length;
    const skipped = cases.filter((c) => c.outcome === 'skipped').length;
    return {
      xml: [
        `  <testsuite name="${escapeXml(rule.meta.id)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
        ...cases.map((c) => c.xml),
        '  </testsuite>',
      ].join('\n'),
      tests: cases.length,
      failures,
      skipped,
    };
  });
  const total = (key: 'tests' | 'failures' | 'skipped') => suites.reduce((sum, suite) => sum + suite[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="entitlement-guard" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}">`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

/** `open` is the case's start tag without its end: `<testcase classname=… name=… file=…`. */
function testCase(
  rule: Rule,
  open: string,
  findings: Finding[],
): { xml: string; outcome: 'passed' | 'failure' | 'skipped' } {
  if (findings.length === 0) return { xml: `${open}/>`, outcome: 'passed' };
  const blocking = findings.filter(isBlocking);
  const body: string[] = [];
  let outcome: 'passed' | 'failure' | 'skipped' = 'passed';
  if (blocking.length > 0) {
    outcome = 'failure';
    body.push(
      `      <failure type="${escapeXml(rule.meta.id)}" message="${escapeXml(blocking[0]!.message)}">${escapeXml(
        [...blocking.map(describe), `fix: ${blocking[0]!.remediation}`].join('\n'),
      )}</failure>`,
    );
  } else if (findings.every((finding) => finding.waivedBy)) {
    outcome = 'skipped';
    body.push(
      `      <skipped message="${escapeXml(`waived by ${[...new Set(findings.map((f) => f.waivedBy))].join(', ')}`)}"/>`,
    );
  }
  const notBlocking = findings.filter((finding) => !isBlocking(finding));
  if (notBlocking.length > 0)
    body.push(`      <system-out>${escapeXml(notBlocking.map(describe).join('\n'))}</system-out>`);
  return { xml: [`${open}>`, ...body, '    </testcase>'].join('\n'), outcome };
}

function describe(finding: Finding): string {
  const state = finding.waivedBy ? `waived by ${finding.waivedBy}` : finding.pending ? 'pending' : finding.level;
  return `[${state}]${finding.detail ? ` ${finding.detail}:` : ''} ${finding.message}`;
}

function resourceKey(resource: ResourceRef): string {
  return [
    resource.stack ?? '',
    resource.file ?? '',
    resource.urn ?? resource.path ?? resource.name,
    resource.type,
  ].join('\u0000');
}

function resourceLabel(resource: ResourceRef): string {
  return `${resource.type} ${resource.path ?? resource.urn ?? `${resource.stack ? `${resource.stack}/` : ''}${resource.name}`}`;
}
