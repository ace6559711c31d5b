/**
 * Operator Lifecycle Manager's ClusterServiceVersion: OLM (cluster-admin) makes the RBAC its install strategy writes,
 * so a CSV's `clusterPermissions` and `permissions` are the change's grants, to the service accounts they name, which
 * its `deployments` run as (src/adapters/kubernetes/olm.ts). Session 47's sweep of public installs read OLM's own
 * quickstart (operator-framework/operator-lifecycle-manager deploy/upstream/quickstart/olm.yaml, whose packageserver
 * CSV grants through clusterPermissions): before, a CSV passed whatever it asked for, with no identity checked.
 * Through the CLI on manifests, no catalog.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { unknownValue } from '../../src/model/model.js';
import { checkManifest } from '../support/check-manifest.js';

/** A CSV in namespace `widgets` with the install-strategy fields and installModes given. */
function csv(
  strategy: string,
  installModes = '[{type: OwnNamespace, supported: true}, {type: AllNamespaces, supported: true}]',
): string {
  return [
    'apiVersion: operators.coreos.com/v1alpha1',
    'kind: ClusterServiceVersion',
    'metadata: {name: widget.v1, namespace: widgets}',
    'spec:',
    `  installModes: ${installModes}`,
    '  install:',
    '    strategy: deployment',
    '    spec:',
    ...strategy.split('\n').map((line) => `      ${line}`),
    '',
  ].join('\n');
}

const OWN_NAMESPACE_ONLY = '[{type: OwnNamespace, supported: true}, {type: AllNamespaces, supported: false}]';
const DEPLOYMENT = [
  'deployments:',
  '  - name: widget',
  '    spec:',
  '      selector: {matchLabels: {app: widget}}',
  '      template:',
  '        metadata: {labels: {app: widget}}',
  '        spec: {serviceAccountName: widget, containers: [{name: manager, image: example.com/widget:1}]}',
].join('\n');

