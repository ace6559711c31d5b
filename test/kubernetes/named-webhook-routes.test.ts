/**
 * A role limited to named webhook configurations (`resourceNames`) still reaches webhook-write when it may update or
 * patch them: one configuration's webhooks carry their own rules and clientConfig, so rewriting the one named sends
 * every object to any endpoint. tektoncd/pipeline's webhook ClusterRole (`get`, `update`, `delete` on
 * `webhook.pipeline.tekton.dev` and two validating configurations) and OPA Gatekeeper's manager (`patch`, `update` on
 * its mutating configuration) passed before: a named rule reached only impersonation and namespace relabelling. Named
 * `create` (RBAC cannot limit create by name) and named `delete` reach nothing; named token, secret and pod rules stay
 * narrow. Through the CLI on manifests, no catalog.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const RBAC = 'rbac.authorization.k8s.io';

/** A ClusterRole with one rule, bound to account `hook` of namespace `tools`, which the manifest creates. */
function manifest(rule: string): string {
  return [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: hook, namespace: tools}\nautomountServiceAccountToken: false\n',
    `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: {name: hook}\nrules:\n  - ${rule}\n`,
    `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: {name: hook}\nroleRef: {apiGroup: ${RBAC}, kind: ClusterRole, name: hook}\nsubjects: [{kind: ServiceAccount, name: hook, namespace: tools}]\n`,
  ].join('---\n');
}

/** Content findings (the catalog rules aside) as `rule resource detail`, sorted, and the messages. */
function check(rule: string) {
  const directory = mkdtempSync(join(tmpdir(), 'eg-named-'));
  writeFileSync(join(directory, 'app.yaml'), manifest(rule));
  const result = runCheck({
    paths: [join(directory, 'app.yaml')],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: directory,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  const findings = (result.result?.findings ?? []).filter(
    (f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement',
  );
  return {
    verdicts: findings.map((f) => `${f.ruleId} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`).sort(),
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

  it("other named rules stay narrow: one account's token (calico-node), one secret, one pod", () => {
    for (const rule of [
      '{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create], resourceNames: [calico-cni-plugin]}',
      '{apiGroups: [""], resources: [secrets], verbs: [get, update], resourceNames: [webhook-certs]}',
      '{apiGroups: [""], resources: [pods, pods/exec], verbs: [get, update, create], resourceNames: [one]}',
    ])
      expect(check(rule).verdicts, rule).toEqual([]);
  });
});
