/**
 * The CLI builds its model template by template (TemplateModelBuilder, streamed): a stack whose linkers follow only
 * `Ref`s and `Fn::GetAtt`s to its own resources is linked as soon as it is read, so its template can be dropped; the
 * first stack that names anything else, and every stack after it, waits until every identity exists. The report must
 * be exactly the one the whole-model build gives (modelFromTemplates over every template at once): here both are
 * run on the corpus, the examples and the fixtures, and on generated cdk.out directories whose stacks name each
 * other's roles, users, groups and secrets by name, ARN, import and reference, in every order.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/adapters/cloudformation/load.js';
import type { TemplateInput } from '../../src/adapters/cloudformation/template.js';
import { modelFromTemplates, TemplateModelBuilder } from '../../src/adapters/cloudformation/to-model.js';
import { runCheck } from '../../src/cli/check.js';
import { evaluateChange, readCatalog } from '../../src/cli/load-inputs.js';
import { formatJson } from '../../src/reporters/json.js';

const REPO = join(import.meta.dirname, '../..');
const NOW = new Date('2026-06-01T00:00:00Z');
const CATALOGS = [undefined, 'examples/catalog.yaml'];

/** Templates read as the CLI names them: files relative to `cwd`. */
function templatesOf(path: string, cwd: string): TemplateInput[] {
  const inputs = loadTemplates(path);
  for (const input of inputs) if (input.file) input.file = relative(cwd, input.file).split('\\').join('/');
  return inputs;
}

/** The JSON report of the whole-model build: every template held, one model built from all. */
function wholeModelReport(path: string, cwd: string, catalogPath: string | undefined): string {
  const catalog = readCatalog(catalogPath, cwd);
  if (!('apiVersion' in catalog)) throw new Error(`catalog ${catalogPath}: ${catalog.errors.join('; ')}`);
  const model = modelFromTemplates(templatesOf(path, cwd));
  return formatJson(evaluateChange({ catalog, model }, { now: NOW }));
}

function streamedReport(path: string, cwd: string, catalogPath: string | undefined): string {
  const checked = runCheck({
    paths: [path],
    format: 'json',
    now: NOW,
    cwd,
    toolVersion: 'test',
    ...(catalogPath ? { catalogPath } : {}),
  });
  expect(checked.errors).toEqual([]);
  return checked.output;
}

