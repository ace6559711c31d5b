// Corpus: the Key Vault facts of three public programs in this folder (README.md), written by us as the records their
// providers register: the classic @pulumi/azure provider is not installed here, and one program is C#. Each program
// as `pulumi up` sends it (object ids known) and as `pulumi preview` sends it (the outputs a program reads its object
// ids from, not known yet: Pulumi's unknown sentinel). Names, ids and tenant are placeholders; the permission lists,
// the vault settings and where each object id comes from are the programs'.
import type { PulumiResource } from '../../../src/adapters/pulumi/index.js';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const TENANT = '00000000-0000-0000-0000-0000000000aa';
/** The deployer, as `getClientConfig()` gives it: a principal the program does not create. */
export const DEPLOYER = '00000000-0000-0000-0000-00000000de91';
const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000001';

type Mode = 'update' | 'preview';
const record = (
  stack: string,
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, string[]>,
): PulumiResource => ({
  type,
  name,
  urn: `urn:pulumi:dev::${stack}::${type}::${name}`,
  props,
  ...(propertyDependencies ? { propertyDependencies } : {}),
});

/** pulumi/examples classic-azure-ts-msi-keyvault-rbac/index.ts: the vault, its inline policy, the app and its policy. */
export function msiKeyVaultRbac(mode: Mode): PulumiResource[] {
  const stack = 'msi-keyvault-rbac';
  const r = (type: string, name: string, props: Record<string, unknown>, deps?: Record<string, string[]>) =>
    record(stack, type, name, props, deps);
  const vaultId = `${SUBSCRIPTION}/resourceGroups/resourcegroup1a2b3c/providers/Microsoft.KeyVault/vaults/vault4d5e6f7`;
  const app = r('azure:appservice/appService:AppService', 'app', {
    name: 'app1a2b3c4',
    resourceGroupName: 'resourcegroup1a2b3c',
    identity: { type: 'SystemAssigned', principalId: mode === 'update' ? '00000000-0000-0000-0000-0000000a9911' : UNKNOWN },
  });
  return [
    r('azure:keyvault/keyVault:KeyVault', 'vault', {
      name: 'vault4d5e6f7',
      resourceGroupName: 'resourcegroup1a2b3c',
      skuName: 'standard',
      tenantId: TENANT,
      accessPolicies: [{ tenantId: TENANT, objectId: DEPLOYER, secretPermissions: ['Delete', 'Get', 'List', 'Set'] }],
    }),
    app,
    r(
      'azure:keyvault/accessPolicy:AccessPolicy',
      'app-policy',
      {
        keyVaultId: mode === 'update' ? vaultId : UNKNOWN,
        tenantId: TENANT,
        objectId: mode === 'update' ? '00000000-0000-0000-0000-0000000a9911' : UNKNOWN,
        secretPermissions: ['Get'],
      },
      { keyVaultId: [`urn:pulumi:dev::${stack}::azure:keyvault/keyVault:KeyVault::vault`], objectId: [app.urn] },
    ),
  ];
}

/** pulumi/examples azure-cs-credential-rotation-one-set/AppStack.cs: two apps' identities in the vault's inline policies. */
export function credentialRotation(mode: Mode): PulumiResource[] {
  const stack = 'credential-rotation-one-set';
  const r = (type: string, name: string, props: Record<string, unknown>, deps?: Record<string, string[]>) =>
    record(stack, type, name, props, deps);
  const functionId = mode === 'update' ? '00000000-0000-0000-0000-00000000f0a1' : UNKNOWN;
  const webId = mode === 'update' ? '00000000-0000-0000-0000-00000000ee01' : UNKNOWN;
  const functionApp = r('azure-native:web:WebApp', 'functionApp', {
    name: 'functionApp1a2b',
    kind: 'functionapp',
    resourceGroupName: 'rotatesecretoneset-rg1a2b',
    identity: { type: 'SystemAssigned', principalId: functionId },
  });
  const webApp = r('azure-native:web:WebApp', 'webApp', {
    name: 'webApp3c4d',
    kind: 'app',
    resourceGroupName: 'rotatesecretoneset-rg1a2b',
    identity: { type: 'SystemAssigned', principalId: webId },
  });
  return [
    functionApp,
    webApp,
    r(
      'azure-native:keyvault:Vault',
      'keyVault',
      {
        vaultName: 'keyVault5e6f',
        resourceGroupName: 'rotatesecretoneset-rg1a2b',
        properties: {
          accessPolicies: [
            { tenantId: TENANT, objectId: functionId, permissions: { secrets: ['get', 'list', 'set'] } },
            { tenantId: TENANT, objectId: webId, permissions: { secrets: ['get', 'list', 'set'] } },
          ],
          enabledForDeployment: false,
          enabledForDiskEncryption: false,
          enabledForTemplateDeployment: false,
          sku: { family: 'A', name: 'standard' },
          tenantId: TENANT,
          enableSoftDelete: false,
        },
      },
      { properties: [functionApp.urn, webApp.urn] },
    ),
  ];
}

/** pulumi/pulumi-azure provider/test-programs/keyvault/Pulumi.yaml: the deployer's policy on a vault with none inline. */
export function pulumiAzureKeyVault(mode: Mode): PulumiResource[] {
  const stack = 'keyvault';
  const vaultId = `${SUBSCRIPTION}/resourceGroups/exampleresourcegroup1a2b/providers/Microsoft.KeyVault/vaults/examplekeyvault3c4d`;
  return [
    record(stack, 'azure:keyvault/keyVault:KeyVault', 'exampleKeyVault', {
      name: 'examplekeyvault3c4d',
      location: 'East US',
      resourceGroupName: 'exampleresourcegroup1a2b',
      tenantId: TENANT,
      skuName: 'premium',
    }),
    record(
      stack,
      'azure:keyvault/accessPolicy:AccessPolicy',
      'exampleAccessPolicy',
      {
        keyVaultId: mode === 'update' ? vaultId : UNKNOWN,
        tenantId: TENANT,
        objectId: DEPLOYER,
        keyPermissions: ['Get', 'Create', 'Delete'],
        secretPermissions: ['Get', 'Set', 'Delete', 'Purge', 'Recover'],
      },
      { keyVaultId: [`urn:pulumi:dev::${stack}::azure:keyvault/keyVault:KeyVault::exampleKeyVault`] },
    ),
  ];
}
