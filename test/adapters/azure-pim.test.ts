/**
 * Roles granted through Azure Privileged Identity Management, read with their schedules (src/adapters/pulumi/azure-pim.ts)
 * from the Pulumi records of azure-native (PimRoleEligibilitySchedule, 2.x's schedule requests) and of the classic
 * provider, and from Terraform's azurerm_pim_eligible_role_assignment and azurerm_pim_active_role_assignment. Until
 * session 49 the Terraform types and PimRoleEligibilitySchedule were reported as unseen, whatever role they granted,
 * and the other Pulumi types passed in silence.
 */
import { describe, expect, it } from 'vitest';
import { isoDurationSeconds } from '../../src/adapters/pulumi/azure-pim.js';
import { auditGrants } from '../../src/audit/grants.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const SUB = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const OWNER = `${SUB}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;
const OPS = '00000000-0000-0000-0000-0000000a0d15';

const record = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
  ({ type, name, urn: `urn:pulumi:dev::pim::${type}::${name}`, props, propertyDependencies: deps }) as PulumiResource;

/** Each external grant as `<source> <member> <role> <pim>`. */
function grants(model: Model): string[] {
  return (model.externalRoleGrants ?? []).map(
    ({ member, grant }) => `${grant.source.name} ${member} ${String(grant.role)} ${JSON.stringify(grant.pim)}`,
  );
}

function findings(model: Model): string[] {
  return evaluate(model, { catalog: catalog(), now: NOW, pending: 'fail-closed' })
    .findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
}

