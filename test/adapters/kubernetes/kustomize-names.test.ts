/**
 * A Kustomization's `namespace`, `namePrefix` and `nameSuffix`, applied as `kustomize build` applies them
 * (src/adapters/kubernetes/kustomize-names.ts, kubernetes-sigs/kustomize 12f9e6391464b3ad9dd3fe8182049dc1b1772990): the
 * objects get the namespace and names the cluster gets, and the references kustomize fixes after (subjects, roleRef,
 * serviceAccountName, resourceNames) follow them; references kustomize does not fix, or to objects it does not build,
 * stay as written. The expectations were also checked against `kubectl kustomize` (kustomize v5.5.0) on the same trees.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/adapters/kubernetes/load.js';
import { NotRendered, renderNames } from '../../../src/adapters/kubernetes/kustomize-names.js';
import { modelFromKubernetesObjects } from '../../../src/adapters/kubernetes/to-model.js';
import { runCheck } from '../../../src/cli/check.js';
import type { Identity } from '../../../src/model/model.js';

const FIXTURES = new URL('../../fixtures/kustomize/', import.meta.url).pathname;
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const RBAC = 'apiVersion: rbac.authorization.k8s.io/v1\n';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'eg-kustomize-names-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const read = (files: Record<string, string>) => modelFromKubernetesObjects(loadManifests(tree(files)));
const unseenOf = (model: ReturnType<typeof read>) => model.unseen?.map(({ what }) => what);
const grantsOf = (identity: Identity | undefined) =>
  identity?.grants.map((grant) => (grant.kind === 'role' ? `${String(grant.role)}@${grant.scope}` : grant.kind));

function findings(directory: string) {
  const result = runCheck({
    paths: [directory],
    catalogPath: join(FIXTURES, 'catalog.yaml'),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: FIXTURES,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? []).map((finding) => ({
    rule: finding.ruleId,
    resource: `${finding.resource.file}#${finding.resource.name}`,
    detail: finding.detail,
    level: finding.level,
  }));
}

describe('fixtures: kustomize trees judged as kustomize renders them', () => {
  it('namespace-follows-subjects: the account, its binding subject and its pods move to payments; the outside subject stays in ci', () => {
    const directory = join(FIXTURES, 'namespace-follows-subjects');
    const model = modelFromKubernetesObjects(loadManifests(directory));
    expect(model.unseen).toBeUndefined();
    // The subject outside the change is an external identity of its own, in the namespace it names (ci).
    expect(
      model.identities.map((identity) => [
        identity.arn,
        grantsOf(identity),
        identity.attachments.length,
        identity.external === true,
      ]),
    ).toEqual([
      ['system:serviceaccount:payments:api', ['cluster-admin@cluster'], 1, false],
      ['system:serviceaccount:ci:deployer', ['cluster-admin@cluster'], 0, true],
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
    // The catalog knows the account as payments:api (owner, class: no finding for them); as written (ci:api) it would not.
    expect(findings(directory)).toEqual([
      {
        rule: 'no-wildcard-privilege',
        resource: 'namespace-follows-subjects/rbac.yaml#api-admin',
        detail: 'Role::cluster-admin',
        level: 'mandatory',
      },
      {
        rule: 'no-wildcard-privilege',
        resource: 'namespace-follows-subjects/rbac.yaml#api-admin',
        detail: 'Role::cluster-admin',
        level: 'mandatory',
      },
      {
        rule: 'no-wildcard-privilege',
        resource: 'namespace-follows-subjects/serviceaccount.yaml#api',
        detail: 'Token::automount',
        level: 'mandatory',
      },
      {
        rule: 'require-entitlement',
        resource: 'namespace-follows-subjects/serviceaccount.yaml#api',
        detail: 'Entitlement::none',
        level: 'mandatory',
      },
    ]);
  });

  it('name-prefix-follows-references: prod-api holds prod-api (reading prod-api-db) and view in payments, runs the pods, and is the catalog entry entitled to exactly that', () => {
    const directory = join(FIXTURES, 'name-prefix-follows-references');
    const model = modelFromKubernetesObjects(loadManifests(directory));
    expect(model.unseen).toBeUndefined();
    const [account] = model.identities;
    expect(model.identities.map((identity) => identity.arn)).toEqual(['system:serviceaccount:payments:prod-api']);
    expect(grantsOf(account)).toEqual(['prod-api@namespace/payments', 'view@namespace/payments']);
    expect(account?.grants[0]?.kind === 'role' && account.grants[0].permissions).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['prod-api-db'], verbs: ['get'] },
    ]);
    expect(account?.attachments.map((attachment) => attachment.source.name)).toEqual(['api']);
    expect(model.secrets.map((secret) => [secret.name, secret.resource.location])).toEqual([
      ['prod-api-db', 'k8s:payments/Secret/prod-api-db'],
    ]);
    expect(findings(directory)).toEqual([]);
  });
});

describe('namespace', () => {
  const ACCOUNT = (name: string, namespace?: string) =>
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}---\n`;
  const binding = (kind: string, subjects: string) =>
    `${RBAC}kind: ${kind}\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n${subjects}`;

  it("overwrites the namespace written, on namespaced kinds only: a ClusterRole's place stays cluster-wide", () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namespace: payments\nresources: [objects.yaml]\n`,
      'objects.yaml':
        ACCOUNT('api', 'ci') +
        `${RBAC}kind: ClusterRole\nmetadata: {name: reader}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n`,
    });
    expect(unseenOf(model)).toBeUndefined();
    expect(model.identities.map((identity) => [identity.arn, identity.resource.location])).toEqual([
      ['system:serviceaccount:payments:api', 'k8s:payments/ServiceAccount/api'],
    ]);
    expect(model.roleDefinitions?.map((role) => [role.name, role.scope, role.source.location])).toEqual([
      ['reader', 'cluster', 'k8s:ClusterRole/reader'],
    ]);
  });

  it('binding subjects: one named `default` gets the namespace whatever it names (defaultOnly); one naming a listed account follows it; one naming an account outside keeps its namespace', () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namespace: payments\nresources: [objects.yaml]\n`,
      'objects.yaml':
        ACCOUNT('api') +
        binding(
          'ClusterRoleBinding',
          '  - {kind: ServiceAccount, name: default, namespace: kube-system}\n' +
            '  - {kind: ServiceAccount, name: api}\n' +
            '  - {kind: ServiceAccount, name: other, namespace: kube-system}\n',
        ),
    });
    expect(unseenOf(model)).toBeUndefined();
    expect(model.identities.map((identity) => [identity.arn, grantsOf(identity), identity.external === true])).toEqual([
      ['system:serviceaccount:payments:api', ['view@cluster'], false],
      ['system:serviceaccount:payments:default', ['view@cluster'], true],
      ['system:serviceaccount:kube-system:other', ['view@cluster'], true],
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('a subject whose namespace was not the listed account’s is not rewritten, so it names an account outside the change', () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namespace: payments\nresources: [objects.yaml]\n`,
      // Some object was in ci before the build, and api was not: the subject's ci/api is not the listed api.
      'objects.yaml':
        ACCOUNT('api', 'web') +
        ACCOUNT('worker', 'ci') +
        binding('ClusterRoleBinding', '  - {kind: ServiceAccount, name: api, namespace: ci}\n'),
    });
    expect(model.identities.map((identity) => [identity.arn, grantsOf(identity), identity.external === true])).toEqual([
      ['system:serviceaccount:payments:api', [], false],
      ['system:serviceaccount:payments:worker', [], false],
      ['system:serviceaccount:ci:api', ['view@cluster'], true],
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('what kustomize refuses or skips stays unseen: two objects made one, a helm-generated object, a namespace that is not a string', () => {
    expect(
      unseenOf(
        read({
          'kustomization.yaml': `${KUSTOMIZATION}namespace: payments\nresources: [objects.yaml]\n`,
          'objects.yaml': ACCOUNT('api', 'ci') + ACCOUNT('api', 'web'),
        }),
      ),
    ).toEqual(['namespace (two ServiceAccount objects become payments/api, which kustomize refuses)']);
    expect(
      unseenOf(
        read({
          'kustomization.yaml': `${KUSTOMIZATION}namespace: payments\nresources: [objects.yaml]\n`,
          'objects.yaml':
            'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  annotations: {kustomize.config.k8s.io/helm-generated: "true"}\n',
        }),
      ),
    ).toEqual([
      'namespace (namespace onto ServiceAccount api, annotated kustomize.config.k8s.io/helm-generated, which it skips)',
    ]);
    expect(
      unseenOf(
        read({
          'kustomization.yaml': `${KUSTOMIZATION}namespace: 42\nresources: [objects.yaml]\n`,
          'objects.yaml': ACCOUNT('api'),
        }),
      ),
    ).toEqual(['namespace (namespace is not a string, which kustomize refuses)']);
  });
});

describe('namePrefix and nameSuffix', () => {
  it('rename roleRefs to roles of the build and leave the others (cluster-admin); a roleRef of kind ClusterRole is not taken by a Role of the same name', () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namePrefix: prod-\nnameSuffix: -v2\nresources: [objects.yaml]\n`,
      'objects.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n---\n' +
        `${RBAC}kind: Role\nmetadata: {name: ops}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n---\n` +
        `${RBAC}kind: RoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ops}\n` +
        'subjects: [{kind: ServiceAccount, name: api}]\n---\n' +
        `${RBAC}kind: RoleBinding\nmetadata: {name: ops-cluster}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}\n` +
        'subjects: [{kind: ServiceAccount, name: api}]\n---\n' +
        `${RBAC}kind: ClusterRoleBinding\nmetadata: {name: admin}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n` +
        'subjects: [{kind: ServiceAccount, name: api, namespace: default}]\n',
    });
    expect(unseenOf(model)).toBeUndefined();
    expect(model.identities.map((identity) => [identity.arn, grantsOf(identity)])).toEqual([
      [
        'system:serviceaccount:default:prod-api-v2',
        ['prod-ops-v2@namespace/default', 'ops@namespace/default', 'cluster-admin@cluster'],
      ],
    ]);
  });

  it('pods: serviceAccountName of a Deployment is renamed; the deprecated serviceAccount and a ReplicaSet’s serviceAccountName are not, so those pods run as an account the change does not create', () => {
    const workload = (kind: string, name: string, field: string) =>
      `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: ${name}}\n` +
      `spec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      ${field}: api\n      containers: [{name: c, image: i}]\n---\n`;
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namePrefix: prod-\nresources: [objects.yaml]\n`,
      'objects.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n---\n' +
        workload('Deployment', 'renamed', 'serviceAccountName') +
        workload('Deployment', 'deprecated-field', 'serviceAccount') +
        workload('ReplicaSet', 'replica-set', 'serviceAccountName'),
    });
    expect(model.identities.map((identity) => [identity.name, identity.attachments.map((a) => a.source.name)])).toEqual(
      [['prod-api', ['renamed']]],
    );
  });

  it("a token Secret's service-account.name annotation is not a reference kustomize fixes: the token belongs to the account named as written", () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}namePrefix: prod-\nresources: [objects.yaml]\n`,
      'objects.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n---\n' +
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\n  annotations: {kubernetes.io/service-account.name: api}\n' +
        'type: kubernetes.io/service-account-token\n',
    });
    expect(model.identities.map((identity) => [identity.name, identity.credentials.length])).toEqual([
      ['prod-api', 0],
      ['api', 1],
    ]);
  });

  it('a subject kustomize cannot tell (the accounts it could name differ in namespace) makes it refuse the build: unseen', () => {
    expect(
      unseenOf(
        read({
          'kustomization.yaml': `${KUSTOMIZATION}namePrefix: prod-\nresources: [objects.yaml]\n`,
          'objects.yaml':
            'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: a}\n---\n' +
            'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: b}\n---\n' +
            `${RBAC}kind: ClusterRoleBinding\nmetadata: {name: admin}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n` +
            'subjects: [{kind: ServiceAccount, name: api}]\n',
        }),
      ),
    ).toEqual([
      'namePrefix (ClusterRoleBinding prod-admin refers to api, which names more than one object of the build, which kustomize refuses)',
    ]);
  });
});

describe('renderNames properties', () => {
  const name = fc.constantFrom('api', 'default', 'web', 'db');
  const namespace = fc.option(fc.constantFrom('default', 'ci', 'payments'), { nil: undefined });
  const account = fc.record({ name, namespace }).map(({ name, namespace }) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, ...(namespace ? { namespace } : {}) },
  }));
  const clusterBinding = fc
    .array(fc.record({ kind: fc.constantFrom('ServiceAccount', 'User'), name, namespace }), { maxLength: 3 })
    .map((subjects) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'b' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: subjects.map(({ namespace, ...subject }) => ({ ...subject, ...(namespace ? { namespace } : {}) })),
    }));
  const bodies = fc.tuple(fc.array(account, { maxLength: 4 }), fc.option(clusterBinding, { nil: undefined }));
  const transforms = fc.record({
    namespace: fc.option(fc.constantFrom('payments', 'default'), { nil: undefined }),
    namePrefix: fc.option(fc.constantFrom('prod-', ''), { nil: undefined }),
    nameSuffix: fc.option(fc.constantFrom('-v2'), { nil: undefined }),
  });

  it('leaves its input unchanged, renames every account alike, and refuses only by NotRendered', () => {
    fc.assert(
      fc.property(bodies, transforms, ([accounts, binding], names) => {
        const input = [...accounts, ...(binding ? [binding] : [])];
        const before = structuredClone(input);
        let output: Record<string, unknown>[];
        try {
          output = renderNames(input, names);
        } catch (error) {
          expect(error).toBeInstanceOf(NotRendered);
          return;
        }
        expect(input).toEqual(before);
        for (const [index, original] of accounts.entries()) {
          const metadata = output[index]?.metadata as { name: string; namespace?: string };
          expect(metadata.name).toBe(`${names.namePrefix ?? ''}${original.metadata.name}${names.nameSuffix ?? ''}`);
          expect(metadata.namespace).toBe(names.namespace ?? original.metadata.namespace);
        }
        // A binding is cluster-scoped: it keeps no namespace, and its subjects name no one but as written or an account of the build.
        if (binding) {
          const rendered = output.at(-1) as { metadata: Record<string, unknown>; subjects: { name: string }[] };
          expect(rendered.metadata.namespace).toBeUndefined();
          const renamed = new Set(
            output.slice(0, accounts.length).map((body) => (body.metadata as { name: string }).name),
          );
          for (const [index, subject] of rendered.subjects.entries())
            expect(subject.name === binding.subjects[index]?.name || renamed.has(subject.name)).toBe(true);
        }
      }),
    );
  });

  it('with nothing to do, gives the bodies back as they are', () => {
    fc.assert(
      fc.property(bodies, ([accounts, binding]) => {
        const input = [...accounts, ...(binding ? [binding] : [])];
        const unique = new Set(accounts.map((body) => `${body.metadata.namespace ?? 'default'}/${body.metadata.name}`));
        fc.pre(unique.size === accounts.length);
        expect(renderNames(input, {})).toEqual(input);
      }),
    );
  });
});
