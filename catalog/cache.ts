/**
 * Validated catalogs kept on disk between processes. Every `cdk synth` is a new process: without this, each one
 * loads the YAML parser and the schema validator and parses and checks the same catalog again, which was most of
 * what the aspect added to a small app's synth (issue 23).
 *
 * An entry is used only for the very text it was validated from, by the very code that validated it. Its key is a
 * hash of the catalog's full text and of everything else the validated catalog depends on (`validatorId`): the
 * package build's id (BUILD_ID: a hash of the compiled code, the schema's validator included), the versions of the
 * YAML parser and of Ajv's run-time helpers it loads from node_modules, and the Node version. A catalog reads no other
 * file, and `loadCatalog` validates with the default options only. A changed catalog, another build, another `yaml`
 * or another Node misses and is parsed and checked in full. Only catalogs that passed every check are stored, so an
 * invalid catalog is reported on every load, with its located issues.
 *
 * An entry is written aside and renamed over the last one (two synths writing at once leave one whole entry), and
 * carries a hash of its own content: a truncated or damaged entry, one of another format, or a cache folder that
 * cannot be read or written is no cache, and the catalog is checked in full, silently. Entries sit under
 * node_modules/.cache/entitlement-guard of the install that holds this package (the convention of Babel, ESLint and
 * Terser), one per catalog path; whoever can write there can also change this package's code, so the cache trusts
 * no one the package does not already trust. `ENTITLEMENT_GUARD_CACHE=off` turns it off.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { installCacheFolder, replaceCacheFile } from '../src/util/install-cache.js';
import { BUILD_ID } from './build-id.js';
import type { Catalog } from './types.js';

export interface CatalogCache {
  /** The directory holding the entries. */
  readonly dir: string;
  /** Everything but the text that the validated catalog depends on (`validatorId`): an entry of another is never used. */
  readonly validator: string;
}

/**
 * The cache of the install that holds this package: undefined when running from the sources or tsc's output (no
 * BUILD_ID), outside a node_modules folder, or when the environment turns it off.
 */
export function installCatalogCache(): CatalogCache | undefined {
  if (BUILD_ID === undefined) return undefined;
  const folder = installCacheFolder();
  if (folder === undefined) return undefined;
  let validator: string;
  try {
    validator = validatorId(BUILD_ID);
  } catch {
    return undefined; // a dependency's version cannot be read: validate every time
  }
  return { dir: join(folder, 'catalogs'), validator };
}

/**
 * The code a catalog's validation runs besides the text: this build, the `yaml` and `ajv` packages it loads (resolved
 * from here, as the loader resolves them) and the Node that runs them.
 */
export function validatorId(buildId: string): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return [buildId, `node ${process.version}`, `yaml ${version('yaml')}`, `ajv ${version('ajv')}`].join('\u0000');
}

/** What an entry starts with: the format, then its key and the hash of the serialized catalog, in hex. */
const FORMAT = 'entitlement-guard catalog cache 2\n';
const HEADER_BYTES = FORMAT.length + 64 + 1 + 64 + 1;

/** The catalog validated from exactly `text` by this validator, or undefined. */
export function cachedCatalog(cache: CatalogCache, path: string, text: string): Catalog | undefined {
  try {
    const bytes = readFileSync(entryFile(cache, path));
    if (bytes.length <= HEADER_BYTES) return undefined;
    const payload = bytes.subarray(HEADER_BYTES);
    if (bytes.toString('latin1', 0, HEADER_BYTES) !== header(entryKey(cache, text), payload)) return undefined;
    const catalog: unknown = deserialize(payload);
    if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) return undefined;
    return { ...(catalog as Catalog), source: path };
  } catch {
    return undefined; // none yet, unreadable or not an entry: validate
  }
}

/** Keeps `catalog`, validated from `text`, for the next process. Best effort: a cache that cannot be written is none. */
export function storeCatalog(cache: CatalogCache, path: string, text: string, catalog: Catalog): void {
  let payload: Buffer;
  try {
    payload = serialize(catalog);
  } catch {
    return; // not serializable: nothing to keep
  }
  replaceCacheFile(
    entryFile(cache, path),
    Buffer.concat([Buffer.from(header(entryKey(cache, text), payload), 'latin1'), payload]),
  );
}

function header(key: string, payload: Uint8Array): string {
  return `${FORMAT}${key}\n${createHash('sha256').update(payload).digest('hex')}\n`;
}

/** One entry per catalog file: an edited catalog replaces its entry instead of adding one. */
function entryFile(cache: CatalogCache, path: string): string {
  return join(cache.dir, `${sha256(resolve(path)).slice(0, 32)}.v8`);
}

function entryKey(cache: CatalogCache, text: string): string {
  return sha256(`${cache.validator}\u0000\u0000${text}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
