/**
 * Pulumi corpora (aws-pulumi, pulumi-multicloud): the built pack's verdicts, and adopting a program as a team would:
 * `catalog init` on its `pulumi stack export`, approvers filled in; then the CLI's check of the export and the pack's
 * verdicts with that catalog, as `rule waived|level resource`. Dated today, as the pack judges exceptions against
 * the clock.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCatalogInit } from '../../../src/cli/catalog-init.js';
import { runCheck } from '../../../src/cli/check.js';
import { allRules } from '../../../src/rules/index.js';
import { approved } from '../../bootstrap/support.js';
import {
  resourceNameOf,
  waiverOf,
  type analyzerClient,
  type CapturedResource,
} from '../../pulumi/support/analyzer-client.mjs';
import { stackExport } from '../../pulumi/support/stack-export.js';

export type Client = ReturnType<typeof analyzerClient>;
type Diagnostic = Awaited<ReturnType<Client['analyzeAsDeployment']>>[number];

export interface Adoption {
  initExit: number;
  unnameable: string[];
  cli: string[];
  cliExit: number;
  pack: string[];
}

/** `rule waived|level resource` of a diagnostic. */
export const packVerdict = (d: Diagnostic) =>
  `${d.policyName} ${waiverOf(d) ? 'waived' : d.enforcementLevel} ${resourceNameOf(d) ?? '(stack)'}`;

/** Adopts `program` (its captured `records`), writing its export and catalog under `scratch`. */
export async function adopt(
  client: Client,
  program: string,
  records: CapturedResource[],
  scratch: string,
): Promise<Adoption> {
  const exported = join(scratch, `${program}.stack.json`);
  writeFileSync(exported, JSON.stringify(stackExport(records)));
  const today = new Date().toISOString().slice(0, 10);
  const written = runCatalogInit([exported, '--today', today]);
  const catalogPath = approved(written.output, mkdtempSync(join(scratch, `${program}-`)));
  const checked = runCheck({ paths: [exported], catalogPath, format: 'json', toolVersion: 'test' });
  await client.configure(Object.fromEntries(allRules.map((rule) => [rule.meta.id, { properties: { catalogPath } }])));
  const diagnostics = await client.analyzeAsDeployment(records);
  return {
    initExit: written.exitCode,
    unnameable: written.errors.filter((line) => line.includes('no exception can name it')),
    cliExit: checked.exitCode,
    cli: (checked.result?.findings ?? [])
      .map((f) => `${f.ruleId} ${f.waivedBy ? 'waived' : f.level} ${f.resource.name}`)
      .sort(),
    pack: diagnostics.map(packVerdict).sort(),
  };
}
