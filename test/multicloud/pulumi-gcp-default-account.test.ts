/**
 * Google Cloud compute and the service account it runs as, through the Pulumi adapter (src/adapters/pulumi/
 * gcp-workloads.ts over src/iam/gcp/default-accounts.ts): a GKE node pool, a cluster's own node pools, Autopilot and
 * auto-provisioned nodes, Compute Engine instances and templates, Cloud Run, Cloud Functions, Dataproc and Dataflow
 * that name no account, or name `default` or a default account's e-mail, run as Google's default account, which holds
 * roles/editor on the project unless an organization policy stopped that grant: no-wildcard-privilege reports it on the
 * workload. A dedicated account of the change is the workload's attachment instead; one known only at apply, from no
 * account of the change, is pending (fail closed). Before, none of these resources was read: pulumi/examples'
 * gcp-ts-gke (a node pool with no serviceAccount) passed with no finding.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from './builders.js';

const UNKNOWN = PULUMI_UNKNOWN;
const resource = pulumiResource;
const SA = 'gcp:serviceaccount/account:Account';
const NODE_POOL = 'gcp:container/nodePool:NodePool';
const CLUSTER = 'gcp:container/cluster:Cluster';
const INSTANCE = 'gcp:compute/instance:Instance';
const NODES = 'nodes@p1.iam.gserviceaccount.com';
const nodes = resource(SA, 'nodes', { accountId: 'nodes', project: 'p1', email: NODES });
/** gcp-ts-gke's node pool scopes. */
const GKE_SCOPES = [
  'https://www.googleapis.com/auth/compute',
  'https://www.googleapis.com/auth/devstorage.read_only',
  'https://www.googleapis.com/auth/logging.write',
  'https://www.googleapis.com/auth/monitoring',
];

const COMPUTE = 'the Compute Engine default service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com)';
const APP_ENGINE = 'the App Engine default service account (PROJECT_ID@appspot.gserviceaccount.com)';
const EDITOR =
  'Google grants that account roles/editor on the project (unless the organization policy ' +
  'iam.automaticIamGrantsForDefaultServiceAccounts stopped it; enforced by default only in organizations created since ' +
  'May 2024), and every workload of the project that names no account shares it.';
const EVERY_API = 'Its tokens reach every API that role covers (the platform has no access scopes).';
const CLOUD_PLATFORM = 'Its cloud-platform access scope lets its tokens reach every API that role covers.';
const NO_SCOPES =
  "It sets no access scopes, so the platform's default scopes limit what its tokens may call under that role.";
const scoped = (scopes: string) =>
  `Its access scopes (${scopes}) limit what its tokens may call under that role; scopes are a legacy limit that whoever may change the workload lifts.`;
/** The finding's message: what runs, as which account, why, what its tokens reach, and the setting to write. */
const onDefault = (workload: string, account: string, why: string, access: string, setting: string) =>
  `${workload} runs as ${account} because ${why}. ${EDITOR} ${access} Create a dedicated service account with only the ` +
  `roles the workload needs and set ${setting} to it (CIS Google Cloud 4.1/4.2, CIS GKE 5.2.1).`;
const pending = (workload: string, what: string, setting: string) =>
  `${workload} runs as a service account that cannot be verified until apply: ${what}. If it is a default account ` +
  `(Compute Engine or App Engine), which Google grants roles/editor on the project, the workload holds that role; set ` +
  `${setting} to a dedicated service account.`;

