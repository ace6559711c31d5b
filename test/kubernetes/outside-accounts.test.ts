/**
 * A service account that a binding of the change names but the change does not create (applied by another chart, or
 * by hand) is an external identity of its own (adapters/kubernetes/to-model.ts), as an AWS role is that the change
 * attaches a policy to. So a catalog record of that account holds what the change binds it to to its entitlements
 * (require-entitlement) and accepts its routes (kubernetes.acceptedRoutes), where the grant used to be judged for
 * privilege only, to a bare member: `ci-deployer`, which examples/catalog.yaml entitles to payments-deployer in
 * payments, bound to a reader in kube-system, passed. An account the catalog does not record is still judged for
 * privilege only, named as the binding names it. Through the CLI on manifests, a Terraform plan and a Pulumi program.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { stackResources } from '../multicloud/support/capture.js';
import { captureProgram, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { checkManifest } from '../support/check-manifest.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG_TEXT = readFileSync(path('../../examples/catalog.yaml'), 'utf8');
const CATALOG = parseCatalog(CATALOG_TEXT, 'examples/catalog.yaml');
const NOW = new Date('2026-06-01T00:00:00Z');

const RBAC = 'rbac.authorization.k8s.io';
const role = (name: string, namespace: string, rule: string) =>
  `apiVersion: ${RBAC}/v1\nkind: Role\nmetadata: {name: ${name}, namespace: ${namespace}}\nrules:\n  - ${rule}\n---\n`;
const binding = (name: string, namespace: string, roleName: string, account: string, accountNamespace = namespace) =>
  `apiVersion: ${RBAC}/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: ${namespace}}\nroleRef: {apiGroup: ${RBAC}, kind: Role, name: ${roleName}}\nsubjects: [{kind: ServiceAccount, name: ${account}, namespace: ${accountNamespace}}]\n---\n`;
const CONFIG_READER = '{apiGroups: [""], resources: [configmaps], verbs: [get, list]}';
const SECRETS_READER = '{apiGroups: [""], resources: [secrets], verbs: [get, list]}';
const DEPLOYS = '{apiGroups: [apps], resources: [deployments], verbs: [get, update, patch]}';

/** Findings without the catalog's own (an exception of examples/catalog.yaml has expired). */
const verdicts = (findings: readonly Finding[]) =>
  findings
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();

function check(manifest: string) {
  const { exitCode, findings } = checkManifest(manifest, CATALOG_TEXT);
  return { exitCode, verdicts: verdicts(findings), findings };
}

