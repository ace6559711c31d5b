/**
 * A peer's verdicts on the same manifests: checkov's Kubernetes RBAC and identity check fixtures
 * (bridgecrewio/checkov tests/kubernetes/checks and tests/kubernetes/graph, copied verbatim into
 * test/corpus/checkov-kubernetes). A resource check's fixture is checked alone; a graph check's fixture directory
 * (a role in one file, its binding in another) is checked as one change, as `entitlement-guard check <dir>` reads it.
 * Each resource checkov judges has a row below: checkov's verdict, the exact no-wildcard-privilege findings it has
 * here, and, where the two differ, why. All content findings are held to a snapshot and judged in
 * test/corpus/checkov-kubernetes/README.md.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'checkov-kubernetes');

interface Row {
  /** The fixture file (a resource check's) or directory (a graph check's), below the corpus. */
  unit: string;
  /** The resource checkov names: the Role or ClusterRole for resource checks, the binding for graph checks. */
  resource: string;
  check: string;
  checkov: 'FAILED' | 'PASSED';
  /** The details of this resource's no-wildcard-privilege findings here (all mandatory), sorted. */
  here: string[];
  /** Required where checkov fails and nothing is found here, or checkov passes and something is: why. */
  why?: string;
}

const RBAC = 'checks/example_';
/** A `bind` route found here for checkov's RoleBindingPE (CKV2_K8S_1) and kin: bind on every role, cluster-wide. */
const bindOn = (role: string) => [`Role::${role}/Route::bind`];

