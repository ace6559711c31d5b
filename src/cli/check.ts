import { allRules } from '../rules/index.js';
import { formatJson } from '../reporters/json.js';
import { formatJunit } from '../reporters/junit.js';
import { formatMarkdown } from '../reporters/markdown.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';
import { plural } from '../util/plural.js';
import { EXIT, type CommandResult } from './command-result.js';
import { evaluateChange, loadChange, readCatalog, type LoadOptions } from './load-inputs.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions extends LoadOptions {
  format: Format;
  now?: Date;
  color?: boolean;
  toolVersion: string;
}

/**
 * `entitlement-guard check`: load the catalog and every template, build one model, evaluate, report.
 * Exit 0 when nothing blocks, 1 when a mandatory finding is not waived (a value the template cannot resolve
 * counts as mandatory under a mandatory rule: evaluateChange in load-inputs.ts), 2 when the input cannot be read.
 */
export function runCheck(options: CheckOptions): CommandResult {
  const loaded = loadChange(options);
  if (!('model' in loaded)) return loaded;
  const { catalog, model } = loaded;
  const result = evaluateChange(loaded, options);
  const output =
    options.format === 'json'
      ? formatJson(result)
      : options.format === 'sarif'
        ? formatSarif(result, allRules, { toolVersion: options.toolVersion })
        : options.format === 'junit'
          ? formatJunit(result, { rules: allRules, catalog, model })
          : options.format === 'markdown'
            ? formatMarkdown(result)
            : formatText(result, { color: options.color ?? false });
  return { exitCode: result.summary.blocking > 0 ? EXIT.blocked : EXIT.clean, output, errors: [], result };
}

/** `entitlement-guard catalog validate FILE`: every located issue, or a one-line confirmation. */
export function runCatalogValidate(file: string, cwd = process.cwd()): CommandResult {
  const catalog = readCatalog(file, cwd);
  if (!('apiVersion' in catalog)) return catalog;
  const counts = `${plural(catalog.owners.length, 'owner')}, ${plural(catalog.entitlements.length, 'entitlement')}, ${plural(catalog.identities.length, 'identity', 'identities')}, ${plural(catalog.exceptions.length, 'exception')}`;
  return { exitCode: EXIT.clean, output: `${file}: valid catalog (${counts})\n`, errors: [] };
}
