/**
 * Public code where a resource policy grants a role of the same template (test/corpus/resource-policies/README.md
 * says where each file comes from and judges every finding), checked through the CLI against the catalog beside it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(REPO, 'test/corpus/resource-policies');

function check(path: string) {
  const result = runCheck({
    paths: [path],
    catalogPath: join(CORPUS, 'catalog.yaml'),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  const findings = result.result?.findings ?? [];
  return {
    exitCode: result.exitCode,
    verdicts: findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort(),
    findings,
  };
}

describe('resource policies in public templates', () => {
  it('sam-s3-s3-replication: the replica bucket policy grants the replication role what its entitlement does not', () => {
    const result = runCheck({
      paths: [join(CORPUS, 'sam-s3-s3-replication.template.yaml')],
      catalogPath: join(CORPUS, 'catalog.yaml'),
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'test',
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const findings = result.result?.findings ?? [];
    expect(findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort()).toEqual([
      'require-entitlement mandatory BucketReplicaPolicy Policy::BucketReplicaPolicy',
      'require-entitlement mandatory ReplicationRole StandingPrivilege::s3-replication',
      'require-entitlement mandatory s3-replication Privileged::s3-replication',
    ]);
    const bucketPolicy = findings.find((f) => f.resource.name === 'BucketReplicaPolicy');
    expect(bucketPolicy?.identity).toMatch(/\/ReplicationRole$/);
    expect(bucketPolicy?.message).toMatch(
      /^BucketReplicaPolicy grants ReplicationRole 10 actions beyond its entitlements \(s3-replication\): s3:ListAccessGrants, /,
    );
    // What replication needs stays: the statement to write instead keeps it.
    expect(bucketPolicy?.message).toContain(
      'Narrow it to what the entitlements allow: [{"Effect":"Allow","Action":["s3:GetBucketVersioning","s3:ListBucket"],"Resource":"arn:aws:s3:::<id of BucketReplica>"},{"Effect":"Allow","Action":["s3:ReplicateDelete","s3:ReplicateObject"],"Resource":"arn:aws:s3:::<id of BucketReplica>/*"}]',
    );
  });

  it('sam-sfn-lambda-function-crossaccount: a Lambda permission to a role of another account grants the template’s role nothing', () => {
    // The principal is `arn:aws:iam::${FirstAccountID}:role/${StepFunctionRoleName}`, both parameters without default:
    // no role of the template. Whom it lets in, an account the deployment chooses, cannot be verified without the
    // parameters (restrict-trust, right: fail closed). The other finding is the shared catalog's own (s3-replication).
    const { exitCode, verdicts } = check(join(CORPUS, 'sam-sfn-lambda-function-crossaccount.template.yaml'));
    expect(verdicts).toEqual([
      'require-entitlement mandatory s3-replication Privileged::s3-replication',
      'restrict-trust mandatory LambdaResourcePolicy Principal::unknown',
    ]);
    expect(exitCode).toBe(1);
  });

  it('sam-sfn-lambda-function-crossaccount: had the permission named the template’s own role, it would be that role’s grant', () => {
    // The same template with the permission's principal the function's own role: the reader is live on this file.
    const verbatim = readFileSync(join(CORPUS, 'sam-sfn-lambda-function-crossaccount.template.yaml'), 'utf8');
    const ownRole = verbatim.replace(
      /Principal: !Sub\n(?: {18}.*\n)+/,
      'Principal: !GetAtt LambdaRole.Arn\n',
    );
    expect(ownRole).toContain('Principal: !GetAtt LambdaRole.Arn\n');
    const directory = mkdtempSync(join(tmpdir(), 'eg-corpus-'));
    writeFileSync(join(directory, 'template.yaml'), ownRole);
    const { verdicts, findings } = check(join(directory, 'template.yaml'));
    expect(verdicts).toEqual([
      'require-entitlement mandatory LambdaResourcePolicy Policy::LambdaResourcePolicy',
      'require-entitlement mandatory s3-replication Privileged::s3-replication',
    ]);
    expect(findings.find((f) => f.resource.name === 'LambdaResourcePolicy')?.message).toBe(
      'LambdaResourcePolicy grants LambdaRole 1 action beyond its entitlements (lambda-logs): lambda:InvokeFunction on <Arn of LambdaFunction>. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    );
  });
});
