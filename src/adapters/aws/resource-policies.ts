/**
 * The AWS resources whose resource-based policy can grant the change's own roles and users what their identity
 * policies do not (iam/aws/resource-policy-grants.ts): S3 buckets and access points, KMS keys, SQS queues, SNS topics,
 * Secrets Manager secrets (a secret's policy is trust as well, which restrict-trust judges; what it grants the change's
 * own roles is judged as theirs), DynamoDB tables and streams, ECR repositories (private and public), Lambda functions, EFS file systems,
 * OpenSearch and Elasticsearch domains, API Gateway REST APIs, EventBridge event buses, Kinesis data streams and
 * consumers, Backup vaults and Glacier vaults; CloudWatch Logs resource policies and log destinations, ECR's registry
 * policy, CodeArtifact domains and repositories, S3 Express directory buckets, S3 Object Lambda access points, S3 Tables
 * table buckets and tables, MSK clusters, EventBridge schema registries, X-Ray, VPC Lattice, Systems Manager, CloudTrail,
 * Lex, Bedrock, Bedrock AgentCore, Managed Prometheus, Lambda's ResourcePolicy resource, Glue's Data Catalog and
 * Redshift (provisioned and Serverless, and a namespace's own policy); and the rest of the class, found by reading every
 * aws-cdk-lib L1 class's and every @pulumi/aws resource's arguments for a documented resource-based or access policy:
 * log groups, MediaStore containers, OAM sinks, Omics sequence stores, Payment Cryptography keys, S3 on Outposts, S3
 * Express access points, multi-region access points, S3 Files, S3 Vectors, S3 Access Grants, SageMaker model package
 * groups, End User Messaging, VPC Lattice auth policies, Backup access points, Bedrock knowledge bases, Aurora DSQL,
 * API Gateway domain names, EventBridge's EventsV2 resource policy, Comprehend models, AIOps investigation groups, an
 * organization's resource policy, ECR repository creation templates, Private CA, CodeBuild, Network Firewall,
 * OpenSearch Ingestion, SES identities and KMS keys with imported material. Resources that grant the principals they
 * list without a policy document (a layer version's permission, an endpoint service's allowed principals, …) are
 * PRINCIPAL_GRANTS, below.
 * Every AWS front-end reads the same facts: CloudFormation (to-model.ts) and Pulumi (aws.ts), and Terraform through
 * Pulumi's records (providers.ts).
 *
 * A policy that lets `*` or another account in passed unseen while these were not read; a statement naming a role of
 * the change is read as a grant to it as any resource policy's is (within one account a resource-based policy's allow
 * suffices: IAM User Guide, "Policy evaluation logic"), which may read it wider than the service honours it (a Logs
 * resource policy is documented for services delivering logs and for other accounts): a grant read wider fails closed.
 *
 * OpenSearch Serverless data access policies are no IAM documents: they are read as the statements they stand for
 * (openSearchServerlessAccessDocument).
 *
 * Read since: a log delivery destination's policy and a RUM app monitor's (CloudFormation, inside a property:
 * CLOUDFORMATION_NESTED_RESOURCE_POLICIES; Pulumi's LogDeliveryDestinationPolicy), a multi-region access point policy
 * in Pulumi and Terraform (`details.policy`: ResourcePolicyType `within`), Lake Formation permissions, Service Catalog
 * portfolio shares, License Manager grants and QuickSight permissions (PRINCIPAL_GRANTS). Not read: Verified Access
 * policies (Cedar, not IAM, and they name no AWS principal: who may reach the endpoint is the trust provider's users),
 * a QuickSight dashboard's link-sharing permissions, Global Accelerator cross-account attachments (their principals may
 * be accelerators' ARNs, which name no account this check can judge) and Service Catalog portfolio principal
 * associations (IAM principals of the accounts the portfolio is in, or IAM_PATTERN names of no account: the share is
 * what lets another account in, and is read). CodeGuru Profiler agent permissions, Config aggregation
 * authorizations, Lightsail buckets' read-only accounts and MediaConnect entitlements are PRINCIPAL_GRANTS. Glue's Data Catalog policy and
 * Redshift's resource policies have no CloudFormation resource (aws-cdk-lib 2.276.0 has no glue.CfnResourcePolicy,
 * redshift.CfnResourcePolicy or redshiftserverless.CfnResourcePolicy): read from Pulumi and Terraform only, as are
 * the Pulumi-only types of the class above.
 *
 * Property names as the CloudFormation resource schemas spell them (aws-cdk-lib 2.276.0's L1 classes, generated from
 * those schemas: CfnBucketPolicy, CfnAccessPoint, CfnKey, CfnReplicaKey, CfnQueuePolicy, CfnQueueInlinePolicy,
 * CfnTopicPolicy, CfnTopicInlinePolicy, secretsmanager's CfnResourcePolicy, dynamodb's CfnTable and CfnGlobalTable,
 * ecr's CfnRepository and CfnPublicRepository, lambda's CfnPermission, efs's CfnFileSystem, opensearchservice's and elasticsearch's CfnDomain,
 * apigateway's CfnRestApi, events' CfnEventBus and CfnEventBusPolicy, kinesis' CfnResourcePolicy, backup's CfnBackupVault and CfnLogicallyAirGappedBackupVault,
 * logs' CfnResourcePolicy and CfnDestination, ecr's CfnRegistryPolicy, codeartifact's CfnDomain and CfnRepository,
 * s3express' CfnBucketPolicy, s3objectlambda's CfnAccessPointPolicy, s3tables' CfnTableBucketPolicy and CfnTablePolicy,
 * msk's CfnClusterPolicy, eventschemas' CfnRegistryPolicy, the CfnResourcePolicy of xray, vpclattice, ssm, cloudtrail,
 * lex, bedrock, bedrockagentcore, aps and lambda; Glacier has no CloudFormation resource) and as @pulumi/aws 7 spells them (s3.BucketPolicy, s3.AccessPoint,
 * s3control.AccessPointPolicy, kms.Key, kms.ReplicaKey, kms.KeyPolicy, sqs.QueuePolicy, sqs.Queue, sns.TopicPolicy,
 * sns.Topic, secretsmanager.SecretPolicy, secretsmanager.Secret, dynamodb.ResourcePolicy, ecr.RepositoryPolicy,
 * ecrpublic.RepositoryPolicy,
 * lambda.Permission, efs.FileSystemPolicy, opensearch.Domain and DomainPolicy, elasticsearch.Domain and DomainPolicy,
 * apigateway.RestApi and RestApiPolicy, cloudwatch.EventBusPolicy, kinesis.ResourcePolicy, backup.VaultPolicy,
 * glacier.Vault, cloudwatch.LogResourcePolicy and LogDestinationPolicy, ecr.RegistryPolicy, codeartifact.DomainPermissions
 * and RepositoryPermissionsPolicy, s3control.ObjectLambdaAccessPointPolicy, msk.ClusterPolicy, schemas.RegistryPolicy,
 * and the ResourcePolicy of xray, vpclattice, glue, redshift and redshiftserverless). Pulumi's aws-native provider
 * writes CloudFormation's types: the Pulumi adapter reads each CloudFormation table in aws-native's spelling
 * (pulumi/aws-native-resource-policies.ts).
 */

import { OWN_ACCOUNT, OWN_REGION, PARTITION } from '../../model/deployment.js';
import { isUnknown, unknownValue, type PolicyValue } from '../../model/model.js';
import { EACH, type PathStep } from './compute-roles.js';
import { isRecord, lookupTable } from '../../util/records.js';

/** How the resources a policy is attached to are named: what `Resource: "*"` in it means. */
export type AttachedBy =
  /** The resource that writes the policy is the one it is on (a key and its key policy). */
  | { kind: 'self' }
  /**
   * A property holding a bucket name, a queue URL, an ARN, or the name or id of a resource in the deployment's own
   * account and region (NAMED_IN_OWN_ACCOUNT) (`list`: a list of them).
   */
  | { kind: 'bucket-name' | 'queue-url' | 'arn' | NamedInOwnAccount; property: string; list?: true }
  /**
   * A policy of the account's (and region's) resources of a service, not of one of them (a Logs resource policy, ECR's
   * registry policy): `Resource: "*"` is every such resource (ACCOUNT_RESOURCES).
   */
  | { kind: 'account'; resources: AccountResources };

/** The kinds of AttachedBy that name the resource by a property. */
export type NamedBy = Extract<AttachedBy, { property: string }>['kind'];

/**
 * Resources a policy resource names by name or id, and the ARN that is in the account and region the change is deployed
 * to (Service Authorization Reference's resource types: ECR `repository`, ECR Public `repository`, EFS `file-system`, OpenSearch and
 * Elasticsearch `domain` (both `es`), API Gateway's `execute-api` API, EventBridge `event-bus`, Backup `backupVault`).
 * A value that is already an ARN is kept.
 */
