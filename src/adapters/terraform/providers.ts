/**
 * Terraform resource types onto the records the Pulumi adapter reads. The Pulumi AWS, Azure AD, GCP and Kubernetes
 * providers are generated from these Terraform providers, so a Terraform resource is, nearly always, the Pulumi
 * resource of the same name with its attributes in camelCase. Where they differ, the mapping says so:
 *
 * - Nested blocks with at most one item are lists of one object in Terraform and one object in Pulumi (`single`).
 * - Some attributes are named differently (`inline_policy` is Pulumi's `inlinePolicies`; `rule` and `subject` of the
 *   Kubernetes provider are Kubernetes' `rules` and `subjects`; azuread 2.x's `application_object_id` is 3.x's and
 *   Pulumi's `applicationId`) (`rename`).
 * - AzureRM is not what Pulumi's azure-native is generated from (that is the ARM API): its resources are mapped onto
 *   the azure-native records by hand (`transform`), e.g. `role_definition_name` names a role where azure-native only
 *   takes `roleDefinitionId`.
 * - Maps (tags, labels, annotations, Kubernetes secret data) keep their keys as written.
 */
import { isUnknown } from '../../model/model.js';
import { COMPUTE_ROLES } from '../aws/compute-roles.js';
import { isKnownRecord, isRecord, lookupTable } from '../../util/records.js';

export interface ResourceMapping {
  /** The Pulumi type token of the record, or a function of the values (`kubernetes_manifest` names its kind). */
  pulumiType: string | ((values: Record<string, unknown>) => string | undefined);
  /**
   * Terraform attribute or block name -> Pulumi property, where it is not the camelCase of the name. A dotted name
   * (`error_action.kinesis`) is the block at that path only, and comes before the plain name.
   */
  rename?: Readonly<Record<string, string>>;
  /** Blocks of at most one item, which Pulumi presents as one object; a dotted name: the block at that path only. */
  single?: readonly string[];
  /** Rewrites the converted properties where the two providers model a thing differently. */
  transform?: (props: Record<string, unknown>) => void;
  /** Pulumi property that carries a Terraform attribute's dependencies, where the transform moved the value. */
  dependencyAlias?: Readonly<Record<string, string>>;
  /** Attributes whose value is a secret's value: a literal in the configuration is a plaintext secret. */
  secretValue?: readonly string[];
  /** The values are a Kubernetes object as is (`kubernetes_manifest`): no conversion. */
  verbatim?: string;
  /**
   * Optional and computed attributes that, when the configuration leaves them out, only report what other resources
   * do (`managed_policy_arns` and `inline_policy` of a role list the attachments made by attachment resources): their
   * value unknown until apply is then nothing the change sets, as in a Pulumi preview where the input is unset.
   */
  reportsOthers?: readonly string[];
  /**
   * Optional and computed attributes (dotted paths through blocks) whose value, when the configuration leaves them out,
   * is a default the provider or the API picks at apply: a GKE node pool's `node_config.service_account` is then the
   * Compute Engine default account. Their value unknown until apply is then an unset input, as in a Pulumi program
   * that leaves the property out; one the configuration writes (`google_service_account.nodes.email`) stays unknown.
   */
  unsetUnlessConfigured?: readonly string[];
}

/** Attributes that are maps of user keys, never converted. */
const MAPS: ReadonlySet<string> = new Set([
  'tags',
  'tags_all',
  'labels',
  'annotations',
  'data',
  'binary_data',
  'string_data',
  'effective_labels',
  'terraform_labels',
]);

const aws = (token: string, extra: Partial<ResourceMapping> = {}): ResourceMapping => ({
  pulumiType: `aws:${token}`,
  ...extra,
});
const azuread = (token: string, extra: Partial<ResourceMapping> = {}): ResourceMapping => ({
  pulumiType: `azuread:index/${token}`,
  ...extra,
});

const APPLICATION_OBJECT_ID = { application_object_id: 'applicationId' } as const;

/** The Kubernetes provider wraps every object in blocks of one (`metadata`, `spec`, `template`, `role_ref`). */
const K8S_SINGLE = ['metadata', 'spec', 'template', 'role_ref', 'job_template', 'aggregation_rule'] as const;
const K8S_RENAME = {
  rule: 'rules',
  subject: 'subjects',
  secret: 'secrets',
  image_pull_secret: 'imagePullSecrets',
} as const;
const k8s = (token: string, extra: Partial<ResourceMapping> = {}): ResourceMapping => ({
  pulumiType: `kubernetes:${token}`,
  single: K8S_SINGLE,
  rename: K8S_RENAME,
  ...extra,
});

const GCP_IAM_FAMILIES: Readonly<Record<string, string>> = {
  project: 'projects',
  folder: 'folder',
  organization: 'organizations',
  service_account: 'serviceaccount',
};

/** The types COMPUTE_ROLES maps, each with the blocks and names its role is read through. */
const COMPUTE_ROLE_TYPES = computeRoleTypes();

