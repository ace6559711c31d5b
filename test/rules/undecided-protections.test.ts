/**
 * A protection only some deployments create does not protect: a Deny policy, or a rotation schedule, whose
 * resource Condition, holder `Fn::If` or parameter deploy time decides. What such a grant allows is judged as held (some
 * deployment holds it); what it denies removes nothing (another deployment lacks it), as a Deny statement under an
 * undecided `Fn::If` already removed nothing. Found by the adversarial hunt of test/corpus/gate-semantics/adversarial.
 */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import { ESCALATION_PATHS } from '../../src/rules/escalation-paths.js';
import escalation from '../../src/rules/no-privilege-escalation.js';
import rotation from '../../src/rules/secret-rotation.js';
import { ruleTester } from '../support/rule-tester.js';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const ALLOW_IAM = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] };
const DENY_IAM = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] };

/** `Switch` defaults to yes; a deployment may pass any other value unless `fixed`, which allows only yes. */
function template(resources: Record<string, unknown>, fixed = false): CfnTemplate {
  return {
    Parameters: { Switch: { Type: 'String', Default: 'yes', ...(fixed ? { AllowedValues: ['yes'] } : {}) } },
    Conditions: { On: { 'Fn::Equals': [{ Ref: 'Switch' }, 'yes'] } },
    Resources: resources,
  } as CfnTemplate;
}
const of = (t: CfnTemplate) => modelFromTemplates([{ stack: 'TestStack', template: t }]);

/** A role allowed iam:* by its own inline policy, with `extra` properties. */
const adminRole = (extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: LAMBDA_TRUST,
    Policies: [{ PolicyName: 'Admin', PolicyDocument: ALLOW_IAM }],
    ...extra,
  },
});
const denyPolicy = (extra: Record<string, unknown> = {}, roles: unknown = [{ Ref: 'Fn' }]) => ({
  Type: 'AWS::IAM::Policy',
  ...extra,
  Properties: { PolicyName: 'NoIam', Roles: roles, PolicyDocument: DENY_IAM },
});
const ifOn = (value: unknown) => ({ 'Fn::If': ['On', value, { Ref: 'AWS::NoValue' }] });

const ALL_PATHS = `Fn is allowed every IAM action on "*" (for example iam:AttachRolePolicy (Fn policy Admin via iam:*)), so all ${ESCALATION_PATHS.length} listed escalation paths are open: it can grant itself anything. Replace the grant with the specific actions it needs; administration belongs to a break-glass or just-in-time identity.`;
const allPaths = { resource: 'Fn', identity: 'TestStack/Fn', detail: 'Path::*', message: ALL_PATHS };

