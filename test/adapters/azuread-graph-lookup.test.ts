/**
 * Microsoft Graph's service principal found with a Terraform data source (`data "azuread_service_principal"` with
 * Graph's published client id), as Terraform configurations for Entra ID usually find it: an app role assignment or a
 * delegated permission grant on it is judged as the same grant on a `use_existing` Graph service principal resource is
 * (same rule ids, details, levels), when the plan read the data source (client id and object id known, in
 * `prior_state`). Fail closed: a data source read only at apply (`resource_changes` action `read`), or one for another
 * API, leaves the grant unseen or pending, saying what could not be seen; a data source is never an identity.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import {
  AZUREAD_WORKLOAD_OBJECT_ID,
  azureadDelegatedGrant,
  azureadWorkload,
  terraformPlan,
  type PlannedResource,
  type PlanOptions,
} from '../terraform/support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const GRAPH = '00000003-0000-0000-c000-000000000000';
/** The object id of Graph's service principal in the made-up tenant. */
const GRAPH_SP = '0d0c0b0a-0000-4000-8000-00000000a9a9';
const RULES = ['no-wildcard-privilege', 'no-unseen-content', 'require-entitlement', 'require-owner'];

const ENTITLED: Catalog = catalog({
  owners: [{ id: 'team-apps' }],
  entitlements: [
    { id: 'graph-sign-in', classes: ['service'], privileged: false, azure: { roles: ['openid', 'User.Read'] } },
  ],
});

