import { documentInEffect } from '../iam/aws/condition-time.js';
import type { CredentialType } from '../../catalog/types.js';
import { expandActionPattern } from '../iam/aws/actions.js';
import { actionSubset, type ActionSubset } from '../iam/aws/evaluate.js';
import { OWN_ACCOUNT } from '../model/deployment.js';
import { isUnknown, type Credential, type Identity, type IdentityClass } from '../model/model.js';
import { globMatch } from '../util/glob.js';
import type { IdentityProfile } from '../../catalog/profile.js';
import { defineRule, type RuleContext } from './define.js';
import { heldPoliciesAndAllows } from './support/held-policies.js';
import { missingMfa } from './support/sign-in.js';
import {
  parseAwsPrincipal,
  parseFederatedPrincipal,
  trustEntries,
  withoutPlaceholders,
  type TrustEntry,
} from './support/trust.js';

type MessageId =
  | 'attachedToCompute'
  | 'assumableByService'
  | 'assumableByOidc'
  | 'assumableByIdentity'
  | 'assumableByCatalogIdentity'
  | 'assumableByAccount'
  | 'reachableBy'
  | 'noMfa'
  | 'unmonitored'
  | 'federatedCredential'
  | 'holdsCredential'
  | 'trustPending'
  | 'trustMalformed';

type Ctx = RuleContext<MessageId>;

/** The catalog credential type of each stored credential (federated credentials are handled as trust). */
const CREDENTIAL_TYPES: Record<Exclude<Credential['kind'], 'federated'>, CredentialType> = {
  'aws-access-key': 'access-key',
  'aws-service-specific-credential': 'secret',
  'aws-login-profile': 'password',
  // A public key registered with the user, whose private half the caller holds: what the catalog calls a certificate.
  'aws-ssh-public-key': 'certificate',
  'aws-signing-certificate': 'certificate',
  'azure-client-secret': 'secret',
  'azure-certificate': 'certificate',
  'gcp-service-account-key': 'access-key',
  // An access id and secret, as an AWS access key (Cloud Storage's XML API takes it where S3 takes one).
  'gcp-hmac-key': 'access-key',
  'k8s-service-account-token': 'secret',
  // A certificate and private key a Roles Anywhere trust anchor accepts: a certificate credential, as Azure's.
  'aws-roles-anywhere': 'certificate',
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
      assumableByCatalogIdentity:
        'Break-glass role {{name}} can be assumed by {{principal}}, which is catalog identity {{other}} of class {{class}} (defined outside ' +
        'this change). Remove it from the trust policy; no workload, service or agent may reach break-glass.',
      assumableByAccount:
        'Break-glass role {{name}} trusts account {{account}} ({{principal}}), which admits every principal of that account allowed ' +
        "sts:AssumeRole on it: workloads, CI and agents included ({{reach}}). Trust only the people's sign-in path instead: a SAML or " +
        'Identity Center provider, or named human roles, with MFA.',
      reachableBy:
        'Break-glass role {{name}} can be reached by {{other}}, an identity of {{class}}: {{path}}. Remove that sts:AssumeRole grant or scope it ' +
        'to the roles it needs, and stop trusting the whole account; no workload, service or agent may reach break-glass.',
      noMfa:
        'Break-glass role {{name}} can be signed into without MFA, which class {{class}} requires: {{why}}. Add a condition ' +
        '"Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
      unmonitored:
        'Use of break-glass identity {{name}} is not watched by anything in this change (no EventBridge rule or CloudWatch Logs metric ' +
        'filter names it), and class {{class}} must be monitored. Add an EventBridge rule on its sign-ins and API calls here, or make sure ' +
        'the alarm that watches it elsewhere exists: this cannot be verified from the change.',
      federatedCredential:
        'Break-glass identity {{name}} accepts tokens from {{issuer}} for subject {{subject}} (federated credential {{credential}}), ' +
        'so that workload can act as it. Remove the federated credential.',
      holdsCredential:
        'Break-glass identity {{name}} holds {{kind}} {{credential}}, which class {{class}} does not allow (allowed: {{allowed}}): ' +
        'a stored key works for scripts as well as people. Remove it.',
      trustPending: 'Isolation of break-glass role {{name}} cannot be verified until apply: {{what}}.',
      trustMalformed:
        'Isolation of break-glass role {{name}} cannot be verified: its trust policy cannot be read as written ({{what}}).',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      const cls = ctx.profile(identity).class;
      if (!cls || !ctx.catalog.classes[cls].isolated) continue;
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
      if (ctx.catalog.classes[cls].monitored) checkMonitored(ctx, identity, cls);
      const trust = identity.trustPolicy && documentInEffect(identity.trustPolicy, ctx.now);
      if (trust?.unreadable) {
        ctx.report({
          ...(trust.unreadable.malformed
            ? {
                messageId: 'trustMalformed' as const,
                data: { name: identity.name, what: trust.unreadable.description },
              }
            : {
                messageId: 'trustPending' as const,
                data: { name: identity.name, what: `trust policy is ${trust.unreadable.description}` },
              }),
          resource: identity.resource,
          identity,
          pending: true,
        });
      } else if (trust) {
        for (const entry of trustEntries(trust)) {
          // A path no person should have is reported as such; asking it for MFA would miss the point.
          const automated = checkTrust(ctx, identity, entry);
          if (!automated && ctx.catalog.classes[cls].mfa) checkMfa(ctx, identity, cls, entry);
        }
      }
    }
  },
});

