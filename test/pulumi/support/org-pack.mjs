/**
 * An organisation's pack as the README shows it (`createPolicyPack({ name, catalog })` in the pack's entry module,
 * beside its PulumiPolicy.yaml and package.json), written into a fresh directory and importing the built package
 * (dist/bundle/pulumi.js): for tests that need a pack around a catalog of their own, a broken one included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = new URL('../../../dist/bundle/pulumi.js', import.meta.url).href;

export function writeOrgPack({ name = 'example-co-entitlements', catalog, now }) {
  const dir = mkdtempSync(join(tmpdir(), 'eg-org-pack-'));
  writeFileSync(
    join(dir, 'PulumiPolicy.yaml'),
    'runtime: nodejs\ndescription: An organisation pack around its catalog (test fixture).\n',
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '0.1.0', private: true, type: 'module', main: 'index.js' }),
  );
  const options = [
    `name: ${JSON.stringify(name)}`,
    `catalog: ${JSON.stringify(catalog)}`,
    ...(now ? [`now: () => new Date(${JSON.stringify(now)})`] : []),
  ];
  writeFileSync(
    join(dir, 'index.js'),
    `import { createPolicyPack } from ${JSON.stringify(PACKAGE)};\n\ncreatePolicyPack({ ${options.join(', ')} });\n`,
  );
  return dir;
}
