/**
 * End to end through the CLI: SAM templates checked instead of refused, content the check cannot see reported
 * (never exit 2, never silent), stack sets and permission sets read, findings located by the parser.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import type { Finding } from '../../src/engine/finding.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/cloudformation';

function check(path: string, options: Partial<CheckOptions> = {}) {
  return runCheck({ paths: [join(REPO, FIXTURES, path)], format: 'json', now: new Date('2026-06-01T00:00:00Z'), cwd: REPO, toolVersion: 'test', ...options });
}

/** rule, level, resource (stack/name at line:column), identity, detail. */
function summary(findings: readonly Finding[], rules: string[]) {
  return findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.stack}/${f.resource.name}@${f.resource.line}:${f.resource.column} ${f.identity ?? '-'} ${f.detail ?? '-'}`);
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
      'no-wildcard-privilege mandatory permission-set/Everything@11:3 permission-set/Everything Policy::arn:aws:iam::${AWS::AccountId}:policy/platform/team-boundary',
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
      const wildcard = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'no-wildcard-privilege');
      expect(wildcard.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: `${FIXTURES}/real-world/${file}` }, region: { startLine: line, startColumn: column } });
      const markdown = check(`real-world/${file}`, { format: 'markdown' }).output;
      expect(markdown).toContain(`#### AWS::IAM::Role role-named-role/Role \\(${FIXTURES}/real-world/${file}:${line}:${column}\\)`);
    });
  }

  it('a duplicate key in a JSON template is a located error, exit 2', () => {
    const result = check('invalid-json-duplicate-key.template.json');
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([`${FIXTURES}/invalid-json-duplicate-key.template.json:9:7: invalid JSON: duplicate key "Effect"`]);
  });
});
