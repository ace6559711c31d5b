/**
 * An OLM ClusterServiceVersion through the built CLI: the RBAC OLM makes from its install strategy is the change's
 * grant (src/adapters/kubernetes/olm.ts). Before, a CSV asking for "*" on "*" cluster-wide passed with no identity
 * checked (exit 0): no RBAC object of the manifest says so, OLM does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const BIN = join(REPO, 'dist/bundle/cli.js');

describe('an OLM ClusterServiceVersion through the built CLI', () => {
  it('blocks on the CSV\'s clusterPermissions "*" on "*": the role OLM makes and its binding to the operator\'s account', () => {
    const run = spawnSync(
      process.execPath,
      [BIN, 'check', 'test/cli/fixtures/olm-csv-cluster-wildcard.yaml', '--now', '2026-12-06'],
      { cwd: REPO, encoding: 'utf8' },
    );
    const lines = run.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[✖!] \[(Route|Role|Token)::/.test(line))
      .map((line) => line.slice(0, line.indexOf(']') + 1));
    expect({ status: run.status, lines }).toEqual({
      status: 1,
      lines: [
        '✖ [Route::wildcard]',
        '✖ [Role::widget-operator.v1.0.0:clusterPermissions:0/Route::wildcard]',
        '✖ [Token::automount]',
      ],
    });
    expect(run.stdout).toContain(
      'ClusterRole widget-operator.v1.0.0:clusterPermissions:0 cluster-wide grants every verb on every resource of every API group',
    );
    expect(run.stdout).toContain('(1 identity, 0 secrets checked)');
  });

  it('blocks on a Subscription: what OLM installs from the catalog is unseen, as a Helm release is', () => {
    const run = spawnSync(
      process.execPath,
      [BIN, 'check', 'test/cli/fixtures/olm-subscription.yaml', '--now', '2026-12-06'],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "✖ [Unseen::etcd] my-etcd is an OLM Subscription to operator package etcd from catalog operatorhubio-catalog: OLM installs the package's ClusterServiceVersion from the catalog itself, running as cluster-admin, and with it the ClusterRoles, Roles, bindings and service accounts its clusterPermissions and permissions ask for, so none of them is in the change and what they grant cannot be verified.",
    );
  });
});