/** Every template file under `directory` (subdirectories too) that the loader reads. */
function templateFiles(directory: string): string[] {
  return readdirSync(join(REPO, directory), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.template\.(json|ya?ml)$/.test(file))
    .map((file) => join(REPO, directory, file))
    .filter((file) => {
      try {
        loadTemplates(file);
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

describe('the streamed model gives the whole-model report', () => {
  const inputs = [
    ...['test/corpus/aws', 'examples/cloudformation', 'test/fixtures/cloudformation'].flatMap(templateFiles),
    ...['cdk-out-stage', 'cdk-out-nested-stack', 'directory-tree/app/cdk.out'].map((name) =>
      join(REPO, 'test/fixtures/cloudformation', name),
    ),
  ];

  it('reads the corpus, the examples and the fixtures (at least 60 inputs)', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(60);
  });

  for (const catalogPath of CATALOGS)
    it(`on each of them, byte for byte (${catalogPath ?? 'no catalog'})`, () => {
      for (const path of inputs) {
        const name = relative(REPO, path);
        expect(streamedReport(path, REPO, catalogPath), name).toBe(wholeModelReport(path, REPO, catalogPath));
      }
    });

  it('on generated cdk.out directories whose stacks reference each other, byte for byte', () => {
    let linkedAhead = 0;
    let waited = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const directory = mkdtempSync(join(tmpdir(), 'eg-streamed-'));
        try {
          const stacks = writeCdkOut(directory, (max) => g(fc.nat, { max }));
          for (const catalogPath of CATALOGS) {
            const catalog = catalogPath ? join(REPO, catalogPath) : undefined;
            expect(streamedReport(directory, directory, catalog)).toBe(wholeModelReport(directory, directory, catalog));
          }
          // The builder alone: the same model, and how many stacks it linked as it read them.
          const builder = new TemplateModelBuilder({ streamed: true });
          for (const input of templatesOf(directory, directory)) builder.add(input);
          const streamed = builder.finish();
          expect(JSON.stringify(streamed)).toBe(JSON.stringify(modelFromTemplates(templatesOf(directory, directory))));
          linkedAhead += builder.stacksLinkedAhead;
          waited += stacks - builder.stacksLinkedAhead;
        } finally {
          rmSync(directory, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
    // Both ways were taken: stacks linked as read, and stacks that waited for every identity.
    expect(linkedAhead).toBeGreaterThan(0);
    expect(waited).toBeGreaterThan(0);
  });

  it('links every stack as it is read when each names only its own resources (the benchmark shape)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-streamed-'));
    try {
      // Every choice is the first: own references only, no stage, no nested stack; four stacks.
      const stacks = writeCdkOut(directory, () => 0, 4);
      expect(stacks).toBe(4);
      const builder = new TemplateModelBuilder({ streamed: true });
      for (const input of templatesOf(directory, directory)) builder.add(input);
      builder.finish();
      expect(builder.stacksLinkedAhead).toBe(stacks);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

/**
 * A cdk.out of 1–4 stacks (one may be a stage's `Stage/Name`, one may nest a stack) of roles, users, groups,
 * policies, keys, instance profiles, functions, secrets and rotation schedules, each reference picked among: a `Ref`
 * or `Fn::GetAtt` to the stack's own resource (choice 0), one of the wrong kind, another stack's name or ARN (before
 * or after it), an import, an unknown name, a parameter, `AWS::NoValue`. Returns how many stacks the builder gets.
 */
function first<T>(options: readonly T[]): T {
  const [chosen] = options;
  if (chosen === undefined) throw new Error('no option');
  return chosen;
}

function writeCdkOut(directory: string, choose: (max: number) => number, stackCount?: number): number {
  const pick = <T>(options: readonly T[]): T => {
    const index = choose(options.length - 1);
    const chosen = options[index];
    if (chosen === undefined) throw new Error('no option');
    return chosen;
  };
  const count = stackCount ?? 1 + choose(3);
  const names = Array.from({ length: count }, (_, index) => `Stack${index}`);
  const artifacts: Record<string, unknown> = {};
  let builderStacks = 0;
  for (const [index, name] of names.entries()) {
    const other = pick(names);
    // Half the stacks name only their own resources (the first option of each reference), as most CDK stacks do.
    const ownOnly = pick([true, false]);
    const refer = <T>(options: readonly T[]): T => (ownOnly ? first(options) : pick(options));
    const reference = (kind: 'role' | 'user' | 'group', own: string, wrong: string): unknown =>
      refer([
        { Ref: own },
        kind === 'role' ? { 'Fn::GetAtt': [own, 'Arn'] } : { Ref: own },
        { Ref: wrong },
        `${kind}-${other}-0`,
        `arn:aws:iam::111122223333:${kind}/${kind}-${other}-0`,
        { 'Fn::ImportValue': `${other}:${kind}` },
        `external-${kind}`,
        { Ref: 'NamedParameter' },
      ]);
    const list = (kind: 'role' | 'user' | 'group', own: string, wrong: string): unknown[] => [
      reference(kind, own, wrong),
      ...refer([[], [{ Ref: 'AWS::NoValue' }], [reference(kind, own, wrong)]]),
    ];
    const resources: Record<string, unknown> = {
      Role0: {
        Type: 'AWS::IAM::Role',
        Properties: {
          ...pick([{ RoleName: `role-${name}-0` }, {}]),
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ManagedPolicyArns: pick([
            [{ Ref: 'Managed0' }],
            [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
          ]),
        },
        Metadata: { 'aws:cdk:path': `${name}/Role0/Resource` },
      },
      User0: {
        Type: 'AWS::IAM::User',
        Properties: { ...pick([{ UserName: `user-${name}-0` }, {}]), Groups: list('group', 'Group0', 'User0') },
      },
      Group0: { Type: 'AWS::IAM::Group', Properties: pick([{ GroupName: `group-${name}-0` }, {}]) },
      Managed0: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] },
          ...pick([{}, { Roles: list('role', 'Role0', 'User0') }]),
        },
      },
      Policy0: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'p',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
          },
          Roles: list('role', 'Role0', 'User0'),
          ...pick([{}, { Users: list('user', 'User0', 'Role0') }, { Groups: list('group', 'Group0', 'Role0') }]),
        },
      },
      RolePolicy0: {
        Type: 'AWS::IAM::RolePolicy',
        Properties: {
          PolicyName: 'inline',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
          },
          RoleName: reference('role', 'Role0', 'User0'),
        },
      },
      Addition0: {
        Type: 'AWS::IAM::UserToGroupAddition',
        Properties: { GroupName: reference('group', 'Group0', 'User0'), Users: list('user', 'User0', 'Role0') },
      },
      Key0: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: reference('user', 'User0', 'Role0') } },
      Profile0: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: list('role', 'Role0', 'User0') } },
      Function0: {
        Type: 'AWS::Lambda::Function',
        Properties: refer([
          { Role: { 'Fn::GetAtt': ['Role0', 'Arn'] } },
          {},
          { Role: reference('role', 'Role0', 'User0') },
        ]),
      },
      Secret0: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: { Name: `secret-${name}`, GenerateSecretString: {} },
      },
      Rotation0: {
        Type: 'AWS::SecretsManager::RotationSchedule',
        Properties: {
          SecretId: refer([{ Ref: 'Secret0' }, `secret-${other}`, { 'Fn::ImportValue': 'secret' }]),
          RotationRules: { ScheduleExpression: 'rate(30 days)' },
        },
      },
    };
    let nested: string | undefined;
    if (pick([false, true])) {
      // A nested stack: its template beside the parent's, named in the parent's metadata as CDK writes it.
      nested = `${name}Nested.nested.template.json`;
      resources.Nested0 = {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { TemplateURL: 'https://example.com/nested.json' },
        Metadata: { 'aws:asset:path': nested },
      };
      const nestedResources = {
        Role0: {
          Type: 'AWS::IAM::Role',
          Properties: {
            RoleName: pick([`role-${name}-nested`, `role-${other}-0`]),
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
            },
          },
        },
        Policy0: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'n',
            PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
            Roles: [refer([{ Ref: 'Role0' }, `role-${other}-0`])],
          },
        },
      };
      writeFileSync(join(directory, nested), JSON.stringify({ Resources: nestedResources }, null, 1));
      builderStacks++;
    }
    const template = {
      Parameters: { NamedParameter: { Type: 'String', Default: `role-${other}-0` } },
      Resources: resources,
    };
    const file = `${name}.template.json`;
    writeFileSync(join(directory, file), JSON.stringify(template, null, 1));
    artifacts[name] = {
      type: 'aws:cloudformation:stack',
      ...(index > 0 && pick([false, true]) ? { displayName: `Stage/${name}` } : {}),
      properties: { templateFile: file },
    };
    builderStacks++;
  }
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts }, null, 1));
  return builderStacks;
}
