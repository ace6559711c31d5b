// Google Cloud IAM mistakes, one per block; each is what Entitlement Guard must stop before it is deployed.
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const project = 'example-co-analytics';

// 1. The warehouse export job with a downloaded key and the basic Editor role on the whole project.
const etl = new gcp.serviceaccount.Account('analytics-etl', {
  accountId: 'analytics-etl',
  project,
  displayName: 'Nightly warehouse export',
});
new gcp.serviceaccount.Key('analytics-etl-key', { serviceAccountId: etl.name });
new gcp.projects.IAMMember('analytics-etl-editor', {
  project,
  role: 'roles/editor',
  member: pulumi.interpolate`serviceAccount:${etl.email}`,
});

// 2. The CI account (the catalog's ci-deployer) able to impersonate every service account of the project, trusted by a
//    GitHub pool that accepts any repository (no attribute condition) for every identity in the pool.
const ci = new gcp.serviceaccount.Account('ci-deployer', { accountId: 'ci-deployer', project });
new gcp.projects.IAMMember('ci-deployer-token-creator', {
  project,
  role: 'roles/iam.serviceAccountTokenCreator',
  member: pulumi.interpolate`serviceAccount:${ci.email}`,
});
const pool = new gcp.iam.WorkloadIdentityPool('github', { project, workloadIdentityPoolId: 'github' });
new gcp.iam.WorkloadIdentityPoolProvider('github-actions', {
  project,
  workloadIdentityPoolId: pool.workloadIdentityPoolId,
  workloadIdentityPoolProviderId: 'github-actions',
  attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
  oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
});
new gcp.serviceaccount.IAMMember('ci-deployer-workload-identity', {
  serviceAccountId: ci.name,
  role: 'roles/iam.workloadIdentityUser',
  member: pulumi.interpolate`principalSet://iam.googleapis.com/${pool.name}/*`,
});

// 3. Reports readable by everyone on the internet.
new gcp.projects.IAMMember('reports-public', { project, role: 'roles/storage.objectViewer', member: 'allUsers' });

// 4. A partner API token stored with its value in the program, never rotated.
const token = new gcp.secretmanager.Secret('partner-api-token', {
  secretId: 'partner-api-token',
  project,
  replication: { auto: {} },
});
new gcp.secretmanager.SecretVersion('partner-api-token-v1', {
  secret: token.id,
  secretData: 'pk_live_not_a_real_token',
});
