/**
 * What a front-end says about fixing a secret comes from its adapter (Secret.rotationAdvice, Secret.valueAdvice), so the
 * rules name no IaC resource: each adapter gives the one resource its own dialect adds, and secret-rotation's message
 * carries it. The same unrotated secret, planned by CloudFormation, Pulumi and Terraform.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { defaultCatalog } from '../../catalog/defaults.js';
import type { Model } from '../../src/model/model.js';
import rotation from '../../src/rules/secret-rotation.js';
import { terraformPlan } from '../terraform/support.js';

const cloudFormation = modelFromTemplates([
  {
    stack: 'App',
    file: 'app.template.json',
    template: {
      Resources: { DbPassword: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'db-password' } } },
    },
  },
]);
const pulumi = modelFromPulumiResources([
  {
    type: 'aws:secretsmanager/secret:Secret',
    name: 'db',
    urn: 'urn:pulumi:dev::payments::aws:secretsmanager/secret:Secret::db',
    props: { name: 'db-password' },
  },
]);
const terraform = modelFromTerraformPlan(
  terraformPlan([{ address: 'aws_secretsmanager_secret.db', values: { name: 'db-password' } }]),
  { file: 'plan.json' },
);

/** secret-rotation's messages about the model's secrets. */
function rotationMessages(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), rules: [rotation] }).findings.map((finding) => finding.message);
}

const message = (schedule: string) =>
  `Secret db-password has no rotation configured, so its value never changes. Add ${schedule} of at most 90 days, ` +
  'the limit of the service class (the secret has no class).';

describe("each adapter's rotation advice", () => {
  it('CloudFormation: an AWS::SecretsManager::RotationSchedule', () => {
    expect(cloudFormation.secrets.map((secret) => secret.rotationAdvice)).toEqual([
      'an AWS::SecretsManager::RotationSchedule',
    ]);
    expect(rotationMessages(cloudFormation)).toEqual([message('an AWS::SecretsManager::RotationSchedule')]);
  });

  it('Pulumi: an aws.secretsmanager.SecretRotation', () => {
    expect(pulumi.secrets.map((secret) => secret.rotationAdvice)).toEqual(['an aws.secretsmanager.SecretRotation']);
    expect(rotationMessages(pulumi)).toEqual([message('an aws.secretsmanager.SecretRotation')]);
  });

  it("Terraform: an aws_secretsmanager_secret_rotation, not the Pulumi records' advice it is read through", () => {
    expect(terraform.secrets.map((secret) => secret.rotationAdvice)).toEqual(['an aws_secretsmanager_secret_rotation']);
    expect(rotationMessages(terraform)).toEqual([message('an aws_secretsmanager_secret_rotation')]);
  });

  it('Google Cloud: Pulumi and Terraform each name their own rotation settings', () => {
    const gcpMessage = (schedule: string) =>
      `Secret api-token has no rotation configured, so its value never changes. Add ${schedule} of at most 90 days, ` +
      'the limit of the service class (the secret has no class).';
    const fromPulumi = modelFromPulumiResources([
      {
        type: 'gcp:secretmanager/secret:Secret',
        name: 'token',
        urn: 'urn:pulumi:dev::payments::gcp:secretmanager/secret:Secret::token',
        props: { secretId: 'api-token' },
      },
    ]);
    const fromTerraform = modelFromTerraformPlan(
      terraformPlan([{ address: 'google_secret_manager_secret.token', values: { secret_id: 'api-token' } }]),
      { file: 'plan.json' },
    );
    expect(rotationMessages(fromPulumi)).toEqual([gcpMessage('a rotation (rotationPeriod, nextRotationTime)')]);
    expect(rotationMessages(fromTerraform)).toEqual([
      gcpMessage('a rotation block (rotation_period, next_rotation_time)'),
    ]);
  });

  it('Azure Key Vault: where the expiry is written, azure-native properties.attributes.expires or AzureRM expiration_date', () => {
    const azureMessage = (expiry: string) =>
      'Key Vault secret storage-connection has no expiration date, so its value is valid forever (Checkov CKV_AZURE_41). ' +
      `Set ${expiry} at most 90 days ahead, the limit of the service class (the secret has no class), and rotate before it.`;
    const fromPulumi = modelFromPulumiResources([
      {
        type: 'azure-native:keyvault:Secret',
        name: 'conn',
        urn: 'urn:pulumi:dev::payments::azure-native:keyvault:Secret::conn',
        props: { secretName: 'storage-connection', properties: {} },
      },
    ]);
    const fromTerraform = modelFromTerraformPlan(
      terraformPlan([{ address: 'azurerm_key_vault_secret.conn', values: { name: 'storage-connection' } }]),
      { file: 'plan.json' },
    );
    expect(rotationMessages(fromPulumi)).toEqual([azureMessage('properties.attributes.expires')]);
    expect(rotationMessages(fromTerraform)).toEqual([azureMessage('expiration_date')]);
  });

  it("the rule's own remediation names no front-end's resource", () => {
    expect(rotation.meta.remediation).toMatchObject({
      aws:
        'Configure a rotation schedule for the secret at an interval no longer than the class allows ' +
        '(classes.<class>.maxSecretAge; secrets without a class use the service class).',
    });
  });
});
