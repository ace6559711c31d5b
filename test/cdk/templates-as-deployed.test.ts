/**
 * The CDK aspect gives the CLI's verdicts on what CloudFormation deploys: a SAM function's implicit role (a CDK app
 * may add the SAM transform and aws-sam resources), an Identity Center permission set, a stack set's template, and
 * content it cannot see (another macro, a stack set with a TemplateURL).
 */
import { Aspects, CfnStackSet, Stack } from 'aws-cdk-lib';
import * as sam from 'aws-cdk-lib/aws-sam';
import * as sso from 'aws-cdk-lib/aws-sso';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { guardAnnotations, NOW, testApp } from './support.js';

describe('EntitlementGuard aspect: templates as deployed', () => {
  it("blocks a SAM function's implicit role, a permission set, a stack set's admin role, a macro and a remote stack set", () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    stack.addTransform('AWS::Serverless-2016-10-31');
    stack.addTransform('AcmeMacro');
    new sam.CfnFunction(stack, 'Handler', {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      inlineCode: 'x',
      policies: ['AdministratorAccess'],
    });
    new sso.CfnPermissionSet(stack, 'Admins', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      name: 'Admins',
      managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    });
    new CfnStackSet(stack, 'Baseline', {
      stackSetName: 'baseline',
      permissionModel: 'SERVICE_MANAGED',
      templateBody: JSON.stringify({
        Resources: {
          Admin: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
              },
              ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            },
          },
        },
      }),
    });
    new CfnStackSet(stack, 'Remote', {
      stackSetName: 'remote',
      permissionModel: 'SERVICE_MANAGED',
      templateUrl: 'https://s3.amazonaws.com/acme/remote.yaml',
    });
    Aspects.of(app).add(new EntitlementGuard({ now: NOW }));
    const errors = guardAnnotations(app, stack)
      .filter(
        (annotation) =>
          annotation.level === 'error' && ['no-wildcard-privilege', 'no-unseen-content'].includes(annotation.ruleId),
      )
      .map((annotation) => `${annotation.ruleId} ${annotation.at} ${annotation.resource}`);
    // What has no construct of its own (SAM's implicit role, a stack set's resources, a macro) is annotated on the stack.
    expect([...new Set(errors)].sort()).toEqual([
      'no-unseen-content /S S/AcmeMacro',
      'no-unseen-content /S/Remote S/Remote',
      'no-wildcard-privilege /S S/Baseline/Admin',
      'no-wildcard-privilege /S S/HandlerRole',
      'no-wildcard-privilege /S/Admins S/Admins',
    ]);
  });
});
