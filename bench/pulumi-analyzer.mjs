/**
 * Pulumi gate benchmark: AnalyzeStack (and Analyze, resource by resource) over 10,000 resources through the
 * analyzer gRPC protocol, for the Entitlement Guard pack and, in the same run, for @pulumi/awsguard (installed by
 * the benchmark on its first run, see support/awsguard.mjs: it is not a project dependency).
 * Prints each pack's start-up time and time per resource, medians of several runs.
 *
 *   npm run build && node bench/pulumi-analyzer.mjs [resources=10000] [runs=5]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzerClient, startEngine, startPack } from '../test/pulumi/support/analyzer-client.mjs';
import { resolveAwsguard } from './support/awsguard.mjs';
import { pulumiStack as stack } from './support/pulumi-stack.mjs';
import { median } from './support/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESOURCES = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 5);

/**
 * An AwsGuard pack with every policy mandatory, in a scratch directory (a pack is a directory with package.json).
 * @pulumi/awsguard is installed on first use by bench/support/awsguard.mjs, not by the project's install.
 */
function awsguardPack() {
  const awsguard = resolveAwsguard();
  const dir = mkdtempSync(join(tmpdir(), 'awsguard-pack-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'awsguard-bench', version: '0.0.1', main: 'index.js' }),
  );
  writeFileSync(
    join(dir, 'index.js'),
    `const { AwsGuard } = require(${JSON.stringify(awsguard)});\nnew AwsGuard({ all: 'mandatory' });\n`,
  );
  return dir;
}

async function measure(label, packDir, engine, records, config = {}) {
  const startups = [];
  const stackTimes = [];
  const resourceTimes = [];
  let diagnostics = 0;
  for (let run = 0; run < RUNS; run++) {
    const pack = await startPack(packDir, engine.address);
    startups.push(pack.startupMs);
    const client = analyzerClient(pack.port);
    try {
      await client.configure(config);
      let started = performance.now();
      diagnostics = (await client.analyzeStack(records)).length;
      stackTimes.push(performance.now() - started);
      started = performance.now();
      for (const record of records) await client.analyze(record);
      resourceTimes.push(performance.now() - started);
    } finally {
      client.close();
      await pack.stop();
    }
  }
  const perResource = (ms) => `${((ms / records.length) * 1000).toFixed(0)} µs/resource`;
  console.log(
    `${label.padEnd(20)} start-up ${median(startups).toFixed(0).padStart(5)} ms | ` +
      `AnalyzeStack ${median(stackTimes).toFixed(0).padStart(6)} ms (${perResource(median(stackTimes))}) | ` +
      `Analyze x${records.length} ${median(resourceTimes).toFixed(0).padStart(6)} ms (${perResource(median(resourceTimes))}) | ` +
      `${diagnostics} stack diagnostics`,
  );
}

const records = stack(RESOURCES);
const engine = await startEngine();
const awsguardDir = awsguardPack();
console.log(`${records.length} resources, median of ${RUNS} runs, node ${process.version}`);
try {
  // Every policy reads the example catalog, in which payments-api-* is a known service identity.
  const catalogPath = join(ROOT, 'examples', 'catalog.yaml');
  const { allRules } = await import('../dist/src/rules/index.js');
  const { effectiveLevel } = await import('../dist/src/engine/evaluate.js');
  const { loadCatalog } = await import('../dist/catalog/index.js');
  const catalog = loadCatalog(catalogPath);
  const config = Object.fromEntries(
    allRules.map((rule) => [
      rule.meta.id,
      { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath } },
    ]),
  );
  await measure('entitlement-guard', join(ROOT, 'policypack'), engine, records, config);
  await measure('@pulumi/awsguard', awsguardDir, engine, records);
} finally {
  rmSync(awsguardDir, { recursive: true, force: true });
  await engine.close();
}
