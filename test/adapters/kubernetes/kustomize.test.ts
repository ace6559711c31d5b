/**
 * Small kustomize trees, read as `entitlement-guard check <dir>` reads them: a Kustomization's `commonLabels` and
 * `labels` are applied to the metadata.labels of the objects of the files it lists, as `kustomize build` renders them
 * (kubernetes-sigs/kustomize LabelTransformer; src/adapters/kubernetes/kustomize.ts), and judged there: a catalog tag
 * the Kustomization gives a service account, a ClusterRole it labels into the aggregation of `edit`. What cannot be
 * applied exactly here (patches and the other fields not applied, custom field specs, files not read here, components)
 * stays unseen content. Its namespace and names: kustomize-names.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../catalog/index.js';
import { loadManifests } from '../../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../../src/adapters/kubernetes/to-model.js';
import { evaluate } from '../../../src/engine/index.js';

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci\n  namespace: build\n';
const ACCOUNT_OWNED_BY_A =
  'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci\n  namespace: build\n  labels: {owner: team-a}\n';
/** Creates ClusterRoleBindings (which edit never holds), in no aggregation as written. */
const BINDING_WRITER =
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: binding-writer\n' +
  'rules:\n  - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create]}\n';
/** Kubernetes' default `edit` in namespace build, for the account ci. */
const EDIT_BINDING =
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ci-edit\n  namespace: build\n' +
  'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\n' +
  'subjects:\n  - {kind: ServiceAccount, name: ci, namespace: build}\n';

