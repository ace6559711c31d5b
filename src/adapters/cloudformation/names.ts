import { iamArn } from '../aws/identities.js';
import { resourceValue } from '../../model/deployment.js';
import type { IdentityKind } from '../../model/model.js';
import type { CfnResource } from './template.js';
import { lookupTable } from '../../util/records.js';

/** An IAM identity type the adapter models: the model's kind, its name property and its ARN segment. */
export interface IdentityType {
  kind: IdentityKind;
  nameProperty: string;
  arnSegment: string;
}

const IDENTITY_TYPES = new Map<string, IdentityType>([
  ['AWS::IAM::Role', { kind: 'aws-role', nameProperty: 'RoleName', arnSegment: 'role' }],
  ['AWS::IAM::User', { kind: 'aws-user', nameProperty: 'UserName', arnSegment: 'user' }],
  ['AWS::IAM::Group', { kind: 'aws-group', nameProperty: 'GroupName', arnSegment: 'group' }],
]);

/** The IAM identity type of a resource, or undefined for any other resource. */
export function identityTypeOf(resource: CfnResource): IdentityType | undefined {
  return IDENTITY_TYPES.get(resource.Type);
}

/** The literal physical name the template sets, if any. */
export function literalName(resource: CfnResource, property: string): string | undefined {
  const value = resource.Properties?.[property];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What `Ref` returns for an IAM identity: its literal name, or a stable placeholder for a generated one. */
export function identityRefName(logicalId: string, resource: CfnResource): string | undefined {
  const type = identityTypeOf(resource);
  return type ? refName(logicalId, resource, type) : undefined;
}

function refName(logicalId: string, resource: CfnResource, type: IdentityType): string {
  return literalName(resource, type.nameProperty) ?? resourceValue(logicalId);
}

/**
 * The ARN every reference to an IAM identity resolves to (`Fn::GetAtt Role.Arn`, the identity's own `arn`), the
 * same string the other adapters render, so trust principals and attachments can be matched to identities.
 */
export function identityArn(logicalId: string, resource: CfnResource): string | undefined {
  const type = identityTypeOf(resource);
  return type ? typedIdentityArn(logicalId, resource, type) : undefined;
}

/** identityArn of a resource whose identity type is known. */
export function typedIdentityArn(logicalId: string, resource: CfnResource, type: IdentityType): string {
  return iamArn(type.arnSegment, refName(logicalId, resource, type), literalName(resource, 'Path'));
}

/**
 * Federation providers: `Ref` and `.Arn` are the provider ARN, rendered from the literal URL or name so a trust
 * policy's `Federated` principal names its issuer (`…:oidc-provider/token.actions.githubusercontent.com`).
 * CDK's `OpenIdConnectProvider` is a custom resource whose `Ref` is the same ARN.
 */
const PROVIDERS: Record<string, { property: string; arnSegment: string }> = lookupTable({
  'AWS::IAM::OIDCProvider': { property: 'Url', arnSegment: 'oidc-provider' },
  'Custom::AWSCDKOpenIdConnectProvider': { property: 'Url', arnSegment: 'oidc-provider' },
  'AWS::IAM::SAMLProvider': { property: 'Name', arnSegment: 'saml-provider' },
});

export function providerArn(resource: CfnResource): string | undefined {
  const provider = PROVIDERS[resource.Type];
  const name = provider && literalName(resource, provider.property)?.replace(/^https:\/\//, '');
  return name ? iamArn(provider.arnSegment, name) : undefined;
}
