import { formatSeconds } from '../../catalog/values.js';
import type { IdentityProfile } from '../../catalog/profile.js';
import { isUnknown, type Identity } from '../model/model.js';
import { defineRule, type RuleContext } from './define.js';

type MessageId =
  | 'sessionTooLong'
  | 'sessionClaimedTooLong'
  | 'sessionPending'
  | 'profileSessionTooLong'
  | 'profileSessionClaimedTooLong'
  | 'profileSessionPending';

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
      sessionClaimedTooLong:
        '{{name}} allows sessions of {{actual}} ({{seconds}} seconds), longer than {{limit}}, the shortest session any class ' +
        'allows: its class {{class}} {{claim}}, and a claimed class does not lengthen sessions. Set MaxSessionDuration to ' +
        '{{limitSeconds}} or less, or give it class {{class}} in a catalog record that names it.',
      sessionPending:
        'Session lifetime of {{name}} cannot be verified until apply: MaxSessionDuration is {{what}} ({{classLimit}}).',
      profileSessionTooLong:
        'IAM Roles Anywhere profile {{profile}} vends sessions of {{name}} that last {{actual}} ({{seconds}} seconds{{defaulted}}), ' +
        "longer than class {{class}} allows ({{limit}}). Set the profile's DurationSeconds to {{limitSeconds}} or less.",
      profileSessionClaimedTooLong:
        'IAM Roles Anywhere profile {{profile}} vends sessions of {{name}} that last {{actual}} ({{seconds}} seconds{{defaulted}}), ' +
        'longer than {{limit}}, the shortest session any class allows: its class {{class}} {{claim}}, and a claimed class does ' +
        "not lengthen sessions. Set the profile's DurationSeconds to {{limitSeconds}} or less, or give the role class {{class}} " +
        'in a catalog record that names it.',
      profileSessionPending:
        'Session lifetime of {{name}} through IAM Roles Anywhere profile {{profile}} cannot be verified until apply: ' +
        'DurationSeconds is {{what}} ({{classLimit}}).',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      checkProfileSessions(ctx, identity);
      const session = identity.maxSessionSeconds;
      if (session === undefined) continue;
      // An undeclared class is require-entitlement's finding; guessing a limit here would only repeat it.
      const held = sessionLimit(ctx, identity);
      if (!held) continue;
      // AWS cannot set a role's MaxSessionDuration below one hour; a shorter class limit is enforced where the
      // session is requested (DurationSeconds), so the role itself is held to the floor.
      const limit = identity.kind === 'aws-role' ? Math.max(held.limit, AWS_MIN_MAX_SESSION_SECONDS) : held.limit;
      // Most sessions are within the limit: the finding's data is written only for those that are not.
      if (!isUnknown(session) && session <= limit) continue;
      const base = { resource: identity.resource, identity };
      const data = { name: identity.name, class: held.class, limit: formatSeconds(limit), limitSeconds: limit };
      if (isUnknown(session)) {
        ctx.report({
          ...base,
          messageId: 'sessionPending',
          data: { ...data, what: session.description, classLimit: limitText(held, limit) },
          detail: 'MaxSessionDuration::unknown',
          pending: true,
        });
      } else if (session > limit) {
        ctx.report({
          ...base,
          messageId: held.claim === undefined ? 'sessionTooLong' : 'sessionClaimedTooLong',
          data: { ...data, actual: formatSeconds(session), seconds: session, claim: held.claim ?? '' },
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
  // Walked in place, the limit worked out at the first profile: most identities have none, and nothing is made for them.
  const credentials = identity.credentials;
  let held: SessionLimit | undefined;
  for (let index = 0; index < credentials.length; index++) {
    const credential = credentials[index];
    if (credential?.kind !== 'aws-roles-anywhere') continue;
    const session = credential.sessionSeconds;
    if (session === undefined) continue;
    held ??= sessionLimit(ctx, identity);
    if (!held) return;
    const limit = held.limit;
    const base = { resource: credential.source, identity };
    const data = {
      name: identity.name,
      profile: credential.source.name,
      class: held.class,
      limit: formatSeconds(limit),
      limitSeconds: limit,
    };
    if (isUnknown(session)) {
      ctx.report({
        ...base,
        messageId: 'profileSessionPending',
        data: { ...data, what: session.description, classLimit: limitText(held, limit) },
        detail: 'DurationSeconds::unknown',
        pending: true,
      });
    } else if (session > limit) {
      const defaulted = credential.sessionDefault ? ', the default when DurationSeconds is not set' : '';
      ctx.report({
        ...base,
        messageId: held.claim === undefined ? 'profileSessionTooLong' : 'profileSessionClaimedTooLong',
        data: { ...data, actual: formatSeconds(session), seconds: session, defaulted, claim: held.claim ?? '' },
        detail: `DurationSeconds::${session}`,
      });
    }
  }
}

/** The session limit an identity is held to, and, when its class is only claimed, what claims it. */
interface SessionLimit {
  class: string;
  limit: number;
  /** Why the class's own limit does not apply (set only when the shortest limit of any class is held instead). */
  claim?: string;
}

/**
 * The limit of the identity's class when the catalog gives the class (`classReviewed`). A class its tags claim, or a
 * record matched only by its bare resource name or only by tags (both the stack author's to write), sets what the
 * identity may hold, never an exemption: a Lambda's role tagged `human` would otherwise keep 12-hour sessions. Such a
 * class is held to the shortest session any class of the catalog allows, unless its own limit is shorter still.
 */
function sessionLimit(ctx: RuleContext<MessageId>, identity: Identity): SessionLimit | undefined {
  const profile = ctx.profile(identity);
  const cls = profile.class;
  const own = cls ? ctx.catalog.classes[cls].maxSessionSeconds : undefined;
  if (!cls || own === undefined) return undefined;
  if (profile.classReviewed) return { class: cls, limit: own };
  let shortest = own;
  for (const other of Object.values(ctx.catalog.classes))
    if (other.maxSessionSeconds !== undefined && other.maxSessionSeconds < shortest) shortest = other.maxSessionSeconds;
  if (shortest === own) return { class: cls, limit: own };
  return { class: cls, limit: shortest, claim: claimText(profile) };
}

function claimText(profile: IdentityProfile): string {
  if (profile.record && profile.recordMatchedBy === 'tags')
    return `comes from catalog identity ${profile.record.id}, matched only by tags the IaC sets`;
  if (profile.record && profile.recordMatchedBy === 'bareName')
    return `comes from catalog identity ${profile.record.id}, matched only by its bare resource name`;
  return 'is claimed by the IaC, which no catalog record gives it';
}

/** What a pending finding says of the limit: the class's, or the shortest any class allows for a claimed class. */
function limitText(held: SessionLimit, limit: number): string {
  return held.claim === undefined
    ? `class ${held.class} allows at most ${formatSeconds(limit)}`
    : `its class ${held.class} ${held.claim}, so it is held to the shortest session any class allows, ${formatSeconds(limit)}`;
}