const NAMED_IN_OWN_ACCOUNT = {
  'repository-name': (name: string) => `arn:${PARTITION}:ecr:${OWN_REGION}:${OWN_ACCOUNT}:repository/${name}`,
  // A public repository's ARN has no region (ecr-public is global, served from us-east-1).
  'public-repository-name': (name: string) => `arn:${PARTITION}:ecr-public::${OWN_ACCOUNT}:repository/${name}`,
  'file-system-id': (id: string) => `arn:${PARTITION}:elasticfilesystem:${OWN_REGION}:${OWN_ACCOUNT}:file-system/${id}`,
  'domain-name': (name: string) => `arn:${PARTITION}:es:${OWN_REGION}:${OWN_ACCOUNT}:domain/${name}`,
  // Every stage, method and path of the API.
  'rest-api-id': (id: string) => `arn:${PARTITION}:execute-api:${OWN_REGION}:${OWN_ACCOUNT}:${id}/*`,
  'event-bus-name': (name: string) => `arn:${PARTITION}:events:${OWN_REGION}:${OWN_ACCOUNT}:event-bus/${name}`,
  'backup-vault-name': (name: string) => `arn:${PARTITION}:backup:${OWN_REGION}:${OWN_ACCOUNT}:backup-vault:${name}`,
  // S3 Express `bucket`, S3 Object Lambda `accesspoint`, CloudWatch Logs `destination`, EventBridge Schemas `registry`,
  // CodeArtifact `domain`.
  'directory-bucket-name': (name: string) => `arn:${PARTITION}:s3express:${OWN_REGION}:${OWN_ACCOUNT}:bucket/${name}`,
  'object-lambda-access-point-name': (name: string) =>
    `arn:${PARTITION}:s3-object-lambda:${OWN_REGION}:${OWN_ACCOUNT}:accesspoint/${name}`,
  'log-destination-name': (name: string) => `arn:${PARTITION}:logs:${OWN_REGION}:${OWN_ACCOUNT}:destination:${name}`,
  'schema-registry-name': (name: string) => `arn:${PARTITION}:schemas:${OWN_REGION}:${OWN_ACCOUNT}:registry/${name}`,
  'codeartifact-domain-name': (name: string) =>
    `arn:${PARTITION}:codeartifact:${OWN_REGION}:${OWN_ACCOUNT}:domain/${name}`,
  // A KMS grant's key: its key id, or an ARN (another account's key is named by ARN: KMS API Reference, CreateGrant).
  'kms-key-id': (id: string) => `arn:${PARTITION}:kms:${OWN_REGION}:${OWN_ACCOUNT}:key/${id}`,
  // Lambda `layer` (every version of it), EC2 `vpc-endpoint-service`, Signer `signing-profile`, Redshift `cluster`,
  // MediaStore `container`, SageMaker `model-package-group`, Aurora DSQL `cluster`, CloudWatch Observability Access
  // Manager `sink` (its id), SES `identity` (an email address or a domain).
  'lambda-layer-name': (name: string) => `arn:${PARTITION}:lambda:${OWN_REGION}:${OWN_ACCOUNT}:layer:${name}`,
  'vpc-endpoint-service-id': (id: string) =>
    `arn:${PARTITION}:ec2:${OWN_REGION}:${OWN_ACCOUNT}:vpc-endpoint-service/${id}`,
  'signing-profile-name': (name: string) =>
    `arn:${PARTITION}:signer:${OWN_REGION}:${OWN_ACCOUNT}:/signing-profiles/${name}`,
  'redshift-cluster-identifier': (id: string) => `arn:${PARTITION}:redshift:${OWN_REGION}:${OWN_ACCOUNT}:cluster:${id}`,
  'mediastore-container-name': (name: string) =>
    `arn:${PARTITION}:mediastore:${OWN_REGION}:${OWN_ACCOUNT}:container/${name}`,
  'model-package-group-name': (name: string) =>
    `arn:${PARTITION}:sagemaker:${OWN_REGION}:${OWN_ACCOUNT}:model-package-group/${name}`,
  'dsql-cluster-id': (id: string) => `arn:${PARTITION}:dsql:${OWN_REGION}:${OWN_ACCOUNT}:cluster/${id}`,
  'oam-sink-id': (id: string) => `arn:${PARTITION}:oam:${OWN_REGION}:${OWN_ACCOUNT}:sink/${id}`,
  // Managed Service for Prometheus `workspace`.
  'aps-workspace-id': (id: string) => `arn:${PARTITION}:aps:${OWN_REGION}:${OWN_ACCOUNT}:workspace/${id}`,
  // EC2 `image` and `snapshot` (neither names an account: EC2 keeps both in the Region's catalog).
  'ami-id': (id: string) => `arn:${PARTITION}:ec2:${OWN_REGION}::image/${id}`,
  'snapshot-id': (id: string) => `arn:${PARTITION}:ec2:${OWN_REGION}::snapshot/${id}`,
  'ses-identity': (identity: string) => `arn:${PARTITION}:ses:${OWN_REGION}:${OWN_ACCOUNT}:identity/${identity}`,
  // CloudWatch Logs `delivery-destination`, Service Catalog `Portfolio` (service prefix `catalog`).
  'log-delivery-destination-name': (name: string) =>
    `arn:${PARTITION}:logs:${OWN_REGION}:${OWN_ACCOUNT}:delivery-destination:${name}`,
  'servicecatalog-portfolio-id': (id: string) =>
    `arn:${PARTITION}:catalog:${OWN_REGION}:${OWN_ACCOUNT}:portfolio/${id}`,
} as const;
type NamedInOwnAccount = keyof typeof NAMED_IN_OWN_ACCOUNT;

/**
 * What `Resource: "*"` is in a policy of the account's resources of a service (Service Authorization Reference's
 * resource types): every log group, stream and destination; every private repository (ECR's registry policy grants
 * replication and pull-through cache on them); `*` for X-Ray; every Data Catalog resource; every CodeArtifact
 * repository (Pulumi's RepositoryPermissionsPolicy names its repository by domain and name in two arguments: read as any
 * repository of the account, which is wider, never narrower).
 */
const ACCOUNT_RESOURCES = {
  logs: `arn:${PARTITION}:logs:${OWN_REGION}:${OWN_ACCOUNT}:*`,
  'ecr-registry': `arn:${PARTITION}:ecr:${OWN_REGION}:${OWN_ACCOUNT}:repository/*`,
  // X-Ray's trace actions (xray:PutTraceSegments) have no resource type: only `*` names what they act on.
  xray: '*',
  'glue-catalog': `arn:${PARTITION}:glue:${OWN_REGION}:${OWN_ACCOUNT}:*`,
  'codeartifact-repositories': `arn:${PARTITION}:codeartifact:${OWN_REGION}:${OWN_ACCOUNT}:repository/*`,
  // An organization's resource policy (Organizations' `organization`, `account`, `ou`, `policy` resources, whose ARNs
  // name the management account): it is the organization's, not one resource's.
  organization: `arn:${PARTITION}:organizations::${OWN_ACCOUNT}:*`,
  // A multi-region access point's policy names the point by its name, its ARN by an alias S3 generates: read as on any
  // of the account's (S3 `accesspoint` of `arn:aws:s3::<account>:accesspoint/<alias>`), wider, never narrower.
  's3-multi-region-access-points': `arn:${PARTITION}:s3::${OWN_ACCOUNT}:accesspoint/*`,
  // Every OpenSearch Serverless collection and index of the account and region (a data access policy names them by
  // patterns of names in its rules, read as any of them, wider, never narrower).
  'opensearch-serverless': `arn:${PARTITION}:aoss:${OWN_REGION}:${OWN_ACCOUNT}:*`,
  // S3 Access Grants' instance of the account and region.
  's3-access-grants': `arn:${PARTITION}:s3:${OWN_REGION}:${OWN_ACCOUNT}:access-grants/default`,
} as const;
type AccountResources = keyof typeof ACCOUNT_RESOURCES;

/** The resources a policy of the account's resources of a service is on (ACCOUNT_RESOURCES). */
export function accountResourcesArn(resources: AccountResources): string {
  return ACCOUNT_RESOURCES[resources];
}

export interface ResourcePolicyType {
  /** The property holding the policy document. */
  document: string;
  attachedTo: AttachedBy;
  /**
   * The document is not an IAM policy but an OpenSearch Serverless data access policy, read as the IAM statements it
   * stands for (openSearchServerlessAccessDocument).
   */
  form?: 'opensearch-serverless-access';
  /**
   * The property holding the object the document is a property of (Pulumi's multi-region access point policy:
   * `details.policy`). CloudFormation's policies inside a property are CLOUDFORMATION_NESTED_RESOURCE_POLICIES.
   */
  within?: string;
}

