// The CDK apps of bench/user-setups.mjs (TypeScript through tsx or ts-node, as users run them), counted in machine instructions
// by valgrind's callgrind instead of seconds: on this project's shared 2-core machines a small app's added time
// spreads by ±0.1 s from run to run, about the whole 100 ms budget, where a count repeats.
//
// Each variant runs `node --import tsx <variant>.ts` (ts-node: ts-node's own bin in the same process, `--prefer-ts-exts`,
// type-checked, as `cdk init` runs it), with what the cdk CLI passes an app (support/cdk-cli-env.mjs),
// once to warm the catalog cache, then under callgrind. By default Node runs with --single-threaded --predictable
// --predictable-gc-schedule (as bench/cli-instructions.mjs): V8 compiles and collects garbage on the main thread, on a
// schedule that does not depend on timing, so a count repeats (with V8's helper threads, the main thread's count of
// one build moved by 5 % from run to run). That is more work on one thread than a user's synth does: compare added
// counts, a variant with the bare app, a build with another.
//   npm run build && node bench/user-apps-instructions.mjs [--shapes small,large] [--runners tsx-cjs,tsx-esm,ts-node]
//     [--variants bare,guard,guard-failing,awssolutions,annotations-floor] [--threads]
// annotations-floor (not counted by default): an aspect that judges nothing and puts the failing app's number of error
// annotations, of its messages' length, on the same constructs: the CDK's own share of what the failing app adds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { threadCounts } from './support/callgrind.mjs';
import { cdkCliEnv } from './support/cdk-cli-env.mjs';

const { values: args } = parseArgs({
  options: {
    shapes: { type: 'string', default: 'small' },
    runners: { type: 'string', default: 'tsx-cjs' },
    variants: { type: 'string', default: 'bare,guard,guard-failing,awssolutions' },
    threads: { type: 'boolean', default: false },
  },
});

if (spawnSync('valgrind', ['--version']).error) {
  console.error('valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(1);
}

// ts-node compiles a CommonJS app in its own process (it forks only for ES modules), so callgrind counts it whole.
const TS_NODE_BIN = fileURLToPath(new URL('../node_modules/ts-node/dist/bin.js', import.meta.url));
const PREDICTABLE = ['--single-threaded', '--predictable', '--predictable-gc-schedule'];
const work = mkdtempSync(join(tmpdir(), 'eg-user-apps-'));
try {
  const written = spawnSync(
    process.execPath,
    [
      new URL('./user-setups.mjs', import.meta.url).pathname,
      '--only',
      'cdk',
      '--runners',
      args.runners,
      '--shapes',
      args.shapes,
      '--write-apps',
      work,
    ],
    { encoding: 'utf8' },
  );
  if (written.status !== 0) throw new Error(`bench/user-setups.mjs --write-apps: ${written.stderr}`);
  const variants = args.variants.split(',');
  console.log(
    `instructions (G), one callgrind run each, node ${process.version} ${args.threads ? '' : PREDICTABLE.join(' ')}, catalog cache warm`,
  );
  for (const app of readdirSync(work)
    .filter((name) => !name.startsWith('callgrind'))
    .sort()) {
    // Each count printed as it is made: a large app's four take most of an hour, and a failure loses none of them.
    const counts = Object.fromEntries(
      variants.map((variant) => {
        const counted = count(join(work, app), variant);
        console.log(`${app} ${variant}: main ${counted.main}, all threads ${counted.all}`);
        return [variant, counted];
      }),
    );
    printApp(app, counts);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Main thread and all threads of one run of `<variant>.ts` in the app's folder, after a warming run. */
function count(dir, variant) {
  // An app folder is named <shape>-<runner> (bench/user-setups.mjs --write-apps).
  const runner = dir.endsWith('-ts-node')
    ? [TS_NODE_BIN, '--prefer-ts-exts', `${variant}.ts`]
    : ['--import', 'tsx', `${variant}.ts`];
  const node = [...(args.threads ? [] : PREDICTABLE), ...runner];
  // As bench/user-setups.mjs times it: the context `cdk synth` passes (construct stack traces off).
  const env = { ...process.env, ...cdkCliEnv(join(dir, `cdk.out-${variant}`)) };
  // AwsSolutionsChecks writes megabytes of findings to stderr: past spawnSync's default 1 MiB buffer the child is killed.
  const warm = spawnSync(process.execPath, node, { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (!finished(warm, variant))
    throw new Error(`${dir} ${variant}: exited ${warm.status}\n${warm.stderr.slice(-2000)}`);
  const prefix = join(dir, `callgrind-${variant}`);
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${prefix}.%p`, process.execPath, ...node],
    { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 },
  );
  if (!finished(run, variant))
    throw new Error(`${dir} ${variant}: valgrind exited ${run.status}\n${run.stderr.slice(-2000)}`);
  return threadCounts(prefix);
}

/**
 * Whether a run ended as its variant must: exit 0, or for AwsSolutionsChecks exit 1 after the app caught the failed
 * validation report (aws-cdk-lib sets the exit code when a validation plugin's report fails) and said so.
 */
function finished(result, variant) {
  if (result.status === 0) return true;
  return (
    variant === 'awssolutions' && result.status === 1 && result.stdout.includes('@@outcome validation report failed')
  );
}

function printApp(app, counts) {
  const giga = (value) => (value / 1e9).toFixed(3);
  const { bare, awssolutions } = counts;
  console.log(`\n## ${app}`);
  console.log(
    'variant        | main thread | added           | all threads | added           | added / AwsSolutionsChecks added (main, all)',
  );
  for (const [variant, { main, all }] of Object.entries(counts)) {
    const added = (key, value) =>
      bare && variant !== 'bare'
        ? `${giga(value - bare[key])} (${((100 * (value - bare[key])) / bare[key]).toFixed(1)} %)`
        : '—';
    const share =
      bare && awssolutions && variant !== 'bare' && variant !== 'awssolutions'
        ? `${((main - bare.main) / (awssolutions.main - bare.main)).toFixed(2)}, ${((all - bare.all) / (awssolutions.all - bare.all)).toFixed(2)}`
        : '—';
    console.log(
      `${variant.padEnd(14)} | ${giga(main).padStart(11)} | ${added('main', main).padEnd(15)} | ${giga(all).padStart(11)} | ${added('all', all).padEnd(15)} | ${share}`,
    );
  }
}
