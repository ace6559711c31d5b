/**
 * The Kubernetes objects a CDK app's EKS cluster applies (adapters/cloudformation/eks-manifests.ts): aws-cdk-lib's
 * KubernetesManifest synthesizes a Custom::AWSCDK-EKS-KubernetesResource whose `Manifest` is a JSON list of objects.
 * Through the CLI on the synthesized template, its service accounts, bindings, token Secrets, Secrets and workloads are
 * judged as the same objects in a manifest file are, each finding at the custom resource (its logical id and construct
 * path). What cannot be read at synth, and a KubernetesPatch of RBAC, is a finding that says so. Before, only the
 * aws-auth ConfigMap of a manifest was read: the fixture below passed with exit 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const FIXTURE = readFileSync(
  new URL(
    '../fixtures/cloudformation/eks-manifests/cluster-admin-service-account-and-secrets.template.json',
    import.meta.url,
  ),
  'utf8',
);

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-payments, contact: payments@example.com }]
entitlements: []
`;

const MANIFEST = 'ClustermanifestDeployBot5F2A1C3E';
const RESOURCE = `Custom::AWSCDK-EKS-KubernetesResource ${MANIFEST}`;
const DEPLOYER = `app/${MANIFEST}#ServiceAccount/payments/deployer`;

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

/** A template of one KubernetesManifest with this `Manifest`, a parameter and a topic to take values from. */
function oneManifest(manifest: unknown): string {
  return JSON.stringify({
    Parameters: { Admins: { Type: 'String' } },
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic' },
      Manifest: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { Manifest: manifest } },
    },
  });
}

const ADMINS_BINDING_TO = (subject: unknown[]) => ({
  'Fn::Join': [
    '',
    [
      '[{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"admins"},' +
        '"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},"subjects":[{',
      ...subject,
      '}]}]',
    ],
  ],
});

