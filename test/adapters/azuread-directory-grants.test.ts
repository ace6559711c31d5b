/**
 * Entra ID grants the azuread provider makes that were once only unseen content, read in Terraform plans and Pulumi
 * stacks alike (the Pulumi azuread provider is bridged from the Terraform one, so both adapters read the same records):
 *
 * - `azuread_directory_role_member` / `azuread.DirectoryRoleMember`: the legacy membership of an activated directory
 *   role, judged as `azuread_directory_role_assignment` is (the role named by the DirectoryRole of the change; one
 *   the change does not activate is a role that cannot be verified, never passed).
 * - `azuread_service_principal_delegated_permission_grant` / `azuread.ServicePrincipalDelegatedPermissionGrant`: on the
 *   Microsoft Graph service principal (client id 00000003-0000-0000-c000-000000000000), each scope is the Graph
 *   permission of that name, privileged as the application permission of that name is; on any other API, or on a
 *   service principal outside the change, the grant stays unseen content that names the API.
 * - `azuread_group_member` / `azuread.GroupMember` stays unseen content: what a group holds is granted anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from '../multicloud/builders.js';
import {
  AZUREAD_WORKLOAD_OBJECT_ID,
  azureadDelegatedGrant,
  azureadWorkload,
  terraformPlan,
  type PlannedResource,
} from '../terraform/support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const GRAPH = '00000003-0000-0000-c000-000000000000';
const RULES = ['no-wildcard-privilege', 'no-unseen-content', 'require-entitlement'];

/** The workload's entitlement: Graph sign-in scopes only. */
const ENTITLED: Catalog = catalog({
  owners: [{ id: 'team-apps' }],
  entitlements: [
    { id: 'graph-sign-in', classes: ['service'], privileged: false, azure: { roles: ['openid', 'User.Read'] } },
  ],
});

