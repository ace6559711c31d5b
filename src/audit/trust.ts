/**
 * Who or what can become the identity: the principals of its trust policy (with their conditions) and the compute
 * that runs as it; who a secret's resource policies let read it. Read with the same trust reader restrict-trust and
 * break-glass-isolation use.
 */
import { isUnknown, type Identity, type PolicyValue, type Secret } from '../model/model.js';
import {
  parseAwsPrincipal,
  parseFederatedPrincipal,
  principalEntries,
  readsSecretValue,
  trustEntries,
  type TrustEntry,
} from '../rules/support/trust.js';
import type { AuditTrust } from './types.js';
import { documentInEffect } from '../iam/aws/condition-time.js';
import { describeWorkload } from '../iam/aws/pod-identity.js';

/**
 * `now`: a statement whose condition has ended it by then admits nobody (iam/aws/condition-time.ts), as restrict-trust
 * reads it, so it lists no one.
 */
export function auditTrust(identity: Identity, ownAccounts: readonly string[] = [], now?: Date): AuditTrust[] {
  if (!identity.trustPolicy) return [];
  if (identity.trustPolicy.unreadable)
    return [{ kind: 'unknown', principal: identity.trustPolicy.unreadable.description, conditions: [] }];
  const trust = documentInEffect(identity.trustPolicy, now);
  return trustEntries(trust).map((entry) => ({
    ...principalOf(entry, ownAccounts),
    conditions: entry.conditions.map(describeCondition),
  }));
}

/**
 * The principals a secret's resource policies let read its value (each Allow that may grant GetSecretValue, one whose
 * actions are known only at apply included), with their conditions; a policy that cannot be read is one unknown entry.
 * Empty when the change writes no policy on the secret.
 */
export function auditSecretReaders(secret: Secret, ownAccounts: readonly string[] = [], now?: Date): AuditTrust[] {
  return (secret.resourcePolicies ?? []).flatMap(({ document: written }) => {
    if (written.unreadable) return [{ kind: 'unknown', principal: written.unreadable.description, conditions: [] }];
    const document = documentInEffect(written, now);
    return document.statements
      .filter((statement) => statement.effect === 'Allow' && readsSecretValue(statement) !== false)
      .flatMap(principalEntries)
      .map((entry) => ({ ...principalOf(entry, ownAccounts), conditions: entry.conditions.map(describeCondition) }));
  });
}

function principalOf(entry: TrustEntry, ownAccounts: readonly string[]): Omit<AuditTrust, 'conditions'> {
  if (entry.type === 'everyone') return { kind: 'everyone', principal: '*' };
  if (isUnknown(entry.value)) return { kind: 'unknown', principal: entry.value.description };
  const value = entry.value;
  if (entry.type === 'Service') return { kind: 'service', principal: value };
  if (entry.type === 'Federated') {
    const federated = parseFederatedPrincipal(value);
    return federated.kind === 'saml'
      ? { kind: 'saml', principal: value }
      : { kind: 'oidc', principal: federated.issuer };
  }
  if (entry.type === 'AWS') {
    const aws = parseAwsPrincipal(value, ownAccounts);
    if (aws.kind === 'everyone') return { kind: 'everyone', principal: value };
    if (aws.kind === 'account') return { kind: aws.own ? 'own-account' : 'aws-account', principal: value };
  }
  return { kind: entry.type.toLowerCase(), principal: value };
}

function describeCondition(clause: { operator: string; key: string; values: PolicyValue[] }): string {
  const values = clause.values.map((value) => (isUnknown(value) ? `(unknown: ${value.description})` : value));
  return `${clause.operator} ${clause.key} = ${values.join(' | ')}`;
}

/** What runs as the identity: `lambda MyFunction`, `instance-profile Profile`. */
export function runsOn(identity: Identity): string[] {
  // One line per compute: a resource that names the role in two of its properties (a Firehose destination and its
  // backup bucket, a Batch job's job and execution roles) runs as it once.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { kind, source, workload } of identity.attachments) {
    const key = [kind, source.stack, source.file, source.urn, source.type, source.name].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    // A Pod Identity association's workload is the role's subject: which pods hold it.
    lines.push(`${kind} ${source.name}${workload ? ` (${describeWorkload(workload)})` : ''}`);
  }
  return lines;
}
