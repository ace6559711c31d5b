/**
 * `entitlement-guard/cdk-nag`: the cdk-nag 3 pack, an entry point of its own so that only apps that use cdk-nag
 * load it (importing cdk-nag costs ~0.3 s per synth, and it is an optional peer dependency).
 */
export { EntitlementGuardChecks, NAG_PACK_PREFIX, type EntitlementGuardChecksProps } from './nag-pack.js';
