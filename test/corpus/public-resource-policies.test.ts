/**
 * Public templates whose bucket or key policy lets in everyone or another account (test/corpus/public-resource-policies/
 * README.md says where each file comes from and judges every finding), checked through the CLI against the catalog
 * beside them: restrict-trust judges those statements as it judges a role's trust.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(REPO, 'test/corpus/public-resource-policies');

function check(file: string, parameters?: Record<string, string>) {
  const result = runCheck({
    paths: [join(CORPUS, file)],
    catalogPath: join(CORPUS, 'catalog.yaml'),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
    ...(parameters ? { parameters } : {}),
  });
  const findings = result.result?.findings ?? [];
  return { exitCode: result.exitCode, errors: result.errors, findings };
}

const trustLines = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();

describe('public and cross-account resource policies in public templates', () => {
  it('checkov KMSKeyWildCardPrincipal FAILED-AWS-Wildcard: both keys open to AWS "*", one to an unlisted account too', () => {
    const { exitCode, errors, findings } = check('checkov-KMSKeyWildCardPrincipal-FAILED-AWS-Wildcard.yaml');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(trustLines(findings)).toEqual([
      'mandatory AwsWildcard Principal::*',
      'mandatory AwsWildcardList Account::123456789012',
      'mandatory AwsWildcardList Principal::*',
    ]);
    expect(findings.find((f) => f.resource.name === 'AwsWildcard')?.message).toBe(
      'Resource policy AwsWildcard allows any AWS principal (AWS: "*") Action kms:* on <Arn of AwsWildcard>, and no ' +
        'condition narrows it: anyone, in any account, may do that. Narrow Principal to the own account or accounts ' +
        'the catalog lists under trust.accounts, or add a condition on aws:PrincipalAccount or aws:PrincipalOrgID ' +
        '(StringEquals aws:PrincipalOrgID: <your organization>); for an AWS service that delivers to the resource, ' +
        'name the service and add aws:SourceAccount or aws:SourceArn.',
    );
  });

  it('checkov KMSKeyWildCardPrincipal FAILED-Wildcard: Principal "*" on a key', () => {
    const { exitCode, errors, findings } = check('checkov-KMSKeyWildCardPrincipal-FAILED-Wildcard.yaml');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(trustLines(findings)).toEqual(['mandatory Wildcard Principal::*']);
  });

  it('checkov KMSKeyWildCardPrincipal PASSED: the own account root, and a Deny of everyone, pass', () => {
    expect(check('checkov-KMSKeyWildCardPrincipal-PASSED.yaml')).toEqual({ exitCode: 0, errors: [], findings: [] });
  });

  it('S3 cross-account replication destination: the source account is judged against trust.accounts', () => {
    const untrusted = check('s3-cross-account-replication-destination.yaml', { AccountIdSource: '444455556666' });
    expect([untrusted.exitCode, untrusted.errors]).toEqual([1, []]);
    expect(trustLines(untrusted.findings)).toEqual([
      'mandatory KmsKey Account::444455556666',
      'mandatory S3BucketDestinationPolicy Account::444455556666',
    ]);
    expect(untrusted.findings.find((f) => f.resource.name === 'S3BucketDestinationPolicy')?.message).toBe(
      'Resource policy S3BucketDestinationPolicy allows account 444455556666 (444455556666) Action s3:ReplicateDelete, ' +
        's3:ReplicateObject, s3:ReplicateTags, s3:GetObjectVersionTagging, s3:ObjectOwnerOverrideToBucketOwner on ' +
        'arn:aws:s3:::<id of S3BucketDestination>, but the catalog (test/corpus/public-resource-policies/catalog.yaml) ' +
        'does not list that account under trust.accounts (listed: 111122223333). Narrow Principal to accounts the ' +
        'catalog trusts, or record the account with its owner under trust.accounts after review.',
    );
    // The account the catalog lists passes; the TLS-only Deny on the bucket grants nothing.
    const trusted = check('s3-cross-account-replication-destination.yaml', { AccountIdSource: '111122223333' });
    expect([trusted.exitCode, trusted.errors, trustLines(trusted.findings)]).toEqual([0, [], []]);
    // Without a value for the parameter, whom the policies let in is pending (fail closed).
    const unset = check('s3-cross-account-replication-destination.yaml');
    expect(trustLines(unset.findings)).toEqual([
      'mandatory KmsKey Principal::unknown pending',
      'mandatory S3BucketDestinationPolicy Principal::unknown pending',
    ]);
  });

  it('route53-alb-s3: Principal "*" confined to the template’s own VPC endpoint (aws:sourceVpce) is not public', () => {
    const { errors, findings } = check('route53-alb-s3.template.yaml');
    expect(errors).toEqual([]);
    expect(trustLines(findings)).toEqual([]);
  });

  it('private-api-vpce-deny: a private API open to "*" but through the VPC endpoint its Deny leaves (StringNotEquals aws:sourceVpce)', () => {
    const unset = check('private-api-vpce-deny.template.yaml');
    expect(unset.errors).toEqual([]);
    expect(trustLines(unset.findings)).toEqual(['mandatory ApiGatewayRestApi Principal::* pending']);
    expect(unset.findings.find((f) => f.ruleId === 'restrict-trust')?.message).toBe(
      'Resource policy ApiGatewayRestApi allows any AWS principal (Principal: "*") Action execute-api:Invoke on ' +
        '<Arn of ApiGatewayRestApi> only through the network its aws:SourceVpce condition names, which cannot be ' +
        'verified until apply: the value is Ref VPCEndpointId (parameter without a default). Whoever can send requests ' +
        'through that VPC endpoint or VPC, in any account, may do that. Write the own endpoint or VPC (a resource of ' +
        'the change or a fixed id), or narrow Principal to the own account or accounts the catalog lists under ' +
        'trust.accounts.',
    );
    const fixed = check('private-api-vpce-deny.template.yaml', { VPCEndpointId: 'vpce-0123456789abcdef0' });
    expect(fixed.errors).toEqual([]);
    expect(trustLines(fixed.findings)).toEqual([]);
  });
});
