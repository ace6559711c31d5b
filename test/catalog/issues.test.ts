import { describe, expect, it } from 'vitest';
import {
  closestMatch,
  formatCatalogIssue,
  formatField,
  sortIssues,
  unknownValueMessage,
  type CatalogIssue,
} from '../../catalog/issues.js';

const issue = (line: number, column: number, field: string, message = 'm'): CatalogIssue => ({
  file: 'c.yaml',
  line,
  column,
  field,
  message,
});

describe('formatCatalogIssue', () => {
  it('reads file:line:col: field: message', () => {
    const text = formatCatalogIssue({
      file: 'examples/catalog.yaml',
      line: 12,
      column: 5,
      field: 'identities[2].owner',
      message: 'unknown owner "team-x"; expected one of: team-a, team-b',
    });
    expect(text).toBe(
      'examples/catalog.yaml:12:5: identities[2].owner: unknown owner "team-x"; expected one of: team-a, team-b',
    );
  });

  it('leaves out what it does not know', () => {
    expect(formatCatalogIssue(issue(3, 1, '', 'YAML syntax error: x'))).toBe('c.yaml:3:1: YAML syntax error: x');
    expect(
      formatCatalogIssue({ file: 'gone.yaml', line: 0, column: 0, field: '', message: 'cannot read catalog' }),
    ).toBe('gone.yaml: cannot read catalog');
  });
});

describe('formatField', () => {
  it.each([
    [['identities', 2, 'owner'], 'identities[2].owner'],
    [['classes', 'break-glass', 'maxSessionDuration'], 'classes.break-glass.maxSessionDuration'],
    [['trust', 'accounts', '111122223333', 'owner'], 'trust.accounts.111122223333.owner'],
    [
      ['identities', 0, 'match', 'tags', 'app.kubernetes.io/name'],
      'identities[0].match.tags["app.kubernetes.io/name"]',
    ],
    [[], ''],
  ] as const)('%j → %s', (path, field) => {
    expect(formatField(path)).toBe(field);
  });
});

describe('sortIssues', () => {
  it('orders by line, column, then field, and drops repeats', () => {
    const sorted = sortIssues([
      issue(9, 5, 'b'),
      issue(2, 7, 'a'),
      issue(2, 3, 'z'),
      issue(9, 5, 'a'),
      issue(2, 7, 'a'),
    ]);
    expect(sorted.map((i) => `${i.line}:${i.column}:${i.field}`)).toEqual(['2:3:z', '2:7:a', '9:5:a', '9:5:b']);
  });
});

describe('unknownValueMessage', () => {
  it('lists what is known, or says nothing is', () => {
    expect(unknownValueMessage('owner', 'team-x', ['team-a', 'team-b'])).toBe(
      'unknown owner "team-x"; expected one of: team-a, team-b',
    );
    expect(unknownValueMessage('entitlement', 'e', [])).toBe('unknown entitlement "e"; no entitlements are defined');
  });
});

describe('closestMatch', () => {
  it('finds the key a typo meant', () => {
    expect(closestMatch('resource', ['actions', 'resources'])).toBe('resources');
    expect(closestMatch('approvedby', ['approvedBy', 'owner'])).toBe('approvedBy');
    expect(closestMatch('entitlement', ['entitlements', 'identities'])).toBe('entitlements');
  });

  it('offers nothing when no key is close', () => {
    expect(closestMatch('colour', ['id', 'owner', 'class'])).toBeUndefined();
  });
});
