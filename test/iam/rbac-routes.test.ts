/**
 * Kubernetes RBAC routes and Azure privileges as properties on generated rules: a wider rule never reaches fewer
 * routes, `*` reaches whatever any value reaches, naming objects only narrows; label selectors as the API server reads
 * them; Azure notActions only ever remove privileges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { azurePrivileges } from '../../src/iam/azure/roles.js';
import { labelSelectorMatches, rbacIssues, roleRoutes } from '../../src/iam/kubernetes/rbac.js';
import type { RolePermission } from '../../src/model/model.js';

const GROUPS = [
  '',
  'rbac.authorization.k8s.io',
  'admissionregistration.k8s.io',
  'certificates.k8s.io',
  'apps',
  'batch',
  'example.com',
  '*',
];
const RESOURCES = [
  'pods',
  'pods/exec',
  'pods/log',
  'secrets',
  'roles',
  'clusterroles',
  'nodes/proxy',
  'serviceaccounts',
  'serviceaccounts/token',
  'mutatingwebhookconfigurations',
  'certificatesigningrequests/approval',
  'pods/ephemeralcontainers',
  'persistentvolumes',
  'namespaces',
  'deployments',
  'jobs',
  'cronjobs',
  'widgets',
  '*',
];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'bind', 'escalate', 'impersonate', '*'];
const subset = (values: string[]) => fc.subarray(values, { minLength: 1 });
const rule = fc.record({ apiGroups: subset(GROUPS), resources: subset(RESOURCES), verbs: subset(VERBS) });
const routes = (permission: RolePermission, clusterWide: boolean) =>
  new Set(rbacIssues(permission, clusterWide).map((issue) => issue.route));
const covers = (wider: Set<string>, narrower: Set<string>) =>
  wider.has('wildcard') || [...narrower].every((route) => wider.has(route));

describe('Kubernetes RBAC routes', () => {
  it('a rule with more verbs, resources or groups reaches every route the narrower one reaches', () => {
    fc.assert(
      fc.property(rule, rule, fc.boolean(), (a, b, clusterWide) => {
        const union = {
          apiGroups: [...new Set([...a.apiGroups, ...b.apiGroups])],
          resources: [...new Set([...a.resources, ...b.resources])],
          verbs: [...new Set([...a.verbs, ...b.verbs])],
        };
        expect(covers(routes(union, clusterWide), routes(a, clusterWide))).toBe(true);
      }),
    );
  });

  it('"*" in any field reaches whatever a named value there reaches', () => {
    fc.assert(
      fc.property(
        rule,
        fc.constantFrom('apiGroups', 'resources', 'verbs') as fc.Arbitrary<'apiGroups' | 'resources' | 'verbs'>,
        fc.boolean(),
        (r, field, clusterWide) => {
          expect(covers(routes({ ...r, [field]: ['*'] }, clusterWide), routes(r, clusterWide))).toBe(true);
        },
      ),
    );
  });

  it('naming objects (resourceNames) only narrows, and a ClusterRole reaches what a Role reaches', () => {
    fc.assert(
      fc.property(rule, (r) => {
        expect(covers(routes(r, false), routes({ ...r, resourceNames: ['one'] }, false))).toBe(true);
        expect(covers(routes(r, true), routes(r, false))).toBe(true);
      }),
    );
  });

  it("update or patch on pods reaches pod-exec (a pod update may change its containers' images); create on pods is pod-create", () => {
    const reached = (verbs: string[]) =>
      rbacIssues({ apiGroups: [''], resources: ['pods'], verbs }, false).map((issue) => issue.route);
    expect(reached(['update'])).toEqual(['pod-exec']);
    expect(reached(['patch'])).toEqual(['pod-exec']);
    expect(reached(['create'])).toEqual(['pod-create']);
    expect(reached(['*'])).toEqual(['pod-create', 'pod-exec']);
    expect(reached(['get', 'list', 'watch', 'delete'])).toEqual([]);
  });

  it('narrow rules reach nothing', () => {
    expect(rbacIssues({ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }, false)).toEqual([]);
    expect(
      rbacIssues({ apiGroups: [''], resources: ['pods/log', 'pods/status'], verbs: ['get', 'patch'] }, false),
    ).toEqual([]);
    expect(rbacIssues({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }, false)).toEqual([]);
    expect(rbacIssues({ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['*'] }, true)).toEqual([]);
    expect(
      rbacIssues(
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'], verbs: ['bind', 'escalate'] },
        true,
      ),
    ).toEqual([]);
  });
});

describe('"*/subresource" resources, as the RBAC authorizer matches them', () => {
  const reached = (resources: string[], verbs: string[], apiGroups: string[]) =>
    rbacIssues({ apiGroups, resources, verbs }, true).map((issue) => issue.route);

  it('"*/approval", "*/exec", "*/proxy" and "*/token" reach the subresource of every resource', () => {
    // checkov's CKV_K8S_156 fixture clusterrole-failed-3.yaml: update on "*/approval", with approve on signers (since
    // session 43 the approval needs both: the CertificateApproval admission plugin checks approve on the signer).
    expect(reached(['*/approval', 'signers'], ['update', 'approve'], ['certificates.k8s.io'])).toEqual([
      'csr-approval',
    ]);
    expect(reached(['*/exec'], ['create'], [''])).toEqual(['pod-exec']);
    expect(reached(['*/attach'], ['get'], [''])).toEqual(['pod-exec']);
    expect(reached(['*/proxy'], ['get'], [''])).toEqual(['nodes-proxy']);
    expect(reached(['*/token'], ['create'], [''])).toEqual(['token-create']);
  });

  it('a user extra of impersonation is reached by its own resource ("userextras/scopes"), not by the bare "userextras"', () => {
    expect(reached(['userextras/scopes'], ['impersonate'], ['authentication.k8s.io'])).toEqual(['impersonate']);
    expect(reached(['userextras'], ['impersonate'], ['authentication.k8s.io'])).toEqual([]);
  });

  it('"*/<subresource>" reaches nothing a resource without that subresource needs, nor another subresource', () => {
    expect(reached(['*/status'], ['*'], ['*'])).toEqual([]);
    expect(reached(['*/exec'], ['get', 'list'], ['certificates.k8s.io'])).toEqual([]);
    expect(reached(['pods/*'], ['create'], [''])).toEqual([]);
  });

  it('"*/<subresource>" reaches whatever "<resource>/<subresource>" reaches', () => {
    const withSubresource = RESOURCES.filter((resource) => resource.includes('/'));
    fc.assert(
      fc.property(rule, fc.constantFrom(...withSubresource), fc.boolean(), (r, resource, clusterWide) => {
        const named = { ...r, resources: [resource] };
        const every = { ...r, resources: [`*/${resource.split('/')[1]}`] };
        expect(routes(every, clusterWide)).toEqual(routes(named, clusterWide));
      }),
    );
  });
});