export const CLOUDFORMATION_RESOURCE_POLICIES: Readonly<Record<string, ResourcePolicyType>> = {
  'AWS::S3::BucketPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'bucket-name', property: 'Bucket' },
  },
  'AWS::KMS::Key': { document: 'KeyPolicy', attachedTo: { kind: 'self' } },
  'AWS::KMS::ReplicaKey': { document: 'KeyPolicy', attachedTo: { kind: 'self' } },
  'AWS::SQS::QueuePolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'queue-url', property: 'Queues', list: true },
  },
  'AWS::SQS::QueueInlinePolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'queue-url', property: 'Queue' },
  },
  'AWS::SNS::TopicPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'arn', property: 'Topics', list: true },
  },
  'AWS::SNS::TopicInlinePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'TopicArn' } },
  // SecretId: the secret's ARN (what Ref of an AWS::SecretsManager::Secret returns) or its name.
  'AWS::SecretsManager::ResourcePolicy': {
    document: 'ResourcePolicy',
    attachedTo: { kind: 'arn', property: 'SecretId' },
  },
  'AWS::S3::AccessPoint': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::ECR::Repository': { document: 'RepositoryPolicyText', attachedTo: { kind: 'self' } },
  // Anyone may pull from a public repository; its policy grants the rest (pushing, deleting images).
  'AWS::ECR::PublicRepository': { document: 'RepositoryPolicyText', attachedTo: { kind: 'self' } },
  'AWS::EFS::FileSystem': { document: 'FileSystemPolicy', attachedTo: { kind: 'self' } },
  'AWS::OpenSearchService::Domain': { document: 'AccessPolicies', attachedTo: { kind: 'self' } },
  'AWS::Elasticsearch::Domain': { document: 'AccessPolicies', attachedTo: { kind: 'self' } },
  // A REST API's policy usually names its methods as `execute-api:/<stage>/<verb>/<path>`, which API Gateway expands.
  'AWS::ApiGateway::RestApi': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::Events::EventBus': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::Backup::BackupVault': { document: 'AccessPolicy', attachedTo: { kind: 'self' } },
  'AWS::Backup::LogicallyAirGappedBackupVault': { document: 'AccessPolicy', attachedTo: { kind: 'self' } },
  // ResourceArn: a data stream's or a stream consumer's ARN.
  'AWS::Kinesis::ResourcePolicy': { document: 'ResourcePolicy', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  // PolicyDocument is a JSON string (CfnResourcePolicyProps.policyDocument: string), often an Fn::Sub.
  'AWS::Logs::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'account', resources: 'logs' } },
  'AWS::Logs::Destination': { document: 'DestinationPolicy', attachedTo: { kind: 'self' } },
  'AWS::ECR::RegistryPolicy': { document: 'PolicyText', attachedTo: { kind: 'account', resources: 'ecr-registry' } },
  'AWS::CodeArtifact::Domain': { document: 'PermissionsPolicyDocument', attachedTo: { kind: 'self' } },
  'AWS::CodeArtifact::Repository': { document: 'PermissionsPolicyDocument', attachedTo: { kind: 'self' } },
  'AWS::S3Express::BucketPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'directory-bucket-name', property: 'Bucket' },
  },
  'AWS::S3ObjectLambda::AccessPointPolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'object-lambda-access-point-name', property: 'ObjectLambdaAccessPoint' },
  },
  'AWS::S3Tables::TableBucketPolicy': {
    document: 'ResourcePolicy',
    attachedTo: { kind: 'arn', property: 'TableBucketARN' },
  },
  'AWS::S3Tables::TablePolicy': { document: 'ResourcePolicy', attachedTo: { kind: 'arn', property: 'TableARN' } },
  'AWS::MSK::ClusterPolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ClusterArn' } },
  'AWS::EventSchemas::RegistryPolicy': {
    document: 'Policy',
    attachedTo: { kind: 'schema-registry-name', property: 'RegistryName' },
  },
  'AWS::XRay::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'account', resources: 'xray' } },
  'AWS::VpcLattice::ResourcePolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  'AWS::SSM::ResourcePolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  'AWS::CloudTrail::ResourcePolicy': {
    document: 'ResourcePolicy',
    attachedTo: { kind: 'arn', property: 'ResourceArn' },
  },
  'AWS::Lex::ResourcePolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  'AWS::Bedrock::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  'AWS::BedrockAgentCore::ResourcePolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  'AWS::APS::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'WorkspaceArn' } },
  // A function's policy written whole (ResourceArn: the function's ARN), beside the statement a Permission adds.
  'AWS::Lambda::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  // Resources whose schema documents a resource-based policy property (aws-cdk-lib 2.276.0's L1 props: "resource-based
  // policy", "resource policy", "access policy"), found by reading every L1 class's props, not picked one by one. A log
  // group's own policy (for services delivering logs, or another account).
  'AWS::Logs::LogGroup': { document: 'ResourcePolicyDocument', attachedTo: { kind: 'self' } },
  // A JSON string (CfnContainerProps.policy: string).
  'AWS::MediaStore::Container': { document: 'Policy', attachedTo: { kind: 'self' } },
  // Which source accounts may link to the sink (CloudWatch cross-account observability).
  'AWS::Oam::Sink': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::Omics::SequenceStore': { document: 'S3AccessPolicy', attachedTo: { kind: 'self' } },
  'AWS::PaymentCryptography::Key': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::S3Outposts::BucketPolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'Bucket' } },
  'AWS::S3Outposts::AccessPoint': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::S3Express::AccessPoint': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::S3::MultiRegionAccessPointPolicy': {
    document: 'Policy',
    attachedTo: { kind: 'account', resources: 's3-multi-region-access-points' },
  },
  // FileSystemId: the S3 Files file system's id or ARN; VectorBucketArn (or VectorBucketName): the vector bucket.
  'AWS::S3Files::FileSystemPolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'FileSystemId' } },
  'AWS::S3Vectors::VectorBucketPolicy': {
    document: 'Policy',
    attachedTo: { kind: 'arn', property: 'VectorBucketArn' },
  },
  'AWS::SageMaker::ModelPackageGroup': { document: 'ModelPackageGroupPolicy', attachedTo: { kind: 'self' } },
  'AWS::SMSVOICE::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'ResourceArn' } },
  // ResourceIdentifier: a VPC Lattice service's or service network's id or ARN.
  'AWS::VpcLattice::AuthPolicy': { document: 'Policy', attachedTo: { kind: 'arn', property: 'ResourceIdentifier' } },
  'AWS::Backup::BackupAccessPoint': { document: 'AccessPointPolicy', attachedTo: { kind: 'self' } },
  'AWS::Bedrock::KnowledgeBasePolicy': {
    document: 'PolicyDocument',
    attachedTo: { kind: 'arn', property: 'KnowledgeBaseId' },
  },
  'AWS::DSQL::Cluster': { document: 'PolicyDocument', attachedTo: { kind: 'self' } },
  // A private custom domain name's policy (execute-api:Invoke on it).
  'AWS::ApiGateway::DomainNameV2': { document: 'Policy', attachedTo: { kind: 'self' } },
  'AWS::EventsV2::ResourcePolicy': { document: 'PolicyDocument', attachedTo: { kind: 'arn', property: 'EventBusArn' } },
  // A custom model's policy lets other accounts import it.
  'AWS::Comprehend::DocumentClassifier': { document: 'ModelPolicy', attachedTo: { kind: 'self' } },
  'AWS::Comprehend::EntityRecognizer': { document: 'ModelPolicy', attachedTo: { kind: 'self' } },
  'AWS::AIOps::InvestigationGroup': { document: 'InvestigationGroupPolicy', attachedTo: { kind: 'self' } },
  'AWS::Organizations::ResourcePolicy': {
    document: 'Content',
    attachedTo: { kind: 'account', resources: 'organization' },
  },
  // The policy every repository the template creates gets (its Prefix): read as on any repository of the account.
  // A data access policy (a JSON list of rules, not an IAM document): openSearchServerlessAccessDocument.
  'AWS::OpenSearchServerless::AccessPolicy': {
    document: 'Policy',
    attachedTo: { kind: 'account', resources: 'opensearch-serverless' },
    form: 'opensearch-serverless-access',
  },
  'AWS::ECR::RepositoryCreationTemplate': {
    document: 'RepositoryPolicy',
    attachedTo: { kind: 'account', resources: 'ecr-registry' },
  },
};

/**
 * The same resources in @pulumi/aws 7.48.0, and through Pulumi's records in Terraform. A queue, topic or key also takes
 * its policy as its own `policy` argument. `keyId` of kms.KeyPolicy is a key id or ARN; what is not an ARN stays Unknown.
 */
