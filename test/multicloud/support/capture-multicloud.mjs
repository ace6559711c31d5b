/**
 * Runs an Azure, Google Cloud or Kubernetes Pulumi program under the SDK's mocks and prints its resources as the
 * engine would hand them to an analyzer (the same records as test/pulumi/support/capture-program.mjs), with the
 * outputs each provider computes once a resource exists: object and principal ids, service-account emails,
 * resource names. In `preview` those outputs are unknown, as they are before the resource is created.
 *
 *   node capture-multicloud.mjs <program.ts> <preview|update> [project] [stack]
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as pulumi from '@pulumi/pulumi';

const [program, mode = 'update', project = 'example', stack = 'dev'] = process.argv.slice(2);
if (!program || !['preview', 'update'].includes(mode)) {
  console.error('usage: node capture-multicloud.mjs <program.ts> <preview|update> [project] [stack]');
  process.exit(2);
}
const preview = mode === 'preview';
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const PROJECT_NUMBER = '123456789012';

/** A stable GUID per resource and purpose, so captures are deterministic. */
function guid(...parts) {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the cloud returns once the resource exists (the `id` Pulumi keeps apart from the state). */
function computed(type, name, inputs) {
  switch (type) {
    case 'azuread:index/application:Application': {
      const objectId = guid(name, 'object');
      return { id: `/applications/${objectId}`, objectId, clientId: guid(name, 'client') };
    }
    case 'azuread:index/servicePrincipal:ServicePrincipal':
    case 'azuread:index/group:Group': {
      const objectId = guid(name, 'object');
      return { id: objectId, objectId };
    }
    case 'azure-native:managedidentity:UserAssignedIdentity':
      return {
        id: `/subscriptions/00000000-0000-0000-0000-00000000c0de/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${inputs.resourceName}`,
        name: inputs.resourceName,
        principalId: guid(name, 'principal'),
        clientId: guid(name, 'client'),
      };
    case 'azure-native:authorization:RoleDefinition': {
      const roleDefinitionId = guid(name, 'role');
      return { id: `${inputs.scope}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionId}`, name: roleDefinitionId };
    }
    case 'gcp:serviceaccount/account:Account': {
      const email = `${inputs.accountId}@${inputs.project}.iam.gserviceaccount.com`;
      return { id: `projects/${inputs.project}/serviceAccounts/${email}`, name: `projects/${inputs.project}/serviceAccounts/${email}`, email, uniqueId: '1' + PROJECT_NUMBER };
    }
    case 'gcp:iam/workloadIdentityPool:WorkloadIdentityPool': {
      const poolName = `projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/${inputs.workloadIdentityPoolId}`;
      return { id: poolName, name: poolName };
    }
    case 'gcp:secretmanager/secret:Secret':
      return { id: `projects/${inputs.project}/secrets/${inputs.secretId}`, name: `projects/${PROJECT_NUMBER}/secrets/${inputs.secretId}` };
    case 'gcp:pubsub/topic:Topic':
      return { id: `projects/${inputs.project}/topics/${inputs.name}` };
    default:
      return { id: `${name}-id` };
  }
}

const records = [];
pulumi.runtime.setMocks(
  {
    newResource({ type, name, inputs }) {
      const { id, ...outputs } = computed(type, name, inputs);
      const planned = preview ? Object.fromEntries(Object.keys(outputs).map((key) => [key, UNKNOWN])) : outputs;
      return { id: preview ? undefined : id, state: { ...inputs, ...planned } };
    },
    call: ({ inputs }) => inputs,
  },
  project,
  stack,
  preview,
);

// The mock monitor drops each request's property dependencies; the engine passes them to analyzers.
const monitor = pulumi.runtime.getMonitor();
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (request, callback) =>
  register(request, (error, response) => {
    if (!error && request.getCustom()) {
      const propertyDependencies = {};
      for (const [key, value] of request.getPropertydependenciesMap().entries()) {
        const urns = value.getUrnsList();
        if (urns.length > 0) propertyDependencies[key] = urns;
      }
      records.push({
        type: request.getType(),
        name: request.getName(),
        urn: response.getUrn(),
        inputs: request.getObject()?.toJavaScript() ?? {},
        outputs: response.getObject()?.toJavaScript() ?? {},
        propertyDependencies,
      });
    }
    callback(error, response);
  });

await import(pathToFileURL(program).href);
await pulumi.runtime.disconnect();
process.stdout.write(JSON.stringify(records, null, 2));
