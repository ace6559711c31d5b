/**
 * What `catalog init` infers about an identity from the change alone, each fact with what it was based on (the
 * generated catalog carries it as a comment, so a reviewer can tell a fact from a guess).
 *
 * Class, from how the identity is used and trusted (the same trust reader restrict-trust uses):
 * - a class tag that names a class, or an `--agent` hint (agents cannot be told from services by their trust);
 * - SAML federation, IAM Identity Center (a permission set, an `AWSReservedSSO_` role), or a console password with
 *   no access key: human;
 * - OIDC federation (web identity trust, an Azure AD federated credential, a workload identity pool): workload;
 * - a service principal, compute that runs as it (Lambda, instance profile, task, pod), a Kubernetes service
 *   account or a managed identity: service;
 * - anything else (a role only other roles assume, a user with a key): service, said to be a default.
 */
import type { Catalog } from '../../catalog/types.js';
import { IDENTITY_CLASSES, isUnknown, type Identity, type IdentityClass, type Secret } from '../model/model.js';
import { parseFederatedPrincipal, trustEntries } from '../rules/support/trust.js';
import { globMatch } from '../util/glob.js';

export interface Inferred<T> {
  value: T;
  /** What the inference was based on, for the comment beside it. */
  basis: string;
}

export function inferClass(
  identity: Identity,
  catalog: Catalog,
  agentHints: readonly string[],
): Inferred<IdentityClass> {
  const tag = identity.tags[catalog.tags.class];
  if (tag !== undefined && (IDENTITY_CLASSES as readonly string[]).includes(tag))
    return { value: tag as IdentityClass, basis: `tag ${catalog.tags.class}=${tag}` };
  const hint = agentHints.find(
    (pattern) => globMatch(pattern, identity.name) || globMatch(pattern, identity.resource.name),
  );
  if (hint !== undefined) return { value: 'agent', basis: `--agent ${hint}` };
  if (identity.kind === 'aws-permission-set') return { value: 'human', basis: 'IAM Identity Center permission set' };
  if (/^AWSReservedSSO_/.test(identity.name))
    return { value: 'human', basis: 'IAM Identity Center role (AWSReservedSSO_)' };
  const entries = identity.trustPolicy && !identity.trustPolicy.unreadable ? trustEntries(identity.trustPolicy) : [];
  for (const entry of entries) {
    if (entry.type !== 'Federated' || isUnknown(entry.value)) continue;
    const federated = parseFederatedPrincipal(entry.value);
    if (federated.kind === 'saml') return { value: 'human', basis: `SAML federation (${entry.value})` };
  }
  for (const entry of entries) {
    if (entry.type !== 'Federated' || isUnknown(entry.value)) continue;
    const federated = parseFederatedPrincipal(entry.value);
    if (federated.kind === 'oidc') return { value: 'workload', basis: `OIDC federation from ${federated.issuer}` };
  }
  const federatedCredential = identity.credentials.find((credential) => credential.kind === 'federated');
  if (federatedCredential) {
    const issuer =
      typeof federatedCredential.issuer === 'string' ? federatedCredential.issuer : 'an issuer known at apply';
    return { value: 'workload', basis: `federated credential from ${issuer}` };
  }
  const attachment = identity.attachments[0];
  if (attachment) return { value: 'service', basis: `runs ${attachment.kind} ${attachment.source.name}` };
  const service = entries.find((entry) => entry.type === 'Service' && typeof entry.value === 'string');
  if (service) return { value: 'service', basis: `trusted by service principal ${service.value as string}` };
  if (identity.kind === 'k8s-service-account') return { value: 'service', basis: 'Kubernetes service account' };
  if (identity.kind === 'azure-managed-identity') return { value: 'service', basis: 'Azure managed identity' };
  if (identity.kind === 'aws-user') {
    const password = identity.credentials.some((credential) => credential.kind === 'aws-login-profile');
    const key = identity.credentials.some((credential) => credential.kind === 'aws-access-key');
    if (password && !key) return { value: 'human', basis: 'IAM user with a console password and no access key' };
    if (key) return { value: 'service', basis: 'IAM user with an access key' };
  }
  return { value: 'service', basis: 'default: no human, CI or compute sign-in seen' };
}

/** The owner tag (or the platform's own owner record), as an owner id the catalog can hold, or undefined. */
export function inferOwner(subject: Identity | Secret, catalog: Catalog): Inferred<string> | undefined {
  const tag = subject.tags[catalog.tags.owner];
  if (tag !== undefined && tag.trim() !== '') return { value: ownerId(tag), basis: `tag ${catalog.tags.owner}=${tag}` };
  const platform = 'platformOwners' in subject ? subject.platformOwners?.[0] : undefined;
  if (platform !== undefined && platform.trim() !== '')
    return { value: ownerId(platform), basis: `owner recorded by the platform: ${platform}` };
  return undefined;
}

/** A catalog id (letters, digits, `.`, `_`, `-`, starting with a letter or digit) close to the text. */
export function toId(text: string, fallback = 'unnamed'): string {
  const id = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[-.]+$/, '');
  return id === '' ? fallback : id;
}

/**
 * The owner id a tag value becomes. The profile reads the tag value as an owner id as it is, so a value that is
 * already an id is kept exactly; others are made one (the catalog record then names the owner, not the tag).
 */
export function ownerId(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : toId(value.toLowerCase(), 'owner');
}
