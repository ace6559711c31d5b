/**
 * The Pulumi providers' own example programs (pulumi/pulumi-azure-native examples/, pulumi/pulumi-azuread examples/,
 * pulumi/pulumi-gcp examples/, pulumi/pulumi-kubernetes tests/sdk/nodejs/), copied byte for byte into
 * test/corpus/pulumi-providers/<program>/ (README.md there: repository, commit, path and licence of each, why each was
 * chosen, which were left out and why, and every finding judged). Each runs unchanged under the SDK's mocks
 * (test/pulumi/support/capture-program.mjs) as `pulumi up` and as `pulumi preview` would plan it, is checked with no
 * catalog (as a new user would), asked of the built policy pack over the analyzer protocol (its verdicts must be the
 * engine's), and adopted with `catalog init` (the adopted check and the pack must pass and agree). The same pattern as
 * test/corpus/pulumi-multicloud.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { stackResources } from '../multicloud/support/capture.js';
import { itAdoptsAndAsksThePack, pulumiCorpus, type CorpusProgram } from './support/pulumi-corpus.js';

/** The stack configuration each program's test or README sets (`pulumi config set gcp:project …`). */
const GCP_STACK = { 'gcp:project': 'example-project', 'gcp:region': 'us-central1', 'gcp:zone': 'us-central1-a' };
/** Each program's entry is `<program>/index.ts`, its project the program's folder: its config keys are `<folder>:<key>`. */
const PROGRAMS = {
  'azure-native-roleassignments': {},
  'azure-native-keyvault': {},
  'azure-native-keyvault-accesspolicies': {},
  'azure-native-keyvault-accesspolicies/3-update-accesspolicies': {},
  'azure-native-pim-roleeligibilityschedules': {},
  'azure-native-pim-rolemanagementpolicies': {},
  'azure-native-mysql': {},
  'azure-native-storageaccount-networkrule': {},
  // examples_nodejs_test.go sets the password as plain config (`Config: {"password": …}`), which `config.require` reads.
  'azuread-simple': { config: { 'azuread-simple:password': 'example-Passw0rd!' } },
  'azuread-release-verification-user': {},
  'gcp-serverless': { config: GCP_STACK },
  'gcp-webserver': { config: GCP_STACK },
  'gcp-loadbalancer': { config: GCP_STACK },
  'gcp-bucket': { config: GCP_STACK },
  'kubernetes-service-account-token-secret': {},
  'kubernetes-secrets-new-line': {},
  'kubernetes-mariadb': {},
} satisfies Record<string, CorpusProgram>;
type Program = keyof typeof PROGRAMS;
const NAMES = Object.keys(PROGRAMS) as Program[];
/** Each program checked, asked of the pack and adopted (support/pulumi-corpus.ts). */
const corpus = pulumiCorpus('pulumi-providers', PROGRAMS);
const { captured, findings, previewFindings, judged, counted } = corpus;

/** `member source lists` of each Key Vault access policy the program makes, as the adapter reads it (update mode). */
const accessPolicyGrants = (program: Program) =>
  (modelFromPulumiResources(stackResources(captured[program])).externalRoleGrants ?? [])
    .filter(({ grant }) => grant.keyVaultAccessPolicy)
    .map(({ member, grant }) => {
      const lists = Object.entries(grant.keyVaultAccessPolicy?.lists ?? {}).map(([list, names]) => `${list}: ${names.join(', ')}`);
      return `${member} ${grant.source.name} ${lists.join('; ')}`;
    })
    .sort();
const typesOf = (program: Program) => [...new Set(captured[program].map((record) => record.type))].sort();

