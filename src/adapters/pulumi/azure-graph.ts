/**
 * What the Azure AD (azuread) and azure-native adapters share: the graph of a stack's Azure identities and how a
 * resource becomes one, or grants to one. Both adapters import it; neither imports the other's helpers.
 */
import {
  isUnknown,
  unknownValue,
  type Credential,
  type ExternalRoleGrant,
  type Identity,
  type Maybe,
  type Model,
  type RoleGrant,
} from '../../model/model.js';
import { mustGet } from '../../util/must.js';
import { isKnownRecord } from '../../util/records.js';
import type { Entry } from './links.js';
import { items, knownString } from './values.js';

/** The Azure identities of a stack, shared with the azure-native adapter (role assignments, managed identities). */
export interface AzureGraph {
  model: Model;
  /** The model's external role grants (the model drops the list at the end when it stays empty). */
  externalRoleGrants: ExternalRoleGrant[];
  /** URN -> the identity a principal id of that resource stands for (service principal, managed identity). */
  principals: Map<string, Identity>;
  /** Matches a principal id value (object id, principal id) to an identity. */
  principalIdOf: Map<Identity, string[]>;
  /** URN -> whether an Entra group or user the change creates is a group or a user (people, not identities here). */
  people: Map<string, 'User' | 'Group'>;
}

/** The principal ids of an identity of `principals`: both maps are set together. */
export function principalIds(graph: AzureGraph, identity: Identity): string[] {
  return mustGet(graph.principalIdOf, identity, 'the Azure graph (the principal ids of a principal)');
}

/** A grant to a principal of the change, or else an external grant named `<principalType>:<id>` (type when the resource says). */
export function grantTo(
  graph: AzureGraph,
  entry: Entry,
  principal: Identity | undefined,
  property: string,
  grant: RoleGrant,
): void {
  if (principal) {
    principal.grants.push(grant);
    return;
  }
  const value = entry.props[property];
  const id =
    typeof value === 'string' ? value : isUnknown(value) ? value.description : `${entry.ref.name}.${property} not set`;
  const type = knownString(entry.props.principalType) ?? (grant.pim ? peopleType(graph, entry, property) : undefined);
  graph.externalRoleGrants.push({ member: `${type ?? 'Principal'}:${id}`, grant });
}

/**
 * A PIM schedule takes no principal type (azurerm's `principal_type` is computed; azure-native's PimRoleEligibilitySchedule
 * has none), so the principal is typed where its id comes from an Entra group or user: one the change creates (`people`,
 * by URN), or one a Terraform data source looks up (`data.azuread_group.ops.object_id`). Otherwise it stays untyped.
 */
function peopleType(graph: AzureGraph, entry: Entry, property: string): 'User' | 'Group' | undefined {
  for (const dependency of entry.resource.propertyDependencies?.[property] ?? []) {
    const created = graph.people.get(dependency);
    if (created) return created;
    const lookup = /^data\.azuread_(group|user)\./.exec(dependency)?.[1];
    if (lookup) return lookup === 'group' ? 'Group' : 'User';
  }
  return undefined;
}

/** An application, service principal or managed identity the change does not create, named by the id the resource gives. */
export function externalIdentity(graph: AzureGraph, entry: Entry, property: string, kind: Identity['kind']): Identity {
  const value = entry.props[property];
  const name = typeof value === 'string' ? value.replace(/^\/applications\//, '') : entry.ref.name;
  const id = `${entry.ref.stack ?? ''}/external-${kind}:${name}`;
  let identity = graph.model.identities.find((candidate) => candidate.id === id);
  if (!identity) {
    identity = {
      id,
      cloud: 'azure',
      kind,
      name,
      resource: entry.ref,
      tags: {},
      grants: [],
      credentials: [],
      attachments: [],
    };
    graph.model.identities.push(identity);
  }
  return identity;
}

export function azureIdentity(
  entry: Entry,
  kind: Identity['kind'],
  name: string,
  owners: Map<string, string>,
): Identity {
  const platformOwners = ownersOf(entry, owners);
  return {
    id: entry.ref.urn ?? entry.ref.name,
    cloud: 'azure',
    kind,
    name,
    resource: entry.ref,
    tags: tagsOf(entry.props.tags),
    ...(platformOwners.length ? { platformOwners } : {}),
    grants: [],
    credentials: [],
    attachments: [],
  };
}

/**
 * Azure AD tags are plain strings; `owner:team-x` and `owner=team-x` carry a key and a value. azure-native tags
 * are a map. Both read as the catalog's tag keys.
 */
export function tagsOf(value: unknown): Record<string, string> {
  if (isKnownRecord(value))
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  const tags: Record<string, string> = {};
  for (const tag of items(value)) {
    const [, key, value] = (typeof tag === 'string' ? /^([^:=]+)[:=](.*)$/.exec(tag) : null) ?? [];
    if (key !== undefined && value !== undefined) tags[key.trim()] = value.trim();
  }
  return tags;
}

/** Owners the change names: groups/users it creates by their names, else the object ids as written. */
function ownersOf(entry: Entry, names: Map<string, string>): string[] {
  const fromStack = (entry.resource.propertyDependencies?.owners ?? [])
    .map((urn) => names.get(urn))
    .filter((name): name is string => name !== undefined);
  if (fromStack.length) return fromStack;
  return items(entry.props.owners).filter((owner): owner is string => typeof owner === 'string' && owner !== '');
}

export function federated(entry: Entry): Credential {
  const audiences = items(entry.props.audiences).map((audience) =>
    typeof audience === 'string' || isUnknown(audience) ? audience : String(audience),
  );
  return {
    kind: 'federated',
    source: entry.ref,
    issuer: stringOrUnknown(entry.props.issuer, `${entry.ref.name}.issuer`),
    subject: stringOrUnknown(entry.props.subject, `${entry.ref.name}.subject`),
    audiences,
  };
}

export function stringOrUnknown(value: unknown, what: string): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${what} is not set`);
}
