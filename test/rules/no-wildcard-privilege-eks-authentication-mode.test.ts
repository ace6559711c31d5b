/**
 * no-wildcard-privilege on a route only EKS opens through aws-auth (aws-auth-write), judged by the authentication mode of
 * the change's EKS clusters (Model.eksClusters, rules/support/eks-platform.ts): a cluster of mode `API` reads access
 * entries only, never kube-system/aws-auth, so where every EKS cluster of the change is `API` the route is advisory,
 * as it is where nothing shows EKS (the change does not say its roles are applied to those clusters); a cluster that
 * reads aws-auth (`CONFIG_MAP`, `API_AND_CONFIG_MAP`, the default, a mode not known until deploy, a value EKS would
 * refuse) keeps it blocking. Before, any EKS cluster made it blocking, the API-only ones too. Model builders only (the
 * cases that stay blocking, which main blocks too, are asserted beside the API-only ones end to end, so that each test
 * here fails without the change): the adapters' reading is tested in test/cli/eks-authentication-mode.test.ts, test/pulumi/eks-authentication-mode.test.ts
 * and test/terraform/eks-authentication-mode.test.ts.
 */
import type { EksClusterAuthentication, RoleDefinition } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const writer: RoleDefinition = {
  cloud: 'kubernetes',
  kind: 'k8s-role',
  name: 'config-writer',
  source: ref('kubernetes:rbac.authorization.k8s.io/v1:Role', 'config-writer'),
  scope: 'namespace/kube-system',
  permissions: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['update'], resourceNames: ['aws-auth'] }],
};
const cluster = (name: string, mode: EksClusterAuthentication['mode']): EksClusterAuthentication => ({
  source: ref('AWS::EKS::Cluster', name),
  cluster: name,
  mode,
});
const WRITES =
  'Role config-writer in namespace kube-system grants writes to the ConfigMap kube-system/aws-auth: on EKS ' +
  '(authentication mode CONFIG_MAP or API_AND_CONFIG_MAP), and wherever aws-iam-authenticator reads it, mapping any IAM ' +
  'role or user into the group system:masters, which is cluster-admin (verbs "update" on "configmaps" named "aws-auth")';
const TAIL =
  ': a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now ' +
  'or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list ' +
  'aws-auth-write in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.';
const API_ONLY = (clusters: string) =>
  `${WRITES} (advisory: every EKS cluster of this change (${clusters}) has authentication mode API, which reads ` +
  `access entries only, never aws-auth; on a cluster that reads aws-auth this is cluster-admin)${TAIL}`;
const finding = (level: 'mandatory' | 'advisory', message: string) => ({
  resource: 'config-writer',
  detail: 'Route::aws-auth-write',
  message,
  level,
});

ruleTester(rule, {
  valid: [{ name: 'an API-only cluster and no role', model: model({ eksClusters: [cluster('prod', 'API')] }) }],
  invalid: [
    {
      name: 'every EKS cluster of the change is API-only: advisory, naming the clusters',
      model: model({ roleDefinitions: [writer], eksClusters: [cluster('prod', 'API'), cluster('dev', 'API')] }),
      findings: [finding('advisory', API_ONLY('dev, prod'))],
    },
  ],
});
