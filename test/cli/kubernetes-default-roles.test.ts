/**
 * Bindings to Kubernetes' default roles, through the CLI as users run it on manifests: a binding to cluster-admin,
 * admin, edit, view, system:auth-delegator or the kube-system Role extension-apiserver-authentication-reader grants that
 * role's rules as data/kubernetes-default-roles.json holds them and is judged on them; a binding to any other role the
 * change does not define stays unseen; ClusterRoles of the change aggregate into admin, edit and view, and a change that
 * re-defines a default role holds both its rules and the default's, as the API server reconciles them.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-apps, contact: apps@example.com }]
entitlements:
  - id: apps-roles
    classes: [workload]
    kubernetes: { clusterRoles: [cluster-admin, admin, edit, view, "system:auth-delegator"], roles: [admin, edit, view, extension-apiserver-authentication-reader] }
  - id: runner-roles
    classes: [workload]
    kubernetes: { clusterRoles: [view] }
`;

/** A service account of the change, owned and entitled, that mounts no token: only the bindings' own findings remain. */
const account = (name: string, namespace = 'apps', entitlements = 'apps-roles') =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {owner: team-apps, identity-class: workload}\n  annotations: {entitlements: ${entitlements}}\nautomountServiceAccountToken: false\n---\n`;

const clusterBinding = (name: string, role: string, subject: string, namespace = 'apps') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ${name}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "${role}"}\nsubjects: [{kind: ServiceAccount, name: ${subject}, namespace: ${namespace}}]\n---\n`;

const roleBinding = (name: string, kind: string, role: string, subject: string, namespace = 'apps') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: ${namespace}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${kind}, name: "${role}"}\nsubjects: [{kind: ServiceAccount, name: ${subject}, namespace: ${namespace}}]\n---\n`;

function check(manifest: string, catalog = CATALOG) {
  const { exitCode, findings } = checkManifest(manifest, catalog);
  return {
    exitCode,
    verdicts: findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`),
    message: (resource: string, detail: string) =>
      findings.find((f) => f.resource.name === resource && f.detail === detail)?.message,
  };
}

const ROUTES = {
  impersonate:
    '"impersonate": acting as another user, group or service account (verbs "impersonate" on "serviceaccounts")',
  tokenCreate:
    'creation of service-account tokens: a token for any service account it reaches (verbs "create" on "serviceaccounts/token")',
};