export const PULUMI_RESOURCE_POLICIES: Readonly<Record<string, ResourcePolicyType>> = lookupTable({
  'aws:s3/bucketPolicy:BucketPolicy': { document: 'policy', attachedTo: { kind: 'bucket-name', property: 'bucket' } },
  // A bucket's own `policy` (deprecated for aws.s3.BucketPolicy, still read by the provider: @pulumi/aws 7.48.0
  // `s3/bucket.d.ts` and `s3/bucketV2.d.ts`, `policy?: pulumi.Input<string | PolicyDocument>`), as Terraform's
  // `aws_s3_bucket` `policy` argument of AWS providers before 4 is bridged.
  'aws:s3/bucket:Bucket': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:s3/bucketV2:BucketV2': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/key:Key': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/replicaKey:ReplicaKey': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/keyPolicy:KeyPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'keyId' } },
  'aws:sqs/queue:Queue': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:sqs/queuePolicy:QueuePolicy': { document: 'policy', attachedTo: { kind: 'queue-url', property: 'queueUrl' } },
  'aws:sns/topic:Topic': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:sns/topicPolicy:TopicPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'arn' } },
  'aws:secretsmanager/secret:Secret': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:secretsmanager/secretPolicy:SecretPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'secretArn' },
  },
  'aws:s3/accessPoint:AccessPoint': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:s3control/accessPointPolicy:AccessPointPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'accessPointArn' },
  },
  // `resourceArn`: the table's or its stream's ARN.
  'aws:dynamodb/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  // `repository`, `fileSystemId`, `domainName`, `restApiId`, `eventBusName` and `backupVaultName` are names or ids (an
  // event bus's may be its ARN): the resource of that name in the own account and region.
  'aws:ecr/repositoryPolicy:RepositoryPolicy': {
    document: 'policy',
    attachedTo: { kind: 'repository-name', property: 'repository' },
  },
  'aws:ecrpublic/repositoryPolicy:RepositoryPolicy': {
    document: 'policy',
    attachedTo: { kind: 'public-repository-name', property: 'repositoryName' },
  },
  'aws:efs/fileSystemPolicy:FileSystemPolicy': {
    document: 'policy',
    attachedTo: { kind: 'file-system-id', property: 'fileSystemId' },
  },
  'aws:opensearch/domain:Domain': { document: 'accessPolicies', attachedTo: { kind: 'self' } },
  'aws:opensearch/domainPolicy:DomainPolicy': {
    document: 'accessPolicies',
    attachedTo: { kind: 'domain-name', property: 'domainName' },
  },
  'aws:elasticsearch/domain:Domain': { document: 'accessPolicies', attachedTo: { kind: 'self' } },
  'aws:elasticsearch/domainPolicy:DomainPolicy': {
    document: 'accessPolicies',
    attachedTo: { kind: 'domain-name', property: 'domainName' },
  },
  'aws:apigateway/restApi:RestApi': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:apigateway/restApiPolicy:RestApiPolicy': {
    document: 'policy',
    attachedTo: { kind: 'rest-api-id', property: 'restApiId' },
  },
  'aws:cloudwatch/eventBusPolicy:EventBusPolicy': {
    document: 'policy',
    attachedTo: { kind: 'event-bus-name', property: 'eventBusName' },
  },
  'aws:backup/vaultPolicy:VaultPolicy': {
    document: 'policy',
    attachedTo: { kind: 'backup-vault-name', property: 'backupVaultName' },
  },
  'aws:glacier/vault:Vault': { document: 'accessPolicy', attachedTo: { kind: 'self' } },
  'aws:kinesis/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  // An account-scoped policy (`policyName`); one with `resourceArn` is on that log group, read as on any of the account's.
  'aws:cloudwatch/logResourcePolicy:LogResourcePolicy': {
    document: 'policyDocument',
    attachedTo: { kind: 'account', resources: 'logs' },
  },
  'aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy': {
    document: 'accessPolicy',
    attachedTo: { kind: 'log-destination-name', property: 'destinationName' },
  },
  'aws:ecr/registryPolicy:RegistryPolicy': {
    document: 'policy',
    attachedTo: { kind: 'account', resources: 'ecr-registry' },
  },
  'aws:codeartifact/domainPermissions:DomainPermissions': {
    document: 'policyDocument',
    attachedTo: { kind: 'codeartifact-domain-name', property: 'domain' },
  },
  'aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy': {
    document: 'policyDocument',
    attachedTo: { kind: 'account', resources: 'codeartifact-repositories' },
  },
  'aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy': {
    document: 'policy',
    attachedTo: { kind: 'object-lambda-access-point-name', property: 'name' },
  },
  'aws:msk/clusterPolicy:ClusterPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'clusterArn' } },
  'aws:schemas/registryPolicy:RegistryPolicy': {
    document: 'policy',
    attachedTo: { kind: 'schema-registry-name', property: 'registryName' },
  },
  'aws:xray/resourcePolicy:ResourcePolicy': {
    document: 'policyDocument',
    attachedTo: { kind: 'account', resources: 'xray' },
  },
  'aws:vpclattice/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:glue/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'account', resources: 'glue-catalog' },
  },
  'aws:redshift/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:redshiftserverless/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  // The same class in @pulumi/aws 7.48.0 (each resource's Args documented as a resource-based or access policy), and
  // CloudFormation's above where Pulumi has them.
  'aws:acmpca/policy:Policy': { document: 'policy', attachedTo: { kind: 'arn', property: 'resourceArn' } },
  'aws:amp/resourcePolicy:ResourcePolicy': {
    document: 'policyDocument',
    attachedTo: { kind: 'aps-workspace-id', property: 'workspaceId' },
  },
  'aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  // A CodeBuild project's or report group's policy (sharing it with other accounts).
  'aws:codebuild/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:dsql/clusterPolicy:ClusterPolicy': {
    document: 'policy',
    attachedTo: { kind: 'dsql-cluster-id', property: 'identifier' },
  },
  'aws:apigateway/domainName:DomainName': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:networkfirewall/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:oam/sinkPolicy:SinkPolicy': {
    document: 'policy',
    attachedTo: { kind: 'oam-sink-id', property: 'sinkIdentifier' },
  },
  'aws:opensearchingest/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:organizations/resourcePolicy:ResourcePolicy': {
    document: 'content',
    attachedTo: { kind: 'account', resources: 'organization' },
  },
  'aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'fileSystemId' },
  },
  'aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'vectorBucketArn' },
  },
  'aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'account', resources: 's3-access-grants' },
  },
  // An S3 on Outposts bucket's policy (`bucket`: its ARN).
  'aws:s3control/bucketPolicy:BucketPolicy': { document: 'policy', attachedTo: { kind: 'arn', property: 'bucket' } },
  'aws:s3tables/tableBucketPolicy:TableBucketPolicy': {
    document: 'resourcePolicy',
    attachedTo: { kind: 'arn', property: 'tableBucketArn' },
  },
  // On a table of the bucket (`namespace`, `name`): read as on the bucket, which names the table's owner as well.
  'aws:s3tables/tablePolicy:TablePolicy': {
    document: 'resourcePolicy',
    attachedTo: { kind: 'arn', property: 'tableBucketArn' },
  },
  // SES sending authorization: who may send as the identity.
  'aws:ses/identityPolicy:IdentityPolicy': {
    document: 'policy',
    attachedTo: { kind: 'ses-identity', property: 'identity' },
  },
  'aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy': {
    document: 'policy',
    attachedTo: { kind: 'ses-identity', property: 'emailIdentity' },
  },
  'aws:mediastore/containerPolicy:ContainerPolicy': {
    document: 'policy',
    attachedTo: { kind: 'mediastore-container-name', property: 'containerName' },
  },
  'aws:vpclattice/authPolicy:AuthPolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceIdentifier' },
  },
  // Keys with imported key material take a key policy as any key does.
  'aws:kms/externalKey:ExternalKey': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:kms/replicaExternalKey:ReplicaExternalKey': { document: 'policy', attachedTo: { kind: 'self' } },
  'aws:lambda/resourcePolicy:ResourcePolicy': {
    document: 'policy',
    attachedTo: { kind: 'arn', property: 'resourceArn' },
  },
  'aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy': {
    document: 'resourcePolicy',
    attachedTo: { kind: 'model-package-group-name', property: 'modelPackageGroupName' },
  },
  'aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy': {
    document: 'policy',
    attachedTo: { kind: 'account', resources: 'opensearch-serverless' },
    form: 'opensearch-serverless-access',
  },
  'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate': {
    document: 'repositoryPolicy',
    attachedTo: { kind: 'account', resources: 'ecr-registry' },
  },
  // @pulumi/aws 7.48.0 cloudwatch.LogDeliveryDestinationPolicy (`deliveryDestinationName`, `deliveryDestinationPolicy`)
  // and s3control.MultiRegionAccessPointPolicy, whose policy is `details.policy` (details: `name`, `policy`).
  'aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy': {
    document: 'deliveryDestinationPolicy',
    attachedTo: { kind: 'log-delivery-destination-name', property: 'deliveryDestinationName' },
  },
  'aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy': {
    document: 'policy',
    within: 'details',
    attachedTo: { kind: 'account', resources: 's3-multi-region-access-points' },
  },
});

