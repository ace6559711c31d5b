import { join } from 'node:path';
import { expect } from 'vitest';
import { CatalogError, formatCatalogIssue, loadCatalog } from '../../catalog/index.js';

/** Fixture path as issues print it (tests run from the repository root). */
export function fixture(name: string): string {
  return join('test/catalog/fixtures', name);
}

/** Every issue loading the file raises, formatted; fails the test if the file loads. */
export function issuesOf(path: string): string[] {
  try {
    loadCatalog(path);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).errors.map(formatCatalogIssue);
  }
  throw new Error(`${path} loaded, but issues were expected`);
}