function checkCredential(ctx: Ctx, identity: Identity, cls: IdentityClass, credential: Credential): void {
  const base = { resource: credential.source, identity, detail: `Credential::${credential.kind}` };
  if (credential.kind === 'federated') {
    const describe = (value: Credential['issuer']) =>
      value === undefined ? 'any' : isUnknown(value) ? value.description : value;
    ctx.report({
      ...base,
      messageId: 'federatedCredential',
      data: {
        name: identity.name,
        issuer: describe(credential.issuer),
        subject: describe(credential.subject),
        credential: credential.source.name,
      },
    });
    return;
  }
  const allowed = ctx.catalog.classes[cls].credentials;
  if (allowed.includes(CREDENTIAL_TYPES[credential.kind])) return;
  ctx.report({
    ...base,
    messageId: 'holdsCredential',
    data: {
      name: identity.name,
      kind: credential.kind,
      credential: credential.source.name,
      class: cls,
      allowed: allowed.join(', ') || 'none',
    },
  });
}

/** Reports a principal no person stands behind; true when it did (or the principal cannot be read yet). */
function checkTrust(ctx: Ctx, identity: Identity, entry: TrustEntry): boolean {
  const base = { resource: identity.resource, identity };
  const name = identity.name;
  const value = entry.value;
  if (isUnknown(value)) {
    ctx.report({
      ...base,
      messageId: 'trustPending',
      data: { name, what: `principal is ${value.description}` },
      pending: true,
    });
    return true;
  }
  const detail = `Principal::${value}`;
  if (entry.type === 'Service') {
    ctx.report({ ...base, messageId: 'assumableByService', data: { name, service: value }, detail });
    return true;
  }
  if (entry.type === 'Federated') {
    const federated = parseFederatedPrincipal(value);
    if (federated.kind !== 'oidc') return false;
    ctx.report({ ...base, messageId: 'assumableByOidc', data: { name, issuer: federated.issuer }, detail });
    return true;
  }
  // `Principal: "*"` is restrict-trust's finding (and asked for MFA below); SAML federation is how people reach break-glass.
  return entry.type === 'AWS' ? checkAwsPrincipal(ctx, identity, value) : false;
}

