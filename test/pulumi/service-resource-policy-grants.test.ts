/**
 * Resource policies of DynamoDB, ECR, Lambda, EFS, OpenSearch, API Gateway, EventBridge, Backup, Glacier and S3 access
 * points in a Pulumi program (aws/resource-policies.ts): run under the SDK's mocks as `pulumi up` plans it, each that
 * names the stack's role is judged as the role's policy against examples/catalog.yaml; as `pulumi preview` plans it,
 * each that waits for the role's ARN is the role's grant not verifiable until apply. Before, none was read: the program
 * passed in both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const findingsIn = programFindings(path('./programs/service-resource-policies.ts'), CATALOG);

function verdicts(mode: 'update' | 'preview') {
  return findingsIn(mode)
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();
}

const POLICIES = [
  'apiPolicy',
  'archive',
  'busPolicy',
  'exportsPoint',
  'imagesPolicy',
  'invokePayouts',
  'ledgerPolicy',
  'searchPolicy',
  'sharedPolicy',
  'vaultPolicy',
];

const BEYOND = (name: string, what: string) =>
  `${name} grants payments-api-runtime 1 action beyond its entitlements (payments-read, payments-write, payments-secrets-read): ${what}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`;

describe('resource policies of other services in a Pulumi program', () => {
  it('are judged as the role’s policies once the role’s ARN is known (pulumi up)', () => {
    // invokeFromBucket, to the S3 service, grants no role of the stack.
    expect(verdicts('update')).toEqual(POLICIES.map((name) => `require-entitlement mandatory ${name} Policy::${name}`));
  });

  it('are on the resource they name: its ARN, or its name in the own account and region (pulumi up)', () => {
    const findings = findingsIn('update');
    const message = (name: string) => findings.find((f) => f.resource.name === name)?.message;
    expect(POLICIES.map(message)).toEqual([
      BEYOND('apiPolicy', 'execute-api:Invoke on arn:aws:execute-api:<own-region>:<own-account>:a1b2c3d4e5/*'),
      BEYOND('archive', 'glacier:DeleteArchive on <Arn of archive>'),
      BEYOND('busPolicy', 'events:PutEvents on arn:aws:events:<own-region>:<own-account>:event-bus/payments'),
      BEYOND('exportsPoint', 's3:GetObject on arn:aws:s3:us-east-1:111122223333:accesspoint/exports/object/*'),
      BEYOND('imagesPolicy', 'ecr:PutImage on arn:aws:ecr:<own-region>:<own-account>:repository/payments-images'),
      BEYOND('invokePayouts', 'lambda:InvokeFunction on arn:aws:lambda:us-east-1:111122223333:function:payouts'),
      // The mocks give the table an ARN in eu-west-1 (test/pulumi/support/computed-outputs.mjs).
      BEYOND('ledgerPolicy', 'dynamodb:DeleteItem on arn:aws:dynamodb:eu-west-1:111122223333:table/payments-ledger'),
      BEYOND('searchPolicy', 'es:ESHttpPut on arn:aws:es:<own-region>:<own-account>:domain/payments'),
      BEYOND(
        'sharedPolicy',
        'elasticfilesystem:ClientWrite on arn:aws:elasticfilesystem:<own-region>:<own-account>:file-system/fs-0123456789abcdef0',
      ),
      BEYOND(
        'vaultPolicy',
        'backup:DeleteRecoveryPoint on arn:aws:backup:<own-region>:<own-account>:backup-vault:payments',
      ),
    ]);
  });

  it('are the role’s grants not verifiable until apply while its ARN is unknown (pulumi preview)', () => {
    // A document that waits for the role's ARN is unreadable until apply; a Lambda permission is one statement whose
    // only unknown is the principal, which can only be the role it waits for: its grant is judged as it stands.
    const pending = POLICIES.filter((name) => name !== 'invokePayouts').flatMap((name) => [
      `no-wildcard-privilege advisory ${name}  pending`,
      `require-entitlement advisory ${name} Grant::unknown pending`,
    ]);
    // Whom each policy lets in is not known either (restrict-trust, session 31): advisory in a preview, re-checked at up.
    const trust = POLICIES.map((name) =>
      name === 'invokePayouts'
        ? 'restrict-trust advisory invokePayouts Principal::unknown pending'
        : `restrict-trust advisory ${name}  pending`,
    );
    expect(verdicts('preview')).toEqual(
      [
        'no-privilege-escalation advisory payments Path::unknown pending',
        'require-entitlement mandatory invokePayouts Policy::invokePayouts',
        ...pending,
        ...trust,
      ].sort(),
    );
  });
});
