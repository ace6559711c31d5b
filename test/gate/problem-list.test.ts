/**
 * Issue 24's problem list, bullet by bullet, through the CLI: each test's name quotes the bullet it shows fixed and
 * asserts the verdict, the exit code and the location (file:line:column). Where another suite already does this for a
 * bullet in depth, the describe block names it:
 * - the Pulumi pack over the analyzer protocol: test/pulumi/waivers.test.ts, test/pulumi/iam-semantics.test.ts,
 *   test/parity (every rule, policy-validity's ValidityTypo case included);
 * - "Crashes", "Unbounded reads" and "Output integrity", each probe of the list (self-nesting and mutually nesting
 *   stacks, directoryName ".", 2,000 nested intrinsics, YAML alias bombs in a template, a manifest and the catalog,
 *   --out to a missing directory, a directory, a read-only file and a full disk, /dev/zero and ../../etc/passwd as a
 *   TemplateURL, a manifest's templateFile and --catalog, control characters in names and tags, --now 2026-02-30,
 *   duplicate JSON keys, a policy's `statement` list, {"Ref": "__proto__"}): test/cli/hostile-input.test.ts, and the
 *   duplicate key in a JSON template also test/cli/templates-as-deployed.test.ts.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import { resource as generatedResource } from '../fuzz/support.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/cloudformation';
const NOW = new Date('2026-06-01T00:00:00Z');
const DIR = mkdtempSync(join(tmpdir(), 'eg-problem-list-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function check(paths: string[], options: Partial<CheckOptions> = {}) {
  return runCheck({
    paths: paths.map((path) => join(REPO, path)),
    format: 'json',
    now: NOW,
    cwd: REPO,
    toolVersion: 'test',
    ...options,
  });
}

/** rule level resource@line:column detail, for the rules given, sorted. */
function verdicts(findings: readonly Finding[], rules: string[]): string[] {
  return findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map(
      (f) =>
        `${f.ruleId} ${f.waivedBy ? `waived:${f.waivedBy}` : f.level} ${f.resource.name}@${f.resource.line}:${f.resource.column} ${f.detail ?? '-'}`,
    )
    .sort();
}

describe('"Waivers can be spoofed."', () => {
  const SPOOF = `${FIXTURES}/waivers/spoofed-key.template.yaml`;
  const CATALOG = { catalogPath: join(REPO, 'examples/catalog.yaml') };

  it('"naming an access key after an exception\'s target (legacy-sftp-sync) waives a long-lived key for any user, in the CLI": it blocks (exit 1) at the key', () => {
    const result = check([SPOOF], CATALOG);
    expect(result.exitCode).toBe(1);
    expect(
      verdicts(result.result!.findings, ['no-long-lived-credentials']).filter((line) =>
        line.includes('Credential::aws-access-key'),
      ),
    ).toEqual([
      'no-long-lived-credentials mandatory LegacySftpSyncKey@23:3 Credential::aws-access-key',
      'no-long-lived-credentials mandatory legacy-sftp-sync@12:3 Credential::aws-access-key',
    ]);
    // The same through the Pulumi pack over the analyzer protocol: test/pulumi/waivers.test.ts.
  });

  it("\"The text report even suggests a logical id as the waiver target\": it suggests the user's physical name, or the user's own location (never the key's)", () => {
    const text = check([SPOOF], { ...CATALOG, format: 'text' }).output.split('\n');
    const key = text.indexOf(`AWS::IAM::AccessKey spoofed-key/legacy-sftp-sync ${SPOOF}:12:3`);
    expect(text[key + 4]).toBe(
      '    to waive: a catalog exception { rule: no-long-lived-credentials, target: ci-bot } with owner, approvedBy and expires',
    );
    const unnamed = text.indexOf(`AWS::IAM::AccessKey spoofed-key/LegacySftpSyncKey ${SPOOF}:23:3`);
    expect(text[unnamed + 4]).toBe(
      '    to waive: a catalog exception { rule: no-long-lived-credentials, target: stack:spoofed-key/LegacySftpSync } with owner, approvedBy and expires',
    );
  });
});

