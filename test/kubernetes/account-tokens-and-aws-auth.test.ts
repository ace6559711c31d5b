/**
 * Three routes PaloAltoNetworks/rbac-police lists that no-wildcard-privilege passed (test/corpus/kubernetes-static-
 * manifests/README.md, "Coverage against PaloAltoNetworks/rbac-police"), each failing open before:
 *
 * - eks_modify_aws_auth: writing the ConfigMap kube-system/aws-auth maps any IAM role into system:masters on EKS
 *   (route aws-auth-write). A manifest does not say which cluster it is for: blocking where the change shows EKS (an
 *   IRSA annotation here), advisory elsewhere.
 * - retrieve_token_secrets: reading Secrets in one namespace reads the service-account token Secrets there, each its
 *   account's token: a route to that account's privilege (route secrets-read, naming the account).
 * - token_request limited by resourceNames: a token requested for a named account is that account's token: a route
 *   when the account holds one, or when the change does not show the account; never for the holder's own.
 *
 * Through the CLI on manifests, no catalog; the catalog rules (require-owner, require-entitlement) and the token
 * Secrets' own no-long-lived-credentials findings are left aside.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';

function account(name: string, namespace = 'tools', annotations = ''): string {
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ${namespace}${annotations}}\nautomountServiceAccountToken: false\n`;
}

/** A Role (in `namespace`) or ClusterRole with one rule, bound to service account `subject` of `subjectNamespace`. */
function bound(
  kind: 'Role' | 'ClusterRole',
  name: string,
  rule: string,
  subject: string,
  options: { namespace?: string; subjectNamespace?: string; bindingNamespace?: string } = {},
): string {
  const roleNamespace = kind === 'Role' ? `, namespace: ${options.namespace ?? 'tools'}` : '';
  const bindingNamespace = options.bindingNamespace ?? (kind === 'Role' ? (options.namespace ?? 'tools') : undefined);
  const binding = bindingNamespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding';
  return [
    `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${roleNamespace}}\nrules:\n  - ${rule}\n`,
    `apiVersion: ${RBAC}/v1\nkind: ${binding}\nmetadata: {name: ${name}${bindingNamespace ? `, namespace: ${bindingNamespace}` : ''}}\n` +
      `roleRef: {apiGroup: ${RBAC}, kind: ${kind}, name: ${name}}\n` +
      `subjects: [{kind: ServiceAccount, name: ${subject}, namespace: ${options.subjectNamespace ?? 'tools'}}]\n`,
  ].join('---\n');
}

/** A kubernetes.io/service-account-token Secret for `owner` in tools. */
function tokenSecret(name: string, owner: string): string {
  return (
    `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/service-account-token\n` +
    `metadata: {name: ${name}, namespace: tools, annotations: {kubernetes.io/service-account.name: ${owner}}}\n`
  );
}

/** tools/admin-bot, cluster-admin, with a token Secret `admin-bot-token`. */
const ADMIN_BOT = [
  account('admin-bot'),
  `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: {name: admin-bot}\nroleRef: {apiGroup: ${RBAC}, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: admin-bot, namespace: tools}]\n`,
].join('---\n');

/** no-wildcard-privilege findings as `level kind name detail`, sorted, and their messages by detail. */
function check(...objects: string[]) {
  const { exitCode, findings: all } = checkManifest(objects.join('---\n'));
  const findings = all.filter((f) => f.ruleId === 'no-wildcard-privilege');
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.level} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort(),
    message: (detail: string) => findings.find((f) => f.detail === detail)?.message,
  };
}

const CONFIGMAP_UPDATE = '{apiGroups: [""], resources: [configmaps], verbs: [get, update], resourceNames: [aws-auth]}';

