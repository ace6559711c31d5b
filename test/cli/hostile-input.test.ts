/**
 * Issue 24, problem list "Crashes", "Unbounded reads" and "Output integrity" (the parts this suite owns): each input an
 * attacker controlling a pull request could write, through the CLI, asserting the verdict, the exit code and the
 * location. Inputs are written to a fresh directory per test file; nothing outside it is read or written (the probes
 * of /dev/zero, /dev/full and ../../etc/passwd are refused before any read or write).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import { main } from '../../src/cli/main.js';
import { loadCatalog, CatalogError } from '../../catalog/index.js';
import { readInputText } from '../../src/util/read-input.js';

const DIR = mkdtempSync(join(tmpdir(), 'eg-hostile-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(DIR, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function check(paths: string[], options: Partial<CheckOptions> = {}) {
  return runCheck({
    paths: paths.map((path) => join(DIR, path)),
    format: 'json',
    cwd: DIR,
    toolVersion: 'test',
    now: new Date('2026-06-01T00:00:00Z'),
    ...options,
  });
}

/** A template nesting others through AWS::CloudFormation::Stack, one TemplateURL per logical id. */
function nesting(urls: Record<string, string>): string {
  return `Resources:\n${Object.entries(urls)
    .map(
      ([id, url]) =>
        `  ${id}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${JSON.stringify(url)}\n`,
    )
    .join('')}`;
}

const ROLE = `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
`;

/** Ten lists of ten aliases, each to the list before: 10^10 values once expanded ("billion laughs"). */
function aliasBomb(indent: string): string {
  const lines = [`${indent}a0: &a0 [x, x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < 10; i++)
    lines.push(`${indent}a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('crashes become located errors (exit 2)', () => {
  it('a stack that nests itself', () => {
    write('self/self.yaml', nesting({ Me: './self.yaml' }));
    expect(check(['self/self.yaml'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'self/self.yaml:2:3: Resources.Me: nested stack "./self.yaml" nests a template that nests it (a cycle: self.yaml -> self.yaml)',
      ],
    });
  });

  it('two stacks that nest each other, named as a file or as their directory', () => {
    write('mutual/a.yaml', nesting({ B: 'b.yaml' }));
    write('mutual/b.yaml', `${nesting({ A: 'a.yaml' })}${ROLE}`);
    const error =
      'mutual/b.yaml:2:3: Resources.A: nested stack "a.yaml" nests a template that nests it (a cycle: a.yaml -> b.yaml -> a.yaml)';
    expect(check(['mutual/a.yaml'])).toEqual({ exitCode: 2, output: '', errors: [error] });
    expect(check(['mutual'])).toMatchObject({ exitCode: 2, errors: [error] });
  });

  it('a cdk.out whose nested assembly is itself (directoryName ".") or its parent', () => {
    write(
      'asm-self/manifest.json',
      JSON.stringify({
        version: '36.0.0',
        artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } },
      }),
    );
    expect(check(['asm-self'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        "asm-self/manifest.json: artifact Stage: nested cloud assembly contains itself (. -> .); a stage's assembly must be a subdirectory",
      ],
    });
    write(
      'asm-loop/manifest.json',
      JSON.stringify({
        version: '36.0.0',
        artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'stage' } } },
      }),
    );
    write(
      'asm-loop/stage/manifest.json',
      JSON.stringify({
        version: '36.0.0',
        artifacts: { Up: { type: 'cdk:cloud-assembly', properties: { directoryName: '..' } } },
      }),
    );
    expect(check(['asm-loop'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        "asm-loop/stage/manifest.json: artifact Up: nested cloud assembly contains itself (. -> stage -> .); a stage's assembly must be a subdirectory",
      ],
    });
  });

  it('2,000 nested intrinsic functions, in JSON and in YAML', () => {
    let value = '"x"';
    for (let i = 0; i < 2000; i++) value = `{"Fn::Join": ["", [${value}]]}`;
    write(
      'deep.json',
      `{\n  "Resources": {\n    "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": ${value}}}\n  }\n}\n`,
    );
    // The JSON parser refuses nesting past 1,000 levels where it sees it; below that, the template reader refuses past 100.
    expect(check(['deep.json'])).toEqual({
      exitCode: 2,
      output: '',
      errors: ['deep.json:3:6375: invalid JSON: nesting deeper than 1000 levels'],
    });
    let shallower = '"x"';
    for (let i = 0; i < 150; i++) shallower = `{"Fn::Join": ["", [${shallower}]]}`;
    write(
      'deep150.json',
      `{\n  "Resources": {\n    "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": ${shallower}}}\n  }\n}\n`,
    );
    expect(check(['deep150.json'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'deep150.json:3:5: Resources.Role.Properties.RoleName.Fn::Join[1]…: nested more than 100 levels deep; no template needs that, and it is not read',
      ],
    });
    write(
      'deep.yaml',
      `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: ${'!Join ["", ['.repeat(2000)}x${']]'.repeat(2000)}\n`,
    );
    const yaml = check(['deep.yaml']);
    expect(yaml.exitCode).toBe(2);
    expect(yaml.errors).toEqual([expect.stringMatching(/^deep\.yaml:\d+:\d+: /)]);
  });

  it('a YAML alias bomb in a template, a Kubernetes manifest and the catalog', () => {
    write('bomb.template.yaml', `Metadata:\n${aliasBomb('  ')}Resources:\n${ROLE}`);
    expect(check(['bomb.template.yaml'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'bomb.template.yaml:3:12: invalid YAML: Excessive alias count indicates a resource exhaustion attack (more than 100 aliases resolved)',
      ],
    });
    write('bomb-k8s.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${aliasBomb('  ')}`);
    expect(check(['bomb-k8s.yaml'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'bomb-k8s.yaml:7:12: invalid YAML: Excessive alias count indicates a resource exhaustion attack (more than 100 aliases resolved)',
      ],
    });
    write('ok.yaml', `Resources:\n${ROLE}`);
    write('bomb-catalog.yaml', `apiVersion: entitlement-guard/v1\nx-bomb:\n${aliasBomb('  ')}`);
    const catalog = check(['ok.yaml'], { catalogPath: 'bomb-catalog.yaml' });
    expect(catalog.exitCode).toBe(2);
    expect(catalog.errors).toEqual([
      expect.stringMatching(/^bomb-catalog\.yaml:1:1: YAML error: Excessive alias count/),
    ]);
  });
});

