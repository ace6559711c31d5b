/**
 * Azure resources that hold keys of their own: keys the platform creates with the resource, valid until someone
 * regenerates them, that authorize requests to the resource's data without any Entra identity. Each service lets the
 * resource turn them off (Microsoft's "disable local authentication" setting, Storage's Shared Key setting); left out,
 * the keys work. What the keys are and what replaces them, in words, per kind (SharedKeyAccess in the model):
 *
 * - Storage: two account keys; Shared Key requests and SAS tokens signed with them (Azure Storage, "Prevent Shared Key
 *   authorization for an Azure Storage account").
 * - Cosmos DB: primary and secondary keys, read-write and read-only, and resource tokens made with them ("Disable local
 *   authentication": `disableLocalAuth`, SQL API accounts; accounts of other APIs cannot turn them off).
 * - Service Bus and Event Hubs: the namespace's RootManageSharedAccessKey (Manage, Send, Listen) and every SAS policy;
 *   SAS tokens signed with them (`disableLocalAuth`, "Disable local or SAS key authentication").
 * - Azure Cache for Redis: two access keys, full access (`disableAccessKeyAuthentication`).
 * - App Configuration: access keys, read-write and read-only (`disableLocalAuth`).
 * - Azure AI Search: admin and query API keys (`disableLocalAuth`).
 * - Event Grid topics and domains: two access keys and SAS tokens signed with them (`disableLocalAuth`).
 * - SignalR and Web PubSub: two access keys, from which clients' access tokens are minted (`disableLocalAuth`).
 * - Azure AI services (Cognitive Services) accounts: two API keys (`properties.disableLocalAuth`).
 * - Container registries: the admin user, a username and two passwords that log in to the registry with push and pull
 *   ("Azure Container Registry authentication options", the admin account, "not recommended" beyond single-user
 *   testing); off unless the registry turns it on (`adminUserEnabled`, "The value that indicates whether the admin
 *   user is enabled"), so only a registry that turns it on, or may, holds them.
 * - AKS clusters: local accounts, whose kubeconfigs (`az aks get-credentials --admin`, listClusterAdminCredentials)
 *   carry a client certificate of the cluster's CA; the admin one's is in `system:masters`, cluster-admin, whatever
 *   Entra ID or Azure RBAC says ("Manage local accounts with AKS-managed Microsoft Entra integration": local accounts
 *   are enabled by default, and even with Entra integration `--admin` access stays "a non-auditable backdoor"). It
 *   stays valid until the cluster's certificates are rotated. `disableLocalAccounts` turns them off, on a cluster with
 *   Entra integration (`aadProfile`).
 */
import type { SharedKeyKind } from '../../model/model.js';

export interface ResourceKeysWords {
  /** What the resource is: `Storage account`, `Cosmos DB account`. */
  resource: string;
  /** What the keys authorize as: `Shared Key authorization`, `key authorization`. */
  authorization: string;
  /** The keys, as a subject: `its two account keys`. */
  keys: string;
  /** The keys, short: `account keys`. */
  keysShort: string;
  /** What a holder of a key can send: `a request signed with one, or a SAS token signed with one`. */
  signed: string;
  /** The identity that replaces them: `a managed identity with a Storage data role`. */
  callers: string;
}

