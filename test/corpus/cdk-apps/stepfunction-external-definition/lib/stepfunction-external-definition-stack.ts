// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/stepfunction-external-definition/lib/stepfunction-external-definition-stack.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as apigateway from "aws-cdk-lib/aws-apigateway";
import * as stepfunctions from "aws-cdk-lib/aws-stepfunctions";
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from "aws-cdk-lib/aws-iam";
import * as fs from "fs";

export class StepfunctionExternalDefinitionStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const logGroup = new logs.LogGroup(this, 'MyStateMachineLogGroup', {
      logGroupName: '/aws/vendedlogs/states/MyStateMachine',
      retention: logs.RetentionDays.ONE_WEEK, 
    });
    
    const workflow = fs.readFileSync('./workflow/stepfunction.json.asl', 'utf8');
    const stateMachine= new stepfunctions.StateMachine(this, 'MyStateMachine', {
      stateMachineType: stepfunctions.StateMachineType.EXPRESS,
      definitionBody: stepfunctions.DefinitionBody.fromString(workflow.toString()),
      logs: {
        destination: logGroup,
        level: stepfunctions.LogLevel.ALL,
        includeExecutionData: true,
      },
    });
    logGroup.grantWrite(stateMachine.role);

    const api = new apigateway.RestApi(this, "StepFuncApi", {
      restApiName: "StepFuncApi",
      description: "StepFuncApi",
      endpointTypes: [apigateway.EndpointType.REGIONAL]
    });
    const resource = api.root.addResource("orders");
    resource.addMethod("GET", apigateway.StepFunctionsIntegration.startExecution(stateMachine));
  }
}
