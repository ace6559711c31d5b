import { relative, resolve } from 'node:path';
import { CatalogError, defaultCatalog, formatCatalogIssue, loadCatalog, type Catalog } from '../../catalog/index.js';
import { loadTemplates } from '../adapters/cloudformation/load.js';
import { templateLineFinder } from '../adapters/cloudformation/locate.js';
import { TemplateError, type TemplateInput } from '../adapters/cloudformation/template.js';
import { modelFromTemplates } from '../adapters/cloudformation/to-model.js';
import { evaluate } from '../engine/check.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import { allRules } from '../rules/index.js';
import { failClosed } from './fail-closed.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const EXIT = { clean: 0, blocked: 1, error: 2 } as const;

export interface CheckOptions {
  /** cdk.out directories, template files or directories of templates. */
  paths: string[];
  catalogPath?: string;
  format: Format;
  now?: Date;
  /** Template paths in findings are made relative to this directory (default: the process's). */
  cwd?: string;
  color?: boolean;
  toolVersion: string;
}

/** What the CLI prints: the report on stdout (or --out), problems on stderr, and the exit code. */
export interface CommandResult {
  exitCode: number;
  output: string;
  errors: string[];
  result?: EvaluationResult;
}

/**
 * `entitlement-guard check`: load the catalog and every template, build one model, evaluate, report.
 * Exit 0 when nothing blocks, 1 when a mandatory finding is not waived (a value the template cannot resolve
 * counts as mandatory under a mandatory rule: see fail-closed.ts), 2 when the input cannot be read.
 */
export function runCheck(options: CheckOptions): CommandResult {
  const cwd = options.cwd ?? process.cwd();
  const catalog = readCatalog(options.catalogPath, cwd);
  if (!('apiVersion' in catalog)) return catalog;
  const inputs: TemplateInput[] = [];
  for (const path of options.paths) {
    try {
      // The same template named twice (a file and its directory) is read once.
      for (const input of loadTemplates(path)) if (!inputs.some((seen) => seen.file === input.file && seen.stack === input.stack)) inputs.push(input);
    } catch (error) {
      if (error instanceof TemplateError) return failure([`${relativeFile(cwd, error.file)}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.reason}`]);
      throw error;
    }
  }
  for (const input of inputs) if (input.file) input.file = relativeFile(cwd, input.file);
  const clash = duplicateStacks(inputs);
  if (clash.length > 0) return failure(clash);
  const result = failClosed(evaluate(modelFromTemplates(inputs), { catalog, ...(options.now ? { now: options.now } : {}) }), catalog);
  const lineOf = templateLineFinder(cwd);
  const output =
    options.format === 'json'
      ? formatJson(result)
      : options.format === 'sarif'
        ? formatSarif(result, allRules, { toolVersion: options.toolVersion, lineOf })
        : formatText(result, { color: options.color ?? false, lineOf });
  return { exitCode: result.summary.blocking > 0 ? EXIT.blocked : EXIT.clean, output, errors: [], result };
}

/** `entitlement-guard catalog validate FILE`: every located issue, or a one-line confirmation. */
export function runCatalogValidate(file: string, cwd = process.cwd()): CommandResult {
  const catalog = readCatalog(file, cwd);
  if (!('apiVersion' in catalog)) return catalog;
  const counts = `${catalog.owners.length} owners, ${catalog.entitlements.length} entitlements, ${catalog.identities.length} identities, ${catalog.exceptions.length} exceptions`;
  return { exitCode: EXIT.clean, output: `${file}: valid catalog (${counts})\n`, errors: [] };
}

/** The catalog, named relative to `cwd` in findings and issues like the templates are. */
function readCatalog(path: string | undefined, cwd: string): Catalog | CommandResult {
  if (path === undefined) return defaultCatalog();
  const absolute = resolve(cwd, path);
  try {
    return { ...loadCatalog(absolute), source: relativeFile(cwd, absolute) };
  } catch (error) {
    if (error instanceof CatalogError) return failure(error.errors.map((issue) => formatCatalogIssue({ ...issue, file: relativeFile(cwd, issue.file) })));
    throw error;
  }
}

/** Identities are named `stack/logicalId`, so two templates read as the same stack would be merged: refuse. */
function duplicateStacks(inputs: TemplateInput[]): string[] {
  const files = new Map<string, string[]>();
  for (const input of inputs) files.set(input.stack, [...(files.get(input.stack) ?? []), input.file ?? '(inline)']);
  return [...files]
    .filter(([, list]) => list.length > 1)
    .map(([stack, list]) => `${list.join(', ')}: all read as stack "${stack}"; check them in separate runs or rename one`);
}

function failure(errors: string[]): CommandResult {
  return { exitCode: EXIT.error, output: '', errors };
}

/** Findings name template files relative to where the check runs, with forward slashes, so reports are portable. */
function relativeFile(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return (path.startsWith('..') ? file : path).split('\\').join('/');
}
