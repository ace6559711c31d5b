// Corpus: the identity facts of pulumi/examples gcp-ts-gke-serviceaccount/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us: a service account for a GKE application with roles/pubsub.subscriber on the project (IAMBinding) and a
// user-managed key exported to the cluster.
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const project = 'example-project';
const serviceAccount = new gcp.serviceaccount.Account('gke-app', { accountId: 'gke-app', project, displayName: 'A service account for a GKE application' });
new gcp.projects.IAMBinding('serviceAccount-pub', { project, role: 'roles/pubsub.subscriber', members: [pulumi.interpolate`serviceAccount:${serviceAccount.email}`] });
new gcp.serviceaccount.Key('serviceAccount-key', { serviceAccountId: serviceAccount.name, publicKeyType: 'TYPE_X509_PEM_FILE' });
