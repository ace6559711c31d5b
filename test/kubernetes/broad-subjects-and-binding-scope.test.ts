/**
 * Who a Kubernetes binding reaches, and where (src/iam/kubernetes/rbac.ts broadSubject, widelyHeldOnly;
 * adapters/kubernetes/to-model.ts markNamespaceBoundClusterRoles; adapters/kubernetes/olm.ts OperatorGroups), as real
 * charts and operator bundles write them (session 48, h153):
 * - A role bound to a broad subject (every authenticated user, every service account of the cluster or of one
 *   namespace, the anonymous user) is held by each of them. Reading the secrets of a namespace is one workload's own
 *   business there, but every pod and user of the cluster reading them is a route: before, a Role reading secrets
 *   bound to system:authenticated or system:serviceaccounts:<ns> passed. Routes it already held are said to be theirs.
 * - A ClusterRole the change binds only through RoleBindings holds in those namespaces alone, as a Role would: before,
 *   its definition was judged cluster-wide (kube-state-metrics' or a metrics exporter's reader of secrets, bound per
 *   namespace, read as "reading secrets in every namespace"). One the change binds cluster-wide too, or not at all, or
 *   that another ClusterRole may aggregate, keeps that verdict.
 * - An OLM OperatorGroup of the change that names its target namespaces keeps a CSV's `permissions` a Role and
 *   RoleBinding there and in the CSV's namespace, as OLM does; before, any CSV that may be installed for every
 *   namespace had them read cluster-wide, and a target namespace (kube-system) was never judged.
 * Through the CLI on manifests (no catalog) and a Pulumi program's resources.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import { checkManifest } from '../support/check-manifest.js';

const RBAC = 'rbac.authorization.k8s.io';
const SECRETS_READ = '{apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}';
const CONFIG_READ = '{apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}';
const EXEC = '{apiGroups: [""], resources: [pods/exec], verbs: [create]}';

const role = (kind: 'Role' | 'ClusterRole', name: string, rule: string, namespace = 'apps', labels = '') =>
  `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${kind === 'Role' ? `, namespace: ${namespace}` : ''}${labels}}\nrules: [${rule}]\n---\n`;
const subject = (kind: string, name: string, namespace?: string) =>
  kind === 'ServiceAccount'
    ? `{kind: ServiceAccount, name: ${name}, namespace: ${namespace ?? 'apps'}}`
    : `{kind: ${kind}, name: "${name}", apiGroup: ${RBAC}}`;
const binding = (
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  roleKind: 'Role' | 'ClusterRole',
  roleName: string,
  subjects: string,
  namespace = 'apps',
) =>
  `apiVersion: ${RBAC}/v1\nkind: ${kind}\nmetadata: {name: ${name}${kind === 'RoleBinding' ? `, namespace: ${namespace}` : ''}}\nroleRef: {apiGroup: ${RBAC}, kind: ${roleKind}, name: ${roleName}}\nsubjects: [${subjects}]\n---\n`;

/** No-wildcard-privilege findings as `kind name detail`, sorted, and their messages by detail. */
function check(manifest: string) {
  const { exitCode, findings } = checkManifest(manifest);
  const wildcard = findings.filter((f) => f.ruleId === 'no-wildcard-privilege');
  return {
    exitCode,
    verdicts: wildcard.map((f) => `${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`).sort(),
    messages: Object.fromEntries(wildcard.map((f) => [`${f.resource.name} ${f.detail}`, f.message])),
  };
}

const ROUTE_TAIL = (route: string) =>
  `: enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list ${route} in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.`;
const NAMESPACE_SECRETS =
  'reading every secret of the namespace: its service-account token Secrets and its workloads\' credentials (verbs "get", "list", "watch" on "secrets")';

