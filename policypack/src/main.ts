/**
 * The published pack: the catalog in entitlement-catalog.yaml beside the pack when there is one (then stack config
 * may not replace it), else the one catalog the policy config names for every policy, else the built-in defaults.
 */
import { packCatalogBeside } from './config.js';
import { createPolicyPack } from './index.js';

const beside = packCatalogBeside(process.cwd());
createPolicyPack({ name: 'entitlement-guard', ...(beside !== undefined ? { catalog: beside } : {}) });
