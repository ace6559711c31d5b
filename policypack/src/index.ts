import { PolicyPack, type PolicyPackArgs } from '@pulumi/policy';
import { CatalogError } from '../../catalog/index.js';
import { PackCatalogError } from './config.js';
import { withImplementationHooks } from './analyzer-service.js';
import { guardConfigure } from './configure-guard.js';
import { entitlementGuardPack, type EntitlementGuardOptions } from './policies.js';
import { analyzeStackOnce } from './stack-once.js';
import { codeCacheAfterFirstStack } from './code-cache-after-stack.js';

export { entitlementGuardPolicies, type EntitlementGuardOptions, type EntitlementGuardPolicy } from './policies.js';
export { PackCatalogError, PackConfigError, type PackPolicyConfig } from './config.js';

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
 *
 * A catalog that cannot be read or is invalid stops the pack with a PackCatalogError: its located lines, no stack.
 */
export function createPolicyPack(options: CreatePolicyPackOptions): PolicyPack {
  const { name, catalog, allowStackCatalog, rules, baseDir, now, ...packArgs } = options;
  let pack: ReturnType<typeof entitlementGuardPack>;
  try {
    pack = entitlementGuardPack({ catalog, allowStackCatalog, rules, baseDir, now });
  } catch (error) {
    // A catalog that cannot be read or is invalid: one located error the Pulumi CLI prints as it is.
    if (error instanceof CatalogError)
      throw new PackCatalogError(
        name,
        error,
        typeof catalog === 'string' ? catalog : undefined,
        baseDir ?? process.cwd(),
      );
    throw error;
  }
  const { policies, configure } = pack;
  return withImplementationHooks(
    [guardConfigure(configure), analyzeStackOnce, codeCacheAfterFirstStack],
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
