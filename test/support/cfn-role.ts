/** A CloudFormation stack `TestStack` with one Lambda role holding one inline policy of one statement, as a model. */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import type { Model } from '../../src/model/model.js';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

export function lambdaRoleWithStatement(role: string, policyName: string, statement: Record<string, unknown>): Model {
  return modelFromTemplates([
    {
      stack: 'TestStack',
      template: {
        Resources: {
          [role]: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: LAMBDA_TRUST,
              Policies: [{ PolicyName: policyName, PolicyDocument: { Statement: [statement] } }],
            },
          },
        },
      } as unknown as CfnTemplate,
    },
  ]);
}
