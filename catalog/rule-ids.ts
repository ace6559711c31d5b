/**
 * The rule ids a catalog may name (in `rules` and in exceptions), in documentation order.
 * Kept here rather than imported from src/rules so the catalog loader stays independent of the engine;
 * the schema's `ruleId` enum and src/rules/index.ts hold the same list, and tests keep them in step.
 */
export const RULE_IDS = [
  'no-long-lived-credentials',
  'no-wildcard-privilege',
  'require-owner',
  'require-entitlement',
  'no-privilege-escalation',
  'policy-validity',
  'restrict-trust',
  'session-within-class',
  'secret-rotation',
  'break-glass-isolation',
  'human-federated',
  'identity-expiry',
  'exception-expiry',
  'no-unseen-content',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