describe('unbounded reads: only regular files, within limits, inside the input', () => {
  it('a nested stack whose TemplateURL is /dev/zero or ../../../../etc/passwd', () => {
    write('reads/zero.yaml', nesting({ Zero: '/dev/zero' }));
    expect(check(['reads/zero.yaml'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        `reads/zero.yaml:2:3: Resources.Zero: nested stack "/dev/zero" resolves outside the input's directory (${join(DIR, 'reads')}), so it is not read`,
      ],
    });
    write(
      'reads/passwd.yaml',
      `Resources:\n${ROLE}${nesting({ Passwd: '../../../../etc/passwd' }).slice('Resources:\n'.length)}`,
    );
    expect(check(['reads/passwd.yaml'])).toMatchObject({
      exitCode: 2,
      errors: [
        `reads/passwd.yaml:8:3: Resources.Passwd: nested stack "../../../../etc/passwd" resolves outside the input's directory (${join(DIR, 'reads')}), so it is not read`,
      ],
    });
  });

  it('a cdk.out manifest whose templateFile is /dev/zero or outside the assembly', () => {
    const stack = (templateFile: string) =>
      JSON.stringify({
        version: '36.0.0',
        artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile } } },
      });
    write('cdk-zero/manifest.json', stack('../../../../../../../../dev/zero'));
    expect(check(['cdk-zero'])).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        `${join(DIR, '../../../../../../../../dev/zero').slice(0)}: resolves outside the input's directory (${join(DIR, 'cdk-zero')}), so it is not read`.replace(
          `${join(DIR, '../../../../../../../../dev/zero')}`,
          '/dev/zero',
        ),
      ],
    });
    write('cdk-passwd/manifest.json', stack('../../../../../../../../etc/passwd'));
    expect(check(['cdk-passwd'])).toMatchObject({
      exitCode: 2,
      errors: [expect.stringMatching(/^\/etc\/passwd: resolves outside the input's directory/)],
    });
  });

  it('--catalog /dev/zero and a device named as the input', () => {
    write('plain.yaml', `Resources:\n${ROLE}`);
    expect(main(['check', join(DIR, 'plain.yaml'), '--catalog', '/dev/zero'])).toMatchObject({
      exitCode: 2,
      errors: [
        '/dev/zero: cannot read catalog: not a regular file (a device, FIFO, socket or directory is never read as input)',
      ],
    });
    expect(main(['check', '/dev/zero'])).toMatchObject({
      exitCode: 2,
      errors: ['/dev/zero: not a regular file (a device, FIFO, socket or directory is never read as input)'],
    });
  });

  it('a file over the size limit is refused before it is read', () => {
    const file = write('big.yaml', `Resources:\n${ROLE}`);
    expect(() => readInputText(file, (reason) => new Error(reason), { maxBytes: 10 })).toThrow(
      /^file is \d+ bytes, over the 10-byte limit for an input file$/,
    );
    expect(() => loadCatalog('/dev/zero')).toThrow(CatalogError);
  });
});

