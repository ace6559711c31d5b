/**
 * The AWS resources whose resource-based policy can grant the change's own roles and users what their identity
 * policies do not (iam/aws/resource-policy-grants.ts): S3 buckets, KMS keys, SQS queues, SNS topics and Secrets Manager
 * secrets (a secret's policy is trust as well, which restrict-trust judges; what it grants the change's own roles is
 * judged as theirs). Every AWS front-end reads the same facts: CloudFormation (to-model.ts) and Pulumi (aws.ts), and
 * Terraform through Pulumi's records (providers.ts).
 *
 * Property names as the CloudFormation resource schemas spell them (aws-cdk-lib 2.276.0's L1 classes, generated from
 * those schemas: CfnBucketPolicy, CfnKey, CfnReplicaKey, CfnQueuePolicy, CfnQueueInlinePolicy, CfnTopicPolicy,
 * CfnTopicInlinePolicy, secretsmanager's CfnResourcePolicy) and as @pulumi/aws 7 spells them (s3.BucketPolicy, kms.Key,
 * kms.ReplicaKey, kms.KeyPolicy, sqs.QueuePolicy, sqs.Queue, sns.TopicPolicy, sns.Topic, secretsmanager.SecretPolicy,
 * secretsmanager.Secret; aws-native's secretsmanager.ResourcePolicy as CloudFormation's).
 */

import { unknownValue, type PolicyValue } from '../../model/model.js';

/** How the resources a policy is attached to are named: what `Resource: "*"` in it means. */
export type AttachedBy =
  /** The resource that writes the policy is the one it is on (a key and its key policy). */
  | { kind: 'self' }
  /** A property holding a bucket name, a queue URL or an ARN (`list`: a list of them). */
  | { kind: 'bucket-name' | 'queue-url' | 'arn'; property: string; list?: true };

export interface ResourcePolicyType {
  /** The property holding the policy document. */
  document: string;
  attachedTo: AttachedBy;
}

export const CLOUDFORMATION_RESOURCE_POLICIES: Readonly<Record<string, ResourcePolicyType>> = {
  'AWS::S3::BucketPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'bucket-name', property: 'Bucket' },
  },
  'AWS::KMS::Key': { document: 'KeyPolicy', attachedTo: { kind: 'self' } },
  'AWS::KMS::ReplicaKey': { document: 'KeyPolicy', attachedTo: { kind: 'self' } },
  'AWS::SQS::QueuePolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'queue-url', property: 'Queues', list: true },
  },
  'AWS::SQS::QueueInlinePolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'queue-url', property: 'Queue' },
  },
  'AWS::SNS::TopicPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'arn', property: 'Topics', list: true },
  },
  'AWS::SNS::TopicInlinePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'TopicArn' } },
  // SecretId: the secret's ARN (what Ref of an AWS::SecretsManager::Secret returns) or its name.
  'AWS::SecretsManager::ResourcePolicy': {
    document: 'ResourcePolicy',
    attachedTo: { kind: 'arn', property: 'SecretId' },
  },
};

/**
 * The same resources in @pulumi/aws 7.48.0, and through Pulumi's records in Terraform. A queue, topic or key also takes
 * its policy as its own `policy` argument. `keyId` of kms.KeyPolicy is a key id or ARN; what is not an ARN stays Unknown.
 */
export const PULUMI_RESOURCE_POLICIES: Readonly<Record<string, ResourcePolicyType>> = {
  'aws:s3/bucketPolicy:BucketPolicy': { document: 'policy', attachedTo: { kind: 'bucket-name', property: 'bucket' } },
  'aws:kms/key:Key': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/replicaKey:ReplicaKey': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/keyPolicy:KeyPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'keyId' } },
  'aws:sqs/queue:Queue': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:sqs/queuePolicy:QueuePolicy': { document: 'policy', attachedTo: { kind: 'queue-url', property: 'queueUrl' } },
  'aws:sns/topic:Topic': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:sns/topicPolicy:TopicPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'arn' } },
  'aws:secretsmanager/secret:Secret': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:secretsmanager/secretPolicy:SecretPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'secretArn' },
  },
  'aws-native:secretsmanager:ResourcePolicy': {
    document: 'resourcePolicy',
    attachedTo: { kind: 'arn', property: 'secretId' },
  },
};

/**
 * The ARN of what a resource policy is on, from the bucket name or queue URL its property holds (a queue's URL is
 * `https://sqs.<region>.amazonaws.com/<account>/<name>`, or the legacy `https://<region>.queue.amazonaws.com/…`); a URL
 * that is neither stays Unknown.
 */
export function attachedArnOf(kind: 'bucket-name' | 'queue-url', value: string): PolicyValue {
  if (kind === 'bucket-name') return `arn:aws:s3:::${value}`;
  const match = /^https:\/\/(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com\/(\d{12})\/([^/?#]+)$/.exec(
    value,
  );
  if (!match) return unknownValue(`the ARN of the queue at ${value}`);
  const [, sqsRegion, legacyRegion, account, name] = match;
  return `arn:aws:sqs:${sqsRegion ?? legacyRegion}:${account}:${name}`;
}
