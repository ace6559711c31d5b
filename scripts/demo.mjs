// `npm run demo`: the same catalog and the same rules through every front-end, on the bundled examples.
// Each part blocks the example with the classic mistakes and passes the compliant one; this exits 0 only if all do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const parts = [
  ['CLI gate on CloudFormation templates: entitlement-guard check', 'demo-cloudformation.mjs'],
  ['CLI gate on Terraform plans (terraform show -json): entitlement-guard check', 'demo-terraform.mjs'],
  ['AWS CDK: the real cdk synth with the EntitlementGuard aspect', 'demo-cdk.mjs'],
  ['Pulumi: the CrossGuard pack over the analyzer protocol, as pulumi preview runs it', 'demo-pulumi.mjs'],
];

const results = parts.map(([title, script]) => {
  console.log(`\n${'='.repeat(100)}\n${title}\n${'='.repeat(100)}`);
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
  return [title, run.status === 0];
});

console.log(`\n${'='.repeat(100)}`);
for (const [title, ok] of results) console.log(`${ok ? 'ok  ' : 'FAIL'}  ${title}`);
process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
