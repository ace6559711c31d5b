import { DEFAULT_MEMBER_ACCOUNT_ROLE, iamArn, memberAccountRole } from '../aws/identities.js';
import { customerPolicyArn, isoDurationSeconds } from '../aws/permission-sets.js';
import { resourceValue } from '../../model/deployment.js';
import { parsePolicyDocument } from '../../iam/aws/document.js';
import {
  isUnknown,
  unknownValue,
  type AwsManagedPolicyGrant,
  type AwsPolicyGrant,
  type Identity,
  type IdentityKind,
  type Maybe,
  type ResourceRef,
} from '../../model/model.js';
import { isKnownRecord, lookupTable } from '../../util/records.js';
import { items, knownString, maybeString, sessionSeconds, tagsOf } from './values.js';

/** How each Pulumi identity type spells the properties the model needs. */
interface IdentityShape {
  kind: IdentityKind;
  arnSegment: 'role' | 'user' | 'group';
  nameProperty: string;
  trustProperty?: string;
  inlinePolicies?: { property: string; name: string; document: string };
  managedPolicyArns?: string;
}

export const IDENTITY_SHAPES: Record<string, IdentityShape> = lookupTable({
  'aws:iam/role:Role': {
    kind: 'aws-role',
    arnSegment: 'role',
    nameProperty: 'name',
    trustProperty: 'assumeRolePolicy',
    inlinePolicies: { property: 'inlinePolicies', name: 'name', document: 'policy' },
    managedPolicyArns: 'managedPolicyArns',
  },
  'aws-native:iam:Role': {
    kind: 'aws-role',
    arnSegment: 'role',
    nameProperty: 'roleName',
    trustProperty: 'assumeRolePolicyDocument',
    inlinePolicies: { property: 'policies', name: 'policyName', document: 'policyDocument' },
    managedPolicyArns: 'managedPolicyArns',
  },
  'aws:iam/user:User': { kind: 'aws-user', arnSegment: 'user', nameProperty: 'name' },
  'aws:iam/group:Group': { kind: 'aws-group', arnSegment: 'group', nameProperty: 'name' },
});

/**
 * The ARN a reference to an IAM identity stands for, rendered as the CloudFormation adapter renders it
 * (`arn:aws:iam::<own-account>:role/Name`) so rules match principals to identities the same way in both
 * front-ends. A generated physical name is the model's value of the resource (`<id of name>`).
 */
export function identityArn(
  segment: IdentityShape['arnSegment'],
  physicalName: string | undefined,
  resourceName: string,
  path?: string,
): string {
  return iamArn(segment, physicalName ?? resourceValue(resourceName), path);
}

/** An IAM role, user or group with what its own properties say; links from other resources are added later. */
export function identityFrom(shape: IdentityShape, ref: ResourceRef, props: Record<string, unknown>): Identity {
  const physicalName = knownString(props[shape.nameProperty]);
  const identity: Identity = {
    id: ref.urn ?? ref.name,
    cloud: 'aws',
    kind: shape.kind,
    name: physicalName ?? ref.name,
    ...(physicalName !== undefined ? { uniqueName: true } : {}),
    resource: ref,
    // The ARN once the resource exists (`pulumi up`); in preview, the rendering every adapter shares.
    arn: knownString(props.arn) ?? identityArn(shape.arnSegment, physicalName, ref.name, knownString(props.path)),
    tags: tagsOf(props.tags),
    grants: shape.inlinePolicies ? inlinePolicies(props[shape.inlinePolicies.property], shape.inlinePolicies, ref) : [],
    credentials: [],
    attachments: [],
  };
  if (shape.trustProperty) {
    identity.trustPolicy = parsePolicyDocument(props[shape.trustProperty]);
    identity.maxSessionSeconds = sessionSeconds(props.maxSessionDuration, `${ref.name}.maxSessionDuration`);
  }
  const boundary = maybeString(props.permissionsBoundary, `${ref.name}.permissionsBoundary`);
  if (boundary !== undefined) identity.permissionsBoundary = boundary;
  return identity;
}

/** Inline policies `[{name, policy}]`; an entry that cannot be read becomes an unreadable grant, never nothing. */
function inlinePolicies(
  value: unknown,
  fields: { name: string; document: string },
  source: ResourceRef,
): AwsPolicyGrant[] {
  // `[{}]` is the provider's way of saying "no inline policies", so an entry without a document is nothing.
  const entries = items(value).filter((entry) => !isKnownRecord(entry) || entry[fields.document] !== undefined);
  return entries.map((entry): AwsPolicyGrant => {
    if (!isKnownRecord(entry)) return { kind: 'aws-policy', source, document: parsePolicyDocument(entry) };
    const name = knownString(entry[fields.name]);
    return {
      kind: 'aws-policy',
      source,
      ...(name ? { policyName: name } : {}),
      document: parsePolicyDocument(entry[fields.document]),
    };
  });
}