describe('a role bound to a broad subject is held by each of its holders', () => {
  const reader = role('Role', 'reader', SECRETS_READ);
  it.each([
    ['Group', 'system:authenticated', 'every user and service account the API server authenticates', []],
    ['Group', 'system:serviceaccounts', 'every service account of every namespace', []],
    ['Group', 'system:serviceaccounts:apps', 'every service account of namespace apps', []],
    [
      'Group',
      'system:unauthenticated',
      'anyone who can reach the API server, without signing in',
      ['Member::system:unauthenticated'],
    ],
    [
      'User',
      'system:anonymous',
      'anyone who can reach the API server, without signing in',
      ['Member::system:anonymous'],
    ],
  ])(
    "a Role reading its namespace's secrets, bound by a RoleBinding to %s %s, is secrets-read on the binding",
    (kind, name, who, public_) => {
      const { exitCode, verdicts, messages } = check(
        reader + binding('RoleBinding', 'readers', 'Role', 'reader', subject(kind, name)),
      );
      expect({ exitCode, verdicts }).toEqual({
        exitCode: 1,
        verdicts: [
          ...public_.map((detail) => `RoleBinding readers ${detail}`),
          'RoleBinding readers Role::reader/Route::secrets-read',
        ].sort(),
      });
      expect(messages['readers Role::reader/Route::secrets-read']).toBe(
        `readers binds ${kind} ${name} to reader in namespace apps, which grants ${NAMESPACE_SECRETS}, to ${who}${ROUTE_TAIL('secrets-read')}`,
      );
    },
  );

  it('the same Role bound to one service account, or to a group of people, is no route: it reads its own namespace', () => {
    expect(
      check(
        reader +
          binding('RoleBinding', 'app-reads', 'Role', 'reader', subject('ServiceAccount', 'app')) +
          binding('RoleBinding', 'oncall-reads', 'Role', 'reader', subject('Group', 'payments-oncall')),
      ).verdicts,
    ).toEqual([]);
  });

  it('a Role that reads only ConfigMaps, bound to every authenticated user, is no route (a chart publishing its settings)', () => {
    expect(
      check(
        role('Role', 'info', CONFIG_READ) +
          binding('RoleBinding', 'info', 'Role', 'info', subject('Group', 'system:authenticated')),
      ),
    ).toEqual({ exitCode: 0, verdicts: [], messages: {} });
  });

  it('a ClusterRole reading secrets, bound by a RoleBinding to the service accounts of a namespace: the binding, not the definition', () => {
    const { verdicts, messages } = check(
      role('ClusterRole', 'secret-reader', SECRETS_READ) +
        binding(
          'RoleBinding',
          'apps-accounts-read',
          'ClusterRole',
          'secret-reader',
          subject('Group', 'system:serviceaccounts:apps'),
        ),
    );
    expect(verdicts).toEqual(['RoleBinding apps-accounts-read Role::secret-reader/Route::secrets-read']);
    expect(messages['apps-accounts-read Role::secret-reader/Route::secrets-read']).toBe(
      `apps-accounts-read binds Group system:serviceaccounts:apps to secret-reader in namespace apps, which grants ${NAMESPACE_SECRETS}, to every service account of namespace apps${ROUTE_TAIL('secrets-read')}`,
    );
  });

  it('a ClusterRole reading secrets, bound by a ClusterRoleBinding to every authenticated user: every namespace, said to be theirs', () => {
    const { verdicts, messages } = check(
      role('ClusterRole', 'secret-reader', SECRETS_READ) +
        binding(
          'ClusterRoleBinding',
          'everyone-reads',
          'ClusterRole',
          'secret-reader',
          subject('Group', 'system:authenticated'),
        ),
    );
    expect(verdicts).toEqual([
      'ClusterRole secret-reader Route::secrets-read',
      'ClusterRoleBinding everyone-reads Role::secret-reader/Route::secrets-read',
    ]);
    expect(messages['everyone-reads Role::secret-reader/Route::secrets-read']).toBe(
      'everyone-reads binds Group system:authenticated to secret-reader cluster-wide (ClusterRoleBinding), which grants reading secrets in every namespace (verbs "get", "list", "watch" on "secrets"), to every user and service account the API server authenticates' +
        ROUTE_TAIL('secrets-read'),
    );
  });

  it("a route the role holds anyway (exec into pods) is said to be every service account's", () => {
    const { verdicts, messages } = check(
      role('Role', 'execer', EXEC) +
        binding('RoleBinding', 'all-exec', 'Role', 'execer', subject('Group', 'system:serviceaccounts')),
    );
    expect(verdicts).toEqual(['Role execer Route::pod-exec', 'RoleBinding all-exec Role::execer/Route::pod-exec']);
    expect(messages['all-exec Role::execer/Route::pod-exec']).toBe(
      'all-exec binds Group system:serviceaccounts to execer in namespace apps, which grants exec into pods, adding ephemeral containers to them, or changing a running pod\'s container images: acting with the token and data of any pod it reaches (verbs "create" on "pods/exec"), to every service account of every namespace' +
        ROUTE_TAIL('pod-exec'),
    );
  });
});