ruleTester(escalation, {
  valid: [
    {
      name: 'a Deny policy every deployment creates removes what the role is allowed',
      model: of(template({ Fn: adminRole(), NoIam: denyPolicy() })),
    },
    {
      name: 'a Deny policy whose Condition plan-time values decide (the parameter allows only yes) removes it too',
      model: of(template({ Fn: adminRole(), NoIam: denyPolicy({ Condition: 'On' }) }, true)),
    },
    {
      name: 'a Deny policy both branches of an Fn::If attach alike removes it too',
      model: of(
        template({ Fn: adminRole(), NoIam: denyPolicy({}, { 'Fn::If': ['On', [{ Ref: 'Fn' }], [{ Ref: 'Fn' }]] }) }),
      ),
    },
    {
      name: 'a Deny managed policy every deployment attaches through ManagedPolicyArns removes it too',
      model: of(
        template({
          Fn: adminRole({ ManagedPolicyArns: [{ Ref: 'NoIam' }] }),
          NoIam: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: DENY_IAM } },
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'a Deny policy whose Condition deploy time decides: a deployment with Switch=no has no Deny',
      model: of(template({ Fn: adminRole(), NoIam: denyPolicy({ Condition: 'On' }) })),
      findings: [allPaths],
    },
    {
      name: 'a Deny policy that names the role in one branch of an Fn::If deploy time decides',
      model: of(template({ Fn: adminRole(), NoIam: denyPolicy({}, ifOn([{ Ref: 'Fn' }])) })),
      findings: [allPaths],
    },
    {
      name: 'a Deny managed policy attached in one branch of an Fn::If item of ManagedPolicyArns',
      model: of(
        template({
          Fn: adminRole({ ManagedPolicyArns: [ifOn({ Ref: 'NoIam' })] }),
          NoIam: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: DENY_IAM } },
        }),
      ),
      findings: [allPaths],
    },
    {
      name: 'the AWS managed AWSDenyAll attached in one branch of an Fn::If item of ManagedPolicyArns',
      model: of(template({ Fn: adminRole({ ManagedPolicyArns: [ifOn('arn:aws:iam::aws:policy/AWSDenyAll')] }) })),
      findings: [allPaths],
    },
    {
      name: 'an AWS::IAM::RolePolicy with the Deny whose Condition deploy time decides',
      model: of(
        template({
          Fn: adminRole(),
          NoIam: {
            Type: 'AWS::IAM::RolePolicy',
            Condition: 'On',
            Properties: { RoleName: { Ref: 'Fn' }, PolicyName: 'NoIam', PolicyDocument: DENY_IAM },
          },
        }),
      ),
      findings: [allPaths],
    },
    {
      name: 'an inline Deny policy the role writes in one branch of an Fn::If item of Policies',
      model: of(
        template({
          Fn: adminRole({
            Policies: [
              { PolicyName: 'Admin', PolicyDocument: ALLOW_IAM },
              ifOn({ PolicyName: 'NoIam', PolicyDocument: DENY_IAM }),
            ],
          }),
        }),
      ),
      findings: [allPaths],
    },
  ],
});

/*
 * The same protection reaching a user through a group: a group's Deny policies protect the user only in deployments
 * that add it to the group. Membership some deployments leave out (a UserToGroupAddition under a Condition, an
 * Fn::If item of Groups or Users) gives the group's Allows and not its Denies.
 */
/** A user allowed iam:* by its own inline policy, with `extra` properties. */
const adminUser = (extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::User',
  Properties: { Policies: [{ PolicyName: 'Admin', PolicyDocument: ALLOW_IAM }], ...extra },
});
/** A group holding the Deny inline, or (`managed`) through a managed policy naming it in Groups. */
const denyGroup = (managed = false): Record<string, unknown> =>
  managed
    ? {
        Guarded: { Type: 'AWS::IAM::Group', Properties: {} },
        NoIam: {
          Type: 'AWS::IAM::ManagedPolicy',
          Properties: { Groups: [{ Ref: 'Guarded' }], PolicyDocument: DENY_IAM },
        },
      }
    : {
        Guarded: {
          Type: 'AWS::IAM::Group',
          Properties: { Policies: [{ PolicyName: 'NoIam', PolicyDocument: DENY_IAM }] },
        },
      };
const addition = (extra: Record<string, unknown> = {}, users: unknown = [{ Ref: 'Dev' }]) => ({
  Type: 'AWS::IAM::UserToGroupAddition',
  ...extra,
  Properties: { GroupName: { Ref: 'Guarded' }, Users: users },
});
const userPaths = {
  resource: 'Dev',
  identity: 'TestStack/Dev',
  detail: 'Path::*',
  message: ALL_PATHS.replace('Fn is', 'Dev is').replace('(Fn policy', '(Dev policy'),
};

