/**
 * Validated catalogs kept on disk between processes (catalog/cache.ts, issue 23): an entry is used only for the very
 * text and build it was validated by; anything else is parsed and checked in full, and only valid catalogs are kept.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { installCatalogCache, type CatalogCache } from '../../catalog/cache.js';
import { CatalogError, loadCatalog, parseCatalog, type Catalog } from '../../catalog/index.js';

const EXAMPLE = new URL('../../examples/catalog.yaml', import.meta.url);

/** A catalog file and an empty cache in a fresh folder. */
function setUp(): { file: string; cache: CatalogCache } {
  const folder = mkdtempSync(join(tmpdir(), 'eg-catalog-disk-cache-'));
  const file = join(folder, 'catalog.yaml');
  copyFileSync(EXAMPLE, file);
  return { file, cache: { dir: join(folder, 'cache'), buildId: 'build-1' } };
}

/** A new modification time: this process's own cache (by file identity and times) no longer answers, the disk's may. */
let tick = 0;
function touch(file: string): void {
  const time = new Date(Date.UTC(2030, 0, 1, 0, 0, ++tick));
  utimesSync(file, time, time);
}

function entryFile(cache: CatalogCache): string {
  const entries = readdirSync(cache.dir);
  expect(entries).toHaveLength(1);
  return join(cache.dir, entries[0]!);
}

/** Replaces the stored catalog with `catalog`, keeping the entry's key: a later load that returns it used the entry. */
function plant(cache: CatalogCache, catalog: Catalog): void {
  const file = entryFile(cache);
  const { key } = deserialize(readFileSync(file)) as { key: string };
  writeFileSync(file, serialize({ key, catalog }));
}

describe('catalog disk cache', () => {
  it('keeps the checked catalog, and gives it back for the same text and build without checking it again', () => {
    const { file, cache } = setUp();
    const checked = loadCatalog(file, { cache });
    expect(checked).toStrictEqual(parseCatalog(readFileSync(file, 'utf8'), file));
    expect(deserialize(readFileSync(entryFile(cache)))).toMatchObject({ catalog: checked });

    const planted = { ...checked, owners: [{ id: 'planted-by-the-test' }] };
    plant(cache, planted);
    touch(file);
    expect(loadCatalog(file, { cache })).toStrictEqual(planted);
  });

  it('a changed catalog is checked again: an invalid one fails with its located issue, a valid one replaces the entry', () => {
    const { file, cache } = setUp();
    const checked = loadCatalog(file, { cache });
    plant(cache, { ...checked, owners: [] });
    const text = readFileSync(file, 'utf8');

    writeFileSync(file, `${text}\nnot-a-field: true\n`);
    expect(() => loadCatalog(file, { cache })).toThrow(CatalogError);
    expect(() => loadCatalog(file, { cache })).toThrow(/not-a-field/);

    writeFileSync(file, text.replace('apiVersion: entitlement-guard/v1', 'apiVersion: entitlement-guard/v1\n# edited'));
    const edited = loadCatalog(file, { cache });
    expect(edited).toStrictEqual(checked);
    expect(deserialize(readFileSync(entryFile(cache)))).toMatchObject({ catalog: checked });
  });

  it('an entry of another build, or one that cannot be read, is not used', () => {
    const { file, cache } = setUp();
    const checked = loadCatalog(file, { cache });
    plant(cache, { ...checked, owners: [] });
    touch(file);
    expect(loadCatalog(file, { cache: { ...cache, buildId: 'build-2' } })).toStrictEqual(checked);

    writeFileSync(entryFile(cache), 'not an entry');
    touch(file);
    expect(loadCatalog(file, { cache })).toStrictEqual(checked);
    // Rewritten with the catalog the check gave.
    expect(deserialize(readFileSync(entryFile(cache)))).toMatchObject({ catalog: checked });
  });

  it('keeps no invalid catalog', () => {
    const { file, cache } = setUp();
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nnot-a-field: true\n`);
    expect(() => loadCatalog(file, { cache })).toThrow(CatalogError);
    expect(() => readdirSync(cache.dir)).toThrow(/ENOENT/);
  });

  it('a cache that cannot be written is none', () => {
    const { file, cache } = setUp();
    writeFileSync(join(cache.dir), 'a file where the cache folder would be');
    expect(loadCatalog(file, { cache })).toStrictEqual(parseCatalog(readFileSync(file, 'utf8'), file));
  });

  it('is off when running from the sources: only a package build has an id its entries are bound to', () => {
    expect(installCatalogCache()).toBeUndefined();
  });
});