/** `level resource detail [pending]: message` of each no-wildcard-privilege finding, sorted. */
function findings(resources: PulumiResource[]): string[] {
  return evaluate(modelFromPulumiResources(resources), {
    catalog: defaultCatalog(),
    now: new Date('2026-12-01T00:00:00Z'),
  })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`)
    .sort();
}

describe('Google Cloud compute on the default service account, through the Pulumi adapter', () => {
  const invalid: { name: string; resources: PulumiResource[]; findings: string[] }[] = [
    {
      name: 'a GKE node pool without nodeConfig.serviceAccount (pulumi/examples gcp-ts-gke): its scopes are said and make the detail',
      resources: [
        resource(NODE_POOL, 'primary-node-pool', {
          cluster: 'c',
          nodeConfig: { preemptible: true, oauthScopes: GKE_SCOPES },
        }),
      ],
      findings: [
        `mandatory primary-node-pool DefaultAccount::compute/scoped: ${onDefault('GKE node pool primary-node-pool', COMPUTE, 'nodeConfig.serviceAccount is not set', scoped('compute, devstorage.read_only, logging.write, monitoring'), 'nodeConfig.serviceAccount')}`,
      ],
    },
    {
      name: 'a GKE node pool naming "default", or the default account by e-mail, with the cloud-platform scope',
      resources: [
        resource(NODE_POOL, 'named', {
          nodeConfig: { serviceAccount: 'default', oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
        }),
        resource(NODE_POOL, 'by-email', {
          nodeConfig: { serviceAccount: '123456789012-compute@developer.gserviceaccount.com' },
        }),
      ],
      findings: [
        `mandatory named DefaultAccount::compute/every-api: ${onDefault('GKE node pool named', COMPUTE, 'nodeConfig.serviceAccount is "default"', CLOUD_PLATFORM, 'nodeConfig.serviceAccount')}`,
        `mandatory by-email DefaultAccount::compute/scoped: ${onDefault('GKE node pool by-email', COMPUTE, 'nodeConfig.serviceAccount is "123456789012-compute@developer.gserviceaccount.com"', NO_SCOPES, 'nodeConfig.serviceAccount')}`,
      ],
    },
    {
      name: 'GKE clusters: the default node pool it keeps, its own node pools, Autopilot nodes and auto-provisioned pools',
      resources: [
        resource(CLUSTER, 'kept', { initialNodeCount: 1 }),
        resource(CLUSTER, 'inline', {
          nodePools: [
            { name: 'web', nodeConfig: { oauthScopes: ['cloud-platform'] } },
            { name: 'batch', nodeConfig: { serviceAccount: NODES } },
          ],
        }),
        resource(CLUSTER, 'autopilot', { enableAutopilot: true }),
        resource(CLUSTER, 'nap', {
          removeDefaultNodePool: true,
          clusterAutoscaling: { enabled: true, autoProvisioningDefaults: { serviceAccount: 'default' } },
        }),
        nodes,
      ],
      findings: [
        `mandatory kept DefaultAccount::compute/scoped: ${onDefault('GKE cluster default node pool kept', COMPUTE, 'nodeConfig.serviceAccount is not set', NO_SCOPES, 'nodeConfig.serviceAccount')}`,
        `mandatory inline DefaultAccount::compute/every-api: ${onDefault('GKE node pool "web" inline', COMPUTE, 'nodePools[0].nodeConfig.serviceAccount is not set', CLOUD_PLATFORM, 'nodePools[0].nodeConfig.serviceAccount')}`,
        `mandatory autopilot DefaultAccount::compute/scoped: ${onDefault('GKE Autopilot cluster nodes autopilot', COMPUTE, 'clusterAutoscaling.autoProvisioningDefaults.serviceAccount is not set', NO_SCOPES, 'clusterAutoscaling.autoProvisioningDefaults.serviceAccount')}`,
        `mandatory nap DefaultAccount::compute/scoped: ${onDefault('GKE auto-provisioned node pools nap', COMPUTE, 'clusterAutoscaling.autoProvisioningDefaults.serviceAccount is "default"', NO_SCOPES, 'clusterAutoscaling.autoProvisioningDefaults.serviceAccount')}`,
      ],
    },
    {
      name: 'Compute Engine: an instance whose serviceAccount block has no email, a template naming "default"',
      resources: [
        resource(INSTANCE, 'vm', { serviceAccount: { scopes: ['cloud-platform'] } }),
        resource('gcp:compute/instanceTemplate:InstanceTemplate', 'template', {
          serviceAccount: { email: 'default', scopes: ['https://www.googleapis.com/auth/devstorage.read_only'] },
        }),
      ],
      findings: [
        `mandatory vm DefaultAccount::compute/every-api: ${onDefault('Compute Engine instance vm', COMPUTE, 'serviceAccount.email is not set', CLOUD_PLATFORM, 'serviceAccount.email')}`,
        `mandatory template DefaultAccount::compute/scoped: ${onDefault('Compute Engine instance template template', COMPUTE, 'serviceAccount.email is "default"', scoped('devstorage.read_only'), 'serviceAccount.email')}`,
      ],
    },
    {
      name: 'serverless and data processing: Cloud Run service and job, Cloud Functions 2nd gen (Compute Engine account) and 1st gen (App Engine account), Dataproc, Dataflow',
      resources: [
        resource('gcp:cloudrunv2/service:Service', 'api', {
          location: 'us-central1',
          template: { containers: [{ image: 'nginx' }] },
        }),
        resource('gcp:cloudrunv2/job:Job', 'nightly', { template: { template: { containers: [{ image: 'nginx' }] } } }),
        resource('gcp:cloudfunctionsv2/function:Function', 'fn2', { serviceConfig: { availableMemory: '256M' } }),
        resource('gcp:cloudfunctions/function:Function', 'fn1', { runtime: 'nodejs20' }),
        resource('gcp:dataproc/cluster:Cluster', 'spark', {
          clusterConfig: { gceClusterConfig: { serviceAccountScopes: ['cloud-platform'] } },
        }),
        resource('gcp:dataflow/job:Job', 'etl', { templateGcsPath: 'gs://dataflow-templates/latest/Word_Count' }),
      ],
      findings: [
        `mandatory api DefaultAccount::compute/every-api: ${onDefault('Cloud Run service api', COMPUTE, 'template.serviceAccount is not set', EVERY_API, 'template.serviceAccount')}`,
        `mandatory nightly DefaultAccount::compute/every-api: ${onDefault('Cloud Run job nightly', COMPUTE, 'template.template.serviceAccount is not set', EVERY_API, 'template.template.serviceAccount')}`,
        `mandatory fn2 DefaultAccount::compute/every-api: ${onDefault('Cloud Functions (2nd gen) function fn2', COMPUTE, 'serviceConfig.serviceAccountEmail is not set', EVERY_API, 'serviceConfig.serviceAccountEmail')}`,
        `mandatory fn1 DefaultAccount::app-engine/every-api: ${onDefault('Cloud Functions (1st gen) function fn1', APP_ENGINE, 'serviceAccountEmail is not set', EVERY_API, 'serviceAccountEmail')}`,
        `mandatory spark DefaultAccount::compute/every-api: ${onDefault('Dataproc cluster spark', COMPUTE, 'clusterConfig.gceClusterConfig.serviceAccount is not set', CLOUD_PLATFORM, 'clusterConfig.gceClusterConfig.serviceAccount')}`,
        `mandatory etl DefaultAccount::compute/every-api: ${onDefault('Dataflow job etl', COMPUTE, 'serviceAccountEmail is not set', EVERY_API, 'serviceAccountEmail')}`,
      ],
    },
    {
      // Cloud Run's v1 API (gcp.cloudrun.Service): until h101 it was not read, and a service on the default account passed.
      name: 'Cloud Run service of the v1 API without template.spec.serviceAccountName',
      resources: [
        resource('gcp:cloudrun/service:Service', 'web', {
          location: 'us-central1',
          template: { spec: { containers: [{ image: 'gcr.io/cloudrun/hello' }] } },
        }),
      ],
      findings: [
        `mandatory web DefaultAccount::compute/every-api: ${onDefault('Cloud Run service web', COMPUTE, 'template.spec.serviceAccountName is not set', EVERY_API, 'template.spec.serviceAccountName')}`,
      ],
    },
    {
      name: 'unknown until apply: an account from no account of the change is pending (fail closed); scopes not known yet may be cloud-platform',
      resources: [
        resource(
          INSTANCE,
          'vm',
          { serviceAccount: { email: UNKNOWN, scopes: ['cloud-platform'] } },
          { serviceAccount: [pulumiUrn('pulumi:pulumi:StackReference', 'shared')] },
        ),
        resource(NODE_POOL, 'pool', { nodeConfig: { serviceAccount: 'default', oauthScopes: UNKNOWN } }),
      ],
      findings: [
        `advisory vm DefaultAccount::unknown pending: ${pending('Compute Engine instance vm', 'vm.serviceAccount.email (output of pulumi:pulumi:StackReference shared) is not known until apply', 'serviceAccount.email')}`,
        `mandatory pool DefaultAccount::compute/every-api: ${onDefault('GKE node pool pool', COMPUTE, 'nodeConfig.serviceAccount is "default"', 'Its access scopes cannot be verified until apply (pool.nodeConfig.oauthScopes is not known until apply), so its tokens may reach every API that role covers.', 'nodeConfig.serviceAccount')}`,
      ],
    },
  ];
  for (const testCase of invalid)
    it(`invalid: ${testCase.name}`, () => {
      expect(findings(testCase.resources)).toEqual([...testCase.findings].sort());
    });

  const valid: { name: string; resources: PulumiResource[] }[] = [
    {
      name: 'a node pool, an instance and a Cloud Run service on the change’s own account (by e-mail, or by dependency while the e-mail is unknown in preview)',
      resources: [
        nodes,
        resource(NODE_POOL, 'pool', { nodeConfig: { serviceAccount: NODES, oauthScopes: ['cloud-platform'] } }),
        resource(
          INSTANCE,
          'vm',
          { serviceAccount: { email: UNKNOWN, scopes: ['cloud-platform'] } },
          { serviceAccount: [nodes.urn] },
        ),
        resource('gcp:cloudrunv2/service:Service', 'api', { template: { serviceAccount: NODES } }),
        resource('gcp:cloudrun/service:Service', 'web', { template: { spec: { serviceAccountName: NODES } } }),
      ],
    },
    {
      name: 'an account the change does not create, named by e-mail, is a dedicated account',
      resources: [
        resource(NODE_POOL, 'pool', {
          nodeConfig: { serviceAccount: 'gke-nodes@shared-project.iam.gserviceaccount.com' },
        }),
      ],
    },
    {
      name: 'an instance without a serviceAccount block has no account at all (the API attaches none)',
      resources: [resource(INSTANCE, 'vm', { machineType: 'e2-small' })],
    },
    {
      name: 'a cluster whose default node pool is removed at creation, its pools managed as NodePool resources (judged there)',
      resources: [resource(CLUSTER, 'gke-cluster', { initialNodeCount: 1, removeDefaultNodePool: true })],
    },
  ];
  for (const testCase of valid)
    it(`valid: ${testCase.name}`, () => {
      expect(findings(testCase.resources)).toEqual([]);
    });

  it('a workload on the change’s own account is that identity’s compute attachment', () => {
    const model = modelFromPulumiResources(valid[0]!.resources);
    expect(
      model.identities.map((identity) => [
        identity.name,
        identity.attachments.map((a) => `${a.kind} ${a.source.name}`),
      ]),
    ).toEqual([['nodes', ['vm pool', 'vm vm', 'serverless api', 'serverless web']]]);
    expect(model.defaultIdentityUses).toBeUndefined();
  });
});
