// Build step after tsc: one ES module per entry point (with shared chunks, so every entry sees the same classes),
// because an app pays for each module it loads: ~90 small modules took ~40 ms more to import than one file.
// Dependencies stay external, resolved from the app's node_modules.
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = new URL('../dist/', import.meta.url);
const entries = {
  index: 'src/index.js',
  cdk: 'cdk-aspects/index.js',
  // Started by the aspect's evaluator from beside itself (`new URL('./evaluation-worker.js', import.meta.url)`).
  'evaluation-worker': 'cdk-aspects/evaluation-worker.js',
  'cdk-nag': 'cdk-aspects/nag.js',
  pulumi: 'policypack/src/index.js',
  policypack: 'policypack/src/main.js',
  cli: 'src/cli/main.js',
};
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const outDir = new URL('bundle/', dist);

// Chunk names carry a content hash: clear the last build's, or they would be published beside the new ones.
rmSync(outDir, { recursive: true, force: true });

await build({
  input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, fileURLToPath(new URL(file, dist))])),
  // Bare specifiers (dependencies, peers, Node built-ins) are the app's; only our relative imports are bundled.
  external: (id) => builtins.has(id) || !/^[./]/.test(id),
  platform: 'node',
  output: { dir: fileURLToPath(outDir), format: 'esm', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
// The catalog schema's compiled validator is loaded beside the code that uses it (catalog/schema-check.ts).
copyFileSync(new URL('catalog/schema-validator.cjs', dist), new URL('schema-validator.cjs', outDir));
// rolldown writes files without the executable bit, and the bin entry is run directly (`npx entitlement-guard`, or
// node_modules/.bin in a project that links this checkout): without it, "Permission denied" after every rebuild.
chmodSync(new URL('cli.js', outDir), 0o755);
