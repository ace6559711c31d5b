import type { Model } from './model.js';

/** One model from several (one per cloud adapter, or per input kind): one evaluation and one audit for all. */
export function mergeModels(models: readonly Model[]): Model {
  const merged: Model = {
    identities: models.flatMap((model) => model.identities),
    secrets: models.flatMap((model) => model.secrets),
    unattachedPolicies: models.flatMap((model) => model.unattachedPolicies),
  };
  const secretPolicies = models.flatMap((model) => model.unlinkedSecretPolicies ?? []);
  if (secretPolicies.length) merged.unlinkedSecretPolicies = secretPolicies;
  const resourcePolicies = models.flatMap((model) => model.resourcePolicies ?? []);
  if (resourcePolicies.length) merged.resourcePolicies = resourcePolicies;
  const resourceShares = models.flatMap((model) => model.resourceShares ?? []);
  if (resourceShares.length) merged.resourceShares = resourceShares;
  const references = models.flatMap((model) => model.externalReferences ?? []);
  if (references.length) merged.externalReferences = references;
  const external = models.flatMap((model) => model.externalRoleGrants ?? []);
  if (external.length) merged.externalRoleGrants = external;
  const groupMappings = models.flatMap((model) => model.eksGroupMappings ?? []);
  if (groupMappings.length) merged.eksGroupMappings = groupMappings;
  const removed = models.flatMap((model) => model.removed ?? []);
  if (removed.length) merged.removed = removed;
  const unseen = models.flatMap((model) => model.unseen ?? []);
  if (unseen.length) merged.unseen = unseen;
  const handlers = models.flatMap((model) => model.deploymentHandlers ?? []);
  if (handlers.length) merged.deploymentHandlers = handlers;
  const aclFree = models.flatMap((model) => model.bucketsWithoutAcls ?? []);
  if (aclFree.length) merged.bucketsWithoutAcls = aclFree;
  const definitions = models.flatMap((model) => model.roleDefinitions ?? []);
  if (definitions.length) merged.roleDefinitions = definitions;
  const providers = models.flatMap((model) => model.federationProviders ?? []);
  if (providers.length) merged.federationProviders = providers;
  const pools = models.flatMap((model) => model.identityPools ?? []);
  if (pools.length) merged.identityPools = pools;
  const monitors = models.flatMap((model) => model.monitors ?? []);
  if (monitors.length) merged.monitors = monitors;
  const defaultUses = models.flatMap((model) => model.defaultIdentityUses ?? []);
  if (defaultUses.length) merged.defaultIdentityUses = defaultUses;
  const sharedKeys = models.flatMap((model) => model.sharedKeys ?? []);
  if (sharedKeys.length) merged.sharedKeys = sharedKeys;
  const plainCredentials = models.flatMap((model) => model.plainCredentials ?? []);
  if (plainCredentials.length) merged.plainCredentials = plainCredentials;
  const creatorAdmins = models.flatMap((model) => model.clusterCreatorAdmins ?? []);
  if (creatorAdmins.length) merged.clusterCreatorAdmins = creatorAdmins;
  const eksClusters = models.flatMap((model) => model.eksClusters ?? []);
  if (eksClusters.length) merged.eksClusters = eksClusters;
  const accountIds = [...new Set(models.flatMap((model) => model.accountIds ?? []))].sort();
  if (accountIds.length) merged.accountIds = accountIds;
  return merged;
}
