/**
 * Validated catalogs kept on disk between processes (catalog/cache.ts, issue 23): an entry is used only for the very
 * text and validator it was validated by; anything else (an edited catalog, another build, another `yaml`, a damaged,
 * truncated or foreign entry, a cache that cannot be written) is parsed and checked in full, and only valid catalogs
 * are kept.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cachedCatalog,
  installCatalogCache,
  storeCatalog,
  validatorId,
  type CatalogCache,
} from '../../catalog/cache.js';
import { CatalogError, loadCatalog, parseCatalog, type Catalog } from '../../catalog/index.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples/catalog.yaml');

/** A catalog file and an empty cache in a fresh folder. */
function setUp(validator = 'build-1'): { folder: string; file: string; cache: CatalogCache } {
  const folder = mkdtempSync(join(tmpdir(), 'eg-catalog-disk-cache-'));
  const file = join(folder, 'catalog.yaml');
  copyFileSync(EXAMPLE, file);
  return { folder, file, cache: { dir: join(folder, 'cache'), validator } };
}

/** A new modification time: this process's own cache (by file identity and times) no longer answers, the disk's may. */
let tick = 0;
function touch(file: string): void {
  const time = new Date(Date.UTC(2030, 0, 1, 0, 0, ++tick));
  utimesSync(file, time, time);
}

/** The cache folder's files: one entry per catalog path, and nothing left over from a write. */
function entries(cache: CatalogCache): string[] {
  return readdirSync(cache.dir).sort();
}

function entryFile(cache: CatalogCache): string {
  const files = entries(cache);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^[0-9a-f]{32}\.v8$/);
  return join(cache.dir, files[0]!);
}

/**
 * Stores `catalog` as the entry validated from the file's current text: a later load that returns it used the entry
 * (the loader only ever stores what it checked, so a test can tell a hit from a check only by planting one).
 */
function plant(cache: CatalogCache, file: string, catalog: Catalog): void {
  storeCatalog(cache, file, readFileSync(file, 'utf8'), catalog);
}

function checked(file: string): Catalog {
  return parseCatalog(readFileSync(file, 'utf8'), file);
}

