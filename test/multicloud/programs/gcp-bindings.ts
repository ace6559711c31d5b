// Every Google Cloud binding form for projects, folders, organizations and service accounts (IAMMember, IAMBinding,
// IAMPolicy with its policyData, with conditions), members of every kind (service accounts, users, principal:// and
// principalSet:// of workload identity pools), custom roles judged by the permissions they list, predefined roles by
// Google's published permissions, and workload identity pool providers with and without an attribute condition.
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const project = 'example-co-data';

const loader = new gcp.serviceaccount.Account('loader', { accountId: 'loader', project });
const member = pulumi.interpolate`serviceAccount:${loader.email}`;

// A conditional IAMBinding of serviceAccountUser on the project: acting as every service account, until the condition's date.
new gcp.projects.IAMBinding('loader-act-as', {
  project,
  role: 'roles/iam.serviceAccountUser',
  members: [member],
  condition: { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' },
});
// A folder IAMMember that rewrites the folder's IAM policy.
new gcp.folder.IAMMember('loader-folder-iam', {
  folder: 'folders/4242',
  role: 'roles/resourcemanager.folderIamAdmin',
  member,
});
// An organization IAMPolicy: one privileged predefined role, one narrow; the user beside the account holds role
// administration of the organization as standing privilege, as the account does.
new gcp.organizations.IAMPolicy('org-policy', {
  orgId: '990011',
  policyData: JSON.stringify({
    bindings: [
      {
        role: 'roles/iam.roleAdmin',
        members: ['serviceAccount:loader@example-co-data.iam.gserviceaccount.com', 'user:alice@example.com'],
      },
      { role: 'roles/browser', members: ['serviceAccount:loader@example-co-data.iam.gserviceaccount.com'] },
    ],
  }),
});
// A custom role that lists actAs, granted on the project; the narrow predefined storage.objectViewer stays clean.
const deployer = new gcp.projects.IAMCustomRole('deployer-role', {
  project,
  roleId: 'deployer',
  title: 'Deployer',
  permissions: ['run.services.create', 'iam.serviceAccounts.actAs'],
});
new gcp.projects.IAMMember('loader-deployer', { project, role: deployer.name, member });
new gcp.projects.IAMCustomRole('reader-role', {
  project,
  roleId: 'reader',
  title: 'Reader',
  permissions: ['storage.objects.get', 'storage.objects.list'],
});
new gcp.projects.IAMMember('loader-object-viewer', { project, role: 'roles/storage.objectViewer', member });

// A pool whose provider pins one repository: the pool-wide set may act as the loader, held to that condition.
const pool = new gcp.iam.WorkloadIdentityPool('deploy-pool', { project, workloadIdentityPoolId: 'deploy' });
new gcp.iam.WorkloadIdentityPoolProvider('deploy-github', {
  project,
  workloadIdentityPoolId: pool.workloadIdentityPoolId,
  workloadIdentityPoolProviderId: 'github',
  attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' },
  attributeCondition: "assertion.repository == 'example-co/data-pipelines'",
  oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
});
new gcp.serviceaccount.IAMBinding('loader-workload-identity', {
  serviceAccountId: loader.name,
  role: 'roles/iam.workloadIdentityUser',
  members: [pulumi.interpolate`principalSet://iam.googleapis.com/${pool.name}/*`],
});

// A pool whose provider has no attribute condition, bound to nothing yet; a principal:// of it reads one bucket's objects.
const open = new gcp.iam.WorkloadIdentityPool('open-pool', { project, workloadIdentityPoolId: 'open' });
new gcp.iam.WorkloadIdentityPoolProvider('open-github', {
  project,
  workloadIdentityPoolId: open.workloadIdentityPoolId,
  workloadIdentityPoolProviderId: 'github',
  attributeMapping: { 'google.subject': 'assertion.sub' },
  oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
});
new gcp.storage.BucketIAMMember('open-reader', {
  bucket: 'example-co-public-data',
  role: 'roles/storage.objectViewer',
  member: pulumi.interpolate`principal://iam.googleapis.com/${open.name}/subject/repo:example-co/site:ref:refs/heads/main`,
});

// People: roles/owner on the project for a whole domain, standing privilege; roles/editor for the on-call group until a
// time its condition states (Google Cloud's temporary access), which passes.
new gcp.projects.IAMMember('domain-owner', { project, role: 'roles/owner', member: 'domain:example.com' });
new gcp.projects.IAMMember('oncall-editor', {
  project,
  role: 'roles/editor',
  member: 'group:oncall@example.com',
  condition: { title: 'incident-window', expression: 'request.time < timestamp("2027-02-01T00:00:00Z")' },
});
