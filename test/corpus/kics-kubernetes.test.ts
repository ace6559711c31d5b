/**
 * A peer's verdicts on the same manifests: KICS's Kubernetes query fixtures about RBAC, service accounts and secrets
 * (DataDog/kics, a fork of Checkmarx/kics, assets/queries/k8s/<query>/test, copied verbatim into
 * test/corpus/kics-kubernetes and renamed for what each shows; the mapping is in its README). Each file is checked
 * alone, as a user runs `entitlement-guard check FILE --format json` with no catalog. Each file has a row below: the
 * query, KICS's verdict (a positive fixture is flagged, a negative one passed), the exit code and the exact content
 * findings here (`rule level resource identity detail`, the catalog rules aside), and, where the two differ, why.
 * Every finding is judged in test/corpus/kics-kubernetes/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'kics-kubernetes');

interface Row {
  file: string;
  query: string;
  kics: 'flagged' | 'passed';
  exit: 0 | 1 | 2;
  /** Content findings, `rule level resource identity detail` (identity as namespace/name, `-` for none), sorted. */
  here: string[];
  /** Required where KICS flags and nothing is found here, or KICS passes and something is: why. */
  why?: string;
}

/** A no-wildcard-privilege finding (all are mandatory) on a resource, with the account it names. */
const nwp = (resource: string, detail: string, identity = '-') =>
  `no-wildcard-privilege mandatory ${resource} ${identity} ${detail}`;
/** An advisory no-wildcard-privilege finding: aws-auth-write where the file does not show EKS (since session 45). */
const advisory = (resource: string, detail: string, identity = '-') =>
  `no-wildcard-privilege advisory ${resource} ${identity} ${detail}`;
const NOT_OURS = 'outside what this product checks: ';

