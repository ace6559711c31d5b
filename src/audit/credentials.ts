/** The credentials an identity holds and how long each lives, and the keys resources hold of their own. */
import { isUnknown, type Identity, type Maybe, type ResourceRef, type SharedKeyAccess } from '../model/model.js';
import { daysLeft } from './dates.js';
import type { AuditCredential, AuditFinding, AuditSharedKey } from './types.js';

export function auditCredentials(identity: Identity, now: Date): AuditCredential[] {
  return identity.credentials.map((credential) => {
    const expiresAt = known(credential.expiresAt);
    const left = expiresAt === undefined ? undefined : daysLeft(expiresAt, now);
    const issuer = known(credential.issuer);
    const subject = known(credential.subject);
    return {
      kind: credential.kind,
      source: credential.source,
      lifetime: credential.kind === 'federated' ? 'federated' : 'long-lived',
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      ...(left !== undefined ? { daysLeft: left } : {}),
      ...(issuer !== undefined ? { accepts: `${issuer}${subject !== undefined ? ` subject ${subject}` : ''}` } : {}),
    };
  });
}

function known(value: Maybe<string> | undefined): string | undefined {
  return value === undefined || isUnknown(value) ? undefined : value;
}

/**
 * The keys resources of the change hold of their own (an Azure storage account's account keys), each on the resource
 * that holds them with whether the change enables them, leaves them to the platform's default, or decides only at
 * apply. No identity holds them (whoever may list the keys may use them), so none is made up for them.
 */
export function auditSharedKeys(
  sharedKeys: readonly SharedKeyAccess[],
  findingsOn: (resource: ResourceRef) => AuditFinding[],
): AuditSharedKey[] {
  return sharedKeys.map((keys) => ({
    kind: keys.kind,
    cloud: keys.cloud,
    name: keys.name,
    source: keys.source,
    lifetime: 'long-lived',
    status: keys.reason.kind,
    ...(keys.reason.kind === 'pending' ? { pendingOn: keys.reason.what } : {}),
    setting: keys.setting,
    findings: findingsOn(keys.source),
  }));
}

/** Whether a resource's own keys work, in words for the Markdown and HTML audit. */
export function sharedKeyStatus(keys: AuditSharedKey): string {
  switch (keys.status) {
    case 'enabled':
      return `enabled (${keys.setting}: true)`;
    case 'unset':
      return `enabled by default (${keys.setting} not set)`;
    case 'pending':
      return `known only at apply (${keys.pendingOn ?? keys.setting})`;
  }
}
