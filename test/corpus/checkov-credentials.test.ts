/**
 * A peer's verdicts on credentials in plain configuration: checkov's CKV_AWS_45 (hard-coded secrets in a Lambda
 * environment) and CKV_AWS_46 (secrets in EC2 user data) CloudFormation fixtures, copied verbatim into
 * test/corpus/checkov-credentials (README.md there names the commits and judges every finding). Each file is checked on
 * its own with no catalog; every resource checkov fails has a no-long-lived-credentials Credential::plaintext finding
 * here, and no resource checkov passes has one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHECKOV_LAMBDA_CREDENTIALS, checkovEc2Credentials } from '../terraform/corpus/checkov-credentials.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';
import { checkEachTemplate } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'checkov-credentials');

describe("checkov's CKV_AWS_45 and CKV_AWS_46 fixtures", () => {
  const checks = checkEachTemplate(CORPUS);

  it('credentials in plain configuration where checkov fails a resource, none where it passes one', () => {
    const verdicts = [...checks].map(([file, result]) => [
      file,
      result.errors,
      (result.result?.findings ?? [])
        .filter(({ detail }) => detail === 'Credential::plaintext')
        .map(({ ruleId, level, resource, detail }) => `${ruleId} ${level} ${resource.name} ${detail}`),
    ]);
    expect(verdicts).toEqual([
      [
        'example_EC2Credentials/EC2Credentials-FAILED.yaml',
        [],
        ['no-long-lived-credentials mandatory Resource0 Credential::plaintext'],
      ],
      [
        'example_EC2Credentials/EC2Credentials-FAILED_B64encoded.yaml',
        [],
        ['no-long-lived-credentials mandatory Resource0 Credential::plaintext'],
      ],
      ['example_EC2Credentials/EC2Credentials-PASSED.yaml', [], []],
      [
        'example_LambdaEnvironmentCredentials/LambdaEnvironmentCredentials.yaml',
        [],
        ['no-long-lived-credentials mandatory l1 Credential::plaintext'],
      ],
      ['example_LambdaEnvironmentCredentials/PASS.yaml', [], []],
    ]);
  });
});

/**
 * The same checks' Terraform fixtures (terraform_{Lambda,EC2}Credentials/main.tf), as plans written by hand from them
 * (test/terraform/corpus/checkov-credentials.ts), checked through the CLI as a user runs `entitlement-guard check plan.json`.
 */
describe("checkov's CKV_AWS_45 and CKV_AWS_46 Terraform fixtures, as plans, through the CLI", () => {
  const directory = mkdtempSync(join(tmpdir(), 'eg-checkov-credentials-'));
  function check(name: string, resources: PlannedResource[]) {
    const file = join(directory, `${name}.json`);
    writeFileSync(file, JSON.stringify(terraformPlan(resources)));
    const result = main(['check', file, '--format', 'json']);
    const findings = (JSON.parse(result.output) as { findings: { ruleId: string; level: string; resource: { name: string }; detail?: string; message: string }[] }).findings;
    return {
      exitCode: result.exitCode,
      verdicts: findings
        .filter(({ detail }) => detail === 'Credential::plaintext')
        .map(({ ruleId, level, resource, detail, message }) => `${ruleId} ${level} ${resource.name} ${detail} ${/\(([^)]*)\)/.exec(message)?.[1]}`),
    };
  }

  it('CKV_AWS_45: the access key pair in fail\'s environment; nothing in pass or no_env', () => {
    expect(check('lambda', CHECKOV_LAMBDA_CREDENTIALS)).toEqual({
      exitCode: 1,
      verdicts: [
        'no-long-lived-credentials mandatory aws_lambda_function.fail Credential::plaintext ' +
          'environment[0].variables["AWS_ACCESS_KEY_ID"], environment[0].variables["AWS_SECRET_ACCESS_KEY"]',
      ],
    });
  });

  it('CKV_AWS_46: the access key id in the three fail user data; nothing in the three pass', () => {
    expect(check('ec2', checkovEc2Credentials())).toEqual({
      exitCode: 1,
      verdicts: [
        'no-long-lived-credentials mandatory aws_instance.fail Credential::plaintext user_data',
        'no-long-lived-credentials mandatory aws_launch_configuration.fail Credential::plaintext user_data',
        'no-long-lived-credentials mandatory aws_launch_template.fail Credential::plaintext user_data',
      ],
    });
  });
});
