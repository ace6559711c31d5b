/**
 * Public and cross-account resource policies in a Terraform plan, through the CLI (`entitlement-guard check
 * plan.json`): restrict-trust reports a bucket policy open to `*` and a key policy for an account the catalog does not
 * list, passes a topic policy narrowed to an organization the catalog lists and a queue policy naming the plan's own
 * role by the literal account its ARN will have, and holds a policy read at apply as pending.
 */
import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../support/check-manifest.js';
import { trustingCatalogYaml } from '../support/principal-grants.js';
import { terraformPlan, type PlannedResource } from './support.js';

const policy = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({ Effect: 'Allow', Resource: '*', ...s })),
  });

const RESOURCES: PlannedResource[] = [
  {
    address: 'aws_iam_role.worker',
    values: {
      name: 'worker',
      assume_role_policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      tags: { owner: 'team-platform' },
    },
    unknown: { arn: true, id: true, unique_id: true, tags_all: true },
  },
  { address: 'aws_s3_bucket.site', values: { bucket: 'public-site' }, unknown: { arn: true, id: true } },
  {
    address: 'aws_s3_bucket_policy.site',
    values: { policy: policy({ Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' }) },
    unknown: { id: true, bucket: true },
    references: { bucket: ['aws_s3_bucket.site.id', 'aws_s3_bucket.site'] },
  },
  {
    address: 'aws_kms_key.shared',
    values: { policy: policy({ Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'kms:Decrypt' }) },
    unknown: { arn: true, id: true, key_id: true },
  },
  {
    address: 'aws_sns_topic_policy.alerts',
    values: {
      arn: 'arn:aws:sns:eu-west-1:111122223333:alerts',
      policy: policy({
        Principal: { AWS: '*' },
        Action: 'sns:Publish',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    },
    unknown: { id: true },
  },
  {
    // The plan's own role, named by the ARN it will have (built from the caller identity): its grant, not trust.
    address: 'aws_sqs_queue_policy.jobs',
    values: {
      queue_url: 'https://sqs.eu-west-1.amazonaws.com/555566667777/jobs',
      policy: policy({ Principal: { AWS: 'arn:aws:iam::555566667777:role/worker' }, Action: 'sqs:SendMessage' }),
    },
    unknown: { id: true },
  },
  {
    address: 'aws_s3_bucket_policy.logs',
    values: { bucket: 'logs' },
    unknown: { id: true, policy: true },
    references: { policy: ['data.aws_iam_policy_document.logs.json', 'data.aws_iam_policy_document.logs'] },
  },
];

describe('public and cross-account resource policies in a Terraform plan', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const written = trustingCatalogYaml({ organization: true });
    const { catalog, findings } = checkBlocked('plan.json', JSON.stringify(terraformPlan(RESOURCES)), written);
    const trust = findings.filter((f) => f.ruleId === 'restrict-trust');
    expect(trust.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)).toEqual([
      'mandatory aws_kms_key.shared Account::999999999999',
      'mandatory aws_s3_bucket_policy.logs - pending',
      'mandatory aws_s3_bucket_policy.site Principal::*',
    ]);
    expect(trust.map((f) => f.message)).toEqual([
      'Resource policy aws_kms_key.shared allows account 999999999999 (arn:aws:iam::999999999999:root) Action ' +
        'kms:Decrypt on <Arn of aws_kms_key.shared>, but the catalog (' +
        catalog +
        ') does not list that account under trust.accounts (listed: 111122223333). Narrow Principal to accounts the ' +
        'catalog trusts, or record the account with its owner under trust.accounts after review.',
      'Resource policy aws_s3_bucket_policy.logs on arn:aws:s3:::logs cannot be verified until apply: ' +
        'aws_s3_bucket_policy.logs.policy is not known until apply (from data.aws_iam_policy_document.logs.json, ' +
        'data.aws_iam_policy_document.logs), so who may use the resource is not known.',
      'Resource policy aws_s3_bucket_policy.site allows any AWS principal (Principal: "*") Action s3:GetObject on ' +
        '<aws_s3_bucket_policy.site.bucket is not known until apply (from aws_s3_bucket.site.id, aws_s3_bucket.site)>, ' +
        'and no condition narrows it: anyone, in any account, may do that. Narrow Principal to the own account or ' +
        'accounts the catalog lists under trust.accounts, or add a condition on aws:PrincipalAccount or ' +
        'aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS service that delivers ' +
        'to the resource, name the service and add aws:SourceAccount or aws:SourceArn.',
    ]);
  });
});
