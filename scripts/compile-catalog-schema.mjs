// Build step after tsc: writes the catalog schema's standalone validator beside the sources (vitest reads them)
// and beside the compiled loader in dist/.
import { writeFileSync } from 'node:fs';
import { schemaValidatorSource } from '../dist/catalog/schema-compile.js';

const source = schemaValidatorSource();
for (const target of ['../catalog/schema-validator.cjs', '../dist/catalog/schema-validator.cjs']) {
  writeFileSync(new URL(target, import.meta.url), source);
}
