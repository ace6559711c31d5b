/**
 * The Pulumi examples beyond AWS (examples/pulumi-azure/bad, examples/pulumi-gcp/bad, examples/k8s/pulumi) written
 * as Terraform (azuread 2.x, azurerm 3.x, google 5.x, kubernetes 2.x) and planned: what `terraform show -json` gives
 * for the same resources before the first apply (ids, emails, object ids known only after apply).
 */
import type { PlannedResource } from './support.js';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const ref = (address: string, attribute: string) => [`${address}.${attribute}`, address];

export const AZURE_BAD: PlannedResource[] = [
  {
    address: 'azuread_group.team_data',
    values: { display_name: 'team-data', security_enabled: true },
    unknown: { id: true, object_id: true },
  },
  {
    address: 'azuread_application.analytics_deploy',
    values: { display_name: 'analytics-deploy', tags: ['identity-class:service', 'entitlements:warehouse-read'] },
    unknown: { id: true, object_id: true, application_id: true, owners: true },
    references: { owners: ref('azuread_group.team_data', 'object_id') },
  },
  {
    address: 'azuread_service_principal.analytics_deploy_sp',
    values: {},
    unknown: { id: true, object_id: true, application_id: true, owners: true },
    references: {
      application_id: ref('azuread_application.analytics_deploy', 'application_id'),
      owners: ref('azuread_group.team_data', 'object_id'),
    },
  },
  {
    address: 'azuread_service_principal_password.analytics_deploy_secret',
    values: { end_date: '2099-01-01T00:00:00Z' },
    unknown: { id: true, service_principal_id: true, key_id: true, value: true, start_date: true },
    references: { service_principal_id: ref('azuread_service_principal.analytics_deploy_sp', 'object_id') },
  },
  {
    address: 'azurerm_role_assignment.analytics_deploy_owner',
    values: {
      scope: SUBSCRIPTION,
      role_definition_id: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
      principal_type: 'ServicePrincipal',
    },
    unknown: { id: true, name: true, principal_id: true, role_definition_name: true },
    references: { principal_id: ref('azuread_service_principal.analytics_deploy_sp', 'object_id') },
  },
  {
    address: 'azuread_directory_role_assignment.analytics_deploy_global_admin',
    values: { role_id: GLOBAL_ADMINISTRATOR },
    unknown: { id: true, principal_object_id: true },
    references: { principal_object_id: ref('azuread_service_principal.analytics_deploy_sp', 'object_id') },
  },
  {
    address: 'azuread_application.legacy_reporting',
    values: { display_name: 'legacy-reporting' },
    unknown: { id: true, object_id: true, application_id: true },
  },
  {
    // No end date: azuread sets one at apply (end_date is optional and computed), so it is known only then.
    address: 'azuread_application_password.legacy_reporting_password',
    values: {},
    unknown: { id: true, application_object_id: true, end_date: true, key_id: true, value: true, start_date: true },
    references: { application_object_id: ref('azuread_application.legacy_reporting', 'object_id') },
  },
  {
    address: 'azurerm_user_assigned_identity.etl_identity',
    values: {
      name: 'etl-identity',
      resource_group_name: 'analytics-etl',
      location: 'westeurope',
      tags: { owner: 'team-data', 'identity-class': 'workload' },
    },
    unknown: { id: true, principal_id: true, client_id: true, tenant_id: true },
  },
  {
    address: 'azurerm_federated_identity_credential.etl_identity_github',
    values: {
      name: 'github-pull-requests',
      resource_group_name: 'analytics-etl',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:example-co/analytics:pull_request',
      audience: ['api://AzureADTokenExchange'],
    },
    unknown: { id: true, parent_id: true },
    references: { parent_id: ref('azurerm_user_assigned_identity.etl_identity', 'id') },
  },
  {
    address: 'azurerm_role_definition.ops_everything',
    values: {
      name: 'Ops Everything',
      scope: SUBSCRIPTION,
      assignable_scopes: [SUBSCRIPTION],
      permissions: [{ actions: ['*'], not_actions: [], data_actions: [], not_data_actions: [] }],
    },
    unknown: { id: true, role_definition_id: true, role_definition_resource_id: true },
  },
  {
    address: 'azurerm_role_assignment.etl_ops_everything',
    values: { scope: SUBSCRIPTION, principal_type: 'ServicePrincipal' },
    unknown: { id: true, name: true, principal_id: true, role_definition_id: true, role_definition_name: true },
    references: {
      principal_id: ref('azurerm_user_assigned_identity.etl_identity', 'principal_id'),
      role_definition_id: ref('azurerm_role_definition.ops_everything', 'role_definition_resource_id'),
    },
  },
  {
    address: 'azurerm_key_vault_secret.storage_connection',
    values: {
      name: 'storage-connection',
      value: 'DefaultEndpointsProtocol=https;AccountName=exampleco;AccountKey=bm90LWEtcmVhbC1rZXk=',
      tags: { owner: 'team-data' },
    },
    unknown: { id: true, key_vault_id: true, version: true, versionless_id: true },
    references: { key_vault_id: ref('azurerm_key_vault.analytics', 'id') },
  },
];

