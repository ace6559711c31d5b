/**
 * When a Google Cloud IAM condition ends its grant (src/iam/gcp/conditions.ts): `request.time < timestamp(…)` alone or
 * in a plain conjunction gives its time; anything this reading is not sure of gives none, so the grant is judged as
 * written. Property-based: a bound among harmless conjuncts is always found, and `||`, negation, a ternary or a
 * comment anywhere in code always gives none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionEnd } from '../../src/iam/gcp/conditions.js';

const BOUND = 'request.time < timestamp("2020-01-01T00:00:00Z")';

describe('conditionEnd', () => {
  it.each([
    [BOUND, '2020-01-01T00:00:00.000Z'],
    ['request.time <= timestamp("2020-01-01T00:00:00.000Z")', '2020-01-01T00:00:00.000Z'],
    ["request.time < timestamp('2021-06-30T12:00:00+02:00')", '2021-06-30T10:00:00.000Z'],
    [`resource.name.startsWith("projects/_/buckets/logs") && ${BOUND}`, '2020-01-01T00:00:00.000Z'],
    // The earlier of two bounds ends the conjunction.
    [`request.time < timestamp("2030-01-01T00:00:00Z") && ${BOUND}`, '2020-01-01T00:00:00.000Z'],
    // A start and an end: the end is read, the start is another conjunct.
    [`request.time > timestamp("2019-01-01T00:00:00Z") && ${BOUND}`, '2020-01-01T00:00:00.000Z'],
    // The same comparison written the other way round.
    ['timestamp("2020-01-01T00:00:00Z") > request.time', '2020-01-01T00:00:00.000Z'],
    [`resource.name == "x" && timestamp('2020-01-01T00:00:00Z') >= request.time`, '2020-01-01T00:00:00.000Z'],
    // != is a comparison, not a negation.
    [`resource.type != "storage.googleapis.com/Bucket" && ${BOUND}`, '2020-01-01T00:00:00.000Z'],
  ])('%s ends at %s', (expression, end) => {
    expect(conditionEnd(expression)).toBe(end);
  });

  it.each([
    ['no time bound', 'resource.name.startsWith("projects/_/buckets/logs")'],
    ['a start, not an end', 'request.time > timestamp("2020-01-01T00:00:00Z")'],
    ['a start written the other way round', 'timestamp("2020-01-01T00:00:00Z") < request.time'],
    ['a disjunction: the other side may hold', `${BOUND} || resource.name == "x"`],
    ['a negation', `!(${BOUND})`],
    ['a negated conjunct', `resource.name == "x" && !resource.name.endsWith("y") && ${BOUND}`],
    ['a ternary', `resource.name == "x" ? true : ${BOUND}`],
    // CEL ignores a line comment: the bound after it is not part of the expression.
    ['a bound behind a comment', `resource.name == "x" // && ${BOUND}`],
    ['a bound in parentheses (not read, so not ended)', `(${BOUND})`],
    // A conjunction inside parentheses or a macro is a part the rest may turn around: false == … is true once ended.
    ['a conjunction compared with false', `(resource.name == "x" && ${BOUND} && true) == false`],
    ['a conjunction in a macro over an empty list (vacuously true)', `[].all(x, false && ${BOUND} && true)`],
    ['a time that is not RFC 3339', 'request.time < timestamp("2020-01-01")'],
    ['a date that does not exist', 'request.time < timestamp("2020-13-45T00:00:00Z")'],
    ['a string not closed', 'request.time < timestamp("2020-01-01T00:00:00Z)'],
    // A raw string's backslash escapes nothing: CEL reads `r"\"` as a whole string, so what follows is code.
    ['a raw string', `${BOUND} && resource.name == r"\\" || true || resource.name == "\\""`],
    ['a triple-quoted string', `${BOUND} && resource.name == """a"""`],
    // A bound written inside a string literal is text, not a comparison: `&&` there splits nothing.
    [
      'a bound inside a string literal',
      `resource.name == "x && request.time < timestamp('2000-01-01T00:00:00Z') && y"`,
    ],
  ])('%s: no end', (_, expression) => {
    expect(conditionEnd(expression)).toBeUndefined();
  });
});

const HARMLESS = fc.constantFrom(
  'resource.name.startsWith("projects/p/buckets/b")',
  'resource.type == "storage.googleapis.com/Bucket"',
  'resource.service != "compute.googleapis.com"',
  'request.time > timestamp("2019-01-01T00:00:00Z")',
  "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['roles/viewer'])",
);
const TIMES = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('conditionEnd, properties', () => {
  it('finds the earliest bound among harmless conjuncts, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(HARMLESS, { maxLength: 4 }),
        fc.array(TIMES, { minLength: 1, maxLength: 3 }),
        (others, times) => {
          const bounds = times.map((time) => `request.time < timestamp("${time.toISOString()}")`);
          const expression = [...others, ...bounds].sort().join(' && ');
          const earliest = new Date(Math.min(...times.map((time) => time.getTime()))).toISOString();
          expect(conditionEnd(expression)).toBe(earliest);
        },
      ),
    );
  });

  it('gives no end once a disjunction, negation, ternary or comment is in the code', () => {
    const spoilers = fc.constantFrom(' || true', ' && !(resource.name == "a")', ' ? true : false', ' // c');
    fc.assert(
      fc.property(fc.array(HARMLESS, { maxLength: 3 }), TIMES, spoilers, (others, time, spoiler) => {
        const expression = [...others, `request.time < timestamp("${time.toISOString()}")`].join(' && ') + spoiler;
        expect(conditionEnd(expression)).toBeUndefined();
      }),
    );
  });
});
