// An organisation's pack: the package's policies around the organisation's catalog, published with `pulumi policy publish`.
import { createPolicyPack } from 'entitlement-guard/pulumi';

createPolicyPack({ name: 'example-co-entitlements', catalog: 'catalog.yaml' });
