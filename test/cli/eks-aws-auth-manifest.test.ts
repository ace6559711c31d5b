/**
 * The aws-auth ConfigMap in a Kubernetes manifest (adapters/kubernetes/aws-auth.ts): each IAM role or user it maps is a
 * Kubernetes user of the cluster, judged as a binding's subject is. A manifest creates no IAM role, so a role mapped to
 * system:masters is cluster-admin granted to a principal outside the change, reported as a ClusterRoleBinding to a
 * User would be; a group the manifest's own bindings bind gives what they bind; one no binding binds, and a mapRoles
 * that is not YAML, cannot be verified. Before, the ConfigMap was read as data and passed.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
entitlements: []
`;

const AWS_AUTH = (mapRoles: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
${mapRoles
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;

const ADMIN_AND_NODES = `- rolearn: arn:aws:iam::111122223333:role/platform-admin
  username: platform-admin
  groups:
    - system:masters
- rolearn: arn:aws:iam::111122223333:role/nodes
  username: system:node:{{EC2PrivateDNSName}}
  groups:
    - system:bootstrappers
    - system:nodes`;

function verdicts(manifest: string) {
  const { exitCode, findings } = checkManifest(manifest, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}`)
      .sort(),
    findings,
  };
}

describe('the aws-auth ConfigMap in a manifest', () => {
  it('reports a role mapped to system:masters as cluster-admin, and a node role as nothing', () => {
    const { exitCode, verdicts: found, findings } = verdicts(AWS_AUTH(ADMIN_AND_NODES));
    expect(found).toEqual([
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::cluster-admin',
    ]);
    expect(exitCode).toBe(1);
    expect(findings[0]?.message).toBe(
      'aws-auth binds IAM principal arn:aws:iam::111122223333:role/platform-admin to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
    );
  });

  it('passes a ConfigMap of another name, and a role mapped to a group the manifest binds to view', () => {
    expect(verdicts(AWS_AUTH(ADMIN_AND_NODES).replace('name: aws-auth', 'name: not-aws-auth'))).toMatchObject({
      exitCode: 0,
      verdicts: [],
    });
    const viewers = `${AWS_AUTH(`- rolearn: arn:aws:iam::111122223333:role/auditors\n  groups: [auditors]`)}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: auditors }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects: [{ kind: Group, name: auditors, apiGroup: rbac.authorization.k8s.io }]
`;
    expect(verdicts(viewers)).toMatchObject({ exitCode: 0, verdicts: [] });
    // Bound to edit instead, each route edit opens is reported on the binding (its Group subject) and on the role mapped in:
    // since session 45 its ConfigMap writes too, which rewrite this very aws-auth (blocking: the change shows EKS).
    expect(verdicts(viewers.replace('name: view', 'name: edit')).verdicts).toEqual([
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::aws-auth-write',
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::impersonate',
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::pod-create',
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::pod-exec',
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::secrets-read',
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::edit/Route::token-create',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::aws-auth-write',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::impersonate',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::pod-create',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::pod-exec',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::secrets-read',
      'no-wildcard-privilege mandatory kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding auditors Role::edit/Route::token-create',
    ]);
  });

  it('says what cannot be seen: a group no binding binds, a mapRoles that is not YAML', () => {
    const unbound = verdicts(AWS_AUTH(`- rolearn: arn:aws:iam::111122223333:role/ops\n  groups: [ops]`));
    expect(unbound.verdicts).toEqual([
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::unknown',
    ]);
    expect(unbound.findings[0]?.pending).toBe(true);
    const broken = verdicts(AWS_AUTH('- rolearn: [unclosed'));
    expect(broken.verdicts).toEqual([
      'no-wildcard-privilege mandatory kubernetes:core/v1:ConfigMap aws-auth Role::unknown',
    ]);
    expect(broken.exitCode).toBe(1);
    expect(broken.findings[0]?.message).toBe(
      'aws-auth grants the IAM principal of aws-auth (mapRoles: mapRoles of aws-auth: not YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:) a role that cannot be verified until apply: role aws-auth Kubernetes groups: mapRoles of aws-auth: not YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:.',
    );
  });
});