export const TERRAFORM_TYPES: Readonly<Record<string, ResourceMapping>> = lookupTable<ResourceMapping>({
  // ---- AWS ----
  aws_iam_role: aws('iam/role:Role', {
    rename: { inline_policy: 'inlinePolicies' },
    reportsOthers: ['managed_policy_arns', 'inline_policy'],
  }),
  aws_iam_policy: aws('iam/policy:Policy'),
  // IAM Identity Center permission sets and what is put on them (pulumi/aws.ts reads them as CloudFormation's
  // AWS::SSO::PermissionSet): blocks of one become objects, a repeated block its plural property.
  aws_ssoadmin_permission_set: aws('ssoadmin/permissionSet:PermissionSet'),
  aws_ssoadmin_permission_set_inline_policy: aws('ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy'),
  aws_ssoadmin_managed_policy_attachment: aws('ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment'),
  aws_ssoadmin_managed_policy_attachments_exclusive: aws(
    'ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive',
  ),
  aws_ssoadmin_customer_managed_policy_attachment: aws(
    'ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment',
    { single: ['customer_managed_policy_reference'] },
  ),
  aws_ssoadmin_customer_managed_policy_attachments_exclusive: aws(
    'ssoadmin/customerManagedPolicyAttachmentsExclusive:CustomerManagedPolicyAttachmentsExclusive',
    { rename: { customer_managed_policy_reference: 'customerManagedPolicyReferences' } },
  ),
  aws_ssoadmin_permissions_boundary_attachment: aws(
    'ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment',
    { single: ['permissions_boundary', 'customer_managed_policy_reference'] },
  ),
  aws_ssoadmin_account_assignment: aws('ssoadmin/accountAssignment:AccountAssignment'),
  aws_iam_role_policy: aws('iam/rolePolicy:RolePolicy'),
  aws_iam_user_policy: aws('iam/userPolicy:UserPolicy'),
  aws_iam_group_policy: aws('iam/groupPolicy:GroupPolicy'),
  aws_iam_role_policy_attachment: aws('iam/rolePolicyAttachment:RolePolicyAttachment'),
  aws_iam_user_policy_attachment: aws('iam/userPolicyAttachment:UserPolicyAttachment'),
  aws_iam_group_policy_attachment: aws('iam/groupPolicyAttachment:GroupPolicyAttachment'),
  aws_iam_policy_attachment: aws('iam/policyAttachment:PolicyAttachment'),
  aws_iam_role_policy_attachments_exclusive: aws('iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive'),
  aws_iam_user_policy_attachments_exclusive: aws('iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive'),
  aws_iam_group_policy_attachments_exclusive: aws(
    'iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive',
  ),
  aws_iam_user: aws('iam/user:User'),
  aws_iam_group: aws('iam/group:Group'),
  aws_iam_group_membership: aws('iam/groupMembership:GroupMembership'),
  aws_iam_user_group_membership: aws('iam/userGroupMembership:UserGroupMembership'),
  aws_iam_access_key: aws('iam/accessKey:AccessKey'),
  aws_iam_user_login_profile: aws('iam/userLoginProfile:UserLoginProfile'),
  aws_iam_service_specific_credential: aws('iam/serviceSpecificCredential:ServiceSpecificCredential'),
  aws_iam_user_ssh_key: aws('iam/sshKey:SshKey'),
  aws_iam_signing_certificate: aws('iam/signingCertificate:SigningCertificate'),
  // An OIDC provider grants nothing by itself: the roles that trust it are judged on their trust policies.
  aws_iam_openid_connect_provider: aws('iam/openIdConnectProvider:OpenIdConnectProvider'),
  aws_iam_instance_profile: aws('iam/instanceProfile:InstanceProfile'),
  // A member account: Organizations creates an administrator role in it (role_name, else OrganizationalAccountAccessRole).
  aws_organizations_account: aws('organizations/account:Account'),
  // Compute and the role it runs as: a Lambda function, an ECS task definition, a CodeBuild project, … (COMPUTE_ROLES).
  ...COMPUTE_ROLE_TYPES,
  // An EKS cluster (a compute role's type too: its role_arn): access_config is a block of one; left out of the
  // configuration, its plan value is computed at apply, where EKS's default (the creator is admin) applies.
  aws_eks_cluster: {
    ...COMPUTE_ROLE_TYPES.aws_eks_cluster,
    pulumiType: 'aws:eks/cluster:Cluster',
    single: [...(COMPUTE_ROLE_TYPES.aws_eks_cluster?.single ?? []), 'access_config'],
    unsetUnlessConfigured: ['access_config'],
  },
  // A secret's `policy` (still an argument of the provider @pulumi/aws 7 is bridged from: Pulumi's `policy`) is optional
  // and computed: left out, it reports the policy an aws_secretsmanager_secret_policy writes, which is read on its own.
  // So are the rotation arguments of AWS providers before 5 (`rotation_lambda_arn`, `rotation_rules`, and the computed
  // `rotation_enabled`): left out, they report what an aws_secretsmanager_secret_rotation sets (secret-rotation.ts).
  aws_secretsmanager_secret: aws('secretsmanager/secret:Secret', {
    reportsOthers: ['policy', 'rotation_lambda_arn', 'rotation_rules', 'rotation_enabled'],
  }),
  aws_secretsmanager_secret_policy: aws('secretsmanager/secretPolicy:SecretPolicy'),
  // Resource policies that may name the change's roles (aws/resource-policies.ts). A queue's, topic's or key's own
  // `policy` is optional and computed (@pulumi/aws 7.48.0: `readonly policy: pulumi.Output<string>`): left out, it
  // reports what AWS or a policy resource writes, which is read on its own.
  aws_s3_bucket_policy: aws('s3/bucketPolicy:BucketPolicy'),
  // A bucket's `policy` is optional and computed: left out, it reports what an aws_s3_bucket_policy writes; so are its
  // deprecated `acl` and `grant` (AWS provider 4 and later) of what an aws_s3_bucket_acl writes. The bucket is also a
  // compute role's (its replication configuration's role).
  aws_s3_bucket: {
    ...COMPUTE_ROLE_TYPES.aws_s3_bucket,
    ...aws('s3/bucket:Bucket', { reportsOthers: ['policy', 'acl', 'grant'] }),
  },
  // A bucket's Object Ownership and ACL (pulumi/s3-buckets.ts: whether its ACLs are disabled). An ACL resource's
  // `access_control_policy` is optional and computed: left out, it reports the ACL its canned `acl` leaves.
  aws_s3_bucket_ownership_controls: aws('s3/bucketOwnershipControls:BucketOwnershipControls', { single: ['rule'] }),
  aws_s3_bucket_acl: aws('s3/bucketAcl:BucketAcl', {
    single: ['access_control_policy'],
    reportsOthers: ['access_control_policy'],
  }),
  aws_kms_key: aws('kms/key:Key', { reportsOthers: ['policy'] }),
  aws_kms_replica_key: aws('kms/replicaKey:ReplicaKey', { reportsOthers: ['policy'] }),
  aws_kms_key_policy: aws('kms/keyPolicy:KeyPolicy'),
  // A grant's `constraints` block is left out of what it grants (aws/resource-policies.ts kmsGrantDocument).
  aws_kms_grant: aws('kms/grant:Grant'),
  aws_sqs_queue: aws('sqs/queue:Queue', { reportsOthers: ['policy'] }),
  aws_sqs_queue_policy: aws('sqs/queuePolicy:QueuePolicy'),
  aws_sns_topic: aws('sns/topic:Topic', { reportsOthers: ['policy'] }),
  aws_sns_topic_policy: aws('sns/topicPolicy:TopicPolicy'),
  // So are an access point's, a domain's and a REST API's (@pulumi/aws 7.48.0: `readonly policy: pulumi.Output<string>`,
  // `readonly accessPolicies: pulumi.Output<string>`); a Glacier vault's `access_policy` is not computed.
  aws_s3_access_point: aws('s3/accessPoint:AccessPoint', { reportsOthers: ['policy'] }),
  aws_s3control_access_point_policy: aws('s3control/accessPointPolicy:AccessPointPolicy'),
  aws_dynamodb_resource_policy: aws('dynamodb/resourcePolicy:ResourcePolicy'),
  aws_ecr_repository_policy: aws('ecr/repositoryPolicy:RepositoryPolicy'),
  aws_ecrpublic_repository_policy: aws('ecrpublic/repositoryPolicy:RepositoryPolicy'),
  // Pulumi's `function` is Terraform's `function_name`.
  aws_lambda_permission: aws('lambda/permission:Permission', { rename: { function_name: 'function' } }),
  // Resource Access Manager shares, the associations that add their principals and resources, and the customer managed
  // permissions a share's permission_arns may name (aws/resource-shares.ts).
  aws_ram_resource_share: aws('ram/resourceShare:ResourceShare'),
  aws_ram_permission: aws('ram/permission:Permission'),
  aws_ram_principal_association: aws('ram/principalAssociation:PrincipalAssociation'),
  aws_ram_resource_association: aws('ram/resourceAssociation:ResourceAssociation'),
  aws_ram_resource_share_associations_exclusive: aws(
    'ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive',
  ),
  aws_efs_file_system_policy: aws('efs/fileSystemPolicy:FileSystemPolicy'),
  // Amazon Cognito identity pools (`allow_unauthenticated_identities`) and their role attachments (`identity_pool_id`,
  // the map `roles` whose key `unauthenticated` names the guests' role), read as Pulumi's (pulumi/aws.ts).
  aws_cognito_identity_pool: aws('cognito/identityPool:IdentityPool'),
  aws_cognito_identity_pool_roles_attachment: aws('cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment'),
  // duration_seconds is optional and computed: left out, the API applies its default (3600) at apply.
  aws_rolesanywhere_profile: aws('rolesanywhere/profile:Profile', { unsetUnlessConfigured: ['duration_seconds'] }),
  aws_opensearch_domain: aws('opensearch/domain:Domain', { reportsOthers: ['access_policies'] }),
  aws_opensearch_domain_policy: aws('opensearch/domainPolicy:DomainPolicy'),
  aws_elasticsearch_domain: aws('elasticsearch/domain:Domain', { reportsOthers: ['access_policies'] }),
  aws_elasticsearch_domain_policy: aws('elasticsearch/domainPolicy:DomainPolicy'),
  aws_api_gateway_rest_api: aws('apigateway/restApi:RestApi', { reportsOthers: ['policy'] }),
  aws_api_gateway_rest_api_policy: aws('apigateway/restApiPolicy:RestApiPolicy'),
  aws_cloudwatch_event_bus_policy: aws('cloudwatch/eventBusPolicy:EventBusPolicy'),
  aws_backup_vault_policy: aws('backup/vaultPolicy:VaultPolicy'),
  aws_glacier_vault: aws('glacier/vault:Vault'),
  aws_kinesis_resource_policy: aws('kinesis/resourcePolicy:ResourcePolicy'),
  // Terraform names as terraform-provider-aws registers them (`@SDKResource("aws_ecr_registry_policy")`, …), each the
  // Pulumi resource of the same name.
  aws_cloudwatch_log_resource_policy: aws('cloudwatch/logResourcePolicy:LogResourcePolicy'),
  aws_cloudwatch_log_destination_policy: aws('cloudwatch/logDestinationPolicy:LogDestinationPolicy'),
  aws_ecr_registry_policy: aws('ecr/registryPolicy:RegistryPolicy'),
  // Pulumi's DomainPermissions is Terraform's aws_codeartifact_domain_permissions_policy.
  aws_codeartifact_domain_permissions_policy: aws('codeartifact/domainPermissions:DomainPermissions'),
  aws_codeartifact_repository_permissions_policy: aws(
    'codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy',
  ),
  aws_s3control_object_lambda_access_point_policy: aws(
    's3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy',
  ),
  aws_msk_cluster_policy: aws('msk/clusterPolicy:ClusterPolicy'),
  aws_schemas_registry_policy: aws('schemas/registryPolicy:RegistryPolicy'),
  aws_xray_resource_policy: aws('xray/resourcePolicy:ResourcePolicy'),
  aws_vpclattice_resource_policy: aws('vpclattice/resourcePolicy:ResourcePolicy'),
  aws_glue_resource_policy: aws('glue/resourcePolicy:ResourcePolicy'),
  aws_redshift_resource_policy: aws('redshift/resourcePolicy:ResourcePolicy'),
  aws_redshiftserverless_resource_policy: aws('redshiftserverless/resourcePolicy:ResourcePolicy'),
  // The rest of the class aws/resource-policies.ts reads (each Pulumi resource of the same name; Pulumi's amp is Terraform's
  // prometheus, its mediastore Terraform's media_store). A key's `policy` is optional and computed, as aws_kms_key's.
  aws_acmpca_policy: aws('acmpca/policy:Policy'),
  aws_prometheus_resource_policy: aws('amp/resourcePolicy:ResourcePolicy'),
  aws_bedrockagentcore_resource_policy: aws('bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy'),
  aws_codebuild_resource_policy: aws('codebuild/resourcePolicy:ResourcePolicy'),
  aws_dsql_cluster_policy: aws('dsql/clusterPolicy:ClusterPolicy'),
  aws_api_gateway_domain_name: aws('apigateway/domainName:DomainName', { reportsOthers: ['policy'] }),
  aws_networkfirewall_resource_policy: aws('networkfirewall/resourcePolicy:ResourcePolicy'),
  aws_oam_sink_policy: aws('oam/sinkPolicy:SinkPolicy'),
  aws_organizations_resource_policy: aws('organizations/resourcePolicy:ResourcePolicy'),
  aws_s3files_file_system_policy: aws('s3/filesFileSystemPolicy:FilesFileSystemPolicy'),
  aws_s3vectors_vector_bucket_policy: aws('s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy'),
  aws_s3control_access_grants_instance_resource_policy: aws(
    's3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy',
  ),
  aws_s3control_bucket_policy: aws('s3control/bucketPolicy:BucketPolicy'),
  aws_s3tables_table_bucket_policy: aws('s3tables/tableBucketPolicy:TableBucketPolicy'),
  aws_s3tables_table_policy: aws('s3tables/tablePolicy:TablePolicy'),
  aws_ses_identity_policy: aws('ses/identityPolicy:IdentityPolicy'),
  aws_sesv2_email_identity_policy: aws('sesv2/emailIdentityPolicy:EmailIdentityPolicy'),
  aws_media_store_container_policy: aws('mediastore/containerPolicy:ContainerPolicy'),
  aws_vpclattice_auth_policy: aws('vpclattice/authPolicy:AuthPolicy'),
  aws_kms_external_key: aws('kms/externalKey:ExternalKey', { reportsOthers: ['policy'] }),
  aws_kms_replica_external_key: aws('kms/replicaExternalKey:ReplicaExternalKey', { reportsOthers: ['policy'] }),
  aws_lambda_resource_policy: aws('lambda/resourcePolicy:ResourcePolicy'),
  aws_sagemaker_model_package_group_policy: aws('sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy'),
  aws_opensearchserverless_access_policy: aws('opensearch/serverlessAccessPolicy:ServerlessAccessPolicy'),
  aws_ecr_repository_creation_template: aws('ecr/repositoryCreationTemplate:RepositoryCreationTemplate'),
  aws_cloudwatch_log_delivery_destination_policy: aws(
    'cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy',
  ),
  aws_s3control_multi_region_access_point_policy: aws(
    's3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy',
    { single: ['details'] },
  ),
  // Grants to the principals a resource lists (aws/resource-policies.ts PRINCIPAL_GRANTS). An endpoint service's
  // `allowed_principals` is optional and computed: left out, it reports what aws_vpc_endpoint_service_allowed_principal
  // resources add, which are read on their own. An event permission's `condition` is a block of one.
  aws_lambda_layer_version_permission: aws('lambda/layerVersionPermission:LayerVersionPermission'),
  aws_vpc_endpoint_service: aws('ec2/vpcEndpointService:VpcEndpointService', { reportsOthers: ['allowed_principals'] }),
  aws_vpc_endpoint_service_allowed_principal: aws(
    'ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple',
  ),
  aws_signer_signing_profile_permission: aws('signer/signingProfilePermission:SigningProfilePermission'),
  aws_redshift_endpoint_authorization: aws('redshift/endpointAuthorization:EndpointAuthorization'),
  aws_opensearch_authorize_vpc_endpoint_access: aws('opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess'),
  aws_cloudwatch_event_permission: aws('cloudwatch/eventPermission:EventPermission', { single: ['condition'] }),
  aws_ami_launch_permission: aws('ec2/amiLaunchPermission:AmiLaunchPermission'),
  aws_snapshot_create_volume_permission: aws('ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission'),
  aws_lakeformation_permissions: aws('lakeformation/permissions:Permissions'),
  aws_servicecatalog_portfolio_share: aws('servicecatalog/portfolioShare:PortfolioShare'),
  aws_licensemanager_grant: aws('licensemanager/licenseGrant:LicenseGrant'),
  aws_config_aggregate_authorization: aws('cfg/aggregateAuthorization:AggregateAuthorization'),
  // QuickSight's permission lists (a `permissions` block per principal, with its `actions`).
  aws_quicksight_analysis: aws('quicksight/analysis:Analysis'),
  aws_quicksight_dashboard: aws('quicksight/dashboard:Dashboard'),
  aws_quicksight_data_set: aws('quicksight/dataSet:DataSet'),
  aws_quicksight_data_source: aws('quicksight/dataSource:DataSource'),
  aws_quicksight_folder: aws('quicksight/folder:Folder'),
  aws_quicksight_template: aws('quicksight/template:Template'),
  aws_quicksight_theme: aws('quicksight/theme:Theme'),
  // EKS access (adapters/pulumi/eks-access.ts): an access entry's groups, an association's policy at its access scope.
  aws_eks_access_entry: aws('eks/accessEntry:AccessEntry'),
  aws_eks_access_policy_association: aws('eks/accessPolicyAssociation:AccessPolicyAssociation', {
    single: ['access_scope'],
  }),
  aws_secretsmanager_secret_version: aws('secretsmanager/secretVersion:SecretVersion', {
    secretValue: ['secret_string'],
  }),
  aws_secretsmanager_secret_rotation: aws('secretsmanager/secretRotation:SecretRotation', {
    single: ['rotation_rules'],
  }),

  // ---- Azure AD (azuread 2.x and 3.x) ----
  // 2.x names an application's client id `application_id`; 3.x and Pulumi `client_id`.
  azuread_application: azuread('application:Application', {
    rename: { application_id: 'clientId' },
    single: ['password'],
  }),
  azuread_service_principal: azuread('servicePrincipal:ServicePrincipal', { rename: { application_id: 'clientId' } }),
  azuread_application_password: azuread('applicationPassword:ApplicationPassword', { rename: APPLICATION_OBJECT_ID }),
  azuread_application_certificate: azuread('applicationCertificate:ApplicationCertificate', {
    rename: APPLICATION_OBJECT_ID,
  }),
  azuread_application_federated_identity_credential: azuread(
    'applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential',
    {
      rename: APPLICATION_OBJECT_ID,
    },
  ),
  azuread_service_principal_password: azuread('servicePrincipalPassword:ServicePrincipalPassword'),
  azuread_service_principal_certificate: azuread('servicePrincipalCertificate:ServicePrincipalCertificate'),
  azuread_directory_role: azuread('directoryRole:DirectoryRole'),
  azuread_directory_role_assignment: azuread('directoryRoleAssignment:DirectoryRoleAssignment'),
  // 2.x's legacy membership of an activated directory role (role_object_id, member_object_id), read as an assignment.
  azuread_directory_role_member: azuread('directoryRoleMember:DirectoryRoleMember'),
  azuread_service_principal_delegated_permission_grant: azuread(
    'servicePrincipalDelegatedPermissionGrant:ServicePrincipalDelegatedPermissionGrant',
  ),
  azuread_app_role_assignment: azuread('appRoleAssignment:AppRoleAssignment'),
  // `members` is optional and computed: left out, the plan marks it unknown and it lists the azuread_group_member
  // resources (reported on their own), which the group's own members list does not make.
  azuread_group: azuread('group:Group', { reportsOthers: ['members'] }),
  azuread_user: azuread('user:User'),

  // ---- AzureRM, onto azure-native's records ----
  azurerm_user_assigned_identity: {
    pulumiType: 'azure-native:managedidentity:UserAssignedIdentity',
    rename: { name: 'resourceName' },
  },
  azurerm_federated_identity_credential: {
    pulumiType: 'azure-native:managedidentity:FederatedIdentityCredential',
    // azure-native names the identity (`resourceName`); AzureRM gives its resource id (`parent_id`).
    rename: { parent_id: 'resourceName', audience: 'audiences' },
    transform: (props) => {
      if (typeof props.resourceName === 'string')
        props.resourceName = props.resourceName.slice(props.resourceName.lastIndexOf('/') + 1);
    },
  },
  azurerm_role_assignment: {
    pulumiType: 'azure-native:authorization:RoleAssignment',
    // AzureRM may name a role (`role_definition_name`, a built-in or custom role's name) where azure-native takes only an id.
    transform: (props) => {
      const name = props.roleDefinitionName;
      if ((typeof name === 'string' && name !== '') || (isUnknown(name) && typeof props.roleDefinitionId !== 'string'))
        props.roleDefinitionId = name;
    },
    dependencyAlias: { role_definition_name: 'roleDefinitionId' },
  },
  // PIM role assignments (pulumi/azure-pim.ts): onto the classic provider's records, bridged from azurerm. `schedule`,
  // its `start_date_time` and its expiration's values are optional and computed: left out, the plan marks them unknown,
  // and the provider sends no expiration, which PIM makes permanent.
  ...Object.fromEntries(
    (['eligible', 'active'] as const).map((kind) => [
      `azurerm_pim_${kind}_role_assignment`,
      {
        pulumiType: `azure:pim/${kind}RoleAssignment:${kind === 'eligible' ? 'Eligible' : 'Active'}RoleAssignment`,
        single: ['schedule', 'schedule.expiration', 'ticket'],
        unsetUnlessConfigured: [
          ...withBlock('schedule', ['start_date_time']),
          ...withBlock('schedule.expiration', ['duration_days', 'duration_hours', 'end_date_time']),
        ],
      } satisfies ResourceMapping,
    ]),
  ),
  azurerm_role_definition: {
    pulumiType: 'azure-native:authorization:RoleDefinition',
    // AzureRM's `name` is the role's display name (azure-native `roleName`); its `role_definition_id` the GUID (azure-native `name`).
    rename: { name: 'roleName', role_definition_id: 'name' },
  },
  // Resources' own keys (pulumi/azure-resource-keys.ts): onto the classic provider's records, which are bridged from
  // azurerm (`shared_access_key_enabled`, `local_auth_enabled`, …, each default true, are its camelCase properties).
  // Their `identity` block of one is the classic provider's one object, so a system-assigned identity is read as on
  // the other azurerm types.
  azurerm_storage_account: { pulumiType: 'azure:storage/account:Account', single: ['identity'] },
  azurerm_cosmosdb_account: { pulumiType: 'azure:cosmosdb/account:Account', single: ['identity'] },
  azurerm_servicebus_namespace: { pulumiType: 'azure:servicebus/namespace:Namespace', single: ['identity'] },
  azurerm_eventhub_namespace: {
    pulumiType: 'azure:eventhub/eventHubNamespace:EventHubNamespace',
    single: ['identity'],
  },
  azurerm_redis_cache: { pulumiType: 'azure:redis/cache:Cache', single: ['identity'] },
  azurerm_app_configuration: {
    pulumiType: 'azure:appconfiguration/configurationStore:ConfigurationStore',
    single: ['identity'],
  },
  azurerm_search_service: { pulumiType: 'azure:search/service:Service', single: ['identity'] },
  azurerm_eventgrid_topic: { pulumiType: 'azure:eventgrid/topic:Topic', single: ['identity'] },
  azurerm_eventgrid_domain: { pulumiType: 'azure:eventgrid/domain:Domain', single: ['identity'] },
  azurerm_signalr_service: { pulumiType: 'azure:signalr/service:Service', single: ['identity'] },
  azurerm_web_pubsub: { pulumiType: 'azure:webpubsub/service:Service', single: ['identity'] },
  azurerm_cognitive_account: { pulumiType: 'azure:cognitive/account:Account', single: ['identity'] },
  // Its admin user (`admin_enabled`, default false): a username and two passwords that log in without any identity.
  azurerm_container_registry: { pulumiType: 'azure:containerservice/registry:Registry', single: ['identity'] },
  // Its local accounts (`local_account_disabled`, default false): kubeconfigs whose admin certificate is cluster-admin.
  // Its Entra ID integration (a block of one; azurerm 2.x: role_based_access_control's azure_active_directory block)
  // names the groups AKS makes cluster-admin (pulumi/aks-admin-groups.ts).
  azurerm_kubernetes_cluster: {
    pulumiType: 'azure:containerservice/kubernetesCluster:KubernetesCluster',
    single: [
      'identity',
      'azure_active_directory_role_based_access_control',
      'role_based_access_control',
      'azure_active_directory',
    ],
  },
  // Key Vault access policies (pulumi/azure-key-vault.ts): onto the classic provider's records, bridged from azurerm
  // (`object_id`, `application_id`, `key_permissions`, `secret_permissions`, `certificate_permissions`,
  // `storage_permissions`; the resource's `key_vault_id`). A vault's inline `access_policy` blocks are its
  // `accessPolicies`; when the configuration writes none, the block only lists the azurerm_key_vault_access_policy
  // resources (optional and computed), which are read on their own.
  azurerm_key_vault_access_policy: { pulumiType: 'azure:keyvault/accessPolicy:AccessPolicy' },
  azurerm_key_vault: {
    pulumiType: 'azure:keyvault/keyVault:KeyVault',
    rename: { access_policy: 'accessPolicies' },
    reportsOthers: ['access_policy'],
  },
  azurerm_key_vault_secret: {
    pulumiType: 'azure-native:keyvault:Secret',
    // azure-native nests the value and the expiry (seconds since the epoch) in `properties`; AzureRM has them at the top.
    rename: { name: 'secretName' },
    transform: (props) => {
      const expires = props.expirationDate;
      const seconds =
        typeof expires === 'string' && !Number.isNaN(Date.parse(expires))
          ? Date.parse(expires) / 1000
          : isUnknown(expires)
            ? expires
            : undefined;
      props.properties = { value: props.value, attributes: seconds !== undefined ? { expires: seconds } : {} };
    },
    dependencyAlias: { value: 'properties', expiration_date: 'properties' },
    secretValue: ['value'],
  },

  // ---- Google ----
  google_service_account: { pulumiType: 'gcp:serviceaccount/account:Account' },
  google_service_account_key: { pulumiType: 'gcp:serviceaccount/key:Key' },
  google_storage_hmac_key: { pulumiType: 'gcp:storage/hmacKey:HmacKey' },
  google_iam_workload_identity_pool_provider: {
    pulumiType: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider',
    single: ['oidc', 'aws', 'saml'],
  },
  google_secret_manager_secret: { pulumiType: 'gcp:secretmanager/secret:Secret', single: ['rotation', 'replication'] },
  // Custom roles: read as the Pulumi adapter reads @pulumi/gcp's (role_id, permissions, project or org_id), so the role
  // is judged where it is defined and a binding that names it by its `name` or `id` gets its permissions.
  // A BigQuery dataset's access entries (`access` blocks: role with user_by_email, group_by_email, domain,
  // special_group, iam_member, view, dataset or routine; hashicorp/terraform-provider-google website/docs/r/
  // bigquery_dataset), and one written apart (google_bigquery_dataset_access, whose authorized dataset is Pulumi's
  // `authorizedDataset`): read as @pulumi/gcp's (pulumi/gcp-bigquery.ts). Left out, `access` is the default BigQuery
  // gives (the project's owners, writers and readers), which the change does not set.
  google_bigquery_dataset: {
    pulumiType: 'gcp:bigquery/dataset:Dataset',
    rename: { access: 'accesses' },
    single: ['access.condition', 'access.view', 'access.dataset', 'access.routine'],
    unsetUnlessConfigured: ['access'],
  },
  google_bigquery_dataset_access: {
    pulumiType: 'gcp:bigquery/datasetAccess:DatasetAccess',
    rename: { dataset: 'authorizedDataset' },
    single: ['condition', 'view', 'dataset', 'routine'],
  },
  google_project_iam_custom_role: { pulumiType: 'gcp:projects/iAMCustomRole:IAMCustomRole' },
  google_organization_iam_custom_role: { pulumiType: 'gcp:organizations/iAMCustomRole:IAMCustomRole' },
  // Compute and the service account it runs as (the Pulumi adapter's gcp-workloads.ts): GKE, Compute Engine, Cloud Run,
  // Cloud Functions, Dataproc, Dataflow.
  google_container_cluster: {
    pulumiType: 'gcp:container/cluster:Cluster',
    rename: { node_pool: 'nodePools' },
    single: ['node_config', 'cluster_autoscaling', 'auto_provisioning_defaults'],
    unsetUnlessConfigured: [
      ...withBlock('node_config', ['service_account', 'oauth_scopes']),
      'node_pool',
      ...withBlock('node_pool.node_config', ['service_account', 'oauth_scopes']),
      'cluster_autoscaling',
      ...withBlock('cluster_autoscaling.auto_provisioning_defaults', ['service_account', 'oauth_scopes']),
    ],
  },
  google_container_node_pool: {
    pulumiType: 'gcp:container/nodePool:NodePool',
    single: ['node_config'],
    unsetUnlessConfigured: withBlock('node_config', ['service_account', 'oauth_scopes']),
  },
  google_compute_instance: computeInstance('instance:Instance'),
  google_compute_instance_template: computeInstance('instanceTemplate:InstanceTemplate'),
  google_compute_region_instance_template: computeInstance('regionInstanceTemplate:RegionInstanceTemplate'),
  google_compute_instance_from_template: computeInstance('instanceFromTemplate:InstanceFromTemplate'),
  google_cloud_run_v2_service: {
    pulumiType: 'gcp:cloudrunv2/service:Service',
    single: ['template'],
    unsetUnlessConfigured: ['template.service_account'],
  },
  // Cloud Run's v1 API: `template.spec.service_account_name`, left out, is the Compute Engine default account.
  google_cloud_run_service: {
    pulumiType: 'gcp:cloudrun/service:Service',
    single: ['template', 'template.spec'],
    unsetUnlessConfigured: ['template.spec.service_account_name'],
  },
  google_cloud_run_v2_job: {
    pulumiType: 'gcp:cloudrunv2/job:Job',
    single: ['template'],
    unsetUnlessConfigured: ['template.template.service_account'],
  },
  google_cloudfunctions2_function: {
    pulumiType: 'gcp:cloudfunctionsv2/function:Function',
    single: ['service_config'],
    unsetUnlessConfigured: withBlock('service_config', ['service_account_email']),
  },
  google_cloudfunctions_function: {
    pulumiType: 'gcp:cloudfunctions/function:Function',
    single: ['event_trigger'],
    unsetUnlessConfigured: ['service_account_email'],
  },
  google_dataproc_cluster: {
    pulumiType: 'gcp:dataproc/cluster:Cluster',
    single: ['cluster_config', 'gce_cluster_config'],
    unsetUnlessConfigured: [
      'cluster_config',
      ...withBlock('cluster_config.gce_cluster_config', ['service_account', 'service_account_scopes']),
    ],
  },
  google_dataflow_job: { pulumiType: 'gcp:dataflow/job:Job', unsetUnlessConfigured: ['service_account_email'] },
  google_secret_manager_secret_version: {
    pulumiType: 'gcp:secretmanager/secretVersion:SecretVersion',
    secretValue: ['secret_data'],
  },
  ...Object.fromEntries(
    Object.entries(GCP_IAM_FAMILIES).flatMap(([family, pulumiFamily]) =>
      (['member', 'binding', 'policy'] as const).map((form) => {
        const Form = form.charAt(0).toUpperCase() + form.slice(1);
        return [
          `google_${family}_iam_${form}`,
          { pulumiType: `gcp:${pulumiFamily}/iAM${Form}:IAM${Form}`, single: ['condition'] } satisfies ResourceMapping,
        ];
      }),
    ),
  ),

  // ---- Kubernetes (the `_v1` names and the older unversioned ones) ----
  ...kubernetesTypes({
    service_account: 'core/v1:ServiceAccount',
    secret: 'core/v1:Secret',
    role: 'rbac.authorization.k8s.io/v1:Role',
    cluster_role: 'rbac.authorization.k8s.io/v1:ClusterRole',
    role_binding: 'rbac.authorization.k8s.io/v1:RoleBinding',
    cluster_role_binding: 'rbac.authorization.k8s.io/v1:ClusterRoleBinding',
    pod: 'core/v1:Pod',
    deployment: 'apps/v1:Deployment',
    stateful_set: 'apps/v1:StatefulSet',
    daemon_set: 'apps/v1:DaemonSet',
    job: 'batch/v1:Job',
    cron_job: 'batch/v1:CronJob',
  }),
  kubernetes_daemonset: k8s('apps/v1:DaemonSet'),
  // The aws-auth ConfigMap (kubernetes/aws-auth.ts), whole or as the keys `kubernetes_config_map_v1_data` patches in.
  kubernetes_config_map: k8s('core/v1:ConfigMap'),
  kubernetes_config_map_v1: k8s('core/v1:ConfigMap'),
  kubernetes_config_map_v1_data: k8s('core/v1:ConfigMapPatch'),
  kubernetes_manifest: {
    pulumiType: (values) => {
      const manifest = values.manifest;
      if (!isKnownRecord(manifest) || typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string')
        return undefined;
      const group = manifest.apiVersion.includes('/') ? manifest.apiVersion : `core/${manifest.apiVersion}`;
      return `kubernetes:${group}:${manifest.kind}`;
    },
    verbatim: 'manifest',
    secretValue: ['manifest'],
  },
});

/**
 * The Terraform types of COMPUTE_ROLES, one mapping per type from all its entries: the blocks of one and the renamed
 * blocks on any entry's path (an App Runner service's two role paths, a pipeline's role and its actions' roles).
 */
function computeRoleTypes(): Record<string, ResourceMapping> {
  const types: Record<string, ResourceMapping> = {};
  for (const { pulumi, terraform } of COMPUTE_ROLES) {
    if (!pulumi || !terraform) continue;
    const known = types[terraform.type];
    const single = [...new Set([...(known?.single ?? []), ...(terraform.single ?? [])])];
    const rename = { ...known?.rename, ...terraform.rename };
    types[terraform.type] = {
      pulumiType: pulumi.type,
      ...(single.length > 0 ? { single } : {}),
      ...(Object.keys(rename).length > 0 ? { rename } : {}),
    };
  }
  return types;
}

/** A block and the attributes in it: `node_config`, `node_config.service_account`, … */
function withBlock(block: string, attributes: readonly string[]): string[] {
  return [block, ...attributes.map((attribute) => `${block}.${attribute}`)];
}

/**
 * A Compute Engine instance or template: its `service_account` block is optional, and without it the instance has no
 * account at all; the block's `email`, when left out, is the Compute Engine default account.
 */
function computeInstance(token: string): ResourceMapping {
  return {
    pulumiType: `gcp:compute/${token}`,
    single: ['service_account'],
    unsetUnlessConfigured: ['service_account.email'],
  };
}

function kubernetesTypes(kinds: Record<string, string>): Record<string, ResourceMapping> {
  const secret = (name: string) => (name === 'secret' ? { secretValue: ['data', 'binary_data'] } : {});
  return Object.fromEntries(
    Object.entries(kinds).flatMap(([name, token]) => [
      [`kubernetes_${name}`, k8s(token, secret(name))],
      [`kubernetes_${name}_v1`, k8s(token, secret(name))],
    ]),
  );
}

/**
 * Terraform types that grant access or create a credential and that no adapter reads: each is reported as content
 * the check cannot see (rule no-unseen-content), never passed in silence. Types that grant nothing by themselves
 * (a SAML provider, a workload identity pool, an exclusivity guard) are not listed.
 */
export const UNMODELLED_GRANTING_TYPES: ReadonlySet<string> = new Set([
  // Azure AD: group membership, custom directory roles, eligible and PIM assignments, credentials of other kinds.
  // A group membership hands the member whatever the group holds, and what a group holds may be granted anywhere
  // (another change, the portal, a role assignment at any scope): the change never shows all of it.
  'azuread_directory_role_eligibility_schedule_request',
  'azuread_custom_directory_role',
  'azuread_group_member',
  'azuread_privileged_access_group_assignment_schedule',
  'azuread_privileged_access_group_eligibility_schedule',
  'azuread_service_principal_token_signing_certificate',
  'azuread_application_flexible_federated_identity_credential',
  'azuread_synchronization_secret',
  // AzureRM: data-plane grants that Azure RBAC role assignments do not carry, each to a principal of its own service's
  // directory of roles (type names: bridgecrewio/checkov 03d5fdad checkov/common/checks_infra/resources_types.py).
  // The Pulumi adapter reports the same resources (pulumi/dispatch.ts: their azure-native tokens, or the inline
  // property for IoT hub and DPS policies), except Synapse RBAC, Managed HSM local RBAC, a disk SAS token, a Key Vault
  // SAS definition and an Application Insights API key, which have no azure-native resource (none in
  // @pulumi/azure-native 3.28.0). test/adapters/azure-data-plane-grants.test.ts pairs them.
  // Cosmos DB's data-plane roles: an assignment grants a definition's data actions on the account, a Mongo user or a
  // PostgreSQL cluster role is a login with a password and roles; a custom definition is listed as
  // azuread_custom_directory_role is (what it permits is unread, and an assignment outside the change may bind it).
  'azurerm_cosmosdb_sql_role_assignment',
  'azurerm_cosmosdb_sql_role_definition',
  'azurerm_cosmosdb_mongo_role_definition',
  'azurerm_cosmosdb_mongo_user_definition',
  'azurerm_cosmosdb_postgresql_role',
  // Entra administrators of databases: the principal named is administrator of every database of the server (of the
  // workspace's SQL pools).
  'azurerm_sql_active_directory_administrator',
  'azurerm_sql_managed_instance_active_directory_administrator',
  'azurerm_mssql_managed_instance_active_directory_administrator',
  'azurerm_postgresql_active_directory_administrator',
  'azurerm_postgresql_flexible_server_active_directory_administrator',
  'azurerm_mysql_active_directory_administrator',
  'azurerm_mysql_flexible_server_active_directory_administrator',
  'azurerm_synapse_workspace_aad_admin',
  'azurerm_synapse_workspace_sql_aad_admin',
  // Data Explorer (Kusto) principals of a cluster or database, Synapse RBAC, Managed HSM local RBAC, Redis data access,
  // Time Series Insights access policies.
  'azurerm_kusto_cluster_principal_assignment',
  'azurerm_kusto_database_principal_assignment',
  'azurerm_synapse_role_assignment',
  'azurerm_key_vault_managed_hardware_security_module_role_assignment',
  'azurerm_key_vault_managed_hardware_security_module_role_definition',
  'azurerm_redis_cache_access_policy',
  'azurerm_redis_cache_access_policy_assignment',
  'azurerm_iot_time_series_insights_access_policy',
  // AzureRM: shared-key credentials the change makes. An authorization rule or shared access policy is a named key
  // pair (SAS) with its rights on the namespace, entity or hub; whoever holds a key needs no identity. A disk SAS token,
  // a Key Vault SAS definition and an Application Insights API key are credentials of the same kind.
  'azurerm_servicebus_namespace_authorization_rule',
  'azurerm_servicebus_queue_authorization_rule',
  'azurerm_servicebus_topic_authorization_rule',
  'azurerm_eventhub_namespace_authorization_rule',
  'azurerm_eventhub_authorization_rule',
  'azurerm_relay_namespace_authorization_rule',
  'azurerm_relay_hybrid_connection_authorization_rule',
  'azurerm_notification_hub_authorization_rule',
  'azurerm_iothub_shared_access_policy',
  'azurerm_iothub_dps_shared_access_policy',
  'azurerm_managed_disk_sas_token',
  'azurerm_key_vault_managed_storage_account_sas_token_definition',
  'azurerm_application_insights_api_key',
  // Kubernetes: a service-account token or a client certificate issued through the API.
  'kubernetes_token_request_v1',
  'kubernetes_certificate_signing_request',
  'kubernetes_certificate_signing_request_v1',
]);

/**
 * Helm's release: Helm installs the chart's objects (service accounts, RBAC, Secrets) itself; none is a resource of
 * the plan, as none of a Pulumi kubernetes:helm.sh/v3:Release is a Pulumi resource (pulumi/dispatch.ts).
 */
export const HELM_RELEASE = 'helm_release';

/** Blocks that grant access inside a type the check otherwise passes over, reported where the configuration writes them. */
export const UNMODELLED_GRANTING_BLOCKS: Readonly<Record<string, string>> = lookupTable({
  // The server's or workspace's Entra administrator written inside it, as the separate
  // azurerm_sql_active_directory_administrator and azurerm_synapse_workspace_aad_admin above (`login_username`,
  // `object_id`: bridgecrewio/checkov 03d5fdad tests/terraform/graph/checks/resources/AzureConfigMSSQLwithAD/main.tf,
  // tests/terraform/checks/resource/azure/example_SynapseWorkspaceEnablesDataExfilProtection/main.tf).
  azurerm_mssql_server: 'azuread_administrator',
  azurerm_synapse_workspace: 'aad_admin',
});

/** Other Google resource-level IAM (`google_storage_bucket_iam_member`, …): not a Pulumi adapter type, read on their own. */
export const GCP_RESOURCE_IAM = /^google_(.+)_iam_(member|binding|policy)$/;

/** The Pulumi property a Terraform attribute becomes. */
export function propertyName(mapping: ResourceMapping, attribute: string): string {
  // Own entries only: an attribute is the plan's name, and may be `constructor` or `toString`.
  const { dependencyAlias: alias, rename } = mapping;
  return (
    (alias && Object.hasOwn(alias, attribute) ? alias[attribute] : undefined) ??
    (rename && Object.hasOwn(rename, attribute) ? rename[attribute] : undefined) ??
    camelCase(attribute)
  );
}

/** Whether a mapping names a block by its dotted path (`single`, `rename`), worked out once per mapping. */
const SCOPED = new WeakMap<ResourceMapping, boolean>();

/** Terraform's values as the Pulumi record's properties: camelCase names, blocks of one as objects, maps kept. */
export function convertValues(mapping: ResourceMapping, values: Record<string, unknown>): Record<string, unknown> {
  if (mapping.verbatim) {
    const body = values[mapping.verbatim];
    return isKnownRecord(body) ? { ...body } : {};
  }
  const single = new Set(mapping.single ?? []);
  const rename = mapping.rename ?? {};
  const renamed = (name: string) => (Object.hasOwn(rename, name) ? rename[name] : undefined);
  // The dotted path of blocks down to a value (list items are their block's path), kept only where a name is dotted.
  let scoped = SCOPED.get(mapping);
  if (scoped === undefined) {
    scoped = [...single, ...Object.keys(rename)].some((name) => name.includes('.'));
    SCOPED.set(mapping, scoped);
  }
  const convert = (value: unknown, key: string, path: string): unknown => {
    if (isUnknown(value) || MAPS.has(key)) return value;
    if (key !== '' && (single.has(key) || single.has(path)) && Array.isArray(value))
      return value.length === 0 ? undefined : convert(value[0], '', path);
    if (Array.isArray(value)) return value.map((item) => convert(item, '', path));
    if (isRecord(value)) {
      const result: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        const at = scoped && path !== '' ? `${path}.${name}` : name;
        result[renamed(at) ?? renamed(name) ?? camelCase(name)] = convert(item, name, at);
      }
      return result;
    }
    return value;
  };
  const props = convert(values, '', '') as Record<string, unknown>;
  mapping.transform?.(props);
  return props;
}

const CAMEL_CASE = new Map<string, string>();

export function camelCase(name: string): string {
  let camel = CAMEL_CASE.get(name);
  if (camel === undefined) {
    camel = name.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
    if (CAMEL_CASE.size < 10_000) CAMEL_CASE.set(name, camel);
  }
  return camel;
}

export function pulumiTypeOf(mapping: ResourceMapping, values: Record<string, unknown>): string | undefined {
  return typeof mapping.pulumiType === 'string' ? mapping.pulumiType : mapping.pulumiType(values);
}
