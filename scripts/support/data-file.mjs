// Writing a data file of this repository (data/*.json) the way the refresh scripts do: one entry of each list per
// line, for reviewable diffs; with --check nothing is written and the file is compared with what would be.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Writes `data` to `url` (or with `check` compares the file with it) and says so under the name `shown`; `written`
 * is what the success line adds. False when `check` finds the file stale or missing.
 */
export function writeDataFile(url, data, { check, shown, written }) {
  const lines = Object.entries(data).map(([key, value]) =>
    Array.isArray(value)
      ? `  ${JSON.stringify(key)}: [\n${value.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  const text = `{\n${lines.join(',\n')}\n}\n`;
  if (check) {
    let same = false;
    try {
      same = readFileSync(url, 'utf8') === text;
    } catch {
      // a missing file is not in step
    }
    console.log(`${shown}: ${same ? 'in step' : 'NOT what the script writes: run it and review the diff'}`);
    return same;
  }
  writeFileSync(url, text);
  console.log(`wrote ${shown}: ${written}`);
  return true;
}

/**
 * The options a refresh script of one data file takes: `--from` (the fresh source; `fromMany` when it takes several),
 * with `--source` and `--date YYYY-MM-DD` naming it, `--out FILE` instead of `dataFile`, `--check`. `fail` stops the
 * script (exit 2) when --from comes without --source and --date. `target` is the file written or compared.
 */
export function refreshOptions(dataFile, fail, { fromMany = false } = {}) {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', multiple: fromMany },
      source: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
    },
  });
  if (values.from && (!values.source || !/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? '')))
    fail('--source and --date YYYY-MM-DD are required with --from');
  return { values, target: values.out ? pathToFileURL(values.out) : dataFile };
}

/** The data file at `url` as JSON; `fail` stops the script (exit 2) naming the file when it cannot be read or parsed. */
export function readDataFile(url, fail) {
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    fail(`${url.pathname}: ${error.message}`);
  }
}
