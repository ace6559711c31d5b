/**
 * The resource-based policies and principal lists the CloudFormation adapter reads (aws/resource-policies.ts), in
 * aws-native's spelling of the same resources (aws-native-names.ts): aws-native is CloudFormation's resource through
 * Cloud Control, so a bucket policy is `aws-native:s3:BucketPolicy` with `policyDocument` and `bucket`, a Lambda
 * layer's permission `aws-native:lambda:LayerVersionPermission` with `principal` and `organizationId`. Derived from the
 * CloudFormation tables, each type and property renamed, never listed again: a type added there is read here too.
 * None was read before save a secret's resource policy, so a bucket policy, key policy or layer permission letting every
 * account in, written with aws-native, passed unseen (fail-open).
 */

import {
  CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
  CLOUDFORMATION_RESOURCE_POLICIES,
  CLOUDFORMATION_STATEMENT_POLICIES,
  LAMBDA_PERMISSIONS,
  PRINCIPAL_GRANTS,
  type AttachedBy,
  type NestedResourcePolicy,
  type PermissionStatement,
  type PrincipalGrantFields,
  type ResourcePolicyType,
  type StatementPolicyType,
} from '../aws/resource-policies.js';
import { lookupTable } from '../../util/records.js';
import { awsNativePath, awsNativeProperty, awsNativeType } from './aws-native-names.js';

/** Each CloudFormation type's entry under its aws-native token, `rename` spelling its property names. */
function derived<T, U = T>(
  table: Readonly<Record<string, T>>,
  rename: (entry: T, type: string) => U,
): Readonly<Record<string, U>> {
  const out = lookupTable<U>({});
  for (const [type, entry] of Object.entries(table)) {
    const token = type.startsWith('AWS::') ? awsNativeType(type) : undefined;
    if (token !== undefined) out[token] = rename(entry, type);
  }
  return out;
}

function attachedBy<T extends AttachedBy>(by: T): T {
  return 'property' in by ? { ...by, property: awsNativeProperty(by.property) } : by;
}

export const AWS_NATIVE_RESOURCE_POLICIES: Readonly<Record<string, ResourcePolicyType>> = derived(
  CLOUDFORMATION_RESOURCE_POLICIES,
  (type) => ({ ...type, document: awsNativeProperty(type.document), attachedTo: attachedBy(type.attachedTo) }),
);

/**
 * A policy inside a property of the resource it is on, and the output its ARN is (`Arn` is `arn`, a DynamoDB table's
 * `StreamArn` `streamArn`, a Serverless namespace's `Namespace.NamespaceArn` `namespace.namespaceArn`).
 */
export interface AwsNativeNestedResourcePolicy {
  path: NestedResourcePolicy['path'];
  /** The CloudFormation attribute, the rendering while the output is not known (`<Arn of table>`). */
  attribute: NestedResourcePolicy['attribute'];
  /** The output holding the ARN, as a path of properties. */
  output: readonly string[];
}

export const AWS_NATIVE_NESTED_RESOURCE_POLICIES: Readonly<Record<string, readonly AwsNativeNestedResourcePolicy[]>> =
  derived(CLOUDFORMATION_NESTED_RESOURCE_POLICIES, (nested, type) =>
    nested.map(({ path, attribute }) => ({
      path: awsNativePath(type, path),
      attribute,
      output: attribute.split('.').map(awsNativeProperty),
    })),
  );

export const AWS_NATIVE_STATEMENT_POLICIES: Readonly<Record<string, StatementPolicyType>> = derived(
  CLOUDFORMATION_STATEMENT_POLICIES,
  (type) => ({ ...type, statement: awsNativeProperty(type.statement), attachedTo: attachedBy(type.attachedTo) }),
);

export const AWS_NATIVE_PRINCIPAL_GRANTS: Readonly<Record<string, PrincipalGrantFields>> = derived(
  PRINCIPAL_GRANTS,
  (fields) => {
    const renamed = (property: string | undefined) =>
      property === undefined ? {} : { property: awsNativeProperty(property) };
    return {
      ...fields,
      principals: fields.principals.map(({ property, kind, within, entry }) => ({
        property: awsNativeProperty(property),
        kind,
        ...(within === undefined ? {} : { within: awsNativeProperty(within) }),
        ...(entry === undefined
          ? {}
          : { entry: { principal: awsNativeProperty(entry.principal), actions: awsNativeProperty(entry.actions) } }),
      })),
      action: { ...fields.action, ...renamed(fields.action.property) },
      attachedTo: attachedBy(fields.attachedTo),
      ...(fields.organization === undefined ? {} : { organization: awsNativeProperty(fields.organization) }),
      ...(fields.condition === undefined
        ? {}
        : {
            condition: {
              property: awsNativeProperty(fields.condition.property),
              type: awsNativeProperty(fields.condition.type),
              key: awsNativeProperty(fields.condition.key),
              value: awsNativeProperty(fields.condition.value),
            },
          }),
    };
  },
);

export const AWS_NATIVE_LAMBDA_PERMISSIONS: Readonly<Record<string, PermissionStatement>> = derived(
  LAMBDA_PERMISSIONS,
  (fields) =>
    Object.fromEntries(
      Object.entries(fields as unknown as Record<string, string>).map(([field, property]) => [
        field,
        awsNativeProperty(property),
      ]),
    ) as unknown as PermissionStatement,
);

/** The CloudFormation type an aws-native token of these tables stands for (the audit names it by that type). */
const CLOUDFORMATION_OF: Readonly<Record<string, string>> = (() => {
  const out = lookupTable<string>({});
  for (const table of [
    CLOUDFORMATION_RESOURCE_POLICIES,
    CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
    CLOUDFORMATION_STATEMENT_POLICIES,
    PRINCIPAL_GRANTS,
    LAMBDA_PERMISSIONS,
  ])
    for (const type of Object.keys(table)) {
      const token = type.startsWith('AWS::') ? awsNativeType(type) : undefined;
      if (token !== undefined) out[token] = type;
    }
  return out;
})();

/** The CloudFormation resource-policy type an aws-native token spells, or undefined. */
export function cloudFormationTypeOfAwsNative(token: string): string | undefined {
  return Object.hasOwn(CLOUDFORMATION_OF, token) ? CLOUDFORMATION_OF[token] : undefined;
}