describe('a ClusterRole the change binds only through RoleBindings holds in their namespaces', () => {
  const reader = role('ClusterRole', 'metrics-reader', `${SECRETS_READ}, ${CONFIG_READ}`);
  const perNamespace = ['team-a', 'team-b']
    .map((namespace) =>
      binding(
        'RoleBinding',
        'exporter-reads',
        'ClusterRole',
        'metrics-reader',
        subject('ServiceAccount', 'exporter', 'monitoring'),
        namespace,
      ),
    )
    .join('');

  it("reading secrets, bound per namespace to one exporter's account, is no route on the definition or the bindings", () => {
    expect(check(reader + perNamespace).verdicts).toEqual([]);
  });

  it('bound by a ClusterRoleBinding as well, it is judged cluster-wide, definition and binding', () => {
    expect(
      check(
        reader +
          perNamespace +
          binding(
            'ClusterRoleBinding',
            'exporter-reads-all',
            'ClusterRole',
            'metrics-reader',
            subject('ServiceAccount', 'exporter', 'monitoring'),
          ),
      ).verdicts,
    ).toEqual([
      'ClusterRole metrics-reader Route::secrets-read',
      'ClusterRoleBinding exporter-reads-all Role::metrics-reader/Route::secrets-read',
    ]);
  });

  it('the audit lists what the definition grants as the rule judges it: nothing where it is bound only per namespace', () => {
    const grantsOf = (manifest: string) => {
      const model = modelFromKubernetesObjects(parseManifests(manifest, 'app.yaml'));
      const now = new Date('2026-06-01T00:00:00Z');
      const catalog = defaultCatalog();
      const audit = buildAudit(model, evaluate(model, { catalog, now }), catalog, now);
      return audit.definitions?.map(
        (definition) => `${definition.name} ${definition.grants.map((g) => g.category).join(',')}`,
      );
    };
    expect(grantsOf(reader + perNamespace)).toEqual(['metrics-reader ']);
    expect(grantsOf(reader)).toEqual(['metrics-reader route secrets-read']);
  });

  it('not bound by the change, it keeps the cluster-wide verdict: it is bound from elsewhere, or later', () => {
    expect(check(reader).verdicts).toEqual(['ClusterRole metrics-reader Route::secrets-read']);
  });

  it('bound by a RoleBinding that writes no namespace (applied wherever `kubectl apply -n` says), it keeps it too', () => {
    const unplaced = binding(
      'RoleBinding',
      'exporter-reads',
      'ClusterRole',
      'metrics-reader',
      subject('ServiceAccount', 'exporter', 'monitoring'),
    ).replace(', namespace: apps}', '}');
    expect(unplaced).not.toContain('namespace: apps');
    expect(check(reader + unplaced).verdicts).toEqual(['ClusterRole metrics-reader Route::secrets-read']);
  });

  it('aggregated into view (its label), it keeps the cluster-wide verdict: whoever holds view holds it, anywhere', () => {
    const labelled = role(
      'ClusterRole',
      'metrics-reader',
      SECRETS_READ,
      'apps',
      ', labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}',
    );
    expect(check(labelled + perNamespace).verdicts).toEqual(['ClusterRole metrics-reader Route::secrets-read']);
  });

  it('a route of one namespace holds where it is bound: ConfigMap writes reach aws-auth in kube-system only', () => {
    const writer = role('ClusterRole', 'config-writer', '{apiGroups: [""], resources: [configmaps], verbs: [update]}');
    const bound = (namespace: string) =>
      binding(
        'RoleBinding',
        'exporter-writes',
        'ClusterRole',
        'config-writer',
        subject('ServiceAccount', 'exporter', 'monitoring'),
        namespace,
      );
    expect(check(writer + bound('apps')).verdicts).toEqual([]);
    const { verdicts, messages } = check(writer + bound('apps') + bound('kube-system'));
    expect(verdicts).toEqual([
      'ClusterRole config-writer Route::aws-auth-write',
      'RoleBinding exporter-writes Role::config-writer/Route::aws-auth-write',
    ]);
    expect(messages['config-writer Route::aws-auth-write']).toMatch(
      /^ClusterRole config-writer bound only by RoleBindings in namespaces apps, kube-system grants writes to ConfigMaps in kube-system, aws-auth among them: /,
    );
  });
});

/** A CSV in namespace `widgets` whose `permissions` read secrets, and ConfigMap writes where `rule` says. */
function csv(installModes: string, rule = SECRETS_READ): string {
  return [
    'apiVersion: operators.coreos.com/v1alpha1',
    'kind: ClusterServiceVersion',
    'metadata: {name: widget.v1, namespace: widgets}',
    'spec:',
    `  installModes: ${installModes}`,
    '  install:',
    '    strategy: deployment',
    '    spec:',
    '      permissions:',
    '        - serviceAccountName: widget',
    `          rules: [${rule}]`,
    '---',
    '',
  ].join('\n');
}
const operatorGroup = (spec: string) =>
  `apiVersion: operators.coreos.com/v1\nkind: OperatorGroup\nmetadata: {name: widgets, namespace: widgets}\nspec: ${spec}\n---\n`;
const EVERY_MODE =
  '[{type: OwnNamespace, supported: true}, {type: SingleNamespace, supported: true}, {type: MultiNamespace, supported: true}, {type: AllNamespaces, supported: true}]';