/** People (human) and break-glass identities themselves may reach break-glass; any other class, or none declared, may not. */
function mayReach(cls: IdentityClass | undefined): boolean {
  return cls === 'human' || cls === 'break-glass';
}

/**
 * Whether an identity of the change may reach break-glass: a person or break-glass class the catalog gave it
 * (`classReviewed`). A class its tags (or a record matched only by its bare resource name or tags) claim is the author's word:
 * a Lambda's role tagged `human` is still a machine, and may not reach break-glass on that word.
 */
function profileMayReach(profile: IdentityProfile): boolean {
  return profile.classReviewed && mayReach(profile.class);
}

/** The class a message names: a claimed one says it was claimed, so the reader sees why it did not count. */
function className(profile: IdentityProfile): string | undefined {
  if (!profile.class) return undefined;
  if (!mayReach(profile.class) || profile.classReviewed) return profile.class;
  return profile.recordMatchedBy === 'tags' && profile.record
    ? `${profile.class} (from catalog identity ${profile.record.id}, matched only by tags the IaC sets)`
    : `${profile.class} (claimed by the IaC; no catalog record gives it)`;
}

/**
 * An AWS principal of the trust: a named role or user of the change or of the catalog, or a whole account (its root
 * or bare id), which admits every principal of that account holding sts:AssumeRole on the role.
 */
function checkAwsPrincipal(ctx: Ctx, identity: Identity, value: string): boolean {
  const base = { resource: identity.resource, identity };
  const name = identity.name;
  const detail = `Principal::${value}`;
  const principal = parseAwsPrincipal(value, ctx.model.accountIds ?? []);
  if (isWholeAccount(value) && principal.kind === 'account') {
    const reachers = accountReachers(ctx, identity, principal.account);
    for (const reacher of reachers) {
      ctx.report({
        ...base,
        messageId: 'reachableBy',
        data: {
          name,
          other: reacher.other.name,
          class: reacher.cls ? `class ${reacher.cls}` : 'no declared class',
          path: reacher.path,
        },
        detail: `Reach::${reacher.other.name}`,
      });
    }
    const reach = reachers.length
      ? `in this change: ${reachers.map((reacher) => reacher.other.name).join(', ')}`
      : 'none in this change, any in the next';
    ctx.report({
      ...base,
      messageId: 'assumableByAccount',
      data: { name, account: principal.account, principal: value, reach },
      detail,
    });
    return true;
  }
  let matched = false;
  let reported = false;
  for (const other of ctx.model.identities) {
    if (other === identity || typeof other.arn !== 'string' || !globMatch(value, other.arn)) continue;
    matched = true;
    const otherProfile = ctx.profile(other);
    if (profileMayReach(otherProfile)) continue;
    ctx.report({
      ...base,
      messageId: 'assumableByIdentity',
      data: { name, other: other.name, principal: value, class: className(otherProfile) ?? 'none declared' },
      detail,
    });
    reported = true;
  }
  if (matched) return reported;
  // A principal outside the change: the catalog may know it by name (a CI role another stack creates).
  const principalName = /:(?:role|user)\/(?:.*\/)?([^/]+)$/.exec(value)?.[1];
  if (principalName === undefined) return false;
  for (const record of ctx.catalog.identities) {
    // An AWS principal: a record's one match by its name, or its AWS match among per-cloud ones.
    const patterns = (
      record.matches ? record.matches.filter((match) => match.cloud === 'aws') : record.match ? [record.match] : []
    ).flatMap((match) => (match.name !== undefined ? [match.name] : []));
    if (
      !(patterns.length
        ? patterns.some((pattern) => globMatch(pattern, principalName))
        : record.id === principalName) ||
      mayReach(record.class)
    )
      continue;
    ctx.report({
      ...base,
      messageId: 'assumableByCatalogIdentity',
      data: { name, principal: value, other: record.id, class: record.class },
      detail,
    });
    return true;
  }
  return false;
}

