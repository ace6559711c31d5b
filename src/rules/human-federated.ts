import { defineRule } from './define.js';

type MessageId = 'localUser';

export default defineRule<MessageId>({
  meta: {
    id: 'human-federated',
    title: 'People sign in through federation, not local IAM users',
    level: 'mandatory',
    rationale:
      'A local IAM user is a second account for a person, outside the identity provider: it survives their departure, ' +
      'skips the provider\'s MFA and sign-in policies, and tends to collect passwords and access keys.',
    remediation:
      'Remove the IAM user and give the person a role they assume through the identity provider (IAM Identity Center ' +
      'permission set, or a role trusting a SAML or OIDC provider).',
    frameworks: ['NIST-CSF-2.0:PR.AA-01'],
    messages: {
      localUser:
        'IAM user {{name}} is a local user for class {{class}}, which must be federated. Remove the user and grant the person ' +
        'a role assumed through the identity provider (IAM Identity Center or a SAML/OIDC trust).',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      if (identity.kind !== 'aws-user') continue;
      // Users with no declared class are require-entitlement's finding, not this rule's.
      const cls = ctx.profile(identity).class;
      if (!cls || !ctx.catalog.classes[cls]?.federated) continue;
      ctx.report({ messageId: 'localUser', data: { name: identity.name, class: cls }, resource: identity.resource, identity, detail: 'IdentityKind::aws-user' });
    }
  },
});
