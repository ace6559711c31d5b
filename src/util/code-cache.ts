/**
 * Requires a CommonJS file of this package with V8's code cache: the bytecode of its functions kept on disk between
 * processes. Every `cdk synth` is a new process, and without it V8 parses and compiles the engine's half megabyte of
 * code again on the synthesis thread, function by function as each is first called: about a sixth of what the
 * aspect added to a large failing app's synth, counted in instructions (issue 23).
 *
 * Only the files of the required file's own folder (this package's build) are compiled here; every other module
 * loads as Node loads it, and all of them, these included, go through Node's module cache as usual. The loader's
 * `Module.prototype._compile` is taken over only while the required file and the files it requires load, then
 * given back. An entry is named by a hash of the file's text, of Node's version and of its V8 options, and V8
 * itself refuses one of another V8, other flags or a damaged one (then the file is compiled as usual and its entry
 * written again). Entries are written when the process exits, when all the functions it ran have been compiled,
 * or earlier when the program says its main work has run (`writeCodeCache`: a Pulumi policy pack, whose process the
 * Pulumi CLI ends with a signal, so that it never sees its exit), and only where none was taken: a process that used
 * them writes nothing.
 *
 * Each build, Node version or set of V8 options has entries of its own, so an upgraded package would leave the old
 * ones behind for good. A process that writes entries also removes those unused for PRUNE_AFTER_DAYS (an entry's
 * modification time, moved forward when it is taken and more than REFRESH_AFTER_DAYS old: one write a week, not one
 * per synth). Entries in use stay; the folder holds what the last month's builds and Nodes used.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { installCacheFolder, replaceCacheFile } from './install-cache.js';

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

/** How one file of the folder was compiled: from its entry, or afresh (no entry, or V8 refused it). */
export type CodeCacheUse = 'taken' | 'refused' | 'none';

/**
 * `require(specifier)` from the module at `from` (its `import.meta.url`), the package's files compiled with the code
 * cache in `folder`; a plain require without a folder. `used` hears how each file was compiled.
 */
export function requireWithCodeCache(
  from: string,
  specifier: string,
  folder: string | undefined,
  used?: (file: string, use: CodeCacheUse) => void,
): unknown {
  const require = createRequire(from);
  if (folder === undefined) return require(specifier);
  const own = dirname(require.resolve(specifier));
  const compiled: Compiled[] = [];
  const prototype = Module.prototype as unknown as CompilingModule;
  // Given back as it was taken (whoever installed it), and called as a method of each module: never unbound.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const compile = prototype._compile;
  prototype._compile = function (this: CompilingModule, content: string, filename: string, ...rest: unknown[]) {
    if (typeof content !== 'string' || dirname(filename) !== own) return compile.call(this, content, filename, ...rest);
    const entry = join(folder, `${entryKey(content)}.v8`);
    const cachedData = readEntry(entry);
    const script = new Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    const use: CodeCacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'taken';
    used?.(filename, use);
    if (use !== 'taken') compiled.push({ script, entry, folder });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  let exports: unknown;
  try {
    exports = require(specifier);
  } finally {
    prototype._compile = compile;
  }
  if (compiled.length > 0) {
    if (!writesOnExit) process.once('exit', writeCodeCache);
    writesOnExit = true;
    unwritten.push(...compiled);
  }
  return exports;
}

interface Compiled {
  script: Script;
  entry: string;
  folder: string;
}

/** Files compiled afresh in this process whose entries are not written yet. */
const unwritten: Compiled[] = [];
let writesOnExit = false;

/**
 * Writes the entries of the files this process compiled afresh, with the functions compiled so far, and prunes their
 * folders; what it has written it writes no more (a later call or the exit writes only files compiled since).
 */
export function writeCodeCache(): void {
  const written = unwritten.splice(0);
  for (const { script, entry } of written) replaceCacheFile(entry, script.createCachedData());
  const now = Date.now();
  for (const folder of new Set(written.map((file) => file.folder))) pruneEntries(folder, now);
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry not taken for this long is removed by the next process that writes entries. */
const PRUNE_AFTER_DAYS = 30;
/** An entry taken is marked as used (its modification time moved to now) when it is older than this. */
const REFRESH_AFTER_DAYS = 7;

/**
 * Removes the folder's entries unused for PRUNE_AFTER_DAYS, and the partial files of writes that never finished
 * (replaceCacheFile's `<entry>.<pid>.<random>`) after a day. Best effort: what cannot be read or removed stays.
 */
function pruneEntries(folder: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const partial = name.includes('.v8.');
    if (!partial && !name.endsWith('.v8')) continue;
    const file = join(folder, name);
    try {
      const age = now - statSync(file).mtimeMs;
      if (age > (partial ? DAY_MS : PRUNE_AFTER_DAYS * DAY_MS)) rmSync(file, { force: true });
    } catch {
      // removed meanwhile by another process, or not ours to remove
    }
  }
}

/** What a compiled file depends on besides its text: the V8 that runs it and the options it runs with. */
function entryKey(content: string): string {
  return createHash('sha256')
    .update(`${process.version}\u0000${process.execArgv.join(' ')}\u0000${process.env.NODE_OPTIONS ?? ''}\u0000`)
    .update(content)
    .digest('hex')
    .slice(0, 40);
}

/** The entry's bytes; an entry older than REFRESH_AFTER_DAYS is marked as used, so that pruning keeps it. */
function readEntry(file: string): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const bytes = readFileSync(descriptor);
    const now = Date.now();
    if (now - fstatSync(descriptor).mtimeMs > REFRESH_AFTER_DAYS * DAY_MS) markUsed(descriptor, now);
    return bytes;
  } catch {
    return undefined; // none yet, or unreadable: compiled as usual
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function markUsed(descriptor: number, now: number): void {
  try {
    const time = new Date(now);
    futimesSync(descriptor, time, time);
  } catch {
    // a read-only install: its entries are never pruned by this process either
  }
}

/** The code cache of the install that holds this package (installCacheFolder), if there is one. */
export function installCodeCache(): string | undefined {
  const folder = installCacheFolder();
  return folder === undefined ? undefined : join(folder, 'code');
}