export const RESOURCE_KEYS: Readonly<Record<SharedKeyKind, ResourceKeysWords>> = {
  'azure-storage-account': {
    resource: 'Storage account',
    authorization: 'Shared Key authorization',
    keys: 'its two account keys',
    keysShort: 'account keys',
    signed: 'a request signed with one, or a SAS token signed with one,',
    callers: 'a managed identity with a Storage data role',
  },
  'azure-cosmos-db-account': {
    resource: 'Cosmos DB account',
    authorization: 'key authorization (local authentication)',
    keys: 'its primary and secondary keys, read-write and read-only,',
    keysShort: 'account keys',
    signed: 'a request signed with one, or a resource token made with one,',
    callers: 'a managed identity with a Cosmos DB data-plane role',
  },
  'azure-service-bus-namespace': {
    resource: 'Service Bus namespace',
    authorization: 'SAS key authorization (local authentication)',
    keys: 'its RootManageSharedAccessKey (Manage, Send, Listen) and every other SAS policy key',
    keysShort: 'SAS keys',
    signed: 'a SAS token signed with one',
    callers: 'a managed identity with an Azure Service Bus Data role',
  },
  'azure-event-hubs-namespace': {
    resource: 'Event Hubs namespace',
    authorization: 'SAS key authorization (local authentication)',
    keys: 'its RootManageSharedAccessKey (Manage, Send, Listen) and every other SAS policy key',
    keysShort: 'SAS keys',
    signed: 'a SAS token signed with one',
    callers: 'a managed identity with an Azure Event Hubs Data role',
  },
  'azure-cache-for-redis': {
    resource: 'Azure Cache for Redis',
    authorization: 'access key authentication',
    keys: 'its two access keys, each with full access,',
    keysShort: 'access keys',
    signed: 'a connection that presents one',
    callers: 'a managed identity given a Redis data access policy (Microsoft Entra authentication)',
  },
  'azure-app-configuration-store': {
    resource: 'App Configuration store',
    authorization: 'access key authentication (local authentication)',
    keys: 'its access keys, read-write and read-only,',
    keysShort: 'access keys',
    signed: 'a request signed with one',
    callers: 'a managed identity with an App Configuration Data role',
  },
  'azure-ai-search-service': {
    resource: 'Azure AI Search service',
    authorization: 'API key authentication (local authentication)',
    keys: 'its admin and query API keys',
    keysShort: 'API keys',
    signed: 'a request that presents one',
    callers: 'a managed identity with a Search Index Data role',
  },
  'azure-event-grid-topic': {
    resource: 'Event Grid topic',
    authorization: 'access key and SAS authentication (local authentication)',
    keys: 'its two access keys',
    keysShort: 'access keys',
    signed: 'an event published with one, or with a SAS token signed with one,',
    callers: 'a managed identity with the EventGrid Data Sender role',
  },
  'azure-event-grid-domain': {
    resource: 'Event Grid domain',
    authorization: 'access key and SAS authentication (local authentication)',
    keys: 'its two access keys',
    keysShort: 'access keys',
    signed: 'an event published with one, or with a SAS token signed with one,',
    callers: 'a managed identity with the EventGrid Data Sender role',
  },
  'azure-signalr-service': {
    resource: 'SignalR service',
    authorization: 'access key authentication (local authentication)',
    keys: 'its two access keys',
    keysShort: 'access keys',
    signed: 'a client access token minted with one',
    callers: 'a managed identity with the SignalR App Server role',
  },
  'azure-web-pubsub-service': {
    resource: 'Web PubSub service',
    authorization: 'access key authentication (local authentication)',
    keys: 'its two access keys',
    keysShort: 'access keys',
    signed: 'a client access token minted with one',
    callers: 'a managed identity with the Web PubSub Service Owner role',
  },
  'azure-ai-services-account': {
    resource: 'Azure AI services account',
    authorization: 'API key authentication (local authentication)',
    keys: 'its two API keys',
    keysShort: 'API keys',
    signed: 'a request that presents one',
    callers: 'a managed identity with a Cognitive Services User role',
  },
  'azure-container-registry': {
    resource: 'Container registry',
    authorization: 'admin user authentication',
    keys: 'its admin user’s username and two passwords',
    keysShort: 'admin user passwords',
    signed: 'a docker login with the admin user and one of its passwords, push and pull,',
    callers: 'a managed identity with the AcrPull or AcrPush role',
  },
  'azure-kubernetes-cluster': {
    resource: 'AKS cluster',
    authorization: 'local accounts',
    keys: 'its local accounts’ kubeconfigs (the admin one’s client certificate is in system:masters: cluster-admin)',
    keysShort: 'local account kubeconfigs',
    signed: 'a request to its API server that presents one',
    callers:
      'Entra ID users, groups and workload identities through aadProfile, with Azure RBAC or Kubernetes RBAC roles',
  },
};
