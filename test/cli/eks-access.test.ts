/**
 * EKS access entries make the change's IAM roles Kubernetes users (adapters/aws/eks-access.ts, iam/aws/eks-access-grants.ts):
 * through the CLI on a template, an access entry that names a role of the change gives that role the Kubernetes grant,
 * judged by no-wildcard-privilege and require-entitlement as a binding of the role would be. Before, the template below
 * passed: the role's IAM policy is inside its entitlement, and nothing read the access entries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const FIXTURE = readFileSync(
  new URL('../fixtures/cloudformation/eks-access/deployer-role-made-cluster-admin.template.yaml', import.meta.url),
  'utf8',
);

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-payments, contact: payments@example.com }]
entitlements:
  - id: cluster-describe
    classes: [workload]
    aws:
      - actions: ["eks:DescribeCluster"]
        resources: ["arn:aws:eks:*:*:cluster/payments"]
  - id: payments-view
    classes: [workload]
    kubernetes: { roles: [AmazonEKSViewPolicy], namespaces: [payments] }
identities:
  - id: payments-deployer
    match: { name: "payments-deployer" }
    owner: team-payments
    class: workload
    entitlements: [cluster-describe, payments-view]
`;

function verdicts(template: string) {
  const { exitCode, findings } = checkManifest(template, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''} ${f.identity ?? ''}`)
      .sort(),
    findings,
  };
}

/** The template with only the role and one access entry, written here. */
function withEntry(entry: string): string {
  return `${FIXTURE.slice(0, FIXTURE.indexOf('  DeployerClusterAdmin:'))}  Entry:\n    Type: AWS::EKS::AccessEntry\n${entry}`;
}

describe('EKS access entries that name a role of the change', () => {
  it('give the role what they grant in the cluster, judged as its own bindings', () => {
    const { exitCode, verdicts: found, findings } = verdicts(FIXTURE);
    expect(found).toEqual([
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerClusterAdmin Role::AmazonEKSClusterAdminPolicy/Route::wildcard app/DeployerRole',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerEdit Role::AmazonEKSEditPolicy/Route::impersonate app/DeployerRole',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerEdit Role::AmazonEKSEditPolicy/Route::pod-create app/DeployerRole',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerEdit Role::AmazonEKSEditPolicy/Route::pod-exec app/DeployerRole',
      // Edit creates secrets and reads them back: a token Secret for any account of payments (since session 36).
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerEdit Role::AmazonEKSEditPolicy/Route::token-create app/DeployerRole',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry DeployerMasters Role::cluster-admin app/DeployerRole',
      'require-entitlement mandatory AWS::EKS::AccessEntry DeployerClusterAdmin Role::AmazonEKSClusterAdminPolicy@cluster app/DeployerRole',
      'require-entitlement mandatory AWS::EKS::AccessEntry DeployerEdit Role::AmazonEKSEditPolicy@namespace/payments app/DeployerRole',
      'require-entitlement mandatory AWS::EKS::AccessEntry DeployerMasters Role::cluster-admin@cluster app/DeployerRole',
    ]);
    expect(exitCode).toBe(1);
    expect(findings.find((f) => f.detail === 'Role::cluster-admin')?.message).toBe(
      'DeployerMasters binds payments-deployer to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
    );
    expect(findings.find((f) => f.detail === 'Role::AmazonEKSClusterAdminPolicy@cluster')?.message).toBe(
      'DeployerClusterAdmin grants payments-deployer AmazonEKSClusterAdminPolicy on cluster, which none of its entitlements (cluster-describe, payments-view) allows (allowed on kubernetes: AmazonEKSViewPolicy in namespace payments). Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
    );
  });

  it('pass when the access policy and its namespace are what the catalog entitles the role to', () => {
    const view = withEntry(`    Properties:
      ClusterName: payments
      PrincipalArn: !GetAtt DeployerRole.Arn
      KubernetesGroups: [system:nodes]
      AccessPolicies:
        - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
          AccessScope: { Type: namespace, Namespaces: [payments] }
`);
    expect(verdicts(view)).toMatchObject({ exitCode: 0, verdicts: [] });
    // The same policy at the cluster is beyond the entitlement's namespaces.
    expect(verdicts(view.replace('{ Type: namespace, Namespaces: [payments] }', '{ Type: cluster }')).verdicts).toEqual(
      ['require-entitlement mandatory AWS::EKS::AccessEntry Entry Role::AmazonEKSViewPolicy@cluster app/DeployerRole'],
    );
  });

  it('name what cannot be seen: a principal from a parameter, a group no binding of the change binds, a policy without published rules', () => {
    const template = withEntry(`    Properties:
      ClusterName: payments
      PrincipalArn: !ImportValue platform-admin-role-arn
      KubernetesGroups: [system:masters]
`).concat(`  Grouped:
    Type: AWS::EKS::AccessEntry
    Properties:
      ClusterName: payments
      PrincipalArn: !GetAtt DeployerRole.Arn
      KubernetesGroups: [payments-deployers]
  AutoNode:
    Type: AWS::EKS::AccessEntry
    Properties:
      ClusterName: payments
      PrincipalArn: !GetAtt DeployerRole.Arn
      AccessPolicies:
        - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy
          AccessScope: { Type: cluster }
`);
    const { verdicts: found, findings } = verdicts(template);
    expect(found).toEqual([
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry AutoNode Role::AmazonEKSAutoNodePolicy app/DeployerRole',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry Entry Role::cluster-admin ',
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry Grouped Role::unknown app/DeployerRole',
      'require-entitlement mandatory AWS::EKS::AccessEntry AutoNode Role::AmazonEKSAutoNodePolicy@cluster app/DeployerRole',
      'require-entitlement mandatory AWS::EKS::AccessEntry Grouped Grant::unknown app/DeployerRole',
    ]);
    expect(findings.find((f) => f.resource.name === 'Entry')?.message).toBe(
      'Entry binds the IAM principal of Entry (PrincipalArn: Fn::ImportValue platform-admin-role-arn (exported by another stack)) to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
    );
    expect(findings.find((f) => f.detail === 'Role::unknown')?.message).toBe(
      'Grouped grants payments-deployer a role that cannot be verified until apply: role whatever the Kubernetes group payments-deployers is bound to: no RoleBinding or ClusterRoleBinding of this change binds it, so its bindings are applied elsewhere and cannot be seen here.',
    );
  });
});
