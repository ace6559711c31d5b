/**
 * Amazon Cognito guest roles in CloudFormation, through the CLI: the verbatim serverless-patterns
 * cloudwatch-rum-cognito template (an `AWS::Cognito::IdentityPoolRoleAttachment` whose `Roles.unauthenticated` is the
 * RUM client role of a pool with `AllowUnauthenticatedIdentities: true`), and small templates for the trust-only
 * forms: a role whose trust accepts every identity of such a pool (no amr condition), and the same pool with guests
 * turned off, which gives no finding. Before, the Cognito issuer's trust passed with no finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'eg-cognito-guests-cfn-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const FIX =
  'Give a guest role only what an anonymous visitor may do (put RUM or Pinpoint events, read a public map) and record ' +
  'it as an approved catalog exception; otherwise turn off unauthenticated identities in the pool and require ' +
  'cognito-identity.amazonaws.com:amr "authenticated" in the trust policy.';

function trustFindings(path: string): string[][] {
  const result = runCheck({
    paths: [path],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? [])
    .filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => [`${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`, f.message]);
}

/** A pool, and a role whose trust accepts every identity of it (no amr condition) and may write to any bucket. */
function poolTemplate(allowGuests: boolean): string {
  const file = join(DIR, `pool-${String(allowGuests)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      Resources: {
        Visitors: { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: allowGuests } },
        UploadRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: 'cognito-identity.amazonaws.com' },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'Visitors' } } },
                },
              ],
            },
            Policies: [
              {
                PolicyName: 'uploads',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [
                    { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::uploads/*' },
                  ],
                },
              },
            ],
          },
        },
      },
    }),
  );
  return file;
}

describe('Cognito guest roles in CloudFormation templates', () => {
  it('the RUM guest role of serverless-patterns cloudwatch-rum-cognito is a public identity', () => {
    expect(trustFindings(join(REPO, 'test/corpus/aws/sam-cloudwatch-rum-cognito.template.yaml'))).toEqual([
      [
        'mandatory CWRumClientRole Cognito::unauthenticated',
        'Role CWRumClientRole is a public identity: identity pool CWRumIdentityPool gives this role to its ' +
          'unauthenticated (guest) identities (role attachment CWRumIdentityPoolRoles). Anyone on the internet can get ' +
          'its credentials without signing in and use every permission it has (1 action, 1 of them beyond reading and ' +
          `listing: rum:PutRumEvents). ${FIX}`,
      ],
    ]);
  });

  it('a trust without an amr condition on a pool that allows guests: every visitor may write the bucket', () => {
    expect(trustFindings(poolTemplate(true))).toEqual([
      [
        'mandatory UploadRole Cognito::unauthenticated',
        'Role UploadRole is a public identity: its trust accepts every identity (no cognito-identity.amazonaws.com:amr ' +
          'condition) of identity pool Visitors, which allows unauthenticated identities. Anyone on the internet can ' +
          'get its credentials without signing in and use every permission it has (2 actions, 1 of them beyond ' +
          `reading and listing: s3:PutObject). ${FIX}`,
      ],
    ]);
  });

  it('the same trust on a pool without guest identities gives no finding', () => {
    expect(trustFindings(poolTemplate(false))).toEqual([]);
  });
});
