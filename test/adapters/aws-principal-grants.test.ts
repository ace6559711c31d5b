/**
 * Resources that grant the principals they list (a Lambda layer version's permission, a VPC endpoint service's allowed
 * principals, an event bus permission in its older form, an AMI's launch permission, …) are read as the statement each
 * stands for (aws/resource-policies.ts PRINCIPAL_GRANTS), and resource-based policies of types that were not read
 * (a log group's, a MediaStore container's, an OAM sink's, a CodeBuild project's, an organization's, a Redshift
 * namespace's, …) as every other resource policy: restrict-trust judges whom each lets in. All passed in silence before
 * (fail-open): a layer shared with every AWS account, an endpoint service any account may connect to.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { PRINCIPAL_GRANTS, principalGrantDocument } from '../../src/adapters/aws/resource-policies.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const OTHER = '999999999999';
const LAYER = 'arn:aws:lambda:eu-west-1:111122223333:layer:shared-utils:3';
const urn = (type: string, name: string) => `urn:pulumi:dev::payments::${type}::${name}`;
const pulumiResource = (type: string, name: string, props: Record<string, unknown>): PulumiResource => ({
  type,
  name,
  urn: urn(type, name),
  props,
});
const template = (resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>) =>
  modelFromTemplates([{ stack: 'App', template: { Resources: resources } }]);

/** `level resource detail [pending]` of restrict-trust, with no catalog (or `trusted` listed as trusted). */
function trustFindings(model: Model, trusted?: string): string[] {
  return trustResults(model, trusted).map(
    (f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`,
  );
}
function trustResults(model: Model, trusted?: string) {
  const given = trusted
    ? catalog({ trust: { accounts: [{ id: trusted, owner: 'team-platform' }], organizations: [], oidc: [] } })
    : defaultCatalog();
  return evaluate(model, { catalog: given, now: NOW }).findings.filter((f) => f.ruleId === 'restrict-trust');
}

const ANY_PRINCIPAL_FIX =
  'Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
  'aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS ' +
  'service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.';

describe('the statements a principal grant stands for', () => {
  it('a layer permission to every account of an organization: Principal * narrowed by aws:PrincipalOrgID', () => {
    const fields = PRINCIPAL_GRANTS['AWS::Lambda::LayerVersionPermission']!;
    expect(
      principalGrantDocument(
        { Action: 'lambda:GetLayerVersion', LayerVersionArn: LAYER, Principal: '*', OrganizationId: 'o-a1b2c3d4e5' },
        fields,
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:GetLayerVersion',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ],
    });
  });

  it("an endpoint service's allowed principals: one statement each, `*` every account", () => {
    const fields = PRINCIPAL_GRANTS['AWS::EC2::VPCEndpointServicePermissions']!;
    expect(
      principalGrantDocument(
        { ServiceId: 'vpce-svc-0a1b', AllowedPrincipals: ['*', `arn:aws:iam::${OTHER}:root`] },
        fields,
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'ec2:CreateVpcEndpoint' },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'ec2:CreateVpcEndpoint' },
      ],
    });
  });

  it('an AMI launched by group all is every account; by an OU, every account of its organization', () => {
    const fields = PRINCIPAL_GRANTS['aws:ec2/amiLaunchPermission:AmiLaunchPermission']!;
    expect(principalGrantDocument({ imageId: 'ami-0a1b2c3d', group: 'all' }, fields)?.Statement).toEqual([
      { Effect: 'Allow', Principal: '*', Action: 'ec2:RunInstances' },
    ]);
    expect(
      principalGrantDocument(
        {
          imageId: 'ami-0a1b2c3d',
          organizationalUnitArn: 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34',
        },
        fields,
      )?.Statement,
    ).toEqual([
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'ec2:RunInstances',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    ]);
  });

  it('an event bus policy written as a Statement names no principal of its own: none', () => {
    const fields = PRINCIPAL_GRANTS['AWS::Events::EventBusPolicy']!;
    expect(
      principalGrantDocument({ StatementId: 's', Statement: { Effect: 'Allow', Principal: '*' } }, fields),
    ).toBeUndefined();
  });
});

describe('CloudFormation: principal grants', () => {
  it('a layer shared with every account, with another account, and within the organization the catalog lists', () => {
    const model = template({
      Public: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: LAYER, Principal: '*' },
      },
      Partner: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: LAYER, Principal: OTHER },
      },
      Organization: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: {
          Action: 'lambda:GetLayerVersion',
          LayerVersionArn: LAYER,
          Principal: '*',
          OrganizationId: 'o-a1b2c3d4e5',
        },
      },
      Own: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: LAYER, Principal: { Ref: 'AWS::AccountId' } },
      },
    });
    const trusting = catalog({
      trust: { accounts: [], organizations: [{ id: 'o-a1b2c3d4e5', owner: 'team-platform' }], oidc: [] },
    });
    const found = evaluate(model, { catalog: trusting, now: NOW }).findings.filter(
      (f) => f.ruleId === 'restrict-trust',
    );
    expect(found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}`)).toEqual([
      `mandatory Partner Account::${OTHER}`,
      'mandatory Public Principal::*',
    ]);
    expect(found[1]?.message).toBe(
      `Resource policy Public allows any AWS principal (Principal: "*") Action lambda:GetLayerVersion on ${LAYER}, and no ` +
        `condition narrows it: anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
    );
  });

  it("an endpoint service's allowed principals: `*` and another account; the own account passes", () => {
    const model = template({
      Service: { Type: 'AWS::EC2::VPCEndpointService', Properties: { AcceptanceRequired: false } },
      Permissions: {
        Type: 'AWS::EC2::VPCEndpointServicePermissions',
        Properties: {
          ServiceId: { Ref: 'Service' },
          AllowedPrincipals: ['*', `arn:aws:iam::${OTHER}:root`, { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' }],
        },
      },
    });
    const found = trustResults(model);
    expect(found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}`)).toEqual([
      `mandatory Permissions Account::${OTHER}`,
      'mandatory Permissions Principal::*',
    ]);
    expect(found[1]?.message).toBe(
      'Resource policy Permissions allows any AWS principal (Principal: "*") Action ec2:CreateVpcEndpoint on ' +
        'arn:aws:ec2:<own-region>:<own-account>:vpc-endpoint-service/<id of Service>, and no condition narrows it: ' +
        `anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
    );
  });

  it("an event bus policy's older form (Principal, Action, Condition) on the default bus", () => {
    const model = template({
      AnyAccount: {
        Type: 'AWS::Events::EventBusPolicy',
        Properties: { StatementId: 'any', Action: 'events:PutEvents', Principal: '*' },
      },
      Organization: {
        Type: 'AWS::Events::EventBusPolicy',
        Properties: {
          StatementId: 'org',
          Action: 'events:PutEvents',
          Principal: '*',
          Condition: { Type: 'StringEquals', Key: 'aws:PrincipalOrgID', Value: 'o-a1b2c3d4e5' },
        },
      },
    });
    expect(trustFindings(model)).toEqual([
      'mandatory AnyAccount Principal::*',
      'mandatory Organization Organization::o-a1b2c3d4e5',
    ]);
    expect(trustResults(model)[0]?.message).toContain(
      'Action events:PutEvents on arn:aws:events:<own-region>:<own-account>:event-bus/default',
    );
  });

  it('a signing profile permission, a Redshift endpoint authorization', () => {
    const model = template({
      Signing: {
        Type: 'AWS::Signer::ProfilePermission',
        Properties: { ProfileName: 'release', Action: 'signer:StartSigningJob', Principal: OTHER, StatementId: 's' },
      },
      Endpoint: {
        Type: 'AWS::Redshift::EndpointAuthorization',
        Properties: { ClusterIdentifier: 'warehouse', Account: OTHER },
      },
    });
    expect(trustFindings(model)).toEqual([
      `mandatory Endpoint Account::${OTHER}`,
      `mandatory Signing Account::${OTHER}`,
    ]);
    expect(trustFindings(model, OTHER)).toEqual([]);
  });
});

/** A policy that lets any AWS principal do `action`. */
const open = (action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' }],
});

describe('CloudFormation: resource policies of types that were not read', () => {
  // Each type with its policy property, written as its schema spells it; a policy letting anyone in is a finding.
  const cases: [string, Record<string, unknown>][] = [
    ['AWS::Logs::LogGroup', { ResourcePolicyDocument: open('logs:PutLogEvents') }],
    ['AWS::MediaStore::Container', { ContainerName: 'media', Policy: JSON.stringify(open('mediastore:GetObject')) }],
    ['AWS::Oam::Sink', { Name: 'sink', Policy: open('oam:CreateLink') }],
    ['AWS::Omics::SequenceStore', { Name: 'reads', S3AccessPolicy: open('s3:GetObject') }],
    [
      'AWS::PaymentCryptography::Key',
      { Exportable: false, KeyAttributes: {}, Policy: JSON.stringify(open('payment-cryptography:*')) },
    ],
    [
      'AWS::S3Outposts::BucketPolicy',
      {
        Bucket: 'arn:aws:s3-outposts:eu-west-1:111122223333:outpost/op-1/bucket/b',
        PolicyDocument: open('s3-outposts:GetObject'),
      },
    ],
    [
      'AWS::S3Outposts::AccessPoint',
      { Bucket: 'b', Name: 'ap', VpcConfiguration: {}, Policy: open('s3-outposts:GetObject') },
    ],
    ['AWS::S3Express::AccessPoint', { Bucket: 'b--use1-az4--x-s3', Policy: open('s3express:CreateSession') }],
    ['AWS::S3::MultiRegionAccessPointPolicy', { MrapName: 'global', Policy: open('s3:GetObject') }],
    ['AWS::S3Files::FileSystemPolicy', { FileSystemId: 'fs-0a1b', Policy: open('s3files:ClientMount') }],
    [
      'AWS::S3Vectors::VectorBucketPolicy',
      { VectorBucketArn: 'arn:aws:s3vectors:eu-west-1:111122223333:bucket/v', Policy: open('s3vectors:QueryVectors') },
    ],
    [
      'AWS::SageMaker::ModelPackageGroup',
      { ModelPackageGroupName: 'models', ModelPackageGroupPolicy: open('sagemaker:DescribeModelPackage') },
    ],
    [
      'AWS::SMSVOICE::ResourcePolicy',
      {
        ResourceArn: 'arn:aws:sms-voice:eu-west-1:111122223333:phone-number/p',
        PolicyDocument: open('sms-voice:SendTextMessage'),
      },
    ],
    ['AWS::VpcLattice::AuthPolicy', { ResourceIdentifier: 'svc-0a1b', Policy: open('vpc-lattice-svcs:Invoke') }],
    [
      'AWS::Backup::BackupAccessPoint',
      {
        RecoveryPointArn: 'arn:aws:backup:eu-west-1:111122223333:recovery-point:r',
        AccessPointPolicy: open('s3:GetObject'),
      },
    ],
    ['AWS::Bedrock::KnowledgeBasePolicy', { KnowledgeBaseId: 'KB12345678', PolicyDocument: open('bedrock:Retrieve') }],
    ['AWS::DSQL::Cluster', { PolicyDocument: JSON.stringify(open('dsql:DbConnect')) }],
    ['AWS::ApiGateway::DomainNameV2', { DomainName: 'api.example.com', Policy: open('execute-api:Invoke') }],
    [
      'AWS::EventsV2::ResourcePolicy',
      { EventBusArn: 'arn:aws:events:eu-west-1:111122223333:event-bus/b', PolicyDocument: open('events:PutEvents') },
    ],
    ['AWS::Comprehend::DocumentClassifier', { ModelPolicy: JSON.stringify(open('comprehend:ImportModel')) }],
    ['AWS::Comprehend::EntityRecognizer', { ModelPolicy: JSON.stringify(open('comprehend:ImportModel')) }],
    [
      'AWS::AIOps::InvestigationGroup',
      { Name: 'ops', InvestigationGroupPolicy: JSON.stringify(open('aiops:GetInvestigationGroup')) },
    ],
    ['AWS::Organizations::ResourcePolicy', { Content: open('organizations:DescribeOrganization') }],
    [
      'AWS::ECR::RepositoryCreationTemplate',
      {
        Prefix: 'team',
        AppliedFor: ['PULL_THROUGH_CACHE'],
        RepositoryPolicy: JSON.stringify(open('ecr:BatchGetImage')),
      },
    ],
  ];

  it.each(cases)('%s: a policy letting anyone in is reported on it', (type, properties) => {
    const model = template({ Written: { Type: type, Properties: properties } });
    expect(trustFindings(model)).toEqual(['mandatory Written Principal::*']);
  });

  it("a Redshift cluster's and a Serverless namespace's NamespaceResourcePolicy, on the namespace", () => {
    const model = template({
      Cluster: {
        Type: 'AWS::Redshift::Cluster',
        Properties: {
          ClusterType: 'single-node',
          DBName: 'dev',
          MasterUsername: 'admin',
          NodeType: 'ra3.xlplus',
          NamespaceResourcePolicy: open('redshift:CreateInboundIntegration'),
        },
      },
      Namespace: {
        Type: 'AWS::RedshiftServerless::Namespace',
        Properties: {
          NamespaceName: 'analytics',
          NamespaceResourcePolicy: open('redshift:AuthorizeInboundIntegration'),
        },
      },
    });
    const found = trustResults(model);
    expect(found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}`)).toEqual([
      'mandatory Cluster Principal::*',
      'mandatory Namespace Principal::*',
    ]);
    expect(found.map((f) => /on (<[^>]+>)/.exec(f.message)?.[1])).toEqual([
      '<ClusterNamespaceArn of Cluster>',
      '<Namespace.NamespaceArn of Namespace>',
    ]);
  });
});

