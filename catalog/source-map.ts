/**
 * A parsed YAML (or JSON) catalog file that can say where any value sits: the bridge between a path in
 * the data (`identities[2].owner`) and a line and column in the text.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatField, type CatalogIssue, type FieldPath } from './issues.js';

export class CatalogSource {
  private constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses the text; YAML syntax errors come back as issues instead of a source. */
  static parse(text: string, file: string): CatalogSource | CatalogIssue[] {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
    if (document.errors.length > 0) {
      return document.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { file, line, column: col, field: '', message: `YAML syntax error: ${error.message}` };
      });
    }
    keepKeysAsWritten(document);
    return new CatalogSource(file, document, lines);
  }

  /** The data as plain JSON-like values. */
  data(): unknown {
    return this.document.toJS();
  }

  /** An issue at the value under `path` (or at its key, for unknown keys), found as deep as the file allows. */
  issue(path: FieldPath, message: string, at: 'value' | 'key' = 'value'): CatalogIssue {
    const offset = this.offsetOf(path, at);
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
    return { file: this.file, line, column: col, field: formatField(path), message };
  }

  private offsetOf(path: FieldPath, at: 'value' | 'key'): number | undefined {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node);
    for (const [i, segment] of path.entries()) {
      const next = this.child(node, segment, at === 'key' && i === path.length - 1);
      if (next === undefined) break;
      node = next;
      offset = rangeStart(node) ?? offset;
    }
    return offset;
  }

  private child(node: unknown, segment: string | number, wantKey: boolean): unknown {
    const resolved = isAlias(node) ? node.resolve(this.document) : node;
    if (isMap(resolved)) {
      const pair = resolved.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      return wantKey || isEmptyValue(pair.value) ? pair.key : pair.value;
    }
    if (isSeq(resolved) && typeof segment === 'number') return resolved.items[segment];
    return undefined;
  }
}

/** `owner:` with nothing after it: the parser places an empty null there; the key is what to point at. */
function isEmptyValue(node: unknown): boolean {
  if (!isScalar(node)) return node === null || node === undefined;
  return node.value === null && (!node.range || node.range[0] === node.range[1]);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * YAML reads a plain key like `012345678901` as a number and would drop the leading zero. Every key in the
 * catalog is a name or an id, so keep each exactly as written.
 */
function keepKeysAsWritten(document: Document): void {
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string') pair.key.value = pair.key.source ?? String(pair.key.value);
    },
  });
}
