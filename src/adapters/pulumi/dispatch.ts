/**
 * The Pulumi adapter's entry: every cloud's resources of one stack into one model. Each cloud module reads
 * only its own type tokens, so a stack mixing AWS, Azure, Google Cloud and Kubernetes resources gives one
 * model, one evaluation and one audit.
 */
import { resolveEksAccess } from '../../iam/aws/eks-access-grants.js';
import { mergeModels } from '../../model/merge.js';
import { isUnknown, type Model, type SecretValueAdvice, type UnseenContent } from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { modelFromAwsResources } from './aws.js';
import { AZURE_NATIVE_TYPES } from './azure-native.js';
import { KEY_VAULT_TYPES } from './azure-key-vault.js';
import { isSharedKeyType } from './azure-resource-keys.js';
import { modelFromAzureResources } from './azuread.js';
import { modelFromGcpResources } from './gcp.js';
import { modelFromKubernetesResources } from './kubernetes.js';
import { plainCredentialsOfPulumi } from './plain-credentials.js';
import { describeUrn, isUnknownSentinel, resourceRef, revealUnknowns, type PulumiResource } from './resource.js';
import { addQualifiedNames } from './stack-names.js';

export interface PulumiModelOptions {
  /**
   * The resources are one whole stack (AnalyzeStack, a stack export), so a resource name unique among its identities
   * and secrets is known to be: they get `pulumi:<project>/<stack>/<name>` (stack-names.ts).
   */
  wholeStack?: boolean;
}

export function modelFromPulumiResources(
  resources: readonly PulumiResource[],
  options: PulumiModelOptions = {},
): Model {
  const model = mergeModels([
    modelFromAwsResources(resources),
    modelFromAzureResources(resources),
    modelFromGcpResources(resources),
    modelFromKubernetesResources(resources),
  ]);
  // EKS access entries and the aws-auth ConfigMap may name the stack's AWS roles, and put them in groups its bindings bind.
  resolveEksAccess(model);
  for (const secret of model.secrets) if (secret.valueInProgram) secret.valueAdvice = PROGRAM_VALUE_ADVICE;
  const plainCredentials = plainCredentialsOfPulumi(resources);
  if (plainCredentials.length > 0) model.plainCredentials = [...(model.plainCredentials ?? []), ...plainCredentials];
  const unseen = resources.flatMap((resource): Unseen[] => {
    if (resource.type === HELM_RELEASE) {
      const chart = chartOf(resource);
      return [
        { resource, kind: 'helm-release', what: resource.type, ...(chart !== undefined ? { named: chart } : {}) },
      ];
    }
    const type = withoutApiVersion(resource.type);
    if (UNMODELLED_GRANTING_TYPES.has(type) || (type !== resource.type && isReadAzureNativeType(type)))
      return [{ resource, kind: 'unmodelled-pulumi-type', what: resource.type }];
    // Own keys only: a type token such as `toString` must not find Object.prototype's.
    const block =
      Object.hasOwn(UNMODELLED_GRANTING_PROPERTIES, type) && !(type === resource.type && READ_INLINE.has(type))
        ? UNMODELLED_GRANTING_PROPERTIES[type]
        : undefined;
    // In preview an output not known yet is Pulumi's sentinel string: revealed as an Unknown first.
    return block !== undefined && writesProperty(revealUnknowns(resource, describeUrn), block)
      ? [{ resource, kind: 'unmodelled-pulumi-type', what: `${resource.type} ${block.join('.')}` }]
      : [];
  });
  if (unseen.length > 0) {
    model.unseen = [
      ...(model.unseen ?? []),
      ...unseen.map(({ resource, ...rest }) => ({ resource: resourceRef(resource), ...rest })),
    ];
  }
  if (options.wholeStack) addQualifiedNames(model);
  return model;
}

/**
 * Properties that grant access inside a type no adapter reads otherwise. A Key Vault's inline access policies
 * (`properties.accessPolicies`, @pulumi/azure-native 3.28.0 keyvault VaultPropertiesArgs) are read (azure-key-vault.ts)
 * in the default API version's shape only: a vault pinned to another API version is reported here when it writes them.
 */
