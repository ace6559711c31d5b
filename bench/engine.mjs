// The engine alone on the templates of the CDK benchmark app (support/cdk-app.mjs), synthesized once: catalog
// load, model building and each rule, in fresh processes (cold: what one `cdk synth` or CLI run pays, JIT
// warm-up included) and after warm-up (the same work repeated in one process). Medians of RUNS processes.
// Run after `npm run build`:
//   node bench/engine.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './support/stats.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const WARM_ROUNDS = 5;
const self = fileURLToPath(import.meta.url);

if (process.env.EG_BENCH_ASSEMBLY) await measure(process.env.EG_BENCH_ASSEMBLY);
else run();

function run() {
  const assembly = mkdtempSync(join(tmpdir(), 'eg-engine-bench-'));
  try {
    const synth = spawnSync(process.execPath, [fileURLToPath(new URL('cdk-synth.mjs', import.meta.url))], {
      env: { ...process.env, EG_BENCH_VARIANT: 'bare', EG_BENCH_VALIDATION: 'off', EG_BENCH_OUTDIR: assembly },
      encoding: 'utf8',
    });
    if (synth.status !== 0) throw new Error(synth.stderr);
    const samples = [];
    for (let index = 0; index < RUNS; index++) {
      const child = spawnSync(process.execPath, [self], { env: { ...process.env, EG_BENCH_ASSEMBLY: assembly }, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      samples.push(JSON.parse(child.stdout));
    }
    const { findings, identities } = samples[0];
    console.log(`median of ${RUNS} processes; ${identities} identities, ${findings} findings (ms)`);
    console.log('phase                          cold      warm');
    for (const phase of Object.keys(samples[0].cold)) {
      console.log(`${phase.padEnd(26)} ${median(samples.map((s) => s.cold[phase])).toFixed(1).padStart(8)} ${median(samples.map((s) => s.warm[phase] ?? 0)).toFixed(1).padStart(9)}`);
    }
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}

async function measure(assembly) {
  const { loadCatalog } = await import('entitlement-guard');
  const { modelFromTemplates } = await import('../dist/src/adapters/cloudformation/to-model.js');
  const { evaluate } = await import('../dist/src/engine/check.js');
  const inputs = readdirSync(assembly)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => ({ stack: file.replace('.template.json', ''), template: JSON.parse(readFileSync(join(assembly, file), 'utf8')), paths: {} }));
  const round = (times, catalogPath) => {
    let mark = performance.now();
    const lap = (phase) => {
      const now = performance.now();
      times[phase] = (times[phase] ?? 0) + now - mark;
      mark = now;
    };
    const catalog = loadCatalog(catalogPath);
    lap('catalog');
    const model = modelFromTemplates(inputs);
    lap('model');
    let current;
    const result = evaluate(model, {
      catalog,
      pending: 'fail-closed',
      onRule: (id) => {
        if (current) lap(`rule ${current}`);
        else lap('engine set-up');
        current = id;
      },
    });
    lap(`rule ${current}`);
    times.total = Object.entries(times).reduce((sum, [phase, ms]) => (phase === 'total' ? sum : sum + ms), 0);
    return { result, model };
  };
  const catalogPath = fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url));
  const cold = {};
  const { result, model } = round(cold, catalogPath);
  let warm = {};
  for (let index = 0; index < WARM_ROUNDS; index++) round((warm = {}), catalogPath);
  console.log(JSON.stringify({ cold, warm, findings: result.findings.length, identities: model.identities.length }));
}