/** A directory holding the files, read as the CLI reads a directory. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'eg-kustomize-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const read = (files: Record<string, string>) => modelFromKubernetesObjects(loadManifests(tree(files)));
const unseenOf = (model: ReturnType<typeof read>) => model.unseen?.map(({ kind, what }) => `${kind}: ${what}`);

describe('kustomize labels applied to what the Kustomization lists', () => {
  it("commonLabels give the account its catalog tags, overwriting the file's value as kustomize does; nothing unseen", () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}commonLabels: {owner: team-payments, identity-class: workload}\nresources: [sa.yaml]\n`,
      'sa.yaml': ACCOUNT_OWNED_BY_A,
    });
    expect(unseenOf(model)).toBeUndefined();
    expect(model.identities.map((identity) => [identity.arn, identity.tags])).toEqual([
      ['system:serviceaccount:build:ci', { owner: 'team-payments', 'identity-class': 'workload' }],
    ]);
    // The catalog reads the owner from the rendered label: the account is the payments team's.
    const catalog = parseCatalog(
      'apiVersion: entitlement-guard/v1\nowners: [{ id: team-payments }, { id: team-a }]\n',
      'catalog.yaml',
    );
    const owners = evaluate(model, { catalog, now: new Date('2026-06-01T00:00:00Z') }).findings.filter(
      (finding) => finding.ruleId === 'require-owner',
    );
    expect(owners).toEqual([]);
  });

  it('labels (pairs only, without selectors) put a ClusterRole into the aggregation of edit: a binding of edit holds its rule on ClusterRoleBindings', () => {
    const files = {
      'sa.yaml': ACCOUNT,
      'writer.yaml': BINDING_WRITER,
      'binding.yaml': EDIT_BINDING,
    };
    const bindingRules = (model: ReturnType<typeof read>) =>
      model.identities[0]?.grants.flatMap((grant) =>
        grant.kind === 'role'
          ? (grant.permissions ?? []).filter((rule) => rule.resources?.includes('clusterrolebindings'))
          : [],
      );
    const labelled = read({
      ...files,
      'kustomization.yaml':
        `${KUSTOMIZATION}labels:\n  - pairs: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}\n    includeSelectors: false\n` +
        'resources: [sa.yaml, writer.yaml, binding.yaml]\n',
    });
    expect(unseenOf(labelled)).toBeUndefined();
    expect(labelled.roleDefinitions?.map((role) => role.name)).toEqual(['binding-writer']);
    expect(bindingRules(labelled)).toEqual([
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'], verbs: ['create'] },
    ]);
    // The same files without the Kustomization: edit holds no rule on ClusterRoleBindings.
    expect(bindingRules(read(files))).toEqual([]);
  });

  it('only the files it lists are labelled; a file beside it keeps its labels as written', () => {
    const model = read({
      'kustomization.yaml': `${KUSTOMIZATION}commonLabels: {owner: team-payments}\nresources: [./listed.yaml]\n`,
      'listed.yaml': ACCOUNT,
      'beside.yaml': ACCOUNT_OWNED_BY_A.replace('name: ci', 'name: other'),
    });
    expect(unseenOf(model)).toBeUndefined();
    expect(model.identities.map((identity) => [identity.name, identity.tags])).toEqual([
      ['other', { owner: 'team-a' }],
      ['ci', { owner: 'team-payments' }],
    ]);
  });
});

describe('kustomize transformations not applied here stay unseen', () => {
  const unseenFor = (kustomization: string, files: Record<string, string> = { 'sa.yaml': ACCOUNT }) => {
    const model = read({ ...files, 'kustomization.yaml': `${KUSTOMIZATION}${kustomization}` });
    return { unseen: unseenOf(model), tags: model.identities.map((identity) => identity.tags) };
  };

  it('fields not applied here (patches, commonAnnotations) keep the whole Kustomization unseen, so the labels and namespace beside them are not applied either', () => {
    expect(
      unseenFor(
        'namespace: prod\ncommonAnnotations: {team: a}\ncommonLabels: {owner: team-payments}\nresources: [sa.yaml]\n',
      ),
    ).toEqual({ unseen: ['kustomize: namespace, commonAnnotations, commonLabels'], tags: [{}] });
    expect(unseenFor('namePrefix: prod-\npatches: [{path: patch.yaml}]\nresources: [sa.yaml]\n').unseen).toEqual([
      'kustomize: namePrefix, patches',
    ]);
  });

  it('labels whose effect is not known exactly: custom field specs, a value that is not a string, a key in both fields', () => {
    expect(
      unseenFor(
        'labels:\n  - pairs: {owner: team-payments}\n    fields: [{path: aggregationRule/clusterRoleSelectors, kind: ClusterRole}]\nresources: [sa.yaml]\n',
      ),
    ).toEqual({ unseen: ['kustomize: labels (labels[0].fields is not applied here)'], tags: [{}] });
    expect(unseenFor('commonLabels: {managed: true}\nresources: [sa.yaml]\n').unseen).toEqual([
      'kustomize: commonLabels (commonLabels is not a map of strings)',
    ]);
    expect(unseenFor('commonLabels: {owner: a}\nlabels: [{pairs: {owner: b}}]\nresources: [sa.yaml]\n').unseen).toEqual(
      ['kustomize: commonLabels, labels (label owner is in both commonLabels and labels, which kustomize refuses)'],
    );
  });

  it("labels onto what is not read here: a base directory, a file outside the Kustomization's directory, components", () => {
    expect(
      unseenFor('commonLabels: {owner: team-payments}\nresources: [sa.yaml, base]\n', {
        'sa.yaml': ACCOUNT,
        'base/kustomization.yaml': `${KUSTOMIZATION}resources: [sa.yaml]\n`,
      }),
    ).toEqual({
      unseen: ['kustomize: commonLabels (onto "base", which is not a manifest file read here)'],
      tags: [{}],
    });
    expect(unseenFor('commonLabels: {owner: team-payments}\nresources: [../sa.yaml]\n').unseen).toEqual([
      'kustomize: commonLabels (onto "../sa.yaml", outside the Kustomization\'s directory, which kustomize refuses by default)',
    ]);
    // A base outside the directory (argo-workflows' cluster-install-no-crds lists `../base/workflow-controller`) is
    // built by kustomize, not refused: still unseen here, for what it is.
    expect(unseenFor('namespace: argo\nresources: [../base/workflow-controller]\n').unseen).toEqual([
      'kustomize: namespace (onto "../base/workflow-controller", a base outside the Kustomization\'s directory, whose own kustomization is not rendered here)',
    ]);
    expect(
      unseenFor('commonLabels: {owner: team-payments}\nresources: [sa.yaml]\ncomponents: [../labels]\n').unseen,
    ).toEqual(['kustomize: commonLabels (with components)']);
  });
});
