/** typescript-eslint-style meta-tests: every rule is complete, documented, tested, and its docs match its metadata. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../catalog/rule-ids.js';
import { remediationText } from '../../src/rules/define.js';
import { allRules } from '../../src/rules/index.js';
import { renderRulesMarkdown, RULES_DOC_PATH } from '../../src/rules/docs.js';
import { FRAMEWORKS } from '../../src/rules/frameworks.js';

describe('rule metadata', () => {
  it('has unique kebab-case ids, the same list the catalog accepts', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ids).toEqual([...RULE_IDS]);
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('lives in a file named for its id, with a RuleTester test beside it', () => {
        expect(existsSync(`src/rules/${rule.meta.id}.ts`)).toBe(true);
        const testFile = `test/rules/${rule.meta.id}.test.ts`;
        expect(existsSync(testFile)).toBe(true);
        expect(readFileSync(testFile, 'utf8')).toContain('ruleTester(');
      });

      it('says why, how to fix, and which checked framework controls it maps to', () => {
        const { meta } = rule;
        expect(meta.title.length).toBeGreaterThan(10);
        expect(meta.rationale.length).toBeGreaterThan(40);
        expect(remediationText(meta).length).toBeGreaterThan(20);
        // Per-cloud fixes name clouds the rule reads, each a sentence of its own.
        if (typeof meta.remediation !== 'string')
          for (const text of Object.values(meta.remediation)) expect(text.length).toBeGreaterThan(20);
        expect(['mandatory', 'advisory']).toContain(meta.level);
        expect(meta.frameworks.length).toBeGreaterThan(0);
        for (const id of meta.frameworks) expect(Object.keys(FRAMEWORKS)).toContain(id);
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      });
    });
  }
});

describe(RULES_DOC_PATH, () => {
  it('is generated from the rule metadata (run `npm run docs` after changing a rule)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesMarkdown(allRules));
  });
});
