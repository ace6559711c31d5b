/**
 * Two routes real installs showed the rules missed (session 36's sweep of public manifests).
 *
 * A role limited to named webhook configurations (`resourceNames`) still reaches webhook-write when it may update or
 * patch them: one configuration's webhooks carry their own rules and clientConfig, so rewriting the one named sends
 * every object to any endpoint. tektoncd/pipeline's webhook ClusterRole (`get`, `update`, `delete` on
 * `webhook.pipeline.tekton.dev` and two validating configurations) and OPA Gatekeeper's manager (`patch`, `update` on
 * its mutating configuration) passed before: a named rule reached only impersonation and namespace relabelling. Named
 * `create` (RBAC cannot limit create by name) and named `delete` reach nothing; named secret and pod rules stay
 * narrow, and a named token request is judged on the named account (account-tokens-and-aws-auth.test.ts).
 *
 * A role that creates secrets and reads them back holds a token for any service account of its namespace (of every
 * namespace, cluster-wide): a Secret of type kubernetes.io/service-account-token naming an account is filled by the
 * token controller with a token that never expires. The ingress-nginx admission Role (`get`, `create` on secrets in
 * ingress-nginx, where the controller's account reads every secret of the cluster) and Longhorn's Role (`*` on
 * secrets in longhorn-system, where its support-bundle account is cluster-admin) reached no token route before.
 * Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';

/**
 * A ClusterRole (or, `namespaced`, a Role in `tools`) with the rules given, bound to account `hook` of namespace
 * `tools`, which the manifest creates.
 */
function manifest(rules: string, namespaced = false): string {
  const [kind, binding, namespace] = namespaced
    ? ['Role', 'RoleBinding', ', namespace: tools']
    : ['ClusterRole', 'ClusterRoleBinding', ''];
  return [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: hook, namespace: tools}\nautomountServiceAccountToken: false\n',
    `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: hook${namespace}}\nrules:\n  - ${rules}\n`,
    `apiVersion: ${RBAC}/v1\nkind: ${binding}\nmetadata: {name: hook${namespace}}\nroleRef: {apiGroup: ${RBAC}, kind: ${kind}, name: hook}\nsubjects: [{kind: ServiceAccount, name: hook, namespace: tools}]\n`,
  ].join('---\n');
}

/** Content findings (the catalog rules aside) as `rule resource detail`, sorted, and the messages. */
function check(rules: string, namespaced = false) {
  const findings = checkManifest(manifest(rules, namespaced)).findings.filter(
    (f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement',
  );
  return {
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort(),
    messages: findings.map((f) => f.message).sort(),
  };
}

const WEBHOOKS = 'admissionregistration.k8s.io';

describe('named webhook configurations', () => {
  it("updating a named mutating configuration (tekton's webhook) reaches webhook-write, on the role and its binding, naming the object", () => {
    const { verdicts, messages } = check(
      `{apiGroups: [${WEBHOOKS}], resources: [mutatingwebhookconfigurations], verbs: [get, update, delete], resourceNames: [webhook.pipeline.tekton.dev]}`,
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege ClusterRole hook Route::webhook-write',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::webhook-write',
    ]);
    expect(messages[0]).toContain(
      '(verbs "get", "update", "delete" on "mutatingwebhookconfigurations" named "webhook.pipeline.tekton.dev")',
    );
  });

  it("patching a named validating configuration (gatekeeper's) reaches it too", () => {
    expect(
      check(
        `{apiGroups: [${WEBHOOKS}], resources: [validatingwebhookconfigurations], verbs: [get, patch], resourceNames: [gatekeeper-validating-webhook-configuration]}`,
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRole hook Route::webhook-write',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::webhook-write',
    ]);
  });

  it('named create and delete reach nothing (create cannot be limited by name; deleting one only removes it); unnamed create does', () => {
    for (const verbs of ['[create]', '[get, delete]'])
      expect(
        check(
          `{apiGroups: [${WEBHOOKS}], resources: [mutatingwebhookconfigurations], verbs: ${verbs}, resourceNames: [one]}`,
        ).verdicts,
        verbs,
      ).toEqual([]);
    expect(
      check(`{apiGroups: [${WEBHOOKS}], resources: [mutatingwebhookconfigurations], verbs: [create]}`).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRole hook Route::webhook-write',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::webhook-write',
    ]);
  });

  it("other named rules stay narrow: one secret; one account's token is that account's; exec into or updating one pod is pod-exec", () => {
    expect(
      check('{apiGroups: [""], resources: [secrets], verbs: [get, update], resourceNames: [webhook-certs]}').verdicts,
    ).toEqual([]);
    // Until session 45 a named token request reached nothing. calico-node's, for calico-cni-plugin, is judged on that
    // account's roles (test/kubernetes/account-tokens-and-aws-auth.test.ts): this manifest neither creates nor binds
    // it, so what it holds cannot be seen, reported on the binding, which names the holder whose own token it is not.
    expect(
      check(
        '{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create], resourceNames: [calico-cni-plugin]}',
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::token-create/Account::*/calico-cni-plugin',
    ]);
    // Until session 42 this reached nothing: exec into the named pod acts with its service account's token and its
    // volumes, whatever the name limits (src/iam/kubernetes/rbac.ts, pod-exec's namedVerbs).
    expect(
      check('{apiGroups: [""], resources: [pods, pods/exec], verbs: [get, update, create], resourceNames: [one]}')
        .verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRole hook Route::pod-exec',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::pod-exec',
    ]);
  });
});

describe('secrets created and read back: a token Secret for any account', () => {
  it("create and get on secrets in a namespace (ingress-nginx's admission Role) reach token-create there, on the Role and its binding", () => {
    const { verdicts, messages } = check('{apiGroups: [""], resources: [secrets], verbs: [get, create]}', true);
    expect(verdicts).toEqual([
      'no-wildcard-privilege Role hook Route::token-create',
      'no-wildcard-privilege RoleBinding hook Role::hook/Route::token-create',
    ]);
    expect(messages[0]).toContain(
      'creation of secrets it can read back: a kubernetes.io/service-account-token Secret naming any service account it reaches, filled with a token that never expires (verbs "get", "create" on "secrets")',
    );
  });

  it('the two verbs from two rules reach it too; cluster-wide, beside reading every secret', () => {
    expect(
      check(
        '{apiGroups: [""], resources: [secrets], verbs: [create]}\n  - {apiGroups: [""], resources: [secrets], verbs: [list]}',
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterRole hook Route::secrets-read',
      'no-wildcard-privilege ClusterRole hook Route::token-create',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::secrets-read',
      'no-wildcard-privilege ClusterRoleBinding hook Role::hook/Route::token-create',
    ]);
  });

  it('create without reading back, reading without create, and reading only named secrets reach nothing in a namespace', () => {
    for (const rules of [
      '{apiGroups: [""], resources: [secrets], verbs: [create, delete]}',
      '{apiGroups: [""], resources: [secrets], verbs: [get, list, watch, update]}',
      '{apiGroups: [""], resources: [secrets], verbs: [create]}\n  - {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [webhook-certs]}',
      '{apiGroups: [""], resources: [secrets], verbs: [get, create], resourceNames: [webhook-certs]}',
    ])
      expect(check(rules, true).verdicts, rules).toEqual([]);
  });
});
