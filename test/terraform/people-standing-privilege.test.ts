/**
 * Privileged roles held by people, through the built CLI (npm run build) on a Terraform plan (`terraform show -json`)
 * with the default catalog: Google Cloud project and folder bindings for a domain, a group and a user, Azure role
 * assignments for a group and a user. Until session 48 every one passed, "held to the human rules", which judge no
 * grant. A binding whose IAM condition ends it, and roles that are not privileged at their scope, pass; a public member
 * stays public. PIM role assignments are read with their schedules (until session 49 they were reported as unseen):
 * an eligible one passes (held only once activated); an active one passes where it ends within the 12h session of
 * class human, and is standing privilege where it never ends or lasts longer (an end in 2099).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const BIN = join(REPO, 'dist/bundle/cli.js');
const SUB = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const MG = '/providers/Microsoft.Management/managementGroups/example-co';
const GROUP_ID = '00000000-0000-0000-0000-0000000a0d15';
const USER_ID = '00000000-0000-0000-0000-0000000a11ce';

const gcp = (address: string, values: Record<string, unknown>): PlannedResource => ({
  address,
  values: { condition: [], ...values },
  unknown: { id: true, etag: true },
});
const assignment = (name: string, role: string, scope: string, principalType: string, principalId: string) => ({
  address: `azurerm_role_assignment.${name}`,
  values: { scope, role_definition_name: role, principal_id: principalId, principal_type: principalType },
  unknown: { id: true, name: true, role_definition_id: true },
});

const OWNER = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const UAA = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9`;
/** An active PIM assignment to the group data.azuread_group.admins; what the configuration leaves out is computed. */
const pimActive = (name: string, role: string, expiration?: Record<string, unknown>): PlannedResource => ({
  address: `azurerm_pim_active_role_assignment.${name}`,
  values: {
    scope: SUB,
    role_definition_id: role,
    principal_id: GROUP_ID,
    ...(expiration ? { schedule: [{ expiration: [expiration] }] } : {}),
  },
  unknown: {
    id: true,
    principal_type: true,
    // The expiration values the configuration leaves out, and the start, are computed.
    schedule: expiration
      ? [
          {
            start_date_time: true,
            expiration: [
              Object.fromEntries(
                ['duration_days', 'duration_hours', 'end_date_time']
                  .filter((key) => !(key in expiration))
                  .map((key) => [key, true]),
              ),
            ],
          },
        ]
      : true,
  },
  references: { principal_id: ['data.azuread_group.admins.object_id'] },
});

const PLAN: PlannedResource[] = [
  gcp('google_project_iam_member.platform_owners', {
    project: 'example-co-sandbox',
    role: 'roles/owner',
    member: 'domain:example.com',
  }),
  gcp('google_folder_iam_binding.oncall_token', {
    folder: 'folders/1234',
    role: 'roles/iam.serviceAccountTokenCreator',
    members: ['group:oncall@example.com'],
    condition: [
      { title: 'incident window', description: '', expression: 'request.time < timestamp("2027-02-01T00:00:00Z")' },
    ],
  }),
  gcp('google_project_iam_member.lead_editor', {
    project: 'example-co-sandbox',
    role: 'roles/editor',
    member: 'user:lead@example.com',
    condition: [{ title: 'weekdays', description: '', expression: 'request.time.getDayOfWeek() < 5' }],
  }),
  gcp('google_project_iam_member.analysts', {
    project: 'example-co-sandbox',
    role: 'roles/viewer',
    member: 'group:analysts@example.com',
  }),
  gcp('google_project_iam_member.everyone', {
    project: 'example-co-sandbox',
    role: 'roles/viewer',
    member: 'allAuthenticatedUsers',
  }),
  assignment('admins_owner', 'Owner', SUB, 'Group', GROUP_ID),
  assignment('alice_uaa', 'User Access Administrator', MG, 'User', USER_ID),
  assignment('admins_reader', 'Reader', SUB, 'Group', GROUP_ID),
  {
    address: 'azurerm_pim_eligible_role_assignment.admins_owner_eligible',
    values: {
      scope: SUB,
      role_definition_id: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
      principal_id: GROUP_ID,
      schedule: [{ expiration: [{ duration_hours: 8 }] }],
    },
    unknown: { id: true },
  },
  // Active for a group a data source looks up (PIM takes no principal type: the lookup says it is a group).
  pimActive('admins_owner_8h', OWNER, { duration_hours: 8 }),
  pimActive('admins_uaa_permanent', UAA),
  pimActive('admins_owner_2099', OWNER, { end_date_time: '2099-01-01T00:00:00Z' }),
];

