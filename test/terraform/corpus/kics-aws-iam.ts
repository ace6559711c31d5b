/**
 * KICS's Terraform privilege-escalation fixtures, Checkmarx/kics as forked by DataDog/kics
 * @ d91e3669233f883ffa89d3013a4af2874ab87b40 (2025-10-24; Apache License 2.0), each file under
 * assets/queries/terraform/aws/<query>/test/, as the plan of each configuration would carry it: one plan per fixture
 * (they all name `aws_iam_user.cosmic` and the like). Written here by hand (no Terraform binary runs in the tests):
 * each resource's arguments as the .tf gives them, `jsonencode({...})` as the string Terraform writes (keys sorted,
 * no spaces), a reference to another resource's `name` as its known value with the configuration's references (as
 * terragoat.ts does), an `arn` or `id` as known after apply.
 *
 * Departures, needed for a plan to exist, each named where it applies:
 * - the role fixtures declare `aws_iam_role.cosmic` with no `assume_role_policy`, which the provider requires: written
 *   as the .tf gives it, with no trust policy;
 * - the user fixtures' `aws_iam_policy_attachment` also names `aws_iam_role.role.name` and `aws_iam_group.group.name`,
 *   resources no fixture declares: written as lists known after apply, referring to them (as checkov-credentials.ts
 *   does for an undeclared data source); in the single-action user fixtures that attachment has no `policy_arn`,
 *   which the provider requires: written as the .tf gives it, without one.
 *
 * The negative1.tf of all 60 queries is one file, byte for byte (a user `cosmic2` with `ec2:Describe*` on `*`):
 * reproduced once. positive_module.tf and negative_module.tf of two queries call registry modules
 * (terraform-aws-modules/iam/aws iam-group-with-assumable-roles-policy ~> 5.2.0, iam-assumable-role 5.1.0) whose
 * resources are the module's code, not the fixture's: not reproduced.
 */
import type { PlannedResource } from '../support.js';

export const KICS_COMMIT = 'd91e3669233f883ffa89d3013a4af2874ab87b40';

/** What `jsonencode` gives for the fixtures' one-statement documents (object keys in lexical order). */
const jsonencode = (actions: string[]) =>
  JSON.stringify({ Statement: [{ Action: actions, Effect: 'Allow', Resource: '*' }], Version: '2012-10-17' });

export type Kind = 'user' | 'group' | 'role';

export interface KicsFixture {
  /** Path under assets/queries/terraform/aws/. */
  path: string;
  resources: PlannedResource[];
}

const IDENTITY: Record<Kind, string> = { user: 'aws_iam_user', group: 'aws_iam_group', role: 'aws_iam_role' };
const UNKNOWN: Record<Kind, Record<string, unknown>> = {
  user: { arn: true, id: true, unique_id: true },
  group: { arn: true, id: true, unique_id: true },
  role: { arn: true, id: true, unique_id: true, create_date: true },
};

/**
 * `resource "aws_iam_<kind>" "<name>" { name = "<name>" }` and its inline policy, resource `<resource>` named
 * `<policyName>`, allowing `actions` on `*`.
 */
function identityWithInline(
  kind: Kind,
  name: string,
  resource: string,
  policyName: string,
  actions: string[],
): PlannedResource[] {
  const type = IDENTITY[kind];
  return [
    { address: `${type}.${name}`, values: { name }, unknown: UNKNOWN[kind] },
    {
      address: `${type}_policy.${resource}`,
      values: { name: policyName, [kind]: name, policy: jsonencode(actions) },
      unknown: { id: true },
      references: { [kind]: [`${type}.${name}.name`, `${type}.${name}`] },
    },
  ];
}

/** The managed policy `aws_iam_policy.policy` ("test-policy") naming `actions`. */
const managedPolicy = (actions: string[]): PlannedResource => ({
  address: 'aws_iam_policy.policy',
  values: { name: 'test-policy', description: 'A test policy', policy: jsonencode(actions) },
  unknown: { arn: true, id: true, policy_id: true },
});

/**
 * `aws_iam_policy_attachment.test-attach`. In the user fixtures it names the user `cosmic` and the undeclared
 * `aws_iam_role.role` and `aws_iam_group.group`; in the group and role fixtures only `cosmic` of their kind.
 */
function attachment(kind: Kind, withPolicy: boolean): PlannedResource {
  const own = { [`${kind}s`]: ['cosmic'] };
  const undeclared = kind === 'user';
  return {
    address: 'aws_iam_policy_attachment.test-attach',
    values: { name: 'test-attachment', ...own },
    unknown: {
      id: true,
      ...(undeclared ? { roles: true, groups: true } : {}),
      ...(withPolicy ? { policy_arn: true } : {}),
    },
    references: {
      [`${kind}s`]: [`${IDENTITY[kind]}.cosmic.name`, `${IDENTITY[kind]}.cosmic`],
      ...(undeclared
        ? {
            roles: ['aws_iam_role.role.name', 'aws_iam_role.role'],
            groups: ['aws_iam_group.group.name', 'aws_iam_group.group'],
          }
        : {}),
      ...(withPolicy ? { policy_arn: ['aws_iam_policy.policy.arn', 'aws_iam_policy.policy'] } : {}),
    },
  };
}

