// Build step: an index beside each keyed-lines data file (src/util/keyed-lines.ts), so that the engine reads only
// the lines a change needs: dist/data/aws-managed-policies.index.json for the checked-in data/aws-managed-policies.jsonl,
// dist/data/aws-actions.index.json for the table build-action-table.mjs has just written. Each index holds the file's
// size, its header's length and each line's key and byte range; the engine reads the file whole when the size differs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
// The engine's own indexing (tsc has compiled it by now): the index is what reading the file whole would find.
import { indexKeyedLines } from '../dist/src/util/keyed-lines.js';

const root = new URL('../', import.meta.url);
const out = new URL('dist/data/', root);
mkdirSync(out, { recursive: true });
for (const [file, index] of [
  ['data/aws-managed-policies.jsonl', 'dist/data/aws-managed-policies.index.json'],
  ['dist/data/aws-actions.jsonl', 'dist/data/aws-actions.index.json'],
])
  writeFileSync(new URL(index, root), JSON.stringify(indexKeyedLines(readFileSync(new URL(file, root)))));
