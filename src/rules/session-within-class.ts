import { formatSeconds } from '../../catalog/values.js';
import { isUnknown } from '../model/model.js';
import { defineRule } from './define.js';

type MessageId = 'sessionTooLong' | 'sessionPending';

export default defineRule<MessageId>({
  meta: {
    id: 'session-within-class',
    title: 'Session lifetime stays within the identity class limit',
    level: 'mandatory',
    rationale:
      'A stolen session works until it expires. Agents and workloads renew their credentials on their own, so they need only ' +
      'short sessions; a role allowed 12-hour sessions keeps a leaked token useful for a working day.',
    remediation:
      "Lower the maximum session (AWS MaxSessionDuration) to at most the limit of the identity's class in the catalog " +
      '(classes.<class>.maxSessionDuration), or declare the class that really fits.',
    frameworks: ['NIST-CSF-2.0:PR.AA-05'],
    messages: {
      sessionTooLong:
        '{{name}} allows sessions of {{actual}} ({{seconds}} seconds), longer than class {{class}} allows ({{limit}}). ' +
        'Set MaxSessionDuration to {{limitSeconds}} or less.',
      sessionPending:
        'Session lifetime of {{name}} cannot be verified until apply: MaxSessionDuration is {{what}} (class {{class}} allows at most {{limit}}).',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      const session = identity.maxSessionSeconds;
      if (session === undefined) continue;
      // An undeclared class is require-entitlement's finding; guessing a limit here would only repeat it.
      const cls = ctx.profile(identity).class;
      const classLimit = cls ? ctx.catalog.classes[cls].maxSessionSeconds : undefined;
      if (!cls || classLimit === undefined) continue;
      // AWS cannot set a role's MaxSessionDuration below one hour; a shorter class limit is enforced where the
      // session is requested (DurationSeconds), so the role itself is held to the floor.
      const limit = identity.kind === 'aws-role' ? Math.max(classLimit, AWS_MIN_MAX_SESSION_SECONDS) : classLimit;
      const base = { resource: identity.resource, identity };
      const data = { name: identity.name, class: cls, limit: formatSeconds(limit), limitSeconds: limit };
      if (isUnknown(session)) {
        ctx.report({
          ...base,
          messageId: 'sessionPending',
          data: { ...data, what: session.description },
          detail: 'MaxSessionDuration::unknown',
          pending: true,
        });
      } else if (session > limit) {
        ctx.report({
          ...base,
          messageId: 'sessionTooLong',
          data: { ...data, actual: formatSeconds(session), seconds: session },
          detail: `MaxSessionDuration::${session}`,
        });
      }
    }
  },
});

const AWS_MIN_MAX_SESSION_SECONDS = 3600;
