/**
 * A peer's verdicts on credentials in plain configuration: checkov's CKV_AWS_45 (hard-coded secrets in a Lambda
 * environment) and CKV_AWS_46 (secrets in EC2 user data) CloudFormation fixtures, copied verbatim into
 * test/corpus/checkov-credentials (README.md there names the commits and judges every finding). Each file is checked on
 * its own with no catalog; every resource checkov fails has a no-long-lived-credentials Credential::plaintext finding
 * here, and no resource checkov passes has one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
