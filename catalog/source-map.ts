/**
 * A parsed YAML (or JSON) catalog file that can say where any value sits: the bridge between a path in
 * the data (`identities[2].owner`) and a line and column in the text.
 */
import type { Alias, Document, LineCounter, Node, Scalar } from 'yaml';
import { yaml } from '../src/util/yaml.js';
import { formatField, type CatalogIssue, type FieldPath } from './issues.js';

export class CatalogSource {
  /** The data as plain JSON-like values. */
  readonly data: unknown;

  private constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {
    this.data = document.toJS();
  }

  /** Parses the text; YAML errors (syntax, unknown anchors, alias bombs) come back as issues instead of a source. */
  static parse(text: string, file: string): CatalogSource | CatalogIssue[] {
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const document = parseDocument(text, {
      lineCounter: lines,
      keepSourceTokens: true,
      prettyErrors: false,
      uniqueKeys: true,
    });
    const at = (offset: number, message: string): CatalogIssue => {
      const { line, col } = lines.linePos(offset);
      return { file, line, column: col, field: '', message };
    };
    if (document.errors.length > 0)
      return document.errors.map((error) => at(error.pos[0], `YAML syntax error: ${error.message}`));
    const unresolved = unresolvedAliases(document);
    if (unresolved.length > 0) {
      return unresolved.map((alias) =>
        at(
          alias.range?.[0] ?? 0,
          `YAML syntax error: unknown anchor &${alias.source}; define it before *${alias.source}`,
        ),
      );
    }
    const reserved = reservedKeys(document);
    if (reserved.length > 0) {
      return reserved.map((key) =>
        at(
          key.range?.[0] ?? 0,
          `key ${JSON.stringify(String(key.value))} is reserved (it names a property every object has); rename it`,
        ),
      );
    }
    keepKeysAsWritten(document);
    try {
      return new CatalogSource(file, document, lines);
    } catch (error) {
      // toJS refuses documents whose aliases expand exponentially ("billion laughs").
      return [at(0, `YAML error: ${error instanceof Error ? error.message : String(error)}`)];
    }
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
    const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
    const resolved = isAlias(node) ? node.resolve(this.document) : node;
    if (isMap(resolved)) {
      const pair = resolved.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return undefined;
      return wantKey || isEmptyValue(pair.value) ? pair.key : pair.value;
    }
    if (isSeq(resolved) && typeof segment === 'number') return resolved.items[segment];
    return undefined;
  }
}

/** `owner:` with nothing after it: the parser places an empty null there; the key is what to point at. */
function isEmptyValue(node: unknown): boolean {
  if (!yaml().isScalar(node)) return node === null || node === undefined;
  return node.value === null && (!node.range || node.range[0] === node.range[1]);
}

function unresolvedAliases(document: Document): Alias[] {
  const aliases: Alias[] = [];
  yaml().visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined) aliases.push(alias);
    },
  });
  return aliases;
}

/**
 * Keys every JavaScript object already has (`toString`, `constructor`, `__proto__`, …). No catalog field, id or
 * account is named so, and a value under one breaks code that trusts objects to behave (the schema validator's
 * deep equality calls `toString`): refused where they are written.
 */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

function reservedKeys(document: Document): Scalar[] {
  const keys: Scalar[] = [];
  const { isScalar, visit } = yaml();
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) keys.push(pair.key);
    },
  });
  return keys;
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
  const { isScalar, visit } = yaml();
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string')
        pair.key.value = pair.key.source ?? String(pair.key.value);
    },
  });
}
