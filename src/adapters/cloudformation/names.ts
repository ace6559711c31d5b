import type { CfnResource } from './template.js';

/** The name property and ARN segment of each IAM identity type the adapter models. */
export const IDENTITY_TYPES: Record<string, { nameProperty: string; arnSegment: string }> = {
  'AWS::IAM::Role': { nameProperty: 'RoleName', arnSegment: 'role' },
  'AWS::IAM::User': { nameProperty: 'UserName', arnSegment: 'user' },
  'AWS::IAM::Group': { nameProperty: 'GroupName', arnSegment: 'group' },
};

/** The literal physical name the template sets, if any. */
export function literalName(resource: CfnResource, property: string): string | undefined {
  const value = resource.Properties?.[property];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What `Ref` returns for an IAM identity: its literal name, or a stable placeholder for a generated one. */
export function identityRefName(logicalId: string, resource: CfnResource): string | undefined {
  const type = IDENTITY_TYPES[resource.Type];
  return type ? (literalName(resource, type.nameProperty) ?? `\${${logicalId}}`) : undefined;
}

/**
 * The ARN every reference to an IAM identity resolves to (`Fn::GetAtt Role.Arn`, the identity's own `arn`), the
 * same string the other adapters render, so trust principals and attachments can be matched to identities.
 */
export function identityArn(logicalId: string, resource: CfnResource): string | undefined {
  const type = IDENTITY_TYPES[resource.Type];
  return type ? `arn:aws:iam::\${AWS::AccountId}:${type.arnSegment}/${identityRefName(logicalId, resource)}` : undefined;
}
