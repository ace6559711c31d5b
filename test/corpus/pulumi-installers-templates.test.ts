/**
 * Azure and Google Cloud programs that make identities and grants, from two Pulumi repositories not in the other
 * corpora: pulumi/pulumi-self-hosted-installers (the AKS and GKE installs of the self-hosted Pulumi Cloud: an Entra ID
 * application, service principal, password and group; a Key Vault with access policies; a role assignment to the
 * service principal; a user-assigned identity federated with a Kubernetes service account; a GCP service account with
 * bucket grants and an HMAC key) and pulumi/templates (the `pulumi new` templates for Kubernetes and VMs on Azure and
 * Google Cloud). Copied verbatim into test/corpus/pulumi-installers-templates/ (README.md there: sources, commits,
 * licences, why each, which were left out, and every finding judged), run under the SDK's mocks as `pulumi up` and as
 * `pulumi preview` would plan them, checked with no catalog, asked of the built policy pack and adopted with
 * `catalog init` (test/corpus/support/pulumi-corpus.ts, the harness of the other Pulumi corpora).
 */
import { describe, expect, it } from 'vitest';
import { itAdoptsAndAsksThePack, pulumiCorpus, type CorpusProgram } from './support/pulumi-corpus.js';

const GCP_STACK = { 'gcp:project': 'example-project', 'gcp:region': 'us-central1', 'gcp:zone': 'us-central1-a' };
/** aks-hosted/01-infrastructure's required settings (its README: a new virtual network of these ranges). */
const AKS_INFRASTRUCTURE = {
  'k8s-azure-01-infrastructure:networkCidr': '10.2.0.0/16',
  'k8s-azure-01-infrastructure:subnetCidr': '10.2.1.0/24',
  'k8s-azure-01-infrastructure:dbSubnetCidr': '10.2.2.0/24',
};
/** The first stack, which aks-hosted/02-kubernetes reads by StackReference: the outputs it exported in `aks-infrastructure`'s capture. */
const AKS_INFRASTRUCTURE_STACK = 'example-org/k8s-azure-01-infrastructure/dev';
const PROGRAMS = {
  'aks-infrastructure': { project: 'k8s-azure-01-infrastructure', config: AKS_INFRASTRUCTURE },
  'aks-kubernetes': {
    project: 'k8s-azure-02-kubernetes-cluster',
    config: {
      'k8s-azure-02-kubernetes-cluster:stackName1': AKS_INFRASTRUCTURE_STACK,
      'k8s-azure-02-kubernetes-cluster:azureDnsZoneName': 'example.com',
      'k8s-azure-02-kubernetes-cluster:azureDnsZoneResourceGroupName': 'dns-rg',
    },
    stackOutputs: {
      [AKS_INFRASTRUCTURE_STACK]: {
        resourceGroupName: 'pulumiselfhosted-dev-rg',
        networkSubnetId:
          '/subscriptions/00000000-0000-0000-0000-00000000c0de/resourceGroups/pulumiselfhosted-dev-rg/providers/Microsoft.Network/virtualNetworks/pulumiselfhosted-dev-vnet/subnets/pulumiselfhosted-dev-snet',
        adGroupId: 'be68cfe7-4ddc-442d-8ee0-1d7a2eb695e5',
        adApplicationId: '05e50491-3987-4381-8c5d-513947369cab',
        adApplicationSecret: 'example-service-principal-password',
      },
    },
  },
  'gke-infrastructure': { project: '01-infrastructure-selfhosted-gke', config: GCP_STACK },
  'template-kubernetes-gcp': { config: GCP_STACK },
  'template-vm-gcp': { config: GCP_STACK },
  'template-kubernetes-azure': {
    config: {
      'template-kubernetes-azure:mgmtGroupId': '11111111-2222-4333-8444-555555555555',
      'template-kubernetes-azure:sshPubKey': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey user@example',
    },
  },
  'template-vm-azure': {},
} satisfies Record<string, CorpusProgram>;
type Program = keyof typeof PROGRAMS;
const corpus = pulumiCorpus('pulumi-installers-templates', PROGRAMS);
const { captured, findings, previewFindings, judged, counted } = corpus;
const messageOf = (program: Program, resource: string) =>
  findings[program].filter((f) => f.resource.name === resource && !f.ruleId.startsWith('require-')).map((f) => f.message);

