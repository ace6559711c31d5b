/**
 * Grants to the principals a resource lists, and a resource policy of a type that was not read, in a CloudFormation
 * template through the CLI (`entitlement-guard check template.yaml`): a layer shared with every account and an endpoint
 * service whose allowed principals a parameter names are reported (the second pending until the deployment gives the
 * value); an endpoint service allowed to a trusted account and a log group's policy for the own account pass.
 */
import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../support/check-manifest.js';
import { trustingCatalogYaml } from '../support/principal-grants.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ConsumerPrincipals:
    Type: CommaDelimitedList
Resources:
  SharedLayer:
    Type: AWS::Lambda::LayerVersion
    Properties:
      Content: { S3Bucket: artifacts, S3Key: layer.zip }
  PublicLayer:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      Action: lambda:GetLayerVersion
      LayerVersionArn: !Ref SharedLayer
      Principal: '*'
  Service:
    Type: AWS::EC2::VPCEndpointService
    Properties:
      AcceptanceRequired: true
  PartnerPermissions:
    Type: AWS::EC2::VPCEndpointServicePermissions
    Properties:
      ServiceId: !Ref Service
      AllowedPrincipals:
        - arn:aws:iam::111122223333:root
  ConsumerPermissions:
    Type: AWS::EC2::VPCEndpointServicePermissions
    Properties:
      ServiceId: !Ref Service
      AllowedPrincipals: !Ref ConsumerPrincipals
  Deliveries:
    Type: AWS::Logs::LogGroup
    Properties:
      ResourcePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: logs:PutLogEvents
            Resource: '*'
`;

describe('principal grants and a log group policy in a CloudFormation template', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const catalog = trustingCatalogYaml({ organization: false });
    const { findings, lines } = checkBlocked('template.yaml', TEMPLATE, catalog);
    expect(lines).toEqual([
      'restrict-trust mandatory ConsumerPermissions Principal::unknown pending',
      'restrict-trust mandatory PublicLayer Principal::*',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource policy ConsumerPermissions allows Action ec2:CreateVpcEndpoint on ' +
        'arn:aws:ec2:<own-region>:<own-account>:vpc-endpoint-service/<id of Service> to a principal that cannot be ' +
        'verified until apply: the principal is Ref ConsumerPrincipals (parameter without a default).',
      'Resource policy PublicLayer allows any AWS principal (Principal: "*") Action lambda:GetLayerVersion on ' +
        '<id of SharedLayer>, and no condition narrows it: anyone, in any account, may do that. Narrow Principal to ' +
        'the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
        'aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an ' +
        'AWS service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.',
    ]);
  });
});
