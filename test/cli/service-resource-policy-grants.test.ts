/**
 * The resource policies of DynamoDB, ECR, Lambda, EFS, OpenSearch, API Gateway, EventBridge, Backup, S3 access points and Kinesis
 * grant the change's own roles what their identity policies do not (aws/resource-policies.ts), through the CLI as users
 * run it on a template: each that names an entitled role is judged as that role's policy. Before, the template below
 * passed: the role's own policy stays inside its entitlement, and none of these policies was read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const FIXTURE = readFileSync(
  new URL(
    '../fixtures/cloudformation/resource-policies/service-policies-grant-an-entitled-role.template.yaml',
    import.meta.url,
  ),
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
identities:
  - id: payments-api
    match: { name: "payments-api-*" }
    owner: team-payments
    class: service
    entitlements: [ledger-read]
`;

const BEYOND = (name: string, count: number, what: string) =>
  `${name} grants payments-api-runtime ${count} action${count > 1 ? 's' : ''} beyond its entitlements (ledger-read): ${what}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`;

function verdicts(template: string) {
  const { exitCode, findings } = checkManifest(template, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}`)
      .sort(),
    messages: findings.map((f) => f.message).sort(),
    findings,
  };
}

describe('resource policies of other services that name a role of the change', () => {
  it('are judged as the role’s own policies, each on the resource the policy is on', () => {
    const { exitCode, verdicts: found, messages, findings } = verdicts(FIXTURE);
    expect(found).toEqual([
      'require-entitlement mandatory AWS::ApiGateway::RestApi Api Policy::Api',
      'require-entitlement mandatory AWS::Backup::BackupVault Vault Policy::Vault',
      'require-entitlement mandatory AWS::DynamoDB::GlobalTable GlobalLedger Policy::GlobalLedger',
      // The table's policy and its stream's: two grants, each on its own ARN.
      'require-entitlement mandatory AWS::DynamoDB::Table Ledger Policy::Ledger',
      'require-entitlement mandatory AWS::DynamoDB::Table Ledger Policy::Ledger',
      'require-entitlement mandatory AWS::ECR::PublicRepository Sdk Policy::Sdk',
      'require-entitlement mandatory AWS::ECR::Repository Images Policy::Images',
      'require-entitlement mandatory AWS::EFS::FileSystem Shared Policy::Shared',
      'require-entitlement mandatory AWS::Events::EventBus Bus Policy::Bus',
      'require-entitlement mandatory AWS::Events::EventBusPolicy BusPublishPolicy Policy::BusPublishPolicy',
      'require-entitlement mandatory AWS::Kinesis::ResourcePolicy PayoutsPolicy Policy::PayoutsPolicy',
      // InvokeFromBucket, to the S3 service, grants no role of the change.
      'require-entitlement mandatory AWS::Lambda::Permission InvokePayouts Policy::InvokePayouts',
      'require-entitlement mandatory AWS::OpenSearchService::Domain Search Policy::Search',
      'require-entitlement mandatory AWS::S3::AccessPoint ExportsPoint Policy::ExportsPoint',
    ]);
    expect(exitCode).toBe(1);
    expect(findings.every((f) => f.identity?.endsWith('/PaymentsApiRole'))).toBe(true);
    // Resource "*", or none, is the resource the policy is on: the table, its stream, the repository, the file system.
    expect(messages).toEqual(
      [
        BEYOND('Api', 1, 'execute-api:Invoke on execute-api:/*'),
        BEYOND('Vault', 1, 'backup:DeleteRecoveryPoint on <Arn of Vault>'),
        BEYOND('GlobalLedger', 1, 'dynamodb:PutItem on <Arn of GlobalLedger>'),
        BEYOND('Ledger', 1, 'dynamodb:GetRecords on <StreamArn of Ledger>'),
        BEYOND('Ledger', 2, 'dynamodb:DeleteItem, dynamodb:GetItem on <Arn of Ledger>'),
        BEYOND('Images', 2, 'ecr:BatchGetImage, ecr:PutImage on <Arn of Images>'),
        BEYOND('Sdk', 1, 'ecr-public:PutImage on <Arn of Sdk>'),
        BEYOND('Shared', 2, 'elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite on <Arn of Shared>'),
        BEYOND('Bus', 1, 'events:PutEvents on <Arn of Bus>'),
        // EventBusName is the bus's name (what Ref of an event bus gives): the bus of that name in the own account.
        BEYOND(
          'BusPublishPolicy',
          1,
          'events:PutEvents on arn:aws:events:<own-region>:<own-account>:event-bus/<id of Bus>',
        ),
        BEYOND('PayoutsPolicy', 1, 'kinesis:PutRecord on <Arn of Payouts>'),
        BEYOND(
          'InvokePayouts',
          1,
          'lambda:InvokeFunction on arn:aws:lambda:<own-region>:<own-account>:function:payouts',
        ),
        BEYOND('Search', 1, 'es:ESHttpPut on <Arn of Search>'),
        BEYOND('ExportsPoint', 1, 's3:GetObject on arn:aws:s3:<own-region>:<own-account>:accesspoint/exports/object/*'),
      ].sort(),
    );
  });

  it('pass when what they grant is within the role’s entitlements, or is granted to a service', () => {
    // The role, and the table whose policy grants dynamodb:GetItem on its ARN written out, inside ledger-read.
    const within = FIXTURE.slice(0, FIXTURE.indexOf('  GlobalLedger:'))
      .replace(
        'Action: [dynamodb:GetItem, dynamodb:DeleteItem]\n              Resource: "*"',
        'Action: dynamodb:GetItem\n              Resource: arn:aws:dynamodb:us-east-1:111122223333:table/payments-ledger',
      )
      .replace(/ {6}StreamSpecification:\n(?: {8}.*\n)+/, '');
    expect(within).toContain('Resource: arn:aws:dynamodb:us-east-1:111122223333:table/payments-ledger');
    expect(within).not.toContain('StreamSpecification');
    const bucketPermission = FIXTURE.slice(FIXTURE.indexOf('  # A service principal'), FIXTURE.indexOf('  Shared:'));
    expect(verdicts(within + bucketPermission)).toMatchObject({ exitCode: 0, verdicts: [] });
  });

  it('a Lambda permission whose principal is an ARN of the role in a literal account grants the role', () => {
    // Where the template's account is not known, an ARN written with an account is read as the role of that name.
    const literal =
      FIXTURE.slice(0, FIXTURE.indexOf('  Ledger:')) +
      FIXTURE.slice(FIXTURE.indexOf('  InvokePayouts:'), FIXTURE.indexOf('  # A service principal')).replace(
        'Principal: !GetAtt PaymentsApiRole.Arn',
        'Principal: arn:aws:iam::111122223333:role/payments-api-runtime',
      );
    expect(literal).toContain('Principal: arn:aws:iam::111122223333:role/payments-api-runtime');
    expect(verdicts(literal).verdicts).toEqual([
      'require-entitlement mandatory AWS::Lambda::Permission InvokePayouts Policy::InvokePayouts',
    ]);
  });
});
