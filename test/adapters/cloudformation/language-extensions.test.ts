import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandForEachLoops } from '../../../src/adapters/cloudformation/language-extensions.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { runCheck } from '../../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../../..');

function expand(resources: Record<string, unknown>, parameters: CfnTemplate['Parameters'] = {}) {
  const template = {
    Transform: 'AWS::LanguageExtensions',
    Parameters: parameters,
    Resources: resources,
  } as CfnTemplate;
  return expandForEachLoops({ stack: 'App', template });
}

const bucket = { Type: 'AWS::S3::Bucket' };

describe('expandForEachLoops: Fn::ForEach loops as CloudFormation expands them, where the collection is known', () => {
  it('gives each value its entries: ${} in keys, Ref to the identifier and ${} in Fn::Sub replaced', () => {
    const { resources, generatedBy } = expand({
      'Fn::ForEach::Queues': [
        'Name',
        ['orders', 'refunds'],
        {
          '${Name}Queue': {
            Type: 'AWS::SQS::Queue',
            Properties: {
              QueueName: { Ref: 'Name' },
              Tags: [{ Key: 'arn', Value: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:::${Name}' } }],
              RedrivePolicy: { 'Fn::Sub': ['${Dlq}-${Name}', { Dlq: { Ref: 'Name' } }] },
            },
          },
        },
      ],
      Other: bucket,
    });
    expect(resources).toEqual({
      ordersQueue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: 'orders',
          Tags: [{ Key: 'arn', Value: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:::orders' } }],
          RedrivePolicy: { 'Fn::Sub': ['${Dlq}-orders', { Dlq: 'orders' }] },
        },
      },
      refundsQueue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: 'refunds',
          Tags: [{ Key: 'arn', Value: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:::refunds' } }],
          RedrivePolicy: { 'Fn::Sub': ['${Dlq}-refunds', { Dlq: 'refunds' }] },
        },
      },
      Other: bucket,
    });
    expect(generatedBy).toEqual({ ordersQueue: 'Fn::ForEach::Queues', refundsQueue: 'Fn::ForEach::Queues' });
  });

  it('expands nested loops, a parameter default list (keeping the loop: a deployment may pass another), and &{}', () => {
    const { resources, atDefault } = expand(
      {
        'Fn::ForEach::Stages': [
          'Stage',
          { Ref: 'Stages' },
          { 'Fn::ForEach::Regions': ['Region', ['eu-west-1', 'us-east-1'], { '${Stage}&{Region}': bucket }] },
        ],
      },
      { Stages: { Type: 'CommaDelimitedList', Default: 'dev,prod' } },
    );
    expect(Object.keys(resources)).toEqual([
      'deveuwest1',
      'devuseast1',
      'prodeuwest1',
      'produseast1',
      'Fn::ForEach::Stages',
    ]);
    expect([...atDefault]).toEqual(['Fn::ForEach::Stages']);
    // A list the deployment cannot change (a literal, here the inner loop's) is expanded and not kept.
    expect(expand({ 'Fn::ForEach::Regions': ['Region', ['eu-west-1'], { '&{Region}': bucket }] }).atDefault.size).toBe(
      0,
    );
  });

  it('leaves a loop as written when its collection is not known, a loop inside cannot be expanded, or keys clash', () => {
    const unknown = ['Name', { Ref: 'Names' }, { '${Name}': bucket }];
    const innerUnknown = [
      'Stage',
      ['dev'],
      { 'Fn::ForEach::Inner': ['Name', { Ref: 'Names' }, { '${Stage}${Name}': bucket }] },
    ];
    const clash = ['Name', ['Other'], { '${Name}': bucket }];
    const repeated = ['Name', ['a', 'a'], { '${Name}': bucket }];
    const resources = {
      'Fn::ForEach::Unknown': unknown,
      'Fn::ForEach::InnerUnknown': innerUnknown,
      'Fn::ForEach::Clash': clash,
      'Fn::ForEach::Repeated': repeated,
      Other: bucket,
    };
    expect(expand(resources, { Names: { Type: 'CommaDelimitedList' } }).resources).toEqual(resources);
  });

  it('property: a loop over distinct values makes one entry per value, in order, each with its value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { maxLength: 6 }), (values) => {
        const { resources } = expand({
          'Fn::ForEach::Loop': [
            'V',
            values,
            { '${V}Bucket': { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'V' } } } },
          ],
        });
        expect(Object.entries(resources)).toEqual(
          values.map((value) => [`${value}Bucket`, { Type: 'AWS::S3::Bucket', Properties: { BucketName: value } }]),
        );
      }),
    );
  });

  it('leaves loops that would make more than 2,500 entries as written (500 resources is the most a stack deploys)', () => {
    const values = Array.from({ length: 60 }, (_, index) => `v${index}`);
    const nested = ['A', values, { 'Fn::ForEach::Inner': ['B', values, { '${A}${B}': bucket }] }];
    expect(Object.keys(expand({ 'Fn::ForEach::Outer': nested }).resources)).toEqual(['Fn::ForEach::Outer']);
    // 50 × 50 = 2,500: still expanded.
    const fifty = values.slice(0, 50);
    const fits = ['A', fifty, { 'Fn::ForEach::Inner': ['B', fifty, { '${A}${B}': bucket }] }];
    expect(Object.keys(expand({ 'Fn::ForEach::Outer': fits }).resources)).toHaveLength(2500);
  });

  it('keeps a generated key named __proto__ as an entry, never as the prototype', () => {
    const { resources } = expand({ 'Fn::ForEach::Odd': ['Name', ['__proto__'], { '${Name}': bucket }] });
    expect(Object.keys(resources)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(resources)).toBe(Object.prototype);
  });
});

