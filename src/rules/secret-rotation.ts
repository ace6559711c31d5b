import { isUnknown } from '../model/model.js';
import { defineRule } from './define.js';
import { parseEndDate } from './support/expiry.js';

type MessageId =
  | 'noRotation'
  | 'noRotationNoLimit'
  | 'rotationTooSlow'
  | 'rotationPending'
  | 'rotationUnreadable'
  | 'noExpiry'
  | 'expiryTooLate'
  | 'expiryPending'
  | 'expiryInvalid';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineRule<MessageId>({
  meta: {
    id: 'secret-rotation',
    title: 'Secrets rotate at least as often as their class allows',
    level: 'mandatory',
    rationale:
      'A secret that never rotates stays valid for whoever copied it, from logs, CI settings or a laptop, for as long as it ' +
      'exists. Rotation bounds how long a leak is useful; the class sets how long that may be.',
    remediation: {
      aws:
        'Configure a rotation schedule for the secret at an interval no longer than the class allows ' +
        '(classes.<class>.maxSecretAge; secrets without a class use the service class).',
      azure:
        'Give the Key Vault secret an expiration date within what the class allows (classes.<class>.maxSecretAge; secrets without ' +
        'a class use the service class) and rotate it before then.',
      gcp:
        'Set a Secret Manager rotation period no longer than the class allows (classes.<class>.maxSecretAge; secrets without a ' +
        'class use the service class).',
    },
    frameworks: ['OWASP-NHI7:2025', 'NIST-CSF-2.0:PR.AA-01'],
    messages: {
      noRotation:
        'Secret {{name}} has no rotation configured, so its value never changes. Add {{schedule}} of at most ' +
        '{{maxDays}} days, the limit of {{limitSource}}.',
      noRotationNoLimit: 'Secret {{name}} has no rotation configured, so its value never changes. Add {{schedule}}.',
      rotationTooSlow:
        'Secret {{name}} rotates every {{days}} days; the limit of {{limitSource}} is {{maxDays}} days. Set the rotation ' +
        'interval to {{maxDays}} days or less.',
      rotationPending: 'Rotation of secret {{name}} cannot be verified until apply: the interval is {{what}}.',
      rotationUnreadable:
        'Rotation of secret {{name}} cannot be verified: the interval is {{what}}, as written, so no deployment makes it ' +
        'known. Write the interval as a number of days, a rate() or a cron() that repeats every year.',
      noExpiry:
        'Key Vault secret {{name}} has no expiration date, so its value is valid forever (Checkov CKV_AZURE_41). Set ' +
        '{{expiry}} at most {{maxDays}} days ahead, the limit of {{limitSource}}, and rotate before it.',
      expiryTooLate:
        'Key Vault secret {{name}} expires {{end}}, {{days}} days from now; the limit of {{limitSource}} is {{maxDays}} days. Set the ' +
        'expiration no later than {{latest}}.',
      expiryPending: 'Expiry of Key Vault secret {{name}} cannot be verified until apply: {{what}}.',
      expiryInvalid: 'Key Vault secret {{name}} has expiry "{{end}}", which is not a date.',
    },
  },
  check(ctx) {
    const fallback = ctx.catalog.classes.service.maxSecretAgeDays;
    for (const secret of ctx.model.secrets) {
      const cls = ctx.profile(secret).class;
      const classLimit = cls ? ctx.catalog.classes[cls].maxSecretAgeDays : undefined;
      // A class without its own secret age (humans, workloads) gets the service limit rather than none.
      const maxDays = classLimit ?? fallback;
      const limitSource =
        cls && classLimit !== undefined
          ? `class ${cls}`
          : `the service class (${cls ? `class ${cls} sets no secret age` : 'the secret has no class'})`;
      const data = { name: secret.name, maxDays: maxDays ?? '', limitSource };
      const rotation = secret.rotationDays;
      const base = { resource: secret.resource, identity: secret };
      // Kubernetes Secrets have no rotation of their own: what matters there is a value written in the source.
      if (secret.cloud === 'kubernetes') continue;
      // A value made only of resource identifiers (a key's ARN shared across accounts) is no credential to rotate.
      if (secret.identifiersOnly !== undefined) continue;
      // Azure Key Vault rotates by policy outside the secret; the secret itself must expire.
      if (secret.cloud === 'azure') {
        const end = secret.expiresAt;
        if (end === undefined)
          ctx.report({
            ...base,
            messageId: 'noExpiry',
            // Where to write the expiry is the front-end's to say (its adapter sets expiryAdvice).
            data: { ...data, expiry: secret.expiryAdvice ?? 'an expiration date' },
            detail: 'Expiry::none',
          });
        else if (isUnknown(end))
          ctx.report({
            ...base,
            messageId: 'expiryPending',
            data: { ...data, what: end.description },
            detail: 'Expiry::unknown',
            pending: true,
          });
        else if (Number.isNaN(parseEndDate(end)))
          ctx.report({ ...base, messageId: 'expiryInvalid', data: { ...data, end }, detail: 'Expiry::invalid' });
        else if (maxDays !== undefined) {
          const days = Math.ceil((parseEndDate(end) - ctx.now.getTime()) / DAY_MS);
          const latest = new Date(ctx.now.getTime() + maxDays * DAY_MS).toISOString().slice(0, 10);
          if (days > maxDays)
            ctx.report({
              ...base,
              messageId: 'expiryTooLate',
              data: { ...data, end, days, latest },
              detail: `Expiry::${days}d`,
            });
        }
        continue;
      }
      if (rotation === undefined) {
        ctx.report({
          ...base,
          messageId: maxDays === undefined ? 'noRotationNoLimit' : 'noRotation',
          // What to add is the front-end's to say (its adapter sets rotationAdvice); the fallback fits every front-end.
          data: { ...data, schedule: secret.rotationAdvice ?? 'a rotation schedule' },
          detail: 'Rotation::none',
        });
      } else if (isUnknown(rotation)) {
        // A schedule written so that no interval can be read (none, or one this check cannot bound) stays so at apply:
        // it is judged now, not left pending for a front-end that checks again once values are known.
        ctx.report({
          ...base,
          messageId: rotation.malformed ? 'rotationUnreadable' : 'rotationPending',
          data: { ...data, what: rotation.description },
          detail: 'Rotation::unknown',
          ...(rotation.malformed ? {} : { pending: true }),
        });
      } else if (maxDays !== undefined && rotation > maxDays) {
        // The rotation schedule is what to change, when it is a resource of its own.
        const resource = secret.rotationSource ?? secret.resource;
        ctx.report({
          resource,
          identity: secret,
          messageId: 'rotationTooSlow',
          data: { ...data, days: rotation },
          detail: `Rotation::${rotation}d`,
        });
      }
    }
  },
});