describe('a binding to a service account the change does not create: the CLI on manifests', () => {
  it('holds an account the catalog records to its entitlements: a reader in kube-system is beyond payments-deployer in payments', () => {
    const {
      exitCode,
      verdicts: found,
      findings,
    } = check(
      role('config-reader', 'kube-system', CONFIG_READER) +
        binding('ci-reads', 'kube-system', 'config-reader', 'ci-deployer'),
    );
    expect([exitCode, found]).toEqual([
      1,
      ['require-entitlement mandatory ci-reads Role::config-reader@namespace/kube-system'],
    ]);
    const finding = findings.find((f) => f.ruleId === 'require-entitlement');
    expect(finding?.message).toBe(
      'ci-reads grants ci-deployer config-reader on namespace/kube-system, which none of its entitlements ' +
        '(ci-deploy, payments-namespace-edit) allows (allowed on kubernetes: payments-deployer in namespace payments). ' +
        'Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
    );
    // The account is an identity of its own, found in the catalog by the name the API server gives it.
    expect(finding?.identity).toBe('app.yaml#ServiceAccount/kube-system/ci-deployer');
  });

  it('accepts what the entitlements allow, the accepted route included: payments-deployer in payments passes', () => {
    // Patching Deployments is pod creation (Route::pod-create), which payments-namespace-edit accepts for its holders:
    // before, a holder outside the change had no profile, so the route was reported on the binding.
    expect(
      check(
        role('payments-deployer', 'payments', DEPLOYS) +
          binding('ci-deploys', 'payments', 'payments-deployer', 'ci-deployer'),
      ).verdicts,
    ).toEqual([]);
  });

  it('judges an account the catalog does not record for privilege only, named with its namespace', () => {
    const { verdicts: found, findings } = check(
      `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: {name: secrets-reader}\nrules:\n  - ${SECRETS_READER}\n---\n` +
        `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: {name: metrics-reads}\nroleRef: {apiGroup: ${RBAC}, kind: ClusterRole, name: secrets-reader}\nsubjects: [{kind: ServiceAccount, name: metrics-agent, namespace: monitoring}]\n---\n` +
        role('config-reader', 'monitoring', CONFIG_READER) +
        binding('metrics-config', 'monitoring', 'config-reader', 'metrics-agent'),
    );
    // No require-entitlement or require-owner: nothing records the account, and the change does not create it.
    expect(found).toEqual([
      'no-wildcard-privilege mandatory metrics-reads Role::secrets-reader/Route::secrets-read',
      'no-wildcard-privilege mandatory secrets-reader Route::secrets-read',
    ]);
    expect(findings.find((f) => f.resource.name === 'metrics-reads')?.message).toMatch(
      /^metrics-reads binds ServiceAccount monitoring\/metrics-agent to secrets-reader cluster-wide \(ClusterRoleBinding\)/,
    );
  });

  it('judges a binding of an unrecorded account to a role the catalog names only in a namespace the catalog allows it in', () => {
    // payments-deployer is named by payments-namespace-edit for namespace payments: in kube-system, nothing says what
    // it is, and no catalog record holds metrics-agent to its entitlements (h78's probe, kept for accounts now identities).
    const outside = binding('sneaky', 'kube-system', 'payments-deployer', 'metrics-agent');
    expect(check(outside).verdicts).toEqual(['no-wildcard-privilege mandatory sneaky Role::payments-deployer']);
    expect(check(binding('allowed', 'payments', 'payments-deployer', 'metrics-agent')).verdicts).toEqual([]);
  });

  it('links a pod of the change to the account a binding names, wherever the binding is: its mounted token is reported', () => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: monitoring}\nspec:\n  serviceAccountName: metrics-agent\n  containers: [{name: agent, image: example/agent:1}]\n---\n`;
    const rbac =
      `apiVersion: ${RBAC}/v1\nkind: ClusterRole\nmetadata: {name: secrets-reader}\nrules:\n  - ${SECRETS_READER}\n---\n` +
      `apiVersion: ${RBAC}/v1\nkind: ClusterRoleBinding\nmetadata: {name: metrics-reads}\nroleRef: {apiGroup: ${RBAC}, kind: ClusterRole, name: secrets-reader}\nsubjects: [{kind: ServiceAccount, name: metrics-agent, namespace: monitoring}]\n---\n`;
    const expected = [
      'no-wildcard-privilege mandatory metrics-reads Role::secrets-reader/Route::secrets-read',
      'no-wildcard-privilege mandatory metrics-reads Token::automount',
      'no-wildcard-privilege mandatory secrets-reader Route::secrets-read',
    ];
    expect(check(pod + rbac).verdicts).toEqual(expected);
    expect(check(rbac + pod).verdicts).toEqual(expected);
    // Without a pod of the change, whether the account mounts its token is not the change's to show.
    expect(check(rbac).verdicts).not.toContain('no-wildcard-privilege mandatory metrics-reads Token::automount');
  });
});

const PLANNED_READER = (namespace: string): PlannedResource => ({
  address: `kubernetes_role_v1.config_reader_${namespace.replace('-', '_')}`,
  values: {
    metadata: [{ name: 'config-reader', namespace }],
    rule: [{ api_groups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
  },
  unknown: { id: true },
});
const PLANNED_BINDING = (name: string, namespace: string, roleName: string, account: string): PlannedResource => ({
  address: `kubernetes_role_binding_v1.${name.replaceAll('-', '_')}`,
  values: {
    metadata: [{ name, namespace }],
    role_ref: [{ api_group: RBAC, kind: 'Role', name: roleName }],
    subject: [{ kind: 'ServiceAccount', name: account, namespace, api_group: '' }],
  },
  unknown: { id: true },
});

function judged(model: Model, pending: 'fail-closed' | 'verify-later' = 'fail-closed') {
  return verdicts(evaluate(model, { catalog: CATALOG, now: NOW, pending }).findings);
}

describe('a binding to a service account the change does not create: a Terraform plan', () => {
  it('holds ci-deployer to its entitlements: a reader in kube-system is reported, payments-deployer in payments is not', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        PLANNED_READER('kube-system'),
        PLANNED_BINDING('ci-reads-kube-system', 'kube-system', 'config-reader', 'ci-deployer'),
        PLANNED_BINDING('ci-deploys-payments', 'payments', 'payments-deployer', 'ci-deployer'),
      ]),
    );
    // payments-deployer, which the plan does not define, is the role the catalog names for ci-deployer in payments.
    expect(judged(model)).toEqual([
      'require-entitlement mandatory kubernetes_role_binding_v1.ci_reads_kube_system Role::config-reader@namespace/kube-system',
    ]);
  });
});

describe('a binding to a service account the change does not create: a Pulumi program under mocks', () => {
  let records: CapturedResource[] = [];
  beforeAll(async () => {
    records = await captureProgram(path('../pulumi/programs/k8s-outside-accounts.ts'), 'update');
  }, 120_000);

  it('holds ci-deployer to its entitlements and judges metrics-agent, which the catalog does not record, for privilege only', () => {
    const model = modelFromPulumiResources(stackResources(records));
    expect(
      model.identities.map(
        (identity) => `${identity.arn as string} ${identity.external === true ? 'external' : 'own'}`,
      ),
    ).toEqual([
      'system:serviceaccount:kube-system:ci-deployer external',
      'system:serviceaccount:payments:ci-deployer external',
      'system:serviceaccount:payments:metrics-agent external',
    ]);
    // metrics-agent may read config maps in payments: nothing privileged, and no catalog record to hold it to.
    expect(judged(model)).toEqual([
      'require-entitlement mandatory ci-reads-kube-system Role::config-reader@namespace/kube-system',
    ]);
  });
});
