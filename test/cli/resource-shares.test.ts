/**
 * Resource Access Manager shares in a CloudFormation template, through the CLI (`entitlement-guard check
 * template.yaml`): restrict-trust reports the account a share names that the catalog does not list and holds the one a
 * parameter names as pending, and passes a share to the organization the catalog lists (with external principals
 * turned off) and a share to a service principal whose Sources name the own account.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'eg-resource-shares-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ConsumerAccount:
    Type: String
Resources:
  TransitGateway:
    Type: AWS::EC2::TransitGateway
    Properties:
      AmazonSideAsn: 64512
  OrganizationShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-organization
      AllowExternalPrincipals: false
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5
  PartnerShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-partner
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - '999999999999'
        - !Ref ConsumerAccount
  CertificateAuthorityShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: root-ca
      ResourceArns:
        - arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555
      Sources:
        - !Ref AWS::AccountId
      Principals:
        - pca-connector-scep.amazonaws.com
`;

describe('Resource Access Manager shares in a CloudFormation template', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const file = join(DIR, 'template.yaml');
    writeFileSync(file, TEMPLATE);
    const catalog = join(DIR, 'catalog.yaml');
    writeFileSync(
      catalog,
      [
        'apiVersion: entitlement-guard/v1',
        'owners: [{ id: team-platform, contact: platform@example.com }]',
        'trust:',
        '  accounts: { "111122223333": { owner: team-platform } }',
        '  organizations: { "o-a1b2c3d4e5": { owner: team-platform } }',
        '',
      ].join('\n'),
    );
    const result = runCheck({
      paths: [file],
      catalogPath: catalog,
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'test',
    });
    expect([result.exitCode, result.errors]).toEqual([1, []]);
    const findings = result.result?.findings ?? [];
    expect(
      findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`),
    ).toEqual([
      'restrict-trust mandatory PartnerShare Account::999999999999',
      'restrict-trust mandatory PartnerShare Principal::unknown pending',
    ]);
    const SHARED = 'arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of TransitGateway>';
    expect(findings.map((f) => f.message)).toEqual([
      `Resource share tgw-partner shares ${SHARED} with account 999999999999 (999999999999), which the catalog ` +
        `(${catalog}) does not list under trust.accounts (listed: 111122223333): its principals may use them with no ` +
        'policy of the own account involved. Remove the principal from the share, or record the account with its ' +
        'owner under trust.accounts after review.',
      `Resource share tgw-partner shares ${SHARED} with a principal that cannot be verified until apply: the ` +
        'principal is Ref ConsumerAccount (parameter without a default).',
    ]);
  });
});
