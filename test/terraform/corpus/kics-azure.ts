/**
 * Azure identity facts from KICS's Terraform query fixtures, as a plan (format 1.2) would carry them, one entry per
 * fixture file, each evaluated on its own (test/terraform/corpus.test.ts):
 * DataDog/kics (a fork of Checkmarx/kics, Apache License 2.0) @ d91e3669233f883ffa89d3013a4af2874ab87b40,
 * assets/queries/terraform/azure/<query>/test/<file>.tf, keyed here `<query>/<file>`. KICS flags every resource its
 * positive*.tf's positive_expected_result.json lists and passes its negative*.tf.
 *
 * Written by hand (no Terraform binary runs in the tests), the values exactly as the .tf gives them; ids and other
 * computed attributes known after apply; blocks as lists of one. Departures, each needed for a plan to exist:
 * - data sources the fixture reads without declaring them (`data.azurerm_subscription.primary`,
 *   `data.azurerm_client_config.*`) are read at plan: their ids are placeholders here (a plan holds the caller's real
 *   ones), written with the reference;
 * - references to resources the fixture does not declare (`azurerm_key_vault.example.id`,
 *   `azurerm_resource_group.example.name`, `azurerm_sql_server.example.name`, …) are written as references to those
 *   resources, known after apply;
 * - arguments Terraform refuses are kept as given, and what the product says of that resource is not judged (said on
 *   each): azurerm_role_assignment's `role_definition_id` with `role_definition_name` (ConflictsWith), `vm_size` on
 *   azurerm_linux_virtual_machine, `admin_ssh_key` on azurerm_virtual_machine, and virtual machines without the
 *   arguments the provider requires (os_disk, storage_os_disk, admin_username, a source image).
 * `file("~/.ssh/id_rsa.pub")` is read at plan: written as a placeholder public key.
 */
import type { PlannedResource } from '../support.js';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const SUBSCRIPTION_REF = ['data.azurerm_subscription.primary.id', 'data.azurerm_subscription.primary'];
const CALLER = '00000000-0000-0000-0000-0000000000c2';
const TENANT = '00000000-0000-0000-0000-0000000000c1';
const PUBLIC_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0placeholder adminuser@example';
const ref = (address: string, attribute: string) => [`${address}.${attribute}`, address];

const roleDefinition = (
  name: string,
  values: Record<string, unknown>,
  permissions: { actions: string[]; not_actions: string[] },
): PlannedResource => ({
  address: `azurerm_role_definition.${name}`,
  values: {
    scope: SUBSCRIPTION,
    ...values,
    permissions: [{ ...permissions, data_actions: [], not_data_actions: [] }],
  },
  unknown: {
    id: true,
    role_definition_resource_id: true,
    ...('role_definition_id' in values ? {} : { role_definition_id: true }),
    ...('assignable_scopes' in values ? {} : { assignable_scopes: true }),
  },
  references: {
    scope: SUBSCRIPTION_REF,
    ...('assignable_scopes' in values ? { assignable_scopes: SUBSCRIPTION_REF } : {}),
  },
});

const guestAssignment = (name: string, definition: string): PlannedResource => ({
  address: `azurerm_role_assignment.${name}`,
  values: {
    name: '00000000-0000-0000-0000-000000000000',
    scope: SUBSCRIPTION,
    role_definition_name: 'Guest',
    principal_id: CALLER,
  },
  unknown: { id: true, principal_type: true, role_definition_id: true },
  references: {
    scope: SUBSCRIPTION_REF,
    role_definition_id: ref(`azurerm_role_definition.${definition}`, 'role_definition_resource_id'),
    principal_id: ref('data.azurerm_client_config.example', 'object_id'),
  },
});

const KEY_OPTS = ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey'];
const vaultKey = (name: string, expiration?: string): PlannedResource => ({
  address: `azurerm_key_vault_key.${name}`,
  values: {
    name: 'generated-certificate',
    key_type: 'RSA',
    key_size: 2048,
    key_opts: KEY_OPTS,
    expiration_date: expiration ?? null,
  },
  unknown: {
    id: true,
    key_vault_id: true,
    version: true,
    versionless_id: true,
    n: true,
    e: true,
    public_key_pem: true,
  },
  references: { key_vault_id: ref('azurerm_key_vault.example', 'id') },
});

const vaultSecret = (name: string, values: Record<string, unknown>): PlannedResource => ({
  address: `azurerm_key_vault_secret.${name}`,
  values: { name: 'secret-sauce', value: 'szechuan', content_type: null, expiration_date: null, ...values },
  unknown: { id: true, key_vault_id: true, version: true, versionless_id: true, resource_id: true },
  references: { key_vault_id: ref('azurerm_key_vault.example', 'id') },
});

const resourceGroup = (name: string, groupName: string): PlannedResource => ({
  address: `azurerm_resource_group.${name}`,
  values: { name: groupName, location: 'westus' },
  unknown: { id: true },
});

