import type { Catalog } from '../../catalog/types.js';
import { effectiveLevel, type EvaluationResult } from '../engine/evaluate.js';
import { isBlocking, type Finding } from '../engine/finding.js';
import { ruleById } from '../rules/index.js';

/**
 * The engine reports a value it cannot read (an imported value, a parameter without default) as pending and
 * advisory, for front-ends that re-check once the value is known (a Pulumi preview). A template gate has no
 * later check before deployment: under a rule that is mandatory, such a finding fails closed and blocks, as in
 * the CDK front-end. Waived findings stay waived.
 */
export function failClosed(result: EvaluationResult, catalog: Catalog): EvaluationResult {
  const findings = result.findings.map((finding): Finding => {
    if (!finding.pending || finding.waivedBy || finding.level === 'mandatory') return finding;
    const rule = ruleById(finding.ruleId);
    return rule && effectiveLevel(rule, catalog) === 'mandatory' ? { ...finding, level: 'mandatory' } : finding;
  });
  return {
    findings,
    summary: {
      ...result.summary,
      blocking: findings.filter(isBlocking).length,
      mandatory: findings.filter((finding) => finding.level === 'mandatory').length,
      advisory: findings.filter((finding) => finding.level === 'advisory').length,
    },
  };
}