describe('Fn::ForEach through the CLI', () => {
  const TEMPLATE = 'test/fixtures/cloudformation/foreach-roles.template.yaml';
  const check = (parameters?: Record<string, string>) =>
    runCheck({
      paths: [TEMPLATE],
      format: 'json',
      cwd: REPO,
      now: new Date('2026-06-01T00:00:00Z'),
      toolVersion: 'test',
      ...(parameters ? { parameters } : {}),
    });
  const content = (result: ReturnType<typeof check>) =>
    result
      .result!.findings.filter((f) => !['require-owner', 'require-entitlement'].includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.resource.name} ${f.resource.line} ${f.detail}${f.pending ? ' pending' : ''}`)
      .sort();
  const JUDGED = [
    'no-privilege-escalation deveuwest1Admin 25 Path::*',
    'no-privilege-escalation prodeuwest1Admin 25 Path::*',
    'no-unseen-content Fn::ForEach::Unknown 38 Unseen::the Fn::ForEach::Unknown loop of AWS::LanguageExtensions pending',
    'no-wildcard-privilege deveuwest1Admin 25 Policy::AdministratorAccess',
    'no-wildcard-privilege prodeuwest1Admin 25 Policy::AdministratorAccess',
  ];

  it('judges the roles each loop makes, located at the loop; a loop over a list known only at deployment stays unseen', () => {
    const result = check();
    expect(result.exitCode).toBe(1);
    // The team list is a parameter's default: its roles are judged, and any other list a deployment passes is not seen.
    expect(content(result)).toEqual([
      ...JUDGED.slice(0, 2),
      "no-unseen-content Fn::ForEach::TeamRoles 11 Unseen::the Fn::ForEach::TeamRoles loop of AWS::LanguageExtensions over a list a parameter the deployment sets writes (the default's iterations are judged; any other list's are not seen) pending",
      ...JUDGED.slice(2),
    ]);
    expect(result.result!.summary.identities).toBe(4);
  });

  it("judges the loop over the deployment's list when it is given (--parameters)", () => {
    const result = check({ Teams: 'payments,ledger,treasury', Extra: 'audit' });
    expect(content(result)).toEqual([...JUDGED.slice(0, 2), ...JUDGED.slice(3)]);
    expect(result.result!.summary.identities).toBe(6);
  });
});
