/**
 * Token automount as Kubernetes does it, through the CLI on manifests: a pod gets its service account's token unless
 * its pod spec says `automountServiceAccountToken: false`, and a pod spec's value overrides the account's either way.
 * So a privileged account whose every workload in the change opts out mounts no token there, and an account that opts
 * out still hands its token to a pod spec that says true; every workload kind that runs a pod spec is read.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-apps, contact: apps@example.com }]
entitlements:
  - id: apps-roles
    classes: [workload]
    kubernetes: { clusterRoles: [cluster-admin] }
`;

/** An owned, entitled service account bound to cluster-admin; `automount` is its own automountServiceAccountToken. */
const adminAccount = (name: string, automount?: boolean) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: apps\n  labels: {owner: team-apps, identity-class: workload}\n  annotations: {entitlements: apps-roles}\n` +
  (automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`) +
  '---\n' +
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ${name}-admin}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: ${name}, namespace: apps}]\n---\n`;

const podSpec = (account: string, automount?: boolean) =>
  `{serviceAccountName: ${account}${automount === undefined ? '' : `, automountServiceAccountToken: ${automount}`}, containers: [{name: app, image: app}]}`;

const API_VERSIONS: Record<string, string> = {
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};
const KINDS = Object.keys(API_VERSIONS);

/** A workload of `kind` named after it (lower case), whose pod spec runs as `account`. */
function workload(kind: string, account: string, automount?: boolean, name = kind.toLowerCase()): string {
  const spec = podSpec(account, automount);
  const body =
    kind === 'Pod'
      ? `spec: ${spec}\n`
      : kind === 'CronJob'
        ? `spec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec: ${spec}\n`
        : `spec:\n  template:\n    spec: ${spec}\n`;
  return `apiVersion: ${API_VERSIONS[kind]}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: apps}\n${body}---\n`;
}

/** A Knative Serving object of `kind` named after it (lower case), whose pods run as `account`. */
function knative(kind: string, account: string, automount?: boolean): string {
  const spec = podSpec(account, automount);
  const body = kind === 'Revision' ? `spec: ${spec}\n` : `spec:\n  template:\n    spec: ${spec}\n`;
  return `apiVersion: serving.knative.dev/v1\nkind: ${kind}\nmetadata: {name: ${kind.toLowerCase()}, namespace: apps}\n${body}---\n`;
}

function check(manifest: string) {
  const { findings } = checkManifest(manifest, CATALOG);
  return {
    automount: findings
      .filter((f) => f.detail === 'Token::automount')
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.name}${f.pending ? ' pending' : ''}: ${f.message}`),
  };
}

const DEFAULT_MOUNT = (account: string) =>
  `no-wildcard-privilege mandatory ${account}: Service account ${account} holds cluster-admin (${account}-admin) and does not set ` +
  'automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). ' +
  'Set automountServiceAccountToken: false and mount a projected token only where needed.';

describe('Kubernetes token automount follows the pod spec', () => {
  it('valid: an account whose every workload (all eight kinds) says automountServiceAccountToken: false in its pod spec mounts no token', () => {
    const manifest =
      adminAccount('runner') +
      KINDS.map((kind) => workload(kind, 'runner', false)).join('') +
      // An account that says false, whose workloads say false or nothing: no pod mounts its token either.
      adminAccount('quiet', false) +
      workload('StatefulSet', 'quiet', false, 'quiet-set') +
      workload('DaemonSet', 'quiet', undefined, 'quiet-daemon');
    expect(check(manifest).automount).toEqual([]);
  });

  it('invalid: an account is reported where one workload leaves the field unset, or none in the change says, not where all opt out', () => {
    const manifest =
      adminAccount('runner') +
      workload('Deployment', 'runner', false) +
      workload('Job', 'runner') +
      // An account with no workload in the change: its own default is what its pods get.
      adminAccount('idle') +
      adminAccount('opted') +
      workload('Deployment', 'opted', false, 'opted-web');
    expect(check(manifest).automount).toEqual([DEFAULT_MOUNT('idle'), DEFAULT_MOUNT('runner')]);
  });

  it('valid: Knative Services, Configurations and Revisions run pods too; opting out in their pod spec mounts no token', () => {
    // KICS's service_account_token_automount_not_disabled fixture reads a Knative Configuration's pod spec as a pod's.
    const manifest =
      adminAccount('runner') +
      workload('Deployment', 'runner', false) +
      knative('Service', 'runner', false) +
      knative('Configuration', 'runner', false) +
      knative('Revision', 'runner', false);
    expect(check(manifest).automount).toEqual([]);
  });

  it.each(['Service', 'Configuration', 'Revision'])(
    'invalid: a Knative %s that leaves automountServiceAccountToken unset mounts the token, beside a Deployment that opts out',
    (kind) => {
      const manifest = adminAccount('runner') + workload('Deployment', 'runner', false) + knative(kind, 'runner');
      expect(check(manifest).automount).toEqual([DEFAULT_MOUNT('runner')]);
    },
  );

  it('valid: a core Service is no workload, whatever its spec holds', () => {
    const manifest =
      adminAccount('runner') +
      workload('Deployment', 'runner', false) +
      `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\nspec:\n  template:\n    spec: ${podSpec('runner')}\n---\n`;
    expect(check(manifest).automount).toEqual([]);
  });

  it.each(KINDS)(
    'invalid: a %s whose pod spec says automountServiceAccountToken: true mounts the token of an account that says false',
    (kind) => {
      const manifest =
        adminAccount('quiet', false) +
        workload(kind, 'quiet', true) +
        // Unset in the pod spec: the account's false decides, so this one is not named.
        workload(kind === 'Job' ? 'Deployment' : 'Job', 'quiet', undefined, 'unset');
      expect(check(manifest).automount).toEqual([
        `no-wildcard-privilege mandatory quiet: Service account quiet holds cluster-admin (quiet-admin); it sets ` +
          `automountServiceAccountToken: false, but the pod spec of ${kind.toLowerCase()} mounts its token anyway (a pod's ` +
          "automountServiceAccountToken overrides the account's), so those pods get that power (Checkov CKV_K8S_38). Drop " +
          'automountServiceAccountToken: true from the pod spec, or set it false, and mount a projected token only where needed.',
      ]);
    },
  );
});