/** The administrator role Organizations creates in a member account the program creates (aws.organizations.Account). */
export function memberAccountRoleFrom(ref: ResourceRef, props: Record<string, unknown>): Identity {
  const name = knownString(props.roleName) ?? DEFAULT_MEMBER_ACCOUNT_ROLE;
  return memberAccountRole(`${ref.urn ?? ref.name}/member-account-role`, name, ref);
}

/**
 * IAM Identity Center permission sets: `aws:ssoadmin/permissionSet:PermissionSet` (its policies are put on it by
 * resources of their own, which the AWS adapter links) and Cloud Control's `aws-native:sso:PermissionSet`, which holds
 * them as CloudFormation's AWS::SSO::PermissionSet does (@pulumi/aws 7.48.0 ssoadmin/permissionSet.d.ts; aws-native:
 * `inlinePolicy`, `managedPolicies`, `customerManagedPolicyReferences`, `permissionsBoundary`).
 */
export const PERMISSION_SET_TYPES: ReadonlySet<string> = new Set([
  'aws:ssoadmin/permissionSet:PermissionSet',
  'aws-native:sso:PermissionSet',
]);

/** A permission set as the CloudFormation adapter reads one (cloudformation/identities.ts permissionSetFromResource). */
export function permissionSetFrom(ref: ResourceRef, props: Record<string, unknown>): Identity {
  const name = knownString(props.name);
  const identity: Identity = {
    id: ref.urn ?? ref.name,
    cloud: 'aws',
    kind: 'aws-permission-set',
    name: name ?? ref.name,
    // A permission set's name is unique in its Identity Center instance.
    ...(name !== undefined ? { uniqueName: true } : {}),
    resource: ref,
    arn: knownString(props.arn) ?? knownString(props.permissionSetArn) ?? resourceValue(ref.name),
    tags: tagsOf(props.tags),
    grants: [],
    credentials: [],
    attachments: [],
    maxSessionSeconds: isoDurationSeconds(props.sessionDuration, `${ref.name}.sessionDuration`),
  };
  for (const arn of items(props.managedPolicies))
    identity.grants.push(managedPolicyGrant(ref, arn, `${ref.name}.managedPolicies`));
  for (const reference of items(props.customerManagedPolicyReferences))
    identity.grants.push({ kind: 'aws-managed-policy', source: ref, arn: customerPolicyReference(reference, ref) });
  if (props.inlinePolicy !== undefined && props.inlinePolicy !== null)
    identity.grants.push({
      kind: 'aws-policy',
      source: ref,
      policyName: 'InlinePolicy',
      document: parsePolicyDocument(props.inlinePolicy),
    });
  if (props.permissionsBoundary !== undefined && props.permissionsBoundary !== null)
    identity.permissionsBoundary = permissionSetBoundary(props.permissionsBoundary, ref);
  return identity;
}

/** A managed policy ARN a permission set names, or a value that is none. */
export function managedPolicyGrant(source: ResourceRef, value: unknown, what: string): AwsManagedPolicyGrant {
  const arn =
    typeof value === 'string' || isUnknown(value)
      ? value
      : value === undefined || value === null
        ? unknownValue(`${what} is not set`)
        : unknownValue(`${what} ${JSON.stringify(value)} is not an ARN`);
  return { kind: 'aws-managed-policy', source, arn };
}

/** A `{name, path}` customer-managed policy reference as the ARN every front-end renders for it. */
export function customerPolicyReference(reference: unknown, ref: ResourceRef): Maybe<string> {
  if (isUnknown(reference)) return reference;
  if (!isKnownRecord(reference))
    return unknownValue(`${ref.name}.customerManagedPolicyReference without a readable name`);
  return customerPolicyArn(reference.name, reference.path, `${ref.name}.customerManagedPolicyReference`);
}

/** A permission set's boundary: `{managedPolicyArn}` or `{customerManagedPolicyReference: {name, path}}`. */
export function permissionSetBoundary(boundary: unknown, ref: ResourceRef): Maybe<string> {
  if (isUnknown(boundary)) return boundary;
  if (isKnownRecord(boundary) && typeof boundary.managedPolicyArn === 'string') return boundary.managedPolicyArn;
  if (isKnownRecord(boundary) && isUnknown(boundary.managedPolicyArn)) return boundary.managedPolicyArn;
  if (isKnownRecord(boundary) && boundary.customerManagedPolicyReference !== undefined)
    return customerPolicyReference(boundary.customerManagedPolicyReference, ref);
  return unknownValue(`${ref.name}.permissionsBoundary that cannot be read`);
}
