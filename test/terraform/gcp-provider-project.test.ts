/**
 * A Google resource whose `project` (a VM's `zone`, a function's `region`) the configuration leaves to the provider: the
 * provider creates it in its configuration's project (hashicorp/terraform-provider-google e03b7622,
 * google/tpgresource/field_helpers.go GetProjectFromSchema), which the plan shows only after apply from providers
 * before 5.0, and for google_container_cluster to this day. Where the provider configuration the resource is keyed to
 * (`provider_config_key`, aliases and module provider passing resolved by Terraform since 1.2) writes it as a literal,
 * the workload, custom role or pool provider gets its full name (an exception can bind to it) and a service account
 * its e-mail (a grant naming it by e-mail lands on it). A variable, a reference, an argument left to the provider's
 * environment or a pre-1.2 module key leaves it unknown, as before: no name, never a guessed one.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { isUnknown, type Model } from '../../src/model/model.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** A provider configuration as `configuration.provider_config` holds it. */
interface ProviderBlock {
  name: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: Record<string, unknown>;
}

interface Plan {
  resources: PlannedResource[];
  /** `configuration.provider_config`, by key. */
  providers: Record<string, ProviderBlock>;
  /** Each resource's `provider_config_key`, by its address (`module.app.google_container_node_pool.pool`); default `google`. */
  keys?: Record<string, string>;
  /** The plan's `variables`. */
  variables?: Record<string, { value: unknown }>;
  options?: PlanOptions;
}

const google = (expressions: Record<string, unknown>, extra: Partial<ProviderBlock> = {}): ProviderBlock => ({
  name: 'google',
  full_name: 'registry.terraform.io/hashicorp/google',
  expressions,
  ...extra,
});
const literal = (value: string) => ({ constant_value: value });

/** The plan of `terraformPlan`, with the provider configurations and each configured resource's key into them. */
function plan({ resources, providers, keys = {}, variables, options }: Plan): Record<string, unknown> {
  const json = terraformPlan(resources, options);
  const configuration = json.configuration as { provider_config: unknown; root_module: ConfigModule };
  configuration.provider_config = providers;
  const visit = (module: ConfigModule, prefix: string) => {
    for (const resource of module.resources) {
      const address = `${prefix}${resource.address}`;
      resource.provider_config_key = keys[address] ?? 'google';
    }
    for (const [name, call] of Object.entries(module.module_calls)) visit(call.module, `${prefix}module.${name}.`);
  };
  visit(configuration.root_module, '');
  return variables ? { ...json, variables } : json;
}

interface ConfigModule {
  resources: { address: string; provider_config_key?: string }[];
  module_calls: Record<string, { module: ConfigModule }>;
}

const modelOf = (input: Plan): Model => modelFromTerraformPlan(plan(input), { file: 'plan.json' });

/** `rule level resource detail waiverTarget` of each finding, in the engine's order. */
function findings(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW }).findings.map(
    (f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'} ${f.waiverTarget ?? '-'}`,
  );
}

/** A node pool that leaves its project to the provider and its nodes' account to the API (the default account). */
const nodePool = (
  address = 'google_container_node_pool.pool',
  extra: Partial<PlannedResource> = {},
): PlannedResource => ({
  address,
  values: {
    name: 'general',
    location: 'europe-west1',
    cluster: 'primary',
    node_config: [{ machine_type: 'e2-medium', oauth_scopes: [CLOUD_PLATFORM] }],
  },
  unknown: { id: true, project: true, node_config: [{ service_account: true }] },
  ...extra,
});
const POOL_FINDING = (address: string, target: string) =>
  `no-wildcard-privilege mandatory ${address} DefaultAccount::compute/every-api ${target}`;
const POOL_NAME = (project: string) => `projects/${project}/locations/europe-west1/clusters/primary/nodePools/general`;

