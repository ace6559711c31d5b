/** The credentials an identity holds and how long each lives. */
import { isUnknown, type Identity, type Maybe } from '../model/model.js';
import { daysLeft } from './dates.js';
import type { AuditCredential } from './types.js';

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
