/**
 * Azure resources' own keys in a Terraform plan: each azurerm type below keeps keys that authorize requests without
 * any identity unless its setting turns them off (hashicorp/terraform-provider-azurerm 69697b7f website/docs/r, each
 * "Defaults to `true`"). A plan shows the default where the configuration leaves it out. Reported on the resource by
 * no-long-lived-credentials, in Terraform's words.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const planned = (type: string, name: string, values: Record<string, unknown>, unknown: Record<string, unknown> = {}) =>
  ({
    address: `${type}.${name}`,
    values: { name, resource_group_name: 'orders-rg', location: 'westeurope', ...values },
    unknown: { id: true, ...unknown },
  }) satisfies PlannedResource;

function findings(resources: PlannedResource[]): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.filter((finding) => finding.ruleId === 'no-long-lived-credentials')
    .map(
      (f) => `${f.resource.name} ${f.level} ${f.detail ?? '-'}${f.pending ? ' pending' : ''} target=${f.waiverTarget}`,
    );
}

/** Each type, the attribute that turns its keys off, and the detail it is reported with. */
const TYPES: [type: string, setting: string, kind: string][] = [
  ['azurerm_cosmosdb_account', 'local_authentication_enabled', 'azure-cosmos-db-account'],
  ['azurerm_servicebus_namespace', 'local_auth_enabled', 'azure-service-bus-namespace'],
  ['azurerm_eventhub_namespace', 'local_authentication_enabled', 'azure-event-hubs-namespace'],
  ['azurerm_redis_cache', 'access_keys_authentication_enabled', 'azure-cache-for-redis'],
  ['azurerm_app_configuration', 'local_auth_enabled', 'azure-app-configuration-store'],
  ['azurerm_search_service', 'local_authentication_enabled', 'azure-ai-search-service'],
  ['azurerm_eventgrid_topic', 'local_auth_enabled', 'azure-event-grid-topic'],
  ['azurerm_eventgrid_domain', 'local_auth_enabled', 'azure-event-grid-domain'],
  ['azurerm_signalr_service', 'local_auth_enabled', 'azure-signalr-service'],
  ['azurerm_web_pubsub', 'local_auth_enabled', 'azure-web-pubsub-service'],
  ['azurerm_cognitive_account', 'local_auth_enabled', 'azure-ai-services-account'],
];