const registry = (name: string, adminEnabled: boolean): PlannedResource => ({
  address: `azurerm_container_registry.${name}`,
  values: {
    name: 'containerRegistry1',
    sku: 'Premium',
    admin_enabled: adminEnabled,
    georeplication_locations: ['East US', 'West Europe'],
  },
  unknown: {
    id: true,
    login_server: true,
    admin_username: true,
    admin_password: true,
    resource_group_name: true,
    location: true,
  },
  references: {
    resource_group_name: ref('azurerm_resource_group.rg', 'name'),
    location: ref('azurerm_resource_group.rg', 'location'),
  },
});

/** KICS's predictable-admin servers: azurerm_sql_server with an auditing policy writing to the example account. */
const auditedSqlServer = (name: string, login: string): PlannedResource => ({
  address: `azurerm_sql_server.${name}`,
  values: {
    name: 'mssqlserver',
    version: '12.0',
    administrator_login: login,
    administrator_login_password: 'thisIsDog11',
    extended_auditing_policy: [{ storage_account_access_key_is_secondary: true, retention_in_days: 6 }],
    tags: { environment: 'production' },
  },
  unknown: {
    id: true,
    fully_qualified_domain_name: true,
    resource_group_name: true,
    location: true,
    extended_auditing_policy: [{ storage_endpoint: true, storage_account_access_key: true }],
  },
  references: {
    resource_group_name: ref('azurerm_resource_group.example', 'name'),
    location: ref('azurerm_resource_group.example', 'location'),
    extended_auditing_policy: [
      'azurerm_storage_account.example.primary_blob_endpoint',
      'azurerm_storage_account.example.primary_access_key',
      'azurerm_storage_account.example',
    ],
  },
});

const storageAccount = (name: string): PlannedResource => ({
  address: `azurerm_storage_account.${name}`,
  values: { name: 'examplesa', account_tier: 'Standard', account_replication_type: 'LRS' },
  unknown: {
    id: true,
    resource_group_name: true,
    location: true,
    primary_access_key: true,
    primary_blob_endpoint: true,
  },
  references: {
    resource_group_name: ref('azurerm_resource_group.example', 'name'),
    location: ref('azurerm_resource_group.example', 'location'),
  },
});

const sqlServer = (name: string, serverName: string, references = false): PlannedResource => ({
  address: `azurerm_sql_server.${name}`,
  values: {
    name: serverName,
    version: '12.0',
    administrator_login: '4dm1n157r470r',
    administrator_login_password: '4-v3ry-53cr37-p455w0rd',
    ...(references ? {} : { resource_group_name: 'acceptanceTestResourceGroup1', location: 'westus' }),
  },
  unknown: {
    id: true,
    fully_qualified_domain_name: true,
    ...(references ? { resource_group_name: true, location: true } : {}),
  },
  ...(references
    ? {
        references: {
          resource_group_name: ref('azurerm_resource_group.example', 'name'),
          location: ref('azurerm_resource_group.example', 'location'),
        },
      }
    : {}),
});

const adAdministrator = (name: string, login: string, server?: string): PlannedResource => ({
  address: `azurerm_sql_active_directory_administrator.${name}`,
  values: {
    login,
    tenant_id: TENANT,
    object_id: CALLER,
    ...(server !== undefined ? { server_name: server, resource_group_name: 'acceptanceTestResourceGroup1' } : {}),
  },
  unknown: { id: true, ...(server === undefined ? { server_name: true, resource_group_name: true } : {}) },
  references: {
    tenant_id: ref('data.azurerm_client_config.current', 'tenant_id'),
    object_id: ref('data.azurerm_client_config.current', 'object_id'),
    ...(server === undefined
      ? {
          server_name: ref('azurerm_sql_server.example', 'name'),
          resource_group_name: ref('azurerm_resource_group.example', 'name'),
        }
      : {}),
  },
});

const VM_COMMON = { name: 'prefix-vm', vm_size: 'Standard_DS1_v2' };
const VM_UNKNOWN = { id: true, location: true, resource_group_name: true };
const VM_REFERENCES = {
  name: ['var.prefix'],
  location: ref('azurerm_resource_group.main', 'location'),
  resource_group_name: ref('azurerm_resource_group.main', 'name'),
};

