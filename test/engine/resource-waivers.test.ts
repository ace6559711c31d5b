/**
 * A finding about a resource alone (a managed policy no identity of the change holds, a custom role, a workload
 * identity pool provider) binds an exception by the name its cloud keeps unique (ResourceRef.physicalName), as an
 * identity binds by its physical name: before, a Terraform plan's such findings had no construct path, location or URN
 * and could be waived by nothing, so a team's only way past an approved one was to disable the rule. Never by a bare
 * logical id, resource name or address, and never by a name written as another resource's location.
 * Each case runs the real adapters and the full rule set.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogException } from '../../catalog/types.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/to-model.js';
import { evaluate } from '../../src/engine/index.js';
import { NO_RESOURCE_WAIVER_TARGET, NO_WAIVER_TARGET } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { formatText } from '../../src/reporters/text.js';
import { catalog as testCatalog } from '../support/builders.js';
import { terraformPlan } from '../terraform/support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const exception = (rule: string, target: string): CatalogException => ({
  id: 'EXC-1',
  rule,
  target,
  reason: 'approved broad access',
  owner: 'team-platform',
  approvedBy: 'security-lead@example.com',
  expires: '2027-01-31',
});

const catalogWith = (exceptions: CatalogException[]): Catalog =>
  testCatalog({ owners: [{ id: 'team-platform' }], exceptions });

const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** A plain template's customer-managed policy that no identity of the change holds. */
const cloudFormationPolicy = (name?: string): Model =>
  modelFromTemplates([
    {
      stack: 'Payments',
      file: 'payments.template.json',
      template: {
        Resources: {
          Admin: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { ...(name !== undefined ? { ManagedPolicyName: name } : {}), PolicyDocument: ADMIN },
          },
        },
      },
    },
  ]);

/** The same policy in a Terraform plan: a literal `name`, or a `name_prefix` whose name is known only after apply. */
const terraformPolicy = (name?: string): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'aws_iam_policy.admin',
        values: {
          ...(name !== undefined ? { name } : { name_prefix: 'deploy-' }),
          path: '/',
          policy: JSON.stringify(ADMIN),
        },
        unknown: { arn: true, id: true, policy_id: true, ...(name === undefined ? { name: true } : {}) },
      },
    ]),
  );

const urn = (type: string, name: string) => `urn:pulumi:prod::platform::${type}::${name}`;

/** The same policy in a Pulumi program. */
const pulumiPolicy = (): Model =>
  modelFromPulumiResources([
    {
      type: 'aws:iam/policy:Policy',
      name: 'admin',
      urn: urn('aws:iam/policy:Policy', 'admin'),
      props: { name: 'deploy-admin', policy: JSON.stringify(ADMIN) },
    },
  ]);

const azureCustomRole = (): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'azurerm_role_definition.everything',
        values: {
          name: 'platform-everything',
          scope: '/subscriptions/00000000-0000-0000-0000-000000000000',
          permissions: [{ actions: ['*'], not_actions: [], data_actions: [], not_data_actions: [] }],
          assignable_scopes: ['/subscriptions/00000000-0000-0000-0000-000000000000'],
        },
        unknown: { id: true, role_definition_id: true, role_definition_resource_id: true },
      },
    ]),
  );

const gcpCustomRole = (): Model =>
  modelFromPulumiResources([
    {
      type: 'gcp:projects/iAMCustomRole:IAMCustomRole',
      name: 'deployer',
      urn: urn('gcp:projects/iAMCustomRole:IAMCustomRole', 'deployer'),
      props: {
        project: 'payments-prod',
        roleId: 'deployer',
        title: 'Deployer',
        permissions: ['resourcemanager.projects.setIamPolicy'],
      },
    },
  ]);

