// Corpus: the identity facts of pulumi/examples gcp-ts-oidc-provider-pulumi-cloud/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us: a workload identity pool with a Pulumi Cloud OIDC provider without an attribute condition, a service
// account granted roles/admin on the project, and the whole pool (principalSet …/*) allowed to act as it.
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const project = 'example-project';
const identityPool = new gcp.iam.WorkloadIdentityPool('identity-pool', { project, workloadIdentityPoolId: 'pulumi-oidc-1234' });
new gcp.iam.WorkloadIdentityPoolProvider('identity-pool-provider', {
  project,
  workloadIdentityPoolId: identityPool.workloadIdentityPoolId,
  workloadIdentityPoolProviderId: 'pulumi-cloud-my-org-oidc',
  oidc: { issuerUri: 'https://api.pulumi.com/oidc', allowedAudiences: ['gcp:my-org'] },
  attributeMapping: { 'google.subject': 'assertion.sub' },
});
const serviceAccount = new gcp.serviceaccount.Account('service-account', { accountId: 'pulumi-oidc', project });
new gcp.projects.IAMMember('service-account', { member: pulumi.interpolate`serviceAccount:${serviceAccount.email}`, role: 'roles/admin', project });
new gcp.serviceaccount.IAMBinding('service-account', {
  serviceAccountId: serviceAccount.id,
  role: 'roles/iam.workloadIdentityUser',
  members: [pulumi.interpolate`principalSet://iam.googleapis.com/${identityPool.name}/*`],
});