describe('--out errors are usage errors, a failed write an error (exit 2, even for a passing check)', () => {
  const passing = () => write('passing.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');

  it('refuses a missing directory, a directory and a read-only file before checking', () => {
    const template = passing();
    expect(main(['check', template, '--out', join(DIR, 'missing/report.txt')]).errors[0]).toBe(
      `entitlement-guard: --out ${JSON.stringify(join(DIR, 'missing/report.txt'))}: directory ${join(DIR, 'missing')} does not exist`,
    );
    expect(main(['check', template, '--out', DIR])).toMatchObject({
      exitCode: 2,
      errors: [
        `entitlement-guard: --out ${JSON.stringify(DIR)}: is a directory; name a file to write the report to`,
        '',
        expect.any(String),
      ],
    });
    const readOnly = write('read-only.txt', 'kept');
    chmodSync(readOnly, 0o444);
    expect(main(['check', template, '--out', readOnly])).toMatchObject({
      exitCode: 2,
      errors: [`entitlement-guard: --out ${JSON.stringify(readOnly)}: is read-only`, '', expect.any(String)],
    });
    expect(readFileSync(readOnly, 'utf8')).toBe('kept');
  });

  it('a full disk is an error, never an uncaught exception', () => {
    expect(main(['check', passing(), '--out', '/dev/full'])).toEqual({
      exitCode: 2,
      output: '',
      errors: ['entitlement-guard: cannot write the report to /dev/full (ENOSPC); nothing was written'],
    });
  });

  it('a writable --out gets the report and the passing verdict', () => {
    const out = join(DIR, 'report.txt');
    expect(main(['check', passing(), '--out', out])).toMatchObject({ exitCode: 0, output: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/✔ passed: 0 findings/);
  });
});

describe('output integrity', () => {
  it('--now is a calendar date: 2026-02-30 is a usage error, not March 2nd', () => {
    write('now.yaml', `Resources:\n${ROLE}`);
    expect(main(['check', join(DIR, 'now.yaml'), '--now', '2026-02-30'])).toMatchObject({
      exitCode: 2,
      errors: ['entitlement-guard: --now must be a date YYYY-MM-DD, got "2026-02-30"', '', expect.any(String)],
    });
    expect(main(['check', join(DIR, 'now.yaml'), '--now', '2028-02-29']).exitCode).toBe(1);
  });

  it('a catalog date 2026-02-30 is a located catalog error', () => {
    write(
      'dates/catalog.yaml',
      [
        'apiVersion: entitlement-guard/v1',
        'owners: [{ id: team-a, contact: a@example.com }]',
        'identities:',
        '  - { id: app, match: { name: "app-*" }, owner: team-a, class: service, entitlements: [], expires: "2026-02-30" }',
        '',
      ].join('\n'),
    );
    write('dates/ok.yaml', `Resources:\n${ROLE}`);
    expect(check(['dates/ok.yaml'], { catalogPath: 'dates/catalog.yaml' })).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'dates/catalog.yaml:4:100: identities[0].expires: "2026-02-30" is not a calendar date; expected a real date YYYY-MM-DD such as 2027-06-30',
      ],
    });
  });

  it('a policy whose list is under `statement` is unreadable, never an empty policy', () => {
    write(
      'lower.yaml',
      `Resources:\n${ROLE}      Policies:\n        - PolicyName: all\n          PolicyDocument:\n            statement:\n              - { Effect: Allow, Action: "*", Resource: "*" }\n`,
    );
    const result = check(['lower.yaml']);
    expect(result.exitCode).toBe(1);
    const unreadable = result.result!.findings.filter((finding) => finding.message.includes('unknown key "statement"'));
    expect(
      unreadable.map((finding) => [finding.ruleId, finding.resource.name, finding.resource.file, finding.level]),
    ).toEqual([
      ['no-privilege-escalation', 'Role', 'lower.yaml', 'mandatory'],
      ['no-wildcard-privilege', 'Role', 'lower.yaml', 'mandatory'],
    ]);
  });

  it('{"Ref": "__proto__"} is an unknown name, not an inherited property', () => {
    write(
      'proto.json',
      JSON.stringify({
        Resources: {
          Role: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [{ Effect: 'Allow', Principal: { AWS: { Ref: '__proto__' } }, Action: 'sts:AssumeRole' }],
              },
            },
          },
        },
      }),
    );
    const result = check(['proto.json']);
    expect(result.exitCode).toBe(1);
    const trust = result.result!.findings.filter((finding) => finding.ruleId === 'restrict-trust');
    expect(
      trust.map((finding) => [finding.resource.name, finding.resource.file, finding.level, finding.pending]),
    ).toEqual([['Role', 'proto.json', 'mandatory', true]]);
    expect(trust[0]!.message).toContain('Ref __proto__ (not defined in the template)');
  });

  // A "__proto__" key copied by assignment becomes the copy's prototype: the entry vanishes from every listing and its
  // content is read as inherited fields. Each case below passed with 0 identities before keys were defined as own.
  it('a SAM resource with the logical id "__proto__" is still a resource', () => {
    write(
      'proto-sam.json',
      JSON.stringify({
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          ['__proto__']: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
                ],
              },
              Policies: [
                { PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
              ],
            },
          },
        },
      }),
    );
    const result = check(['proto-sam.json']);
    expect(result.exitCode).toBe(1);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map((finding) => [finding.resource.name, finding.identity, finding.detail]),
    ).toEqual([['__proto__', 'proto-sam/__proto__', 'Action::*']]);
  });

  it('a "__proto__" property of a SAM function merged with Globals does not stand in for the function\'s Role', () => {
    write(
      'proto-globals.json',
      `{"Transform": "AWS::Serverless-2016-10-31", "Globals": {"Function": {"Timeout": 30}},
        "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
          "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": "x",
          "__proto__": {"Role": "arn:aws:iam::111122223333:role/existing"},
          "Policies": ["AdministratorAccess"]}}}}`,
    );
    const result = check(['proto-globals.json']);
    expect(result.exitCode).toBe(1);
    expect(
      result
        .result!.findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
        .map((finding) => [finding.resource.name, finding.identity, finding.detail]),
    ).toEqual([['FnRole', 'proto-globals/FnRole', 'Policy::AdministratorAccess']]);
  });

  it('a condition key "__proto__" stays in the statement\'s condition', async () => {
    const { parsePolicyDocument } = await import('../../src/iam/aws/document.js');
    const document = parsePolicyDocument(
      JSON.parse(
        '{"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"__proto__": "x"}}}]}',
      ),
    );
    const condition = document.statements[0]!.condition!;
    expect(Object.keys(condition)).toEqual(['StringEquals']);
    expect(Object.keys(condition.StringEquals!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(condition.StringEquals)).toBe(Object.prototype);
  });

  it('control characters in names cannot forge a "✔ passed" line in the text or Markdown report', () => {
    const forged = '\r\u001b[2K\u001b[32m✔ passed: 0 findings\u001b[0m\n';
    write(
      'forge.json',
      JSON.stringify({
        Resources: {
          Role: {
            Type: 'AWS::IAM::Role',
            Metadata: { 'aws:cdk:path': `App/${forged}/Resource` },
            Properties: {
              RoleName: `evil${forged}`,
              AssumeRolePolicyDocument: {
                Statement: [
                  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
                ],
              },
              Policies: [
                {
                  PolicyName: 'p',
                  PolicyDocument: { Statement: [{ Effect: 'Allow', Action: `s3:*${forged}`, Resource: '*' }] },
                },
              ],
            },
          },
        },
      }),
    );
    for (const format of ['text', 'markdown'] as const) {
      const result = check(['forge.json'], { format });
      expect(result.exitCode).toBe(1);
      // eslint-disable-next-line no-control-regex
      expect(result.output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      // The forged text is there, escaped, inside the lines that name the role; no line of its own says "passed".
      expect(result.output.split('\n').filter((line) => /^\W*(✔ passed|✅)/u.test(line))).toEqual([]);
      expect(result.output).toContain(
        format === 'text' ? 'evil\\r\\u001b[2K\\u001b[32m✔ passed' : 'evil\\\\r\\\\u001b\\[2K',
      );
    }
  });
});

