/**
 * requireWithCodeCache (src/util/code-cache.ts), as the package's CDK entry uses it, in fresh Node processes (after
 * `npm run build`): the first process compiles the folder's files and writes their entries when it exits, the next
 * takes them; other modules load as Node loads them; a damaged entry or other text is compiled afresh.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CODE_CACHE = new URL('../../dist/src/util/code-cache.js', import.meta.url).href;

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'eg-code-cache-'));
  mkdirSync(join(work, 'pkg'));
  mkdirSync(join(work, 'other'));
  // The package's half: an entry that requires a file beside it, a file elsewhere and a builtin.
  writeFileSync(
    join(work, 'pkg', 'half.cjs'),
    "const dep = require('./dep.cjs'); const other = require('../other/other.cjs'); const { sep } = require('node:path');\n" +
      'exports.answer = () => dep.twice(21) + other.one + sep.length - 1;\n' +
      'exports.sameDep = () => require("./dep.cjs") === dep;\n',
  );
  writeFileSync(join(work, 'pkg', 'dep.cjs'), 'exports.twice = (n) => 2 * n;\n');
  writeFileSync(join(work, 'other', 'other.cjs'), 'exports.one = 1;\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** One process requiring pkg/half.cjs through the code cache: how each file was compiled, and what it computes. */
