/**
 * Google Cloud compute on the default service account in a Terraform plan: `google_container_node_pool`,
 * `google_container_cluster`, `google_compute_instance`, `google_cloud_run_v2_service`, … read as the Pulumi adapter
 * reads their @pulumi/gcp records (one GCP knowledge, src/iam/gcp/default-accounts.ts), with the setting named as
 * Terraform writes it. A plan shows an optional, computed `service_account` the configuration leaves out as known after
 * apply (the API picks the default account then): with the plan's configuration that is an unset account, the default
 * one; one the configuration writes from a `google_service_account` of the plan is that account; one from anything
 * else, or any of them in a plan without configuration, is pending (fail closed).
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const COMPUTE = 'the Compute Engine default service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com)';
const EDITOR =
  'Google grants that account roles/editor on the project (unless the organization policy ' +
  'iam.automaticIamGrantsForDefaultServiceAccounts stopped it; enforced by default only in organizations created since ' +
  'May 2024), and every workload of the project that names no account shares it.';
const CLOUD_PLATFORM = 'Its cloud-platform access scope lets its tokens reach every API that role covers.';
const EVERY_API = 'Its tokens reach every API that role covers (the platform has no access scopes).';
const scoped = (scopes: string) =>
  `Its access scopes (${scopes}) limit what its tokens may call under that role; scopes are a legacy limit that whoever may change the workload lifts.`;
const onDefault = (workload: string, why: string, access: string, setting: string) =>
  `${workload} runs as ${COMPUTE} because ${why}. ${EDITOR} ${access} Create a dedicated service account with only the ` +
  `roles the workload needs and set ${setting} to it (CIS Google Cloud 4.1/4.2, CIS GKE 5.2.1).`;
const pending = (workload: string, what: string, setting: string) =>
  `${workload} runs as a service account that cannot be verified until apply: ${what}. If it is a default account ` +
  `(Compute Engine or App Engine), which Google grants roles/editor on the project, the workload holds that role; set ` +
  `${setting} to a dedicated service account.`;

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const nodesAccount: PlannedResource = {
  address: 'google_service_account.nodes',
  values: { account_id: 'gke-nodes', project: 'p1' },
  unknown: { email: true, id: true, name: true, unique_id: true, member: true },
};
/** A node pool as a plan shows one without a `service_account` in its node_config. */
const nodePool = (name: string, extra: Partial<PlannedResource> = {}): PlannedResource => ({
  address: `google_container_node_pool.${name}`,
  values: {
    cluster: 'primary',
    node_count: 1,
    node_config: [{ machine_type: 'e2-medium', oauth_scopes: [CLOUD_PLATFORM_SCOPE] }],
  },
  unknown: { id: true, node_config: [{ service_account: true, image_type: true, oauth_scopes: [false] }] },
  ...extra,
});

/** `level resource detail [pending]: message` of each no-wildcard-privilege finding, sorted. */
function findings(resources: PlannedResource[], options: PlanOptions = {}): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
  return evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z'), pending: 'fail-closed' })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`)
    .sort();
}

