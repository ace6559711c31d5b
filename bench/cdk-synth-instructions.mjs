// What each CDK front-end adds to a synth of the bench app (bench/cdk-synth.mjs), counted in machine instructions
// by valgrind's callgrind instead of seconds. A count does not move with the machine's load or clock, so a
// difference of a few percent shows in one run, where wall time on a shared 2-core machine spreads by ±10 %. It
// counts work, not waiting: what a worker thread does beside the synthesis adds to "other threads" and to the
// synthesis' time only where no core is free. Each variant runs once, whole (Node's start and the imports
// included), under `valgrind --tool=callgrind --separate-threads=yes` (about 50 times slower than natively);
// `imports` (bench/cdk-synth.mjs up to construction) is subtracted from bare to give the synth's own count.
// Run after `npm run build`, with valgrind installed:
//   node bench/cdk-synth-instructions.mjs [validation=off|on]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadCounts } from './support/callgrind.mjs';
import { OUR_VARIANTS, VARIANTS } from './support/variants.mjs';

const VALIDATION = process.argv[2] ?? 'off';
const SYNTH_BENCH = fileURLToPath(new URL('./cdk-synth.mjs', import.meta.url));

if (spawnSync('valgrind', ['--version']).error) {
  console.error('valgrind is not installed (Debian: apt-get install valgrind)');
  process.exit(1);
}

const outDir = mkdtempSync(join(tmpdir(), 'eg-callgrind-'));
try {
  const counts = await countAll(['imports', ...VARIANTS]);
  printTable(counts);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

/** Runs the variants under callgrind, as many at once as there are cores (a count does not depend on the load). */
async function countAll(variants) {
  const counts = {};
  const queue = [...variants];
  const runNext = async () => {
    for (let variant = queue.shift(); variant; variant = queue.shift()) counts[variant] = await count(variant);
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), variants.length) }, runNext));
  return counts;
}

/** Instructions of one run of a variant: the main thread's, and every other thread's (V8's helpers). */
function count(variant) {
  const prefix = join(outDir, variant);
  const args = [
    '--tool=callgrind',
    '--separate-threads=yes',
    `--callgrind-out-file=${prefix}.%p`,
    process.execPath,
    SYNTH_BENCH,
  ];
  const env = { ...process.env, EG_BENCH_VARIANT: variant, EG_BENCH_VALIDATION: VALIDATION, NODE_ENV: 'production' };
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${variant}: valgrind exited with ${code}\n${stderr}`));
      try {
        const { main, all } = threadCounts(prefix);
        resolve({ main, other: all - main });
      } catch (error) {
        reject(error);
      }
    });
  });
}

function printTable(counts) {
  const giga = (value) => (value / 1e9).toFixed(2);
  const bare = counts.bare;
  const synth = {
    main: bare.main - counts.imports.main,
    all: bare.main + bare.other - counts.imports.main - counts.imports.other,
  };
  const added = (variant) => ({
    main: counts[variant].main - bare.main,
    all: counts[variant].main + counts[variant].other - bare.main - bare.other,
  });
  console.log(
    `instructions (G), one callgrind run each, CloudFormation validation ${VALIDATION}; bare's own synth (less imports): ${giga(synth.main)} main thread, ${giga(synth.all)} all threads`,
  );
  console.log('variant              main  added  added %   other threads  all added  added %');
  for (const variant of VARIANTS) {
    const { main, other } = counts[variant];
    const more = added(variant);
    const cells = [
      giga(main).padStart(6),
      giga(more.main).padStart(6),
      `${((more.main / synth.main) * 100).toFixed(1).padStart(7)}%`,
      giga(other).padStart(15),
      giga(more.all).padStart(10),
      `${((more.all / synth.all) * 100).toFixed(1).padStart(7)}%`,
    ];
    console.log(`${variant.padEnd(18)} ${cells.join(' ')}`);
  }
  if (!counts.awssolutions) return;
  for (const key of ['main', 'all']) {
    const reference = added('awssolutions')[key];
    const ratios = OUR_VARIANTS.map((variant) => `${variant} ${(added(variant)[key] / reference).toFixed(2)}`).join(
      ', ',
    );
    console.log(`added / AwsSolutionsChecks' added (${key === 'main' ? 'main thread' : 'all threads'}): ${ratios}`);
  }
}
