/** The privilege and trust findings (`rule level resource detail`) of the route programs, shared by the engine and pack tests. */
export const K8S_ROUTES = [
  'no-wildcard-privilege mandatory aggregate-to-ops Route::bind',
  'no-wildcard-privilege mandatory ops Route::bind',
  'no-wildcard-privilege mandatory ops-bot-ops Role::ops/Route::bind',
  'no-wildcard-privilege mandatory route-bind Route::bind',
  'no-wildcard-privilege mandatory route-controllers Route::pod-create',
  'no-wildcard-privilege mandatory route-csr-approval Route::csr-approval',
  'no-wildcard-privilege mandatory route-ephemeral Route::pod-exec',
  'no-wildcard-privilege mandatory route-escalate Route::escalate',
  'no-wildcard-privilege mandatory route-impersonate Route::impersonate',
  'no-wildcard-privilege mandatory route-namespace Route::namespace-modify',
  'no-wildcard-privilege mandatory route-nodes-proxy Route::nodes-proxy',
  'no-wildcard-privilege mandatory route-pod-patch Route::pod-exec',
  'no-wildcard-privilege mandatory route-pods Route::pod-create',
  'no-wildcard-privilege mandatory route-pods Route::pod-exec',
  'no-wildcard-privilege mandatory route-pv Route::pv-create',
  'no-wildcard-privilege mandatory route-secrets Route::secrets-read',
  'no-wildcard-privilege mandatory route-token Route::token-create',
  'no-wildcard-privilege mandatory route-webhooks Route::webhook-write',
  'no-wildcard-privilege mandatory route-wildcard Route::wildcard',
];

export const AZURE_ROLES = [
  // Owner on the subscription for a group: standing privilege held by people (auditors' Reader stays clean).
  'no-wildcard-privilege mandatory platform-admins-owner Role::Owner/Member::Group:00000000-0000-0000-0000-0000000a0d15',
  'no-wildcard-privilege mandatory reports-secrets-officer Role::Key Vault Secrets Officer',
  'no-wildcard-privilege mandatory reports-storage-keys Role::Storage Account Contributor',
  'no-wildcard-privilege mandatory role-writer Privilege::role-assignment',
  'no-wildcard-privilege mandatory vault-reader Privilege::key-vault-secrets',
];

export const GCP_BINDINGS = [
  'no-wildcard-privilege mandatory deployer-role Privilege::impersonation',
  // roles/owner on the project for a domain: standing privilege held by people (the on-call group's bound editor passes).
  'no-wildcard-privilege mandatory domain-owner Role::roles/owner/Member::domain:example.com',
  'no-wildcard-privilege mandatory loader-act-as Role::roles/iam.serviceAccountUser',
  'no-wildcard-privilege mandatory loader-deployer Role::projects/example-co-data/roles/deployer',
  'no-wildcard-privilege mandatory loader-folder-iam Role::roles/resourcemanager.folderIamAdmin',
  'no-wildcard-privilege mandatory org-policy Role::roles/iam.roleAdmin',
  // user:alice@example.com beside the loader account: role administration of the organization held by a person, standing.
  'no-wildcard-privilege mandatory org-policy Role::roles/iam.roleAdmin/Member::user:alice@example.com',
  'restrict-trust mandatory deploy-github Subject::repo:example-co/data-pipelines:*',
  'restrict-trust mandatory open-github Condition::attributeCondition',
];