const SINGLE_NAMESPACE =
  '[{type: OwnNamespace, supported: true}, {type: SingleNamespace, supported: true}, {type: AllNamespaces, supported: false}]';
const LIFTED = [
  'ClusterServiceVersion widget.v1 Role::widget.v1:permissions:0/Route::secrets-read',
  'ClusterServiceVersion widget.v1 Route::secrets-read',
  'ClusterServiceVersion widget.v1 Token::automount',
];

describe("an OLM OperatorGroup of the change decides where a CSV's permissions hold", () => {
  it('targeting its own namespace: a Role there, so reading its secrets is no route (before: lifted cluster-wide)', () => {
    expect(check(csv(EVERY_MODE) + operatorGroup('{targetNamespaces: [widgets]}')).verdicts).toEqual([]);
  });

  it('targeting kube-system: the Role OLM copies there writes aws-auth (before: judged in the CSV namespace only)', () => {
    const writes = '{apiGroups: [""], resources: [configmaps], verbs: [update]}';
    expect(check(csv(SINGLE_NAMESPACE, writes)).verdicts).toEqual([]);
    expect(check(csv(SINGLE_NAMESPACE, writes) + operatorGroup('{targetNamespaces: [kube-system]}')).verdicts).toEqual([
      'ClusterServiceVersion widget.v1 Role::widget.v1:permissions:0/Route::aws-auth-write',
      'ClusterServiceVersion widget.v1 Route::aws-auth-write',
      'ClusterServiceVersion widget.v1 Token::automount',
    ]);
  });

  it('targeting every namespace (no targetNamespaces, no selector), by a label selector, or with a second group: as without one', () => {
    expect(check(csv(EVERY_MODE)).verdicts).toEqual(LIFTED);
    expect(check(csv(EVERY_MODE) + operatorGroup('{}')).verdicts).toEqual(LIFTED);
    expect(check(csv(EVERY_MODE) + operatorGroup('{selector: {matchLabels: {team: widgets}}}')).verdicts).toEqual(
      LIFTED,
    );
    const second = operatorGroup('{targetNamespaces: [widgets]}').replace('name: widgets,', 'name: other,');
    expect(check(csv(EVERY_MODE) + operatorGroup('{targetNamespaces: [widgets]}') + second).verdicts).toEqual(LIFTED);
  });
});

describe('the same through a Pulumi program (@pulumi/kubernetes resources, onto the same adapter)', () => {
  const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
  const K8S = 'kubernetes:rbac.authorization.k8s.io/v1';
  const resource = (type: string, name: string, props: Record<string, unknown>): PulumiResource => ({
    type: `${K8S}:${type}`,
    name,
    urn: `urn:pulumi:dev::apps::${K8S}:${type}::${name}`,
    props,
  });
  const secretsRead = [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }];
  const rb = (name: string, roleKind: string, roleName: string, subjects: unknown[], namespace: unknown) =>
    resource('RoleBinding', name, {
      metadata: { name, namespace },
      roleRef: { apiGroup: RBAC, kind: roleKind, name: roleName },
      subjects,
    });
  const verdicts = (resources: PulumiResource[]) =>
    evaluate(modelFromPulumiResources(resources), { catalog: defaultCatalog(), now: new Date('2026-06-01T00:00:00Z') })
      .findings.filter((finding: Finding) => finding.ruleId === 'no-wildcard-privilege')
      .map((finding: Finding) => `${finding.resource.name} ${finding.detail ?? ''}${finding.pending ? ' pending' : ''}`)
      .sort();

  it('a Role reading secrets bound to every authenticated user is secrets-read on the binding', () => {
    expect(
      verdicts([
        resource('Role', 'reader', { metadata: { name: 'reader', namespace: 'apps' }, rules: secretsRead }),
        rb('readers', 'Role', 'reader', [{ kind: 'Group', name: 'system:authenticated', apiGroup: RBAC }], 'apps'),
      ]),
    ).toEqual(['readers Role::reader/Route::secrets-read']);
  });

  it('a ClusterRole bound by a RoleBinding holds in its namespace, unless that namespace is known only at apply', () => {
    const account = [{ kind: 'ServiceAccount', name: 'exporter', namespace: 'monitoring' }];
    const clusterRole = resource('ClusterRole', 'metrics-reader', {
      metadata: { name: 'metrics-reader' },
      rules: secretsRead,
    });
    expect(verdicts([clusterRole, rb('exporter-reads', 'ClusterRole', 'metrics-reader', account, 'team-a')])).toEqual(
      [],
    );
    expect(verdicts([clusterRole, rb('exporter-reads', 'ClusterRole', 'metrics-reader', account, UNKNOWN)])).toEqual([
      'metrics-reader Route::secrets-read',
    ]);
  });
});
