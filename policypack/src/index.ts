import { PolicyPack, type PolicyPackArgs } from '@pulumi/policy';
import { entitlementGuardPolicies, type EntitlementGuardOptions } from './policies.js';

export { entitlementGuardPolicies, type EntitlementGuardOptions, type EntitlementGuardPolicy } from './policies.js';
export { PACK_CONFIG_SCHEMA, PackConfigError, type PackPolicyConfig } from './config.js';

export interface CreatePolicyPackOptions extends EntitlementGuardOptions, Omit<PolicyPackArgs, 'policies'> {
  /** Policy pack name: letters, digits, `-`, `_`, `.`. */
  name: string;
}

/**
 * A CrossGuard policy pack around an organisation's catalog. The pack starts serving when created, as every
 * Pulumi policy pack does, so call this once from the pack's entry module:
 *
 * ```ts
 * import { createPolicyPack } from 'entitlement-guard/pulumi';
 * createPolicyPack({ name: 'example-co-entitlements', catalog: 'catalog.yaml' });
 * ```
 */
export function createPolicyPack(options: CreatePolicyPackOptions): PolicyPack {
  const { name, catalog, rules, baseDir, now, ...packArgs } = options;
  const policies = entitlementGuardPolicies({ catalog, rules, baseDir, now });
  return new PolicyPack(name, {
    description: 'Entitlement Guard: identities and secrets held to the entitlement catalog.',
    provider: 'aws',
    tags: ['identity', 'iam', 'entitlements'],
    ...packArgs,
    policies,
  });
}
