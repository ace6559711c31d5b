/**
 * Directory roles and Microsoft Graph permissions named from data (data/entra-directory-roles.json,
 * data/microsoft-graph-permissions.json), in Terraform plans and Pulumi stacks alike:
 *
 * - a directory role assignment names every built-in role by its template id, and is privileged where Microsoft marks
 *   the role so (Security, Intune, Helpdesk, Authentication, Hybrid Identity Administrator…; Exchange Administrator is
 *   named but not marked);
 * - a template id that is neither a built-in role nor a DirectoryRole of the change is a grant that cannot be
 *   verified (pending, naming the id), never a bare GUID that passes;
 * - an app role assignment on Graph's service principal names the Graph application permission; an id Graph does not
 *   have is pending; a delegated scope Graph does not have is pending too.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from '../multicloud/builders.js';
import {
  AZUREAD_WORKLOAD_OBJECT_ID,
  azureadWorkload,
  terraformPlan,
  type PlannedResource,
} from '../terraform/support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const GRAPH = '00000003-0000-0000-c000-000000000000';
const RULES = ['no-wildcard-privilege', 'no-unseen-content', 'require-entitlement'];
const ENTITLED: Catalog = catalog({
  owners: [{ id: 'team-apps' }],
  entitlements: [{ id: 'reader', classes: ['service'], privileged: false, azure: { roles: ['Directory Readers'] } }],
});
const TAGS = ['owner:team-apps', 'identity-class:service', 'entitlements:reader'];

function findings(model: Model) {
  return evaluate(model, { catalog: ENTITLED, now: NOW }).findings.filter((f) => RULES.includes(f.ruleId));
}
/** `rule level resource detail[ pending]`, sorted. */
const verdicts = (model: Model) =>
  findings(model)
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
const messages = (model: Model, rule: string) =>
  findings(model)
    .filter((f) => f.ruleId === rule)
    .map((f) => f.message);

// Template ids from Microsoft's "Microsoft Entra built-in roles" (test/fixtures/entra-directory-roles/).
const SECURITY_ADMINISTRATOR = '194ae4cb-b126-40b2-bd5b-6091b380977d';
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const EXCHANGE_ADMINISTRATOR = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const NO_SUCH_ROLE = '0b5e3d1c-6a7f-4e2b-9c8d-1f2e3a4b5c6d';
// Graph application permission ids (test/fixtures/microsoft-graph-permissions/).
const MAIL_READ = '810c84a8-4a9e-49e6-bf7d-12d183f40d01';
const NO_SUCH_APP_ROLE = '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

// ---------- Terraform ----------

const tfWorkload = azureadWorkload(TAGS);
const SP_REF = AZUREAD_WORKLOAD_OBJECT_ID;
const tfAssignment = (name: string, roleId: string): PlannedResource => ({
  address: `azuread_directory_role_assignment.${name}`,
  values: { role_id: roleId },
  unknown: { id: true, principal_object_id: true },
  references: { principal_object_id: SP_REF },
});
const tfGraph: PlannedResource = {
  address: 'azuread_service_principal.msgraph',
  values: { client_id: GRAPH, use_existing: true },
  unknown: { object_id: true, id: true },
};
const tfAppRole = (name: string, appRoleId: string, resource = 'msgraph'): PlannedResource => ({
  address: `azuread_app_role_assignment.${name}`,
  values: { app_role_id: appRoleId },
  unknown: { id: true, principal_object_id: true, resource_object_id: true },
  references: {
    principal_object_id: SP_REF,
    resource_object_id: [`azuread_service_principal.${resource}.object_id`, `azuread_service_principal.${resource}`],
  },
});
const terraform = (resources: PlannedResource[]) =>
  modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });

