/**
 * Azure, Google Cloud and Kubernetes regression corpus, Pulumi side: programs of pulumi/examples copied verbatim
 * (test/corpus/pulumi-multicloud/<program>/, each file naming its source and licence; README.md there says why each was
 * chosen, which were left out and why, and judges every finding), run under the SDK's mocks as `pulumi up` would plan
 * them and checked with no catalog, as a new user would. Every finding of the rules that judge the program itself is
 * listed and judged here; the catalog rules (require-owner, require-entitlement: one or two per identity without a
 * catalog) are counted. The built policy pack, started and asked as `pulumi preview` asks it (Analyze per resource, then
 * AnalyzeStack, over the analyzer protocol), gives each program's verdicts: rule, level and resource. The same pattern
 * as test/corpus/aws-pulumi.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { stackResources } from '../multicloud/support/capture.js';
import type { CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { itAdoptsAndAsksThePack, pulumiCorpus, type CorpusProgram } from './support/pulumi-corpus.js';

/**
 * Each program with the stack configuration its README asks for (`pulumi config set gcp:project …`); the programs
 * themselves are unchanged. The Azure ones read their location and subscription from the provider, the Kubernetes
 * ones their cluster from the provider's kubeconfig.
 */
const GCP_STACK = { 'gcp:project': 'example-project', 'gcp:region': 'us-central1', 'gcp:zone': 'us-central1-a' };
const PROGRAMS = {
  'azure-ts-aks-managed-identity': { config: {} },
  'azure-ts-synapse': { config: {} },
  'gcp-ts-serverless-raw': { config: GCP_STACK },
  'gcp-ts-functions': { config: GCP_STACK },
  'gcp-ts-vm-multi-nic': { config: GCP_STACK },
  'gcp-ts-gke': { config: GCP_STACK },
  'gcp-ts-gke-hello-world': { config: GCP_STACK },
  'azure-ts-functions': { config: {} },
  'azure-ts-cosmosdb-logicapp': { config: {} },
  'azure-ts-webserver': {
    config: { 'azure-ts-webserver:username': 'pulumi', 'azure-ts-webserver:password': 'example-Passw0rd!' },
    secretKeys: ['azure-ts-webserver:password'],
  },
  // `isMinikube: false`, as on any cluster that gives LoadBalancer services an address.
  'kubernetes-ts-sock-shop': { config: { 'kubernetes-ts-sock-shop:isMinikube': 'false' } },
  'kubernetes-ts-guestbook': { file: 'kubernetes-ts-guestbook/components/index.ts', config: {} },
  'kubernetes-ts-helm-release-wordpress': { config: {} },
} satisfies Record<string, CorpusProgram>;
type Program = keyof typeof PROGRAMS;
const NAMES = Object.keys(PROGRAMS) as Program[];
/** Programs with no verdict at all, each silence judged below (right, or a miss said as one). */
const SILENT: Program[] = ['kubernetes-ts-sock-shop', 'kubernetes-ts-guestbook'];
/** Each program checked, asked of the pack and adopted (support/pulumi-corpus.ts). */
const corpus = pulumiCorpus('pulumi-multicloud', PROGRAMS);
const { captured, findings, previewFindings, judged, counted } = corpus;

/** The service account a Deployment's pods run as: the one it names, or its namespace's `default`. */
const podAccount = (deployment: CapturedResource) =>
  (deployment.inputs.spec as { template?: { spec?: { serviceAccountName?: string } } } | undefined)?.template?.spec
    ?.serviceAccountName ?? 'default';

