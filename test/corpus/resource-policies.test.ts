/**
 * Public code where a resource policy grants a role of the same template (test/corpus/resource-policies/README.md
 * says where each file comes from and judges every finding), checked through the CLI against the catalog beside it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(REPO, 'test/corpus/resource-policies');

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
});