describe('Kubernetes objects of a CDK KubernetesManifest', () => {
  it('are judged as in a manifest, each finding at the custom resource and its construct path', () => {
    const { exitCode, verdicts: found, findings } = verdicts(FIXTURE);
    expect(found).toEqual([
      `no-long-lived-credentials mandatory ${RESOURCE} Credential::k8s-service-account-token ${DEPLOYER}`,
      `no-long-lived-credentials mandatory ${RESOURCE} Secret::plaintext-value app/${MANIFEST}#Secret/payments/db-password`,
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesPatch ViewersPatchB1D0E2F4 Unseen::clusterrolebinding/viewers ',
      `no-wildcard-privilege mandatory ${RESOURCE} Role::cluster-admin ${DEPLOYER}`,
      // The Deployment runs as the account: its pods mount cluster-admin's token.
      `no-wildcard-privilege mandatory ${RESOURCE} Token::automount ${DEPLOYER}`,
      `require-entitlement mandatory ${RESOURCE} Class::undeclared ${DEPLOYER}`,
      `require-entitlement mandatory ${RESOURCE} Entitlement::none ${DEPLOYER}`,
      `require-owner mandatory ${RESOURCE} Owner::missing app/${MANIFEST}#Secret/payments/db-password`,
      `require-owner mandatory ${RESOURCE} Owner::missing ${DEPLOYER}`,
    ]);
    expect(exitCode).toBe(1);
    // The patch of a Deployment's annotation (CoreDnsPatch7A0B3C2D) grants nothing: no finding.
    expect(new Set(findings.map((f) => f.resource.path))).toEqual(
      new Set(['PaymentsEks/Cluster/manifest-DeployBot/Resource/Default', 'PaymentsEks/ViewersPatch/Resource/Default']),
    );
    expect(findings.find((f) => f.detail === 'Role::cluster-admin')?.message).toBe(
      `${MANIFEST} binds deployer to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.`,
    );
    const patch = findings.find((f) => f.ruleId === 'no-unseen-content');
    expect(patch?.pending).toBe(true);
    expect(patch?.message).toBe(
      'app/ViewersPatchB1D0E2F4 patches the Kubernetes object clusterrolebinding/viewers at deploy time (kubectl patch): a patch of RBAC, a service account, a Secret or the aws-auth ConfigMap can grant access, and the object it patches is not in the change, so what it grants cannot be verified. Write the whole object with a KubernetesManifest (cluster.addManifest), which the check reads.',
    );
  });

  it('say what cannot be seen: a Manifest built from a parameter, not JSON, not a list, an item no object', () => {
    const unseen = (manifest: unknown) => verdicts(oneManifest(manifest));
    const fromParameter = unseen(ADMINS_BINDING_TO(['"kind":"Group","name":"', { Ref: 'Admins' }, '"']));
    expect(fromParameter.verdicts).toEqual([
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Unseen::Manifest is not known at synth: Fn::Join containing Ref Admins (parameter without a default) ',
    ]);
    expect(fromParameter.exitCode).toBe(1);
    expect(fromParameter.findings[0]?.pending).toBe(true);
    expect(fromParameter.findings[0]?.message).toBe(
      'app/Manifest applies Kubernetes objects to an EKS cluster that cannot be read at synth (Manifest is not known at synth: Fn::Join containing Ref Admins (parameter without a default)): the service accounts, role bindings and Secrets they create cannot be verified. Write the objects with values known at synth (names, namespaces, subjects and roles as literals, not tokens of other resources), or check them as a manifest file.',
    );
    const account = '{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"a"}}';
    expect(unseen(account).verdicts).toEqual([
      `no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Unseen::Manifest is not a JSON list of Kubernetes objects: ${account} `,
    ]);
    expect(unseen(`[${account}`).verdicts).toEqual([
      "no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Unseen::Manifest is not JSON: Expected ',' or ']' after array element in JSON at position 68 (line 1 column 69) ",
    ]);
    expect(unseen('[{"apiVersion":"v1","metadata":{"name":"a"}}]').verdicts).toEqual([
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Unseen::Manifest[0] is not a Kubernetes object: apiVersion and kind (strings) are required ',
    ]);
    // An object the API server refuses is not read as a holder that cannot exist.
    expect(unseen(ADMINS_BINDING_TO(['"kind":"serviceaccount","name":"x"'])).verdicts).toEqual([
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Unseen::Manifest[0] ClusterRoleBinding admins: subjects[0].kind must be ServiceAccount, User or Group, not the string "serviceaccount"; the API server would refuse it, and read as a holder it would grant the role to one that cannot exist ',
    ]);
  });

  it('read a value only deploy time knows as not known: cluster-admin to a subject named by another resource', () => {
    const { verdicts: found, findings } = verdicts(
      oneManifest(
        ADMINS_BINDING_TO([
          '"kind":"ServiceAccount","namespace":"ops","name":"',
          { 'Fn::GetAtt': ['Topic', 'TopicName'] },
          '"',
        ]),
      ),
    );
    expect(found).toEqual([
      'no-wildcard-privilege mandatory Custom::AWSCDK-EKS-KubernetesResource Manifest Role::cluster-admin ',
    ]);
    expect(findings[0]?.message).toBe(
      'Manifest binds a subject of Manifest not known until apply to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. Bind a Role with the verbs and resources the workload uses, in its namespace.',
    );
  });

  it("give an access entry's group what a manifest binds to it, across resources", () => {
    const template = JSON.stringify({
      Resources: {
        Deployer: {
          Type: 'AWS::IAM::Role',
          Properties: {
            RoleName: 'payments-deployer',
            Tags: [{ Key: 'owner', Value: 'team-payments' }],
            AssumeRolePolicyDocument: {
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
          },
        },
        Entry: {
          Type: 'AWS::EKS::AccessEntry',
          Properties: {
            ClusterName: 'payments',
            PrincipalArn: { 'Fn::GetAtt': ['Deployer', 'Arn'] },
            KubernetesGroups: ['deployers'],
          },
        },
        Bindings: {
          Type: 'Custom::AWSCDK-EKS-KubernetesResource',
          Properties: {
            Manifest: JSON.stringify([
              {
                apiVersion: 'rbac.authorization.k8s.io/v1',
                kind: 'RoleBinding',
                metadata: { name: 'deployers', namespace: 'payments' },
                roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
                subjects: [{ kind: 'Group', name: 'deployers', apiGroup: 'rbac.authorization.k8s.io' }],
              },
            ]),
          },
        },
      },
    });
    const routes = ['impersonate', 'pod-create', 'pod-exec', 'token-create'];
    // On the binding (its Group subject), and on the role the entry puts in the group, at the entry. Before, the group
    // was bound by nothing the check read: one finding that its role cannot be verified.
    expect(verdicts(template).verdicts.filter((line) => !line.startsWith('require-'))).toEqual([
      ...routes.map(
        (route) =>
          `no-wildcard-privilege mandatory AWS::EKS::AccessEntry Entry Role::edit/Route::${route} app/Deployer`,
      ),
      ...routes.map(
        (route) =>
          `no-wildcard-privilege mandatory Custom::AWSCDK-EKS-KubernetesResource Bindings Role::edit/Route::${route} `,
      ),
    ]);
  });

  it('say what cannot be seen of a KubernetesPatch of a namespaced RBAC object, and of a Helm chart', () => {
    const kubectl = (resources: Record<string, { type: string; properties: Record<string, unknown> }>) =>
      verdicts(
        JSON.stringify({
          Resources: Object.fromEntries(
            Object.entries(resources).map(([id, { type, properties }]) => [id, { Type: type, Properties: properties }]),
          ),
        }),
      );
    const { verdicts: found, findings } = kubectl({
      Patch: {
        type: 'Custom::AWSCDK-EKS-KubernetesPatch',
        properties: { ResourceName: 'sa/builder', ResourceNamespace: 'ci', ApplyPatchJson: '{}', PatchType: 'merge' },
      },
      AwsAuth: {
        type: 'Custom::AWSCDK-EKS-KubernetesPatch',
        properties: { ResourceName: 'configmap/aws-auth', ResourceNamespace: 'kube-system', ApplyPatchJson: '{}' },
      },
      OtherConfig: {
        type: 'Custom::AWSCDK-EKS-KubernetesPatch',
        properties: { ResourceName: 'configmap/settings', ResourceNamespace: 'kube-system', ApplyPatchJson: '{}' },
      },
      Chart: {
        type: 'Custom::AWSCDK-EKS-HelmChart',
        properties: { Chart: 'aws-load-balancer-controller', Repository: 'https://aws.github.io/eks-charts' },
      },
    });
    // A patch of a ConfigMap other than aws-auth grants nothing.
    expect(found).toEqual([
      'no-unseen-content mandatory Custom::AWSCDK-EKS-HelmChart Chart Unseen::Custom::AWSCDK-EKS-HelmChart ',
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesPatch AwsAuth Unseen::kube-system/configmap/aws-auth ',
      'no-unseen-content mandatory Custom::AWSCDK-EKS-KubernetesPatch Patch Unseen::ci/sa/builder ',
    ]);
    expect(findings.find((f) => f.resource.name === 'Chart')?.message).toMatch(
      /^app\/Chart is a Helm release of chart aws-load-balancer-controller: Helm installs the chart's objects/,
    );
  });
});
