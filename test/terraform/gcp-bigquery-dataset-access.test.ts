/**
 * A BigQuery dataset's access entries give dataset roles (OWNER, WRITER, READER) to users, groups, domains, special
 * groups (allAuthenticatedUsers among them) and authorized views, written inside the dataset (`access` blocks) or apart
 * (google_bigquery_dataset_access). Neither is read, so each is reported as what could not be seen (no-unseen-content)
 * instead of passed in silence; a dataset that writes no access block keeps BigQuery's default access and passes.
 * KICS's bigquery_dataset_is_public positive (test/terraform/corpus/kics-gcp.ts), OWNER to allAuthenticatedUsers, passed
 * before.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-06-01T00:00:00Z');

function findings(resources: PlannedResource[]): string[] {
  const model = modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' });
  return evaluate(model, { catalog: catalog(), now: NOW })
    .findings.map((f) => `${f.ruleId} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
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
  it('reports a dataset that writes access blocks, and one whose access is known only at apply', () => {
    expect(
      findings([
        dataset('public', { access: [{ role: 'OWNER', special_group: 'allAuthenticatedUsers' }] }),
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
      'no-unseen-content google_bigquery_dataset.domain Unseen::google_bigquery_dataset access pending',
      'no-unseen-content google_bigquery_dataset.later Unseen::google_bigquery_dataset access pending',
      'no-unseen-content google_bigquery_dataset.public Unseen::google_bigquery_dataset access pending',
    ]);
  });

  it('passes a dataset that writes no access block: BigQuery’s default access, known after apply', () => {
    expect(findings([dataset('plain', {}, { access: true })])).toEqual([]);
  });

  it('reports a google_bigquery_dataset_access, written apart from its dataset', () => {
    expect(
      findings([
        {
          address: 'google_bigquery_dataset_access.public',
          values: { dataset_id: 'events', role: 'READER', special_group: 'allAuthenticatedUsers' },
          unknown: { id: true, api_updated_member: true },
        },
      ]),
    ).toEqual([
      'no-unseen-content google_bigquery_dataset_access.public Unseen::google_bigquery_dataset_access pending',
    ]);
  });
});
