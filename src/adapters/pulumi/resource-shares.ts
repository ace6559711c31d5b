/**
 * Resource Access Manager shares from Pulumi AWS records (and Terraform's, which arrive as these): a share
 * (`aws.ram.ResourceShare`) gets the principals and resources its associations add (`aws.ram.PrincipalAssociation`,
 * `aws.ram.ResourceAssociation`), linked by the share's ARN (`resourceShareArn`) or, while the ARN waits for the share to
 * exist (a preview, a plan), by that property's dependency on the share. An association with a share the change does
 * not create is kept on a share of its own, marked outside, one per ARN, so what it adds is still judged.
 */
import { booleanProperty, isUnknown, unknownValue, type PolicyValue, type ResourceShare } from '../../model/model.js';
import { RESOURCE_SHARES, SHARE_ASSOCIATIONS } from '../aws/resource-shares.js';
import { knownString } from './values.js';
import type { Entry } from './links.js';

/** The types read here: shares and their associations. */
export const RESOURCE_SHARE_TYPES: readonly string[] = [
  ...Object.keys(RESOURCE_SHARES).filter((type) => !type.startsWith('AWS::')),
  ...Object.keys(SHARE_ASSOCIATIONS),
];

export function resourceSharesOf(entries: readonly Entry[]): ResourceShare[] {
  const byUrn = new Map<string, ResourceShare>();
  const byArn = new Map<string, ResourceShare>();
  const shares: ResourceShare[] = [];
  for (const entry of entries) {
    const fields = RESOURCE_SHARES[entry.resource.type];
    if (!fields) continue;
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
    };
    byUrn.set(entry.resource.urn, share);
    // A share's id is its ARN (the Terraform provider's and Pulumi's import id).
    for (const arn of [entry.props.arn, entry.props.id])
      if (typeof arn === 'string' && arn !== '') byArn.set(arn, share);
    shares.push(share);
  }
  const outside = new Map<string, ResourceShare>();
  for (const entry of entries) {
    const fields = SHARE_ASSOCIATIONS[entry.resource.type];
    if (!fields) continue;
    const named = entry.props[fields.share];
    const share =
      (typeof named === 'string' ? byArn.get(named) : undefined) ??
      (entry.resource.propertyDependencies?.[fields.share] ?? []).map((urn) => byUrn.get(urn)).find(Boolean) ??
      outsideShare(outside, entry, named, fields.share);
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
