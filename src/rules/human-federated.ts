import { documentInEffect } from '../iam/aws/condition-time.js';
import { isUnknown, type Identity } from '../model/model.js';
import { globMatch } from '../util/glob.js';
import { defineRule, type RuleContext } from './define.js';
import { missingMfa } from './support/sign-in.js';
import { trustEntries } from './support/trust.js';

type MessageId = 'localUser' | 'noMfa';

export default defineRule<MessageId>({
  meta: {
    id: 'human-federated',
    title: 'People sign in through federation with MFA, not local IAM users',
    level: 'mandatory',
    rationale:
      'A local IAM user is a second account for a person, outside the identity provider: it survives their departure, ' +
      "skips the provider's MFA and sign-in policies, and tends to collect passwords and access keys. A role people assume without " +
      'MFA is one phished password away.',
    remediation:
      'Remove the IAM user and give the person a role they assume through the identity provider (IAM Identity Center ' +
      'permission set, or a role trusting a SAML or OIDC provider). Where the class requires MFA, require it on each way in: an ' +
      'aws:MultiFactorAuthPresent condition, or an identity provider the catalog declares MFA-enforcing (trust.identityProviders).',
    frameworks: ['NIST-CSF-2.0:PR.AA-01'],
    messages: {
      localUser:
        'IAM user {{name}} is a local user for class {{class}}, which must be federated. Remove the user and grant the person ' +
        'a role assumed through the identity provider (IAM Identity Center or a SAML/OIDC trust).',
      noMfa:
        'Role {{name}} of class {{class}} can be signed into without MFA, which the class requires: {{why}}. Add a condition ' +
        '"Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      if (identity.kind === 'aws-role') {
        checkMfa(ctx, identity);
        continue;
      }
      if (identity.kind !== 'aws-user') continue;
      // Users with no declared class are require-entitlement's finding, not this rule's.
      const cls = ctx.profile(identity).class;
      if (!cls || !ctx.catalog.classes[cls].federated) continue;
      ctx.report({
        messageId: 'localUser',
        data: { name: identity.name, class: cls },
        resource: identity.resource,
        identity,
        detail: 'IdentityKind::aws-user',
      });
    }
  },
});

/**
 * People's roles (break-glass-isolation holds break-glass to the same): every way in requires MFA. The approval path
 * of a just-in-time entitlement the role holds (an access broker's role) is where the approvers' workflow signs people
 * in, so the catalog's naming it stands for that path.
 */
function checkMfa(ctx: RuleContext<MessageId>, identity: Identity): void {
  const profile = ctx.profile(identity);
  const cls = profile.class;
  // Break-glass is break-glass-isolation's to hold to MFA, with the rest of its isolation.
  if (
    !cls ||
    cls === 'break-glass' ||
    !ctx.catalog.classes[cls].mfa ||
    !identity.trustPolicy ||
    identity.trustPolicy.unreadable
  )
    return;
  const approvalPaths = ctx.catalog.entitlements
    .filter((entitlement) => profile.entitlements.includes(entitlement.id))
    .flatMap((entitlement) => entitlement.approval?.via ?? []);
  for (const entry of trustEntries(documentInEffect(identity.trustPolicy, ctx.now))) {
    const value = entry.value;
    if (isUnknown(value) || approvalPaths.some((pattern) => globMatch(pattern, value))) continue;
    const why = missingMfa(entry, ctx.catalog);
    if (why === undefined) continue;
    ctx.report({
      resource: identity.resource,
      identity,
      messageId: 'noMfa',
      data: { name: identity.name, class: cls, why },
      detail: `Mfa::${value}`,
    });
  }
}
