import type { Model, ResourceRef } from './model.js';

/**
 * Every resource reference a model holds (identities, their grants, credentials and attachments, secrets and their
 * resource policies, policies, role definitions, federation providers, identity pools, monitors, unseen content, removed resources):
 * an adapter that renames its resources (Terraform's addresses) must reach every one, or a finding names the record it
 * went through, and its exception binds by that record's name.
 */
export function forEachResourceRef(model: Model, visit: (ref: ResourceRef) => void): void {
  for (const identity of model.identities) {
    visit(identity.resource);
    for (const grant of identity.grants) visit(grant.source);
    for (const credential of identity.credentials) visit(credential.source);
    for (const attachment of identity.attachments) visit(attachment.source);
  }
  for (const secret of model.secrets) {
    visit(secret.resource);
    if (secret.rotationSource) visit(secret.rotationSource);
    for (const policy of secret.resourcePolicies ?? []) visit(policy.source);
  }
  for (const policy of model.unattachedPolicies) visit(policy.source);
  for (const policy of model.unlinkedSecretPolicies ?? []) visit(policy.source);
  for (const policy of model.resourcePolicies ?? []) visit(policy.source);
  for (const share of model.resourceShares ?? []) {
    visit(share.source);
    for (const principal of share.principals) visit(principal.source);
    for (const resource of share.resources) visit(resource.source);
  }
  for (const external of model.externalRoleGrants ?? []) visit(external.grant.source);
  for (const use of model.defaultIdentityUses ?? []) visit(use.source);
  for (const keys of model.sharedKeys ?? []) visit(keys.source);
  for (const credential of model.plainCredentials ?? []) visit(credential.source);
  for (const cluster of model.clusterCreatorAdmins ?? []) visit(cluster.source);
  for (const cluster of model.eksClusters ?? []) visit(cluster.source);
  for (const definition of model.roleDefinitions ?? []) visit(definition.source);
  for (const provider of model.federationProviders ?? []) visit(provider.source);
  for (const pool of model.identityPools ?? []) {
    visit(pool.source);
    for (const role of pool.guestRoles) visit(role.source);
  }
  for (const monitor of model.monitors ?? []) visit(monitor.source);
  for (const content of model.unseen ?? []) visit(content.resource);
  for (const handler of model.deploymentHandlers ?? []) {
    visit(handler.resource);
    for (const run of handler.runs) visit(run);
  }
  for (const resource of model.removed ?? []) visit(resource);
}
