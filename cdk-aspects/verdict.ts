import { evaluate } from '../src/engine/check.js';
import { effectiveLevel, type EvaluationResult } from '../src/engine/evaluate.js';
import type { Finding } from '../src/engine/finding.js';
import type { Model } from '../src/model/model.js';
import type { TemplateInput } from '../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../src/adapters/cloudformation/to-model.js';
import { ruleById } from '../src/rules/index.js';
import type { ResolvedGuardOptions } from './options.js';

export interface Evaluation extends EvaluationResult {
  model: Model;
}

/** Runs the engine on templates: the only evaluation every CDK front-end uses. */
export function evaluateTemplates(inputs: TemplateInput[], options: ResolvedGuardOptions): Evaluation {
  const model = modelFromTemplates(inputs);
  return { model, ...evaluate(model, options) };
}

/** The name a catalog exception targets for this finding: the identity's name, else the resource's. */
export function waiverTarget(finding: Finding, model: Model): string {
  const subject = model.identities.find((identity) => identity.id === finding.identity) ?? model.secrets.find((secret) => secret.id === finding.identity);
  return subject?.name ?? finding.resource.name;
}

/**
 * Whether a finding stops `cdk synth`. A value that does not resolve at synth time (an imported value, an SSM
 * parameter) is reported by the engine as pending; unlike a Pulumi preview nothing re-checks it before the
 * deployment, so under a mandatory rule it fails closed.
 */
export function blocksSynth(finding: Finding, options: ResolvedGuardOptions): boolean {
  if (finding.waivedBy) return false;
  if (finding.level === 'mandatory') return true;
  const rule = finding.pending ? ruleById(finding.ruleId) : undefined;
  return rule !== undefined && effectiveLevel(rule, options.catalog, options.stackLevels) === 'mandatory';
}

/** The message every CDK front-end prints: rule id, resource, what is wrong, why, how to fix, how to waive. */
export function describeFinding(finding: Finding, options: ResolvedGuardOptions, target: string): string {
  const rule = ruleById(finding.ruleId);
  const { path, stack, name } = finding.resource;
  const resource = path ?? (stack ? `${stack}/${name}` : name);
  const level = finding.waivedBy ? `waived by ${finding.waivedBy}` : blocksSynth(finding, options) ? 'mandatory' : 'advisory';
  const lines = [
    `[EntitlementGuard] ${finding.ruleId} (${level}): ${finding.message}`,
    `  resource: ${resource} (${finding.resource.type} ${finding.resource.name})${finding.detail ? ` ${finding.detail}` : ''}`,
  ];
  if (finding.pending && !finding.waivedBy) lines.push('  fails closed: the value cannot be verified at synth time and nothing re-checks it before deployment');
  if (rule) lines.push(`  why: ${rule.meta.rationale}`);
  lines.push(`  fix: ${finding.remediation}`);
  if (!finding.waivedBy) {
    lines.push(`  waiver: only an approved, unexpired catalog exception waives it (rule: ${finding.ruleId}, target: ${target})`);
  }
  return lines.join('\n');
}
