// Reading callgrind's output for the instruction-counting benchmarks (cdk-synth-instructions.mjs,
// user-apps-instructions.mjs): a run under `--separate-threads=yes --callgrind-out-file=<prefix>.%p` writes one file
// per thread, `<prefix>.<pid>-<thread>`, thread 1 being the main thread.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The main thread's instructions and all threads' together, of the run written under `prefix`. */
export function threadCounts(prefix) {
  const dir = dirname(prefix);
  const threads = readdirSync(dir)
    .filter((file) => file.startsWith(`${basename(prefix)}.`) && /-\d+$/.test(file))
    .map((file) => ({ thread: Number(file.split('-').pop()), instructions: summaryOf(join(dir, file)) }));
  const main = threads.find(({ thread }) => thread === 1)?.instructions;
  if (main === undefined) throw new Error(`${prefix}: callgrind wrote no count for the main thread`);
  return { main, all: threads.reduce((sum, { instructions }) => sum + instructions, 0) };
}

function summaryOf(file) {
  const match = /^(?:summary|totals): (\d+)/m.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no instruction count`);
  return Number(match[1]);
}
