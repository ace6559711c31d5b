import { isUnknown } from '../model/model.js';
import { defineRule } from './define.js';

type MessageId = 'noRotation' | 'noRotationNoLimit' | 'rotationTooSlow' | 'rotationPending';

export default defineRule<MessageId>({
  meta: {
    id: 'secret-rotation',
    title: 'Secrets rotate at least as often as their class allows',
    level: 'mandatory',
    rationale:
      'A secret that never rotates stays valid for whoever copied it, from logs, CI settings or a laptop, for as long as it ' +
      'exists. Rotation bounds how long a leak is useful; the class sets how long that may be.',
    remediation:
      'Configure rotation (AWS::SecretsManager::RotationSchedule, aws.secretsmanager.SecretRotation, a GCP rotation period) ' +
      'at an interval no longer than the class allows (classes.<class>.maxSecretAge; secrets without a class use the service class).',
    frameworks: ['OWASP-NHI7:2025', 'NIST-CSF-2.0:PR.AA-01'],
    messages: {
      noRotation:
        'Secret {{name}} has no rotation configured, so its value never changes. Add a rotation schedule of at most ' +
        '{{maxDays}} days, the limit of {{limitSource}}.',
      noRotationNoLimit: 'Secret {{name}} has no rotation configured, so its value never changes. Add a rotation schedule.',
      rotationTooSlow:
        'Secret {{name}} rotates every {{days}} days; the limit of {{limitSource}} is {{maxDays}} days. Set the rotation ' +
        'interval to {{maxDays}} days or less.',
      rotationPending: 'Rotation of secret {{name}} cannot be verified until apply: the interval is {{what}}.',
    },
  },
  check(ctx) {
    const fallback = ctx.catalog.classes.service?.maxSecretAgeDays;
    for (const secret of ctx.model.secrets) {
      const cls = ctx.profile(secret).class;
      const classLimit = cls ? ctx.catalog.classes[cls]?.maxSecretAgeDays : undefined;
      // A class without its own secret age (humans, workloads) gets the service limit rather than none.
      const maxDays = classLimit ?? fallback;
      const limitSource =
        cls && classLimit !== undefined ? `class ${cls}` : `the service class (${cls ? `class ${cls} sets no secret age` : 'the secret has no class'})`;
      const data = { name: secret.name, maxDays: maxDays ?? '', limitSource };
      const rotation = secret.rotationDays;
      const base = { resource: secret.resource, identity: secret };
      if (rotation === undefined) {
        ctx.report({ ...base, messageId: maxDays === undefined ? 'noRotationNoLimit' : 'noRotation', data, detail: 'Rotation::none' });
      } else if (isUnknown(rotation)) {
        ctx.report({ ...base, messageId: 'rotationPending', data: { ...data, what: rotation.description }, detail: 'Rotation::unknown', pending: true });
      } else if (maxDays !== undefined && rotation > maxDays) {
        // The rotation schedule is what to change, when it is a resource of its own.
        const resource = secret.rotationSource ?? secret.resource;
        ctx.report({ resource, identity: secret, messageId: 'rotationTooSlow', data: { ...data, days: rotation }, detail: `Rotation::${rotation}d` });
      }
    }
  },
});
