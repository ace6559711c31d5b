// A CDK app as `cdk init app --language typescript` lays it out (module commonjs, run by ts-node), with the aspect.
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

// `cdk synth` fails on error annotations; in-process, print them for the test to read.
const errors = app
  .synth()
  .getStackByName('Consumer')
  .messages.filter((message) => message.level === 'error')
  .map((message) => `${message.id} ${String(message.entry.data).split(':')[0]}`);
console.log(JSON.stringify(errors));
