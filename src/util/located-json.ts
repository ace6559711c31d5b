/**
 * A strict JSON parser (RFC 8259) that knows where things are: it rejects duplicate keys, which `JSON.parse` reads
 * last-wins without a word (a template could hide a second `Effect` or `Resources` entry behind the first), and it
 * records where the keys of the outer objects are, so a finding points at the line of its resource rather than at
 * the first line that happens to contain the same name. Every error carries a line and column.
 *
 * Valid input takes a fast path: `JSON.parse` builds the value (native code), one scan of the text records the outer
 * keys' positions and counts every key, and the value's keys are counted: fewer in the value than in the text means
 * `JSON.parse` let a duplicate win. Anything the fast path does not accept (a syntax error, a duplicate, too deep a
 * nesting) is parsed again by the strict parser below, which says what is wrong and where.
 */

import { setOwn } from './records.js';

/** 1-based line and column, as editors and SARIF count them. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where each key of an object starts, and for the outer levels the keys of its value. */
export type KeyTree = Map<string, KeyNode>;

export interface KeyNode {
  position: SourcePosition;
  children?: KeyTree;
}

export interface LocatedJson {
  value: unknown;
  /** The keys of the root object and of the objects below it, to `keyDepth` levels. */
  keys: KeyTree;
  /** How deep objects and arrays nest: 0 for a scalar, 1 for `{}` or `[1]`, 2 for `{"a": []}`. */
  depth: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Deeper nesting is refused with a located error rather than overflowing the call stack. */
export const MAX_JSON_NESTING = 1000;

/**
 * Parses `text` as JSON. `keyDepth` is how many levels of object keys get positions (3 covers a template's
 * sections, its resources and their `Type`/`Properties`). A leading byte-order mark is skipped, as editors write one.
 */
export function parseLocatedJson(text: string, keyDepth = 3): LocatedJson {
  return parseValidJson(text, keyDepth) ?? parseLocatedJsonStrictly(text, keyDepth);
}

/** The strict parser alone, without the fast path: the same result, slower; tests hold the two to each other. */
export function parseLocatedJsonStrictly(text: string, keyDepth = 3): LocatedJson {
  return new Parser(text, keyDepth).parseDocument();
}

/**
 * The fast path: the document when `JSON.parse` reads it, no key repeats in its object and it nests at most
 * MAX_JSON_NESTING levels; undefined otherwise (the strict parser then finds the error). The same value and keys as
 * the strict parser gives.
 */
function parseValidJson(text: string, keyDepth: number): LocatedJson | undefined {
  const start = codeAt(text, 0) === Char.ByteOrderMark ? 1 : 0;
  let value: unknown;
  try {
    value = JSON.parse(start === 0 ? text : text.slice(start));
  } catch {
    return undefined;
  }
  const scanned = scanKeys(text, start, keyDepth);
  if (scanned.depth > MAX_JSON_NESTING || countKeys(value) !== scanned.count) return undefined;
  return { value, keys: scanned.keys, depth: scanned.depth };
}

/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- the scan compares charCodeAt itself: through codeAt,
   a call per character until V8 optimizes it cost 0.3 % of a check's instructions. */
/**
 * One pass over text that `JSON.parse` accepted: the positions of the keys to `keyDepth` levels (objects inside
 * arrays have none), how many keys the text writes, and how deep it nests. Strings are skipped with `indexOf`, so
 * only the characters between them are looked at one by one.
 */
function scanKeys(text: string, start: number, keyDepth: number): { keys: KeyTree; count: number; depth: number } {
  const keys: KeyTree = new Map();
  /** The tree that takes the keys at each level below the root: `trees[depth - 1]`. */
  const trees: (KeyTree | undefined)[] = [keys];
  let count = 0;
  let depth = 0;
  let maxDepth = 0;
  /** Open arrays: keys inside one are not recorded. */
  let arrays = 0;
  let line = 1;
  let lineStart = 0;
  const length = text.length;
  let i = start;
  while (i < length) {
    // JSON.parse accepted the text: between strings there are only ASCII structure, numbers, literals and space.
    const code = text.charCodeAt(i);
    // Space first, then strings: most of the characters looked at here are indentation.
    if (code === Char.Space) {
      i++;
      continue;
    }
    if (code === Char.Quote) {
      const quote = i;
      let end = text.indexOf('"', i + 1);
      // A quote after an odd number of backslashes is inside the string.
      while (text.charCodeAt(end - 1) === Char.Backslash) {
        let backslash = end - 1;
        while (text.charCodeAt(backslash - 1) === Char.Backslash) backslash--;
        if ((end - backslash) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end + 1;
      let next = text.charCodeAt(i);
      while (next === Char.Space || next === Char.LineFeed || next === Char.CarriageReturn || next === Char.Tab) {
        if (next === Char.LineFeed) {
          line++;
          lineStart = i + 1;
        }
        next = text.charCodeAt(++i);
      }
      if (next !== Char.Colon) continue;
      // A string followed by a colon is a key.
      count++;
      i++;
      if (arrays > 0 || depth > keyDepth) continue;
      // A slice of 13 characters or more is a view that keeps the whole text alive as long as the key tree (48 MB
      // for a 100,000-resource cdk.out, held until the model is built): JSON.parse makes such a key a copy.
      let key = text.slice(quote + 1, end);
      if (key.length >= 13 || key.includes('\\')) key = JSON.parse(text.slice(quote, end + 1)) as string;
      const node: KeyNode = { position: { line, column: quote - lineStart + 1 } };
      if (depth < keyDepth) trees[depth] = node.children = new Map();
      // The object holding this key is the value of a key one level up, which made its tree.
      const tree = trees[depth - 1];
      if (tree === undefined) throw new Error(`internal error: no key tree at depth ${depth}`);
      // A key written twice is found by the count; the strict parser then reports it.
      tree.set(key, node);
      continue;
    }
    if (code === Char.LineFeed) {
      line++;
      lineStart = ++i;
      // The next line's indentation, in a loop of its own.
      while (text.charCodeAt(i) === Char.Space) i++;
      continue;
    }
    if (code === Char.OpenBrace) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (code === Char.OpenBracket) {
      arrays++;
      if (++depth > maxDepth) maxDepth = depth;
    } else if (code === Char.CloseBrace) {
      depth--;
    } else if (code === Char.CloseBracket) {
      arrays--;
      depth--;
    }
    i++;
  }
  return { keys, count, depth: maxDepth };
}

/* eslint-enable @typescript-eslint/no-unsafe-enum-comparison */

/**
 * How many keys the objects of a parsed value hold, all levels together. A scalar is not passed down: a call for each
 * of a template's strings and numbers cost more than the test.
 */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'object' && item !== null) count += countKeys(item);
    }
    return count;
  }
  for (const key in value) {
    count++;
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) count += countKeys(item);
  }
  return count;
}

