/**
 * Azure resources' own keys (src/iam/azure/resource-keys.ts says what each kind's keys are). A storage account, a
 * Cosmos DB account, a Service Bus or Event Hubs namespace, a Redis cache, an App Configuration store, a Search
 * service, an Event Grid topic or domain, a SignalR or Web PubSub service and an AI services account each hold keys
 * that stay valid until someone regenerates them and authorize requests without any identity, unless the resource turns
 * them off; a container registry holds its admin user's passwords only where it turns the admin user on. Whether it
 * does is read here, from azure-native and from the classic provider (the Terraform adapter maps the azurerm types onto
 * the classic ones, which are bridged from them):
 *
 * - azure-native 3.28.0: `allowSharedKeyAccess` (storage: "The default value is null, which is equivalent to true",
 *   storage/storageAccount.d.ts), `disableLocalAuth` (cosmosdb/databaseAccount, servicebus/namespace,
 *   eventhub/namespace, appconfiguration/configurationStore, search/service, eventgrid/topic and domain,
 *   signalrservice/signalR, webpubsub/webPubSub; `properties.disableLocalAuth` on cognitiveservices/account), and
 *   `disableAccessKeyAuthentication` (redis/redis: "Default value is false"). Left out, the keys work, except
 *   containerregistry/registry's `adminUserEnabled` ("The value that indicates whether the admin user is enabled"),
 *   where left out means off. 2.x tokens that the resources' aliases list (`documentdb:DatabaseAccount`, `cache:Redis`)
 *   are read the same way. containerservice/managedCluster's `disableLocalAccounts` ("If set to true, getting static
 *   credentials will be disabled for this cluster"): left out, the local accounts work.
 * - azurerm (hashicorp/terraform-provider-azurerm 69697b7f, website/docs/r/*.html.markdown, each "Defaults to `true`"):
 *   `shared_access_key_enabled`, `local_authentication_enabled` (cosmosdb_account, eventhub_namespace, search_service),
 *   `local_auth_enabled` (servicebus_namespace, app_configuration, eventgrid_topic and domain, signalr_service,
 *   web_pubsub, cognitive_account), `access_keys_authentication_enabled` (redis_cache); the 3.x and 4.x
 *   `local_authentication_disabled` of cosmosdb_account, removed in 5.0 (5.0 upgrade guide), is read where the plan has
 *   it; container_registry's `admin_enabled` ("Defaults to `false`") is the exception. The classic provider's tokens
 *   and property names are pulumi/pulumi-azure a1c2bdf5's sdk/nodejs (each `__pulumiType`; containerservice/registry's
 *   `adminEnabled`, "Defaults to `false`", as at 030ee7b9): azurerm's attributes in camelCase. kubernetes_cluster's
 *   `local_account_disabled` ("Defaults to `false`"; classic `localAccountDisabled`) turns an AKS cluster's local
 *   accounts off.
 *
 * The resource is no identity: what it holds is recorded as SharedKeyAccess, judged on the resource.
 */
import { booleanProperty, isUnknown, type SharedKeyAccess, type SharedKeyKind } from '../../model/model.js';
import type { Entry } from './links.js';
import { knownString, valueAt } from './values.js';
import { lookupTable } from '../../util/records.js';

interface KeysShape {
  kind: SharedKeyKind;
  /** The property that turns the keys on or off (a dotted path inside the inputs). */
  setting: string;
  /** The value of `setting` that turns them off. */
  offValue: boolean;
  /**
   * Whether the keys are off where `setting` is left out: a container registry's admin user is off unless turned on
   * (azure-native's `adminUserEnabled`, azurerm's `admin_enabled`, "Defaults to `false`"); every other kind's keys work
   * unless turned off.
   */
  offByDefault?: boolean;
  /** A property older provider versions wrote instead, read only where `setting` is not there. */
  formerSetting?: { setting: string; offValue: boolean };
  /** The property that names the resource. */
  name: string;
  /**
   * Whether that name is unique within Azure, so an exception may name the resource by it: the names that are the
   * DNS prefix of the resource's endpoint (`<name>.blob.core.windows.net`, `.documents.azure.com`,
   * `.servicebus.windows.net`, `.redis.cache.windows.net`, `.azconfig.io`, `.search.windows.net`,
   * `.service.signalr.net`, `.webpubsub.azure.com`). An Event Grid topic's endpoint also carries its region, and an AI
   * services account's endpoint is its custom subdomain, not its name.
   */
  uniqueName: boolean;
}

