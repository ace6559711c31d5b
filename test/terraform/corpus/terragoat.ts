/**
 * Source: bridgecrewio/checkov, tests/terraform/runner/resources/plan/tfplan.json @ 89d1b46f67dd6dfb73f4ecb59056668009adfcb4
 * (the TerraGoat plan, format 0.1, Terraform 0.12.23). Facts reproduced: the IAM resources of the plan with their
 * names, trust services, policy actions and attachments; the role of `aws_iam_role_policy.ec2policy` is absent from
 * the plan's values (the role's id is known only after apply), so the reference is taken from the configuration
 * as TerraGoat writes it (`role = aws_iam_role.ec2role.id`). Written in format 1.2, account 123456789123.
 */
import type { PlannedResource } from '../support.js';

const policy = (actions: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: actions, Effect: 'Allow', Resource: '*' }] });
const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: service }, Effect: 'Allow', Sid: '' }],
  });
const role = (
  name: string,
  resource: string,
  service: string,
  tags: Record<string, string> | null,
): PlannedResource => ({
  address: `aws_iam_role.${resource}`,
  values: {
    assume_role_policy: trust(service),
    force_detach_policies: false,
    max_session_duration: 3600,
    name,
    path: '/',
    permissions_boundary: null,
    tags,
  },
  unknown: { arn: true, id: true, unique_id: true, create_date: true, managed_policy_arns: true, inline_policy: true },
});

export const TERRAGOAT: PlannedResource[] = [
  role('123456789123-acme-corp-role', 'ec2role', 'ec2.amazonaws.com', {
    Environment: '123456789123-acme-corp',
    Name: '123456789123-acme-corp-role',
  }),
  role('123456789123-acme-corp-iam-for-eks', 'iam_for_eks', 'eks.amazonaws.com', null),
  role('123456789123-acme-corp-analysis-lambda', 'iam_for_lambda', 'lambda.amazonaws.com', null),
  {
    address: 'aws_iam_role_policy.ec2policy',
    values: { name: '123456789123-acme-corp-policy', name_prefix: null, policy: policy(['s3:*', 'ec2:*', 'rds:*']) },
    unknown: { id: true, role: true },
    references: { role: ['aws_iam_role.ec2role.id', 'aws_iam_role.ec2role'] },
  },
  ...['AmazonEKSClusterPolicy', 'AmazonEKSServicePolicy'].map((name): PlannedResource => ({
    address: `aws_iam_role_policy_attachment.policy_attachment-${name}`,
    values: { policy_arn: `arn:aws:iam::aws:policy/${name}`, role: '123456789123-acme-corp-iam-for-eks' },
    unknown: { id: true },
    references: { role: ['aws_iam_role.iam_for_eks.name', 'aws_iam_role.iam_for_eks'] },
  })),
  {
    address: 'aws_iam_user.user',
    values: {
      force_destroy: true,
      name: '123456789123-acme-corp-user',
      path: '/',
      permissions_boundary: null,
      tags: { Environment: '123456789123-acme-corp', Name: '123456789123-acme-corp-user' },
    },
    unknown: { arn: true, id: true, unique_id: true },
  },
  {
    address: 'aws_iam_access_key.user',
    values: { pgp_key: null, user: '123456789123-acme-corp-user' },
    unknown: {
      id: true,
      secret: true,
      ses_smtp_password: true,
      encrypted_secret: true,
      key_fingerprint: true,
      status: true,
    },
    references: { user: ['aws_iam_user.user.name', 'aws_iam_user.user'] },
  },
  {
    address: 'aws_iam_user_policy.userpolicy',
    values: {
      name: 'excess_policy',
      name_prefix: null,
      policy: policy(['ec2:*', 's3:*', 'lambda:*', 'cloudwatch:*']),
      user: '123456789123-acme-corp-user',
    },
    unknown: { id: true },
    references: { user: ['aws_iam_user.user.name', 'aws_iam_user.user'] },
  },
  {
    address: 'aws_iam_instance_profile.ec2profile',
    values: {
      name: '123456789123-acme-corp-profile',
      name_prefix: null,
      path: '/',
      role: '123456789123-acme-corp-role',
    },
    unknown: { arn: true, id: true, unique_id: true, create_date: true },
    references: { role: ['aws_iam_role.ec2role.name', 'aws_iam_role.ec2role'] },
  },
  {
    address: 'aws_lambda_function.analysis_lambda',
    values: {
      function_name: '123456789123-acme-corp-analysis',
      handler: 'exports.test',
      runtime: 'nodejs12.x',
      filename: 'resources/lambda_function_payload.zip',
    },
    unknown: { arn: true, id: true, role: true, invoke_arn: true, qualified_arn: true, version: true },
    references: { role: ['aws_iam_role.iam_for_lambda.arn', 'aws_iam_role.iam_for_lambda'] },
  },
];