const ROWS: Row[] = [
  {
    file: 'cluster-admin-binding/flagged-cluster-admin-to-tiller.yaml',
    query: 'cluster_admin_role_binding_with_super_user_permissions',
    kics: 'flagged',
    exit: 1,
    here: [nwp('tiller-clusterrolebinding', 'Role::cluster-admin', 'ServiceAccount/kube-system/tiller')],
  },
  {
    file: 'cluster-admin-binding/passed-view-to-tiller.yaml',
    query: 'cluster_admin_role_binding_with_super_user_permissions',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'create-pods/flagged-create-on-pods-six-ways.yaml',
    query: 'permissive_access_to_create_pods',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp('secret-reader', 'Route::pod-create'),
      nwp('secret-reader2', 'Route::pod-create'),
      nwp('secret-reader2', 'Route::pod-exec'),
      nwp('secret-reader2', 'Route::token-create'),
      nwp('secret-reader3', 'Route::pod-create'),
      nwp('secret-reader4', 'Route::wildcard'),
    ],
  },
  {
    file: 'create-pods/flagged-read-all-and-write-all-groups.yaml',
    query: 'permissive_access_to_create_pods',
    kics: 'flagged',
    exit: 1,
    here: [
      advisory('secret-reader', 'Route::aws-auth-write'),
      nwp('secret-reader', 'Route::apiservice-write'),
      nwp('secret-reader', 'Route::namespace-modify'),
      nwp('secret-reader', 'Route::nodes-proxy'),
      nwp('secret-reader', 'Route::pod-create'),
      nwp('secret-reader', 'Route::pod-exec'),
      nwp('secret-reader', 'Route::pv-create'),
      nwp('secret-reader', 'Route::secrets-read'),
      nwp('secret-reader', 'Route::token-create'),
      nwp('secret-reader', 'Route::webhook-write'),
    ],
  },
  {
    file: 'create-pods/passed-read-pods-create-secrets.yaml',
    query: 'permissive_access_to_create_pods',
    kics: 'passed',
    exit: 1,
    here: [nwp('secret-reader2', 'Route::secrets-read'), nwp('secret-reader2', 'Route::token-create')],
    why:
      'KICS looks for pod creation only; "get" on every secret cluster-wide reads them all, and "create" with "get" ' +
      'on secrets mints a service-account-token Secret for any account',
  },
  {
    file: 'create-pods/passed-write-crds.yaml',
    query: 'permissive_access_to_create_pods',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'escalation/flagged-bind-clusterroles-create-bindings.yaml',
    query: 'rbac_roles_allow_privilege_escalation',
    kics: 'flagged',
    exit: 1,
    here: [nwp('rbac-binder', 'Route::bind')],
  },
  {
    file: 'escalation/passed-create-bindings.yaml',
    query: 'rbac_roles_allow_privilege_escalation',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'attach/flagged-pods-attach.yaml',
    query: 'rbac_roles_with_attach_permission',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp('allow-attach', 'Role::allow-attach/Route::pod-create'),
      nwp('allow-attach', 'Role::allow-attach/Route::pod-exec'),
      nwp('allow-attach', 'Route::pod-create'),
      nwp('allow-attach', 'Route::pod-exec'),
    ],
  },
  {
    file: 'attach/passed-pods-create.yaml',
    query: 'rbac_roles_with_attach_permission',
    kics: 'passed',
    exit: 1,
    here: [
      nwp('allow-attach-neg', 'Role::allow-attach-neg/Route::pod-create'),
      nwp('allow-attach-neg', 'Route::pod-create'),
    ],
    why: 'KICS looks for attach only; "create" on pods runs a pod as any service account of the namespace',
  },
  {
    file: 'exec/flagged-pods-exec.yaml',
    query: 'rbac_roles_with_exec_permission',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp('allow-exec', 'Role::allow-exec/Route::pod-create'),
      nwp('allow-exec', 'Role::allow-exec/Route::pod-exec'),
      nwp('allow-exec', 'Route::pod-create'),
      nwp('allow-exec', 'Route::pod-exec'),
    ],
  },
  {
    file: 'exec/passed-pods-create.yaml',
    query: 'rbac_roles_with_exec_permission',
    kics: 'passed',
    exit: 1,
    here: [nwp('allow-exec-neg', 'Role::allow-exec-neg/Route::pod-create'), nwp('allow-exec-neg', 'Route::pod-create')],
    why: 'as attach/passed-pods-create.yaml: "create" on pods',
  },
  {
    file: 'impersonate/flagged-impersonate-users-groups-sa.yaml',
    query: 'rbac_roles_with_impersonate_permission',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp('impersonator-role', 'Route::impersonate'),
      nwp('rbac-impersonate-binding', 'Role::impersonator-role/Route::impersonate', 'ServiceAccount/default/impersonator-sa'),
    ],
  },
  {
    file: 'impersonate/passed-get-users-groups-sa.yaml',
    query: 'rbac_roles_with_impersonate_permission',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'port-forward/flagged-pods-portforward.yaml',
    query: 'rbac_roles_with_portforwarding_permissions',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp('allow-port-forward', 'Role::allow-port-forward/Route::pod-create'),
      nwp('allow-port-forward', 'Route::pod-create'),
    ],
  },
  {
    file: 'port-forward/passed-pods-create.yaml',
    query: 'rbac_roles_with_portforwarding_permissions',
    kics: 'passed',
    exit: 1,
    here: [
      nwp('allow-port-forward-neg', 'Role::allow-port-forward-neg/Route::pod-create'),
      nwp('allow-port-forward-neg', 'Route::pod-create'),
    ],
    why: 'as attach/passed-pods-create.yaml: "create" on pods',
  },
  {
    file: 'read-secrets/flagged-role-and-clusterrole-read-secrets.yaml',
    query: 'rbac_roles_with_read_secrets_permissions',
    kics: 'flagged',
    exit: 1,
    // The namespaced Role role-secret-reader is not reported: secrets-read is a route cluster-wide only (rbac.ts).
    here: [nwp('cluster-role-secret-reader', 'Route::secrets-read')],
  },
  {
    file: 'read-secrets/passed-read-pods-and-logs.yaml',
    query: 'rbac_roles_with_read_secrets_permissions',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'wildcard-rule/flagged-wildcards.yaml',
    query: 'rbac_wildcard_in_rule',
    kics: 'flagged',
    exit: 1,
    // configmap-modifier ("*" verbs on configmaps) writes kube-system/aws-auth (advisory: no EKS shown, since session
    // 45); configmap-modifier2 (the verb "POST") reaches no route.
    here: [advisory('configmap-modifier', 'Route::aws-auth-write'), nwp('configmap-modifier1', 'Route::wildcard')],
  },
  {
    file: 'wildcard-rule/passed-configmaps-update.yaml',
    query: 'rbac_wildcard_in_rule',
    kics: 'passed',
    exit: 0,
    here: [advisory('configmap-modifier', 'Route::aws-auth-write')],
    why:
      'update and patch on every ConfigMap cluster-wide rewrite kube-system/aws-auth, which maps IAM roles into ' +
      'system:masters on EKS: advisory (exit 0), as the file does not show EKS; KICS looks for wildcards only',
  },
  {
    file: 'default-account-binding/flagged-binding-to-kube-system-default.yaml',
    query: 'role_binding_to_default_service_account',
    kics: 'flagged',
    exit: 1,
    here: [nwp('read-pods', 'Role::pod-reader'), nwp('read-pods', 'Role::pod-reader', 'ServiceAccount/kube-system/default')],
  },
  {
    file: 'default-account-binding/passed-binding-to-user.yaml',
    query: 'role_binding_to_default_service_account',
    kics: 'passed',
    exit: 1,
    here: [nwp('read-pods', 'Role::pod-reader')],
    why: 'the Role pod-reader is not in the file, so what the binding grants cannot be seen: said, not passed',
  },
  {
    file: 'account-reads-secrets/flagged-secrets-read-bound-to-accounts.yaml',
    query: 'service_account_allows_access_secrets',
    kics: 'flagged',
    exit: 1,
    here: [
      nwp(
        'bindingTestClusterRoleWithBinding',
        'Role::testClusterRoleVulnerable/Route::secrets-read',
        'ServiceAccount/bindingTestClusterRoleWithBindingNamespace/testsa',
      ),
      nwp('testClusterRoleVulnerable', 'Route::secrets-read'),
      nwp('testRoleBinding', 'Role::testRoleVulnerable', 'ServiceAccount/bindingTestWithBinding/testsa'),
      nwp('testRoleBinding', 'Role::testRoleVulnerable2', 'ServiceAccount/bindingTestWithBinding2/testsa'),
      nwp('testRoleVulnerable2', 'Route::token-create'),
    ],
  },
  {
    file: 'account-reads-secrets/passed-unbound-or-not-accounts.yaml',
    query: 'service_account_allows_access_secrets',
    kics: 'passed',
    exit: 2,
    here: [],
  },
  {
    file: 'shared-account/flagged-two-pods-one-account.yaml',
    query: 'shared_service_account',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}two workloads sharing one account (the account is not in the file and holds nothing here)`,
  },
  {
    file: 'shared-account/passed-two-pods-two-accounts.yaml',
    query: 'shared_service_account',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'token-automount/flagged-pods-and-knative-automount.yaml',
    query: 'service_account_token_automount_not_disabled',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}a mounted token is reported only for an account the change shows holding a route (Token::automount); these pods run as the namespace's default account, which holds nothing here`,
  },
  {
    file: 'token-automount/flagged-account-automount-true.yaml',
    query: 'service_account_token_automount_not_disabled',
    kics: 'flagged',
    exit: 1,
    here: [],
    why: `${NOT_OURS}as above: redistest-sa holds no role (exit 1 is the catalog rules': no owner without a catalog)`,
  },
  {
    file: 'token-automount/passed-pod-automount-false.yaml',
    query: 'service_account_token_automount_not_disabled',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'token-automount/passed-account-automount-false.yaml',
    query: 'service_account_token_automount_not_disabled',
    kics: 'passed',
    exit: 1,
    here: [],
  },
  {
    file: 'account-name-empty/flagged-no-or-empty-account-name.yaml',
    query: 'service_account_name_undefined_or_empty',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}pods running as the namespace's default account, which holds nothing here (what is bound to it is judged where it is bound)`,
  },
  {
    file: 'account-name-empty/passed-named-account.yaml',
    query: 'service_account_name_undefined_or_empty',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'secrets-as-env/flagged-secret-env-and-envfrom.yaml',
    query: 'secrets_as_environment_variables',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}how a workload consumes a secret it may read (environment or volume) grants nothing and writes no value in the file`,
  },
  {
    file: 'secrets-as-env/passed-no-env.yaml',
    query: 'secrets_as_environment_variables',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'native-secrets/flagged-secret-with-token.yaml',
    query: 'using_kubernetes_native_secret_management',
    kics: 'flagged',
    exit: 1,
    here: [
      'no-long-lived-credentials mandatory cluster-secrets Secret/default/cluster-secrets Secret::plaintext-value',
    ],
  },
  {
    file: 'native-secrets/passed-csi-provider-class.yaml',
    query: 'using_kubernetes_native_secret_management',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'native-secrets/passed-secret-and-csi-provider-class.yaml',
    query: 'using_kubernetes_native_secret_management',
    kics: 'passed',
    exit: 1,
    here: [
      'no-long-lived-credentials mandatory cluster-secrets Secret/default/cluster-secrets Secret::plaintext-value',
    ],
    why:
      'KICS passes a file that also holds a SecretProviderClass; the Secret beside it still writes the token "my-token" ' +
      'in plain text',
  },
  {
    file: 'admin-boundaries/flagged-pods-in-one-namespace.yaml',
    query: 'ensure_administrative_boundaries_between_resources',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}KICS's informational reminder to review namespaces; two pods grant nothing`,
  },
  {
    file: 'admin-boundaries/passed-empty.yaml',
    query: 'ensure_administrative_boundaries_between_resources',
    kics: 'passed',
    exit: 2,
    here: [],
  },
  {
    file: 'token-auth-file/flagged-apiserver-command-flag.yaml',
    query: 'token_auth_file_is_set',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}API server flags (static token files are control-plane configuration, CIS Kubernetes 1.2), not a grant or a credential in the file`,
  },
  {
    file: 'token-auth-file/flagged-apiserver-args-flag.yaml',
    query: 'token_auth_file_is_set',
    kics: 'flagged',
    exit: 0,
    here: [],
    why: `${NOT_OURS}as above`,
  },
  {
    file: 'token-auth-file/passed-apiserver-no-flag.yaml',
    query: 'token_auth_file_is_set',
    kics: 'passed',
    exit: 0,
    here: [],
  },
  {
    file: 'token-auth-file/passed-apiserver-empty-args.yaml',
    query: 'token_auth_file_is_set',
    kics: 'passed',
    exit: 0,
    here: [],
  },
];

describe("KICS's Kubernetes RBAC, account and secret fixtures: a peer's verdicts", () => {
  const checks = checkEachTemplate(CORPUS);
  const resultOf = (file: string) => {
    const result = checks.get(file);
    if (!result) throw new Error(`no such fixture: ${file}`);
    return result;
  };

  it('reads 43 files, each with a row; two are refused, located', () => {
    expect([...checks.keys()].sort()).toEqual(ROWS.map((row) => row.file).sort());
    const refused = [...checks].filter(([, result]) => result.exitCode === 2);
    expect(refused.map(([file, result]) => [file, result.errors])).toEqual([
      [
        'account-reads-secrets/passed-unbound-or-not-accounts.yaml',
        [
          'test/corpus/kics-kubernetes/account-reads-secrets/passed-unbound-or-not-accounts.yaml:29:9: RoleBinding ' +
            'bindingNotSATestRoleWithBindingVulnerable: subjects[0].kind must be ServiceAccount, User or Group, not the ' +
            'string "NotServiceAccount"; the API server would refuse it, and read as a holder it would grant the role ' +
            'to one that cannot exist',
        ],
      ],
      [
        'admin-boundaries/passed-empty.yaml',
        ['test/corpus/kics-kubernetes/admin-boundaries/passed-empty.yaml: not a CloudFormation template: no "Resources" map'],
      ],
    ]);
  });

  it.each(ROWS)('$query $kics $file', ({ file, kics, exit, here, why }) => {
    const result = resultOf(file);
    expect(result.exitCode).toBe(exit);
    const findings = (result.result?.findings ?? [])
      .filter((f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement')
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.identity?.split('#').pop() ?? '-'} ${f.detail}`)
      .sort();
    expect(findings).toEqual(here);
    // A verdict that differs from KICS's says why (a refused file is neither); one that agrees says nothing.
    if (exit !== 2) expect(why !== undefined, 'why').toBe((kics === 'flagged') === (here.length === 0));
  });

  it('agrees with KICS on 26 of the 41 files it reads; every difference says why', () => {
    const read = ROWS.filter((row) => row.exit !== 2);
    const agreed = read.filter((row) => (row.kics === 'flagged') === (row.here.length > 0));
    expect([read.length, agreed.length]).toEqual([41, 26]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/kics-kubernetes-corpus.txt');
  });
});
