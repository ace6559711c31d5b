/**
 * `entitlement-guard/cdk`: the CDK front-ends. All three evaluate with the same engine and catalog:
 * an aspect that fails `cdk synth` with annotations, a CDK policy-validation plugin, and (from
 * `entitlement-guard/cdk-nag`, so that cdk-nag stays optional) a cdk-nag 3 pack.
 */
export { EntitlementGuard, type EntitlementGuardProps } from './aspect.js';
export { EntitlementGuardValidation } from './validation-plugin.js';
export type { GuardOptions } from './options.js';
export {
  ruleAcknowledgements,
  unapprovedWaivers,
  type RuleAcknowledgement,
  type UnapprovedWaiver,
} from './acknowledgements.js';