describe('bindings to Kubernetes default roles, judged on what the roles grant', () => {
  it('cluster-admin, admin and edit bound cluster-wide or in a namespace give their routes; the exit code blocks', () => {
    const { exitCode, verdicts, message } = check(
      account('deployer') +
        clusterBinding('deployer-cluster-admin', 'cluster-admin', 'deployer') +
        roleBinding('deployer-admin', 'ClusterRole', 'admin', 'deployer') +
        clusterBinding('deployer-edit', 'edit', 'deployer'),
    );
    expect(exitCode).toBe(1);
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory deployer-admin Role::admin/Route::impersonate',
      'no-wildcard-privilege mandatory deployer-admin Role::admin/Route::pod-create',
      'no-wildcard-privilege mandatory deployer-admin Role::admin/Route::pod-exec',
      'no-wildcard-privilege mandatory deployer-admin Role::admin/Route::token-create',
      'no-wildcard-privilege mandatory deployer-cluster-admin Role::cluster-admin',
      // Since session 45: edit cluster-wide writes kube-system/aws-auth; advisory, as nothing here shows EKS. admin,
      // bound in apps only, reaches no aws-auth.
      'no-wildcard-privilege advisory deployer-edit Role::edit/Route::aws-auth-write',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::impersonate',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::pod-create',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::pod-exec',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::secrets-read',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::token-create',
    ]);
    expect(message('deployer-cluster-admin', 'Role::cluster-admin')).toBe(
      'deployer-cluster-admin binds deployer to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
    );
    expect(message('deployer-admin', 'Role::admin/Route::token-create')).toBe(
      `deployer-admin binds deployer to admin (a Kubernetes default role) in namespace apps, which grants ${ROUTES.tokenCreate}: enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list token-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.`,
    );
    expect(message('deployer-edit', 'Role::edit/Route::secrets-read')).toBe(
      'deployer-edit binds deployer to edit (a Kubernetes default role) cluster-wide (ClusterRoleBinding), which grants reading secrets in every namespace (verbs "get", "list", "watch" on "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
    expect(message('deployer-edit', 'Role::edit/Route::impersonate')).toBe(
      `deployer-edit binds deployer to edit (a Kubernetes default role) cluster-wide (ClusterRoleBinding), which grants ${ROUTES.impersonate}: enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list impersonate in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.`,
    );
  });

  it('view, system:auth-delegator and the kube-system Role extension-apiserver-authentication-reader reach nothing, with or without a catalog naming them (exit 0 with one)', () => {
    const manifest =
      account('reader') +
      account('metrics', 'monitoring') +
      clusterBinding('reader-view', 'view', 'reader') +
      clusterBinding('metrics-delegator', 'system:auth-delegator', 'metrics', 'monitoring') +
      // RoleBindings name Roles of their own namespace: this one is Kubernetes' own, in kube-system.
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: metrics-auth-reader, namespace: kube-system}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}\nsubjects: [{kind: ServiceAccount, name: metrics, namespace: monitoring}]\n---\n';
    // No entitlement names them, so nothing vouches for them: their own rules are what pass.
    const unnamed = check(manifest, 'apiVersion: entitlement-guard/v1\nowners: [{ id: team-apps }]\n');
    expect(unnamed.verdicts.filter((verdict) => verdict.startsWith('no-wildcard-privilege'))).toEqual([]);
    const entitled = check(manifest);
    expect(entitled.verdicts).toEqual([]);
    expect(entitled.exitCode).toBe(0);
  });

  it('a role neither the change nor Kubernetes defines stays unseen, also a default Role named in a namespace where Kubernetes has none', () => {
    const { exitCode, verdicts, message } = check(
      account('runner', 'apps', 'runner-roles') +
        clusterBinding('runner-mystery', 'mystery', 'runner') +
        roleBinding('runner-auth-reader', 'Role', 'extension-apiserver-authentication-reader', 'runner'),
      // No entitlement of this catalog names the Role, so none vouches for it.
      CATALOG.replace(', extension-apiserver-authentication-reader]', ']'),
    );
    expect(exitCode).toBe(1);
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory runner-auth-reader Role::extension-apiserver-authentication-reader',
      'no-wildcard-privilege mandatory runner-mystery Role::mystery',
      'require-entitlement mandatory runner-auth-reader Role::extension-apiserver-authentication-reader@namespace/apps',
      'require-entitlement mandatory runner-mystery Role::mystery@cluster',
    ]);
    expect(message('runner-mystery', 'Role::mystery')).toBe(
      'runner-mystery binds runner to ClusterRole mystery cluster-wide (ClusterRoleBinding), which neither this change nor the Kubernetes default roles define, so what it grants cannot be seen here (a role another change or an add-on applies). Define the ClusterRole in the change so its rules are judged, or request a catalog exception for this binding.',
    );
  });
});