describe('"Trust read too kindly."', () => {
  const CATALOG = { catalogPath: join(REPO, FIXTURES, 'semantics/catalog.yaml') };
  const SEMANTICS = `${FIXTURES}/semantics/gate-semantics.template.yaml`;
  const MORE = `${FIXTURES}/problem-list/trust-and-every-resource.template.yaml`;

  it('"Principal: "*" narrowed only by aws:PrincipalAccount or aws:PrincipalArn naming an account the catalog does not trust passes": it blocks (exit 1) at the role', () => {
    for (const [file, role, line] of [
      [SEMANTICS, 'AnyoneFromOtherAccount', 5],
      [MORE, 'AnyoneArnOtherAccount', 5],
    ] as const) {
      const result = check([file], CATALOG);
      expect(result.exitCode).toBe(1);
      expect(verdicts(result.result!.findings, ['restrict-trust']).filter((entry) => entry.includes(role))).toEqual([
        `restrict-trust mandatory ${role}@${line}:3 Account::999988887777`,
        `restrict-trust mandatory ${role}@${line}:3 Condition::sts:ExternalId`,
      ]);
    }
  });

  it('"Conditions that compare a key with itself through a policy variable (aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn) are accepted as narrowing": Principal "*" blocks (exit 1) at each role', () => {
    const semantics = check([SEMANTICS], CATALOG);
    expect(semantics.exitCode).toBe(1);
    expect(
      verdicts(semantics.result!.findings, ['restrict-trust']).filter((entry) => entry.includes('SelfCompared')),
    ).toEqual(['restrict-trust mandatory AnyoneSelfCompared@17:3 Principal::*']);
    const more = check([MORE], CATALOG);
    expect(more.exitCode).toBe(1);
    expect(
      verdicts(more.result!.findings, ['restrict-trust']).filter((entry) => entry.includes('SelfCompared')),
    ).toEqual([
      'restrict-trust mandatory AnyoneAccountSelfCompared@17:3 Principal::*',
      'restrict-trust mandatory AnyoneArnSelfCompared@29:3 Principal::*',
    ]);
  });
});

describe('"Every resource, spelled differently."', () => {
  const CATALOG = { catalogPath: join(REPO, FIXTURES, 'semantics/catalog.yaml') };

  it('"arn:*, arn:aws:*:*:*:*, arn:aws:secretsmanager:*:*:secret:* and arn:aws:iam::*:role/* are not treated as every resource by no-wildcard-privilege and the assume-any-role escalation path", with require-entitlement advisory: they block (exit 1) at each role', () => {
    const semantics = check([`${FIXTURES}/semantics/gate-semantics.template.yaml`], CATALOG);
    expect(semantics.exitCode).toBe(1);
    expect(verdicts(semantics.result!.findings, ['no-wildcard-privilege', 'no-privilege-escalation'])).toEqual([
      'no-privilege-escalation mandatory AssumeAnyRole@45:3 Path::assume-any-role',
      'no-wildcard-privilege mandatory AssumeAnyRole@45:3 Resource::*',
      'no-wildcard-privilege mandatory PassAnyRole@29:3 Resource::*',
    ]);
    const more = check([`${FIXTURES}/problem-list/trust-and-every-resource.template.yaml`], CATALOG);
    expect(more.exitCode).toBe(1);
    expect(
      verdicts(more.result!.findings, ['no-wildcard-privilege']).filter((entry) => !entry.includes('Vacuous')),
    ).toEqual([
      'no-wildcard-privilege mandatory EverySecretPolicy@53:3 Resource::*',
      'no-wildcard-privilege mandatory PassEveryArn@41:3 Resource::*',
    ]);
    expect(
      more
        .result!.findings.filter((finding) => finding.ruleId === 'require-entitlement')
        .every((finding) => finding.level === 'advisory'),
    ).toBe(true);
  });

  it('"any Condition at all, however vacuous (Bool aws:SecureTransport true, StringLike aws:PrincipalArn "*"), switches the privileged-on-every-resource check off": it blocks (exit 1) at the role', () => {
    // Bool aws:SecureTransport is PassAnyRole above (29:3); StringLike aws:PrincipalArn "*" is this one.
    const result = check([`${FIXTURES}/problem-list/trust-and-every-resource.template.yaml`], CATALOG);
    expect(result.exitCode).toBe(1);
    expect(
      verdicts(result.result!.findings, ['no-wildcard-privilege']).filter((entry) => entry.includes('Vacuous')),
    ).toEqual(['no-wildcard-privilege mandatory PassBehindVacuousCondition@65:3 Resource::*']);
  });
});