/**
 * Character codes the parser compares against: a const enum, so that each is compiled in as its number. Read from an
 * object, every comparison of the key scan loaded a property (about 4 % of the located parse's instructions).
 */
const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
  ByteOrderMark = 0xfeff,
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  private index = 0;
  private lineStarts: number[] | undefined;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly keyDepth: number,
  ) {}

  parseDocument(): LocatedJson {
    if (codeAt(this.text, 0) === Char.ByteOrderMark) this.index = 1;
    const keys: KeyTree = new Map();
    this.skipWhitespace();
    const value = this.parseValue(0, keys);
    this.skipWhitespace();
    if (this.index < this.text.length)
      this.fail(`unexpected ${this.describe(this.index)} after the end of the JSON value`);
    return { value, keys, depth: this.depth };
  }

  private parseValue(depth: number, keys: KeyTree | undefined): unknown {
    const code = codeAt(this.text, this.index);
    if (code === Char.OpenBrace) return this.parseObject(depth + 1, keys);
    if (code === Char.OpenBracket) return this.parseArray(depth + 1);
    if (code === Char.Quote) return this.parseString();
    if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) return this.parseNumber();
    if (this.text.startsWith('true', this.index)) return this.literal(4, true);
    if (this.text.startsWith('false', this.index)) return this.literal(5, false);
    if (this.text.startsWith('null', this.index)) return this.literal(4, null);
    return this.fail(
      this.index >= this.text.length
        ? 'unexpected end of input, expected a value'
        : `unexpected ${this.describe(this.index)}, expected a value`,
    );
  }

  private literal(length: number, value: boolean | null): boolean | null {
    this.index += length;
    return value;
  }

  private parseObject(depth: number, keys: KeyTree | undefined): Record<string, unknown> {
    if (depth > MAX_JSON_NESTING) this.fail(`nesting deeper than ${MAX_JSON_NESTING} levels`);
    if (depth > this.depth) this.depth = depth;
    this.index++;
    const result: Record<string, unknown> = {};
    this.skipWhitespace();
    if (codeAt(this.text, this.index) === Char.CloseBrace) {
      this.index++;
      return result;
    }
    for (;;) {
      if (codeAt(this.text, this.index) !== Char.Quote)
        this.fail(`unexpected ${this.describe(this.index)}, expected a string key`);
      const keyStart = this.index;
      const key = this.parseString();
      // The object itself says whether the key came before (own properties only; `__proto__` is defined as one below):
      // no set of keys per object, of which an audit file has hundreds of thousands.
      if (Object.hasOwn(result, key)) this.failAt(keyStart, `duplicate key ${JSON.stringify(key)}`);
      this.skipWhitespace();
      if (codeAt(this.text, this.index) !== Char.Colon)
        this.fail(`unexpected ${this.describe(this.index)}, expected ":" after key ${JSON.stringify(key)}`);
      this.index++;
      this.skipWhitespace();
      let children: KeyTree | undefined;
      if (keys && depth <= this.keyDepth) {
        const node: KeyNode = { position: this.positionAt(keyStart) };
        if (depth < this.keyDepth) node.children = children = new Map();
        keys.set(key, node);
      }
      const value = this.parseValue(depth, children);
      setOwn(result, key, value);
      if (this.closesAfterItem(Char.CloseBrace, '}')) return result;
    }
  }

  private parseArray(depth: number): unknown[] {
    if (depth > MAX_JSON_NESTING) this.fail(`nesting deeper than ${MAX_JSON_NESTING} levels`);
    if (depth > this.depth) this.depth = depth;
    this.index++;
    const result: unknown[] = [];
    this.skipWhitespace();
    if (codeAt(this.text, this.index) === Char.CloseBracket) {
      this.index++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue(depth, undefined));
      if (this.closesAfterItem(Char.CloseBracket, ']')) return result;
    }
  }

  /**
   * After an object's member or an array's item: a comma (consumed with the space after it, false: another item
   * follows) or the closing character (consumed, true); anything else is the error, located.
   */
  private closesAfterItem(close: Char, closeText: string): boolean {
    this.skipWhitespace();
    const next = codeAt(this.text, this.index);
    if (next === Char.Comma) {
      this.index++;
      this.skipWhitespace();
      return false;
    }
    if (next === close) {
      this.index++;
      return true;
    }
    return this.fail(
      this.index >= this.text.length
        ? `unexpected end of input, expected "," or "${closeText}"`
        : `unexpected ${this.describe(this.index)}, expected "," or "${closeText}"`,
    );
  }

  private parseString(): string {
    const start = ++this.index;
    const text = this.text;
    // Fast path: no escape before the closing quote.
    for (let i = start; i < text.length; i++) {
      const code = codeAt(text, i);
      if (code === Char.Quote) {
        this.index = i + 1;
        return text.slice(start, i);
      }
      if (code === Char.Backslash) break;
      if (code < Char.Space) this.failAt(i, 'control character in a string (escape it)');
    }
    let result = '';
    let chunk = start;
    let i = start;
    while (i < text.length) {
      const code = codeAt(text, i);
      if (code === Char.Quote) {
        this.index = i + 1;
        return result + text.slice(chunk, i);
      }
      if (code < Char.Space) this.failAt(i, 'control character in a string (escape it)');
      if (code !== Char.Backslash) {
        i++;
        continue;
      }
      result += text.slice(chunk, i);
      const escape = text[i + 1];
      const replacement = escape === undefined ? undefined : ESCAPES[escape];
      if (escape === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.failAt(i, 'invalid \\u escape (four hexadecimal digits expected)');
        result += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (replacement !== undefined) {
        result += replacement;
        i += 2;
      } else {
        this.failAt(i, `invalid escape \\${escape ?? ''}`);
      }
      chunk = i;
    }
    return this.failAt(start - 1, 'unterminated string');
  }

  private parseNumber(): number {
    const text = this.text;
    const start = this.index;
    let i = start;
    if (codeAt(text, i) === Char.Minus) i++;
    if (codeAt(text, i) === Char.Zero) i++;
    else if (isDigit(codeAt(text, i))) while (isDigit(codeAt(text, i))) i++;
    else this.failAt(i, 'invalid number: a digit expected');
    if (codeAt(text, i) === Char.Dot) {
      i++;
      if (!isDigit(codeAt(text, i))) this.failAt(i, 'invalid number: a digit expected after "."');
      while (isDigit(codeAt(text, i))) i++;
    }
    const exponent = codeAt(text, i);
    if (exponent === Char.LowerE || exponent === Char.UpperE) {
      i++;
      const sign = codeAt(text, i);
      if (sign === Char.Plus || sign === Char.Minus) i++;
      if (!isDigit(codeAt(text, i))) this.failAt(i, 'invalid number: a digit expected in the exponent');
      while (isDigit(codeAt(text, i))) i++;
    }
    this.index = i;
    return Number(text.slice(start, i));
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.index;
    for (;;) {
      const code = codeAt(text, i);
      if (code === Char.Space || code === Char.LineFeed || code === Char.CarriageReturn || code === Char.Tab) i++;
      else break;
    }
    this.index = i;
  }

  private describe(index: number): string {
    const code = this.text.codePointAt(index);
    if (code === undefined) return 'end of input';
    return `character ${JSON.stringify(String.fromCodePoint(code))}`;
  }

  private fail(reason: string): never {
    return this.failAt(this.index, reason);
  }

  private failAt(index: number, reason: string): never {
    const { line, column } = this.positionAt(index);
    throw new JsonSyntaxError(reason, line, column);
  }

  /** Line starts are indexed on first need: most documents need only a few positions. */
  positionAt(index: number): SourcePosition {
    if (!this.lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    // The last line start at or before index: starts[0] is 0, and every index searched lies within the array.
    let low = 0;
    let lowStart = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const start = starts[middle] ?? Infinity;
      if (start <= index) {
        low = middle;
        lowStart = start;
      } else high = middle - 1;
    }
    return { line: low + 1, column: index - lowStart + 1 };
  }
}

/** The character code at `index`, as a Char to compare with (NaN past the end, as `charCodeAt` gives). */
function codeAt(text: string, index: number): Char {
  // Any code, of which Char names those the parser looks for.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  return text.charCodeAt(index);
}

function isDigit(code: Char): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}
