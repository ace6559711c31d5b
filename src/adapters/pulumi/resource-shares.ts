/**
 * Resource Access Manager shares from Pulumi AWS records (and Terraform's, which arrive as these): a share
 * (`aws.ram.ResourceShare`) gets the principals and resources its associations add (`aws.ram.PrincipalAssociation`,
 * `aws.ram.ResourceAssociation`, or all of them at once, `aws.ram.ResourceShareAssociationsExclusive`), linked by the
 * share's ARN (`resourceShareArn`) or, while the ARN waits for the share to
 * exist (a preview, a plan), by that property's dependency on the share. An association with a share the change does
 * not create is kept on a share of its own, marked outside, one per ARN, so what it adds is still judged. A permission
 * the share names is linked to the customer managed permission of the stack with that ARN, or that `permissionArns`
 * depends on while the ARN is not known.
 */
import {
  booleanProperty,
  isUnknown,
  unknownValue,
  type PolicyValue,
  type ResourceShare,
  type SharePermission,
} from '../../model/model.js';
import {
  policyTemplateActions,
  RESOURCE_SHARES,
  SHARE_ASSOCIATIONS,
  SHARE_EXCLUSIVE_ASSOCIATIONS,
  SHARE_PERMISSIONS,
} from '../aws/resource-shares.js';
import { resourceValue } from '../../model/deployment.js';
import { knownString } from './values.js';
import type { Entry } from './links.js';

/** The types read here: shares, their associations, and customer managed permissions. */
export const RESOURCE_SHARE_TYPES: readonly string[] = [
  ...Object.keys(RESOURCE_SHARES).filter((type) => !type.startsWith('AWS::')),
  ...Object.keys(SHARE_ASSOCIATIONS),
  ...Object.keys(SHARE_EXCLUSIVE_ASSOCIATIONS),
  ...Object.keys(SHARE_PERMISSIONS).filter((type) => !type.startsWith('AWS::')),
];

export function resourceSharesOf(entries: readonly Entry[]): ResourceShare[] {
  const byUrn = new Map<string, ResourceShare>();
  const byArn = new Map<string, ResourceShare>();
  const shares: ResourceShare[] = [];
  const permissions = customerPermissions(entries);
  for (const entry of entries) {
    const fields = RESOURCE_SHARES[entry.resource.type];
    if (!fields) continue;
    const named = sharePermissions(entry, fields.permissions, permissions);
    // aws-native's share names its principals, resources and source accounts itself, as CloudFormation's does.
    const sources = listed(entry, fields.sources, 'source account');
    const share: ResourceShare = {
      source: entry.ref,
      name: knownString(entry.props[fields.name]) ?? entry.ref.name,
      principals: listed(entry, fields.principals, 'principal').map((value) => ({ value, source: entry.ref })),
      resources: listed(entry, fields.resources, 'resource ARN').map((value) => ({ value, source: entry.ref })),
      allowExternal: booleanProperty(entry.props[fields.allowExternal]) ?? fields.allowExternalByDefault,
      ...(sources.length > 0 ? { sources } : {}),
      ...(fields.sources !== undefined ? { sourcesSetting: fields.sources } : {}),
      ...(named.length > 0 ? { permissions: named } : {}),
    };
    byUrn.set(entry.resource.urn, share);
    // A share's id is its ARN (the Terraform provider's and Pulumi's import id).
    for (const arn of [entry.props.arn, entry.props.id])
      if (typeof arn === 'string' && arn !== '') byArn.set(arn, share);
    shares.push(share);
  }
  const outside = new Map<string, ResourceShare>();
  const shareOf = (entry: Entry, property: string): ResourceShare => {
    const named = entry.props[property];
    return (
      (typeof named === 'string' ? byArn.get(named) : undefined) ??
      (entry.resource.propertyDependencies?.[property] ?? []).map((urn) => byUrn.get(urn)).find(Boolean) ??
      outsideShare(outside, entry, named, property)
    );
  };
  for (const entry of entries) {
    const exclusive = SHARE_EXCLUSIVE_ASSOCIATIONS[entry.resource.type];
    if (exclusive) {
      // Every principal, resource and source account of the share in one resource, each judged as the share's own.
      const share = shareOf(entry, exclusive.share);
      for (const value of listed(entry, exclusive.principals, 'principal'))
        share.principals.push({ value, source: entry.ref });
      for (const value of listed(entry, exclusive.resources, 'resource ARN'))
        share.resources.push({ value, source: entry.ref });
      const sources = listed(entry, exclusive.sources, 'source account');
      if (sources.length > 0) share.sources = [...(share.sources ?? []), ...sources];
      share.sourcesSetting ??= exclusive.sources;
      continue;
    }
    const fields = SHARE_ASSOCIATIONS[entry.resource.type];
    if (!fields) continue;
    const share = shareOf(entry, fields.share);
    const raw = entry.props[fields.value];
    const value: PolicyValue =
      typeof raw === 'string' || isUnknown(raw) ? raw : unknownValue(`${entry.ref.name}.${fields.value} is not set`);
    if (fields.adds === 'principal') share.principals.push({ value, source: entry.ref });
    else share.resources.push({ value, source: entry.ref });
  }
  return [...shares, ...outside.values()];
}

