// Bindings to service accounts the program does not create (test/kubernetes/outside-accounts.test.ts): ci-deployer,
// which examples/catalog.yaml records (system:serviceaccount:*:ci-deployer, entitled to payments-deployer in
// payments), bound to a Role of the program in kube-system and to payments-deployer in payments; and an account the
// catalog does not know, bound to a reader. Captured under the SDK's mocks.
import * as k8s from '@pulumi/kubernetes';

const reader = (namespace: string) =>
  new k8s.rbac.v1.Role(`config-reader-${namespace}`, {
    metadata: { name: 'config-reader', namespace },
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
  });
reader('kube-system');
reader('payments');

const binding = (name: string, namespace: string, role: string, account: string) =>
  new k8s.rbac.v1.RoleBinding(name, {
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
    subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
  });
binding('ci-reads-kube-system', 'kube-system', 'config-reader', 'ci-deployer');
binding('ci-deploys-payments', 'payments', 'payments-deployer', 'ci-deployer');
binding('metrics-reads-payments', 'payments', 'config-reader', 'metrics-agent');
