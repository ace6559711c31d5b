/**
 * What a deployment may choose is judged at each choice, not as unknown: a statement field written whole as an
 * `Fn::If` deploy time decides (as an `Fn::If` item of a list already was), and a value built with `Fn::Sub` from a
 * parameter with AllowedValues (as a plain `Ref` to it already was). Both were pending ("cannot be verified until
 * apply") and blocked templates whose every deployment is safe; so was a parameter without a Default, although the
 * deployment must pass one of its AllowedValues. Found by the adversarial hunt of
 * test/corpus/gate-semantics/adversarial.
 */
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import wildcard from '../../src/rules/no-wildcard-privilege.js';
import { ruleTester } from '../support/rule-tester.js';

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const role = (statement: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: LAMBDA_TRUST,
    ...(statement ? { Policies: [{ PolicyName: 'Task', PolicyDocument: { Statement: [statement] } }] } : {}),
    ...extra,
  },
});
const of = (template: Record<string, unknown>) =>
  modelFromTemplates([{ stack: 'TestStack', template: template as unknown as CfnTemplate }]);

/** Stage defaults to prod; a deployment may pass any other value. */
const STAGE = {
  Parameters: { Stage: { Type: 'String', Default: 'prod' } },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
};
const actionIf = (whenProd: string, otherwise: string) =>
  of({
    ...STAGE,
    Resources: { Fn: role({ Effect: 'Allow', Action: { 'Fn::If': ['IsProd', whenProd, otherwise] }, Resource: '*' }) },
  });
const managedBySub = (allowed: string[]) =>
  of({
    Parameters: { Access: { Type: 'String', Default: allowed[0], AllowedValues: allowed } },
    Resources: {
      Fn: role(undefined, { ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/${Access}' }] }),
    },
  });
const actionBySub = (allowed: string[]) =>
  of({
    Parameters: { Verb: { Type: 'String', Default: allowed[0], AllowedValues: allowed } },
    Resources: { Fn: role({ Effect: 'Allow', Action: { 'Fn::Sub': 'iam:${Verb}' }, Resource: '*' }) },
  });

/** Action from a parameter without a Default: the deployment must pass one of its AllowedValues. */
const actionWithoutDefault = (allowed: string[]) =>
  of({
    Parameters: { Verb: { Type: 'String', AllowedValues: allowed } },
    Resources: { Fn: role({ Effect: 'Allow', Action: { Ref: 'Verb' }, Resource: '*' }) },
  });

ruleTester(wildcard, {
  valid: [
    {
      name: 'Action written whole as an Fn::If deploy time decides, both branches plain reads',
      model: actionIf('s3:GetObject', 's3:ListBucket'),
    },
    {
      name: 'ManagedPolicyArns item built by Fn::Sub from a parameter whose AllowedValues are read-only policies',
      model: managedBySub(['ReadOnlyAccess', 'SecurityAudit']),
    },
    {
      name: 'Action built by Fn::Sub from a parameter whose AllowedValues are reads',
      model: actionBySub(['GetRole', 'ListRoles']),
    },
    {
      name: 'Action from a parameter without a Default whose AllowedValues are reads',
      model: actionWithoutDefault(['s3:GetObject', 's3:ListBucket']),
    },
  ],
  invalid: [
    {
      name: 'Action written whole as an Fn::If deploy time decides, one branch iam:*: named, not pending',
      model: actionIf('s3:GetObject', 'iam:*'),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Action::iam:*',
          message:
            'Policy Task allows Action "iam:*" on Resource "*", which expands to 190 actions, 56 of them privileged (iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachRolePolicy, …). List only the actions needed instead of "iam:*"; keep privileged ones off unless required, on named resources.',
        },
      ],
    },
    {
      name: 'ManagedPolicyArns item built by Fn::Sub from a parameter that allows AdministratorAccess: named, not pending',
      model: managedBySub(['ReadOnlyAccess', 'AdministratorAccess']),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Policy::AdministratorAccess',
          message:
            'AWS managed policy AdministratorAccess on Fn (no declared class, so treated as non-human) grants administrator-level access to a non-human identity. Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
        },
      ],
    },
    {
      name: 'Action built by Fn::Sub from a parameter that allows AttachRolePolicy, on "*": named, not pending',
      model: actionBySub(['GetRole', 'AttachRolePolicy']),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Resource::*',
          message:
            'Policy Task allows privileged action iam:AttachRolePolicy on Resource "*" without a Condition that restricts it (one on the caller, its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). Scope it to the resource ARNs needed, or add a Condition that constrains it (for iam:PassRole, StringEquals iam:PassedToService).',
        },
      ],
    },
    {
      name: 'Action from a parameter without a Default whose AllowedValues include iam:*: named, not pending',
      model: actionWithoutDefault(['s3:GetObject', 'iam:*']),
      findings: [
        {
          resource: 'Fn',
          identity: 'TestStack/Fn',
          detail: 'Action::iam:*',
          message:
            'Policy Task allows Action "iam:*" on Resource "*", which expands to 190 actions, 56 of them privileged (iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachRolePolicy, …). List only the actions needed instead of "iam:*"; keep privileged ones off unless required, on named resources.',
        },
      ],
    },
  ],
});
