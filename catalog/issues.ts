/** Problems found while loading a catalog, each pointing at the exact place in the file. */

export interface CatalogIssue {
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (unreadable). */
  line: number;
  /** 1-based; 0 together with line 0. */
  column: number;
  /** Where in the catalog, e.g. `identities[2].owner`; empty for syntax errors. */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** Thrown instead of returning a catalog whenever any issue was found: a catalog is never half-loaded. */
export class CatalogError extends Error {
  readonly errors: CatalogIssue[];

  constructor(errors: CatalogIssue[]) {
    const noun = errors.length === 1 ? 'issue' : 'issues';
    super(`invalid catalog: ${errors.length} ${noun}\n${errors.map(formatCatalogIssue).join('\n')}`);
    this.name = 'CatalogError';
    this.errors = errors;
  }
}

/**
 * Whether a thrown value is a CatalogError. The package's CDK entry and its lazily loaded engine entry are bundled
 * apart, each with its own copy of this class, so `instanceof` alone would miss an error made by the other copy.
 */
export function isCatalogError(value: unknown): value is CatalogError {
  return (
    value instanceof CatalogError ||
    (value instanceof Error && value.name === 'CatalogError' && Array.isArray((value as Partial<CatalogError>).errors))
  );
}

/** `examples/catalog.yaml:12:5: identities[2].owner: unknown owner "team-x"; expected one of: team-a, team-b` */
export function formatCatalogIssue(issue: CatalogIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** By position, then field, without repeats: the order a reader fixes them in. */
export function sortIssues(issues: CatalogIssue[]): CatalogIssue[] {
  const seen = new Set<string>();
  return [...issues]
    .sort(
      (a, b) =>
        a.line - b.line || a.column - b.column || a.field.localeCompare(b.field) || a.message.localeCompare(b.message),
    )
    .filter((issue) => {
      const key = formatCatalogIssue(issue);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export type FieldPath = readonly (string | number)[];

/** `['identities', 2, 'owner']` → `identities[2].owner`; keys that are not plain words are quoted. */
export function formatField(path: FieldPath): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z0-9_$-]+$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/** `unknown owner "team-x"; expected one of: team-a, team-b` (or `…; none are defined`). */
export function unknownValueMessage(noun: string, value: string, known: readonly string[]): string {
  return `unknown ${noun} ${JSON.stringify(value)}; ${known.length ? `expected one of: ${known.join(', ')}` : `no ${noun}s are defined`}`;
}

/** The candidate a typo most likely meant: at most two edits away (or differing only in case), else undefined. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  // previous[j]: the distance from a's first i - 1 characters to b's first j; the row ends with the whole of b.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let distance = b.length;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let left = i; // current[j - 1]
    let diagonal = i - 1; // previous[j - 1]
    for (const [j, above] of previous.entries()) {
      if (j === 0) continue;
      left = Math.min(above + 1, left + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      current.push(left);
      diagonal = above;
    }
    previous = current;
    distance = left;
  }
  return distance;
}
