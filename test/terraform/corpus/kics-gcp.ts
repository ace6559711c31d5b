/**
 * Google Cloud identity facts from KICS's Terraform query fixtures, as a plan (format 1.2) would carry them, one entry
 * per fixture file, each evaluated on its own (test/terraform/corpus.test.ts):
 * DataDog/kics (a fork of Checkmarx/kics, Apache License 2.0) @ d91e3669233f883ffa89d3013a4af2874ab87b40,
 * assets/queries/terraform/gcp/<query>/test/<file>.tf, keyed here `<query>/<file>`. KICS flags every resource its
 * positive*.tf's positive_expected_result.json lists and passes its negative*.tf.
 *
 * Written by hand (no Terraform binary runs in the tests), the values exactly as the .tf gives them; ids, etags and
 * other computed attributes known after apply; an omitted `service_account` block is the empty list a plan holds, and
 * an omitted `email` inside one is computed (the provider fills in the default account at apply); gcloud's scope
 * aliases (`userinfo-email`, `compute-ro`, `storage-ro`, `cloud-platform`) in the canonical URL form the provider
 * stores. Departures, each needed for a plan to exist or said where it is made:
 * - a `data "google_iam_policy"` is read at plan and grants nothing by itself: a fixture that holds only one is an
 *   empty plan, and its `policy_data` appears as the JSON the data source renders where a resource uses it;
 * - references to resources the fixture does not declare (`google_storage_bucket.default.name`,
 *   `google_service_account.default.email`, `google_kms_crypto_key.keyyy.id`,
 *   `google_service_account.bqowner.email`) are written as references to those
 *   resources with the value known after apply, as the plan of a configuration that declares them would carry it;
 * - arguments Terraform refuses (`member` on google_project_iam_binding, `members` on google_project_iam_member, a
 *   `member` in a google_iam_policy binding) are kept as given: `terraform validate` rejects these fixtures, so no
 *   plan holds them, and what the product says of them is not judged (said on each).
 */
import type { PlannedResource } from '../support.js';

const PROJECT = 'your-project-id';
const SCOPE: Record<string, string> = {
  'userinfo-email': 'https://www.googleapis.com/auth/userinfo.email',
  'compute-ro': 'https://www.googleapis.com/auth/compute.readonly',
  'storage-ro': 'https://www.googleapis.com/auth/devstorage.read_only',
  'cloud-platform': 'https://www.googleapis.com/auth/cloud-platform',
};
const scopes = (...aliases: string[]) => aliases.map((alias) => SCOPE[alias]!);
const IAM_COMPUTED = { id: true, etag: true };

const projectIam = (
  form: 'member' | 'binding',
  name: string,
  values: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
): PlannedResource => ({
  address: `google_project_iam_${form}.${name}`,
  values,
  unknown: { ...IAM_COMPUTED, ...unknown },
});

/** KICS's google_compute_instance: debian-9 boot disk, default network with an ephemeral IP. */
const instance = (
  name: string,
  serviceAccount: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): PlannedResource => ({
  address: `google_compute_instance.${name}`,
  values: {
    name: 'test',
    machine_type: 'e2-medium',
    zone: 'us-central1-a',
    boot_disk: [{ initialize_params: [{ image: 'debian-cloud/debian-9' }] }],
    network_interface: [{ network: 'default', access_config: [{}] }],
    service_account: serviceAccount,
    ...extra,
  },
  unknown: {
    id: true,
    instance_id: true,
    self_link: true,
    ...(serviceAccount.length > 0 && !('email' in serviceAccount[0]!) ? { service_account: [{ email: true }] } : {}),
  },
});

const CONDITION_2019 = [
  {
    title: 'expires_after_2019_12_31',
    description: 'Expiring at midnight of 2019-12-31',
    expression: 'request.time < timestamp("2020-01-01T00:00:00Z")',
  },
];

/** google_iam_policy's `policy_data`, as the data source renders its bindings. */
const policyData = (bindings: Record<string, unknown>[]) => JSON.stringify({ bindings });

