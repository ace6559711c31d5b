/**
 * `entitlement-guard/cdk`: the CDK front-ends. All three evaluate with the same engine and catalog:
 * an aspect that fails `cdk synth` with annotations, a CDK policy-validation plugin, and (from
 * `entitlement-guard/cdk-nag`, so that cdk-nag stays optional) a cdk-nag 3 pack.
 */
import type { Stack } from 'aws-cdk-lib';
import { cdkEngine } from './engine-loader.js';
import type { StackTemplateOptions, StackTemplates } from './stack-templates.js';

export type { StackTemplates, StackTemplateOptions };
export { EntitlementGuard, type EntitlementGuardProps } from './aspect.js';
export { EntitlementGuardValidation } from './validation-plugin.js';
export type { GuardOptions } from './options.js';
export {
  ruleAcknowledgements,
  unapprovedWaivers,
  parseAcknowledgedId,
  type RuleAcknowledgement,
  type UnapprovedWaiver,
} from './acknowledgements.js';
export { authoredConstruct, topLevelStackOf } from './construct-tree.js';

/**
 * The templates the CDK will synthesize for `stack`, rendered by the Stack itself, with the L1 construct behind each
 * resource (see stack-templates.ts). Through the engine half, which it loads on first use.
 */
export function stackTemplates(stack: Stack, options: StackTemplateOptions = {}): StackTemplates {
  return cdkEngine().stackTemplates(stack, options);
}
