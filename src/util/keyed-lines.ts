/**
 * Data files of JSON lines: a header line, then one line per key, each starting `["<key>",` (the AWS managed
 * policies, the build's action table). A CDK synth meets a handful of their keys, yet reading a whole file cost its
 * first run 10 ms (3.2 MB of managed policies) and 4 ms (1.2 MB of actions), decoding text it never parsed.
 *
 * So the build writes an index beside each file (scripts/build-data-indexes.mjs: the file's size, its header's and
 * each line's byte range), and the lines asked for are read alone. Without an index, or with one of a file of
 * another size (a refresh not yet rebuilt), the file is read whole and indexed here the same way. A line read
 * through an index that does not start with its key is an error naming both files: a damaged build never reads as
 * other data.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isRecord } from './records.js';

/** Where each part of a file lies, in bytes: what the build writes as the index (JSON). */
export interface KeyedLineIndex {
  /** The file's size: an index of a file of another size is not used. */
  bytes: number;
  /** The header line's length (it starts the file). */
  headerBytes: number;
  /** Per line after the header: its key, its first byte and its length (without the line break). */
  lines: [key: string, start: number, length: number][];
}

export interface KeyedLines {
  /** The header line's text. */
  readonly header: string;
  /** How many keyed lines the file holds. */
  readonly count: number;
  keys(): string[];
  /** The line of `key` (its text, without the line break), or undefined when the file has none. */
  line(key: string): string | undefined;
}

const LINE_FEED = 0x0a;
const QUOTE = 0x22;
/**
 * After this many lines read one by one, the rest come from the whole file, read once: a policy naming two hundred
 * services (SecurityAudit) would otherwise open the table two hundred times.
 */
const SINGLE_READS = 24;

/** Indexes a file's bytes: the header is the first line; each later line's key runs from `["` to the next quote. */
export function indexKeyedLines(data: Uint8Array): KeyedLineIndex {
  const firstBreak = data.indexOf(LINE_FEED);
  const headerBytes = firstBreak < 0 ? data.length : firstBreak;
  const lines: KeyedLineIndex['lines'] = [];
  const decoder = new TextDecoder();
  for (let start = headerBytes + 1; start < data.length;) {
    let end = data.indexOf(LINE_FEED, start);
    if (end < 0) end = data.length;
    if (end > start) {
      const keyEnd = data.indexOf(QUOTE, start + 2);
      lines.push([
        decoder.decode(data.subarray(start + 2, keyEnd < 0 || keyEnd > end ? end : keyEnd)),
        start,
        end - start,
      ]);
    }
    start = end + 1;
  }
  return { bytes: data.length, headerBytes, lines };
}

/**
 * The keyed lines of `file`, through `indexFile` when it exists and is of a file of this size, else by reading the
 * whole file. A missing `file` throws the file system's error (the caller says what the data was).
 */
export function readKeyedLines(file: string, indexFile: string): KeyedLines {
  const bytes = statSync(file).size;
  const index = readIndex(indexFile);
  if (index?.bytes === bytes) return new IndexedLines(file, indexFile, index);
  const whole = readFileSync(file);
  return new IndexedLines(file, undefined, indexKeyedLines(whole), whole);
}

/** The index file's content, or undefined when there is none or it is not an index (then the file is read whole). */
function readIndex(indexFile: string): KeyedLineIndex | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(indexFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const { bytes, headerBytes, lines } = parsed;
  if (typeof bytes !== 'number' || typeof headerBytes !== 'number' || !Array.isArray(lines)) return undefined;
  if (!lines.every(isLineSpan)) return undefined;
  return { bytes, headerBytes, lines };
}

function isLineSpan(entry: unknown): entry is KeyedLineIndex['lines'][number] {
  return (
    Array.isArray(entry) &&
    entry.length === 3 &&
    typeof entry[0] === 'string' &&
    Number.isSafeInteger(entry[1]) &&
    Number.isSafeInteger(entry[2]) &&
    (entry[1] as number) >= 0 &&
    (entry[2] as number) >= 0
  );
}

class IndexedLines implements KeyedLines {
  readonly header: string;
  readonly count: number;
  private readonly spans = new Map<string, [number, number]>();
  private singleReads = 0;

  constructor(
    private readonly file: string,
    /** Set when the lines are read one by one through this index (else `whole` holds the file). */
    private readonly indexFile: string | undefined,
    index: KeyedLineIndex,
    private whole?: Buffer,
  ) {
    for (const [key, start, length] of index.lines) this.spans.set(key, [start, length]);
    this.count = index.lines.length;
    this.header = this.text(0, index.headerBytes);
  }

  keys(): string[] {
    return [...this.spans.keys()];
  }

  line(key: string): string | undefined {
    const span = this.spans.get(key);
    if (!span) return undefined;
    const text = this.text(span[0], span[1]);
    if (this.indexFile !== undefined && !text.startsWith(`["${key}"`))
      throw new Error(
        `${this.file}: the line its index ${this.indexFile} gives for ${key} is not that key's (rebuild the package)`,
      );
    return text;
  }

  private text(start: number, length: number): string {
    if (!this.whole && this.singleReads++ >= SINGLE_READS) this.whole = readFileSync(this.file);
    if (this.whole) return this.whole.toString('utf8', start, start + length);
    const buffer = Buffer.allocUnsafe(length);
    const descriptor = openSync(this.file, 'r');
    let read: number;
    try {
      read = readSync(descriptor, buffer, 0, length, start);
    } finally {
      closeSync(descriptor);
    }
    if (read !== length)
      throw new Error(`${this.file}: ends before the line its index ${this.indexFile} gives (rebuild the package)`);
    return buffer.toString('utf8');
  }
}
