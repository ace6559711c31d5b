/**
 * The entitlement catalog, as the engine reads it after loading and validation.
 * The YAML/JSON format is described by `catalog/entitlement-catalog.schema.json`.
 */
import type { IdentityClass } from '../src/model/model.js';

export type RuleLevel = 'mandatory' | 'advisory' | 'disabled';

export interface Owner {
  id: string;
  contact?: string;
  description?: string;
}

export type CredentialType = 'workload-identity' | 'federated' | 'secret' | 'access-key' | 'password' | 'certificate';

export interface ClassPolicy {
  /** Longest session (role assumption / token) in seconds. */
  maxSessionSeconds?: number;
  /** Longest life of a secret or client secret, in days. */
  maxSecretAgeDays?: number;
  /** Credential types the class may hold. */
  credentials: CredentialType[];
  /** False: privileged entitlements must be just-in-time (approval with maxDuration), never standing. */
  standingPrivilege: boolean;
  /** Humans: must be federated (no local IAM users). */
  federated?: boolean;
  mfa?: boolean;
  /** Break-glass: must not be reachable from compute, workloads, CI or agents. */
  isolated?: boolean;
}

export interface PrivilegedAction {
  id: string;
  category: 'privilege-escalation' | 'permissions-management' | 'data-exfiltration' | 'credential-access' | 'destruction' | 'defense-evasion' | 'resource-exposure';
  description?: string;
  aws?: string[];
  azure?: string[];
  gcp?: string[];
  kubernetes?: string[];
}

export interface AwsGrantEnvelope {
  actions: string[];
  resources: string[];
}

export interface Entitlement {
  id: string;
  description?: string;
  classes: IdentityClass[];
  privileged: boolean;
  approval?: { by: string[]; maxDurationSeconds?: number };
  aws?: AwsGrantEnvelope[];
  /** AWS managed policy ARNs this entitlement allows attaching as-is. */
  awsManagedPolicies?: string[];
  azure?: { roles: string[]; scopes?: string[] };
  gcp?: { roles: string[]; scopes?: string[] };
  kubernetes?: { clusterRoles?: string[]; roles?: string[]; namespaces?: string[] };
}

export interface IdentityMatch {
  /** Glob over the identity's names (`payments-api-*`, an ARN, `path:<construct path>`, `urn:pulumi:…`): src/engine/waivers.ts. */
  name?: string;
  /** All of these tags must be present with these values. */
  tags?: Record<string, string>;
  cloud?: 'aws' | 'azure' | 'gcp' | 'kubernetes';
}

export interface CatalogIdentity {
  id: string;
  /** Absent for identities that live only in the identity provider (listed for the audit). */
  match?: IdentityMatch;
  owner: string;
  class: IdentityClass;
  entitlements: string[];
  purpose?: string;
  /** ISO date (YYYY-MM-DD). */
  expires?: string;
}

export interface TrustedAccount {
  id: string;
  owner?: string;
  description?: string;
}

export interface TrustedOidc {
  issuer: string;
  /** Allowed subject patterns (glob). */
  subjects: string[];
  audiences?: string[];
}

export interface CatalogException {
  id: string;
  rule: string;
  /** Glob over the binding names of the identity or secret a finding is about (src/engine/waivers.ts), never a bare logical id. */
  target: string;
  reason: string;
  owner: string;
  approvedBy: string;
  ticket?: string;
  /** ISO date (YYYY-MM-DD); the exception waives nothing after it. */
  expires: string;
}

export interface TagKeys {
  owner: string;
  class: string;
  entitlements: string;
  purpose: string;
  expires: string;
}

export interface Catalog {
  apiVersion: 'entitlement-guard/v1';
  /** Where it came from, for messages: a file path or `built-in defaults`. */
  source: string;
  /** True when no catalog was given: catalog-dependent rules say what is missing. */
  isDefault: boolean;
  owners: Owner[];
  classes: Record<IdentityClass, ClassPolicy>;
  privilegedActions: PrivilegedAction[];
  entitlements: Entitlement[];
  identities: CatalogIdentity[];
  /** `organizations`: AWS Organizations ids (o-…) a principal-narrowing condition may name; absent in catalogs built by hand before it existed. */
  trust: { accounts: TrustedAccount[]; organizations?: TrustedAccount[]; oidc: TrustedOidc[] };
  exceptions: CatalogException[];
  tags: TagKeys;
  /** Org-wide enforcement per rule id. */
  rules: Record<string, RuleLevel>;
}
