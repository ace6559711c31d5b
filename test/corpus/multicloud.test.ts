/**
 * Regression corpus beyond AWS: manifests and programs WE wrote reproducing the identity facts of public code we did
 * not write (each file's header names its source repository, path and commit), held to examples/catalog.yaml.
 * Kubernetes: the RBAC of well-known Helm charts rendered by hand with their default values, through the CLI; every
 * privilege finding is listed and judged in the comments, the other rules counted. Azure and Google Cloud: Pulumi's
 * own examples (pulumi/examples), their identity facts as programs captured under the SDK's mocks (the classic
 * @pulumi/azure one as the records it registers), every finding listed and judged.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { runCheck } from '../../src/cli/check.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import { stackResources } from '../multicloud/support/capture.js';
import { allRules } from '../../src/rules/index.js';
import { analyzerClient, captureProgram, resourceNameOf, startEngine, startPack, waiverOf } from '../pulumi/support/analyzer-client.mjs';
import { MSI_KEYVAULT_RBAC } from './azure/msi-keyvault-rbac.records.js';

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

  it('cert-manager: the issuers and challenges controllers read every secret, the HTTP-01 solver creates pods (right); the issuers controller creates secrets it reads back, a token Secret for any account (right, since session 36); its own token request (resourceNames) and the signer rules are no route', () => {
    const findings = check('test/corpus/kubernetes/cert-manager.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole cert-manager-controller-challenges Route::pod-create',
      'ClusterRole cert-manager-controller-challenges Route::secrets-read',
      'ClusterRole cert-manager-controller-issuers Route::secrets-read',
      'ClusterRole cert-manager-controller-issuers Route::token-create',
      'ClusterRoleBinding cert-manager-controller-challenges Role::cert-manager-controller-challenges/Route::pod-create',
      'ClusterRoleBinding cert-manager-controller-challenges Role::cert-manager-controller-challenges/Route::secrets-read',
      'ClusterRoleBinding cert-manager-controller-issuers Role::cert-manager-controller-issuers/Route::secrets-read',
      'ClusterRoleBinding cert-manager-controller-issuers Role::cert-manager-controller-issuers/Route::token-create',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 8, ...perAccount(1, 1) });
  });

  it('argo-cd: the application controller is cluster-admin in effect; the server’s get/patch/delete on everything reaches seven routes, patching any Deployment, namespace or APIService (since session 37) among them (right); its patch on every approval subresource without approve on any signer approves no certificate request (since session 43)', () => {
    const findings = check('test/corpus/kubernetes/argo-cd.yaml');
    expect(privilege(findings)).toEqual([
      'ClusterRole argocd-application-controller Route::wildcard',
      'ClusterRole argocd-server Route::apiservice-write',
      // Since session 45, advisory (no EKS in the chart): patch on every ConfigMap rewrites kube-system/aws-auth,
      // cluster-admin on EKS (right), here and on the binding.
      'ClusterRole argocd-server Route::aws-auth-write',
      'ClusterRole argocd-server Route::namespace-modify',
      'ClusterRole argocd-server Route::nodes-proxy',
      'ClusterRole argocd-server Route::pod-create',
      'ClusterRole argocd-server Route::pod-exec',
      'ClusterRole argocd-server Route::secrets-read',
      'ClusterRole argocd-server Route::webhook-write',
      'ClusterRoleBinding argocd-application-controller Role::argocd-application-controller/Route::wildcard',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::apiservice-write',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::aws-auth-write',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::namespace-modify',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::nodes-proxy',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::pod-create',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::pod-exec',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::secrets-read',
      'ClusterRoleBinding argocd-server Role::argocd-server/Route::webhook-write',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 18, ...perAccount(2, 2) });
  });

  it('prometheus-operator: every verb on secrets cluster-wide (right); every verb on statefulsets cluster-wide runs pods as any account of any namespace (right); every verb on secrets includes creating a token Secret for any account (right, since session 36); every verb on its own CRDs is no route', () => {
    const findings = check('test/corpus/kubernetes/prometheus-operator.yaml');
    expect(privilege(findings)).toEqual([
      // Since session 45, advisory (no EKS in the chart): every verb on ConfigMaps writes kube-system/aws-auth, cluster-admin
      // on EKS (right), here and on the binding.
      'ClusterRole kube-prometheus-stack-operator Route::aws-auth-write',
      'ClusterRole kube-prometheus-stack-operator Route::pod-create',
      'ClusterRole kube-prometheus-stack-operator Route::secrets-read',
      'ClusterRole kube-prometheus-stack-operator Route::token-create',
      'ClusterRoleBinding kube-prometheus-stack-operator Role::kube-prometheus-stack-operator/Route::aws-auth-write',
      'ClusterRoleBinding kube-prometheus-stack-operator Role::kube-prometheus-stack-operator/Route::pod-create',
      'ClusterRoleBinding kube-prometheus-stack-operator Role::kube-prometheus-stack-operator/Route::secrets-read',
      'ClusterRoleBinding kube-prometheus-stack-operator Role::kube-prometheus-stack-operator/Route::token-create',
    ]);
    expect(byRule(findings)).toEqual({ 'no-wildcard-privilege': 8, ...perAccount(1, 1) });
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

const PROGRAMS = ['azure/aks-managed-identity', 'azure/oidc-provider-pulumi-cloud', 'azure/synapse', 'gcp/gke-serviceaccount', 'gcp/oidc-provider-pulumi-cloud'] as const;
const captured = {} as Record<(typeof PROGRAMS)[number], PulumiResource[]>;
const CATALOG_PATH = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
const catalog = loadCatalog(CATALOG_PATH);
/**
 * The built pack's verdicts on each program, asked as `pulumi preview` asks (Analyze per resource, then AnalyzeStack)
 * with the example catalog for every policy, and the engine's on the same resources at the same clock (the pack judges
 * exceptions against the clock): `rule waived|level resource`, the catalog's own findings left out.
 */
