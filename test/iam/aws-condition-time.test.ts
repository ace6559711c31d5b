/**
 * When an AWS statement's Condition ends it (src/iam/aws/condition-time.ts): `DateLessThan aws:CurrentTime` (and its
 * Equals form, and aws:EpochTime under the date or numeric operators) on literal values gives its time; anything this
 * reading is not sure of (IfExists, set operators, a value known only at deployment, a date without its zone, a date
 * that does not exist) gives none, so the statement is judged as written. Property-based: a bound among clauses on
 * other keys is always found, conditions join by AND (the earliest end wins) and values by OR (the latest wins).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionEnd, documentInEffect } from '../../src/iam/aws/condition-time.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { conditionEnded, unknownValue, type PolicyStatement, type PolicyValue } from '../../src/model/model.js';

type Condition = Record<string, Record<string, PolicyValue[]>>;

const at = (operator: string, key: string, ...values: PolicyValue[]): Condition => ({ [operator]: { [key]: values } });

describe('conditionEnd', () => {
  it.each<[string, Condition, string]>([
    [
      'DateLessThan aws:CurrentTime',
      at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z'),
      '2020-01-01T00:00:00.000Z',
    ],
    // The bound itself still matches an inclusive operator: the end is the next second.
    [
      'DateLessThanEquals aws:CurrentTime',
      at('DateLessThanEquals', 'aws:CurrentTime', '2020-01-01T00:00:00Z'),
      '2020-01-01T00:00:01.000Z',
    ],
    ['an offset', at('DateLessThan', 'aws:CurrentTime', '2021-06-30T12:00:00+02:00'), '2021-06-30T10:00:00.000Z'],
    ['minutes without seconds', at('DateLessThan', 'aws:CurrentTime', '2021-06-30T12:30Z'), '2021-06-30T12:30:00.000Z'],
    // Times compare to the second at most finely: a fraction rounds the end up.
    [
      'a fraction of a second',
      at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00.5Z'),
      '2020-01-01T00:00:01.000Z',
    ],
    [
      'condition keys in any case',
      at('DateLessThan', 'AWS:currenttime', '2020-01-01T00:00:00Z'),
      '2020-01-01T00:00:00.000Z',
    ],
    [
      'epoch seconds with a date operator',
      at('DateLessThan', 'aws:CurrentTime', '1577836800'),
      '2020-01-01T00:00:00.000Z',
    ],
    ['NumericLessThan aws:EpochTime', at('NumericLessThan', 'aws:EpochTime', '1577836800'), '2020-01-01T00:00:00.000Z'],
    [
      'NumericLessThanEquals aws:EpochTime',
      at('NumericLessThanEquals', 'aws:EpochTime', '1577836800'),
      '2020-01-01T00:00:01.000Z',
    ],
    [
      'DateLessThan aws:EpochTime',
      at('DateLessThan', 'aws:EpochTime', '2020-01-01T00:00:00Z'),
      '2020-01-01T00:00:00.000Z',
    ],
    // Values of one key join by OR: the clause holds until the latest.
    [
      'several values: the latest',
      at('DateLessThan', 'aws:CurrentTime', '2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z'),
      '2020-01-01T00:00:00.000Z',
    ],
    // Clauses join by AND: the earliest end ends the statement, whatever the other clauses say.
    [
      'two operators: the earlier',
      {
        DateLessThan: { 'aws:CurrentTime': ['2030-01-01T00:00:00Z'] },
        NumericLessThan: { 'aws:EpochTime': ['1577836800'] },
        StringEquals: { 'aws:PrincipalTag/team': ['ops'] },
      },
      '2020-01-01T00:00:00.000Z',
    ],
    [
      'a start and an end',
      {
        DateGreaterThan: { 'aws:CurrentTime': ['2019-01-01T00:00:00Z'] },
        DateLessThan: { 'aws:CurrentTime': ['2019-06-30T23:59:59Z'] },
      },
      '2019-06-30T23:59:59.000Z',
    ],
    [
      'an unread clause beside a read one',
      {
        DateLessThanIfExists: { 'aws:CurrentTime': ['2030-01-01T00:00:00Z'] },
        DateLessThan: { 'aws:CurrentTime': ['2020-01-01T00:00:00Z'] },
      },
      '2020-01-01T00:00:00.000Z',
    ],
  ])('%s', (_, condition, end) => {
    expect(conditionEnd(condition)).toBe(end);
  });

  it.each<[string, Condition]>([
    ['a start, not an end', at('DateGreaterThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z')],
    ['another key', at('DateLessThan', 'aws:TokenIssueTime', '2020-01-01T00:00:00Z')],
    ['a key a tag names', at('DateLessThan', 'aws:PrincipalTag/expires', '2020-01-01T00:00:00Z')],
    // A request without the key matches …IfExists.
    ['IfExists', at('DateLessThanIfExists', 'aws:CurrentTime', '2020-01-01T00:00:00Z')],
    ['NumericLessThanIfExists', at('NumericLessThanIfExists', 'aws:EpochTime', '1577836800')],
    ['ForAnyValue', at('ForAnyValue:DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z')],
    ['ForAllValues', at('ForAllValues:DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z')],
    ['an operator in other letter cases', at('datelessthan', 'aws:CurrentTime', '2020-01-01T00:00:00Z')],
    ['a numeric operator on a date key', at('NumericLessThan', 'aws:CurrentTime', '1577836800')],
    ['a numeric operator on a date', at('NumericLessThan', 'aws:EpochTime', '2020-01-01T00:00:00Z')],
    ['a date without a time or zone', at('DateLessThan', 'aws:CurrentTime', '2020-01-01')],
    ['a time without a zone', at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00')],
    ['a date that does not exist', at('DateLessThan', 'aws:CurrentTime', '2021-02-29T00:00:00Z')],
    ['a month that does not exist', at('DateLessThan', 'aws:CurrentTime', '2020-13-01T00:00:00Z')],
    ['an hour that does not exist', at('DateLessThan', 'aws:CurrentTime', '2020-01-01T24:00:00Z')],
    ['a zone that does not exist', at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00+15:00')],
    ['not a date', at('DateLessThan', 'aws:CurrentTime', 'yesterday')],
    ['a fraction of an epoch second', at('NumericLessThan', 'aws:EpochTime', '1577836800.5')],
    ['a negative epoch', at('NumericLessThan', 'aws:EpochTime', '-1')],
    ['no value', at('DateLessThan', 'aws:CurrentTime')],
    ['a value known only at deployment', at('DateLessThan', 'aws:CurrentTime', unknownValue('Ref Expiry'))],
    // One value not read leaves the clause unread: it may be the one still ahead.
    [
      'several values, one not read',
      at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', unknownValue('Ref Expiry')),
    ],
    [
      'several values, one malformed',
      at('DateLessThan', 'aws:CurrentTime', '2020-01-01T00:00:00Z', '2099-02-30T00:00:00Z'),
    ],
    // Which of two spellings of one key, or one operator, IAM takes is not documented.
    [
      'a key written twice',
      { DateLessThan: { 'aws:CurrentTime': ['2020-01-01T00:00:00Z'], 'aws:currenttime': ['2099-01-01T00:00:00Z'] } },
    ],
    [
      'an operator written twice',
      {
        DateLessThan: { 'aws:CurrentTime': ['2020-01-01T00:00:00Z'] },
        DATELESSTHAN: { 'aws:CurrentTime': ['2099-01-01T00:00:00Z'] },
      },
    ],
  ])('%s: no end', (_, condition) => {
    expect(conditionEnd(condition)).toBeUndefined();
  });
});

describe('parsed statements and documents in effect', () => {
  const document = parsePolicyDocument({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Ended',
        Effect: 'Allow',
        Action: 'iam:*',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
      },
      {
        Sid: 'Ahead',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { NumericLessThan: { 'aws:EpochTime': 1798761600 } },
      },
      { Sid: 'Always', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    ],
  });
  const [ended, ahead, always] = document.statements as [PolicyStatement, PolicyStatement, PolicyStatement];

  it('the parser records when a condition ends its statement', () => {
    expect(ended.conditionEnds).toBe('2026-06-01T00:00:00.000Z');
    expect(ahead.conditionEnds).toBe('2027-01-01T00:00:00.000Z');
    expect(always.conditionEnds).toBeUndefined();
  });

  it('a statement lapses at its end, not before', () => {
    expect(conditionEnded(ended, new Date('2026-05-31T23:59:59.999Z'))).toBe(false);
    expect(conditionEnded(ended, new Date('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('the document in effect leaves out the lapsed statements, sharing the others', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const inEffect = documentInEffect(document, now);
    expect(inEffect.statements).toEqual([ahead, always]);
    expect(inEffect.statements[0]).toBe(ahead);
    expect(documentInEffect(document, now)).toBe(inEffect);
    // Before any end, the document itself.
    expect(documentInEffect(document, new Date('2026-01-01T00:00:00Z'))).toBe(document);
  });
});

const TIMES = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const wholeSeconds = TIMES.map((time) => new Date(Math.floor(time.getTime() / 1000) * 1000));
const OTHER_CLAUSES = fc.constantFrom<[string, string, string]>(
  ['StringEquals', 'aws:PrincipalTag/team', 'ops'],
  ['Bool', 'aws:MultiFactorAuthPresent', 'true'],
  ['DateGreaterThan', 'aws:CurrentTime', '2000-01-01T00:00:00Z'],
  ['IpAddress', 'aws:SourceIp', '203.0.113.0/24'],
  ['DateLessThanIfExists', 'aws:CurrentTime', '2001-01-01T00:00:00Z'],
);
const BOUND = fc.constantFrom(
  (time: Date): [string, string, string] => ['DateLessThan', 'aws:CurrentTime', time.toISOString()],
  (time: Date): [string, string, string] => ['NumericLessThan', 'aws:EpochTime', String(time.getTime() / 1000)],
  (time: Date): [string, string, string] => ['DateLessThan', 'aws:EpochTime', String(time.getTime() / 1000)],
);

function conditionOf(clauses: readonly [string, string, PolicyValue[]][]): Condition {
  const condition: Condition = {};
  for (const [operator, key, values] of clauses) {
    const byKey = (condition[operator] ??= {});
    // One key once per operator: a second clause on it joins the first's values, as a list would write them.
    byKey[key] = [...(byKey[key] ?? []), ...values];
  }
  return condition;
}

describe('conditionEnd, properties', () => {
  it('finds the earliest of bounds on distinct operators and keys among other clauses, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(OTHER_CLAUSES, { maxLength: 4 }),
        fc.array(wholeSeconds, { minLength: 1, maxLength: 3 }),
        (others, times) => {
          // Each time under its own operator and key: the three bound forms, one each.
          const forms = [
            (time: Date): [string, string, string] => ['DateLessThan', 'aws:CurrentTime', time.toISOString()],
            (time: Date): [string, string, string] => [
              'NumericLessThan',
              'aws:EpochTime',
              String(time.getTime() / 1000),
            ],
            (time: Date): [string, string, string] => ['DateLessThanEquals', 'aws:CurrentTime', time.toISOString()],
          ];
          const bounds = times.map((time, index) => forms[index]?.(time) as [string, string, string]);
          const ends = times.map((time, index) => time.getTime() + (index === 2 ? 1000 : 0));
          const clauses = [...others, ...bounds]
            .sort()
            .filter(([operator, key], index, all) => all.findIndex(([o, k]) => o === operator && k === key) === index)
            .map(([operator, key, value]): [string, string, PolicyValue[]] => [operator, key, [value]]);
          expect(conditionEnd(conditionOf(clauses))).toBe(new Date(Math.min(...ends)).toISOString());
        },
      ),
    );
  });

  it('a clause of several values ends at the latest of them', () => {
    fc.assert(
      fc.property(BOUND, fc.array(wholeSeconds, { minLength: 1, maxLength: 4 }), (bound, times) => {
        const [operator, key] = bound(times[0] as Date);
        const values = times.map((time) => bound(time)[2]);
        const latest = new Date(Math.max(...times.map((time) => time.getTime()))).toISOString();
        expect(conditionEnd({ [operator]: { [key]: values } })).toBe(latest);
      }),
    );
  });

  it('gives no end once the bound is IfExists, a set operator, or holds a value not read', () => {
    const spoil = fc.constantFrom(
      ([operator, key, value]: [string, string, string]): Condition => ({
        [`${operator}IfExists`]: { [key]: [value] },
      }),
      ([operator, key, value]: [string, string, string]): Condition => ({
        [`ForAnyValue:${operator}`]: { [key]: [value] },
      }),
      ([operator, key, value]: [string, string, string]): Condition => ({
        [`ForAllValues:${operator}`]: { [key]: [value] },
      }),
      ([operator, key, value]: [string, string, string]): Condition => ({
        [operator]: { [key]: [value, unknownValue('x')] },
      }),
      ([operator, key, value]: [string, string, string]): Condition => ({
        [operator]: { [key]: [value, '2020-01-01'] },
      }),
    );
    fc.assert(
      fc.property(
        fc.array(OTHER_CLAUSES, { maxLength: 3 }),
        BOUND,
        wholeSeconds,
        spoil,
        (others, bound, time, spoiler) => {
          const condition = spoiler(bound(time));
          for (const [operator, key, value] of others) {
            if (operator === 'DateLessThanIfExists' || condition[operator]) continue;
            condition[operator] = { [key]: [value] };
          }
          expect(conditionEnd(condition)).toBeUndefined();
        },
      ),
    );
  });
});