const UNMODELLED_GRANTING_PROPERTIES: Readonly<Record<string, readonly string[]>> = lookupTable({
  'azure-native:keyvault:Vault': ['properties', 'accessPolicies'],
  // An Entra group's members written inside it (@pulumi/azuread 6.9.1 GroupArgs `members`: "A set of members who
  // should be present in this group"; Terraform's azuread_group `members`, which the Terraform adapter maps here), as
  // the separate azuread.GroupMember above: each member gets whatever the group holds, granted anywhere.
  'azuread:index/group:Group': ['members'],
  // A server's or managed instance's Entra administrator written inside it (`administrators`: login, sid, tenantId;
  // @pulumi/azure-native 3.28.0 sql/server.d.ts, sql/managedInstance.d.ts), as the separate ServerAzureADAdministrator
  // and ManagedInstanceAdministrator below; Terraform's azurerm_mssql_server azuread_administrator block.
  'azure-native:sql:Server': ['administrators'],
  'azure-native:sql:ManagedInstance': ['administrators'],
  // A Synapse workspace's initial admin, an Entra object id made its administrator
  // (`cspWorkspaceAdminProperties.initialWorkspaceAdminObjectId`: synapse/workspace.d.ts, CspWorkspaceAdminPropertiesArgs
  // "AAD object ID of initial workspace admin"), beside the separate WorkspaceAadAdmin below. Whether azurerm has a
  // counterpart is not checked (no azurerm schema is at hand); its workspace's aad_admin block is reported there.
  'azure-native:synapse:Workspace': ['cspWorkspaceAdminProperties', 'initialWorkspaceAdminObjectId'],
  // Shared access policies (SAS key pairs) written inside an IoT hub or a Device Provisioning Service
  // (`properties.authorizationPolicies`: iothub/iotHubResource.d.ts, deviceprovisioningservices/iotDpsResource.d.ts;
  // 2.x's devices module, as their aliases name it), as Terraform's azurerm_iothub_shared_access_policy and
  // azurerm_iothub_dps_shared_access_policy are written apart.
  ...Object.fromEntries(
    [
      'azure-native:iothub:IotHubResource',
      'azure-native:devices:IotHubResource',
      'azure-native:deviceprovisioningservices:IotDpsResource',
      'azure-native:devices:IotDpsResource',
    ].map((type) => [type, ['properties', 'authorizationPolicies']]),
  ),
});

/** Types whose granting properties an adapter reads at the default API version (azure-key-vault.ts). */
const READ_INLINE: ReadonlySet<string> = new Set([KEY_VAULT_TYPES.vault]);

/**
 * An azure-native token pinned to an API version (`azure-native:cosmosdb/v20240515:SqlResourceSqlRoleAssignment`, a
 * 2.x explicit-version module or a 3.x local package) as its default-version token: the same resource at another API
 * version, as each resource's aliases list them (@pulumi/azure-native 3.28.0, e.g.
 * cosmosdb/sqlResourceSqlRoleAssignment.js: `v20200601preview` … `v20260401preview`). Other tokens are unchanged.
 */
function withoutApiVersion(type: string): string {
  return type.replace(/^azure-native:([a-z0-9]+)\/v\d{8}(?:preview|privatepreview|beta)?:/, 'azure-native:$1:');
}

/**
 * A type the Azure adapters read (role assignments and definitions, managed identities and their federated
 * credentials, Key Vault secrets and access policies, storage accounts' keys) in the shape of @pulumi/azure-native 3.28.0's default API
 * version. Pinned to another API version, its inputs are that version's, generated from another API spec, so it is
 * reported as unseen instead of read in a shape it may not have (or passed, as it was: no adapter matched the token).
 */
function isReadAzureNativeType(type: string): boolean {
  return AZURE_NATIVE_TYPES.includes(type) || isSharedKeyType(type) || type === KEY_VAULT_TYPES.accessPolicy;
}

/** Whether the inputs hold the property: a non-empty list, object or string, or a value known only at apply. */
function writesProperty(props: Record<string, unknown>, path: readonly string[]): boolean {
  let value: unknown = props;
  for (const step of path) {
    if (isUnknown(value)) return true;
    value = isRecord(value) ? value[step] : undefined;
  }
  return (
    isUnknown(value) ||
    (Array.isArray(value) && value.length > 0) ||
    (isRecord(value) && Object.keys(value).length > 0) ||
    (typeof value === 'string' && value !== '')
  );
}

/** Where a secret value a Pulumi program sets comes from, and how Pulumi keeps it out of the source. */
export const PROGRAM_VALUE_ADVICE: SecretValueAdvice = {
  source:
    'the Pulumi program: either a literal in its source, which every copy of the code holds, or a stack config secret; ' +
    'a policy pack cannot tell which (pulumi/pulumi-policy#241)',
  keepOut: '`pulumi config set --secret`, a generated value (random provider), or set it out of band',
};

/**
 * Pulumi types that grant access or create a credential and that no adapter reads: the tokens of the Terraform types
 * the Terraform adapter reports (terraform/providers.ts UNMODELLED_GRANTING_TYPES; the aws and azuread providers are
 * bridged from Terraform's), and a Helm release, reported the same way (rule no-unseen-content) instead of passed in
 * silence.
 */
