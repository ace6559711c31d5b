/**
 * The aspect's per-synthesis fast paths for annotating thousands of findings give what the plain functions give:
 * `CreationTraces` (each creation-stack line parsed and written once, each construct read once) against
 * `creationFrames`, `writeFrame` and `sourceLocation` per construct; `withSource` without a regular expression against
 * the replace it stands for.
 */
import fc from 'fast-check';
import { Construct } from 'constructs';
import { testApp } from './support.js';
import { describe, expect, it } from 'vitest';
import { withSource } from '../../cdk-aspects/aspect.js';
import {
  creationFrames,
  CreationTraces,
  sourceLocation,
  writeFrame,
  type CreationTrace,
} from '../../cdk-aspects/source-location.js';

const cwd = process.cwd();

/** One line of a creation stack in each form the CDK records (and some it never does). */
const traceLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'new Role',
        'PaymentsStack',
        '<anonymous>',
        'Object.<anonymous>',
        'file:///app/x.ts:1:',
        '/abs/fn',
      ),
      fc.constantFrom(
        `${cwd}/lib/stacks.ts`,
        `${cwd}/bin/app.ts`,
        '/elsewhere/app.ts',
        'relative/app.ts',
        'C:\\app\\a.ts',
      ),
      fc.nat(99),
      fc.option(fc.nat(99), { nil: undefined }),
      fc.boolean(),
    )
    .map(([name, file, line, column, url]) => {
      const where = `${url && file.startsWith('/') ? `file://${file}` : file}:${line}${column === undefined ? '' : `:${column}`}`;
      return `${name} (${where})`;
    }),
  fc
    .tuple(fc.constantFrom(`file://${cwd}/bin/app.ts`, `${cwd}/bin/app.ts`, '/other/app.ts'), fc.nat(99), fc.nat(99))
    .map(([file, line, column]) => `${file}:${line}: (${file}:${line}:${column})`),
  fc
    .tuple(fc.constantFrom(`file://${cwd}/bin/app.ts`, '/other/app.ts'), fc.nat(99))
    .map(([file, line]) => `${file}:${line} (:)`),
  fc.constantFrom('...new Role in aws-cdk-lib...', '  ...node internals...', 'not a frame', ''),
);

/** Construct (recorded lines) lists sharing lines, and a construct asked for more than once. */
const traces = fc.array(fc.array(traceLine, { maxLength: 5 }), { minLength: 1, maxLength: 8 });

function constructsWith(recorded: unknown[][]): Construct[] {
  const root = testApp();
  return recorded.map((lines, index) => {
    const construct = new Construct(root, `C${index}`);
    construct.node.addMetadata('aws:cdk:creationStack', lines);
    return construct;
  });
}

function plain(construct: Construct): CreationTrace {
  const frames = creationFrames(construct);
  return { frames, written: frames.map(writeFrame), source: sourceLocation(frames) };
}

describe('CreationTraces: one parse per creation-stack line, for one batch of annotations', () => {
  it('gives each construct the frames, written trace and source line creationFrames and sourceLocation give', () => {
    fc.assert(
      fc.property(traces, fc.array(fc.nat(20), { maxLength: 10 }), (recorded, again) => {
        const constructs = constructsWith(recorded);
        const reader = new CreationTraces();
        const asked = [...constructs, ...again.flatMap((index) => constructs[index % constructs.length] ?? [])];
        for (const construct of asked) expect(reader.of(construct)).toEqual(plain(construct));
      }),
    );
  });

  it('gives the source line alone (annotations without traces) as of() and sourceLocation give it', () => {
    fc.assert(
      fc.property(traces, fc.boolean(), (recorded, readWholeFirst) => {
        const constructs = constructsWith(recorded);
        const reader = new CreationTraces();
        // Either order: a line parsed for a source line is the same line for a whole trace, and the other way round.
        if (readWholeFirst) for (const construct of constructs) reader.of(construct);
        for (const construct of constructs) expect(reader.sourceOf(construct)).toBe(plain(construct).source);
        for (const construct of constructs) expect(reader.of(construct)).toEqual(plain(construct));
      }),
    );
  });

  it('reads a construct without a creation stack, or with one that is not a list of lines, as creationFrames does', () => {
    const root = testApp();
    const constructs = [new Construct(root, 'Empty')];
    constructs[0]!.node.addMetadata('aws:cdk:creationStack', []);
    const odd = new Construct(root, 'Odd');
    odd.node.addMetadata('aws:cdk:creationStack', 'not a list');
    const mixed = new Construct(root, 'Mixed');
    mixed.node.addMetadata('aws:cdk:creationStack', [42, `fn (${cwd}/a.ts:1:2)`, null]);
    const reader = new CreationTraces();
    for (const construct of [root, odd, mixed, ...constructs]) {
      expect(reader.sourceOf(construct)).toBe(plain(construct).source);
      expect(reader.of(construct)).toEqual(plain(construct));
    }
    expect(reader.of(mixed).written).toEqual([`fn (${cwd}/a.ts:1:2)`]);
  });

  it('gives frames already read (where the app created the guard) their written trace and source line', () => {
    const [construct] = constructsWith([[`new Guard (${cwd}/bin/app.ts:3:9)`, 'other (/x/y.ts:1:1)']]);
    const frames = creationFrames(construct!);
    expect(new CreationTraces().ofFrames(frames)).toEqual(plain(construct!));
    expect(new CreationTraces().ofFrames([])).toEqual({ frames: [], written: [], source: undefined });
  });
});

describe('withSource: the source line after the first resource line, without a regular expression', () => {
  const regex = (message: string, source: string | undefined) =>
    source === undefined ? message : message.replace(/^ {2}resource: .*$/m, (line) => `${line}\n  source: ${source}`);
  const piece = fc.oneof(
    fc.constantFrom('  resource: ', 'resource: ', ' resource: ', '\n', '\r', '\u2028', '\u2029', '\r\n', 'x', ' '),
    fc.string({ maxLength: 6 }),
  );
  const message = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('gives what the replace gives, for any message and source', () => {
    fc.assert(
      fc.property(message, fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), (text, source) => {
        expect(withSource(text, source)).toBe(regex(text, source));
      }),
      { numRuns: 2000 },
    );
  });

  it('on a finding as the aspect words it', () => {
    const text = '[EntitlementGuard] r (mandatory): m\n  resource: A/B (AWS::IAM::Role B)\n  why: w\n  resource: again';
    expect(withSource(text, 'lib/a.ts:1:2')).toBe(
      '[EntitlementGuard] r (mandatory): m\n  resource: A/B (AWS::IAM::Role B)\n  source: lib/a.ts:1:2\n  why: w\n  resource: again',
    );
    expect(withSource(text, 'lib/a.ts:1:2')).toBe(regex(text, 'lib/a.ts:1:2'));
  });
});
