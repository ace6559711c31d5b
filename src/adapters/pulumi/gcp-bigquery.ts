/**
 * A BigQuery dataset's access entries (`gcp:bigquery/dataset:Dataset` `accesses`, and `gcp:bigquery/datasetAccess:
 * DatasetAccess` written apart; Terraform's google_bigquery_dataset `access` blocks and google_bigquery_dataset_access
 * map onto them): each gives a role on the dataset to one member, read as the grant of a resource-level IAM member
 * (`gcp:bigquery/datasetIamMember:DatasetIamMember`) is. The member is written by kind (@pulumi/gcp 9.x bigquery
 * DatasetAccess): `userByEmail` (a user or a service account), `groupByEmail`, `domain`, `specialGroup`
 * (`allAuthenticatedUsers`, or the project's owners, writers or readers) or `iamMember` (`allUsers` among others).
 * An authorized view, dataset or routine gives the dataset's data to queries through that resource, not to a
 * principal, and is no grant here. The basic dataset roles are BigQuery's names for predefined roles
 * (cloud.google.com/bigquery/docs/access-control-basic-roles: OWNER is roles/bigquery.dataOwner, WRITER
 * roles/bigquery.dataEditor, READER roles/bigquery.dataViewer), so they are judged as those roles.
 */
import { isUnknown, unknownValue, type GrantCondition, type Maybe } from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import type { Entry } from './links.js';
import { items } from './values.js';

export const BIGQUERY_TYPES = {
  dataset: 'gcp:bigquery/dataset:Dataset',
  access: 'gcp:bigquery/datasetAccess:DatasetAccess',
} as const;

export function isBigQueryAccessType(type: string): boolean {
  return type === BIGQUERY_TYPES.dataset || type === BIGQUERY_TYPES.access;
}

/** BigQuery's basic dataset roles as the predefined roles they are. */
const BASIC_DATASET_ROLES: Readonly<Record<string, string>> = {
  OWNER: 'roles/bigquery.dataOwner',
  WRITER: 'roles/bigquery.dataEditor',
  READER: 'roles/bigquery.dataViewer',
};

/** Properties of an entry that name a resource given the dataset's data, not a principal. */
const AUTHORIZED_RESOURCES = ['view', 'dataset', 'authorizedDataset', 'routine'] as const;

export interface DatasetAccessGrant {
  member: Maybe<string>;
  role: Maybe<string>;
  /** The property the member is written in: `accesses` (a dataset's entries) or the entry's own property. */
  memberProperty: string;
  condition?: GrantCondition;
}

/** The dataset an access entry is on: `bigquery/dataset/<project>/<datasetId>`, as its IAM members' scope reads. */
export function datasetScope(entry: Entry): Maybe<string> {
  const { project, datasetId } = entry.props;
  if (isUnknown(datasetId)) return datasetId;
  if (typeof datasetId !== 'string' || datasetId === '') return unknownValue(`${entry.ref.name}.datasetId is not set`);
  return ['bigquery/dataset', ...(typeof project === 'string' && project !== '' ? [project] : []), datasetId].join('/');
}

/** The grants of a Dataset's `accesses` or of a DatasetAccess; none for a dataset that writes no entry. */
export function datasetAccessGrants(
  entry: Entry,
  conditionOf: (value: unknown, what: string) => GrantCondition | undefined,
): DatasetAccessGrant[] {
  if (entry.resource.type === BIGQUERY_TYPES.access) {
    const grant = accessGrant(entry.props, entry.ref.name, conditionOf);
    return grant ? [grant] : [];
  }
  const accesses = entry.props.accesses;
  if (isUnknown(accesses)) return [{ member: accesses, role: accesses, memberProperty: 'accesses' }];
  return items(accesses).flatMap((access, index): DatasetAccessGrant[] => {
    const what = `${entry.ref.name}.accesses[${index}]`;
    if (isUnknown(access)) return [{ member: access, role: access, memberProperty: 'accesses' }];
    if (!isKnownRecord(access)) {
      const unreadable = unknownValue(`${what} is not an access entry`);
      return [{ member: unreadable, role: unreadable, memberProperty: 'accesses' }];
    }
    const grant = accessGrant(access, what, conditionOf);
    return grant ? [{ ...grant, memberProperty: 'accesses' }] : [];
  });
}

/** One entry's member and role; undefined for an authorized view, dataset or routine. */
function accessGrant(
  access: Record<string, unknown>,
  what: string,
  conditionOf: (value: unknown, what: string) => GrantCondition | undefined,
): DatasetAccessGrant | undefined {
  const member = memberOf(access, what);
  if (member === undefined) return undefined;
  const written = access.role;
  const role: Maybe<string> =
    typeof written === 'string'
      ? ((Object.hasOwn(BASIC_DATASET_ROLES, written) ? BASIC_DATASET_ROLES[written] : undefined) ?? written)
      : isUnknown(written)
        ? written
        : unknownValue(`${what}.role is not set`);
  const condition = conditionOf(access.condition, `${what}.condition`);
  return { ...member, role, ...(condition !== undefined ? { condition } : {}) };
}

/** A block the entry writes: an object, a non-empty list of them (Terraform's), or one known only at apply. */
function written(value: unknown): boolean {
  return isUnknown(value) || isKnownRecord(value) || (Array.isArray(value) && value.length > 0);
}

/** The member an entry names, as IAM spells it; undefined for an authorized resource. */
function memberOf(
  access: Record<string, unknown>,
  what: string,
): { member: Maybe<string>; memberProperty: string } | undefined {
  const kinds: [string, (value: string) => string][] = [
    // A service account is written by e-mail as a user is (BigQuery keeps it as userByEmail).
    ['userByEmail', (email) => (/\.gserviceaccount\.com$/i.test(email) ? `serviceAccount:${email}` : `user:${email}`)],
    ['groupByEmail', (email) => `group:${email}`],
    ['domain', (domain) => `domain:${domain}`],
    ['specialGroup', (group) => group],
    ['iamMember', (member) => member],
  ];
  for (const [property, spell] of kinds) {
    const value = access[property];
    if (isUnknown(value)) return { member: value, memberProperty: property };
    if (typeof value === 'string' && value !== '') return { member: spell(value), memberProperty: property };
  }
  if (AUTHORIZED_RESOURCES.some((property) => written(access[property]))) return undefined;
  return {
    member: unknownValue(`${what} names no member and no authorized view, dataset or routine`),
    memberProperty: 'accesses',
  };
}
