import { isPastDate } from '../../catalog/dates.js';
import { defineRule } from './define.js';
import { daysSince, describeDaysAgo, isExpiryDate } from './support/expiry.js';

type MessageId = 'expired' | 'invalidExpiry' | 'expiryAtDeployment';

export default defineRule<MessageId>({
  meta: {
    id: 'identity-expiry',
    title: 'No identity outlives its catalog expiry',
    level: 'mandatory',
    rationale:
      'An expiry date is the offboarding plan written down: the identity was meant to be gone or re-reviewed by then. ' +
      'Deploying it after that date keeps a stale identity, and its access, alive without anyone deciding so.',
    remediation:
      'Remove the identity, or have its owner review it and move the expiry (catalog identities[].expires or the expiry tag) ' +
      'to a new date.',
    frameworks: ['OWASP-NHI1:2025', 'NIST-CSF-2.0:PR.AA-01'],
    messages: {
      expired:
        '{{name}} expired on {{expires}} ({{ago}}, per {{source}}). Remove it, or have its owner review it and set a new expiry date.',
      expiryAtDeployment:
        '{{name}} takes its {{tag}} tag from {{setBy}}: whether it has expired is known only at deployment. Give the ' +
        "deployment's values (--parameters), write the tag as a date, or record the expiry in its catalog identity record.",
      invalidExpiry:
        '{{name}} has expiry "{{expires}}" ({{source}}), which is not a date, so it can never be checked. Write a date like 2027-06-30.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      const profile = ctx.profile(identity);
      const expires = profile.expires;
      if (expires === undefined) {
        // A deployment that passes a past date deploys an expired identity: the template's default says nothing.
        const setBy = identity.deploymentTags?.[ctx.catalog.tags.expires];
        if (setBy !== undefined)
          ctx.report({
            resource: identity.resource,
            identity,
            detail: 'Expires::deployment',
            messageId: 'expiryAtDeployment',
            data: { name: identity.name, tag: ctx.catalog.tags.expires, setBy },
            pending: true,
          });
        continue;
      }
      const source = profile.record ? `catalog identity ${profile.record.id}` : `tag ${ctx.catalog.tags.expires}`;
      const base = { resource: identity.resource, identity, detail: `Expires::${expires}` };
      if (!isExpiryDate(expires)) {
        ctx.report({ ...base, messageId: 'invalidExpiry', data: { name: identity.name, expires, source } });
      } else if (isPastDate(expires, ctx.now)) {
        ctx.report({
          ...base,
          messageId: 'expired',
          data: { name: identity.name, expires, source, ago: describeDaysAgo(daysSince(expires, ctx.now)) },
        });
      }
    }
  },
});
