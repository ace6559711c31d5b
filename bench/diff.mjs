// The privilege diff of two 5,000-identity audits (target: under one second), in one process after `npm run build`:
// reading both audit files back (the strict JSON parser), matching identities and diffing them, and rendering the
// JSON and Markdown reports. Medians of the rounds, wall clock and CPU time of this process (on a machine shared with
// other work the wall clock includes waiting for a core; the load average is printed beside them).
//   node bench/diff.mjs [identities=5000] [rounds=7]
import { availableParallelism, loadavg } from 'node:os';
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
const cpuTimes = { read: [], diff: [], json: [], markdown: [], total: [] };
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let last;
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  const startCpu = cpu();
  const a = parseAuditJson(baseText, 'base.json');
  const b = parseAuditJson(headText, 'head.json');
  const read = performance.now();
  const readCpu = cpu();
  last = diffAudits(a, b);
  const diffed = performance.now();
  const diffedCpu = cpu();
  const json = JSON.stringify(last, null, 2);
  const rendered = performance.now();
  const renderedCpu = cpu();
  const markdown = formatDiffMarkdown(last);
  const end = performance.now();
  const endCpu = cpu();
  times.read.push(read - start);
  times.diff.push(diffed - read);
  times.json.push(rendered - diffed);
  times.markdown.push(end - rendered);
  times.total.push(end - start);
  cpuTimes.read.push(readCpu - startCpu);
  cpuTimes.diff.push(diffedCpu - readCpu);
  cpuTimes.json.push(renderedCpu - diffedCpu);
  cpuTimes.markdown.push(endCpu - renderedCpu);
  cpuTimes.total.push(endCpu - startCpu);
  if (round === 0)
    console.log(
      `files ${(baseText.length / 1e6).toFixed(1)} + ${(headText.length / 1e6).toFixed(1)} MB; JSON report ${(json.length / 1e6).toFixed(1)} MB; Markdown ${markdown.length} characters`,
    );
}
const s = last.summary;
const ok =
  s.identitiesAdded === expected.added &&
  s.identitiesRemoved === expected.removed &&
  s.identitiesRenamed === expected.renamed &&
  s.credentialsAdded === expected.keys &&
  // An added identity's grants and trust are all new: two statements and one trusted principal each.
  s.trustWidened === expected.widened + expected.added &&
  s.grantsAdded === expected.passRole + 2 * expected.added;
console.log(
  `${IDENTITIES} identities: +${s.identitiesAdded} -${s.identitiesRemoved} ~${s.identitiesChanged}, renamed ${s.identitiesRenamed}, grants +${s.grantsAdded}, keys +${s.credentialsAdded}, trust widened ${s.trustWidened} (${ok ? 'as generated' : 'NOT as generated'})`,
);
const ms = (values) => `${median(values).toFixed(0)} ms`;
for (const [label, set] of [
  ['wall', times],
  ['CPU', cpuTimes],
]) {
  console.log(
    `${label}, median of ${ROUNDS}: read both ${ms(set.read)}, diff ${ms(set.diff)}, JSON ${ms(set.json)}, Markdown ${ms(set.markdown)}; ` +
      `diff and both reports ${ms(set.diff.map((d, i) => d + set.json[i] + set.markdown[i]))}, with reading ${ms(set.total)} (target < 1000 ms)`,
  );
}
console.log(
  `load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores`,
);
if (!ok) process.exitCode = 1;
