/** The published pack: built-in defaults, or the catalog its policy config names (`catalogPath` / `catalog`). */
import { createPolicyPack } from './index.js';

createPolicyPack({ name: 'entitlement-guard' });
