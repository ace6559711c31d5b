// The engine's evaluate() alone, counted in machine instructions by valgrind's callgrind: the templates of the CDK
// benchmark app (support/cdk-app.mjs, 2,200 identities) synthesized once, the model built and the catalog loaded
// outside the count, then one cold evaluate() counted (callgrind_control switches instrumentation on and off around
// it), under the catalog the app fails on every role (examples/catalog.yaml, 2,402 findings) and the one it complies
// with (support/catalog.yaml, none). Node runs --single-threaded --predictable --predictable-gc-schedule, so the JIT
// compiles and the GC collects on the main thread, on a schedule that does not depend on time: the count repeats
// exactly (session 41: 1.224 G three times for one build, failing), where without --predictable it moved by ±6 % from
// run to run (1.047–1.186 G), more than most changes are worth. About a third of a cold evaluate() is TurboFan
// compiling, so a small edit can move what gets compiled either way: count every change.
// Run after `npm run build`, with valgrind installed:
//   node bench/engine-instructions.mjs [runs=2] [--catalogs failing,compliant]
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { synthesizeBenchApp } from './support/bench-assembly.mjs';

const self = fileURLToPath(import.meta.url);

const CATALOGS = {
  failing: fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url)),
  compliant: fileURLToPath(new URL('./support/catalog.yaml', import.meta.url)),
};

if (process.env.EG_BENCH_ASSEMBLY) await counted(process.env.EG_BENCH_ASSEMBLY, process.env.EG_BENCH_CATALOG);
else {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { catalogs: { type: 'string', default: 'failing,compliant' } },
  });
  const catalogs = values.catalogs.split(',');
  const unknown = catalogs.filter((name) => !Object.hasOwn(CATALOGS, name));
  if (unknown.length > 0) throw new Error(`--catalogs: ${unknown.join(', ')}: expected failing or compliant`);
  await run(Number(positionals[0] ?? 2), catalogs);
}

async function run(runs, catalogs) {
  if (spawnSync('valgrind', ['--version']).error) {
    console.error('valgrind is not installed (Debian: apt-get install valgrind)');
    process.exit(1);
  }
  const assembly = mkdtempSync(join(tmpdir(), 'eg-engine-instructions-'));
  try {
    synthesizeBenchApp(assembly);
    for (const catalog of catalogs)
      for (let index = 0; index < runs; index++) {
        const { instructions, findings } = await count(
          assembly,
          catalog,
          join(assembly, `callgrind-${catalog}-${index}`),
        );
        console.log(
          `evaluate(), ${catalog} catalog: ${(instructions / 1e9).toFixed(3)} G instructions (${findings} findings)`,
        );
      }
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}

/** One child under callgrind, instrumented only between its two handshakes. */
function count(assembly, catalog, prefix) {
  const args = [
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${prefix}.%p`,
    process.execPath,
    '--single-threaded',
    '--predictable',
    '--predictable-gc-schedule',
    self,
  ];
  const child = spawn('valgrind', args, {
    env: { ...process.env, EG_BENCH_ASSEMBLY: assembly, EG_BENCH_CATALOG: catalog, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (let end = stderr.indexOf('\n'); end >= 0; end = stderr.indexOf('\n')) {
      const line = stderr.slice(0, end);
      stderr = stderr.slice(end + 1);
      const handshake = /^@@instrument (on|off)$/.exec(line);
      if (!handshake) continue;
      execFileSync('callgrind_control', ['-i', handshake[1], String(child.pid)], { stdio: 'ignore' });
      child.stdin.write('go\n');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`valgrind exited with ${code}\n${stderr}`));
      const name = prefix.split('/').pop();
      const instructions = readdirSync(join(prefix, '..'))
        .filter((file) => file.startsWith(`${name}.`))
        .map((file) => Number(/^totals: (\d+)/m.exec(readFileSync(join(prefix, '..', file), 'utf8'))?.[1] ?? 0))
        .reduce((sum, value) => sum + value, 0);
      resolve({ instructions, findings: JSON.parse(stdout).findings });
    });
  });
}

/** The child: everything but evaluate() outside the count. */
async function counted(assembly, catalogName) {
  const { loadCatalog } = await import('../dist/src/index.js');
  const { modelFromTemplates } = await import('../dist/src/adapters/cloudformation/to-model.js');
  const { evaluate } = await import('../dist/src/engine/index.js');
  const inputs = readdirSync(assembly)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => ({
      stack: file.replace('.template.json', ''),
      template: JSON.parse(readFileSync(join(assembly, file), 'utf8')),
      paths: {},
    }));
  const catalog = loadCatalog(CATALOGS[catalogName]);
  const model = modelFromTemplates(inputs);
  const handshake = (state) => {
    process.stderr.write(`@@instrument ${state}\n`);
    readSync(0, Buffer.alloc(16), 0, 16, null);
  };
  handshake('on');
  const result = evaluate(model, { catalog, pending: 'fail-closed', now: new Date('2026-06-01T00:00:00Z') });
  handshake('off');
  console.log(JSON.stringify({ findings: result.findings.length }));
}
