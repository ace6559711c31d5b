/**
 * Google Cloud's default service accounts, and the compute that runs as them when it names no account of its own.
 * One place for both adapters (Pulumi's `@pulumi/gcp` and Terraform's `google_*`, read through the Pulumi adapter):
 * each names only where its dialect writes the account; which workloads fall back to which default account, and what
 * that account holds, is here, each with the Google documentation that says so.
 *
 * - The Compute Engine default service account, `PROJECT_NUMBER-compute@developer.gserviceaccount.com`, created when
 *   the Compute Engine API is enabled; the App Engine default service account, `PROJECT_ID@appspot.gserviceaccount.com`
 *   (https://cloud.google.com/iam/docs/service-account-types).
 * - Google grants each the basic role roles/editor on the project when it creates it, unless the organization policy
 *   constraint `iam.automaticIamGrantsForDefaultServiceAccounts` is enforced, which it is by default only in
 *   organizations created on or after 3 May 2024
 *   (https://cloud.google.com/resource-manager/docs/organization-policy/restricting-service-accounts).
 * - Access scopes limit what a VM's tokens may call; Google calls them a legacy method and recommends the
 *   `cloud-platform` scope with a dedicated, narrowly granted account instead
 *   (https://cloud.google.com/compute/docs/access/service-accounts).
 */
import type { DefaultIdentity } from '../../model/model.js';

export interface GcpDefaultAccount {
  /** How people call it. */
  label: string;
  /** Its e-mail, with the part the deployment fills in. */
  email: string;
}

export const GCP_DEFAULT_ACCOUNTS: Readonly<Record<DefaultIdentity, GcpDefaultAccount>> = {
  'gcp-compute-default': {
    label: 'the Compute Engine default service account',
    email: 'PROJECT_NUMBER-compute@developer.gserviceaccount.com',
  },
  'gcp-app-engine-default': {
    label: 'the App Engine default service account',
    email: 'PROJECT_ID@appspot.gserviceaccount.com',
  },
};

/**
 * The default account a service-account value names, if it names one: `default` (what the Compute Engine and GKE APIs
 * take for the Compute Engine default account), its e-mail, or the App Engine default account's e-mail; with or
 * without a `serviceAccount:` or `projects/<p>/serviceAccounts/` prefix.
 */
export function namedDefaultAccount(value: string): DefaultIdentity | undefined {
  const account = value.replace(/^serviceAccount:/, '').replace(/^projects\/[^/]+\/serviceAccounts\//, '');
  if (account === 'default' || /^\d+-compute@developer\.gserviceaccount\.com$/.test(account))
    return 'gcp-compute-default';
  if (/^[^@]+@appspot\.gserviceaccount\.com$/.test(account)) return 'gcp-app-engine-default';
  return undefined;
}

/**
 * Compute that runs as a service account, with the account it runs as when the IaC names none, as Google (and the
 * provider documentation generated from Google's API) says. `scoped`: its tokens are limited by OAuth access scopes.
 */
export interface GcpWorkloadKind {
  /** What runs, in words. */
  label: string;
  /** The account it runs as when none is named; `undefined`: it then runs with no account at all. */
  whenUnset: DefaultIdentity | undefined;
  scoped: boolean;
  /** What it runs on: VMs the project sees (instances, nodes, workers), or a serverless platform. */
  runsOn: 'vm' | 'serverless';
  /** Where Google says so. */
  source: string;
}

export type GcpWorkload =
  | 'gke-node-pool'
  | 'gke-default-node-pool'
  | 'gke-autopilot'
  | 'gke-auto-provisioning'
  | 'compute-instance'
  | 'compute-instance-template'
  | 'cloud-run-service'
  | 'cloud-run-job'
  | 'cloud-function-gen2'
  | 'cloud-function-gen1'
  | 'dataproc-cluster'
  | 'dataflow-job';

const GKE_NODES = 'https://cloud.google.com/kubernetes-engine/docs/how-to/service-accounts';
const COMPUTE_ACCOUNTS = 'https://cloud.google.com/compute/docs/access/service-accounts';
const FUNCTION_IDENTITY = 'https://cloud.google.com/functions/docs/securing/function-identity';
const GKE_HARDENING = 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster';

export const GCP_WORKLOADS: Readonly<Record<GcpWorkload, GcpWorkloadKind>> = {
  'gke-node-pool': {
    label: 'GKE node pool',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: GKE_HARDENING,
  },
  'gke-default-node-pool': {
    label: 'GKE cluster default node pool',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: GKE_HARDENING,
  },
  'gke-autopilot': {
    label: 'GKE Autopilot cluster nodes',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: GKE_NODES,
  },
  'gke-auto-provisioning': {
    label: 'GKE auto-provisioned node pools',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-provisioning',
  },
  // Through the API (and so Terraform and Pulumi) an instance without a service account block has no account at all;
  // a block without an e-mail, or with `default`, is the Compute Engine default account.
  'compute-instance': {
    label: 'Compute Engine instance',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: COMPUTE_ACCOUNTS,
  },
  'compute-instance-template': {
    label: 'Compute Engine instance template',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: COMPUTE_ACCOUNTS,
  },
  'cloud-run-service': {
    label: 'Cloud Run service',
    whenUnset: 'gcp-compute-default',
    scoped: false,
    runsOn: 'serverless',
    source: 'https://cloud.google.com/run/docs/securing/service-identity',
  },
  'cloud-run-job': {
    label: 'Cloud Run job',
    whenUnset: 'gcp-compute-default',
    scoped: false,
    runsOn: 'serverless',
    source: 'https://cloud.google.com/run/docs/securing/service-identity',
  },
  'cloud-function-gen2': {
    label: 'Cloud Functions (2nd gen) function',
    whenUnset: 'gcp-compute-default',
    scoped: false,
    runsOn: 'serverless',
    source: FUNCTION_IDENTITY,
  },
  'cloud-function-gen1': {
    label: 'Cloud Functions (1st gen) function',
    whenUnset: 'gcp-app-engine-default',
    scoped: false,
    runsOn: 'serverless',
    source: FUNCTION_IDENTITY,
  },
  'dataproc-cluster': {
    label: 'Dataproc cluster',
    whenUnset: 'gcp-compute-default',
    scoped: true,
    runsOn: 'vm',
    source: 'https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/service-accounts',
  },
  'dataflow-job': {
    label: 'Dataflow job',
    whenUnset: 'gcp-compute-default',
    scoped: false,
    runsOn: 'vm',
    source: 'https://cloud.google.com/dataflow/docs/concepts/security-and-permissions',
  },
};

/** The scope that lets a token call every Google Cloud API (as a URL or gcloud's alias). */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** True when the scopes let a token call every API the account's roles reach. */
export function scopesReachEveryApi(scopes: readonly string[]): boolean {
  return scopes.some((scope) => scope === CLOUD_PLATFORM_SCOPE || scope === 'cloud-platform');
}

/** A scope as people read it: the part after `https://www.googleapis.com/auth/` (`devstorage.read_only`). */
export function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}
