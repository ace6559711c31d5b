import type { CredentialType } from '../../catalog/types.js';
import { isUnknown, type Credential, type Identity, type IdentityClass } from '../model/model.js';
import { globMatch } from '../util/glob.js';
import { defineRule, type RuleContext } from './define.js';
import { parseFederatedPrincipal, trustEntries, type TrustEntry } from './support/trust.js';

type MessageId =
  | 'attachedToCompute'
  | 'assumableByService'
  | 'assumableByOidc'
  | 'assumableByIdentity'
  | 'federatedCredential'
  | 'holdsCredential'
  | 'trustPending';

type Ctx = RuleContext<MessageId>;

/** Classes whose identities run unattended: none of them may reach an isolated identity. */
const AUTOMATED_CLASSES: readonly IdentityClass[] = ['service', 'workload', 'agent'];

/** The catalog credential type of each stored credential (federated credentials are handled as trust). */
const CREDENTIAL_TYPES: Record<Exclude<Credential['kind'], 'federated'>, CredentialType> = {
  'aws-access-key': 'access-key',
  'aws-service-specific-credential': 'secret',
  'aws-login-profile': 'password',
  'azure-client-secret': 'secret',
  'azure-certificate': 'certificate',
  'gcp-service-account-key': 'access-key',
  'k8s-service-account-token': 'secret',
};

export default defineRule<MessageId>({
  meta: {
    id: 'break-glass-isolation',
    title: 'Break-glass identities are reachable by people only',
    level: 'mandatory',
    rationale:
      'A break-glass identity holds standing privilege for emergencies. If compute runs as it, a workload, CI job or agent ' +
      'can assume it, or it holds a key a script can use, then that privilege is one compromised workload away, every day.',
    remediation:
      'Detach the identity from compute, trust only the people who may use it (SAML or Identity Center federation, or principals ' +
      'of the own account with MFA), and remove keys and secrets it does not need (the class lists the credentials it may hold).',
    frameworks: ['NIST-CSF-2.0:PR.AA-05', 'MITRE-ATTACK:T1548.005'],
    messages: {
      attachedToCompute:
        'Break-glass identity {{name}} is attached to compute ({{attachment}} {{compute}}), so everything running there acts ' +
        'with its standing privilege. Detach it and give the compute its own workload role.',
      assumableByService:
        'Break-glass role {{name}} can be assumed by AWS service {{service}}, so compute that service runs can act with it. ' +
        'Remove the service principal; break-glass is assumed by people, through federation with MFA.',
      assumableByOidc:
        'Break-glass role {{name}} can be assumed with tokens from OIDC issuer {{issuer}}, the way CI and workloads sign in. ' +
        'Remove this trust; break-glass is assumed by people, through SAML or Identity Center federation.',
      assumableByIdentity:
        'Break-glass role {{name}} can be assumed by {{other}} ({{principal}}), an identity of class {{class}}. Remove it from the trust ' +
        'policy; no workload, service or agent may reach break-glass.',
      federatedCredential:
        'Break-glass identity {{name}} accepts tokens from {{issuer}} for subject {{subject}} (federated credential {{credential}}), ' +
        'so that workload can act as it. Remove the federated credential.',
      holdsCredential:
        'Break-glass identity {{name}} holds {{kind}} {{credential}}, which class {{class}} does not allow (allowed: {{allowed}}): ' +
        'a stored key works for scripts as well as people. Remove it.',
      trustPending: 'Isolation of break-glass role {{name}} cannot be verified until apply: {{what}}.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      const cls = ctx.profile(identity).class;
      if (!cls || !ctx.catalog.classes[cls]?.isolated) continue;
      for (const attachment of identity.attachments) {
        ctx.report({
          messageId: 'attachedToCompute',
          data: { name: identity.name, attachment: attachment.kind, compute: attachment.source.name },
          resource: attachment.source,
          identity,
          detail: `Attachment::${attachment.kind}`,
        });
      }
      for (const credential of identity.credentials) checkCredential(ctx, identity, cls, credential);
      const trust = identity.trustPolicy;
      if (trust?.unreadable) {
        ctx.report({ messageId: 'trustPending', data: { name: identity.name, what: `trust policy is ${trust.unreadable.description}` }, resource: identity.resource, identity, pending: true });
      } else if (trust) {
        for (const entry of trustEntries(trust)) checkTrust(ctx, identity, entry);
      }
    }
  },
});

function checkCredential(ctx: Ctx, identity: Identity, cls: IdentityClass, credential: Credential): void {
  const base = { resource: credential.source, identity, detail: `Credential::${credential.kind}` };
  if (credential.kind === 'federated') {
    const describe = (value: Credential['issuer']) => (value === undefined ? 'any' : isUnknown(value) ? value.description : value);
    ctx.report({
      ...base,
      messageId: 'federatedCredential',
      data: { name: identity.name, issuer: describe(credential.issuer), subject: describe(credential.subject), credential: credential.source.name },
    });
    return;
  }
  const allowed = ctx.catalog.classes[cls].credentials;
  if (allowed.includes(CREDENTIAL_TYPES[credential.kind])) return;
  ctx.report({
    ...base,
    messageId: 'holdsCredential',
    data: { name: identity.name, kind: credential.kind, credential: credential.source.name, class: cls, allowed: allowed.join(', ') || 'none' },
  });
}

function checkTrust(ctx: Ctx, identity: Identity, entry: TrustEntry): void {
  const base = { resource: identity.resource, identity };
  const name = identity.name;
  const value = entry.value;
  if (isUnknown(value)) {
    ctx.report({ ...base, messageId: 'trustPending', data: { name, what: `principal is ${value.description}` }, pending: true });
    return;
  }
  const detail = `Principal::${value}`;
  if (entry.type === 'Service') {
    ctx.report({ ...base, messageId: 'assumableByService', data: { name, service: value }, detail });
  } else if (entry.type === 'Federated') {
    const federated = parseFederatedPrincipal(value);
    if (federated.kind === 'oidc') ctx.report({ ...base, messageId: 'assumableByOidc', data: { name, issuer: federated.issuer }, detail });
  } else if (entry.type === 'AWS') {
    for (const other of ctx.model.identities) {
      if (other === identity || typeof other.arn !== 'string' || !globMatch(value, other.arn)) continue;
      const otherClass = ctx.profile(other).class;
      if (!otherClass || !AUTOMATED_CLASSES.includes(otherClass)) continue;
      ctx.report({ ...base, messageId: 'assumableByIdentity', data: { name, other: other.name, principal: value, class: otherClass }, detail });
    }
  }
  // `Principal: "*"` is restrict-trust's finding; SAML federation is how people reach break-glass.
}