const dir = mkdtempSync(join(tmpdir(), 'people-standing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(): {
  status: number | null;
  findings: {
    ruleId: string;
    level: string;
    pending?: boolean;
    resource: { name: string };
    detail?: string;
    message: string;
  }[];
} {
  const path = join(dir, 'plan.json');
  writeFileSync(path, JSON.stringify(terraformPlan(PLAN)));
  const result = spawnSync(process.execPath, [BIN, 'check', path, '--now', '2026-12-06', '--format', 'json'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { status: result.status, ...(JSON.parse(result.stdout) as { findings: never[] }) };
}

describe("people's privileged roles in a Terraform plan, through the built CLI with the default catalog", () => {
  it('blocks standing privilege held by people; passes the bound one and roles that are not privileged there', () => {
    const { status, findings } = check();
    expect(status).toBe(1);
    expect(
      findings.map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? '-'}`),
    ).toEqual([
      'no-wildcard-privilege mandatory azurerm_pim_active_role_assignment.admins_owner_2099 Role::Owner/Member::Group:00000000-0000-0000-0000-0000000a0d15',
      'no-wildcard-privilege mandatory azurerm_pim_active_role_assignment.admins_uaa_permanent Role::User Access Administrator/Member::Group:00000000-0000-0000-0000-0000000a0d15',
      'no-wildcard-privilege mandatory azurerm_role_assignment.admins_owner Role::Owner/Member::Group:00000000-0000-0000-0000-0000000a0d15',
      'no-wildcard-privilege mandatory azurerm_role_assignment.alice_uaa Role::User Access Administrator/Member::User:00000000-0000-0000-0000-0000000a11ce',
      'no-wildcard-privilege mandatory google_project_iam_member.everyone Member::allAuthenticatedUsers',
      // A condition that bounds no time (weekdays) is named, and said to set no end the check reads.
      'no-wildcard-privilege mandatory google_project_iam_member.lead_editor Role::roles/editor/Member::user:lead@example.com',
      'no-wildcard-privilege mandatory google_project_iam_member.platform_owners Role::roles/owner/Member::domain:example.com',
    ]);
    const message = (name: string) => findings.find((f) => f.resource.name === name)?.message;
    expect(message('google_project_iam_member.platform_owners')).toBe(
      'google_project_iam_member.platform_owners gives domain:example.com roles/owner on projects/example-co-sandbox, which ' +
        'holds nearly every permission of every service there: standing privilege held by people, as nothing in the change ' +
        'ends the grant and no catalog entitlement for class human lists the role with an approval. Privilege held by people ' +
        'must be temporary and approved: add an IAM condition that ends the binding (request.time < timestamp("…"), Google ' +
        "Cloud's temporary access), or list roles/owner for class human in a catalog entitlement with an approval " +
        '(approval.by and maxDuration).',
    );
    expect(message('google_project_iam_member.lead_editor')).toContain(
      'as nothing in the change ends the grant (its IAM condition sets no end this check reads: only request.time < timestamp(…) comparisons joined by && are read)',
    );
    expect(message('azurerm_pim_active_role_assignment.admins_uaa_permanent')).toContain(
      'standing privilege held by people, as nothing in the change ends the grant (it is an active Privileged Identity ' +
        'Management assignment whose schedule sets no expiration, so it never ends)',
    );
    expect(message('azurerm_pim_active_role_assignment.admins_owner_2099')).toContain(
      'as nothing in the change ends the grant within 12h, the longest session of class human ' +
        '(classes.human.maxSessionDuration; it is an active Privileged Identity Management assignment that lasts 26324d)',
    );
    expect(message('azurerm_role_assignment.admins_owner')).toContain(
      'standing privilege held by people, as nothing in the change ends the grant and no catalog entitlement for class ' +
        'human lists the role with an approval. Privilege held by people must be temporary and approved: make it a ' +
        'Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment, or ' +
        'list Owner for class human in a catalog entitlement with an approval (approval.by and maxDuration).',
    );
  });
});
