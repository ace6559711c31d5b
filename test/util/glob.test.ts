/**
 * Pattern containment (globCovers): the envelope check of require-entitlement and the trust checks of restrict-trust
 * rest on it, so its soundness is checked as a property on generated patterns: when it says A contains B, every
 * string matching B matches A.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCoveredBy, formatMeets, globCovers, globMatch, globsIntersect, NAME_RUN } from '../../src/util/glob.js';

/** Patterns over a small alphabet, so generated pairs often overlap: letters, `/`, `*` and `?`. */
const pattern = fc.array(fc.constantFrom('a', 'b', '/', '*', '?'), { maxLength: 8 }).map((chars) => chars.join(''));
/** A string `pattern` matches: each `*` replaced by a run of letters (possibly empty), each `?` by one letter. */
const instanceOf = (glob: string) =>
  fc
    .tuple(
      ...[...glob].map((char) =>
        char === '*'
          ? fc.array(fc.constantFrom('a', 'b', '/', '*', '?'), { maxLength: 3 }).map((run) => run.join(''))
          : char === '?'
            ? fc.constantFrom('a', 'b', '/', '*', '?')
            : fc.constant(char),
      ),
    )
    .map((parts) => parts.join(''));

describe('globMatch', () => {
  it('lets a star match a text that holds a star (found by the containment property below)', () => {
    expect(globMatch('*', '*/a')).toBe(true);
    expect(globMatch('a*b', 'a*xb')).toBe(true);
    expect(globMatch('a*', 'b*')).toBe(false);
  });
});

