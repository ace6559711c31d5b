/**
 * Static install manifests of widely deployed cluster add-ons, copied verbatim (test/corpus/kubernetes-static-manifests,
 * sources, commits and licences in its README): flannel's kube-flannel.yml, Rancher's local-path-provisioner, the
 * Kubernetes dashboard's recommended.yaml (v2, the last commit that kept it), Calico's etcd-datastore install and its
 * calicoctl pod, MetalLB's native install and the descheduler's RBAC. None of them is in
 * test/corpus/kubernetes-manifests. Each file is checked alone, as a user runs `entitlement-guard check <file>` with no
 * catalog; every content finding is asserted here, and judged (right, noisy, wrong) in the README.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'kubernetes-static-manifests');

/** Per file: its exit code and its content findings (the catalog rules aside) as `rule level kind name detail`, sorted. */
const EXPECTED: Record<string, { exitCode: number; content: string[] }> = {
  'calico/calico-etcd.yaml': { exitCode: 1, content: [] },
  'calico/calicoctl.yaml': {
    exitCode: 1,
    content: [
      'no-wildcard-privilege mandatory ClusterRole calicoctl Route::namespace-modify',
      'no-wildcard-privilege mandatory ClusterRoleBinding calicoctl Role::calicoctl/Route::namespace-modify',
      'no-wildcard-privilege mandatory ServiceAccount calicoctl Token::automount',
    ],
  },
  // Before session 44 also `no-long-lived-credentials mandatory Secret kubernetes-dashboard-csrf Secret::plaintext-value`
  // (noisy: `csrf: ""` is a placeholder the dashboard fills).
  'dashboard/recommended.yaml': { exitCode: 1, content: [] },
  'descheduler/rbac.yaml': { exitCode: 1, content: [] },
  'flannel/kube-flannel.yml': { exitCode: 1, content: [] },
  'local-path-provisioner/local-path-storage.yaml': {
    exitCode: 1,
    content: [
      'no-wildcard-privilege mandatory ClusterRole local-path-provisioner-role Route::pv-create',
      'no-wildcard-privilege mandatory ClusterRoleBinding local-path-provisioner-bind Role::local-path-provisioner-role/Route::pv-create',
      'no-wildcard-privilege mandatory Role local-path-provisioner-role Route::pod-create',
      'no-wildcard-privilege mandatory RoleBinding local-path-provisioner-bind Role::local-path-provisioner-role/Route::pod-create',
      'no-wildcard-privilege mandatory ServiceAccount local-path-provisioner-service-account Token::automount',
    ],
  },
  'metallb/metallb-native.yaml': {
    exitCode: 1,
    content: [
      'no-wildcard-privilege mandatory ClusterRole metallb-system:controller Route::webhook-write',
      'no-wildcard-privilege mandatory ClusterRoleBinding metallb-system:controller Role::metallb-system:controller/Route::webhook-write',
      'no-wildcard-privilege mandatory Role controller Route::token-create',
      'no-wildcard-privilege mandatory RoleBinding controller Role::controller/Route::token-create',
      'no-wildcard-privilege mandatory ServiceAccount controller Token::automount',
    ],
  },
};

describe('static install manifests of cluster add-ons, verbatim', () => {
  const checks = checkEachTemplate(CORPUS);
  const content = (file: string) => {
    const result = checks.get(file);
    if (!result) throw new Error(`no such file: ${file}`);
    expect(result.errors, file).toEqual([]);
    return (result.result?.findings ?? [])
      .filter((f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement')
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort();
  };

  it('reads the 8 files, every one (exit 1: without a catalog every account and secret lacks an owner)', () => {
    expect([...checks.keys()]).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.entries(EXPECTED))('%s', (file, { exitCode, content: expected }) => {
    expect(checks.get(file)?.exitCode).toBe(exitCode);
    expect(content(file)).toEqual(expected);
  });

  it('reads every account each install runs, so an empty verdict is not an unread file', () => {
    const accounts = (file: string) =>
      (checks.get(file)?.result?.findings ?? [])
        .filter((f) => f.ruleId === 'require-entitlement')
        .map((f) => f.resource.name)
        .sort();
    expect(accounts('calico/calico-etcd.yaml')).toEqual(['calico-cni-plugin', 'calico-kube-controllers', 'calico-node']);
    expect(accounts('dashboard/recommended.yaml')).toEqual(['kubernetes-dashboard']);
    expect(accounts('descheduler/rbac.yaml')).toEqual(['descheduler-sa']);
    expect(accounts('flannel/kube-flannel.yml')).toEqual(['flannel']);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot(
      '__snapshots__/kubernetes-static-manifests-corpus.txt',
    );
  });
});