ruleTester(escalation, {
  valid: [
    {
      name: 'a user every deployment adds to a Deny group (Groups) is protected by it',
      model: of(template({ Dev: adminUser({ Groups: [{ Ref: 'Guarded' }] }), ...denyGroup() })),
    },
    {
      name: 'a user every deployment adds to a Deny group (UserToGroupAddition without Condition)',
      model: of(template({ Dev: adminUser(), ...denyGroup(true), Join: addition() })),
    },
    {
      name: 'a UserToGroupAddition whose Condition plan-time values decide (the parameter allows only yes)',
      model: of(template({ Dev: adminUser(), ...denyGroup(), Join: addition({ Condition: 'On' }) }, true)),
    },
    {
      name: 'a user in the group in every deployment through Groups, and also through a conditional addition',
      model: of(
        template({
          Dev: adminUser({ Groups: [{ Ref: 'Guarded' }] }),
          ...denyGroup(),
          Join: addition({ Condition: 'On' }),
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'a UserToGroupAddition whose Condition deploy time decides: with Switch=no the user is in no Deny group',
      model: of(template({ Dev: adminUser(), ...denyGroup(), Join: addition({ Condition: 'On' }) })),
      findings: [userPaths],
    },
    {
      name: 'the same with the Deny in a managed policy the group holds',
      model: of(template({ Dev: adminUser(), ...denyGroup(true), Join: addition({ Condition: 'On' }) })),
      findings: [userPaths],
    },
    {
      name: 'a UserToGroupAddition naming the user in one branch of an Fn::If item of Users',
      model: of(template({ Dev: adminUser(), ...denyGroup(), Join: addition({}, [ifOn({ Ref: 'Dev' })]) })),
      findings: [userPaths],
    },
    {
      name: 'a user naming the Deny group in one branch of an Fn::If item of Groups',
      model: of(template({ Dev: adminUser({ Groups: [ifOn({ Ref: 'Guarded' })] }), ...denyGroup(true) })),
      findings: [userPaths],
    },
    {
      name: 'a user whose whole Groups is an Fn::If, the other branch no group',
      model: of(
        template({
          Dev: adminUser({ Groups: { 'Fn::If': ['On', [{ Ref: 'Guarded' }], []] } }),
          ...denyGroup(),
        }),
      ),
      findings: [userPaths],
    },
  ],
});

const secret = { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: {} } };
const schedule = (rules: unknown, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::SecretsManager::RotationSchedule',
  ...extra,
  Properties: {
    SecretId: { Ref: 'Db' },
    RotationLambdaARN: 'arn:aws:lambda:us-east-1:111122223333:function:rotate',
    RotationRules: rules,
  },
});
const daysParameter = (extra: Record<string, unknown>): CfnTemplate['Parameters'] => ({
  Days: { Type: 'Number', Default: 30, ...extra },
});
const withDays = (extra: Record<string, unknown>) =>
  of({
    Parameters: daysParameter(extra),
    Resources: { Db: secret, DbRotation: schedule({ AutomaticallyAfterDays: { Ref: 'Days' } }) },
  } as CfnTemplate);

ruleTester(rotation, {
  valid: [
    {
      name: 'a rotation schedule whose Condition plan-time values decide (the parameter allows only yes)',
      model: of(
        template({ Db: secret, DbRotation: schedule({ AutomaticallyAfterDays: 30 }, { Condition: 'On' }) }, true),
      ),
    },
    {
      name: 'an interval a parameter sets, every allowed value within the limit (30 or 60 days)',
      model: withDays({ AllowedValues: [30, 60] }),
    },
  ],
  invalid: [
    {
      name: 'a rotation schedule whose Condition deploy time decides: a deployment with Switch=no does not rotate',
      model: of(template({ Db: secret, DbRotation: schedule({ AutomaticallyAfterDays: 30 }, { Condition: 'On' }) })),
      findings: [
        {
          resource: 'Db',
          identity: 'TestStack/Db',
          detail: 'Rotation::unknown',
          message:
            'Rotation of secret Db cannot be verified until apply: the interval is that of rotation schedule DbRotation, created only where its Condition On holds, which deploy time decides.',
          pending: true,
        },
      ],
    },
    {
      name: 'an interval a parameter sets to any value: its default of 30 days says nothing of Days=3650',
      model: withDays({}),
      findings: [
        {
          resource: 'Db',
          identity: 'TestStack/Db',
          detail: 'Rotation::unknown',
          message:
            'Rotation of secret Db cannot be verified until apply: the interval is Ref Days (a parameter the deployment may set to a value other than its default).',
          pending: true,
        },
      ],
    },
    {
      name: 'an interval a parameter sets, one allowed value beyond the limit: the longest counts',
      model: withDays({ AllowedValues: [30, 1000] }),
      findings: [
        {
          resource: 'DbRotation',
          identity: 'TestStack/Db',
          detail: 'Rotation::1000d',
          message:
            'Secret Db rotates every 1000 days; the limit of the service class (the secret has no class) is 90 days. Set the rotation interval to 90 days or less.',
        },
      ],
    },
  ],
});