function verdicts(model: Model): string[] {
  return evaluate(model, { catalog: ENTITLED, now: NOW })
    .findings.filter((f) => RULES.includes(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.level} ${f.identity ?? '-'} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`,
    )
    .sort();
}

/** A data source as the plan shows it: read at plan (prior_state) or only at apply (resource_changes `read`). */
interface DataSource {
  address: string;
  values: Record<string, unknown>;
  /** Read at apply: the attributes `after_unknown` marks. */
  readAtApply?: Record<string, unknown>;
}

function planWith(
  resources: PlannedResource[],
  data: DataSource[],
  options: PlanOptions = {},
): Record<string, unknown> {
  const plan = terraformPlan(resources, options);
  const root: { resources: unknown[]; child_modules: { address: string; resources: unknown[] }[] } = {
    resources: [],
    child_modules: [],
  };
  for (const source of data) {
    const [, type = '', name = ''] = /(?:^|\.)data\.([^.]+)\.([^.[]+)/.exec(source.address) ?? [];
    const module = /^(module\.[^.]+)\./.exec(source.address)?.[1];
    const base = {
      address: source.address,
      mode: 'data',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/azuread',
    };
    if (source.readAtApply) {
      (plan.resource_changes as unknown[]).push({
        ...base,
        ...(module ? { module_address: module } : {}),
        change: {
          actions: ['read'],
          before: null,
          after: source.values,
          after_unknown: source.readAtApply,
          before_sensitive: false,
          after_sensitive: {},
        },
        action_reason: 'read_because_config_unknown',
      });
      continue;
    }
    const resource = { ...base, schema_version: 0, values: source.values, sensitive_values: {} };
    if (module) {
      let child = root.child_modules.find((candidate) => candidate.address === module);
      if (!child) root.child_modules.push((child = { address: module, resources: [] }));
      child.resources.push(resource);
    } else root.resources.push(resource);
  }
  return {
    ...plan,
    prior_state: { format_version: '1.0', terraform_version: '1.9.5', values: { root_module: root } },
  };
}

const TAGS = ['owner:team-apps', 'identity-class:service', 'entitlements:graph-sign-in'];
const workload = azureadWorkload(TAGS);
const CLIENT = AZUREAD_WORKLOAD_OBJECT_ID;
const LOOKUP = ['data.azuread_service_principal.msgraph.object_id', 'data.azuread_service_principal.msgraph'];

/** Graph's service principal read at plan, as the provider returns it (a few of its app roles and scopes). */
const graphLookup = (address = 'data.azuread_service_principal.msgraph'): DataSource => ({
  address,
  values: {
    id: GRAPH_SP,
    object_id: GRAPH_SP,
    client_id: GRAPH,
    display_name: 'Microsoft Graph',
    app_role_ids: {
      'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
      'RoleManagement.ReadWrite.Directory': '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8',
    },
    oauth2_permission_scope_ids: { 'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
  },
});
/** The same Graph service principal as a `use_existing` resource, the form the adapter recognised before. */
const graphResource: PlannedResource = {
  address: 'azuread_service_principal.msgraph',
  values: { client_id: GRAPH, use_existing: true },
  unknown: { object_id: true, id: true },
};
const RESOURCE = ['azuread_service_principal.msgraph.object_id', 'azuread_service_principal.msgraph'];

/** A delegated grant on `api`: the object id as the plan knows it (a string), or references to where it comes from. */
const grant = (claimValues: string[], api: string | string[], name = 'reports'): PlannedResource =>
  azureadDelegatedGrant(name, claimValues, api);
const assignment = (appRoleId: string, api: string | string[]): PlannedResource => ({
  address: 'azuread_app_role_assignment.reports',
  values: { app_role_id: appRoleId, ...(typeof api === 'string' ? { resource_object_id: api } : {}) },
  unknown: {
    id: true,
    principal_object_id: true,
    ...(typeof api === 'string' ? {} : { resource_object_id: true }),
  },
  references: {
    app_role_id: ['data.azuread_service_principal.msgraph.app_role_ids'],
    principal_object_id: CLIENT,
    ...(typeof api === 'string' ? {} : { resource_object_id: api }),
  },
});
const model = (resources: PlannedResource[], data: DataSource[], options: PlanOptions = {}) =>
  modelFromTerraformPlan(planWith(resources, data, options), { file: 'plan.json' });
/** The same grants on a `use_existing` Graph service principal resource. */
const onResource = (resources: PlannedResource[]) =>
  modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });

describe('Terraform: a grant on Graph’s service principal read by a data source is a Graph grant', () => {
  it('a delegated grant by the object id the plan read: Directory.ReadWrite.All is privileged, as on a use_existing resource', () => {
    const expected = [
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All',
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All@application',
    ];
    expect(
      verdicts(model([...workload, grant(['openid', 'Directory.ReadWrite.All'], GRAPH_SP)], [graphLookup()])),
    ).toEqual(expected);
    expect(
      verdicts(onResource([...workload, graphResource, grant(['openid', 'Directory.ReadWrite.All'], RESOURCE)])),
    ).toEqual(expected);
  });

  it('sign-in scopes within the entitlement pass every rule (unseen content on main)', () => {
    expect(verdicts(model([...workload, grant(['openid', 'User.Read'], GRAPH_SP)], [graphLookup()]))).toEqual([]);
  });

  it('by configuration reference alone (the value known only at apply), the grant is on the data source it names', () => {
    expect(verdicts(model([...workload, grant(['User.Read.All'], LOOKUP)], [graphLookup()]))).toEqual([
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::User.Read.All@application',
    ]);
  });

  it('a data source in a module, matched by the object id it read', () => {
    expect(
      verdicts(
        model(
          [...workload, grant(['Directory.ReadWrite.All'], GRAPH_SP)],
          [graphLookup('module.graph.data.azuread_service_principal.msgraph')],
        ),
      ),
    ).toEqual([
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All',
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All@application',
    ]);
  });

  it('by reference through a module output to the data source the module reads (the value known only at apply)', () => {
    const viaOutput = model(
      [...workload, grant(['Directory.ReadWrite.All'], ['module.graph.object_id', 'module.graph'])],
      [graphLookup('module.graph.data.azuread_service_principal.msgraph')],
      { moduleOutputs: { graph: { object_id: LOOKUP } } },
    );
    expect(verdicts(viaOutput)).toEqual([
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All',
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All@application',
    ]);
  });

  it('an app role assignment with app_role_ids["RoleManagement.ReadWrite.Directory"] names the Graph permission (guard: as on main, by the id alone)', () => {
    const expected = [
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_app_role_assignment.reports Role::RoleManagement.ReadWrite.Directory',
      'require-entitlement mandatory azuread_service_principal.reports azuread_app_role_assignment.reports Role::RoleManagement.ReadWrite.Directory@application',
    ];
    expect(
      verdicts(model([...workload, assignment('9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8', GRAPH_SP)], [graphLookup()])),
    ).toEqual(expected);
  });

  it('an app role id that is no Graph application permission on Graph’s data source is pending, as on the resource (a bare GUID on main)', () => {
    const unknownRole = '11111111-2222-4333-8444-555555555555';
    const onData = verdicts(model([...workload, assignment(unknownRole, GRAPH_SP)], [graphLookup()]));
    expect(onData).toEqual(verdicts(onResource([...workload, graphResource, assignment(unknownRole, RESOURCE)])));
    expect(onData).toEqual([
      'no-wildcard-privilege advisory azuread_service_principal.reports azuread_app_role_assignment.reports Role::unknown pending',
      'require-entitlement advisory azuread_service_principal.reports azuread_app_role_assignment.reports Grant::unknown pending',
    ]);
  });
});

describe('Terraform state (`terraform show -json` of a state): the data sources it holds are read too', () => {
  it('a delegated grant on Graph’s service principal of the state’s data source is a Graph grant', () => {
    const managed = (address: string, values: Record<string, unknown>) => {
      const [type = '', name = ''] = address.split('.');
      return { address, mode: 'managed', type, name, schema_version: 0, values, sensitive_values: {} };
    };
    const lookup = graphLookup();
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [
            managed('azuread_application.reports', { display_name: 'reports', tags: TAGS, client_id: 'c1' }),
            managed('azuread_service_principal.reports', { client_id: 'c1', object_id: 'sp-reports' }),
            managed('azuread_service_principal_delegated_permission_grant.reports', {
              claim_values: ['Directory.ReadWrite.All'],
              service_principal_object_id: 'sp-reports',
              resource_service_principal_object_id: GRAPH_SP,
            }),
            {
              address: lookup.address,
              mode: 'data',
              type: 'azuread_service_principal',
              name: 'msgraph',
              schema_version: 0,
              values: lookup.values,
              sensitive_values: {},
            },
          ],
        },
      },
    };
    expect(verdicts(modelFromTerraformPlan(state, { file: 'state.json' }))).toEqual([
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All',
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All@application',
    ]);
  });
});

describe('Terraform: fail closed on a data source the plan did not read, or one for another API', () => {
  it('read only at apply (object id unknown): unseen content naming Graph’s data source and what is not known', () => {
    const lookup: DataSource = {
      address: 'data.azuread_service_principal.msgraph',
      values: { client_id: GRAPH },
      readAtApply: { id: true, object_id: true, app_role_ids: true, display_name: true },
    };
    expect(verdicts(model([...workload, grant(['openid', 'User.Read'], LOOKUP)], [lookup]))).toEqual([
      "no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal data.azuread_service_principal.msgraph (Microsoft Graph's, its object id known only at apply)",
    ]);
  });

  it('read only at apply with its client id unknown too: the client id is what cannot be seen', () => {
    const lookup: DataSource = {
      address: 'data.azuread_service_principal.msgraph',
      values: {},
      readAtApply: { id: true, object_id: true, client_id: true },
    };
    expect(verdicts(model([...workload, grant(['openid'], LOOKUP)], [lookup]))).toEqual([
      'no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal data.azuread_service_principal.msgraph (its client id known only at apply)',
    ]);
  });

  it('a data source for another API: its scopes are that API’s own, unseen', () => {
    const other: DataSource = {
      address: 'data.azuread_service_principal.msgraph',
      values: { id: GRAPH_SP, object_id: GRAPH_SP, client_id: '00000002-0000-0ff1-ce00-000000000000' },
    };
    expect(verdicts(model([...workload, grant(['Directory.ReadWrite.All'], GRAPH_SP)], [other]))).toEqual([
      'no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal of application 00000002-0000-0ff1-ce00-000000000000 (not Microsoft Graph)',
    ]);
  });

  it('an object id that is not the data source’s stays a service principal outside the change (guard: as on main)', () => {
    const elsewhere = '99999999-0000-4000-8000-000000000001';
    expect(verdicts(model([...workload, grant(['Directory.ReadWrite.All'], elsewhere)], [graphLookup()]))).toEqual([
      `no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal ${elsewhere} (not created by the change)`,
    ]);
  });

  it('a data source is never an identity of the change (guard: no require-owner or require-entitlement on it)', () => {
    const read = model([...workload, grant(['openid'], GRAPH_SP)], [graphLookup()]);
    expect(read.identities.map((identity) => identity.resource.name)).toEqual(['azuread_service_principal.reports']);
    const other = model(
      [...workload],
      [{ address: 'data.azuread_service_principal.other', values: { object_id: GRAPH_SP, client_id: 'abc' } }],
    );
    expect(other.identities.map((identity) => identity.resource.name)).toEqual(['azuread_service_principal.reports']);
  });
});
