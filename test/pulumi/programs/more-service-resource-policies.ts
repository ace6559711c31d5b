// Resource policies of further services that name a role of the stack (test/pulumi/more-service-resource-policies.test.ts):
// a CloudWatch Logs resource policy and a log destination's, ECR's registry policy, a CodeArtifact domain's and
// repository's, an S3 Object Lambda access point's, an MSK cluster's, a schema registry's, X-Ray's, VPC Lattice's,
// Glue's Data Catalog's and Redshift's (provisioned and Serverless), each granting payments-api-runtime what its
// entitlements (examples/catalog.yaml: payments-read, -write, -secrets-read) do not.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const role = new aws.iam.Role('payments', {
  name: 'payments-api-runtime',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-payments' },
});

/** A policy granting the role `action` on what the policy is attached to. */
const grant = (action: string) =>
  pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: role.arn }, Action: action, Resource: '*' }],
  });

const ACCOUNT = '111122223333';

new aws.cloudwatch.LogResourcePolicy('logsPolicy', {
  policyName: 'payments',
  policyDocument: grant('logs:PutLogEvents'),
});
new aws.cloudwatch.LogDestinationPolicy('destinationPolicy', {
  destinationName: 'central-logs',
  accessPolicy: grant('logs:PutSubscriptionFilter'),
});
new aws.ecr.RegistryPolicy('registryPolicy', { policy: grant('ecr:ReplicateImage') });
new aws.codeartifact.DomainPermissions('domainPolicy', {
  domain: 'payments',
  policyDocument: grant('codeartifact:GetAuthorizationToken'),
});
new aws.codeartifact.RepositoryPermissionsPolicy('packagesPolicy', {
  domain: 'payments',
  repository: 'packages',
  policyDocument: grant('codeartifact:PublishPackageVersion'),
});
new aws.s3control.ObjectLambdaAccessPointPolicy('redactedPolicy', {
  name: 'payments-redacted',
  policy: grant('s3-object-lambda:GetObject'),
});
new aws.msk.ClusterPolicy('streamingPolicy', {
  clusterArn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/payments/0123`,
  policy: grant('kafka:CreateVpcConnection'),
});
new aws.schemas.RegistryPolicy('schemasPolicy', { registryName: 'payments', policy: grant('schemas:DeleteSchema') });
new aws.xray.ResourcePolicy('tracesPolicy', { policyName: 'payments', policyDocument: grant('xray:PutTraceSegments') });
new aws.vpclattice.ResourcePolicy('latticePolicy', {
  resourceArn: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123`,
  policy: grant('vpc-lattice:CreateServiceNetworkVpcAssociation'),
});
new aws.glue.ResourcePolicy('catalogPolicy', { policy: grant('glue:GetTable') });
new aws.redshift.ResourcePolicy('integrationPolicy', {
  resourceArn: `arn:aws:redshift:us-east-1:${ACCOUNT}:namespace:0123-abcd`,
  policy: grant('redshift:AuthorizeInboundIntegration'),
});
new aws.redshiftserverless.ResourcePolicy('snapshotPolicy', {
  resourceArn: `arn:aws:redshift-serverless:us-east-1:${ACCOUNT}:snapshot/0123-abcd`,
  policy: grant('redshift-serverless:RestoreFromSnapshot'),
});
