/**
 * Routes whose grants come from two roles bound to the same holder. RBAC grants a subject the union of every role bound
 * to it, so a route the rules join within one role (CSR approval: update on certificatesigningrequests/approval and
 * `approve` on the signer, CertificateApproval admission; a service-account-token Secret created and read back) opens
 * as well when each half sits in its own role. PaloAltoNetworks/rbac-police's approve_csrs joins a subject's roles;
 * before this, each role was judged alone and the holder passed. Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';
const CSR = 'certificates.k8s.io';

/**
 * A role (`Role` in namespace tools, or `ClusterRole`) with one rule, bound to account tools/approver, or to the subject
 * written (`{kind: User, name: alice}`).
 */
function role(kind: 'Role' | 'ClusterRole', name: string, rule: string, subject = 'approver'): string {
  const [binding, namespace] = kind === 'Role' ? ['RoleBinding', ', namespace: tools'] : ['ClusterRoleBinding', ''];
  const written = subject.startsWith('{') ? subject : `{kind: ServiceAccount, name: ${subject}, namespace: tools}`;
  return [
    `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${namespace}}\nrules:\n  - ${rule}\n`,
    `apiVersion: ${RBAC}/v1\nkind: ${binding}\nmetadata: {name: ${name}${namespace}}\nroleRef: {apiGroup: ${RBAC}, kind: ${kind}, name: ${name}}\nsubjects: [${written}]\n`,
  ].join('---\n');
}

const ACCOUNTS =
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: approver, namespace: tools}\nautomountServiceAccountToken: false\n---\n' +
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: other, namespace: tools}\nautomountServiceAccountToken: false\n';

const APPROVAL = `{apiGroups: [${CSR}], resources: [certificatesigningrequests/approval], verbs: [update]}`;
const SIGNERS = `{apiGroups: [${CSR}], resources: [signers], verbs: [approve], resourceNames: ["kubernetes.io/kube-apiserver-client"]}`;

/** Content findings (the catalog rules aside) as `rule kind name detail`, sorted, and the joined-role messages. */
function check(...objects: string[]) {
  return checkWith(ACCOUNTS, ...objects);
}

function checkWith(accounts: string, ...objects: string[]) {
  const { exitCode, findings: all } = checkManifest([accounts, ...objects].join('---\n'));
  const findings = all.filter((f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement');
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort(),
    joined: findings.filter((f) => f.detail?.startsWith('Roles::')).map((f) => f.message),
    automount: findings.filter((f) => f.detail === 'Token::automount').map((f) => f.message),
  };
}

describe('routes joined over two roles of one holder', () => {
  it('CSR approval in one ClusterRole and the signer in another, both bound to one account: csr-approval, on the account', () => {
    const { exitCode, verdicts, joined } = check(
      role('ClusterRole', 'csr-approval', APPROVAL),
      role('ClusterRole', 'csr-signers', SIGNERS),
    );
    expect(exitCode).toBe(1);
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory ServiceAccount approver Roles::csr-approval+csr-signers/Route::csr-approval',
    ]);
    expect(joined).toEqual([
      'approver holds csr-approval (csr-approval) and csr-signers (csr-signers) cluster-wide, which together ' +
        'grant approval of certificate signing requests: client certificates for any user or group a signer issues ' +
        '(verbs "update" on "certificatesigningrequests/approval"; verbs "approve" on "signers" named ' +
        '"kubernetes.io/kube-apiserver-client"): enough to escalate to cluster-admin, though no one of them grants it alone ' +
        '(RBAC grants a subject the union of its roles). Keep the grants apart, in roles bound to different subjects, ' +
        'unless one workload needs both; if it does, list csr-approval in kubernetes.acceptedRoutes of the catalog ' +
        'entitlement that allows the roles.',
    ]);
  });

  it('secrets create in a namespace Role and get from a ClusterRole: token-create in that namespace, beside reading every secret', () => {
    const { verdicts } = check(
      role('Role', 'secret-writer', '{apiGroups: [""], resources: [secrets], verbs: [create]}'),
      role('ClusterRole', 'secret-reader', '{apiGroups: [""], resources: [secrets], verbs: [get]}'),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory ClusterRole secret-reader Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding secret-reader Role::secret-reader/Route::secrets-read',
      'no-wildcard-privilege mandatory ServiceAccount approver Roles::secret-reader+secret-writer/Route::token-create',
    ]);
  });

  it('the halves bound to different accounts, in different namespaces, or one role holding both stay as before', () => {
    // Different holders: neither holds both.
    expect(
      check(role('ClusterRole', 'csr-approval', APPROVAL), role('ClusterRole', 'csr-signers', SIGNERS, 'other'))
        .verdicts,
    ).toEqual([]);
    // One role holding both halves: reported on the role and its binding, not again as a join.
    expect(check(role('ClusterRole', 'both', `${APPROVAL}\n  - ${SIGNERS}`)).verdicts).toEqual([
      'no-wildcard-privilege mandatory ClusterRole both Route::csr-approval',
      'no-wildcard-privilege mandatory ClusterRoleBinding both Role::both/Route::csr-approval',
    ]);
    // Create in namespace tools and read in namespace other: no namespace where both apply.
    const elsewhere = role('Role', 'secret-reader', '{apiGroups: [""], resources: [secrets], verbs: [get]}').replaceAll(
      ', namespace: tools}\n',
      ', namespace: elsewhere}\n',
    );
    expect(
      check(role('Role', 'secret-writer', '{apiGroups: [""], resources: [secrets], verbs: [create]}'), elsewhere)
        .verdicts,
    ).toEqual([]);
  });
});