const PROJECT = 'example-co-analytics';
const account = (name: string, extra: Record<string, unknown> = {}): PlannedResource => ({
  address: `google_service_account.${name.replace(/-/g, '_')}`,
  values: { account_id: name, project: PROJECT, ...extra },
  unknown: { email: true, id: true, member: true, name: true, unique_id: true },
});

export const GCP_BAD: PlannedResource[] = [
  account('analytics-etl', { display_name: 'Nightly warehouse export' }),
  {
    address: 'google_service_account_key.analytics_etl_key',
    values: { key_algorithm: 'KEY_ALG_RSA_2048' },
    unknown: { id: true, name: true, private_key: true, public_key: true, service_account_id: true },
    references: { service_account_id: ref('google_service_account.analytics_etl', 'name') },
  },
  {
    address: 'google_project_iam_member.analytics_etl_editor',
    values: { project: PROJECT, role: 'roles/editor', condition: [] },
    unknown: { id: true, etag: true, member: true },
    references: { member: ref('google_service_account.analytics_etl', 'email') },
  },
  account('ci-deployer'),
  {
    address: 'google_project_iam_member.ci_deployer_token_creator',
    values: { project: PROJECT, role: 'roles/iam.serviceAccountTokenCreator', condition: [] },
    unknown: { id: true, etag: true, member: true },
    references: { member: ref('google_service_account.ci_deployer', 'email') },
  },
  {
    address: 'google_iam_workload_identity_pool.github',
    values: { project: PROJECT, workload_identity_pool_id: 'github' },
    unknown: { id: true, name: true, state: true },
  },
  {
    address: 'google_iam_workload_identity_pool_provider.github_actions',
    values: {
      project: PROJECT,
      workload_identity_pool_id: 'github',
      workload_identity_pool_provider_id: 'github-actions',
      attribute_mapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
      attribute_condition: null,
      oidc: [{ issuer_uri: 'https://token.actions.githubusercontent.com', allowed_audiences: null }],
    },
    unknown: { id: true, name: true, state: true },
    references: {
      workload_identity_pool_id: ref('google_iam_workload_identity_pool.github', 'workload_identity_pool_id'),
    },
  },
  {
    address: 'google_service_account_iam_member.ci_deployer_workload_identity',
    values: { role: 'roles/iam.workloadIdentityUser', condition: [] },
    unknown: { id: true, etag: true, member: true, service_account_id: true },
    references: {
      service_account_id: ref('google_service_account.ci_deployer', 'name'),
      member: ref('google_iam_workload_identity_pool.github', 'name'),
    },
  },
  {
    address: 'google_project_iam_member.reports_public',
    values: { project: PROJECT, role: 'roles/storage.objectViewer', member: 'allUsers', condition: [] },
    unknown: { id: true, etag: true },
  },
  {
    address: 'google_secret_manager_secret.partner_api_token',
    values: {
      secret_id: 'partner-api-token',
      project: PROJECT,
      replication: [{ auto: [{ customer_managed_encryption: [] }], user_managed: [] }],
      rotation: [],
    },
    unknown: { id: true, name: true },
  },
  {
    address: 'google_secret_manager_secret_version.partner_api_token_v1',
    values: { secret_data: 'pk_live_not_a_real_token', enabled: true },
    unknown: { id: true, name: true, secret: true, version: true },
    references: { secret: ref('google_secret_manager_secret.partner_api_token', 'id') },
  },
];

