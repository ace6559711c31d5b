/**
 * Lake Formation permissions, a Service Catalog portfolio share and a log delivery destination's policy in a
 * CloudFormation template through the CLI (`entitlement-guard check template.yaml`): permissions to an account the
 * catalog does not list and a share to an account a parameter names are reported (the second pending until the
 * deployment gives the value); permissions to IAM_ALLOWED_PRINCIPALS (the own account's IAM principals) and a delivery
 * destination open to a trusted account pass. All passed unseen before (fail-open).
 */
import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../support/check-manifest.js';
import { trustingCatalogYaml } from '../support/principal-grants.js';

const CATALOG = trustingCatalogYaml({ organization: false });

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ConsumerAccount:
    Type: String
Resources:
  PartnerRead:
    Type: AWS::LakeFormation::PrincipalPermissions
    Properties:
      Principal:
        DataLakePrincipalIdentifier: '999999999999'
      Permissions: [SELECT]
      PermissionsWithGrantOption: []
      Resource:
        Table:
          CatalogId: !Ref AWS::AccountId
          DatabaseName: sales
          Name: orders
  DefaultAccess:
    Type: AWS::LakeFormation::Permissions
    Properties:
      DataLakePrincipal:
        DataLakePrincipalIdentifier: IAM_ALLOWED_PRINCIPALS
      Permissions: [ALL]
      Resource:
        DatabaseResource:
          Name: sales
  Portfolio:
    Type: AWS::ServiceCatalog::Portfolio
    Properties:
      DisplayName: platform
      ProviderName: platform
  ConsumerShare:
    Type: AWS::ServiceCatalog::PortfolioShare
    Properties:
      AccountId: !Ref ConsumerAccount
      PortfolioId: !Ref Portfolio
  CentralLogs:
    Type: AWS::Logs::DeliveryDestination
    Properties:
      Name: central
      DestinationResourceArn: arn:aws:s3:::central-logs
      DeliveryDestinationPolicy:
        DeliveryDestinationName: central
        DeliveryDestinationPolicy:
          Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Principal: { AWS: '111122223333' }
              Action: logs:CreateDelivery
              Resource: '*'
`;

describe('Lake Formation permissions, a portfolio share and a delivery destination in a CloudFormation template', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const { catalog, findings, lines } = checkBlocked('template.yaml', TEMPLATE, CATALOG);
    expect(lines).toEqual([
      'restrict-trust mandatory ConsumerShare Principal::unknown pending',
      'restrict-trust mandatory PartnerRead Account::999999999999',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource policy ConsumerShare allows Action servicecatalog:AcceptPortfolioShare on ' +
        'arn:aws:catalog:<own-region>:<own-account>:portfolio/<id of Portfolio> to a principal that cannot be ' +
        'verified until apply: the principal is Ref ConsumerAccount (parameter without a default).',
      'Resource policy PartnerRead allows account 999999999999 (999999999999) Action lakeformation:GetDataAccess on ' +
        `arn:aws:glue:<own-region>:<own-account>:*, but the catalog (${catalog}) does not list that account under ` +
        'trust.accounts (listed: 111122223333). Narrow Principal to accounts the catalog trusts, or record the ' +
        'account with its owner under trust.accounts after review.',
    ]);
  });
});

// A grant's principal written whole as an Fn::If that only deploy time decides (a condition on a parameter the
// deployment sets): each branch is a principal some deployment grants, so both are judged. The Lake Formation
// principal structure as one Fn::If was read as naming no principal (fail-open); a layer permission's principal as one
// Fn::If of two values waited for a value that the template already writes.
const BRANCHING = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ShareWithPartner:
    Type: String
    Default: 'false'
Conditions:
  Partner: !Equals [!Ref ShareWithPartner, 'true']
Resources:
  SalesRead:
    Type: AWS::LakeFormation::Permissions
    Properties:
      DataLakePrincipal: !If
        - Partner
        - DataLakePrincipalIdentifier: '999999999999'
        - DataLakePrincipalIdentifier: IAM_ALLOWED_PRINCIPALS
      Permissions: [SELECT]
      Resource:
        TableResource:
          DatabaseName: sales
          Name: orders
  OrdersRead:
    Type: AWS::LakeFormation::PrincipalPermissions
    Properties:
      Principal: !If
        - Partner
        - DataLakePrincipalIdentifier: '888888888888'
        - !Ref AWS::NoValue
      Permissions: [SELECT]
      PermissionsWithGrantOption: []
      Resource:
        Table:
          CatalogId: !Ref AWS::AccountId
          DatabaseName: sales
          Name: orders
  ReportsRead:
    Type: AWS::LakeFormation::Permissions
    Properties:
      DataLakePrincipal:
        DataLakePrincipalIdentifier: !If [Partner, '666666666666', IAM_ALLOWED_PRINCIPALS]
      Permissions: [SELECT]
      Resource:
        TableResource:
          DatabaseName: sales
          Name: reports
  Layer:
    Type: AWS::Lambda::LayerVersion
    Properties:
      Content: { S3Bucket: layers, S3Key: shared.zip }
  LayerUse:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      Action: lambda:GetLayerVersion
      LayerVersionArn: !Ref Layer
      Principal: !If [Partner, '777777777777', !Ref AWS::AccountId]
`;

describe('a grant whose principal is one Fn::If deploy time decides, in a CloudFormation template', () => {
  it('is judged on both branches through the CLI', () => {
    const { catalog, findings, lines } = checkBlocked('branching.yaml', BRANCHING, CATALOG);
    expect(lines).toEqual([
      'restrict-trust mandatory LayerUse Account::777777777777',
      'restrict-trust mandatory OrdersRead Account::888888888888',
      'restrict-trust mandatory ReportsRead Account::666666666666',
      'restrict-trust mandatory SalesRead Account::999999999999',
    ]);
    const untrusted = (name: string, account: string, action: string, on: string) =>
      `Resource policy ${name} allows account ${account} (${account}) Action ${action} on ${on}, but the catalog ` +
      `(${catalog}) does not list that account under trust.accounts (listed: 111122223333). Narrow Principal to ` +
      'accounts the catalog trusts, or record the account with its owner under trust.accounts after review.';
    const glue = 'arn:aws:glue:<own-region>:<own-account>:*';
    expect(findings.map((f) => f.message)).toEqual([
      untrusted('LayerUse', '777777777777', 'lambda:GetLayerVersion', '<id of Layer>'),
      untrusted('OrdersRead', '888888888888', 'lakeformation:GetDataAccess', glue),
      untrusted('ReportsRead', '666666666666', 'lakeformation:GetDataAccess', glue),
      untrusted('SalesRead', '999999999999', 'lakeformation:GetDataAccess', glue),
    ]);
  });
});