describe('aggregation label selectors', () => {
  it('matchLabels and matchExpressions as the API server reads them; an empty selector selects nothing', () => {
    const labels = { tier: 'ops', 'aggregate-to-ops': 'true' };
    expect(labelSelectorMatches({ matchLabels: { 'aggregate-to-ops': 'true' } }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { 'aggregate-to-ops': 'false' } }, labels)).toBe(false);
    expect(
      labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['ops', 'dev'] }] }, labels),
    ).toBe(true);
    expect(
      labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['ops'] }] }, labels),
    ).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'owner', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Sometimes' }] }, labels)).toBe(false);
    expect(labelSelectorMatches({}, labels)).toBe(false);
  });
});

describe('Azure privileges', () => {
  const ACTIONS = [
    '*',
    '*/read',
    'Microsoft.Authorization/*',
    'Microsoft.Authorization/roleAssignments/write',
    'Microsoft.Storage/storageAccounts/*',
    'Microsoft.Storage/storageAccounts/listKeys/action',
    'Microsoft.KeyVault/vaults/*',
    'Microsoft.Compute/virtualMachines/read',
  ];
  const NOT = [
    'Microsoft.Authorization/*/Write',
    'Microsoft.Storage/storageAccounts/listkeys/action',
    'Microsoft.KeyVault/*',
  ];
  it('notActions only remove privileges, and case does not matter', () => {
    fc.assert(
      fc.property(fc.subarray(ACTIONS, { minLength: 1 }), fc.subarray(NOT), (actions, notActions) => {
        const without = new Set(azurePrivileges([{ actions }]).map((p) => p.category));
        const withNot = azurePrivileges([{ actions, notActions }]).map((p) => p.category);
        for (const category of withNot)
          if (category !== 'role-assignment' || !without.has('all-actions')) expect(without.has(category)).toBe(true);
        expect(azurePrivileges([{ actions: actions.map((a) => a.toUpperCase()) }]).map((p) => p.category)).toEqual([
          ...without,
        ]);
      }),
    );
  });
});

