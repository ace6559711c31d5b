// The privilege diff of two 5,000-identity audits (target: under one second), in one process after `npm run build`:
// reading both audit files back (the strict JSON parser), matching identities and diffing them, and rendering the
// JSON and Markdown reports. Medians of the rounds.
//   node bench/diff.mjs [identities=5000] [rounds=7]
import { median } from './support/stats.mjs';
import { syntheticAudits } from './support/synthetic-audits.mjs';

const IDENTITIES = Number(process.argv[2] ?? 5_000);
const ROUNDS = Number(process.argv[3] ?? 7);

const { diffAudits, parseAuditJson } = await import('../dist/src/diff/index.js');
const { formatDiffMarkdown } = await import('../dist/src/reporters/diff-markdown.js');

const { base, head, expected } = syntheticAudits(IDENTITIES);
const baseText = JSON.stringify(base, null, 2);
const headText = JSON.stringify(head, null, 2);
const times = { read: [], diff: [], json: [], markdown: [], total: [] };
let last;
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  const a = parseAuditJson(baseText, 'base.json');
  const b = parseAuditJson(headText, 'head.json');
  const read = performance.now();
  last = diffAudits(a, b);
  const diffed = performance.now();
  const json = JSON.stringify(last, null, 2);
  const rendered = performance.now();
  const markdown = formatDiffMarkdown(last);
  const end = performance.now();
  times.read.push(read - start);
  times.diff.push(diffed - read);
  times.json.push(rendered - diffed);
  times.markdown.push(end - rendered);
  times.total.push(end - start);
  if (round === 0) console.log(`files ${(baseText.length / 1e6).toFixed(1)} + ${(headText.length / 1e6).toFixed(1)} MB; JSON report ${(json.length / 1e6).toFixed(1)} MB; Markdown ${markdown.length} characters`);
}
const s = last.summary;
const ok =
  s.identitiesAdded === expected.added && s.identitiesRemoved === expected.removed && s.identitiesRenamed === expected.renamed && s.credentialsAdded === expected.keys &&
  // An added identity's grants and trust are all new: two statements and one trusted principal each.
  s.trustWidened === expected.widened + expected.added &&
  s.grantsAdded === expected.passRole + 2 * expected.added;
console.log(`${IDENTITIES} identities: +${s.identitiesAdded} -${s.identitiesRemoved} ~${s.identitiesChanged}, renamed ${s.identitiesRenamed}, grants +${s.grantsAdded}, keys +${s.credentialsAdded}, trust widened ${s.trustWidened} (${ok ? 'as generated' : 'NOT as generated'})`);
const ms = (values) => `${median(values).toFixed(0)} ms`;
console.log(`median of ${ROUNDS}: read both ${ms(times.read)}, diff ${ms(times.diff)}, JSON ${ms(times.json)}, Markdown ${ms(times.markdown)}; diff and both reports ${ms(times.diff.map((d, i) => d + times.json[i] + times.markdown[i]))}, with reading ${ms(times.total)} (target < 1000 ms)`);
if (!ok) process.exitCode = 1;
