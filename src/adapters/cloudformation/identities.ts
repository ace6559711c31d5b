import { parsePolicyDocument } from '../../iam/aws/document.js';
import { resourceValue } from '../../model/deployment.js';
import {
  isUnknown,
  unknownValue,
  type AwsPolicyGrant,
  type Identity,
  type Maybe,
  type ResourceRef,
} from '../../model/model.js';
import { DEFAULT_MEMBER_ACCOUNT_ROLE, memberAccountRole } from '../aws/identities.js';
import { customerPolicyArn as customerPolicyArnOf, isoDurationSeconds } from '../aws/permission-sets.js';
import { ROLES_ANYWHERE_DEFAULT_SESSION_SECONDS } from '../../iam/aws/roles-anywhere.js';
import { defaultName, deployedName } from './deployed-names.js';
import { identityTypeOf, typedIdentityArn } from './names.js';
import type { Resolver } from './intrinsics.js';
import type { StackContext } from './stack-context.js';
import { deploymentTagsOf } from './tags.js';
import { isRecord } from '../../util/records.js';
import type { CfnResource } from './template.js';

/** CloudFormation's MaxSessionDuration when the template leaves it out. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;

export function isIdentityResource(resource: CfnResource): boolean {
  return identityTypeOf(resource) !== undefined;
}

/** An IAM role, user or group with what its own properties say; links from other resources are added later. */
export function identityFromResource(stack: StackContext, logicalId: string, resource: CfnResource): Identity {
  const type = identityTypeOf(resource);
  if (!type) throw new Error(`internal error: ${logicalId} (${resource.Type}) is not an IAM role, user or group`);
  const { resolver } = stack;
  const properties = resource.Properties ?? {};
  const ref = stack.ref(logicalId);
  const physicalName = deployedName(resolver, resource, type.nameProperty);
  const atDefault = physicalName === undefined ? defaultName(resolver, resource, type.nameProperty) : undefined;
  const identity: Identity = {
    id: stack.id(logicalId),
    cloud: 'aws',
    kind: type.kind,
    name: physicalName ?? logicalId,
    ...(physicalName !== undefined ? { uniqueName: true } : {}),
    ...(atDefault ? { defaultName: atDefault } : {}),
    resource: ref,
    arn: typedIdentityArn(logicalId, resource, type),
    ...deploymentTagsOf(resolver, properties.Tags),
    grants: writtenInlinePolicies(resolver, logicalId, properties.Policies, ref),
    credentials: [],
    attachments: [],
  };
  if (resource.Type === 'AWS::IAM::Role') {
    identity.trustPolicy = stack.sharedPolicyDocument(properties.AssumeRolePolicyDocument);
    identity.maxSessionSeconds = longestSession(resolver, properties.MaxSessionDuration);
  }
  if (properties.PermissionsBoundary !== undefined) {
    identity.permissionsBoundary = resolver.resolveString(properties.PermissionsBoundary, 'PermissionsBoundary');
  }
  if (resource.Type === 'AWS::IAM::User' && resolver.resolve(properties.LoginProfile) !== undefined) {
    identity.credentials.push({ kind: 'aws-login-profile', source: ref });
  }
  return identity;
}

/**
 * A role's, user's or group's own `Policies`, read as inlinePolicies reads them, except that an entry only one branch
 * of an `Fn::If` deploy time decides writes is held in some deployments only (Grant.undecided): its Deny statements
 * remove nothing.
 */
function writtenInlinePolicies(
  resolver: Resolver,
  logicalId: string,
  written: unknown,
  source: ResourceRef,
): AwsPolicyGrant[] {
  if (written === undefined) return [];
  const undecided = resolver.undecidedItems(written);
  if (undecided.length === 0) return inlinePolicies(resolver.resolve(written), source);
  return resolver.listItems(written).map((item) => {
    const grant = inlinePolicy(resolver.resolve(item), source);
    if (undecided.includes(item))
      grant.undecided = `${logicalId} writes it in Policies in one branch of an Fn::If that deploy time decides`;
    return grant;
  });
}

/** `Policies: [{PolicyName, PolicyDocument}]`; an unreadable entry becomes an unreadable grant, never nothing. */
export function inlinePolicies(policies: unknown, source: ResourceRef): AwsPolicyGrant[] {
  if (policies === undefined) return [];
  const entries = Array.isArray(policies) ? policies : [policies];
  return entries.map((entry) => inlinePolicy(entry, source));
}

/** One `{PolicyName, PolicyDocument}` entry as a grant. */
export function inlinePolicy(entry: unknown, source: ResourceRef): AwsPolicyGrant {
  if (!isRecord(entry) || isUnknown(entry)) return { kind: 'aws-policy', source, document: parsePolicyDocument(entry) };
  const name = entry.PolicyName;
  return {
    kind: 'aws-policy',
    source,
    ...(typeof name === 'string' ? { policyName: name } : {}),
    document: parsePolicyDocument(entry.PolicyDocument),
  };
}

/**
 * An IAM Identity Center permission set, read as the identity it provisions: `ManagedPolicies` (ARNs),
 * `CustomerManagedPolicyReferences` (customer-managed policies by name and path, in each account it is assigned
 * to), `InlinePolicy` (a document or its JSON text), `PermissionsBoundary`, `SessionDuration` (ISO 8601, default
 * one hour) and `Tags`.
 */
