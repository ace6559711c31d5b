/**
 * How the audit names a grant that a resource policy makes (src/iam/aws/resource-policy-grants.ts adds it to the
 * identity the policy's Principal names): by the kind of policy its source resource writes, so a reviewer sees that
 * the privilege is written on the bucket, key, queue, topic or secret, not on the identity, and that removing it means
 * editing that resource's policy.
 *
 * Keyed by the resource types the AWS front-ends read resource policies from (src/adapters/aws/resource-policies.ts:
 * CloudFormation's, its policies inside a property (a DynamoDB table's), Lambda permissions, grants to the principals a
 * resource lists (PRINCIPAL_GRANTS), and Pulumi's, which
 * Terraform plans arrive as; aws-native's spelling of a CloudFormation type is named as that type); test/audit/build.test.ts checks the keys are the same. Whether the policy is written on the resource itself (a key's key policy, a queue's own `policy`) comes from
 * that file's `attachedTo`, so the label says `key policy of LedgerKey` rather than `key policy LedgerKey`.
 */
import {
  CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
  CLOUDFORMATION_RESOURCE_POLICIES,
  KMS_GRANTS,
  PRINCIPAL_GRANTS,
  PULUMI_RESOURCE_POLICIES,
  type ResourcePolicyType,
} from '../adapters/aws/resource-policies.js';
import { cloudFormationTypeOfAwsNative } from '../adapters/pulumi/aws-native-resource-policies.js';
import type { ResourceRef } from '../model/model.js';
import { lookupTable } from '../util/records.js';

/** The resource a resource policy is on, as the audit's JSON names it (`AuditGrant.resourcePolicy`). */
export type ResourcePolicyKind =
  | 'bucket'
  | 'access point'
  | 'key'
  | 'queue'
  | 'topic'
  | 'secret'
  | 'table'
  | 'repository'
  | 'function'
  | 'file system'
  | 'domain'
  | 'api'
  | 'event bus'
  | 'stream'
  | 'vault'
  | 'logs'
  | 'log destination'
  | 'registry'
  | 'cluster'
  | 'table bucket'
  | 'workspace'
  | 'traces'
  | 'catalog'
  | 'layer'
  | 'endpoint service'
  | 'organization'
  | 'image'
  | 'snapshot'
  | 'collection'
  /** A policy resource that names what it is on by an ARN of any of several kinds (VPC Lattice, Systems Manager, …). */
  | 'resource';