/**
 * Resource policies written inside a property of the resource they are on, each on the ARN one of its attributes gives:
 * a DynamoDB table's `ResourcePolicy.PolicyDocument` on the table, `StreamSpecification.ResourcePolicy.PolicyDocument`
 * on its stream (CfnTable.ResourcePolicyProperty, StreamSpecificationProperty), a global table's, replica by replica
 * (CfnGlobalTable.ReplicaSpecificationProperty's `ResourcePolicy` and `ReplicaStreamSpecification.ResourcePolicy`).
 * A replica in another region is a table of another ARN; its policy is read as on the stack's `<Arn of …>`, as what
 * its statements grant is what matters and the region is only the rendering. A Redshift cluster's and a Serverless
 * namespace's `NamespaceResourcePolicy`, on the namespace.
 */
export interface NestedResourcePolicy {
  path: readonly PathStep[];
  attribute: 'Arn' | 'StreamArn' | 'ClusterNamespaceArn' | 'Namespace.NamespaceArn';
}

export const CLOUDFORMATION_NESTED_RESOURCE_POLICIES: Readonly<Record<string, readonly NestedResourcePolicy[]>> = {
  'AWS::DynamoDB::Table': [
    { path: ['ResourcePolicy', 'PolicyDocument'], attribute: 'Arn' },
    { path: ['StreamSpecification', 'ResourcePolicy', 'PolicyDocument'], attribute: 'StreamArn' },
  ],
  'AWS::DynamoDB::GlobalTable': [
    { path: ['Replicas', EACH, 'ResourcePolicy', 'PolicyDocument'], attribute: 'Arn' },
    {
      path: ['Replicas', EACH, 'ReplicaStreamSpecification', 'ResourcePolicy', 'PolicyDocument'],
      attribute: 'StreamArn',
    },
  ],
  // A provisioned cluster's and a Serverless namespace's policy, on the namespace's ARN (CfnCluster's
  // `attrClusterNamespaceArn`, CfnNamespace's `attrNamespaceNamespaceArn`): who may create integrations from it.
  'AWS::Redshift::Cluster': [{ path: ['NamespaceResourcePolicy'], attribute: 'ClusterNamespaceArn' }],
  'AWS::RedshiftServerless::Namespace': [{ path: ['NamespaceResourcePolicy'], attribute: 'Namespace.NamespaceArn' }],
  // A log delivery destination's policy (CfnDeliveryDestination.DestinationPolicyProperty: which accounts may deliver
  // logs to it) and a RUM app monitor's (CfnAppMonitor.ResourcePolicyProperty: who may send it events), each on itself.
  'AWS::Logs::DeliveryDestination': [
    { path: ['DeliveryDestinationPolicy', 'DeliveryDestinationPolicy'], attribute: 'Arn' },
  ],
  'AWS::RUM::AppMonitor': [{ path: ['ResourcePolicy', 'PolicyDocument'], attribute: 'Arn' }],
};

/**
 * Policies written one statement at a time, as a resource holding a single IAM statement: an EventBridge event bus's
 * (CfnEventBusPolicyProps: `Statement`, on the bus `EventBusName` names, the account's `default` bus where unset). Its
 * older form, `Principal` (an account id or `*`) with `Action` and `Condition`, names no role and is left to
 * restrict-trust.
 */
export interface StatementPolicyType {
  statement: string;
  attachedTo: Extract<AttachedBy, { property: string }>;
  /** What the resource is on where the property is unset. */
  byDefault: string;
}

export const CLOUDFORMATION_STATEMENT_POLICIES: Readonly<Record<string, StatementPolicyType>> = {
  'AWS::Events::EventBusPolicy': {
    statement: 'Statement',
    attachedTo: { kind: 'event-bus-name', property: 'EventBusName' },
    byDefault: 'default',
  },
};

/**
 * A Lambda function's policy is written one statement at a time, as a permission resource: `Principal` (an AWS
 * service, an account, or an IAM role's or user's ARN), `Action` (one lambda action) and the function it is on, which
 * the statement's Resource is; `SourceArn`, `SourceAccount` and `PrincipalOrgID` narrow it as the conditions Lambda writes
 * into the function's policy (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`). Names as CfnPermissionProps
 * (aws-cdk-lib 2.276.0) and @pulumi/aws 7.48.0's lambda.PermissionArgs spell them; FunctionUrlAuthType, which narrows
 * only lambda:InvokeFunctionUrl, is left out: a grant read wider than it is fails closed.
 */
export interface PermissionStatement {
  principal: string;
  action: string;
  function: string;
  sourceArn: string;
  sourceAccount: string;
  principalOrgId: string;
  /** The Alexa skill id Lambda writes as `lambda:EventSourceToken` (AddPermission's EventSourceToken). */
  eventSourceToken: string;
}

export const LAMBDA_PERMISSIONS: Readonly<Record<string, PermissionStatement>> = {
  'AWS::Lambda::Permission': {
    principal: 'Principal',
    action: 'Action',
    function: 'FunctionName',
    sourceArn: 'SourceArn',
    sourceAccount: 'SourceAccount',
    principalOrgId: 'PrincipalOrgID',
    eventSourceToken: 'EventSourceToken',
  },
  'aws:lambda/permission:Permission': {
    principal: 'principal',
    action: 'action',
    function: 'function',
    sourceArn: 'sourceArn',
    sourceAccount: 'sourceAccount',
    principalOrgId: 'principalOrgId',
    eventSourceToken: 'eventSourceToken',
  },
};

/**
 * The policy document a Lambda permission adds to its function's policy, as the raw values the resource holds (an
 * adapter's document reader resolves them): a principal with `.` and no `:` is a service (`s3.amazonaws.com`), `*`
 * everyone, anything else an account or an ARN. It has no Resource: the function is what the policy is attached to.
 */
export function lambdaPermissionDocument(
  props: Readonly<Record<string, unknown>>,
  fields: PermissionStatement,
): Record<string, unknown> {
  const principal = props[fields.principal];
  const condition: Record<string, Record<string, unknown>> = {};
  if (props[fields.sourceArn] !== undefined) condition.ArnLike = { 'aws:SourceArn': props[fields.sourceArn] };
  const equals: Record<string, unknown> = {};
  if (props[fields.sourceAccount] !== undefined) equals['aws:SourceAccount'] = props[fields.sourceAccount];
  if (props[fields.principalOrgId] !== undefined) equals['aws:PrincipalOrgID'] = props[fields.principalOrgId];
  if (props[fields.eventSourceToken] !== undefined) equals['lambda:EventSourceToken'] = props[fields.eventSourceToken];
  if (Object.keys(equals).length > 0) condition.StringEquals = equals;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: permissionPrincipal(principal),
        Action: props[fields.action],
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      },
    ],
  };
}

/**
 * A principal a permission resource names: with `.` and no `:` a service (`s3.amazonaws.com`), `*` everyone, anything
 * else an account or an ARN.
 */
function permissionPrincipal(principal: unknown): unknown {
  const service = typeof principal === 'string' && principal.includes('.') && !principal.includes(':');
  return principal === '*' ? '*' : service ? { Service: principal } : { AWS: principal };
}

/**
 * An OpenSearch Serverless data access policy (OpenSearch Service Developer Guide, "Data access control for Amazon
 * OpenSearch Serverless"): a JSON list of rule sets, each with `Rules` (a `ResourceType`, `Resource` patterns of
 * collections or indexes, `Permission` as `aoss:` actions) and `Principal`, a list of IAM users' and roles' ARNs and
 * SAML identities (`saml/<account>/<provider>/user/<name>` or `/group/<name>`), with no Effect or Condition: every rule
 * set allows. Read as one Allow statement per rule set, its principals each an AWS principal (a SAML identity as the
 * account whose provider it comes through, wider, never narrower) and its action `aoss:APIAccessAll`. A
 * document that is not such a list stays Unknown, which restrict-trust reports as unreadable. A CloudFormation adapter
 * passes the text as its resolver reads it, an Unknown with a pattern where a parameter writes part of it.
 */
