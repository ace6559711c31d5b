// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/ddb/global-table-with-cmk/lib/global-ddb-cmk.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CMKStack } from './stacks/cmk-stack';
import { DynamoDBStack } from './stacks/dynamo-db-stack';

interface Props extends StackProps {
  tableName: string,
  replicationRegions: string[],
  keyAlias?: string,
}

export class GlobalDDBTableCMK extends Stack {
  constructor(scope: Construct, id: string, props: Props) {
    super(scope, id, props);

    const cmkStack = new CMKStack(this, 'cmk-stack', {
      tableName: props.tableName,
      keyReplicaRegions: props.replicationRegions,
      keyAlias: props.keyAlias
    });

    const ddbStack = new DynamoDBStack(this, 'ddb-stack', {
      tableName: props.tableName,
      tableReplicaRegions: [this.region, ...props.replicationRegions].map((region: string) => (
        {
          region,
          keyExportName: cmkStack.getKeyReplicaExportNames(region),
        }
      )),
    });

    ddbStack.addDependency(cmkStack);
  }
}