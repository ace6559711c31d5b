/**
 * Workload controllers are pod creation, and the catalog accepts a route for a role's holders
 * (kubernetes.acceptedRoutes), through the CLI as users run it on manifests: a deployer that patches Deployments
 * reaches Route::pod-create; an entitlement that allows its binding and lists the route accepts it for holders of a
 * class it admits, in the namespaces it allows, and for that route only. Everything else is still reported.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-apps, contact: apps@example.com }]
entitlements:
  - id: payments-deploy
    classes: [workload]
    kubernetes: { roles: [deployer], namespaces: [payments], acceptedRoutes: [pod-create] }
  - id: payments-deploy-unaccepted
    classes: [workload]
    kubernetes: { roles: [deployer], namespaces: [payments] }
  - id: platform-deploy
    classes: [workload]
    kubernetes: { clusterRoles: [cluster-deployer], acceptedRoutes: [pod-create] }
  - id: platform-deploy-in-namespaces
    classes: [workload]
    kubernetes: { roles: [namespace-deployer], acceptedRoutes: [pod-create] }
`;

/** The same catalog without the entitlement that accepts pod-create for deployer. */
const CATALOG_UNACCEPTED = CATALOG.replace(
  '  - id: payments-deploy\n    classes: [workload]\n    kubernetes: { roles: [deployer], namespaces: [payments], acceptedRoutes: [pod-create] }\n',
  '',
);

const account = (name: string, namespace: string, entitlements: string, cls = 'workload', automount = false) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {owner: team-apps, identity-class: ${cls}}\n  annotations: {entitlements: ${entitlements}}\n${automount ? '' : 'automountServiceAccountToken: false\n'}---\n`;

const DEPLOYS = '{apiGroups: [apps], resources: [deployments], verbs: [get, list, update, patch]}';

const role = (name: string, namespace: string, rules: string[]) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}, namespace: ${namespace}}\nrules:\n${rules.map((rule) => `  - ${rule}\n`).join('')}---\n`;

const clusterRole = (name: string, rules: string[]) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ${name}}\nrules:\n${rules.map((rule) => `  - ${rule}\n`).join('')}---\n`;

const roleBinding = (name: string, kind: string, roleName: string, subject: string, namespace: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: ${namespace}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${kind}, name: ${roleName}}\nsubjects: [{kind: ServiceAccount, name: ${subject}, namespace: ${namespace}}]\n---\n`;

