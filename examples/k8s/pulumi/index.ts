// examples/k8s/bad.yaml written as a Pulumi program: the pack must find exactly what the CLI finds in the manifest.
import * as k8s from '@pulumi/kubernetes';

const namespace = 'payments';
const rbacGroup = 'rbac.authorization.k8s.io';

// 1. The CI deployer bound to cluster-admin, with a token that never expires, mounted into every pod.
const ciDeployer = new k8s.core.v1.ServiceAccount('ci-deployer', {
  metadata: { name: 'ci-deployer', namespace, labels: { owner: 'team-platform' } },
});
new k8s.rbac.v1.ClusterRoleBinding('ci-deployer-cluster-admin', {
  metadata: { name: 'ci-deployer-cluster-admin' },
  roleRef: { apiGroup: rbacGroup, kind: 'ClusterRole', name: 'cluster-admin' },
  subjects: [{ kind: 'ServiceAccount', name: 'ci-deployer', namespace }],
});
new k8s.core.v1.Secret('ci-deployer-token', {
  metadata: {
    name: 'ci-deployer-token',
    namespace,
    annotations: { 'kubernetes.io/service-account.name': ciDeployer.metadata.name },
  },
  type: 'kubernetes.io/service-account-token',
});

// 2. A batch account nobody owns: every verb on everything in its namespace, every secret of the cluster,
//    and escalate/bind on cluster roles.
new k8s.core.v1.ServiceAccount('batch-runner', { metadata: { name: 'batch-runner', namespace } });
new k8s.rbac.v1.Role('batch-anything', {
  metadata: { name: 'batch-anything', namespace },
  rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
});
new k8s.rbac.v1.RoleBinding('batch-runner-anything', {
  metadata: { name: 'batch-runner-anything', namespace },
  roleRef: { apiGroup: rbacGroup, kind: 'Role', name: 'batch-anything' },
  subjects: [{ kind: 'ServiceAccount', name: 'batch-runner', namespace }],
});
new k8s.rbac.v1.ClusterRole('secret-reader', {
  metadata: { name: 'secret-reader' },
  rules: [
    { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [rbacGroup], resources: ['clusterroles'], verbs: ['escalate', 'bind'] },
  ],
});
new k8s.rbac.v1.ClusterRoleBinding('batch-runner-secret-reader', {
  metadata: { name: 'batch-runner-secret-reader' },
  roleRef: { apiGroup: rbacGroup, kind: 'ClusterRole', name: 'secret-reader' },
  subjects: [{ kind: 'ServiceAccount', name: 'batch-runner', namespace }],
});
new k8s.batch.v1.CronJob('nightly-batch', {
  metadata: { name: 'nightly-batch', namespace },
  spec: {
    schedule: '0 2 * * *',
    jobTemplate: {
      spec: {
        template: {
          spec: {
            serviceAccountName: 'batch-runner',
            restartPolicy: 'OnFailure',
            containers: [{ name: 'batch', image: 'registry.example.com/payments/batch:1.4.2' }],
          },
        },
      },
    },
  },
});

// 3. A database password written in the program, owned by nobody.
new k8s.core.v1.Secret('payments-db', {
  metadata: { name: 'payments-db', namespace },
  type: 'Opaque',
  stringData: { password: 'not-a-real-password' },
});