const gkeCluster = (name: string, serviceAccountRef?: string): PlannedResource => ({
  address: `google_container_cluster.${name}`,
  values: {
    name: 'my-gke-cluster',
    location: 'us-central1',
    remove_default_node_pool: true,
    initial_node_count: 1,
    node_config: [{ oauth_scopes: scopes('cloud-platform'), labels: { foo: 'bar' }, tags: ['foo', 'bar'] }],
    timeouts: { create: '30m', update: '40m' },
  },
  unknown: { id: true, endpoint: true, node_pool: true, node_config: [{ service_account: true }] },
  ...(serviceAccountRef ? { references: { node_config: [`${serviceAccountRef}.email`, serviceAccountRef] } } : {}),
});

const kmsKey = (suffix: string, bindings: Record<string, unknown>[], keyRef: string): PlannedResource[] => [
  {
    address: `google_kms_key_ring.${suffix}`,
    values: { name: suffix === 'negative' ? 'negative-example' : 'keyring-example', location: 'global' },
    unknown: { id: true, project: true },
  },
  {
    address: `google_kms_crypto_key.${suffix}`,
    values: { name: 'crypto-key-example', rotation_period: '100000s' },
    unknown: { id: true, key_ring: true },
    references: { key_ring: [`google_kms_key_ring.${suffix}.id`, `google_kms_key_ring.${suffix}`] },
  },
  {
    address: `google_kms_crypto_key_iam_policy.${suffix}`,
    values: { policy_data: policyData(bindings) },
    unknown: { id: true, etag: true, crypto_key_id: true },
    references: {
      crypto_key_id: [`${keyRef}.id`, keyRef],
      policy_data: [`data.google_iam_policy.${suffix}.policy_data`, `data.google_iam_policy.${suffix}`],
    },
  },
];

const bucketBinding = (name: string, members: string[]): PlannedResource => ({
  address: `google_storage_bucket_iam_binding.${name}`,
  values: { role: 'roles/storage.admin', members, condition: [] },
  unknown: { ...IAM_COMPUTED, bucket: true },
  references: { bucket: ['google_storage_bucket.default.name', 'google_storage_bucket.default'] },
});

const SA_OTHER = 'serviceAccount:my-other-app@appspot.gserviceacccount.com';
const JANE = 'user:jane@example.com';

/** A resource's own IAM member or binding, as KICS's public-resource fixtures write them. */
const resourceIam = (type: string, name: string, values: Record<string, unknown>): PlannedResource => ({
  address: `${type}.${name}`,
  values: { ...values, condition: [] },
  unknown: IAM_COMPUTED,
});

const bigqueryDataset = (
  name: string,
  access: Record<string, unknown>[],
  references?: string[],
  unknownAccess?: Record<string, unknown>[],
): PlannedResource => ({
  address: `google_bigquery_dataset.${name}`,
  values: {
    dataset_id: 'example_dataset',
    friendly_name: 'test',
    description: 'This is a test description',
    location: 'EU',
    default_table_expiration_ms: 3600000,
    labels: { env: 'default' },
    access,
  },
  unknown: {
    id: true,
    self_link: true,
    etag: true,
    creation_time: true,
    last_modified_time: true,
    project: true,
    ...(unknownAccess ? { access: unknownAccess } : {}),
  },
  ...(references ? { references: { access: references } } : {}),
});

const SOMEONE = 'user:someone@example.com';

