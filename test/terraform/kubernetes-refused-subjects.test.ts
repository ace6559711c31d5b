/**
 * A kubernetes_* binding of a Terraform plan whose subject is of a kind the API server refuses (anything but
 * ServiceAccount, User and Group, matched exactly). The provider does not check the kind (hashicorp/
 * terraform-provider-kubernetes kubernetes/schema_rbac.go rbacSubjectSchema: `kind` is a plain required string), so
 * `terraform plan` writes it and `terraform apply` fails at the API server. As in a manifest it is broken input: a plan
 * error naming the address and the Terraform attribute, exit 2 from the CLI; never a grant to a holder named `foo`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan, TerraformPlanError } from '../../src/adapters/terraform/index.js';
import { runCheck } from '../../src/cli/check.js';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const REFUSED =
  '; the API server would refuse it, and read as a holder it would grant the role to one that cannot exist';
const ROLE_REF = [{ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }];

const account: PlannedResource = {
  address: 'kubernetes_service_account_v1.ci',
  values: { metadata: [{ name: 'ci', namespace: 'ops' }] },
  unknown: { id: true, default_secret_name: true },
};
const binding = (address: string, subject: Record<string, unknown>[]): PlannedResource => ({
  address,
  values: {
    metadata: [{ name: 'ops', ...(address.includes('cluster') ? {} : { namespace: 'ops' }) }],
    role_ref: ROLE_REF,
    subject,
  },
  unknown: { id: true },
});
const manifestBinding = (subjects: Record<string, unknown>[]): PlannedResource => ({
  address: 'kubernetes_manifest.ops',
  values: {
    manifest: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ops' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects,
    },
  },
  unknown: { object: true },
});
const ci = { kind: 'ServiceAccount', name: 'ci', namespace: 'ops' };

/** The plan error the adapter throws, as `path: reason`, or undefined when the plan is read. */
function refusal(resources: PlannedResource[]): string | undefined {
  try {
    modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });
    return undefined;
  } catch (error) {
    if (!(error instanceof TerraformPlanError)) throw error;
    return `${error.path}: ${error.reason}`;
  }
}

describe('Terraform kubernetes_* bindings with a subject of a kind the API server refuses', () => {
  it('a plan error naming the address and the attribute, for `foo` and lowercase `serviceaccount`, typed or as a kubernetes_manifest', () => {
    expect(
      refusal([account, binding('kubernetes_cluster_role_binding_v1.ops', [ci, { kind: 'foo', name: 'default' }])]),
    ).toBe(
      'kubernetes_cluster_role_binding_v1.ops.subject[1].kind: must be ServiceAccount, User or Group, not the string "foo"' +
        REFUSED,
    );
    expect(refusal([account, binding('kubernetes_role_binding.ops', [{ ...ci, kind: 'serviceaccount' }])])).toBe(
      'kubernetes_role_binding.ops.subject[0].kind: must be ServiceAccount, User or Group, not the string "serviceaccount"' +
        REFUSED,
    );
    expect(refusal([account, manifestBinding([{ kind: 'foo', name: 'default' }])])).toBe(
      'kubernetes_manifest.ops.manifest.subjects[0].kind: must be ServiceAccount, User or Group, not the string "foo"' +
        REFUSED,
    );
  });

  it('the kinds the API server takes are read as before: ServiceAccount, User and Group', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        account,
        binding('kubernetes_cluster_role_binding_v1.ops', [
          ci,
          { kind: 'User', name: 'alice', api_group: 'rbac.authorization.k8s.io' },
          { kind: 'Group', name: 'ops-team', api_group: 'rbac.authorization.k8s.io' },
        ]),
      ]),
      { file: 'plan.json' },
    );
    expect(model.identities.map((identity) => `${identity.name}: ${identity.grants.length}`)).toEqual(['ci: 1']);
    expect(model.externalRoleGrants?.map((grant) => grant.member)).toEqual(['User alice', 'Group ops-team']);
  });

  it('check exits 2 naming the plan file, the address and the attribute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-tf-refused-'));
    writeFileSync(
      join(dir, 'plan.json'),
      JSON.stringify(
        terraformPlan([account, binding('kubernetes_cluster_role_binding_v1.ops', [{ kind: 'foo', name: 'default' }])]),
      ),
    );
    const result = runCheck({
      paths: [join(dir, 'plan.json')],
      catalogPath: join(REPO, 'examples/catalog.yaml'),
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: dir,
      toolVersion: 'test',
    });
    expect([result.exitCode, result.errors]).toEqual([
      2,
      [
        'plan.json: Terraform plan: kubernetes_cluster_role_binding_v1.ops.subject[0].kind: must be ServiceAccount, User or ' +
          `Group, not the string "foo"${REFUSED}`,
      ],
    ]);
  });
});
