import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../../src/adapters/kubernetes/to-model.js';

const model = (yaml: string) => modelFromKubernetesObjects(parseManifests(yaml, 'app.yaml'));
const account = (name: string, extra = '') =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: payments\n${extra}---\n`;

describe('Kubernetes objects to the model', () => {
  it('a service account is an identity named as RBAC names it, with labels and annotations as tags, mounting its token unless told not to', () => {
    const result = model(
      account('payments-api', '  labels: {owner: team-payments}\n  annotations: {identity-class: workload}\n') +
        account('quiet', 'automountServiceAccountToken: false\n'),
    );
    expect(
      result.identities.map(({ id, kind, name, arn, tags, automountToken, cloud }) => ({
        id,
        kind,
        name,
        arn,
        tags,
        automountToken,
        cloud,
      })),
    ).toEqual([
      {
        id: 'app.yaml#ServiceAccount/payments/payments-api',
        cloud: 'kubernetes',
        kind: 'k8s-service-account',
        name: 'payments-api',
        arn: 'system:serviceaccount:payments:payments-api',
        tags: { owner: 'team-payments', 'identity-class': 'workload' },
        automountToken: true,
      },
      {
        id: 'app.yaml#ServiceAccount/payments/quiet',
        cloud: 'kubernetes',
        kind: 'k8s-service-account',
        name: 'quiet',
        arn: 'system:serviceaccount:payments:quiet',
        tags: {},
        automountToken: false,
      },
    ]);
  });

  it('bindings become role grants with the scope of the binding and the rules of a role the change defines', () => {
    const result = model(
      account('deployer') +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: payments}\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get]\n---\n' +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: deployer-reader, namespace: payments}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: deployer}]\n---\n' +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: deployer-admin}\nroleRef: {kind: ClusterRole, name: cluster-admin}\nsubjects:\n  - {kind: ServiceAccount, name: deployer, namespace: payments}\n  - {kind: Group, name: "system:authenticated"}\n  - {kind: ServiceAccount, name: default, namespace: kube-system}\n',
    );
    const [deployer] = result.identities;
    expect(deployer!.grants).toEqual([
      {
        kind: 'role',
        cloud: 'kubernetes',
        source: {
          type: 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding',
          name: 'deployer-reader',
          file: 'app.yaml',
          location: 'k8s:payments/RoleBinding/deployer-reader',
        },
        role: 'reader',
        scope: 'namespace/payments',
        scopeLevel: 'namespace',
        permissions: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
      },
      {
        kind: 'role',
        cloud: 'kubernetes',
        source: {
          type: 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding',
          name: 'deployer-admin',
          file: 'app.yaml',
          location: 'k8s:ClusterRoleBinding/deployer-admin',
        },
        role: 'cluster-admin',
        scope: 'cluster',
        scopeLevel: 'cluster',
        // Kubernetes' default role, with its rules from data/kubernetes-default-roles.json.
        permissions: [
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
          { nonResourceURLs: ['*'], verbs: ['*'] },
        ],
        kubernetesDefault: 'default',
      },
    ]);
    // A group the change does not create keeps its grant, named as the binding names it; a service account the change
    // does not create is an external identity holding it, which a catalog record of that account can hold to its entitlements.
    expect(
      result.externalRoleGrants?.map(({ member, grant }) => `${member}: ${String(grant.role)}@${String(grant.scope)}`),
    ).toEqual(['Group system:authenticated: cluster-admin@cluster']);
    const outside = result.identities.find((identity) => identity.arn === 'system:serviceaccount:kube-system:default');
    expect(
      outside && [
        outside.external,
        outside.name,
        outside.resource.name,
        outside.grants.map((grant) =>
          grant.kind === 'role' ? `${String(grant.role)}@${String(grant.scope)}` : grant.kind,
        ),
      ],
    ).toEqual([true, 'default', 'deployer-admin', ['cluster-admin@cluster']]);
  });

  it('a binding to a role neither the change nor Kubernetes defines says so (roleOutsideChange); default roles and roles of the change do not', () => {
    const binding = (name: string, roleRef: string, namespaced = false) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${namespaced ? 'RoleBinding' : 'ClusterRoleBinding'}\nmetadata: {name: ${name}${namespaced ? ', namespace: payments' : ''}}\nroleRef: ${roleRef}\nsubjects: [{kind: ServiceAccount, name: api, namespace: payments}]\n---\n`;
    const result = model(
      account('api') +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: payments}\nrules: []\n---\n' +
        binding('to-view', '{kind: ClusterRole, name: view}') +
        binding('to-admin', '{kind: ClusterRole, name: cluster-admin}') +
        binding('to-reader', '{kind: Role, name: reader}', true) +
        // A Role of the same name in another namespace is not this one: RoleBindings name Roles of their own namespace.
        binding('to-other-reader', '{kind: ClusterRole, name: reader}', true) +
        binding('to-elsewhere', '{kind: Role, name: leases}', true),
    );
    expect(
      result.identities[0]!.grants.map((grant) => [
        grant.source.name,
        grant.kind === 'role' && grant.roleOutsideChange,
        grant.kind === 'role' && grant.kubernetesDefault,
      ]),
    ).toEqual([
      ['to-view', undefined, 'default'],
      ['to-admin', undefined, 'default'],
      ['to-reader', undefined, undefined],
      ['to-other-reader', 'ClusterRole', undefined],
      ['to-elsewhere', 'Role', undefined],
    ]);
  });

  it("a ClusterRole of the change aggregates Kubernetes' default roles its selectors pick, named in its definition; a default role it re-defines is kept at its bindings", () => {
    const result = model(
      account('api') +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: my-viewer}\naggregationRule:\n  clusterRoleSelectors:\n    - matchExpressions: [{key: rbac.authorization.k8s.io/aggregate-to-view, operator: Exists}]\nrules: []\n---\n' +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: system:auth-delegator}\nrules:\n  - {apiGroups: [""], resources: [configmaps], verbs: [get]}\n---\n' +
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: api-delegator}\nroleRef: {kind: ClusterRole, name: "system:auth-delegator"}\nsubjects: [{kind: ServiceAccount, name: api, namespace: payments}]\n---\n' +
        // The API server refuses a roleRef of any other kind: nothing it could grant is seen.
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: api-odd}\nroleRef: {kind: RoleTemplate, name: view}\nsubjects: [{kind: ServiceAccount, name: api, namespace: payments}]\n',
    );
    const [viewer, delegator] = result.roleDefinitions!;
    expect(viewer!.aggregates).toEqual(['system:aggregate-to-view']);
    expect(JSON.stringify(viewer!.permissions)).toContain('"resources":["controllerrevisions"');
    // The definition as written; its binding holds it and the default rules the API server adds back at start.
    expect(delegator!.permissions).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]);
    const grants = result.identities[0]!.grants;
    expect(
      grants.map((grant) =>
        grant.kind === 'role'
          ? [grant.source.name, grant.kubernetesDefault, grant.roleOutsideChange, grant.permissions?.length]
          : [],
      ),
    ).toEqual([
      ['api-delegator', 'redefined', undefined, 3],
      ['api-odd', undefined, 'ClusterRole', undefined],
    ]);
  });

  it('a Kustomization that rewrites or adds objects, or renders remote files, is unseen content; one that only lists local files or sets images is not', () => {
    const kustomization = (body: string, file: string) =>
      parseManifests(`apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`, file);
    const result = modelFromKubernetesObjects([
      ...kustomization('resources: [role.yaml, ./server]\n', 'base/kustomization.yaml'),
      ...kustomization(
        'namespace: prod\nnamePrefix: prod-\nresources:\n  - ../base\n  - https://github.com/argoproj/argo-cd//manifests/cluster-rbac?ref=v3.1.0\n',
        'overlays/prod/kustomization.yaml',
      ),
      ...kustomization('secretGenerator:\n  - name: db\n    literals: [password=hunter2]\n', 'gen/kustomization.yaml'),
      // external-dns's kustomize/kustomization.yaml: a new image tag changes no identity, grant or secret.
      ...kustomization(
        'images:\n  - name: registry.k8s.io/external-dns/external-dns\n    newTag: v0.22.0\nresources: [./external-dns-clusterrole.yaml]\n',
        'external-dns/kustomization.yaml',
      ),
      // Labels onto a file not read here: what kustomize renders from it is not seen (test/adapters/kubernetes/kustomize.test.ts).
      ...kustomization(
        'images: [{name: app, newTag: v2}]\ncommonLabels: {owner: team-a}\nresources: [role.yaml]\n',
        'labels/kustomization.yaml',
      ),
    ]);
    expect(result.unseen?.map(({ kind, what, resource }) => [kind, resource.file, what])).toEqual([
      [
        'kustomize',
        'overlays/prod/kustomization.yaml',
        'namespace, namePrefix; remote resources "https://github.com/argoproj/argo-cd//manifests/cluster-rbac?ref=v3.1.0"',
      ],
      ['kustomize', 'gen/kustomization.yaml', 'secretGenerator'],
      [
        'kustomize',
        'labels/kustomization.yaml',
        'commonLabels (onto "role.yaml", which is not a manifest file read here)',
      ],
    ]);
    expect(result.identities).toEqual([]);
  });

  it('a service-account token Secret is a credential of its account, created for an account the change does not define', () => {
    const token = (name: string, owner: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: payments\n  annotations: {kubernetes.io/service-account.name: ${owner}}\ntype: kubernetes.io/service-account-token\n---\n`;
    const result = model(
      account('deployer') + token('deployer-token', 'deployer') + token('legacy-token', 'legacy-sync'),
    );
    expect(
      result.identities.map((identity) => [
        identity.id,
        identity.credentials.map((credential) => `${credential.kind} ${credential.source.name}`),
      ]),
    ).toEqual([
      ['app.yaml#ServiceAccount/payments/deployer', ['k8s-service-account-token deployer-token']],
      ['app.yaml#ServiceAccount/payments/legacy-sync', ['k8s-service-account-token legacy-token']],
    ]);
    expect(result.secrets).toEqual([]);
  });

  it('other Secrets are secrets, plaintext when data or stringData is written in the manifest', () => {
    const result = model(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: payments, labels: {owner: team-payments}}\nstringData: {password: x}\n---\n' +
        'apiVersion: v1\nkind: Secret\nmetadata: {name: tls, namespace: payments}\ntype: kubernetes.io/tls\ndata: {}\n',
    );
    expect(
      result.secrets.map(({ id, name, cloud, tags, plaintextValue }) => ({ id, name, cloud, tags, plaintextValue })),
    ).toEqual([
      {
        id: 'app.yaml#Secret/payments/db',
        name: 'db',
        cloud: 'kubernetes',
        tags: { owner: 'team-payments' },
        plaintextValue: true,
      },
      { id: 'app.yaml#Secret/payments/tls', name: 'tls', cloud: 'kubernetes', tags: {}, plaintextValue: undefined },
    ]);
  });

  it('a Secret whose written keys are all empty holds no value in the manifest: a placeholder its workload fills', () => {
    // kubernetes/dashboard's recommended.yaml: `data: {csrf: ""}`, which the dashboard fills at its first start.
    const result = model(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: csrf, namespace: ui}\ndata: {csrf: ""}\n---\n' +
        'apiVersion: v1\nkind: Secret\nmetadata: {name: unset, namespace: ui}\nstringData: {token: null}\n---\n' +
        'apiVersion: v1\nkind: Secret\nmetadata: {name: one-set, namespace: ui}\nstringData: {token: "", password: hunter2}\n',
    );
    expect(result.secrets.map(({ name, plaintextValue }) => [name, plaintextValue])).toEqual([
      ['csrf', undefined],
      ['unset', undefined],
      ['one-set', true],
    ]);
  });

  it('workloads that name a service account of the change run as it (Pod, Deployment, CronJob)', () => {
    const result = model(
      account('batch') +
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: payments}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {serviceAccountName: batch}\n---\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: payments}\nspec:\n  template:\n    spec: {serviceAccountName: batch}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: payments}\nspec: {serviceAccountName: not-in-change}\n',
    );
    expect(
      result.identities.map((identity) =>
        identity.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`),
      ),
    ).toEqual([['pod nightly', 'pod web']]);
  });

  it('a pod spec naming its account by the deprecated serviceAccount field runs as it, and a ReplicationController runs pods too', () => {
    // checkov's graph fixture Keyword/clusterrolebinding.yaml: a Deployment with only `serviceAccount:`.
    const result = model(
      account('legacy') +
        account('replicated') +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: old-chart, namespace: payments}\nspec:\n  template:\n    spec: {serviceAccount: legacy}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata: {name: both, namespace: payments}\nspec: {serviceAccountName: legacy, serviceAccount: replicated}\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata: {name: empty-name, namespace: payments}\nspec: {serviceAccountName: "", serviceAccount: replicated}\n---\n' +
        'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc, namespace: payments}\nspec:\n  template:\n    spec: {serviceAccountName: replicated}\n',
    );
    expect(
      result.identities.map((identity) => [
        identity.name,
        identity.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`),
      ]),
    ).toEqual([
      ['legacy', ['pod old-chart', 'pod both']],
      ['replicated', ['pod empty-name', 'pod rc']],
    ]);
  });

  it("Knative Serving's Service, Configuration and Revision run pods as the account their pod spec names; a core Service runs none", () => {
    const knative = (kind: string, spec: string) =>
      `apiVersion: serving.knative.dev/v1\nkind: ${kind}\nmetadata: {name: ${kind.toLowerCase()}, namespace: payments}\n${spec}---\n`;
    const result = model(
      account('serving') +
        knative('Service', 'spec:\n  template:\n    spec: {serviceAccountName: serving}\n') +
        knative(
          'Configuration',
          'spec:\n  template:\n    spec: {serviceAccountName: serving, automountServiceAccountToken: false}\n',
        ) +
        knative('Revision', 'spec: {serviceAccountName: serving}\n') +
        'apiVersion: v1\nkind: Service\nmetadata: {name: core, namespace: payments}\nspec:\n  template:\n    spec: {serviceAccountName: serving}\n',
    );
    expect(
      result.identities.map((identity) =>
        identity.attachments.map((attachment) =>
          attachment.kind === 'pod' ? `${attachment.source.name} ${String(attachment.mountsToken)}` : attachment.kind,
        ),
      ),
    ).toEqual([['service true', 'configuration false', 'revision true']]);
  });

  it("a Knative Service whose template is a list is refused, located, as a Deployment's is", () => {
    expect(() =>
      model(
        'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: web, namespace: payments}\nspec:\n  template:\n    - spec: {serviceAccountName: serving}\n',
      ),
    ).toThrow('Service web: spec.template must be an object, not a list');
  });
});
