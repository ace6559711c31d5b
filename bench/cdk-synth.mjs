// Synth cost of the Entitlement Guard CDK front-ends on a generated app: 2,000 roles (three policy statements and
// one managed policy each), 200 users, 100 secrets, spread over 20 stacks so each stays within CloudFormation's
// 500-resource limit (a single stack of 4,300 resources makes the CDK throw before the assembly is written, so
// nothing after template rendering, validation plugins included, would run). Each variant runs in a fresh Node
// process (median of RUNS), timing construction + app.synth() in-process (wall and CPU), and peak RSS.
// Run after `npm run build`:
//   node bench/cdk-synth.mjs [runs=5] [validation=both|off|on]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.argv[2] ?? 5);
const VALIDATION = process.argv[3] ?? 'both';
const STACKS = 20;
const ROLES = 2000;
const USERS = 200;
const SECRETS = 100;
const VARIANTS = (process.env.EG_BENCH_ONLY ?? 'bare,aspect,plugin,nag-pack,awssolutions').split(',');

if (process.env.EG_BENCH_VARIANT) await runOne(process.env.EG_BENCH_VARIANT, process.env.EG_BENCH_VALIDATION === 'on');
else runAll();

function runAll() {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  const modes = VALIDATION === 'both' ? ['off', 'on'] : [VALIDATION];
  for (const validation of modes) {
    for (const variant of VARIANTS) {
      const samples = [];
      for (let run = 0; run < RUNS; run++) {
        const child = spawnSync(process.execPath, [self], {
          env: { ...process.env, EG_BENCH_VARIANT: variant, EG_BENCH_VALIDATION: validation, NODE_ENV: 'production' },
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        const line = child.stdout.split('\n').find((text) => text.startsWith('{'));
        if (!line) throw new Error(`${variant}: ${child.stderr.slice(-2000)}`);
        samples.push(JSON.parse(line));
      }
      const median = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
      const fastest = Math.min(...samples.map((sample) => sample.seconds));
      rows.push({ validation, variant, seconds: median('seconds'), fastest, cpuSeconds: median('cpuSeconds'), peakMiB: median('peakMiB'), outcome: samples[0].outcome });
    }
  }
  console.log(`median of ${RUNS} runs; 2,000 roles, 200 users, 100 secrets in ${STACKS} stacks; construction + app.synth()`);
  for (const validation of modes) {
    const bare = rows.find((row) => row.validation === validation && row.variant === 'bare').seconds;
    console.log(`\nCloudFormation validation ${validation}`);
    console.log('variant        synth s   added s   added %   fastest s   cpu s   peak MiB   outcome');
    for (const row of rows.filter((entry) => entry.validation === validation)) {
      const added = row.seconds - bare;
      console.log(
        `${row.variant.padEnd(14)} ${row.seconds.toFixed(2).padStart(7)} ${added.toFixed(2).padStart(9)} ${((added / bare) * 100).toFixed(1).padStart(8)}% ` +
          `${row.fastest.toFixed(2).padStart(11)} ${row.cpuSeconds.toFixed(2).padStart(7)} ${String(row.peakMiB).padStart(10)}   ${row.outcome}`,
      );
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
  const guard = await import('entitlement-guard/cdk');
  const catalog = fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url));

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // No construct stack traces, as under the cdk CLI (in-process they make every annotation costly).
  const outdir = mkdtempSync(join(tmpdir(), 'eg-bench-'));
  const app = new App({
    outdir,
    builtinCloudFormationValidation: validation,
    context: { 'aws:cdk:disable-stack-trace': true },
  });
  for (let stackIndex = 0; stackIndex < STACKS; stackIndex++) {
    const stack = new Stack(app, `Bench${stackIndex}`);
    for (let index = stackIndex * (ROLES / STACKS); index < (stackIndex + 1) * (ROLES / STACKS); index++) {
      const role = new iam.Role(stack, `Role${index}`, {
        roleName: `payments-api-${index}`,
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        maxSessionDuration: Duration.hours(1),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSLambdaBasicExecutionRole')],
      });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [`arn:aws:dynamodb:eu-west-1:111122223333:table/payments-${index}`] }));
      role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [`arn:aws:dynamodb:eu-west-1:111122223333:table/payments-${index}`] }));
      role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [`arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/${index}`] }));
    }
    for (let index = stackIndex * (USERS / STACKS); index < (stackIndex + 1) * (USERS / STACKS); index++) {
      const user = new iam.User(stack, `User${index}`, { userName: `batch-user-${index}` });
      Tags.of(user).add('owner', 'team-data');
    }
    for (let index = stackIndex * (SECRETS / STACKS); index < (stackIndex + 1) * (SECRETS / STACKS); index++) {
      const secret = new secretsmanager.Secret(stack, `Secret${index}`, { secretName: `payments/${index}` });
      Tags.of(secret).add('owner', 'team-payments');
    }
  }
  if (variant === 'aspect') Aspects.of(app).add(new guard.EntitlementGuard({ catalog }));
  if (variant === 'plugin') Validations.of(app).addPlugins(new guard.EntitlementGuardValidation({ catalog }));
  if (variant === 'nag-pack') Validations.of(app).addPlugins(new guard.EntitlementGuardChecks(app, { catalog }));
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
  rmSync(outdir, { recursive: true, force: true });
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), outcome }));
}
