// Synth cost of the Entitlement Guard CDK front-ends on the generated app of support/cdk-app.mjs (2,000 roles,
// 200 users, 100 secrets in 20 stacks). Each sample runs in a fresh Node process, timing construction +
// app.synth() in-process, and peak RSS. The variants take turns (one sample of each, RUNS times), so a change in
// machine load falls on all of them alike; the table shows medians. Wall time on a shared machine also counts
// time spent waiting for a CPU; main-thread CPU time (where the CDK and every plugin run) does not, so it is the
// steadier measure of what a variant adds. Process CPU adds the GC and compiler threads.
// Run after `npm run build`:
//   node bench/cdk-synth.mjs [runs=5] [validation=both|off|on]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROLES, SECRETS, STACKS, USERS, addBenchStacks } from './support/cdk-app.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const VALIDATION = process.argv[3] ?? 'both';
const VARIANTS = (process.env.EG_BENCH_ONLY ?? 'bare,aspect,plugin,nag-pack,awssolutions').split(',');

if (process.env.EG_BENCH_VARIANT) await runOne(process.env.EG_BENCH_VARIANT, process.env.EG_BENCH_VALIDATION === 'on');
else runAll();

function sample(variant, validation) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, EG_BENCH_VARIANT: variant, EG_BENCH_VALIDATION: validation, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const line = child.stdout.split('\n').find((text) => text.startsWith('{'));
  if (!line) throw new Error(`${variant}: ${child.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

function runAll() {
  const modes = VALIDATION === 'both' ? ['off', 'on'] : [VALIDATION];
  const samples = new Map(modes.flatMap((validation) => VARIANTS.map((variant) => [`${validation}/${variant}`, []])));
  for (const validation of modes) {
    for (let run = 0; run < RUNS; run++) {
      for (const variant of VARIANTS) samples.get(`${validation}/${variant}`).push(sample(variant, validation));
    }
  }
  console.log(`median of ${RUNS} runs; ${ROLES} roles, ${USERS} users, ${SECRETS} secrets in ${STACKS} stacks; construction + app.synth()`);
  for (const validation of modes) {
    const median = (variant, key) => {
      const values = samples.get(`${validation}/${variant}`).map((entry) => entry[key]).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    const bare = median('bare', 'seconds');
    console.log(`\nCloudFormation validation ${validation}`);
    const bareMain = median('bare', 'mainCpuSeconds');
    console.log('                 wall                          main-thread CPU          process');
    console.log('variant          s     added   added %  fastest    s     added   added %  cpu s  peak MiB  outcome');
    for (const variant of VARIANTS) {
      const seconds = median(variant, 'seconds');
      const main = median(variant, 'mainCpuSeconds');
      const fastest = Math.min(...samples.get(`${validation}/${variant}`).map((entry) => entry.seconds));
      const cells = [
        seconds.toFixed(2).padStart(6),
        (seconds - bare).toFixed(2).padStart(8),
        `${(((seconds - bare) / bare) * 100).toFixed(1).padStart(8)}%`,
        fastest.toFixed(2).padStart(8),
        main.toFixed(2).padStart(6),
        (main - bareMain).toFixed(2).padStart(8),
        `${(((main - bareMain) / bareMain) * 100).toFixed(1).padStart(8)}%`,
        median(variant, 'cpuSeconds').toFixed(2).padStart(6),
        String(median(variant, 'peakMiB')).padStart(9),
      ];
      console.log(`${variant.padEnd(14)} ${cells.join(' ')}  ${samples.get(`${validation}/${variant}`)[0].outcome}`);
    }
  }
}

async function runOne(variant, validation) {
  const { App, Aspects, Duration, Stack, Tags, Validations } = await import('aws-cdk-lib');
  const iam = await import('aws-cdk-lib/aws-iam');
  const secretsmanager = await import('aws-cdk-lib/aws-secretsmanager');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const catalog = fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url));

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const mainCpuStarted = process.threadCpuUsage();
  const outdir = process.env.EG_BENCH_OUTDIR ?? mkdtempSync(join(tmpdir(), 'eg-bench-'));
  // No construct stack traces, as under the cdk CLI (in-process they make every annotation costly).
  const app = new App({
    outdir,
    builtinCloudFormationValidation: validation,
    context: { 'aws:cdk:disable-stack-trace': true },
  });
  addBenchStacks(app, { Duration, Stack, Tags, iam, secretsmanager });
  // Loading a tool is part of what adding it costs a synth: each variant imports its own package in the timed part.
  if (variant === 'aspect') {
    const { EntitlementGuard } = await import('entitlement-guard/cdk');
    Aspects.of(app).add(new EntitlementGuard({ catalog }));
  }
  if (variant === 'plugin') {
    const { EntitlementGuardValidation } = await import('entitlement-guard/cdk');
    Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog }));
  }
  if (variant === 'nag-pack') {
    const { EntitlementGuardChecks } = await import('entitlement-guard/cdk-nag');
    Validations.of(app).addPlugins(new EntitlementGuardChecks(app, { catalog }));
  }
  if (variant === 'awssolutions') {
    const { AwsSolutionsChecks } = await import('cdk-nag');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  let outcome = 'synthesized';
  try {
    app.synth();
  } catch (error) {
    // A validation report with violations throws in-process once every plugin has run: the time until then is
    // the cost being measured. Anything else is a broken benchmark.
    if (!String(error).includes('ValidationFailed')) throw error;
    outcome = 'validation report failed';
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const mainCpu = process.threadCpuUsage(mainCpuStarted);
  if (!process.env.EG_BENCH_OUTDIR) rmSync(outdir, { recursive: true, force: true });
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mainCpuSeconds = (mainCpu.user + mainCpu.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, mainCpuSeconds, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), outcome }));
}
