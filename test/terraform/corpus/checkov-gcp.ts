/**
 * Google Cloud facts from Checkov's Terraform check fixtures, as a plan (format 1.2) would carry them:
 * - bridgecrewio/checkov, tests/terraform/checks/resource/gcp/example_GoogleProjectBasicRole/main.tf
 *   @ 2fb967da95a24091abe1c7f5d9cf8123d22df21f: project IAM members and bindings of roles/owner, roles/editor,
 *   roles/viewer and roles/other to user:jane@example.com on project your-project-id;
 * - same repository, tests/terraform/checks/resource/gcp/example_GoogleIAMWorkloadIdentityConditional/main.tf
 *   @ 89d1b46f67dd6dfb73f4ecb59056668009adfcb4: a GitHub workload identity pool provider without an attribute
 *   condition (fail) and one with `assertion.repository_owner=='your-github-organization'` (pass);
 * - same repository, tests/terraform/checks/resource/gcp/example_GoogleKMSKeyIsPublic/main.tf
 *   @ 320982a451e09313427d026f4b6606104fcac21d: crypto-key IAM policies granting roles/cloudkms.cryptoKeyEncrypter
 *   to allUsers (fail) and roles/cloudkms.cryptoKeyDecrypter to allAuthenticatedUsers (fail2).
 * Added to make the workload identity providers bind to an account (what the fixture leaves out): service account
 * `deployer` with roles/iam.workloadIdentityUser for the pool's repository principal set, and a user-managed key.
 */
import type { PlannedResource } from '../support.js';

const PROJECT = 'your-project-id';
const member = (form: 'member' | 'binding', role: string): PlannedResource => ({
  address: `google_project_iam_${form}.${role.split('/')[1]}`,
  values: {
    project: PROJECT,
    role,
    ...(form === 'member' ? { member: 'user:jane@example.com' } : { members: ['user:jane@example.com'] }),
    condition: [],
  },
  unknown: { id: true, etag: true },
});
const provider = (name: 'fail' | 'pass'): PlannedResource => ({
  address: `google_iam_workload_identity_pool_provider.${name}`,
  values: {
    project: PROJECT,
    workload_identity_pool_id: 'github',
    workload_identity_pool_provider_id: name === 'fail' ? 'github' : 'github-conditional',
    attribute_mapping: {
      'google.subject': 'assertion.sub',
      'attribute.actor': 'assertion.actor',
      'attribute.aud': 'assertion.aud',
      'attribute.repository': 'assertion.repository',
    },
    oidc: [{ issuer_uri: 'https://token.actions.githubusercontent.com', allowed_audiences: [] }],
    ...(name === 'pass'
      ? { attribute_condition: "assertion.repository_owner=='your-github-organization'" }
      : { attribute_condition: null }),
  },
  unknown: { id: true, name: true, state: true },
  references: {
    workload_identity_pool_id: [
      'google_iam_workload_identity_pool.github.workload_identity_pool_id',
      'google_iam_workload_identity_pool.github',
    ],
  },
});
const kmsPolicy = (name: string, bindings: { role: string; members: string[] }[]): PlannedResource => ({
  address: `google_kms_crypto_key_iam_policy.${name}`,
  values: {
    crypto_key_id: `projects/${PROJECT}/locations/global/keyRings/ring/cryptoKeys/${name}`,
    policy_data: JSON.stringify({ bindings }),
  },
  unknown: { id: true, etag: true },
});

export const CHECKOV_GCP: PlannedResource[] = [
  ...(['member', 'binding'] as const)
    .flatMap((form) => ['roles/owner', 'roles/editor', 'roles/viewer', 'roles/other'].map((role) => member(form, role)))
    .map((resource) => ({
      ...resource,
      address: resource.address.replace(/\.(\w+)$/, (_, name: string) => `.${name}`),
    })),
  {
    address: 'google_iam_workload_identity_pool.github',
    values: { project: PROJECT, workload_identity_pool_id: 'github' },
    unknown: { id: true, name: true, state: true },
  },
  provider('fail'),
  provider('pass'),
  {
    address: 'google_service_account.deployer',
    values: { account_id: 'deployer', project: PROJECT },
    unknown: { email: true, id: true, name: true, unique_id: true, member: true },
  },
  {
    address: 'google_service_account_iam_member.deployer_wif',
    values: {
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/github/attribute.repository/your-github-organization/app`,
      condition: [],
    },
    unknown: { id: true, etag: true, service_account_id: true },
    references: { service_account_id: ['google_service_account.deployer.name', 'google_service_account.deployer'] },
  },
  {
    address: 'google_service_account_key.deployer',
    values: { key_algorithm: 'KEY_ALG_RSA_2048', private_key_type: 'TYPE_GOOGLE_CREDENTIALS_FILE' },
    unknown: { id: true, name: true, private_key: true, public_key: true, service_account_id: true },
    references: { service_account_id: ['google_service_account.deployer.name', 'google_service_account.deployer'] },
  },
  kmsPolicy('fail', [{ role: 'roles/cloudkms.cryptoKeyEncrypter', members: ['allUsers'] }]),
  kmsPolicy('fail2', [
    { role: 'roles/cloudkms.admin', members: ['user:jane@example.com'] },
    { role: 'roles/cloudkms.cryptoKeyDecrypter', members: ['allAuthenticatedUsers'] },
  ]),
];
