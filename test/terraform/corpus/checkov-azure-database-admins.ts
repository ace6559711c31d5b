/**
 * Entra (Azure AD) administrators of databases from Checkov's Terraform fixtures, as a plan (format 1.2) would carry
 * them (blocks are lists of one in plan JSON; references to other resources known after apply; Checkov's own
 * `checkov:skip` comments dropped):
 * - bridgecrewio/checkov, tests/terraform/graph/checks/resources/AzureActiveDirectoryAdminIsConfigured/main.tf
 *   @ 03d5fdad8d6154b1565799a7b1fb8070c158866f: two azurerm_sql_server, and an azurerm_sql_active_directory_administrator
 *   (login `sqladmin`, the caller's object id from data.azurerm_client_config, read at plan) on `sql_server_good`;
 *   checkov's expected.yaml: sql_server_good passes, sql_server_bad fails (no Entra administrator);
 * - same repository and commit, tests/terraform/graph/checks/resources/AzureConfigMSSQLwithAD/main.tf: three
 *   azurerm_mssql_server, `pass` and `fail_2` with an `azuread_administrator` block (`fail_2`'s login_username is " "),
 *   `fail_1` without; expected.yaml: pass passes, fail_1 and fail_2 fail;
 * - same repository and commit, tests/terraform/checks/resource/azure/example_SynapseWorkspaceEnablesDataExfilProtection/main.tf:
 *   three azurerm_synapse_workspace, each with an `aad_admin` block.
 * The data source's ids are placeholders here (a plan holds the caller's real ones).
 */
import type { PlannedResource } from '../support.js';

const ref = (address: string, attribute: string) => [`${address}.${attribute}`, address];
const CLIENT = 'data.azurerm_client_config.current';
const TENANT = '00000000-0000-0000-0000-0000000000c1';
const CALLER = '00000000-0000-0000-0000-0000000000c2';

const sqlServer = (name: string): PlannedResource => ({
  address: `azurerm_sql_server.${name}`,
  values: {
    name: 'mysqlserver',
    location: 'westeurope',
    version: '12.0',
    administrator_login: '4dm1n157r470r',
    administrator_login_password: '4-v3ry-53cr37-p455w0rd',
  },
  unknown: { id: true, fully_qualified_domain_name: true, resource_group_name: true },
  references: {
    resource_group_name: ref('azurerm_resource_group.example', 'name'),
    location: ref('azurerm_resource_group.example', 'location'),
  },
});

const mssqlServer = (
  name: string,
  values: Record<string, unknown>,
  references: Record<string, string[]> = {},
): PlannedResource => ({
  address: `azurerm_mssql_server.${name}`,
  values: { name: 'mssqlserver', version: '12.0', ...values },
  unknown: {
    id: true,
    fully_qualified_domain_name: true,
    ...Object.fromEntries(Object.keys(references).map((attribute) => [attribute, true])),
  },
  references,
});

const SYNAPSE_AAD_ADMIN = {
  login: 'AzureAD Admin',
  object_id: '00000000-0000-0000-0000-000000000000',
  tenant_id: '00000000-0000-0000-0000-000000000000',
};

const synapseWorkspace = (name: string, exfiltrationProtection?: boolean): PlannedResource => ({
  address: `azurerm_synapse_workspace.${name}`,
  values: {
    name: 'example',
    sql_administrator_login: 'sqladminuser',
    sql_administrator_login_password: 'H@Sh1CoR3!',
    managed_virtual_network_enabled: false,
    ...(exfiltrationProtection !== undefined ? { data_exfiltration_protection_enabled: exfiltrationProtection } : {}),
    aad_admin: [SYNAPSE_AAD_ADMIN],
    tags: { Env: 'production' },
  },
  unknown: { id: true, resource_group_name: true, location: true, storage_data_lake_gen2_filesystem_id: true },
  references: {
    resource_group_name: ref('azurerm_resource_group.example', 'name'),
    location: ref('azurerm_resource_group.example', 'location'),
    storage_data_lake_gen2_filesystem_id: ref('azurerm_storage_data_lake_gen2_filesystem.example', 'id'),
  },
});

export const CHECKOV_AZURE_DATABASE_ADMINS: PlannedResource[] = [
  {
    address: 'azurerm_resource_group.example',
    values: { name: 'example-resources', location: 'westeurope' },
    unknown: { id: true },
  },
  sqlServer('sql_server_good'),
  sqlServer('sql_server_bad'),
  {
    address: 'azurerm_sql_active_directory_administrator.example',
    values: { login: 'sqladmin', tenant_id: TENANT, object_id: CALLER },
    unknown: { id: true, server_name: true, resource_group_name: true },
    references: {
      server_name: ref('azurerm_sql_server.sql_server_good', 'name'),
      resource_group_name: ref('azurerm_resource_group.example', 'name'),
      tenant_id: ref(CLIENT, 'tenant_id'),
      object_id: ref(CLIENT, 'object_id'),
    },
  },
  mssqlServer('pass', {
    resource_group_name: 'pud-bcrew-RG',
    location: 'azurerm_resource_group.example.location',
    administrator_login: 'missadministrator',
    administrator_login_password: 'thisIsKat11',
    minimum_tls_version: '1.2',
    azuread_administrator: [
      { azuread_authentication_only: true, login_username: 'pud', object_id: '908-au767-098776' },
    ],
    tags: { environment: 'prod-01' },
  }),
  mssqlServer(
    'fail_1',
    { administrator_login: 'pudadministrator1', administrator_login_password: 'thisIspudfortest2' },
    {
      resource_group_name: ref('azurerm_resource_group.dep-rg-j1-1-rlp-77266', 'name'),
      location: ref('azurerm_resource_group.dep-rg-j1-1-rlp-77266', 'location'),
    },
  ),
  mssqlServer('fail_2', {
    resource_group_name: 'pud-bcrew-RG',
    location: 'azurerm_resource_group.example.location',
    administrator_login: 'missadministrator',
    administrator_login_password: 'thisIsKat11',
    minimum_tls_version: '1.2',
    azuread_administrator: [{ azuread_authentication_only: true, login_username: ' ', object_id: '908-au767-098776' }],
    tags: { environment: 'prod-01' },
  }),
  synapseWorkspace('pass', true),
  synapseWorkspace('fail2'),
  synapseWorkspace('fail', false),
];
