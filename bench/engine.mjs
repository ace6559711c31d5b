// The engine alone on the templates of the CDK benchmark app (support/cdk-app.mjs), synthesized once: catalog
// load, model building and each rule, in fresh processes (cold: what one `cdk synth` or CLI run pays, JIT
// warm-up included) and after warm-up (the same work repeated in one process). Medians of RUNS processes.
// Two variants: the app as it is (every role holds an AWS managed policy) and the same templates without
// ManagedPolicyArns (a check that never reads the managed-policy data); then, each in a fresh process, what the first
// use of the managed-policy data costs (reading and indexing data/aws-managed-policies.jsonl with the first lookup,
// then parsing and judging one broad policy, ReadOnlyAccess). Each child records the files it reads (node:fs wrapped
// below the engine) and reports whether it opened the managed-policy data file: a check of templates without managed
// policies must not, so it costs what it cost before the data existed.
// Run after `npm run build`:
//   node bench/engine.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './support/stats.mjs';
import { synthesizeBenchApp } from './support/bench-assembly.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const WARM_ROUNDS = 5;
const self = fileURLToPath(import.meta.url);

/**
 * Every file this process reads, recorded below the engine: node:fs's readFileSync and openSync are wrapped and the
 * ES module bindings resynchronized before the engine is imported, so `dataFileOpened` says whether
 * data/aws-managed-policies.jsonl was opened at all, whatever the engine's own bookkeeping says.
 */
const filesRead = [];
if (process.env.EG_BENCH_FIRST_USE || process.env.EG_BENCH_ASSEMBLY) {
  const fs = createRequire(import.meta.url)('node:fs');
  for (const name of ['readFileSync', 'openSync']) {
    const original = fs[name];
    fs[name] = function (file, ...rest) {
      filesRead.push(String(file));
      return original.call(this, file, ...rest);
    };
  }
  syncBuiltinESMExports();
}
const dataFileOpened = () => filesRead.some((file) => file.endsWith('aws-managed-policies.jsonl'));

if (process.env.EG_BENCH_FIRST_USE) await firstUse();
else if (process.env.EG_BENCH_ASSEMBLY)
  await measure(process.env.EG_BENCH_ASSEMBLY, process.env.EG_BENCH_VARIANT ?? 'app');
else run();

