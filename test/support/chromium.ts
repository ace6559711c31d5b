/**
 * A headless Chromium for the browser tests, from an npm package: `@sparticuz/chromium` ships the browser
 * brotli-packed inside the package (no download, no system package), and playwright-core drives it.
 *
 * The package unpacks into `os.tmpdir()` and reuses any `chromium` it finds there, whatever its version. We point it
 * at a fresh directory instead, then move the result to a cache keyed by the package version under
 * `node_modules/.cache`: it is unpacked once per install (~3 s), never mixed with another version, and two test runs
 * that unpack at once each finish their own copy before one rename wins.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Chromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Launch flags. Playwright already adds `--headless` and `--no-sandbox` (the tests run as root in CI, where Chromium's
 * sandbox cannot start). The rest keep the browser from reaching the network on its own, so that the audit test's
 * "no request" assertion sees only what the page asks for. `@sparticuz/chromium`'s own `args` are for AWS Lambda
 * (`--single-process`, `--disable-web-security`): not needed here, and the second would weaken what the test shows.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function packageVersion(): string {
  // The package exports only its entry point (build/index.js), not its package.json.
  const manifest = join(
    dirname(createRequire(join(ROOT, 'package.json')).resolve('@sparticuz/chromium')),
    '..',
    'package.json',
  );
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The unpacked browser binary, unpacking it on first use. */
export async function chromiumExecutable(): Promise<string> {
  const cache = join(ROOT, 'node_modules', '.cache', 'entitlement-guard', `chromium-${packageVersion()}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(join(cache, '..'), { recursive: true });
  const staging = mkdtempSync(`${cache}.unpacking-`);
  const previousTmp = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging; // the package unpacks into os.tmpdir(), which reads TMPDIR on each call
    const unpacked = await Chromium.executablePath();
    if (unpacked !== join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${staging}`);
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  try {
    renameSync(staging, cache);
  } catch (error) {
    // Another run finished first: keep its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: ARGS, headless: true });
}
