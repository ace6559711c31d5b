import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kubernetesManifestFiles,
  loadManifests,
  looksLikeKubernetesManifest,
  ManifestError,
  parseManifests,
  typeToken,
} from '../../../src/adapters/kubernetes/load.js';

const SERVICE_ACCOUNT =
  'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n';

function failure(text: string): ManifestError {
  try {
    parseManifests(text, 'k8s/app.yaml');
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('parseManifests', () => {
  it('reads every document of a multi-document file, skipping empty ones, typed as the Pulumi provider types them', () => {
    const text = `---\n${SERVICE_ACCOUNT}---\n# only a comment\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: admins}\nroleRef: {kind: ClusterRole, name: cluster-admin}\n`;
    const objects = parseManifests(text, 'k8s/app.yaml');
    expect(objects.map((object) => [object.kind, object.ref])).toEqual([
      [
        'ServiceAccount',
        {
          type: 'kubernetes:core/v1:ServiceAccount',
          name: 'payments-api',
          file: 'k8s/app.yaml',
          location: 'k8s:payments/ServiceAccount/payments-api',
        },
      ],
      [
        'ClusterRoleBinding',
        {
          type: 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding',
          name: 'admins',
          file: 'k8s/app.yaml',
          location: 'k8s:ClusterRoleBinding/admins',
        },
      ],
    ]);
    expect(objects[1]!.body.roleRef).toEqual({ kind: 'ClusterRole', name: 'cluster-admin' });
  });

  it('expands a typed list (RoleBindingList, as kube-prometheus writes it), which kubectl applies item by item', () => {
    const text =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBindingList\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: RoleBinding\n    metadata: {name: a, namespace: default}\n    roleRef: {kind: Role, name: a}\n    subjects: []\n';
    expect(parseManifests(text, 'list.yaml').map((object) => `${object.kind}/${object.ref.name}`)).toEqual([
      'RoleBinding/a',
    ]);
    // A kind ending in List without items is an object like any other, and needs its name.
    expect(failure('apiVersion: example.com/v1\nkind: AllowList\nspec: {}\n').message).toBe(
      'k8s/app.yaml:1:1: AllowList has no metadata.name',
    );
  });

  it('expands kind: List (what kubectl get -o yaml writes)', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: b}\n';
    expect(parseManifests(text, 'list.yaml').map((object) => `${object.kind}/${object.ref.name}`)).toEqual([
      'ServiceAccount/a',
      'Secret/b',
    ]);
  });

  it('fails closed with file, line and column on YAML errors, objects without kind, and objects without a name', () => {
    // Located at the brace that is never closed, not at the end of the file.
    expect(failure(`${SERVICE_ACCOUNT}---\nkind: Secret\nmetadata: {name: x\n`).message).toBe(
      'k8s/app.yaml:8:11: Flow map that opens here is never closed: its } is missing',
    );
    expect(failure(`${SERVICE_ACCOUNT}---\nmetadata: {name: x}\n`).message).toBe(
      'k8s/app.yaml:7:1: the document is not a Kubernetes object: apiVersion and kind (strings) are required',
    );
    expect(failure('apiVersion: v1\nkind: Secret\nmetadata: {namespace: a}\n').message).toBe(
      'k8s/app.yaml:1:1: Secret has no metadata.name',
    );
    expect(failure('apiVersion: v1\nkind: List\nitems:\n  - kind: Secret\n').message).toBe(
      'k8s/app.yaml:1:1: items[0] is not a Kubernetes object: apiVersion and kind (strings) are required',
    );
    expect(failure(`${SERVICE_ACCOUNT}  name: twice\n`).message).toMatch(
      /^k8s\/app\.yaml:6:3: Map keys must be unique/,
    );
  });
});