describe('"Envelopes compared as text"', () => {
  it('"an entitlement\'s resource pattern shard-?/* covers a granted shard-*/*": the excess blocks (exit 1) at the role', () => {
    const result = check([`${FIXTURES}/semantics/envelope.template.yaml`], {
      catalogPath: join(REPO, FIXTURES, 'semantics/envelope-catalog.yaml'),
    });
    expect(result.exitCode).toBe(1);
    expect(verdicts(result.result!.findings, ['require-entitlement'])).toEqual([
      'require-entitlement mandatory ShardReader@4:3 Policy::ShardReader/read-shards',
    ]);
  });
});

describe('"Unseen content passes with no finding"', () => {
  it('"Fn::Transform (AWS::Include) inside Resources, a nested stack with a remote TemplateURL": a mandatory, pending finding at each key (exit 1)', () => {
    const result = check([`${FIXTURES}/real-world/include-resources.template.yaml`]);
    expect(result.exitCode).toBe(1);
    expect(
      verdicts(result.result!.findings, ['no-unseen-content']).map((entry) => entry.split(' ').slice(0, 3).join(' ')),
    ).toEqual([
      'no-unseen-content mandatory CodeBuildServiceRole@10:3',
      'no-unseen-content mandatory Fn::Transform@19:3',
      'no-unseen-content mandatory PostDeployServiceRole@15:3',
      'no-unseen-content mandatory Workers@23:3',
    ]);
    expect(result.result!.findings.every((finding) => finding.pending)).toBe(true);
    const inRole = check([`${FIXTURES}/real-world/include-in-role.template.yaml`]);
    expect(inRole.exitCode).toBe(1);
    expect(verdicts(inRole.result!.findings, ['no-unseen-content'])).toEqual([
      'no-unseen-content mandatory DeployRole@4:3 Unseen::the AWS::Include snippet s3://acme-modules/pipeline/deploy-policies.yml',
    ]);
  });

  it('"an AWS::CloudFormation::StackSet whose template creates an admin role": the admin role blocks (exit 1) at the stack set', () => {
    const result = check([`${FIXTURES}/real-world/stack-set.template.yaml`]);
    expect(result.exitCode).toBe(1);
    expect(verdicts(result.result!.findings, ['no-wildcard-privilege'])).toEqual([
      'no-wildcard-privilege mandatory BreakGlass@3:3 Policy::AdministratorAccess',
    ]);
  });

  it('"an AWS::SSO::PermissionSet with AdministratorAccess and an inline * policy": both block (exit 1) at the permission sets', () => {
    const result = check([`${FIXTURES}/real-world/permission-set.template.yaml`]);
    expect(result.exitCode).toBe(1);
    expect(verdicts(result.result!.findings, ['no-wildcard-privilege'])).toEqual([
      'no-wildcard-privilege mandatory AdminAccess@3:3 Policy::AdministratorAccess',
      'no-wildcard-privilege mandatory Everything@11:3 Action::*',
      'no-wildcard-privilege mandatory Everything@11:3 Policy::arn:aws:iam::<own-account>:policy/platform/team-boundary',
    ]);
  });
});