describe('rules limited to named objects (resourceNames) reach what those objects give', () => {
  const reached = (rule: RolePermission, clusterWide = false) =>
    rbacIssues(rule, clusterWide).map((issue) => `${issue.route}: ${issue.what}`);
  const named = (resources: string[], verbs: string[], apiGroups = [''], clusterWide = false) =>
    rbacIssues({ apiGroups, resources, verbs, resourceNames: ['web-0'] }, clusterWide).map((issue) => issue.route);

  it('exec or attach into a named pod, an ephemeral container in it, or a new image for it: pod-exec, naming the pod', () => {
    // Until session 42 a named pod reached no route: exec into it runs as its service account, with its volumes.
    expect(named(['pods/exec'], ['create'])).toEqual(['pod-exec']);
    expect(named(['pods/attach'], ['get'])).toEqual(['pod-exec']);
    expect(named(['pods/ephemeralcontainers'], ['patch'])).toEqual(['pod-exec']);
    expect(named(['pods'], ['get', 'update'])).toEqual(['pod-exec']);
    expect(named(['*/exec'], ['*'])).toEqual(['pod-exec']);
    expect(reached({ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'], resourceNames: ['web-0'] })).toEqual(
      [
        'pod-exec: exec into the named pods, adding ephemeral containers to them, or changing their container images: ' +
          'acting with the token and data of whatever service account and volumes those pods (or any later pod of that ' +
          'name) have (verbs "create" on "pods/exec" named "web-0")',
      ],
    );
  });

  it("rewriting a named workload's pod template is pod creation: the template names any account of the namespace", () => {
    expect(named(['deployments'], ['patch'], ['apps'])).toEqual(['pod-create']);
    expect(named(['daemonsets', 'statefulsets'], ['update'], ['apps'])).toEqual(['pod-create']);
    expect(named(['cronjobs'], ['patch'], ['batch'])).toEqual(['pod-create']);
    expect(named(['replicationcontrollers'], ['update'])).toEqual(['pod-create']);
  });

  it("the kubelet API of a named node runs commands in that node's pods: nodes-proxy, where the grant reaches nodes", () => {
    expect(named(['nodes/proxy'], ['get'], [''], true)).toEqual(['nodes-proxy']);
    expect(named(['nodes/proxy'], ['create'], [''], true)).toEqual(['nodes-proxy']);
    // Nodes are cluster-scoped: a Role, or a ClusterRole a RoleBinding binds in one namespace, grants nothing on them.
    expect(named(['nodes/proxy'], ['get'])).toEqual([]);
  });

  it("a named pod's new image folds into the same role's pod-create (that pod runs as an account creating a pod names), naming the pod", () => {
    const patchNamed: RolePermission = {
      apiGroups: [''],
      resources: ['pods'],
      verbs: ['patch'],
      resourceNames: ['web-0'],
    };
    const createPods: RolePermission = { apiGroups: [''], resources: ['pods'], verbs: ['create'] };
    expect(roleRoutes([patchNamed], false).map((issue) => issue.route)).toEqual(['pod-exec']);
    const folded = roleRoutes([createPods, patchNamed], false);
    expect(folded.map((issue) => issue.route)).toEqual(['pod-create']);
    expect(folded[0]?.what).toContain('(verbs "patch" on "pods" named "web-0")');
    // Exec into the named pod is not folded: it reaches the running process, which creating a pod does not.
    const exec: RolePermission = {
      apiGroups: [''],
      resources: ['pods/exec'],
      verbs: ['create'],
      resourceNames: ['web-0'],
    };
    expect(roleRoutes([createPods, exec], false).map((issue) => issue.route)).toEqual(['pod-create', 'pod-exec']);
  });

  it('approving one named certificate signing request approves whatever its creator asks for: csr-approval', () => {
    // Since session 43 with `approve` on the signer as well, which the CertificateApproval admission plugin requires.
    expect(
      named(['certificatesigningrequests/approval', 'signers'], ['update', 'approve'], ['certificates.k8s.io']),
    ).toEqual(['csr-approval']);
  });

  it('guard: a name limits no create of a whole object (RBAC has no name at create), nor reading one secret, nor deleting one pod', () => {
    expect(named(['pods'], ['create'])).toEqual([]);
    expect(named(['jobs'], ['create', 'patch'], ['batch'])).toEqual([]);
    expect(named(['deployments'], ['create', 'get', 'delete'], ['apps'])).toEqual([]);
    expect(named(['pods'], ['get', 'list', 'watch', 'delete'])).toEqual([]);
    expect(named(['pods/log', 'pods/status'], ['get', 'patch'])).toEqual([]);
    expect(
      rbacIssues({ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['tls'] }, true),
    ).toEqual([]);
  });
});

describe('CSR approval needs the approval subresource and `approve` on the signer, in one rule or two', () => {
  const CERTS = ['certificates.k8s.io'];
  const approval: RolePermission = {
    apiGroups: CERTS,
    resources: ['certificatesigningrequests/approval'],
    verbs: ['update'],
  };
  const signers: RolePermission = { apiGroups: CERTS, resources: ['signers'], verbs: ['approve'] };
  const routesOf = (rules: RolePermission[]) => roleRoutes(rules, true).map((issue) => issue.route);

  it('invalid: update on the approval subresource with approve on the signers, in two rules (named signers too) or one', () => {
    expect(routesOf([approval, signers])).toEqual(['csr-approval']);
    expect(routesOf([approval, { ...signers, resourceNames: ['kubernetes.io/kube-apiserver-client'] }])).toEqual([
      'csr-approval',
    ]);
    expect(routesOf([{ apiGroups: CERTS, resources: ['*'], verbs: ['*'] }])).toEqual(['csr-approval']);
    const joined = roleRoutes([approval, signers], true)[0];
    expect(joined?.what).toBe(
      'approval of certificate signing requests: client certificates for any user or group a signer issues (verbs ' +
        '"update" on "certificatesigningrequests/approval"; verbs "approve" on "signers")',
    );
  });

  it('valid: update or patch on the approval subresource without approve on any signer approves nothing', () => {
    // The CertificateApproval admission plugin refuses it; argo-cd's argocd-server holds `patch` on every resource.
    expect(routesOf([approval])).toEqual([]);
    expect(routesOf([{ apiGroups: CERTS, resources: ['*'], verbs: ['delete', 'get', 'patch'] }])).toEqual([]);
    expect(routesOf([{ apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'get', 'patch'] }])).not.toContain(
      'csr-approval',
    );
    // And approve on signers alone changes no request.
    expect(routesOf([signers])).toEqual([]);
  });
});
