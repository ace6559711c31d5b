/**
 * Validated catalogs kept on disk between processes. Every `cdk synth` is a new process: without this, each one
 * loads the YAML parser and the schema validator and parses and checks the same catalog again, which was most of
 * what the aspect added to a small app's synth (issue 23).
 *
 * An entry is used only for the very text it was validated from, by the very code that validated it: its key is a
 * hash of the package build's id (BUILD_ID: a hash of the compiled code) and the catalog's full text, and a changed
 * catalog, or another build of the package, misses and is parsed and checked in full. Only catalogs that passed every
 * check are stored, so an invalid catalog is reported on every load, with its located issues. Entries sit under
 * node_modules/.cache/entitlement-guard of the install that holds this package (the convention of Babel, ESLint and
 * Terser), one per catalog path; whoever can write there can also change this package's code, so the cache trusts
 * no one the package does not already trust. `ENTITLEMENT_GUARD_CACHE=off` turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { BUILD_ID } from './build-id.js';
import type { Catalog } from './types.js';

export interface CatalogCache {
  /** The directory holding the entries. */
  readonly dir: string;
  /** The code the entries were validated by: an entry of another build is never used. */
  readonly buildId: string;
}

interface Entry {
  key: string;
  catalog: Catalog;
}

/**
 * The cache of the install that holds this package: undefined when running from the sources or tsc's output (no
 * BUILD_ID), outside a node_modules folder, or when the environment turns it off.
 */
export function installCatalogCache(): CatalogCache | undefined {
  if (BUILD_ID === undefined || process.env.ENTITLEMENT_GUARD_CACHE === 'off') return undefined;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (basename(folder) !== 'node_modules') {
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return { dir: join(folder, '.cache', 'entitlement-guard', 'catalogs'), buildId: BUILD_ID };
}

/** The catalog validated from exactly `text` by this build, or undefined. */
export function cachedCatalog(cache: CatalogCache, path: string, text: string): Catalog | undefined {
  let entry: unknown;
  try {
    entry = deserialize(readFileSync(entryFile(cache, path)));
  } catch {
    return undefined; // none yet, unreadable or not an entry: validate
  }
  if (!isEntry(entry) || entry.key !== entryKey(cache, text)) return undefined;
  return { ...entry.catalog, source: path };
}

/** Keeps `catalog`, validated from `text`, for the next process. Best effort: a cache that cannot be written is none. */
export function storeCatalog(cache: CatalogCache, path: string, text: string, catalog: Catalog): void {
  const file = entryFile(cache, path);
  // Written aside and renamed over the entry, so a process reading it at the same time sees the old or the new one.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(cache.dir, { recursive: true });
    writeFileSync(partial, serialize({ key: entryKey(cache, text), catalog } satisfies Entry));
    renameSync(partial, file);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** One entry per catalog file: an edited catalog replaces its entry instead of adding one. */
function entryFile(cache: CatalogCache, path: string): string {
  return join(cache.dir, `${sha256(resolve(path)).slice(0, 32)}.v8`);
}

function entryKey(cache: CatalogCache, text: string): string {
  return sha256(`${cache.buildId}\u0000${text}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { key, catalog } = value as Partial<Entry>;
  return typeof key === 'string' && typeof catalog === 'object' && catalog !== null;
}
