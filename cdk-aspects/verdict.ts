import { evaluate } from '../src/engine/index.js';
import type { EvaluationResult } from '../src/engine/evaluate.js';
import { isBlocking, noWaiverTarget, type Finding } from '../src/model/finding.js';
import type { Model, ResourceRef } from '../src/model/model.js';
import type { TemplateInput } from '../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../src/adapters/cloudformation/to-model.js';
import { ruleById } from '../src/rules/index.js';
import type { ResolvedGuardOptions } from './options.js';
import { escapeControlCharacters as shown } from '../src/util/control-characters.js';

export interface Evaluation extends EvaluationResult {
  model: Model;
}

/**
 * Runs the engine on templates: the only evaluation every CDK front-end uses. A value that does not resolve at
 * synth time (an imported value, an SSM parameter) fails closed: unlike a Pulumi preview, nothing re-checks it
 * before the deployment, so it keeps its rule's level.
 */
export function evaluateTemplates(inputs: TemplateInput[], options: ResolvedGuardOptions): Evaluation {
  const model = modelFromTemplates(inputs);
  return { model, ...evaluate(model, { ...options, pending: 'fail-closed' }) };
}

/** What the aspect reads of a finding once its message is written: where it is, how loud, what an acknowledgement would hide. */
export type FindingSummary = Pick<Finding, 'ruleId' | 'level' | 'resource' | 'detail' | 'waivedBy'>;

/** A finding with the text the aspect annotates it with. */
export interface JudgedFinding {
  finding: FindingSummary;
  message: string;
  /** The resource of the identity the finding is about: the annotation goes on its L2 when the finding's resource is inside it. */
  identityResource?: ResourceRef;
}

/** One deployment's findings, each with its message and identity resource, and the evaluation they come from. */
export function judgeTemplates(
  inputs: TemplateInput[],
  options: ResolvedGuardOptions,
): { judged: JudgedFinding[]; evaluation: Evaluation } {
  const evaluation = evaluateTemplates(inputs, options);
  const identities = new Map(evaluation.model.identities.map((identity) => [identity.id, identity.resource]));
  const judged = evaluation.findings.map((finding): JudgedFinding => {
    const identityResource = finding.identity === undefined ? undefined : identities.get(finding.identity);
    return {
      finding: summaryOf(finding),
      message: describeFinding(finding),
      ...(identityResource ? { identityResource } : {}),
    };
  });
  return { judged, evaluation };
}

/** Only what the aspect reads of a finding. */
function summaryOf({ ruleId, level, resource, detail, waivedBy }: Finding): FindingSummary {
  return {
    ruleId,
    level,
    resource,
    ...(detail !== undefined ? { detail } : {}),
    ...(waivedBy !== undefined ? { waivedBy } : {}),
  };
}

/**
 * The message every CDK front-end prints: rule id, resource, what is wrong, why, how to fix (the finding's cloud's
 * fix, once), how to waive. `fix: false` leaves the fix out for reports that carry it in a field of its own (the
 * policy-validation report's "fix"), so it is not printed twice.
 */
export function describeFinding(finding: Finding, { fix = true }: { fix?: boolean } = {}): string {
  const rule = ruleById(finding.ruleId);
  const { path, stack, name } = finding.resource;
  const resource = path ?? (stack ? `${stack}/${name}` : name);
  const level = finding.waivedBy ? `waived by ${finding.waivedBy}` : isBlocking(finding) ? 'mandatory' : 'advisory';
  // Names, details and exception ids are the change's text: control characters in them are shown, not written.
  const lines = [
    `[EntitlementGuard] ${finding.ruleId} (${shown(level)}): ${shown(finding.message)}`,
    shown(
      `  resource: ${resource} (${finding.resource.type} ${finding.resource.name})${finding.detail ? ` ${finding.detail}` : ''}`,
    ),
  ];
  if (finding.pending && isBlocking(finding))
    lines.push('  fails closed: the value cannot be verified at synth time and nothing re-checks it before deployment');
  if (rule) lines.push(`  why: ${rule.meta.rationale}`);
  if (fix) lines.push(`  fix: ${finding.remediation}`);
  if (!finding.waivedBy) {
    lines.push(
      finding.waiverTarget === undefined
        ? `  waiver: ${noWaiverTarget(finding)}`
        : `  waiver: only an approved, unexpired catalog exception waives it (rule: ${finding.ruleId}, target: ${shown(finding.waiverTarget)}); ` +
            'a CDK acknowledgement does not, and is itself reported as unapproved-waiver',
    );
  }
  return lines.join('\n');
}