describe('aggregation into and from the default roles, and default roles the change re-defines', () => {
  const SECRETS_READER = (name: string, label: string, annotations = '') =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\n  labels: {${label}}\n${annotations}rules:\n  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}\n---\n`;
  const SECRETS_READ =
    'reading secrets in every namespace (verbs "get", "list" on "secrets"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.';

  it('a ClusterRole of the change labelled aggregate-to-view adds its rules to view, and through edit to admin', () => {
    const { verdicts, message } = check(
      account('reader') +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: node-viewer\n  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}\nrules:\n  - {apiGroups: [""], resources: [nodes/proxy], verbs: [get]}\n---\n' +
        clusterBinding('reader-view', 'view', 'reader') +
        roleBinding('reader-admin', 'ClusterRole', 'admin', 'reader'),
    );
    expect(verdicts).toEqual([
      // On the cluster-wide binding of view, which now holds it, and on the definition, bound or not; admin holds it
      // too, but bound in one namespace by a RoleBinding it grants nothing on nodes, which are cluster-scoped.
      'no-wildcard-privilege mandatory node-viewer Route::nodes-proxy',
      'no-wildcard-privilege mandatory reader-admin Role::admin/Route::impersonate',
      'no-wildcard-privilege mandatory reader-admin Role::admin/Route::pod-create',
      'no-wildcard-privilege mandatory reader-admin Role::admin/Route::pod-exec',
      'no-wildcard-privilege mandatory reader-admin Role::admin/Route::token-create',
      'no-wildcard-privilege mandatory reader-view Role::view/Route::nodes-proxy',
    ]);
    expect(message('reader-view', 'Role::view/Route::nodes-proxy')).toBe(
      'reader-view binds reader to view (a Kubernetes default role) cluster-wide (ClusterRoleBinding), which grants nodes/proxy: the kubelet API, which runs commands in every pod of the node (verbs "get" on "nodes/proxy"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list nodes-proxy in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });

  it('a ClusterRole of the change whose aggregationRule selects the defaults aggregate-to-edit roles holds their rules', () => {
    const { verdicts, message } = check(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: my-editor}\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}\nrules: []\n---\n',
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege advisory my-editor Route::aws-auth-write',
      'no-wildcard-privilege mandatory my-editor Route::impersonate',
      'no-wildcard-privilege mandatory my-editor Route::pod-create',
      'no-wildcard-privilege mandatory my-editor Route::pod-exec',
      'no-wildcard-privilege mandatory my-editor Route::secrets-read',
      'no-wildcard-privilege mandatory my-editor Route::token-create',
    ]);
    expect(message('my-editor', 'Route::token-create')).toBe(
      `ClusterRole my-editor cluster-wide grants ${ROUTES.tokenCreate}: a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list token-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.`,
    );
  });

  it('a change that re-defines view: its definition is judged as written, a binding holds its rules and the default rules, unless it opts out of reconciliation', () => {
    const reconciled = check(
      account('reader') + SECRETS_READER('view', 'team: apps') + clusterBinding('reader-view', 'view', 'reader'),
    );
    expect(reconciled.verdicts).toEqual([
      'no-wildcard-privilege mandatory reader-view Role::view/Route::secrets-read',
      'no-wildcard-privilege mandatory view Route::secrets-read',
    ]);
    expect(reconciled.message('reader-view', 'Role::view/Route::secrets-read')).toBe(
      `reader-view binds reader to view (a Kubernetes default role this change re-defines; the API server adds the default rules back at each start) cluster-wide (ClusterRoleBinding), which grants ${SECRETS_READ}`,
    );
    // Opted out of reconciliation: the cluster holds the change's rules only, as for any role of the change.
    const optedOut = check(
      account('reader') +
        SECRETS_READER(
          'view',
          'team: apps',
          '  annotations: {rbac.authorization.kubernetes.io/autoupdate: "false"}\n',
        ) +
        clusterBinding('reader-view', 'view', 'reader'),
    );
    expect(optedOut.message('reader-view', 'Role::view/Route::secrets-read')).toBe(
      `reader-view binds reader to view cluster-wide (ClusterRoleBinding), which grants ${SECRETS_READ}`,
    );
  });

  it('a change that re-defines edit narrowly still holds the default rules at its bindings: the routes stay', () => {
    const { verdicts } = check(
      account('deployer') +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: edit}\nrules:\n  - {apiGroups: [apps], resources: [deployments], verbs: [get, patch]}\n---\n' +
        roleBinding('deployer-edit', 'ClusterRole', 'edit', 'deployer'),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::impersonate',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::pod-create',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::pod-exec',
      'no-wildcard-privilege mandatory deployer-edit Role::edit/Route::token-create',
      // The narrow edit is judged as written too: patching a Deployment rewrites the pod template its pods run from.
      'no-wildcard-privilege mandatory edit Route::pod-create',
    ]);
  });
});
