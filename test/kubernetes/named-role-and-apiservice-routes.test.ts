/**
 * Two classes session 36's sweep of public install manifests left open (helper h103, session 37).
 *
 * `bind` or `escalate` limited to named roles (resourceNames) reached no route, whatever the role named: `bind` on
 * clusterroles named cluster-admin passed (fail-open). Binding a named role grants what that role holds, so a named
 * `bind` is now judged on the roles it names: a route when one holds a route (cluster-admin's wildcard, a role of the
 * change with one), or, failing closed, when what one grants cannot be seen (neither the change nor Kubernetes
 * defines it). A named role holding no route (view, a reader) reaches nothing. Escalating a named role rewrites its
 * rules with any permission, whatever it holds today: always the route.
 *
 * Writing APIServices (apiregistration.k8s.io) was no route: calico-kube-controllers (projectcalico/calico
 * `manifests/calico.yaml`) creates and deletes them. An APIService sends every request for one API group and version
 * to the service it names, which reads them and answers for the API server: `Route::apiservice-write` for update or
 * patch (by name too, as webhook-write), and for create with delete (delete one, create it again elsewhere). Create
 * alone, delete alone and reads reach nothing.
 *
 * Through the CLI on manifests, no catalog; each case fails on main's source (no finding there, or no bind finding).
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';

/**
 * A ClusterRole (or, `namespaced`, a Role in `tools`) named `op` with the rules given, bound to account `op` of
 * namespace `tools` (token not mounted), and the other objects given.
 */
function manifest(rules: string, namespaced: boolean, others: string[]): string {
  const [kind, binding, namespace] = namespaced
    ? ['Role', 'RoleBinding', ', namespace: tools']
    : ['ClusterRole', 'ClusterRoleBinding', ''];
  return [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: op, namespace: tools}\nautomountServiceAccountToken: false\n',
    `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: op${namespace}}\nrules:\n  - ${rules}\n`,
    `apiVersion: ${RBAC}/v1\nkind: ${binding}\nmetadata: {name: op${namespace}}\nroleRef: {apiGroup: ${RBAC}, kind: ${kind}, name: op}\nsubjects: [{kind: ServiceAccount, name: op, namespace: tools}]\n`,
    ...others,
  ].join('---\n');
}

/** A role of the change: `Role name` in tools, or `ClusterRole name`, with one rule. */
function role(kind: 'Role' | 'ClusterRole', name: string, rule: string): string {
  const namespace = kind === 'Role' ? ', namespace: tools' : '';
  return `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${namespace}}\nrules:\n  - ${rule}\n`;
}

