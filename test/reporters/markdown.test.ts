import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/reporters/markdown.js';
import { escapeMarkdown, markdownCode } from '../../src/reporters/escape.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { BAD, checkExample, GOOD } from './support.js';

describe('Markdown for a pull-request comment', () => {
  it('starts with the verdict and counts, then a per-rule table, then findings folded by resource', () => {
    const check = checkExample(BAD, 'markdown');
    const summary = check.result!.summary;
    const markdown = check.output;
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### ❌ Entitlement Guard: blocked');
    // The one advisory finding (an expired exception) counts as advisory; the waived key counts once, as waived.
    expect(lines[2]).toBe(
      `**${summary.blocking}** blocking · **1** advisory · **1** waived · **0** pending — 7 identities, 1 secret checked`,
    );
    expect(lines.slice(4, 7)).toEqual([
      '| rule | blocking | advisory | waived |',
      '|---|---:|---:|---:|',
      '| `exception-expiry` | 0 | 1 | 0 |',
    ]);
    expect(markdown).toContain('| `no-long-lived-credentials` | 1 | 0 | 1 |');
    expect(markdown.indexOf(`<details><summary>${summary.total} findings by resource</summary>`)).toBeGreaterThan(
      markdown.indexOf('| `secret-rotation` |'),
    );
    expect(markdown).toContain(`#### AWS::IAM::AccessKey bad-stack/LegacySftpAccessKey \\(${BAD}:22:3\\)`);
    expect(markdown).toMatch(
      /- ➖ \*\*no-long-lived-credentials\*\* `Credential::aws-access-key`: .* _\(waived by EXC-101\)_\n/,
    );
    expect(markdown).toContain(
      '- ❌ **no-wildcard-privilege** `NotAction::s3:*`: Policy all-but-s3 uses Effect Allow with NotAction "s3:\\*"',
    );
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('says passed for a clean change', () => {
    expect(checkExample(GOOD, 'markdown').output.split('\n')[0]).toBe('### ✅ Entitlement Guard: passed');
  });

  it("keeps a comment under GitHub's size limit, saying how many findings it left out", () => {
    const finding = (index: number) => ({
      ruleId: 'require-owner',
      level: 'mandatory' as const,
      resource: { type: 'AWS::IAM::Role', name: `Role${index}` },
      message: 'x'.repeat(500),
      remediation: 'fix',
      frameworks: [],
    });
    const findings = Array.from({ length: 400 }, (_, index) => finding(index));
    const result: EvaluationResult = {
      findings,
      summary: {
        total: 400,
        blocking: 400,
        mandatory: 400,
        advisory: 0,
        waived: 0,
        pending: 0,
        identities: 400,
        secrets: 0,
        byRule: { 'require-owner': 400 },
      },
    };
    const markdown = formatMarkdown(result);
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toMatch(/_\d+ more findings not shown; see the full report \(JSON or SARIF\)\._/);
  });
});

describe('Markdown escaping', () => {
  it('renders names as literal text, never HTML or Markdown', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [link](http://x) a|b\nc')).toBe(
      '\\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* \\[link\\]\\(http://x\\) a\\|b c',
    );
  });

  it("leaves apostrophes and quotes as they are (no entity shows up literally: catalog's, not catalog&#39;s)", () => {
    expect(escapeMarkdown(`the catalog's owners ("team-data") & <entitlement ids>`)).toBe(
      `the catalog's owners \\("team-data"\\) \\& \\<entitlement ids\\>`,
    );
  });

  it('fences code spans past any backticks in the text and keeps table pipes literal', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
  });
});
