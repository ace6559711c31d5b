// Corpus: the identity facts of pulumi/examples classic-azure-ts-msi-keyvault-rbac/index.ts@40c09b266d44e9975e15289c42cc0c2ad8d14995,
// written by us as the records the classic @pulumi/azure provider registers (its package is not installed here; the
// adapter reads type tokens and property names): the App Service's managed identity granted Storage Blob Data Reader by
// name on one blob container.
import type { PulumiResource } from '../../../src/adapters/pulumi/index.js';

const urn = (type: string, name: string) => `urn:pulumi:dev::msi-keyvault-rbac::${type}::${name}`;
const container = '/subscriptions/00000000-0000-0000-0000-00000000c0de/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/blobServices/default/containers/files';
export const MSI_KEYVAULT_RBAC: PulumiResource[] = [
  {
    type: 'azure:authorization/assignment:Assignment',
    name: 'readblob',
    urn: urn('azure:authorization/assignment:Assignment', 'readblob'),
    props: { principalId: '0a5e2ce0-0000-4000-8000-00000000app1', scope: container, roleDefinitionName: 'Storage Blob Data Reader' },
  },
];
