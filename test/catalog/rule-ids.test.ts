/**
 * One source per fact: catalog/rule-ids.ts and the schema's rule-id lists are generated from the rules' meta.id and
 * the order of src/rules/index.ts (scripts/generate-rule-ids.mjs, run by the build). The committed copies must be
 * what the generator writes, and must name exactly the registered rules.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { RULE_IDS } from '../../catalog/index.js';
import { allRules } from '../../src/rules/index.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');

it('RULE_IDS names exactly the registered rules, in the same order', () => {
  expect(allRules.map((rule) => rule.meta.id)).toEqual([...RULE_IDS]);
});

it('the committed rule-id lists are what the generator writes from the rules (--check: nothing stale)', () => {
  const run = spawnSync(process.execPath, [join(REPO, 'scripts/generate-rule-ids.mjs'), '--check'], {
    encoding: 'utf8',
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
});
