/**
 * Kubernetes platforms whose own settings decide who is cluster-admin, in a Pulumi program run under the SDK's mocks
 * (programs/kubernetes-platform-admins.ts):
 * - an `aws.eks.Cluster`'s `accessConfig.authenticationMode` (adapters/aws/eks-cluster-creator.ts): a Role that writes
 *   kube-system/aws-auth (Route::aws-auth-write) is advisory where the stack's only EKS cluster is `API` (access entries
 *   only), and blocking where it reads aws-auth (`API_AND_CONFIG_MAP`, `CONFIG_MAP`). Before, blocking on any of them.
 * - an azure-native `ManagedCluster`'s `aadProfile.adminGroupObjectIDs` (adapters/pulumi/aks-admin-groups.ts): each group
 *   is cluster-admin on the cluster, reported as a ClusterRoleBinding of cluster-admin to it; a group the stack creates is
 *   named by its object id once `pulumi up` knows it, and in `pulumi preview` is reported with what could not be seen.
 *   Before, neither was reported.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { capturePrograms, type CapturedResource } from './support/analyzer-client.mjs';
import { stackResources } from '../multicloud/support/capture.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const MODES = ['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'] as const;
type Run = `${(typeof MODES)[number]} ${'update' | 'preview'}`;
const captured = {} as Record<Run, CapturedResource[]>;

beforeAll(async () => {
  const program = path('./programs/kubernetes-platform-admins.ts');
  const runs = MODES.flatMap((mode) =>
    (['update', 'preview'] as const).map((run) => ({ key: `${mode} ${run}` as Run, mode, run })),
  );
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  const records = await capturePrograms(
    runs.map(({ mode, run }) => ({ program, mode: run, config: { 'payments:authenticationMode': mode } })),
  );
  runs.forEach(({ key }, index) => (captured[key] = records[index] ?? []));
}, 180_000);

function verdicts(run: Run) {
  const model = modelFromPulumiResources(stackResources(captured[run]));
  const { findings } = evaluate(model, {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: run.endsWith('preview') ? 'verify-later' : 'fail-closed',
  });
  return findings
    .filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((f) => ({
      line: `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`,
      message: f.message,
    }))
    .sort((a, b) => a.line.localeCompare(b.line));
}

const ADMIN =
  'to cluster-admin cluster-wide (ClusterRoleBinding): every verb on every resource, including secrets and RBAC itself. ' +
  'Bind a Role with the verbs and resources the workload uses, in its namespace.';

describe('Kubernetes platform admins in a Pulumi program', () => {
  it('an EKS cluster of authentication mode API makes a Role that writes aws-auth advisory; a mode that reads aws-auth keeps it blocking', () => {
    const route = (run: Run) => verdicts(run).filter(({ line }) => line.includes('aws-auth-write'));
    for (const run of ['API update', 'API preview'] as const) {
      expect(
        route(run).map(({ line }) => line),
        run,
      ).toEqual(['advisory awsAuthEditor Route::aws-auth-write']);
      expect(route(run)[0]?.message).toContain(
        '(advisory: every EKS cluster of this change (payments) has authentication mode API, which reads access entries only, never aws-auth;',
      );
    }
    for (const run of ['API_AND_CONFIG_MAP update', 'CONFIG_MAP update', 'CONFIG_MAP preview'] as const)
      expect(
        route(run).map(({ line }) => line),
        run,
      ).toEqual(['mandatory awsAuthEditor Route::aws-auth-write']);
  });

  it('an AKS cluster’s Entra ID admin groups are cluster-admin; a group known only after the update says so', () => {
    const admins = (run: Run) => verdicts(run).filter(({ line }) => line.startsWith('mandatory orders '));
    const update = admins('API update');
    expect(update.map(({ line }) => line)).toEqual([
      'mandatory orders Role::cluster-admin',
      'mandatory orders Role::cluster-admin',
    ]);
    expect(update.map(({ message }) => message)).toEqual([
      `orders binds Group 9b2a6c4e-1f3d-4e5a-8b7c-0d1e2f3a4b5c ${ADMIN}`,
      expect.stringMatching(/^orders binds Group \S+ to cluster-admin cluster-wide/),
    ]);
    const preview = admins('API preview');
    expect(preview.map(({ line }) => line)).toEqual([
      'mandatory orders Role::cluster-admin',
      'mandatory orders Role::cluster-admin',
    ]);
    expect(preview.map(({ message }) => message)).toEqual([
      `orders binds Group 9b2a6c4e-1f3d-4e5a-8b7c-0d1e2f3a4b5c ${ADMIN}`,
      `orders binds an Entra ID admin group of orders (orders.aadProfile.adminGroupObjectIDs[1] (output of azuread:index/group:Group operators) is not known until apply) ${ADMIN}`,
    ]);
  });
});
