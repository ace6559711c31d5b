/**
 * Loads an entitlement catalog from YAML or JSON (JSON is read by the YAML parser, so both get the same
 * located errors). Fails closed: any issue, from a syntax error to a dangling owner, throws CatalogError
 * listing every issue found, sorted by position; no catalog is returned.
 */
import { readInputText } from '../src/util/read-input.js';
import { toCatalog, type CatalogFile } from './convert.js';
import { CatalogError, sortIssues } from './issues.js';
import { schemaIssues } from './schema-check.js';
import { semanticIssues, type SemanticOptions } from './semantic-check.js';
import { CatalogSource } from './source-map.js';
import type { Catalog } from './types.js';

export function loadCatalog(path: string): Catalog {
  // The same reading rules as every input: a regular file within the size limit (`--catalog /dev/zero` is an error).
  const text = readInputText(
    path,
    (reason) =>
      new CatalogError([{ file: path, line: 0, column: 0, field: '', message: `cannot read catalog: ${reason}` }]),
  );
  return parseCatalog(text, path);
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
