/**
 * cfn-lint's template fixtures (aws-cloudformation/cfn-lint test/fixtures/templates, copied verbatim into
 * test/corpus/cfn-lint/templates): 246 templates written to exercise a linter, good and bad, most of them nobody's
 * IAM. Each goes through the CLI on its own as a new user would run it (no catalog). Every template gives a verdict
 * (exit 0 or 1), or a located error (exit 2) that says what is wrong with the input; none throws. The verdicts, the
 * errors and the findings of the rules that judge content are exactly those in the snapshot, judged in
 * test/corpus/cfn-lint/README.md.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const TEMPLATES = join(REPO, 'test/corpus/cfn-lint/templates');
/** Rules whose findings follow from having no catalog (one or two per identity): counted, not listed. */
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

function templateFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? templateFiles(path) : /\.(json|ya?ml)$/.test(entry.name) ? [path] : [];
    });
}

describe("cfn-lint's template fixtures, one check each", () => {
  const files = templateFiles(TEMPLATES);
  const checks = files.map((file) => ({
    file: relative(TEMPLATES, file),
    result: runCheck({
      paths: [relative(REPO, file)],
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'corpus',
    }),
  }));

  it('gives each template a verdict or a located error, and reads at least 220 of the 246', () => {
    expect(files).toHaveLength(246);
    for (const { file, result } of checks) {
      expect([0, 1, 2], file).toContain(result.exitCode);
      // An input error names the file (and where it can, the line and column) and says what is wrong, in one line.
      for (const error of result.errors)
        expect(error, file).toMatch(/^test\/corpus\/cfn-lint\/templates\/\S+?(:\d+:\d+)?: \S/);
    }
    expect(checks.filter(({ result }) => result.exitCode !== 2).length).toBeGreaterThanOrEqual(220);
  });

  it('gives exactly the snapshot verdicts, errors and content findings (rule level resource identity detail)', async () => {
    const lines: string[] = [];
    const counts = new Map<string, number>();
    for (const { file, result } of checks) {
      lines.push(`${file}: exit ${result.exitCode}`);
      for (const error of result.errors)
        lines.push(`  error ${error.replace(/^test\/corpus\/cfn-lint\/templates\//, '')}`);
      for (const f of result.result?.findings ?? []) {
        counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        if (CATALOG_RULES.has(f.ruleId)) continue;
        lines.push(
          `  ${[f.ruleId, f.level, f.resource.name, f.identity ?? '-', f.detail || '-', ...(f.pending ? ['pending'] : [])].join(' ')}`,
        );
      }
    }
    const byRule = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `# ${rule}: ${count}`);
    await expect(`${[...byRule, ...lines].join('\n')}\n`).toMatchFileSnapshot('__snapshots__/cfn-lint-corpus.txt');
  });
});