/** Each value here is the one `kubectl label --local -o json` (v1.32.4, offline) gives for the same text. */
describe('quoted strings continued at any indentation, as kubectl reads them (go-yaml, a port of libyaml)', () => {
  const manifest =
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: agent\n  annotations:\n    description: "Runs the agent;\n    reads \\"claims\\"\n\n    only."\n    note: \'it\'\'s\nowned\'\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: token}\n';

  it('reads the string YAML 1.2 wants indented deeper, and the next document at its own line', () => {
    const objects = parseManifests(manifest, 'k8s/app.yaml');
    expect(objects.map((object) => [object.kind, object.ref.name])).toEqual([
      ['ServiceAccount', 'agent'],
      ['Secret', 'token'],
    ]);
    expect((objects[0]!.body.metadata as { annotations: unknown }).annotations).toEqual({
      description: 'Runs the agent; reads "claims"\nonly.',
      note: "it's owned",
    });
    expect(looksLikeKubernetesManifest(manifest)).toBe(true);
    // An error in the second document is located at its own line (16), after the string's lines.
    expect(failure(manifest.replace('metadata: {name: token}', 'metadata: {name: token}\n  x: 1')).message).toBe(
      'k8s/app.yaml:16:1: All mapping items must start at the same column',
    );
  });

  it("reads a string whose line ends in an escaped quote ('' or \\\") as one string, not closed there", () => {
    const text = `${SERVICE_ACCOUNT}  annotations:\n    a: 'it''\n    b: c'\n    d: "x\\"\n    e: y"\n`;
    expect(parseManifests(text, 'k8s/app.yaml')[0]!.body.metadata).toEqual({
      name: 'payments-api',
      namespace: 'payments',
      annotations: { a: "it' b: c", d: 'x" e: y' },
    });
  });

  it('locates a quote never closed at where it opens', () => {
    expect(failure('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "agent\n  x: 1\n').message).toBe(
      'k8s/app.yaml:4:9: Missing closing "quote: the string that opens here runs to the end of the file',
    );
  });
});

describe('kustomize configuration beside the manifests', () => {
  it('a kustomization.yaml needs no name: it is read, named for its file, not refused (argo-cd manifests/cluster-rbac)', () => {
    const objects = parseManifests(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n\nresources:\n- argocd-server-clusterrole.yaml\n',
      'k8s/server/kustomization.yaml',
    );
    expect(objects.map((object) => [object.kind, object.ref.name, object.ref.type])).toEqual([
      ['Kustomization', 'kustomization.yaml', 'kubernetes:kustomize.config.k8s.io/v1beta1:Kustomization'],
    ]);
  });
});