export const KICS_GCP: Record<string, PlannedResource[]> = {
  'google_project_iam_binding_service_account_has_token_creator_or_account_user_role/positive.tf': [
    projectIam('binding', 'positive1', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountTokenCreator',
      members: [JANE, SA_OTHER],
      condition: [],
    }),
    projectIam('binding', 'positive2', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountTokenCreator',
      member: SA_OTHER,
    }),
    projectIam('binding', 'positive3', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountUser',
      members: [JANE, SA_OTHER],
      condition: [],
    }),
    projectIam('binding', 'positive4', { project: PROJECT, role: 'roles/iam.serviceAccountUser', member: SA_OTHER }),
  ],
  'google_project_iam_binding_service_account_has_token_creator_or_account_user_role/negative.tf': [
    projectIam('binding', 'negative1', { project: PROJECT, role: 'roles/editor', members: [JANE], condition: [] }),
  ],
  'google_project_iam_member_service_account_has_admin_role/positive.tf': [
    projectIam('member', 'positive1', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountAdmin',
      member: SA_OTHER,
      condition: [],
    }),
    projectIam('member', 'positive2', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountAdmin',
      members: [JANE, SA_OTHER],
    }),
  ],
  'google_project_iam_member_service_account_has_admin_role/negative.tf': [
    projectIam('member', 'negative1', { project: PROJECT, role: 'roles/editor', members: JANE }),
  ],
  'google_project_iam_member_service_account_has_token_creator_or_account_user_role/positive.tf': [
    projectIam('member', 'positive1', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountTokenCreator',
      member: SA_OTHER,
      condition: [],
    }),
    projectIam('member', 'positive2', {
      project: PROJECT,
      role: 'roles/iam.serviceAccountUser',
      members: [JANE, SA_OTHER],
    }),
  ],
  'google_project_iam_member_service_account_has_token_creator_or_account_user_role/negative.tf': [
    projectIam('member', 'negative1', { project: PROJECT, role: 'roles/editor', members: JANE }),
  ],
  // Only a data "google_iam_policy" (roles/apigee.runtimeAgent to a user): nothing applied.
  'service_account_with_improper_privileges/negative1.tf': [],
  'service_account_with_improper_privileges/negative2.tf': [
    projectIam('binding', 'project3', {
      project: PROJECT,
      role: 'roles/apigee.runtimeAgent',
      members: [JANE],
      condition: CONDITION_2019,
    }),
    projectIam('member', 'project4', {
      project: PROJECT,
      role: 'roles/apigee.runtimeAgent',
      member: JANE,
      condition: [],
    }),
  ],
  // project5 sets no project: the provider's, unknown here (no provider block in the fixture).
  'service_account_with_improper_privileges/negative3.tf': [
    projectIam(
      'binding',
      'project5',
      { role: 'roles/viewer', members: ['serviceAccount:jane@example.com'], condition: [] },
      { project: true },
    ),
  ],
  'service_account_with_improper_privileges/positive1.tf': [],
  'service_account_with_improper_privileges/positive2.tf': [
    projectIam('binding', 'project1', {
      project: PROJECT,
      role: 'roles/container.admin',
      members: ['serviceAccount:jane@example.com'],
      condition: CONDITION_2019,
    }),
    projectIam('member', 'project2', {
      project: PROJECT,
      role: 'roles/editor',
      member: 'serviceAccount:jane@example.com',
      condition: [],
    }),
  ],
  'service_account_with_improper_privileges/positive3.tf': [],
  'service_account_with_improper_privileges/positive4.tf': [],
  'service_has_non_gcp_managed_service_account_keys/positive.tf': [
    {
      address: 'google_service_account_key.bad_key',
      values: {
        service_account_id: 'projects/my-project/serviceAccounts/my-service-account',
        public_key_data: 'dummy-key',
        key_algorithm: 'KEY_ALG_RSA_2048',
        public_key_type: 'TYPE_X509_PEM_FILE',
        private_key_type: 'TYPE_GOOGLE_CREDENTIALS_FILE',
      },
      unknown: { id: true, name: true, private_key: true, public_key: true, valid_after: true, valid_before: true },
    },
  ],
  'service_has_non_gcp_managed_service_account_keys/negative.tf': [
    {
      address: 'google_service_account_key.bad_key',
      values: {
        service_account_id: 'projects/my-project/serviceAccounts/my-service-account',
        key_algorithm: 'KEY_ALG_RSA_2048',
        public_key_type: 'TYPE_X509_PEM_FILE',
        private_key_type: 'TYPE_GOOGLE_CREDENTIALS_FILE',
      },
      unknown: { id: true, name: true, private_key: true, public_key: true, valid_after: true, valid_before: true },
    },
  ],
  'user_with_iam_role/negative.tf': [],
  'user_with_iam_role/positive1.tf': [],
  'user_with_iam_role/positive2.tf': [
    projectIam('binding', 'positive2', {
      project: PROJECT,
      role: 'roles/container.admin',
      members: [JANE],
      condition: CONDITION_2019,
    }),
    projectIam('member', 'positive3', { project: PROJECT, role: 'roles/editor', member: JANE, condition: [] }),
  ],
  'using_default_service_account/positive.tf': [
    instance('positive1', [], { tags: ['foo', 'bar'] }),
    instance('positive2', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], { tags: ['foo', 'bar'] }),
    instance('positive3', [{ email: '', scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], {
      tags: ['foo', 'bar'],
    }),
    instance('positive4', [{ email: 'a', scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], {
      tags: ['foo', 'bar'],
    }),
    instance(
      'positive5',
      [{ email: 'email@developer.gserviceaccount.com', scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }],
      { tags: ['foo', 'bar'] },
    ),
  ],
  'using_default_service_account/negative.tf': [
    instance(
      'negative1',
      [{ email: 'email@email.com', scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }],
      { tags: ['foo', 'bar'], scratch_disk: [{ interface: 'SCSI' }] },
    ),
  ],
  'gke_using_default_service_account/positive1.tf': [gkeCluster('positive1')],
  'gke_using_default_service_account/positive2.tf': [gkeCluster('positive2', 'google_service_account.default')],
  'gke_using_default_service_account/negative.tf': [gkeCluster('negative1', 'google_service_account.myserviceaccount')],
  'vm_with_full_cloud_access/positive.tf': [
    instance('positive1', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro', 'cloud-platform') }]),
  ],
  'vm_with_full_cloud_access/negative.tf': [
    instance('negative1', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }]),
  ],
  'kms_admin_and_crypto_key_roles_in_use/positive1.tf': [
    {
      address: 'google_project_iam_policy.positive1',
      values: {
        project: PROJECT,
        policy_data: policyData([
          { members: [JANE], role: 'roles/cloudkms.admin' },
          { members: [JANE], role: 'roles/cloudkms.cryptoKeyDecrypter' },
        ]),
      },
      unknown: IAM_COMPUTED,
      references: { policy_data: ['data.google_iam_policy.positive1.policy_data', 'data.google_iam_policy.positive1'] },
    },
  ],
  'kms_admin_and_crypto_key_roles_in_use/negative1.tf': [
    {
      address: 'google_project_iam_policy.negative1',
      values: {
        project: PROJECT,
        policy_data: policyData([
          { members: [JANE], role: 'roles/cloudkms.admin' },
          { members: ['user:jane2@example.com'], role: 'roles/cloudkms.cryptoKeyDecrypter' },
        ]),
      },
      unknown: IAM_COMPUTED,
      references: { policy_data: ['data.google_iam_policy.negative1.policy_data', 'data.google_iam_policy.negative1'] },
    },
  ],
  'cloud_storage_anonymous_or_publicly_accessible/positive.tf': [
    bucketBinding('positive1', []),
    bucketBinding('positive2', [JANE, 'allUsers']),
    bucketBinding('positive3', [JANE, 'allAuthenticatedUsers']),
  ],
  'cloud_storage_anonymous_or_publicly_accessible/negative.tf': [bucketBinding('negative1', [JANE])],
  'cloud_kms_key_rings_are_public/positive.tf': [
    {
      address: 'google_kms_key_ring_iam_member.bad_example_member',
      values: {
        key_ring_id: 'example-key-ring',
        member: 'allUsers',
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        condition: [],
      },
      unknown: IAM_COMPUTED,
    },
    {
      address: 'google_kms_key_ring_iam_binding.bad_example_binding',
      values: {
        key_ring_id: 'example-key-ring',
        members: ['allAuthenticatedUsers', 'user:someone@example.com'],
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        condition: [],
      },
      unknown: IAM_COMPUTED,
    },
  ],
  'cloud_kms_key_rings_are_public/negative0.tf': [
    {
      address: 'google_kms_key_ring_iam_member.good_example_member',
      values: {
        key_ring_id: 'example-key-ring',
        member: 'user:someone@example.com',
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        condition: [],
      },
      unknown: IAM_COMPUTED,
    },
  ],
  'cloud_kms_key_rings_are_public/negative1.tf': [
    {
      address: 'google_kms_key_ring_iam_binding.good_example_binding',
      values: {
        key_ring_id: 'example-key-ring',
        members: ['user:someone@example.com', 'group:admins@example.com'],
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        condition: [],
      },
      unknown: IAM_COMPUTED,
    },
  ],
  'kms_crypto_key_publicly_accessible/positive1.tf': kmsKey(
    'positive1',
    [{ member: 'allUsers', role: 'roles/cloudkms.cryptoKeyEncrypter' }],
    'google_kms_crypto_key.positive1',
  ),
  'kms_crypto_key_publicly_accessible/positive2.tf': kmsKey(
    'positive2',
    [{ member: 'allAuthenticatedUsers', role: 'roles/cloudkms.cryptoKeyEncrypter' }],
    'google_kms_crypto_key.keyyy',
  ),
  'kms_crypto_key_publicly_accessible/negative.tf': kmsKey(
    'negative',
    [{ members: [JANE], role: 'roles/cloudkms.cryptoKeyEncrypter' }],
    'google_kms_crypto_key.negative',
  ),
  'project_wide_ssh_keys_are_enabled_in_vm_instances/positive.tf': [
    instance('positive1', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], {
      tags: ['foo', 'bar'],
      scratch_disk: [{ interface: 'SCSI' }],
      metadata: { 'block-project-ssh-keys': 'false' },
      metadata_startup_script: 'echo hi > /test.txt',
    }),
    instance('positive2', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], {
      tags: ['foo', 'bar'],
      scratch_disk: [{ interface: 'SCSI' }],
      metadata_startup_script: 'echo hi > /test.txt',
    }),
  ],
  'project_wide_ssh_keys_are_enabled_in_vm_instances/negative.tf': [
    instance('negative1', [{ scopes: scopes('userinfo-email', 'compute-ro', 'storage-ro') }], {
      tags: ['foo', 'bar'],
      scratch_disk: [{ interface: 'SCSI' }],
      metadata: { 'block-project-ssh-keys': 'TRUE' },
      metadata_startup_script: 'echo hi > /test.txt',
    }),
  ],
  'pubsub_topic_is_public/positive.tf': [
    resourceIam('google_pubsub_topic_iam_member', 'bad_example_member', {
      topic: 'example-topic',
      member: 'allUsers',
      role: 'roles/pubsub.publisher',
    }),
    resourceIam('google_pubsub_topic_iam_binding', 'bad_example_binding', {
      topic: 'example-topic',
      members: ['allAuthenticatedUsers', SOMEONE],
      role: 'roles/pubsub.subscriber',
    }),
  ],
  'pubsub_topic_is_public/negative0.tf': [
    resourceIam('google_pubsub_topic_iam_member', 'good_example_member', {
      topic: 'example-topic',
      member: SOMEONE,
      role: 'roles/pubsub.publisher',
    }),
  ],
  'pubsub_topic_is_public/negative1.tf': [
    resourceIam('google_pubsub_topic_iam_binding', 'good_example_binding', {
      topic: 'example-topic',
      members: [SOMEONE, 'group:admins@example.com'],
      role: 'roles/pubsub.subscriber',
    }),
  ],
  'cloud_run_service_is_public/positive.tf': [
    resourceIam('google_cloud_run_service_iam_member', 'bad_example_member', {
      service: 'my-cloud-run-service',
      member: 'allUsers',
      role: 'roles/run.invoker',
    }),
    resourceIam('google_cloud_run_service_iam_binding', 'bad_example_binding', {
      service: 'my-cloud-run-service',
      members: ['allAuthenticatedUsers', SOMEONE],
      role: 'roles/run.invoker',
    }),
  ],
  'cloud_run_service_is_public/negative0.tf': [
    resourceIam('google_cloud_run_service_iam_member', 'good_example_member', {
      service: 'my-cloud-run-service',
      member: SOMEONE,
      role: 'roles/run.invoker',
    }),
  ],
  'cloud_run_service_is_public/negative1.tf': [
    resourceIam('google_cloud_run_service_iam_binding', 'good_example_binding', {
      service: 'my-cloud-run-service',
      members: [SOMEONE, 'group:admins@example.com'],
      role: 'roles/run.invoker',
    }),
  ],
  'artifact_registry_repository_is_public/positive.tf': [
    resourceIam('google_artifact_registry_repository_iam_member', 'bad_example_member', {
      repository: 'example-repo',
      member: 'allUsers',
      role: 'roles/artifactregistry.reader',
    }),
    resourceIam('google_artifact_registry_repository_iam_binding', 'bad_example_binding', {
      repository: 'example-repo',
      members: ['allAuthenticatedUsers', SOMEONE],
      role: 'roles/artifactregistry.admin',
    }),
  ],
  'artifact_registry_repository_is_public/negative0.tf': [
    resourceIam('google_artifact_registry_repository_iam_binding', 'good_example_binding', {
      repository: 'example-repo',
      members: [SOMEONE, 'group:admins@example.com'],
      role: 'roles/artifactregistry.admin',
    }),
  ],
  'artifact_registry_repository_is_public/negative1.tf': [
    resourceIam('google_artifact_registry_repository_iam_member', 'good_example_member', {
      repository: 'example-repo',
      member: SOMEONE,
      role: 'roles/artifactregistry.reader',
    }),
  ],
  'container_registry_repository_is_public/positive.tf': [
    resourceIam('google_storage_bucket_iam_member', 'bad_example_member', {
      bucket: 'example-bucket',
      member: 'allUsers',
      role: 'roles/storage.objectViewer',
    }),
    resourceIam('google_storage_bucket_iam_binding', 'bad_example_binding', {
      bucket: 'example-bucket',
      members: ['allAuthenticatedUsers', SOMEONE],
      role: 'roles/storage.objectViewer',
    }),
  ],
  'container_registry_repository_is_public/negative0.tf': [
    resourceIam('google_storage_bucket_iam_binding', 'good_example_binding', {
      bucket: 'example-bucket',
      members: [SOMEONE, 'group:admins@example.com'],
      role: 'roles/storage.objectViewer',
    }),
  ],
  'container_registry_repository_is_public/negative1.tf': [
    resourceIam('google_storage_bucket_iam_member', 'good_example_member', {
      bucket: 'example-bucket',
      member: SOMEONE,
      role: 'roles/storage.objectViewer',
    }),
  ],
  'bigquery_dataset_is_public/positive.tf': [
    bigqueryDataset('positive1', [{ role: 'OWNER', special_group: 'allAuthenticatedUsers' }]),
  ],
  'bigquery_dataset_is_public/negative.tf': [
    bigqueryDataset(
      'negative1',
      [{ role: 'OWNER' }, { role: 'READER', domain: 'hashicorp.com' }],
      ['google_service_account.bqowner.email', 'google_service_account.bqowner'],
      [{ user_by_email: true }, {}],
    ),
  ],
  'not_proper_email_account_in_use/positive.tf': [
    projectIam('binding', 'positive1', {
      project: PROJECT,
      role: 'roles/editor',
      members: ['user:jane@gmail.com'],
      condition: [],
    }),
  ],
  'not_proper_email_account_in_use/negative.tf': [
    projectIam('binding', 'negative1', { project: PROJECT, role: 'roles/editor', members: [JANE], condition: [] }),
  ],
};
