import * as engine from './engine.js';

export type CdkEngine = typeof engine;

/**
 * The engine half of the CDK front-ends (engine.ts). Here a static import, as tests and type-checking see it; in the
 * package (scripts/bundle.mjs) this module is replaced by one that requires the `cdk-engine` entry on the first call,
 * so `import 'entitlement-guard/cdk'` loads only the aspect and the plugin, not the engine.
 */
export function cdkEngine(): CdkEngine {
  return engine;
}
