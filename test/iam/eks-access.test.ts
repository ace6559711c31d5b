/**
 * EKS access policies (iam/kubernetes/eks-access-policies.ts) and how an access becomes Kubernetes grants
 * (adapters/aws/eks-access.ts): the policies' rules as the EKS User Guide lists them, read through the same RBAC routes
 * as a ClusterRole, and each value that cannot be read kept as something the rules cannot verify.
 */
import { describe, expect, it } from 'vitest';
import { addEksAccess } from '../../src/adapters/aws/eks-access.js';
import { eksAccessPolicy } from '../../src/iam/kubernetes/eks-access-policies.js';
import { roleRoutes } from '../../src/iam/kubernetes/rbac.js';
import { emptyModel, unknownValue, type Model, type RoleGrant } from '../../src/model/model.js';

const SOURCE = { type: 'AWS::EKS::AccessEntry', name: 'Entry' };
const arn = (name: string, partition = 'aws') => `arn:${partition}:eks::aws:cluster-access-policy/${name}`;
const routesOf = (name: string, clusterWide: boolean) =>
  roleRoutes(eksAccessPolicy(arn(name))?.rules ?? [], clusterWide)
    .map((issue) => issue.route)
    .sort();

describe('EKS access policies', () => {
  it('read their name in any partition, and have rules only where the User Guide lists them', () => {
    expect(eksAccessPolicy(arn('AmazonEKSViewPolicy', 'aws-cn'))?.name).toBe('AmazonEKSViewPolicy');
    expect(eksAccessPolicy(arn('AmazonEKSAutoNodePolicy'))).toEqual({ name: 'AmazonEKSAutoNodePolicy' });
    expect(eksAccessPolicy('arn:aws:iam::aws:policy/AmazonEKSClusterPolicy')).toBeUndefined();
  });

  it('reach the RBAC routes their rules reach', () => {
    expect(routesOf('AmazonEKSClusterAdminPolicy', true)).toEqual(['wildcard']);
    expect(routesOf('AmazonEKSViewPolicy', true)).toEqual([]);
    // get, list and watch on every resource: GET on pods/exec and nodes/proxy too (the routes' read verbs), and
    // secrets, which only a cluster-wide grant reaches in every namespace. Nodes are cluster-scoped: an association
    // scoped to namespaces grants nothing on nodes/proxy.
    expect(routesOf('AmazonEKSAdminViewPolicy', true)).toEqual(['nodes-proxy', 'pod-exec', 'secrets-read']);
    expect(routesOf('AmazonEKSAdminViewPolicy', false)).toEqual(['pod-exec']);
    // Edit and admin create secrets and read them back: a service-account token Secret for any account of the
    // namespace (token-create, since session 36), as Kubernetes documents for its edit role.
    expect(routesOf('AmazonEKSEditPolicy', false)).toEqual(['impersonate', 'pod-create', 'pod-exec', 'token-create']);
    // At the cluster, their ConfigMap writes reach kube-system/aws-auth too (aws-auth-write, since session 45).
    expect(routesOf('AmazonEKSAdminPolicy', true)).toEqual([
      'aws-auth-write',
      'impersonate',
      'pod-create',
      'pod-exec',
      'secrets-read',
      'token-create',
    ]);
  });
});

describe('an EKS access as grants', () => {
  const grantsOf = (access: Omit<Parameters<typeof addEksAccess>[1], 'source' | 'principalField'>): Model => {
    const model = emptyModel();
    addEksAccess(model, { source: SOURCE, principalField: 'PrincipalArn', ...access });
    return model;
  };
  const principal = 'arn:aws:iam::111122223333:role/ops';
  const only = (model: Model): RoleGrant | undefined => model.externalRoleGrants?.[0]?.grant;

  it('gives a namespaced policy one grant per namespace, for the principal named by its ARN', () => {
    const model = grantsOf({
      principal,
      policies: [{ policyArn: arn('AmazonEKSViewPolicy'), accessScope: { type: 'namespace', namespaces: ['a', 'b'] } }],
    });
    expect(
      model.externalRoleGrants?.map(({ member, awsPrincipal, grant }) => [member, awsPrincipal, grant.scope]),
    ).toEqual([
      [`IAM principal ${principal}`, principal, 'namespace/a'],
      [`IAM principal ${principal}`, principal, 'namespace/b'],
    ]);
  });

  it('keeps what it cannot read as unknown: a scope without namespaces, a policy ARN, a group, a principal', () => {
    expect(
      only(
        grantsOf({
          principal,
          policies: [{ policyArn: arn('AmazonEKSViewPolicy'), accessScope: { type: 'namespace' } }],
        }),
      )?.scope,
    ).toEqual(unknownValue("the namespaces of Entry's access scope: no namespaces listed"));
    expect(
      only(grantsOf({ principal, policies: [{ policyArn: 42, accessScope: { type: 'cluster' } }] }))?.role,
    ).toEqual(unknownValue('access policy of Entry: not an ARN (42)'));
    expect(only(grantsOf({ principal, groups: [unknownValue('a group from a parameter')] }))?.role).toEqual(
      unknownValue('Entry Kubernetes groups: a group from a parameter'),
    );
    const unknownPrincipal = grantsOf({ principal: unknownValue('Fn::ImportValue admin'), groups: ['system:masters'] });
    expect(unknownPrincipal.externalRoleGrants?.map(({ member, awsPrincipal }) => [member, awsPrincipal])).toEqual([
      ['the IAM principal of Entry (PrincipalArn: Fn::ImportValue admin)', undefined],
    ]);
  });

  it('maps a group other than system:masters and the node groups for resolution against the change’s bindings', () => {
    const model = grantsOf({ principal, groups: ['system:nodes', 'ops'] });
    expect(model.externalRoleGrants).toBeUndefined();
    expect(model.eksGroupMappings).toEqual([
      { source: SOURCE, group: 'ops', member: `IAM principal ${principal}`, awsPrincipal: principal },
    ]);
  });
});
