// Demo: the Pulumi policy pack as `pulumi preview --policy-pack policypack` runs it, without the Pulumi CLI: the
// example programs run under the SDK's mocks (as a preview would plan them), the pack starts as an analyzer plugin,
// and its diagnostics come back over the pulumirpc.Analyzer protocol. Expects `npm run build` (npm run demo does).
// Exit code: 0 when the bad program gets mandatory violations and the good one none.
import { fileURLToPath } from 'node:url';
import { analyzerClient, captureProgram, startEngine, startPack } from '../test/pulumi/support/analyzer-client.mjs';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = path('../examples/catalog.yaml');
const RULES = (await import('../dist/src/rules/index.js')).allRules;
const { loadCatalog } = await import('../dist/catalog/index.js');
const { effectiveLevel } = await import('../dist/src/engine/evaluate.js');

const catalog = loadCatalog(CATALOG);
// What a platform team's policy config holds: every policy at the catalog's level, reading the catalog.
const config = Object.fromEntries(
  RULES.map((rule) => [
    rule.meta.id,
    { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalogPath: CATALOG } },
  ]),
);

const engine = await startEngine();
const pack = await startPack(path('../policypack'), engine.address);
const client = analyzerClient(pack.port);
let ok = true;
try {
  await client.configure(config);
  for (const [title, program, expectBlocked] of [
    ['examples/pulumi-aws/bad', path('../examples/pulumi-aws/bad/index.ts'), true],
    ['examples/pulumi-aws/good', path('../examples/pulumi-aws/good/index.ts'), false],
    ['examples/privileged-access/pulumi-bad.ts', path('../examples/privileged-access/pulumi-bad.ts'), true],
    ['examples/privileged-access/pulumi-good.ts', path('../examples/privileged-access/pulumi-good.ts'), false],
  ]) {
    console.log(`\n$ pulumi preview --policy-pack policypack     (${title}, examples/catalog.yaml)\n`);
    const resources = await captureProgram(program, 'preview');
    const perResource = (await Promise.all(resources.map((resource) => client.analyze(resource)))).flat();
    const diagnostics = [...perResource, ...(await client.analyzeStack(resources))];
    for (const d of diagnostics.sort(
      (a, b) => a.urn.localeCompare(b.urn) || a.policyName.localeCompare(b.policyName),
    )) {
      console.log(
        `  ${d.enforcementLevel === 'mandatory' ? '✖' : '!'} ${d.policyName} (${d.enforcementLevel})  ${d.urn.split('::').pop() || '(stack)'}`,
      );
      console.log(`      ${d.message.split('\n')[0]}`);
    }
    const mandatory = diagnostics.filter((d) => d.enforcementLevel === 'mandatory').length;
    console.log(
      `\n→ ${resources.length} resources, ${diagnostics.length} diagnostic${diagnostics.length === 1 ? '' : 's'}, ${mandatory} mandatory: the preview ${mandatory ? 'fails' : 'passes'}`,
    );
    ok &&= expectBlocked ? mandatory > 0 : mandatory === 0;
  }
} finally {
  client.close();
  await pack.stop();
  await engine.close();
}
process.exitCode = ok ? 0 : 1;
