/**
 * An IAM member naming a Google Cloud service account the change does not create (another project's, or one made by
 * another configuration) is an external identity of its own (adapters/pulumi/gcp.ts outsideAccount), as the account
 * of a key the change makes for it is: a catalog record of it holds what the change grants it to its entitlements.
 * Before, such a grant went to a bare member judged for privilege only, so examples/catalog.yaml's analytics-etl
 * (entitled to roles/bigquery.dataViewer on projects/example-co-analytics) given roles/bigquery.admin there passed.
 * Google's default accounts stay members (judged as such: test/terraform/gcp-default-account.test.ts). Through a
 * Terraform plan (google_project_iam_member, read as @pulumi/gcp's IAMMember) and a Pulumi program under mocks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { stackResources } from '../multicloud/support/capture.js';
import { captureProgram, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { terraformPlan, type PlannedResource } from './support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');

function judged(model: Model) {
  return evaluate(model, { catalog: CATALOG, now: new Date('2026-06-01T00:00:00Z'), pending: 'fail-closed' })
    .findings.filter((finding) => finding.ruleId !== 'exception-expiry')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`)
    .sort();
}

const planned = (name: string, role: string, account: string): PlannedResource => ({
  address: `google_project_iam_member.${name.replaceAll('-', '_')}`,
  values: {
    project: 'example-co-analytics',
    role,
    member: `serviceAccount:${account}@example-co-analytics.iam.gserviceaccount.com`,
  },
  unknown: { id: true, etag: true },
});

const EXPECTED = (name: (resource: string) => string) => [
  `require-entitlement mandatory ${name('ci-reads')} Role::roles/storage.objectViewer@projects/example-co-analytics`,
  `require-entitlement mandatory ${name('etl-admin')} Role::roles/bigquery.admin@projects/example-co-analytics`,
];

describe('an IAM member naming a service account the change does not create', () => {
  it('a Terraform plan: a recorded account is held to its entitlements; one nobody records is judged for privilege only', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        planned('etl-reads', 'roles/bigquery.dataViewer', 'analytics-etl'),
        planned('etl-admin', 'roles/bigquery.admin', 'analytics-etl'),
        planned('ci-reads', 'roles/storage.objectViewer', 'ci-deployer'),
        planned('exporter-reads', 'roles/storage.objectViewer', 'exporter'),
      ]),
    );
    expect(model.identities.map((identity) => `${identity.name} ${identity.external === true}`)).toEqual([
      'analytics-etl true',
      'ci-deployer true',
      'exporter true',
    ]);
    expect(model.externalRoleGrants).toBeUndefined();
    expect(judged(model)).toEqual(EXPECTED((name) => `google_project_iam_member.${name.replaceAll('-', '_')}`));
  });

  describe('a Pulumi program under mocks', () => {
    let records: CapturedResource[] = [];
    beforeAll(async () => {
      records = await captureProgram(path('../pulumi/programs/gcp-outside-accounts.ts'), 'update');
    }, 120_000);

    it('gives the same verdicts', () => {
      expect(judged(modelFromPulumiResources(stackResources(records)))).toEqual(EXPECTED((name) => name));
    });
  });
});