describe('catalog disk cache', () => {
  it('keeps the checked catalog, and gives it back for the same text and validator without checking it again', () => {
    const { file, cache } = setUp();
    const catalog = loadCatalog(file, { cache });
    expect(catalog).toStrictEqual(checked(file));
    expect(cachedCatalog(cache, file, readFileSync(file, 'utf8'))).toStrictEqual(catalog);

    const planted = { ...catalog, owners: [{ id: 'planted-by-the-test' }] };
    plant(cache, file, planted);
    touch(file);
    expect(loadCatalog(file, { cache })).toStrictEqual(planted);
    expect(entries(cache)).toHaveLength(1);
  });

  it('gives back every valid catalog of the repository as the check gives it, whatever path names it', () => {
    const files = spawnSync('git', ['ls-files', '*.yaml'], { cwd: REPO, encoding: 'utf8' })
      .stdout.split('\n')
      .filter((file) => /(^|\/)[^/]*catalog[^/]*\.yaml$/.test(file));
    const valid = files.flatMap((file) => {
      const absolute = join(REPO, file);
      try {
        return [{ absolute, catalog: parseCatalog(readFileSync(absolute, 'utf8'), absolute) }];
      } catch (error) {
        if (error instanceof CatalogError) return [];
        throw error;
      }
    });
    expect(valid.length).toBeGreaterThanOrEqual(2);
    const { cache } = setUp();
    for (const { absolute, catalog } of valid) {
      const text = readFileSync(absolute, 'utf8');
      storeCatalog(cache, absolute, text, catalog);
      expect(cachedCatalog(cache, absolute, text)).toStrictEqual(catalog);
      // The same file by another path: the entry is the file's, and the catalog names the path it was loaded by.
      const other = `./${relative(process.cwd(), absolute)}`;
      expect(cachedCatalog(cache, other, text)).toStrictEqual({ ...catalog, source: other });
    }
    expect(entries(cache)).toHaveLength(valid.length);
  });

  it('a changed catalog is checked again: an invalid one fails with its located issue, a valid one replaces the entry', () => {
    const { file, cache } = setUp();
    const catalog = loadCatalog(file, { cache });
    plant(cache, file, { ...catalog, owners: [] });
    const text = readFileSync(file, 'utf8');

    writeFileSync(file, `${text}\nnot-a-field: true\n`);
    expect(() => loadCatalog(file, { cache })).toThrow(CatalogError);
    expect(() => loadCatalog(file, { cache })).toThrow(/catalog\.yaml:\d+:\d+.*not-a-field/);

    const edited = text.replace('apiVersion: entitlement-guard/v1', 'apiVersion: entitlement-guard/v1\n# edited');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    expect(loadCatalog(file, { cache })).toStrictEqual(catalog);
    expect(cachedCatalog(cache, file, edited)).toStrictEqual(catalog);
    // The entry was replaced: the first text's planted catalog is gone.
    expect(cachedCatalog(cache, file, text)).toBeUndefined();
    expect(entries(cache)).toHaveLength(1);
  });

  it('an entry of another validator (build, yaml, Ajv or Node) is not used', () => {
    const { file, cache } = setUp();
    const catalog = loadCatalog(file, { cache });
    plant(cache, file, { ...catalog, owners: [] });
    touch(file);
    expect(loadCatalog(file, { cache: { ...cache, validator: 'build-2' } })).toStrictEqual(catalog);
    expect(cachedCatalog(cache, file, readFileSync(file, 'utf8'))).toBeUndefined();
  });

  it('the validator is the build, the Node and the yaml and Ajv versions the loader resolves', () => {
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    expect(validatorId('b1').split('\u0000')).toEqual([
      'b1',
      `node ${process.version}`,
      `yaml ${version('yaml')}`,
      `ajv ${version('ajv')}`,
    ]);
  });

  it('an invalid catalog is never kept, and a kept entry does not hide the invalid text that replaced it', () => {
    const { file, cache } = setUp();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\nnot-a-field: true\n`);
    expect(() => loadCatalog(file, { cache })).toThrow(CatalogError);
    expect(() => readdirSync(cache.dir)).toThrow(/ENOENT/);

    writeFileSync(file, text);
    const catalog = loadCatalog(file, { cache });
    writeFileSync(file, text.replace(/^owners:/m, 'owners: []\nowners-was:'));
    expect(() => loadCatalog(file, { cache })).toThrow(CatalogError);
    expect(cachedCatalog(cache, file, text)).toStrictEqual(catalog);
  });

  it('a truncated, damaged or foreign entry is not used: the catalog is checked and the entry rewritten', () => {
    const { file, cache } = setUp();
    const catalog = loadCatalog(file, { cache });
    const text = readFileSync(file, 'utf8');
    const entry = entryFile(cache);
    const whole = readFileSync(entry);
    // Damage to an entry holding a planted catalog: were it used, a load would return the planted catalog.
    plant(cache, file, { ...catalog, owners: [] });
    const planted = readFileSync(entry);
    const formatEnd = planted.indexOf('\n') + 1;
    const damaged = {
      empty: Buffer.alloc(0),
      'cut in the format': planted.subarray(0, 10),
      'the format and the key only': planted.subarray(0, formatEnd + 65),
      'a write cut short': planted.subarray(0, Math.floor((planted.length * 3) / 4)),
      'one byte short': planted.subarray(0, planted.length - 1),
      'one byte more': Buffer.concat([planted, Buffer.from([0])]),
      'one bit of the catalog': planted.map((byte, index) => (index === planted.length - 20 ? byte ^ 1 : byte)),
      'another format': Buffer.from(planted.toString('latin1').replace('cache 2\n', 'cache 1\n'), 'latin1'),
      'not an entry': Buffer.from('not an entry'),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      writeFileSync(entry, bytes);
      expect([what, cachedCatalog(cache, file, text)]).toEqual([what, undefined]);
      touch(file);
      expect([what, loadCatalog(file, { cache })]).toStrictEqual([what, catalog]);
      expect([what, readFileSync(entry).equals(whole)]).toEqual([what, true]);
      plant(cache, file, { ...catalog, owners: [] });
    }
    expect(entries(cache)).toHaveLength(1);
  });

  it('a cache folder that cannot be made, or an entry that cannot be replaced, is none: no error, nothing left', () => {
    const { folder, file, cache } = setUp();
    writeFileSync(cache.dir, 'a file where the cache folder would be');
    expect(loadCatalog(file, { cache })).toStrictEqual(checked(file));
    expect(readFileSync(cache.dir, 'utf8')).toBe('a file where the cache folder would be');

    const blocked: CatalogCache = { ...cache, dir: join(folder, 'blocked') };
    storeCatalog(blocked, file, readFileSync(file, 'utf8'), checked(file));
    const [name] = readdirSync(blocked.dir);
    // A folder where the entry would be: the rename fails, and the partial write is removed.
    const entry = join(blocked.dir, name!);
    rmSync(entry);
    mkdirSync(entry);
    touch(file);
    expect(loadCatalog(file, { cache: blocked })).toStrictEqual(checked(file));
    expect(readdirSync(blocked.dir)).toEqual([name]);
    expect(readdirSync(entry)).toEqual([]);
  });

  it('a read-only cache folder is read but not written: a stale entry is checked over, a current one used', async () => {
    const { folder, file, cache } = setUp();
    const catalog = loadCatalog(file, { cache });
    plant(cache, file, { ...catalog, owners: [] });
    writeFileSync(file, `# edited\n${readFileSync(file, 'utf8')}`);
    const before = readFileSync(entryFile(cache));
    chmodSync(folder, 0o755);
    chmodSync(cache.dir, 0o555);
    chmodSync(entryFile(cache), 0o444);

    // root writes through any mode: the loads run as nobody then, with the mode that binds everyone else.
    const load = () => loadInChild(file, cache);
    expect(await load()).toEqual({ owners: catalog.owners.length, stderr: '' });
    expect(readFileSync(entryFile(cache)).equals(before)).toBe(true);

    chmodSync(cache.dir, 0o755);
    plant(cache, file, { ...catalog, owners: [] });
    chmodSync(cache.dir, 0o555);
    chmodSync(entryFile(cache), 0o444);
    expect(await load()).toEqual({ owners: 0, stderr: '' });
  });

  it('synths writing at once never read a catalog of another text, and leave one whole entry', async () => {
    const { folder, file, cache } = setUp();
    chmodSync(folder, 0o755);
    mkdirSync(cache.dir);
    chmodSync(cache.dir, 0o777);
    const results = await Promise.all([0, 1, 2, 3].map((worker) => raceInChild(worker, file, cache)));
    expect(results).toEqual([0, 1, 2, 3].map(() => ({ wrong: 0, reads: 400, stderr: '' })));
    const texts = [readFileSync(file, 'utf8'), `# B\n${readFileSync(file, 'utf8')}`];
    const current = texts.map((text) => cachedCatalog(cache, file, text));
    expect(current.filter((catalog) => catalog !== undefined)).toHaveLength(1);
    expect(entries(cache)).toHaveLength(1);
  });

  it('is off when running from the sources: only a package build has an id its entries are bound to', () => {
    expect(installCatalogCache()).toBeUndefined();
  });
});