function run() {
  const assembly = mkdtempSync(join(tmpdir(), 'eg-engine-bench-'));
  try {
    synthesizeBenchApp(assembly);
    // examples/catalog.yaml lists AWS managed policies in its entitlements (SecurityAudit), which require-entitlement
    // judges by content: the last variant, on the built-in catalog, is a check that meets no managed policy at all.
    for (const variant of ['app', 'no-managed-policies', 'no-managed-policies, built-in catalog']) {
      const samples = [];
      for (let index = 0; index < RUNS; index++)
        samples.push(child({ EG_BENCH_ASSEMBLY: assembly, EG_BENCH_VARIANT: variant }));
      const { findings, identities, managedPolicyDataRead } = samples[0];
      const opened = samples.map((sample) => sample.dataFileOpened);
      console.log(
        `\n${variant}: median of ${RUNS} processes; ${identities} identities, ${findings} findings; managed-policy data read: ${managedPolicyDataRead}; data file opened: ${opened.every(Boolean) ? 'yes' : opened.some(Boolean) ? 'in some runs' : 'no'} (ms)`,
      );
      console.log('phase                          cold      warm');
      for (const phase of Object.keys(samples[0].cold)) {
        console.log(
          `${phase.padEnd(26)} ${median(samples.map((s) => s.cold[phase]))
            .toFixed(1)
            .padStart(8)} ${median(samples.map((s) => s.warm[phase] ?? 0))
            .toFixed(1)
            .padStart(9)}`,
        );
      }
    }
    const firstUses = [];
    for (let index = 0; index < RUNS; index++) firstUses.push(child({ EG_BENCH_FIRST_USE: '1' }));
    console.log(`\nfirst use of the managed-policy data, median of ${RUNS} fresh processes (ms)`);
    for (const step of Object.keys(firstUses[0]))
      console.log(
        `${step.padEnd(58)} ${median(firstUses.map((s) => s[step]))
          .toFixed(1)
          .padStart(8)}`,
      );
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}

function child(env) {
  const result = spawnSync(process.execPath, [self], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

/** Each step of the first managed-policy lookup in a process, timed on its own. */
async function firstUse() {
  const { awsManagedPolicy } = await import('../dist/src/iam/aws/managed.js');
  const { evaluate } = await import('../dist/src/engine/index.js');
  const { defaultCatalog } = await import('entitlement-guard');
  const catalog = defaultCatalog();
  const times = {};
  let mark = performance.now();
  const lap = (step) => {
    const now = performance.now();
    times[step] = now - mark;
    mark = now;
  };
  awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
  lap('read + index the data, parse AWSLambdaBasicExecutionRole');
  awsManagedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess');
  lap('parse ReadOnlyAccess (91 KB)');
  const role = (name, arn) => ({
    id: `S/${name}`,
    cloud: 'aws',
    kind: 'aws-role',
    name,
    resource: { type: 'AWS::IAM::Role', name, stack: 'S' },
    tags: {},
    grants: [{ kind: 'aws-managed-policy', source: { type: 'AWS::IAM::Role', name, stack: 'S' }, arn }],
    credentials: [],
    attachments: [],
  });
  evaluate(
    {
      identities: [role('Fn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
      secrets: [],
      unattachedPolicies: [],
    },
    { catalog },
  );
  lap('check one role holding AWSLambdaBasicExecutionRole');
  evaluate(
    { identities: [role('Viewer', 'arn:aws:iam::aws:policy/ReadOnlyAccess')], secrets: [], unattachedPolicies: [] },
    { catalog },
  );
  lap('check one role holding ReadOnlyAccess (first judgement)');
  if (!dataFileOpened())
    throw new Error(
      'the first managed-policy lookup did not open data/aws-managed-policies.jsonl: the file recorder misses reads',
    );
  console.log(JSON.stringify(times));
}

/** The templates without ManagedPolicyArns: a change that attaches no managed policy. */
function withoutManagedPolicies(template) {
  for (const resource of Object.values(template.Resources ?? {})) delete resource.Properties?.ManagedPolicyArns;
  return template;
}

async function measure(assembly, variant) {
  const noManagedPolicies = variant.startsWith('no-managed-policies');
  const { defaultCatalog, loadCatalog } = await import('entitlement-guard');
  const { modelFromTemplates } = await import('../dist/src/adapters/cloudformation/to-model.js');
  const { evaluate } = await import('../dist/src/engine/index.js');
  const inputs = readdirSync(assembly)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => {
      const template = JSON.parse(readFileSync(join(assembly, file), 'utf8'));
      return {
        stack: file.replace('.template.json', ''),
        template: noManagedPolicies ? withoutManagedPolicies(template) : template,
        paths: {},
      };
    });
  const round = (times, catalogPath) => {
    let mark = performance.now();
    const lap = (phase) => {
      const now = performance.now();
      times[phase] = (times[phase] ?? 0) + now - mark;
      mark = now;
    };
    const catalog = variant.endsWith('built-in catalog') ? defaultCatalog() : loadCatalog(catalogPath);
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
  // Older builds (before data/aws-managed-policies.jsonl) have no such module: compare the same script across builds.
  const dataRead = await import('../dist/src/iam/aws/managed-policies.js').then(
    (module) => module.managedPolicyDataLoaded?.() ?? 'n/a',
    () => 'n/a',
  );
  console.log(
    JSON.stringify({
      cold,
      warm,
      findings: result.findings.length,
      identities: model.identities.length,
      managedPolicyDataRead: dataRead,
      dataFileOpened: dataFileOpened(),
    }),
  );
}
