import { iamArn } from '../aws/identities.js';
import { resourceValue } from '../../model/deployment.js';
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
  return type ? (literalName(resource, type.nameProperty) ?? resourceValue(logicalId)) : undefined;
}

/**
 * The ARN every reference to an IAM identity resolves to (`Fn::GetAtt Role.Arn`, the identity's own `arn`), the
 * same string the other adapters render, so trust principals and attachments can be matched to identities.
 */
export function identityArn(logicalId: string, resource: CfnResource): string | undefined {
  const type = IDENTITY_TYPES[resource.Type];
  return type ? iamArn(type.arnSegment, identityRefName(logicalId, resource)!) : undefined;
}

/**
 * Federation providers: `Ref` and `.Arn` are the provider ARN, rendered from the literal URL or name so a trust
 * policy's `Federated` principal names its issuer (`…:oidc-provider/token.actions.githubusercontent.com`).
 * CDK's `OpenIdConnectProvider` is a custom resource whose `Ref` is the same ARN.
 */
const PROVIDERS: Record<string, { property: string; arnSegment: string }> = {
  'AWS::IAM::OIDCProvider': { property: 'Url', arnSegment: 'oidc-provider' },
  'Custom::AWSCDKOpenIdConnectProvider': { property: 'Url', arnSegment: 'oidc-provider' },
  'AWS::IAM::SAMLProvider': { property: 'Name', arnSegment: 'saml-provider' },
};

export function providerArn(resource: CfnResource): string | undefined {
  const provider = PROVIDERS[resource.Type];
  const name = provider && literalName(resource, provider.property)?.replace(/^https:\/\//, '');
  return name ? iamArn(provider.arnSegment, name) : undefined;
}
