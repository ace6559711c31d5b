/**
 * End to end through the CLI: SAM templates checked instead of refused, content the check cannot see reported
 * (never exit 2, never silent), stack sets and permission sets read, findings located by the parser.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/cloudformation';

function check(path: string, options: Partial<CheckOptions> = {}) {
  return runCheck({
    paths: [join(REPO, FIXTURES, path)],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
    ...options,
  });
}

/** rule, level, resource (stack/name at line:column), identity, detail. */
function summary(findings: readonly Finding[], rules: string[]) {
  return findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.level} ${f.resource.stack}/${f.resource.name}@${f.resource.line}:${f.resource.column} ${f.identity ?? '-'} ${f.detail ?? '-'}`,
    );
}

describe('SAM templates are checked, not refused', () => {
  it('reports AdministratorAccess in Policies on the implicit role HandlerRole, at the function', () => {
    const result = check('sam-transform.template.yaml');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings, ['no-wildcard-privilege', 'no-unseen-content'])).toEqual([
      'no-wildcard-privilege mandatory sam-transform/HandlerRole@5:3 sam-transform/HandlerRole Policy::AdministratorAccess',
    ]);
  });
});

describe('nothing unseen passes', () => {
  it('a custom macro is one mandatory, pending finding at the Transform line (exit 1, not 2)', () => {
    const result = check('real-world/macro.template.yaml');
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings, ['no-unseen-content'])).toEqual([
      'no-unseen-content mandatory macro/AcmeRoleExpander@2:1 - Unseen::the transform (macro) AcmeRoleExpander',
    ]);
    expect(result.result!.findings[0]!.pending).toBe(true);
  });

  it('AWS::Include as a resource body (long and short form), as the Fn::Transform key of Resources, and a remote nested stack: one mandatory, pending finding at each key (exit 1, not 2)', () => {
    const file = `${FIXTURES}/real-world/include-resources.template.yaml`;
    const result = check('real-world/include-resources.template.yaml');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings, ['no-unseen-content']).sort()).toEqual([
      'no-unseen-content mandatory include-resources/CodeBuildServiceRole@10:3 - Unseen::the AWS::Include snippet s3://${S3ModuleLocation}/${S3ModuleNamespace}/templates/v2/modules/pipeline/codebuild-service-role.yml',
      'no-unseen-content mandatory include-resources/Fn::Transform@19:3 - Unseen::the AWS::Include snippet s3://acme-modules/account/roles.yml',
      'no-unseen-content mandatory include-resources/PostDeployServiceRole@15:3 - Unseen::the AWS::Include snippet s3://acme-modules/pipeline/postdeploy-service-role.yml',
      'no-unseen-content mandatory include-resources/Workers@23:3 - Unseen::https://acme-templates.s3.amazonaws.com/workers.yaml',
    ]);
    expect(result.result!.findings.map((finding) => [finding.ruleId, finding.pending, finding.resource.file])).toEqual(
      result.result!.findings.map(() => ['no-unseen-content', true, file]),
    );
    // The text report heads each at its file:line:col; SARIF locates the remote nested stack at its logical id.
    const text = check('real-world/include-resources.template.yaml', { format: 'text' }).output;
    expect(text).toContain(`Fn::Transform include-resources/CodeBuildServiceRole ${file}:10:3\n`);
    expect(text).toContain(`AWS::CloudFormation::Stack include-resources/Workers ${file}:23:3\n`);
    const sarif = JSON.parse(check('real-world/include-resources.template.yaml', { format: 'sarif' }).output);
    const remote = sarif.runs[0].results.filter((entry: { message: { text: string } }) =>
      entry.message.text.includes('workers.yaml'),
    );
    expect(
      remote.map((entry: { ruleId: string; level: string; locations: { physicalLocation: unknown }[] }) => [
        entry.ruleId,
        entry.level,
        entry.locations[0]!.physicalLocation,
      ]),
    ).toEqual([
      ['no-unseen-content', 'error', { artifactLocation: { uri: file }, region: { startLine: 23, startColumn: 3 } }],
    ]);
  });

  it('the same with no-unseen-content advisory in the catalog: four advisory findings, exit 0', () => {
    const result = check('real-world/include-resources.template.yaml', {
      catalogPath: join(REPO, FIXTURES, 'unseen-advisory.catalog.yaml'),
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(
      result
        .result!.findings.map(
          (finding) =>
            `${finding.ruleId} ${finding.level} ${finding.resource.name}@${finding.resource.line}:${finding.resource.column}`,
        )
        .sort(),
    ).toEqual([
      'no-unseen-content advisory CodeBuildServiceRole@10:3',
      'no-unseen-content advisory Fn::Transform@19:3',
      'no-unseen-content advisory PostDeployServiceRole@15:3',
      'no-unseen-content advisory Workers@23:3',
    ]);
  });

  it("an AWS::Include inside a role's properties: unseen at the role, and what its policies grant is pending, never an empty grant (exit 1)", () => {
    const result = check('real-world/include-in-role.template.yaml');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(
      summary(result.result!.findings, [
        'no-unseen-content',
        'no-wildcard-privilege',
        'no-privilege-escalation',
      ]).sort(),
    ).toEqual([
      'no-privilege-escalation mandatory include-in-role/DeployRole@4:3 include-in-role/DeployRole Path::unknown',
      'no-unseen-content mandatory include-in-role/DeployRole@4:3 - Unseen::the AWS::Include snippet s3://acme-modules/pipeline/deploy-policies.yml',
      'no-wildcard-privilege mandatory include-in-role/DeployRole@4:3 include-in-role/DeployRole -',
    ]);
    expect(
      result
        .result!.findings.filter(
          (finding) => finding.ruleId !== 'require-owner' && finding.ruleId !== 'require-entitlement',
        )
        .every((finding) => finding.pending),
    ).toBe(true);
  });

  it('an Fn::ForEach loop of AWS::LanguageExtensions over a literal list: each role it makes is judged, located at the loop', () => {
    const result = check('real-world/foreach-loop.template.yaml');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    expect(summary(result.result!.findings, ['no-unseen-content', 'restrict-trust'])).toEqual([
      'restrict-trust mandatory foreach-loop/ReaderRole@5:3 foreach-loop/ReaderRole Principal::*',
      'restrict-trust mandatory foreach-loop/WriterRole@5:3 foreach-loop/WriterRole Principal::*',
    ]);
  });

  it('a stack set: its TemplateBody read (the admin role found, located at the stack set), a TemplateURL reported', () => {
    const result = check('real-world/stack-set.template.yaml');
    expect(summary(result.result!.findings, ['no-wildcard-privilege', 'no-unseen-content'])).toEqual([
      'no-unseen-content mandatory stack-set/Remote@22:3 - Unseen::https://s3.amazonaws.com/acme-templates/baseline.yaml',
      'no-wildcard-privilege mandatory stack-set/Baseline/BreakGlass@3:3 stack-set/Baseline/BreakGlass Policy::AdministratorAccess',
    ]);
  });

  it('a permission set: AdministratorAccess and an inline "*" are found on the identity it provisions', () => {
    const result = check('real-world/permission-set.template.yaml');
    expect(summary(result.result!.findings, ['no-wildcard-privilege'])).toEqual([
      'no-wildcard-privilege mandatory permission-set/AdminAccess@3:3 permission-set/AdminAccess Policy::AdministratorAccess',
      'no-wildcard-privilege mandatory permission-set/Everything@11:3 permission-set/Everything Action::*',
      // Its customer managed policy reference is content the template never shows: one finding at the rule's level, named by ARN.
      'no-wildcard-privilege mandatory permission-set/Everything@11:3 permission-set/Everything Policy::arn:aws:iam::<own-account>:policy/platform/team-boundary',
    ]);
  });
});

describe('locations come from the parser', () => {
  for (const file of ['role-named-role.template.yaml', 'role-named-role.template.json']) {
    it(`a role called Role is reported at its own declaration, not at the Lambda's Role: property (${file.split('.').pop()})`, () => {
      const line = file.endsWith('.json') ? 7 : 11;
      const column = file.endsWith('.json') ? 5 : 3;
      const text = check(`real-world/${file}`, { format: 'text' }).output;
      expect(text).toContain(`AWS::IAM::Role role-named-role/Role ${FIXTURES}/real-world/${file}:${line}:${column}\n`);
      const sarif = JSON.parse(check(`real-world/${file}`, { format: 'sarif' }).output);
      const wildcard = sarif.runs[0].results.find(
        (result: { ruleId: string }) => result.ruleId === 'no-wildcard-privilege',
      );
      expect(wildcard.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: `${FIXTURES}/real-world/${file}` },
        region: { startLine: line, startColumn: column },
      });
      const markdown = check(`real-world/${file}`, { format: 'markdown' }).output;
      expect(markdown).toContain(
        `#### AWS::IAM::Role role-named-role/Role \\(${FIXTURES}/real-world/${file}:${line}:${column}\\)`,
      );
    });
  }

  it('an Fn::Transform key of Resources with nothing under it is a located error, exit 2 (found by the fuzz suite)', () => {
    const result = check('transform-key-null.template.yaml');
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([
      `${FIXTURES}/transform-key-null.template.yaml:4:3: Resources.Fn::Transform: expected a resource (an object with a Type), got null`,
    ]);
  });

  it('a duplicate key in a JSON template is a located error, exit 2', () => {
    const result = check('invalid-json-duplicate-key.template.json');
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([
      `${FIXTURES}/invalid-json-duplicate-key.template.json:9:7: invalid JSON: duplicate key "Effect"`,
    ]);
  });
});
