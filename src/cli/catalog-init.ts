/**
 * `entitlement-guard catalog init <inputs...> [--out FILE] [--update]`: the catalog that describes what the inputs
 * already create (src/bootstrap), written for review; with `--update`, what is new merged into the catalog at --out.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LineCounter, parseDocument } from 'yaml';
import { CatalogError, defaultCatalog, formatCatalogIssue, parseCatalog, type Catalog } from '../../catalog/index.js';
import { durationDays, isCalendarDate } from '../../catalog/values.js';
import { planCatalog, DEFAULT_EXPIRY_DAYS, type InitPlan } from '../bootstrap/plan.js';
import { renderCatalog, updateCatalogText } from '../bootstrap/render.js';
import { staleEntries } from '../bootstrap/stale.js';
import type { Progress } from '../reporters/progress.js';
import { plural } from '../util/plural.js';
import { readInputText } from '../util/read-input.js';
import { EXIT, type CommandResult } from './command-result.js';
import { loadChange } from './load-inputs.js';

export const CATALOG_INIT_USAGE =
  'entitlement-guard catalog init <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>... [--out FILE] [--update] [--today YYYY-MM-DD] [--expires-in 90d] [--agent GLOB]...';

export interface CatalogInitResult extends CommandResult {
  /** The file to write `output` to (the CLI writes it), when --out was given and something changed. */
  writeTo?: string;
}

export function runCatalogInit(argv: string[], progress?: Progress, cwd = process.cwd()): CatalogInitResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        update: { type: 'boolean' },
        today: { type: 'string' },
        now: { type: 'string' },
        'expires-in': { type: 'string' },
        agent: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals: paths } = parsed;
  if (paths.length === 0)
    return usage('catalog init needs at least one path (cdk.out, template file, manifest, plan or directory)');
  const todayText = values.today ?? values.now;
  if (todayText !== undefined && !isCalendarDate(todayText))
    return usage(`--today must be a date YYYY-MM-DD, got ${JSON.stringify(todayText)}`);
  const today = todayText ?? new Date().toISOString().slice(0, 10);
  let expiryDays = DEFAULT_EXPIRY_DAYS;
  if (values['expires-in'] !== undefined) {
    const days = /^\d+$/.test(values['expires-in']) ? Number(values['expires-in']) : durationDays(values['expires-in']);
    if (days === undefined || !Number.isSafeInteger(days) || days < 1 || days > 3660)
      return usage(
        `--expires-in must be a number of days such as 90d (1 to 3660), got ${JSON.stringify(values['expires-in'])}`,
      );
    expiryDays = days;
  }
  const out = values.out;
  if (values.update && out === undefined)
    return usage('--update merges into the catalog named by --out: give --out FILE');
  const outPath = out === undefined ? undefined : resolve(cwd, out);
  if (outPath !== undefined && !values.update && existsSync(outPath)) {
    return failure([
      `${out}: already exists; catalog init never overwrites a catalog: use --update to add what is new to it, or choose another --out`,
    ]);
  }
  if (outPath !== undefined && values.update && !existsSync(outPath))
    return failure([`${out}: no such file or directory (--update merges into an existing catalog)`]);

  // The base: the built-in defaults, or the catalog to update (read like any catalog, its generated approvers allowed).
  let base: Catalog = defaultCatalog();
  let existingText: string | undefined;
  if (values.update && out !== undefined && outPath !== undefined) {
    try {
      existingText = readInputText(
        outPath,
        (reason) =>
          new CatalogError([{ file: out, line: 0, column: 0, field: '', message: `cannot read catalog: ${reason}` }]),
      );
      base = parseCatalog(existingText, out, { allowApproverPlaceholders: true });
    } catch (error) {
      if (error instanceof CatalogError) return failure(error.errors.map(formatCatalogIssue));
      throw error;
    }
  }
  const loaded = loadChange({ paths, cwd, ...(progress ? { progress } : {}) });
  if (!('model' in loaded)) return loaded;
  progress?.update(1, 1, 'planning the catalog');
  const plan = planCatalog(loaded.model, base, { today, expiryDays, agents: values.agent ?? [] });
  progress?.done();

  let text: string;
  let changed = true;
  if (existingText !== undefined) {
    ({ text, changed } = updateCatalogText(existingText, plan));
  } else {
    text = renderCatalog(plan, {
      today,
      expiryDays,
      ...(outPath ? { schemaPath: schemaPathFrom(dirname(outPath)) } : {}),
    });
  }
  // What is written must load (but for the approvers a person fills in): a catalog init cannot read back is a defect.
  try {
    parseCatalog(text, out ?? '(catalog init output)', { allowApproverPlaceholders: true });
  } catch (error) {
    if (error instanceof CatalogError)
      return failure([
        'entitlement-guard: catalog init produced a catalog that does not load (please report this with the inputs):',
        ...error.errors.map(formatCatalogIssue),
      ]);
    throw error;
  }
  const messages = summary(plan, changed, out, values.update === true);
  // Only an update reads an existing catalog, from --out.
  if (existingText !== undefined && out !== undefined)
    messages.push(...staleMessages(existingText, out, base, loaded.model));
  const result: CatalogInitResult = {
    exitCode: EXIT.clean,
    output: outPath === undefined ? text : '',
    errors: messages,
  };
  if (outPath !== undefined && changed) {
    result.writeTo = outPath;
    result.output = text;
  }
  return result;
}

