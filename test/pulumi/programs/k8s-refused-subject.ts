// Bindings whose subjects are of a kind the API server refuses (it takes ServiceAccount, User and Group, matched
// exactly), beside one it takes: regula's default_service_account_bindings fixture (`kind: foo`) and a lowercase
// `serviceaccount`, written with @pulumi/kubernetes. Captured under the SDK's mocks.
import * as k8s from '@pulumi/kubernetes';

const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' };

new k8s.core.v1.ServiceAccount('ci', { metadata: { name: 'ci', namespace: 'ops' } });
new k8s.rbac.v1.ClusterRoleBinding('ops', {
  metadata: { name: 'ops' },
  roleRef,
  subjects: [
    { kind: 'ServiceAccount', name: 'ci', namespace: 'ops' },
    { kind: 'foo', name: 'default' },
  ],
});
new k8s.rbac.v1.RoleBinding('lowercase', {
  metadata: { name: 'lowercase', namespace: 'ops' },
  roleRef,
  subjects: [{ kind: 'serviceaccount', name: 'ci', namespace: 'ops' }],
});
