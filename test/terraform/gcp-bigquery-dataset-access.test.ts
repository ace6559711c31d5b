/**
 * A BigQuery dataset's access entries give dataset roles (OWNER, WRITER, READER, or an IAM role) to users, groups,
 * domains, special groups (allAuthenticatedUsers among them), IAM members (allUsers) and authorized views, written inside
 * the dataset (`access` blocks) or apart (google_bigquery_dataset_access). Each entry is read member by member as the
 * grant of a resource-level IAM member is (google_bigquery_dataset_iam_member): a public member is reported as such, a
 * service account of the change holds the role (OWNER is roles/bigquery.dataOwner), people are held to the human rules,
 * an authorized view is no principal. What the plan does not know (entries from a value known only at apply) is pending.
 * Before, every dataset that wrote an access block was reported as content the check could not see (no-unseen-content),
 * and a Pulumi program's same dataset was passed in silence; KICS's bigquery_dataset_is_public positive
 * (test/terraform/corpus/kics-gcp.ts), OWNER to allAuthenticatedUsers, is now reported for what it is.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import type { Model, RoleGrant } from '../../src/model/model.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

const plan = (resources: PlannedResource[]): Model =>
  modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });

function judged(model: Model): string[] {
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.map((f) => `${f.ruleId} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
}

const findings = (resources: PlannedResource[]): string[] => judged(plan(resources));

function messages(model: Model): string[] {
  return evaluate(model, { catalog: catalog(), now: NOW }).findings.map((f) => f.message);
}

const dataset = (
  name: string,
  values: Record<string, unknown>,
  unknown: Record<string, unknown> = {},
  references?: Record<string, string[]>,
) =>
  ({
    address: `google_bigquery_dataset.${name}`,
    values: { dataset_id: name, location: 'EU', project: 'example-co-analytics', ...values },
    unknown: { id: true, self_link: true, etag: true, ...unknown },
    ...(references ? { references } : {}),
  }) satisfies PlannedResource;

describe('Terraform: BigQuery dataset access entries', () => {
  it('reads access blocks member by member: a public member is reported, a domain is people, an entry known only at apply is pending', () => {
    expect(
      findings([
        dataset('public', { access: [{ role: 'OWNER', special_group: 'allAuthenticatedUsers' }] }),
        dataset('everyone', { access: [{ role: 'READER', iam_member: 'allUsers' }] }),
        dataset('domain', { access: [{ role: 'READER', domain: 'example.com' }] }),
        // Blocks the configuration writes from a value known only at apply (a dynamic block over a resource's output).
        dataset(
          'later',
          {},
          { access: true },
          { access: ['google_service_account.etl.email', 'google_service_account.etl'] },
        ),
      ]),
    ).toEqual([
      'no-wildcard-privilege google_bigquery_dataset.everyone Member::allUsers',
      'no-wildcard-privilege google_bigquery_dataset.later Role::unknown pending',
      'no-wildcard-privilege google_bigquery_dataset.public Member::allAuthenticatedUsers',
    ]);
  });

  it('names the member, the role the basic dataset role is, and the dataset', () => {
    expect(
      messages(plan([dataset('public', { access: [{ role: 'OWNER', special_group: 'allAuthenticatedUsers' }] })])),
    ).toEqual([
      'google_bigquery_dataset.public grants roles/bigquery.dataOwner on bigquery/dataset/example-co-analytics/public to allAuthenticatedUsers: anyone with a Google account, in any organization. Remove the public member and grant the role to the service accounts or groups that need it.',
    ]);
  });

  it('gives a service account of the change the role (by e-mail, or by the reference that makes it), and passes authorized views and the project’s own special groups', () => {
    const model = plan([
      {
        address: 'google_service_account.etl',
        values: { account_id: 'etl', project: 'example-co-analytics' },
        unknown: { email: true, id: true, name: true, unique_id: true, member: true },
      },
      dataset(
        'events',
        {
          access: [
            { role: 'OWNER', special_group: 'projectOwners' },
            { role: 'WRITER' },
            { view: [{ project_id: 'example-co-analytics', dataset_id: 'reports', table_id: 'daily' }] },
          ],
        },
        { access: [{}, { user_by_email: true }, {}] },
        { access: ['google_service_account.etl.email', 'google_service_account.etl'] },
      ),
      dataset('raw', {
        access: [
          { role: 'roles/bigquery.dataViewer', user_by_email: 'etl@example-co-analytics.iam.gserviceaccount.com' },
        ],
      }),
    ]);
    const etl = model.identities.find((identity) => identity.name === 'etl')!;
    const roles = etl.grants.filter((grant): grant is RoleGrant => grant.kind === 'role');
    expect(roles.map((grant) => `${String(grant.role)} ${String(grant.scope)} ${grant.scopeLevel}`)).toEqual([
      'roles/bigquery.dataEditor bigquery/dataset/example-co-analytics/events resource',
      'roles/bigquery.dataViewer bigquery/dataset/example-co-analytics/raw resource',
    ]);
    expect(model.externalRoleGrants?.map(({ member, grant }) => `${member} ${String(grant.role)}`)).toEqual([
      'projectOwners roles/bigquery.dataOwner',
    ]);
    expect(judged(model)).toEqual([
      'require-entitlement google_service_account.etl Class::undeclared',
      'require-entitlement google_service_account.etl Entitlement::none',
      'require-owner google_service_account.etl Owner::missing',
    ]);
  });

  it('reads an entry’s IAM condition, and keeps an entry that names neither a member nor an authorized resource as a member it cannot read', () => {
    const model = plan([
      dataset('conditional', {
        access: [
          {
            role: 'READER',
            iam_member: 'allUsers',
            condition: [{ title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' }],
          },
          { role: 'READER', view: [], dataset: [], routine: [] },
        ],
      }),
    ]);
    expect(judged(model)).toEqual(['no-wildcard-privilege google_bigquery_dataset.conditional Member::allUsers']);
    expect(model.externalRoleGrants?.map(({ member, grant }) => `${member} ${String(grant.condition)}`)).toEqual([
      'allUsers until-2027: request.time < timestamp("2027-01-01T00:00:00Z")',
      '<google_bigquery_dataset.conditional.access[1] names no member and no authorized view, dataset or routine> undefined',
    ]);
  });

  it('passes a dataset that writes no access block: BigQuery’s default access, known after apply', () => {
    expect(findings([dataset('plain', {}, { access: true })])).toEqual([]);
  });

  it('reads a google_bigquery_dataset_access, written apart from its dataset', () => {
    expect(
      findings([
        {
          address: 'google_bigquery_dataset_access.public',
          values: { dataset_id: 'events', role: 'READER', special_group: 'allAuthenticatedUsers' },
          unknown: { id: true, api_updated_member: true },
        },
        {
          address: 'google_bigquery_dataset_access.view',
          values: {
            dataset_id: 'events',
            dataset: [{ dataset: [{ project_id: 'p', dataset_id: 'shared' }], target_types: ['VIEWS'] }],
          },
          unknown: { id: true, api_updated_member: true },
        },
      ]),
    ).toEqual(['no-wildcard-privilege google_bigquery_dataset_access.public Member::allAuthenticatedUsers']);
  });

  it('gives a Pulumi program’s Dataset and DatasetAccess the same verdicts', () => {
    const urn = (type: string, name: string) => `urn:pulumi:prod::p::${type}::${name}`;
    const model = modelFromPulumiResources([
      {
        type: 'gcp:bigquery/dataset:Dataset',
        name: 'public',
        urn: urn('gcp:bigquery/dataset:Dataset', 'public'),
        props: {
          datasetId: 'public',
          project: 'example-co-analytics',
          accesses: [
            { role: 'OWNER', specialGroup: 'allAuthenticatedUsers' },
            { role: 'READER', domain: 'example.com' },
          ],
        },
      },
      {
        type: 'gcp:bigquery/datasetAccess:DatasetAccess',
        name: 'everyone',
        urn: urn('gcp:bigquery/datasetAccess:DatasetAccess', 'everyone'),
        props: { datasetId: 'events', role: 'READER', iamMember: 'allUsers' },
      },
    ]);
    expect(judged(model)).toEqual([
      'no-wildcard-privilege everyone Member::allUsers',
      'no-wildcard-privilege public Member::allAuthenticatedUsers',
    ]);
  });
});
