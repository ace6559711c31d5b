import { formatSeconds } from '../../catalog/values.js';
import { isUnknown, type Identity } from '../model/model.js';
import { defineRule, type RuleContext } from './define.js';

type MessageId = 'sessionTooLong' | 'sessionPending' | 'profileSessionTooLong' | 'profileSessionPending';

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
      profileSessionTooLong:
        'IAM Roles Anywhere profile {{profile}} vends sessions of {{name}} that last {{actual}} ({{seconds}} seconds{{defaulted}}), ' +
        "longer than class {{class}} allows ({{limit}}). Set the profile's DurationSeconds to {{limitSeconds}} or less.",
      profileSessionPending:
        'Session lifetime of {{name}} through IAM Roles Anywhere profile {{profile}} cannot be verified until apply: ' +
        'DurationSeconds is {{what}} (class {{class}} allows at most {{limit}}).',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      checkProfileSessions(ctx, identity);
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

/**
 * The sessions IAM Roles Anywhere vends through each profile of the change that names the role last the profile's
 * DurationSeconds (900 to 43200; 3600 when left out: CreateProfile,
 * https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_CreateProfile.html), held to the class limit as a
 * role's MaxSessionDuration is, but without its one-hour floor: a profile may set 900. Reported on the profile, which
 * sets it. The profile's ManagedPolicyArns and SessionPolicy narrow what the sessions may do, not how long they last.
 */
function checkProfileSessions(ctx: RuleContext<MessageId>, identity: Identity): void {
  const profiles = identity.credentials.filter(
    (credential) => credential.kind === 'aws-roles-anywhere' && credential.sessionSeconds !== undefined,
  );
  if (profiles.length === 0) return;
  const cls = ctx.profile(identity).class;
  const limit = cls ? ctx.catalog.classes[cls].maxSessionSeconds : undefined;
  if (!cls || limit === undefined) return;
  for (const credential of profiles) {
    const session = credential.sessionSeconds;
    if (session === undefined) continue;
    const base = { resource: credential.source, identity };
    const data = {
      name: identity.name,
      profile: credential.source.name,
      class: cls,
      limit: formatSeconds(limit),
      limitSeconds: limit,
    };
    if (isUnknown(session)) {
      ctx.report({
        ...base,
        messageId: 'profileSessionPending',
        data: { ...data, what: session.description },
        detail: 'DurationSeconds::unknown',
        pending: true,
      });
    } else if (session > limit) {
      const defaulted = credential.sessionDefault ? ', the default when DurationSeconds is not set' : '';
      ctx.report({
        ...base,
        messageId: 'profileSessionTooLong',
        data: { ...data, actual: formatSeconds(session), seconds: session, defaulted },
        detail: `DurationSeconds::${session}`,
      });
    }
  }
}