/** Content findings (the catalog rules aside) as `rule kind name detail`, sorted, and the messages. */
function check(manifest: string) {
  const findings = checkManifest(manifest).findings.filter(
    (f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement',
  );
  return {
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.resource.type.split(':').pop()} ${f.resource.name} ${f.detail}`)
      .sort(),
    messages: findings.map((f) => f.message).sort(),
  };
}

describe('clusterPermissions', () => {
  it('"*" on "*" is a cluster-wide wildcard on the role OLM makes and on its binding to the account, reported on the CSV', () => {
    const { verdicts, messages } = check(
      csv(
        `clusterPermissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]\n${DEPLOYMENT}`,
      ),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Role::widget.v1:clusterPermissions:0/Route::wildcard',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Route::wildcard',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Token::automount',
    ]);
    expect(messages).toEqual([
      'ClusterRole widget.v1:clusterPermissions:0 cluster-wide grants every verb on every resource of every API group ("*" verbs on "*" resources): a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list wildcard in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
      'Service account widget holds widget.v1:clusterPermissions:0 (widget.v1) and does not set automountServiceAccountToken: false, so every pod that runs as it gets that power in a mounted token (Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
      'widget.v1 binds widget to widget.v1:clusterPermissions:0 cluster-wide (ClusterRoleBinding), which grants every verb on every resource of every API group ("*" verbs on "*" resources): enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do need this, list wildcard in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    ]);
  });

  it('a narrow rule (its own CRDs) is no route: the account is read and held to the catalog, with no content finding', () => {
    const findings = checkManifest(
      csv(
        `clusterPermissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: [example.com], resources: [widgets], verbs: ['*']}]`,
      ),
    ).findings;
    expect(findings.map((f) => `${f.ruleId} ${f.resource.name} ${f.detail}`).sort()).toEqual([
      'require-entitlement widget.v1 Catalog::default',
      'require-owner widget.v1 Owner::missing',
    ]);
  });
});

describe('permissions', () => {
  it('held in the CSV namespace when it may be installed there only: secrets created and read back are a token route there, no cluster-wide read', () => {
    expect(
      check(
        csv(
          `permissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: [''], resources: [secrets], verbs: [get, create]}]`,
          OWN_NAMESPACE_ONLY,
        ),
      ).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Role::widget.v1:permissions:0/Route::token-create',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Route::token-create',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Token::automount',
    ]);
  });

  it('cluster-wide when the CSV may be installed for every namespace (OLM lifts them then): reading secrets is secrets-read', () => {
    const { verdicts, messages } = check(
      csv(
        `permissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: [''], resources: [secrets], verbs: [get, list, watch]}]`,
      ),
    );
    expect(verdicts).toEqual([
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Role::widget.v1:permissions:0/Route::secrets-read',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Route::secrets-read',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Token::automount',
    ]);
    expect(messages[0]).toBe(
      'ClusterRole widget.v1:permissions:0 cluster-wide grants reading secrets in every namespace (verbs "get", "list", "watch" on "secrets"): a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
    );
  });

  it("cluster-wide when the CSV names no installModes: which OperatorGroup selects it is the cluster's", () => {
    expect(
      check(
        csv(
          `permissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: [''], resources: [secrets], verbs: [list]}]`,
          '[]',
        ).replace('  installModes: []\n', ''),
      ).verdicts,
    ).toContain('no-wildcard-privilege ClusterServiceVersion widget.v1 Route::secrets-read');
  });
});

describe('accounts and pods', () => {
  it("the account OLM creates is the change's identity, and the deployment runs as it", () => {
    const model = modelFromKubernetesObjects(
      parseManifests(
        csv(
          `clusterPermissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n${DEPLOYMENT}`,
        ),
        'csv.yaml',
      ),
    );
    expect(
      model.identities.map((identity) => ({
        arn: identity.arn,
        external: identity.external ?? false,
        grants: identity.grants.map((grant) =>
          grant.kind === 'role' ? `${String(grant.role)} ${String(grant.scope)}` : grant.kind,
        ),
        pods: identity.attachments.map((attachment) => `${attachment.source.type} ${attachment.source.name}`),
      })),
    ).toEqual([
      {
        arn: 'system:serviceaccount:widgets:widget',
        external: false,
        grants: ['widget.v1:clusterPermissions:0 cluster'],
        pods: ['kubernetes:operators.coreos.com/v1alpha1:ClusterServiceVersion widget.v1'],
      },
    ]);
  });

  it('an account the manifest also creates is that one, not a second', () => {
    const manifest = `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: widget, namespace: widgets}\nautomountServiceAccountToken: false\n---\n${csv(
      `clusterPermissions:\n  - serviceAccountName: widget\n    rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]`,
    )}`;
    expect(check(manifest).verdicts).toEqual([
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Role::widget.v1:clusterPermissions:0/Route::wildcard',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Route::wildcard',
    ]);
    expect(modelFromKubernetesObjects(parseManifests(manifest, 'csv.yaml')).identities).toHaveLength(1);
  });

  it('an entry without serviceAccountName fails closed: its grant is judged for a subject nobody can name', () => {
    expect(
      check(csv(`clusterPermissions:\n  - rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]`)).verdicts,
    ).toEqual([
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Role::widget.v1:clusterPermissions:0/Route::wildcard',
      'no-wildcard-privilege ClusterServiceVersion widget.v1 Route::wildcard',
    ]);
  });
});

describe('subscriptions', () => {
  it("a Subscription is unseen content naming the package and catalog, not pending: OLM resolves it, never the check (Knative's Subscription, another group, is no OLM one)", () => {
    const findings = checkManifest(
      'apiVersion: operators.coreos.com/v1alpha1\nkind: Subscription\nmetadata: {name: my-etcd, namespace: operators}\nspec: {channel: alpha, name: etcd, source: operatorhubio-catalog, sourceNamespace: olm}\n' +
        '---\napiVersion: messaging.knative.dev/v1\nkind: Subscription\nmetadata: {name: sub, namespace: apps}\nspec: {channel: {name: c}}\n',
    ).findings;
    expect(
      findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail} ${String(f.pending ?? false)}`),
    ).toEqual(['no-unseen-content mandatory my-etcd Unseen::etcd false']);
  });

  it('one without a package name is unseen all the same, saying so', () => {
    const findings = checkManifest(
      'apiVersion: operators.coreos.com/v1alpha1\nkind: Subscription\nmetadata: {name: my-etcd, namespace: operators}\nspec: {channel: alpha}\n',
    ).findings;
    expect(findings.map((f) => `${f.ruleId} ${f.detail}`)).toEqual([
      'no-unseen-content Unseen::(not named: my-etcd.spec.name)',
    ]);
    expect(findings[0]?.message).toBe(
      "my-etcd is an OLM Subscription to operator package (not named: my-etcd.spec.name): OLM installs the package's ClusterServiceVersion from the catalog itself, running as cluster-admin, and with it the ClusterRoles, Roles, bindings and service accounts its clusterPermissions and permissions ask for, so none of them is in the change and what they grant cannot be verified. Check the ClusterServiceVersion of the version the subscription installs (the bundle's manifests), or have the subscription reviewed and set this rule to advisory in the catalog.",
    );
  });
});

describe('an install strategy known only at apply (a Pulumi CustomResource of an output)', () => {
  it('is a grant of a role and to a subject nobody can name yet: judged, never passed', () => {
    const model = modelFromKubernetesObjects([
      {
        kind: 'ClusterServiceVersion',
        apiVersion: 'operators.coreos.com/v1alpha1',
        body: { metadata: { name: 'widget.v1', namespace: 'widgets' }, spec: unknownValue('spec is an output') },
        ref: { type: 'kubernetes:operators.coreos.com/v1alpha1:ClusterServiceVersion', name: 'widget.v1' },
      },
    ]);
    expect(
      (model.externalRoleGrants ?? []).map(({ member, grant }) => ({
        member,
        role: grant.kind === 'role' ? grant.role : undefined,
        scope: grant.kind === 'role' ? grant.scope : undefined,
        source: grant.source.name,
      })),
    ).toEqual([
      {
        member: 'a subject of widget.v1 not known until apply',
        role: 'widget.v1:install',
        scope: 'cluster',
        source: 'widget.v1',
      },
    ]);
    expect(model.roleDefinitions?.map((role) => [role.name, role.permissions])).toEqual([
      ['widget.v1:install', unknownValue('widget.v1.spec.install.spec is not known until apply')],
    ]);
  });
});
