/**
 * AWS regression corpus: SAM and CloudFormation templates of aws-samples and aws-cloudformation repositories copied
 * verbatim (serverless-patterns, amazon-bedrock-samples, aws-cloudformation-templates, …), and templates we wrote that
 * reproduce the IAM facts of public apps (aws-samples/aws-cdk-examples
 * synthesized with the real cdk synth, aws-samples/serverless-patterns SAM templates, pulumi/examples AWS programs;
 * each file's header names its source repository, path and commit). The whole directory goes through the CLI as a
 * new user would run it (no catalog): nothing exits 2, and the findings are exactly those in the snapshot, judged
 * in test/corpus/aws/README.md.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = 'test/corpus/aws';
/** Rules whose findings follow from having no catalog (one or two per identity): counted, not listed. */
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

describe('AWS regression corpus', () => {
  const result = runCheck({ paths: [join(REPO, CORPUS)], format: 'json', now: new Date('2026-06-01T00:00:00Z'), cwd: REPO, toolVersion: 'corpus' });

  it('reads every template (no exit 2): at least 25 public apps', () => {
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const templates = readdirSync(join(REPO, CORPUS)).filter((file) => file.endsWith('.template.yaml'));
    expect(templates.length).toBeGreaterThanOrEqual(25);
    const stacks = new Set(result.result!.findings.map((finding) => finding.resource.stack!.split('/')[0]));
    for (const file of templates) expect(stacks).toContain(file.replace('.template.yaml', ''));
  });

  it('gives exactly the snapshot findings (rule level stack/resource identity detail [pending])', async () => {
    const lines: string[] = [];
    const counts = new Map<string, number>();
    for (const f of result.result!.findings) {
      counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      if (CATALOG_RULES.has(f.ruleId)) continue;
      lines.push([f.ruleId, f.level, `${f.resource.stack}/${f.resource.name}`, f.identity ?? '-', f.detail ?? '-', ...(f.pending ? ['pending'] : [])].join(' '));
    }
    const byRule = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `# ${rule}: ${count}`);
    await expect(`${[...byRule, ...lines.sort()].join('\n')}\n`).toMatchFileSnapshot('__snapshots__/aws-corpus.txt');
  });
});
