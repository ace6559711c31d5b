/**
 * The files under the package's data/ folder (cloud facts written by the refresh scripts). They ship beside `dist/`
 * and are read on first use, not imported: the Azure and Google Cloud role lists alone are ~850 kB of JSON that a
 * CDK app or an AWS-only Pulumi program never needs, and bundled in they were parsed on every import.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The path of `data/<file>` in this package. */
export function packageDataFile(file: string): string {
  return packageFile(join('data', file));
}

/** The path of a file of this package, relative to its folder (`dist/data/aws-actions.jsonl`: one the build writes). */
export function packageFile(path: string): string {
  return join((root ??= packageRoot()), path);
}

/**
 * `data/<file>` parsed as JSON; a missing or broken file is an error naming it (never an empty table). The caller
 * checks the shape it expects (a count in the header against the entries).
 */
export function readPackageJson(file: string, what: string): unknown {
  const path = packageDataFile(file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The list a data file's header counts, checked against that count: a missing list, or one of another length than
 * the header says (a truncated or hand-edited file), is an error naming the file, never read as fewer facts.
 */
export function countedEntries<Entry>(
  file: string,
  entries: readonly Entry[] | undefined,
  count: number | undefined,
  what: string,
): readonly Entry[] {
  // Array.isArray narrows a readonly list to any[]: keep the entries' own type.
  if (!Array.isArray(entries) || entries.length !== count)
    throw new Error(`${file}: the header says ${count} ${what}, the file holds ${entries?.length}`);
  return entries as readonly Entry[];
}

/** This package's own package.json (its name, its `repository`). */
export function packageManifest(): { name: string; version: string; repository?: { url?: string } | string } {
  return JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as ReturnType<typeof packageManifest>;
}

/**
 * The folder of our package.json: the nearest one above this module that names a package, whatever name an
 * organisation republishes it under (the CommonJS build's own package.json, `"type": "commonjs"`, names none). This
 * module runs from `src/` (tests), `dist/src/`, or a bundle in `dist/bundle/` or `dist/cjs/` (where the build turns
 * `import.meta.url` into the bundle's own URL), so walk up from here.
 */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown };
      if (typeof manifest.name === 'string') return folder;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot locate the entitlement-guard package folder (for its data/ files)');
    folder = parent;
  }
}
