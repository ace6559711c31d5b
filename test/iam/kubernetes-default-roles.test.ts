/**
 * data/kubernetes-default-roles.json: Kubernetes' default roles as the bootstrap policy defines them, read on the first
 * lookup (never on import), with admin, edit and view holding what they aggregate; and the script that writes it
 * (scripts/refresh-kubernetes-roles.mjs), offline and from a fresh cluster-roles.yaml.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import {
  kubernetesDefaultNamespaceRole,
  kubernetesDefaultRole,
  kubernetesDefaultRoleData,
  kubernetesDefaultRoleDataLoaded,
  kubernetesDefaultRoles,
} from '../../src/iam/kubernetes/default-roles.js';
import { roleRoutes } from '../../src/iam/kubernetes/rbac.js';
import { allow, model, role } from '../support/builders.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = 'scripts/refresh-kubernetes-roles.mjs';

describe('data/kubernetes-default-roles.json', () => {
  // Runs first in this file (its own module state): nothing has looked a role up yet.
  it('is not read for an AWS change, and is read on the first lookup', () => {
    evaluate(model({ identities: [role('Plain', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] })] }), {
      catalog: defaultCatalog(),
    });
    expect(kubernetesDefaultRoleDataLoaded()).toBe(false);
    expect(kubernetesDefaultRole('cluster-admin')?.rules).toEqual([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]);
    expect(kubernetesDefaultRoleDataLoaded()).toBe(true);
  });

  it('names its source and date, and holds the bootstrap ClusterRoles and the kube-system and kube-public Roles', () => {
    const { source, date, count } = kubernetesDefaultRoleData();
    expect(source).toMatch(/cluster-roles\.yaml/);
    expect(source).toMatch(/namespace-roles\.yaml/);
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(count).toBe(kubernetesDefaultRoles().length);
    for (const name of ['admin', 'edit', 'view', 'system:auth-delegator', 'system:aggregate-to-edit', 'system:node'])
      expect(kubernetesDefaultRole(name)?.name).toBe(name);
    expect(kubernetesDefaultRole('Edit')).toBeUndefined(); // names are case-sensitive
    expect(kubernetesDefaultNamespaceRole('kube-system', 'extension-apiserver-authentication-reader')?.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['extension-apiserver-authentication'],
        verbs: ['get', 'list', 'watch'],
      },
    ]);
    expect(kubernetesDefaultNamespaceRole('apps', 'extension-apiserver-authentication-reader')).toBeUndefined();
  });

  it('holds what admin, edit and view aggregate, resolved: view into edit into admin', () => {
    const admin = kubernetesDefaultRole('admin')!;
    const edit = kubernetesDefaultRole('edit')!;
    const view = kubernetesDefaultRole('view')!;
    expect([admin.aggregatedFrom, edit.aggregatedFrom, view.aggregatedFrom]).toEqual([
      ['edit', 'system:aggregate-to-admin'],
      ['system:aggregate-to-edit', 'view'],
      ['system:aggregate-to-view'],
    ]);
    expect(view.rules).toEqual(kubernetesDefaultRole('system:aggregate-to-view')!.rules);
    const json = (rules: readonly object[]) => rules.map((rule) => JSON.stringify(rule));
    expect(json(edit.rules)).toEqual(expect.arrayContaining(json(view.rules)));
    expect(json(admin.rules)).toEqual(expect.arrayContaining(json(edit.rules)));
    // What each grants, by the routes of the RBAC good-practices guide, bound cluster-wide.
    const routes = (name: string) =>
      roleRoutes(kubernetesDefaultRole(name)!.rules, true)
        .map((issue) => issue.route)
        .sort();
    expect(routes('cluster-admin')).toEqual(['wildcard']);
    // Their ConfigMap writes reach kube-system/aws-auth cluster-wide (aws-auth-write, since session 45).
    const editing = ['aws-auth-write', 'impersonate', 'pod-create', 'pod-exec', 'secrets-read', 'token-create'];
    expect(routes('edit')).toEqual(editing);
    expect(routes('admin')).toEqual(editing);
    expect(routes('view')).toEqual([]);
    expect(routes('system:auth-delegator')).toEqual([]);
  });

  it('is in no built bundle (dist/bundle, dist/cjs): an import parses none of it', () => {
    const bundled = ['bundle', 'cjs'].flatMap((folder) => {
      const dir = new URL(`../../dist/${folder}/`, import.meta.url);
      return readdirSync(dir)
        .filter((file) => file.endsWith('.js') || file.endsWith('.cjs'))
        .filter((file) =>
          readFileSync(new URL(file, dir), 'utf8').includes('certificatesigningrequests/selfnodeclient'),
        )
        .map((file) => `${folder}/${file}`);
    });
    expect(bundled).toEqual([]);
  });
});

describe('scripts/refresh-kubernetes-roles.mjs', () => {
  it('runs offline from the checked-in data and finds it in step', () => {
    const output = execFileSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim()).toBe('data/kubernetes-default-roles.json: in step');
  });

  it('from a fresh cluster-roles.yaml: keeps the facts, sorts the roles, resolves the aggregation; --check then finds it in step', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-k8s-refresh-'));
    const out = join(directory, 'roles.json');
    writeFileSync(
      join(directory, 'cluster-roles.yaml'),
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: rbac.authorization.k8s.io/v1',
        '  kind: ClusterRole',
        '  metadata: {name: view, labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}',
        '  aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}]}',
        '  rules: null',
        '- apiVersion: rbac.authorization.k8s.io/v1',
        '  kind: ClusterRole',
        '  metadata: {name: edit, creationTimestamp: null}',
        '  aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}]}',
        '  rules: null',
        '- apiVersion: rbac.authorization.k8s.io/v1',
        '  kind: ClusterRole',
        '  metadata: {name: "system:aggregate-to-view", labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}}',
        '  rules:',
        '  - {apiGroups: [""], resources: [pods], verbs: [get]}',
        '- apiVersion: rbac.authorization.k8s.io/v1',
        '  kind: ClusterRole',
        '  metadata: {name: "system:aggregate-to-edit", labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}}',
        '  rules:',
        '  - {verbs: [create], apiGroups: [""], resources: [pods]}',
        '  - {apiGroups: [""], resources: [pods], verbs: [get]}',
        '- apiVersion: rbac.authorization.k8s.io/v1',
        '  kind: Role',
        '  metadata: {name: reader, namespace: kube-system}',
        '  rules:',
        '  - {apiGroups: [""], resources: [configmaps], resourceNames: [one], verbs: [get]}',
        '',
      ].join('\n'),
    );
    const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
    const fresh = ['--from', join(directory, 'cluster-roles.yaml'), '--out', out];
    expect(run(...fresh).status).toBe(2); // --source and --date are required
    const written = run(...fresh, '--source', 'test fixture', '--date', '2026-12-04');
    expect([written.status, written.stderr]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8').split('\n').slice(5)).toEqual([
      '  "count": 4,',
      '  "namespaceRoleCount": 1,',
      '  "roles": [',
      '    {"name":"edit","aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"}}]},"aggregatedFrom":["system:aggregate-to-edit","view"],"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["create"]},{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]},',
      '    {"name":"system:aggregate-to-edit","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["create"]},{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]},',
      '    {"name":"system:aggregate-to-view","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]},',
      '    {"name":"view","labels":{"rbac.authorization.k8s.io/aggregate-to-edit":"true"},"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}}]},"aggregatedFrom":["system:aggregate-to-view"],"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}',
      '  ],',
      '  "namespaceRoles": [',
      '    {"name":"reader","namespace":"kube-system","rules":[{"apiGroups":[""],"resources":["configmaps"],"resourceNames":["one"],"verbs":["get"]}]}',
      '  ]',
      '}',
      '',
    ]);
    expect(run('--check', '--out', out).stdout.trim()).toBe(`${out}: in step`);
    writeFileSync(out, readFileSync(out, 'utf8').replace('"verbs":["create"]', '"verbs":["create","delete"]'));
    const stale = run('--check', '--out', out);
    expect([stale.status, stale.stdout.trim()]).toEqual([
      1,
      `${out}: NOT what the script writes: run it and review the diff`,
    ]);
  });
});
