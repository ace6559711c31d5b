/**
 * RuleTester in typescript-eslint's style: a rule gets lists of valid cases (no findings) and invalid cases
 * (exactly these findings, in order). Findings are compared on the fields a user sees.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { runRules } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import type { Rule } from '../../src/rules/define.js';
import { catalog as testCatalog } from './builders.js';

export interface TestCase {
  name: string;
  model: Model;
  catalog?: Catalog;
  /** ISO date; default 2026-11-26. */
  now?: string;
}

export interface ExpectedFinding {
  /** Resource name (logical id / Pulumi name). */
  resource: string;
  identity?: string;
  detail?: string;
  message: string;
  level?: Finding['level'];
  pending?: true;
  waivedBy?: string;
}

export interface InvalidCase extends TestCase {
  findings: ExpectedFinding[];
}

export const TEST_NOW = '2026-11-26T12:00:00Z';

export function findingsOf(rule: Rule, testCase: TestCase): Finding[] {
  return runRules(testCase.model, [rule], {
    catalog: testCase.catalog ?? testCatalog(),
    now: new Date(testCase.now ?? TEST_NOW),
  }).findings;
}

function project(finding: Finding, expected: ExpectedFinding): ExpectedFinding {
  return {
    resource: finding.resource.name,
    ...(finding.identity !== undefined ? { identity: finding.identity } : {}),
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
    message: finding.message,
    ...(expected.level !== undefined ? { level: finding.level } : {}),
    ...(finding.pending ? { pending: true as const } : {}),
    ...(finding.waivedBy !== undefined ? { waivedBy: finding.waivedBy } : {}),
  };
}

export function ruleTester(rule: Rule, cases: { valid: TestCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          expect(findingsOf(rule, testCase).map((finding) => `${finding.resource.name}: ${finding.message}`)).toEqual(
            [],
          );
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
          const findings = findingsOf(rule, testCase);
          expect(findings.every((finding) => finding.ruleId === rule.meta.id)).toBe(true);
          const actual = findings.map((finding, index) =>
            project(finding, testCase.findings[index] ?? (finding as never)),
          );
          expect(actual).toEqual(testCase.findings);
        });
      }
    });
  });
}
