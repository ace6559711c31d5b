import rule from '../../src/rules/secret-rotation.js';
import { unknownValue } from '../../src/model/model.js';
import { catalog, model, ref, secret } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const schedule = (name: string) => ref('AWS::SecretsManager::RotationSchedule', name);

/** A catalog where the workload class has its own, shorter secret age. */
const workloads30d = (() => {
  const base = catalog();
  return catalog({ classes: { ...base.classes, workload: { ...base.classes.workload, maxSecretAgeDays: 30 } } });
})();

ruleTester(rule, {
  valid: [
    {
      name: 'cdk-nag SMG4 / Checkov CKV2_AWS_57 pass: a secret with a 30-day rotation schedule',
      model: model({ secrets: [secret('DbPassword', { rotationDays: 30, rotationSource: schedule('DbPasswordRotation') })] }),
    },
    { name: 'a secret without a class rotating exactly at the service limit (90 days)', model: model({ secrets: [secret('ApiKey', { rotationDays: 90 })] }) },
    {
      name: 'a workload secret within its class limit',
      catalog: workloads30d,
      model: model({ secrets: [secret('CiToken', { tags: { 'identity-class': 'workload' }, rotationDays: 7 })] }),
    },
  ],
  invalid: [
    {
      name: 'cdk-nag SMG4 / Checkov CKV2_AWS_57 fail: a Secrets Manager secret with no rotation',
      model: model({ secrets: [secret('DbPassword')] }),
      findings: [
        {
          resource: 'DbPassword',
          identity: 'TestStack/DbPassword',
          detail: 'Rotation::none',
          message:
            'Secret DbPassword has no rotation configured, so its value never changes. Add a rotation schedule of at most 90 days, ' +
            'the limit of the service class (the secret has no class).',
        },
      ],
    },
    {
      name: 'a rotation schedule slower than the class allows points at the schedule',
      catalog: workloads30d,
      model: model({
        secrets: [secret('CiToken', { tags: { 'identity-class': 'workload' }, rotationDays: 60, rotationSource: schedule('CiTokenRotation') })],
      }),
      findings: [
        {
          resource: 'CiTokenRotation',
          identity: 'TestStack/CiToken',
          detail: 'Rotation::60d',
          message: 'Secret CiToken rotates every 60 days; the limit of class workload is 30 days. Set the rotation interval to 30 days or less.',
        },
      ],
    },
    {
      name: 'a class without a secret age of its own is held to the service limit',
      model: model({ secrets: [secret('AgentKey', { tags: { 'identity-class': 'agent' }, rotationDays: 365 })] }),
      findings: [
        {
          resource: 'AgentKey',
          identity: 'TestStack/AgentKey',
          detail: 'Rotation::365d',
          message:
            'Secret AgentKey rotates every 365 days; the limit of the service class (class agent sets no secret age) is 90 days. ' +
            'Set the rotation interval to 90 days or less.',
        },
      ],
    },
    {
      name: 'a rotation interval unknown during preview is pending',
      model: model({ secrets: [secret('PreviewSecret', { rotationDays: unknownValue('output of aws:secretsmanager/secretRotation:SecretRotation') })] }),
      findings: [
        {
          resource: 'PreviewSecret',
          identity: 'TestStack/PreviewSecret',
          detail: 'Rotation::unknown',
          message: 'Rotation of secret PreviewSecret cannot be verified until apply: the interval is output of aws:secretsmanager/secretRotation:SecretRotation.',
          pending: true,
        },
      ],
    },
  ],
});
