// Resource policies of other services that name a role of the stack (test/pulumi/service-resource-policy-grants.test.ts):
// a DynamoDB table's, an ECR repository's, a Lambda permission, an EFS file system's, an OpenSearch domain's, a REST
// API's, an event bus's, a Backup vault's, a Glacier vault's and an S3 access point's, each granting
// payments-api-runtime what its entitlements (examples/catalog.yaml: payments-read, -write, -secrets-read) do not.
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

/** A policy granting the role `action`, on `resource` when given, else on what the policy is attached to. */
const grant = (action: string, resource?: pulumi.Input<string>) =>
  pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: role.arn }, Action: action, ...(resource ? { Resource: resource } : {}) },
    ],
  });

const ledger = new aws.dynamodb.Table('ledger', {
  name: 'payments-ledger',
  billingMode: 'PAY_PER_REQUEST',
  hashKey: 'id',
  attributes: [{ name: 'id', type: 'S' }],
});
new aws.dynamodb.ResourcePolicy('ledgerPolicy', { resourceArn: ledger.arn, policy: grant('dynamodb:DeleteItem', '*') });

const images = new aws.ecr.Repository('images', { name: 'payments-images' });
new aws.ecr.RepositoryPolicy('imagesPolicy', { repository: images.name, policy: grant('ecr:PutImage') });

new aws.lambda.Permission('invokePayouts', {
  function: 'arn:aws:lambda:us-east-1:111122223333:function:payouts',
  action: 'lambda:InvokeFunction',
  principal: role.arn,
});
// To a service: no role of the stack.
new aws.lambda.Permission('invokeFromBucket', {
  function: 'payouts',
  action: 'lambda:InvokeFunction',
  principal: 's3.amazonaws.com',
  sourceAccount: '111122223333',
});

new aws.efs.FileSystemPolicy('sharedPolicy', {
  fileSystemId: 'fs-0123456789abcdef0',
  policy: grant('elasticfilesystem:ClientWrite'),
});

new aws.opensearch.DomainPolicy('searchPolicy', { domainName: 'payments', accessPolicies: grant('es:ESHttpPut', '*') });

new aws.apigateway.RestApiPolicy('apiPolicy', { restApiId: 'a1b2c3d4e5', policy: grant('execute-api:Invoke', '*') });

new aws.cloudwatch.EventBusPolicy('busPolicy', { eventBusName: 'payments', policy: grant('events:PutEvents', '*') });

new aws.backup.VaultPolicy('vaultPolicy', {
  backupVaultName: 'payments',
  policy: grant('backup:DeleteRecoveryPoint', '*'),
});

new aws.glacier.Vault('archive', { name: 'payments-archive', accessPolicy: grant('glacier:DeleteArchive', '*') });

new aws.s3.AccessPoint('exportsPoint', {
  bucket: 'payouts-exports',
  name: 'exports',
  policy: grant('s3:GetObject', 'arn:aws:s3:us-east-1:111122223333:accesspoint/exports/object/*'),
});
