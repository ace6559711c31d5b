import { createRequire } from 'node:module';
import type { Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions, YAMLError } from 'yaml';

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
 * Every document of `text`, read as the parsers that deploy templates and manifests read flow content spread over
 * several lines (a quoted scalar, a `[…]` or `{…}` collection): its continuation lines may be indented no deeper than
 * the key it belongs to, or not at all. YAML 1.2 requires them indented deeper than their parent, and `yaml` enforces
 * it; CloudFormation does not, nor do libyaml and its ports (PyYAML, which cfn-lint reads templates with; go-yaml,
 * which kubectl reads manifests with): their scanner ends a quoted scalar only at its closing quote
 * (`scan_flow_scalar`), checks no indentation at all inside a flow collection (indentation is unrolled only at flow
 * level 0), and refuses only a document marker (`---`, `...`) starting a line inside either, or the end of the input.
 * The value is the same either way: a continuation line's leading white space is not content, a line break folds to
 * a space, a blank line is a newline. Everything else is read as `yaml` reads it, and every offset and line is the
 * text's own.
 */
export function parseLibyamlDocuments(text: string, options: LibyamlReadOptions): Document.Parsed[] {
  const { Composer, Parser } = yaml();
  const { lineCounter } = options;
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = flowContentAtAnyIndent();
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  return [...new Composer(options).compose(tokens(), true, text.length)];
}

/** The parts of yaml's Lexer (2.x) that `flowContentAtAnyIndent` changes: private, so checked before use. */
interface FlowLexing {
  indentNext: number;
  parseQuotedScalar(this: FlowLexing): Generator<string, string>;
  parseFlowCollection(this: FlowLexing): Generator<string, string>;
}

/**
 * yaml's lexer, scanning each quoted scalar and each line of a flow collection (its plain and quoted scalars
 * included) as it scans them at the top level of a document, where the indentation a continuation line needs is
 * none: a quoted scalar runs to its closing quote, a collection to its closing bracket, each stopping only at a
 * document marker starting a line or at the end of the text, an error the composer locates ("Missing closing
 * quote", "Flow sequence … must end with a ]"). Where the lexer of the installed `yaml` has no such parts (a future
 * major version), it is left strict: such a template is refused, never misread.
 */
function flowContentAtAnyIndent(): InstanceType<Yaml['Lexer']> {
  const lexer = new (yaml().Lexer)();
  const lexing = lexer as unknown as Partial<FlowLexing>;
  const { parseQuotedScalar, parseFlowCollection } = lexing;
  if (
    typeof parseQuotedScalar !== 'function' ||
    typeof parseFlowCollection !== 'function' ||
    typeof lexing.indentNext !== 'number'
  )
    return lexer;
  const atAnyIndent = (scan: (this: FlowLexing) => Generator<string, string>) =>
    function* (this: FlowLexing) {
      const indentNext = this.indentNext;
      this.indentNext = 0;
      try {
        return yield* scan.call(this);
      } finally {
        // Also after a document marker ended the scan (an error: that document is refused, whatever follows).
        this.indentNext = indentNext;
      }
    };
  lexing.parseQuotedScalar = atAnyIndent(parseQuotedScalar);
  lexing.parseFlowCollection = atAnyIndent(parseFlowCollection);
  return lexer;
}

/** Why a document read by `parseLibyamlDocuments` is refused, and the offset in the text to show it at. */
export interface LibyamlProblem {
  offset: number;
  reason: string;
}

/**
 * A reading error said for this reading, at the place to fix. A quoted scalar or a flow collection that is never
 * closed runs to the end of the text (or to a document marker), where `yaml` reports it, far from the quote or the
 * bracket that opens it: it is located where it opens. And as indentation never ends a flow collection here, `yaml`'s
 * "must be sufficiently indented and end with a ]" can only mean the bracket is missing, which is what it says.
 */
export function libyamlProblem(document: Document, error: YAMLError, text: string): LibyamlProblem {
  const [offset] = error.pos;
  const [reason = ''] = error.message.split('\n');
  if (error.code === 'MISSING_CHAR' && offset >= text.length) {
    const start = openingAt(document, offset, (node) => yaml().isScalar(node) && QUOTED.has(String(node.type)));
    if (start !== undefined)
      return { offset: start, reason: `${reason}: the string that opens here runs to the end of the file` };
  }
  const unclosed = UNCLOSED_FLOW.exec(reason);
  if (unclosed) {
    const [, name = '', bracket = ''] = unclosed;
    const map = name === 'Flow map';
    const start = openingAt(
      document,
      offset,
      (node) => (map ? yaml().isMap(node) : yaml().isSeq(node)) && (node as { flow?: boolean }).flow === true,
    );
    return { offset: start ?? offset, reason: `${name} that opens here is never closed: its ${bracket} is missing` };
  }
  return { offset, reason };
}

const QUOTED = new Set(['QUOTE_DOUBLE', 'QUOTE_SINGLE']);
const UNCLOSED_FLOW =
  /^(Flow (?:sequence|map))(?: in block collection)? must (?:be sufficiently indented and )?end with a ([\]}])$/;

/** Where the innermost node `matches` that ends at `end` opens, if one does. */
function openingAt(document: Document, end: number, matches: (node: unknown) => boolean): number | undefined {
  let start: number | undefined;
  yaml().visit(document, (_, node) => {
    // A pair's key or value may be null (`a:` with nothing after it).
    const range = yaml().isNode(node) ? node.range : undefined;
    if (range?.[1] === end && matches(node)) start = range[0];
    return undefined;
  });
  return start;
}
