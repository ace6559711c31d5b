/**
 * Fuzz (issue 24 item 7), AWS policy documents as objects or JSON text, valid or not: parsed or unreadable and
 * evaluated without an exception, within the budget (harness.ts); an unconditioned Allow of `*` is always seen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { effectiveAllows, isActionAllowed } from '../../src/iam/aws/evaluate.js';
import { wildcardIssues } from '../../src/iam/aws/wildcards.js';
import { property, withinBudget } from './harness.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT, policyDocument } from './support.js';

describe(`fuzz: policy documents (seed ${FUZZ_SEED}, ${FUZZ_RUNS} inputs)`, () => {
  it(
    'parsed or unreadable, evaluated without an exception; an unconditioned Allow of * is always seen',
    () => {
      const catalog = defaultCatalog();
      property('policies', fc.tuple(policyDocument, fc.boolean(), fc.boolean()), ([raw, asText, plantAdmin]) => {
        withinBudget(() => {
          const planted =
            plantAdmin && typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'Statement' in raw
              ? {
                  ...raw,
                  Statement: [
                    { Effect: 'Allow', Action: '*', Resource: '*' },
                    ...[(raw as { Statement: unknown }).Statement].flat(),
                  ],
                }
              : raw;
          const document = parsePolicyDocument(asText ? JSON.stringify(planted) : planted);
          const allows = effectiveAllows([document]);
          for (const statement of document.statements) wildcardIssues(statement, catalog);
          const decision = isActionAllowed([document], 'iam:PassRole');
          expect(['allow', 'deny', 'implicit-deny']).toContain(decision);
          if (planted !== raw && !document.unreadable) {
            // Every action is allowed unless an unconditioned Deny on every resource takes it away.
            const denies = document.statements.some((statement) => statement.effect === 'Deny' && !statement.condition);
            if (!denies) {
              expect(decision).toBe('allow');
              expect(allows.length).toBeGreaterThan(10_000);
              expect(wildcardIssues(document.statements[0]!, catalog).map((issue) => issue.kind)).toContain(
                'all-actions',
              );
            }
          }
        });
      });
    },
    FUZZ_TEST_TIMEOUT,
  );
});
