/**
 * Resource policies grant the change's own roles what their identity policies do not (iam/aws/resource-policy-grants.ts),
 * through the CLI as users run it on a template: a bucket, key, queue or topic policy that names an entitled role is
 * judged as that role's policy. Before this, the template below passed with the role's own policy inside its
 * entitlement, whatever the four resource policies granted it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const FIXTURE = readFileSync(
  new URL('../fixtures/cloudformation/resource-policies/grants-to-an-entitled-role.template.yaml', import.meta.url),
  'utf8',
);

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-payments, contact: payments@example.com }]
entitlements:
  - id: ledger-read
    classes: [service]
    aws:
      - actions: ["dynamodb:GetItem", "dynamodb:Query"]
        resources: ["arn:aws:dynamodb:*:*:table/payments-*"]
  - id: exports-write
    classes: [service]
    aws:
      - actions: ["s3:PutObject"]
        resources: ["arn:aws:s3:::payouts-exports/*"]
identities:
  - id: payments-api
    match: { name: "payments-api-*" }
    owner: team-payments
    class: service
    entitlements: [ledger-read, exports-write]
`;

function verdicts(template: string) {
  const { exitCode, findings } = checkManifest(template, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}`)
      .sort(),
    findings,
  };
}

describe('resource policies that name a role of the change', () => {
  it('are judged as the role’s own policies: each grant beyond its entitlements is reported on the policy', () => {
    const { exitCode, verdicts: found, findings } = verdicts(FIXTURE);
    expect(found).toEqual([
      'require-entitlement mandatory AWS::KMS::Key LedgerKey Policy::LedgerKey',
      'require-entitlement mandatory AWS::S3::BucketPolicy ExportsPolicy Policy::ExportsPolicy',
      'require-entitlement mandatory AWS::SNS::TopicPolicy AlertsPolicy Policy::AlertsPolicy',
      'require-entitlement mandatory AWS::SQS::QueuePolicy PayoutsPolicy Policy::PayoutsPolicy',
    ]);
    expect(exitCode).toBe(1);
    expect(findings.every((f) => f.identity?.endsWith('/PaymentsApiRole'))).toBe(true);
    // A key policy's Resource "*" is the key; a queue policy's, the queue its Queues names.
    expect(findings.find((f) => f.resource.name === 'LedgerKey')?.message).toBe(
      'LedgerKey grants payments-api-runtime 1 action beyond its entitlements (ledger-read, exports-write): kms:Decrypt on <Arn of LedgerKey>. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    );
    expect(findings.find((f) => f.resource.name === 'PayoutsPolicy')?.message).toContain(
      'sqs:SendMessage on <Arn of Payouts>.',
    );
  });

  it('pass when what they grant is within the role’s entitlements, and grant nothing through an account or everyone', () => {
    // Only the bucket policy, granting inside exports-write, on a bucket of a known name.
    const within = FIXTURE.slice(0, FIXTURE.indexOf('  LedgerKey:'))
      .replace(
        'Resource: !Sub "${Exports.Arn}/*"\n          # An account',
        'Resource: arn:aws:s3:::payouts-exports/*\n          # An account',
      )
      .replace(
        '  Exports:\n    Type: AWS::S3::Bucket\n',
        '  Exports:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: payouts-exports }\n',
      );
    expect(within).toContain('Resource: arn:aws:s3:::payouts-exports/*');
    expect(verdicts(within)).toMatchObject({ exitCode: 0, verdicts: [] });
  });

  it('a key policy that names a session of the role (assumed-role ARN) grants the role what it allows', () => {
    // Before, a session's ARN was no identity of the change: the key policy granted kms:Decrypt and the check passed.
    // The role and its key alone: the role's own policy within its entitlements, the key policy naming a session.
    const session = (
      FIXTURE.slice(0, FIXTURE.indexOf('  Exports:')) +
      FIXTURE.slice(FIXTURE.indexOf('  LedgerKey:'), FIXTURE.indexOf('  Payouts:'))
    ).replace(
      'iam::${AWS::AccountId}:role/payments-api-runtime',
      'sts::${AWS::AccountId}:assumed-role/payments-api-runtime/nightly',
    );
    expect(session).toContain(
      '"arn:${AWS::Partition}:sts::${AWS::AccountId}:assumed-role/payments-api-runtime/nightly"',
    );
    expect(verdicts(session).verdicts).toEqual([
      'require-entitlement mandatory AWS::KMS::Key LedgerKey Policy::LedgerKey',
    ]);
    expect(verdicts(session).findings[0]?.message).toBe(
      'LedgerKey grants payments-api-runtime 1 action beyond its entitlements (ledger-read, exports-write): kms:Decrypt on <Arn of LedgerKey>. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    );
  });

  it('a bucket policy open to everyone whose aws:PrincipalArn condition admits the role grants the role what it allows', () => {
    // Before, `Principal: "*"` granted no role of the change in particular, whatever its condition: this passed.
    const everyone = FIXTURE.slice(0, FIXTURE.indexOf('  LedgerKey:')).replace(
      '            Principal: { AWS: !GetAtt PaymentsApiRole.Arn }\n            Action: s3:PutObject\n',
      '            Principal: "*"\n            Condition: { ArnEquals: { aws:PrincipalArn: !GetAtt PaymentsApiRole.Arn } }\n' +
        '            Action: s3:PutObject\n',
    );
    expect(everyone).toContain('Condition: { ArnEquals: { aws:PrincipalArn: !GetAtt PaymentsApiRole.Arn } }');
    const { verdicts: found, findings } = verdicts(everyone);
    expect(found).toEqual(['require-entitlement mandatory AWS::S3::BucketPolicy ExportsPolicy Policy::ExportsPolicy']);
    expect(findings[0]?.message).toBe(
      'ExportsPolicy grants payments-api-runtime 1 action beyond its entitlements (ledger-read, exports-write): s3:PutObject on <Arn of Exports>/*. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    );
  });

  it('a secret policy that lets the role read a secret beyond its entitlements grants the role what it allows', () => {
    // Before, a secret's policy was judged only as trust (the own account's role is trusted): this passed.
    const secret =
      FIXTURE.slice(0, FIXTURE.indexOf('  Exports:')) +
      [
        '  PlatformDb:',
        '    Type: AWS::SecretsManager::Secret',
        '    Properties:',
        '      Name: platform/db-master',
        '      Tags: [{ Key: owner, Value: team-payments }]',
        '  PlatformDbRotation:',
        '    Type: AWS::SecretsManager::RotationSchedule',
        '    Properties:',
        '      SecretId: !Ref PlatformDb',
        '      RotationLambdaARN: arn:aws:lambda:us-east-1:111122223333:function:rotator',
        '      RotationRules: { AutomaticallyAfterDays: 30 }',
        '  PlatformDbPolicy:',
        '    Type: AWS::SecretsManager::ResourcePolicy',
        '    Properties:',
        '      SecretId: !Ref PlatformDb',
        '      ResourcePolicy:',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal: { AWS: !GetAtt PaymentsApiRole.Arn }',
        '            Action: secretsmanager:GetSecretValue',
        '            Resource: "*"',
        '',
      ].join('\n');
    const { verdicts: found, findings } = verdicts(secret);
    expect(found).toEqual([
      'require-entitlement mandatory AWS::SecretsManager::ResourcePolicy PlatformDbPolicy Policy::PlatformDbPolicy',
    ]);
    expect(findings[0]?.message).toBe(
      'PlatformDbPolicy grants payments-api-runtime 1 action beyond its entitlements (ledger-read, exports-write): secretsmanager:GetSecretValue on <id of PlatformDb>. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    );
  });

  it('a key policy that names only the account grants the role nothing', () => {
    const rootOnly = FIXTURE.replace(
      / {10}# Resource "\*" in a key policy is this key\.\n[\s\S]*?Resource: "\*"\n/,
      '',
    );
    expect(rootOnly).not.toContain('role/payments-api-runtime');
    expect(verdicts(rootOnly).verdicts).not.toContain(
      'require-entitlement mandatory AWS::KMS::Key LedgerKey Policy::LedgerKey',
    );
  });
});
