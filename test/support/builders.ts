/** Small builders for model fixtures, so rule tests read like the IaC they stand for. */
import type { Catalog } from '../../catalog/types.js';
import { defaultCatalog } from '../../catalog/index.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import type {
  ComputeAttachment,
  Credential,
  CredentialKind,
  Grant,
  Identity,
  IdentityKind,
  Maybe,
  Model,
  ResourceRef,
  Secret,
} from '../../src/model/model.js';

const STACK = 'TestStack';

export function ref(type: string, name: string): ResourceRef {
  return { type, name, stack: STACK };
}

export interface IdentityOptions {
  tags?: Record<string, string>;
  /** Raw AWS policy documents (objects or JSON strings), one aws-policy grant each. */
  policies?: unknown[];
  managedPolicies?: Maybe<string>[];
  grants?: Grant[];
  /** Raw AWS trust policy. */
  trust?: unknown;
  maxSessionSeconds?: Maybe<number>;
  credentials?: CredentialKind[] | Credential[];
  attachments?: ComputeAttachment['kind'][];
  platformOwners?: string[];
  arn?: string;
  /** The name is a physical name the IaC sets (RoleName), which binds catalog exceptions; else it stands for a logical id. */
  uniqueName?: boolean;
  /** CDK construct path (`Stack/Role/Resource`) or Pulumi URN of the identity's resource. */
  path?: string;
  urn?: string;
}

const RESOURCE_TYPES: Record<IdentityKind, string> = {
  'aws-role': 'AWS::IAM::Role',
  'aws-user': 'AWS::IAM::User',
  'aws-group': 'AWS::IAM::Group',
  'aws-permission-set': 'AWS::SSO::PermissionSet',
  'azure-application': 'azuread:index/application:Application',
  'azure-service-principal': 'azuread:index/servicePrincipal:ServicePrincipal',
  'azure-managed-identity': 'azure-native:managedidentity:UserAssignedIdentity',
  'gcp-service-account': 'gcp:serviceaccount/account:Account',
  'k8s-service-account': 'kubernetes:core/v1:ServiceAccount',
};

export function identity(kind: IdentityKind, name: string, options: IdentityOptions = {}): Identity {
  const resource = {
    ...ref(RESOURCE_TYPES[kind], name),
    ...(options.path ? { path: options.path } : {}),
    ...(options.urn ? { urn: options.urn } : {}),
  };
  const grants: Grant[] = [
    ...(options.policies ?? []).map((document, index): Grant => ({
      kind: 'aws-policy',
      source: ref('AWS::IAM::Policy', `${name}Policy${index === 0 ? '' : index + 1}`),
      document: parsePolicyDocument(document),
    })),
    ...(options.managedPolicies ?? []).map((arn): Grant => ({ kind: 'aws-managed-policy', source: resource, arn })),
    ...(options.grants ?? []),
  ];
  const credentials = (options.credentials ?? []).map((credential): Credential =>
    typeof credential === 'string'
      ? { kind: credential, source: ref(credentialType(credential), `${name}Credential`) }
      : credential,
  );
  return {
    id: `${STACK}/${name}`,
    cloud: kind.split('-')[0] === 'k8s' ? 'kubernetes' : (kind.split('-')[0] as Identity['cloud']),
    kind,
    name,
    ...(options.uniqueName ? { uniqueName: true } : {}),
    resource,
    ...(options.arn
      ? { arn: options.arn }
      : kind === 'aws-role'
        ? { arn: `arn:aws:iam::<own-account>:role/${name}` }
        : {}),
    tags: options.tags ?? {},
    ...(options.platformOwners ? { platformOwners: options.platformOwners } : {}),
    grants,
    ...(options.trust !== undefined ? { trustPolicy: parsePolicyDocument(options.trust) } : {}),
    ...(options.maxSessionSeconds !== undefined ? { maxSessionSeconds: options.maxSessionSeconds } : {}),
    credentials,
    attachments: (options.attachments ?? []).map((kind) => ({
      kind,
      source: ref('AWS::Lambda::Function', `${name}Compute`),
    })),
  };
}

export const role = (name: string, options?: IdentityOptions) => identity('aws-role', name, options);
export const user = (name: string, options?: IdentityOptions) => identity('aws-user', name, options);

function credentialType(kind: CredentialKind): string {
  switch (kind) {
    case 'aws-access-key':
      return 'AWS::IAM::AccessKey';
    case 'aws-login-profile':
      return 'AWS::IAM::User';
    default:
      return kind;
  }
}

export function secret(name: string, options: Partial<Omit<Secret, 'id' | 'name' | 'resource'>> = {}): Secret {
  return {
    id: `${STACK}/${name}`,
    cloud: 'aws',
    name,
    resource: ref('AWS::SecretsManager::Secret', name),
    tags: {},
    ...options,
  };
}

export function model(parts: Partial<Model> = {}): Model {
  return { identities: [], secrets: [], unattachedPolicies: [], ...parts };
}

/** The built-in defaults with the given parts replaced (owners, identities, …). */
export function catalog(parts: Partial<Catalog> = {}): Catalog {
  return { ...defaultCatalog(), isDefault: false, source: 'test-catalog.yaml', ...parts };
}

/** A policy document with one Allow statement. */
export function allow(
  action: string | string[],
  resource: string | string[] = '*',
  extra: Record<string, unknown> = {},
) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }] };
}
