/**
 * An `Fn::Sub` that is one reference and nothing else is that reference: `ManagedPolicyArns: [!Sub
 * '${Policy.PolicyArn}']` attaches the template's own managed policy, as `!Ref Policy` does. The AWS Security
 * Reference Architecture's GuardDuty S3 malware-protection role attaches its policy so; the check read it as a
 * customer-managed policy outside the change (a blocking `Policy::<PolicyArn of …>` that could not be waived by fixing
 * anything), and judged the role without the policy's content.
 */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import escalation from '../../src/rules/no-privilege-escalation.js';
import wildcard from '../../src/rules/no-wildcard-privilege.js';
import { ruleTester } from '../support/rule-tester.js';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const attachedBy = (reference: unknown, action = 's3:GetObject') =>
  modelFromTemplates([
    {
      stack: 'TestStack',
      template: {
        Resources: {
          Policy: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] } },
          },
          Fn: {
            Type: 'AWS::IAM::Role',
            Properties: { AssumeRolePolicyDocument: LAMBDA_TRUST, ManagedPolicyArns: [reference] },
          },
        },
      } as unknown as CfnTemplate,
    },
  ]);

const ELSEWHERE = 'arn:aws:iam::111122223333:policy/Elsewhere';

ruleTester(wildcard, {
  valid: [
    {
      name: '!Sub ${Policy.PolicyArn} attaches the policy of the change',
      model: attachedBy({ 'Fn::Sub': '${Policy.PolicyArn}' }),
    },
    { name: '!Sub ${Policy} (its Ref) attaches it too', model: attachedBy({ 'Fn::Sub': ['${Policy}', {}] }) },
  ],
  invalid: [
    {
      name: "a Sub variable of the same name is the variable's value, no reference to the policy",
      model: attachedBy({ 'Fn::Sub': ['${Policy}', { Policy: ELSEWHERE }] }),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: `Policy::${ELSEWHERE}`,
          message:
            `Customer managed policy ${ELSEWHERE} on Fn is not defined in this change, so what it grants cannot be seen ` +
            'here. Define the policy in the change (a policy resource of the same stack or program), or request a ' +
            'catalog exception for Fn.',
        },
      ],
    },
  ],
});

ruleTester(escalation, {
  valid: [
    {
      name: 'a policy of the change attached by !Sub that grants no path action',
      model: attachedBy({ 'Fn::Sub': '${Policy.PolicyArn}' }),
    },
  ],
  invalid: [
    {
      name: "the attached policy's content is the role's: iam:PutRolePolicy on * opens put-role-policy",
      model: attachedBy({ 'Fn::Sub': '${Policy.PolicyArn}' }, 'iam:PutRolePolicy'),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Path::put-role-policy',
          message:
            'Fn can write an inline policy on a role: it is allowed iam:PutRolePolicy (Policy). Remove one of these ' +
            'actions or scope it to resources that grant no more privilege (path put-role-policy, ' +
            'https://pathfinding.cloud/paths/iam-005).',
        },
      ],
    },
  ],
});
