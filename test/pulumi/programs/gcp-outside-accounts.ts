// IAM members naming service accounts the program does not create (test/terraform/gcp-outside-accounts.test.ts):
// analytics-etl, which examples/catalog.yaml entitles to roles/bigquery.dataViewer on projects/example-co-analytics,
// given that role and roles/bigquery.admin there; ci-deployer, whose entitlements allow no Google Cloud role, given a
// reader; and an account nobody records. Captured under the SDK's mocks.
import * as gcp from '@pulumi/gcp';

const member = (name: string, role: string, account: string) =>
  new gcp.projects.IAMMember(name, {
    project: 'example-co-analytics',
    role,
    member: `serviceAccount:${account}@example-co-analytics.iam.gserviceaccount.com`,
  });
member('etl-reads', 'roles/bigquery.dataViewer', 'analytics-etl');
member('etl-admin', 'roles/bigquery.admin', 'analytics-etl');
member('ci-reads', 'roles/storage.objectViewer', 'ci-deployer');
member('exporter-reads', 'roles/storage.objectViewer', 'exporter');
