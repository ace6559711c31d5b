/**
 * The resource types the other corpus files do not hold, written by us with the providers' argument names (no
 * public file reproduced; the AWS, azuread and google providers' resource documentation names these arguments),
 * planned (format 1.2):
 * - a CI user with a console password, in a group whose inline policy and attached policy grant iam:* and
 *   AdministratorAccess (aws_iam_user_login_profile, aws_iam_group, _group_policy, _group_policy_attachment,
 *   _group_membership, _user_group_membership);
 * - aws_iam_policy_attachment of a customer policy to a role, a user and a group at once;
 * - aws_iam_openid_connect_provider for GitHub and a role trusting it through its ARN, known only after apply;
 * - azuread_service_principal_certificate with its end date left to the provider;
 * - google_project_iam_policy (policy_data from a google_iam_policy data source, known at plan), google_folder_iam_binding
 *   and google_organization_iam_member of roles/owner to a service account of the change.
 */
import type { PlannedResource } from '../support.js';

const document = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const ref = (address: string, attribute: string) => [`${address}.${attribute}`, address];

export const REMAINING_TYPES: PlannedResource[] = [
  {
    address: 'aws_iam_user.ci',
    values: { name: 'ci-runner', path: '/', tags: { owner: 'team-platform', 'identity-class': 'service' } },
    unknown: { arn: true, id: true, unique_id: true },
  },
  {
    address: 'aws_iam_user_login_profile.ci',
    values: { user: 'ci-runner', password_reset_required: false },
    unknown: { id: true, password: true, encrypted_password: true, key_fingerprint: true },
    references: { user: ref('aws_iam_user.ci', 'name') },
  },
  {
    address: 'aws_iam_group.admins',
    values: { name: 'admins', path: '/' },
    unknown: { arn: true, id: true, unique_id: true },
  },
  {
    address: 'aws_iam_group_policy.admins_iam',
    values: { name: 'iam-everything', policy: document([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]) },
    unknown: { id: true, group: true },
    references: { group: ref('aws_iam_group.admins', 'id') },
  },
  {
    address: 'aws_iam_group_policy_attachment.admins_admin',
    values: { group: 'admins', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    unknown: { id: true },
    references: { group: ref('aws_iam_group.admins', 'name') },
  },
  {
    address: 'aws_iam_group.readers',
    values: { name: 'readers', path: '/' },
    unknown: { arn: true, id: true, unique_id: true },
  },
  {
    address: 'aws_iam_group_membership.admins',
    values: { name: 'admins-membership', group: 'admins', users: ['ci-runner'] },
    unknown: { id: true },
    references: { group: ref('aws_iam_group.admins', 'name'), users: ref('aws_iam_user.ci', 'name') },
  },
  {
    address: 'aws_iam_user_group_membership.ci',
    values: { user: 'ci-runner', groups: ['readers'] },
    unknown: { id: true },
    references: { user: ref('aws_iam_user.ci', 'name'), groups: ref('aws_iam_group.readers', 'name') },
  },
  {
    address: 'aws_iam_role.app',
    values: {
      name: 'app-runtime',
      path: '/',
      max_session_duration: 3600,
      assume_role_policy: document([
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]),
      tags: { owner: 'team-platform', 'identity-class': 'workload' },
    },
    unknown: { arn: true, id: true, unique_id: true, managed_policy_arns: true, inline_policy: true },
  },
  {
    address: 'aws_iam_policy.passrole',
    values: {
      name: 'pass-any-role',
      path: '/',
      policy: document([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]),
    },
    unknown: { arn: true, id: true, policy_id: true },
  },
  {
    address: 'aws_iam_policy_attachment.passrole',
    values: { name: 'pass-any-role', roles: ['app-runtime'], users: ['ci-runner'], groups: ['readers'] },
    unknown: { id: true, policy_arn: true },
    references: {
      policy_arn: ref('aws_iam_policy.passrole', 'arn'),
      roles: ref('aws_iam_role.app', 'name'),
      users: ref('aws_iam_user.ci', 'name'),
      groups: ref('aws_iam_group.readers', 'name'),
    },
  },
  {
    address: 'aws_iam_openid_connect_provider.github',
    values: {
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
      thumbprint_list: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    },
    unknown: { arn: true, id: true, tags_all: true },
  },
  {
    address: 'aws_iam_role.github',
    values: {
      name: 'github-deploy',
      path: '/',
      max_session_duration: 3600,
      tags: { owner: 'team-platform', 'identity-class': 'workload' },
    },
    unknown: {
      arn: true,
      id: true,
      unique_id: true,
      managed_policy_arns: true,
      inline_policy: true,
      assume_role_policy: true,
    },
    references: { assume_role_policy: ref('aws_iam_openid_connect_provider.github', 'arn') },
  },
  {
    address: 'azuread_application.portal',
    values: { display_name: 'portal' },
    unknown: { id: true, object_id: true, application_id: true },
  },
  {
    address: 'azuread_service_principal.portal',
    values: {},
    unknown: { id: true, object_id: true, application_id: true },
    references: { application_id: ref('azuread_application.portal', 'application_id') },
  },
  {
    address: 'azuread_service_principal_certificate.portal',
    values: { type: 'AsymmetricX509Cert', value: '-----BEGIN CERTIFICATE-----…' },
    unknown: { id: true, service_principal_id: true, key_id: true, start_date: true, end_date: true },
    references: { service_principal_id: ref('azuread_service_principal.portal', 'id') },
  },
  {
    address: 'google_service_account.ops',
    values: { account_id: 'ops', project: 'example-co-ops' },
    unknown: { email: true, id: true, member: true, name: true, unique_id: true },
  },
  {
    address: 'google_project_iam_policy.ops',
    values: {
      project: 'example-co-ops',
      policy_data: JSON.stringify({
        bindings: [
          { role: 'roles/owner', members: ['user:jane@example.com'] },
          { role: 'roles/viewer', members: ['group:ops@example.com'] },
        ],
      }),
    },
    unknown: { id: true, etag: true },
    references: { policy_data: ref('data.google_iam_policy.ops', 'policy_data') },
  },
  {
    address: 'google_folder_iam_binding.ops',
    values: { folder: 'folders/1234567', role: 'roles/owner', condition: [] },
    unknown: { id: true, etag: true, members: true },
    references: { members: ref('google_service_account.ops', 'member') },
  },
  {
    address: 'google_organization_iam_member.ops',
    values: { org_id: '1234567890', role: 'roles/owner', condition: [] },
    unknown: { id: true, etag: true, member: true },
    references: { member: ref('google_service_account.ops', 'member') },
  },
];
