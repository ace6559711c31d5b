// Resource policies that name a role of the stack (test/pulumi/resource-policy-grants.test.ts): a bucket policy, a
// key's own policy, a queue's own policy, a topic policy and a secret policy, each granting payments-api-runtime what
// its entitlements (examples/catalog.yaml: payments-read, -write, -secrets-read) do not.
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

const grant = (action: string, resource: pulumi.Input<string>) =>
  pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: role.arn }, Action: action, Resource: resource }],
  });

const exports = new aws.s3.Bucket('exports', { bucket: 'payments-exports' });
new aws.s3.BucketPolicy('exportsPolicy', {
  bucket: exports.bucket,
  policy: grant('s3:PutObject', pulumi.interpolate`${exports.arn}/*`),
});

new aws.kms.Key('ledger', { description: 'ledger', policy: grant('kms:Decrypt', '*') });

new aws.sqs.Queue('payouts', { name: 'payouts', policy: grant('sqs:SendMessage', '*') });

const alerts = new aws.sns.Topic('alerts', { name: 'alerts' });
new aws.sns.TopicPolicy('alertsPolicy', { arn: alerts.arn, policy: grant('sns:Publish', alerts.arn) });

// A secret of another team, whose policy lets the role read it: payments-secrets-read covers payments/* only.
const platformDb = new aws.secretsmanager.Secret('platformDb', {
  name: 'platform/db-master',
  tags: { owner: 'team-platform', 'identity-class': 'service' },
});
new aws.secretsmanager.SecretRotation('platformDbRotation', {
  secretId: platformDb.id,
  rotationLambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:rotator',
  rotationRules: { automaticallyAfterDays: 30 },
});
new aws.secretsmanager.SecretPolicy('platformDbPolicy', {
  secretArn: platformDb.arn,
  policy: grant('secretsmanager:GetSecretValue', '*'),
});
