/**
 * The privilege diff on the AWS regression corpus (test/corpus/aws: templates reproducing public CDK apps, each with its
 * source in its header): every CDK app diffed against itself is empty, and against a copy whose IAM roles' logical ids
 * are all renamed (what renaming their constructs does; most of these roles have no physical name, several share the
 * same privileges, and policies name other renamed roles) lists each role as renamed and no change in privilege.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';
import { runDiff } from '../../src/cli/diff.js';
import type { Audit } from '../../src/audit/types.js';
import type { PrivilegeDiff } from '../../src/diff/index.js';
import { NOW, REPO } from '../audit/support.js';

const CORPUS = join(REPO, 'test/corpus/aws');
const APPS = readdirSync(CORPUS).filter((file) => file.startsWith('cdk-') && file.endsWith('.template.yaml'));
const work = mkdtempSync(join(tmpdir(), 'eg-diff-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The template with every AWS::IAM::Role's logical id renamed, wherever the template names it; and how many. */
function renamedRoles(template: string): { text: string; roles: number } {
  const ids = [...template.matchAll(/^ {2}(\w+):\n {4}Type: AWS::IAM::Role\s*$/gm)].map((match) => match[1]!);
  let text = template;
  for (const id of ids) text = text.replace(new RegExp(`\\b${id}\\b`, 'g'), `${id}Moved`);
  return { text, roles: ids.length };
}

const diff = (base: string, head: string) =>
  JSON.parse(runDiff({ base, head, format: 'json', now: NOW, cwd: REPO }).output) as PrivilegeDiff;

describe('the privilege diff on the CDK apps of the AWS corpus', () => {
  it('covers the corpus', () => {
    expect(APPS.length).toBe(8);
  });

  it.each(APPS)('%s: itself gives an empty diff; its roles renamed give renames only', (file) => {
    const base = join(CORPUS, file);
    const same = diff(base, base);
    expect([same.identities, same.renamed, same.exceptions, same.otherFindings]).toEqual([
      [],
      [],
      [],
      { new: [], resolved: [] },
    ]);
    const { text, roles } = renamedRoles(readFileSync(base, 'utf8'));
    expect(roles).toBeGreaterThan(0);
    const directory = join(work, basename(file, '.template.yaml'));
    mkdirSync(directory, { recursive: true });
    const head = join(directory, file);
    writeFileSync(head, text);
    const renamed = diff(base, head);
    expect(renamed.identities).toEqual([]);
    expect(renamed.otherFindings).toEqual({ new: [], resolved: [] });
    expect(renamed.renamed).toHaveLength(roles);
    expect(
      renamed.renamed.every((rename) => rename.toResource !== rename.fromResource || rename.to !== rename.from),
    ).toBe(true);
    // The audit of the renamed app against the original: the same renames, and every review item unchanged.
    const audited = JSON.parse(
      runAudit({ paths: [head], baseline: base, format: 'json', now: NOW, cwd: REPO }).output,
    ) as Audit;
    expect(audited.baseline!.diff.renamed).toHaveLength(roles);
    expect(audited.baseline!.diff.identities).toEqual([]);
    const items = audited.review!.owners.flatMap((group) => group.items);
    expect(
      items
        .filter((item) => item.since !== 'unchanged')
        .map((item) => `${item.subject} of ${item.identity}: ${item.since}`),
    ).toEqual([]);
    expect(audited.review!.newOrChanged).toBe(0);
  });
});