describe('a Google workload whose project is left to the provider, in a Terraform plan', () => {
  it('the provider block’s literal project names it', () => {
    const model = modelOf({
      resources: [nodePool()],
      providers: { google: google({ project: literal('payments-prod') }) },
    });
    expect(findings(model)).toEqual([POOL_FINDING('google_container_node_pool.pool', POOL_NAME('payments-prod'))]);
  });

  it('an aliased provider’s (provider = google.west) project, not the default one’s', () => {
    const model = modelOf({
      resources: [nodePool()],
      providers: {
        google: google({ project: literal('payments-prod') }),
        'google.west': google({ project: literal('payments-west') }, { alias: 'west' }),
      },
      keys: { 'google_container_node_pool.pool': 'google.west' },
    });
    expect(findings(model)).toEqual([POOL_FINDING('google_container_node_pool.pool', POOL_NAME('payments-west'))]);
  });

  it('the google-beta provider’s (provider = google-beta) project', () => {
    const model = modelOf({
      resources: [nodePool()],
      providers: {
        google: google({ project: literal('payments-prod') }),
        'google-beta': google(
          { project: literal('payments-beta') },
          { name: 'google-beta', full_name: 'registry.terraform.io/hashicorp/google-beta' },
        ),
      },
      keys: { 'google_container_node_pool.pool': 'google-beta' },
    });
    expect(findings(model)).toEqual([POOL_FINDING('google_container_node_pool.pool', POOL_NAME('payments-beta'))]);
  });

  it('a module’s resource: the configuration it is passed or inherits (Terraform 1.2+ keys it there), or the module’s own block', () => {
    const model = modelOf({
      resources: [
        nodePool('module.passed.google_container_node_pool.pool'),
        nodePool('module.inherited.google_container_node_pool.pool'),
        nodePool('module.own.google_container_node_pool.pool'),
      ],
      providers: {
        google: google({ project: literal('payments-prod') }),
        'google.west': google({ project: literal('payments-west') }, { alias: 'west' }),
        'module.own:google': google({ project: literal('payments-own') }, { module_address: 'module.own' }),
      },
      keys: {
        'module.passed.google_container_node_pool.pool': 'google.west',
        'module.own.google_container_node_pool.pool': 'module.own:google',
      },
    });
    expect(findings(model)).toEqual([
      POOL_FINDING('module.inherited.google_container_node_pool.pool', POOL_NAME('payments-prod')),
      POOL_FINDING('module.own.google_container_node_pool.pool', POOL_NAME('payments-own')),
      POOL_FINDING('module.passed.google_container_node_pool.pool', POOL_NAME('payments-west')),
    ]);
  });

  it('a Compute Engine VM takes the provider’s zone too; a Cloud Functions (1st gen) function its region', () => {
    const model = modelOf({
      resources: [
        {
          address: 'google_compute_instance.batch',
          values: { name: 'batch', machine_type: 'e2-medium', service_account: [{ scopes: [CLOUD_PLATFORM] }] },
          unknown: { id: true, project: true, zone: true, service_account: [{ email: true }] },
        },
        {
          address: 'google_cloudfunctions_function.hook',
          values: { name: 'hook', runtime: 'python312', entry_point: 'main' },
          unknown: { id: true, project: true, region: true, service_account_email: true },
        },
      ],
      providers: {
        google: google({
          project: literal('payments-prod'),
          region: literal('europe-west1'),
          zone: literal('europe-west1-b'),
        }),
      },
    });
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory google_cloudfunctions_function.hook DefaultAccount::app-engine/every-api ' +
        'projects/payments-prod/locations/europe-west1/functions/hook',
      'no-wildcard-privilege mandatory google_compute_instance.batch DefaultAccount::compute/every-api ' +
        'projects/payments-prod/zones/europe-west1-b/instances/batch',
    ]);
  });

  it('the provider’s zone does not name a function’s region: an unwritten region is the environment’s (GOOGLE_REGION) first', () => {
    const model = modelOf({
      resources: [
        {
          address: 'google_cloudfunctions_function.hook',
          values: { name: 'hook', runtime: 'python312', entry_point: 'main' },
          unknown: { id: true, project: true, region: true, service_account_email: true },
        },
      ],
      providers: { google: google({ project: literal('payments-prod'), zone: literal('europe-west1-b') }) },
    });
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory google_cloudfunctions_function.hook DefaultAccount::app-engine/every-api -',
    ]);
  });

  it.each<{ what: string; input: Plan }>([
    {
      what: 'a variable: the plan lists the expression’s references, not the expression (var.p and "${var.p}-dev" read alike)',
      input: {
        resources: [nodePool()],
        providers: { google: google({ project: { references: ['var.project_id'] } }) },
        variables: { project_id: { value: 'payments-prod' } },
      },
    },
    {
      what: 'another resource’s or a data source’s attribute',
      input: {
        resources: [nodePool()],
        providers: {
          google: google({
            project: { references: ['data.google_project.current.project_id', 'data.google_project.current'] },
          }),
        },
      },
    },
    {
      what: 'a provider block without project: the provider reads GOOGLE_PROJECT (or its aliases) from its environment',
      input: { resources: [nodePool()], providers: { google: google({ region: literal('europe-west1') }) } },
    },
    {
      what: 'an empty project, which the provider also replaces from its environment',
      input: { resources: [nodePool()], providers: { google: google({ project: literal('') }) } },
    },
    {
      what: 'a module’s resource in a plan from Terraform before 1.2, whose key (`app:google`) names no configuration',
      input: {
        resources: [nodePool('module.app.google_container_node_pool.pool')],
        providers: { google: google({ project: literal('payments-prod') }) },
        keys: { 'module.app.google_container_node_pool.pool': 'app:google' },
      },
    },
    {
      what: 'a key to another provider’s configuration',
      input: {
        resources: [nodePool()],
        providers: {
          google: {
            name: 'google',
            full_name: 'example.com/acme/google',
            expressions: { project: literal('payments-prod') },
          },
        },
      },
    },
    {
      what: 'a resource that writes its own project from another resource: that project, known only at apply',
      input: {
        resources: [
          nodePool('google_container_node_pool.pool', {
            references: { project: ['google_project.new.project_id', 'google_project.new'] },
          }),
        ],
        providers: { google: google({ project: literal('payments-prod') }) },
      },
    },
  ])('not named when the provider’s project is $what', ({ input }) => {
    const address = input.resources[0]!.address;
    expect(findings(modelOf(input))).toEqual([POOL_FINDING(address, '-')]);
  });
});