describe('the top level', () => {
  it('turns an unexpected exception into one line and exit 2, never a stack trace and exit 1', () => {
    write('top.yaml', `Resources:\n${ROLE}`);
    const failing = {
      update: () => {
        throw new TypeError('progress\nbroke');
      },
      done: () => {},
    };
    expect(main(['check', join(DIR, 'top.yaml')], failing)).toEqual({
      exitCode: 2,
      output: '',
      errors: [
        'entitlement-guard: internal error, the check did not complete: TypeError: progress broke (please report this with the input that caused it)',
      ],
    });
  });
});

describe('blow-ups: cost linear in the input (run at the sizes that took minutes or gigabytes before)', () => {
  it('every report format renders 10,000 findings of one template, each finding once', async () => {
    const { loadChange, evaluateChange } = await import('../../src/cli/load-inputs.js');
    const { allRules } = await import('../../src/rules/index.js');
    const { formatJson } = await import('../../src/reporters/json.js');
    const { formatText } = await import('../../src/reporters/text.js');
    const { formatSarif } = await import('../../src/reporters/sarif.js');
    const { formatJunit } = await import('../../src/reporters/junit.js');
    const { formatMarkdown } = await import('../../src/reporters/markdown.js');
    const roles = Array.from({ length: 3_334 }, (_, index) =>
      [
        `  Role${index}:`,
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Statement:',
        '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
        '      Policies:',
        '        - PolicyName: s3',
        '          PolicyDocument:',
        '            Statement:',
        "              - { Effect: Allow, Action: 's3:*', Resource: '*' }",
      ].join('\n'),
    );
    const file = write('many/roles.template.yaml', `Resources:\n${roles.join('\n')}\n`);
    const loaded = loadChange({ paths: [file], cwd: DIR });
    if (!('model' in loaded)) throw new Error(loaded.errors.join('\n'));
    const result = evaluateChange(loaded, {});
    expect(result.findings.length).toBe(10_002);
    expect(JSON.parse(formatJson(result)).findings).toHaveLength(10_002);
    expect(formatText(result).match(/^ {4}✖ /gm)).toHaveLength(10_002);
    expect(JSON.parse(formatSarif(result, allRules, { toolVersion: 'test' })).runs[0].results).toHaveLength(10_002);
    expect(
      formatJunit(result, { rules: allRules, catalog: loaded.catalog, model: loaded.model }).match(/<failure /g),
    ).toHaveLength(10_002);
    expect(formatMarkdown(result)).toMatch(/^### ❌ Entitlement Guard: blocked/);
  });

  it('one policy of 100,000 statements is evaluated, every resource kept once', async () => {
    const { parsePolicyDocument } = await import('../../src/iam/aws/document.js');
    const { effectiveAllows } = await import('../../src/iam/aws/evaluate.js');
    const statements = Array.from({ length: 100_000 }, (_, index) => ({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObject'],
      Resource: [`arn:aws:s3:::bucket-${index}/*`, 'arn:aws:s3:::shared/*'],
    }));
    const [allowed] = effectiveAllows([parsePolicyDocument({ Statement: statements })]);
    expect(allowed!.action.name).toBe('s3:GetObject');
    expect(allowed!.resources).toHaveLength(100_001);
    expect(allowed!.statements).toHaveLength(100_000);
  });

  it('3,000 distinct wildcards without a service prefix are each expanded once', async () => {
    const { expandActionPattern } = await import('../../src/iam/aws/actions.js');
    const patterns = Array.from({ length: 3_000 }, (_, index) => `*Get${index}*`);
    expect(patterns.map((pattern) => expandActionPattern(pattern).length).filter((count) => count > 0)).toEqual([]);
    expect(expandActionPattern('*GetRole').map((action) => action.name)).toContain('iam:GetRole');
    expect(expandActionPattern('*GETROLE')).toEqual(expandActionPattern('*GetRole'));
  });

  it('a 1 MB OIDC subject pattern is matched and compared in memory proportional to it', async () => {
    const { globCovers, globMatch } = await import('../../src/util/glob.js');
    const subject = `repo:org/${'a*'.repeat(500_000)}`;
    expect(globCovers('repo:org/app:*', subject)).toBe(false);
    expect(globCovers('repo:org/*', subject)).toBe(true);
    expect(globMatch(subject, `repo:org/${'a'.repeat(400_000)}b`)).toBe(false);
    expect(globMatch(subject, `repo:org/${'a'.repeat(600_000)}b`)).toBe(true);
  });
});