describe('Azure, Google Cloud and Kubernetes corpus: pulumi/examples programs under mocks', () => {
  itAdoptsAndAsksThePack(corpus);
  it('compares verdicts, not silence: every program has some but the two whose silence is judged below, in update and in preview', () => {
    expect(NAMES.filter((program) => findings[program].length === 0)).toEqual(SILENT);
    expect(NAMES.filter((program) => previewFindings[program].length === 0)).toEqual(SILENT);
  });

  it('azure-ts-aks-managed-identity: Contributor on the cluster’s resource group is below the broad scopes the rule judges (by design); in preview the scope is pending (fail closed); the cluster keeps its local accounts and the program reads their admin kubeconfig (right; passed in silence before h144)', () => {
    const localAccounts = 'no-long-lived-credentials mandatory cluster - SharedKey::azure-kubernetes-cluster';
    expect(judged('azure-ts-aks-managed-identity')).toEqual([localAccounts]);
    expect(counted('azure-ts-aks-managed-identity')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    expect(judged('azure-ts-aks-managed-identity', previewFindings)).toEqual([
      localAccounts,
      'no-wildcard-privilege advisory roleAssignment identity Role::unknown pending',
    ]);
  });
  it('azure-ts-synapse: the workspace’s system-assigned identity is an identity of the change (owner, entitlements); Storage Blob Data Contributor on one account is no privilege; the user’s grant is left to the human rules; the storage account keeps Shared Key on (right: nothing here uses its keys, the workspace reads it as its identity)', () => {
    expect(judged('azure-ts-synapse')).toEqual(['no-long-lived-credentials mandatory synapsesa - SharedKey::azure-storage-account']);
    expect(counted('azure-ts-synapse')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    expect(findings['azure-ts-synapse'].map((f) => `${f.ruleId} ${f.resource.name} ${f.identity?.split('::').pop() ?? '-'}`).sort()).toEqual([
      'no-long-lived-credentials synapsesa -',
      'require-entitlement my-workspace my-workspace',
      'require-owner my-workspace my-workspace',
    ]);
    // In preview the role id is one interpolated string, unknown until apply: both assignments are pending, the
    // workspace's on its identity (linked by the principal id's dependency), the user's as an external grant.
    expect(judged('azure-ts-synapse', previewFindings)).toEqual([
      'no-long-lived-credentials mandatory synapsesa - SharedKey::azure-storage-account',
      'no-wildcard-privilege advisory storageAccess my-workspace Role::unknown pending',
      'no-wildcard-privilege advisory userAccess - Role::unknown pending',
    ]);
  });
  it('gcp-ts-serverless-raw: three functions anyone on the internet may invoke (right: a waiver case for a public endpoint), each running as the App Engine default account (right: 1st gen functions without serviceAccountEmail), in preview too', () => {
    const expected = [
      'no-wildcard-privilege mandatory go-func - DefaultAccount::app-engine/every-api',
      'no-wildcard-privilege mandatory go-invoker - Member::allUsers',
      'no-wildcard-privilege mandatory py-invoker - Member::allUsers',
      'no-wildcard-privilege mandatory python-func - DefaultAccount::app-engine/every-api',
      'no-wildcard-privilege mandatory ts-func - DefaultAccount::app-engine/every-api',
      'no-wildcard-privilege mandatory ts-invoker - Member::allUsers',
    ];
    expect(judged('gcp-ts-serverless-raw')).toEqual(expected);
    expect(judged('gcp-ts-serverless-raw', previewFindings)).toEqual(expected);
    expect(counted('gcp-ts-serverless-raw')).toEqual({});
  });
  it('gcp-ts-functions: the program’s allUsers invoker and the one HttpCallbackFunction adds itself (right, twice: both are real grants); the function HttpCallbackFunction creates runs as the App Engine default account (right)', () => {
    const expected = [
      'no-wildcard-privilege mandatory greeting - DefaultAccount::app-engine/every-api',
      'no-wildcard-privilege mandatory greeting-invoker - Member::allUsers',
      'no-wildcard-privilege mandatory invoker - Member::allUsers',
    ];
    expect(judged('gcp-ts-functions')).toEqual(expected);
    expect(judged('gcp-ts-functions', previewFindings)).toEqual(expected);
    expect(counted('gcp-ts-functions')).toEqual({});
  });
  it('gcp-ts-vm-multi-nic: a dedicated account with no role, attached with the cloud-platform scope, is no privilege (right)', () => {
    expect(judged('gcp-ts-vm-multi-nic')).toEqual([]);
    expect(judged('gcp-ts-vm-multi-nic', previewFindings)).toEqual([]);
    expect(counted('gcp-ts-vm-multi-nic')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
  it('gcp-ts-gke: the node pool runs as the Compute Engine default account (right: nodeConfig sets no serviceAccount), its scopes said; the cluster removes its default node pool (nothing to report), in preview too', () => {
    const expected = ['no-wildcard-privilege mandatory primary-node-pool - DefaultAccount::compute/scoped'];
    expect(judged('gcp-ts-gke')).toEqual(expected);
    expect(judged('gcp-ts-gke', previewFindings)).toEqual(expected);
    expect(counted('gcp-ts-gke')).toEqual({});
    expect(findings['gcp-ts-gke'].map((f) => f.message)).toEqual([
      'GKE node pool primary-node-pool runs as the Compute Engine default service account ' +
        '(PROJECT_NUMBER-compute@developer.gserviceaccount.com) because nodeConfig.serviceAccount is not set. Google grants ' +
        'that account roles/editor on the project (unless the organization policy iam.automaticIamGrantsForDefaultServiceAccounts ' +
        'stopped it; enforced by default only in organizations created since May 2024), and every workload of the project that ' +
        'names no account shares it. Its access scopes (compute, devstorage.read_only, logging.write, monitoring) limit what its ' +
        'tokens may call under that role; scopes are a legacy limit that whoever may change the workload lifts. Create a ' +
        'dedicated service account with only the roles the workload needs and set nodeConfig.serviceAccount to it (CIS Google ' +
        'Cloud 4.1/4.2, CIS GKE 5.2.1).',
    ]);
  });
  it('gcp-ts-vm-multi-nic: the VM runs as the program’s own account, an attachment of that identity (catalog init: a service that runs compute)', () => {
    const model = modelFromPulumiResources(stackResources(captured['gcp-ts-vm-multi-nic']));
    expect(model.identities.map((identity) => [identity.name, identity.attachments.map((a) => `${a.kind} ${a.source.name}`)])).toEqual([
      ['multi-nic-vm', ['vm multi-nic-vm']],
    ]);
  });
  it('gcp-ts-gke-hello-world: the node pool runs as the Compute Engine default account (right, as in gcp-ts-gke); the Deployment it runs in its own namespace names no service account and nothing binds one (right: no finding), in preview too', () => {
    const expected = ['no-wildcard-privilege mandatory primary-node-pool - DefaultAccount::compute/scoped'];
    expect(judged('gcp-ts-gke-hello-world')).toEqual(expected);
    expect(judged('gcp-ts-gke-hello-world', previewFindings)).toEqual(expected);
    expect(counted('gcp-ts-gke-hello-world')).toEqual({});
  });
  it('kubernetes-ts-helm-release-wordpress: the Helm release is reported as unseen (right: its chart’s Secrets, service accounts and RBAC never reach the check), in preview too; before, it passed in silence', () => {
    const expected = ['no-unseen-content mandatory wpdev - Unseen::kubernetes:helm.sh/v3:Release'];
    expect(judged('kubernetes-ts-helm-release-wordpress')).toEqual(expected);
    expect(judged('kubernetes-ts-helm-release-wordpress', previewFindings)).toEqual(expected);
    expect(counted('kubernetes-ts-helm-release-wordpress')).toEqual({});
  });
  it('azure-ts-functions: the storage account keeps Shared Key on, and the function app’s settings carry its first key (AzureWebJobsStorage): reported on the account (right), in preview too; before, it passed in silence', () => {
    const expected = ['no-long-lived-credentials mandatory sa - SharedKey::azure-storage-account'];
    expect(judged('azure-ts-functions')).toEqual(expected);
    expect(judged('azure-ts-functions', previewFindings)).toEqual(expected);
    expect(counted('azure-ts-functions')).toEqual({});
    expect(findings['azure-ts-functions'].map((f) => f.message)).toEqual([
      'Storage account sa allows Shared Key authorization (allowSharedKeyAccess is not set, and Azure allows it by default): ' +
        'its two account keys stay valid until someone rotates them, and a request signed with one, or a SAS token signed with one, ' +
        'is authorized without any identity. Set allowSharedKeyAccess to false and give callers an identity (a managed identity with a Storage data role).',
    ]);
    // The key the finding is about: listStorageAccountKeys' first key, written into a connection string.
    const app = captured['azure-ts-functions'].find((record) => record.type === 'azure-native:web:WebApp');
    expect(JSON.stringify(app?.inputs)).toMatch(/"name":"AzureWebJobsStorage","value":"DefaultEndpointsProtocol=https;AccountName=[^;"]+;AccountKey=[^"]+"/);
  });
  it('azure-ts-cosmosdb-logicapp: the Cosmos DB account keeps its keys (disableLocalAuth left out) and the program hands its primary key to a Logic App connection; the storage account keeps Shared Key on: both reported on the account (right), in preview too; before, the Cosmos DB keys passed in silence', () => {
    const expected = [
      'no-long-lived-credentials mandatory logicappdemo-cdb - SharedKey::azure-cosmos-db-account',
      'no-long-lived-credentials mandatory logicappdemosa - SharedKey::azure-storage-account',
    ];
    expect(judged('azure-ts-cosmosdb-logicapp')).toEqual(expected);
    expect(judged('azure-ts-cosmosdb-logicapp', previewFindings)).toEqual(expected);
    expect(counted('azure-ts-cosmosdb-logicapp')).toEqual({});
    expect(findings['azure-ts-cosmosdb-logicapp'].find((f) => f.detail === 'SharedKey::azure-cosmos-db-account')?.message).toBe(
      'Cosmos DB account logicappdemo-cdb allows key authorization (local authentication) (disableLocalAuth is not set, and Azure ' +
        'allows it by default): its primary and secondary keys, read-write and read-only, stay valid until someone rotates them, ' +
        'and a request signed with one, or a resource token made with one, is authorized without any identity. Set ' +
        'disableLocalAuth to true and give callers an identity (a managed identity with a Cosmos DB data-plane role).',
    );
    // The key the finding is about: listDatabaseAccountKeys' primary master key, the API connection's access key.
    const connection = captured['azure-ts-cosmosdb-logicapp'].find((record) => record.type === 'azure-native:web:Connection');
    expect(connection?.inputs.properties).toMatchObject({ parameterValues: { accessKey: expect.any(String) } });
  });
  it('azure-ts-webserver: the VM has no managed identity (no identity finding); its administrator password, a stack config secret the pack cannot tell from a literal, is advisory, as an AWS password is (right; silent before session 36)', () => {
    for (const from of [findings, previewFindings])
      expect(judged('azure-ts-webserver', from)).toEqual([
        'no-long-lived-credentials advisory server-vm - Credential::plaintext',
      ]);
    expect(findings['azure-ts-webserver'].map((f) => f.message)).toEqual([
      'A password of server-vm (osProfile.adminPassword) gets its value from the program that declares it: either a literal in its source, which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. Keep literals out of the source: pass a password the program does not hold: a random.RandomPassword, or a value read from Key Vault; for a Linux VM, an SSH key with password authentication disabled, and for a database, Entra ID authentication.',
    ]);
    const vm = captured['azure-ts-webserver'].find((record) => record.type === 'azure-native:compute:VirtualMachine');
    expect(vm?.inputs.identity).toBeUndefined();
    // The password as the engine sends a secret: the wire form's signature for a secret, not a plain string.
    expect((vm?.inputs.osProfile as { adminPassword?: unknown } | undefined)?.adminPassword).toEqual({
      '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
      value: 'example-Passw0rd!',
    });
  });
  it('kubernetes-ts-sock-shop and kubernetes-ts-guestbook: silent (right): every pod runs as its namespace’s default service account, which nothing here binds to a role', () => {
    for (const program of ['kubernetes-ts-sock-shop', 'kubernetes-ts-guestbook'] as const) {
      expect(findings[program]).toEqual([]);
      const deployments = captured[program].filter((record) => record.type === 'kubernetes:apps/v1:Deployment');
      expect(deployments.map(podAccount)).toEqual(deployments.map(() => 'default'));
      expect(captured[program].filter((record) => record.type.startsWith('kubernetes:rbac.authorization.k8s.io/'))).toEqual([]);
    }
    expect(captured['kubernetes-ts-sock-shop'].filter((record) => record.type === 'kubernetes:apps/v1:Deployment')).toHaveLength(13);
    expect(captured['kubernetes-ts-guestbook'].filter((record) => record.type === 'kubernetes:apps/v1:Deployment')).toHaveLength(3);
  });
});
