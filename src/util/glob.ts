const STAR = 42; // '*'
const QUESTION = 63; // '?'
const SLASH = 47; // '/'

/**
 * Wildcard matching with `*` (any run, possibly empty) and `?` (one character), as IAM and the catalog use it.
 * Greedy two-pointer matching with one backtrack point: O(pattern × text) worst case, no regex, so hostile
 * patterns like `a*a*a*a*…b` cannot cause catastrophic backtracking.
 */
export function globMatch(pattern: string, text: string, options?: { caseInsensitive?: boolean }): boolean {
  const p = options?.caseInsensitive ? pattern.toLowerCase() : pattern;
  const t = options?.caseInsensitive ? text.toLowerCase() : text;
  // Most patterns (ARNs, names, action names) have no wildcard: one native comparison instead of a character loop.
  if (!hasWildcard(p)) return p === t;
  let pi = 0;
  let ti = 0;
  let starPi = -1;
  let starTi = 0;
  while (ti < t.length) {
    const pc = pi < p.length ? p.charCodeAt(pi) : -1;
    // A star first, even against a `*` in the text: matched as a literal it would leave no point to backtrack to.
    if (pc === STAR) {
      starPi = pi++;
      starTi = ti;
    } else if (pc === QUESTION || pc === t.charCodeAt(ti)) {
      pi++;
      ti++;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      ti = ++starTi;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === STAR) pi++;
  return pi === p.length;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * True when every string `inner` matches is also matched by `outer` (both globs with `*` and `?`): pattern
 * containment, not text comparison (an envelope `shard-?` prefix does not cover a granted `shard-*` one). Sound: it never claims containment
 * that does not hold (test/util/glob.test.ts checks this property on generated patterns). Runs of wildcards are put
 * in one canonical form first (`*?` and `?*` both become `?*`), which makes it exact for the prefix, suffix and
 * infix patterns IAM and catalogs use; a few exotic pairs of several stars may be reported as not contained.
 * Dynamic programming over two rows: O(|outer| × |inner|) time, O(|inner|) memory.
 */
export function globCovers(outer: string, inner: string): boolean {
  if (!hasWildcard(inner)) return globMatch(outer, inner);
  return coverTable(outer, inner, false);
}

/**
 * Whether `outer` covers `inner` (which has wildcards), both in canonical form first; with `nameRuns` a NAME_RUN in
 * `inner` is covered by an outer star alone (elsewhere it is a literal). Two rows of dynamic programming.
 */
function coverTable(outer: string, inner: string, nameRuns: boolean): boolean {
  const o = canonicalWildcards(outer);
  const n = canonicalWildcards(inner);
  // next[j]: o[i+1..] covers n[j..]; row[j]: o[i..] covers n[j..].
  let next = new Uint8Array(n.length + 1);
  let row = new Uint8Array(n.length + 1);
  next[n.length] = 1;
  for (let i = o.length - 1; i >= 0; i--) {
    const oc = o.charCodeAt(i);
    row[n.length] = oc === STAR && next[n.length] === 1 ? 1 : 0;
    for (let j = n.length - 1; j >= 0; j--) {
      const nc = n.charCodeAt(j);
      if (oc === STAR) {
        // The star matches nothing, or absorbs inner's next character (a literal, a `?`, a whole `*` or name run).
        row[j] = next[j] === 1 || row[j + 1] === 1 ? 1 : 0;
      } else if (nc === STAR || (nameRuns && nc === NAME)) {
        // Anything but a star would have to match every run an inner star (or name run) stands for.
        row[j] = 0;
      } else {
        row[j] = (oc === QUESTION || oc === nc) && next[j + 1] ? 1 : 0;
      }
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}

/** Each run of `*` and `?` rewritten as its `?`s followed by one `*` if the run had any: the same set of strings. */
function canonicalWildcards(pattern: string): string {
  return pattern.replace(/[*?]{2,}/g, (run) => {
    const questions = run.replaceAll('*', '');
    return run.includes('*') ? `${questions}*` : questions;
  });
}

/**
 * True when some string matches both globs (`*` and `?` in either): whether a policy's Resource pattern can name an ARN
 * of a resource type, whose format is a glob too. Exact (meetTable).
 */
export function globsIntersect(a: string, b: string): boolean {
  if (!hasWildcard(a)) return globMatch(b, a);
  if (!hasWildcard(b)) return globMatch(a, b);
  return meetTable(a, b, false);
}

/**
 * A run of any characters but `/` (possibly empty): what a name an ARN format delimits with `/` stands for (S3's
 * `arn:${Partition}:s3:::${BucketName}/${ObjectName}` shows a bucket name holds no `/`). A control character no policy
 * writes, and honoured only in the format argument of formatCoveredBy and formatMeets: a policy's Resource never
 * holds one, and there it would be a literal.
 */
export const NAME_RUN = '\u0001';
const NAME = 1;

/** Whether a format (a glob that may hold NAME_RUN) matches more than one string. */
export function formatHasWildcard(format: string): boolean {
  return hasWildcard(format) || format.includes(NAME_RUN);
}

/**
 * globCovers with NAME_RUN in the inner pattern (a resource type's ARN format): true when every string the format
 * stands for matches `pattern`. Sound as globCovers is: an outer star absorbs a whole name run, and nothing else does.
 */
export function formatCoveredBy(pattern: string, format: string): boolean {
  if (!formatHasWildcard(format)) return globMatch(pattern, format);
  return coverTable(pattern, format, true);
}

/**
 * globsIntersect with NAME_RUN in the second pattern (a resource type's ARN format): true when some string matches
 * the policy's pattern and is one the format stands for. A name run takes characters of the pattern but `/` (a `?` or
 * a star of the pattern can be one that is not), or nothing. Exact, like globsIntersect.
 */
export function formatMeets(pattern: string, format: string): boolean {
  if (!formatHasWildcard(format)) return globMatch(pattern, format);
  return meetTable(pattern, format, true);
}

/**
 * Whether `a` and `b` (both with wildcards) match a common string: dynamic programming over both patterns, where a star
 * in one absorbs a character, a `?` or a whole star of the other, and with `nameRuns` a NAME_RUN in `b` takes
 * characters of `a` but `/`, or nothing (elsewhere it is a literal). O(|a| × |b|) time and memory.
 */
function meetTable(a: string, b: string, nameRuns: boolean): boolean {
  const width = b.length + 1;
  // meets[i * width + j]: a[i..] and b[j..] match a common string.
  const meets = new Uint8Array((a.length + 1) * width);
  meets[a.length * width + b.length] = 1;
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      if (i === a.length && j === b.length) continue;
      const ac = i < a.length ? a.charCodeAt(i) : -1;
      const bc = j < b.length ? b.charCodeAt(j) : -1;
      const nameRun = nameRuns && bc === NAME;
      let meet = false;
      // A star of `a` matches nothing more, or also what `b`'s next unit (a character, `?`, star or name run) matches.
      if (ac === STAR) meet = meets[(i + 1) * width + j] === 1 || (bc !== -1 && meets[i * width + j + 1] === 1);
      if (!meet && bc === STAR)
        meet = meets[i * width + j + 1] === 1 || (ac !== -1 && meets[(i + 1) * width + j] === 1);
      if (!meet && nameRun)
        meet = meets[i * width + j + 1] === 1 || (ac !== -1 && ac !== SLASH && meets[(i + 1) * width + j] === 1);
      if (!meet && ac !== -1 && bc !== -1 && ac !== STAR && bc !== STAR && !nameRun)
        meet = (ac === QUESTION || bc === QUESTION || ac === bc) && meets[(i + 1) * width + j + 1] === 1;
      meets[i * width + j] = meet ? 1 : 0;
    }
  }
  return meets[0] === 1;
}
