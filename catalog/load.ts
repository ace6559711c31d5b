/**
 * Loads an entitlement catalog from YAML or JSON (JSON is read by the YAML parser, so both get the same
 * located errors). Fails closed: any issue, from a syntax error to a dangling owner, throws CatalogError
 * listing every issue found, sorted by position; no catalog is returned.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInputText } from '../src/util/read-input.js';
import { cachedCatalog, storeCatalog, type CatalogCache } from './cache.js';
import { toCatalog, type CatalogFile } from './convert.js';
import { CatalogError, sortIssues } from './issues.js';
import { schemaIssues } from './schema-check.js';
import { semanticIssues, type SemanticOptions } from './semantic-check.js';
import { CatalogSource } from './source-map.js';
import type { Catalog } from './types.js';

/**
 * Catalogs this process has loaded, by path, with the file's identity, size and times when read: a CDK app with
 * several front-ends or stages, or a pack with several policies, reads and validates a catalog once, and again only
 * when the file changed. A catalog is never modified after loading, so all of them share it.
 */
const loaded = new Map<string, { stamp: string; catalog: Catalog }>();

export interface LoadOptions {
  /**
   * Catalogs validated by an earlier process (cache.ts, `installCatalogCache()`): a file whose text and whose
   * validating code are the same as then is not parsed and checked again.
   */
  cache?: CatalogCache;
}

export function loadCatalog(path: string, options: LoadOptions = {}): Catalog {
  const key = `${resolve(path)}\u0000${path}`;
  const stamp = fileStamp(path);
  const cached = loaded.get(key);
  if (cached && stamp !== undefined && cached.stamp === stamp) return cached.catalog;
  // The same reading rules as every input: a regular file within the size limit (`--catalog /dev/zero` is an error).
  const text = readInputText(
    path,
    (reason) =>
      new CatalogError([{ file: path, line: 0, column: 0, field: '', message: `cannot read catalog: ${reason}` }]),
  );
  const { cache } = options;
  let catalog = cache && cachedCatalog(cache, path, text);
  if (!catalog) {
    catalog = parseCatalog(text, path);
    if (cache) storeCatalog(cache, path, text, catalog);
  }
  // Stamped before reading: a file changed while it was read has a newer stamp than this, and is read again.
  if (stamp !== undefined) loaded.set(key, { stamp, catalog });
  else loaded.delete(key);
  return catalog;
}

/** What changes when the file is written or replaced; undefined when it cannot be read (the read says why). */
function fileStamp(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** `source` names the text in issues and becomes the catalog's `source`. */
export function parseCatalog(text: string, source: string, options: SemanticOptions = {}): Catalog {
  const parsed = CatalogSource.parse(text, source);
  if (Array.isArray(parsed)) throw new CatalogError(sortIssues(parsed));
  const data = parsed.data;
  const issues = [...schemaIssues(data, parsed), ...semanticIssues(data, parsed, options)];
  if (issues.length > 0) throw new CatalogError(sortIssues(issues));
  return toCatalog(data as CatalogFile, source);
}