describe('Pulumi providers’ example programs under mocks', () => {
  itAdoptsAndAsksThePack(corpus);
  it('compares verdicts, not silence: every program has some but the two whose silence is judged below', () => {
    expect(NAMES.filter((program) => findings[program].length === 0)).toEqual([
      'azure-native-roleassignments',
      'azure-native-keyvault-accesspolicies',
      'azure-native-keyvault-accesspolicies/3-update-accesspolicies',
      'azure-native-pim-roleeligibilityschedules',
      'azure-native-pim-rolemanagementpolicies',
    ]);
  });

  it('azure-native-roleassignments: Reports Reader to a user on one resource group is no privilege (right: silent); in preview the role id, built from the group’s id, is pending (fail closed)', () => {
    expect(judged('azure-native-roleassignments')).toEqual([]);
    expect(judged('azure-native-roleassignments', previewFindings)).toEqual(['no-wildcard-privilege advisory testUserAssignment - Role::unknown pending']);
    expect(counted('azure-native-roleassignments')).toEqual({});
  });
  it('azure-native-keyvault: a custom role of every action at the subscription (right), a secret whose value is a literal (right) with no expiry (right), the deployer’s inline access policy with key and secret Purge (right)', () => {
    const expected = [
      'no-long-lived-credentials advisory mysecret mysecret Secret::value-in-program',
      'no-wildcard-privilege mandatory custom-role - Privilege::all-actions+role-assignment',
      'no-wildcard-privilege mandatory vault - AccessPolicy::keys:purge+secrets:purge',
      'secret-rotation mandatory mysecret mysecret Expiry::none',
    ];
    expect(judged('azure-native-keyvault')).toEqual(expected);
    // In preview the vault's `properties` are one value not known until apply (the second policy's object id is the
    // container group's output): the policies cannot be verified until apply, and are at update (right: fail closed).
    expect(judged('azure-native-keyvault', previewFindings)).toEqual([
      'no-long-lived-credentials advisory mysecret mysecret Secret::value-in-program',
      'no-wildcard-privilege advisory vault - Role::unknown pending',
      'no-wildcard-privilege mandatory custom-role - Privilege::all-actions+role-assignment',
      'secret-rotation mandatory mysecret mysecret Expiry::none',
    ]);
    // The user-assigned identity (owner, entitlements) and the secret (owner).
    expect(counted('azure-native-keyvault')).toEqual({ 'require-entitlement': 1, 'require-owner': 2 });
    // Both inline policies are read: the deployer's, and the container identity's secret Get, whose object id the
    // program reads from the container group's output (no principal id under the mocks, so held as an outside one).
    expect(accessPolicyGrants('azure-native-keyvault')).toEqual([
      'Principal:4de498c8-3f4e-4395-8ac4-77dc60662b34 vault keys: get, create, delete, list, recover, purge; secrets: get, list, set, delete, recover, purge',
      'Principal:vault.properties.accessPolicies[1].objectId not set vault secrets: get',
    ]);
  });
  it('azure-native-keyvault-accesspolicies (steps 1 and 3): each AccessPolicy is read as a grant of named key and secret permissions to a principal outside the change; none is all or purge, so with no catalog there is nothing to report (right: silent, as a Key Vault data role on the vault would be)', () => {
    expect(judged('azure-native-keyvault-accesspolicies')).toEqual([]);
    expect(judged('azure-native-keyvault-accesspolicies', previewFindings)).toEqual([]);
    expect(accessPolicyGrants('azure-native-keyvault-accesspolicies')).toEqual([
      'Principal:00000000-0000-0000-0000-000000000000 ap2 keys: get',
      'Principal:4de498c8-3f4e-4395-8ac4-77dc60662b34 ap1 keys: get, create, delete, list; secrets: get, list, set, delete',
    ]);
    expect(judged('azure-native-keyvault-accesspolicies/3-update-accesspolicies')).toEqual([]);
    expect(judged('azure-native-keyvault-accesspolicies/3-update-accesspolicies', previewFindings)).toEqual([]);
  });
  it('azure-native-pim-roleeligibilityschedules: the PIM eligibility is read (session 49; it was reported as unseen) and is no standing privilege, whatever its role: held only once activated (right: silent; its duration "P1H" is no ISO 8601 duration, which only an active assignment would need); the standing Reports Reader assignment is no privilege', () => {
    expect(judged('azure-native-pim-roleeligibilityschedules')).toEqual([]);
    expect(judged('azure-native-pim-roleeligibilityschedules', previewFindings)).toEqual([
      'no-wildcard-privilege advisory roleAssignment - Role::unknown pending',
    ]);
    expect(
      (modelFromPulumiResources(stackResources(captured['azure-native-pim-roleeligibilityschedules'])).externalRoleGrants ?? []).map(
        ({ member, grant }) => `${member} ${grant.source.name} ${String(grant.role)} ${grant.pim?.assignment ?? 'assigned'}`,
      ),
    ).toEqual([
      // The role id the program calls Reports Reader is Data Box Reader in the built-in role data.
      'User:e61877e9-d26b-4890-9a3c-2287e77ca427 roleAssignment Data Box Reader assigned',
      'Principal:e61877e9-d26b-4890-9a3c-2287e77ca427 res2 Data Box Reader eligible',
    ]);
  });
  it('azure-native-pim-rolemanagementpolicies: a role management policy grants nothing; this one sets what Azure sets by default (eligibility expires, at most 365 days): silent (right)', () => {
    expect(typesOf('azure-native-pim-rolemanagementpolicies')).toEqual(['azure-native:authorization:RoleManagementPolicy']);
    expect(findings['azure-native-pim-rolemanagementpolicies']).toEqual([]);
    expect(previewFindings['azure-native-pim-rolemanagementpolicies']).toEqual([]);
  });
  it('azure-native-mysql: the administrator password written in the program is advisory, as every program password is (right: a literal here)', () => {
    const expected = ['no-long-lived-credentials advisory server - Credential::plaintext'];
    expect(judged('azure-native-mysql')).toEqual(expected);
    expect(judged('azure-native-mysql', previewFindings)).toEqual(expected);
  });
  it('azure-native-storageaccount-networkrule: the account keeps Shared Key on (right: a network rule does not stop a key)', () => {
    const expected = ['no-long-lived-credentials mandatory sa - SharedKey::azure-storage-account'];
    expect(judged('azure-native-storageaccount-networkrule')).toEqual(expected);
    expect(judged('azure-native-storageaccount-networkrule', previewFindings)).toEqual(expected);
  });
  it('azuread-simple and azuread-release-verification-user: an Entra ID user’s password from plain config or a literal is reported (right; it passed in silence before)', () => {
    for (const program of ['azuread-simple', 'azuread-release-verification-user'] as const) {
      expect(judged(program)).toEqual(['no-long-lived-credentials advisory me - Credential::plaintext']);
      expect(judged(program, previewFindings)).toEqual(['no-long-lived-credentials advisory me - Credential::plaintext']);
    }
    expect(findings['azuread-release-verification-user'].map((f) => f.message)).toEqual([
      'A password of me (password) gets its value from the program that declares it: either a literal in its source, ' +
        'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
        'Keep literals out of the source: pass a password the program does not hold (a random.RandomPassword handed ' +
        'to the person out of band) with forcePasswordChange set, so the person replaces it at first sign-in, or ' +
        'invite the person (azuread.Invitation) instead of giving the account a password.',
    ]);
  });
  it('gcp-serverless: the program’s allUsers invoker and HttpCallbackFunction’s own (right), the function on the App Engine default account (right)', () => {
    const expected = [
      'no-wildcard-privilege mandatory f - DefaultAccount::app-engine/every-api',
      'no-wildcard-privilege mandatory f-invoker - Member::allUsers',
      'no-wildcard-privilege mandatory invoker - Member::allUsers',
    ];
    expect(judged('gcp-serverless')).toEqual(expected);
    expect(judged('gcp-serverless', previewFindings)).toEqual(expected);
  });
  it('gcp-webserver and gcp-loadbalancer: VMs on the Compute Engine default account, with the cloud-platform scope (every API) or compute.readonly (right)', () => {
    for (const from of [findings, previewFindings]) {
      expect(judged('gcp-webserver', from)).toEqual(['no-wildcard-privilege mandatory ts-instance - DefaultAccount::compute/every-api']);
      expect(judged('gcp-loadbalancer', from)).toEqual([
        'no-wildcard-privilege mandatory video-compute - DefaultAccount::compute/scoped',
        'no-wildcard-privilege mandatory www-compute - DefaultAccount::compute/scoped',
      ]);
    }
  });
  it('gcp-bucket: four storage-triggered CallbackFunctions on the App Engine default account (right); the allUsers invoker the SDK adds to each is no finding (right: a 1st-gen function with an event trigger has no URL to invoke)', () => {
    // These four invokers were reported as Member::allUsers (noisy) until the grant was read with its function's trigger.
    const expected = ['Archived', 'Deleted', 'Finalized', 'Updated'].map(
      (event) => `no-wildcard-privilege mandatory Test-${event}- - DefaultAccount::app-engine/every-api`,
    );
    expect(judged('gcp-bucket')).toEqual(expected);
    expect(judged('gcp-bucket', previewFindings)).toEqual(expected);
  });
  it('kubernetes-service-account-token-secret: a legacy service-account token Secret (right)', () => {
    const expected = [
      'no-long-lived-credentials mandatory test-service-account-token-secret test-service-account Credential::k8s-service-account-token',
    ];
    expect(judged('kubernetes-service-account-token-secret')).toEqual(expected);
    expect(judged('kubernetes-service-account-token-secret', previewFindings)).toEqual(expected);
    expect(counted('kubernetes-service-account-token-secret')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
  it('kubernetes-secrets-new-line: a Secret whose data is written in the program (right); kubernetes-mariadb: a Secret computed from random.RandomString is not (right)', () => {
    for (const from of [findings, previewFindings]) {
      expect(judged('kubernetes-secrets-new-line', from)).toEqual(['no-long-lived-credentials advisory newline newline Secret::value-in-program']);
      expect(judged('kubernetes-mariadb', from)).toEqual([]);
    }
    expect(counted('kubernetes-mariadb')).toEqual({ 'require-owner': 1 });
    // Its two passwords, each computed from a random.RandomString (a dependency of `data`).
    const secret = stackResources(captured['kubernetes-mariadb']).find((record) => record.type === 'kubernetes:core/v1:Secret');
    expect(Object.keys((secret?.props.data ?? {}) as object).sort()).toEqual(['mariadb-password', 'mariadb-root-password']);
    expect(secret?.propertyDependencies?.data?.map((urn) => urn.split('::').pop())).toEqual(['rootPassword', 'password']);
  });
});
