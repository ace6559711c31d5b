import type { Catalog } from '../../catalog/types.js';
import { effectiveLevel, type EvaluationResult } from '../engine/evaluate.js';
import { isBlocking, sortFindings, type Finding } from '../model/finding.js';
import type { Model, ResourceRef } from '../model/model.js';
import type { Rule } from '../rules/define.js';
import { escapeXml } from './escape.js';

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
  // Each resource's key is built once: findings of one resource share its object.
  const keys = new Map<ResourceRef, string>();
  const keyOf = (resource: ResourceRef): string => {
    let key = keys.get(resource);
    if (key === undefined) keys.set(resource, (key = resourceKey(resource)));
    return key;
  };
  const resources = new Map<string, ResourceRef>();
  for (const subject of [...options.model.identities, ...options.model.secrets])
    resources.set(keyOf(subject.resource), subject.resource);
  for (const finding of findings)
    if (!resources.has(keyOf(finding.resource))) resources.set(keyOf(finding.resource), finding.resource);
  const ordered = [...resources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(ordered.map(([key], index) => [key, index]));
  const rules = options.rules.filter((rule) => effectiveLevel(rule, options.catalog) !== 'disabled');
  // Findings by rule, then by the resource's position, in one pass: each case finds its own by index, with no
  // string key built and hashed per resource × rule (50,000 cases for 3,000 roles).
  const byRule = new Map<string, (Finding[] | undefined)[]>();
  for (const finding of findings) {
    let cases = byRule.get(finding.ruleId);
    if (!cases) byRule.set(finding.ruleId, (cases = []));
    // Every finding's resource was added to `resources` above, so it has a position.
    const at = position.get(keyOf(finding.resource));
    if (at === undefined) throw new Error(`JUnit: no test case for ${resourceLabel(finding.resource)}`);
    (cases[at] ??= []).push(finding);
  }

  // Each resource's attributes are escaped once, not once per rule.
  const attributes = ordered.map(
    ([, resource]) =>
      `name="${escapeXml(resourceLabel(resource))}"${resource.file ? ` file="${escapeXml(resource.file)}"` : ''}`,
  );
  // A fix is its rule's for the finding's cloud: a few texts, escaped once each, however many cases fail.
  const fixes = new Map<string, string>();
  const fixOf = (remediation: string): string => {
    let fix = fixes.get(remediation);
    if (fix === undefined) fixes.set(remediation, (fix = `\nfix: ${escapeXml(remediation)}`));
    return fix;
  };

  // Appended to strings rather than joined from lists of lines: V8 keeps the appends as a rope and copies it once when
  // the report is written.
  let suites = '';
  const total = { tests: 0, failures: 0, skipped: 0 };
  for (const rule of rules) {
    const open = `    <testcase classname="${escapeXml(`entitlement-guard.${rule.meta.id}`)}" `;
    const type = escapeXml(rule.meta.id);
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
      const testcase = testCase(type, `${open}${attributes[index]}`, found, fixOf);
      if (testcase.outcome === 'failure') failures++;
      else if (testcase.outcome === 'skipped') skipped++;
      xml += `\n${testcase.xml}`;
    }
    suites += `\n  <testsuite name="${type}" tests="${attributes.length}" failures="${failures}" errors="0" skipped="${skipped}">${xml}\n  </testsuite>`;
    total.tests += attributes.length;
    total.failures += failures;
    total.skipped += skipped;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="entitlement-guard" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}">${suites}\n</testsuites>\n`
  );
}

/**
 * `open` is the case's start tag without its end: `<testcase classname=… name=… file=…`; `type` the rule id escaped.
 * Escaping goes character by character, so each part is escaped on its own and joined: the first blocking message is
 * escaped once for the attribute and the body, and the fix comes escaped from `fixOf`.
 */
function testCase(
  type: string,
  open: string,
  findings: Finding[],
  fixOf: (remediation: string) => string,
): { xml: string; outcome: 'passed' | 'failure' | 'skipped' } {
  if (findings.length === 0) return { xml: `${open}/>`, outcome: 'passed' };
  let xml = `${open}>`;
  let outcome: 'passed' | 'failure' | 'skipped' = 'passed';
  const blocking = findings.filter(isBlocking);
  if (blocking.length > 0) {
    outcome = 'failure';
    const [first, ...others] = blocking as [Finding, ...Finding[]];
    const message = escapeXml(first.message);
    let body = describe(first, message);
    for (const finding of others) body += `\n${describe(finding)}`;
    xml += `\n      <failure type="${type}" message="${message}">${body}${fixOf(first.remediation)}</failure>`;
  } else if (findings.every((finding) => finding.waivedBy)) {
    outcome = 'skipped';
    xml += `\n      <skipped message="${escapeXml(`waived by ${[...new Set(findings.map((f) => f.waivedBy))].join(', ')}`)}"/>`;
  }
  const notBlocking = findings.filter((finding) => !isBlocking(finding));
  if (notBlocking.length > 0)
    xml += `\n      <system-out>${notBlocking.map((finding) => describe(finding)).join('\n')}</system-out>`;
  return { xml: `${xml}\n    </testcase>`, outcome };
}

/** One finding's line, escaped; `message` is its message already escaped, when the caller has it. */
function describe(finding: Finding, message = escapeXml(finding.message)): string {
  const state = finding.waivedBy ? `waived by ${finding.waivedBy}` : finding.pending ? 'pending' : finding.level;
  return `${escapeXml(`[${state}]${finding.detail ? ` ${finding.detail}:` : ''} `)}${message}`;
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