/** `rule level identity resource detail[ pending]` of the findings of the rules this file is about. */
function verdicts(model: Model, on: Catalog = ENTITLED): string[] {
  return evaluate(model, { catalog: on, now: NOW })
    .findings.filter((f) => RULES.includes(f.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.level} ${f.identity ?? '-'} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`,
    )
    .sort();
}
function messages(model: Model, rule: string): string[] {
  return evaluate(model, { catalog: ENTITLED, now: NOW })
    .findings.filter((f) => f.ruleId === rule)
    .map((f) => f.message);
}
const terraform = (resources: PlannedResource[]) =>
  modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });

// ---------- Terraform (azuread 2.x and 3.x) ----------

const TAGS = ['owner:team-apps', 'identity-class:service', 'entitlements:graph-sign-in'];
const tfWorkload = azureadWorkload(TAGS);
const tfRole = (name: string, values: Record<string, unknown>): PlannedResource => ({
  address: `azuread_directory_role.${name}`,
  values,
  unknown: { object_id: true, id: true, ...(values.template_id ? {} : { template_id: true }) },
});
const tfMember = (name: string, role: string | string[]): PlannedResource => ({
  address: `azuread_directory_role_member.${name}`,
  values: typeof role === 'string' ? { role_object_id: role } : {},
  unknown: { id: true, member_object_id: true, ...(typeof role === 'string' ? {} : { role_object_id: true }) },
  references: {
    member_object_id: AZUREAD_WORKLOAD_OBJECT_ID,
    ...(typeof role === 'string' ? {} : { role_object_id: role }),
  },
});
/** The Graph service principal as the provider's documentation takes it: the published app id, use_existing. */
const tfGraph: PlannedResource = {
  address: 'azuread_service_principal.msgraph',
  values: { client_id: GRAPH, use_existing: true },
  unknown: { object_id: true, id: true },
};
const tfGrant = (
  name: string,
  claimValues: string[],
  api: string[] | string = ['azuread_service_principal.msgraph.object_id', 'azuread_service_principal.msgraph'],
  extra: Partial<PlannedResource> = {},
): PlannedResource => azureadDelegatedGrant(name, claimValues, api, extra);
const ROLE_OF = (name: string) => [`azuread_directory_role.${name}.object_id`, `azuread_directory_role.${name}`];

describe('Terraform: azuread_directory_role_member is read as a directory role assignment', () => {
  it('membership of Global Administrator (the role activated by display name) is the privileged directory role', () => {
    const model = terraform([
      ...tfWorkload,
      tfRole('global', { display_name: 'Global Administrator' }),
      tfMember('reports_global', ROLE_OF('global')),
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_directory_role_member.reports_global Role::Global Administrator',
      'require-entitlement mandatory azuread_service_principal.reports azuread_directory_role_member.reports_global Role::Global Administrator@directory',
    ]);
    expect(messages(model, 'no-wildcard-privilege')).toEqual([
      'azuread_directory_role_member.reports_global gives reports the Entra ID directory role Global Administrator, which ' +
        'Microsoft marks privileged: it manages credentials, authentication or authorization across the tenant, or reads ' +
        'its restricted data. A workload needs no directory role; grant the specific Microsoft Graph ' +
        'permission it needs, or keep the role for just-in-time human use (PIM).',
    ]);
  });

  it('membership of a role activated by template id is named by that id (Directory Readers: not privileged)', () => {
    const model = terraform([
      ...tfWorkload,
      tfRole('readers', { template_id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b' }),
      tfMember('reports_readers', ROLE_OF('readers')),
    ]);
    expect(verdicts(model)).toEqual([
      'require-entitlement mandatory azuread_service_principal.reports azuread_directory_role_member.reports_readers Role::Directory Readers@directory',
    ]);
  });

  it('a role object id the change does not activate names no role: pending, never passed', () => {
    const model = terraform([...tfWorkload, tfMember('reports_other', '5b0b4bd3-8d4a-4a7e-9e38-1d7c0e2a4f10')]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_service_principal.reports azuread_directory_role_member.reports_other Role::unknown pending',
      'require-entitlement advisory azuread_service_principal.reports azuread_directory_role_member.reports_other Grant::unknown pending',
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      'azuread_directory_role_member.reports_other.role_object_id 5b0b4bd3-8d4a-4a7e-9e38-1d7c0e2a4f10 is a directory role the change does not activate',
    );
  });
});

describe('Terraform: azuread_service_principal_delegated_permission_grant', () => {
  it('Graph scopes are the Graph permissions of the same name: Directory.ReadWrite.All for every user is privileged', () => {
    const model = terraform([...tfWorkload, tfGraph, tfGrant('reports', ['openid', 'Directory.ReadWrite.All'])]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All',
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::Directory.ReadWrite.All@application',
    ]);
    expect(messages(model, 'no-wildcard-privilege')).toEqual([
      'azuread_service_principal_delegated_permission_grant.reports grants reports the Microsoft Graph delegated permission ' +
        'Directory.ReadWrite.All on behalf of every user of the tenant (admin consent): acting as such a user when one signs ' +
        'in to it, the application can grant roles or add credentials to applications as far as that user may, to every ' +
        'identity of the tenant for an administrator. Grant a narrower scope (User.Read, Application.ReadWrite.OwnedBy for an ' +
        'application permission), or consent for the users who need it only.',
    ]);
  });

  it('sign-in scopes within the entitlement pass every rule', () => {
    const model = terraform([...tfWorkload, tfGraph, tfGrant('reports', ['openid', 'User.Read'])]);
    expect(verdicts(model)).toEqual([]);
  });

  it('a grant for one user names the user', () => {
    const model = terraform([
      ...tfWorkload,
      tfGraph,
      tfGrant('reports', ['RoleManagement.ReadWrite.Directory'], undefined, {
        values: {
          claim_values: ['RoleManagement.ReadWrite.Directory'],
          user_object_id: '00000000-0000-0000-0000-0000000000ad',
        },
      }),
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      'the Microsoft Graph delegated permission RoleManagement.ReadWrite.Directory on behalf of the user ' +
        '00000000-0000-0000-0000-0000000000ad:',
    );
  });

  it('a scope beyond the entitlement that is not privileged is a require-entitlement finding only', () => {
    const model = terraform([...tfWorkload, tfGraph, tfGrant('reports', ['openid', 'User.Read.All'])]);
    expect(verdicts(model)).toEqual([
      'require-entitlement mandatory azuread_service_principal.reports azuread_service_principal_delegated_permission_grant.reports Role::User.Read.All@application',
    ]);
  });

  it("on the change's own API (not Graph) the scopes are that API's: unseen content naming the API", () => {
    const model = terraform([
      ...tfWorkload,
      {
        address: 'azuread_service_principal.api',
        values: { client_id: '6a0b5c1e-0000-4000-8000-00000000a91d', tags: TAGS },
        unknown: { object_id: true, id: true },
      },
      tfGrant(
        'reports',
        ['user_impersonation'],
        ['azuread_service_principal.api.object_id', 'azuread_service_principal.api'],
      ),
    ]);
    expect(verdicts(model)).toEqual([
      'no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal of application 6a0b5c1e-0000-4000-8000-00000000a91d (not Microsoft Graph)',
    ]);
    expect(messages(model, 'no-unseen-content')[0]).toMatch(
      /^azuread_service_principal_delegated_permission_grant\.reports grants delegated permissions \(user_impersonation\) on the API of service principal of application 6a0b5c1e-0000-4000-8000-00000000a91d \(not Microsoft Graph\): /,
    );
  });

  it('on a service principal outside the change: unseen content, whatever the scopes are called', () => {
    const model = terraform([
      ...tfWorkload,
      tfGrant('reports', ['Directory.ReadWrite.All'], '22222222-2222-2222-2222-222222222222'),
    ]);
    expect(verdicts(model)).toEqual([
      'no-unseen-content mandatory - azuread_service_principal_delegated_permission_grant.reports Unseen::service principal 22222222-2222-2222-2222-222222222222 (not created by the change)',
    ]);
  });

  it('a group membership stays unseen content', () => {
    const model = terraform([
      ...tfWorkload,
      {
        address: 'azuread_group.admins',
        values: { display_name: 'admins', security_enabled: true },
        unknown: { object_id: true },
      },
      {
        address: 'azuread_group_member.reports',
        unknown: { id: true, group_object_id: true, member_object_id: true },
        references: {
          group_object_id: ['azuread_group.admins.object_id', 'azuread_group.admins'],
          member_object_id: AZUREAD_WORKLOAD_OBJECT_ID,
        },
      },
    ]);
    expect(verdicts(model)).toEqual([
      'no-unseen-content advisory - azuread_group_member.reports Unseen::azuread_group_member pending',
    ]);
  });
});

// ---------- Pulumi (@pulumi/azuread) ----------

const APP = 'azuread:index/application:Application';
const SP = 'azuread:index/servicePrincipal:ServicePrincipal';
const ROLE = 'azuread:index/directoryRole:DirectoryRole';
const MEMBER = 'azuread:index/directoryRoleMember:DirectoryRoleMember';
const GRANT = 'azuread:index/servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant';
const SP_URN = pulumiUrn(SP, 'reports');
/** As `pulumi preview` sends them: ids not known until apply, followed through property dependencies. */
const pulumiWorkload: PulumiResource[] = [
  pulumiResource(APP, 'reports', { displayName: 'reports', tags: TAGS, clientId: PULUMI_UNKNOWN }),
  pulumiResource(
    SP,
    'reports',
    { clientId: PULUMI_UNKNOWN, objectId: PULUMI_UNKNOWN },
    { clientId: [pulumiUrn(APP, 'reports')] },
  ),
];
const pulumiGraph = pulumiResource(SP, 'msgraph', { clientId: GRAPH, useExisting: true, objectId: PULUMI_UNKNOWN });
const pulumiGrant = (name: string, props: Record<string, unknown>, api = pulumiUrn(SP, 'msgraph')) =>
  pulumiResource(
    GRANT,
    name,
    { servicePrincipalObjectId: PULUMI_UNKNOWN, resourceServicePrincipalObjectId: PULUMI_UNKNOWN, ...props },
    { servicePrincipalObjectId: [SP_URN], resourceServicePrincipalObjectId: [api] },
  );
const pulumi = (resources: PulumiResource[]) => modelFromPulumiResources(resources);

describe('Pulumi: azuread.DirectoryRoleMember and ServicePrincipalDelegatedPermissionGrant', () => {
  it('a DirectoryRoleMember of Privileged Role Administrator is that directory role', () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiResource(ROLE, 'pra', { displayName: 'Privileged Role Administrator', objectId: PULUMI_UNKNOWN }),
      pulumiResource(
        MEMBER,
        'reports-pra',
        { roleObjectId: PULUMI_UNKNOWN, memberObjectId: PULUMI_UNKNOWN },
        { roleObjectId: [pulumiUrn(ROLE, 'pra')], memberObjectId: [SP_URN] },
      ),
    ]);
    expect(verdicts(model)).toEqual([
      `no-wildcard-privilege mandatory ${SP_URN} reports-pra Role::Privileged Role Administrator`,
      `require-entitlement mandatory ${SP_URN} reports-pra Role::Privileged Role Administrator@directory`,
    ]);
  });

  it('Graph delegated scopes: AppRoleAssignment.ReadWrite.All is privileged, openid is entitled', () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiGraph,
      pulumiGrant('reports-graph', { claimValues: ['openid', 'AppRoleAssignment.ReadWrite.All'] }),
    ]);
    expect(verdicts(model)).toEqual([
      `no-wildcard-privilege mandatory ${SP_URN} reports-graph Role::AppRoleAssignment.ReadWrite.All`,
      `require-entitlement mandatory ${SP_URN} reports-graph Role::AppRoleAssignment.ReadWrite.All@application`,
    ]);
  });

  it('@pulumi/azuread 5.x names the Graph client id `applicationId`: the same judgement', () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiResource(SP, 'msgraph', { applicationId: GRAPH, useExisting: true, objectId: PULUMI_UNKNOWN }),
      pulumiGrant('reports-v5', { claimValues: ['openid', 'Application.ReadWrite.All'] }),
    ]);
    expect(verdicts(model)).toEqual([
      `no-wildcard-privilege mandatory ${SP_URN} reports-v5 Role::Application.ReadWrite.All`,
      `require-entitlement mandatory ${SP_URN} reports-v5 Role::Application.ReadWrite.All@application`,
    ]);
  });

  it('scopes known only at apply are a grant that cannot be verified until then', () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiGraph,
      pulumiGrant('reports-later', { claimValues: PULUMI_UNKNOWN }),
    ]);
    expect(verdicts(model)).toEqual([
      `no-wildcard-privilege advisory ${SP_URN} reports-later Role::unknown pending`,
      `require-entitlement advisory ${SP_URN} reports-later Grant::unknown pending`,
    ]);
  });

  it("a grant on another API of the change is unseen content (Pulumi's is not pending either)", () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiResource(SP, 'api', {
        clientId: '6a0b5c1e-0000-4000-8000-00000000a91d',
        objectId: PULUMI_UNKNOWN,
        tags: TAGS,
      }),
      pulumiGrant('reports-api', { claimValues: ['user_impersonation'] }, pulumiUrn(SP, 'api')),
    ]);
    expect(verdicts(model)).toEqual([
      'no-unseen-content mandatory - reports-api Unseen::service principal of application 6a0b5c1e-0000-4000-8000-00000000a91d (not Microsoft Graph)',
    ]);
  });

  it('a GroupMember stays unseen content', () => {
    const model = pulumi([
      ...pulumiWorkload,
      pulumiResource('azuread:index/groupMember:GroupMember', 'reports-admins', {
        groupObjectId: '00000000-0000-0000-0000-00000000beef',
        memberObjectId: PULUMI_UNKNOWN,
      }),
    ]);
    expect(verdicts(model)).toEqual([
      'no-unseen-content mandatory - reports-admins Unseen::azuread:index/groupMember:GroupMember',
    ]);
  });
});
