/**
 * The principals an AWS Resource Access Manager share names besides accounts and IAM roles and users (RAM API
 * Reference, CreateResourceShare `principals`; RAM User Guide, "Sharing your AWS resources"): an organization's ARN
 * (`arn:aws:organizations::<management account>:organization/o-<id>`), every account of that organization; an
 * organizational unit's ARN (`arn:aws:organizations::<management account>:ou/o-<id>/ou-<id>`), every account under that
 * OU, all of them in its organization; and a service principal (`pca-connector-scep.amazonaws.com`), which acts for
 * the accounts the share's `sources` name, or for any account that configures it when it names none (confused deputy).
 * An account id or an IAM role's or user's ARN is read as any resource policy's AWS principal.
 *
 * An organization or OU principal can only be of the sharing account's own organization (RAM API Reference,
 * EnableSharingWithAwsOrganization: sharing "with all of the accounts in the calling account's organization by
 * specifying the organization ID, or all of the accounts in an organizational unit"), and a share that does not allow
 * external principals "can be shared with only accounts in the same organization as the account that owns the resource
 * share" (ResourceShare, allowExternalPrincipals). What a share lets its principals do is its RAM permissions: AWS
 * managed ones (`arn:aws:ram::aws:permission/<name>`, no region or account), whose contents no dataset here holds, and
 * customer managed ones, whose policy template the change may write (PermissionArns; with none, each resource type's
 * default AWS managed permission).
 */
import { isUnknown, type ResourceShare, type SharePermission } from '../../model/model.js';
import { describeValue } from '../../util/records.js';
import { expandActionPattern } from './actions.js';

export type OrganizationPrincipal =
  { kind: 'organization'; organization: string } | { kind: 'organizational-unit'; organization: string; unit: string };

const ORGANIZATION_ARN = /^arn:aws[a-z-]*:organizations::[^:]*:organization\/(o-[a-z0-9]{10,32})$/;
const UNIT_ARN = /^arn:aws[a-z-]*:organizations::[^:]*:ou\/(o-[a-z0-9]{10,32})\/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;

/** The organization (and OU) an organization's or OU's ARN names; undefined for anything else. */
export function organizationPrincipal(value: string): OrganizationPrincipal | undefined {
  const organization = ORGANIZATION_ARN.exec(value)?.[1];
  if (organization !== undefined) return { kind: 'organization', organization };
  const unit = UNIT_ARN.exec(value);
  if (unit?.[1] !== undefined && unit[2] !== undefined)
    return { kind: 'organizational-unit', organization: unit[1], unit: unit[2] };
  return undefined;
}

/** A service principal as RAM takes it: the service's DNS name (`pca-connector-ad.amazonaws.com`). */
export function isServicePrincipal(value: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/.test(value);
}

const MANAGED_PERMISSION_ARN = /^arn:aws[a-z-]*:ram::aws:permission\/([A-Za-z0-9_.-]+)$/;

/** The name of the AWS managed permission an ARN names (`AWSRAMDefaultPermissionSubnet`); undefined for any other. */
export function managedPermissionName(value: string): string | undefined {
  return MANAGED_PERMISSION_ARN.exec(value)?.[1];
}

/**
 * The organization a share's own organization or OU principals name, where they all name one: with external principals
 * not allowed, every account the share names is in it, or RAM does not associate the account. Undefined where the share
 * names none (or, written wrong, several), so the share's organization is not known.
 */
export function shareOrganization(share: ResourceShare): string | undefined {
  const named = new Set<string>();
  for (const { value } of share.principals) {
    if (isUnknown(value)) continue;
    const organization = organizationPrincipal(value);
    if (organization) named.add(organization.organization);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * What one permission lets a share's principals do, in words: an AWS managed permission by its name (what it allows is
 * AWS's to define, and no dataset here holds it), a customer managed permission of the change with the actions of its
 * template and which of them are not read-only (an action the action data does not know counts as one), and anything
 * else as written.
 */
export function describeSharePermission(permission: SharePermission): string {
  const { value, definedBy } = permission;
  if (definedBy) {
    const { name, actions } = definedBy;
    if (isUnknown(actions))
      return `customer managed permission ${name} (its actions cannot be seen: ${actions.description})`;
    const text = (action: (typeof actions)[number]) => (isUnknown(action) ? `<${action.description}>` : action);
    const changing = actions.filter((action) => isUnknown(action) || !readOnly(action));
    const reach = changing.length > 0 ? `not read-only: ${changing.map(text).join(', ')}` : 'read-only';
    return `customer managed permission ${name} (Action ${actions.map(text).join(', ')}; ${reach})`;
  }
  if (isUnknown(value)) return `a permission known only at apply (${value.description})`;
  const managed = managedPermissionName(value);
  if (managed !== undefined) return `AWS managed permission ${managed}`;
  return `permission ${describeValue(value)} (not created by this change, so what it allows cannot be seen)`;
}

/** What a share's permissions let its principals do, one entry each, or each resource type's default. */
export function sharePermissionList(share: ResourceShare): string[] {
  const permissions = share.permissions ?? [];
  // A share the change does not create may have others besides those it associates with it.
  if (share.outside)
    return permissions.length > 0
      ? [...new Set(permissions.map(describeSharePermission)), 'whatever other permissions it has']
      : ['whatever permissions it has'];
  if (permissions.length === 0) return ["each resource type's default AWS managed permission (the share names none)"];
  return [...new Set(permissions.map(describeSharePermission))];
}

/** What a share's permissions let its principals do, for a message. */
export function describeSharePermissions(share: ResourceShare): string {
  return sharePermissionList(share).join('; ');
}

/** An action the action data knows, every action it stands for at the List or Read access level. */
function readOnly(action: string): boolean {
  const expanded = expandActionPattern(action);
  return expanded.length > 0 && expanded.every(({ accessLevel }) => accessLevel === 'List' || accessLevel === 'Read');
}