export const RESOURCE_POLICY_KINDS: Readonly<Record<string, ResourcePolicyKind>> = lookupTable({
  'AWS::S3::BucketPolicy': 'bucket',
  'AWS::KMS::Key': 'key',
  'AWS::KMS::ReplicaKey': 'key',
  'AWS::SQS::QueuePolicy': 'queue',
  'AWS::SQS::QueueInlinePolicy': 'queue',
  'AWS::SNS::TopicPolicy': 'topic',
  'AWS::SNS::TopicInlinePolicy': 'topic',
  'AWS::SecretsManager::ResourcePolicy': 'secret',
  'AWS::S3::AccessPoint': 'access point',
  'AWS::DynamoDB::Table': 'table',
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::ECR::Repository': 'repository',
  'AWS::ECR::PublicRepository': 'repository',
  'AWS::Lambda::Permission': 'function',
  'AWS::EFS::FileSystem': 'file system',
  'AWS::OpenSearchService::Domain': 'domain',
  'AWS::Elasticsearch::Domain': 'domain',
  'AWS::ApiGateway::RestApi': 'api',
  'AWS::Events::EventBus': 'event bus',
  'AWS::Events::EventBusPolicy': 'event bus',
  'AWS::Kinesis::ResourcePolicy': 'stream',
  'AWS::Backup::BackupVault': 'vault',
  'AWS::Backup::LogicallyAirGappedBackupVault': 'vault',
  'AWS::Logs::ResourcePolicy': 'logs',
  'AWS::Logs::Destination': 'log destination',
  'AWS::ECR::RegistryPolicy': 'registry',
  'AWS::CodeArtifact::Domain': 'domain',
  'AWS::CodeArtifact::Repository': 'repository',
  'AWS::S3Express::BucketPolicy': 'bucket',
  'AWS::S3ObjectLambda::AccessPointPolicy': 'access point',
  'AWS::S3Tables::TableBucketPolicy': 'table bucket',
  'AWS::S3Tables::TablePolicy': 'table',
  'AWS::MSK::ClusterPolicy': 'cluster',
  'AWS::EventSchemas::RegistryPolicy': 'registry',
  'AWS::XRay::ResourcePolicy': 'traces',
  'AWS::VpcLattice::ResourcePolicy': 'resource',
  'AWS::SSM::ResourcePolicy': 'resource',
  'AWS::CloudTrail::ResourcePolicy': 'resource',
  'AWS::Lex::ResourcePolicy': 'resource',
  'AWS::Bedrock::ResourcePolicy': 'resource',
  'AWS::BedrockAgentCore::ResourcePolicy': 'resource',
  'AWS::APS::ResourcePolicy': 'workspace',
  'AWS::Lambda::ResourcePolicy': 'function',
  'AWS::Logs::LogGroup': 'logs',
  'AWS::MediaStore::Container': 'resource',
  'AWS::Oam::Sink': 'resource',
  'AWS::Omics::SequenceStore': 'resource',
  'AWS::PaymentCryptography::Key': 'key',
  'AWS::S3Outposts::BucketPolicy': 'bucket',
  'AWS::S3Outposts::AccessPoint': 'access point',
  'AWS::S3Express::AccessPoint': 'access point',
  'AWS::S3::MultiRegionAccessPointPolicy': 'access point',
  'AWS::S3Files::FileSystemPolicy': 'file system',
  'AWS::S3Vectors::VectorBucketPolicy': 'bucket',
  'AWS::SageMaker::ModelPackageGroup': 'resource',
  'AWS::SMSVOICE::ResourcePolicy': 'resource',
  'AWS::VpcLattice::AuthPolicy': 'resource',
  'AWS::Backup::BackupAccessPoint': 'access point',
  'AWS::Bedrock::KnowledgeBasePolicy': 'resource',
  'AWS::DSQL::Cluster': 'cluster',
  'AWS::ApiGateway::DomainNameV2': 'api',
  'AWS::EventsV2::ResourcePolicy': 'event bus',
  'AWS::Comprehend::DocumentClassifier': 'resource',
  'AWS::Comprehend::EntityRecognizer': 'resource',
  'AWS::AIOps::InvestigationGroup': 'resource',
  'AWS::Organizations::ResourcePolicy': 'organization',
  'AWS::OpenSearchServerless::AccessPolicy': 'collection',
  'AWS::ECR::RepositoryCreationTemplate': 'repository',
  'AWS::Redshift::Cluster': 'resource',
  'AWS::RedshiftServerless::Namespace': 'resource',
  'AWS::Lambda::LayerVersionPermission': 'layer',
  'AWS::EC2::VPCEndpointServicePermissions': 'endpoint service',
  'AWS::Logs::DeliveryDestination': 'log destination',
  'AWS::RUM::AppMonitor': 'resource',
  'AWS::LakeFormation::Permissions': 'catalog',
  'AWS::LakeFormation::PrincipalPermissions': 'catalog',
  'AWS::ServiceCatalog::PortfolioShare': 'resource',
  'AWS::LicenseManager::Grant': 'resource',
  'AWS::Signer::ProfilePermission': 'resource',
  'AWS::Redshift::EndpointAuthorization': 'cluster',
  'aws:s3/bucketPolicy:BucketPolicy': 'bucket',
  'aws:s3/bucket:Bucket': 'bucket',
  'aws:s3/bucketV2:BucketV2': 'bucket',
  'aws:kms/key:Key': 'key',
  'aws:kms/replicaKey:ReplicaKey': 'key',
  'aws:kms/keyPolicy:KeyPolicy': 'key',
  'aws:kms/grant:Grant': 'key',
  'aws:sqs/queue:Queue': 'queue',
  'aws:sqs/queuePolicy:QueuePolicy': 'queue',
  'aws:sns/topic:Topic': 'topic',
  'aws:sns/topicPolicy:TopicPolicy': 'topic',
  'aws:secretsmanager/secret:Secret': 'secret',
  'aws:secretsmanager/secretPolicy:SecretPolicy': 'secret',
  'aws:s3/accessPoint:AccessPoint': 'access point',
  'aws:s3control/accessPointPolicy:AccessPointPolicy': 'access point',
  'aws:dynamodb/resourcePolicy:ResourcePolicy': 'table',
  'aws:ecr/repositoryPolicy:RepositoryPolicy': 'repository',
  'aws:ecrpublic/repositoryPolicy:RepositoryPolicy': 'repository',
  'aws:lambda/permission:Permission': 'function',
  'aws:efs/fileSystemPolicy:FileSystemPolicy': 'file system',
  'aws:opensearch/domain:Domain': 'domain',
  'aws:opensearch/domainPolicy:DomainPolicy': 'domain',
  'aws:elasticsearch/domain:Domain': 'domain',
  'aws:elasticsearch/domainPolicy:DomainPolicy': 'domain',
  'aws:apigateway/restApi:RestApi': 'api',
  'aws:apigateway/restApiPolicy:RestApiPolicy': 'api',
  'aws:cloudwatch/eventBusPolicy:EventBusPolicy': 'event bus',
  'aws:backup/vaultPolicy:VaultPolicy': 'vault',
  'aws:glacier/vault:Vault': 'vault',
  'aws:kinesis/resourcePolicy:ResourcePolicy': 'stream',
  'aws:cloudwatch/logResourcePolicy:LogResourcePolicy': 'logs',
  'aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy': 'log destination',
  'aws:ecr/registryPolicy:RegistryPolicy': 'registry',
  'aws:codeartifact/domainPermissions:DomainPermissions': 'domain',
  'aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy': 'repository',
  'aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy': 'access point',
  'aws:msk/clusterPolicy:ClusterPolicy': 'cluster',
  'aws:schemas/registryPolicy:RegistryPolicy': 'registry',
  'aws:xray/resourcePolicy:ResourcePolicy': 'traces',
  'aws:vpclattice/resourcePolicy:ResourcePolicy': 'resource',
  'aws:glue/resourcePolicy:ResourcePolicy': 'catalog',
  'aws:redshift/resourcePolicy:ResourcePolicy': 'resource',
  'aws:redshiftserverless/resourcePolicy:ResourcePolicy': 'resource',
  'aws:acmpca/policy:Policy': 'resource',
  'aws:amp/resourcePolicy:ResourcePolicy': 'workspace',
  'aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy': 'resource',
  'aws:codebuild/resourcePolicy:ResourcePolicy': 'resource',
  'aws:dsql/clusterPolicy:ClusterPolicy': 'cluster',
  'aws:apigateway/domainName:DomainName': 'api',
  'aws:networkfirewall/resourcePolicy:ResourcePolicy': 'resource',
  'aws:oam/sinkPolicy:SinkPolicy': 'resource',
  'aws:opensearchingest/resourcePolicy:ResourcePolicy': 'resource',
  'aws:organizations/resourcePolicy:ResourcePolicy': 'organization',
  'aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy': 'resource',
  'aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy': 'file system',
  'aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy': 'bucket',
  'aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy': 'resource',
  'aws:s3control/bucketPolicy:BucketPolicy': 'bucket',
  'aws:s3tables/tableBucketPolicy:TableBucketPolicy': 'table bucket',
  'aws:s3tables/tablePolicy:TablePolicy': 'table',
  'aws:ses/identityPolicy:IdentityPolicy': 'resource',
  'aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy': 'resource',
  'aws:mediastore/containerPolicy:ContainerPolicy': 'resource',
  'aws:vpclattice/authPolicy:AuthPolicy': 'resource',
  'aws:kms/externalKey:ExternalKey': 'key',
  'aws:kms/replicaExternalKey:ReplicaExternalKey': 'key',
  'aws:lambda/resourcePolicy:ResourcePolicy': 'function',
  'aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy': 'resource',
  'aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy': 'collection',
  'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate': 'repository',
  'aws:lambda/layerVersionPermission:LayerVersionPermission': 'layer',
  'aws:ec2/vpcEndpointService:VpcEndpointService': 'endpoint service',
  'aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple': 'endpoint service',
  'aws:signer/signingProfilePermission:SigningProfilePermission': 'resource',
  'aws:redshift/endpointAuthorization:EndpointAuthorization': 'cluster',
  'aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess': 'domain',
  'aws:cloudwatch/eventPermission:EventPermission': 'event bus',
  'aws:ec2/amiLaunchPermission:AmiLaunchPermission': 'image',
  'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission': 'snapshot',
  'aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy': 'log destination',
  'aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy': 'access point',
  'aws:lakeformation/permissions:Permissions': 'catalog',
  'aws:servicecatalog/portfolioShare:PortfolioShare': 'resource',
  'aws:licensemanager/licenseGrant:LicenseGrant': 'resource',
  'AWS::CodeGuruProfiler::ProfilingGroup': 'resource',
  'AWS::Config::AggregationAuthorization': 'resource',
  'aws:cfg/aggregateAuthorization:AggregateAuthorization': 'resource',
  'AWS::Lightsail::Bucket': 'bucket',
  'AWS::MediaConnect::FlowEntitlement': 'resource',
  // QuickSight's permission lists, every type of them.
  ...Object.fromEntries(
    Object.keys(PRINCIPAL_GRANTS)
      .filter((type) => type.startsWith('AWS::QuickSight::') || type.startsWith('aws:quicksight/'))
      .map((type) => [type, 'resource' as const]),
  ),
});

