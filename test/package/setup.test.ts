/**
 * The set-up promises of the README: `npm install` then `npm test` with no step outside npm, every npm script on
 * Node 22 or stopped with one line, and a bundled CLI that runs as a command after every build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { ruleDocsUrl } from '../../src/rules/docs.js';

const REPO = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  bin: Record<string, string>;
  repository?: unknown;
  homepage?: unknown;
  bugs?: unknown;
  files: string[];
};

describe('Node 22 guard', () => {
  it('is the first step of every npm script but prepare (which only runs `npm run build`)', () => {
    const unguarded = Object.entries(manifest.scripts)
      .filter(([name, command]) => name !== 'prepare' && !command.startsWith('node scripts/require-node.mjs && '))
      .map(([name]) => name);
    expect(unguarded).toEqual([]);
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  it('stops an older Node with one line that says what happened and what to run', () => {
    // Node 20 pretended: the guard reads process.versions.node, nothing else.
    const pretend20 = `data:text/javascript,Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });`;
    const result = spawnSync(process.execPath, ['--import', pretend20, join(REPO, 'scripts/require-node.mjs')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'entitlement-guard: this project needs Node 22, but npm scripts found Node 20.20.2 (the `node` dev dependency did not install its binary, e.g. after `npm install --ignore-scripts`): run `npm rebuild node` or `npm install`.',
    ]);
  });

  it('lets Node 22 through silently', () => {
    const result = spawnSync(process.execPath, [join(REPO, 'scripts/require-node.mjs')], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});

describe('bundled CLI', () => {
  it('is executable after the build that `npm test` just ran, and runs as a command', () => {
    const cli = join(REPO, manifest.bin['entitlement-guard']!);
    expect(statSync(cli).mode & 0o111).toBe(0o111);
    // Run the file itself, as `npx entitlement-guard` does: the kernel reads its `#!/usr/bin/env node` line.
    const output = execFileSync(cli, ['catalog', 'validate', join(REPO, 'examples/catalog.yaml')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(REPO, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    expect(output).toContain('examples/catalog.yaml');
  });
});

describe('install', () => {
  it('keeps benchmark-only packages out of the default install', () => {
    expect(Object.keys(manifest.devDependencies)).not.toContain('@pulumi/awsguard');
  });

  it('CI installs nothing outside npm', () => {
    const ci = readFileSync(join(REPO, '.ci/run'), 'utf8');
    expect(ci).not.toMatch(/apt-get|apt |dpkg|curl|wget/);
  });
});

describe('links a package user follows', () => {
  it('names no repository, homepage or bugs URL: no placeholder host, so no rule link that does not resolve', () => {
    expect([manifest.repository, manifest.homepage, manifest.bugs]).toEqual([undefined, undefined, undefined]);
    expect(JSON.stringify(manifest)).not.toMatch(/example-co\/entitlement-guard|example\.com/);
    for (const rule of allRules) expect(ruleDocsUrl(rule.meta.id)).toBeUndefined();
  });

  it('every rule has its section in docs/rules.md, which ships in the package', () => {
    const headings = new Set(
      readFileSync(join(REPO, 'docs/rules.md'), 'utf8')
        .match(/^## [a-z-]+$/gm)!
        .map((heading) => heading.slice(3)),
    );
    expect(allRules.filter((rule) => !headings.has(rule.meta.id)).map((rule) => rule.meta.id)).toEqual([]);
    expect(manifest.files).toContain('docs/rules.md');
  });

  it('ships a LICENSE with the license package.json names', () => {
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });
});
