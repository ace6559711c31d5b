/**
 * Resource policies of services the tables did not read (aws/resource-policies.ts), through the CLI as users run it on a
 * template: CloudWatch Logs resource policies and log destinations (JSON strings), ECR's registry policy, CodeArtifact
 * domains and repositories, S3 Express directory buckets, S3 Object Lambda access points, S3 Tables, MSK clusters,
 * schema registries, X-Ray, VPC Lattice, Systems Manager, CloudTrail, Lex, Bedrock, Bedrock AgentCore, Managed
 * Prometheus and Lambda's ResourcePolicy. Before, both templates passed: a statement naming the change's role granted it
 * nothing, and one open to `*` or another account let it in unseen.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/cloudformation/resource-policies/${name}.template.yaml`, import.meta.url), 'utf8');

const GRANTS_CATALOG = `apiVersion: entitlement-guard/v1
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

const TRUST_CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-payments, contact: payments@example.com }]
trust:
  accounts: { "111122223333": { owner: team-payments } }
`;

function verdicts(template: string, catalog: string) {
  const { exitCode, findings } = checkManifest(template, catalog);
  return {
    exitCode,
    verdicts: findings
      .map(
        (f) =>
          `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`,
      )
      .sort(),
    messages: Object.fromEntries(findings.map((f) => [f.resource.name, f.message])),
  };
}

const BEYOND = (what: string) =>
  `grants payments-api-runtime 1 action beyond its entitlements (ledger-read): ${what}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`;

const OWN = '<own-region>:<own-account>';

describe('resource policies of further services that name a role of the change', () => {
  it('are judged as the role’s own policies, each on the resource it is on', () => {
    const {
      exitCode,
      verdicts: found,
      messages,
    } = verdicts(fixture('more-service-policies-grant-an-entitled-role'), GRANTS_CATALOG);
    expect(found).toEqual([
      'require-entitlement mandatory AWS::APS::ResourcePolicy MetricsPolicy Policy::MetricsPolicy',
      'require-entitlement mandatory AWS::Bedrock::ResourcePolicy ModelPolicy Policy::ModelPolicy',
      'require-entitlement mandatory AWS::BedrockAgentCore::ResourcePolicy AgentPolicy Policy::AgentPolicy',
      'require-entitlement mandatory AWS::CloudTrail::ResourcePolicy TrailPolicy Policy::TrailPolicy',
      'require-entitlement mandatory AWS::CodeArtifact::Domain Artifacts Policy::Artifacts',
      'require-entitlement mandatory AWS::CodeArtifact::Repository Packages Policy::Packages',
      'require-entitlement mandatory AWS::ECR::RegistryPolicy Registry Policy::Registry',
      'require-entitlement mandatory AWS::EventSchemas::RegistryPolicy SchemasPolicy Policy::SchemasPolicy',
      'require-entitlement mandatory AWS::Lambda::ResourcePolicy PayoutsPolicy Policy::PayoutsPolicy',
      'require-entitlement mandatory AWS::Lex::ResourcePolicy BotPolicy Policy::BotPolicy',
      'require-entitlement mandatory AWS::Logs::Destination LogsDestination Policy::LogsDestination',
      'require-entitlement mandatory AWS::Logs::ResourcePolicy LogsPolicy Policy::LogsPolicy',
      // ClusterArn is a parameter without a default: what the policy is on is not known until deploy.
      'require-entitlement mandatory AWS::MSK::ClusterPolicy StreamingPolicy Grant::unknown pending',
      'require-entitlement mandatory AWS::S3Express::BucketPolicy ExpressPolicy Policy::ExpressPolicy',
      'require-entitlement mandatory AWS::S3ObjectLambda::AccessPointPolicy RedactedPointPolicy Policy::RedactedPointPolicy',
      'require-entitlement mandatory AWS::S3Tables::TableBucketPolicy TableBucketPolicy Policy::TableBucketPolicy',
      'require-entitlement mandatory AWS::S3Tables::TablePolicy TablePolicy Policy::TablePolicy',
      'require-entitlement mandatory AWS::SSM::ResourcePolicy ParameterPolicy Policy::ParameterPolicy',
      'require-entitlement mandatory AWS::VpcLattice::ResourcePolicy LatticePolicy Policy::LatticePolicy',
      'require-entitlement mandatory AWS::XRay::ResourcePolicy TracesPolicy Policy::TracesPolicy',
    ]);
    expect(exitCode).toBe(1);
    // Resource "*" is what the policy is on: the resource itself, the one it names, or (a Logs resource policy, ECR's
    // registry policy, X-Ray's) the account's resources of that service.
    expect(messages).toMatchObject({
      LogsPolicy: `LogsPolicy ${BEYOND(`logs:PutLogEvents on arn:aws:logs:${OWN}:*`)}`,
      LogsDestination: `LogsDestination ${BEYOND('logs:PutSubscriptionFilter on <Arn of LogsDestination>')}`,
      Registry: `Registry ${BEYOND(`ecr:ReplicateImage on arn:aws:ecr:${OWN}:repository/*`)}`,
      Artifacts: `Artifacts ${BEYOND('codeartifact:GetAuthorizationToken on <Arn of Artifacts>')}`,
      Packages: `Packages ${BEYOND('codeartifact:PublishPackageVersion on <Arn of Packages>')}`,
      ExpressPolicy: `ExpressPolicy ${BEYOND(`s3express:CreateSession on arn:aws:s3express:${OWN}:bucket/payments--use1-az4--x-s3`)}`,
      RedactedPointPolicy: `RedactedPointPolicy ${BEYOND(
        `s3-object-lambda:GetObject on arn:aws:s3-object-lambda:${OWN}:accesspoint/payments-redacted`,
      )}`,
      SchemasPolicy: `SchemasPolicy ${BEYOND(`schemas:DeleteSchema on arn:aws:schemas:${OWN}:registry/payments`)}`,
      TracesPolicy: `TracesPolicy ${BEYOND('xray:PutTraceSegments on *')}`,
      ParameterPolicy: `ParameterPolicy ${BEYOND(
        'ssm:GetParameter on arn:aws:ssm:us-east-1:111122223333:parameter/payments/api-key',
      )}`,
      StreamingPolicy:
        'StreamingPolicy: whether it stays within the entitlements of payments-api-runtime cannot be verified until apply: resource Ref ClusterArn (parameter without a default).',
    });
  });

  it('let in whom restrict-trust judges: anyone and accounts the catalog does not list are reported', () => {
    const {
      exitCode,
      verdicts: found,
      messages,
    } = verdicts(fixture('more-service-policies-let-anyone-in'), TRUST_CATALOG);
    // Artifacts lets in only the own account.
    expect(found).toEqual([
      'restrict-trust mandatory AWS::CodeArtifact::Repository Packages Principal::*',
      'restrict-trust mandatory AWS::ECR::RegistryPolicy Registry Principal::*',
      'restrict-trust mandatory AWS::Logs::Destination LogsDestination Account::999999999999',
      'restrict-trust mandatory AWS::Logs::ResourcePolicy LogsPolicy Principal::*',
      'restrict-trust mandatory AWS::S3Express::BucketPolicy ExpressPolicy Principal::*',
    ]);
    expect(exitCode).toBe(1);
    expect(messages.LogsPolicy).toContain(
      'Resource policy LogsPolicy allows any AWS principal (Principal: "*") Action logs:PutLogEvents on ' +
        `arn:aws:logs:${OWN}:*, and no condition narrows it`,
    );
    expect(messages.LogsDestination).toBe(
      'Resource policy LogsDestination allows account 999999999999 (999999999999) Action logs:PutSubscriptionFilter ' +
        'on <Arn of LogsDestination>, but the catalog (catalog.yaml) does not list that account under trust.accounts ' +
        '(listed: 111122223333). Narrow Principal to accounts the catalog trusts, or record the account with its owner ' +
        'under trust.accounts after review.',
    );
    expect(messages.Registry).toContain(
      `allows any AWS principal (Principal: "*") Action ecr:CreateRepository, ecr:BatchImportUpstreamImage on arn:aws:ecr:${OWN}:repository/*`,
    );
  });
});