describe('"Known values reported as pending"', () => {
  const POLICY = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::bucket/*' }],
  });

  it('"an action the bundled dataset does not know is pending", in the CLI: a policy-validity finding of its own, not pending, at the role', () => {
    const file = join(DIR, 'typo.template.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          Resources: {
            Reader: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: {
                  Statement: [
                    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
                  ],
                },
                Policies: [{ PolicyName: 'read', PolicyDocument: JSON.parse(POLICY) }],
              },
            },
          },
        },
        null,
        2,
      ),
    );
    const result = runCheck({ paths: [file], format: 'json', now: NOW, cwd: DIR, toolVersion: 'test' });
    expect(result.exitCode).toBe(1);
    const validity = result.result!.findings.filter((finding) => finding.ruleId === 'policy-validity');
    expect(
      validity.map(
        (f) => `${f.level} ${f.resource.file}:${f.resource.line}:${f.resource.column} ${f.pending ?? false}`,
      ),
    ).toEqual(['advisory typo.template.json:3:5 false']);
    expect(validity[0]!.message).toContain('s3:GetObjekt');
  });

  it('"... and so advisory in the Pulumi pack, even at pulumi up when everything is known": not pending, named by its URN', () => {
    // The pack over the analyzer protocol gives the same verdict (test/parity, case ValidityTypo).
    const urn = 'urn:pulumi:dev::app::aws:iam/role:Role::reader';
    const model = modelFromPulumiResources([
      {
        type: 'aws:iam/role:Role',
        name: 'reader',
        urn,
        props: {
          name: 'reader',
          assumeRolePolicy: JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
          inlinePolicies: [{ name: 'read', policy: POLICY }],
        },
      },
    ]);
    const validity = evaluate(model, { catalog: defaultCatalog(), now: NOW }).findings.filter(
      (finding) => finding.ruleId === 'policy-validity',
    );
    expect(validity.map((f) => `${f.level} ${f.resource.urn} ${f.pending ?? false}`)).toEqual([
      `advisory ${urn} false`,
    ]);
  });
});

/** A role whose inline policy grants `*`: each generated template holds one, which must block wherever it stands. */
const ADMIN_ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    Policies: [
      { PolicyName: 'admin', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    ],
  },
};

describe('"Blow-ups"', () => {
  // 10,000 findings in every format: test/cli/hostile-input.test.ts ("blow-ups"); the formats' cost beside JSON:
  // bench/report-formats.mjs. One policy of 100,000 statements, 3,000 service-less wildcards and a 1 MB subject
  // pattern: at the engine in test/cli/hostile-input.test.ts, through the built CLI in the block below.

  it('"one check of a folder of 1,000 randomly generated hostile templates (18,000 resources) dies of heap exhaustion": it ends with exit 1 and every planted administrator blocks at its line', () => {
    const isRecord = (value: unknown): value is Record<string, unknown> =>
      typeof value === 'object' && value !== null && !Array.isArray(value);
    // Resources of the fuzz suite's generator that load (an object with a Type and object Properties; no nested stack,
    // whose generated local TemplateURL names no file), 17 per template beside the planted role.
    const pool = fc
      .sample(generatedResource, { seed: 24, numRuns: 40_000 })
      .filter(
        (entry) =>
          isRecord(entry) &&
          typeof entry.Type === 'string' &&
          entry.Type !== 'AWS::CloudFormation::Stack' &&
          (entry.Properties === undefined || isRecord(entry.Properties)),
      );
    const folder = join(DIR, 'hostile-folder');
    mkdirSync(folder);
    for (let template = 0; template < 1_000; template++) {
      const resources: Record<string, unknown> = { PlantedAdminRole: ADMIN_ROLE };
      for (let index = 0; index < 17; index++) resources[`R${index}`] = pool[(template * 17 + index) % pool.length];
      writeFileSync(
        join(folder, `t${template}.template.yaml`),
        stringify({ Resources: resources }, { aliasDuplicateObjects: false }),
      );
    }
    const result = runCheck({ paths: [folder], format: 'json', now: NOW, cwd: folder, toolVersion: 'test' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const planted = result.result!.findings.filter(
      (finding) =>
        finding.ruleId === 'no-wildcard-privilege' &&
        finding.resource.name === 'PlantedAdminRole' &&
        finding.detail === 'Action::*',
    );
    expect(planted).toHaveLength(1_000);
    expect(
      new Set(planted.map((finding) => `${finding.level} ${finding.resource.line}:${finding.resource.column}`)),
    ).toEqual(new Set(['mandatory 2:3']));
  }, 600_000);

  it('"20 realistic 500-resource stacks: text 16 s, JSON 1.4 s": the text report lists every blocked resource once, at its line, exit 1', () => {
    mkdirSync(join(DIR, 'stacks'));
    for (let stack = 0; stack < 20; stack++) {
      const lines = ['Resources:'];
      for (let index = 0; index < 125; index++) {
        lines.push(
          `  Fn${index}Role:`,
          '    Type: AWS::IAM::Role',
          '    Properties:',
          '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }',
          `      Policies: [{ PolicyName: table, PolicyDocument: { Statement: [{ Effect: Allow, Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: "arn:aws:dynamodb:*:*:table/t${index}" }] } }]`,
          `  Fn${index}:`,
          '    Type: AWS::Lambda::Function',
          `    Properties: { Role: !GetAtt Fn${index}Role.Arn, Runtime: nodejs22.x, Handler: index.handler, Code: { ZipFile: "exports.handler = async () => 1" } }`,
          `  Table${index}:`,
          '    Type: AWS::DynamoDB::Table',
          '    Properties: { BillingMode: PAY_PER_REQUEST, AttributeDefinitions: [{ AttributeName: id, AttributeType: S }], KeySchema: [{ AttributeName: id, KeyType: HASH }] }',
          `  Queue${index}:`,
          '    Type: AWS::SQS::Queue',
        );
      }
      const file = join(DIR, `stacks/stack${stack}.template.yaml`);
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
    const text = runCheck({ paths: [join(DIR, 'stacks')], format: 'text', now: NOW, cwd: DIR, toolVersion: 'test' });
    expect(text.exitCode).toBe(1);
    // Every role is unowned, so each of the 2,500 is a heading of its own, once, at its line.
    const headings = text.output.split('\n').filter((line) => line.startsWith('AWS::IAM::Role '));
    expect(headings).toHaveLength(2_500);
    expect(new Set(headings).size).toBe(2_500);
    expect(headings).toContain('AWS::IAM::Role stack7/Fn42Role stacks/stack7.template.yaml:' + (2 + 42 * 13) + ':3');
  }, 600_000);
});

describe('"Blow-ups" through the built CLI (dist/bundle/cli.js, spawned on a template written here)', () => {
  // What the engine-level tests of test/cli/hostile-input.test.ts ("blow-ups") show for the parser, evaluator, expansion
  // and glob matcher, here end to end: loading with source positions, every rule, the report and the exit code. No
  // timing is asserted; each must only complete within the test timeout.
  const BIN = join(REPO, 'dist/bundle/cli.js');
  const TRUST = {
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };

  /** One role per template, written one key per line: the role's logical id is at line 3, column 3. */
  function cli(name: string, template: unknown, ...args: string[]) {
    const folder = join(DIR, 'cli-blow-ups');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.template.json`), JSON.stringify(template, null, 1));
    const run = spawnSync(
      process.execPath,
      [BIN, 'check', `${name}.template.json`, '--format', 'json', '--now', '2026-06-01', ...args],
      {
        cwd: folder,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    expect(run.stderr).toBe('');
    return { exitCode: run.status, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings };
  }

  it('"one policy of 100,000 statements 30 s (quadratic)": the CLI reads all of them and blocks (exit 1) the s3:* planted in the last one, at the role', () => {
    const statements = Array.from({ length: 100_000 }, (_, index) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bucket-${index}/*`,
    }));
    statements[99_999] = { Effect: 'Allow', Action: 's3:*', Resource: '*' };
    const { exitCode, findings } = cli('statements', {
      Resources: {
        Many: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: TRUST,
            Policies: [{ PolicyName: 'many', PolicyDocument: { Statement: statements } }],
          },
        },
      },
    });
    expect(exitCode).toBe(1);
    expect(
      verdicts(findings, ['no-wildcard-privilege', 'require-owner', 'require-entitlement', 'policy-validity']),
    ).toEqual([
      'no-wildcard-privilege mandatory Many@3:3 Action::s3:*',
      'require-entitlement mandatory Many@3:3 Catalog::default',
      'require-owner mandatory Many@3:3 Owner::missing',
    ]);
  });

  it('"3,000 distinct service-less wildcards 30 s": each is its own advisory policy-validity finding, and the one that reaches iam:PassRole blocks (exit 1), at the role', () => {
    const patterns = [...Array.from({ length: 3_000 }, (_, index) => `*Get${index}*`), '*PassRole'];
    const { exitCode, findings } = cli('wildcards', {
      Resources: {
        Wild: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: TRUST,
            Policies: [
              {
                PolicyName: 'wild',
                PolicyDocument: { Statement: [{ Effect: 'Allow', Action: patterns, Resource: '*' }] },
              },
            ],
          },
        },
      },
    });
    expect(exitCode).toBe(1);
    expect(
      verdicts(findings, ['no-wildcard-privilege', 'no-privilege-escalation', 'require-owner', 'require-entitlement']),
    ).toEqual([
      'no-wildcard-privilege mandatory Wild@3:3 Action::*PassRole',
      'require-entitlement mandatory Wild@3:3 Catalog::default',
      'require-owner mandatory Wild@3:3 Owner::missing',
    ]);
    const validity = verdicts(findings, ['policy-validity']);
    expect(validity).toHaveLength(3_001);
    expect(new Set(validity)).toEqual(
      new Set(patterns.map((pattern) => `policy-validity advisory Wild@3:3 Action::${pattern}`)),
    );
  });

  it('"a 1 MB OIDC subject pattern allocates 750 MB": compared with the catalog\'s subjects, it blocks (exit 1) at the role', () => {
    const folder = join(DIR, 'cli-blow-ups');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'oidc-catalog.yaml'),
      [
        'apiVersion: entitlement-guard/v1',
        'owners: [{ id: team-ci, contact: ci@example.com }]',
        'trust:',
        '  accounts: { "111122223333": { owner: team-ci } }',
        '  oidc: [{ issuer: token.actions.githubusercontent.com, subjects: ["repo:org/app:*"], audiences: [sts.amazonaws.com] }]',
        '',
      ].join('\n'),
    );
    const subject = `repo:org/${'a*'.repeat(500_000)}`;
    const { exitCode, findings } = cli(
      'oidc',
      {
        Resources: {
          Ci: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: {
                      Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
                    },
                    Action: 'sts:AssumeRoleWithWebIdentity',
                    Condition: {
                      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
                      StringLike: { 'token.actions.githubusercontent.com:sub': subject },
                    },
                  },
                ],
              },
            },
          },
        },
      },
      '--catalog',
      'oidc-catalog.yaml',
    );
    expect(exitCode).toBe(1);
    expect(verdicts(findings, ['restrict-trust'])).toEqual([
      'restrict-trust mandatory Ci@3:3 Condition::token.actions.githubusercontent.com:sub',
    ]);
    // The message quotes the subject's first 500 characters and says how many more there were, once each time.
    const message = findings.find((finding) => finding.ruleId === 'restrict-trust')!.message;
    expect(message).toContain(`"repo:org/${'a*'.repeat(245)}a… (999509 more characters)"`);
    expect(message.length).toBeLessThan(2000);
  });
});