/** The action sets of the 20 queries: the query's suffix, the inline policy's actions, the managed policy's. */
export const ACTION_SETS: readonly { query: string; inline: string[]; managed?: string[] }[] = [
  { query: 'iam_CreatePolicyVersion', inline: ['iam:CreatePolicyVersion'] },
  { query: 'iam_SetDefaultPolicyVersion', inline: ['iam:SetDefaultPolicyVersion'] },
  { query: 'iam_PassRole_and_ec2_RunInstances', inline: ['ec2:RunInstances'], managed: ['iam:PassRole'] },
  {
    query: 'iam_PassRole_and_lambda_CreateFunction_and_lambda_InvokeFunction',
    inline: ['lambda:CreateFunction', 'lambda:InvokeFunction'],
    managed: ['iam:PassRole'],
  },
  { query: 'iam_PassRole_and_glue_CreateDevEndpoint', inline: ['glue:CreateDevEndpoint'], managed: ['iam:PassRole'] },
  {
    query: 'iam_PassRole_and_cloudformation_CreateStack',
    inline: ['cloudformation:CreateStack'],
    managed: ['iam:PassRole'],
  },
  { query: 'iam_CreateAccessKey', inline: ['iam:CreateAccessKey'] },
  { query: 'iam_CreateLoginProfile', inline: ['iam:CreateLoginProfile'] },
  { query: 'iam_UpdateLoginProfile', inline: ['iam:UpdateLoginProfile'] },
  { query: 'iam_AttachUserPolicy', inline: ['iam:AttachUserPolicy'] },
  { query: 'iam_AttachGroupPolicy', inline: ['iam:AttachGroupPolicy'] },
  { query: 'iam_AttachRolePolicy', inline: ['iam:AttachRolePolicy'] },
  { query: 'iam_PutUserPolicy', inline: ['iam:PutUserPolicy'] },
  { query: 'iam_PutGroupPolicy', inline: ['iam:PutGroupPolicy'] },
  { query: 'iam_PutRolePolicy', inline: ['iam:PutRolePolicy'] },
  { query: 'iam_AddUserToGroup', inline: ['iam:AddUserToGroup'] },
  {
    query: 'iam_UpdateAssumeRolePolicy_and_sts_AssumeRole',
    inline: ['iam:UpdateAssumeRolePolicy'],
    managed: ['sts:AssumeRole'],
  },
  { query: 'glue_UpdateDevEndpoint', inline: ['glue:UpdateDevEndpoint'] },
  { query: 'lambda_UpdateFunctionCode', inline: ['lambda:UpdateFunctionCode'] },
];

/** The query directory: KICS names the role's Lambda query without the second `_and`. */
export const queryDirectory = (kind: Kind, query: string) =>
  `${kind}_with_privilege_escalation_by_actions_${
    kind === 'role' ? query.replace('lambda_CreateFunction_and_lambda', 'lambda_CreateFunction_lambda') : query
  }`;

/**
 * positive1.tf of `<kind>_with_privilege_escalation_by_actions_<query>`: the identity `cosmic` with an inline policy
 * `test_inline_policy`; where the query pairs two permission sets, the second in `aws_iam_policy.policy` attached to
 * `cosmic` through `aws_iam_policy_attachment.test-attach`. The user fixtures always declare that attachment (without
 * `policy_arn` when there is no managed policy); the group and role fixtures only with the managed policy.
 */
export function positive(kind: Kind, set: (typeof ACTION_SETS)[number]): KicsFixture {
  const resources = identityWithInline(kind, 'cosmic', 'test_inline_policy', 'test_inline_policy', set.inline);
  if (set.managed) resources.push(attachment(kind, true), managedPolicy(set.managed));
  else if (kind === 'user') resources.push(attachment(kind, false));
  return { path: `${queryDirectory(kind, set.query)}/test/positive1.tf`, resources };
}

/** negative1.tf, the same file in all 60 queries: the user `cosmic2` with `ec2:Describe*` on `*`. */
export const NEGATIVE: PlannedResource[] = identityWithInline(
  'user',
  'cosmic2',
  'inline_policy_run_instances2',
  'inline_policy_run_instances',
  ['ec2:Describe*'],
);

export const KICS_PRIVILEGE_ESCALATION: KicsFixture[] = (['group', 'role', 'user'] as const).flatMap((kind) =>
  ACTION_SETS.map((set) => positive(kind, set)),
);