const UNMODELLED_GRANTING_TYPES: ReadonlySet<string> = new Set([
  // Azure AD: group membership, custom directory roles, eligible and PIM assignments, credentials of other kinds
  // (directory role membership and delegated permission grants are read: azuread.ts).
  'azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest',
  'azuread:index/customDirectoryRole:CustomDirectoryRole',
  'azuread:index/groupMember:GroupMember',
  'azuread:index/privilegedAccessGroupAssignmentSchedule:PrivilegedAccessGroupAssignmentSchedule',
  'azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule',
  'azuread:index/servicePrincipalTokenSigningCertificate:ServicePrincipalTokenSigningCertificate',
  'azuread:index/applicationFlexibleFederatedIdentityCredential:ApplicationFlexibleFederatedIdentityCredential',
  'azuread:index/synchronizationSecret:SynchronizationSecret',
  // Azure data-plane grants and shared-key credentials, as terraform/providers.ts lists the azurerm types (the same
  // reasons there). Tokens are @pulumi/azure-native 3.28.0's (each resource's __pulumiType), with the unversioned
  // tokens of 2.x its aliases list (documentdb before cosmosdb, cache before redis, Role before ServerGroupRole), which
  // a stack on the older SDK still sends. Cassandra, Gremlin, Table and Mongo MI data-plane roles have no azurerm type.
  ...['cosmosdb', 'documentdb'].flatMap((module) =>
    [
      'SqlResourceSqlRoleAssignment',
      'SqlResourceSqlRoleDefinition',
      'MongoDBResourceMongoRoleDefinition',
      'MongoDBResourceMongoUserDefinition',
      'TableResourceTableRoleAssignment',
      'TableResourceTableRoleDefinition',
    ].map((name) => `azure-native:${module}:${name}`),
  ),
  'azure-native:cosmosdb:CassandraResourceCassandraRoleAssignment',
  'azure-native:cosmosdb:CassandraResourceCassandraRoleDefinition',
  'azure-native:cosmosdb:GremlinResourceGremlinRoleAssignment',
  'azure-native:cosmosdb:GremlinResourceGremlinRoleDefinition',
  'azure-native:cosmosdb:MongoMIResourceMongoMIRoleAssignment',
  'azure-native:cosmosdb:MongoMIResourceMongoMIRoleDefinition',
  'azure-native:dbforpostgresql:ServerGroupRole',
  'azure-native:dbforpostgresql:Role',
  // Entra administrators of databases.
  'azure-native:sql:ServerAzureADAdministrator',
  'azure-native:sql:ManagedInstanceAdministrator',
  'azure-native:dbforpostgresql:Administrator',
  'azure-native:dbforpostgresql:AdministratorsMicrosoftEntra',
  'azure-native:dbforpostgresql:SingleServerServerAdministrator',
  'azure-native:dbformysql:AzureADAdministrator',
  'azure-native:dbformysql:SingleServerServerAdministrator',
  'azure-native:synapse:WorkspaceAadAdmin',
  'azure-native:synapse:WorkspaceSqlAadAdmin',
  // Data Explorer principals (of a cluster, a database, a Synapse Kusto pool), Redis and Time Series Insights access.
  // Synapse RBAC and Managed HSM local RBAC are data-plane APIs that azure-native has no resource for.
  'azure-native:kusto:ClusterPrincipalAssignment',
  'azure-native:kusto:DatabasePrincipalAssignment',
  'azure-native:synapse:KustoPoolPrincipalAssignment',
  'azure-native:synapse:KustoPoolDatabasePrincipalAssignment',
  'azure-native:synapse:DatabasePrincipalAssignment',
  'azure-native:redis:AccessPolicy',
  'azure-native:redis:AccessPolicyAssignment',
  'azure-native:cache:AccessPolicy',
  'azure-native:cache:AccessPolicyAssignment',
  'azure-native:redisenterprise:AccessPolicyAssignment',
  'azure-native:timeseriesinsights:AccessPolicy',
  // Shared-key (SAS) authorization rules.
  'azure-native:servicebus:NamespaceAuthorizationRule',
  'azure-native:servicebus:QueueAuthorizationRule',
  'azure-native:servicebus:TopicAuthorizationRule',
  'azure-native:eventhub:NamespaceAuthorizationRule',
  'azure-native:eventhub:EventHubAuthorizationRule',
  'azure-native:relay:NamespaceAuthorizationRule',
  'azure-native:relay:HybridConnectionAuthorizationRule',
  'azure-native:relay:WCFRelayAuthorizationRule',
  'azure-native:notificationhubs:NamespaceAuthorizationRule',
  'azure-native:notificationhubs:NotificationHubAuthorizationRule',
]);

/**
 * A Helm release. Helm, embedded in the provider as a library, installs the chart's objects (service accounts, RBAC,
 * Secrets), so none is a Pulumi resource a policy pack is asked about (@pulumi/kubernetes 4.34.2
 * helm/v3/release.d.ts); helm.v4.Chart registers them as its children instead, read like any object (helm/v4/chart.d.ts).
 */
const HELM_RELEASE = 'kubernetes:helm.sh/v3:Release';

/** What the stack holds that no adapter reads, with its resource (UnseenContent names the resource by reference). */
type Unseen = Omit<UnseenContent, 'resource'> & { resource: PulumiResource };

/** The chart a release installs, as its `chart` input names it (a name, a path or a URL), when known. */
function chartOf(resource: PulumiResource): string | undefined {
  const chart = resource.props.chart;
  // In preview a chart computed from another output is the engine's sentinel, which names nothing.
  return typeof chart === 'string' && chart !== '' && !isUnknownSentinel(chart) ? chart : undefined;
}
