// Build step after tsc: the files the package exports.
//
//   dist/bundle/  one ES module per entry point (with shared chunks, so every entry sees the same classes), because an
//                 app pays for each module it loads: ~90 small modules took ~40 ms more to import than one file; the
//                 CDK entry points' are small modules that require their CommonJS build (COMMONJS_ONLY);
//   dist/cjs/     the same entry points as CommonJS (marked `"type": "commonjs"` by their own package.json), for apps
//                 that `require` them: `cdk init`'s TypeScript template with ts-node, Pulumi's policy-pack template;
//   dist/types/   the declarations tsc wrote (ES module declarations for `import`),
//   dist/cjs/types/  the same declarations again, which TypeScript reads as CommonJS declarations because they sit
//                 under dist/cjs/package.json: a `require` consumer type-checks against what it actually loads.
//
// Dependencies stay external, resolved from the app's node_modules. No source maps: they would point at sources that
// are not in the package, and the bundles are plain, unminified JavaScript (the CommonJS build without comments and
// its files but the entry points named `.cjs`: COMMONJS_OUTPUT says why).
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = new URL('../dist/', import.meta.url);
const libraryEntries = {
  index: 'src/index.js',
  cdk: 'cdk-aspects/index.js',
  'cdk-nag': 'cdk-aspects/nag.js',
  pulumi: 'policypack/src/index.js',
};
/** Loaded by `cdk` on first use, not on import (lazyEntries below). */
const lazyHalves = { 'cdk-engine': 'cdk-aspects/engine.js', 'cdk-audit': 'cdk-aspects/app-audit.js' };
/**
 * The CommonJS `pulumi` entry is a loader (PULUMI_LOADER) that requires the pack, `pulumi-pack`, through the install's
 * code cache, which is an entry of its own so that the loader and the pack share one copy (the pack writes the
 * entries after its first stack: policypack/src/code-cache-after-stack.ts).
 */
const codeCachedPulumi = { 'pulumi-pack': libraryEntries.pulumi, 'code-cache': 'src/util/code-cache.js' };
/** Programs, run by Node as ES modules: the CLI (the `bin`) and the policy pack this repository runs from policypack/. */
const programEntries = { policypack: 'policypack/src/main.js', cli: 'src/cli/bin.js' };
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * What importing `entitlement-guard/cdk` must not load: the engine (loaded when the first stack is checked) and the
 * audit writer (only with `auditFile`). In the sources a loader module imports its half statically (tests and types
 * see one module graph); here it becomes a function that requires the half's own entry on the first call. The
 * halves are CommonJS, as the CDK entry points are in both builds (COMMONJS_ONLY): `require` of an ES module works on
 * Node 22.12 and later, but an app run through tsx as an ES module then has tsx compile the half to CommonJS on every
 * synth (esbuild, its cache and a source map for 600 KB of code), which cost that set-up about 0.3 s of CPU per synth
 * (issue 23). The halves
 * share no state with the entry that loads them but through their arguments: a catalog error is recognised across
 * copies (`isCatalogError`), the catalog cache is the engine's.
 */
const LAZY_LOADERS = {
  'cdk-aspects/engine-loader.js': { name: 'cdkEngine', entry: 'cdk-engine' },
  'cdk-aspects/audit-loader.js': { name: 'cdkAudit', entry: 'cdk-audit' },
};

function lazyEntries() {
  const loaders = new Map(
    Object.entries(LAZY_LOADERS).map(([file, loader]) => [fileURLToPath(new URL(file, dist)), loader]),
  );
  return {
    name: 'lazy-entries',
    load(id) {
      const loader = loaders.get(id);
      if (!loader) return null;
      // Compiled with the code cache of the install (src/util/code-cache.ts): the half's functions are not parsed and
      // compiled again on every synth.
      return `import { installCodeCache, requireWithCodeCache } from '../src/util/code-cache.js';
let loaded;
export function ${loader.name}() {
  return (loaded ??= requireWithCodeCache(import.meta.url, './${loader.entry}.cjs', installCodeCache()));
}
`;
    },
  };
}