export function openSearchServerlessAccessDocument(policy: unknown): unknown {
  // Text with values only the deployment gives (a parameter in an Fn::Sub) is read from its pattern, where each such
  // value is `*`: a principal with one is Unknown with that pattern (a role of the own account whatever its name passes;
  // any other waits for the value), so a parameter in a rule's collection name does not hide the principals.
  const partly = isUnknown(policy) && policy.pattern !== undefined ? policy : undefined;
  if (isUnknown(policy) && !partly) return policy;
  const text = partly ? partly.pattern : policy;
  let rules: unknown = text;
  if (typeof text === 'string') {
    try {
      rules = JSON.parse(text);
    } catch {
      return partly ?? unknownValue('the OpenSearch Serverless access policy, which is not JSON');
    }
  }
  if (!Array.isArray(rules))
    return unknownValue('the OpenSearch Serverless access policy, which is not a list of rules');
  const statements = rules.flatMap((entry: unknown) => {
    if (!isRecord(entry)) return [];
    const principals: unknown[] = Array.isArray(entry.Principal) ? entry.Principal : [entry.Principal];
    return principals
      .filter((principal) => principal !== undefined)
      .map((principal) => ({
        Effect: 'Allow',
        Principal:
          partly && typeof principal === 'string' && principal.includes('*')
            ? { AWS: unknownValue(`a principal of ${partly.description}`, principal) }
            : openSearchServerlessPrincipal(principal),
        Action: OPENSEARCH_SERVERLESS_DATA_ACCESS,
      }));
  });
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * What a rule set's permissions are in IAM's terms: its `aoss:ReadDocument`, `aoss:CreateIndex`, … are data-plane
 * permissions no IAM policy names (the Service Authorization Reference has none of them), all of them under
 * `aoss:APIAccessAll` (every OpenSearch Serverless data-plane API), which an identity also needs in its own policy.
 * Read as that, wider, never narrower: restrict-trust judges who, whatever the actions.
 */
const OPENSEARCH_SERVERLESS_DATA_ACCESS = 'aoss:APIAccessAll';

/** An OpenSearch Serverless principal: a SAML identity as its account, anything else as a permission names one. */
function openSearchServerlessPrincipal(principal: unknown): unknown {
  const saml = typeof principal === 'string' ? /^saml\/(\d{12})\//.exec(principal) : null;
  return saml ? { AWS: `arn:${PARTITION}:iam::${saml[1]}:root` } : permissionPrincipal(principal);
}

/**
 * Resources that grant the principals they list, each written as a property rather than as a policy document: read as
 * the statement each stands for, so restrict-trust judges whom they let in as it judges a resource policy's principals,
 * and a grant to a role of the change is that role's (resource-policy-grants.ts). Found as the resource policies above
 * were (aws-cdk-lib 2.276.0's L1 props documented as naming principals or accounts granted access; @pulumi/aws 7.48.0's
 * Args likewise), and read where the principal is granted access to the change's resource:
 *
 * - a Lambda layer version's permission (CfnLayerVersionPermissionProps: `Principal` an account id or `*`, `*` with
 *   `OrganizationId` every account of that organization; `Action`, `LayerVersionArn`; lambda.LayerVersionPermissionArgs:
 *   `principal`, `organizationId`, `action`, `layerName` a name or ARN);
 * - a VPC endpoint service's allowed principals (CfnVPCEndpointServicePermissionsProps `AllowedPrincipals`, ARNs or `*`
 *   for every account, on `ServiceId`; ec2.VpcEndpointService's own `allowedPrincipals` and
 *   ec2.VpcEndpointServiceAllowedPrinciple's `principalArn` on `vpcEndpointServiceId`): each may create an endpoint to
 *   the service (EC2 API Reference, ModifyVpcEndpointServicePermissions), read as `ec2:CreateVpcEndpoint` on it;
 * - a Signer profile's permission (CfnProfilePermissionProps `Principal`, `Action`, `ProfileName`;
 *   signer.SigningProfilePermissionArgs likewise in camelCase);
 * - a Redshift cluster's endpoint authorization (CfnEndpointAuthorizationProps `Account`, `ClusterIdentifier`;
 *   redshift.EndpointAuthorizationArgs `account`, `clusterIdentifier`) and an OpenSearch domain's
 *   (opensearch.AuthorizeVpcEndpointAccessArgs `account`, `domainName`): the account may create a managed VPC endpoint
 *   into the cluster or domain (Redshift API Reference, AuthorizeEndpointAccess; OpenSearch Service API Reference,
 *   AuthorizeVpcEndpointAccess), read as `redshift:CreateEndpointAccess` and `es:CreateVpcEndpoint`;
 * - an event bus permission in its older form (CfnEventBusPolicyProps `Principal` an account id or `*`, `Action`,
 *   `Condition` as `{Type, Key, Value}`, on `EventBusName` or the `default` bus; cloudwatch.EventPermissionArgs
 *   `principal`, `action` (events:PutEvents where unset), `condition`, `eventBusName`);
 * - an AMI's launch permission (ec2.AmiLaunchPermissionArgs `accountId`, `group` `all` for every account,
 *   `organizationArn`, `organizationalUnitArn`, on `imageId`) and a snapshot's create-volume permission
 *   (ec2.SnapshotCreateVolumePermissionArgs `accountId` on `snapshotId`): read as `ec2:RunInstances` and
 *   `ec2:CreateVolume` on the image or snapshot. An organizational unit is read as its whole organization (wider, never
 *   narrower). CloudFormation writes neither.
 *
 * Terraform's resources of the same names arrive through Pulumi's records (providers.ts).
 */
export interface PrincipalGrantFields {
  /**
   * The properties naming whom it grants: `principal` an account id, an ARN, `*` or a service as a permission names
   * one (one value or a list); `group` EC2's launch group, whose `all` is every account; `organization` an organization's
   * or OU's ARN, every account of that organization.
   */
  principals: readonly {
    property: string;
    kind: 'principal' | 'group' | 'organization' | 'principal-or-organization' | 'lake-formation' | 'entries';
    /** The property holding the object `property` is of (Lake Formation's `DataLakePrincipal`). */
    within?: string;
    /**
     * For `entries`: `property` is a list of principals each with its own actions (QuickSight's `Permissions`, each
     * `{Principal, Actions}`), these the fields' names.
     */
    entry?: { principal: string; actions: string };
  }[];
  /** The property holding the action, and the action it grants where that property is unset (or there is none). */
  action: { property?: string; byDefault?: string };
  /** What the grant is on. */
  attachedTo: Extract<AttachedBy, { property: string }> | Extract<AttachedBy, { kind: 'self' | 'account' }>;
  /** What it is on where attachedTo's property is unset (an event bus permission's `default` bus). */
  attachedByDefault?: string;
  /** A property naming the organization a `*` principal is narrowed to (`aws:PrincipalOrgID`). */
  organization?: string;
  /** A property holding one condition as `{type, key, value}` (an event bus permission's), with its field names. */
  condition?: { property: string; type: string; key: string; value: string };
}

const LAYER_GET = { property: 'Action' } as const;
/**
 * Lake Formation's permissions (SELECT, ALTER, DATA_LOCATION_ACCESS, …) are no IAM actions: a principal granted them
 * reads the data through lakeformation:GetDataAccess, read as that on the account's Data Catalog (wider, never
 * narrower). The principal is an IAM ARN, an account, an organization's or OU's ARN, or IAM_ALLOWED_PRINCIPALS.
 */
const LAKE_FORMATION = (property: string, within?: string): PrincipalGrantFields => ({
  principals: [{ property, kind: 'lake-formation', ...(within === undefined ? {} : { within }) }],
  action: { byDefault: 'lakeformation:GetDataAccess' },
  attachedTo: { kind: 'account', resources: 'glue-catalog' },
});
const QUICKSIGHT = (property: string, principal: string, actions: string): PrincipalGrantFields => ({
  principals: [{ property, kind: 'entries', entry: { principal, actions } }],
  action: {},
  attachedTo: { kind: 'self' },
});
/** What an account a Config aggregation authorization names may do: aggregate the own account's data. */
const CONFIG_AGGREGATION = 'config:PutConfigurationAggregator';
/** What an account a portfolio is shared with may do: accept it and launch its products. */
const PORTFOLIO_SHARE = 'servicecatalog:AcceptPortfolioShare';
/** What a grantee of a license grant may do: accept it, then use the license as its allowed operations say. */
const LICENSE_GRANT = 'license-manager:AcceptGrant';
const EVERY_PRINCIPAL = (property: string) => [{ property, kind: 'principal' as const }];

export const PRINCIPAL_GRANTS: Readonly<Record<string, PrincipalGrantFields>> = lookupTable({
  'AWS::Lambda::LayerVersionPermission': {
    principals: EVERY_PRINCIPAL('Principal'),
    action: LAYER_GET,
    attachedTo: { kind: 'arn', property: 'LayerVersionArn' },
    organization: 'OrganizationId',
  },
  'aws:lambda/layerVersionPermission:LayerVersionPermission': {
    principals: EVERY_PRINCIPAL('principal'),
    action: { property: 'action' },
    attachedTo: { kind: 'lambda-layer-name', property: 'layerName' },
    organization: 'organizationId',
  },
  'AWS::EC2::VPCEndpointServicePermissions': {
    principals: EVERY_PRINCIPAL('AllowedPrincipals'),
    action: { byDefault: 'ec2:CreateVpcEndpoint' },
    attachedTo: { kind: 'vpc-endpoint-service-id', property: 'ServiceId' },
  },
  'aws:ec2/vpcEndpointService:VpcEndpointService': {
    principals: EVERY_PRINCIPAL('allowedPrincipals'),
    action: { byDefault: 'ec2:CreateVpcEndpoint' },
    attachedTo: { kind: 'self' },
  },
  'aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple': {
    principals: EVERY_PRINCIPAL('principalArn'),
    action: { byDefault: 'ec2:CreateVpcEndpoint' },
    attachedTo: { kind: 'vpc-endpoint-service-id', property: 'vpcEndpointServiceId' },
  },
  'AWS::Signer::ProfilePermission': {
    principals: EVERY_PRINCIPAL('Principal'),
    action: { property: 'Action' },
    attachedTo: { kind: 'signing-profile-name', property: 'ProfileName' },
  },
  'aws:signer/signingProfilePermission:SigningProfilePermission': {
    principals: EVERY_PRINCIPAL('principal'),
    action: { property: 'action' },
    attachedTo: { kind: 'signing-profile-name', property: 'profileName' },
  },
  'AWS::Redshift::EndpointAuthorization': {
    principals: EVERY_PRINCIPAL('Account'),
    action: { byDefault: 'redshift:CreateEndpointAccess' },
    attachedTo: { kind: 'redshift-cluster-identifier', property: 'ClusterIdentifier' },
  },
  'aws:redshift/endpointAuthorization:EndpointAuthorization': {
    principals: EVERY_PRINCIPAL('account'),
    action: { byDefault: 'redshift:CreateEndpointAccess' },
    attachedTo: { kind: 'redshift-cluster-identifier', property: 'clusterIdentifier' },
  },
  'aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess': {
    principals: EVERY_PRINCIPAL('account'),
    action: { byDefault: 'es:CreateVpcEndpoint' },
    attachedTo: { kind: 'domain-name', property: 'domainName' },
  },
  'AWS::Events::EventBusPolicy': {
    principals: EVERY_PRINCIPAL('Principal'),
    action: { property: 'Action' },
    attachedTo: { kind: 'event-bus-name', property: 'EventBusName' },
    attachedByDefault: 'default',
    condition: { property: 'Condition', type: 'Type', key: 'Key', value: 'Value' },
  },
  'aws:cloudwatch/eventPermission:EventPermission': {
    principals: EVERY_PRINCIPAL('principal'),
    action: { property: 'action', byDefault: 'events:PutEvents' },
    attachedTo: { kind: 'event-bus-name', property: 'eventBusName' },
    attachedByDefault: 'default',
    condition: { property: 'condition', type: 'type', key: 'key', value: 'value' },
  },
  'aws:ec2/amiLaunchPermission:AmiLaunchPermission': {
    principals: [
      { property: 'accountId', kind: 'principal' },
      { property: 'group', kind: 'group' },
      { property: 'organizationArn', kind: 'organization' },
      { property: 'organizationalUnitArn', kind: 'organization' },
    ],
    action: { byDefault: 'ec2:RunInstances' },
    attachedTo: { kind: 'ami-id', property: 'imageId' },
  },
  'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission': {
    principals: EVERY_PRINCIPAL('accountId'),
    action: { byDefault: 'ec2:CreateVolume' },
    attachedTo: { kind: 'snapshot-id', property: 'snapshotId' },
  },
  // Lake Formation permissions on the Data Catalog's databases, tables, columns, data cells filters, tags and data
  // locations.
  'AWS::LakeFormation::Permissions': LAKE_FORMATION('DataLakePrincipalIdentifier', 'DataLakePrincipal'),
  'AWS::LakeFormation::PrincipalPermissions': LAKE_FORMATION('DataLakePrincipalIdentifier', 'Principal'),
  'aws:lakeformation/permissions:Permissions': LAKE_FORMATION('principal'),
  // A Service Catalog portfolio shared with an account (CloudFormation), or an organization or OU (Pulumi's `type`
  // ORGANIZATION, ORGANIZATIONAL_UNIT: `principalId` their ARN).
  'AWS::ServiceCatalog::PortfolioShare': {
    principals: EVERY_PRINCIPAL('AccountId'),
    action: { byDefault: PORTFOLIO_SHARE },
    attachedTo: { kind: 'servicecatalog-portfolio-id', property: 'PortfolioId' },
  },
  'aws:servicecatalog/portfolioShare:PortfolioShare': {
    principals: [{ property: 'principalId', kind: 'principal-or-organization' }],
    action: { byDefault: PORTFOLIO_SHARE },
    attachedTo: { kind: 'servicecatalog-portfolio-id', property: 'portfolioId' },
  },
  // QuickSight's permissions on its analyses, dashboards, data sets and sources, templates, themes, folders, topics,
  // knowledge bases, spaces, flows and action connectors: each entry a principal (a QuickSight user, group or
  // namespace, or an account's root to share a template or theme with it) and its quicksight: actions.
  ...Object.fromEntries(
    [
      'Analysis',
      'Dashboard',
      'DataSet',
      'DataSource',
      'Template',
      'Theme',
      'Folder',
      'TopicV2',
      'KnowledgeBase',
      'Space',
      'Flow',
      'ActionConnector',
    ].map((type) => [`AWS::QuickSight::${type}`, QUICKSIGHT('Permissions', 'Principal', 'Actions')]),
  ),
  ...Object.fromEntries(
    [
      'analysis:Analysis',
      'dashboard:Dashboard',
      'dataSet:DataSet',
      'dataSource:DataSource',
      'template:Template',
      'theme:Theme',
      'folder:Folder',
    ].map((type) => [`aws:quicksight/${type}`, QUICKSIGHT('permissions', 'principal', 'actions')]),
  ),
  // From the same survey (aws-cdk-lib 2.276.0's L1 props naming accounts or principals granted access; @pulumi/aws
  // 7.48.0 likewise): who may submit profiles to a CodeGuru Profiler profiling group (AgentPermissions.Principals, IAM
  // ARNs), which account's aggregator may collect the own account's configuration and compliance data (Config's
  // aggregation authorization), which accounts may read a Lightsail bucket (ReadOnlyAccessAccounts), which accounts
  // may subscribe to a MediaConnect flow's entitlement (Subscribers), each read as the action it comes to.
  'AWS::CodeGuruProfiler::ProfilingGroup': {
    principals: [{ property: 'Principals', within: 'AgentPermissions', kind: 'principal' }],
    action: { byDefault: 'codeguru-profiler:PostAgentProfile' },
    attachedTo: { kind: 'self' },
  },
  'AWS::Config::AggregationAuthorization': {
    principals: EVERY_PRINCIPAL('AuthorizedAccountId'),
    action: { byDefault: CONFIG_AGGREGATION },
    attachedTo: { kind: 'self' },
  },
  'aws:cfg/aggregateAuthorization:AggregateAuthorization': {
    principals: EVERY_PRINCIPAL('accountId'),
    action: { byDefault: CONFIG_AGGREGATION },
    attachedTo: { kind: 'self' },
  },
  'AWS::Lightsail::Bucket': {
    principals: EVERY_PRINCIPAL('ReadOnlyAccessAccounts'),
    action: { byDefault: 's3:GetObject' },
    attachedTo: { kind: 'self' },
  },
  'AWS::MediaConnect::FlowEntitlement': {
    principals: EVERY_PRINCIPAL('Subscribers'),
    action: { byDefault: 'mediaconnect:CreateFlow' },
    attachedTo: { kind: 'arn', property: 'FlowArn' },
  },
  // A License Manager grant of a license to accounts or an organization (their ARNs).
  'AWS::LicenseManager::Grant': {
    principals: [{ property: 'Principals', kind: 'principal-or-organization' }],
    action: { byDefault: LICENSE_GRANT },
    attachedTo: { kind: 'arn', property: 'LicenseArn' },
  },
  'aws:licensemanager/licenseGrant:LicenseGrant': {
    principals: [{ property: 'principal', kind: 'principal-or-organization' }],
    action: { byDefault: LICENSE_GRANT },
    attachedTo: { kind: 'arn', property: 'licenseArn' },
  },
});

/** An organization's id from its ARN or an OU's (`arn:aws:organizations::<account>:ou/o-<id>/ou-…`); else as written. */
function organizationIdOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^arn:aws[a-z-]*:organizations::[^:]*:(?:organization|ou)\/(o-[a-z0-9]+)(?:\/|$)/.exec(value)?.[1] ?? value;
}

