// Issue 15: "a check of a template without managed policies costs no more than before" the managed-policy dataset,
// measured side by side in one run. The baseline is the commit before data/aws-managed-policies.jsonl was added (the
// parent of the commit that added it; --baseline COMMIT picks another). It is checked out in a temporary git worktree
// whose node_modules is a symlink to this checkout's (no install, no network) and built there; the current build is
// this checkout's dist/ (run `npm run build` first).
//
// The check: the templates of the CDK benchmark app (support/cdk-app.mjs: 2,000 roles, 200 users, 100 secrets in 20
// stacks), synthesized once, with every ManagedPolicyArns removed, under the built-in catalog, so nothing in the check
// names a managed policy. Each round runs, for each build in an order that alternates between rounds:
// - a fresh process that imports the build's public API (dist/bundle/index.js), builds the model and evaluates it once
//   (cold: what one CLI run or one synth pays, JIT warm-up included), then WARM more times (warm), timing each step,
//   and recording every file it reads (node:fs wrapped before the import) to say whether the managed-policy data
//   file was opened;
// - the build's CLI, `check <templates> --format json`, as a whole process (start-up, template loading with source
//   positions, check, report).
// The ratio column is the median over rounds of current / baseline in the same round, so a change in machine speed
// during the run falls on both sides of each ratio. Wall times count waiting for a core on a shared machine; the
// main thread's CPU time does not (process.threadCpuUsage, in ticks of a few ms on some kernels), so the CPU rows are
// the steadier. Below the totals, each phase of a check (model building, each rule, via the engine's onRule) in CPU
// time, cold and warm, says where a difference comes from.
//
// Usage, after `npm run build`:
//   node bench/engine-baseline.mjs [rounds=7] [--baseline COMMIT] [--warm 5] [--keep] [--reuse DIR]
// --keep leaves the built baseline worktree and the templates in place and prints where; --reuse DIR takes them from
// there instead of building and synthesizing again (when DIR's worktree is at the baseline commit), and keeps them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, quantile } from './support/stats.mjs';
import { synthesizeBenchApp } from './support/bench-assembly.mjs';

const self = fileURLToPath(import.meta.url);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const DATA_FILE = 'data/aws-managed-policies.jsonl';

if (process.env.EG_BASELINE_CHILD)
  await child(process.env.EG_BASELINE_CHILD, process.env.EG_BASELINE_INPUTS, Number(process.env.EG_BASELINE_WARM));
else main(options(process.argv.slice(2)));

function options(args) {
  const parsed = { rounds: 7, warm: 5, baseline: undefined, keep: false, reuse: undefined };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--baseline') parsed.baseline = args[++index];
    else if (arg === '--warm') parsed.warm = Number(args[++index]);
    else if (arg === '--keep') parsed.keep = true;
    else if (arg === '--reuse') parsed.reuse = args[++index];
    else if (/^\d+$/.test(arg)) parsed.rounds = Number(arg);
    else
      throw new Error(
        `unknown argument ${arg}; usage: node bench/engine-baseline.mjs [rounds=7] [--baseline COMMIT] [--warm 5] [--keep] [--reuse DIR]`,
      );
  }
  return parsed;
}

function git(...args) {
  return execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
}