const clusterRoleBinding = (name: string, roleName: string, subject: string, namespace: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ${name}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${roleName}}\nsubjects: [{kind: ServiceAccount, name: ${subject}, namespace: ${namespace}}]\n---\n`;

function check(manifest: string, catalog = CATALOG) {
  const { exitCode, findings } = checkManifest(manifest, catalog);
  return {
    exitCode,
    verdicts: findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort(),
    message: (resource: string, detail: string) =>
      findings.find((f) => f.resource.name === resource && f.detail === detail)?.message,
  };
}

describe('workload controllers are pod creation', () => {
  const unaccepted = (rules: string[]) =>
    check(
      account('ci', 'payments', 'payments-deploy-unaccepted') +
        role('deployer', 'payments', rules) +
        roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      CATALOG_UNACCEPTED,
    ).verdicts;

  it('update or patch on Deployments, create on Jobs, patch on CronJobs: the role and its binding reach pod-create', () => {
    const route = [
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-create',
      'no-wildcard-privilege mandatory deployer Route::pod-create',
    ];
    expect(unaccepted([DEPLOYS])).toEqual(route);
    expect(unaccepted(['{apiGroups: [batch], resources: [jobs], verbs: [create]}'])).toEqual(route);
    expect(unaccepted(['{apiGroups: [batch], resources: [cronjobs], verbs: [patch]}'])).toEqual(route);
    expect(unaccepted(['{apiGroups: ["*"], resources: [statefulsets], verbs: ["*"]}'])).toEqual(route);
    expect(unaccepted(['{apiGroups: [""], resources: [replicationcontrollers], verbs: [update]}'])).toEqual(route);
  });

  it("patch on Jobs (whose pod template cannot change), reading Deployments, and another group's deployments reach none", () => {
    expect(unaccepted(['{apiGroups: [batch], resources: [jobs], verbs: [get, update, patch, delete]}'])).toEqual([]);
    expect(unaccepted(['{apiGroups: [apps], resources: [deployments], verbs: [get, list, watch, delete]}'])).toEqual(
      [],
    );
    expect(unaccepted(['{apiGroups: [example.com], resources: [deployments], verbs: ["*"]}'])).toEqual([]);
  });

  it('the binding says which route the catalog could accept', () => {
    const { message } = check(
      account('ci', 'payments', 'payments-deploy-unaccepted') +
        role('deployer', 'payments', [DEPLOYS]) +
        roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      CATALOG_UNACCEPTED,
    );
    expect(message('ci-deploy', 'Role::deployer/Route::pod-create')).toBe(
      'ci-deploy binds ci to deployer in namespace payments, which grants pod creation, directly or through a workload ' +
        'controller (deployments, jobs, …): running as any service account of the namespace and mounting any of its ' +
        'secrets (verbs "get", "list", "update", "patch" on "deployments"): enough to escalate to cluster-admin (Checkov ' +
        'CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its ' +
        'holders do need this, list pod-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });
});

describe('routes the catalog accepts (kubernetes.acceptedRoutes)', () => {
  it('a deployer whose entitlement allows its binding and accepts pod-create passes, its token mounted or not', () => {
    for (const automount of [false, true]) {
      const { exitCode, verdicts } = check(
        account('ci', 'payments', 'payments-deploy', 'workload', automount) +
          role('deployer', 'payments', [DEPLOYS]) +
          roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      );
      expect([exitCode, verdicts]).toEqual([0, []]);
    }
  });

  it('an entitlement that allows the binding but accepts no route: the binding is reported, the role is not (another entitlement accepts it)', () => {
    expect(
      check(
        account('ci', 'payments', 'payments-deploy-unaccepted') +
          role('deployer', 'payments', [DEPLOYS]) +
          roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      ).verdicts,
    ).toEqual(['no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-create']);
  });

  it('the same role in a namespace the entitlement does not allow: both reported, and the binding is beyond the entitlement', () => {
    expect(
      check(
        account('ci', 'billing', 'payments-deploy') +
          role('deployer', 'billing', [DEPLOYS]) +
          roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'billing'),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-create',
      'no-wildcard-privilege mandatory deployer Route::pod-create',
      'require-entitlement mandatory ci-deploy Role::deployer@namespace/billing',
    ]);
  });

  it('a holder of a class the entitlement does not admit: its binding is reported', () => {
    expect(
      check(
        account('ci', 'payments', 'payments-deploy', 'service') +
          role('deployer', 'payments', [DEPLOYS]) +
          roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-create',
      'require-entitlement mandatory ci Entitlement::payments-deploy',
    ]);
  });

  it('pod-create accepted leaves every other route: exec into pods is still reported on the role and the binding', () => {
    expect(
      check(
        account('ci', 'payments', 'payments-deploy') +
          role('deployer', 'payments', [DEPLOYS, '{apiGroups: [""], resources: [pods/exec], verbs: [create]}']) +
          roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-exec',
      'no-wildcard-privilege mandatory deployer Route::pod-exec',
    ]);
  });

  it('a ClusterRole accepted through clusterRoles passes cluster-wide; one accepted only for RoleBindings passes where only RoleBindings bind it, and is reported where defined and where bound cluster-wide', () => {
    expect(
      check(
        account('ci', 'platform', 'platform-deploy') +
          clusterRole('cluster-deployer', [DEPLOYS]) +
          clusterRoleBinding('ci-deploy', 'cluster-deployer', 'ci', 'platform'),
      ).verdicts,
    ).toEqual([]);
    expect(
      check(
        account('ci', 'platform', 'platform-deploy-in-namespaces') +
          clusterRole('namespace-deployer', [DEPLOYS]) +
          roleBinding('ci-deploy', 'ClusterRole', 'namespace-deployer', 'ci', 'platform'),
      ).verdicts,
      // Since session 48 (h153): the change binds the ClusterRole only by a RoleBinding, so it holds in platform alone,
      // where the entitlement accepts pod-create for its RoleBindings (before, its definition was judged cluster-wide).
    ).toEqual([]);
    expect(
      check(
        account('ci', 'platform', 'platform-deploy-in-namespaces') +
          clusterRole('namespace-deployer', [DEPLOYS]) +
          clusterRoleBinding('ci-deploy', 'namespace-deployer', 'ci', 'platform'),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::namespace-deployer/Route::pod-create',
      'no-wildcard-privilege mandatory namespace-deployer Route::pod-create',
      'require-entitlement mandatory ci-deploy Role::namespace-deployer@cluster',
    ]);
  });

  it('cluster-admin is no route: an entitlement that allows it and accepts every route does not pass it', () => {
    const catalog = CATALOG.replace(
      'kubernetes: { clusterRoles: [cluster-deployer], acceptedRoutes: [pod-create] }',
      'kubernetes: { clusterRoles: [cluster-deployer, cluster-admin], acceptedRoutes: [wildcard, pod-create] }',
    );
    expect(
      check(
        account('ci', 'platform', 'platform-deploy') +
          clusterRoleBinding('ci-admin', 'cluster-admin', 'ci', 'platform'),
        catalog,
      ).verdicts,
    ).toEqual(['no-wildcard-privilege mandatory ci-admin Role::cluster-admin']);
  });
});

describe('a role limited to named objects (resourceNames) reaches what those objects give', () => {
  const NAMED_EXEC =
    '{apiGroups: [""], resources: [pods/exec, pods/attach], resourceNames: [payments-db-0], verbs: [create, get]}';
  const bound = (rules: string[], entitlement = 'payments-deploy-unaccepted', catalog = CATALOG_UNACCEPTED) =>
    check(
      account('ci', 'payments', entitlement) +
        role('deployer', 'payments', rules) +
        roleBinding('ci-deploy', 'Role', 'deployer', 'ci', 'payments'),
      catalog,
    );

  it('exec into one named pod runs as its service account with its volumes: the role and its binding reach pod-exec, naming the pod', () => {
    // Until session 42 a rule limited to named pods reached no route.
    const { verdicts, message } = bound([NAMED_EXEC]);
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-exec',
      'no-wildcard-privilege mandatory deployer Route::pod-exec',
    ]);
    expect(message('ci-deploy', 'Role::deployer/Route::pod-exec')).toContain(
      '(verbs "create", "get" on "pods/exec", "pods/attach" named "payments-db-0")',
    );
  });

  it('patching one named Deployment rewrites its pod template, any account of the namespace included: pod-create', () => {
    expect(
      bound(['{apiGroups: [apps], resources: [deployments], resourceNames: [payments-api], verbs: [get, patch]}'])
        .verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ci-deploy Role::deployer/Route::pod-create',
      'no-wildcard-privilege mandatory deployer Route::pod-create',
    ]);
  });

  it('guard: an entitlement that accepts the route accepts it by name too', () => {
    const catalog = CATALOG.replace('acceptedRoutes: [pod-create] }', 'acceptedRoutes: [pod-create, pod-exec] }');
    const { exitCode, verdicts } = bound(
      [NAMED_EXEC, '{apiGroups: [apps], resources: [deployments], resourceNames: [payments-api], verbs: [patch]}'],
      'payments-deploy',
      catalog,
    );
    expect([exitCode, verdicts]).toEqual([0, []]);
  });
});