export const KICS_AZURE: Record<string, PlannedResource[]> = {
  'role_assignment_not_limit_guest_users_permissions/positive.tf': [
    roleDefinition(
      'example',
      {
        name: 'my-custom-role',
        description: 'This is a custom role created via Terraform',
        assignable_scopes: [SUBSCRIPTION],
      },
      { actions: ['*'], not_actions: [] },
    ),
    guestAssignment('example', 'example'),
  ],
  'role_assignment_not_limit_guest_users_permissions/negative.tf': [
    roleDefinition(
      'example2',
      {
        name: 'my-custom-role',
        description: 'This is a custom role created via Terraform',
        assignable_scopes: [SUBSCRIPTION],
      },
      { actions: [], not_actions: ['*'] },
    ),
    guestAssignment('example2', 'example2'),
  ],
  'role_definition_allows_custom_role_creation/positive1.tf': [
    roleDefinition(
      'example2',
      { role_definition_id: '00000000-0000-0000-0000-000000000000', name: 'my-custom-role-definition' },
      { actions: ['Microsoft.Authorization/roleDefinitions/write'], not_actions: [] },
    ),
  ],
  'role_definition_allows_custom_role_creation/positive2.tf': [
    roleDefinition(
      'example',
      { name: 'my-custom-role', description: 'This is a custom role created via Terraform' },
      { actions: ['*'], not_actions: [] },
    ),
  ],
  'role_definition_allows_custom_role_creation/negative.tf': [
    roleDefinition(
      'example3',
      { role_definition_id: '00000000-0000-0000-0000-000000000000', name: 'my-custom-role-definition' },
      { actions: ['Microsoft.Authorization/roleDefinitions/read'], not_actions: [] },
    ),
  ],
  'key_expiration_not_set/positive.tf': [vaultKey('positive1')],
  'key_expiration_not_set/negative.tf': [vaultKey('negative1', '2020-12-30T20:00:00Z')],
  'secret_expiration_not_set/positive.tf': [vaultSecret('positive1', { tags: { environment: 'Production' } })],
  'secret_expiration_not_set/negative.tf': [
    vaultSecret('negative1', { tags: { environment: 'Production' }, expiration_date: '2020-12-30T20:00:00Z' }),
  ],
  'key_vault_secrets_content_type_undefined/positive.tf': [vaultSecret('positive', {})],
  'key_vault_secrets_content_type_undefined/negative.tf': [vaultSecret('negative', { content_type: 'password' })],
  'admin_user_enabled_for_container_registry/positive.tf': [
    resourceGroup('positive1', 'resourceGroup1'),
    registry('positive2', true),
  ],
  'admin_user_enabled_for_container_registry/negative.tf': [
    resourceGroup('negative1', 'resourceGroup1'),
    registry('negative2', false),
  ],
  'sql_server_predictable_admin_account_name/positive.tf': [
    resourceGroup('positive1', 'database-rg'),
    storageAccount('positive2'),
    auditedSqlServer('positive3', ''),
    auditedSqlServer('positive4', 'Admin'),
  ],
  'sql_server_predictable_admin_account_name/negative.tf': [
    resourceGroup('negative1', 'database-rg'),
    storageAccount('negative2'),
    auditedSqlServer('negative3', 'UnpredictableAdminLogin'),
  ],
  'ad_admin_not_configured_for_sql_server/positive.tf': [
    resourceGroup('positive1', 'acceptanceTestResourceGroup1'),
    sqlServer('positive2', 'mysqlserver1'),
    adAdministrator('positive3', 'sqladmin', 'mysqlserver2'),
  ],
  'ad_admin_not_configured_for_sql_server/negative.tf': [
    resourceGroup('negative1', 'acceptanceTestResourceGroup1'),
    sqlServer('negative2', 'mysqlserver'),
    adAdministrator('negative3', 'sqladmin', 'mysqlserver'),
  ],
  'sql_server_predictable_active_directory_admin_account_name/positive.tf': [
    resourceGroup('positive1', 'acceptanceTestResourceGroup1'),
    sqlServer('positive2', 'mysqlserver', true),
    adAdministrator('positive3', ''),
    adAdministrator('positive4', 'Admin'),
  ],
  'sql_server_predictable_active_directory_admin_account_name/negative.tf': [
    resourceGroup('negative1', 'acceptanceTestResourceGroup1'),
    sqlServer('negative2', 'mysqlserver', true),
    adAdministrator('negative3', 'NotEasyToPredictAdmin'),
  ],
  'azure_instance_using_basic_authentication/positive1.tf': [
    {
      address: 'azurerm_virtual_machine.positive1',
      values: {
        ...VM_COMMON,
        network_interface_ids: [],
        os_profile_linux_config: [{ disable_password_authentication: false, ssh_keys: [] }],
      },
      unknown: VM_UNKNOWN,
      references: VM_REFERENCES,
    },
  ],
  'azure_instance_using_basic_authentication/positive2.tf': [
    {
      address: 'azurerm_linux_virtual_machine.positive1',
      values: { ...VM_COMMON, network_interface_ids: [], disable_password_authentication: false },
      unknown: VM_UNKNOWN,
      references: VM_REFERENCES,
    },
  ],
  'azure_instance_using_basic_authentication/negative1.tf': [
    {
      address: 'azurerm_linux_virtual_machine.negative1',
      values: { ...VM_COMMON, admin_ssh_key: [{ username: 'adminuser', public_key: PUBLIC_KEY }] },
      unknown: { ...VM_UNKNOWN, network_interface_ids: true },
      references: { ...VM_REFERENCES, network_interface_ids: ref('azurerm_network_interface.main', 'id') },
    },
  ],
  'azure_instance_using_basic_authentication/negative2.tf': [
    {
      address: 'azurerm_virtual_machine.negative1',
      values: {
        ...VM_COMMON,
        os_profile_linux_config: [{ disable_password_authentication: true, ssh_keys: [] }],
        admin_ssh_key: [{ username: 'adminuser', public_key: PUBLIC_KEY }],
      },
      unknown: { ...VM_UNKNOWN, network_interface_ids: true },
      references: { ...VM_REFERENCES, network_interface_ids: ref('azurerm_network_interface.main', 'id') },
    },
  ],
};