const poolProvider = (): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'google_iam_workload_identity_pool_provider.github',
        values: {
          project: 'payments-prod',
          workload_identity_pool_id: 'github',
          workload_identity_pool_provider_id: 'actions',
          attribute_mapping: { 'google.subject': 'assertion.sub' },
          oidc: [{ issuer_uri: 'https://token.actions.githubusercontent.com', allowed_audiences: [] }],
          attribute_condition: null,
        },
        unknown: { id: true, name: true, state: true },
      },
    ]),
  );

/** A Terraform plan's ClusterRole that allows every verb on every resource, bound or not. */
const clusterRole = (): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'kubernetes_cluster_role_v1.everything',
        values: {
          metadata: [{ name: 'platform-everything', annotations: null, labels: null }],
          rule: [{ api_groups: ['*'], resources: ['*'], verbs: ['*'], resource_names: null, non_resource_urls: null }],
          aggregation_rule: [],
        },
        unknown: { id: true, metadata: [{ generation: true, resource_version: true, uid: true }] },
      },
    ]),
  );

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** A Terraform plan's VM on the Compute Engine default account (a service_account block without email). */
const defaultAccountInstance = (project?: string): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'google_compute_instance.batch',
        values: {
          name: 'batch',
          zone: 'europe-west1-b',
          ...(project !== undefined ? { project } : {}),
          machine_type: 'e2-medium',
          service_account: [{ scopes: [CLOUD_PLATFORM] }],
        },
        unknown: {
          id: true,
          instance_id: true,
          service_account: [{ email: true }],
          ...(project === undefined ? { project: true } : {}),
        },
      },
    ]),
  );

/** A Pulumi program's node pool with no account, its cluster given by the cluster's full name (its id). */
const defaultAccountNodePool = (): Model =>
  modelFromPulumiResources([
    {
      type: 'gcp:container/nodePool:NodePool',
      name: 'pool',
      urn: urn('gcp:container/nodePool:NodePool', 'pool'),
      props: {
        cluster: 'projects/payments-prod/locations/europe-west1/clusters/primary',
        name: 'general',
        nodeConfig: { machineType: 'e2-medium', oauthScopes: [CLOUD_PLATFORM] },
      },
    },
  ]);

/**
 * A Terraform plan's node pool on the default account that leaves its project to the provider: the provider block
 * writes it as a literal, or from a variable (whose value the plan has, but not the expression around it).
 */
const providerProjectNodePool = (project: Record<string, unknown>): Model => {
  const plan = terraformPlan([
    {
      address: 'google_container_node_pool.pool',
      values: {
        name: 'general',
        location: 'europe-west1',
        cluster: 'primary',
        node_config: [{ machine_type: 'e2-medium', oauth_scopes: [CLOUD_PLATFORM] }],
      },
      unknown: { id: true, project: true, node_config: [{ service_account: true }] },
    },
  ]);
  const configuration = plan.configuration as {
    provider_config: unknown;
    root_module: { resources: Record<string, unknown>[] };
  };
  configuration.provider_config = {
    google: { name: 'google', full_name: 'registry.terraform.io/hashicorp/google', expressions: { project } },
  };
  for (const resource of configuration.root_module.resources) resource.provider_config_key = 'google';
  return modelFromTerraformPlan({ ...plan, variables: { project_id: { value: 'payments-prod' } } });
};

interface Case {
  what: string;
  model: () => Model;
  rule: string;
  resource: string;
  detail: string;
  /** The target the finding's hint suggests, which waives it. */
  target: string;
  /** Targets that must not waive it: the bare logical id, resource name or address, another resource's location. */
  notTargets: string[];
}