const disableLocalAuth = (kind: SharedKeyKind, name: string, uniqueName = true): KeysShape => ({
  kind,
  setting: 'disableLocalAuth',
  offValue: true,
  name,
  uniqueName,
});
const enabledFlag = (kind: SharedKeyKind, setting: string, uniqueName = true): KeysShape => ({
  kind,
  setting,
  offValue: false,
  name: 'name',
  uniqueName,
});

/** azure-native's Redis, under its 3.x token and the 2.x one its aliases list. */
const REDIS: KeysShape = {
  kind: 'azure-cache-for-redis',
  setting: 'disableAccessKeyAuthentication',
  offValue: true,
  name: 'name',
  uniqueName: true,
};

/** Type -> where it turns its keys off, and what names it. */
const SHAPES: Readonly<Record<string, KeysShape>> = lookupTable({
  'azure-native:storage:StorageAccount': {
    kind: 'azure-storage-account',
    setting: 'allowSharedKeyAccess',
    offValue: false,
    name: 'accountName',
    uniqueName: true,
  },
  'azure:storage/account:Account': enabledFlag('azure-storage-account', 'sharedAccessKeyEnabled'),
  'azure-native:cosmosdb:DatabaseAccount': disableLocalAuth('azure-cosmos-db-account', 'accountName'),
  'azure-native:documentdb:DatabaseAccount': disableLocalAuth('azure-cosmos-db-account', 'accountName'),
  'azure:cosmosdb/account:Account': {
    ...enabledFlag('azure-cosmos-db-account', 'localAuthenticationEnabled'),
    formerSetting: { setting: 'localAuthenticationDisabled', offValue: true },
  },
  'azure-native:servicebus:Namespace': disableLocalAuth('azure-service-bus-namespace', 'namespaceName'),
  'azure:servicebus/namespace:Namespace': enabledFlag('azure-service-bus-namespace', 'localAuthEnabled'),
  'azure-native:eventhub:Namespace': disableLocalAuth('azure-event-hubs-namespace', 'namespaceName'),
  'azure:eventhub/eventHubNamespace:EventHubNamespace': enabledFlag(
    'azure-event-hubs-namespace',
    'localAuthenticationEnabled',
  ),
  'azure-native:redis:Redis': REDIS,
  'azure-native:cache:Redis': REDIS,
  'azure:redis/cache:Cache': enabledFlag('azure-cache-for-redis', 'accessKeysAuthenticationEnabled'),
  'azure-native:appconfiguration:ConfigurationStore': disableLocalAuth(
    'azure-app-configuration-store',
    'configStoreName',
  ),
  'azure:appconfiguration/configurationStore:ConfigurationStore': enabledFlag(
    'azure-app-configuration-store',
    'localAuthEnabled',
  ),
  'azure-native:search:Service': disableLocalAuth('azure-ai-search-service', 'searchServiceName'),
  'azure:search/service:Service': enabledFlag('azure-ai-search-service', 'localAuthenticationEnabled'),
  'azure-native:eventgrid:Topic': disableLocalAuth('azure-event-grid-topic', 'topicName', false),
  'azure:eventgrid/topic:Topic': enabledFlag('azure-event-grid-topic', 'localAuthEnabled', false),
  'azure-native:eventgrid:Domain': disableLocalAuth('azure-event-grid-domain', 'domainName', false),
  'azure:eventgrid/domain:Domain': enabledFlag('azure-event-grid-domain', 'localAuthEnabled', false),
  'azure-native:signalrservice:SignalR': disableLocalAuth('azure-signalr-service', 'resourceName'),
  'azure:signalr/service:Service': enabledFlag('azure-signalr-service', 'localAuthEnabled'),
  'azure-native:webpubsub:WebPubSub': disableLocalAuth('azure-web-pubsub-service', 'resourceName'),
  'azure:webpubsub/service:Service': enabledFlag('azure-web-pubsub-service', 'localAuthEnabled'),
  'azure-native:cognitiveservices:Account': {
    ...disableLocalAuth('azure-ai-services-account', 'accountName', false),
    setting: 'properties.disableLocalAuth',
  },
  'azure:cognitive/account:Account': enabledFlag('azure-ai-services-account', 'localAuthEnabled', false),
  // The registry's name is the DNS prefix of its login server (`<name>.azurecr.io`).
  'azure-native:containerregistry:Registry': {
    kind: 'azure-container-registry',
    setting: 'adminUserEnabled',
    offValue: false,
    offByDefault: true,
    name: 'registryName',
    uniqueName: true,
  },
  'azure:containerservice/registry:Registry': {
    ...enabledFlag('azure-container-registry', 'adminEnabled'),
    offByDefault: true,
  },
  // A cluster's name is unique only in its resource group (its API server's FQDN is made from dnsPrefix and a suffix).
  'azure-native:containerservice:ManagedCluster': {
    kind: 'azure-kubernetes-cluster',
    setting: 'disableLocalAccounts',
    offValue: true,
    name: 'resourceName',
    uniqueName: false,
  },
  'azure:containerservice/kubernetesCluster:KubernetesCluster': {
    kind: 'azure-kubernetes-cluster',
    setting: 'localAccountDisabled',
    offValue: true,
    name: 'name',
    uniqueName: false,
  },
});

