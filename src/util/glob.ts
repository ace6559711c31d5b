const STAR = 42; // '*'
const QUESTION = 63; // '?'

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
    if (pc === QUESTION || pc === t.charCodeAt(ti)) {
      pi++;
      ti++;
    } else if (pc === STAR) {
      starPi = pi++;
      starTi = ti;
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
