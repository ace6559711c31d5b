// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/ddb/global-table-with-cmk/bin/app.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import * as cdk from 'aws-cdk-lib';
import { GlobalDDBTableCMK } from '../lib/global-ddb-cmk';

const TABLE_NAME: string = 'global-ddb-cmk-demo';
const PRIMARY_REGION: string = 'us-east-1';
const REPLICATIONS_REGIONS: string[] = ['us-west-2', 'us-east-2'];
const KEY_ALIAS: string = `alias/CMK-for-global-DDB-table-${TABLE_NAME}`

const app = new cdk.App();
new GlobalDDBTableCMK(app, 'global-ddb-cmk', {
  env: { region: PRIMARY_REGION },
  tableName: TABLE_NAME,
  replicationRegions: REPLICATIONS_REGIONS,
  keyAlias: KEY_ALIAS
});