export function permissionSetFromResource(stack: StackContext, logicalId: string, resource: CfnResource): Identity {
  const { resolver } = stack;
  const properties = resource.Properties ?? {};
  const ref = stack.ref(logicalId);
  const name = deployedName(resolver, resource, 'Name');
  const identity: Identity = {
    id: stack.id(logicalId),
    cloud: 'aws',
    kind: 'aws-permission-set',
    name: name ?? logicalId,
    // A permission set's name is unique in its Identity Center instance.
    ...(name !== undefined ? { uniqueName: true } : {}),
    resource: ref,
    arn: resourceValue(logicalId, 'PermissionSetArn'),
    ...deploymentTagsOf(resolver, properties.Tags),
    grants: [],
    credentials: [],
    attachments: [],
    maxSessionSeconds: longestSession(resolver, properties.SessionDuration, isoDurationSeconds),
  };
  const managed = resolver.resolve(properties.ManagedPolicies);
  for (const arn of Array.isArray(managed) ? managed : managed === undefined ? [] : [managed]) {
    identity.grants.push({
      kind: 'aws-managed-policy',
      source: ref,
      arn: typeof arn === 'string' || isUnknown(arn) ? arn : unknownValue('ManagedPolicies item is not a string'),
    });
  }
  const references = resolver.resolve(properties.CustomerManagedPolicyReferences);
  for (const reference of Array.isArray(references) ? references : references === undefined ? [] : [references]) {
    identity.grants.push({ kind: 'aws-managed-policy', source: ref, arn: customerPolicyArn(reference) });
  }
  if (properties.InlinePolicy !== undefined) {
    identity.grants.push({
      kind: 'aws-policy',
      source: ref,
      policyName: 'InlinePolicy',
      document: stack.policyDocument(properties.InlinePolicy),
    });
  }
  const boundary = resolver.resolve(properties.PermissionsBoundary);
  if (boundary !== undefined) {
    identity.permissionsBoundary =
      isRecord(boundary) && typeof boundary.ManagedPolicyArn === 'string'
        ? boundary.ManagedPolicyArn
        : isRecord(boundary) && boundary.CustomerManagedPolicyReference !== undefined
          ? customerPolicyArn(boundary.CustomerManagedPolicyReference)
          : unknownValue('PermissionsBoundary that cannot be read');
  }
  return identity;
}

/** A customer-managed policy reference of a permission set (`Name`, `Path`). */
function customerPolicyArn(reference: unknown): Maybe<string> {
  if (isUnknown(reference)) return reference;
  if (!isRecord(reference)) return unknownValue('CustomerManagedPolicyReference without a readable Name');
  return customerPolicyArnOf(reference.Name, reference.Path, 'CustomerManagedPolicyReference');
}

/**
 * The longest session any deployment may set: a parameter's AllowedValues give their longest; one a deployment may
 * set to any value is Unknown (a default of an hour says nothing of `--parameter-overrides Duration=43200`).
 */
function longestSession(
  resolver: Resolver,
  raw: unknown,
  seconds: (value: unknown) => Maybe<number> = sessionSeconds,
): Maybe<number> {
  const choices = resolver.choicesOf(raw);
  if (choices === undefined) return seconds(resolver.resolve(raw));
  if (isUnknown(choices)) return choices;
  let longest: Maybe<number> | undefined;
  for (const choice of choices) {
    const each = seconds(choice);
    if (isUnknown(each)) return each;
    if (longest === undefined || (!isUnknown(longest) && each > longest)) longest = each;
  }
  return longest ?? seconds(resolver.resolve(raw));
}

/**
 * The session length an `AWS::RolesAnywhere::Profile` gives (DurationSeconds), at its longest over the values a deployment
 * may give it; undefined when the template leaves it out (AWS's default applies: roles-anywhere.ts).
 */
export function profileSessionSeconds(resolver: Resolver, raw: unknown): Maybe<number> | undefined {
  if (raw === undefined) return undefined;
  return longestSession(resolver, raw, (value) =>
    value === undefined ? ROLES_ANYWHERE_DEFAULT_SESSION_SECONDS : secondsOf(value, 'DurationSeconds'),
  );
}

function sessionSeconds(value: unknown): Maybe<number> {
  if (value === undefined) return DEFAULT_MAX_SESSION_SECONDS;
  return secondsOf(value, 'MaxSessionDuration');
}

function secondsOf(value: unknown, property: string): Maybe<number> {
  if (isUnknown(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return unknownValue(`${property} ${JSON.stringify(value)} is not a number`);
}

/**
 * The administrator role Organizations creates in an AWS::Organizations::Account the template creates: RoleName, else
 * OrganizationalAccountAccessRole (aws-cdk-lib 2.276.0 CfnAccount: roleName is RoleName); a name known only at deploy
 * is named after the property.
 */
export function memberAccountRoleFromResource(stack: StackContext, logicalId: string, resource: CfnResource): Identity {
  const written = resource.Properties?.RoleName;
  const name = written === undefined ? DEFAULT_MEMBER_ACCOUNT_ROLE : stack.resolver.resolveString(written, 'RoleName');
  return memberAccountRole(
    `${stack.id(logicalId)}/member-account-role`,
    typeof name === 'string' ? name : `${logicalId}.RoleName`,
    stack.ref(logicalId),
  );
}