const ROWS: Row[] = [
  // CKV_K8S_49: wildcards in Roles and ClusterRoles.
  { unit: `${RBAC}WildcardRoles/role-failed-1.yaml`, resource: 'test-should-fail-1', check: 'CKV_K8S_49', checkov: 'FAILED', here: [],
    why: 'resources "*" with the empty verb "": a verb no request has, so the rule grants nothing' },
  { unit: `${RBAC}WildcardRoles/role-failed-2.yaml`, resource: 'test-should-fail-2', check: 'CKV_K8S_49', checkov: 'FAILED', here: [],
    why: 'verbs "*" on one resource ("example") that is no route: every verb on one kind of object is not a route to cluster-admin' },
  { unit: `${RBAC}WildcardRoles/role-failed-3.yaml`, resource: 'test-should-fail-3', check: 'CKV_K8S_49', checkov: 'FAILED', here: [],
    why: 'apiGroups "*" with the verb "example" on "example": no route' },
  { unit: `${RBAC}WildcardRoles/role-passed-1.yaml`, resource: 'test-should-pass-3', check: 'CKV_K8S_49', checkov: 'PASSED', here: [] },
  { unit: `${RBAC}WildcardRoles/role-passed-2.yaml`, resource: 'test-should-pass-2', check: 'CKV_K8S_49', checkov: 'PASSED', here: [] },
  // CKV_K8S_155: control over admission webhook configurations.
  { unit: `${RBAC}RbacControlWebhooks/clusterrole-failed-1.yaml`, resource: 'test-should-fail-1', check: 'CKV_K8S_155', checkov: 'FAILED', here: ['Route::webhook-write'] },
  { unit: `${RBAC}RbacControlWebhooks/clusterrole-failed-2.yaml`, resource: 'test-should-fail-2', check: 'CKV_K8S_155', checkov: 'FAILED', here: ['Route::webhook-write'] },
  { unit: `${RBAC}RbacControlWebhooks/clusterrole-passed-1.yaml`, resource: 'test-should-pass-1', check: 'CKV_K8S_155', checkov: 'PASSED',
    here: ['Route::nodes-proxy', 'Route::pod-exec', 'Route::secrets-read'],
    why: 'no webhook write here either; "get" on every resource of every group reads every secret, and GET on pods/exec and nodes/proxy opens exec (checkov CKV_K8S_49 fails it too)' },
  { unit: `${RBAC}RbacControlWebhooks/clusterrole-passed-2.yaml`, resource: 'test-should-pass-2', check: 'CKV_K8S_155', checkov: 'PASSED', here: [] },
  // CKV_K8S_156: approval of certificate signing requests.
  { unit: `${RBAC}RbacApproveCertificateSigningRequests/clusterrole-failed-1.yaml`, resource: 'test-should-fail-1', check: 'CKV_K8S_156', checkov: 'FAILED', here: ['Route::csr-approval'] },
  { unit: `${RBAC}RbacApproveCertificateSigningRequests/clusterrole-failed-2.yaml`, resource: 'test-should-fail-2', check: 'CKV_K8S_156', checkov: 'FAILED', here: ['Route::csr-approval'] },
  { unit: `${RBAC}RbacApproveCertificateSigningRequests/clusterrole-failed-3.yaml`, resource: 'test-should-fail-3', check: 'CKV_K8S_156', checkov: 'FAILED', here: ['Route::csr-approval'] },
  { unit: `${RBAC}RbacApproveCertificateSigningRequests/clusterrole-passed-1.yaml`, resource: 'test-should-pass-1', check: 'CKV_K8S_156', checkov: 'PASSED',
    here: ['Route::pod-exec'],
    why: 'no CSR approval here either ("approve" without the approval subresource); "update" and "patch" on pods in every namespace swap a running pod\'s image for code that runs with its account' },
  { unit: `${RBAC}RbacApproveCertificateSigningRequests/clusterrole-passed-2.yaml`, resource: 'test-should-pass-2', check: 'CKV_K8S_156', checkov: 'PASSED', here: [] },
  // CKV_K8S_157: bind.
  // Failed by both, for different reasons: "bind" on rolebindings grants nothing (the API server checks bind on the role
  // being bound, never on bindings), but "patch" on pods in every namespace swaps a running pod's image.
  { unit: `${RBAC}RbacBindRoleBindings/clusterrole-failed-1.yaml`, resource: 'test-should-fail-1', check: 'CKV_K8S_157', checkov: 'FAILED', here: ['Route::pod-exec'] },
  { unit: `${RBAC}RbacBindRoleBindings/role-failed-2.yaml`, resource: 'test-should-fail-2', check: 'CKV_K8S_157', checkov: 'FAILED', here: ['Route::bind', 'Route::escalate'] },
  { unit: `${RBAC}RbacBindRoleBindings/clusterrole-passed-1.yaml`, resource: 'test-should-pass-1', check: 'CKV_K8S_157', checkov: 'PASSED',
    here: ['Route::pod-exec'],
    why: 'no bind here either; "update" and "patch" on pods in every namespace swap a running pod\'s image for code that runs with its account' },
  { unit: `${RBAC}RbacBindRoleBindings/role-passed-2.yaml`, resource: 'test-should-pass-2', check: 'CKV_K8S_157', checkov: 'PASSED',
    here: ['Route::impersonate', 'Route::pod-create'],
    why: 'no bind here either; "*" on serviceaccounts of the core group includes impersonate, and "*" on pods creates pods ' +
      '(patching running ones as well, which pod-create subsumes in the same namespace: not named apart as pod-exec)' },
  // CKV_K8S_158: escalate.
  { unit: `${RBAC}RbacEscalateRoles/clusterrole-failed-1.yaml`, resource: 'test-should-fail-1', check: 'CKV_K8S_158', checkov: 'FAILED', here: ['Route::escalate'] },
  { unit: `${RBAC}RbacEscalateRoles/role-failed-2.yaml`, resource: 'test-should-fail-2', check: 'CKV_K8S_158', checkov: 'FAILED', here: ['Route::bind', 'Route::escalate'] },
  { unit: `${RBAC}RbacEscalateRoles/clusterrole-passed-1.yaml`, resource: 'test-should-pass-1', check: 'CKV_K8S_158', checkov: 'PASSED',
    here: ['Route::pod-exec'],
    why: 'no escalate here either; as clusterrole-passed-1 of CKV_K8S_157: "update" and "patch" on pods in every namespace' },
  { unit: `${RBAC}RbacEscalateRoles/role-passed-2.yaml`, resource: 'test-should-pass-2', check: 'CKV_K8S_158', checkov: 'PASSED',
    here: ['Route::impersonate', 'Route::pod-create'], why: 'no escalate here either; as role-passed-2 of CKV_K8S_157' },
  // CKV_K8S_42: bindings to a namespace's default service account.
  { unit: `${RBAC}DefaultServiceAccountBinding/DefaultServiceAccountBinding-FAILED.yaml`, resource: 'destroy-k8s', check: 'CKV_K8S_42', checkov: 'FAILED', here: ['Role::cluster-admin'] },
  { unit: `${RBAC}DefaultServiceAccountBinding/DefaultServiceAccountBinding-FAILED.yaml`, resource: 'read-pods', check: 'CKV_K8S_42', checkov: 'FAILED', here: [],
    why: 'reading pods of one namespace is no privilege, whoever holds it; which account holds a role is the catalog\'s business (require-entitlement)' },
  { unit: `${RBAC}DefaultServiceAccountBinding/DefaultServiceAccountBinding-PASSED.yaml`, resource: 'read-pods', check: 'CKV_K8S_42', checkov: 'PASSED', here: [] },
  { unit: `${RBAC}DefaultServiceAccountBinding/DefaultServiceAccountBinding-PASSED.yaml`, resource: 'read-pods2', check: 'CKV_K8S_42', checkov: 'PASSED', here: [] },
  { unit: `${RBAC}DefaultServiceAccountBinding/DefaultServiceAccountBinding-PASSED.yaml`, resource: 'read-secrets-global', check: 'CKV_K8S_42', checkov: 'PASSED',
    here: ['Role::secret-reader'],
    why: 'the ClusterRole secret-reader is not in the file, so what the binding grants cannot be seen: said, not passed' },
  // CKV2_K8S_1: bind or write on bindings, to a service account or node.
  { unit: 'graph/RoleBindingPE/Failing1', resource: 'failing-crb1', check: 'CKV2_K8S_1', checkov: 'FAILED', here: [],
    why: 'every verb on clusterrolebindings, but no bind: the API server lets it bind only roles whose permissions it already holds' },
  { unit: 'graph/RoleBindingPE/Failing2', resource: 'failing-crb2', check: 'CKV2_K8S_1', checkov: 'FAILED', here: bindOn('failing-cr2') },
  { unit: 'graph/RoleBindingPE/Failing3', resource: 'failing-rb3', check: 'CKV2_K8S_1', checkov: 'FAILED', here: [],
    why: '"bind" and "create" on rolebindings: bind counts only on roles, and creating bindings is held to the escalation check' },
  { unit: 'graph/RoleBindingPE/Passing1', resource: 'passing-crb1', check: 'CKV2_K8S_1', checkov: 'PASSED', here: [] },
  { unit: 'graph/RoleBindingPE/Passing2', resource: 'passing-crb2', check: 'CKV2_K8S_1', checkov: 'PASSED', here: bindOn('passing-cr2'),
    why: 'checkov passes bindings to users; bind on every role, cluster-wide, is a standing route to cluster-admin whoever holds it' },
  { unit: 'graph/RoleBindingPE/Passing3', resource: 'passing-crb3', check: 'CKV2_K8S_1', checkov: 'PASSED', here: ['Role::not-existing-role'],
    why: 'checkov passes a binding to a role that does not exist; here a role the change does not define cannot be seen, and is said' },
  // CKV2_K8S_2: create on nodes/proxy or pods/exec.
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Failing/1', resource: 'failing-crb1', check: 'CKV2_K8S_2', checkov: 'FAILED', here: ['Role::failing-cr1/Route::pod-exec'] },
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Failing/2', resource: 'failing-crb2', check: 'CKV2_K8S_2', checkov: 'FAILED', here: ['Role::failing-cr2/Route::nodes-proxy'] },
  // A namespaced Role's nodes/proxy grants nothing (nodes are cluster-scoped; no nodes-proxy since session 42): the
  // pods create beside it is the route.
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Failing/3', resource: 'failing-rb3', check: 'CKV2_K8S_2', checkov: 'FAILED',
    here: ['Role::failing-role3/Route::pod-create'] },
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Failing/4', resource: 'failing-crb4', check: 'CKV2_K8S_2', checkov: 'FAILED', here: bindOn('failing-cr4') },
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Passing/1', resource: 'passing-crb1', check: 'CKV2_K8S_2', checkov: 'PASSED',
    here: ['Role::passing-cr1/Route::pod-create'],
    why: 'checkov passes bindings to users; creating pods in every namespace runs as any service account there, whoever ' +
      'holds it (patching running ones runs as theirs, which pod-create subsumes: not named apart as pod-exec)' },
  { unit: 'graph/NoCreateNodesProxyOrPodsExec/Passing/2', resource: 'passing-crb2', check: 'CKV2_K8S_2', checkov: 'PASSED',
    here: ['Role::passing-cr2/Route::nodes-proxy'],
    why: 'checkov fails only create; GET on nodes/proxy is enough to run commands in every pod of a node (the kubelet authorizes a websocket exec as GET)' },
  // CKV2_K8S_3: impersonate.
  { unit: 'graph/ImpersonatePermissions/Failing/1', resource: 'failing-crb1', check: 'CKV2_K8S_3', checkov: 'FAILED', here: ['Role::failing-cr1/Route::impersonate'] },
  { unit: 'graph/ImpersonatePermissions/Failing/2', resource: 'failing-crb2', check: 'CKV2_K8S_3', checkov: 'FAILED', here: ['Role::failing-cr2/Route::impersonate'] },
  { unit: 'graph/ImpersonatePermissions/Failing/3', resource: 'sa-escalate', check: 'CKV2_K8S_3', checkov: 'FAILED', here: ['Role::risky-impersonate-role/Route::impersonate'] },
  { unit: 'graph/ImpersonatePermissions/Passing/1', resource: 'passing-crb1', check: 'CKV2_K8S_3', checkov: 'PASSED', here: [] },
  // CKV2_K8S_4: write on services/status.
  { unit: 'graph/ModifyServicesStatus/Failing/1', resource: 'failing-crb1', check: 'CKV2_K8S_4', checkov: 'FAILED', here: [],
    why: 'services/status in the rbac.authorization.k8s.io group, where no such resource is: the rule grants nothing (and setting a load balancer IP is traffic, not identity)' },
  { unit: 'graph/ModifyServicesStatus/Failing/2', resource: 'failing-crb2', check: 'CKV2_K8S_4', checkov: 'FAILED', here: bindOn('failing-cr2') },
  { unit: 'graph/ModifyServicesStatus/Passing/1', resource: 'passing-crb1', check: 'CKV2_K8S_4', checkov: 'PASSED', here: [] },
  { unit: 'graph/ModifyServicesStatus/Passing/2', resource: 'passing-crb2', check: 'CKV2_K8S_4', checkov: 'PASSED', here: bindOn('passing-cr2'),
    why: 'as RoleBindingPE/Passing2: bind on every role, to a user' },
  // CKV2_K8S_5: reading every secret.
  { unit: 'graph/ReadAllSecrets/Failing', resource: 'read-secrets-global', check: 'CKV2_K8S_5', checkov: 'FAILED', here: ['Role::secret-reader/Route::secrets-read'] },
  { unit: 'graph/ReadAllSecrets/Passing', resource: 'read-pods-global', check: 'CKV2_K8S_5', checkov: 'PASSED', here: [] },
  { unit: 'graph/ReadAllSecrets/Passing', resource: 'my-role-binding', check: 'CKV2_K8S_5', checkov: 'PASSED', here: [] },
];

