import { Stage, type Stack } from 'aws-cdk-lib';
import { resolve } from 'node:path';
import type { AuditUnapprovedWaiver } from '../src/audit/index.js';
import { auditFormatForFile } from '../src/reporters/audit.js';
import { writeAuditFile } from '../src/reporters/audit-file.js';
import { summarize } from '../src/engine/evaluate.js';
import type { Finding } from '../src/model/finding.js';
import { mergeModels } from '../src/model/merge.js';
import type { UnapprovedWaiver } from './acknowledgements.js';
import type { ResolvedGuardOptions } from './options.js';
import type { Evaluation } from './verdict.js';

interface StackAudit {
  evaluation: Evaluation;
  waivers: UnapprovedWaiver[];
}

/**
 * The audit view of a whole CDK app, written by the aspect once every stack it checks has been evaluated in a
 * synthesis: the stacks' models pooled into one, so the audit lists every identity of the app (and the catalog's
 * own), with the unapproved acknowledgements found in the app.
 */
export class AppAudit {
  private readonly evaluated = new Map<Stack, StackAudit>();

  constructor(private readonly file: string) {
    if (!auditFormatForFile(file))
      throw new Error(`EntitlementGuard auditFile "${file}": expected a file name ending in .json, .md or .html`);
  }

  /** Records one stack's evaluation; when all `stackCount` stacks of this synthesis are in, writes the audit. */
  add(
    stack: Stack,
    evaluation: Evaluation,
    options: ResolvedGuardOptions,
    waivers: UnapprovedWaiver[],
    stackCount: number,
  ): void {
    this.evaluated.set(stack, { evaluation, waivers });
    if (this.evaluated.size < stackCount) return;
    const stacks = [...this.evaluated.values()];
    this.evaluated.clear();
    const model = mergeModels(stacks.map((entry) => entry.evaluation.model));
    const findings = poolFindings(stacks.map((entry) => entry.evaluation.findings));
    const outdir = Stage.of(stack)?.outdir ?? process.cwd();
    writeAuditFile(
      resolve(outdir, this.file),
      model,
      { findings, summary: summarize(findings, model) },
      options.catalog,
      options.now ?? new Date(),
      {
        unapprovedWaivers: stacks.flatMap((entry) => entry.waivers.map(auditWaiver)),
      },
    );
  }
}

/** Every stack's findings; a finding about the catalog itself (an expired exception) is in each stack's: keep one. */
function poolFindings(lists: Finding[][]): Finding[] {
  const pooled = new Map<string, Finding>();
  for (const finding of lists.flat()) {
    const { resource } = finding;
    const key = [
      finding.ruleId,
      resource.stack ?? '',
      resource.type,
      resource.name,
      finding.identity ?? '',
      finding.detail ?? '',
      finding.message,
    ].join('\u0000');
    if (!pooled.has(key)) pooled.set(key, finding);
  }
  return [...pooled.values()];
}

function auditWaiver({ acknowledgement, finding }: UnapprovedWaiver): AuditUnapprovedWaiver {
  return {
    id: acknowledgement.id,
    at: acknowledgement.at,
    reason: acknowledgement.reason,
    ruleId: finding.ruleId,
    resource: finding.resource,
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
  };
}
