/**
 * IAM refuses to change a service-linked role's policies or trust on the account's request (UnmodifiableEntity), and
 * keeps the path `/aws-service-role/` for such roles: iam:PutRolePolicy, iam:AttachRolePolicy and
 * iam:UpdateAssumeRolePolicy on `role/aws-service-role/…` open no escalation path. The AWS Security Reference
 * Architecture's configuration roles grant iam:PutRolePolicy on the service-linked role of the service they set up
 * (test/corpus/sra); each was a blocking Path::put-role-policy. A Resource that may name any other role keeps the path.
 */
import escalation from '../../src/rules/no-privilege-escalation.js';
import { lambdaRoleWithStatement } from '../support/cfn-role.js';
import { ruleTester } from '../support/rule-tester.js';

const withStatement = (statement: Record<string, unknown>) => lambdaRoleWithStatement('OrgRole', 'iam', statement);
const SLR =
  'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty';
const on = (action: string, resource: unknown) =>
  withStatement({ Effect: 'Allow', Action: action, Resource: resource });

ruleTester(escalation, {
  valid: [
    {
      name: 'iam:PutRolePolicy on the GuardDuty service-linked role (SRA guardduty-org configuration role)',
      model: on('iam:PutRolePolicy', { 'Fn::Sub': SLR }),
    },
    {
      name: 'iam:AttachRolePolicy on every service-linked role of any account',
      model: on('iam:AttachRolePolicy', 'arn:aws:iam::*:role/aws-service-role/*'),
    },
    {
      name: 'iam:UpdateAssumeRolePolicy on a service-linked role',
      model: on('iam:UpdateAssumeRolePolicy', 'arn:aws:iam::*:role/aws-service-role/config.amazonaws.com/*'),
    },
  ],
  invalid: [
    {
      name: 'a pattern that reaches past the reserved path (`role/aws-service-role*`) may name an ordinary role',
      model: on('iam:PutRolePolicy', 'arn:aws:iam::*:role/aws-service-role*'),
      findings: [
        {
          resource: 'OrgRole',
          identity: 'TestStack/OrgRole',
          detail: 'Path::put-role-policy',
          level: 'mandatory',
          message:
            'OrgRole can write an inline policy on a role: it is allowed iam:PutRolePolicy (OrgRole policy iam, on ' +
            'arn:aws:iam::*:role/aws-service-role*). Remove one of these actions or scope it to resources that grant no ' +
            'more privilege (path put-role-policy, https://pathfinding.cloud/paths/iam-005).',
        },
      ],
    },
    {
      name: 'a service-linked role beside an ordinary role in one statement keeps the path',
      model: on('iam:PutRolePolicy', [{ 'Fn::Sub': SLR }, 'arn:aws:iam::111122223333:role/app']),
      findings: [
        {
          resource: 'OrgRole',
          identity: 'TestStack/OrgRole',
          detail: 'Path::put-role-policy',
          message:
            'OrgRole can write an inline policy on a role: it is allowed iam:PutRolePolicy (OrgRole policy iam, on ' +
            'arn:aws:iam::<own-account>:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty, ' +
            'arn:aws:iam::111122223333:role/app). Remove one of these actions or scope it to resources that grant no ' +
            'more privilege (path put-role-policy, https://pathfinding.cloud/paths/iam-005).',
        },
      ],
    },
    {
      name: 'actions IAM does not refuse on a service-linked role are not narrowed (iam:PassRole keeps its path)',
      model: withStatement({
        Effect: 'Allow',
        Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
        Resource: ['arn:aws:iam::*:role/aws-service-role/*', '*'],
      }),
      findings: [
        {
          resource: 'OrgRole',
          identity: 'TestStack/OrgRole',
          detail: 'Path::passrole-lambda-invoke',
          message:
            'OrgRole can create a Lambda function with a privileged role and invoke it: it is allowed iam:PassRole ' +
            '(OrgRole policy iam), lambda:CreateFunction (OrgRole policy iam) and lambda:InvokeFunction (OrgRole policy ' +
            'iam). Remove one of these actions or scope it to resources that grant no more privilege (path ' +
            'passrole-lambda-invoke, https://pathfinding.cloud/paths/lambda-001).',
        },
      ],
    },
  ],
});
