// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/elasticbeanstalk/elasticbeanstalk-bg-pipeline/index.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import * as cdk from 'aws-cdk-lib';
import * as cpactions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as cp from 'aws-cdk-lib/aws-codepipeline';
import * as cc from 'aws-cdk-lib/aws-codecommit';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
export class CdkStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    //objects for access parameters
    const node = this.node;

    const blue_env = node.tryGetContext("blue_env");
    const green_env = node.tryGetContext("green_env");
    const app_name = node.tryGetContext("app_name");

    const bucket = new s3.Bucket(this, 'BlueGreenBucket', {
      // The default removal policy is RETAIN, which means that cdk destroy will not attempt to delete
      // the new bucket, and it will remain in your account until manually deleted. By setting the policy to
      // DESTROY, cdk destroy will attempt to delete the bucket, but will error if the bucket is not empty.
      removalPolicy: cdk.RemovalPolicy.DESTROY, // NOT recommended for production code
    });

    const handler = new lambda.Function(this, 'BlueGreenLambda', {
      runtime: lambda.Runtime.PYTHON_3_12,
      code: lambda.Code.fromAsset('resources'),
      handler: 'blue_green.lambda_handler',
      environment: {
        BUCKET: bucket.bucketName
      }
    });

    bucket.grantReadWrite(handler);

    const repo = new cc.Repository(this, 'Repository', {
      repositoryName: 'MyRepositoryName',
    });

    const pipeline = new cp.Pipeline(this, 'MyFirstPipeline', {
      pipelineType: cp.PipelineType.V2,
    });

    const sourceStage = pipeline.addStage({
      stageName: 'Source'
    });

    const sourceArtifact = new cp.Artifact('Source');

    const sourceAction = new cpactions.CodeCommitSourceAction({
      actionName: 'CodeCommit',
      repository: repo,
      output: sourceArtifact,
    });

    sourceStage.addAction(sourceAction);


    const deployStage = pipeline.addStage({
      stageName: 'Deploy'
    });


    const lambdaAction = new cpactions.LambdaInvokeAction({
      actionName: 'InvokeAction',
      lambda: handler,
      userParameters: {
        blueEnvironment: blue_env,
        greenEnvironment: green_env,
        application: app_name
      },
      inputs: [sourceArtifact]
    });

    deployStage.addAction(lambdaAction);


  }
}

const app = new cdk.App();

new CdkStack(app, 'ElasticBeanstalkBG');

app.synth();
