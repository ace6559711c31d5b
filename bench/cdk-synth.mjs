// Synth cost of the Entitlement Guard CDK front-ends on the generated app of support/cdk-app.mjs (2,000 roles,
// 200 users, 100 secrets in 20 stacks). Each sample runs in a fresh Node process, timing construction +
// app.synth() in-process, and peak RSS. Each round takes one sample of every variant (in an order that rotates),
// and what a variant adds is the median over rounds of its difference to bare in the same round, so a change in
// machine speed during the run falls on both sides of each difference. Wall time on a shared machine also counts
// time spent waiting for a CPU; main-thread CPU time (where the CDK and the plugins run) does not, so it is the
// steadier measure of what a plugin adds; process CPU adds the GC and compiler threads.
// Run after `npm run build`:
//   node bench/cdk-synth.mjs [runs=5] [validation=both|off|on]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROLES, SECRETS, STACKS, USERS, addBenchStacks } from './support/cdk-app.mjs';
import { median, quantile } from './support/stats.mjs';
import { OUR_VARIANTS, VARIANTS } from './support/variants.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const VALIDATION = process.argv[3] ?? 'both';
/**
 * What each variant must end with, so a figure is never taken from a different case than the one named: the app
 * complies with the bench catalog (0 findings) and fails examples/catalog.yaml on every role (2,400 require-entitlement
 * errors; the expired exception of that catalog is a warning). AwsSolutionsChecks' report fails (IAM4 on every role).
 */
const EXPECTED_OUTCOMES = {
  bare: /^synthesized, 0 /,
  aspect: /^synthesized, 0 /,
  'aspect-failing': /^synthesized, 2400 /,
  plugin: /^synthesized, 0 /,
  'nag-pack': /^synthesized, 0 /,
  awssolutions: /^validation report failed$/,
};

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
  /** rounds[validation][round][variant]: one sample of every variant per round, in an order that rotates each round. */
  const rounds = Object.fromEntries(modes.map((validation) => [validation, []]));
  for (const validation of modes) {
    for (let run = 0; run < RUNS; run++) {
      const round = {};
      for (let index = 0; index < VARIANTS.length; index++) {
        const variant = VARIANTS[(run + index) % VARIANTS.length];
        round[variant] = sample(variant, validation);
      }
      rounds[validation].push(round);
    }
  }
  console.log(
    `median of ${RUNS} rounds; ${ROLES} roles, ${USERS} users, ${SECRETS} secrets in ${STACKS} stacks; construction + app.synth()`,
  );
  console.log(
    "'added' is the median over rounds of (variant - bare) in the same round, so slow drifts in machine speed cancel out.",
  );
  for (const validation of modes) printTable(validation, rounds[validation]);
}

function printTable(validation, rounds) {
  const of = (variant, key) => rounds.map((round) => round[variant][key]);
  const differences = (variant, key) => rounds.map((round) => round[variant][key] - round.bare[key]);
  const added = (variant, key) => median(differences(variant, key));
  // Where the middle half of the per-round differences lies: how far one run's 'added' can be trusted.
  const spread = (variant, key) => {
    const values = differences(variant, key);
    return `${quantile(values, 0.25).toFixed(2)}..${quantile(values, 0.75).toFixed(2)}`;
  };
  const bare = { seconds: median(of('bare', 'seconds')), mainCpuSeconds: median(of('bare', 'mainCpuSeconds')) };
  console.log(`\nCloudFormation validation ${validation}`);
  console.log('                     wall                          main-thread CPU                         process');
  console.log(
    'variant              s     added   added %  fastest    s     added   added %   added IQR     cpu s  peak MiB  outcome',
  );
  for (const variant of VARIANTS) {
    const cells = [
      median(of(variant, 'seconds')).toFixed(2).padStart(6),
      added(variant, 'seconds').toFixed(2).padStart(8),
      `${((added(variant, 'seconds') / bare.seconds) * 100).toFixed(1).padStart(8)}%`,
      Math.min(...of(variant, 'seconds'))
        .toFixed(2)
        .padStart(8),
      median(of(variant, 'mainCpuSeconds')).toFixed(2).padStart(6),
      added(variant, 'mainCpuSeconds').toFixed(2).padStart(8),
      `${((added(variant, 'mainCpuSeconds') / bare.mainCpuSeconds) * 100).toFixed(1).padStart(8)}%`,
      spread(variant, 'mainCpuSeconds').padStart(12),
      median(of(variant, 'cpuSeconds')).toFixed(2).padStart(6),
      String(median(of(variant, 'peakMiB'))).padStart(9),
    ];
    console.log(`${variant.padEnd(18)} ${cells.join(' ')}  ${rounds[0][variant].outcome}`);
  }
  if (!VARIANTS.includes('awssolutions')) return;
  for (const key of ['seconds', 'mainCpuSeconds']) {
    const reference = added('awssolutions', key);
    const ratios = OUR_VARIANTS.map((variant) => `${variant} ${(added(variant, key) / reference).toFixed(2)}`).join(
      ', ',
    );
    console.log(`added / AwsSolutionsChecks' added (${key === 'seconds' ? 'wall' : 'main-thread CPU'}): ${ratios}`);
  }
}

async function runOne(variant, validation) {
  const { App, Aspects, Duration, Stack, Tags, Validations } = await import('aws-cdk-lib');
  const iam = await import('aws-cdk-lib/aws-iam');
  const secretsmanager = await import('aws-cdk-lib/aws-secretsmanager');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // The app complies with the bench catalog (the steady state of a gated repository: everything checked, nothing
  // reported); under examples/catalog.yaml (`aspect-failing`) every role is reported, the worst case for reporting.
  const catalog = fileURLToPath(
    new URL(variant === 'aspect-failing' ? '../examples/catalog.yaml' : './support/catalog.yaml', import.meta.url),
  );
  // Node's start and these imports, which cdk-synth-instructions.mjs subtracts from bare's count.
  if (variant === 'imports') return;

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
  if (variant === 'aspect' || variant === 'aspect-failing') {
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
  let assembly;
  try {
    assembly = app.synth();
  } catch (error) {
    // A validation report with violations throws in-process once every plugin has run: the time until then is
    // the cost being measured. Anything else is a broken benchmark.
    if (!String(error).includes('ValidationFailed')) throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const mainCpu = process.threadCpuUsage(mainCpuStarted);
  const outcome = assembly
    ? `synthesized, ${errorAnnotations(assembly)} error annotations`
    : 'validation report failed';
  const expected = EXPECTED_OUTCOMES[variant];
  if (expected && !expected.test(outcome))
    throw new Error(`${variant}: ${outcome}, expected ${expected}: the bench app or its catalog changed`);
  if (!process.env.EG_BENCH_OUTDIR) rmSync(outdir, { recursive: true, force: true });
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mainCpuSeconds = (mainCpu.user + mainCpu.system) / 1e6;
  console.log(
    JSON.stringify({
      seconds,
      cpuSeconds,
      mainCpuSeconds,
      peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      outcome,
    }),
  );
}

/** The error annotations (an aspect's findings) the synthesis wrote into the cloud assembly. */
function errorAnnotations(assembly) {
  return assembly.stacks.reduce(
    (sum, stack) => sum + stack.messages.filter((message) => message.level === 'error').length,
    0,
  );
}