export function isSharedKeyType(type: string): boolean {
  return Object.hasOwn(SHAPES, type);
}

/** The resource's keys where they work or may work; undefined where the resource turns them off. */
export function sharedKeyAccess(entry: Entry): SharedKeyAccess | undefined {
  const shape = SHAPES[entry.resource.type];
  if (!shape) return undefined;
  const name = knownString(entry.props[shape.name]);
  if (name !== undefined && shape.uniqueName) entry.ref.physicalName = name;
  const { setting, offValue, value } = settingRead(entry.props, shape);
  const flag = value === undefined || value === null ? undefined : booleanProperty(value);
  if (flag === offValue || (flag === undefined && shape.offByDefault === true)) return undefined;
  const reason: SharedKeyAccess['reason'] =
    value === undefined || value === null
      ? { kind: 'unset' }
      : flag === !offValue
        ? { kind: 'enabled' }
        : isUnknown(flag)
          ? { kind: 'pending', what: flag.description }
          : // Neither true nor false (a string the provider would refuse): the keys may work, so it is not passed.
            { kind: 'pending', what: `${entry.ref.name}.${setting} is not a boolean` };
  return {
    cloud: 'azure',
    kind: shape.kind,
    source: entry.ref,
    name: name ?? entry.ref.name,
    reason,
    setting,
    offValue,
  };
}

/** The setting the inputs write, with its value: the current one, else a former one the inputs still write. */
function settingRead(
  props: Record<string, unknown>,
  shape: KeysShape,
): { setting: string; offValue: boolean; value: unknown } {
  const value = valueAt(props, shape.setting.split('.'));
  const former = shape.formerSetting;
  if ((value !== undefined && value !== null) || !former)
    return { setting: shape.setting, offValue: shape.offValue, value };
  const formerValue = valueAt(props, former.setting.split('.'));
  return formerValue !== undefined && formerValue !== null
    ? { ...former, value: formerValue }
    : { setting: shape.setting, offValue: shape.offValue, value };
}