describe("checkov's Kubernetes RBAC fixtures: a peer's verdicts", () => {
  // A graph check's fixture is the directory holding its files (Failing/1, ReadAllSecrets/Passing), read as one change.
  const checks = checkEachTemplate(CORPUS, {
    together: (directory) =>
      directory.startsWith('graph/') &&
      directory !== 'graph/Keyword' &&
      readdirSync(join(CORPUS, directory)).some((entry) => entry.endsWith('.yaml')),
  });
  const findingsOf = (unit: string) => {
    const result = checks.get(unit);
    if (!result) throw new Error(`no such fixture: ${unit}`);
    return result.result?.findings ?? [];
  };

  it('reads 81 files, 36 alone and 45 in 22 directories; only the pod template written as a list is refused, located', () => {
    expect(checks.size).toBe(58);
    const refused = [...checks].filter(([, result]) => result.exitCode === 2);
    expect(refused.map(([unit, result]) => [unit, result.errors])).toEqual([
      [
        'checks/example_ServiceAccountTokens/ServiceAccountTokensUNKNOWN.yaml',
        [
          'test/corpus/checkov-kubernetes/checks/example_ServiceAccountTokens/ServiceAccountTokensUNKNOWN.yaml:20:9: ' +
            'Deployment myapp-deployment: spec.template.spec must be an object, not a list; the API server would refuse it, ' +
            'and read as absent it would hide what the object grants or runs as',
        ],
      ],
    ]);
  });

  it.each(ROWS)('$check $checkov $unit $resource', ({ unit, resource, checkov, here, why }) => {
    const findings = findingsOf(unit).filter(
      (f) => f.ruleId === 'no-wildcard-privilege' && f.resource.name === resource && f.detail !== 'Token::automount',
    );
    expect(findings.map((f) => f.detail).sort()).toEqual(here);
    for (const finding of findings) expect(finding.level, finding.detail).toBe('mandatory');
    // A verdict that differs from checkov's says why; one that agrees says nothing.
    expect(why !== undefined, 'why').toBe((checkov === 'FAILED') === (here.length === 0));
  });

  it('agrees with checkov on 31 of the 50 verdicts; every difference says why', () => {
    const agreed = ROWS.filter((row) => (row.checkov === 'FAILED') === (row.here.length > 0));
    expect([ROWS.length, agreed.length]).toEqual([50, 31]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/checkov-kubernetes-corpus.txt');
  });
});
