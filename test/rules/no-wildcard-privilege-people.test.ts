/**
 * People's role grants (Azure users and groups, Google users, groups, domains and workforce principals): a privileged
 * role, by the verdict any principal gets at that scope, held by people is standing privilege unless the grant is
 * temporary (an IAM condition whose end is read from it, src/iam/gcp/conditions.ts) or the catalog lists the role for
 * class human in an entitlement with an approval. Until session 48 every such grant was passed as "held to the human
 * rules", which no rule judged: roles/owner for domain:example.com on a project passed with the default catalog.
 */
import { DEFAULT_CLASSES } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { unknownValue, type ExternalRoleGrant, type PimSchedule, type RoleGrant } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { azureRole, directoryRole, gcpRole } from '../multicloud/builders.js';
import { catalog, model } from '../support/builders.js';
import { ruleTester, type InvalidCase, type TestCase } from '../support/rule-tester.js';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const MG = '/providers/Microsoft.Management/managementGroups/example-co';
const ALICE = 'User:7f3c1c52-0000-4000-8000-000000000001';
const ADMINS = 'Group:7f3c1c52-0000-4000-8000-000000000002';
const PROJECT = 'projects/example-co-sandbox';
const UNTIL_MARCH = 'request.time < timestamp("2027-03-01T00:00:00Z")';
const approval = { by: ['team-platform'], maxDurationSeconds: 4 * 3600 };

/** A grant with a Google Cloud IAM condition as the adapter reads it (src/adapters/pulumi/gcp.ts conditionOf). */
const conditional = (grant: RoleGrant, expression: string, ends?: string): RoleGrant => ({
  ...grant,
  condition: `temporary: ${expression}`,
  ...(ends !== undefined ? { conditionEnds: ends } : {}),
});
const people = (...grants: [string, RoleGrant][]) =>
  model({ externalRoleGrants: grants.map(([member, grant]): ExternalRoleGrant => ({ member, grant })) });
/** A grant made through Azure PIM as the adapter reads it (src/adapters/pulumi/azure-pim.ts). */
const pim = (grant: RoleGrant, schedule: PimSchedule): RoleGrant => ({ ...grant, pim: schedule });
const UNTYPED = 'Principal:7f3c1c52-0000-4000-8000-000000000003';
const HOUR = 3_600;
const humanEntitlement = (cloud: 'azure' | 'gcp', roles: string[], extra: Record<string, unknown> = {}): Catalog =>
  catalog({
    entitlements: [
      { id: 'people-admin', classes: ['human'], privileged: true, [cloud]: { roles, ...extra }, approval },
    ],
  });

