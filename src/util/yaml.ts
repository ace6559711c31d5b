import { createRequire } from 'node:module';
import type { Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions } from 'yaml';

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

/**
 * The `yaml` package, loaded on the first parse rather than on import: importing it costs ~27 ms, and a CDK app
 * using the aspect parses YAML only when its catalog is a YAML file, and a change without YAML inputs never does.
 */
export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}

/**
 * Aliases one document may resolve. Real templates, manifests and catalogs use a handful (Helm and CDK none);
 * ten nested lists of ten aliases each ("billion laughs") would resolve ten billion.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * The document's value, or why it has none: aliases beyond the limit, or one the parser cannot follow. Every YAML
 * reader of an input uses this, so none can be made to expand an alias bomb; the offset is where the first alias
 * is written, for a located error.
 */
export function documentValue(
  document: Document.Parsed | Document,
): { value: unknown } | { problem: string; offset: number } {
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return {
      problem: `${error instanceof Error ? error.message : String(error)} (more than ${MAX_ALIAS_COUNT} aliases resolved)`,
      offset: firstAliasOffset(document),
    };
  }
}

function firstAliasOffset(document: Document): number {
  let offset = document.contents?.range?.[0] ?? 0;
  let found = false;
  yaml().visit(document, {
    Alias(_, alias) {
      if (found) return yaml().visit.BREAK;
      found = true;
      offset = alias.range?.[0] ?? offset;
      return yaml().visit.BREAK;
    },
  });
  return offset;
}

/** What `parseLibyamlDocuments` takes: the options of yaml's own `parseAllDocuments`, and where lines start. */
export type LibyamlReadOptions = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter };

/**
 * Every document of `text`, read as the parsers that deploy templates and manifests read a quoted scalar spread over
 * several lines: its continuation lines may be indented no deeper than the key it belongs to, or not at all.
 * YAML 1.2 requires them indented deeper than their parent, and `yaml` enforces it; CloudFormation does not, nor do
 * libyaml and its ports (PyYAML, which cfn-lint reads templates with; go-yaml, which kubectl reads manifests with):
 * their scanner (`scan_flow_scalar`) ends a quoted scalar only at its closing quote, and refuses only a document marker
 * (`---`, `...`) starting a line inside it, or the end of the input. The value is the same either way: a continuation line's leading white space is not
 * content, a line break folds to a space, a blank line is a newline. Everything else is read as `yaml` reads it, and
 * every offset and line is the text's own.
 */
export function parseLibyamlDocuments(text: string, options: LibyamlReadOptions): Document.Parsed[] {
  const { Composer, Parser } = yaml();
  const { lineCounter } = options;
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = quotedScalarsAtAnyIndent();
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  return [...new Composer(options).compose(tokens(), true, text.length)];
}

/** The parts of yaml's Lexer (2.x) that `quotedScalarsAtAnyIndent` changes: private, so checked before use. */
interface QuotedScalarLexing {
  indentNext: number;
  parseQuotedScalar(this: QuotedScalarLexing): Generator<string, string>;
}

/**
 * yaml's lexer, scanning each quoted scalar as it scans one at the top level of a document (where the indentation a
 * continuation line needs is none): to the closing quote, stopping only at a document marker starting a line or at the
 * end of the text, each an error the composer locates ("Missing closing quote"). Where the lexer of the installed
 * `yaml` has no such parts (a future major version), it is left strict: such a template is refused, never misread.
 */
function quotedScalarsAtAnyIndent(): InstanceType<Yaml['Lexer']> {
  const lexer = new (yaml().Lexer)();
  const lexing = lexer as unknown as Partial<QuotedScalarLexing>;
  const scan = lexing.parseQuotedScalar;
  if (typeof scan !== 'function' || typeof lexing.indentNext !== 'number') return lexer;
  lexing.parseQuotedScalar = function* (this: QuotedScalarLexing) {
    const indentNext = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* scan.call(this);
    } finally {
      this.indentNext = indentNext;
    }
  };
  return lexer;
}

/**
 * Where the quoted scalar that `yaml` reports as missing its closing quote at `end` opens, or undefined: a scalar
 * that is never closed runs to the end of the text, where the error is reported, far from the quote to fix.
 */
export function unclosedQuoteStart(document: Document, end: number): number | undefined {
  let start: number | undefined;
  yaml().visit(document, {
    Scalar(_, scalar) {
      if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && scalar.range?.[1] === end) {
        start = scalar.range[0];
        return yaml().visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}