const DIST = join(REPO, 'dist/catalog/');

/** Runs a script against the built catalog modules in a fresh Node, as nobody when this runs as root. */
function child(script: string): Promise<{ stdout: string; stderr: string }> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((done, fail) => {
    const process_ = spawn(process.execPath, ['--input-type=module', '-e', script], { ...asNobody, cwd: tmpdir() });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    process_.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    process_.on('error', fail);
    process_.on('close', (code) =>
      code === 0 ? done({ stdout, stderr }) : fail(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

async function loadInChild(file: string, cache: CatalogCache): Promise<{ owners: number; stderr: string }> {
  const { stdout, stderr } = await child(`
    const { loadCatalog } = await import(${JSON.stringify(`${DIST}load.js`)});
    const catalog = loadCatalog(${JSON.stringify(file)}, { cache: ${JSON.stringify(cache)} });
    console.log(catalog.owners.length);`);
  return { owners: Number(stdout), stderr };
}

/**
 * One of several processes storing and reading two texts of the same catalog file at once (each its own order):
 * every hit must be the catalog of the text asked for.
 */
async function raceInChild(
  worker: number,
  file: string,
  cache: CatalogCache,
): Promise<{ wrong: number; reads: number; stderr: string }> {
  const { stdout, stderr } = await child(`
    import { readFileSync } from 'node:fs';
    import { isDeepStrictEqual } from 'node:util';
    const { parseCatalog } = await import(${JSON.stringify(`${DIST}load.js`)});
    const { cachedCatalog, storeCatalog } = await import(${JSON.stringify(`${DIST}cache.js`)});
    const file = ${JSON.stringify(file)};
    const cache = ${JSON.stringify(cache)};
    const a = readFileSync(file, 'utf8');
    const texts = [a, '# B\\n' + a];
    const catalogs = [parseCatalog(texts[0], file), { ...parseCatalog(texts[1], file), owners: [{ id: 'B' }] }];
    let wrong = 0;
    let reads = 0;
    for (let round = 0; round < 400; round++) {
      const which = Math.floor(round / (${worker} + 3)) % 2;
      const hit = cachedCatalog(cache, file, texts[which]);
      reads++;
      if (hit === undefined) storeCatalog(cache, file, texts[which], catalogs[which]);
      else if (!isDeepStrictEqual(hit, catalogs[which])) wrong++;
    }
    console.log(JSON.stringify({ wrong, reads }));`);
  return { ...(JSON.parse(stdout) as { wrong: number; reads: number }), stderr };
}
