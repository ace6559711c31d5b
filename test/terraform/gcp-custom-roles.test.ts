/**
 * Google Cloud custom roles in a Terraform plan (`google_project_iam_custom_role`, `google_organization_iam_custom_role`),
 * read as the Pulumi adapter reads @pulumi/gcp's: judged where they are defined, and a binding that names one by its
 * `name` (known only at apply) gets its permissions through the configuration's reference. Before, both types were
 * reported as content the check cannot see, while a Pulumi program's same role was judged: one role, two verdicts.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');

/** `rule level resource detail waiverTarget`, in the engine's order. */
function findings(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW }).findings.map(
    (f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'} ${f.waiverTarget ?? '-'}`,
  );
}

const terraform = (): Model =>
  modelFromTerraformPlan(
    terraformPlan([
      {
        address: 'google_project_iam_custom_role.deployer',
        values: {
          project: 'p1',
          role_id: 'deployer',
          title: 'Deployer',
          permissions: ['iam.serviceAccounts.actAs', 'run.services.update'],
          stage: 'GA',
        },
        unknown: { id: true, name: true, deleted: true },
      },
      {
        address: 'google_service_account.ci',
        values: { account_id: 'ci', project: 'p1' },
        unknown: { email: true, id: true, name: true, unique_id: true, member: true },
      },
      {
        address: 'google_project_iam_member.ci',
        values: { project: 'p1' },
        unknown: { id: true, etag: true, role: true, member: true },
        references: {
          role: ['google_project_iam_custom_role.deployer.name', 'google_project_iam_custom_role.deployer'],
          member: ['google_service_account.ci.member', 'google_service_account.ci'],
        },
      },
      {
        address: 'google_organization_iam_custom_role.admin',
        values: {
          org_id: '1234',
          role_id: 'orgAdmin',
          title: 'Organization IAM admin',
          permissions: ['resourcemanager.organizations.setIamPolicy'],
        },
        unknown: { id: true, name: true, deleted: true },
      },
    ]),
  );

describe('Google Cloud custom roles in a Terraform plan', () => {
  it('are judged where they are defined, and a binding to one is judged on its permissions', () => {
    expect(findings(terraform())).toEqual([
      'no-wildcard-privilege mandatory google_organization_iam_custom_role.admin Privilege::iam-policy organizations/1234/roles/orgAdmin',
      'no-wildcard-privilege mandatory google_project_iam_custom_role.deployer Privilege::impersonation projects/p1/roles/deployer',
      'no-wildcard-privilege mandatory google_project_iam_member.ci Role::projects/p1/roles/deployer ci',
      'require-entitlement mandatory google_service_account.ci Catalog::default ci',
      'require-owner mandatory google_service_account.ci Owner::missing ci',
    ]);
  });

  it('give the verdicts a Pulumi program with the same roles gets (rule, level, detail, waiver target)', () => {
    const urn = (type: string, name: string) => `urn:pulumi:prod::p::${type}::${name}`;
    const projectRole = 'gcp:projects/iAMCustomRole:IAMCustomRole';
    const account = 'gcp:serviceaccount/account:Account';
    const member = 'gcp:projects/iAMMember:IAMMember';
    const pulumi = modelFromPulumiResources([
      {
        type: projectRole,
        name: 'deployer',
        urn: urn(projectRole, 'deployer'),
        props: {
          project: 'p1',
          roleId: 'deployer',
          title: 'Deployer',
          permissions: ['iam.serviceAccounts.actAs', 'run.services.update'],
        },
      },
      { type: account, name: 'ci', urn: urn(account, 'ci'), props: { accountId: 'ci', project: 'p1' } },
      {
        type: member,
        name: 'ci',
        urn: urn(member, 'ci'),
        props: {
          project: 'p1',
          role: 'projects/p1/roles/deployer',
          member: 'serviceAccount:ci@p1.iam.gserviceaccount.com',
        },
        propertyDependencies: { role: [urn(projectRole, 'deployer')], member: [urn(account, 'ci')] },
      },
      {
        type: 'gcp:organizations/iAMCustomRole:IAMCustomRole',
        name: 'admin',
        urn: urn('gcp:organizations/iAMCustomRole:IAMCustomRole', 'admin'),
        props: {
          orgId: '1234',
          roleId: 'orgAdmin',
          title: 'Organization IAM admin',
          permissions: ['resourcemanager.organizations.setIamPolicy'],
        },
      },
    ]);
    const verdicts = (model: Model) =>
      evaluate(model, { catalog: defaultCatalog(), now: NOW })
        .findings.map(
          (f) =>
            `${f.ruleId} ${f.level} ${f.detail ?? '-'} ${f.waiverTarget?.startsWith('urn:') ? 'urn' : (f.waiverTarget ?? '-')}`,
        )
        .sort();
    expect(verdicts(terraform())).toEqual(verdicts(pulumi));
  });
});
