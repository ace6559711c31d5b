/**
 * Corpora of templates checked one file at a time, as a user runs `entitlement-guard check <file>` with no catalog:
 * the files, each one's result, and the lines a snapshot holds (verdict, input errors, findings of the rules that
 * judge content; the catalog rules' findings, one or two per identity without a catalog, only counted).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { runCheck } from '../../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../../..');
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

export type CheckResult = ReturnType<typeof runCheck>;

/** Every JSON and YAML file below `directory`, in name order. */
export function templateFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? templateFiles(path) : /\.(json|ya?ml)$/.test(entry.name) ? [path] : [];
    });
}

/**
 * Each file below `root` (relative to it) with the result of checking it alone, paths in findings relative to the
 * repository. A directory `together` picks (relative to `root`; the outermost one picked, with all below it) is checked
 * as one change instead, as a user runs `entitlement-guard check <dir>`: a peer's graph fixtures split a role and its
 * binding into two files, and a kustomize tree spreads one install over subdirectories.
 */
export function checkEachTemplate(
  root: string,
  options: { together?: (directory: string) => boolean } = {},
): Map<string, CheckResult> {
  const unitOf = (file: string): string => {
    const parts = relative(root, dirname(file)).split(sep).filter(Boolean);
    for (let length = 1; length <= parts.length; length++) {
      const directory = parts.slice(0, length).join('/');
      if (options.together?.(directory)) return join(root, directory);
    }
    return file;
  };
  const units = new Set(templateFiles(root).map(unitOf));
  return new Map(
    [...units].map((path) => [
      relative(root, path),
      runCheck({
        paths: [relative(REPO, path)],
        format: 'json',
        now: new Date('2026-06-01T00:00:00Z'),
        cwd: REPO,
        toolVersion: 'corpus',
      }),
    ]),
  );
}

/** The snapshot text: finding counts by rule, then per file its exit code, errors and content findings. */
export function snapshotOf(checks: Map<string, CheckResult>, root: string): string {
  const prefix = `${relative(REPO, root)}/`;
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const [file, result] of checks) {
    lines.push(`${file}: exit ${result.exitCode}`);
    for (const error of result.errors)
      lines.push(`  error ${error.startsWith(prefix) ? error.slice(prefix.length) : error}`);
    for (const f of result.result?.findings ?? []) {
      counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      if (CATALOG_RULES.has(f.ruleId)) continue;
      lines.push(
        `  ${[f.ruleId, f.level, f.resource.name, f.identity ?? '-', f.detail || '-', ...(f.pending ? ['pending'] : [])].join(' ')}`,
      );
    }
  }
  const byRule = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `# ${rule}: ${count}`);
  return `${[...byRule, ...lines].join('\n')}\n`;
}
