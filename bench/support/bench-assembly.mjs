import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Synthesizes the CDK benchmark app (cdk-synth.mjs) bare, validation off, into `outdir`: what the engine benchmarks check. */
export function synthesizeBenchApp(outdir) {
  const synth = spawnSync(process.execPath, [fileURLToPath(new URL('../cdk-synth.mjs', import.meta.url))], {
    env: { ...process.env, EG_BENCH_VARIANT: 'bare', EG_BENCH_VALIDATION: 'off', EG_BENCH_OUTDIR: outdir },
    encoding: 'utf8',
  });
  if (synth.status !== 0) throw new Error(synth.stderr);
}