const metadata = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => [
  { name, ...(namespace ? { namespace } : {}), ...extra },
];
const RBAC = 'rbac.authorization.k8s.io';
const NAMESPACE = 'payments';
const subject = (name: string) => [{ kind: 'ServiceAccount', name, namespace: NAMESPACE, api_group: '' }];

export const KUBERNETES_BAD: PlannedResource[] = [
  {
    address: 'kubernetes_service_account_v1.ci_deployer',
    values: { metadata: metadata('ci-deployer', NAMESPACE, { labels: { owner: 'team-platform' } }) },
    unknown: { id: true, default_secret_name: true },
  },
  {
    address: 'kubernetes_cluster_role_binding_v1.ci_deployer_cluster_admin',
    values: {
      metadata: metadata('ci-deployer-cluster-admin'),
      role_ref: [{ api_group: RBAC, kind: 'ClusterRole', name: 'cluster-admin' }],
      subject: subject('ci-deployer'),
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_secret_v1.ci_deployer_token',
    values: {
      metadata: metadata('ci-deployer-token', NAMESPACE, {
        annotations: { 'kubernetes.io/service-account.name': 'ci-deployer' },
      }),
      type: 'kubernetes.io/service-account-token',
    },
    unknown: { id: true, data: true },
    references: { metadata: ref('kubernetes_service_account_v1.ci_deployer', 'metadata[0].name') },
  },
  {
    address: 'kubernetes_service_account_v1.batch_runner',
    values: { metadata: metadata('batch-runner', NAMESPACE) },
    unknown: { id: true, default_secret_name: true },
  },
  {
    address: 'kubernetes_role_v1.batch_anything',
    values: {
      metadata: metadata('batch-anything', NAMESPACE),
      rule: [{ api_groups: ['*'], resources: ['*'], verbs: ['*'] }],
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_role_binding_v1.batch_runner_anything',
    values: {
      metadata: metadata('batch-runner-anything', NAMESPACE),
      role_ref: [{ api_group: RBAC, kind: 'Role', name: 'batch-anything' }],
      subject: subject('batch-runner'),
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_cluster_role_v1.secret_reader',
    values: {
      metadata: metadata('secret-reader'),
      rule: [
        { api_groups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
        { api_groups: [RBAC], resources: ['clusterroles'], verbs: ['escalate', 'bind'] },
      ],
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_cluster_role_binding_v1.batch_runner_secret_reader',
    values: {
      metadata: metadata('batch-runner-secret-reader'),
      role_ref: [{ api_group: RBAC, kind: 'ClusterRole', name: 'secret-reader' }],
      subject: subject('batch-runner'),
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_cron_job_v1.nightly_batch',
    values: {
      metadata: metadata('nightly-batch', NAMESPACE),
      spec: [
        {
          schedule: '0 2 * * *',
          job_template: [
            {
              metadata: [{}],
              spec: [
                {
                  template: [
                    {
                      metadata: [{}],
                      spec: [
                        {
                          service_account_name: 'batch-runner',
                          restart_policy: 'OnFailure',
                          container: [{ name: 'batch', image: 'registry.example.com/payments/batch:1.4.2' }],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_secret_v1.payments_db',
    values: { metadata: metadata('payments-db', NAMESPACE), type: 'Opaque', data: { password: 'not-a-real-password' } },
    unknown: { id: true },
  },
];

const ACCOUNT = '111122223333';
const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const document = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const serviceTrust = (service: string) =>
  document([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
const NEW_ROLE = {
  arn: true,
  id: true,
  unique_id: true,
  create_date: true,
  tags_all: true,
  managed_policy_arns: true,
  inline_policy: true,
};
const awsRole = (
  resource: string,
  values: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
): PlannedResource => ({
  address: `aws_iam_role.${resource}`,
  values: { path: '/', max_session_duration: 3600, ...values },
  unknown: { ...NEW_ROLE, ...unknown },
});

/** examples/pulumi-aws/bad written as Terraform (aws 5.x) and planned. */
export const AWS_BAD: PlannedResource[] = [
  {
    address: 'aws_iam_user.etl_batch_user',
    values: { name: 'etl-batch-user', path: '/' },
    unknown: { arn: true, id: true, unique_id: true, tags_all: true },
  },
  {
    address: 'aws_iam_access_key.etl_batch_user_key',
    values: { user: 'etl-batch-user', status: 'Active' },
    unknown: { id: true, secret: true },
    references: { user: ref('aws_iam_user.etl_batch_user', 'name') },
  },
  awsRole('orders_lambda_role', {
    name: 'orders-lambda-role',
    assume_role_policy: serviceTrust('lambda.amazonaws.com'),
    tags: { owner: 'team-payments', 'identity-class': 'service' },
  }),
  {
    address: 'aws_iam_role_policy_attachment.orders_lambda_role_admin',
    values: { role: 'orders-lambda-role', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    unknown: { id: true },
    references: { role: ref('aws_iam_role.orders_lambda_role', 'name') },
  },
  awsRole('analytics_role', {
    name: 'analytics-role',
    assume_role_policy: serviceTrust('lambda.amazonaws.com'),
    tags: { owner: 'team-data', 'identity-class': 'service' },
  }),
  {
    address: 'aws_iam_role_policy.analytics_role_s3',
    values: {
      name: 's3-everything',
      role: 'analytics-role',
      policy: document([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    },
    unknown: { id: true },
    references: { role: ref('aws_iam_role.analytics_role', 'name') },
  },
  awsRole('scratch_role', { name: 'scratch-role', assume_role_policy: serviceTrust('lambda.amazonaws.com') }),
  awsRole('gh_actions_deploy', {
    name: 'gh-actions-deploy',
    assume_role_policy: document([
      {
        Effect: 'Allow',
        Principal: { Federated: GITHUB_OIDC },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
      },
    ]),
    tags: { owner: 'team-platform', 'identity-class': 'workload' },
  }),
  {
    address: 'aws_secretsmanager_secret.orders_db_password',
    values: { name: 'orders-db-password', tags: { owner: 'team-payments', 'identity-class': 'service' } },
    unknown: { arn: true, id: true, tags_all: true },
  },
  awsRole('support_agent', {
    name: 'support-agent',
    assume_role_policy: serviceTrust('bedrock.amazonaws.com'),
    max_session_duration: 43200,
    tags: { owner: 'team-ml', 'identity-class': 'agent' },
  }),
  awsRole(
    'ci_deployer',
    {
      name: 'ci-deployer',
      assume_role_policy: document([
        {
          Effect: 'Allow',
          Principal: { Federated: GITHUB_OIDC },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': 'repo:example-co/payments:ref:refs/heads/main',
            },
          },
        },
      ]),
      inline_policy: [
        {
          name: 'assume-cdk-bootstrap-roles',
          policy: document([
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/cdk-hnb659fds-*` },
          ]),
        },
      ],
    },
    { inline_policy: [{}] },
  ),
  // The trust names the CI role's ARN, known after apply: jsonencode() of it is known only then (as in a Pulumi preview).
  {
    ...awsRole(
      'break_glass_admin',
      { name: 'break-glass-admin', managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      { assume_role_policy: true, managed_policy_arns: false },
    ),
    references: { assume_role_policy: ref('aws_iam_role.ci_deployer', 'arn') },
  },
];
