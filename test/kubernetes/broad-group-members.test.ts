/**
 * A service account the change creates holds, besides its own bindings, those of the subjects that stand for it: the
 * groups the API server puts every service account in (system:serviceaccounts, system:serviceaccounts:<namespace>,
 * system:authenticated) and the User of its username (system:serviceaccount:<namespace>:<name>). Each such binding was
 * reported for its subject, but the account's own checks did not see it (session 48's known leftover): a role the
 * account holds joined with a group's role (create on secrets, get on secrets for the namespace's accounts) opened
 * token-create unreported, and a pod mounting the account's token carried the group's power with no automount finding.
 * Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { contentVerdicts } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';

const account = (name: string, namespace = 'apps', automount = '') =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ${namespace}}\n${automount}---\n`;
const role = (kind: 'Role' | 'ClusterRole', name: string, rule: string) =>
  `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${kind === 'Role' ? ', namespace: apps' : ''}}\nrules: [${rule}]\n---\n`;
const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, roleName: string, subject: string) =>
  `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${kind === 'RoleBinding' ? ', namespace: apps' : ''}}\n` +
  `roleRef: {apiGroup: ${RBAC}, kind: ${kind === 'RoleBinding' ? 'Role' : 'ClusterRole'}, name: ${roleName}}\nsubjects: [${subject}]\n---\n`;
const group = (name: string) => `{kind: Group, name: "${name}", apiGroup: ${RBAC}}`;
const serviceAccount = (name: string) => `{kind: ServiceAccount, name: ${name}, namespace: apps}`;

const SECRET_CREATE = '{apiGroups: [""], resources: [secrets], verbs: [create]}';
const SECRET_GET = '{apiGroups: [""], resources: [secrets], verbs: [get]}';
const EXEC = '{apiGroups: [""], resources: [pods/exec], verbs: [create]}';

describe('a service account holds the roles of the groups it is in and of its username', () => {
  it("its own create on secrets joins the namespace's accounts' get on secrets: token-create on the account, and in its token", () => {
    const { verdicts, message } = contentVerdicts(
      account('web') +
        role('Role', 'secret-writer', SECRET_CREATE) +
        binding('RoleBinding', 'web-secret-writer', 'secret-writer', serviceAccount('web')) +
        role('Role', 'secret-reader', SECRET_GET) +
        binding('RoleBinding', 'apps-secret-reader', 'secret-reader', group('system:serviceaccounts:apps')),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege RoleBinding apps-secret-reader Role::secret-reader/Route::secrets-read',
      'no-wildcard-privilege ServiceAccount web Roles::secret-writer+secret-reader/Route::token-create',
      'no-wildcard-privilege ServiceAccount web Token::automount',
    ]);
    expect(
      message('no-wildcard-privilege ServiceAccount web Roles::secret-writer+secret-reader/Route::token-create'),
    ).toBe(
      'web holds secret-writer (web-secret-writer) and secret-reader (apps-secret-reader, to Group ' +
        'system:serviceaccounts:apps) in namespace apps, which together grant creation of secrets it can read back: a ' +
        'kubernetes.io/service-account-token Secret naming any service account it reaches, filled with a token that never ' +
        'expires (verbs "create" on "secrets"; verbs "get" on "secrets"): enough to escalate to cluster-admin, though no ' +
        'one of them grants it alone (RBAC grants a subject the union of its roles). Keep the grants apart, in roles bound ' +
        'to different subjects, unless one workload needs both; if it does, list token-create in ' +
        'kubernetes.acceptedRoutes of the catalog entitlement that allows the roles.',
    );
    expect(message('no-wildcard-privilege ServiceAccount web Token::automount')).toBe(
      'Service account web holds secret-writer (web-secret-writer) and secret-reader (apps-secret-reader, to Group ' +
        'system:serviceaccounts:apps) together (Route::token-create) and does not set automountServiceAccountToken: ' +
        'false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). Set ' +
        'automountServiceAccountToken: false and mount a projected token only where needed.',
    );
  });

  it("a group of another namespace is not its: that group's binding alone is reported, nothing joins for the account", () => {
    const { verdicts } = contentVerdicts(
      account('web') +
        role('Role', 'secret-writer', SECRET_CREATE) +
        binding('RoleBinding', 'web-secret-writer', 'secret-writer', serviceAccount('web')) +
        role('Role', 'secret-reader', SECRET_GET) +
        binding('RoleBinding', 'tools-secret-reader', 'secret-reader', group('system:serviceaccounts:tools')),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege RoleBinding tools-secret-reader Role::secret-reader/Route::secrets-read',
    ]);
  });

  it('exec bound cluster-wide to every service account (or every authenticated user) rides in the token of each account that mounts it', () => {
    for (const broad of ['system:serviceaccounts', 'system:authenticated']) {
      const { verdicts, message } = contentVerdicts(
        account('web') +
          account('batch', 'apps', 'automountServiceAccountToken: false\n') +
          role('ClusterRole', 'exec', EXEC) +
          binding('ClusterRoleBinding', 'everyone-exec', 'exec', group(broad)),
      );
      expect(verdicts, broad).toEqual([
        'no-wildcard-privilege ClusterRole exec Route::pod-exec',
        'no-wildcard-privilege ClusterRoleBinding everyone-exec Role::exec/Route::pod-exec',
        'no-wildcard-privilege ServiceAccount web Token::automount',
      ]);
      expect(message('no-wildcard-privilege ServiceAccount web Token::automount'), broad).toBe(
        `Service account web holds exec (everyone-exec, to Group ${broad}) and does not set ` +
          'automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token ' +
          '(Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
      );
    }
  });

  it('a binding to the User of its username is its binding', () => {
    const { verdicts, message } = contentVerdicts(
      account('web') +
        role('Role', 'exec', EXEC) +
        binding(
          'RoleBinding',
          'web-exec',
          'exec',
          `{kind: User, name: "system:serviceaccount:apps:web", apiGroup: ${RBAC}}`,
        ),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege Role exec Route::pod-exec',
      'no-wildcard-privilege RoleBinding web-exec Role::exec/Route::pod-exec',
      'no-wildcard-privilege ServiceAccount web Token::automount',
    ]);
    expect(message('no-wildcard-privilege ServiceAccount web Token::automount')).toContain(
      'Service account web holds exec (web-exec, to User system:serviceaccount:apps:web) and does not set',
    );
  });

  it("roles that join only through the group's bindings are the group's to report, counted in the account's token", () => {
    const { verdicts, message } = contentVerdicts(
      account('web') +
        role('Role', 'secret-writer', SECRET_CREATE) +
        binding('RoleBinding', 'apps-secret-writer', 'secret-writer', group('system:serviceaccounts:apps')) +
        role('Role', 'secret-reader', SECRET_GET) +
        binding('RoleBinding', 'apps-secret-reader', 'secret-reader', group('system:serviceaccounts:apps')),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege RoleBinding apps-secret-reader Role::secret-reader/Route::secrets-read',
      'no-wildcard-privilege RoleBinding apps-secret-writer Roles::secret-writer+secret-reader/Route::token-create',
      'no-wildcard-privilege ServiceAccount web Token::automount',
    ]);
    expect(message('no-wildcard-privilege ServiceAccount web Token::automount')).toContain(
      'Service account web holds secret-writer (apps-secret-writer, to Group system:serviceaccounts:apps) and ' +
        'secret-reader (apps-secret-reader, to Group system:serviceaccounts:apps) together (Route::token-create) and',
    );
  });
});
