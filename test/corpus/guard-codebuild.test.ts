/**
 * A peer's verdicts on a CodeBuild project's PLAINTEXT environment variables: the AWS Guard Rules Registry's
 * CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK and its tests, copied verbatim into test/corpus/guard-codebuild (README.md there
 * names the commit and judges every scenario). Each scenario's `input` template is checked on its own with no catalog.
 * Guard fails a PLAINTEXT variable by its name (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) whatever its value; this check
 * reads the value (credential-formats.ts), and the fixtures' value is `Tests`, which is no key: it passes them, and a
 * key put in their place is found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';

interface Scenario {
  name: string;
  input: Partial<CfnTemplate>;
  expectations: { rules: Record<string, string> };
}

const SCENARIOS = parse(
  readFileSync(join(import.meta.dirname, 'guard-codebuild/codebuild_project_envvar_awscred_check_tests.yml'), 'utf8'),
) as Scenario[];

function plainCredentials(template: Partial<CfnTemplate>): string[] {
  const model = modelFromTemplates([{ stack: 'Guard', template: { Resources: {}, ...template } as CfnTemplate }]);
  return (model.plainCredentials ?? []).map((credential) => `${credential.source.name} ${credential.places.join(', ')}`);
}

describe("AWS Guard Rules Registry's CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK tests", () => {
  it("Guard's verdict by name beside this check's by value, per scenario", () => {
    expect(
      SCENARIOS.map((scenario) => [
        scenario.name,
        scenario.expectations.rules.CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK,
        plainCredentials(scenario.input),
      ]),
    ).toEqual([
      ['Empty, SKIP', 'SKIP', []],
      ['Scenario a) No resources, SKIP', 'SKIP', []],
      ['Scenario b) Environment variables contain credentials but rule is suppressed, SKIP', 'SKIP', []],
      // `Tests` under AWS_ACCESS_KEY_ID is no access key id (AKIA or ASIA and 16 characters).
      ['Scenario c) Environment variable with name AWS_ACCESS_KEY_ID is present, FAIL', 'FAIL', []],
      // `Tests` under AWS_SECRET_ACCESS_KEY is no secret key (40 characters of base64), nor any secret (5 characters).
      ['Scenario c) Environment variable with name AWS_SECRET_ACCESS_KEY is present, FAIL', 'FAIL', []],
      ['Scenario d) No environment variables are present, PASS', 'PASS', []],
      [
        'Scenario d) Environment variables with names other than AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are present, PASS',
        'PASS',
        [],
      ],
    ]);
  });

  it("the scenarios Guard fails, with AWS's example key pair as the value, are found", () => {
    const withKeys = SCENARIOS.filter(({ expectations }) => expectations.rules.CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK === 'FAIL')
      .map((scenario) =>
        JSON.parse(
          JSON.stringify(scenario.input)
            .replace('"Name":"AWS_ACCESS_KEY_ID","Type":"PLAINTEXT","Value":"Tests"', '"Name":"AWS_ACCESS_KEY_ID","Type":"PLAINTEXT","Value":"AKIAIOSFODNN7EXAMPLE"')
            .replace(
              '"Name":"AWS_SECRET_ACCESS_KEY","Type":"PLAINTEXT","Value":"Tests"',
              '"Name":"AWS_SECRET_ACCESS_KEY","Type":"PLAINTEXT","Value":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
            ),
        ) as Partial<CfnTemplate>,
      )
      .map(plainCredentials);
    expect(withKeys).toEqual([
      ['MyCodeBuildProject Environment.EnvironmentVariables.AWS_ACCESS_KEY_ID'],
      ['MyCodeBuildProject Environment.EnvironmentVariables.AWS_SECRET_ACCESS_KEY'],
    ]);
  });
});
