// The ts-node consumer's app (module commonjs), synthesized again and again against one catalog file: whether the
// YAML parser got loaded tells a synth that checked the catalog from one that took it from the install's cache.
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { EntitlementGuard } from 'entitlement-guard/cdk';

const app = new App({ outdir: 'cdk.out' });
const stack = new Stack(app, 'Consumer', { env: { account: '111122223333', region: 'eu-west-1' } });
new Role(stack, 'Deployer', {
  assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
  managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
});
Aspects.of(app).add(new EntitlementGuard({ catalog: 'catalog.yaml' }));

const errors = app
  .synth()
  .getStackByName('Consumer')
  .messages.filter((message) => message.level === 'error')
  .map((message) => `${message.id} ${String(message.entry.data).split(':')[0]}`);
const yamlLoaded = Object.keys(require.cache).some((file) => file.includes('/node_modules/yaml/dist/'));
console.log(JSON.stringify({ errors, yamlLoaded }));
