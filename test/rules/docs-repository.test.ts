/**
 * Rule links (src/rules/docs.ts) point at the repository the package's own manifest names: the nearest package.json
 * above the module that names a package, found the same way under a nameless package.json (the CommonJS build's own,
 * `"type": "commonjs"`) and under whatever name an organisation republishes the package. Runs the built modules
 * (`npm run build`) copied into a package of another name, in a fresh Node process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BUILT = fileURLToPath(new URL('../../dist/', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'eg-docs-repository-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** `ruleDocsUrl('require-owner')` from the built modules copied under `manifest`, behind a nameless package.json. */
function linkIn(manifest: Record<string, unknown>): string | null {
  const root = join(work, 'pkg');
  mkdirSync(join(root, 'dist'), { recursive: true });
  cpSync(join(BUILT, 'src'), join(root, 'dist', 'src'), { recursive: true });
  cpSync(join(BUILT, 'catalog'), join(root, 'dist', 'catalog'), { recursive: true });
  cpSync(DATA, join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', ...manifest }));
  writeFileSync(join(root, 'dist', 'src', 'package.json'), JSON.stringify({ type: 'module' }));
  const docs = pathToFileURL(join(root, 'dist', 'src', 'rules', 'docs.js')).href;
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { ruleDocsUrl } = await import(${JSON.stringify(docs)}); console.log(JSON.stringify(ruleDocsUrl('require-owner') ?? null));`,
    ],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as string | null;
}

describe('rule links', () => {
  it('point at the repository of the manifest above a nameless package.json, whatever the package is named', () => {
    expect(
      linkIn({
        name: '@example-co/entitlement-guard',
        repository: { url: 'git+https://github.com/example-co/eg.git' },
      }),
    ).toBe('https://github.com/example-co/eg/blob/main/docs/rules.md#require-owner');
  });

  it('are none when the manifest names no repository', () => {
    expect(linkIn({ name: 'entitlement-guard' })).toBeNull();
  });
});
