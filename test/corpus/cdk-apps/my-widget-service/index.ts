#!/usr/bin/env node
// @ts-nocheck: copied verbatim (only these four header lines added), not written to this repository's lint settings.
// Source: aws-samples/aws-cdk-examples@bccff1d2775e4b0bf777721c6b41c0107e122f73 typescript/my-widget-service/index.ts, Apache License 2.0
// (https://github.com/aws-samples/aws-cdk-examples/blob/bccff1d2775e4b0bf777721c6b41c0107e122f73/LICENSE). Synthesized with and without the
// EntitlementGuard aspect by test/cdk/public-apps.test.ts; every finding is judged in test/corpus/cdk-apps/README.md.
import * as cdk from 'aws-cdk-lib';
import * as widget_service from './widget_service';
export class MyWidgetServiceStack extends cdk.Stack {
    constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
      super(scope, id, props);
  
      new widget_service.WidgetService(this, 'Widgets');
    }
  }

const app = new cdk.App();
new MyWidgetServiceStack(app, 'MyWidgetServiceStack');
app.synth();