describe('Pulumi self-hosted installers and templates (Azure, Google Cloud) under mocks', () => {
  itAdoptsAndAsksThePack(corpus);

  it('runs every program whole: the first stack’s `export = async () => …` is called as the language host calls it, the second reads the first’s outputs by StackReference', () => {
    expect(captured['aks-infrastructure'].length).toBe(23);
    const references = captured['aks-kubernetes'].filter((record) => record.type === 'pulumi:pulumi:StackReference');
    expect(references.map((record) => record.name)).toEqual([AKS_INFRASTRUCTURE_STACK]);
    // The cluster's service principal secret comes from the first stack: not written in this program (no finding).
    const cluster = captured['aks-kubernetes'].find((record) => record.name === 'pulumi-selfhosted-dev-aks');
    expect(cluster?.propertyDependencies.servicePrincipalProfile).toContain(references[0]?.urn);
  });

  it('aks-infrastructure: the service principal’s password (end date 2099), the vault access policy with Purge, the storage account’s Shared Key and the service principal in a group by inline members, each right; in preview the vault and the Network Contributor assignment wait for their ids (fail closed)', () => {
    expect(judged('aks-infrastructure')).toEqual([
      'no-long-lived-credentials mandatory pulumi - SharedKey::azure-storage-account',
      'no-long-lived-credentials mandatory pulumiselfhosted-dev-sppwd-server pulumiselfhosted-dev-sp-server Credential::azure-client-secret',
      'no-unseen-content mandatory pulumiselfhosted-dev-ad-admingroup - Unseen::azuread:index/group:Group members',
      'no-wildcard-privilege mandatory pulumivault pulumiselfhosted-dev-sp-server AccessPolicy::keys:purge+secrets:purge',
    ]);
    expect(judged('aks-infrastructure', previewFindings)).toEqual([
      'no-long-lived-credentials mandatory pulumi - SharedKey::azure-storage-account',
      'no-long-lived-credentials mandatory pulumiselfhosted-dev-sppwd-server pulumiselfhosted-dev-sp-server Credential::azure-client-secret',
      'no-unseen-content mandatory pulumiselfhosted-dev-ad-admingroup - Unseen::azuread:index/group:Group members',
      'no-wildcard-privilege advisory pulumiselfhosted-dev-roleassign-snet pulumiselfhosted-dev-sp-server Role::unknown pending',
      'no-wildcard-privilege advisory pulumivault - Role::unknown pending',
    ]);
    expect(counted('aks-infrastructure')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });

  it('aks-kubernetes: the cluster’s local accounts (right), two Helm releases unseen (right), the managed identity federated with cert-manager’s service account, its subject unchecked without a catalog (right); DNS Zone Contributor on one zone is no privilege (right)', () => {
    expect(judged('aks-kubernetes')).toEqual([
      'no-long-lived-credentials mandatory pulumi-selfhosted-dev-aks - SharedKey::azure-kubernetes-cluster',
      'no-unseen-content mandatory cert-manager - Unseen::kubernetes:helm.sh/v3:Release',
      'no-unseen-content mandatory ingress - Unseen::kubernetes:helm.sh/v3:Release',
      // Since h146: the Entra ID admin group (aadProfile.adminGroupObjectIDs, the first stack's group, which holds the
      // service principal whose password ends in 2099) is cluster-admin on the cluster (right; a miss before).
      'no-wildcard-privilege mandatory pulumi-selfhosted-dev-aks - Role::cluster-admin',
      'restrict-trust mandatory pulumi-selfhosted-federated-cred pulumi-selfhosted-managed-id Subject::system:serviceaccount:pulumi-selfhosted-certmanager:cert-manager',
    ]);
    expect(judged('aks-kubernetes', previewFindings)).toEqual([
      'no-long-lived-credentials mandatory pulumi-selfhosted-dev-aks - SharedKey::azure-kubernetes-cluster',
      'no-unseen-content mandatory cert-manager - Unseen::kubernetes:helm.sh/v3:Release',
      'no-unseen-content mandatory ingress - Unseen::kubernetes:helm.sh/v3:Release',
      'no-wildcard-privilege mandatory pulumi-selfhosted-dev-aks - Role::cluster-admin',
      'restrict-trust advisory pulumi-selfhosted-federated-cred pulumi-selfhosted-managed-id Federated::unknown pending',
    ]);
    expect(counted('aks-kubernetes')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    expect(messageOf('aks-kubernetes', 'pulumi-selfhosted-dev-aks')).toEqual([
      'AKS cluster pulumi-selfhosted-dev-aks allows local accounts (disableLocalAccounts is not set, and Azure allows it by ' +
        'default): its local accounts’ kubeconfigs (the admin one’s client certificate is in system:masters: cluster-admin) ' +
        'stay valid until someone rotates them, and a request to its API server that presents one is authorized without ' +
        'any identity. Set disableLocalAccounts to true and give callers an identity (Entra ID users, groups and workload ' +
        'identities through aadProfile, with Azure RBAC or Kubernetes RBAC roles).',
      'pulumi-selfhosted-dev-aks binds Group be68cfe7-4ddc-442d-8ee0-1d7a2eb695e5 to cluster-admin cluster-wide ' +
        '(ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the ' +
        'verbs and resources the workload uses, in its namespace.',
    ]);
  });

  it('gke-infrastructure: the service account’s Cloud Storage HMAC key (right); objectAdmin on three buckets of its own is no privilege (right)', () => {
    const expected = ['no-long-lived-credentials mandatory pulumiselfhosted-dev-sa-hmac pulumiselfhosted-dev-sa Credential::gcp-hmac-key'];
    expect(judged('gke-infrastructure')).toEqual(expected);
    expect(judged('gke-infrastructure', previewFindings)).toEqual(expected);
    expect(counted('gke-infrastructure')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });

  it('template-kubernetes-gcp: a node pool on a dedicated account with no role, in a cluster with workload identity: nothing to report (right)', () => {
    expect(judged('template-kubernetes-gcp')).toEqual([]);
    expect(judged('template-kubernetes-gcp', previewFindings)).toEqual([]);
    expect(counted('template-kubernetes-gcp')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });

  it('template-vm-gcp: a serviceAccount block with scopes and no email runs the VM as the Compute Engine default account, cloud-platform scope (right)', () => {
    const expected = ['no-wildcard-privilege mandatory instance - DefaultAccount::compute/every-api'];
    expect(judged('template-vm-gcp')).toEqual(expected);
    expect(judged('template-vm-gcp', previewFindings)).toEqual(expected);
    expect(counted('template-vm-gcp')).toEqual({});
  });

  it('template-kubernetes-azure: the cluster’s local accounts (right: it reads the admin kubeconfig); its admin group is cluster-admin (right); its system-assigned identity is an identity of the change', () => {
    const expected = [
      'no-long-lived-credentials mandatory managedCluster - SharedKey::azure-kubernetes-cluster',
      // Since h146: aadProfile.adminGroupObjectIDs, the `mgmtGroupId` the template asks for, is cluster-admin (right).
      'no-wildcard-privilege mandatory managedCluster - Role::cluster-admin',
    ];
    expect(judged('template-kubernetes-azure')).toEqual(expected);
    expect(judged('template-kubernetes-azure', previewFindings)).toEqual(expected);
    expect(counted('template-kubernetes-azure')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });

  it('template-vm-azure: a Linux VM with SSH keys only and no managed identity: no identity, grant or credential to report (right)', () => {
    expect(findings['template-vm-azure']).toEqual([]);
    expect(previewFindings['template-vm-azure']).toEqual([]);
  });
});