describe('PIM schedules in Pulumi records', () => {
  const group = record('azuread:index/group:Group', 'ops', { displayName: 'ops', objectId: OPS });
  const model = modelFromPulumiResources([
    group,
    // Eligible for a group the stack creates, for a year from a known start.
    record(
      'azure-native:authorization:PimRoleEligibilitySchedule',
      'ops-owner-eligible',
      {
        scope: SUB,
        roleDefinitionId: OWNER,
        principalId: OPS,
        scheduleInfo: {
          startDateTime: '2026-06-01T00:00:00Z',
          expiration: { type: 'AfterDuration', duration: 'P365D' },
        },
      },
      { principalId: [group.urn] },
    ),
    // 2.x's request: active for eight hours from apply; one that removes the role grants nothing.
    record('azure-native:authorization:RoleAssignmentScheduleRequest', 'ops-owner-8h', {
      scope: SUB,
      roleDefinitionId: OWNER,
      principalId: OPS,
      requestType: 'AdminAssign',
      scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'PT8H' } },
    }),
    record('azure-native:authorization:RoleAssignmentScheduleRequest', 'ops-owner-removed', {
      scope: SUB,
      roleDefinitionId: OWNER,
      principalId: OPS,
      requestType: 'AdminRemove',
    }),
    // A duration whose hours lack their T: not read, and said so.
    record('azure-native:authorization:RoleAssignmentScheduleRequest', 'ops-owner-p1h', {
      scope: SUB,
      roleDefinitionId: OWNER,
      principalId: OPS,
      requestType: 'AdminAssign',
      scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'P1H' } },
    }),
    // The classic provider: active for 30 days; eligible with no schedule (permanent).
    record(
      'azure:pim/activeRoleAssignment:ActiveRoleAssignment',
      'ops-owner-30d',
      {
        scope: SUB,
        roleDefinitionId: OWNER,
        principalId: OPS,
        schedule: { startDateTime: '2026-06-01T00:00:00Z', expiration: { durationDays: 30 } },
      },
      { principalId: [group.urn] },
    ),
    record('azure:pim/eligibleRoleAssignment:EligibleRoleAssignment', 'someone-owner-eligible', {
      scope: SUB,
      roleDefinitionId: OWNER,
      principalId: '00000000-0000-0000-0000-0000000b0b00',
    }),
  ]);

  it('are read as grants of the role with how they are held and until when', () => {
    expect(grants(model)).toEqual([
      'ops-owner-eligible Group:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"eligible","ends":"2027-06-01T00:00:00.000Z","lastsSeconds":31536000}',
      'ops-owner-8h Principal:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","lastsSeconds":28800}',
      'ops-owner-p1h Principal:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","unreadable":{"what":"ops-owner-p1h.scheduleInfo.expiration.duration \\"P1H\\" is no ISO 8601 duration (one hour is PT1H, one day P1D)","pending":false}}',
      'ops-owner-30d Group:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","ends":"2026-07-01T00:00:00.000Z","lastsSeconds":2592000}',
      'someone-owner-eligible Principal:00000000-0000-0000-0000-0000000b0b00 Owner {"assignment":"eligible","permanent":true}',
    ]);
  });

  it('are judged by their schedule: eligible ones pass, an active one to the group beyond 12h is standing, one to a principal of no type is judged as any', () => {
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory ops-owner-30d Role::Owner/Member::Group:00000000-0000-0000-0000-0000000a0d15',
      'no-wildcard-privilege mandatory ops-owner-8h Role::Owner',
      'no-wildcard-privilege mandatory ops-owner-p1h Role::Owner',
    ]);
  });

  it('are listed by the audit with how they are held and until when', () => {
    const grantsOf = (model.externalRoleGrants ?? []).map(({ grant }) => grant);
    expect(auditGrants(grantsOf, [], catalog(), [], NOW).map((grant) => grant.label.replace(SUB, '<sub>'))).toEqual([
      'role Owner at <sub> (PIM eligible, until 2027-06-01T00:00:00.000Z)',
      'role Owner at <sub> (PIM active, for 8h from its start)',
      'role Owner at <sub> (PIM active, end not read: ops-owner-p1h.scheduleInfo.expiration.duration "P1H" is no ISO 8601 duration (one hour is PT1H, one day P1D))',
      'role Owner at <sub> (PIM active, until 2026-07-01T00:00:00.000Z)',
      'role Owner at <sub> (PIM eligible, no expiration)',
    ]);
  });

  it('reads ISO 8601 durations, and nothing else', () => {
    expect(['PT8H', 'P1D', 'P1DT12H', 'P2W', 'PT30M', 'P1Y', 'P1M'].map(isoDurationSeconds)).toEqual([
      28_800, 86_400, 129_600, 1_209_600, 1_800, 31_536_000, 2_592_000,
    ]);
    expect(['P1H', 'P', 'PT', '8h', 'P1DT', ''].map(isoDurationSeconds)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('PIM role assignments in a Terraform plan', () => {
  const pim = (address: string, values: Record<string, unknown>, extra: Partial<PlannedResource> = {}) => ({
    address,
    values: { scope: SUB, role_definition_id: OWNER, principal_id: OPS, ...values },
    ...extra,
    unknown: { id: true, principal_type: true, ...extra.unknown },
  });
  const model = modelFromTerraformPlan(
    terraformPlan([
      // No schedule written: the plan marks the optional and computed block unknown; the provider sends NoExpiration.
      pim('azurerm_pim_active_role_assignment.ops_owner', {}, { unknown: { schedule: true } }),
      // Eight hours from a start known only at apply, the other expiration values computed.
      pim(
        'azurerm_pim_active_role_assignment.ops_owner_8h',
        { schedule: [{ expiration: [{ duration_hours: 8 }] }] },
        {
          unknown: {
            schedule: [{ start_date_time: true, expiration: [{ duration_days: true, end_date_time: true }] }],
          },
        },
      ),
      // An end from a time_static of the same apply: pending.
      pim(
        'azurerm_pim_active_role_assignment.ops_owner_late',
        { schedule: [{ expiration: [{}] }] },
        {
          unknown: { schedule: [{ start_date_time: true, expiration: [{ end_date_time: true }] }] },
          references: { schedule: ['time_static.pim_end.rfc3339'] },
        },
      ),
      // Eligible for a group a data source looks up, permanent.
      pim(
        'azurerm_pim_eligible_role_assignment.ops_owner',
        {},
        {
          unknown: { schedule: true },
          references: { principal_id: ['data.azuread_group.ops.object_id', 'data.azuread_group.ops'] },
        },
      ),
    ]),
    { file: 'plan.json' },
  );

  it('are read as the provider sends them', () => {
    expect(grants(model)).toEqual([
      'azurerm_pim_active_role_assignment.ops_owner Principal:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","permanent":true}',
      'azurerm_pim_active_role_assignment.ops_owner_8h Principal:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","lastsSeconds":28800}',
      'azurerm_pim_active_role_assignment.ops_owner_late Principal:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"active","unreadable":{"what":"azurerm_pim_active_role_assignment.ops_owner_late.schedule[0].expiration[0].end_date_time is not known until apply (from time_static.pim_end.rfc3339)","pending":true}}',
      'azurerm_pim_eligible_role_assignment.ops_owner Group:00000000-0000-0000-0000-0000000a0d15 Owner {"assignment":"eligible","permanent":true}',
    ]);
  });

  it('are judged by their schedule, no longer reported as unseen: the permanent active Owner, the 8-hour one to a principal of no type (judged as any), the one whose end is known at apply; the eligible one passes', () => {
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory azurerm_pim_active_role_assignment.ops_owner Role::Owner',
      'no-wildcard-privilege mandatory azurerm_pim_active_role_assignment.ops_owner_8h Role::Owner',
      'no-wildcard-privilege mandatory azurerm_pim_active_role_assignment.ops_owner_late Role::Owner',
    ]);
  });
});