describe('OpenSearch Serverless data access policies (a JSON list of rules, not an IAM document)', () => {
  const rules = (principals: unknown[]) =>
    JSON.stringify([
      {
        Rules: [
          { ResourceType: 'index', Resource: ['index/logs/*'], Permission: ['aoss:ReadDocument'] },
          { ResourceType: 'collection', Resource: ['collection/logs'], Permission: ['aoss:DescribeCollectionItems'] },
        ],
        Principal: principals,
      },
    ]);

  it('CloudFormation: each principal of a rule set is judged; a role of the template and the own account pass', () => {
    const model = template({
      Reader: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
        },
      },
      Access: {
        Type: 'AWS::OpenSearchServerless::AccessPolicy',
        Properties: {
          Name: 'logs-access',
          Type: 'data',
          Policy: {
            'Fn::Sub': rules([
              '${Reader.Arn}',
              'arn:aws:iam::${AWS::AccountId}:root',
              `arn:aws:iam::${OTHER}:role/analyst`,
              `saml/${OTHER}/corporate/group/analysts`,
            ]),
          },
        },
      },
    });
    const found = trustResults(model);
    expect(found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}`)).toEqual([
      `mandatory Access Account::${OTHER}`,
      `mandatory Access Account::${OTHER}`,
    ]);
    // The role names it, and the SAML group through the account's identity provider (read as the account).
    const said = (principal: string) =>
      `Resource policy Access allows account ${OTHER} (${principal}) Action aoss:APIAccessAll on ` +
      'arn:aws:aoss:<own-region>:<own-account>:*, but no catalog was given, so the ' +
      'account cannot be checked against trusted accounts. Pass a catalog that lists it under trust.accounts.';
    expect(found.map((f) => f.message)).toEqual([
      said(`arn:aws:iam::${OTHER}:role/analyst`),
      said(`arn:aws:iam::${OTHER}:root`),
    ]);
  });

  it('CloudFormation: a parameter in a collection name or an own role name hides no principal; one naming a principal waits', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Parameters: { Collection: { Type: 'String' }, DeployRole: { Type: 'String' }, AdminArn: { Type: 'String' } },
          Resources: {
            Access: {
              Type: 'AWS::OpenSearchServerless::AccessPolicy',
              Properties: {
                Name: 'logs-access',
                Type: 'data',
                Policy: {
                  'Fn::Sub': JSON.stringify([
                    {
                      Rules: [
                        {
                          ResourceType: 'index',
                          Resource: ['index/${Collection}/*'],
                          Permission: ['aoss:ReadDocument'],
                        },
                      ],
                      Principal: ['arn:aws:iam::${AWS::AccountId}:role/${DeployRole}', '${AdminArn}'],
                    },
                  ]),
                },
              },
            },
          },
        },
      },
    ]);
    expect(trustFindings(model)).toEqual(['advisory Access Principal::unknown pending']);
  });

  it('a policy that is not a list of rules cannot be read: said, not passed', () => {
    const model = template({
      Access: {
        Type: 'AWS::OpenSearchServerless::AccessPolicy',
        Properties: { Name: 'logs-access', Type: 'data', Policy: '{"Rules": []}' },
      },
    });
    expect(trustFindings(model)).toEqual(['advisory Access - pending']);
  });

  it('Pulumi: aws.opensearch.ServerlessAccessPolicy', () => {
    const model = modelFromPulumiResources([
      pulumiResource('aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy', 'logs-access', {
        name: 'logs-access',
        type: 'data',
        policy: rules([`arn:aws:iam::${OTHER}:role/analyst`]),
      }),
    ]);
    expect(trustFindings(model)).toEqual([`mandatory logs-access Account::${OTHER}`]);
  });
});

describe('Pulumi: principal grants and resource policies of types that were not read', () => {
  it('a layer permission, an endpoint service and its allowed principle, an event permission, an AMI and a snapshot', () => {
    const model = modelFromPulumiResources([
      pulumiResource('aws:lambda/layerVersionPermission:LayerVersionPermission', 'public-layer', {
        layerName: 'shared-utils',
        versionNumber: 3,
        principal: '*',
        action: 'lambda:GetLayerVersion',
        statementId: 'public',
      }),
      pulumiResource('aws:ec2/vpcEndpointService:VpcEndpointService', 'service', {
        acceptanceRequired: false,
        allowedPrincipals: [`arn:aws:iam::${OTHER}:root`],
      }),
      pulumiResource('aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple', 'anyone', {
        vpcEndpointServiceId: 'vpce-svc-0a1b2c3d',
        principalArn: '*',
      }),
      pulumiResource('aws:cloudwatch/eventPermission:EventPermission', 'partner-events', {
        principal: OTHER,
        statementId: 'partner',
      }),
      pulumiResource('aws:ec2/amiLaunchPermission:AmiLaunchPermission', 'public-image', {
        imageId: 'ami-0a1b2c3d',
        group: 'all',
      }),
      pulumiResource('aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission', 'partner-snapshot', {
        snapshotId: 'snap-0a1b2c3d',
        accountId: OTHER,
      }),
    ]);
    const found = trustResults(model);
    expect(found.map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}`)).toEqual([
      `mandatory partner-events Account::${OTHER}`,
      'mandatory public-image Principal::*',
      `mandatory partner-snapshot Account::${OTHER}`,
      `mandatory service Account::${OTHER}`,
      'mandatory anyone Principal::*',
      'mandatory public-layer Principal::*',
    ]);
    expect(found.map((f) => /Action (\S+) on (.+?), (?:and|but) /.exec(f.message)?.slice(1).join(' on '))).toEqual([
      'events:PutEvents on arn:aws:events:<own-region>:<own-account>:event-bus/default',
      'ec2:RunInstances on arn:aws:ec2:<own-region>::image/ami-0a1b2c3d',
      'ec2:CreateVolume on arn:aws:ec2:<own-region>::snapshot/snap-0a1b2c3d',
      'ec2:CreateVpcEndpoint on <Arn of service>',
      'ec2:CreateVpcEndpoint on arn:aws:ec2:<own-region>:<own-account>:vpc-endpoint-service/vpce-svc-0a1b2c3d',
      'lambda:GetLayerVersion on arn:aws:lambda:<own-region>:<own-account>:layer:shared-utils',
    ]);
  });

  it('resource policies of a CodeBuild project, a MediaStore container, an OAM sink, an organization, an SES identity', () => {
    const policy = (action: string) => JSON.stringify(open(action));
    const model = modelFromPulumiResources([
      pulumiResource('aws:codebuild/resourcePolicy:ResourcePolicy', 'project-policy', {
        resourceArn: 'arn:aws:codebuild:eu-west-1:111122223333:project/build',
        policy: policy('codebuild:BatchGetBuilds'),
      }),
      pulumiResource('aws:mediastore/containerPolicy:ContainerPolicy', 'container-policy', {
        containerName: 'media',
        policy: policy('mediastore:GetObject'),
      }),
      pulumiResource('aws:oam/sinkPolicy:SinkPolicy', 'sink-policy', {
        sinkIdentifier: 'arn:aws:oam:eu-west-1:111122223333:sink/s',
        policy: policy('oam:CreateLink'),
      }),
      pulumiResource('aws:organizations/resourcePolicy:ResourcePolicy', 'organization-policy', {
        content: policy('organizations:DescribeOrganization'),
      }),
      pulumiResource('aws:ses/identityPolicy:IdentityPolicy', 'sending', {
        identity: 'example.com',
        name: 'sending',
        policy: policy('ses:SendEmail'),
      }),
    ]);
    expect(trustFindings(model)).toEqual([
      'mandatory project-policy Principal::*',
      'mandatory container-policy Principal::*',
      'mandatory sink-policy Principal::*',
      'mandatory organization-policy Principal::*',
      'mandatory sending Principal::*',
    ]);
  });
});
