// The fuzz suite over a range of seeds, out of CI: each seed is one run of test/fuzz at FUZZ_RUNS inputs per property
// (4 properties), one after another, so the default (seeds 2402026–2402035 at 2,500) checks 100,000 inputs. Prints
// each seed's inputs and result and the total; exits 1 at the first seed that fails (its replay command is in the
// output). Usage:
//   node scripts/fuzz-long.mjs [firstSeed=2402026] [seeds=10] [runsPerProperty=2500]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const first = Number(process.argv[2] ?? 2_402_026);
const seeds = Number(process.argv[3] ?? 10);
const runs = Number(process.argv[4] ?? 2_500);
const PROPERTIES = 4;
const repo = join(import.meta.dirname, '..');
const vitest = join(repo, 'node_modules/vitest/vitest.mjs');

let total = 0;
const started = performance.now();
for (let seed = first; seed < first + seeds; seed++) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
    cwd: repo,
    env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const counted = [...run.stdout.matchAll(/fuzz (\w+): (\d+) inputs from seed (\d+), none failed/g)];
  const inputs = counted.filter((match) => Number(match[3]) === seed).reduce((sum, match) => sum + Number(match[2]), 0);
  const seconds = ((performance.now() - start) / 1000).toFixed(0);
  if (run.status !== 0 || counted.length !== PROPERTIES) {
    process.stdout.write(run.stdout + run.stderr);
    console.log(
      `seed ${seed}: FAILED after ${seconds} s (${inputs} inputs passed before it); ${total + inputs} inputs passed in all`,
    );
    process.exit(1);
  }
  total += inputs;
  console.log(`seed ${seed}: ${inputs} inputs, none failed (${seconds} s)`);
}
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(`seeds ${first}–${first + seeds - 1}: ${total} inputs, none failed (${minutes} min)`);