function main({ rounds, warm, baseline, keep, reuse }) {
  if (!existsSync(join(REPO, 'dist/bundle/index.js')))
    throw new Error('no dist/bundle/index.js: run `npm run build` first');
  const added = git('log', '--diff-filter=A', '--format=%H', '--', DATA_FILE).split('\n').at(-1);
  const baseCommit = git('rev-parse', '--verify', `${baseline ?? `${added}^`}^{commit}`);
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'catalog') !== '';
  const scratch = reuse ?? mkdtempSync(join(tmpdir(), 'eg-engine-baseline-'));
  const tree = join(scratch, 'baseline');
  const reusing = reuse !== undefined && existsSync(join(tree, 'dist/bundle/index.js'));
  if (reusing && execFileSync('git', ['rev-parse', 'HEAD'], { cwd: tree, encoding: 'utf8' }).trim() !== baseCommit)
    throw new Error(`${tree} is not at the baseline commit ${baseCommit}`);
  try {
    console.log(
      `baseline ${baseCommit.slice(0, 7)} ${baseline ? '(--baseline)' : `(parent of ${added.slice(0, 7)}, which added ${DATA_FILE})`}: ${git('log', '-1', '--format=%s', baseCommit).slice(0, 100)}`,
    );
    console.log(
      `current  ${head}${dirty ? ' with uncommitted changes under src/ or catalog/' : ''} (this checkout's dist/)`,
    );
    if (reusing) console.log(`baseline build and templates reused from ${scratch}`);
    else {
      git('worktree', 'add', '--detach', '--quiet', tree, baseCommit);
      symlinkSync(join(REPO, 'node_modules'), join(tree, 'node_modules'), 'dir');
      const started = performance.now();
      const build = spawnSync('npm', ['run', 'build'], { cwd: tree, encoding: 'utf8' });
      if (build.status !== 0)
        throw new Error(`baseline build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
      console.log(`baseline built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const inputs = reusing ? join(scratch, 'templates') : templatesWithoutManagedPolicies(join(scratch, 'templates'));
    const builds = { baseline: tree, current: REPO };
    /** samples[build][round] */
    const samples = { baseline: [], current: [] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['baseline', 'current'] : ['current', 'baseline'];
      for (const name of order)
        samples[name].push({ ...inProcess(builds[name], inputs, warm), cli: cli(builds[name], inputs) });
    }
    report(samples, rounds, warm, inputs);
  } finally {
    if (keep || reuse !== undefined)
      console.log(`\nkept ${scratch} (--reuse ${scratch} skips the build and the synth)`);
    else cleanUp(scratch, tree);
  }
}

function cleanUp(scratch, tree) {
  try {
    if (existsSync(tree)) git('worktree', 'remove', '--force', tree);
  } catch (error) {
    console.error(`could not remove the worktree ${tree}: ${error.message}`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

/** The CDK benchmark app's templates, synthesized by cdk-synth.mjs, every ManagedPolicyArns removed, as template files. */
function templatesWithoutManagedPolicies(directory) {
  const assembly = join(directory, '..', 'cdk.out');
  synthesizeBenchApp(assembly);
  mkdirSync(directory);
  let removed = 0;
  for (const file of readdirSync(assembly).filter((name) => name.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(assembly, file), 'utf8'));
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Properties?.ManagedPolicyArns !== undefined) {
        delete resource.Properties.ManagedPolicyArns;
        removed++;
      }
    }
    writeFileSync(join(directory, file), JSON.stringify(template, null, 1));
  }
  rmSync(assembly, { recursive: true, force: true });
  if (removed === 0)
    throw new Error('the app attaches no managed policy: nothing was removed, so the variant is not the one named');
  return directory;
}

function inProcess(root, inputs, warm) {
  const result = spawnSync(process.execPath, [self], {
    env: { ...process.env, EG_BASELINE_CHILD: root, EG_BASELINE_INPUTS: inputs, EG_BASELINE_WARM: String(warm) },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${root}: ${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout);
}

function cli(root, inputs) {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(root, 'dist/bundle/cli.js'), 'check', inputs, '--format', 'json', '--now', '2026-06-01'],
    {
      cwd: inputs,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${root} CLI exit ${result.status}: ${result.stderr.slice(-3000)}`);
  return { ms, exitCode: result.status, findings: JSON.parse(result.stdout).findings.length };
}

/** One build's public API in a fresh process: import, one cold check, `warm` warm ones; every file read recorded. */
async function child(root, inputs, warm) {
  const filesRead = [];
  const fs = createRequire(import.meta.url)('node:fs');
  for (const name of ['readFileSync', 'openSync']) {
    const original = fs[name];
    fs[name] = function (file, ...rest) {
      filesRead.push(String(file));
      return original.call(this, file, ...rest);
    };
  }
  syncBuiltinESMExports();
  const templates = readdirSync(inputs)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => ({
      stack: basename(file, '.template.json'),
      file,
      template: JSON.parse(readFileSync(join(inputs, file), 'utf8')),
    }));
  // One copy of the templates per check, made before any timing (the adapter may annotate what it reads).
  const copies = Array.from({ length: warm + 1 }, () => structuredClone(templates));
  const threadCpu = () => {
    const usage = process.threadCpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const cpuStart = process.cpuUsage();
  let mark = { wall: performance.now(), cpu: threadCpu() };
  /** Wall time and this thread's CPU time since the last lap: the CPU time leaves out waiting for a core. */
  const lap = () => {
    const now = { wall: performance.now(), cpu: threadCpu() };
    const spent = { wall: now.wall - mark.wall, cpu: now.cpu - mark.cpu };
    mark = now;
    return spent;
  };
  const api = await import(pathToFileURL(join(root, 'dist/bundle/index.js')).href);
  const imported = lap();
  /** Per phase (model, engine set-up, each rule) of one check, this thread's CPU ms. */
  const check = (copy, phases) => {
    let phaseMark = threadCpu();
    const phase = (name) => {
      const now = threadCpu();
      phases[name] = (phases[name] ?? 0) + now - phaseMark;
      phaseMark = now;
    };
    const model = api.modelFromTemplates(copy);
    phase('model');
    let current = 'engine set-up';
    const result = api.evaluate(model, {
      catalog: api.defaultCatalog(),
      onRule: (id) => {
        phase(current);
        current = `rule ${id}`;
      },
    });
    phase(current);
    return result;
  };
  const coldPhases = {};
  const result = check(copies[0], coldPhases);
  const cold = lap();
  const warmLaps = [];
  const warmPhases = [];
  for (let index = 1; index <= warm; index++) {
    const phases = {};
    check(copies[index], phases);
    warmLaps.push(lap());
    warmPhases.push(phases);
  }
  const phases = Object.fromEntries(
    Object.keys(coldPhases).map((name) => [
      name,
      { cold: coldPhases[name], warm: median(warmPhases.map((p) => p[name] ?? 0)) },
    ]),
  );
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    JSON.stringify({
      importMs: imported.wall,
      coldMs: cold.wall,
      coldCpuMs: cold.cpu,
      warmMs: median(warmLaps.map((spent) => spent.wall)),
      warmCpuMs: median(warmLaps.map((spent) => spent.cpu)),
      cpuMs: (cpu.user + cpu.system) / 1000,
      phases,
      findings: result.findings.length,
      identities: result.summary.identities,
      dataFileOpened: filesRead.some((file) => file.endsWith('aws-managed-policies.jsonl')),
    }),
  );
}

function report(samples, rounds, warm, inputs) {
  const { baseline, current } = samples;
  console.log(
    `\n${readdirSync(inputs).length} templates without managed policies, built-in catalog; ${rounds} rounds, builds interleaved`,
  );
  for (const [name, runs] of Object.entries(samples)) {
    const first = runs[0];
    const opened = runs.map((run) => run.dataFileOpened);
    console.log(
      `${name.padEnd(8)}: ${first.identities} identities, ${first.findings} findings in-process, CLI exit ${first.cli.exitCode} with ${first.cli.findings} findings; managed-policy data file opened: ${opened.every(Boolean) ? 'yes' : opened.some(Boolean) ? 'in some runs' : 'no'}`,
    );
  }
  console.log(
    '\nms (median of rounds)                          baseline    current   current/baseline (median, quartiles of per-round ratios)',
  );
  const rows = [
    ['import the public API', (s) => s.importMs],
    ['first check (cold), wall', (s) => s.coldMs],
    ['first check (cold), main-thread CPU', (s) => s.coldCpuMs],
    [`warm check (median of ${warm}), wall`, (s) => s.warmMs],
    [`warm check (median of ${warm}), CPU`, (s) => s.warmCpuMs],
    ['process CPU (import + all checks)', (s) => s.cpuMs],
    ['CLI check, whole process (wall)', (s) => s.cli.ms],
  ];
  const phaseRows = [...new Set([...Object.keys(baseline[0].phases), ...Object.keys(current[0].phases)])].flatMap(
    (name) => [
      [`  ${name}, cold CPU`, (s) => s.phases[name]?.cold ?? 0],
      [`  ${name}, warm CPU`, (s) => s.phases[name]?.warm ?? 0],
    ],
  );
  rows.push(...phaseRows);
  for (const [label, of] of rows) {
    const ratios = baseline.map((sample, round) => of(current[round]) / of(sample)).filter(Number.isFinite);
    const spread =
      ratios.length === 0
        ? '     -'
        : `${median(ratios).toFixed(2).padStart(6)} (${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)})`;
    console.log(
      `${label.padEnd(46)} ${median(baseline.map(of)).toFixed(1).padStart(9)} ${median(current.map(of)).toFixed(1).padStart(10)}   ${spread}`,
    );
  }
}
