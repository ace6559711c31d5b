/**
 * A role that creates Secrets and may delete a Secret it reads back by name holds a token for any service account of
 * its namespace: it deletes the named Secret, creates it again (RBAC cannot limit create by name) as a Secret of type
 * kubernetes.io/service-account-token naming an account, which the token controller fills with a token that never
 * expires, and reads it. Kyverno's Helm chart gives its cleanup controller such a Role (create on secrets; delete, get,
 * list, update, watch on its named TLS Secrets) in the namespace where its admission controller's account writes
 * webhook configurations cluster-wide; it passed before (session 49's sweep of public charts), as reading back only
 * named Secrets was read as reading only Secrets that already exist. Update or patch alone gives no token (a Secret's
 * type cannot change once written), and neither does reading back a name it may not delete.
 * Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { contentVerdicts } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';

/** Account `cleaner` of namespace `policy`, bound in that namespace to Role `cleaner` with these rules. */
function manifest(rules: readonly string[]): string {
  return [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: cleaner, namespace: policy}\nautomountServiceAccountToken: false\n',
    `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: {name: cleaner, namespace: policy}\nrules:\n${rules.map((rule) => `  - ${rule}\n`).join('')}`,
    `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nmetadata: {name: cleaner, namespace: policy}\nroleRef: {apiGroup: ${RBAC}, kind: Role, name: cleaner}\nsubjects: [{kind: ServiceAccount, name: cleaner, namespace: policy}]\n`,
  ].join('---\n');
}

const CREATE = '{apiGroups: [""], resources: [secrets], verbs: [create]}';
const TLS_SECRETS = 'resourceNames: [cleaner-tls-ca, cleaner-tls-pair]';

describe('a named Secret deleted and created again as a token Secret', () => {
  it("create on secrets with delete and get on named Secrets (Kyverno's cleanup controller) reaches token-create, on the Role and its binding", () => {
    const { verdicts, message } = contentVerdicts(
      manifest([
        CREATE,
        `{apiGroups: [""], resources: [secrets], verbs: [delete, get, list, update, watch], ${TLS_SECRETS}}`,
      ]),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege Role cleaner Route::token-create',
      'no-wildcard-privilege RoleBinding cleaner Role::cleaner/Route::token-create',
    ]);
    expect(message('no-wildcard-privilege Role cleaner Route::token-create')).toBe(
      'Role cleaner in namespace policy grants deleting the Secrets "cleaner-tls-ca", "cleaner-tls-pair" it reads back and ' +
        'creating them again as kubernetes.io/service-account-token Secrets naming any service account it reaches, filled ' +
        'with a token that never expires (verbs "create" on "secrets"; verbs "delete", "get", "list", "update", "watch" on ' +
        '"secrets" named "cleaner-tls-ca", "cleaner-tls-pair"): a route to cluster-admin (Kubernetes RBAC good practices; ' +
        'Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the ' +
        'workload needs; if its holders do need this, list token-create in kubernetes.acceptedRoutes of the catalog ' +
        'entitlement that allows the role.',
    );
  });

  it('delete on every Secret with get on one named Secret reaches it too, naming only the Secret it reads back', () => {
    const { verdicts, message } = contentVerdicts(
      manifest([
        '{apiGroups: [""], resources: [secrets], verbs: [create, delete]}',
        '{apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [cleaner-state]}',
      ]),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege Role cleaner Route::token-create',
      'no-wildcard-privilege RoleBinding cleaner Role::cleaner/Route::token-create',
    ]);
    expect(message('no-wildcard-privilege Role cleaner Route::token-create')).toContain(
      'grants deleting the Secrets "cleaner-state" it reads back and creating them again as kubernetes.io/service-account-token ' +
        'Secrets naming any service account it reaches, filled with a token that never expires (verbs "create", "delete" on ' +
        '"secrets"; verbs "get" on "secrets" named "cleaner-state"): a route to cluster-admin',
    );
  });

  it('deletecollection on every Secret deletes the named one as well', () => {
    expect(
      contentVerdicts(
        manifest([
          '{apiGroups: [""], resources: [secrets], verbs: [deletecollection, create]}',
          `{apiGroups: [""], resources: [secrets], verbs: [get], ${TLS_SECRETS}}`,
        ]),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege Role cleaner Route::token-create',
      'no-wildcard-privilege RoleBinding cleaner Role::cleaner/Route::token-create',
    ]);
  });

  it('held through two roles, the create in one and the named delete and get in the other, the holder joins them', () => {
    const text =
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: cleaner, namespace: policy}\nautomountServiceAccountToken: false\n---\n' +
      ['writer', 'keeper']
        .map(
          (name, index) =>
            `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: {name: ${name}, namespace: policy}\nrules:\n  - ${
              index === 0 ? CREATE : `{apiGroups: [""], resources: [secrets], verbs: [get, delete], ${TLS_SECRETS}}`
            }\n---\n` +
            `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: policy}\nroleRef: {apiGroup: ${RBAC}, kind: Role, name: ${name}}\nsubjects: [{kind: ServiceAccount, name: cleaner, namespace: policy}]\n`,
        )
        .join('---\n');
    const { verdicts } = contentVerdicts(text);
    expect(verdicts).toEqual(['no-wildcard-privilege ServiceAccount cleaner Roles::writer+keeper/Route::token-create']);
  });

  it('no delete, delete on another name, update alone, or no create: nothing (the named Secret is read as it stands)', () => {
    for (const rules of [
      // Vault's CSI provider and Grafana's rollout-operator: create, and get (or update) on their own named Secret.
      [CREATE, `{apiGroups: [""], resources: [secrets], verbs: [get, update, patch], ${TLS_SECRETS}}`],
      [
        CREATE,
        '{apiGroups: [""], resources: [secrets], verbs: [delete], resourceNames: [other]}',
        `{apiGroups: [""], resources: [secrets], verbs: [get], ${TLS_SECRETS}}`,
      ],
      [`{apiGroups: [""], resources: [secrets], verbs: [delete, get, list, update, watch], ${TLS_SECRETS}}`],
      // A named deletecollection allows nothing: that request names no object.
      [CREATE, `{apiGroups: [""], resources: [secrets], verbs: [deletecollection, get], ${TLS_SECRETS}}`],
    ])
      expect(contentVerdicts(manifest(rules)).verdicts, rules.join(' ')).toEqual([]);
  });
});
