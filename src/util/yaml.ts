import { createRequire } from 'node:module';
import type { Document } from 'yaml';

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
