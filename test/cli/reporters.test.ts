import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import type { Finding } from '../../src/model/finding.js';
import { defineRule } from '../../src/rules/define.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { formatText } from '../../src/reporters/text.js';

const role = {
  type: 'AWS::IAM::Role',
  name: 'ApiRole',
  path: 'App/ApiRole/Resource',
  file: 'cdk.out/App.template.json',
  stack: 'App',
  line: 12,
  column: 5,
};
const pulumiUser = {
  type: 'aws:iam/user:User',
  name: 'deployer',
  urn: 'urn:pulumi:dev::app::aws:iam/user:User::deployer',
};

const findings: Finding[] = [
  {
    ruleId: 'restrict-trust',
    level: 'advisory',
    resource: role,
    identity: 'App/ApiRole',
    detail: 'Principal::unknown',
    message: 'Trust principal is not known until deploy.',
    remediation: 'Name the principal.',
    frameworks: ['OWASP-NHI9:2025'],
    pending: true,
  },
  {
    ruleId: 'no-long-lived-credentials',
    level: 'mandatory',
    resource: pulumiUser,
    message: 'Access key on deployer.',
    remediation: 'Use a role.',
    frameworks: ['OWASP-NHI7:2025'],
    waivedBy: 'EXC-1',
  },
  {
    ruleId: 'no-wildcard-privilege',
    level: 'mandatory',
    resource: role,
    identity: 'App/ApiRole',
    detail: 'Action::*',
    message: 'Action "*" on "*".',
    remediation: 'List actions.',
    frameworks: ['OWASP-NHI5:2025'],
    waiverTarget: 'path:App/ApiRole',
  },
];

const result: EvaluationResult = {
  findings,
  summary: {
    total: 3,
    blocking: 1,
    mandatory: 2,
    advisory: 1,
    waived: 1,
    pending: 1,
    identities: 2,
    secrets: 0,
    byRule: { 'restrict-trust': 1, 'no-wildcard-privilege': 1, 'no-long-lived-credentials': 1 },
  },
};

const rules = ['no-long-lived-credentials', 'no-wildcard-privilege', 'restrict-trust'].map((id) =>
  defineRule({
    meta: {
      id,
      title: `Title of ${id}`,
      level: 'mandatory',
      rationale: 'Why.',
      remediation: 'How.',
      frameworks: ['F-1'],
      messages: { m: 'x' },
    },
    check: () => undefined,
  }),
);

describe('json reporter', () => {
  it('sorts findings, orders keys, and leaves out unset optional keys', () => {
    const report = JSON.parse(formatJson(result));
    expect(report.findings.map((finding: Finding) => `${finding.resource.stack ?? ''}|${finding.ruleId}`)).toEqual([
      '|no-long-lived-credentials',
      'App|no-wildcard-privilege',
      'App|restrict-trust',
    ]);
    expect(Object.keys(report.findings[0])).toEqual([
      'ruleId',
      'level',
      'resource',
      'message',
      'remediation',
      'frameworks',
      'waivedBy',
    ]);
    expect(Object.keys(report.findings[2])).toEqual([
      'ruleId',
      'level',
      'resource',
      'identity',
      'detail',
      'message',
      'remediation',
      'frameworks',
      'pending',
    ]);
    expect(Object.keys(report.findings[1].resource)).toEqual([
      'type',
      'name',
      'path',
      'file',
      'stack',
      'line',
      'column',
    ]);
    expect(report.findings[0].resource).toEqual({
      type: 'aws:iam/user:User',
      name: 'deployer',
      urn: 'urn:pulumi:dev::app::aws:iam/user:User::deployer',
    });
    expect(Object.keys(report.summary)).toEqual([
      'total',
      'blocking',
      'mandatory',
      'advisory',
      'waived',
      'pending',
      'identities',
      'secrets',
      'byRule',
    ]);
    expect(Object.keys(report.summary.byRule)).toEqual([
      'no-long-lived-credentials',
      'no-wildcard-privilege',
      'restrict-trust',
    ]);
  });
});

