/**
 * Azure AD and AzureRM facts, as a plan (format 1.2, azuread 2.x and azurerm 3.x) would carry them:
 * - hashicorp/terraform-provider-azuread, docs/resources/application_password.md @ 1614f91beb3494d236a9ba7963aa8b2f08ea7d54:
 *   an application password given only `application_object_id` (no end date: it gets the provider's default of
 *   two years, decided at apply);
 * - same repository, docs/resources/application_federated_identity_credential.md @ 1c1b97e55669603a7848c63dc03dd1aecd37c73a:
 *   a GitHub federated credential for repo:my-organization/my-repo:environment:prod with audience api://AzureADTokenExchange;
 * - bridgecrewio/checkov, tests/terraform/checks/resource/azure/test_CustomRoleDefinitionSubscriptionOwner.py
 *   @ 05e89bbc3a0c242796447ea7120abbd874a67f3c: a custom role definition `my-custom-role` with actions ["*"] at
 *   subscription scope, assignable at the subscription.
 * Added: the application's service principal, a service-principal password ending in 2030, a certificate, an Owner
 * assignment of the custom role and of the built-in Owner (by name) at the subscription, a Key Vault secret with a
 * literal value and no expiry.
 */
import type { PlannedResource } from '../support.js';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';

export const AZURE: PlannedResource[] = [
  {
    address: 'azuread_application.example',
    values: { display_name: 'example', owners: [], tags: [] },
    unknown: { application_id: true, object_id: true, id: true },
  },
  {
    address: 'azuread_service_principal.example',
    values: { owners: [], tags: [] },
    unknown: { application_id: true, object_id: true, id: true },
    references: { application_id: ['azuread_application.example.application_id', 'azuread_application.example'] },
  },
  {
    address: 'azuread_application_password.example',
    values: { display_name: null, end_date_relative: null },
    unknown: { application_object_id: true, end_date: true, id: true, key_id: true, start_date: true, value: true },
    references: { application_object_id: ['azuread_application.example.object_id', 'azuread_application.example'] },
  },
  {
    address: 'azuread_service_principal_password.example',
    values: { end_date: '2030-01-01T00:00:00Z' },
    unknown: { service_principal_id: true, id: true, key_id: true, start_date: true, value: true },
    references: {
      service_principal_id: ['azuread_service_principal.example.object_id', 'azuread_service_principal.example'],
    },
  },
  {
    address: 'azuread_application_certificate.example',
    values: { type: 'AsymmetricX509Cert', value: '-----BEGIN CERTIFICATE-----…', end_date: '2027-01-01T00:00:00Z' },
    unknown: { application_object_id: true, id: true, key_id: true, start_date: true },
    references: { application_object_id: ['azuread_application.example.object_id', 'azuread_application.example'] },
  },
  {
    address: 'azuread_application_federated_identity_credential.example',
    values: {
      display_name: 'my-repo-deploy',
      description: 'Deployments for my-repo',
      audiences: ['api://AzureADTokenExchange'],
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:my-organization/my-repo:environment:prod',
    },
    unknown: { application_object_id: true, id: true, credential_id: true },
    references: { application_object_id: ['azuread_application.example.object_id', 'azuread_application.example'] },
  },
  {
    address: 'azurerm_role_definition.example',
    values: {
      name: 'my-custom-role',
      scope: SUBSCRIPTION,
      description: 'This is a custom role created via Terraform',
      permissions: [{ actions: ['*'], not_actions: [], data_actions: [], not_data_actions: [] }],
      assignable_scopes: [SUBSCRIPTION],
    },
    unknown: { id: true, role_definition_id: true, role_definition_resource_id: true },
  },
  {
    address: 'azurerm_role_assignment.custom',
    values: { scope: SUBSCRIPTION },
    unknown: {
      id: true,
      name: true,
      principal_id: true,
      principal_type: true,
      role_definition_id: true,
      role_definition_name: true,
    },
    references: {
      role_definition_id: [
        'azurerm_role_definition.example.role_definition_resource_id',
        'azurerm_role_definition.example',
      ],
      principal_id: ['azuread_service_principal.example.object_id', 'azuread_service_principal.example'],
    },
  },
  {
    address: 'azurerm_role_assignment.owner',
    values: { scope: SUBSCRIPTION, role_definition_name: 'Owner' },
    unknown: { id: true, name: true, principal_id: true, principal_type: true, role_definition_id: true },
    references: { principal_id: ['azuread_service_principal.example.object_id', 'azuread_service_principal.example'] },
  },
  {
    address: 'azurerm_key_vault_secret.db',
    values: { name: 'db-password', value: 'hunter2', expiration_date: null, tags: { owner: 'team-platform' } },
    unknown: { id: true, key_vault_id: true, version: true, versionless_id: true, resource_id: true },
    references: { key_vault_id: ['azurerm_key_vault.main.id', 'azurerm_key_vault.main'] },
  },
];