/**
 * The build's id (catalog/build-id.ts): a hash of every compiled file tsc wrote and the catalog schema's validator,
 * so that a catalog validated by one build is never taken as valid by another (catalog/cache.ts).
 */
function buildId() {
  const hash = createHash('sha256');
  const files = readdirSync(dist, { recursive: true })
    .filter((file) => /\.c?js$/.test(file) && !/^(bundle|cjs)\//.test(file))
    .sort();
  for (const file of files)
    hash
      .update(`${file}\u0000`)
      .update(readFileSync(new URL(file, dist)))
      .update('\u0000');
  return hash.digest('hex').slice(0, 32);
}

function buildIdModule(id) {
  const file = fileURLToPath(new URL('catalog/build-id.js', dist));
  return {
    name: 'build-id',
    load(path) {
      return path === file ? `export const BUILD_ID = ${JSON.stringify(id)};\n` : null;
    },
  };
}

/**
 * The CommonJS build's files end in `.cjs` and hold no comments, so that no file an app loads after
 * `require('entitlement-guard/cdk')` holds the word "import". tsx (the most common way to run a TypeScript CDK app)
 * scans every `.js` file that holds "import" or "export" (CommonJS has `exports.`) and every `.cjs` file that holds
 * "import" for ES module syntax, with a JavaScript lexer (its WebAssembly one is only ready once the event loop turns,
 * which a synth never lets it): loading the engine half took 155–205 ms of CPU under tsx against 31–38 ms in plain
 * Node, and 31–35 ms under tsx as `.cjs` files without that word (issue 23). test/cdk/entry-points.test.ts keeps the
 * word out.
 */
const COMMONJS_OUTPUT = {
  entryFileNames: '[name].cjs',
  chunkFileNames: '[name]-[hash].cjs',
  comments: false,
};

/**
 * The CDK and Pulumi entry points' ES module builds: each requires the CommonJS build and exports what it exports. A
 * CDK app run as an ES module then loads one small module through the ES module loader and the rest as CommonJS, as a
 * CommonJS app does. With an ES module build of its own, tsx lexed it and its chunks for ES module syntax, and the
 * engine half (CommonJS in both builds) loaded second copies of the chunks the two share: the small app's synth as
 * an ES module added several times what it adds as CommonJS (issue 23). A Pulumi pack written as an ES module takes
 * the pack from the install's code cache as a CommonJS one does (PULUMI_LOADER), which its own ES module build could
 * not. One copy also means one class per export for a program that both imports and requires the package.
 */
const COMMONJS_ONLY = ['cdk', 'cdk-nag', 'pulumi'];

/**
 * dist/cjs/pulumi.cjs: the pack compiled with the code cache of the install (src/util/code-cache.ts). A policy pack
 * is a new process on every `pulumi preview`, and without it V8 parses and compiles the pack's 700 KB of code again
 * each time: most of what `require('entitlement-guard/pulumi')` cost (issue 23). No "import" in it (COMMONJS_OUTPUT).
 */
const PULUMI_LOADER = `'use strict';
const { installCodeCache, requireWithCodeCache } = require('./code-cache.cjs');
module.exports = requireWithCodeCache(require('node:url').pathToFileURL(__filename).href, './pulumi-pack.cjs', installCodeCache());
`;

function commonJsWrapper(name, exportNames) {
  return `import { createRequire } from 'node:module';
const entry = createRequire(import.meta.url)('../cjs/${name}.cjs');
export const { ${exportNames.join(', ')} } = entry;
`;
}

/**
 * Writes each character beyond ASCII in a built file as a `\uXXXX` escape (`…` is `\u2026`; beyond U+FFFF, its two
 * surrogates). Node decodes a module holding one such character from UTF-8 into a two-byte string, and its scanner
 * reads that: about 8 M instructions more in every synth for the engine's three chunks. The characters sit in string,
 * template and regular expression literals and in comments, where the escape means the same character (the sources
 * use no tagged template, whose raw text would differ); one written after a backslash would not, and stops the build.
 */
function escapeNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  if (!/\P{ASCII}/u.test(text)) return;
  const escaped = text.replace(/\P{ASCII}/gu, (character, offset) => {
    if (text[offset - 1] === '\\')
      throw new Error(`${fileURLToPath(file)}: a backslash before ${character} at ${offset}: cannot escape it`);
    let out = '';
    for (let index = 0; index < character.length; index++)
      out += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
    return out;
  });
  writeFileSync(file, escaped);
}