describe('Terraform: Azure resources’ own keys (local authentication)', () => {
  it('reports each type whose plan keeps its keys on (the default, true); false is not reported', () => {
    const resources = TYPES.flatMap(([type, setting], index) => [
      planned(type, `keys${index}`, { [setting]: true }),
      planned(type, `entra${index}`, { [setting]: false }),
    ]);
    // Names unique within Azure bind an exception; an Event Grid topic's or domain's, or an AI services account's, do
    // not, and a plan's address never binds: no exception can name those three (the fix is the setting).
    const target = (index: number) => ([6, 7, 10].includes(index) ? 'undefined' : `keys${index}`);
    expect(findings(resources)).toEqual(
      TYPES.map(
        ([type, , kind], index) => `${type}.keys${index} mandatory SharedKey::${kind} target=${target(index)}`,
      ).sort(),
    );
  });

  it('says which attribute to set, in Terraform’s words, and pends one known only at apply', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        planned('azurerm_servicebus_namespace', 'orders', { sku: 'Standard', local_auth_enabled: true }),
        planned('azurerm_eventhub_namespace', 'later', { sku: 'Standard' }, { local_authentication_enabled: true }),
      ]),
    );
    expect(evaluate(model, { catalog: catalog(), now: NOW }).findings.map((f) => `${f.level}: ${f.message}`)).toEqual([
      'advisory: Event Hubs namespace later: whether it allows SAS key authorization (local authentication) (SAS keys valid until ' +
        'rotated) cannot be verified until apply: azurerm_eventhub_namespace.later.local_authentication_enabled is not known until apply.',
      'mandatory: Service Bus namespace orders allows SAS key authorization (local authentication) (local_auth_enabled: true): its ' +
        'RootManageSharedAccessKey (Manage, Send, Listen) and every other SAS policy key stay valid until someone rotates them, and a ' +
        'SAS token signed with one is authorized without any identity. Set local_auth_enabled to false and give callers an identity ' +
        '(a managed identity with an Azure Service Bus Data role).',
    ]);
  });

  it('reads a Cosmos DB account’s local_authentication_disabled of azurerm 3.x and 4.x where the plan has no newer attribute', () => {
    expect(
      findings([
        planned('azurerm_cosmosdb_account', 'former', { local_authentication_disabled: false }),
        planned('azurerm_cosmosdb_account', 'formeroff', { local_authentication_disabled: true }),
      ]),
    ).toEqual(['azurerm_cosmosdb_account.former mandatory SharedKey::azure-cosmos-db-account target=former']);
  });

  it('reports a container registry whose admin user is enabled (admin_enabled, default false), and none that leaves it off', () => {
    // KICS's admin_user_enabled_for_container_registry fixture (test/terraform/corpus/kics-azure.ts): before, passed in
    // silence. The admin user's username and two passwords log in to the registry (push and pull) without any identity.
    const model = modelFromTerraformPlan(
      terraformPlan([
        planned('azurerm_container_registry', 'admin', { sku: 'Premium', admin_enabled: true }),
        planned('azurerm_container_registry', 'off', { sku: 'Premium', admin_enabled: false }),
        planned('azurerm_container_registry', 'unset', { sku: 'Premium' }),
        planned('azurerm_container_registry', 'later', { sku: 'Premium' }, { admin_enabled: true }),
      ]),
    );
    expect(
      evaluate(model, { catalog: catalog(), now: NOW }).findings.map(
        (f) => `${f.resource.name} ${f.level} ${f.detail ?? '-'} target=${f.waiverTarget}: ${f.message}`,
      ),
    ).toEqual([
      'azurerm_container_registry.admin mandatory SharedKey::azure-container-registry target=admin: Container registry admin ' +
        'allows admin user authentication (admin_enabled: true): its admin user’s username and two passwords stay valid until ' +
        'someone rotates them, and a docker login with the admin user and one of its passwords, push and pull, is authorized ' +
        'without any identity. Set admin_enabled to false and give callers an identity (a managed identity with the AcrPull ' +
        'or AcrPush role).',
      'azurerm_container_registry.later advisory SharedKey::azure-container-registry target=later: Container registry later: ' +
        'whether it allows admin user authentication (admin user passwords valid until rotated) cannot be verified until ' +
        'apply: azurerm_container_registry.later.admin_enabled is not known until apply.',
    ]);
  });

  it('reports an AKS cluster that keeps its local accounts (local_account_disabled, default false), and none that turns them off', () => {
    // The same class as pulumi/templates' kubernetes-azure-typescript (test/corpus/pulumi-installers-templates/): before,
    // azurerm_kubernetes_cluster was not read at all and passed in silence. The admin kubeconfig's client certificate is
    // cluster-admin whatever Entra ID says, until the cluster's certificates are rotated.
    const cluster = { dns_prefix: 'orders', default_node_pool: [{ name: 'system', vm_size: 'Standard_D2s_v5' }] };
    const model = modelFromTerraformPlan(
      terraformPlan([
        planned('azurerm_kubernetes_cluster', 'local', { ...cluster, local_account_disabled: false }),
        planned('azurerm_kubernetes_cluster', 'entra', { ...cluster, local_account_disabled: true }),
        planned('azurerm_kubernetes_cluster', 'later', cluster, { local_account_disabled: true }),
      ]),
    );
    expect(
      evaluate(model, { catalog: catalog(), now: NOW })
        .findings.filter((f) => f.ruleId === 'no-long-lived-credentials')
        .map((f) => `${f.resource.name} ${f.level} ${f.detail ?? '-'} target=${f.waiverTarget}: ${f.message}`),
    ).toEqual([
      'azurerm_kubernetes_cluster.later advisory SharedKey::azure-kubernetes-cluster target=undefined: AKS cluster later: ' +
        'whether it allows local accounts (local account kubeconfigs valid until rotated) cannot be verified until apply: ' +
        'azurerm_kubernetes_cluster.later.local_account_disabled is not known until apply.',
      'azurerm_kubernetes_cluster.local mandatory SharedKey::azure-kubernetes-cluster target=undefined: AKS cluster local ' +
        'allows local accounts (local_account_disabled: false): its local accounts’ kubeconfigs (the admin one’s client ' +
        'certificate is in system:masters: cluster-admin) stay valid until someone rotates them, and a request to its API ' +
        'server that presents one is authorized without any identity. Set local_account_disabled to true and give callers ' +
        'an identity (Entra ID users, groups and workload identities through aadProfile, with Azure RBAC or Kubernetes RBAC ' +
        'roles).',
    ]);
  });
});
