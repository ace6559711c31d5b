import { parsePolicyDocument } from '../../iam/aws/document.js';
import { isUnknown, unknownValue, type AwsPolicyGrant, type Identity, type IdentityKind, type Maybe, type ResourceRef } from '../../model/model.js';
import { IDENTITY_TYPES, identityArn, literalName } from './names.js';
import type { StackContext } from './stack-context.js';
import { tagsOf } from './tags.js';
import { isRecord } from '../../util/records.js';
import type { CfnResource } from './template.js';

const KINDS: Record<string, IdentityKind> = {
  'AWS::IAM::Role': 'aws-role',
  'AWS::IAM::User': 'aws-user',
  'AWS::IAM::Group': 'aws-group',
};

/** CloudFormation's MaxSessionDuration when the template leaves it out. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;

export function isIdentityResource(resource: CfnResource): boolean {
  return resource.Type in KINDS;
}

/** An IAM role, user or group with what its own properties say; links from other resources are added later. */
export function identityFromResource(ctx: StackContext, logicalId: string, resource: CfnResource): Identity {
  const { resolver } = ctx;
  const properties = resource.Properties ?? {};
  const ref = ctx.ref(logicalId);
  const physicalName = literalName(resource, IDENTITY_TYPES[resource.Type]!.nameProperty);
  const identity: Identity = {
    id: ctx.id(logicalId),
    cloud: 'aws',
    kind: KINDS[resource.Type]!,
    name: physicalName ?? logicalId,
    ...(physicalName !== undefined ? { uniqueName: true } : {}),
    resource: ref,
    arn: identityArn(logicalId, resource)!,
    tags: tagsOf(resolver.resolve(properties.Tags)),
    grants: inlinePolicies(resolver.resolve(properties.Policies), ref),
    credentials: [],
    attachments: [],
  };
  if (resource.Type === 'AWS::IAM::Role') {
    identity.trustPolicy = ctx.sharedPolicyDocument(properties.AssumeRolePolicyDocument);
    identity.maxSessionSeconds = sessionSeconds(resolver.resolve(properties.MaxSessionDuration));
  }
  if (properties.PermissionsBoundary !== undefined) {
    identity.permissionsBoundary = resolver.resolveString(properties.PermissionsBoundary, 'PermissionsBoundary');
  }
  if (resource.Type === 'AWS::IAM::User' && resolver.resolve(properties.LoginProfile) !== undefined) {
    identity.credentials.push({ kind: 'aws-login-profile', source: ref });
  }
  return identity;
}

/** `Policies: [{PolicyName, PolicyDocument}]`; an unreadable entry becomes an unreadable grant, never nothing. */
export function inlinePolicies(policies: unknown, source: ResourceRef): AwsPolicyGrant[] {
  if (policies === undefined) return [];
  const entries = Array.isArray(policies) ? policies : [policies];
  return entries.map((entry): AwsPolicyGrant => {
    if (!isRecord(entry) || isUnknown(entry)) return { kind: 'aws-policy', source, document: parsePolicyDocument(entry) };
    const name = entry.PolicyName;
    return {
      kind: 'aws-policy',
      source,
      ...(typeof name === 'string' ? { policyName: name } : {}),
      document: parsePolicyDocument(entry.PolicyDocument),
    };
  });
}

/** A copy of grants for another holder (a user receiving its group's grants): same documents, same sources. */
function sessionSeconds(value: unknown): Maybe<number> {
  if (value === undefined) return DEFAULT_MAX_SESSION_SECONDS;
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return unknownValue(`MaxSessionDuration ${JSON.stringify(value)} is not a number`);
}