describe('fields the model reads, of the wrong type: a located error, never read as absent', () => {
  const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ops}\nrules:\n';
  const binding =
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {kind: ClusterRole, name: cluster-admin}\n';
  const refused =
    '; the API server would refuse it, and read as absent it would hide what the object grants or runs as';

  it('a role whose verbs or resources are not a list of strings (read as no verbs, it granted nothing)', () => {
    expect(failure(`${role}  - apiGroups: [""]\n    resources: [secrets]\n    verbs: "*"\n`).message).toBe(
      `k8s/app.yaml:7:12: ClusterRole ops: rules[0].verbs must be a list of strings, not the string "*"${refused}`,
    );
    expect(failure(`${role}  - apiGroups: [""]\n    resources: [secrets, 7]\n    verbs: [get]\n`).message).toBe(
      `k8s/app.yaml:6:16: ClusterRole ops: rules[0].resources must be a list of strings, not a list with a value that is not a string${refused}`,
    );
    expect(failure(`${role}  apiGroups: [""]\n`).message).toBe(
      `k8s/app.yaml:5:3: ClusterRole ops: rules must be a list, not an object${refused}`,
    );
  });

  it('a binding whose subjects are a map, or a subject without a name (read as no subjects, cluster-admin went to nobody)', () => {
    expect(failure(`${binding}subjects: {kind: ServiceAccount, name: ci, namespace: ops}\n`).message).toBe(
      `k8s/app.yaml:5:11: ClusterRoleBinding ops: subjects must be a list, not an object${refused}`,
    );
    expect(failure(`${binding}subjects:\n  - {kind: ServiceAccount, namespace: ops}\n`).message).toBe(
      `k8s/app.yaml:6:5: ClusterRoleBinding ops: subjects[0].name must be a string, not missing${refused}`,
    );
  });

  it('a subject of a kind the API server refuses (regula fixture default_service_account_bindings): a located error, not a holder', () => {
    const refusedKind =
      '; the API server would refuse it, and read as a holder it would grant the role to one that cannot exist';
    expect(
      failure(
        `${binding}subjects:\n  - {kind: ServiceAccount, name: ci, namespace: ops}\n  - {kind: foo, name: default}\n`,
      ).message,
    ).toBe(
      `k8s/app.yaml:7:12: ClusterRoleBinding ops: subjects[1].kind must be ServiceAccount, User or Group, not the string "foo"${refusedKind}`,
    );
    // Kinds are matched as the API server matches them: exactly.
    expect(failure(`${binding}subjects:\n  - {kind: serviceaccount, name: ci, namespace: ops}\n`).message).toBe(
      `k8s/app.yaml:6:12: ClusterRoleBinding ops: subjects[0].kind must be ServiceAccount, User or Group, not the string "serviceaccount"${refusedKind}`,
    );
    for (const kind of ['ServiceAccount', 'User', 'Group'])
      expect(
        parseManifests(`${binding}subjects:\n  - {kind: ${kind}, name: ci, namespace: ops}\n`, 'k8s/app.yaml'),
      ).toHaveLength(1);
  });

  it('a pod template whose spec is a list (checkov fixture ServiceAccountTokensUNKNOWN.yaml), a service account name that is not a string', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      - name: web\n        image: nginx\n';
    expect(failure(deployment).message).toBe(
      `k8s/app.yaml:7:7: Deployment web: spec.template.spec must be an object, not a list${refused}`,
    );
    expect(failure('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {serviceAccountName: [ci]}\n').message).toBe(
      `k8s/app.yaml:4:28: Pod p: spec.serviceAccountName must be a string, not a list${refused}`,
    );
    const cronJob = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n';
    expect(failure(`${cronJob}  jobTemplate: [web]\n`).message).toBe(
      `k8s/app.yaml:5:16: CronJob nightly: spec.jobTemplate must be an object, not a list${refused}`,
    );
    expect(failure(`${cronJob}  jobTemplate: {spec: {template: {spec: {serviceAccount: 7}}}}\n`).message).toBe(
      `k8s/app.yaml:5:58: CronJob nightly: spec.jobTemplate.spec.template.spec.serviceAccount must be a string, not the number 7${refused}`,
    );
    expect(
      failure(
        'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ServiceAccount, metadata: {name: a}, automountServiceAccountToken: "false"}\n',
      ).message,
    ).toBe(
      `k8s/app.yaml:4:95: items[0] ServiceAccount a: automountServiceAccountToken must be true or false, not the string "false"${refused}`,
    );
  });

  it('absent and null fields stay absent, and fields the model does not read are not checked', () => {
    expect(
      parseManifests(
        `${role.replace('rules:\n', 'rules:\n  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]\n  -\n')}---\n${binding}subjects:\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: web, serviceAccountName: null}\n`,
        'k8s/app.yaml',
      ).map((object) => object.ref.name),
    ).toEqual(['ops', 'ops', 'p']);
  });
});

describe('manifest detection and directories', () => {
  it('tells a manifest from a CloudFormation template and from other YAML', () => {
    expect(looksLikeKubernetesManifest(`# app\n---\n${SERVICE_ACCOUNT}`)).toBe(true);
    expect(
      looksLikeKubernetesManifest(
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role: {Type: AWS::IAM::Role}\n',
      ),
    ).toBe(false);
    expect(looksLikeKubernetesManifest('{"Resources": {"Role": {"Type": "AWS::IAM::Role"}}}')).toBe(false);
    expect(looksLikeKubernetesManifest('name: payments\nruntime: nodejs\n')).toBe(false);
    expect(looksLikeKubernetesManifest('key: [unclosed\n')).toBe(false);
  });

  it('reads the manifests of a directory in name order and leaves templates and other files to their own readers', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-k8s-'));
    writeFileSync(join(directory, 'b.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: second}\n');
    writeFileSync(join(directory, 'a.yml'), SERVICE_ACCOUNT);
    writeFileSync(join(directory, 'stack.template.json'), '{"Resources": {}}');
    writeFileSync(join(directory, 'notes.txt'), 'apiVersion: v1\nkind: Secret\n');
    expect(kubernetesManifestFiles(directory)).toEqual([join(directory, 'a.yml'), join(directory, 'b.yaml')]);
    expect(loadManifests(directory).map((object) => object.ref.name)).toEqual(['payments-api', 'second']);
    expect(() => loadManifests(join(directory, 'missing.yaml'))).toThrow(ManifestError);
  });

  it('names core and grouped API versions like the Pulumi provider', () => {
    expect(typeToken('v1', 'ServiceAccount')).toBe('kubernetes:core/v1:ServiceAccount');
    expect(typeToken('apps/v1', 'Deployment')).toBe('kubernetes:apps/v1:Deployment');
  });
});
