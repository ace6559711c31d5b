/**
 * Regression corpus beyond AWS: manifests and programs WE wrote reproducing the identity facts of public code we did
 * not write (each file's header names its source repository, path and commit), held to examples/catalog.yaml.
 * Kubernetes: the RBAC of well-known Helm charts rendered by hand with their default values, through the CLI.
 * Every privilege finding is listed and judged in the comments; the other rules are counted.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import type { Finding } from '../../src/engine/finding.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const now = new Date('2026-12-01T00:00:00Z');

function check(file: string): Finding[] {
  const result = runCheck({ paths: [file], catalogPath: 'examples/catalog.yaml', format: 'json', cwd: ROOT, now, toolVersion: 'test' });
  if (!result.result) throw new Error(result.errors?.join('\n') ?? 'no result');
  return result.result.findings.filter((finding) => finding.ruleId !== 'exception-expiry');
}
const privilege = (findings: Finding[]) =>
  findings.filter((f) => f.ruleId === 'no-wildcard-privilege' && f.detail !== 'Token::automount').map((f) => `${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`).sort();
function byRule(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[`${finding.ruleId}${finding.detail === 'Token::automount' ? ' (automount)' : ''}`] = (counts[`${finding.ruleId}${finding.detail === 'Token::automount' ? ' (automount)' : ''}`] ?? 0) + 1;
  return counts;
}
/** Every service account of a chart: no owner, class or entitlement in the example catalog, and its token mounted. */
const perAccount = (accounts: number, automount: number) => ({
  'require-owner': accounts,
  'require-entitlement': accounts * 2,
  ...(automount ? { 'no-wildcard-privilege (automount)': automount } : {}),
});

describe('Kubernetes corpus: Helm charts RBAC', () => {
  it('ingress-nginx: the controller reads every secret (by design, for TLS: right, a waiver case); the admission patch job rewrites validating webhooks (right)', () => {
    const findings = check('test/corpus/kubernetes/ingress-nginx.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole ingress-nginx Route::secrets-read',
      'ClusterRole ingress-nginx-admission Route::webhook-write',
      'ClusterRoleBinding ingress-nginx Role::ingress-nginx/Route::secrets-read',
      'ClusterRoleBinding ingress-nginx-admission Role::ingress-nginx-admission/Route::webhook-write',
    ]);
    // The namespaced Role reads secrets of its own namespace only: no route.
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 4, ...perAccount(2, 2) });
  });

  it('cert-manager: the issuers and challenges controllers read every secret, the HTTP-01 solver creates pods (right); its own token request (resourceNames) and the signer rules are no route', () => {
    const findings = check('test/corpus/kubernetes/cert-manager.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole cert-manager-controller-challenges Route::pod-create',
      'ClusterRole cert-manager-controller-challenges Route::secrets-read',
      'ClusterRole cert-manager-controller-issuers Route::secrets-read',
      'ClusterRoleBinding cert-manager-controller-challenges Role::cert-manager-controller-challenges/Route::pod-create',
      'ClusterRoleBinding cert-manager-controller-challenges Role::cert-manager-controller-challenges/Route::secrets-read',
      'ClusterRoleBinding cert-manager-controller-issuers Role::cert-manager-controller-issuers/Route::secrets-read',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 6, ...perAccount(1, 1) });
  });

  it('argo-cd: the application controller is cluster-admin in effect; the server’s get/patch/delete on everything reaches five routes (right)', () => {
    const findings = check('test/corpus/kubernetes/argo-cd.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole argocd-application-controller Route::wildcard',
      'ClusterRole argocd-server Route::csr-approval',
      'ClusterRole argocd-server Route::nodes-proxy',
      'ClusterRole argocd-server Route::pod-exec',
      'ClusterRole argocd-server Route::secrets-read',
      'ClusterRole argocd-server Route::webhook-write',
      'ClusterRoleBinding argocd-application-controller Role::argocd-application-controller/Route::wildcard',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::csr-approval',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::nodes-proxy',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::pod-exec',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::secrets-read',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::webhook-write',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 12, ...perAccount(2, 2) });
  });

  it('prometheus-operator: every verb on secrets cluster-wide (right); every verb on its own CRDs and statefulsets is no route', () => {
    const findings = check('test/corpus/kubernetes/prometheus-operator.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole kube-prometheus-stack-operator Route::secrets-read',
      'ClusterRoleBinding kube-prometheus-stack-operator Role::kube-prometheus-stack-operator/Route::secrets-read',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 2, ...perAccount(1, 1) });
  });

  it('external-secrets: reads every secret and mints tokens for any service account (right: both are what it does)', () => {
    const findings = check('test/corpus/kubernetes/external-secrets.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole external-secrets-controller Route::secrets-read',
      'ClusterRole external-secrets-controller Route::token-create',
      'ClusterRoleBinding external-secrets-controller Role::external-secrets-controller/Route::secrets-read',
      'ClusterRoleBinding external-secrets-controller Role::external-secrets-controller/Route::token-create',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 4, ...perAccount(1, 1) });
  });

  it('kube-state-metrics: lists every secret with its default collectors (right); list/watch on webhooks and CSRs is no route', () => {
    const findings = check('test/corpus/kubernetes/kube-state-metrics.yaml');
    expect(privilege(findings)).toEqual(['ClusterRole kube-state-metrics Route::secrets-read', 'ClusterRoleBinding kube-state-metrics Role::kube-state-metrics/Route::secrets-read']);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 2, ...perAccount(1, 1) });
  });
});
