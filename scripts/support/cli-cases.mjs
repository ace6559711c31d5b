// The CLI parts of `npm run demo`: runs the built CLI (`npm run build` first) on each case with the example catalog,
// prints each report, and exits 0 only if every case ends with the exit code it expects.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {{ title: string, file: string, expected: number }[]} cases */
export function runCliCases(cases) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const cli = join(root, 'dist/bundle/cli.js');
  if (!existsSync(cli)) {
    console.error(`demo: ${cli} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
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
}