describe('writes to kube-system/aws-auth (rbac-police eks_modify_aws_auth)', () => {
  it('update on the named aws-auth in kube-system: aws-auth-write on the Role and its binding, advisory while nothing shows EKS', () => {
    const { exitCode, verdicts, message } = check(
      account('auth-editor', 'kube-system'),
      bound('Role', 'aws-auth-editor', CONFIGMAP_UPDATE, 'auth-editor', {
        namespace: 'kube-system',
        subjectNamespace: 'kube-system',
      }),
    );
    expect(verdicts).toEqual([
      'advisory Role aws-auth-editor Route::aws-auth-write',
      'advisory RoleBinding aws-auth-editor Role::aws-auth-editor/Route::aws-auth-write',
    ]);
    // The account has no owner or entitlement in the catalog: those findings block.
    expect(exitCode).toBe(1);
    expect(message('Role::aws-auth-editor/Route::aws-auth-write')).toBe(
      'aws-auth-editor binds auth-editor to aws-auth-editor in namespace kube-system, which grants writes to the ConfigMap kube-system/aws-auth: on EKS (authentication mode CONFIG_MAP or API_AND_CONFIG_MAP), and wherever aws-iam-authenticator reads it, mapping any IAM role or user into the group system:masters, which is cluster-admin (verbs "get", "update" on "configmaps" named "aws-auth") (advisory: nothing in this change shows an EKS cluster, such as an access entry, an aws-auth mapping, a Pod Identity association or an IRSA annotation): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list aws-auth-write in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });

  it('the same where an account of the change is annotated for IAM roles for service accounts (EKS): blocking', () => {
    const irsa = ', annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/app"}';
    const { verdicts, message } = check(
      account('auth-editor', 'kube-system'),
      account('app', 'tools', irsa),
      bound('Role', 'aws-auth-editor', CONFIGMAP_UPDATE, 'auth-editor', {
        namespace: 'kube-system',
        subjectNamespace: 'kube-system',
      }),
    );
    expect(verdicts).toEqual([
      'mandatory Role aws-auth-editor Route::aws-auth-write',
      'mandatory RoleBinding aws-auth-editor Role::aws-auth-editor/Route::aws-auth-write',
    ]);
    expect(message('Role::aws-auth-editor/Route::aws-auth-write')).toBe(
      'aws-auth-editor binds auth-editor to aws-auth-editor in namespace kube-system, which grants writes to the ConfigMap kube-system/aws-auth: on EKS (authentication mode CONFIG_MAP or API_AND_CONFIG_MAP), and wherever aws-iam-authenticator reads it, mapping any IAM role or user into the group system:masters, which is cluster-admin (verbs "get", "update" on "configmaps" named "aws-auth"): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list aws-auth-write in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });

  it('create on every ConfigMap cluster-wide creates aws-auth where there is none; another namespace, or another named ConfigMap, reaches none', () => {
    const { verdicts, message } = check(
      account('writer'),
      bound(
        'ClusterRole',
        'configmap-creator',
        '{apiGroups: [""], resources: [configmaps], verbs: [create]}',
        'writer',
      ),
    );
    expect(verdicts).toEqual([
      'advisory ClusterRole configmap-creator Route::aws-auth-write',
      'advisory ClusterRoleBinding configmap-creator Role::configmap-creator/Route::aws-auth-write',
    ]);
    expect(message('Route::aws-auth-write')).toBe(
      'ClusterRole configmap-creator cluster-wide grants creation of ConfigMaps in kube-system: creating aws-auth where the cluster has none yet (an EKS cluster whose nodes join through access entries, under authentication mode API_AND_CONFIG_MAP), mapping any IAM role or user into the group system:masters, which is cluster-admin (verbs "create" on "configmaps") (advisory: nothing in this change shows an EKS cluster, such as an access entry, an aws-auth mapping, a Pod Identity association or an IRSA annotation): a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list aws-auth-write in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
    // A Role in tools, a ClusterRole bound in tools only (since session 48, h153, the ClusterRole itself holds there
    // alone too: the change binds it only by that RoleBinding; before, it was judged cluster-wide), another named
    // ConfigMap of kube-system.
    expect(
      check(
        account('writer'),
        bound(
          'Role',
          'tools-configmaps',
          '{apiGroups: [""], resources: [configmaps], verbs: [update, create]}',
          'writer',
        ),
        bound('ClusterRole', 'any-configmaps', '{apiGroups: [""], resources: [configmaps], verbs: [patch]}', 'writer', {
          bindingNamespace: 'tools',
        }),
        bound(
          'Role',
          'status-configmap',
          '{apiGroups: [""], resources: [configmaps], verbs: [update], resourceNames: [cluster-autoscaler-status]}',
          'writer',
          { namespace: 'kube-system' },
        ),
      ).verdicts,
    ).toEqual([]);
  });
});

describe('token Secrets read in one namespace (rbac-police retrieve_token_secrets)', () => {
  const READ = '{apiGroups: [""], resources: [secrets], verbs: [get, list]}';

  it("get and list on secrets in tools read admin-bot's token Secret: admin-bot's cluster-admin, on the reader's binding", () => {
    const { verdicts, message } = check(
      ADMIN_BOT,
      tokenSecret('admin-bot-token', 'admin-bot'),
      account('reader'),
      bound('Role', 'secret-reader', READ, 'reader'),
    );
    expect(verdicts).toEqual([
      'mandatory ClusterRoleBinding admin-bot Role::cluster-admin',
      'mandatory RoleBinding secret-reader Role::secret-reader/Route::secrets-read/Account::tools/admin-bot',
    ]);
    expect(message('Role::secret-reader/Route::secrets-read/Account::tools/admin-bot')).toBe(
      "secret-reader binds reader to secret-reader in namespace tools, which reads Secrets there, among them the service-account token Secret admin-bot-token of tools/admin-bot (a token that never expires): whoever holds that token acts as the account, which holds cluster-admin (admin-bot); so does reader. Keep token requests and token Secret reads to the holder's own account, keep the account unprivileged, or create the account in the change so what it holds is judged; if reader does need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.",
    );
  });

  it("an account that mounts its token names the token it reaches through a role once, after the role's own power", () => {
    const mounting = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: reader, namespace: tools}\n';
    const { verdicts, message } = check(
      ADMIN_BOT,
      tokenSecret('admin-bot-token', 'admin-bot'),
      mounting,
      bound('Role', 'secret-reader', READ, 'reader'),
      bound('Role', 'anything', '{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}', 'reader'),
    );
    expect(verdicts).toEqual([
      'mandatory ClusterRoleBinding admin-bot Role::cluster-admin',
      'mandatory Role anything Route::wildcard',
      'mandatory RoleBinding anything Role::anything/Route::secrets-read/Account::tools/admin-bot',
      'mandatory RoleBinding anything Role::anything/Route::wildcard',
      'mandatory RoleBinding secret-reader Role::secret-reader/Route::secrets-read/Account::tools/admin-bot',
      'mandatory ServiceAccount reader Token::automount',
    ]);
    expect(message('Token::automount')).toBe(
      'Service account reader holds anything (anything), the token of tools/admin-bot through secret-reader (secret-reader) and anything (Route::secrets-read) and does not set automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
    );
  });

  it('a read named for that Secret reaches it too; another Secret, another namespace, or an unprivileged account does not', () => {
    expect(
      check(
        ADMIN_BOT,
        tokenSecret('admin-bot-token', 'admin-bot'),
        account('reader'),
        bound(
          'Role',
          'named-reader',
          '{apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [admin-bot-token]}',
          'reader',
        ),
      ).verdicts,
    ).toEqual([
      'mandatory ClusterRoleBinding admin-bot Role::cluster-admin',
      'mandatory RoleBinding named-reader Role::named-reader/Route::secrets-read/Account::tools/admin-bot',
    ]);
    expect(
      check(
        ADMIN_BOT,
        tokenSecret('admin-bot-token', 'admin-bot'),
        account('idle'),
        tokenSecret('idle-token', 'idle'),
        account('reader'),
        bound(
          'Role',
          'other-secret',
          '{apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [tls-cert]}',
          'reader',
        ),
        bound('Role', 'elsewhere', READ, 'reader', { namespace: 'web' }),
      ).verdicts,
    ).toEqual(['mandatory ClusterRoleBinding admin-bot Role::cluster-admin']);
  });
});

describe('tokens requested for named accounts (rbac-police token_request)', () => {
  const request = (name: string) =>
    `{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create], resourceNames: [${name}]}`;

  it("create on serviceaccounts/token named admin-bot: admin-bot's cluster-admin, on the requester's binding", () => {
    const { verdicts, message } = check(
      ADMIN_BOT,
      account('requester'),
      bound('Role', 'token-requester', request('admin-bot'), 'requester'),
    );
    expect(verdicts).toEqual([
      'mandatory ClusterRoleBinding admin-bot Role::cluster-admin',
      'mandatory RoleBinding token-requester Role::token-requester/Route::token-create/Account::tools/admin-bot',
    ]);
    expect(message('Role::token-requester/Route::token-create/Account::tools/admin-bot')).toBe(
      "token-requester binds requester to token-requester in namespace tools, which requests tokens for the service account tools/admin-bot by name (create on serviceaccounts/token): whoever holds that token acts as the account, which holds cluster-admin (admin-bot); so does requester. Keep token requests and token Secret reads to the holder's own account, keep the account unprivileged, or create the account in the change so what it holds is judged; if requester does need this, list token-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.",
    );
  });

  it("an account's own token, or one of an unprivileged account (calico-node's for calico-cni-plugin), is no route; an account the change does not show is", () => {
    expect(check(ADMIN_BOT, bound('Role', 'own-token', request('admin-bot'), 'admin-bot')).verdicts).toEqual([
      'mandatory ClusterRoleBinding admin-bot Role::cluster-admin',
    ]);
    expect(
      check(
        account('calico-node'),
        account('calico-cni-plugin'),
        bound('ClusterRole', 'calico-node', request('calico-cni-plugin'), 'calico-node'),
        bound(
          'ClusterRole',
          'calico-cni-plugin',
          '{apiGroups: [""], resources: [pods, nodes], verbs: [get]}',
          'calico-cni-plugin',
        ),
      ).verdicts,
    ).toEqual([]);
    const { verdicts, message } = check(
      account('calico-node'),
      bound('ClusterRole', 'calico-node', request('calico-cni-plugin'), 'calico-node'),
    );
    expect(verdicts).toEqual([
      'mandatory ClusterRoleBinding calico-node Role::calico-node/Route::token-create/Account::*/calico-cni-plugin',
    ]);
    expect(message('Role::calico-node/Route::token-create/Account::*/calico-cni-plugin')).toBe(
      "calico-node binds calico-node to calico-node cluster-wide (ClusterRoleBinding), which requests tokens for the service account calico-cni-plugin of every namespace by name (create on serviceaccounts/token): whoever holds that token acts as the account, which holds roles this change cannot show (it neither creates nor binds an account of that name); so does calico-node. Keep token requests and token Secret reads to the holder's own account, keep the account unprivileged, or create the account in the change so what it holds is judged; if calico-node does need this, list token-create in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.",
    );
  });
});
