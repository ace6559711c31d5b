/**
 * A MutatingAdmissionPolicy (admissionregistration.k8s.io, beta since Kubernetes 1.34) rewrites, inside the API
 * server, every object its bindings match before it is stored: a pod's containers, volumes and service account
 * included. Writing one is what writing a mutating webhook configuration gives, without a webhook, so it is route
 * webhook-write. Kyverno's Helm chart grants its admission controller every verb on these policies and their bindings
 * (beside webhook configurations, which the route already caught); a role with the policies alone passed before
 * (session 49's sweep of public charts). A policy acts only once bound: creating one needs a binding too, while
 * updating one (named or not) changes what existing bindings apply. Both kinds are cluster-scoped, so a Role grants
 * nothing on them. Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { contentVerdicts } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';
const GROUP = 'admissionregistration.k8s.io';

/** A ClusterRole (or, `namespaced`, a Role in `policy`) with these rules, bound to account `mutator` of `policy`. */
function manifest(rules: readonly string[], namespaced = false): string {
  const [kind, binding, namespace] = namespaced
    ? ['Role', 'RoleBinding', ', namespace: policy']
    : ['ClusterRole', 'ClusterRoleBinding', ''];
  return [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: mutator, namespace: policy}\nautomountServiceAccountToken: false\n',
    `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: mutator${namespace}}\nrules:\n${rules.map((rule) => `  - ${rule}\n`).join('')}`,
    `apiVersion: ${RBAC}/v1\nkind: ${binding}\nmetadata: {name: mutator${namespace}}\nroleRef: {apiGroup: ${RBAC}, kind: ${kind}, name: mutator}\nsubjects: [{kind: ServiceAccount, name: mutator, namespace: policy}]\n`,
  ].join('---\n');
}

const check = (rules: readonly string[], namespaced = false) => contentVerdicts(manifest(rules, namespaced));

const POLICIES = `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicies], verbs: [create, get, list]}`;
const BINDINGS = `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicybindings], verbs: [create]}`;

describe('mutating admission policies', () => {
  it('creating policies and their bindings reaches webhook-write, on the ClusterRole and its binding', () => {
    const { verdicts, message } = check([POLICIES, BINDINGS]);
    expect(verdicts).toEqual([
      'no-wildcard-privilege ClusterRole mutator Route::webhook-write',
      'no-wildcard-privilege ClusterRoleBinding mutator Role::mutator/Route::webhook-write',
    ]);
    expect(message('no-wildcard-privilege ClusterRole mutator Route::webhook-write')).toBe(
      'ClusterRole mutator cluster-wide grants writes to mutating admission policies: rewriting, in the API server, ' +
        'every object sent to it that a policy matches, pods included (verbs "create", "get", "list" on ' +
        '"mutatingadmissionpolicies"; verbs "create" on "mutatingadmissionpolicybindings"): a route to cluster-admin ' +
        '(Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the ' +
        'verbs, resources and API groups the workload needs; if its holders do need this, list webhook-write in ' +
        'kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });

  it('updating one named policy reaches it alone: its bindings apply the new mutation', () => {
    expect(
      check([
        `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicies], verbs: [patch], resourceNames: [inject]}`,
      ]).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRole mutator Route::webhook-write',
      'no-wildcard-privilege ClusterRoleBinding mutator Role::mutator/Route::webhook-write',
    ]);
  });

  it('policies without bindings, bindings without policies, reading, and a Role (no cluster-scoped grant) reach nothing', () => {
    for (const [rules, namespaced] of [
      [[POLICIES], false],
      [[BINDINGS, `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicybindings], verbs: [update]}`], false],
      [
        [
          `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicies, mutatingadmissionpolicybindings], verbs: [get, list, watch]}`,
        ],
        false,
      ],
      // A named create is no create (RBAC has no name at create).
      [
        [
          `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicies], verbs: [create], resourceNames: [inject]}`,
          BINDINGS,
        ],
        false,
      ],
      [[POLICIES, BINDINGS, `{apiGroups: [${GROUP}], resources: [mutatingadmissionpolicies], verbs: [update]}`], true],
    ] as const)
      expect(check(rules, namespaced).verdicts, rules.join(' ')).toEqual([]);
  });
});
