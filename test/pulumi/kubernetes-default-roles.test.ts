/**
 * `@pulumi/kubernetes` bindings read through the same path as manifests (src/adapters/pulumi/kubernetes.ts onto
 * modelFromKubernetesObjects): a binding to one of Kubernetes' default roles holds that role's rules, in an update and in
 * a preview, and a binding to a role nobody defines stays unseen.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SA = 'kubernetes:core/v1:ServiceAccount';
const CRB = 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding';
const RB = 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding';

function resource(type: string, name: string, props: Record<string, unknown>): PulumiResource {
  return { type, name, urn: `urn:pulumi:dev::apps::${type}::${name}`, props };
}

const binding = (type: string, name: string, role: string, namespace?: string) =>
  resource(type, name, {
    metadata: { name, ...(namespace ? { namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'apps' }],
  });

const program = (roleOfEdit: string) => [
  resource(SA, 'deployer', {
    metadata: { name: 'deployer', namespace: 'apps' },
    automountServiceAccountToken: false,
  }),
  binding(CRB, 'deployer-edit', roleOfEdit),
  binding(RB, 'deployer-view', 'view', 'apps'),
  binding(CRB, 'deployer-delegator', 'system:auth-delegator'),
  binding(CRB, 'deployer-mystery', 'mystery'),
];

function wildcardVerdicts(resources: PulumiResource[]): string[] {
  const model = modelFromPulumiResources(resources);
  return evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-06-01T00:00:00Z') })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((finding) => `${finding.resource.name} ${finding.detail ?? ''}${finding.pending ? ' pending' : ''}`)
    .sort();
}

describe('Pulumi Kubernetes bindings to Kubernetes default roles', () => {
  it('hold the default role rules: edit gives its routes, view and system:auth-delegator nothing, an unknown role is unseen', () => {
    const model = modelFromPulumiResources(program('edit'));
    const grants = model.identities.flatMap((identity) =>
      identity.grants.map((grant) =>
        grant.kind === 'role'
          ? `${grant.source.name} ${String(grant.role)} ${grant.kubernetesDefault ?? '-'} ${grant.roleOutsideChange ?? '-'} ${grant.permissions?.length ?? 0}`
          : '',
      ),
    );
    expect(grants.map((grant) => grant.replace(/ \d+$/, (count) => (count === ' 0' ? ' none' : ' rules')))).toEqual([
      'deployer-edit edit default - rules',
      'deployer-view view default - rules',
      'deployer-delegator system:auth-delegator default - rules',
      'deployer-mystery mystery - ClusterRole none',
    ]);
    expect(wildcardVerdicts(program('edit'))).toEqual([
      // edit writes ConfigMaps, kube-system/aws-auth among them (h143, session 45).
      'deployer-edit Role::edit/Route::aws-auth-write',
      'deployer-edit Role::edit/Route::impersonate',
      'deployer-edit Role::edit/Route::pod-create',
      'deployer-edit Role::edit/Route::pod-exec',
      'deployer-edit Role::edit/Route::secrets-read',
      'deployer-edit Role::edit/Route::token-create',
      'deployer-mystery Role::mystery',
    ]);
  });

  it('in a preview a role name not known yet is pending, never a default role', () => {
    expect(wildcardVerdicts(program(UNKNOWN))).toEqual([
      'deployer-edit Role::unknown pending',
      'deployer-mystery Role::mystery',
    ]);
  });
});