function summary(plan: InitPlan, changed: boolean, out: string | undefined, update: boolean): string[] {
  const privileged = plan.entitlements.filter((entitlement) => entitlement.entry.privileged).length;
  const added =
    `${plural(plan.identities.length, 'identity', 'identities')}, ${plural(plan.entitlements.length, 'entitlement')} (${privileged} privileged), ` +
    `${plural(plan.owners.length, 'owner')}, ${plural(plan.trust.accounts.length, 'trusted account')}, ${plural(plan.trust.oidc.length, 'OIDC issuer')}, ` +
    `${plural(plan.exceptions.length, 'exception')} to approve`;
  const lines = [
    update
      ? changed
        ? `catalog init --update: added ${added} to ${out}`
        : `catalog init --update: nothing new for ${out}; the file is unchanged`
      : `catalog init: ${added}${out ? `; wrote ${out}` : ''}`,
  ];
  if (plan.exceptions.length > 0)
    lines.push(
      `Fill in approvedBy of each exception (it says FILL-IN-APPROVER): the catalog does not load until then.`,
    );
  for (const finding of plan.unwaivable) {
    const where = finding.resource.file
      ? `${finding.resource.file}${finding.resource.line ? `:${finding.resource.line}:${finding.resource.column ?? 1}` : ''}`
      : (finding.resource.urn ?? finding.resource.name);
    const why =
      finding.identity !== undefined
        ? 'its identity has no physical name, construct path or URN: give it one (RoleName, UserName, Name), then run catalog init --update'
        : 'it concerns no identity, and only a CDK construct path or a Pulumi URN names such a resource';
    lines.push(
      `${where}: ${finding.ruleId} ${finding.resource.name} [${finding.detail ?? ''}] still blocks and no exception can name it: ${why}`,
    );
  }
  return lines;
}

/** Entries of the existing catalog that match nothing in the inputs any more, located in the file. */
function staleMessages(
  text: string,
  file: string,
  catalog: Catalog,
  model: Parameters<typeof staleEntries>[1],
): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return staleEntries(catalog, model).map((entry) => {
    const node = doc.getIn([entry.list, entry.index], true) as { range?: [number, number, number] } | undefined;
    const position = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    const where = position ? `${file}:${position.line}:${position.col}` : file;
    return `${where}: ${entry.list}[${entry.index}]: ${entry.message}`;
  });
}

/** The schema as the package ships it, relative to the catalog's directory (for the editor comment). */
function schemaPathFrom(directory: string): string | undefined {
  try {
    const schema = createRequire(import.meta.url).resolve('entitlement-guard/catalog/schema.json');
    return relative(directory, schema).split('\\').join('/');
  } catch {
    return undefined;
  }
}

function usage(message: string): CatalogInitResult {
  return {
    exitCode: EXIT.error,
    output: '',
    errors: [`entitlement-guard: ${message}`, '', `Usage:\n  ${CATALOG_INIT_USAGE}`],
  };
}

function failure(errors: string[]): CatalogInitResult {
  return { exitCode: EXIT.error, output: '', errors };
}