const CASES: Case[] = [
  {
    what: 'a CloudFormation managed policy with ManagedPolicyName',
    model: () => cloudFormationPolicy('admin-everything'),
    rule: 'no-wildcard-privilege',
    resource: 'Admin',
    detail: 'Action::*',
    target: 'admin-everything',
    notTargets: ['Admin', 'stack:Other/Admin', 'path:Payments/Admin'],
  },
  {
    what: 'a Terraform aws_iam_policy with a name',
    model: () => terraformPolicy('deploy-admin'),
    rule: 'no-wildcard-privilege',
    resource: 'aws_iam_policy.admin',
    detail: 'Action::*',
    target: 'deploy-admin',
    notTargets: ['aws_iam_policy.admin', 'admin'],
  },
  {
    what: 'a Pulumi aws.iam.Policy with a name',
    model: pulumiPolicy,
    rule: 'no-wildcard-privilege',
    resource: 'admin',
    detail: 'Action::*',
    target: 'deploy-admin',
    notTargets: ['admin'],
  },
  {
    what: 'a Terraform azurerm_role_definition',
    model: azureCustomRole,
    rule: 'no-wildcard-privilege',
    resource: 'azurerm_role_definition.everything',
    detail: 'Privilege::all-actions+role-assignment',
    target: 'platform-everything',
    notTargets: ['azurerm_role_definition.everything', 'everything'],
  },
  {
    what: 'a Pulumi Google Cloud project custom role',
    model: gcpCustomRole,
    rule: 'no-wildcard-privilege',
    resource: 'deployer',
    detail: 'Privilege::iam-policy',
    target: 'projects/payments-prod/roles/deployer',
    notTargets: ['deployer', 'projects/other/roles/deployer'],
  },
  {
    what: 'a Terraform workload identity pool provider without attribute condition',
    model: poolProvider,
    rule: 'restrict-trust',
    resource: 'google_iam_workload_identity_pool_provider.github',
    detail: 'Condition::attributeCondition',
    target: 'projects/payments-prod/locations/global/workloadIdentityPools/github/providers/actions',
    notTargets: ['google_iam_workload_identity_pool_provider.github', 'actions'],
  },
  {
    what: 'a Terraform kubernetes_cluster_role_v1',
    model: clusterRole,
    rule: 'no-wildcard-privilege',
    resource: 'kubernetes_cluster_role_v1.everything',
    detail: 'Route::wildcard',
    target: 'k8s:ClusterRole/platform-everything',
    notTargets: [
      'kubernetes_cluster_role_v1.everything',
      'platform-everything',
      'k8s:default/ClusterRole/platform-everything',
    ],
  },
  {
    what: 'a Terraform google_compute_instance on the default account',
    model: () => defaultAccountInstance('payments-prod'),
    rule: 'no-wildcard-privilege',
    resource: 'google_compute_instance.batch',
    detail: 'DefaultAccount::compute/every-api',
    target: 'projects/payments-prod/zones/europe-west1-b/instances/batch',
    notTargets: ['google_compute_instance.batch', 'batch', 'projects/other/zones/europe-west1-b/instances/batch'],
  },
  {
    what: 'a Terraform google_container_node_pool whose project is the provider block’s literal',
    model: () => providerProjectNodePool({ constant_value: 'payments-prod' }),
    rule: 'no-wildcard-privilege',
    resource: 'google_container_node_pool.pool',
    detail: 'DefaultAccount::compute/every-api',
    target: 'projects/payments-prod/locations/europe-west1/clusters/primary/nodePools/general',
    notTargets: [
      'google_container_node_pool.pool',
      'general',
      'projects/other/locations/europe-west1/clusters/primary/nodePools/general',
    ],
  },
  {
    what: 'a Pulumi node pool on the default account, its cluster named by its id',
    model: defaultAccountNodePool,
    rule: 'no-wildcard-privilege',
    resource: 'pool',
    detail: 'DefaultAccount::compute/every-api',
    target: 'projects/payments-prod/locations/europe-west1/clusters/primary/nodePools/general',
    notTargets: ['pool', 'general'],
  },
];

/** The finding of the case's rule and detail on its resource: its hint and the exception that waived it. */
function findingOf(model: Model, entry: Pick<Case, 'rule' | 'resource' | 'detail'>, exceptions: CatalogException[]) {
  const found = evaluate(model, { catalog: catalogWith(exceptions), now: NOW }).findings.filter(
    (finding) =>
      finding.ruleId === entry.rule && finding.resource.name === entry.resource && finding.detail === entry.detail,
  );
  expect(found).toHaveLength(1);
  return { waiverTarget: found[0]!.waiverTarget, waivedBy: found[0]!.waivedBy, identity: found[0]!.identity };
}