describe('Terraform: azuread_directory_role_assignment names every built-in role', () => {
  it('Security Administrator by template id: Microsoft marks it privileged (was a bare GUID that passed)', () => {
    const model = terraform([...tfWorkload, tfAssignment('security', SECURITY_ADMINISTRATOR)]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege mandatory azuread_directory_role_assignment.security Role::Security Administrator',
      'require-entitlement mandatory azuread_directory_role_assignment.security Role::Security Administrator@directory',
    ]);
    expect(messages(model, 'no-wildcard-privilege')).toEqual([
      'azuread_directory_role_assignment.security gives reports the Entra ID directory role Security Administrator, which ' +
        'Microsoft marks privileged: it manages credentials, authentication or authorization across the tenant, or reads ' +
        'its restricted data. A workload needs no directory role; grant the specific Microsoft Graph permission it needs, ' +
        'or keep the role for just-in-time human use (PIM).',
    ]);
  });

  it('Helpdesk Administrator (upper-case id as written) is named and privileged', () => {
    const model = terraform([...tfWorkload, tfAssignment('helpdesk', HELPDESK_ADMINISTRATOR.toUpperCase())]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege mandatory azuread_directory_role_assignment.helpdesk Role::Helpdesk Administrator',
      'require-entitlement mandatory azuread_directory_role_assignment.helpdesk Role::Helpdesk Administrator@directory',
    ]);
  });

  it('Exchange Administrator is named, not marked privileged: only the entitlement speaks', () => {
    const model = terraform([...tfWorkload, tfAssignment('exchange', EXCHANGE_ADMINISTRATOR)]);
    expect(verdicts(model)).toEqual([
      'require-entitlement mandatory azuread_directory_role_assignment.exchange Role::Exchange Administrator@directory',
    ]);
  });

  it('a template id that is no built-in role and no DirectoryRole of the change: pending, naming the id', () => {
    const model = terraform([...tfWorkload, tfAssignment('custom', NO_SUCH_ROLE)]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_directory_role_assignment.custom Role::unknown pending',
      'require-entitlement advisory azuread_directory_role_assignment.custom Grant::unknown pending',
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      `azuread_directory_role_assignment.custom.role_id ${NO_SUCH_ROLE} is neither a built-in directory role template id ` +
        '(data/entra-directory-roles.json, github.com/MicrosoftDocs/entra-docs@',
    );
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      'nor a directory role of the change: the role cannot be named',
    );
  });

  it('the entitled Directory Readers passes every rule', () => {
    const model = terraform([...tfWorkload, tfAssignment('readers', '88d8e3e3-8f55-4a1e-953a-9b9898b8876b')]);
    expect(verdicts(model)).toEqual([]);
  });

  it('a DirectoryRole of the change activated by a template id the data does not know: pending', () => {
    const model = terraform([
      ...tfWorkload,
      {
        address: 'azuread_directory_role.newer',
        values: { template_id: NO_SUCH_ROLE },
        unknown: { object_id: true, id: true, display_name: true },
      },
      {
        address: 'azuread_directory_role_member.reports_newer',
        unknown: { id: true, member_object_id: true, role_object_id: true },
        references: {
          member_object_id: SP_REF,
          role_object_id: ['azuread_directory_role.newer.object_id', 'azuread_directory_role.newer'],
        },
      },
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_directory_role_member.reports_newer Role::unknown pending',
      'require-entitlement advisory azuread_directory_role_member.reports_newer Grant::unknown pending',
    ]);
  });

  it('a DirectoryRole activated by a display name that is no built-in role: pending on no-wildcard-privilege', () => {
    const model = terraform([
      ...tfWorkload,
      {
        address: 'azuread_directory_role.typo',
        values: { display_name: 'Global Adminstrator' },
        unknown: { object_id: true, id: true, template_id: true },
      },
      {
        address: 'azuread_directory_role_member.reports_typo',
        unknown: { id: true, member_object_id: true, role_object_id: true },
        references: {
          member_object_id: SP_REF,
          role_object_id: ['azuread_directory_role.typo.object_id', 'azuread_directory_role.typo'],
        },
      },
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_directory_role_member.reports_typo Role::unknown pending',
      'require-entitlement mandatory azuread_directory_role_member.reports_typo Role::Global Adminstrator@directory',
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      'directory role Global Adminstrator, which is no built-in Entra ID role the data knows',
    );
  });
});

