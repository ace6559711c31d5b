import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder this package keeps what it worked out in one process for the next (validated catalogs, compiled code):
 * node_modules/.cache/entitlement-guard of the install that holds it, the convention of Babel, ESLint and Terser.
 * Whoever can write there can also change this package's code, so nothing kept there is trusted beyond the package.
 * Undefined outside a node_modules folder (running from a checkout) or with `ENTITLEMENT_GUARD_CACHE=off`.
 */
export function installCacheFolder(): string | undefined {
  if (process.env.ENTITLEMENT_GUARD_CACHE === 'off') return undefined;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (basename(folder) !== 'node_modules') {
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
  return join(folder, '.cache', 'entitlement-guard');
}

/**
 * Writes `bytes` aside and renames them over `file`, so that a process reading it at the same time sees the old or the
 * new content, never part of one. Best effort: a folder that cannot be written keeps nothing, silently.
 */
export function replaceCacheFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}