describe('a finding about a resource alone binds by the name its cloud keeps unique', () => {
  it.each(CASES)('$what: the hint names it, and an exception for it waives the finding', (entry) => {
    const model = entry.model();
    expect(findingOf(model, entry, [])).toEqual({
      waiverTarget: entry.target,
      waivedBy: undefined,
      identity: undefined,
    });
    expect(findingOf(model, entry, [exception(entry.rule, entry.target)]).waivedBy).toBe('EXC-1');
  });

  it.each(CASES.flatMap((entry) => entry.notTargets.map((target) => ({ ...entry, notTarget: target }))))(
    '$what: an exception for $notTarget waives nothing',
    (entry) => {
      expect(findingOf(entry.model(), entry, [exception(entry.rule, entry.notTarget)]).waivedBy).toBeUndefined();
    },
  );

  it('a CloudFormation managed policy without a name still binds by its stack and logical id', () => {
    const entry = { rule: 'no-wildcard-privilege', resource: 'Admin', detail: 'Action::*' };
    expect(findingOf(cloudFormationPolicy(), entry, []).waiverTarget).toBe('stack:Payments/Admin');
  });

  it('a policy name written as another resource’s location binds nothing: the policy keeps its own location', () => {
    const model = cloudFormationPolicy('stack:Other/Admin');
    const entry = { rule: 'no-wildcard-privilege', resource: 'Admin', detail: 'Action::*' };
    expect(findingOf(model, entry, []).waiverTarget).toBe('stack:Payments/Admin');
    expect(findingOf(model, entry, [exception(entry.rule, 'stack:Other/Admin')]).waivedBy).toBeUndefined();
  });

  it('a Terraform VM whose project is known only at apply has no full name to bind', () => {
    const entry = {
      rule: 'no-wildcard-privilege',
      resource: 'google_compute_instance.batch',
      detail: 'DefaultAccount::compute/every-api',
    };
    expect(findingOf(defaultAccountInstance(), entry, []).waiverTarget).toBeUndefined();
  });

  it('a Terraform node pool whose provider block takes its project from a variable has no full name to bind', () => {
    // The plan lists `var.project_id` as the expression's reference, as it would for "${var.project_id}-dev": the
    // variable's value is not taken for the project.
    const entry = {
      rule: 'no-wildcard-privilege',
      resource: 'google_container_node_pool.pool',
      detail: 'DefaultAccount::compute/every-api',
    };
    const model = providerProjectNodePool({ references: ['var.project_id'] });
    const guessed = 'projects/payments-prod/locations/europe-west1/clusters/primary/nodePools/general';
    expect(findingOf(model, entry, []).waiverTarget).toBeUndefined();
    expect(findingOf(model, entry, [exception(entry.rule, guessed)]).waivedBy).toBeUndefined();
  });

  it('a Terraform policy named only at apply (name_prefix) has nothing to bind, and the hint says so', () => {
    const entry = { rule: 'no-wildcard-privilege', resource: 'aws_iam_policy.admin', detail: 'Action::*' };
    const model = terraformPolicy();
    expect(findingOf(model, entry, []).waiverTarget).toBeUndefined();
    expect(findingOf(model, entry, [exception(entry.rule, 'deploy-*')]).waivedBy).toBeUndefined();
    // The hint speaks of the resource's own name, not of an identity's RoleName or UserName.
    const text = formatText(evaluate(model, { catalog: catalogWith([]), now: NOW }));
    expect(text).toContain(`to waive: ${NO_RESOURCE_WAIVER_TARGET}`);
    expect(text).not.toContain(NO_WAIVER_TARGET);
  });
});