/**
 * The values of a list the share writes itself: each string as written, each value known only at apply as it is; a list
 * known only at apply, or a value that is no string, is one value that says what cannot be seen.
 */
function listed(entry: Entry, property: string | undefined, what: string): PolicyValue[] {
  if (property === undefined) return [];
  const raw = entry.props[property];
  if (raw === undefined || raw === null) return [];
  if (isUnknown(raw)) return [raw];
  if (!Array.isArray(raw)) return [unknownValue(`${entry.ref.name}.${property} is not a list`)];
  return raw.map((item: unknown, index): PolicyValue =>
    typeof item === 'string' || isUnknown(item)
      ? item
      : unknownValue(`${entry.ref.name}.${property}[${String(index)}], a ${what}, is not a string`),
  );
}

/** The share, not of the change, an association names: one per ARN, or one per association whose ARN is not known. */
function outsideShare(
  outside: Map<string, ResourceShare>,
  entry: Entry,
  named: unknown,
  property: string,
): ResourceShare {
  const key = typeof named === 'string' && named !== '' ? named : `urn:${entry.resource.urn}`;
  let share = outside.get(key);
  if (!share) {
    const name =
      typeof named === 'string' && named !== ''
        ? named
        : isUnknown(named)
          ? `<${named.description}>`
          : `<${entry.ref.name}.${property} is not set>`;
    share = {
      source: entry.ref,
      name,
      principals: [],
      resources: [],
      allowExternal: unknownValue(`a setting of resource share ${name}, which the change does not create`),
      outside: true,
    };
    outside.set(key, share);
  }
  return share;
}

interface CustomerPermissions {
  byUrn: Map<string, NonNullable<SharePermission['definedBy']>>;
  byArn: Map<string, NonNullable<SharePermission['definedBy']>>;
}

/** The stack's customer managed permissions, by URN and by ARN where the ARN is known. */
function customerPermissions(entries: readonly Entry[]): CustomerPermissions {
  const found: CustomerPermissions = { byUrn: new Map(), byArn: new Map() };
  for (const entry of entries) {
    const fields = SHARE_PERMISSIONS[entry.resource.type];
    if (!fields) continue;
    const definedBy = {
      name: knownString(entry.props[fields.name]) ?? entry.ref.name,
      source: entry.ref,
      actions: policyTemplateActions(entry.props[fields.policyTemplate], `${entry.ref.name}.${fields.policyTemplate}`),
    };
    found.byUrn.set(entry.resource.urn, definedBy);
    if (typeof entry.props.arn === 'string' && entry.props.arn !== '') found.byArn.set(entry.props.arn, definedBy);
  }
  return found;
}

/**
 * The permissions a share names: each ARN as written, linked to a customer managed permission of the stack by its ARN;
 * where the ARNs are not known yet (a preview, a plan), the stack's permissions `permissionArns` depends on, each by its
 * ARN as deploy time gives it, and any other value as it is.
 */
function sharePermissions(entry: Entry, property: string, permissions: CustomerPermissions): SharePermission[] {
  const values = listed(entry, property, 'permission ARN');
  const pending = dependencyPermissions(entry, property, permissions);
  const named: SharePermission[] = [];
  for (const value of values) {
    if (typeof value === 'string') {
      const definedBy = permissions.byArn.get(value);
      named.push(definedBy ? { value, definedBy } : { value });
    } else if (pending.length === 0) named.push({ value });
  }
  // An ARN not known yet is one of the permissions the property depends on: each is named once, by the stack's name.
  if (values.some(isUnknown)) named.push(...pending);
  return named;
}

function dependencyPermissions(entry: Entry, property: string, permissions: CustomerPermissions): SharePermission[] {
  return (entry.resource.propertyDependencies?.[property] ?? []).flatMap((urn) => {
    const definedBy = permissions.byUrn.get(urn);
    return definedBy ? [{ value: resourceValue(definedBy.source.name, 'arn'), definedBy }] : [];
  });
}