const packVerdicts = {} as Record<(typeof PROGRAMS)[number], { pack: string[]; engine: string[] }>;
let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
let pack: Awaited<ReturnType<typeof startPack>> | undefined;

beforeAll(async () => {
  engine = await startEngine();
  pack = await startPack(fileURLToPath(new URL('../../policypack', import.meta.url)), engine.address);
  const client = analyzerClient(pack.port);
  try {
    await client.configure(Object.fromEntries(allRules.map((rule) => [rule.meta.id, { properties: { catalogPath: CATALOG_PATH } }])));
    for (const program of PROGRAMS) {
      const file = fileURLToPath(new URL(`./${program}.ts`, import.meta.url));
      const records = await captureProgram(file, 'update', { project: program.split('/')[1] });
      captured[program] = stackResources(records);
      packVerdicts[program] = {
        pack: (await client.analyzeAsDeployment(records))
          .filter((d) => d.policyName !== 'exception-expiry')
          .map((d) => `${d.policyName} ${waiverOf(d) ? 'waived' : d.enforcementLevel} ${resourceNameOf(d)}`)
          .sort(),
        engine: evaluate(modelFromPulumiResources(captured[program]), { catalog, now: new Date() })
          .findings.filter((f) => f.ruleId !== 'exception-expiry')
          .map((f) => `${f.ruleId} ${f.waivedBy ? 'waived' : f.level} ${f.resource.name}`)
          .sort(),
      };
    }
  } finally {
    client.close();
  }
}, 240_000);

afterAll(async () => {
  await pack?.stop();
  await engine?.close();
});

describe('Azure and Google Cloud corpus: the policy pack over the analyzer protocol', () => {
  it.each(PROGRAMS)('%s: the pack gives the engine verdicts', (program) => {
    expect(packVerdicts[program].pack).toEqual(packVerdicts[program].engine);
  });
  it('compares verdicts, not silence: every program but azure/synapse (clean under the example catalog) has some', () => {
    expect(PROGRAMS.filter((program) => packVerdicts[program].engine.length === 0)).toEqual(['azure/synapse']);
  });
});

/** `rule level resource detail` of every finding but the catalog's own, sorted. */
function summary(resources: PulumiResource[]): string[] {
  return evaluate(modelFromPulumiResources(resources), { catalog, now })
    .findings.filter((f) => f.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? ''}`.trim())
    .sort();
}
/** The three findings every identity without a catalog record gets under the example catalog (right: nobody declared it). */
const undeclared = (name: string) => [`require-entitlement mandatory ${name} Class::undeclared`, `require-entitlement mandatory ${name} Entitlement::none`, `require-owner mandatory ${name} Owner::missing`];

describe('Azure corpus: pulumi/examples', () => {
  it('azure-ts-aks-managed-identity: Contributor on the cluster’s resource group is below the broad scopes the rule judges (by design; not reported)', () => {
    expect(summary(captured['azure/aks-managed-identity'])).toEqual(undeclared('identity'));
  });

  it('azure-ts-oidc-provider-pulumi-cloud: Contributor on the subscription (right), Pulumi Cloud OIDC not among the catalog’s issuers (right, twice)', () => {
    expect(summary(captured['azure/oidc-provider-pulumi-cloud'])).toEqual(
      [
        'no-wildcard-privilege mandatory myroleassignment Role::Contributor',
        ...undeclared('myserviceprincipal'),
        'restrict-trust mandatory federatedIdentityCredential Federated::https://api.pulumi.com/oidc',
        'restrict-trust mandatory federatedIdentityCredentialIac Federated::https://api.pulumi.com/oidc',
      ].sort(),
    );
  });

  it('azure-ts-synapse: Storage Blob Data Contributor on one storage account stays clean (right); the user’s is left to the human rules', () => {
    expect(summary(captured['azure/synapse'])).toEqual([]);
  });

  it('classic-azure-ts-msi-keyvault-rbac (classic provider): Storage Blob Data Reader by name on one container stays clean (right)', () => {
    expect(summary(MSI_KEYVAULT_RBAC)).toEqual([]);
  });
});

describe('Google Cloud corpus: pulumi/examples', () => {
  it('gcp-ts-gke-serviceaccount: the exported key (right); roles/pubsub.subscriber on the project is no privilege (right)', () => {
    expect(summary(captured['gcp/gke-serviceaccount'])).toEqual(['no-long-lived-credentials mandatory serviceAccount-key Credential::gcp-service-account-key', ...undeclared('gke-app')].sort());
  });

  it('gcp-ts-oidc-provider-pulumi-cloud: a provider without attribute condition trusted by the whole pool (right, twice), an issuer the catalog does not know (right); roles/admin is pending: a basic role the data has no permissions for (fail closed, a data gap)', () => {
    expect(summary(captured['gcp/oidc-provider-pulumi-cloud'])).toEqual(
      [
        'no-wildcard-privilege pending service-account Role::unknown',
        ...undeclared('service-account'),
        'restrict-trust mandatory identity-pool-provider Condition::attributeCondition',
        'restrict-trust mandatory identity-pool-provider Federated::https://api.pulumi.com/oidc',
        'restrict-trust mandatory identity-pool-provider Subject::*',
      ].sort(),
    );
  });
});