describe('Google Cloud compute on the default service account, in a Terraform plan', () => {
  const invalid: { name: string; resources: PlannedResource[]; options?: PlanOptions; findings: string[] }[] = [
    {
      name: 'a node pool whose node_config leaves service_account out (known after apply in the plan): the default account',
      resources: [nodePool('pool')],
      findings: [
        `mandatory google_container_node_pool.pool DefaultAccount::compute/every-api: ${onDefault('GKE node pool google_container_node_pool.pool', 'node_config.service_account is not set', CLOUD_PLATFORM, 'node_config.service_account')}`,
      ],
    },
    {
      name: 'a node pool naming "default"; a cluster that keeps its default node pool, and one with its own node_pool blocks',
      resources: [
        nodePool('named', {
          values: {
            cluster: 'primary',
            node_config: [
              { service_account: 'default', oauth_scopes: ['https://www.googleapis.com/auth/logging.write'] },
            ],
          },
          unknown: { id: true },
        }),
        {
          address: 'google_container_cluster.kept',
          values: { name: 'kept', initial_node_count: 1, remove_default_node_pool: null },
          unknown: { id: true, node_config: true, node_pool: true, cluster_autoscaling: true, endpoint: true },
        },
        {
          address: 'google_container_cluster.pools',
          values: {
            name: 'pools',
            node_pool: [{ name: 'web', node_config: [{ oauth_scopes: [CLOUD_PLATFORM_SCOPE] }] }],
          },
          unknown: { id: true, node_config: true, node_pool: [{ node_config: [{ service_account: true }] }] },
        },
      ],
      findings: [
        `mandatory google_container_cluster.kept DefaultAccount::compute/scoped: ${onDefault('GKE cluster default node pool google_container_cluster.kept', 'node_config.service_account is not set', "It sets no access scopes, so the platform's default scopes limit what its tokens may call under that role.", 'node_config.service_account')}`,
        `mandatory google_container_cluster.pools DefaultAccount::compute/every-api: ${onDefault('GKE node pool "web" google_container_cluster.pools', 'node_pool[0].node_config.service_account is not set', CLOUD_PLATFORM, 'node_pool[0].node_config.service_account')}`,
        `mandatory google_container_node_pool.named DefaultAccount::compute/scoped: ${onDefault('GKE node pool google_container_node_pool.named', 'node_config.service_account is "default"', scoped('logging.write'), 'node_config.service_account')}`,
      ],
    },
    {
      name: 'a compute instance whose service_account block has no email, and a Cloud Run service without template.service_account',
      resources: [
        {
          address: 'google_compute_instance.vm',
          values: { name: 'vm', machine_type: 'e2-small', service_account: [{ scopes: [CLOUD_PLATFORM_SCOPE] }] },
          unknown: { id: true, service_account: [{ email: true }] },
        },
        {
          address: 'google_cloud_run_v2_service.api',
          values: {
            name: 'api',
            location: 'us-central1',
            template: [{ containers: [{ image: 'us-docker.pkg.dev/cloudrun/container/hello' }] }],
          },
          unknown: { id: true, uri: true, template: [{ service_account: true }] },
        },
      ],
      findings: [
        `mandatory google_cloud_run_v2_service.api DefaultAccount::compute/every-api: ${onDefault('Cloud Run service google_cloud_run_v2_service.api', 'template.service_account is not set', EVERY_API, 'template.service_account')}`,
        `mandatory google_compute_instance.vm DefaultAccount::compute/every-api: ${onDefault('Compute Engine instance google_compute_instance.vm', 'service_account.email is not set', CLOUD_PLATFORM, 'service_account.email')}`,
      ],
    },
    {
      name: 'an account from a variable, known after apply, is pending, blocking under fail-closed as the CLI runs (nothing re-checks before apply), naming what it comes from',
      resources: [nodePool('from_var', { references: { node_config: ['var.node_service_account'] } })],
      findings: [
        `mandatory google_container_node_pool.from_var DefaultAccount::unknown pending: ${pending('GKE node pool google_container_node_pool.from_var', 'google_container_node_pool.from_var.node_config[0].service_account is not known until apply (from var.node_service_account)', 'node_config.service_account')}`,
      ],
    },
    {
      name: 'without the configuration nothing says service_account is left out: pending',
      resources: [nodePool('trimmed')],
      options: { noConfiguration: true },
      findings: [
        `mandatory google_container_node_pool.trimmed DefaultAccount::unknown pending: ${pending('GKE node pool google_container_node_pool.trimmed', 'google_container_node_pool.trimmed.node_config[0].service_account is not known until apply', 'node_config.service_account')}`,
      ],
    },
  ];
  for (const testCase of invalid)
    it(`invalid: ${testCase.name}`, () => {
      expect(findings(testCase.resources, testCase.options)).toEqual([...testCase.findings].sort());
    });

  const valid: { name: string; resources: PlannedResource[] }[] = [
    {
      name: 'a node pool and an instance on the plan’s own google_service_account (email known after apply, linked by reference)',
      resources: [
        nodesAccount,
        nodePool('own', {
          references: { node_config: ['google_service_account.nodes.email', 'google_service_account.nodes'] },
        }),
        {
          address: 'google_compute_instance.vm',
          values: { name: 'vm', service_account: [{ scopes: [CLOUD_PLATFORM_SCOPE] }] },
          unknown: { id: true, service_account: [{ email: true }] },
          references: { service_account: ['google_service_account.nodes.email', 'google_service_account.nodes'] },
        },
      ],
    },
    {
      name: 'an instance without a service_account block has no account; a cluster removing its default node pool runs none',
      resources: [
        {
          address: 'google_compute_instance.bare',
          values: { name: 'bare', machine_type: 'e2-small', service_account: [] },
          unknown: { id: true },
        },
        {
          address: 'google_container_cluster.primary',
          values: { name: 'primary', initial_node_count: 1, remove_default_node_pool: true },
          unknown: { id: true, node_config: true, node_pool: true, cluster_autoscaling: true },
        },
      ],
    },
  ];
  for (const testCase of valid)
    it(`valid: ${testCase.name}`, () => {
      expect(findings(testCase.resources)).toEqual([]);
    });

  it('a workload on the plan’s own account is that account’s compute attachment, named by its address', () => {
    const model = modelFromTerraformPlan(terraformPlan(valid[0]!.resources), { file: 'plan.json' });
    expect(
      model.identities.map((identity) => [
        identity.name,
        identity.attachments.map((a) => `${a.kind} ${a.source.name}`),
      ]),
    ).toEqual([['gke-nodes', ['vm google_container_node_pool.own', 'vm google_compute_instance.vm']]]);
  });
});
