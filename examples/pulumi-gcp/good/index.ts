// The same workloads done right: no keys, predefined roles within the catalog's entitlements, a pool provider
// that admits one organization, the CI account (the catalog's ci-deployer, one record for every cloud) bound to
// one repository environment and holding no project role, a rotated secret.
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const project = 'example-co-analytics';

const etl = new gcp.serviceaccount.Account('analytics-etl', {
  accountId: 'analytics-etl',
  project,
  displayName: 'Nightly warehouse export',
});
new gcp.projects.IAMMember('analytics-etl-bigquery', {
  project,
  role: 'roles/bigquery.dataViewer',
  member: pulumi.interpolate`serviceAccount:${etl.email}`,
});

const ci = new gcp.serviceaccount.Account('ci-deployer', { accountId: 'ci-deployer', project });
const pool = new gcp.iam.WorkloadIdentityPool('github', { project, workloadIdentityPoolId: 'github' });
new gcp.iam.WorkloadIdentityPoolProvider('github-actions', {
  project,
  workloadIdentityPoolId: pool.workloadIdentityPoolId,
  workloadIdentityPoolProviderId: 'github-actions',
  attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
  attributeCondition: 'assertion.repository_owner == "example-co"',
  oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
});
new gcp.serviceaccount.IAMMember('ci-deployer-workload-identity', {
  serviceAccountId: ci.name,
  role: 'roles/iam.workloadIdentityUser',
  member: pulumi.interpolate`principal://iam.googleapis.com/${pool.name}/subject/repo:example-co/platform-infra:environment:production`,
});

const rotation = new gcp.pubsub.Topic('secret-rotation', { project, name: 'secret-rotation' });
new gcp.secretmanager.Secret('partner-api-token', {
  secretId: 'partner-api-token',
  project,
  replication: { auto: {} },
  labels: { owner: 'team-data', 'identity-class': 'service' },
  topics: [{ name: rotation.id }],
  rotation: { rotationPeriod: `${30 * 24 * 60 * 60}s`, nextRotationTime: '2027-01-01T00:00:00Z' },
});