/** `arn:…:iam::<account>:root` or a bare account id: the account, not one principal of it. */
function isWholeAccount(value: string): boolean {
  return /^\d{12}$/.test(value) || /^arn:[^:]+:iam::[^:]+:root$/.test(withoutPlaceholders(value));
}

interface Reacher {
  other: Identity;
  /** The class as messages name it (className). */
  cls?: string;
  path: string;
}

/** The change's identities (not people or break-glass) whose own policies allow sts:AssumeRole on the role. */
function accountReachers(ctx: Ctx, target: Identity, account: string): Reacher[] {
  if (typeof target.arn !== 'string') return [];
  const arns = targetArns(target.arn, ctx.model.accountIds ?? []);
  const reachers: Reacher[] = [];
  for (const other of ctx.model.identities) {
    if (other === target || other.cloud !== 'aws' || other.kind === 'aws-group') continue;
    const otherProfile = ctx.profile(other);
    if (profileMayReach(otherProfile)) continue;
    const cls = className(otherProfile);
    const [assume] = heldPoliciesAndAllows(ctx, other).some(assumeRole()).values();
    if (!assume) continue;
    const pattern = assume.resources.find(
      (resource): resource is string =>
        typeof resource === 'string' &&
        arns.some((arn) => globMatch(resource, arn) || globMatch(asOwnAccount(resource), arn)),
    );
    if (pattern === undefined) continue;
    reachers.push({
      other,
      cls,
      path: `${other.name} is allowed sts:AssumeRole on ${pattern}, which matches ${target.arn}, and ${target.name} trusts account ${account}`,
    });
  }
  return reachers;
}

let assumeRoleOnly: ActionSubset | undefined;

/** sts:AssumeRole, the one action this rule asks about. */
function assumeRole(): ActionSubset {
  return (assumeRoleOnly ??= actionSubset(expandActionPattern('sts:AssumeRole')));
}

/**
 * A pattern naming a literal account, read as the change's own account: a template does not know its account, so
 * `role/*` of account 111122223333 may well be this one (fail closed).
 */
function asOwnAccount(pattern: string): string {
  return pattern.replace(/^(arn:[^:]+:iam::)\d{12}(:)/, `$1${OWN_ACCOUNT}$2`);
}

/** The role ARN with the change's own account written out, so an account-specific pattern can match it. */
function targetArns(arn: string, accounts: readonly string[]): string[] {
  if (!arn.includes(OWN_ACCOUNT)) return [arn];
  return [arn, ...accounts.map((account) => arn.replace(OWN_ACCOUNT, account))];
}

function checkMfa(ctx: Ctx, identity: Identity, cls: IdentityClass, entry: TrustEntry): void {
  const why = missingMfa(entry, ctx.catalog);
  if (why === undefined) return;
  const value = isUnknown(entry.value) ? entry.value.description : entry.value;
  ctx.report({
    resource: identity.resource,
    identity,
    messageId: 'noMfa',
    data: { name: identity.name, class: cls, why },
    detail: `Mfa::${value}`,
  });
}

/**
 * A monitored class needs something to fire when the identity is used. In the change that is an event rule or metric
 * filter whose pattern names the identity (its physical name or ARN); anything else may watch it from another stack
 * or account, which the change cannot show: then the finding is advisory, saying what to verify.
 */
function checkMonitored(ctx: Ctx, identity: Identity, cls: IdentityClass): void {
  const names = [identity.name, ...(typeof identity.arn === 'string' ? [identity.arn] : [])];
  const watched = (ctx.model.monitors ?? []).some((monitor) => names.some((name) => monitor.pattern.includes(name)));
  if (watched) return;
  ctx.report({
    resource: identity.resource,
    identity,
    messageId: 'unmonitored',
    data: { name: identity.name, class: cls },
    detail: 'Monitoring::none',
    pending: true,
    undecidable: true,
  });
}
