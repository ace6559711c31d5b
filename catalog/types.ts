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
  /** Use of the class's identities must be monitored (an event rule or metric filter on it, in the change). */
  monitored?: boolean;
}

export interface PrivilegedAction {
  id: string;
  category:
    | 'privilege-escalation'
    | 'permissions-management'
    | 'data-exfiltration'
    | 'credential-access'
    | 'destruction'
    | 'defense-evasion'
    | 'resource-exposure';
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
  approval?: Approval;
  aws?: AwsGrantEnvelope[];
  /** AWS managed policy ARNs this entitlement allows attaching as-is. */
  awsManagedPolicies?: string[];
  azure?: { roles: string[]; scopes?: string[] };
  gcp?: { roles: string[]; scopes?: string[] };
  kubernetes?: { clusterRoles?: string[]; roles?: string[]; namespaces?: string[]; acceptedRoutes?: string[] };
}

/** How a privileged entitlement is granted just in time. */
export interface Approval {
  /** Owners who approve. */
  by: string[];
  /** Longest approved elevation, in seconds. */
  maxDurationSeconds?: number;
  /** The approval path: principals (ARN globs) a role holding the entitlement may trust, and only those. */
  via?: string[];
}

export interface IdentityMatch {
  /** Glob over the identity's names (`payments-api-*`, an ARN, `path:<construct path>`, `urn:pulumi:…`): catalog/waivers.ts. */
  name?: string;
  /** All of these tags must be present with these values. */
  tags?: Record<string, string>;
  cloud?: 'aws' | 'azure' | 'gcp' | 'kubernetes';
}

export interface CatalogIdentity {
  id: string;
  /** Absent for identities that live only in the identity provider (listed for the audit). */
  match?: IdentityMatch;
  /**
   * One identity deployed on several clouds: one match per cloud (each with its `cloud`), instead of `match`. The audit
   * shows it as one row with each cloud's identity beneath. Read both through `recordMatches`.
   */
  matches?: IdentityMatch[];
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
  /** ISO date (YYYY-MM-DD) of the approval; the exception policy's maxLifetime counts from it. */
  approved?: string;
  rule: string;
  /** Glob over the binding names of the identity or secret a finding is about (catalog/waivers.ts), never a bare logical id. */
  target: string;
  reason: string;
  owner: string;
  approvedBy: string;
  ticket?: string;
  /** ISO date (YYYY-MM-DD); the exception waives nothing after it. */
  expires: string;
  /** Finding details (`Action::s3:*`, compared as text): only findings with one of these are waived. Absent: all of the rule's on the target. */
  details?: string[];
  /** `catalog-init`: written by `catalog init` to document what existed at adoption (the audit's burn-down). */
  origin?: 'catalog-init';
}

/** Limits every exception must meet. */
export interface ExceptionPolicy {
  /** Longest life of an exception, in days from its approval date. */
  maxLifetimeDays?: number;
  /** Most identities and secrets of one change an exception's target may match. */
  maxTargets?: number;
  /** Who may approve exceptions besides owner ids; when set, approvedBy must be one of them or an owner id. */
  approvers?: string[];
}

/** A sign-in path through an identity provider (SAML or OIDC federation). */
export interface IdentityProvider {
  /** Federated principal glob, as trust policies name it. */
  provider: string;
  /** Every sign-in through it requires MFA. */
  enforcesMfa: boolean;
  description?: string;
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
  trust: {
    accounts: TrustedAccount[];
    organizations?: TrustedAccount[];
    oidc: TrustedOidc[];
    identityProviders?: IdentityProvider[];
  };
  exceptions: CatalogException[];
  exceptionPolicy: ExceptionPolicy;
  tags: TagKeys;
  /** Org-wide enforcement per rule id. */
  rules: Record<string, RuleLevel>;
}

/** Every match of a catalog identity record: its per-cloud `matches`, else its one `match`, else none. */
export function recordMatches(record: CatalogIdentity): IdentityMatch[] {
  return record.matches ?? (record.match ? [record.match] : []);
}
