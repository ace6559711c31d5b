/**
 * Fuzz (issue 24 item 7), catalogs as a platform team might write them, with mistakes, as YAML or JSON text, whole or
 * mangled: a catalog or located catalog issues, never an exception, within the budget (harness.ts); a catalog that
 * loads still reports the planted dangers unless it waives, declares or relaxes them as a catalog may.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CatalogError, parseCatalog, type Catalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { evaluate } from '../../src/engine/index.js';
import { expectPlanted, NOW, property, renderAll, withinBudget } from './harness.js';
import { catalogDocument, FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT, textMutation } from './support.js';

describe(`fuzz: catalogs (seed ${FUZZ_SEED}, ${FUZZ_RUNS} inputs)`, () => {
  it(
    'a catalog or located catalog issues, never an exception; a valid one still reports the planted dangers',
    () => {
      const model = modelFromTemplates([
        {
          stack: 'planted',
          file: 'planted.json',
          template: {
            Resources: {
              PlantedAdminRole: {
                Type: 'AWS::IAM::Role',
                Properties: {
                  AssumeRolePolicyDocument: {
                    Statement: [
                      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
                    ],
                  },
                  Policies: [
                    {
                      PolicyName: 'admin',
                      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
                    },
                  ],
                },
              },
              PlantedPublicRole: {
                Type: 'AWS::IAM::Role',
                Properties: {
                  AssumeRolePolicyDocument: {
                    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
                  },
                },
              },
              PlantedKeyUser: { Type: 'AWS::IAM::User', Properties: {} },
              PlantedKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'PlantedKeyUser' } } },
            },
          },
        },
      ]);
      property('catalogs', fc.tuple(catalogDocument, fc.boolean(), textMutation), ([document, asJson, mutate]) => {
        withinBudget(() => {
          const text = mutate(asJson ? JSON.stringify(document) : stringify(document));
          let catalog: Catalog;
          try {
            catalog = parseCatalog(text, 'fuzz-catalog.yaml');
          } catch (error) {
            if (!(error instanceof CatalogError)) throw error;
            for (const issue of error.errors) {
              expect(issue.file).toBe('fuzz-catalog.yaml');
              expect(issue.line).toBeGreaterThanOrEqual(1);
              expect(issue.message.length).toBeGreaterThan(0);
            }
            return;
          }
          const result = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
          renderAll(result, model, catalog);
          expectPlanted(result, 'no-wildcard-privilege', (name) => name === 'PlantedAdminRole', catalog);
          expectPlanted(result, 'restrict-trust', (name) => name === 'PlantedPublicRole', catalog);
          expectPlanted(
            result,
            'no-long-lived-credentials',
            (name) => name === 'PlantedKey' || name === 'PlantedKeyUser',
            catalog,
          );
        });
      });
    },
    FUZZ_TEST_TIMEOUT,
  );
});
