/**
 * No account may change a policy AWS owns: IAM refuses CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicy,
 * DeletePolicyVersion and tagging on `arn:<partition>:iam::aws:policy/…` ("You cannot change the permissions defined in
 * AWS managed policies", IAM User Guide, "AWS managed policies"). A statement that names AWS managed policies only
 * grants reads of documents AWS publishes to every account, whatever its Action: KICS's
 * iam_policy_grants_full_permissions negatives (test/corpus/kics-cloudformation, `Action: ["*"]` on
 * AdministratorAccess's ARN) were blocked as administrator access on "what those ARNs name, rewriting their resource
 * policies and deleting them included", and as the create-policy-version and set-default-policy-version paths.
 * A Resource that may name a customer's policy keeps them.
 */
import escalation from '../../src/rules/no-privilege-escalation.js';
import wildcard from '../../src/rules/no-wildcard-privilege.js';
import { lambdaRoleWithStatement } from '../support/cfn-role.js';
import { ruleTester } from '../support/rule-tester.js';

const withStatement = (statement: Record<string, unknown>) => lambdaRoleWithStatement('AppRole', 'policies', statement);
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const on = (action: unknown, resource: unknown) =>
  withStatement({ Effect: 'Allow', Action: action, Resource: resource });

const valid = [
  {
    name: 'Action "*" on AdministratorAccess\'s ARN (KICS iam_policy_grants_full_permissions negative1.yaml)',
    model: on(['*'], ADMIN),
  },
  {
    name: 'iam:* on every AWS managed policy, in a partition deploy time sets',
    model: on('iam:*', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/*' }),
  },
  {
    name: 'iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion on two AWS managed policies',
    model: on(
      ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'],
      [ADMIN, 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
    ),
  },
];

ruleTester(escalation, {
  valid,
  invalid: [
    {
      name: "an AWS managed policy beside a customer's policy keeps the path",
      model: on('iam:CreatePolicyVersion', [ADMIN, 'arn:aws:iam::111122223333:policy/app']),
      findings: [
        {
          resource: 'AppRole',
          identity: 'TestStack/AppRole',
          detail: 'Path::create-policy-version',
          level: 'mandatory',
          message:
            'AppRole can create a new default version of a policy it holds: it is allowed iam:CreatePolicyVersion ' +
            '(AppRole policy policies, on arn:aws:iam::aws:policy/AdministratorAccess, arn:aws:iam::111122223333:policy/app). ' +
            'Remove one of these actions or scope it to resources that grant no more privilege (path ' +
            'create-policy-version, https://pathfinding.cloud/paths/iam-001).',
        },
      ],
    },
  ],
});

ruleTester(wildcard, {
  valid,
  invalid: [
    {
      name: 'Action "*" on an AWS managed policy and a customer\'s policy: everything on the customer\'s',
      model: on('*', [ADMIN, 'arn:aws:iam::111122223333:policy/app']),
      findings: [
        {
          resource: 'AppRole',
          identity: 'TestStack/AppRole',
          detail: 'Action::*',
          level: 'mandatory',
          message:
            'Policy policies allows Action "*" on "arn:aws:iam::aws:policy/AdministratorAccess", ' +
            '"arn:aws:iam::111122223333:policy/app": every action of every AWS service on what those ARNs name, rewriting ' +
            'their resource policies and deleting them included. List the specific actions needed (for example ' +
            '"s3:GetObject") on these ARNs.',
        },
      ],
    },
  ],
});
