import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonSyntaxError,
  MAX_JSON_NESTING,
  parseLocatedJson,
  parseLocatedJsonStrictly,
  type LocatedJson,
} from '../../src/util/located-json.js';

function syntaxError(text: string): { reason: string; line: number; column: number } {
  try {
    parseLocatedJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { reason: error.reason, line: error.line, column: error.column };
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('parseLocatedJson', () => {
  it('records where the keys of the outer objects are (line and column of the opening quote)', () => {
    const text =
      '{\n  "Resources": {\n    "Role": {\n      "Type": "AWS::IAM::Role",\n      "Properties": { "Deep": { "x": 1 } }\n    }\n  }\n}\n';
    const { value, keys } = parseLocatedJson(text);
    expect(value).toEqual(JSON.parse(text));
    const role = keys.get('Resources')!.children!.get('Role')!;
    expect(keys.get('Resources')!.position).toEqual({ line: 2, column: 3 });
    expect(role.position).toEqual({ line: 3, column: 5 });
    expect(role.children!.get('Properties')!.position).toEqual({ line: 5, column: 7 });
    // Three levels only: a template's sections, its logical ids, their Type and Properties.
    expect(role.children!.get('Properties')!.children).toBeUndefined();
  });

  it('rejects a duplicate key at the second occurrence, at any depth', () => {
    expect(syntaxError('{"Resources": {"A": {}, "A": {}}}')).toEqual({
      reason: 'duplicate key "A"',
      line: 1,
      column: 25,
    });
    expect(syntaxError('{"a": [{"Effect": "Allow",\n "Effect": "Deny"}]}')).toEqual({
      reason: 'duplicate key "Effect"',
      line: 2,
      column: 2,
    });
  });

  it('locates syntax errors', () => {
    expect(syntaxError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      reason: 'unexpected character "\\"", expected "," or "}"',
      line: 3,
      column: 3,
    });
    expect(syntaxError('[1, 2')).toEqual({
      reason: 'unexpected end of input, expected "," or "]"',
      line: 1,
      column: 6,
    });
    expect(syntaxError('{"a": "x\ny"}')).toMatchObject({
      reason: 'control character in a string (escape it)',
      line: 1,
      column: 9,
    });
    expect(syntaxError('{"a": 01}')).toMatchObject({ line: 1, column: 8 });
    expect(syntaxError('{"a": "\\q"}').reason).toBe('invalid escape \\q');
    expect(syntaxError('{} x').reason).toBe('unexpected character "x" after the end of the JSON value');
  });

  it('reads __proto__ as an ordinary key, as JSON.parse does', () => {
    const { value } = parseLocatedJson('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the limit with a located error instead of overflowing the stack', () => {
    expect(syntaxError('['.repeat(MAX_JSON_NESTING + 1))).toEqual({
      reason: `nesting deeper than ${MAX_JSON_NESTING} levels`,
      line: 1,
      column: MAX_JSON_NESTING + 1,
    });
  });

  it('skips a leading byte-order mark', () => {
    expect(parseLocatedJson('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
  });

  it('property: any JSON value reads back equal to JSON.parse, at any indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseLocatedJson(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000, seed: 15_7 },
    );
  });

  it('property: accepts exactly what JSON.parse accepts (objects without duplicate keys)', () => {
    const fragments = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"b"',
      '1',
      '-0.5e3',
      'true',
      'null',
      ' ',
      '\n',
      '"\\u00e9"',
      '"\\x"',
      '01',
      '.',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        let actual: unknown;
        let parsed = true;
        try {
          actual = parseLocatedJson(text).value;
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxError);
          parsed = false;
          // Only a duplicate key is refused where JSON.parse reads last-wins.
          if (valid) expect((error as JsonSyntaxError).reason).toMatch(/^duplicate key/);
        }
        if (parsed) expect(actual).toEqual(expected);
        if (!valid) expect(parsed).toBe(false);
      }),
      { numRuns: 10_000, seed: 24_6 },
    );
  });

  it('locates keys written with escapes, and quotes escaped inside strings', () => {
    const text = '{\n "a\\\\": {"q\\"": "x\\\\", "\\u0062": "\\"}"},\n  "c": 1}';
    const { value, keys } = parseLocatedJson(text);
    expect(value).toEqual({ 'a\\': { 'q"': 'x\\', b: '"}' }, c: 1 });
    expect(keys.get('a\\')!.position).toEqual({ line: 2, column: 2 });
    expect(keys.get('a\\')!.children!.get('q"')!.position).toEqual({ line: 2, column: 10 });
    expect(keys.get('a\\')!.children!.get('b')!.position).toEqual({ line: 2, column: 24 });
    expect(keys.get('c')!.position).toEqual({ line: 3, column: 3 });
  });

  it('reports how deep the document nests', () => {
    expect(parseLocatedJson('1').depth).toBe(0);
    expect(parseLocatedJson('{"a": [[], {"b": {}}]}').depth).toBe(4);
    expect(parseLocatedJsonStrictly('{"a": [[], {"b": {}}]}').depth).toBe(4);
  });

  it('finds a duplicate key below the recorded levels, in an array, and written with an escape', () => {
    expect(syntaxError('{"a": {"b": {"c": {"d": 1, "d": 2}}}}')).toEqual({
      reason: 'duplicate key "d"',
      line: 1,
      column: 28,
    });
    expect(syntaxError('[{"x": 1}, {"y": 1, "y": 1}]')).toMatchObject({ reason: 'duplicate key "y"', column: 21 });
    expect(syntaxError('{"Effect": 1, "\\u0045ffect": 2}')).toMatchObject({ reason: 'duplicate key "Effect"' });
  });

  /** What a parse gives, as data: the value, keys and depth, or the error's reason and place. */
  function outcome(parse: (text: string, keyDepth: number) => LocatedJson, text: string, keyDepth: number): unknown {
    try {
      return parse(text, keyDepth);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      return { reason: error.reason, line: error.line, column: error.column };
    }
  }

  it('property: the fast path gives what the strict parser gives (value, keys, depth, or the same error)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'a"b', 'a\\', '\\u0061'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(0, 1, 2, '\t', '\r\n  '),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (value, indent, keyDepth, bom) => {
          const text = (bom ? '\uFEFF' : '') + JSON.stringify(value, null, indent);
          expect(outcome(parseLocatedJson, text, keyDepth)).toEqual(outcome(parseLocatedJsonStrictly, text, keyDepth));
        },
      ),
      { numRuns: 2000, seed: 23_1 },
    );
    // Hand-written documents: repeated keys at every level, spaces and line breaks before colons, escapes in keys.
    const fragment = fc.oneof(
      key.map((name) => `"${name}"`),
      fc.constantFrom('{', '}', '[', ']', ',', ':', ' : ', ',\n', '\r\n', '1', '"x"', 'null', '"\\\\"', '"\\""'),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 16 }), fc.integer({ min: 0, max: 3 }), (parts, keyDepth) => {
        const text = parts.join('');
        expect(outcome(parseLocatedJson, text, keyDepth)).toEqual(outcome(parseLocatedJsonStrictly, text, keyDepth));
      }),
      { numRuns: 20_000, seed: 23_2 },
    );
  });

  it("property: long keys (copied out of the text) and keys with escapes give the strict parser's keys", () => {
    // Keys of 13 characters or more are copied rather than sliced from the text; around that length, with escapes.
    const key = fc.oneof(
      fc.string({ minLength: 11, maxLength: 16 }),
      fc.constantFrom('Role1DefaultPolicyABCD', 'a"quoted"key-of-length', 'back\\slash\\key-13', '\u00e9'),
    );
    const object = fc.dictionary(key, fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.dictionary(key, fc.nat())), {
      maxKeys: 4,
    });
    fc.assert(
      fc.property(fc.dictionary(key, object, { maxKeys: 4 }), fc.constantFrom(0, 1, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const fast = outcome(parseLocatedJson, text, 2);
        expect(fast).toEqual(outcome(parseLocatedJsonStrictly, text, 2));
        expect((fast as LocatedJson).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000, seed: 23_4 },
    );
  });

  it('property: documents with a repeated key are refused like the strict parser refuses them', () => {
    const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 });
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 4 }), fc.nat(), (objects, pick) => {
        // The last object gets one of its keys again, written at the end: nested inside the others at growing depth.
        const inner = objects.at(-1)!;
        const repeated = Object.keys(inner)[pick % Object.keys(inner).length];
        let text = `${JSON.stringify(inner).slice(0, -1)}, ${JSON.stringify(repeated)}: 0}`;
        for (const outer of objects.slice(0, -1).reverse())
          text = `${JSON.stringify(outer).slice(0, -1)}${Object.keys(outer).length ? ', ' : ''}"z": [${text}]}`;
        const strict = outcome(parseLocatedJsonStrictly, text, 3);
        expect(strict).toMatchObject({ reason: `duplicate key ${JSON.stringify(repeated)}` });
        expect(outcome(parseLocatedJson, text, 3)).toEqual(strict);
      }),
      { numRuns: 2000, seed: 23_3 },
    );
  });
});
