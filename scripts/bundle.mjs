// Build step after tsc: the files the package exports.
//
//   dist/bundle/  one ES module per entry point (with shared chunks, so every entry sees the same classes), because an
//                 app pays for each module it loads: ~90 small modules took ~40 ms more to import than one file;
//   dist/cjs/     the same entry points as CommonJS (marked `"type": "commonjs"` by their own package.json), for apps
//                 that `require` them: `cdk init`'s TypeScript template with ts-node, Pulumi's policy-pack template;
//   dist/types/   the declarations tsc wrote (ES module declarations for `import`),
//   dist/cjs/types/  the same declarations again, which TypeScript reads as CommonJS declarations because they sit
//                 under dist/cjs/package.json: a `require` consumer type-checks against what it actually loads.
//
// Dependencies stay external, resolved from the app's node_modules. No source maps: they would point at sources that
// are not in the package, and the bundles are plain, unminified JavaScript.
import { chmodSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = new URL('../dist/', import.meta.url);
const libraryEntries = {
  index: 'src/index.js',
  cdk: 'cdk-aspects/index.js',
  'cdk-nag': 'cdk-aspects/nag.js',
  pulumi: 'policypack/src/index.js',
  // Loaded by `cdk` on first use, not on import (lazyEntries below).
  'cdk-engine': 'cdk-aspects/engine.js',
  'cdk-audit': 'cdk-aspects/app-audit.js',
};
/** Programs, run by Node as ES modules: the CLI (the `bin`) and the policy pack this repository runs from policypack/. */
const programEntries = { policypack: 'policypack/src/main.js', cli: 'src/cli/main.js' };
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * What importing `entitlement-guard/cdk` must not load: the engine (loaded when the first stack is checked) and the
 * audit writer (only with `auditFile`). In the sources a loader module imports its half statically (tests and types
 * see one module graph); here it becomes a function that requires the half's own entry on the first call. In the
 * ES module build that is `require` of an ES module (Node 22.12 and later; the same module instances as `import`);
 * an older Node 22 that refuses it gets the CommonJS build of the half, published beside it.
 */
const LAZY_LOADERS = {
  'cdk-aspects/engine-loader.js': { name: 'cdkEngine', entry: 'cdk-engine' },
  'cdk-aspects/audit-loader.js': { name: 'cdkAudit', entry: 'cdk-audit' },
};

function lazyEntries(format) {
  const loaders = new Map(
    Object.entries(LAZY_LOADERS).map(([file, loader]) => [fileURLToPath(new URL(file, dist)), loader]),
  );
  return {
    name: 'lazy-entries',
    load(id) {
      const loader = loaders.get(id);
      if (!loader) return null;
      const load =
        format === 'esm'
          ? `const require = createRequire(import.meta.url);
  try {
    return require('./${loader.entry}.js');
  } catch (error) {
    if (error?.code !== 'ERR_REQUIRE_ESM') throw error;
    return require('../cjs/${loader.entry}.js');
  }`
          : `return createRequire(import.meta.url)('./${loader.entry}.js');`;
      return `import { createRequire } from 'node:module';
let loaded;
function load() {
  ${load}
}
export function ${loader.name}() {
  return (loaded ??= load());
}
`;
    },
  };
}

async function bundle(entries, format, outDir) {
  // Chunk names carry a content hash: clear the last build's, or they would be published beside the new ones.
  rmSync(outDir, { recursive: true, force: true });
  await build({
    input: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, fileURLToPath(new URL(file, dist))]),
    ),
    // Bare specifiers (dependencies, peers, Node built-ins) are the app's; only our relative imports are bundled.
    external: (id) => builtins.has(id) || !/^[./]/.test(id),
    platform: 'node',
    plugins: [lazyEntries(format)],
    output: { dir: fileURLToPath(outDir), format, chunkFileNames: '[name]-[hash].js' },
    logLevel: 'warn',
  });
  // The catalog schema's compiled validator is loaded beside the code that uses it (catalog/schema-check.ts).
  copyFileSync(new URL('catalog/schema-validator.cjs', dist), new URL('schema-validator.cjs', outDir));
}

const esmDir = new URL('bundle/', dist);
const cjsDir = new URL('cjs/', dist);
await bundle({ ...libraryEntries, ...programEntries }, 'esm', esmDir);
await bundle(libraryEntries, 'cjs', cjsDir);
writeFileSync(new URL('package.json', cjsDir), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
mkdirSync(new URL('types/', cjsDir));
cpSync(new URL('types/', dist), new URL('types/', cjsDir), { recursive: true });

// rolldown writes files without the executable bit, and the bin entry is run directly (`npx entitlement-guard`, or
// node_modules/.bin in a project that links this checkout): without it, "Permission denied" after every rebuild.
chmodSync(new URL('cli.js', esmDir), 0o755);
