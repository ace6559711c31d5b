// The engine's evaluate() alone, counted in machine instructions by valgrind's callgrind: the templates of the CDK
// benchmark app (support/cdk-app.mjs, 2,200 identities) synthesized once, the model built and examples/catalog.yaml
// loaded outside the count, then one cold evaluate() counted (callgrind_control switches instrumentation on and off
// around it). Node runs --single-threaded, so the JIT compiles and the GC marks on the main thread and the count is
// all the work. It still moves from run to run (1.556 and 1.594 G for one build, 13:05 UTC), less than a
// multi-threaded count, whose main thread moves with when compiled code arrives: compare two builds side by side, a
// few runs each.
// Run after `npm run build`, with valgrind installed:
//   node bench/engine-instructions.mjs [runs=2]
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeBenchApp } from './support/bench-assembly.mjs';

const self = fileURLToPath(import.meta.url);

if (process.env.EG_BENCH_ASSEMBLY) await counted(process.env.EG_BENCH_ASSEMBLY);
else await run(Number(process.argv[2] ?? 2));

async function run(runs) {
  if (spawnSync('valgrind', ['--version']).error) {
    console.error('valgrind is not installed (Debian: apt-get install valgrind)');
    process.exit(1);
  }
  const assembly = mkdtempSync(join(tmpdir(), 'eg-engine-instructions-'));
  try {
    synthesizeBenchApp(assembly);
    for (let index = 0; index < runs; index++) {
      const { instructions, findings } = await count(assembly, join(assembly, `callgrind-${index}`));
      console.log(`evaluate(): ${(instructions / 1e9).toFixed(3)} G instructions (${findings} findings)`);
    }
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}

/** One child under callgrind, instrumented only between its two handshakes. */
function count(assembly, prefix) {
  const args = [
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${prefix}.%p`,
    process.execPath,
    '--single-threaded',
    self,
  ];
  const child = spawn('valgrind', args, {
    env: { ...process.env, EG_BENCH_ASSEMBLY: assembly, NODE_ENV: 'production' },
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
async function counted(assembly) {
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
  const catalog = loadCatalog(fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url)));
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
