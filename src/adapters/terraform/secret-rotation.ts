/**
 * The rotation an `aws_secretsmanager_secret` sets on itself. AWS provider versions before 5 take `rotation_lambda_arn`
 * and a `rotation_rules` block on the secret (the older way; `aws_secretsmanager_secret_rotation` replaced it), and
 * plans from those versions list both among the secret's attributes (checkov's plans of Terraform 1.0.11 and 1.2.4,
 * test/corpus/checkov-terraform/secret-*.json: after_unknown `rotation_lambda_arn`, `rotation_rules`, `rotation_enabled`;
 * after_sensitive `rotation_rules: []`, a block). @pulumi/aws 7's Secret, which the Pulumi adapter reads, has neither,
 * so the Terraform adapter reads them here. A configuration that leaves them out only reports what a rotation resource
 * sets (providers.ts `reportsOthers`), and that resource, where the plan has one, is the rotation that counts.
 */
import { rotationDays } from '../aws/rotation.js';
import { isUnknown, malformedValue, type Maybe } from '../../model/model.js';
import { isRecord } from '../../util/records.js';

/**
 * Days between rotations the secret's own arguments set, or undefined where they set none (no rotation Lambda, or
 * `rotation_enabled` known false, as a state shows it). A schedule known only at apply stays Unknown.
 */
export function inlineRotationDays(address: string, values: Record<string, unknown>): Maybe<number> | undefined {
  if (values.rotation_enabled === false) return undefined;
  const lambda = values.rotation_lambda_arn;
  if (!isUnknown(lambda) && (typeof lambda !== 'string' || lambda === '')) return undefined;
  const rules = values.rotation_rules;
  if (isUnknown(rules)) return rules;
  const block: unknown = Array.isArray(rules) ? rules[0] : undefined;
  if (isUnknown(block)) return block;
  if (!isRecord(block))
    return malformedValue(`${address} sets rotation_lambda_arn without a rotation_rules block, so no schedule`);
  return rotationDays({
    AutomaticallyAfterDays: block.automatically_after_days,
    ScheduleExpression: block.schedule_expression,
  });
}
