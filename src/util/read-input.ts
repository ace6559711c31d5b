/**
 * Reading input files an attacker may control (templates, manifests, cloud assembly manifests, the files they
 * point at): only regular files, only up to a size limit, and, for a file another input names, only inside the
 * directory of the input that names it. A device (`/dev/zero`), a FIFO, a huge file or `../../etc/passwd` is a
 * located error, never a read.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * 32 MiB: CloudFormation refuses templates over 1 MB, and the largest rendered Helm charts and cdk.out manifests
 * we have seen are a few MB; a larger input is a mistake or an attack, and reading it could exhaust memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

export interface ReadLimits {
  /** A directory the file must resolve inside (symbolic links followed): the directory of the input naming it. */
  within?: string;
  /** Overrides MAX_INPUT_BYTES (tests). */
  maxBytes?: number;
  /**
   * The caller reads the file last in the `withReadCache` scope (the template loader, after the probes for plans and
   * manifests): its text leaves the cache, so a 100,000-resource cdk.out's 48 MB of text is not held while the model
   * is built. A later read of the same file reads it again.
   */
  lastRead?: boolean;
}

/** Texts already read in the current `withReadCache` scope, by path, with the file's identity and time when read. */
let readCache: Map<string, { stamp: string; text: string }> | undefined;

/**
 * Runs `read` with each file read at most once while its identity, size and modification time stay the same: the
 * CLI looks at every JSON file of a directory for a plan, a manifest and a template in turn, and a 100,000-resource
 * cdk.out was read three times. Each read still checks the file (regular, within the limit, inside its directory).
 */
export function withReadCache<T>(read: () => T): T {
  if (readCache) return read();
  readCache = new Map();
  try {
    return read();
  } finally {
    readCache = undefined;
  }
}

/** Why `file` must not be read, or undefined when it may be. Follows symbolic links, like the read would. */
export function unreadableReason(file: string, limits: ReadLimits = {}): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return `cannot read file (${describe(error)})`;
  }
  if (limits.within !== undefined && !isInside(real, limits.within)) {
    return `resolves outside the input's directory (${limits.within}), so it is not read`;
  }
  let stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return `cannot read file (${describe(error)})`;
  }
  if (!stats.isFile()) return 'not a regular file (a device, FIFO, socket or directory is never read as input)';
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  if (stats.size > maxBytes) return `file is ${stats.size} bytes, over the ${maxBytes}-byte limit for an input file`;
  return undefined;
}

/**
 * The file's text, or an error from `fail(reason)`. The size is checked again on the open file and the read stops
 * at the limit, so a file that grows (or is swapped) after the check cannot make it read more.
 */
export function readInputText(file: string, fail: (reason: string) => Error, limits: ReadLimits = {}): string {
  const reason = unreadableReason(file, limits);
  if (reason) throw fail(reason);
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw fail('not a regular file (a device, FIFO, socket or directory is never read as input)');
    const stamp = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
    const cached = readCache?.get(file);
    if (limits.lastRead) readCache?.delete(file);
    if (cached?.stamp === stamp) return cached.text;
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw fail(`file is over the ${maxBytes}-byte limit for an input file`);
    const text = buffer.toString('utf8', 0, length);
    if (!limits.lastRead) readCache?.set(file, { stamp, text });
    return text;
  } catch (error) {
    if (error instanceof Error && !('code' in error)) throw error;
    throw fail(`cannot read file (${describe(error)})`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** True when `file` (a real path) is `directory` or inside it; the directory's own links are resolved first. */
export function isInside(file: string, directory: string): boolean {
  let root: string;
  try {
    root = realpathSync(directory);
  } catch {
    return false;
  }
  const path = relative(root, file);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