async function bundle(entries, format, outDir, id) {
  // Chunk names carry a content hash: clear the last build's, or they would be published beside the new ones.
  rmSync(outDir, { recursive: true, force: true });
  const { output } = await build({
    input: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, fileURLToPath(new URL(file, dist))]),
    ),
    // Bare specifiers (dependencies, peers, Node built-ins) are the app's; only our relative imports are bundled.
    external: (id) => builtins.has(id) || !/^[./]/.test(id),
    platform: 'node',
    // Only the CommonJS build holds the CDK entry points that load the halves (COMMONJS_ONLY).
    plugins: format === 'cjs' ? [lazyEntries(), buildIdModule(id)] : [buildIdModule(id)],
    output: {
      dir: fileURLToPath(outDir),
      format,
      ...(format === 'cjs' ? COMMONJS_OUTPUT : { chunkFileNames: '[name]-[hash].js' }),
    },
    logLevel: 'warn',
  });
  for (const file of output) if (file.type === 'chunk') escapeNonAscii(new URL(file.fileName, outDir));
  // The catalog schema's compiled validator is loaded beside the code that uses it (catalog/schema-check.ts).
  copyFileSync(new URL('catalog/schema-validator.cjs', dist), new URL('schema-validator.cjs', outDir));
  escapeNonAscii(new URL('schema-validator.cjs', outDir));
  return output;
}

const esmDir = new URL('bundle/', dist);
const cjsDir = new URL('cjs/', dist);
// Before either bundle is written: they would be hashed too.
rmSync(esmDir, { recursive: true, force: true });
rmSync(cjsDir, { recursive: true, force: true });
const id = buildId();
const esmEntries = Object.fromEntries(
  Object.entries({ ...libraryEntries, ...programEntries }).filter(([name]) => !COMMONJS_ONLY.includes(name)),
);
await bundle(esmEntries, 'esm', esmDir, id);
const { pulumi: _pulumi, ...loadedDirectly } = libraryEntries;
const commonJsOutput = await bundle({ ...loadedDirectly, ...lazyHalves, ...codeCachedPulumi }, 'cjs', cjsDir, id);
writeFileSync(new URL('pulumi.cjs', cjsDir), PULUMI_LOADER);
for (const name of COMMONJS_ONLY) {
  const built = name === 'pulumi' ? 'pulumi-pack' : name;
  const entry = commonJsOutput.find((file) => file.type === 'chunk' && file.isEntry && file.name === built);
  if (!entry || entry.type !== 'chunk' || entry.exports.length === 0)
    throw new Error(`the CommonJS build has no exports for ${name}`);
  writeFileSync(new URL(`${name}.js`, esmDir), commonJsWrapper(name, entry.exports));
}
writeFileSync(new URL('package.json', cjsDir), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
mkdirSync(new URL('types/', cjsDir));
cpSync(new URL('types/', dist), new URL('types/', cjsDir), { recursive: true });

// rolldown writes files without the executable bit, and the bin entry is run directly (`npx entitlement-guard`, or
// node_modules/.bin in a project that links this checkout): without it, "Permission denied" after every rebuild.
chmodSync(new URL('cli.js', esmDir), 0o755);
