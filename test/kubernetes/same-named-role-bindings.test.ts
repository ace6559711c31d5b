/**
 * A chart may name a Role and a ClusterRole alike and bind each by a binding of that name (Kyverno's admission
 * controller: Role, ClusterRole, RoleBinding and ClusterRoleBinding all `kyverno:admission-controller`). A message that
 * lists what an account holds then named the same role and binding twice, as if one grant were counted twice
 * (session 49's sweep of public charts); each now says where it holds. Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';
const NAME = 'policy:admission';

const manifest =
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: admission, namespace: policy}\nautomountServiceAccountToken: false\n---\n' +
  `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: {name: "${NAME}"}\n` +
  'rules: [{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [create, patch]}]\n---\n' +
  `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: {name: "${NAME}"}\n` +
  `roleRef: {apiGroup: ${RBAC}, kind: ClusterRole, name: "${NAME}"}\nsubjects: [{kind: ServiceAccount, name: admission, namespace: policy}]\n---\n` +
  `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: {name: "${NAME}", namespace: policy}\n` +
  'rules: [{apiGroups: [apps], resources: [deployments], verbs: [get, patch]}]\n---\n' +
  `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nmetadata: {name: "${NAME}", namespace: policy}\n` +
  `roleRef: {apiGroup: ${RBAC}, kind: Role, name: "${NAME}"}\nsubjects: [{kind: ServiceAccount, name: admission, namespace: policy}]\n---\n` +
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: admission, namespace: policy}\nspec:\n  selector: {matchLabels: {app: a}}\n' +
  '  template:\n    metadata: {labels: {app: a}}\n    spec:\n      serviceAccountName: admission\n      automountServiceAccountToken: true\n' +
  '      containers: [{name: c, image: example/admission}]\n';

describe('a Role and a ClusterRole of one name, each bound by a binding of that name', () => {
  it("the account's token automount names each with where it holds", () => {
    const automount = checkManifest(manifest).findings.find((f) => f.detail === 'Token::automount');
    expect(automount?.message).toBe(
      `Service account admission holds ${NAME} (${NAME}, cluster-wide), ${NAME} (${NAME}, in namespace policy); it sets ` +
        "automountServiceAccountToken: false, but the pod spec of admission mounts its token anyway (a pod's " +
        "automountServiceAccountToken overrides the account's), so those pods get that power (Checkov CKV_K8S_38). Drop " +
        'automountServiceAccountToken: true from the pod spec, or set it false, and mount a projected token only where needed.',
    );
  });
});
