/**
 * A YAML template's quoted strings and flow collections are read as CloudFormation reads them (and cfn-lint, over
 * PyYAML): a string or a `[…]`/`{…}` spread over several lines may continue at its key's indentation or at none, where
 * YAML 1.2 (and the `yaml` package alone) wants the continuation lines deeper. The value is YAML's line folding either way, and every line
 * after the string keeps its number. Broken YAML stays a located error. Each expected value here is the one PyYAML
 * 6.0.3 gives for the same text, and PyYAML refuses each invalid text too, but for the duplicate key (it keeps the
 * last), which cfn-lint refuses (E0000) as the loader always has.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTemplates, parseTemplateText } from '../../../src/adapters/cloudformation/load.js';
import { TemplateError } from '../../../src/adapters/cloudformation/template.js';
import { runCheck } from '../../../src/cli/check.js';

const FIXTURE = join(
  import.meta.dirname,
  '../../fixtures/cloudformation/quoted-string-continued-at-key-indent.template.yaml',
);

function read(text: string): unknown {
  return parseTemplateText('t.yaml', text).value;
}

function readError(text: string): string {
  try {
    parseTemplateText('t.yaml', text);
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

const valid: [name: string, text: string, value: unknown][] = [
  [
    'double quotes, continued at the key',
    'R:\n  P:\n    I: "one\n    two\n    three"\n    N: 1\n',
    { R: { P: { I: 'one two three', N: 1 } } },
  ],
  ['double quotes, continued at column 0', 'R:\n  I: "one\ntwo"\n  N: 1\n', { R: { I: 'one two', N: 1 } }],
  ['deeper, then at the key', 'R:\n  I: "one\n        two\n  three"\n  N: 1\n', { R: { I: 'one two three', N: 1 } }],
  ["single quotes with '' inside", "R:\n  I: 'it''s\n  here'\n  N: 1\n", { R: { I: "it's here", N: 1 } }],
  ['escaped double quotes', 'R:\n  I: "say \\"hi\\"\n  there"\n  N: 1\n', { R: { I: 'say "hi" there', N: 1 } }],
  ['an escaped line break joins without a space', 'R:\n  I: "abc\\\n  def"\n', { R: { I: 'abcdef' } }],
  [
    'a blank line is a newline, two are two',
    'R:\n  I: "one\n\n  two\n\n\n  three"\n',
    { R: { I: 'one\ntwo\n\nthree' } },
  ],
  ['a line of spaces is blank', 'R:\n  I: "one\n   \n  two"\n', { R: { I: 'one\ntwo' } }],
  ['trailing spaces of a line are not content', 'R:\n  I: "one   \n  two  "\n', { R: { I: 'one two  ' } }],
  ['an escaped tab before the break is content', 'R:\n  I: "one\\t\n  two"\n', { R: { I: 'one\t two' } }],
  ['a tab indents a continuation line', 'R:\n  I: "one\n\ttwo"\n', { R: { I: 'one two' } }],
  ['a tab after spaces in single quotes', "R:\n  I: 'one\n \ttwo'\n", { R: { I: 'one two' } }],
  ['CRLF line ends', 'R:\r\n  I: "one\r\n  two\r\n\r\n  three"\r\n  N: 1\r\n', { R: { I: 'one two\nthree', N: 1 } }],
  [
    'a quote in a comment opens nothing',
    'R:\n  # it\'s a "comment\n  I: x\n  J: "y\n  z"\n',
    { R: { I: 'x', J: 'y z' } },
  ],
  [
    'a quote in a literal block scalar opens nothing',
    'R:\n  I: |\n    say "hi\n    it\'s\n  J: "a\n  b"\n',
    { R: { I: 'say "hi\nit\'s\n', J: 'a b' } },
  ],
  [
    'a quote in a folded block scalar opens nothing',
    "R:\n  I: >-\n    \"open\n  J: 'a\n  b'\n",
    { R: { I: '"open', J: 'a b' } },
  ],
  ['quotes inside plain scalars open nothing', 'R:\n  I: it\'s\n  J: x"y\n', { R: { I: "it's", J: 'x"y' } }],
  ['in a flow sequence', 'R:\n  I: [ "a\n  b", c ]\n', { R: { I: ['a b', 'c'] } }],
  ['in a flow sequence, at column 0', 'R:\n  I: [ "a\nb", c ]\n', { R: { I: ['a b', 'c'] } }],
  ['in a flow mapping', 'R:\n  I: { k: "a\n  b", l: \'c\n  d\' }\n', { R: { I: { k: 'a b', l: 'c d' } } }],
  ['a sequence item', 'R:\n  - "one\n  two"\n  - x\n', { R: ['one two', 'x'] }],
  ['a sequence item, at column 0', 'R:\n  - "one\ntwo"\n  - x\n', { R: ['one two', 'x'] }],
  ['after a quoted key', 'R:\n  "a b": "c\n  d"\n', { R: { 'a b': 'c d' } }],
  ['a comment after the closing quote', 'R:\n  I: "one\n  two"  # c "\n  N: 1\n', { R: { I: 'one two', N: 1 } }],
  ['a continuation line that looks like a key', 'R:\n  I: "one\n  K: v"\n  N: 1\n', { R: { I: 'one K: v', N: 1 } }],
  [
    'a continuation line that looks like a comment',
    'R:\n  I: "one\n  # hash"\n  N: 1\n',
    { R: { I: 'one # hash', N: 1 } },
  ],
  ['a continuation line that looks like an item', 'R:\n  I: "one\n  - two"\n', { R: { I: 'one - two' } }],
  ['three dashes that are not a document marker', 'R:\n  I: "one\n---x\n  two"\n', { R: { I: 'one ---x two' } }],
  ['with a short tag', 'R:\n  I: !Sub "arn:${A}\n  :x"\n  N: 1\n', { R: { I: { 'Fn::Sub': 'arn:${A} :x' }, N: 1 } }],
  ['with an anchor, and its alias', 'R:\n  I: &a "one\n  two"\n  J: *a\n', { R: { I: 'one two', J: 'one two' } }],
  ['an empty string over two lines', 'R:\n  I: "\n  "\n', { R: { I: ' ' } }],
  [
    'closing at the parent, then the parent continues',
    'R:\n  P:\n    I: "one\ntwo"\n  Q: 3\n',
    { R: { P: { I: 'one two' }, Q: 3 } },
  ],
  // Flow collections: libyaml checks no indentation inside one (serverless-patterns' systems-manager-automation-to-
  // stepfunctions writes a policy's Resource list so; apigw-lambda-rust a resource policy's statements).
  [
    'a flow sequence whose items are at the key',
    'R:\n  Resource: [\n  "x",\n  "y"\n  ]\n  N: 1\n',
    { R: { Resource: ['x', 'y'], N: 1 } },
  ],
  [
    'a flow map in a flow sequence, closed at the key',
    'R:\n  P:\n    S: [{\n    "a": 1,\n    "b": "x"\n    }]\n    N: 1\n',
    { R: { P: { S: [{ a: 1, b: 'x' }], N: 1 } } },
  ],
  [
    'nested flows continued at column 0',
    'R:\n  Schema: {"a": 1,\n  "b": [1,\n2]}\n  N: 2\n',
    { R: { Schema: { a: 1, b: [1, 2] }, N: 2 } },
  ],
  ['a plain scalar continued in a flow sequence', 'R:\n  I: [ a\n  b, c ]\n', { R: { I: ['a b', 'c'] } }],
  [
    'short tags in a flow sequence at the key',
    'R:\n  Resource: [\n  !Sub "arn:${AWS::Partition}:rds:x",\n  !Ref B\n  ]\n',
    { R: { Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:rds:x' }, { Ref: 'B' }] } },
  ],
  ['a flow sequence closed at column 0', 'R:\n  I: [a,\nb\n]\n  N: 1\n', { R: { I: ['a', 'b'], N: 1 } }],
  ['a flow sequence as a sequence item', 'R:\n  - [a,\n  b]\n  - c\n', { R: [['a', 'b'], 'c'] }],
  ['a comment line in a flow map', 'R:\n  I: {k: v,\n  # a comment\n  l: w}\n', { R: { I: { k: 'v', l: 'w' } } }],
  // `yaml` alone read these as two keys, the first string closed by its escaped quote, where PyYAML reads one string.
  ["'' at the end of a line does not close the string", "a: 'it''\nb: c'\n", { a: "it' b: c" }],
  ['\\" at the end of a line does not close the string', 'a: "x\\"\nb: y"\n', { a: 'x" b: y' }],
];

const invalid: [name: string, text: string, message: string][] = [
  [
    'double quotes never closed',
    'R:\n  I: "one\n  two\n',
    't.yaml:2:6: invalid YAML: Missing closing "quote: the string that opens here runs to the end of the file',
  ],
  [
    'single quotes never closed',
    "R:\n  I: 'one\n  two\n  N: 1\n",
    "t.yaml:2:6: invalid YAML: Missing closing 'quote: the string that opens here runs to the end of the file",
  ],
  [
    'a document marker inside the string',
    'R:\n  I: "one\n---\n  two"\n',
    't.yaml:2:10: invalid YAML: Missing closing "quote',
  ],
  [
    'a document end marker inside the string',
    'R:\n  I: "one\n...\n  two"\n',
    't.yaml:2:10: invalid YAML: Missing closing "quote',
  ],
  [
    'a wrong indentation after the string',
    'R:\n  I: "one\n  two"\n   N: 1\n',
    't.yaml:4:1: invalid YAML: All mapping items must start at the same column',
  ],
  [
    'a wrong indentation elsewhere',
    'R:\n  A: 1\n B: 2\n',
    't.yaml:3:1: invalid YAML: All mapping items must start at the same column',
  ],
  [
    'a duplicate key after the string',
    'R:\n  I: "one\n  two"\n  I: 2\n',
    't.yaml:4:3: invalid YAML: Map keys must be unique',
  ],
  [
    'a quoted key over two lines',
    'R:\n  "a\n  b": c\n',
    't.yaml:2:3: invalid YAML: Implicit keys need to be on a single line',
  ],
  [
    'text after the closing quote',
    'R:\n  I: "one\n  two" junk\n  N: 1\n',
    't.yaml:3:8: invalid YAML: Unexpected scalar at node end',
  ],
  [
    'a plain string continued at its key',
    'R:\n  I: one\n  two\n',
    't.yaml:3:3: invalid YAML: Implicit map keys need to be followed by map values',
  ],
  [
    'a flow sequence never closed',
    'R:\n  I: [ a,\n  b\n',
    't.yaml:2:6: invalid YAML: Flow sequence that opens here is never closed: its ] is missing',
  ],
  [
    'a flow map never closed',
    'R:\n  I: { a: 1,\n  b: 2\n',
    't.yaml:2:6: invalid YAML: Flow map that opens here is never closed: its } is missing',
  ],
  // A pair without a value (`{a}`, `? x`) was a TypeError while the opening was looked for (the fuzz test found it).
  [
    'a flow sequence never closed after a key without a value',
    'R: {a, b: [1,\n',
    't.yaml:1:11: invalid YAML: Flow sequence that opens here is never closed: its ] is missing',
  ],
  [
    'a flow sequence never closed after an explicit key',
    'R:\n  ? x\n  I: [ a,\n',
    't.yaml:3:6: invalid YAML: Flow sequence that opens here is never closed: its ] is missing',
  ],
  [
    'a quote never closed after a key without a value',
    'R: [a, {b}, "c\n',
    't.yaml:1:13: invalid YAML: Missing closing "quote: the string that opens here runs to the end of the file',
  ],
  [
    'a document marker inside a flow sequence',
    'R:\n  I: [ a,\n---\n  b ]\n',
    't.yaml:2:6: invalid YAML: Flow sequence that opens here is never closed: its ] is missing',
  ],
  [
    'a second document',
    'R:\n  I: "one\n  two"\n---\nS: 1\n',
    't.yaml:4:1: invalid YAML: a template is one document, and a second one starts here',
  ],
];

describe('quoted strings continued at any indentation, as CloudFormation reads them', () => {
  it.each(valid)('reads %s', (_, text, value) => {
    expect(read(text)).toEqual(value);
  });

  it.each(invalid)('refuses %s, located', (_, text, message) => {
    expect(readError(text)).toBe(message);
  });

  it('reads the fixture with the same strings and the same key lines as YAML reads it indented deeper', () => {
    const [input] = loadTemplates(FIXTURE);
    const template = input!.template as unknown as {
      Description: unknown;
      Resources: Record<string, { Properties: Record<string, unknown> }>;
    };
    expect(template.Description).toBe(
      "Two roles; the first one's description spans three lines, the last one indented.",
    );
    const agent = template.Resources.AgentRole!.Properties;
    expect(agent.Description).toBe('Runs the agent. It reads "claims" and nothing else.\nOwned by the claims team.');
    expect((agent.Policies as { PolicyName: string }[])[0]!.PolicyName).toBe("claims-reader's policy");
    const resources = input!.keys!.get('Resources')!.children!;
    expect(resources.get('AgentRole')!.position).toEqual({ line: 9, column: 3 });
    expect(resources.get('AdminRole')!.position).toEqual({ line: 30, column: 3 });
  });

  it('locates the finding after the strings at its own line through the CLI', () => {
    const result = runCheck({
      paths: [FIXTURE],
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      toolVersion: 'test',
    });
    expect(result.errors).toEqual([]);
    const wildcard = result.result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege');
    expect(wildcard.map((finding) => [finding.resource.name, finding.resource.line, finding.resource.column])).toEqual([
      ['AdminRole', 30, 3],
    ]);
  });

  it('gives the same value whether the continuation lines are indented deeper than the key or not', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 :#,[\]{}&*!|>%@`'"\\-]{0,12}$/);
    const line = fc.oneof(
      { weight: 5, arbitrary: word },
      { weight: 1, arbitrary: fc.constant('') }, // a blank line
    );
    const indent = fc.oneof(
      fc.constantFrom('', '\t', ' \t'),
      fc.integer({ min: 0, max: 9 }).map((n) => ' '.repeat(n)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('"', "'"),
        word,
        fc.array(fc.tuple(line, indent), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (quote, first, rest, crlf) => {
          const escape = (text: string) =>
            quote === '"' ? text.replace(/[\\"]/g, (char) => `\\${char}`) : text.replace(/'/g, "''");
          const write = (indentOf: (given: string) => string) => {
            const lines = [`      Text: ${quote}${escape(first)}`];
            for (const [text, given] of rest) lines.push(text === '' ? '' : `${indentOf(given)}${escape(text)}`);
            lines[lines.length - 1] += quote;
            const body = [
              'Resources:',
              '  R:',
              '    Type: AWS::IAM::Role',
              '    Properties:',
              ...lines,
              '      After: 1',
              '',
            ];
            return body.join(crlf ? '\r\n' : '\n');
          };
          // YAML 1.2 reads the deeper text; the loader reads both, the same.
          const deeper = read(write(() => '        '));
          expect(read(write((given) => given))).toEqual(deeper);
          const keys = parseTemplateText(
            't.yaml',
            write((given) => given),
          ).keys;
          expect(keys.get('Resources')!.children!.get('R')!.position).toEqual({ line: 2, column: 3 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
