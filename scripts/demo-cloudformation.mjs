#!/usr/bin/env node
// Runs the built CLI (`npm run build` first; `npm run demo` does both) on the two CloudFormation examples
// with the example catalog, prints each report, and exits 0 only if the bad stack is blocked (exit 1) and the
// good stack passes (exit 0).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/bundle/cli.js');
if (!existsSync(cli)) {
  console.error(`demo: ${cli} is missing; run \`npm run build\` first`);
  process.exit(2);
}

const cases = [
  { title: 'bad-stack: long-lived keys, wildcards, admin, open trust, unrotated secret', file: 'examples/cloudformation/bad-stack.template.yaml', expected: 1 },
  { title: 'good-stack: compliant with examples/catalog.yaml', file: 'examples/cloudformation/good-stack.template.yaml', expected: 0 },
  {
    title: 'privileged-access/bad: break-glass trusting the account root (CI reaches it), break-glass without MFA, standing admin labelled just in time',
    file: 'examples/privileged-access/bad.template.yaml',
    expected: 1,
  },
  { title: 'privileged-access/good: a break-glass role and a just-in-time admin role, with no exception', file: 'examples/privileged-access/good.template.yaml', expected: 0 },
];

let ok = true;
for (const { title, file, expected } of cases) {
  const args = ['check', file, '--catalog', 'examples/catalog.yaml'];
  console.log(`\n=== ${title}\n$ entitlement-guard ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const verdict = run.status === expected ? 'as expected' : `expected ${expected}`;
  console.log(`--- exit code ${run.status} (${verdict})`);
  ok &&= run.status === expected;
}
process.exit(ok ? 0 : 1);