describe('routes joined over the roles of a User or Group the change names only in bindings', () => {
  it('CSR approval split over two ClusterRoles bound to User alice: csr-approval, on the first binding, naming the user', () => {
    const { exitCode, verdicts, joined } = check(
      role('ClusterRole', 'csr-approval', APPROVAL, `{kind: User, name: alice, apiGroup: ${RBAC}}`),
      role('ClusterRole', 'csr-signers', SIGNERS, `{kind: User, name: alice, apiGroup: ${RBAC}}`),
    );
    expect(exitCode).toBe(1);
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory ClusterRoleBinding csr-approval Roles::csr-approval+csr-signers/Route::csr-approval',
    ]);
    expect(joined).toEqual([
      'User alice holds csr-approval (csr-approval) and csr-signers (csr-signers) cluster-wide, which together grant approval of certificate signing requests: client certificates for any user or group a signer issues (verbs "update" on "certificatesigningrequests/approval"; verbs "approve" on "signers" named "kubernetes.io/kube-apiserver-client"): enough to escalate to cluster-admin, though no one of them grants it alone (RBAC grants a subject the union of its roles). Keep the grants apart, in roles bound to different subjects, unless one workload needs both; if it does, list csr-approval in kubernetes.acceptedRoutes of the catalog entitlement that allows the roles.',
    ]);
  });

  it('a Group holding secrets create in a Role and get from a ClusterRole: token-create in tools; two different users join nothing', () => {
    const devs = `{kind: Group, name: devs, apiGroup: ${RBAC}}`;
    expect(
      check(
        role('Role', 'secret-writer', '{apiGroups: [""], resources: [secrets], verbs: [create]}', devs),
        role('ClusterRole', 'secret-reader', '{apiGroups: [""], resources: [secrets], verbs: [get]}', devs),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege mandatory ClusterRole secret-reader Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding secret-reader Role::secret-reader/Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding secret-reader Roles::secret-reader+secret-writer/Route::token-create',
    ]);
    expect(
      check(
        role('ClusterRole', 'csr-approval', APPROVAL, `{kind: User, name: alice, apiGroup: ${RBAC}}`),
        role('ClusterRole', 'csr-signers', SIGNERS, `{kind: User, name: bob, apiGroup: ${RBAC}}`),
      ).verdicts,
    ).toEqual([]);
  });
});

describe('an account privileged only through a join mounts that privilege', () => {
  it('approver, whose two roles together approve CSRs, mounts its token by default: Token::automount, naming the join', () => {
    const mounting = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: approver, namespace: tools}\n';
    const { verdicts, automount } = checkWith(
      mounting,
      role('ClusterRole', 'csr-approval', APPROVAL),
      role('ClusterRole', 'csr-signers', SIGNERS),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege mandatory ServiceAccount approver Roles::csr-approval+csr-signers/Route::csr-approval',
      'no-wildcard-privilege mandatory ServiceAccount approver Token::automount',
    ]);
    expect(automount).toEqual([
      'Service account approver holds csr-approval (csr-approval) and csr-signers (csr-signers) together (Route::csr-approval) and does not set automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
    ]);
  });
});
