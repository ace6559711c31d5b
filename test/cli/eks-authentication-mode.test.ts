/**
 * An EKS cluster's authentication mode, through the CLI on a CloudFormation template (adapters/aws/eks-cluster-creator.ts
 * clusterAuthentication, rules/support/eks-platform.ts): a Role that writes kube-system/aws-auth (Route::aws-auth-write,
 * applied by a CDK KubernetesManifest) is cluster-admin on a cluster that reads aws-auth, and reaches nothing on one of
 * `AccessConfig.AuthenticationMode: API`, which reads access entries only. Where every EKS cluster of the template is
 * API-only the route is advisory (exit 0); a cluster of another mode, of none (CONFIG_MAP), or of a mode from a parameter
 * keeps it blocking. An access entry with AmazonEKSClusterAdminPolicy stays a cluster-admin grant under API. Before,
 * any EKS cluster of the template made the route blocking.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
entitlements: []
`;

const WRITER = JSON.stringify([
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'aws-auth-editor', namespace: 'kube-system' },
    rules: [
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['aws-auth'], verbs: ['get', 'update', 'patch'] },
    ],
  },
]);

/** A template of an EKS cluster with this AccessConfig (none when undefined) and a manifest of the writer Role. */
function template(accessConfig: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Parameters: { Mode: { Type: 'String' } },
    Resources: {
      Cluster: {
        Type: 'AWS::EKS::Cluster',
        Properties: {
          Name: 'prod',
          RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster',
          ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'] },
          ...(accessConfig === undefined ? {} : { AccessConfig: accessConfig }),
        },
      },
      Writer: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { Manifest: WRITER } },
      ...extra,
    },
  });
}

function verdicts(text: string) {
  const { exitCode, findings } = checkManifest(text, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.detail ?? ''}`)
      .sort(),
    findings,
  };
}

const ROUTE = (level: string) =>
  `no-wildcard-privilege ${level} Custom::AWSCDK-EKS-KubernetesResource Writer Route::aws-auth-write`;
const NO_CREATOR = { BootstrapClusterCreatorAdminPermissions: false };

describe('an EKS cluster of authentication mode API reads no aws-auth', () => {
  it('makes a Role that writes aws-auth advisory, saying why, while an access entry stays cluster-admin; blocking beside a cluster that reads aws-auth', () => {
    const { exitCode, verdicts: found, findings } = verdicts(template({ ...NO_CREATOR, AuthenticationMode: 'API' }));
    expect(found).toEqual([ROUTE('advisory')]);
    expect(exitCode).toBe(0);
    expect(findings[0]?.message).toContain(
      '(advisory: every EKS cluster of this change (prod) has authentication mode API, which reads access entries only, never aws-auth; on a cluster that reads aws-auth this is cluster-admin)',
    );
    const admin = {
      Admin: {
        Type: 'AWS::EKS::AccessEntry',
        Properties: {
          ClusterName: { Ref: 'Cluster' },
          PrincipalArn: 'arn:aws:iam::111122223333:role/platform-admin',
          AccessPolicies: [
            {
              PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
              AccessScope: { Type: 'cluster' },
            },
          ],
        },
      },
    };
    const withEntry = verdicts(template({ ...NO_CREATOR, AuthenticationMode: 'API' }, admin));
    expect(withEntry.verdicts).toEqual([
      ROUTE('advisory'),
      'no-wildcard-privilege mandatory AWS::EKS::AccessEntry Admin Role::AmazonEKSClusterAdminPolicy/Route::wildcard',
    ]);
    expect(withEntry.exitCode).toBe(1);
    // One cluster of the template reads aws-auth: blocking again.
    const legacy = {
      Legacy: {
        Type: 'AWS::EKS::Cluster',
        Properties: {
          Name: 'legacy',
          RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster',
          ResourcesVpcConfig: { SubnetIds: ['subnet-1'] },
          AccessConfig: { ...NO_CREATOR, AuthenticationMode: 'API_AND_CONFIG_MAP' },
        },
      },
    };
    expect(verdicts(template({ ...NO_CREATOR, AuthenticationMode: 'API' }, legacy)).verdicts).toEqual([
      ROUTE('mandatory'),
    ]);
  });

  it('reads a CDK cluster (Custom::AWSCDK-EKS-Cluster) by its Config.accessConfig.authenticationMode; a mode that reads aws-auth, or one from a parameter, keeps the route blocking', () => {
    const cdk = (mode: string) =>
      JSON.stringify({
        Resources: {
          Cluster: {
            Type: 'Custom::AWSCDK-EKS-Cluster',
            Properties: {
              Config: {
                name: 'prod',
                accessConfig: { authenticationMode: mode, bootstrapClusterCreatorAdminPermissions: false },
              },
            },
          },
          Writer: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { Manifest: WRITER } },
        },
      });
    expect(verdicts(cdk('API')).verdicts).toEqual([ROUTE('advisory')]);
    expect(verdicts(cdk('API_AND_CONFIG_MAP')).verdicts).toEqual([ROUTE('mandatory')]);
    // Modes that read aws-auth keep it blocking on a CloudFormation cluster too: API_AND_CONFIG_MAP, CONFIG_MAP, none written.
    for (const accessConfig of [
      { ...NO_CREATOR, AuthenticationMode: 'API_AND_CONFIG_MAP' },
      { AuthenticationMode: 'CONFIG_MAP' },
      NO_CREATOR,
    ]) {
      const found = verdicts(template(accessConfig)).verdicts.filter((line) => line.includes('Writer'));
      expect(found, JSON.stringify(accessConfig)).toEqual([ROUTE('mandatory')]);
    }
    // A mode known only at deploy counts as reading aws-auth (fail closed).
    const fromParameter = verdicts(template({ ...NO_CREATOR, AuthenticationMode: { Ref: 'Mode' } }));
    expect(fromParameter.verdicts).toEqual([ROUTE('mandatory')]);
    expect(fromParameter.exitCode).toBe(1);
  });
});
