import rule from '../../src/rules/secret-rotation.js';
import { malformedValue, unknownValue, type Secret } from '../../src/model/model.js';
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
      model: model({
        secrets: [secret('DbPassword', { rotationDays: 30, rotationSource: schedule('DbPasswordRotation') })],
      }),
    },
    {
      name: 'a secret without a class rotating exactly at the service limit (90 days)',
      model: model({ secrets: [secret('ApiKey', { rotationDays: 90 })] }),
    },
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
      name: "what to add is the front-end's, from its adapter (rotationAdvice); the rule names no IaC resource itself",
      model: model({ secrets: [secret('DbPassword', { rotationAdvice: 'an aws.secretsmanager.SecretRotation' })] }),
      findings: [
        {
          resource: 'DbPassword',
          identity: 'TestStack/DbPassword',
          detail: 'Rotation::none',
          message:
            'Secret DbPassword has no rotation configured, so its value never changes. Add an aws.secretsmanager.SecretRotation ' +
            'of at most 90 days, the limit of the service class (the secret has no class).',
        },
      ],
    },
    {
      name: 'a rotation schedule slower than the class allows points at the schedule',
      catalog: workloads30d,
      model: model({
        secrets: [
          secret('CiToken', {
            tags: { 'identity-class': 'workload' },
            rotationDays: 60,
            rotationSource: schedule('CiTokenRotation'),
          }),
        ],
      }),
      findings: [
        {
          resource: 'CiTokenRotation',
          identity: 'TestStack/CiToken',
          detail: 'Rotation::60d',
          message:
            'Secret CiToken rotates every 60 days; the limit of class workload is 30 days. Set the rotation interval to 30 days or less.',
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
      model: model({
        secrets: [
          secret('PreviewSecret', {
            rotationDays: unknownValue('output of aws:secretsmanager/secretRotation:SecretRotation'),
          }),
        ],
      }),
      findings: [
        {
          resource: 'PreviewSecret',
          identity: 'TestStack/PreviewSecret',
          detail: 'Rotation::unknown',
          message:
            'Rotation of secret PreviewSecret cannot be verified until apply: the interval is output of aws:secretsmanager/secretRotation:SecretRotation.',
          pending: true,
        },
      ],
    },
    {
      // Not pending: the Pulumi pack makes a pending finding advisory, to check again once values are known, but a
      // schedule written so never becomes known; a yearly one would have passed every `pulumi up`.
      name: 'a schedule written so that no interval can be read is reported as it is, not pending',
      model: model({
        secrets: [
          secret('YearlySecret', {
            rotationDays: malformedValue('rotation schedule "cron(0 0 1 1 ? 2027)" (interval cannot be bounded)'),
          }),
        ],
      }),
      findings: [
        {
          resource: 'YearlySecret',
          identity: 'TestStack/YearlySecret',
          detail: 'Rotation::unknown',
          message:
            'Rotation of secret YearlySecret cannot be verified: the interval is rotation schedule "cron(0 0 1 1 ? 2027)" (interval cannot be bounded), as written, so no deployment makes it known. Write the interval as a number of days, a rate() or a cron() that repeats every year.',
        },
      ],
    },
  ],
});

// ---------- Google Cloud Secret Manager, Azure Key Vault, Kubernetes Secrets ----------

const gcpSecret = (name: string, rotationDays?: number) => ({
  ...secret(name, {
    cloud: 'gcp',
    tags: { 'identity-class': 'service' },
    ...(rotationDays !== undefined ? { rotationDays } : {}),
  }),
  resource: ref('gcp:secretmanager/secret:Secret', name),
});
const vaultSecret = (name: string, expiresAt?: Secret['expiresAt']) => ({
  ...secret(name, {
    cloud: 'azure',
    tags: { 'identity-class': 'service' },
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  }),
  resource: ref('azure-native:keyvault:Secret', name),
});

ruleTester(rule, {
  valid: [
    {
      name: 'GCP: a Secret Manager rotation period of 30 days',
      model: model({ secrets: [gcpSecret('warehouse-api-token', 30)] }),
    },
    {
      name: 'Azure: a Key Vault secret expiring within the service class 90 days (Checkov CKV_AZURE_41 pass)',
      model: model({ secrets: [vaultSecret('storage-connection', '2027-01-31T00:00:00Z')] }),
    },
    {
      name: 'Kubernetes Secrets have no rotation of their own and are not held to it',
      model: model({
        secrets: [
          {
            ...secret('app-config', { cloud: 'kubernetes' }),
            resource: ref('kubernetes:core/v1:Secret', 'app-config'),
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'GCP: a Secret Manager secret without rotation, and one rotating every 180 days',
      model: model({ secrets: [gcpSecret('warehouse-api-token'), gcpSecret('partner-token', 180)] }),
      findings: [
        {
          resource: 'partner-token',
          identity: 'TestStack/partner-token',
          detail: 'Rotation::180d',
          message:
            'Secret partner-token rotates every 180 days; the limit of class service is 90 days. Set the rotation interval to 90 days or less.',
        },
        {
          resource: 'warehouse-api-token',
          identity: 'TestStack/warehouse-api-token',
          detail: 'Rotation::none',
          message:
            'Secret warehouse-api-token has no rotation configured, so its value never changes. Add a rotation schedule of at most 90 days, the limit of class service.',
        },
      ],
    },
    {
      name: 'Checkov CKV_AZURE_41: a Key Vault secret without expiry; one expiring in two years; one pending',
      model: model({
        secrets: [
          vaultSecret('storage-connection'),
          vaultSecret('legacy-password', '2028-11-26T00:00:00Z'),
          vaultSecret(
            'late-secret',
            unknownValue('late-secret.properties.attributes.expires is not known until apply'),
          ),
        ],
      }),
      findings: [
        {
          resource: 'late-secret',
          identity: 'TestStack/late-secret',
          detail: 'Expiry::unknown',
          pending: true,
          message:
            'Expiry of Key Vault secret late-secret cannot be verified until apply: late-secret.properties.attributes.expires is not known until apply.',
        },
        {
          resource: 'legacy-password',
          identity: 'TestStack/legacy-password',
          detail: 'Expiry::731d',
          message:
            'Key Vault secret legacy-password expires 2028-11-26T00:00:00Z, 731 days from now; the limit of class service is 90 days. Set the expiration no later than 2027-02-24.',
        },
        {
          resource: 'storage-connection',
          identity: 'TestStack/storage-connection',
          detail: 'Expiry::none',
          message:
            'Key Vault secret storage-connection has no expiration date, so its value is valid forever (Checkov CKV_AZURE_41). Set an expiration date at most 90 days ahead, the limit of class service, and rotate before it.',
        },
      ],
    },
  ],
});
