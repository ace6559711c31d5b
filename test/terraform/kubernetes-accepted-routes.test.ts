/**
 * One verdict everywhere for routes the catalog accepts: a Terraform plan of the deployer that the manifests and the
 * Pulumi program of test/fixtures/kubernetes/routes.yaml hold (a workload account entitled to payments-namespace-edit,
 * a Role patching Deployments in payments, the binding) passes under the example catalog, which accepts route
 * pod-create for payments-deployer there; the same plan under a catalog that does not accept it reports the route on
 * the Role and on the binding, as the CLI does on the manifest (test/cli/kubernetes-accepted-routes.test.ts). Accepting
 * pod-create accepts nothing else: exec into running pods, added to the Role, is still pod-exec. Patching running pods
 * (their images) is pod-exec that pod-create subsumes in the same namespace (src/iam/kubernetes/rbac.ts,
 * SUBSUMED_ROUTES), so the same acceptance covers it (since session 42).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const CATALOG_TEXT = readFileSync(join(REPO, 'examples/catalog.yaml'), 'utf8');
const RBAC = 'rbac.authorization.k8s.io';

const PLAN: PlannedResource[] = [
  {
    address: 'kubernetes_service_account_v1.payments_rollout',
    values: {
      metadata: [
        {
          name: 'payments-rollout',
          namespace: 'payments',
          labels: { owner: 'team-platform', 'identity-class': 'workload' },
          annotations: { entitlements: 'payments-namespace-edit' },
        },
      ],
      automount_service_account_token: false,
    },
    unknown: { id: true, default_secret_name: true },
  },
  {
    address: 'kubernetes_role_v1.payments_deployer',
    values: {
      metadata: [{ name: 'payments-deployer', namespace: 'payments' }],
      rule: [{ api_groups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'patch'] }],
    },
    unknown: { id: true },
  },
  {
    address: 'kubernetes_role_binding_v1.payments_rollout_deploy',
    values: {
      metadata: [{ name: 'payments-rollout-deploy', namespace: 'payments' }],
      role_ref: [{ api_group: RBAC, kind: 'Role', name: 'payments-deployer' }],
      subject: [{ kind: 'ServiceAccount', name: 'payments-rollout', namespace: 'payments', api_group: '' }],
    },
    unknown: { id: true },
  },
];

function routes(catalogText: string, plan: PlannedResource[] = PLAN): string[] {
  const catalog = parseCatalog(catalogText, 'catalog.yaml');
  const model = modelFromTerraformPlan(terraformPlan(plan), { file: 'plan.json' });
  return evaluate(model, { catalog, now: new Date('2026-12-01T00:00:00Z') })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((finding) => `${finding.level} ${finding.resource.name} ${finding.detail ?? ''}`)
    .sort();
}

describe('Terraform: Kubernetes routes the catalog accepts', () => {
  it('the deployer whose entitlement accepts pod-create in payments passes, its Role too', () => {
    expect(routes(CATALOG_TEXT)).toEqual([]);
  });

  it('without acceptedRoutes in the catalog, patching Deployments is pod creation on the Role and on the binding', () => {
    const unaccepted = CATALOG_TEXT.replace(/^ {6}acceptedRoutes: \[pod-create\]\n/m, '');
    expect(unaccepted).not.toBe(CATALOG_TEXT);
    expect(routes(unaccepted)).toEqual([
      'mandatory kubernetes_role_binding_v1.payments_rollout_deploy Role::payments-deployer/Route::pod-create',
      'mandatory kubernetes_role_v1.payments_deployer Route::pod-create',
    ]);
  });

  /** The plan with `rules` added to the deployer's Role. */
  const withRules = (...rules: object[]): PlannedResource[] =>
    PLAN.map((resource) =>
      resource.address === 'kubernetes_role_v1.payments_deployer'
        ? { ...resource, values: { ...resource.values, rule: [...(resource.values?.rule as object[]), ...rules] } }
        : resource,
    );

  // Until session 42 this plan gave pod-exec on the Role and on the binding: patching a running pod's image runs as
  // that pod's account with its volumes, which the Role's pod-create (patching Deployments) already reaches in
  // payments, under the same admission; the catalog accepting pod-create there now accepts the Role.
  it('pod-create accepted covers patching running pods (their images) in the same Role: pod-create subsumes it', () => {
    expect(routes(CATALOG_TEXT, withRules({ api_groups: [''], resources: ['pods'], verbs: ['get', 'patch'] }))).toEqual(
      [],
    );
  });

  it('pod-create accepted leaves pod-exec: the same Role also exec-ing into running pods is reported', () => {
    const execs = withRules(
      { api_groups: [''], resources: ['pods'], verbs: ['get', 'patch'] },
      { api_groups: [''], resources: ['pods/exec'], verbs: ['create'] },
    );
    expect(routes(CATALOG_TEXT, execs)).toEqual([
      'mandatory kubernetes_role_binding_v1.payments_rollout_deploy Role::payments-deployer/Route::pod-exec',
      'mandatory kubernetes_role_v1.payments_deployer Route::pod-exec',
    ]);
  });
});