describe('globCovers', () => {
  it.each([
    // [outer, inner, contained]: an envelope pattern (outer) and a granted one (inner)
    ['shard-?/*', 'shard-*/*', false],
    ['shard-*/*', 'shard-?/*', true],
    ['arn:aws:s3:::reports-*', 'arn:aws:s3:::reports-2026/*', true],
    ['arn:aws:s3:::reports-2026/*', 'arn:aws:s3:::reports-*', false],
    ['*', 'arn:*', true],
    ['arn:*', '*', false],
    ['arn:aws:*:*:*:*', 'arn:aws:iam::*:role/*', true],
    ['arn:aws:iam::*:role/*', 'arn:aws:*:*:*:*', false],
    ['a*?', 'a?*', true],
    ['a?*', 'a*?', true],
    ['a??', 'a?*', false],
    ['a*', 'a', true],
    ['a?', 'a*', false],
    ['*a*', '*a*', true],
    ['*', '', true],
    ['?', '', false],
  ])('%s contains %s: %s', (outer, inner, contained) => {
    expect(globCovers(outer, inner)).toBe(contained);
  });

  it('is sound: if A contains B, every string matching B matches A (generated patterns, fixed seed)', () => {
    fc.assert(
      fc.property(
        pattern,
        pattern.chain((inner) =>
          fc.tuple(fc.constant(inner), fc.array(instanceOf(inner), { minLength: 1, maxLength: 8 })),
        ),
        (outer, [inner, instances]) => {
          fc.pre(globCovers(outer, inner));
          for (const instance of instances) expect(globMatch(inner, instance)).toBe(true);
          for (const instance of instances) expect(globMatch(outer, instance)).toBe(true);
        },
      ),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('contains every pattern in itself and agrees with matching on literals (generated patterns, fixed seed)', () => {
    fc.assert(
      fc.property(pattern, pattern, (outer, text) => {
        expect(globCovers(outer, outer)).toBe(true);
        const literal = text.replace(/[*?]/g, 'a');
        expect(globCovers(outer, literal)).toBe(globMatch(outer, literal));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('is exact on prefix and suffix patterns: when it says no, a string of B that A misses exists', () => {
    // A one-star inner pattern against a one-star outer one: the shapes catalogs and policies use.
    const oneStar = fc
      .tuple(fc.stringMatching(/^[ab/]{0,4}$/), fc.stringMatching(/^[ab/]{0,4}$/))
      .map(([head, tail]) => `${head}*${tail}`);
    fc.assert(
      fc.property(oneStar, oneStar, (outer, inner) => {
        if (globCovers(outer, inner)) return;
        const witnesses = ['', 'a', 'b', '/', 'ab', 'ba', 'aa', 'bb', 'a/b', 'zz'].map((fill) =>
          inner.replace('*', fill),
        );
        expect(witnesses.some((witness) => !globMatch(outer, witness))).toBe(true);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});

describe('globsIntersect', () => {
  it.each([
    // [a, b, some string matches both]: a policy's Resource and a resource type's ARN format
    ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::*:user/*', false],
    ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::*:role/*', true],
    ['arn:aws:iam::*:role/ci-*', 'arn:aws:iam::*:role/*', true],
    // A star crosses colons in a glob: the ARN check compares segment by segment (resource-scope.ts).
    ['arn:aws:iam::*:role/*', 'arn:aws:iam::*:policy/*', true],
    ['*', 'arn:aws:iam::*:user/*', true],
    ['a*b', 'a?', true],
    ['a*b', 'a?c', false],
    ['a*b', '?b', true],
    ['*a', 'b*', true],
    ['a?c', 'a*', true],
    ['', '*', true],
    ['', '?', false],
  ])('%s and %s: %s', (a, b, meets) => {
    expect(globsIntersect(a, b)).toBe(meets);
    expect(globsIntersect(b, a)).toBe(meets);
  });

  it('is sound: when a string matches both, it says they meet (generated patterns, fixed seed)', () => {
    // Saying two patterns do not meet when they do would let an action through unseen.
    fc.assert(
      fc.property(
        pattern.chain((a) => fc.tuple(fc.constant(a), instanceOf(a), pattern)),
        ([a, text, b]) => !globMatch(b, text) || globsIntersect(a, b),
      ),
      { seed: 20261205, numRuns: 5000 },
    );
  });

  it('is exact on short patterns: it says they meet only when a string of up to 6 characters matches both', () => {
    const short = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 3 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(short, short, (a, b) => globsIntersect(a, b) === bruteForceMeet(a, b)),
      { seed: 20261205, numRuns: 2000 },
    );
  });
});

/**
 * ARN formats hold a name run (NAME_RUN, `${BucketName}`: any characters but `/`) besides `*` and `?`. Generated
 * formats over a small alphabet with `/`, checked against every string the format stands for, built by brute force.
 */
describe('formatCoveredBy and formatMeets (ARN formats with names that hold no `/`)', () => {
  const format = fc
    .array(fc.constantFrom('a', '/', '*', '?', NAME_RUN), { maxLength: 4 })
    .map((chars) => chars.join(''));
  const policyPattern = fc.array(fc.constantFrom('a', '/', '*', '?'), { maxLength: 4 }).map((chars) => chars.join(''));
  /** Whether the text is one the format stands for: a name run as a star over characters other than `/`. */
  const formatMatches = (glob: string, text: string): boolean => {
    const source = [...glob]
      .map((char) =>
        char === '*' ? '.*' : char === '?' ? '.' : char === NAME_RUN ? '[^/]*' : char.replace('/', '\\/'),
      )
      .join('');
    return new RegExp(`^${source}$`, 's').test(text);
  };
  /** Every string of up to 5 characters over `a`, `b` and `/`. */
  const texts = ['', ...Array.from({ length: 5 }, (_, n) => n + 1).flatMap((length) => allStrings(length))];

  it.each([
    ['arn:aws:s3:::*/*', `arn:aws:s3:::${NAME_RUN}`, false, false],
    ['arn:aws:s3:::*', `arn:aws:s3:::${NAME_RUN}`, true, true],
    ['arn:aws:s3:::examplebucket1/*', `arn:aws:s3:::${NAME_RUN}`, false, false],
    ['arn:aws:s3:::examplebucket1/*', `arn:aws:s3:::${NAME_RUN}/*`, false, true],
    ['arn:aws:s3:::*/*', `arn:aws:s3:::${NAME_RUN}/*`, true, true],
    ['arn:aws:s3:::example*', `arn:aws:s3:::${NAME_RUN}`, false, true],
  ])('%s and %s: covers %s, meets %s', (pattern, arnFormat, covers, meets) => {
    expect(formatCoveredBy(pattern, arnFormat)).toBe(covers);
    expect(formatMeets(pattern, arnFormat)).toBe(meets);
  });

  it('covers soundly: when it says the pattern covers the format, every short string of the format matches the pattern', () => {
    fc.assert(
      fc.property(policyPattern, format, (pattern, arnFormat) => {
        if (!formatCoveredBy(pattern, arnFormat)) return;
        for (const text of texts) if (formatMatches(arnFormat, text)) expect(globMatch(pattern, text)).toBe(true);
      }),
      { seed: 20261207, numRuns: 1500 },
    );
  });

  it('meets exactly: it says they meet only when a short string matches both', () => {
    fc.assert(
      fc.property(policyPattern, format, (pattern, arnFormat) => {
        const witness = texts.some((text) => globMatch(pattern, text) && formatMatches(arnFormat, text));
        expect(formatMeets(pattern, arnFormat)).toBe(witness);
      }),
      { seed: 20261207, numRuns: 1500 },
    );
  });
});

function allStrings(length: number): string[] {
  if (length === 0) return [''];
  return allStrings(length - 1).flatMap((prefix) => ['a', 'b', '/'].map((char) => prefix + char));
}

/** Some string of up to 6 characters over the patterns' alphabet matches both (enough for patterns of 3). */
function bruteForceMeet(a: string, b: string): boolean {
  const alphabet = ['a', 'b', 'c'];
  const search = (prefix: string): boolean => {
    if (globMatch(a, prefix) && globMatch(b, prefix)) return true;
    if (prefix.length >= 6) return false;
    return alphabet.some((char) => search(prefix + char));
  };
  return search('');
}
