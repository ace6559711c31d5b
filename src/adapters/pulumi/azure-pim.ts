/**
 * Azure Privileged Identity Management schedules of RBAC roles: how a role granted through PIM is held (eligible: only
 * once activated; active: from its start) and when its schedule ends, read from the resource's inputs.
 *
 * Two shapes write a schedule:
 * - azure-native (the ARM API's role eligibility and assignment schedule requests, @pulumi/azure-native 3.28.0
 *   authorization/pimRoleEligibilitySchedule.d.ts and types/input.d.ts RoleEligibilityScheduleRequestPropertiesScheduleInfoArgs):
 *   `scheduleInfo: { startDateTime, expiration: { type: AfterDuration | AfterDateTime | NoExpiration, duration (ISO
 *   8601), endDateTime } }`, and a request's `requestType`;
 * - the classic provider, bridged from Terraform's azurerm (hashicorp/terraform-provider-azurerm website/docs/r/
 *   pim_eligible_role_assignment and pim_active_role_assignment): `schedule: { startDateTime, expiration: { durationDays
 *   | durationHours | endDateTime } }`. The provider sends NoExpiration where no expiration, or none of its values, is
 *   written (internal/services/authorization/pim_eligible_role_assignment_resource.go), and so does PIM: permanent.
 */
import { isUnknown, type Maybe, type PimSchedule } from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import type { Entry } from './links.js';

/** The types that grant a role through PIM, with how each holds it. */
export const PIM_TYPES: Readonly<Record<string, PimSchedule['assignment']>> = {
  'azure-native:authorization:PimRoleEligibilitySchedule': 'eligible',
  // azure-native 2.x's schedule requests of the same API (no resource of 3.28.0 any more): a request's type says
  // whether it assigns or removes.
  'azure-native:authorization:RoleEligibilityScheduleRequest': 'eligible',
  'azure-native:authorization:RoleAssignmentScheduleRequest': 'active',
  'azure:pim/eligibleRoleAssignment:EligibleRoleAssignment': 'eligible',
  'azure:pim/activeRoleAssignment:ActiveRoleAssignment': 'active',
};

/**
 * Requests that take a role away (an administrator's removal, a principal's deactivation of its activation): they
 * grant nothing. Every other request type (AdminAssign, AdminUpdate, AdminExtend, AdminRenew, SelfActivate, SelfExtend,
 * SelfRenew, or one not known until apply) is read as granting the role as scheduled.
 */
const REMOVING_REQUESTS: ReadonlySet<string> = new Set(['AdminRemove', 'SelfDeactivate']);

export function removesRole(entry: Entry): boolean {
  const type = entry.props.requestType;
  return typeof type === 'string' && REMOVING_REQUESTS.has(type);
}

/** The PIM schedule of an entry of a PIM type. */
export function pimSchedule(entry: Entry, assignment: PimSchedule['assignment']): PimSchedule {
  const classic = entry.resource.type.startsWith('azure:');
  const property = classic ? 'schedule' : 'scheduleInfo';
  const what = `${entry.ref.name}.${property}`;
  const schedule = entry.props[property];
  if (isUnknown(schedule)) return { assignment, unreadable: { what: schedule.description, pending: true } };
  if (!isKnownRecord(schedule)) return { assignment, permanent: true };
  const start = schedule.startDateTime;
  const started = typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? Date.parse(start) : undefined;
  const expiration = schedule.expiration;
  if (isUnknown(expiration)) return { assignment, unreadable: { what: expiration.description, pending: true } };
  if (!isKnownRecord(expiration)) return { assignment, permanent: true };
  const end = classic ? classicEnd(expiration, `${what}.expiration`) : nativeEnd(expiration, `${what}.expiration`);
  if ('permanent' in end || 'unreadable' in end) return { assignment, ...end };
  const ends =
    end.ends ?? (started !== undefined && end.seconds !== undefined ? started + end.seconds * 1000 : undefined);
  const lasts =
    end.seconds ?? (started !== undefined && end.ends !== undefined ? (end.ends - started) / 1000 : undefined);
  return {
    assignment,
    ...(ends !== undefined ? { ends: new Date(ends).toISOString() } : {}),
    ...(lasts !== undefined ? { lastsSeconds: lasts } : {}),
  };
}

type End =
  { permanent: true } | { unreadable: { what: string; pending: boolean } } | { ends?: number; seconds?: number };

/** The classic provider's (azurerm's) expiration: days, else hours, else an end; none of them is no expiration. */
function classicEnd(expiration: Record<string, unknown>, what: string): End {
  // In the provider's order: a value not known until apply may be the one it sends.
  for (const [key, unit] of [
    ['durationDays', 86_400],
    ['durationHours', 3_600],
  ] as const) {
    const value = expiration[key];
    if (isUnknown(value)) return { unreadable: { what: value.description, pending: true } };
    if (typeof value === 'number' && value !== 0) return { seconds: value * unit };
  }
  const end = expiration.endDateTime;
  if (isUnknown(end) || (typeof end === 'string' && end !== '')) return dateEnd(end, `${what}.endDateTime`);
  return { permanent: true };
}

/** azure-native's expiration: its type says which value counts; without a type, the value written does. */
function nativeEnd(expiration: Record<string, unknown>, what: string): End {
  const { type, duration, endDateTime } = expiration;
  if (isUnknown(type)) return { unreadable: { what: type.description, pending: true } };
  const kind =
    type ?? (duration !== undefined ? 'AfterDuration' : endDateTime !== undefined ? 'AfterDateTime' : 'NoExpiration');
  switch (kind) {
    case 'NoExpiration':
      return { permanent: true };
    case 'AfterDuration':
      return durationEnd(duration, `${what}.duration`);
    case 'AfterDateTime':
      return typeof endDateTime === 'string' || isUnknown(endDateTime)
        ? dateEnd(endDateTime, `${what}.endDateTime`)
        : { unreadable: { what: `${what}.type is AfterDateTime, but no endDateTime is written`, pending: false } };
    default:
      return {
        unreadable: {
          what: `${what}.type is ${JSON.stringify(kind)}, which is none of AfterDuration, AfterDateTime and NoExpiration`,
          pending: false,
        },
      };
  }
}

function dateEnd(value: Maybe<string>, what: string): End {
  if (isUnknown(value)) return { unreadable: { what: value.description, pending: true } };
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? { unreadable: { what: `${what} "${value}" is no date and time`, pending: false } }
    : { ends: time };
}

function durationEnd(value: unknown, what: string): End {
  if (isUnknown(value)) return { unreadable: { what: value.description, pending: true } };
  if (typeof value !== 'string')
    return { unreadable: { what: `${what} is not written, though the type is AfterDuration`, pending: false } };
  const seconds = isoDurationSeconds(value);
  return seconds === undefined
    ? {
        unreadable: {
          what: `${what} "${value}" is no ISO 8601 duration (one hour is PT1H, one day P1D)`,
          pending: false,
        },
      }
    : { seconds };
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO 8601 duration (`P30D`, `PT8H`, `P1Y2M`, `P1DT12H`) in seconds; a year is read as 365 days and a month as 30.
 * Undefined for anything else (`P1H`, where the hours lack their `T`; an empty `P`).
 */
export function isoDurationSeconds(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  // Seconds of each part, in the order the expression captures them: years, months, weeks, days, hours, minutes, seconds.
  const units = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3_600, 60, 1];
  return units.reduce((total, unit, index) => total + unit * Number(match[index + 1] ?? 0), 0);
}