describe('a service account, custom role and pool provider whose project is the provider’s', () => {
  const EMAIL = 'deployer@payments-prod.iam.gserviceaccount.com';
  const resources: PlannedResource[] = [
    {
      address: 'google_service_account.deployer',
      values: { account_id: 'deployer', display_name: 'Deployer' },
      unknown: { email: true, id: true, name: true, unique_id: true, member: true, project: true },
    },
    {
      address: 'google_project_iam_member.by_email',
      values: { project: 'payments-prod', role: 'roles/run.developer', member: `serviceAccount:${EMAIL}` },
      unknown: { id: true, etag: true },
    },
    {
      address: 'google_storage_bucket_iam_member.by_email',
      values: { bucket: 'artifacts', role: 'roles/storage.objectViewer', member: `serviceAccount:${EMAIL}` },
      unknown: { id: true, etag: true },
    },
    {
      address: 'google_project_iam_member.by_reference',
      values: { project: 'payments-prod', role: 'roles/logging.logWriter' },
      unknown: { id: true, etag: true, member: true },
      references: { member: ['google_service_account.deployer.email', 'google_service_account.deployer'] },
    },
  ];

  it('the account’s e-mail is known, and a grant naming it by e-mail lands on the same identity as one by reference', () => {
    const model = modelOf({ resources, providers: { google: google({ project: literal('payments-prod') }) } });
    expect(model.identities.map((identity) => [identity.name, identity.arn])).toEqual([['deployer', EMAIL]]);
    const grants = model.identities[0]!.grants.map(
      (grant) => `${grant.source.name} ${grant.kind === 'role' ? String(grant.role) : grant.kind}`,
    );
    expect(grants.sort()).toEqual([
      'google_project_iam_member.by_email roles/run.developer',
      'google_project_iam_member.by_reference roles/logging.logWriter',
      'google_storage_bucket_iam_member.by_email roles/storage.objectViewer',
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('from a variable the e-mail stays unknown: the grants by e-mail are to an account the check cannot tell is this one', () => {
    const model = modelOf({
      resources,
      providers: { google: google({ project: { references: ['var.project_id'] } }) },
      variables: { project_id: { value: 'payments-prod' } },
    });
    expect(isUnknown(model.identities[0]!.arn)).toBe(true);
    expect(model.identities[0]!.grants.map((grant) => grant.source.name)).toEqual([
      'google_project_iam_member.by_reference',
    ]);
    // They are an outside account's of that e-mail (an external identity), judged as such, not this one's.
    const outside = model.identities.filter((identity) => identity.external);
    expect(
      outside.map(
        (identity) => `${String(identity.arn)} ${identity.grants.map((grant) => grant.source.name).join(' ')}`,
      ),
    ).toEqual([`${EMAIL} google_project_iam_member.by_email google_storage_bucket_iam_member.by_email`]);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('a custom role and a workload identity pool provider get their full names', () => {
    const model = modelOf({
      resources: [
        {
          address: 'google_project_iam_custom_role.deployer',
          values: { role_id: 'deployer', title: 'Deployer', permissions: ['resourcemanager.projects.setIamPolicy'] },
          unknown: { id: true, name: true, deleted: true, project: true },
        },
        {
          address: 'google_iam_workload_identity_pool_provider.github',
          values: {
            workload_identity_pool_id: 'github',
            workload_identity_pool_provider_id: 'actions',
            attribute_mapping: { 'google.subject': 'assertion.sub' },
            oidc: [{ issuer_uri: 'https://token.actions.githubusercontent.com', allowed_audiences: [] }],
            attribute_condition: null,
          },
          unknown: { id: true, name: true, state: true, project: true },
        },
      ],
      providers: { google: google({ project: literal('payments-prod') }) },
    });
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_custom_role.deployer Privilege::iam-policy ' +
        'projects/payments-prod/roles/deployer',
      'restrict-trust mandatory google_iam_workload_identity_pool_provider.github Condition::attributeCondition ' +
        'projects/payments-prod/locations/global/workloadIdentityPools/github/providers/actions',
    ]);
  });

  it('a project IAM grant that leaves its project to the provider (optional before provider 4.0) is on that project', () => {
    // Before, the grant's scope was known only at apply: a pending finding instead of roles/owner on the project.
    const member = 'serviceAccount:ci@tools-prod.iam.gserviceaccount.com';
    const model = modelOf({
      resources: [
        {
          address: 'google_project_iam_member.owner',
          values: { role: 'roles/owner', member },
          unknown: { id: true, etag: true, project: true },
        },
      ],
      providers: { google: google({ project: literal('payments-prod') }) },
    });
    // The account is not the change's: an external identity holding the grant.
    expect(
      model.identities.flatMap((identity) =>
        identity.grants.map((grant) => [identity.arn, identity.external, grant.kind === 'role' && grant.scope]),
      ),
    ).toEqual([['ci@tools-prod.iam.gserviceaccount.com', true, 'projects/payments-prod']]);
    expect(findings(model)).toEqual([
      // The account is an identity now, so a catalog exception can name it by its account id.
      'no-wildcard-privilege mandatory google_project_iam_member.owner Role::roles/owner ci',
    ]);
  });
});
