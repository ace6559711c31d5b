/**
 * cfn-lint's template fixtures (aws-cloudformation/cfn-lint test/fixtures/templates, copied verbatim into
 * test/corpus/cfn-lint/templates): 246 templates written to exercise a linter, good and bad, most of them nobody's
 * IAM. Each goes through the CLI on its own as a new user would run it (no catalog). Every template gives a verdict
 * (exit 0 or 1), or a located error (exit 2) that says what is wrong with the input; none throws. The verdicts, the
 * errors and the findings of the rules that judge content are exactly those in the snapshot, judged in
 * test/corpus/cfn-lint/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const TEMPLATES = join(import.meta.dirname, 'cfn-lint/templates');

describe("cfn-lint's template fixtures, one check each", () => {
  const checks = checkEachTemplate(TEMPLATES);

  it('gives each template a verdict or a located error, and reads at least 220 of the 246', () => {
    expect(checks.size).toBe(246);
    for (const [file, result] of checks) {
      expect([0, 1, 2], file).toContain(result.exitCode);
      // An input error names the file (and where it can, the line and column) and says what is wrong, in one line.
      for (const error of result.errors)
        expect(error, file).toMatch(/^test\/corpus\/cfn-lint\/templates\/\S+?(:\d+:\d+)?: \S/);
    }
    expect([...checks.values()].filter((result) => result.exitCode !== 2).length).toBeGreaterThanOrEqual(220);
  });

  it('gives exactly the snapshot verdicts, errors and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, TEMPLATES)).toMatchFileSnapshot('__snapshots__/cfn-lint-corpus.txt');
  });
});