const valid: TestCase[] = [
  {
    name: 'GCP: roles/owner for a domain, a user and a group, each bound until a time the condition states (temporary access), in either order of the comparison',
    model: people(
      [
        'domain:example.com',
        conditional(
          gcpRole('domain-owner', 'roles/owner', PROJECT, 'project'),
          UNTIL_MARCH,
          '2027-03-01T00:00:00.000Z',
        ),
      ],
      [
        'user:alice@example.com',
        conditional(
          gcpRole('alice-token', 'roles/iam.serviceAccountTokenCreator', 'folders/1234', 'folder'),
          `resource.name.startsWith("projects/example-co-sandbox") && timestamp("2027-01-15T00:00:00Z") > request.time`,
          '2027-01-15T00:00:00.000Z',
        ),
      ],
      [
        'group:ops@example.com',
        conditional(gcpRole('ops-editor', 'roles/editor', PROJECT, 'project'), UNTIL_MARCH, '2027-03-01T00:00:00.000Z'),
      ],
    ),
  },
  {
    name: 'GCP: roles/owner for a user whose condition ended it before now grants nothing',
    model: people([
      'user:alice@example.com',
      conditional(
        gcpRole('alice-ended', 'roles/owner', PROJECT, 'project'),
        'request.time < timestamp("2026-01-01T00:00:00Z")',
        '2026-01-01T00:00:00.000Z',
      ),
    ]),
  },
  {
    name: 'Azure and GCP: roles people hold that are not privileged at that scope (Reader on the subscription, roles/viewer on the project, Owner of one resource group)',
    model: people(
      [ALICE, azureRole('alice-reader', 'Reader', SUB, 'subscription')],
      ['group:ops@example.com', gcpRole('ops-viewer', 'roles/viewer', PROJECT, 'project')],
      [ADMINS, azureRole('admins-rg-owner', 'Owner', `${SUB}/resourceGroups/sandbox`, 'resource-group')],
    ),
  },
  {
    name: "Azure: Owner and User Access Administrator for a group, which the catalog's entitlement for class human lists with an approval on the subscriptions",
    catalog: humanEntitlement('azure', ['owner', 'UserAccessAdministrator'], { scopes: ['/subscriptions/*'] }),
    model: people(
      [ADMINS, azureRole('admins-owner', 'Owner', SUB, 'subscription')],
      [ADMINS, azureRole('admins-uaa', 'User Access Administrator', SUB, 'subscription')],
    ),
  },
  {
    name: "GCP: roles/owner for a domain on a project known only at apply, which the catalog's entitlement for class human lists on every scope",
    catalog: humanEntitlement('gcp', ['roles/owner']),
    model: people([
      'domain:example.com',
      {
        ...gcpRole('late-owner', 'roles/owner', 'projects/x', 'project'),
        scope: unknownValue('late-owner.project is not known until apply'),
      },
    ]),
  },
  {
    name: 'GCP and Azure: a role people hold on a scope known only at apply that no broad scope makes privileged: nothing to wait for',
    model: people(
      [
        'user:alice@example.com',
        {
          ...gcpRole('late-viewer', 'roles/viewer', 'projects/x', 'project'),
          scope: unknownValue('late-viewer.project is not known until apply'),
        },
      ],
      [
        ADMINS,
        {
          ...azureRole('late-reader', 'Reader', SUB, 'subscription'),
          scope: unknownValue('late-reader.scope is not known until apply'),
        },
      ],
    ),
  },
  {
    name: 'Azure PIM: Owner and User Access Administrator eligible for a group, a user and a principal of no type (PIM takes none), permanent, with an end, or with an end known only at apply: held only once activated, just in time',
    model: people(
      [
        ADMINS,
        pim(azureRole('admins-owner-eligible', 'Owner', SUB, 'subscription'), {
          assignment: 'eligible',
          permanent: true,
        }),
      ],
      [
        ALICE,
        pim(azureRole('alice-uaa-eligible', 'User Access Administrator', MG, 'management-group'), {
          assignment: 'eligible',
          ends: '2027-11-26T12:00:00.000Z',
          lastsSeconds: 365 * 24 * HOUR,
        }),
      ],
      [
        UNTYPED,
        pim(azureRole('ops-owner-eligible', 'Owner', SUB, 'subscription'), {
          assignment: 'eligible',
          unreadable: {
            what: 'ops-owner-eligible.schedule.expiration.end_date_time is not known until apply',
            pending: true,
          },
        }),
      ],
    ),
  },
  {
    name: 'Azure PIM: Owner active for a group for 8 hours, and one whose end is 4 hours from now: temporary within the 12h session of class human',
    model: people(
      [
        ADMINS,
        pim(azureRole('admins-owner-8h', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          lastsSeconds: 8 * HOUR,
        }),
      ],
      [
        ALICE,
        pim(azureRole('alice-owner-4h', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          ends: '2026-11-26T16:00:00.000Z',
        }),
      ],
    ),
  },
  {
    name: 'Azure PIM: an active assignment whose schedule ended before now grants nothing, to people or not',
    model: people([
      UNTYPED,
      pim(azureRole('ended-owner', 'Owner', SUB, 'subscription'), {
        assignment: 'active',
        ends: '2026-01-01T00:00:00.000Z',
        lastsSeconds: 30 * 24 * HOUR,
      }),
    ]),
  },
  {
    name: "Azure PIM: a permanent active Owner for a group that the catalog's entitlement for class human lists with an approval",
    catalog: humanEntitlement('azure', ['Owner']),
    model: people([
      ADMINS,
      pim(azureRole('admins-owner-active', 'Owner', SUB, 'subscription'), { assignment: 'active', permanent: true }),
    ]),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'GCP: roles/owner for domain:example.com on a project passes no more: standing privilege held by people (allAuthenticatedUsers stays public)',
    model: people(
      ['domain:example.com', gcpRole('domain-owner', 'roles/owner', PROJECT, 'project')],
      ['allAuthenticatedUsers', gcpRole('everyone-viewer', 'roles/viewer', PROJECT, 'project')],
    ),
    findings: [
      {
        resource: 'domain-owner',
        detail: 'Role::roles/owner/Member::domain:example.com',
        message:
          'domain-owner gives domain:example.com roles/owner on projects/example-co-sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'everyone-viewer',
        detail: 'Member::allAuthenticatedUsers',
        message:
          'everyone-viewer grants roles/viewer on projects/example-co-sandbox to allAuthenticatedUsers: anyone with a Google account, in any organization. Remove the public member and grant the role to the service accounts or groups that need it.',
      },
    ],
  },
  {
    name: 'Azure: Owner on the subscription and User Access Administrator on the management group for a group, Global Administrator for a user',
    model: people(
      [ADMINS, azureRole('admins-owner', 'Owner', SUB, 'subscription')],
      [ADMINS, azureRole('admins-uaa', 'User Access Administrator', MG, 'management-group')],
      [ALICE, directoryRole('alice-ga', 'Global Administrator')],
    ),
    findings: [
      {
        resource: 'admins-owner',
        detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-owner gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'admins-uaa',
        detail: 'Role::User Access Administrator/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-uaa gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role User Access Administrator at management-group scope /providers/Microsoft.Management/managementGroups/example-co, which writes role assignments or definitions, so it can grant any role to anyone, itself included ("Microsoft.Authorization/*"): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list User Access Administrator for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-ga',
        detail: 'Role::Global Administrator/Member::User:7f3c1c52-0000-4000-8000-000000000001',
        message:
          'alice-ga gives User:7f3c1c52-0000-4000-8000-000000000001 the Entra ID directory role Global Administrator, which Microsoft marks privileged (it manages credentials, authentication or authorization across the tenant, or reads its restricted data): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the directory role eligible through Privileged Identity Management, with an end, instead of assigned, or list Global Administrator for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
    ],
  },
  {
    name: 'GCP: token creator on a folder for a group, project IAM admin for a user, a workforce pool principal set with editor',
    model: people(
      ['group:ops@example.com', gcpRole('ops-token', 'roles/iam.serviceAccountTokenCreator', 'folders/1234', 'folder')],
      ['user:alice@example.com', gcpRole('alice-iam', 'roles/resourcemanager.projectIamAdmin', PROJECT, 'project')],
      [
        'principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/admins',
        gcpRole('staff-editor', 'roles/editor', 'organizations/123456789012', 'organization'),
      ],
    ),
    findings: [
      {
        resource: 'alice-iam',
        detail: 'Role::roles/resourcemanager.projectIamAdmin/Member::user:alice@example.com',
        message:
          'alice-iam gives user:alice@example.com roles/resourcemanager.projectIamAdmin on projects/example-co-sandbox, which holds resourcemanager.projects.setIamPolicy (it rewrites the IAM policy of the project, folder or organization, so it can grant itself any role): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/resourcemanager.projectIamAdmin for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'ops-token',
        detail: 'Role::roles/iam.serviceAccountTokenCreator/Member::group:ops@example.com',
        message:
          'ops-token gives group:ops@example.com roles/iam.serviceAccountTokenCreator on folders/1234, which holds iam.serviceAccounts.getAccessToken, iam.serviceAccounts.getOpenIdToken, iam.serviceAccounts.implicitDelegation, iam.serviceAccounts.signBlob, iam.serviceAccounts.signJwt (it acts as, mints tokens or keys for, or grants access to every service account in reach): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/iam.serviceAccountTokenCreator for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'staff-editor',
        detail:
          'Role::roles/editor/Member::principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/admins',
        message:
          'staff-editor gives principalSet://iam.googleapis.com/locations/global/workforcePools/staff/group/admins roles/editor on organizations/123456789012, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/editor for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
    ],
  },
  {
    name: 'GCP: a condition that bounds the time but may hold otherwise (||), and one that bounds no time, are said and not passed; one known only at apply is pending',
    model: people(
      [
        'user:alice@example.com',
        conditional(
          gcpRole('alice-either', 'roles/editor', PROJECT, 'project'),
          `${UNTIL_MARCH} || resource.name.startsWith("projects/")`,
        ),
      ],
      [
        'user:alice@example.com',
        conditional(
          gcpRole('alice-buckets', 'roles/owner', PROJECT, 'project'),
          'resource.name.startsWith("projects/_/buckets/logs")',
        ),
      ],
      [
        'user:alice@example.com',
        {
          ...gcpRole('alice-late', 'roles/owner', PROJECT, 'project'),
          condition: unknownValue('alice-late.condition is not known until apply'),
        },
      ],
    ),
    findings: [
      {
        resource: 'alice-buckets',
        detail: 'Role::roles/owner/Member::user:alice@example.com',
        message:
          'alice-buckets gives user:alice@example.com (under IAM condition "temporary: resource.name.startsWith("projects/_/buckets/logs")") roles/owner on projects/example-co-sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant (its IAM condition sets no end this check reads: only request.time < timestamp(…) comparisons joined by && are read) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-either',
        detail: 'Role::roles/editor/Member::user:alice@example.com',
        message:
          'alice-either gives user:alice@example.com (under IAM condition "temporary: request.time < timestamp("2027-03-01T00:00:00Z") || resource.name.startsWith("projects/")") roles/editor on projects/example-co-sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant (its IAM condition sets no end this check reads: only request.time < timestamp(…) comparisons joined by && are read) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/editor for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-late',
        detail: 'Role::unknown',
        message:
          'alice-late grants user:alice@example.com (under IAM condition <alice-late.condition is not known until apply>) a role that cannot be verified until apply: whether the IAM condition of roles/owner ends it: alice-late.condition is not known until apply.',
        pending: true,
      },
    ],
  },
  {
    name: "the catalog's entitlement does not accept it: listed for class human without an approval, on other scopes, or for services only",
    catalog: catalog({
      entitlements: [
        { id: 'sandbox-admin', classes: ['human'], privileged: true, gcp: { roles: ['roles/owner'] } },
        {
          id: 'prod-owner',
          classes: ['human'],
          privileged: true,
          azure: { roles: ['Owner'], scopes: ['/subscriptions/prod-*'] },
          approval,
        },
        { id: 'deployer', classes: ['service'], privileged: true, gcp: { roles: ['roles/editor'] }, approval },
      ],
    }),
    model: people(
      ['user:alice@example.com', gcpRole('alice-owner', 'roles/owner', PROJECT, 'project')],
      [ADMINS, azureRole('admins-owner', 'Owner', SUB, 'subscription')],
      ['group:ops@example.com', gcpRole('ops-editor', 'roles/editor', PROJECT, 'project')],
    ),
    findings: [
      {
        resource: 'admins-owner',
        detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-owner gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-owner',
        detail: 'Role::roles/owner/Member::user:alice@example.com',
        message:
          'alice-owner gives user:alice@example.com roles/owner on projects/example-co-sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval (entitlement sandbox-admin lists it for class human but sets no approval). Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'ops-editor',
        detail: 'Role::roles/editor/Member::group:ops@example.com',
        message:
          'ops-editor gives group:ops@example.com roles/editor on projects/example-co-sandbox, which holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access), or list roles/editor for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
    ],
  },
  {
    name: "the catalog's privilegedActions name a role for a person: said as standing privilege held by people",
    catalog: catalog({
      privilegedActions: [{ id: 'web-admin', category: 'data-exfiltration', azure: ['Website Contributor'] }],
    }),
    model: people([ALICE, azureRole('alice-web', 'Website Contributor', SUB, 'subscription')]),
    findings: [
      {
        resource: 'alice-web',
        detail: 'Role::Website Contributor/Member::User:7f3c1c52-0000-4000-8000-000000000001',
        message:
          'alice-web gives User:7f3c1c52-0000-4000-8000-000000000001 Website Contributor on /subscriptions/00000000-0000-0000-0000-000000000001, which the catalog lists as privileged (web-admin): standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or list Website Contributor for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
    ],
  },
  {
    name: "a person's privileged role on a scope known only at apply is pending, unless an entitlement for every scope accepts it; one for some scopes cannot say yet",
    catalog: humanEntitlement('gcp', ['roles/owner'], { scopes: ['projects/example-co-*'] }),
    model: people(
      [
        'user:alice@example.com',
        {
          ...gcpRole('late-owner', 'roles/owner', 'projects/x', 'project'),
          scope: unknownValue('late-owner.project is not known until apply'),
        },
      ],
      [
        ADMINS,
        {
          ...azureRole('admins-late-owner', 'Owner', SUB, 'subscription'),
          scope: unknownValue('admins-late-owner.scope is not known until apply'),
        },
      ],
    ),
    findings: [
      {
        resource: 'admins-late-owner',
        detail: 'Role::unknown',
        message:
          'admins-late-owner grants Group:7f3c1c52-0000-4000-8000-000000000002 a role that cannot be verified until apply: scope of Owner: admins-late-owner.scope is not known until apply.',
        pending: true,
      },
      {
        resource: 'late-owner',
        detail: 'Role::unknown',
        message:
          'late-owner grants user:alice@example.com a role that cannot be verified until apply: scope of roles/owner: late-owner.project is not known until apply.',
        pending: true,
      },
    ],
  },
  {
    name: 'Azure PIM: active assignments to people that never end, last beyond the 12h session of class human (2099 included), or end as written in a form not read, are standing privilege; one known only at apply is pending',
    model: people(
      [
        ADMINS,
        pim(azureRole('admins-owner-active', 'Owner', SUB, 'subscription'), { assignment: 'active', permanent: true }),
      ],
      [
        ALICE,
        pim(azureRole('alice-uaa-30d', 'User Access Administrator', MG, 'management-group'), {
          assignment: 'active',
          lastsSeconds: 30 * 24 * HOUR,
        }),
      ],
      [
        ALICE,
        pim(azureRole('alice-owner-2099', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          ends: '2099-01-01T00:00:00.000Z',
        }),
      ],
      [
        ADMINS,
        pim(azureRole('admins-owner-p1h', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          unreadable: {
            what: 'admins-owner-p1h.scheduleInfo.expiration.duration "P1H" is no ISO 8601 duration (one hour is PT1H, one day P1D)',
            pending: false,
          },
        }),
      ],
      [
        ADMINS,
        pim(azureRole('admins-owner-late', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          unreadable: {
            what: 'admins-owner-late.schedule.expiration.end_date_time is not known until apply',
            pending: true,
          },
        }),
      ],
    ),
    findings: [
      {
        resource: 'admins-owner-active',
        detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-owner-active gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant (it is an active Privileged Identity Management assignment whose schedule sets no expiration, so it never ends) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the assignment eligible instead of active, so that it is held only once activated, or end the active one, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'admins-owner-late',
        detail: 'Role::unknown',
        message:
          'admins-owner-late grants Group:7f3c1c52-0000-4000-8000-000000000002 a role that cannot be verified until apply: whether the PIM schedule of Owner ends it: admins-owner-late.schedule.expiration.end_date_time is not known until apply.',
        pending: true,
      },
      {
        resource: 'admins-owner-p1h',
        detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-owner-p1h gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant (it is an active Privileged Identity Management assignment, but the end of its schedule cannot be read: admins-owner-p1h.scheduleInfo.expiration.duration "P1H" is no ISO 8601 duration (one hour is PT1H, one day P1D)) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the assignment eligible instead of active, so that it is held only once activated, or end the active one, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-owner-2099',
        detail: 'Role::Owner/Member::User:7f3c1c52-0000-4000-8000-000000000001',
        message:
          'alice-owner-2099 gives User:7f3c1c52-0000-4000-8000-000000000001 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant within 12h, the longest session of class human (classes.human.maxSessionDuration; it is an active Privileged Identity Management assignment that lasts 26333d12h) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the assignment eligible instead of active, so that it is held only once activated, or end the active one within 12h, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'alice-uaa-30d',
        detail: 'Role::User Access Administrator/Member::User:7f3c1c52-0000-4000-8000-000000000001',
        message:
          'alice-uaa-30d gives User:7f3c1c52-0000-4000-8000-000000000001 the built-in role User Access Administrator at management-group scope /providers/Microsoft.Management/managementGroups/example-co, which writes role assignments or definitions, so it can grant any role to anyone, itself included ("Microsoft.Authorization/*"): standing privilege held by people, as nothing in the change ends the grant within 12h, the longest session of class human (classes.human.maxSessionDuration; it is an active Privileged Identity Management assignment that lasts 30d) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the assignment eligible instead of active, so that it is held only once activated, or end the active one within 12h, or list User Access Administrator for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
    ],
  },
  {
    name: 'Azure PIM: a principal of no type holding Owner active with an end is judged as any principal (it may be a service principal); a class human session of 7 days lets a 30-day active assignment to a group pass',
    catalog: catalog({
      classes: { ...DEFAULT_CLASSES, human: { ...DEFAULT_CLASSES.human, maxSessionSeconds: 7 * 24 * HOUR } },
    }),
    model: people(
      [
        UNTYPED,
        pim(azureRole('ops-owner-active', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          lastsSeconds: 8 * HOUR,
        }),
      ],
      [
        ADMINS,
        pim(azureRole('admins-owner-7d', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          lastsSeconds: 7 * 24 * HOUR,
        }),
      ],
      [
        ADMINS,
        pim(azureRole('admins-owner-30d', 'Owner', SUB, 'subscription'), {
          assignment: 'active',
          lastsSeconds: 30 * 24 * HOUR,
        }),
      ],
    ),
    findings: [
      {
        resource: 'admins-owner-30d',
        detail: 'Role::Owner/Member::Group:7f3c1c52-0000-4000-8000-000000000002',
        message:
          'admins-owner-30d gives Group:7f3c1c52-0000-4000-8000-000000000002 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"): standing privilege held by people, as nothing in the change ends the grant within 7d, the longest session of class human (classes.human.maxSessionDuration; it is an active Privileged Identity Management assignment that lasts 30d) and no catalog entitlement for class human lists the role with an approval. Privilege held by people must be temporary and approved: make the assignment eligible instead of active, so that it is held only once activated, or end the active one within 7d, or list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
      },
      {
        resource: 'ops-owner-active',
        detail: 'Role::Owner',
        message:
          'ops-owner-active assigns Principal:7f3c1c52-0000-4000-8000-000000000003 the built-in role Owner at subscription scope /subscriptions/00000000-0000-0000-0000-000000000001, which grants every action on every resource ("*"), and writes role assignments or definitions, so it can grant any role to anyone, itself included ("*"). Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.',
      },
    ],
  },
];

ruleTester(rule, { valid, invalid });
