/**
 * Rendered Kubernetes manifests of three public projects, copied verbatim (test/corpus/kubernetes-manifests, sources
 * and licences in its README): ingress-nginx's static install, kube-prometheus's RBAC, service accounts and secrets
 * (one directory, one change), argo-cd's cluster RBAC as its kustomize tree. Each is checked as a user runs
 * `entitlement-guard check <file|dir>` with no catalog; every content finding is listed here and judged in the README.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'kubernetes-manifests');

describe('public Kubernetes manifests, verbatim', () => {
  const checks = checkEachTemplate(CORPUS, {
    together: (directory) => directory === 'kube-prometheus' || directory === 'argo-cd',
  });
  /** Content findings (the catalog rules aside) as `rule resource detail`, sorted. */
  const content = (unit: string) => {
    const result = checks.get(unit);
    if (!result) throw new Error(`no such unit: ${unit}`);
    expect(result.errors, unit).toEqual([]);
    return (result.result?.findings ?? [])
      .filter((f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement')
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort();
  };

  it('checks three units: the ingress-nginx file, the kube-prometheus and argo-cd directories; all blocked (exit 1)', () => {
    expect([...checks].map(([unit, result]) => [unit, result.exitCode])).toEqual([
      ['argo-cd', 1],
      ['ingress-nginx/deploy.yaml', 1],
      ['kube-prometheus', 1],
    ]);
  });

  it('ingress-nginx: the controller reads every secret and mounts its token; the admission job rewrites webhooks', () => {
    expect(content('ingress-nginx/deploy.yaml')).toEqual([
      'no-wildcard-privilege mandatory ClusterRole ingress-nginx Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRole ingress-nginx-admission Route::webhook-write',
      'no-wildcard-privilege mandatory ClusterRoleBinding ingress-nginx Role::ingress-nginx/Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding ingress-nginx-admission Role::ingress-nginx-admission/Route::webhook-write',
      'no-wildcard-privilege mandatory ServiceAccount ingress-nginx Token::automount',
      'no-wildcard-privilege mandatory ServiceAccount ingress-nginx-admission Token::automount',
    ]);
  });

  it('kube-prometheus: the operator and kube-state-metrics read every secret, and the operator creates StatefulSets (pods as any account) in every namespace; the two Kubernetes default roles it binds are read from the data and reach no route; its two RoleLists are read, not refused', () => {
    expect(content('kube-prometheus')).toEqual([
      'no-long-lived-credentials mandatory Secret alertmanager-main Secret::plaintext-value',
      'no-wildcard-privilege mandatory ClusterRole kube-state-metrics Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRole prometheus-operator Route::pod-create',
      'no-wildcard-privilege mandatory ClusterRole prometheus-operator Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding kube-state-metrics Role::kube-state-metrics/Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding prometheus-operator Role::prometheus-operator/Route::pod-create',
      'no-wildcard-privilege mandatory ClusterRoleBinding prometheus-operator Role::prometheus-operator/Route::secrets-read',
    ]);
    // prometheus-adapter holds system:auth-delegator (create tokenreviews and subjectaccessreviews) and, in kube-system,
    // extension-apiserver-authentication-reader (read one configmap): Kubernetes' own roles, with their rules.
    const audit = checks.get('kube-prometheus')!.result!;
    expect(audit.findings.filter((f) => /auth-delegator|auth-reader/.test(f.resource.name)).map((f) => f.ruleId)).toEqual(
      [],
    );
  });

  it('argo-cd: the application controller is cluster-admin in effect, the server reaches six routes (patching any Deployment is pod creation); the kustomization files only list', () => {
    expect(content('argo-cd')).toEqual([
      'no-wildcard-privilege mandatory ClusterRole argocd-application-controller Route::wildcard',
      'no-wildcard-privilege mandatory ClusterRole argocd-applicationset-controller Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::csr-approval',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::nodes-proxy',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::pod-create',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::pod-exec',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRole argocd-server Route::webhook-write',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-application-controller Role::argocd-application-controller/Route::wildcard',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-applicationset-controller Role::argocd-applicationset-controller/Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::csr-approval',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::nodes-proxy',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::pod-create',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::pod-exec',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::secrets-read',
      'no-wildcard-privilege mandatory ClusterRoleBinding argocd-server Role::argocd-server/Route::webhook-write',
    ]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/kubernetes-manifests-corpus.txt');
  });
});
