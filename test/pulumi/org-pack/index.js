// The five-line org pack a platform team writes around its catalog, as the README shows it (built package, the
// repository's example catalog). Stack configuration may make it stricter, never looser.
import { createPolicyPack } from '../../../dist/bundle/pulumi.js';

createPolicyPack({ name: 'example-co-entitlements', catalog: '../../../examples/catalog.yaml' });
