/**
 * Turns catalog file data that passed every check into the Catalog the engine reads: durations become
 * seconds or days, trusted accounts a list, and classes, tag keys and privileged actions are merged over
 * the built-in defaults.
 */
import { fromLegacyNotation } from '../src/util/legacy-notation.js';
import type { IdentityClass } from '../src/model/model.js';
import {
  cloneClasses,
  clonePrivilegedAction,
  DEFAULT_CLASSES,
  DEFAULT_PRIVILEGED_ACTIONS,
  DEFAULT_TAG_KEYS,
} from './defaults.js';
import type {
  Catalog,
  ClassPolicy,
  CredentialType,
  Entitlement,
  ExceptionPolicy,
  IdentityProvider,
  PrivilegedAction,
  RuleLevel,
  TagKeys,
  TrustedOidc,
} from './types.js';
import { durationDays, durationSeconds } from './values.js';

/** The file format, as entitlement-catalog.schema.json describes it. */
export interface CatalogFile {
  apiVersion: 'entitlement-guard/v1';
  owners?: Catalog['owners'];
  classes?: Partial<Record<IdentityClass, ClassPolicyFile>>;
  privilegedActions?: PrivilegedAction[];
  entitlements?: EntitlementFile[];
  identities?: Catalog['identities'];
  trust?: {
    accounts?: Record<string, { owner?: string; description?: string }>;
    organizations?: Record<string, { owner?: string; description?: string }>;
    oidc?: TrustedOidc[];
    identityProviders?: IdentityProvider[];
  };
  exceptions?: Catalog['exceptions'];
  exceptionPolicy?: { maxLifetime?: string; maxTargets?: number; approvers?: string[] };
  tags?: Partial<TagKeys>;
  rules?: Record<string, RuleLevel>;
}

interface ClassPolicyFile {
  maxSessionDuration?: string;
  maxSecretAge?: string;
  credentials?: CredentialType[];
  standingPrivilege?: boolean;
  federated?: boolean;
  mfa?: boolean;
  isolated?: boolean;
  monitored?: boolean;
}

type EntitlementFile = Omit<Entitlement, 'privileged' | 'approval'> & {
  privileged?: boolean;
  approval?: { by: string[]; maxDuration?: string; via?: string[] };
};

export function toCatalog(file: CatalogFile, source: string): Catalog {
  return {
    apiVersion: file.apiVersion,
    source,
    isDefault: false,
    owners: file.owners ?? [],
    classes: mergeClasses(file.classes ?? {}),
    privilegedActions: mergePrivilegedActions(file.privilegedActions ?? []),
    entitlements: (file.entitlements ?? []).map(toEntitlement),
    identities: file.identities ?? [],
    trust: {
      accounts: Object.entries(file.trust?.accounts ?? {}).map(([id, account]) => ({ id, ...account })),
      organizations: Object.entries(file.trust?.organizations ?? {}).map(([id, organization]) => ({
        id,
        ...organization,
      })),
      oidc: (file.trust?.oidc ?? []).map((provider) => ({
        ...provider,
        issuer: provider.issuer.replace(/^https:\/\//, ''),
      })),
      identityProviders: file.trust?.identityProviders ?? [],
    },
    exceptions: file.exceptions ?? [],
    exceptionPolicy: toExceptionPolicy(file.exceptionPolicy),
    tags: { ...DEFAULT_TAG_KEYS, ...file.tags },
    rules: file.rules ?? {},
  };
}

/** Field by field: a class that sets only maxSessionDuration keeps its default credentials and flags. */
function mergeClasses(overrides: Partial<Record<IdentityClass, ClassPolicyFile>>): Record<IdentityClass, ClassPolicy> {
  const classes = cloneClasses(DEFAULT_CLASSES);
  for (const [name, override] of Object.entries(overrides) as [IdentityClass, ClassPolicyFile][]) {
    const { maxSessionDuration, maxSecretAge, ...flags } = override;
    Object.assign(classes[name], flags);
    if (maxSessionDuration !== undefined) classes[name].maxSessionSeconds = durationSeconds(maxSessionDuration);
    if (maxSecretAge !== undefined) classes[name].maxSecretAgeDays = durationDays(maxSecretAge);
  }
  return classes;
}

/** The built-in list stays unless the catalog replaces an entry by id, so adding one never drops the rest. */
function mergePrivilegedActions(own: PrivilegedAction[]): PrivilegedAction[] {
  const ownIds = new Set(own.map((action) => action.id));
  const kept = DEFAULT_PRIVILEGED_ACTIONS.filter((action) => !ownIds.has(action.id)).map(clonePrivilegedAction);
  return [...kept, ...own];
}

function toEntitlement(file: EntitlementFile): Entitlement {
  const { approval, privileged, ...rest } = file;
  const entitlement: Entitlement = { ...rest, privileged: privileged ?? false };
  // A resource `catalog init` copied from a grant before the model had values of its own (model/deployment.ts) names
  // the own account, region or stack, or another resource of the change, as CloudFormation does.
  if (rest.aws)
    entitlement.aws = rest.aws.map((envelope) => ({
      ...envelope,
      resources: envelope.resources.map(fromLegacyNotation),
    }));
  if (approval) {
    entitlement.approval = { by: approval.by };
    if (approval.maxDuration !== undefined)
      entitlement.approval.maxDurationSeconds = durationSeconds(approval.maxDuration);
    if (approval.via !== undefined) entitlement.approval.via = approval.via;
  }
  return entitlement;
}

function toExceptionPolicy(file: CatalogFile['exceptionPolicy']): ExceptionPolicy {
  const policy: ExceptionPolicy = {};
  if (file?.maxLifetime !== undefined) policy.maxLifetimeDays = durationDays(file.maxLifetime);
  if (file?.maxTargets !== undefined) policy.maxTargets = file.maxTargets;
  if (file?.approvers !== undefined) policy.approvers = file.approvers;
  return policy;
}
