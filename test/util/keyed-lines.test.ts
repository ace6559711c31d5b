import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { indexKeyedLines, readKeyedLines, type KeyedLines } from '../../src/util/keyed-lines.js';
import { packageFile } from '../../src/util/package-data.js';

const folder = mkdtempSync(join(tmpdir(), 'eg-keyed-lines-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Everything a reader gives: header, keys in order, and each key's line. */
function contents(lines: KeyedLines): [string, string[], (string | undefined)[]] {
  const keys = lines.keys();
  return [lines.header, keys, keys.map((key) => lines.line(key))];
}

const MISSING_INDEX = join(folder, 'no-such-index.json');

describe('the data files the build indexes', () => {
  for (const [file, index] of [
    ['data/aws-managed-policies.jsonl', 'dist/data/aws-managed-policies.index.json'],
    ['dist/data/aws-actions.jsonl', 'dist/data/aws-actions.index.json'],
  ] as const)
    it(`${file}: its index is the file's, and reading through it gives what reading the file whole gives`, () => {
      const path = packageFile(file);
      const indexPath = packageFile(index);
      expect(JSON.parse(readFileSync(indexPath, 'utf8'))).toEqual(indexKeyedLines(readFileSync(path)));
      const whole = contents(readKeyedLines(path, MISSING_INDEX));
      expect(whole[1].length).toBeGreaterThan(400);
      expect(contents(readKeyedLines(path, indexPath))).toEqual(whole);
      // What the engine's own whole-file scan found before the build wrote indexes: line starts, key up to the quote.
      const text = readFileSync(path, 'utf8').split('\n');
      expect(whole[0]).toBe(text[0]);
      expect(whole[2]).toEqual(text.slice(1).filter((line) => line !== ''));
    });
});

// A line: `["<key>",<JSON value>]`; keys are plain names, values any JSON text (non-ASCII among them, so that byte
// and character offsets differ).
const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/);
const value = fc.jsonValue().map((json) => JSON.stringify(json));
const dataFile = fc
  .record({
    header: fc.dictionary(key, fc.string({ unit: 'grapheme' })).map((header) => JSON.stringify(header)),
    lines: fc.uniqueArray(fc.tuple(key, value, fc.string({ unit: 'grapheme', maxLength: 4 })), {
      selector: ([name]) => name,
      maxLength: 60,
    }),
    finalBreak: fc.boolean(),
  })
  .map(({ header, lines, finalBreak }) => ({
    keys: lines.map(([name]) => name),
    text: `${[header, ...lines.map(([name, json, tail]) => `["${name}",${json},${JSON.stringify(tail)}]`)].join('\n')}${finalBreak ? '\n' : ''}`,
  }));

describe('readKeyedLines', () => {
  it('gives the same header, keys and lines through an index as by reading the file whole (property)', () => {
    let run = 0;
    fc.assert(
      fc.property(dataFile, fc.array(key, { maxLength: 5 }), ({ keys, text }, others) => {
        const file = join(folder, `data-${run}.jsonl`);
        const index = join(folder, `data-${run++}.index.json`);
        writeFileSync(file, text);
        writeFileSync(index, JSON.stringify(indexKeyedLines(readFileSync(file))));
        const lines = text.split('\n');
        const expected: [string, string[], string[]] = [lines[0]!, keys, lines.slice(1, keys.length + 1)];
        expect(contents(readKeyedLines(file, MISSING_INDEX))).toEqual(expected);
        const indexed = readKeyedLines(file, index);
        expect(contents(indexed)).toEqual(expected);
        expect(indexed.count).toBe(keys.length);
        for (const other of others)
          expect(indexed.line(other)).toBe(keys.includes(other) ? lines[keys.indexOf(other) + 1] : undefined);
      }),
      { numRuns: 150 },
    );
  });

  const file = join(folder, 'three.jsonl');
  const index = join(folder, 'three.index.json');
  const text = '{"count":3}\n["Alpha",1]\n["Beta","é"]\n["Gamma",[3]]\n';

  it('reads the file whole when its index is of a file of another size (a refresh not rebuilt)', () => {
    writeFileSync(file, text);
    writeFileSync(index, JSON.stringify(indexKeyedLines(Buffer.from(text.replace('[3]', '[33]')))));
    const lines = readKeyedLines(file, index);
    expect(lines.line('Gamma')).toBe('["Gamma",[3]]');
    expect(lines.keys()).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('reads the file whole when the index is not an index', () => {
    writeFileSync(file, text);
    writeFileSync(index, '{"bytes": "many"}');
    expect(readKeyedLines(file, index).line('Beta')).toBe('["Beta","é"]');
    writeFileSync(index, 'not json');
    expect(readKeyedLines(file, index).line('Alpha')).toBe('["Alpha",1]');
    const good = indexKeyedLines(Buffer.from(text));
    writeFileSync(index, JSON.stringify({ ...good, lines: [...good.lines.slice(0, 2), ['Gamma', -1, 'x']] }));
    expect(readKeyedLines(file, index).line('Gamma')).toBe('["Gamma",[3]]');
  });

  it('a line its index misplaces is an error naming both files, never another line', () => {
    const swapped = '{"count":3}\n["Gamma",1]\n["Beta","é"]\n["Alpha",[3]]\n';
    writeFileSync(file, swapped.replace('"Gamma",1', '"Alpha",1').replace('"Alpha",[3]', '"Gamma",[3]'));
    writeFileSync(index, JSON.stringify(indexKeyedLines(Buffer.from(swapped))));
    const lines = readKeyedLines(file, index);
    expect(lines.line('Beta')).toBe('["Beta","é"]');
    expect(() => lines.line('Gamma')).toThrow(
      `${file}: the line its index ${index} gives for Gamma is not that key's (rebuild the package)`,
    );
  });

  it('a missing file is the file system error', () => {
    expect(() => readKeyedLines(join(folder, 'missing.jsonl'), index)).toThrow('ENOENT');
  });
});
