// Each report format on the same 10,000 findings, beside JSON, in one run. The change is one generated
// CloudFormation template of failing roles (an s3:* inline policy on every resource, no owner, no catalog), checked once;
// each format is then rendered ROUNDS times from the same evaluation, in the same process, the way the CLI renders it
// (resource lines come from the parser, on each finding), and its UTF-8 size counted (which reads every character,
// as writing the report does). Medians of the rounds.
// The CLI renders one format per process, so one format's garbage must not be collected on another's time: each
// rendering starts after a full collection (the script runs itself again with --expose-gc when gc is not exposed), and
// the order of the formats rotates each round, so none always follows the same one. The load average is printed
// before and after: on a shared machine it says how far the wall times can be trusted.
// Run after `npm run build`:
//   node bench/report-formats.mjs [findings=10000] [rounds=5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './support/stats.mjs';

if (typeof globalThis.gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}

const TARGET_FINDINGS = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 5);
/** Each generated role gives three findings under the built-in defaults: Action::s3:*, Catalog::default, Owner::missing. */
const FINDINGS_PER_ROLE = 3;

const { loadChange, evaluateChange } = await import('../dist/src/cli/load-inputs.js');
const { allRules } = await import('../dist/src/rules/index.js');
const { formatJson } = await import('../dist/src/reporters/json.js');
const { formatText } = await import('../dist/src/reporters/text.js');
const { formatSarif } = await import('../dist/src/reporters/sarif.js');
const { formatJunit } = await import('../dist/src/reporters/junit.js');
const { formatMarkdown } = await import('../dist/src/reporters/markdown.js');

const directory = mkdtempSync(join(tmpdir(), 'eg-report-bench-'));
try {
  const roles = Math.ceil(TARGET_FINDINGS / FINDINGS_PER_ROLE);
  const file = join(directory, 'roles.template.yaml');
  writeFileSync(file, template(roles));
  const loaded = loadChange({ paths: [file], cwd: directory });
  if (!('model' in loaded)) throw new Error(loaded.errors.join('\n'));
  const result = evaluateChange(loaded, {});
  const formats = {
    json: () => formatJson(result),
    text: () => formatText(result),
    sarif: () => formatSarif(result, allRules, { toolVersion: 'bench' }),
    junit: () => formatJunit(result, { rules: allRules, catalog: loaded.catalog, model: loaded.model }),
    markdown: () => formatMarkdown(result),
  };
  const times = Object.fromEntries(Object.keys(formats).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(formats).map((name) => [name, []]));
  const sizes = {};
  const names = Object.keys(formats);
  const loadBefore = loadavg();
  for (let round = 0; round < ROUNDS; round++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(round + index) % names.length];
      const render = formats[name];
      globalThis.gc();
      const start = performance.now();
      const startCpu = process.cpuUsage();
      // Counting the UTF-8 bytes reads the whole text, as writing it does: a report built as a rope of appended pieces
      // is copied into one string here, inside the timing, not left for the writer.
      sizes[name] = Buffer.byteLength(render());
      const used = process.cpuUsage(startCpu);
      times[name].push(performance.now() - start);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  // Wall time and CPU time (all threads of the process, the collector's included): on a shared machine the wall time
  // also counts waiting for a core, so the CPU ratio is the steadier of the two.
  const json = median(times.json);
  const jsonCpu = median(cpu.json);
  const load = (averages) => averages.map((value) => value.toFixed(1)).join(' ');
  console.log(
    `${result.findings.length} findings on ${roles} roles; median of ${ROUNDS} renderings in one process; load average ${load(loadBefore)} before, ${load(loadavg())} after`,
  );
  console.log('format     wall ms    × JSON    CPU ms    × JSON     UTF-8 bytes');
  for (const name of Object.keys(formats)) {
    const ms = median(times[name]);
    const cpuMs = median(cpu[name]);
    console.log(
      `${name.padEnd(8)} ${ms.toFixed(1).padStart(9)} ${(ms / json).toFixed(2).padStart(9)} ${cpuMs.toFixed(1).padStart(9)} ${(cpuMs / jsonCpu).toFixed(2).padStart(9)} ${String(sizes[name]).padStart(15)}`,
    );
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

function template(roles) {
  const lines = ['Resources:'];
  for (let index = 0; index < roles; index++) {
    lines.push(
      `  Role${index}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
      '      Policies:',
      '        - PolicyName: admin',
      '          PolicyDocument:',
      '            Statement:',
      "              - { Effect: Allow, Action: 's3:*', Resource: '*' }",
    );
  }
  return `${lines.join('\n')}\n`;
}