/**
 * The policy document a principal grant stands for (PRINCIPAL_GRANTS), as the raw values the resource holds (an
 * adapter's document reader resolves them): one statement per principal it names. It has no Resource: what the grant
 * is on is what the policy is attached to. None where it names no principal (an event bus policy written as a
 * Statement, a service whose allowed principals are left out).
 */
export function principalGrantDocument(
  props: Readonly<Record<string, unknown>>,
  fields: PrincipalGrantFields,
): Record<string, unknown> | undefined {
  const written = fields.action.property === undefined ? undefined : props[fields.action.property];
  const action = written ?? fields.action.byDefault;
  const condition: Record<string, Record<string, unknown>> = {};
  const add = (operator: unknown, key: unknown, value: unknown) => {
    if (typeof operator !== 'string' || typeof key !== 'string' || value === undefined) return;
    (condition[operator] ??= {})[key] = value;
  };
  if (fields.organization !== undefined) add('StringEquals', 'aws:PrincipalOrgID', props[fields.organization]);
  const writtenCondition = fields.condition === undefined ? undefined : props[fields.condition.property];
  if (fields.condition && writtenCondition !== null && typeof writtenCondition === 'object') {
    const entry = writtenCondition as Record<string, unknown>;
    add(entry[fields.condition.type], entry[fields.condition.key], entry[fields.condition.value]);
  }
  const statements: Record<string, unknown>[] = [];
  const statement = (
    principal: unknown,
    extra: Record<string, Record<string, unknown>> = {},
    actions: unknown = action,
  ) => {
    const conditions = { ...condition, ...extra };
    statements.push({
      Effect: 'Allow',
      Principal: principal,
      Action: actions,
      ...(Object.keys(conditions).length > 0 ? { Condition: conditions } : {}),
    });
  };
  for (const { property, kind, within, entry } of fields.principals) {
    const holder = within === undefined ? props : props[within];
    // A structure known only at apply names a principal no one can read yet.
    const value = isUnknown(holder) ? holder : isRecord(holder) ? holder[property] : undefined;
    if (value === undefined || value === null || value === '') continue;
    const organization = (item: unknown) => {
      statement('*', { StringEquals: { 'aws:PrincipalOrgID': organizationIdOf(item) } });
    };
    if (kind === 'entries' && entry) {
      // A list known only at apply, or an entry that is no record (a condition's value), names a principal no one can
      // read yet.
      for (const item of isUnknown(value) || !Array.isArray(value) ? [value] : value)
        if (isRecord(item) && !isUnknown(item))
          statement(permissionPrincipal(quickSightPrincipal(item[entry.principal])), {}, item[entry.actions]);
        else statement({ AWS: isUnknown(item) ? item : unknownValue(`an entry of ${property}`) }, {}, action ?? '*');
    } else if (kind === 'principal-or-organization' || kind === 'lake-formation') {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string' && /^arn:aws[a-z-]*:organizations::/.test(item)) organization(item);
        // Lake Formation's IAM_ALLOWED_PRINCIPALS: every IAM principal of the own account its IAM policies allow.
        else if (kind === 'lake-formation' && item === 'IAM_ALLOWED_PRINCIPALS')
          statement({ AWS: `arn:${PARTITION}:iam::${OWN_ACCOUNT}:root` });
        else statement(permissionPrincipal(item));
      }
    } else if (kind === 'group') {
      // EC2's only launch group is `all`, every account (EC2 API Reference, LaunchPermission).
      if (value === 'all') statement('*');
    } else if (kind === 'organization') {
      organization(value);
    } else if (Array.isArray(value)) {
      for (const item of value) statement(permissionPrincipal(item));
    } else statement(permissionPrincipal(value));
  }
  return statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : undefined;
}