describe('Terraform: azuread_app_role_assignment names every Graph application permission', () => {
  it('Mail.Read on Graph is named (was a bare GUID), not privileged: only the entitlement speaks', () => {
    const model = terraform([...tfWorkload, tfGraph, tfAppRole('mail', MAIL_READ)]);
    expect(verdicts(model)).toEqual([
      'require-entitlement mandatory azuread_app_role_assignment.mail Role::Mail.Read@application',
    ]);
  });

  it('an app role id Graph does not have, on Graph: pending, naming the id', () => {
    const model = terraform([...tfWorkload, tfGraph, tfAppRole('unknown', NO_SUCH_APP_ROLE)]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_app_role_assignment.unknown Role::unknown pending',
      'require-entitlement advisory azuread_app_role_assignment.unknown Grant::unknown pending',
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      `azuread_app_role_assignment.unknown.app_role_id ${NO_SUCH_APP_ROLE} is no Microsoft Graph application permission ` +
        '(data/microsoft-graph-permissions.json, github.com/microsoftgraph/microsoft-graph-devx-content@',
    );
  });

  it("an app role of the change's own API keeps its id (that API's role, not Graph's)", () => {
    const model = terraform([
      ...tfWorkload,
      {
        address: 'azuread_service_principal.api',
        values: { client_id: '6a0b5c1e-0000-4000-8000-00000000a91d', tags: TAGS },
        unknown: { object_id: true, id: true },
      },
      tfAppRole('api', NO_SUCH_APP_ROLE, 'api'),
    ]);
    expect(verdicts(model)).toContain(
      `require-entitlement mandatory azuread_app_role_assignment.api Role::${NO_SUCH_APP_ROLE}@application`,
    );
    expect(verdicts(model).filter((line) => line.includes('pending'))).toEqual([]);
  });

  it('a delegated scope Graph does not have is pending; Graph’s own pass by name', () => {
    const model = terraform([
      ...tfWorkload,
      tfGraph,
      {
        address: 'azuread_service_principal_delegated_permission_grant.reports',
        values: { claim_values: ['Directory.Read.All', 'Frobnicate.All'] },
        unknown: { id: true, service_principal_object_id: true, resource_service_principal_object_id: true },
        references: {
          service_principal_object_id: SP_REF,
          resource_service_principal_object_id: [
            'azuread_service_principal.msgraph.object_id',
            'azuread_service_principal.msgraph',
          ],
        },
      },
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory azuread_service_principal_delegated_permission_grant.reports Role::unknown pending',
      'require-entitlement advisory azuread_service_principal_delegated_permission_grant.reports Grant::unknown pending',
      'require-entitlement mandatory azuread_service_principal_delegated_permission_grant.reports Role::Directory.Read.All@application',
    ]);
    expect(messages(model, 'no-wildcard-privilege')[0]).toContain(
      'claim_values "Frobnicate.All" is no Microsoft Graph delegated permission',
    );
  });
});

// ---------- Pulumi ----------

const APP = 'azuread:index/application:Application';
const SP = 'azuread:index/servicePrincipal:ServicePrincipal';
const ASSIGNMENT = 'azuread:index/directoryRoleAssignment:DirectoryRoleAssignment';
const APP_ROLE = 'azuread:index/appRoleAssignment:AppRoleAssignment';
const SP_URN = pulumiUrn(SP, 'reports');
const pulumiWorkload = [
  pulumiResource(APP, 'reports', { displayName: 'reports', tags: TAGS, clientId: PULUMI_UNKNOWN }),
  pulumiResource(
    SP,
    'reports',
    { clientId: PULUMI_UNKNOWN, objectId: PULUMI_UNKNOWN },
    { clientId: [pulumiUrn(APP, 'reports')] },
  ),
];
const pulumiAssignment = (name: string, roleId: string) =>
  pulumiResource(ASSIGNMENT, name, { roleId, principalObjectId: PULUMI_UNKNOWN }, { principalObjectId: [SP_URN] });

describe('Pulumi: azuread.DirectoryRoleAssignment and AppRoleAssignment, the same judgement', () => {
  it('Intune Administrator by template id is privileged; an unknown template id is pending', () => {
    const model = modelFromPulumiResources([
      ...pulumiWorkload,
      pulumiAssignment('intune', '3a2c62db-5318-420d-8d74-23affee5d9d5'),
      pulumiAssignment('custom', NO_SUCH_ROLE),
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory custom Role::unknown pending',
      'no-wildcard-privilege mandatory intune Role::Intune Administrator',
      'require-entitlement advisory custom Grant::unknown pending',
      'require-entitlement mandatory intune Role::Intune Administrator@directory',
    ]);
  });

  it('an app role id Graph does not have on the Graph service principal is pending; Mail.Read is named', () => {
    const graph = pulumiResource(SP, 'msgraph', { clientId: GRAPH, useExisting: true, objectId: PULUMI_UNKNOWN });
    const appRole = (name: string, appRoleId: string) =>
      pulumiResource(
        APP_ROLE,
        name,
        { appRoleId, principalObjectId: PULUMI_UNKNOWN, resourceObjectId: PULUMI_UNKNOWN },
        { principalObjectId: [SP_URN], resourceObjectId: [pulumiUrn(SP, 'msgraph')] },
      );
    const model = modelFromPulumiResources([
      ...pulumiWorkload,
      graph,
      appRole('mail', MAIL_READ),
      appRole('unknown', NO_SUCH_APP_ROLE),
    ]);
    expect(verdicts(model)).toEqual([
      'no-wildcard-privilege advisory unknown Role::unknown pending',
      'require-entitlement advisory unknown Grant::unknown pending',
      'require-entitlement mandatory mail Role::Mail.Read@application',
    ]);
  });
});
