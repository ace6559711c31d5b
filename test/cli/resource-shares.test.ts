/**
 * Resource Access Manager shares in a CloudFormation template, through the CLI (`entitlement-guard check
 * template.yaml`): restrict-trust reports the account a share names that the catalog does not list and holds the one a
 * parameter names as pending, and passes a share to the organization the catalog lists (with external principals
 * turned off) and a share to a service principal whose Sources name the own account. Each finding says what the share
 * lets the account do (its PermissionArns: an AWS managed permission by name, a customer managed permission of the
 * template with its policy template's actions), and a share that allows no external principals passes an account of the
 * organization it names and the catalog trusts. An AWS::RAM::PermissionAssociation adds its permission to the share of
 * the template it names, and one with a share the template does not create is pending: whom it gives that to is unseen.
 */
import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../support/check-manifest.js';
import { trustingCatalogYaml } from '../support/principal-grants.js';

const DEFAULT = "each resource type's default AWS managed permission (the share names none)";
const CATALOG = trustingCatalogYaml({ organization: true });

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

/** The template checked through the CLI with the catalog (see checkBlocked). */
const checked = (name: string, template: string) => checkBlocked(name, template, CATALOG);

describe('Resource Access Manager shares in a CloudFormation template', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const { catalog, findings, lines } = checked('template.yaml', TEMPLATE);
    expect(lines).toEqual([
      'restrict-trust mandatory PartnerShare Account::999999999999',
      'restrict-trust mandatory PartnerShare Principal::unknown pending',
    ]);
    const SHARED = 'arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of TransitGateway>';
    expect(findings.map((f) => f.message)).toEqual([
      `Resource share tgw-partner shares ${SHARED} under ${DEFAULT} with account 999999999999 (999999999999), which the catalog ` +
        `(${catalog}) does not list under trust.accounts (listed: 111122223333): its principals may use them with no ` +
        'policy of the own account involved. Remove the principal from the share, or record the account with its ' +
        'owner under trust.accounts after review.',
      `Resource share tgw-partner shares ${SHARED} under ${DEFAULT} with a principal that cannot be verified until apply: the ` +
        'principal is Ref ConsumerAccount (parameter without a default).',
    ]);
  });

  it('say what the share lets the account do, and pass an account kept inside the trusted organization', () => {
    const { catalog, findings, lines } = checked('permissions.yaml', PERMISSIONS_TEMPLATE);
    expect(lines).toEqual([
      'restrict-trust mandatory ManagedShare Account::888888888888',
      'restrict-trust mandatory TaggingShare Account::999999999999',
    ]);
    const TGW = 'arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of TransitGateway>';
    const REST = (account: string) =>
      `with account ${account} (${account}), which the catalog (${catalog}) does not list under trust.accounts ` +
      '(listed: 111122223333): its principals may use them with no policy of the own account involved.';
    const FIX =
      ' Remove the principal from the share, or record the account with its owner under trust.accounts after review.';
    expect(findings.map((f) => f.message)).toEqual([
      `Resource share tgw-managed shares ${TGW} under AWS managed permission AWSRAMDefaultPermissionTransitGateway ` +
        REST('888888888888') +
        FIX,
      `Resource share tgw-tagging shares ${TGW} under customer managed permission tgw-tagging (Action ` +
        'ec2:DescribeTransitGateways, ec2:CreateTags; not read-only: ec2:CreateTags) ' +
        REST('999999999999') +
        " The share allows no external principals, so RAM associates the account only if it is in the share's own " +
        'organization, which the share does not name, so that cannot be checked against trust.organizations.' +
        FIX,
    ]);
  });

  it('read the permission an AWS::RAM::PermissionAssociation gives a share, of the template or not', () => {
    const { catalog, findings, lines } = checked('associations.yaml', ASSOCIATIONS_TEMPLATE);
    expect(lines).toEqual([
      'restrict-trust mandatory ElsewhereTagging Principal::unseen pending',
      'restrict-trust mandatory PartnerShare Account::999999999999',
    ]);
    const TAGGING =
      'customer managed permission tgw-tagging (Action ec2:DescribeTransitGateways, ec2:CreateTags; not read-only: ' +
      'ec2:CreateTags)';
    expect(findings.map((f) => f.message)).toEqual([
      'Permission association ElsewhereTagging gives the principals of resource share ' +
        `arn:aws:ram:eu-west-1:111122223333:resource-share/elsewhere, which this change does not create, ${TAGGING} ` +
        'on what it shares, so whom it gives that cannot be seen. Create the share and its principals in this ' +
        'change, or associate the permission with a share it creates.',
      'Resource share tgw-partner shares arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of ' +
        `TransitGateway> under ${TAGGING} with account 999999999999 (999999999999), which the catalog (${catalog}) ` +
        'does not list under trust.accounts (listed: 111122223333): its principals may use them with no policy of ' +
        'the own account involved. Remove the principal from the share, or record the account with its owner under ' +
        'trust.accounts after review.',
    ]);
  });
});

const PERMISSIONS_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TransitGateway:
    Type: AWS::EC2::TransitGateway
    Properties:
      AmazonSideAsn: 64512
  TgwTagging:
    Type: AWS::RAM::Permission
    Properties:
      Name: tgw-tagging
      ResourceType: ec2:TransitGateway
      PolicyTemplate:
        Effect: Allow
        Action:
          - ec2:DescribeTransitGateways
          - ec2:CreateTags
  TaggingShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-tagging
      AllowExternalPrincipals: false
      PermissionArns:
        - !GetAtt TgwTagging.Arn
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - '999999999999'
  ManagedShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-managed
      PermissionArns:
        - arn:aws:ram::aws:permission/AWSRAMDefaultPermissionTransitGateway
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - '888888888888'
  InternalShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-internal
      AllowExternalPrincipals: false
      PermissionArns:
        - !Ref TgwTagging
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5
        - '777777777777'
`;

const ASSOCIATIONS_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TransitGateway:
    Type: AWS::EC2::TransitGateway
    Properties:
      AmazonSideAsn: 64512
  TgwTagging:
    Type: AWS::RAM::Permission
    Properties:
      Name: tgw-tagging
      ResourceType: ec2:TransitGateway
      PolicyTemplate:
        Effect: Allow
        Action:
          - ec2:DescribeTransitGateways
          - ec2:CreateTags
  PartnerTagging:
    Type: AWS::RAM::PermissionAssociation
    Properties:
      PermissionArn: !Ref TgwTagging
      ResourceShareArn: !GetAtt PartnerShare.Arn
      Replace: true
  PartnerShare:
    Type: AWS::RAM::ResourceShare
    Properties:
      Name: tgw-partner
      ResourceArns:
        - !Sub arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:transit-gateway/\${TransitGateway}
      Principals:
        - '999999999999'
  ElsewhereTagging:
    Type: AWS::RAM::PermissionAssociation
    Properties:
      PermissionArn: !GetAtt TgwTagging.Arn
      ResourceShareArn: arn:aws:ram:eu-west-1:111122223333:resource-share/elsewhere
`;