/** Content findings (the catalog rules aside) as `rule kind name detail`, sorted, and the messages. */
function check(rules: string, { namespaced = false, others = [] as string[] } = {}) {
  const findings = checkManifest(manifest(rules, namespaced, others)).findings.filter(
    (f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement',
  );
  return {
    verdicts: findings.map((f) => `${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`).sort(),
    messages: findings.map((f) => f.message).sort(),
  };
}

const onOp = (route: string, namespaced = false) =>
  namespaced
    ? [`Role op Route::${route}`, `RoleBinding op Role::op/Route::${route}`]
    : [`ClusterRole op Route::${route}`, `ClusterRoleBinding op Role::op/Route::${route}`];

describe('bind on named roles', () => {
  it('bind on clusterroles named cluster-admin reaches bind, on the role and its binding, saying why', () => {
    const { verdicts, messages } = check(
      `{apiGroups: [${RBAC}], resources: [clusterroles], verbs: [bind], resourceNames: [cluster-admin]}`,
    );
    expect(verdicts).toEqual(onOp('bind'));
    expect(messages[0]).toContain(
      '"bind" on named roles: binding, to anyone, ClusterRole cluster-admin, which holds Route::wildcard (verbs "bind" on "clusterroles" named "cluster-admin")',
    );
  });

  it('bind on a Role of the same namespace that creates pods, or a ClusterRole of the change that reads every secret, reaches it', () => {
    expect(
      check(`{apiGroups: [${RBAC}], resources: [roles], verbs: [bind], resourceNames: [deployer]}`, {
        namespaced: true,
        others: [role('Role', 'deployer', '{apiGroups: [""], resources: [pods], verbs: [create]}')],
      }).verdicts,
    ).toEqual([...onOp('bind', true), 'Role deployer Route::pod-create'].sort());
    const { verdicts, messages } = check(
      `{apiGroups: [${RBAC}], resources: [clusterroles], verbs: [bind], resourceNames: [vault-reader]}`,
      { others: [role('ClusterRole', 'vault-reader', '{apiGroups: [""], resources: [secrets], verbs: [list]}')] },
    );
    expect(verdicts).toEqual([...onOp('bind'), 'ClusterRole vault-reader Route::secrets-read'].sort());
    expect(messages.join('\n')).toContain('ClusterRole vault-reader, which holds Route::secrets-read');
  });

  it('from a Role, binding that ClusterRole reaches one namespace only, where reading secrets is no route', () => {
    expect(
      check(`{apiGroups: [${RBAC}], resources: [clusterroles], verbs: [bind], resourceNames: [vault-reader]}`, {
        namespaced: true,
        others: [role('ClusterRole', 'vault-reader', '{apiGroups: [""], resources: [secrets], verbs: [list]}')],
      }).verdicts,
    ).toEqual(['ClusterRole vault-reader Route::secrets-read']);
  });

  it('a named role neither the change nor Kubernetes defines fails closed, saying it cannot be seen', () => {
    const { verdicts, messages } = check(
      `{apiGroups: [${RBAC}], resources: [clusterroles, roles], verbs: [bind], resourceNames: [vendor-admin]}`,
    );
    expect(verdicts).toEqual(onOp('bind'));
    expect(messages[0]).toContain(
      'Role vendor-admin, which neither this change nor Kubernetes defines, so what it grants cannot be seen here; ClusterRole vendor-admin, which neither',
    );
  });

  it('binding view, a reader of the change, or only itself reaches nothing', () => {
    expect(
      check(`{apiGroups: [${RBAC}], resources: [clusterroles], verbs: [bind], resourceNames: [view, reader, op]}`, {
        others: [role('ClusterRole', 'reader', '{apiGroups: [""], resources: [configmaps], verbs: [get]}')],
      }).verdicts,
    ).toEqual([]);
  });

  it('"*" verbs on clusterroles named cluster-admin reach bind and escalate', () => {
    expect(
      check(`{apiGroups: [${RBAC}], resources: [clusterroles], verbs: ["*"], resourceNames: [cluster-admin]}`).verdicts,
    ).toEqual([...onOp('bind'), ...onOp('escalate')].sort());
  });
});

describe('escalate on named roles', () => {
  it('escalating a named role reaches escalate whatever it holds today', () => {
    const { verdicts, messages } = check(
      `{apiGroups: [${RBAC}], resources: [roles], verbs: [escalate, update], resourceNames: [reader]}`,
      {
        namespaced: true,
        others: [role('Role', 'reader', '{apiGroups: [""], resources: [configmaps], verbs: [get]}')],
      },
    );
    expect(verdicts).toEqual(onOp('escalate', true));
    expect(messages[0]).toContain('"escalate" on named roles: rewriting them with any permission');
  });
});

const APIREG = 'apiregistration.k8s.io';

describe('APIServices', () => {
  it("create and delete (calico-kube-controllers' migration controller) reach apiservice-write", () => {
    const { verdicts, messages } = check(
      `{apiGroups: [${APIREG}], resources: [apiservices], verbs: [get, list, watch, create, delete]}`,
    );
    expect(verdicts).toEqual(onOp('apiservice-write'));
    expect(messages[0]).toContain(
      'writes to APIServices: sending every request for an API group and version, from every user and controller, to a service of its choosing',
    );
  });

  it('update, or patch on one named, reaches it too', () => {
    expect(check(`{apiGroups: [${APIREG}], resources: [apiservices], verbs: [update]}`).verdicts).toEqual(
      onOp('apiservice-write'),
    );
    expect(
      check(
        `{apiGroups: [${APIREG}], resources: [apiservices], verbs: [patch], resourceNames: [v1beta1.metrics.k8s.io]}`,
      ).verdicts,
    ).toEqual(onOp('apiservice-write'));
  });

  it('create alone, delete alone, reads, status, and named delete with named create reach nothing', () => {
    for (const rule of [
      `{apiGroups: [${APIREG}], resources: [apiservices], verbs: [get, list, watch, create]}`,
      `{apiGroups: [${APIREG}], resources: [apiservices], verbs: [get, delete]}`,
      `{apiGroups: [${APIREG}], resources: [apiservices/status], verbs: [update, patch]}`,
      `{apiGroups: [${APIREG}], resources: [apiservices], verbs: [create, delete], resourceNames: [v1.example.com]}`,
    ])
      expect(check(rule).verdicts, rule).toEqual([]);
  });
});
