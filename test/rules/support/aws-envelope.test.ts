/**
 * documentWithinEnvelopes decides on a statement's patterns that it stays within the entitlements, so that
 * require-entitlement need not expand `*` into its twenty thousand actions for each identity. A yes must never be
 * wrong: every (action, resource) the document grants is then within an envelope. A no only sends the policy to the
 * action-by-action judgement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwsGrantEnvelope } from '../../../catalog/types.js';
import { parsePolicyDocument } from '../../../src/iam/aws/document.js';
import { allowedActionsOf, effectiveAllows } from '../../../src/iam/aws/evaluate.js';
import { unknownValue, type PolicyDocument } from '../../../src/model/model.js';
import {
  documentWithinEnvelopes,
  envelopeResourcesFor,
  resourceCovered,
} from '../../../src/rules/support/aws-envelope.js';

const doc = (...statements: Record<string, unknown>[]): PolicyDocument =>
  parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
const within = (document: PolicyDocument, envelopes: AwsGrantEnvelope[]) =>
  documentWithinEnvelopes(document, envelopes, new Map());

describe('documentWithinEnvelopes', () => {
  const everything: AwsGrantEnvelope[] = [{ actions: ['*'], resources: ['*'] }];
  const reports: AwsGrantEnvelope[] = [
    { actions: ['s3:Get*', 's3:ListBucket'], resources: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] },
  ];

  it('says yes when every action of every Allow is within an envelope on each resource', () => {
    expect(within(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), everything)).toBe(true);
    expect(within(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), everything)).toBe(true);
    expect(
      within(
        doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::reports/2026/*' }),
        reports,
      ),
    ).toBe(true);
    // A Deny only takes away, and an unreadable document grants nothing (unknownGrantOf reports it).
    expect(within(doc({ Effect: 'Deny', Action: '*', Resource: '*' }), reports)).toBe(true);
    expect(within(parsePolicyDocument('{not json'), reports)).toBe(true);
  });

  it('says no for an action or resource beyond the envelopes, an Unknown, NotResource beyond them', () => {
    expect(within(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' }), reports)).toBe(false);
    expect(within(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }), reports)).toBe(
      false,
    );
    expect(within(doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::other/*' }), reports)).toBe(
      false,
    );
    expect(
      within(
        doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: unknownValue('Fn::ImportValue Bucket') }),
        everything,
      ),
    ).toBe(false);
    expect(
      within(
        doc({ Effect: 'Allow', Action: ['s3:GetObject', unknownValue('Fn::ImportValue Actions')], Resource: '*' }),
        everything,
      ),
    ).toBe(false);
  });

  it('keeps each decision for the envelope list, action list and resource', () => {
    const decided = new Map<string, Map<string, boolean>>();
    documentWithinEnvelopes(
      doc({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::reports/a', 'arn:aws:s3:::x'],
      }),
      reports,
      decided,
    );
    expect([...decided].map(([list, byResource]) => [list, [...byResource]])).toEqual([
      [
        'Action\u0001s3:GetObject\u0000s3:ListBucket',
        [
          ['arn:aws:s3:::reports/a', true],
          ['arn:aws:s3:::x', false],
        ],
      ],
    ]);
  });

  const actionValue = fc.constantFrom<unknown>(
    '*',
    'iam:*',
    'iam:PassRole',
    's3:Get*',
    's3:ListBucket',
    'S3:getobject',
    'sts:AssumeRole',
    '*Get*',
    'nosuch:Thing',
  );
  const resourceValue = fc.constantFrom(
    '*',
    'arn:*',
    'arn:aws:s3:::reports',
    'arn:aws:s3:::reports/*',
    'arn:aws:s3:::reports/2026/*',
    'arn:aws:iam::111122223333:role/app',
  );
  const statement = fc
    .record({
      Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
      actions: fc.array(actionValue, { minLength: 1, maxLength: 3 }),
      not: fc.boolean(),
      resources: fc.array(resourceValue, { minLength: 1, maxLength: 2 }),
      notResource: fc.boolean(),
    })
    .map(({ Effect, actions, not, resources, notResource }) => ({
      Effect,
      [not ? 'NotAction' : 'Action']: actions,
      [notResource ? 'NotResource' : 'Resource']: resources,
    }));
  const envelope = fc.record({
    actions: fc.array(
      fc.constantFrom('*', 'iam:*', 's3:*', 's3:Get*', 's3:GetObject', 's3:ListBucket', 'sts:AssumeRole'),
      { minLength: 1, maxLength: 3 },
    ),
    resources: fc.array(resourceValue, { minLength: 1, maxLength: 2 }),
  });

  it('never says yes when the document grants an (action, resource) no envelope covers, on generated documents', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.array(envelope, { minLength: 1, maxLength: 2 }),
        (statements, envelopes) => {
          const document = doc(...statements);
          if (!within(document, envelopes)) return;
          for (const allowed of effectiveAllows([document])) {
            for (const resource of allowed.resources)
              expect(resourceCovered(resource as string, envelopeResourcesFor(envelopes, allowed.action.name))).toBe(
                true,
              );
          }
        },
      ),
      { seed: 2026_12_02, numRuns: 150 },
    );
  });

  it('decides as with no decisions kept, when the decisions of other documents and statements are kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(envelope, { minLength: 1, maxLength: 2 }),
        (documents, envelopes) => {
          const decided = new Map<string, Map<string, boolean>>();
          for (const statements of documents) {
            // Parsed twice: the statements asked again (allowedActionsOf remembers a statement's list) and fresh ones.
            const document = doc(...statements);
            const kept = documentWithinEnvelopes(document, envelopes, decided);
            expect(documentWithinEnvelopes(document, envelopes, decided)).toBe(kept);
            expect(within(doc(...statements), envelopes)).toBe(kept);
          }
        },
      ),
      { seed: 2026_12_03, numRuns: 40 },
    );
  });
});

describe('allowedActionsOf', () => {
  it('gives a statement asked again the list it gives the same statement parsed afresh', () => {
    const statements = doc(
      { Effect: 'Allow', Action: ['s3:Get*', 's3:ListBucket'], Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: ['s3:GetObject', unknownValue('Fn::ImportValue Actions')], Resource: '*' },
    ).statements;
    const again = statements.map((one) => allowedActionsOf(one));
    const fresh = doc(
      { Effect: 'Allow', Action: ['s3:Get*', 's3:ListBucket'], Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: ['s3:GetObject', unknownValue('Fn::ImportValue Actions')], Resource: '*' },
    ).statements.map((one) => allowedActionsOf(one));
    expect(statements.map((one) => allowedActionsOf(one))).toEqual(again);
    expect(again).toEqual(fresh);
    expect(again[0]?.actions.length).toBeGreaterThan(1);
    expect(again[2]).toBeUndefined();
  });
});
