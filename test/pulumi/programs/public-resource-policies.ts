// Resource policies that let in everyone or another account (test/pulumi/public-resource-policies.test.ts): a bucket
// policy open to `*` and a bucket's own `policy` open to `*`, a key's own policy for account 999999999999, a topic
// policy narrowed to the own account by AWS:SourceOwner, and a queue's own policy for S3 tied to a bucket of the stack
// by aws:SourceArn. The role is there so the stack's own account is known (its ARN, as the provider returns it).
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

new aws.iam.Role('worker', {
  name: 'worker',
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
  tags: { owner: 'team-platform' },
});

const site = new aws.s3.Bucket('site', { bucket: 'public-site' });
new aws.s3.BucketPolicy('sitePolicy', {
  bucket: site.bucket,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: pulumi.interpolate`${site.arn}/*` },
    ],
  }),
});

// The same grant written as the bucket's own (deprecated) `policy`, a literal: judged in preview as at up.
new aws.s3.Bucket('legacy', {
  bucket: 'legacy-public',
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::legacy-public/*' }],
  }),
});

new aws.kms.Key('shared', {
  description: 'shared with a partner',
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  }),
});

const caller = aws.getCallerIdentityOutput();
const alerts = new aws.sns.Topic('alerts', { name: 'alerts' });
new aws.sns.TopicPolicy('alertsPolicy', {
  arn: alerts.arn,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:GetTopicAttributes', 'SNS:Publish'],
        Resource: alerts.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': caller.accountId } },
      },
    ],
  }),
});

const uploads = new aws.s3.Bucket('uploads', { bucket: 'uploads' });
new aws.sqs.Queue('uploadEvents', {
  name: 'upload-events',
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: '*',
        Condition: { ArnEquals: { 'aws:SourceArn': uploads.arn } },
      },
    ],
  }),
});
