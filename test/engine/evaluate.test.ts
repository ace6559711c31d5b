import { describe, expect, it } from 'vitest';
import type { CatalogException } from '../../catalog/types.js';
import { isPastDate } from '../../catalog/dates.js';
import { effectiveLevel, formatMessage, runRules } from '../../src/engine/evaluate.js';
import { defineRule } from '../../src/rules/define.js';
import { catalog, model, role } from '../support/builders.js';

/** A rule that reports every role, so these tests exercise the engine alone. */
const everyRole = defineRule({
  meta: {
    id: 'no-long-lived-credentials',
    title: 'Test rule reporting every role',
    level: 'mandatory',
    rationale: 'test',
    remediation: 'Remove the role.',
    frameworks: ['OWASP-NHI7:2025'],
    messages: { found: 'Role {{name}} found.', pending: 'Role {{name}} cannot be verified until apply.' },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      const pending = identity.name.startsWith('pending');
      ctx.report({
        messageId: pending ? 'pending' : 'found',
        data: { name: identity.name },
        resource: identity.resource,
        identity,
        pending,
      });
    }
  },
});

const NOW = new Date('2026-11-26T12:00:00Z');
const owners = [{ id: 'team-data' }];
const exception = (overrides: Partial<CatalogException>): CatalogException => ({
  id: 'EXC-1',
  rule: 'no-long-lived-credentials',
  target: 'legacy-*',
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  expires: '2027-01-31',
  ...overrides,
});

describe('runRules', () => {
  it('reports findings with the rule metadata, sorted and deterministic', () => {
    const result = runRules(model({ identities: [role('zeta'), role('alpha')] }), [everyRole], {
      catalog: catalog(),
      now: NOW,
    });
    expect(
      result.findings.map((f) => [
        f.ruleId,
        f.resource.name,
        f.identity,
        f.level,
        f.message,
        f.remediation,
        f.frameworks,
      ]),
    ).toEqual([
      [
        'no-long-lived-credentials',
        'alpha',
        'TestStack/alpha',
        'mandatory',
        'Role alpha found.',
        'Remove the role.',
        ['OWASP-NHI7:2025'],
      ],
      [
        'no-long-lived-credentials',
        'zeta',
        'TestStack/zeta',
        'mandatory',
        'Role zeta found.',
        'Remove the role.',
        ['OWASP-NHI7:2025'],
      ],
    ]);
    expect(result.summary).toMatchObject({ total: 2, blocking: 2, mandatory: 2, waived: 0, identities: 2 });
  });

  it('waives a finding with a valid exception and keeps it visible as waived', () => {
    const result = runRules(model({ identities: [role('legacy-sftp-sync', { uniqueName: true })] }), [everyRole], {
      catalog: catalog({ owners, exceptions: [exception({})] }),
      now: NOW,
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.waivedBy).toBe('EXC-1');
    expect(result.summary).toMatchObject({ total: 1, blocking: 0, waived: 1 });
  });

  it.each([
    ['expired', { expires: '2026-11-25' }],
    ['owned by an unknown owner', { owner: 'team-gone' }],
    ['unapproved', { approvedBy: ' ' }],
    ['for another rule', { rule: 'require-owner' }],
    ['for another target', { target: 'other-*' }],
  ])('does not waive with an exception that is %s', (_, overrides) => {
    const result = runRules(model({ identities: [role('legacy-sftp-sync', { uniqueName: true })] }), [everyRole], {
      catalog: catalog({ owners, exceptions: [exception(overrides)] }),
      now: NOW,
    });
    expect(result.findings.map((finding) => finding.waivedBy)).toEqual([undefined]);
    expect(result.summary.blocking).toBe(1);
  });

  it('keeps an exception valid through its expiry day (UTC)', () => {
    expect(isPastDate('2026-11-26', NOW)).toBe(false);
    expect(isPastDate('2026-11-25', NOW)).toBe(true);
    expect(isPastDate('not-a-date', NOW)).toBe(true);
  });

  it('reports a pending finding at advisory level: it never blocks, never passes silently', () => {
    const result = runRules(model({ identities: [role('pending-role')] }), [everyRole], {
      catalog: catalog(),
      now: NOW,
    });
    expect(result.findings.map((f) => [f.level, f.pending, f.message])).toEqual([
      ['advisory', true, 'Role pending-role cannot be verified until apply.'],
    ]);
    expect(result.summary).toMatchObject({ blocking: 0, pending: 1 });
  });

  it('keeps the rule level for a pending finding where nothing re-checks it (fail-closed gates)', () => {
    const result = runRules(model({ identities: [role('pending-role')] }), [everyRole], {
      catalog: catalog(),
      now: NOW,
      pending: 'fail-closed',
    });
    expect(result.findings.map((f) => [f.level, f.pending])).toEqual([['mandatory', true]]);
    expect(result.summary).toMatchObject({ blocking: 1, pending: 1 });
  });

  it('skips a rule the catalog disables', () => {
    const result = runRules(model({ identities: [role('a')] }), [everyRole], {
      catalog: catalog({ rules: { 'no-long-lived-credentials': 'disabled' } }),
      now: NOW,
    });
    expect(result.findings).toEqual([]);
  });
});

describe('effectiveLevel', () => {
  it('takes the catalog level org-wide and lets a stack only make it stricter', () => {
    const advisoryOrg = catalog({ rules: { 'no-long-lived-credentials': 'advisory' } });
    expect(effectiveLevel(everyRole, catalog())).toBe('mandatory');
    expect(effectiveLevel(everyRole, advisoryOrg)).toBe('advisory');
    expect(effectiveLevel(everyRole, advisoryOrg, { 'no-long-lived-credentials': 'mandatory' })).toBe('mandatory');
    expect(effectiveLevel(everyRole, catalog(), { 'no-long-lived-credentials': 'disabled' })).toBe('mandatory');
    expect(effectiveLevel(everyRole, catalog(), { 'no-long-lived-credentials': 'advisory' })).toBe('mandatory');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Action {{action}} on {{ resource }} ({{missing}})', { action: 's3:*', resource: '*' })).toBe(
      'Action s3:* on * ({{missing}})',
    );
  });

  it('quotes a value of up to 1,000 characters whole and cuts a longer one to its first 500, saying how many were left out', () => {
    const whole = 'x'.repeat(1000);
    expect(formatMessage('"{{value}}"', { value: whole })).toBe(`"${whole}"`);
    expect(formatMessage('"{{value}}"', { value: `${'y'.repeat(500)}z${'x'.repeat(500)}` })).toBe(
      `"${'y'.repeat(500)}… (501 more characters)"`,
    );
  });
});