describe('text reporter', () => {
  it('groups by resource with marks for blocking, advisory/pending and waived findings, and a waiver hint only where something blocks', () => {
    expect(formatText(result)).toBe(
      [
        'aws:iam/user:User deployer (urn:pulumi:dev::app::aws:iam/user:User::deployer)',
        '  no-long-lived-credentials (mandatory)',
        '    ~ Access key on deployer. (waived by EXC-1)',
        '    fix: Use a role.',
        '',
        'AWS::IAM::Role App/ApiRole (App/ApiRole/Resource) cdk.out/App.template.json:12:5',
        '  no-wildcard-privilege (mandatory)',
        '    ✖ [Action::*] Action "*" on "*".',
        '    fix: List actions.',
        '    to waive: a catalog exception { rule: no-wildcard-privilege, target: path:App/ApiRole } with owner, approvedBy and expires',
        '  restrict-trust (advisory)',
        '    ! [Principal::unknown] Trust principal is not known until deploy. (pending: the value is not known before deployment)',
        '    fix: Name the principal.',
        '',
        '✖ blocked: 3 findings: 1 blocking, 1 advisory, 1 waived, 1 pending (2 identities, 0 secrets checked)',
        '',
      ].join('\n'),
    );
  });

  it('colors only when asked', () => {
    expect(formatText(result, { color: true })).toContain('\u001b[31m✖\u001b[0m');
    expect(
      formatText({
        findings: [],
        summary: { ...result.summary, total: 0, blocking: 0, advisory: 0, waived: 0, pending: 0 },
      }),
    ).toBe('✔ passed: 0 findings: 0 blocking, 0 advisory, 0 waived, 0 pending (2 identities, 0 secrets checked)\n');
  });
});

describe('sarif reporter', () => {
  const sarif = JSON.parse(formatSarif(result, rules, { toolVersion: '1.2.3' }));
  const [run] = sarif.runs;

  it('describes every rule from its metadata', () => {
    expect(run.tool.driver).toMatchObject({ name: 'entitlement-guard', version: '1.2.3' });
    expect(run.tool.driver.rules[1]).toEqual({
      id: 'no-wildcard-privilege',
      name: 'NoWildcardPrivilege',
      shortDescription: { text: 'Title of no-wildcard-privilege' },
      fullDescription: { text: 'Why.' },
      // No helpUri: package.json names no repository to link to; the help carries the rule's documentation.
      help: { text: 'How.', markdown: '**Why.** Why.\n\n**Fix.** How.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'F-1'], precision: 'high', 'security-severity': '8.0' },
    });
  });

  it('maps levels (pending → note), locations, suppressions', () => {
    expect(
      run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
    ).toEqual([
      ['no-long-lived-credentials', 0, 'error'],
      ['no-wildcard-privilege', 1, 'error'],
      ['restrict-trust', 2, 'note'],
    ]);
    expect(run.results[0].locations).toEqual([
      {
        logicalLocations: [
          {
            name: 'deployer',
            fullyQualifiedName: 'urn:pulumi:dev::app::aws:iam/user:User::deployer',
            kind: 'resource',
          },
        ],
      },
    ]);
    expect(run.results[0].suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'waived by catalog exception EXC-1' },
    ]);
    expect(run.results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'cdk.out/App.template.json' },
      region: { startLine: 12, startColumn: 5 },
    });
    expect(run.results[1].suppressions).toBeUndefined();
  });

  it('fingerprints ignore the message wording but not the detail', () => {
    const reworded = JSON.parse(
      formatSarif({ ...result, findings: findings.map((f) => ({ ...f, message: `${f.message} Reworded.` })) }, rules, {
        toolVersion: '1',
      }),
    );
    const prints = (log: typeof sarif) =>
      log.runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['entitlementGuardFinding/v1'],
      );
    expect(prints(reworded)).toEqual(prints(sarif));
    expect(new Set(prints(sarif)).size).toBe(3);
  });
});
