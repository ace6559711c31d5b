/**
 * The AWS Security Reference Architecture (aws-samples/aws-security-reference-architecture-examples, MIT-0): 19 of
 * its CloudFormation templates, copied verbatim into test/corpus/sra/templates, chosen for their IAM (organization
 * configuration roles trusted by the management account, StackSet administration and execution roles, Lambda roles
 * with iam, organizations and kms actions, KMS key, bucket, secret and event bus policies). Each is checked on its own
 * twice: with no catalog, as a first run does, and with test/corpus/sra/catalog.yaml (the SRA's accounts and
 * organization trusted) and the deployment's account ids from parameters.json. The verdicts and findings are exactly
 * those in the snapshot, each judged in test/corpus/sra/README.md.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { templateFiles } from './support/each-template.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(import.meta.dirname, 'sra');
const TEMPLATES = join(CORPUS, 'templates');
const DEPLOYMENT: Record<string, string> = JSON.parse(readFileSync(join(CORPUS, 'parameters.json'), 'utf8'));

/** The deployment's values for the parameters a template declares (a value for one it does not is refused). */
function parametersOf(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  return Object.fromEntries(
    Object.entries(DEPLOYMENT).filter(([name]) => new RegExp(`^  ${name}:`, 'm').test(text)),
  );
}

function check(file: string, withCatalog: boolean) {
  return runCheck({
    paths: [relative(REPO, file)],
    format: 'json',
    now: new Date('2026-12-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'corpus',
    ...(withCatalog ? { catalogPath: join(CORPUS, 'catalog.yaml'), parameters: parametersOf(file) } : {}),
  });
}

/** Per template: exit code, errors, then every finding as rule, level, resource, detail (and pending). */
function snapshot(withCatalog: boolean): string {
  const lines: string[] = [];
  for (const file of templateFiles(TEMPLATES)) {
    const result = check(file, withCatalog);
    lines.push(`${relative(TEMPLATES, file)}: exit ${result.exitCode}`);
    for (const error of result.errors) lines.push(`  error ${error}`);
    for (const f of result.result?.findings ?? [])
      lines.push(
        `  ${[f.ruleId, f.level, f.resource.name, f.detail || '-', ...(f.pending ? ['pending'] : [])].join(' ')}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

describe('AWS Security Reference Architecture templates, one check each', () => {
  it('with no catalog: exactly the snapshot verdicts and findings', async () => {
    await expect(snapshot(false)).toMatchFileSnapshot('__snapshots__/sra-corpus-no-catalog.txt');
  });

  it("with the SRA's accounts trusted and the deployment's account ids: exactly the snapshot", async () => {
    await expect(snapshot(true)).toMatchFileSnapshot('__snapshots__/sra-corpus-catalog.txt');
  });
});
