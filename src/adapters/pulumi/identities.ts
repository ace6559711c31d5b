import { DEFAULT_MEMBER_ACCOUNT_ROLE, iamArn, memberAccountRole } from '../aws/identities.js';
import { resourceValue } from '../../model/deployment.js';
import { parsePolicyDocument } from '../../iam/aws/document.js';
import type { AwsPolicyGrant, Identity, IdentityKind, ResourceRef } from '../../model/model.js';
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
