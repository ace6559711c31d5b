// `entitlement-guard check` on a generated cdk.out (bench/support/cdk-out.mjs, the cdk.out of user-setups.mjs's CLI
// benchmark, with bench/support/catalog.yaml, which it complies with), counted in machine instructions by valgrind's
// callgrind, for one build or several side by side. Node runs with --single-threaded --predictable
// --predictable-gc-schedule: the JIT compiles and the GC collects on the main thread, on a schedule that does not
// depend on time, so the count repeats (one build counted twice at 25,000 resources, parse and model build only:
// 3,005,239,894 and 3,005,199,463 instructions, 0.001 % apart), where CPU time on this project's shared machines
// spreads by 10 % and more, and a count without --predictable moved by 10 % between runs of one build. Each build's
// JSON report is compared with the first build's: a change that alters the output is not a speed-up.
//
//   npm run build && node bench/cli-instructions.mjs [--resources 25000] [--runs 1] [--build name=DIR ...]
//   DIR: the root of another checkout with its dist/ built (a worktree of an earlier commit, say); this checkout is
//   always counted, as "this". Each run takes about two minutes per build at 25,000 resources.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCdkOut } from './support/cdk-out.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    resources: { type: 'string', default: '25000' },
    runs: { type: 'string', default: '1' },
    build: { type: 'string', multiple: true, default: [] },
  },
});
const builds = [
  { name: 'this', root: ROOT },
  ...args.build.map((entry) => {
    const [name, dir] = entry.split('=');
    if (!name || !dir) throw new Error(`--build ${entry}: expected name=DIR`);
    return { name, root: resolve(dir) };
  }),
];
if (spawnSync('valgrind', ['--version']).error) {
  console.error('valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'eg-cli-instructions-'));
try {
  const cdkOut = join(work, 'cdk.out');
  mkdirSync(cdkOut);
  const resources = writeCdkOut(cdkOut, Number(args.resources));
  console.log(`entitlement-guard check, cdk.out of ${resources} resources, callgrind (instructions, all threads)`);
  let reference;
  for (let run = 0; run < Number(args.runs); run++) {
    for (const build of builds) {
      const prefix = join(work, `${build.name}-${run}`);
      const child = spawnSync(
        'valgrind',
        [
          '--tool=callgrind',
          `--callgrind-out-file=${prefix}.%p`,
          process.execPath,
          '--single-threaded',
          '--predictable',
          '--predictable-gc-schedule',
          join(build.root, 'dist', 'bundle', 'cli.js'),
          'check',
          cdkOut,
          '--catalog',
          join(ROOT, 'bench', 'support', 'catalog.yaml'),
          '--format',
          'json',
        ],
        { encoding: 'utf8', maxBuffer: 1 << 30 },
      );
      if (child.status !== 0 && child.status !== 1)
        throw new Error(`${build.name}: check exited ${child.status}\n${child.stderr.slice(-2000)}`);
      const name = prefix.split('/').pop();
      const instructions = readdirSync(work)
        .filter((file) => file.startsWith(`${name}.`))
        .map((file) => Number(/^totals: (\d+)/m.exec(readFileSync(join(work, file), 'utf8'))?.[1] ?? 0))
        .reduce((sum, value) => sum + value, 0);
      const output = createHash('sha256').update(child.stdout).digest('hex').slice(0, 12);
      reference ??= output;
      console.log(
        `${build.name.padEnd(12)} run ${run + 1}: ${(instructions / 1e9).toFixed(6)} G instructions · exit ${child.status} · report ${output}${output === reference ? '' : ' (DIFFERS from the first build)'}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