function run(folder: string | null = join(work, 'cache')): {
  uses: Record<string, string>;
  answer: number;
  sameDep: boolean;
  inRequireCache: boolean;
} {
  const script = `
    import { createRequire } from 'node:module';
    const { requireWithCodeCache } = await import(${JSON.stringify(CODE_CACHE)});
    const uses = {};
    const from = ${JSON.stringify(pathToFileURL(join(work, 'pkg', 'loader.mjs')).href)};
    const half = requireWithCodeCache(from, './half.cjs', ${JSON.stringify(folder)} ?? undefined, (file, use) => { uses[file.split('/').pop()] = use; });
    const inRequireCache = Object.keys(createRequire(from).cache).some((file) => file.endsWith('dep.cjs'));
    console.log(JSON.stringify({ uses, answer: half.answer(), sameDep: half.sameDep(), inRequireCache }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as ReturnType<typeof run>;
}

const entries = () => readdirSync(join(work, 'cache')).sort();

describe('requireWithCodeCache', () => {
  it('compiles the folder’s files afresh once, writes their entries on exit, and takes them in the next process', () => {
    const first = run();
    expect(first).toEqual({
      uses: { 'half.cjs': 'none', 'dep.cjs': 'none' },
      answer: 43,
      sameDep: true,
      inRequireCache: true,
    });
    // One entry per file of the package's folder; the file elsewhere loaded as Node loads it.
    expect(entries()).toHaveLength(2);
    const written = entries().map((entry) => readFileSync(join(work, 'cache', entry)));
    const second = run();
    expect(second).toEqual({
      uses: { 'half.cjs': 'taken', 'dep.cjs': 'taken' },
      answer: 43,
      sameDep: true,
      inRequireCache: true,
    });
    // A process that took every entry writes none.
    expect(entries().map((entry) => readFileSync(join(work, 'cache', entry)))).toEqual(written);
  });

  it('writes the entries when the program says its work has run (writeCodeCache), for a process ended by a signal', () => {
    // One script for every process (an entry is bound to the process's options, \`-e\` and its text included).
    const script = `
      const { requireWithCodeCache, writeCodeCache } = await import(${JSON.stringify(CODE_CACHE)});
      const from = ${JSON.stringify(pathToFileURL(join(work, 'pkg', 'loader.mjs')).href)};
      const uses = {};
      const half = requireWithCodeCache(from, './half.cjs', ${JSON.stringify(join(work, 'cache'))}, (file, use) => { uses[file.split('/').pop()] = use; });
      half.answer();
      if (process.env.WRITE === 'yes') { writeCodeCache(); writeCodeCache(); }
      console.log(JSON.stringify(uses));
      process.kill(process.pid, 'SIGKILL');`;
    const killed = (write: 'yes' | 'no') => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, WRITE: write },
      });
      expect(child.signal).toBe('SIGKILL');
      return JSON.parse(child.stdout) as Record<string, string>;
    };
    // Ended by a signal, a process never sees its exit: without writeCodeCache, nothing is kept.
    expect(killed('no')).toEqual({ 'half.cjs': 'none', 'dep.cjs': 'none' });
    expect(existsSync(join(work, 'cache')) ? entries() : []).toEqual([]);
    expect(killed('yes')).toEqual({ 'half.cjs': 'none', 'dep.cjs': 'none' });
    expect(entries()).toHaveLength(2);
    // The next process takes both.
    expect(killed('no')).toEqual({ 'half.cjs': 'taken', 'dep.cjs': 'taken' });
  });

  it('compiles a file whose entry V8 refuses (damaged) afresh and writes the entry again', () => {
    run();
    const [entry] = entries().filter((name) => readFileSync(join(work, 'cache', name)).length > 0);
    writeFileSync(join(work, 'cache', entry!), Buffer.from('not a code cache entry, but as long as one might be'));
    const damaged = run();
    expect(Object.values(damaged.uses).sort()).toEqual(['refused', 'taken']);
    expect(damaged.answer).toBe(43);
    expect(Object.values(run().uses)).toEqual(['taken', 'taken']);
  });

  it('never takes an entry for other text: a changed file is compiled afresh under an entry of its own', () => {
    run();
    writeFileSync(join(work, 'pkg', 'dep.cjs'), 'exports.twice = (n) => 3 * n;\n');
    const changed = run();
    expect(changed.uses).toEqual({ 'half.cjs': 'taken', 'dep.cjs': 'none' });
    expect(changed.answer).toBe(64);
    expect(entries()).toHaveLength(3);
  });

  it('removes entries unused for 30 days when it writes, keeps newer ones, and marks an old entry it takes as used', () => {
    run();
    const written = entries();
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const age = (name: string) => (Date.now() - statSync(join(work, 'cache', name)).mtimeMs) / (24 * 60 * 60 * 1000);
    // Another build's entries, one unused for 40 days and one for 20; an unfinished write of two days ago.
    for (const [name, days] of [
      ['old.v8', 40],
      ['recent.v8', 20],
      ['old.v8.1234.abc', 2],
    ] as const) {
      writeFileSync(join(work, 'cache', name), 'x');
      utimesSync(join(work, 'cache', name), daysAgo(days), daysAgo(days));
    }
    // Both entries were written 35 days ago; dep.cjs then changes, so its entry is no longer taken.
    for (const name of written) utimesSync(join(work, 'cache', name), daysAgo(35), daysAgo(35));
    writeFileSync(join(work, 'pkg', 'dep.cjs'), 'exports.twice = (n) => 3 * n;\n');
    expect(run().uses).toEqual({ 'half.cjs': 'taken', 'dep.cjs': 'none' });
    // half.cjs's entry was taken, so it is kept and marked as used; dep.cjs's old entry was not, and is removed; its
    // new entry is written.
    const left = entries();
    expect(left).toHaveLength(3);
    expect(left).toContain('recent.v8');
    expect(left).not.toContain('old.v8');
    expect(left).not.toContain('old.v8.1234.abc');
    const kept = written.filter((name) => left.includes(name));
    expect(kept).toHaveLength(1);
    expect(age(kept[0]!)).toBeLessThan(1);
    expect(age('recent.v8')).toBeGreaterThan(19);
  });

  it('prunes nothing when it writes nothing: a process that takes every entry leaves the folder as it is', () => {
    run();
    writeFileSync(join(work, 'cache', 'old.v8'), 'x');
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(join(work, 'cache', 'old.v8'), old, old);
    expect(Object.values(run().uses)).toEqual(['taken', 'taken']);
    expect(entries()).toContain('old.v8');
  });

  it('is a plain require without a folder (outside node_modules, or ENTITLEMENT_GUARD_CACHE=off)', () => {
    expect(run(null)).toEqual({ uses: {}, answer: 43, sameDep: true, inRequireCache: true });
  });
});