/**
 * A QuickSight user, group or namespace (`arn:aws:quicksight:<region>:<account>:user/<namespace>/<name>`, the principals
 * QuickSight's permissions name) as its account's root: whom it lets in is judged by account, wider, never narrower.
 * Anything else as written (an account's root, to share a template or theme with it).
 */
function quickSightPrincipal(principal: unknown): unknown {
  if (typeof principal !== 'string') return principal;
  const account = /^arn:(aws[a-z-]*):quicksight:[^:]*:([^:]+):(?:user|group|namespace)\//.exec(principal);
  return account ? `arn:${account[1]}:iam::${account[2]}:root` : principal;
}

/**
 * A KMS grant (CreateGrant) gives its grantee principal the operations it lists on one key, as a statement of the
 * key's policy would, and its retiring principal the right to retire it (kms:RetireGrant). A grant to another
 * account's principal or to a role of the change is read as that statement, so restrict-trust and the identity's
 * grants judge it as they judge the key policy's. Fields as @pulumi/aws 7.48.0's kms.GrantArgs spells them; Terraform's
 * `aws_kms_grant` arrives through Pulumi's records. CloudFormation has no grant resource (aws-cdk-lib 2.276.0's
 * aws-kms has no CfnGrant: a CDK `key.grant()` writes the key's policy or the grantee's, which are read already).
 */
export interface KmsGrantFields {
  key: string;
  grantee: string;
  operations: string;
  retiring: string;
}

export const KMS_GRANTS: Readonly<Record<string, KmsGrantFields>> = {
  'aws:kms/grant:Grant': {
    key: 'keyId',
    grantee: 'granteePrincipal',
    operations: 'operations',
    retiring: 'retiringPrincipal',
  },
};

/**
 * The statements a KMS grant stands for, as the raw values the resource holds (an adapter's document reader resolves
 * them): each operation (`Decrypt`, `CreateGrant`, …) is the action `kms:<operation>`. It has no Resource: the key is
 * what the grant is on. Its constraints (`encryptionContextEquals`, `encryptionContextSubset`) narrow which requests
 * the grant allows, not who may make them, and are left out: a grant read wider than it is fails closed.
 */
export function kmsGrantDocument(
  props: Readonly<Record<string, unknown>>,
  fields: KmsGrantFields,
): Record<string, unknown> {
  const operations = props[fields.operations];
  const asAction = (operation: unknown) => (typeof operation === 'string' ? `kms:${operation}` : operation);
  const retiring = props[fields.retiring];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: permissionPrincipal(props[fields.grantee]),
        Action: Array.isArray(operations) ? operations.map(asAction) : operations,
      },
      ...(retiring !== undefined && retiring !== null && retiring !== ''
        ? [{ Effect: 'Allow', Principal: permissionPrincipal(retiring), Action: 'kms:RetireGrant' }]
        : []),
    ],
  };
}

/**
 * The ARN of what a resource policy is on, from the bucket name, queue URL, or name or id (NAMED_IN_OWN_ACCOUNT) its
 * property holds (a queue's URL is
 * `https://sqs.<region>.amazonaws.com/<account>/<name>`, or the legacy `https://<region>.queue.amazonaws.com/…`); a URL
 * that is neither stays Unknown.
 */
export function attachedArnOf(kind: Exclude<NamedBy, 'arn'>, value: string): PolicyValue {
  if (kind === 'bucket-name') return `arn:aws:s3:::${value}`;
  if (kind !== 'queue-url') return value.startsWith('arn:') ? value : NAMED_IN_OWN_ACCOUNT[kind](value);
  const match = /^https:\/\/(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com\/(\d{12})\/([^/?#]+)$/.exec(
    value,
  );
  if (!match) return unknownValue(`the ARN of the queue at ${value}`);
  const [, sqsRegion, legacyRegion, account, name] = match;
  return `arn:aws:sqs:${sqsRegion ?? legacyRegion}:${account}:${name}`;
}

/**
 * The function a Lambda permission is on, from what `FunctionName` takes (Lambda API Reference, AddPermission): an ARN
 * as written; a name (`payouts`, or `payouts:live` with a version or alias) or a partial ARN
 * (`111122223333:function:payouts`) as the function of that name in the own region (and account, where not written);
 * anything else as Unknown.
 */
export function functionArnOf(value: PolicyValue): PolicyValue {
  if (typeof value !== 'string' || value.startsWith('arn:')) return value;
  const named = /^(?:(\d{12}):function:)?([a-zA-Z0-9_-]+(?::[a-zA-Z0-9$_-]+)?)$/.exec(value);
  if (!named) return unknownValue(`the ARN of the Lambda function ${value}`);
  const [, account, name] = named;
  return `arn:${PARTITION}:lambda:${OWN_REGION}:${account ?? OWN_ACCOUNT}:function:${name}`;
}
