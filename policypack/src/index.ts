import { PolicyPack, type PolicyPackArgs } from '@pulumi/policy';
import { withConfigureHandler } from './configure-guard.js';
import { entitlementGuardPack, type EntitlementGuardOptions } from './policies.js';

export { entitlementGuardPolicies, type EntitlementGuardOptions, type EntitlementGuardPolicy } from './policies.js';
export { PACK_CATALOG_FILE, PACK_CONFIG_SCHEMA, PackConfigError, type PackPolicyConfig } from './config.js';

export interface CreatePolicyPackOptions extends EntitlementGuardOptions, Omit<PolicyPackArgs, 'policies'> {
  /** Policy pack name: letters, digits, `-`, `_`, `.`. */
  name: string;
}

/**
 * A CrossGuard policy pack around an organisation's catalog. The pack keeps that catalog and its levels: a stack's
 * policy config may make a rule stricter, but a rule it sets to a looser level (`disabled` included) runs at the
 * catalog's level, and a `catalogPath` or `catalog` in it is refused unless `allowStackCatalog` is set. The pack
 * starts serving when created, as every Pulumi policy pack does, so call this once from the pack's entry module:
 *
 * ```ts
 * import { createPolicyPack } from 'entitlement-guard/pulumi';
 * createPolicyPack({ name: 'example-co-entitlements', catalog: 'catalog.yaml' });
 * ```
 */
export function createPolicyPack(options: CreatePolicyPackOptions): PolicyPack {
  const { name, catalog, allowStackCatalog, rules, baseDir, now, ...packArgs } = options;
  const { policies, configure } = entitlementGuardPack({ catalog, allowStackCatalog, rules, baseDir, now });
  return withConfigureHandler(
    configure,
    () =>
      new PolicyPack(name, {
        description: 'Entitlement Guard: identities and secrets held to the entitlement catalog.',
        provider: 'aws',
        tags: ['identity', 'iam', 'entitlements'],
        ...packArgs,
        policies,
      }),
  );
}
