/** A catalog file is read and validated once per process while it is unchanged (issue 23: a small synth's cost). */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../catalog/index.js';

const EXAMPLE = new URL('../../examples/catalog.yaml', import.meta.url);

describe('loadCatalog cache', () => {
  it('gives the same catalog for an unchanged file, and reads the file again once it changed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eg-catalog-cache-')), 'catalog.yaml');
    copyFileSync(EXAMPLE, file);
    const first = loadCatalog(file);
    expect(loadCatalog(file)).toBe(first);

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('apiVersion: entitlement-guard/v1', 'apiVersion: entitlement-guard/v1\n# edited'));
    const second = loadCatalog(file);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);

    writeFileSync(file, `${text}\nnot-a-field: true\n`);
    expect(() => loadCatalog(file)).toThrow(CatalogError);
    // A broken catalog is never cached: each load says so again.
    expect(() => loadCatalog(file)).toThrow(CatalogError);
  });
});
