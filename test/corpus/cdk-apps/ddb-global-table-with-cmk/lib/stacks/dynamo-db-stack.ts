// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/ddb/global-table-with-cmk/lib/stacks/dynamo-db-stack.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import { Fn, NestedStack, NestedStackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs/lib/construct';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
 
export interface ReplicaConfig {
  region: string,
  keyExportName: string,
}

interface Props extends NestedStackProps {
  tableName: string,
  tableReplicaRegions: ReplicaConfig[],
}
 
export class DynamoDBStack extends NestedStack {
  constructor(scope: Construct, id: string, props: Props) {
    super(scope, id, props);
 
    new dynamodb.CfnGlobalTable(this, 'global-table', {
      tableName: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      attributeDefinitions: [{
        attributeName: 'id',
        attributeType: 'S',
      }],
      keySchema: [{
        attributeName: 'id',
        keyType: 'HASH',
      }],
      replicas: props.tableReplicaRegions.map((replicaConfig: ReplicaConfig) => (
        {
          region: replicaConfig.region,
          sseSpecification: {
            kmsMasterKeyId: Fn.importValue(replicaConfig.keyExportName).toString(),
          },
        }
      )),
      sseSpecification: {
        sseEnabled: true,
        sseType: 'KMS',
      },
      streamSpecification: {
        streamViewType: 'KEYS_ONLY',
      },
    });
  }
}

