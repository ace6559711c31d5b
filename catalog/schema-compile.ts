/**
 * Compiles entitlement-catalog.schema.json into standalone validation code, once, at build time
 * (scripts/compile-catalog-schema.mjs). Compiling with ajv costs ~80 ms per load: paid on every `cdk synth`, it
 * was the largest part of loading a catalog.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import schema from './entitlement-catalog.schema.json' with { type: 'json' };

/** Editor-only keywords the schema uses (VS Code and yaml-language-server show them); ajv must know them to stay strict. */
export const EDITOR_KEYWORDS = ['patternErrorMessage'] as const;

/** The validator's source, a CommonJS module exporting the validate function (errors carry their schema: `verbose`). */
export function schemaValidatorSource(): string {
  // The schema's own validity is asserted by test/catalog/schema.test.ts, not on each compile.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, validateSchema: false, code: { source: true } });
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  // A CommonJS module whose `default` export is the generator, as NodeNext types it.
  return standalone.default(ajv, ajv.compile(schema));
}
