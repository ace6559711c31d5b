/**
 * Google Cloud roles whose permissions reach every GKE cluster's Kubernetes API as cluster-admin: GKE authorizes the
 * API through IAM as well as RBAC, and `container.clusterRoles.bind`/`escalate` (`container.roles.*` in a namespace)
 * let a holder bind cluster-admin to itself, or write a role with permissions it does not hold, in every cluster of
 * the project, folder or organization. roles/container.admin carries them (data/gcp-predefined-roles.json, from
 * `gcloud iam roles describe`), roles/container.clusterAdmin (clusters, not their API) does not. Before, neither a
 * project-level roles/container.admin nor a custom role with `container.clusterRoles.escalate` was privileged.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { predefinedRoleVerdict } from '../../src/iam/gcp/roles.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const SA = 'serviceAccount:deployer@outside-project.iam.gserviceaccount.com';

function findings(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'no-wildcard-privilege')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}`);
}

function messages(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'no-wildcard-privilege')
    .map((f) => f.message);
}

const member = (name: string, role: string, values: Record<string, unknown> = {}): PlannedResource => ({
  address: `google_project_iam_member.${name}`,
  values: { project: 'example-co-prod', role, member: SA, condition: [], ...values },
  unknown: { id: true, etag: true },
});

const customRole = (name: string, permissions: string[]): PlannedResource => ({
  address: `google_project_iam_custom_role.${name}`,
  values: { project: 'example-co-prod', role_id: name, title: name, permissions, stage: 'GA' },
  unknown: { id: true, name: true, deleted: true },
});

const terraform = (resources: PlannedResource[]) => modelFromTerraformPlan(terraformPlan(resources));

describe('GCP roles that reach every GKE cluster’s Kubernetes API as cluster-admin', () => {
  it('the data decides: roles/container.admin binds and escalates RBAC roles, roles/container.clusterAdmin does not', () => {
    expect(predefinedRoleVerdict('roles/container.admin')).toMatchObject({
      risk: 'kubernetes-rbac',
      permissions: [
        'container.clusterRoles.bind',
        'container.clusterRoles.escalate',
        'container.roles.bind',
        'container.roles.escalate',
      ],
    });
    expect(predefinedRoleVerdict('roles/container.clusterAdmin')).toBeUndefined();
    expect(predefinedRoleVerdict('roles/container.developer')).toBeUndefined();
  });

  it('reports roles/container.admin granted at project level, with what it lets the holder do', () => {
    const model = terraform([member('deployer', 'roles/container.admin')]);
    expect(findings(model)).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_member.deployer Role::roles/container.admin',
    ]);
    expect(messages(model)).toEqual([
      'google_project_iam_member.deployer grants deployer roles/container.admin on projects/example-co-prod, whose permissions container.clusterRoles.bind, container.clusterRoles.escalate, container.roles.bind, container.roles.escalate let it: binds or escalates Kubernetes RBAC roles in every GKE cluster in reach, so it can make itself cluster-admin. Grant the roles the workload uses; keep this one with people, just in time.',
    ]);
  });

  it('passes roles/container.clusterAdmin and roles/container.developer at project level', () => {
    expect(
      findings(terraform([member('ops', 'roles/container.clusterAdmin'), member('dev', 'roles/container.developer')])),
    ).toEqual([]);
  });

  it('judges a custom role by its permissions: escalate is privileged, creating a binding alone is not', () => {
    expect(
      findings(
        terraform([
          customRole('rbacEscalator', ['container.clusterRoles.escalate', 'container.clusterRoles.create']),
          customRole('bindingWriter', ['container.clusterRoleBindings.create', 'container.clusterRoleBindings.get']),
        ]),
      ),
    ).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_custom_role.rbacEscalator Privilege::kubernetes-rbac',
    ]);
  });

  it('gives a Pulumi program the same verdict', () => {
    const model = modelFromPulumiResources([
      {
        type: 'gcp:projects/iAMMember:IAMMember',
        name: 'deployer',
        urn: 'urn:pulumi:prod::p::gcp:projects/iAMMember:IAMMember::deployer',
        props: { project: 'example-co-prod', role: 'roles/container.admin', member: SA },
      },
    ]);
    expect(findings(model)).toEqual(['no-wildcard-privilege mandatory deployer Role::roles/container.admin']);
  });
});
