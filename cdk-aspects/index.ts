/**
 * `entitlement-guard/cdk`: the CDK front-ends. All three evaluate with the same engine and catalog:
 * an aspect that fails `cdk synth` with annotations, a cdk-nag 3 pack, and a CDK policy-validation plugin.
 */
export { EntitlementGuard, type EntitlementGuardProps } from './aspect.js';
export { EntitlementGuardChecks, NAG_PACK_PREFIX, type EntitlementGuardChecksProps } from './nag-pack.js';
export { EntitlementGuardValidation } from './validation-plugin.js';
export type { GuardOptions } from './options.js';
export { ruleAcknowledgements, unapprovedWaivers, parseAcknowledgedId, type RuleAcknowledgement, type UnapprovedWaiver } from './acknowledgements.js';
export { stackTemplates, type StackTemplates, type StackTemplateOptions } from './stack-templates.js';
export { authoredConstruct, topLevelStackOf } from './construct-tree.js';
