/**
 * `@pulumi/kubernetes` workloads in a preview, through the same path as manifests: a pod spec whose service account is
 * not known until apply (`serviceAccountName: account.metadata.name` of an account created in the same run, the
 * deprecated `serviceAccount`, or the whole pod template an output) runs as the account the value comes from, or, with
 * nothing to follow, as an account nobody can see yet: never as the namespace's `default`. A pod-level
 * automountServiceAccountToken not known until apply may mount the token.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { PULUMI_UNKNOWN as UNKNOWN, pulumiResource as resource, pulumiUrn as urn } from '../multicloud/builders.js';

const SA = 'kubernetes:core/v1:ServiceAccount';
const CRB = 'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding';
const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';
const CRON_JOB = 'kubernetes:batch/v1:CronJob';
const POD = 'kubernetes:core/v1:Pod';

/** The namespace's default account, bound to cluster-admin: what an unknown name used to be read as. */
const defaultAccount = [
  resource(SA, 'default', { metadata: { name: 'default', namespace: 'apps' } }),
  resource(CRB, 'default-admin', {
    metadata: { name: 'default-admin' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'apps' }],
  }),
];
const deployer = resource(SA, 'deployer', { metadata: { name: UNKNOWN, namespace: 'apps' } });

const deployment = (name: string, spec: unknown, dependencies?: Record<string, string[]>) =>
  resource(DEPLOYMENT, name, { metadata: { name, namespace: 'apps' }, spec: { template: { spec } } }, dependencies);

function read(resources: PulumiResource[]) {
  const model = modelFromPulumiResources(resources);
  const findings = evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-06-01T00:00:00Z') }).findings;
  return {
    pods: model.identities.map(
      (identity) => `${identity.resource.name}: ${identity.attachments.map((pod) => pod.source.name).join(', ')}`,
    ),
    unseen: findings
      .filter((finding) => finding.ruleId === 'no-unseen-content')
      .map(
        (finding) =>
          `${finding.level} ${finding.resource.name}${finding.pending ? ' pending' : ''}: ${finding.message}`,
      ),
    automount: findings
      .filter((finding) => finding.detail === 'Token::automount')
      .map((finding) => `${finding.resource.name}${finding.pending ? ' pending' : ''}: ${finding.message}`),
  };
}

const unseen = (name: string, what: string) =>
  `advisory ${name} pending: dev/${name} runs its pods as a service account named only at apply (${what}), and nothing ` +
  "shows which service account of the change it is: the identity and what it may do cannot be verified (it is not the namespace's " +
  'default account). Write the name in the pod spec, or take it from the ServiceAccount resource (serviceAccountName: ' +
  'account.metadata.name) so the check can follow it.';

describe('Pulumi Kubernetes workloads whose service account is known only at apply', () => {
  it('invalid: an unknown serviceAccountName, serviceAccount or pod template with nothing to follow is unseen (pending: advisory in a preview), not default', () => {
    const result = read([
      ...defaultAccount,
      deployment('web', { serviceAccountName: UNKNOWN }),
      deployment('legacy', { serviceAccount: UNKNOWN }),
      resource(DEPLOYMENT, 'templated', {
        metadata: { name: 'templated', namespace: 'apps' },
        spec: { template: UNKNOWN },
      }),
      resource(CRON_JOB, 'nightly', {
        metadata: { name: 'nightly', namespace: 'apps' },
        spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: UNKNOWN } } } },
      }),
      resource(POD, 'runner', { metadata: { name: 'runner', namespace: 'apps' }, spec: UNKNOWN }),
    ]);
    expect(result.pods).toEqual(['default: ']);
    expect(result.unseen).toEqual([
      unseen('legacy', 'legacy.spec.template.spec.serviceAccount is not known until apply'),
      unseen('templated', 'templated.spec.template is not known until apply'),
      unseen('web', 'web.spec.template.spec.serviceAccountName is not known until apply'),
      unseen('nightly', 'nightly.spec.jobTemplate.spec.template.spec is not known until apply'),
      unseen('runner', 'runner.spec is not known until apply'),
    ]);
  });

  it('valid: an unknown serviceAccountName computed from a ServiceAccount of the change runs as that account, not default', () => {
    const result = read([
      ...defaultAccount,
      deployer,
      deployment('web', { serviceAccountName: UNKNOWN }, { spec: [urn(SA, 'deployer')] }),
      // Known names are read as before; an unset one is the namespace's default.
      deployment('plain', {}),
    ]);
    expect(result.pods).toEqual(['default: plain', 'deployer: web']);
    expect(result.unseen).toEqual([]);
  });

  it('invalid: a namespace known only at apply runs the pods as any account of that name the change creates', () => {
    const result = read([
      ...defaultAccount,
      resource(SA, 'builder', { metadata: { name: 'builder', namespace: 'ci' } }),
      resource(DEPLOYMENT, 'web', {
        metadata: { name: 'web', namespace: UNKNOWN },
        spec: { template: { spec: { serviceAccountName: 'builder' } } },
      }),
    ]);
    expect(result.pods).toEqual(['default: ', 'builder: web']);
  });

  it('invalid: a pod-level automountServiceAccountToken not known until apply may mount the token of an account that says false', () => {
    const result = read([
      resource(SA, 'default', {
        metadata: { name: 'default', namespace: 'apps' },
        automountServiceAccountToken: false,
      }),
      defaultAccount[1]!,
      deployment('web', { automountServiceAccountToken: UNKNOWN }),
    ]);
    expect(result.automount).toEqual([
      'default pending: Service account default holds cluster-admin (default-admin); it sets automountServiceAccountToken: ' +
        'false, but the pod spec of web (web.spec.template.spec.automountServiceAccountToken is not known until apply) mounts ' +
        "its token anyway (a pod's automountServiceAccountToken overrides the account's), so those pods get that power " +
        '(Checkov CKV_K8S_38). Drop automountServiceAccountToken: true from the pod spec, or set it false, and mount a ' +
        'projected token only where needed.',
    ]);
  });

  it('a Knative Service, whose group only its type token names, runs its pods as the account its template names', () => {
    // The group tells Knative's Service (a workload) from a core Service; props need not carry apiVersion.
    const result = read([
      ...defaultAccount,
      resource(SA, 'builder', { metadata: { name: 'builder', namespace: 'apps' } }),
      resource('kubernetes:serving.knative.dev/v1:Service', 'hello', {
        metadata: { name: 'hello', namespace: 'apps' },
        spec: { template: { spec: { serviceAccountName: 'builder' } } },
      }),
      resource('kubernetes:core/v1:Service', 'web', {
        metadata: { name: 'web', namespace: 'apps' },
        spec: { template: { spec: { serviceAccountName: 'builder' } } },
      }),
    ]);
    expect(result.pods).toEqual(['default: ', 'builder: hello']);
  });
});
