import type { Catalog } from '../../catalog/types.js';
import { effectiveLevel, type EvaluationResult } from '../engine/evaluate.js';
import { isBlocking, type Finding } from '../model/finding.js';
import type { Model, ResourceRef } from '../model/model.js';
import type { Rule } from '../rules/define.js';
import { escapeXml } from './escape.js';
import { sortFindings } from './json.js';

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
  const position = new Map(ordered.map(([key], index) => [key, index]));
  const rules = options.rules.filter((rule) => effectiveLevel(rule, options.catalog) !== 'disabled');
  // Findings by rule, then by the resource's position, in one pass: each case finds its own by index, with no
  // string key built and hashed per resource × rule (50,000 cases for 3,000 roles).
  const byRule = new Map<string, Finding[][]>();
  for (const finding of findings) {
    let cases = byRule.get(finding.ruleId);
    if (!cases) byRule.set(finding.ruleId, (cases = []));
    (cases[position.get(resourceKey(finding.resource))!] ??= []).push(finding);
  }

  // Each resource's attributes are escaped once, not once per rule.
  const attributes = ordered.map(
    ([, resource]) =>
      `name="${escapeXml(resourceLabel(resource))}"${resource.file ? ` file="${escapeXml(resource.file)}"` : ''}`,
  );

  // Appended to strings rather than joined from lists of lines: V8 keeps the appends as a rope and copies it once when
  // the report is written.
  let suites = '';
  const total = { tests: 0, failures: 0, skipped: 0 };
  for (const rule of rules) {
    const open = `    <testcase classname="${escapeXml(`entitlement-guard.${rule.meta.id}`)}" `;
    const cases = byRule.get(rule.meta.id) ?? [];
    let xml = '';
    let failures = 0;
    let skipped = 0;
    for (let index = 0; index < attributes.length; index++) {
      const found = cases[index];
      if (!found) {
        xml += `\n${open}${attributes[index]}/>`;
        continue;
      }
      const testcase = testCase(rule, `${open}${attributes[index]}`, found);
      if (testcase.outcome === 'failure') failures++;
      else if (testcase.outcome === 'skipped') skipped++;
      xml += `\n${testcase.xml}`;
    }
    suites += `\n  <testsuite name="${escapeXml(rule.meta.id)}" tests="${attributes.length}" failures="${failures}" errors="0" skipped="${skipped}">${xml}\n  </testsuite>`;
    total.tests += attributes.length;
    total.failures += failures;
    total.skipped += skipped;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="entitlement-guard" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">${suites}\n</testsuites>\n`
  );
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
      `      <failure type="${escapeXml(rule.meta.id)}" message="${escapeXml(blocking[0].message)}">${escapeXml(
        [...blocking.map(describe), `fix: ${blocking[0].remediation}`].join('\n'),
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