const READ_FROM: Readonly<Record<string, ResourcePolicyType>> = lookupTable({
  ...CLOUDFORMATION_RESOURCE_POLICIES,
  ...PULUMI_RESOURCE_POLICIES,
});

/** The kind and label of a grant whose source writes a resource policy; undefined for any other source. */
export function resourcePolicyLabel(source: ResourceRef): { kind: ResourcePolicyKind; label: string } | undefined {
  // aws-native's spelling of a CloudFormation type is named as that type is.
  const type = cloudFormationTypeOfAwsNative(source.type) ?? source.type;
  const kind = Object.hasOwn(RESOURCE_POLICY_KINDS, type) ? RESOURCE_POLICY_KINDS[type] : undefined;
  if (kind === undefined) return undefined;
  // A KMS grant is not a statement of the key's policy: it is named as the grant it is.
  if (Object.hasOwn(KMS_GRANTS, type)) return { kind, label: `${kind} grant ${source.name}` };
  const onItself =
    READ_FROM[type]?.attachedTo.kind === 'self' ||
    (Object.hasOwn(PRINCIPAL_GRANTS, type) && PRINCIPAL_GRANTS[type]?.attachedTo.kind === 'self') ||
    Object.hasOwn(CLOUDFORMATION_NESTED_RESOURCE_POLICIES, type);
  return { kind, label: `${kind} policy ${onItself ? 'of ' : ''}${source.name}` };
}
