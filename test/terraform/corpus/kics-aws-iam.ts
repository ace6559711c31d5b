/**
 * KICS's Terraform AWS IAM fixtures, Checkmarx/kics as forked by DataDog/kics
 * @ d91e3669233f883ffa89d3013a4af2874ab87b40 (2025-10-24; Apache License 2.0), each file under
 * assets/queries/terraform/aws/<query>/test/ (the 19 action sets of {group,role,user}_with_privilege_escalation_by_actions_*,
 * and 12 other IAM queries: KICS_AWS_IAM), as the plan of each configuration would carry it: one plan per fixture
 * (they all name `aws_iam_user.cosmic` and the like). Written here by hand (no Terraform binary runs in the tests):
 * each resource's arguments as the .tf gives them, `jsonencode({...})` as the string Terraform writes (keys sorted,
 * no spaces), a heredoc as its text, a reference to another resource's `name` as its known value with the
 * configuration's references (as terragoat.ts does), an `arn` or `id` as known after apply; a value built from a
 * variable, local or resource the fixture does not declare as known after apply, with that reference.
 *
 * Departures, needed for a plan to exist, each named where it applies:
 * - the role fixtures declare `aws_iam_role.cosmic` with no `assume_role_policy`, which the provider requires: written
 *   as the .tf gives it, with no trust policy;
 * - the user fixtures' `aws_iam_policy_attachment` also names `aws_iam_role.role.name` and `aws_iam_group.group.name`,
 *   resources no fixture declares: written as lists known after apply, referring to them (as checkov-credentials.ts
 *   does for an undeclared data source); in the single-action user fixtures that attachment has no `policy_arn`,
 *   which the provider requires: written as the .tf gives it, without one.
 *
 * The negative1.tf of all 57 queries is one file, byte for byte (a user `cosmic2` with `ec2:Describe*` on `*`):
 * reproduced once. positive_module.tf and negative_module.tf of two queries call registry modules
 * (terraform-aws-modules/iam/aws iam-group-with-assumable-roles-policy ~> 5.2.0, iam-assumable-role 5.1.0) whose
 * resources are the module's code, not the fixture's: not reproduced.
 */
import type { PlannedResource } from '../support.js';

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

/**
 * The heredocs of the other fixtures, each as the .tf writes it (a heredoc ends with its newline; `<<-EOF` drops the
 * indentation of its least indented line), by fixture path and `<resource address>.<attribute>`.
 */
const HEREDOCS: Record<string, Record<string, string>> = {
  'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test/negative1.tf': {
    'aws_iam_role.negative1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::987654321145:root"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": "",
      "Condition": {
        "StringEquals": {
          "sts:ExternalId": "98765"
        }
      }
    }
  ]
}
`,
  },
  'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test/negative2.tf': {
    'aws_iam_role.negative2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::987654321145:root"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": "",
      "Condition": { 
         "Bool": { 
            "aws:MultiFactorAuthPresent": "true" 
          }
      }
    }
  ]
}
`,
  },
  'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test/positive1.tf': {
    'aws_iam_role.positive1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::987654321145:root"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
  },
  'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test/positive2.tf': {
    'aws_iam_role.positive2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": {
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::987654321145:root"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": "",
      "Condition": { 
         "Bool": { 
            "aws:MultiFactorAuthPresent": "false" 
          }
      }
  }
}
`,
  },
  'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test/positive3.tf': {
    'aws_iam_role.positive3.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": {
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": "arn:aws:iam::987654321145:root"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": "",
      "Condition": {
        "StringEquals": {
          "sts:ExternalId": ""
        }
      }
  }
}
`,
  },
  'iam_policies_with_full_privileges/test/negative.tf': {
    'aws_iam_role_policy.negative1.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["some:action"],
      "Resource": "*"
    }
  ]
}
`,
  },
  'iam_policies_with_full_privileges/test/positive.tf': {
    'aws_iam_role_policy.positive1.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": "*"
    }
  ]
}
`,
  },
  'iam_policy_grants_assumerole_permission_across_all_services/test/negative.tf': {
    'aws_iam_role.negative1.assume_role_policy': `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com"
            },
            "Effect": "Allow",
            "Sid": ""
        }
    ]
}
`,
    'aws_iam_policy.negative2.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams"
    ],
      "Resource": [
        "arn:aws:logs:*:*:*"
    ]
  }
 ]
}
`,
  },
  'iam_policy_grants_assumerole_permission_across_all_services/test/positive.tf': {
    'aws_iam_role.positive1.assume_role_policy': `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com",
                "AWS": "*"
            },
            "Effect": "Allow",
            "Sid": ""
        }
    ]
}
`,
    'aws_iam_policy.positive3.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams"
    ],
      "Resource": [
        "arn:aws:logs:*:*:*"
    ]
  }
 ]
}
`,
    'aws_iam_role.positive2.assume_role_policy': `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com",
                "AWS": "*"
            },
            "Sid": ""
        }
    ]
}
`,
  },
  'iam_policy_grants_full_permissions/test/negative1.tf': {
    'aws_iam_user_policy.negative3.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:*",
        "s3:*",
        "lambda:*",
        "cloudwatch:*"
      ],
      "Effect": "Allow",
      "Resource": "SomeResource"
    }
  ]
}
`,
  },
  'iam_policy_grants_full_permissions/test/negative2.tf': {
    'aws_iam_policy.s3-permission.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:*",
        "s3:*",
        "lambda:*",
        "cloudwatch:*"
      ],
      "Effect": "Allow",
      "Resource": "SomeResource"
    }
  ]
}
`,
  },
  'iam_policy_grants_full_permissions/test/negative3.tf': {
    'aws_iam_policy.s3-permission.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "*"
      ],
      "Effect": "Allow",
      "Resource": "arn:aws:iam::aws:policy/AdministratorAccess"
    }
  ]
}
`,
  },
  'iam_policy_grants_full_permissions/test/positive1.tf': {
    'aws_iam_user_policy.positive3.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
      "*"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
  },
  'iam_policy_grants_full_permissions/test/positive2.tf': {
    'aws_iam_policy.s3-permission.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "*"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
  },
  'iam_role_allows_all_principals_to_assume/test/negative.tf': {
    'aws_iam_role.negative1.assume_role_policy': `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com"
            },
            "Effect": "Allow",
            "Sid": ""
        }
    ]
}
`,
    'aws_iam_policy.negative2.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Principal": {
        "AWS": "arn:aws:iam::some_role"
      },
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams"
    ],
      "Resource": [
        "arn:aws:iam::*:*:*"
    ]
  }
 ]
}
`,
  },
  'iam_role_allows_all_principals_to_assume/test/positive.tf': {
    'aws_iam_role.positive1.assume_role_policy': `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com"
            },
            "Effect": "Allow",
            "Sid": ""
        }
    ]
}
`,
    'aws_iam_role.positive2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Principal": {
        "AWS": "arn:aws:iam::root"
      },
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams"
    ],
      "Resource": [
        "arn:aws:iam::*:*:*"
    ]
  }
 ]
}
`,
  },
  'iam_role_policy_passrole_allows_all/test/negative1.tf': {
    'aws_iam_role_policy.test_policy.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "iam:passrole"
      ],
      "Effect": "Allow",
      "Resource": "arn:aws:sqs:us-east-2:account-ID-without-hyphens:queue1"
    }
  ]
}
`,
  },
  'iam_role_policy_passrole_allows_all/test/positive1.tf': {
    'aws_iam_role_policy.test_policy.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "iam:passrole"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
  },
  'iam_role_with_full_privileges/test/negative.tf': {
    'aws_iam_role.negative1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["some:action"],
      "Principal": {
        "Service": "ec2.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
  },
  'iam_role_with_full_privileges/test/positive.tf': {
    'aws_iam_role.positive1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["*"],
      "Principal": {
        "Service": "ec2.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
    'aws_iam_role.positive2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "*",
      "Principal": {
        "Service": "ec2.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
  },
  'lambda_function_with_privileged_role/test/negative.tf': {
    'aws_iam_role.negativerole1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["some:action"],
      "Principal": {
        "Service": "lambda.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
    'aws_iam_role.negativerole2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["some:action"],
      "Principal": {
        "Service": "lambda.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
    'aws_iam_policy.negativecustomermanagedpolicy1.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:Describe*"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
    'aws_iam_policy.negativecustomermanagedpolicy2.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "lambda:CreateFunction"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
  },
  'lambda_function_with_privileged_role/test/positive.tf': {
    'aws_iam_role.positiverole1.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["some:action"],
      "Principal": {
        "Service": "lambda.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
    'aws_iam_role.positiverole2.assume_role_policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["some:action"],
      "Principal": {
        "Service": "lambda.amazonaws.com"
      },
      "Effect": "Allow",
      "Resource": "*",
      "Sid": ""
    }
  ]
}
`,
    'aws_iam_policy.positivecustomermanagedpolicy1.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:Describe*",
        "sts:AssumeRole"
      ],
      "Effect": "Allow",
      "Resource": "*"
    },
    {
      "Action": [
        "iam:CreateLoginProfile"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
    'aws_iam_policy.positivecustomermanagedpolicy2.policy': `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:Describe*",
        "sts:AssumeRole"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}
`,
  },
  'sso_policy_with_full_privileges/test/negative.tf': {
    'aws_ssoadmin_permission_set_inline_policy.neg1.inline_policy': `{
  "Statement": [
    {
      "Action": [
        "s3:ListBucket*",
        "s3:HeadBucket",
        "s3:Get*"
      ],
      "Effect": "Allow",
      "Resource": [
        "arn:aws:s3:::b1",
        "arn:aws:s3:::b1/*",
        "arn:aws:s3:::b2",
        "arn:aws:s3:::b2/*"
      ],
      "Sid": ""
    },
    {
      "Action": "s3:PutObject*",
      "Effect": "Allow",
      "Resource": "arn:aws:s3:::b1/*",
      "Sid": ""
    }
  ],
  "Version": "2012-10-17"
}
`,
  },
  'sso_policy_with_full_privileges/test/positive.tf': {
    'aws_ssoadmin_permission_set_inline_policy.pos1.inline_policy': `{
  "Statement": [
    {
      "Action": [
        "*"
      ],
      "Effect": "Allow",
      "Resource": [
        "*"
      ],
      "Sid": ""
    },
    {
      "Action": "s3:PutObject*",
      "Effect": "Allow",
      "Resource": "arn:aws:s3:::b1/*",
      "Sid": ""
    }
  ],
  "Version": "2012-10-17"
}
`,
  },
};

/** The heredoc `attribute` of `address` in the fixture `path`. */
function heredoc(path: string, address: string, attribute: string): string {
  const text = HEREDOCS[path]?.[`${address}.${attribute}`];
  if (text === undefined) throw new Error(`no heredoc ${address}.${attribute} in ${path}`);
  return text;
}

const ROLE_UNKNOWN = { arn: true, id: true, unique_id: true, create_date: true };
const KEY_UNKNOWN = {
  id: true,
  secret: true,
  ses_smtp_password_v4: true,
  encrypted_secret: true,
  key_fingerprint: true,
};
/** A value built from `var.name_tag_prefix` or `local.resource_prefix`, which no fixture declares: known after apply. */
const UNDECLARED_VARIABLE = ['var.name_tag_prefix'];
const UNDECLARED_LOCAL = ['local.resource_prefix.value', 'local.resource_prefix'];

/** `resource "aws_iam_role" "<resource>"` of `path` with its heredoc trust policy and `extra` arguments. */
function role(path: string, resource: string, values: Record<string, unknown>, references = {}): PlannedResource {
  const address = `aws_iam_role.${resource}`;
  return {
    address,
    values: { ...values, assume_role_policy: heredoc(path, address, 'assume_role_policy') },
    unknown: { ...ROLE_UNKNOWN, ...Object.fromEntries(Object.keys(references).map((key) => [key, true])) },
    references,
  };
}

const CROSS = 'cross_account_iam_assume_role_policy_without_external_id_or_mfa/test';
const crossAccount = (file: string, resource: string): KicsFixture => ({
  path: `${CROSS}/${file}`,
  resources: [role(`${CROSS}/${file}`, resource, { name: 'test_role', tags: { 'tag-key': 'tag-value' } })],
});

const EXPOSED = 'iam_access_key_is_exposed/test';
/** An access key for a user the fixture does not declare; `status` unset is the provider's, planned as unknown (as in terragoat.ts). */
const accessKey = (resource: string, user: string, status?: string): PlannedResource => ({
  address: `aws_iam_access_key.${resource}`,
  values: { user, ...(status ? { status } : {}) },
  unknown: { ...KEY_UNKNOWN, ...(status ? {} : { status: true }) },
});

const FULL = 'iam_policies_with_full_privileges/test';
/** The role policy of a role the fixture does not declare (its id, known after apply); the unused data source is no resource. */
const roleOfUndeclared = (path: string, resource: string, name: string, roleResource: string): PlannedResource => ({
  address: `aws_iam_role_policy.${resource}`,
  values: { name, policy: heredoc(path, `aws_iam_role_policy.${resource}`, 'policy') },
  unknown: { id: true, role: true },
  references: { role: [`aws_iam_role.${roleResource}.id`, `aws_iam_role.${roleResource}`] },
});

const ASSUME_ALL = 'iam_policy_grants_assumerole_permission_across_all_services/test';
const ALL_PRINCIPALS = 'iam_role_allows_all_principals_to_assume/test';
/**
 * The OpenShift instance role files of two queries: names from `var.name_tag_prefix`; the attachment names
 * `aws_iam_role.openshift-instance-role`, which they do not declare (a list known after apply here), and the
 * instance profile names it as a literal string in one file, by reference in the other; so does the policy ARN.
 */
function openshift(
  path: string,
  [roleResource, policyResource, attachmentResource, profileResource]: string[],
  interpolated: boolean,
  policy: 'managed' | 'role',
): PlannedResource[] {
  const description = 'Allows an instance to forward logs to CloudWatch';
  const undeclaredRole = ['aws_iam_role.openshift-instance-role.name', 'aws_iam_role.openshift-instance-role'];
  const undeclaredPolicy = [
    'aws_iam_policy.openshift-policy-forward-logs.arn',
    'aws_iam_policy.openshift-policy-forward-logs',
  ];
  const second: PlannedResource =
    policy === 'managed'
      ? {
          address: `aws_iam_policy.${policyResource}`,
          values: { path: '/', description, policy: heredoc(path, `aws_iam_policy.${policyResource}`, 'policy') },
          unknown: { arn: true, id: true, policy_id: true, name: true },
          references: { name: UNDECLARED_VARIABLE },
        }
      : role(path, policyResource!, { path: '/', description }, { name: UNDECLARED_VARIABLE });
  return [
    role(path, roleResource!, {}, { name: UNDECLARED_VARIABLE }),
    second,
    {
      address: `aws_iam_policy_attachment.${attachmentResource}`,
      values: interpolated ? {} : { policy_arn: 'aws_iam_policy.openshift-policy-forward-logs.arn' },
      unknown: { id: true, name: true, roles: true, ...(interpolated ? { policy_arn: true } : {}) },
      references: {
        name: UNDECLARED_VARIABLE,
        roles: undeclaredRole,
        ...(interpolated ? { policy_arn: undeclaredPolicy } : {}),
      },
    },
    {
      address: `aws_iam_instance_profile.${profileResource}`,
      values: interpolated ? {} : { role: 'aws_iam_role.openshift-instance-role.name' },
      unknown: { arn: true, id: true, unique_id: true, name: true, ...(interpolated ? { role: true } : {}) },
      references: { name: UNDECLARED_VARIABLE, ...(interpolated ? { role: undeclaredRole } : {}) },
    },
  ];
}

const GRANTS_FULL = 'iam_policy_grants_full_permissions/test';
/** negative1.tf and positive1.tf: a user, its key and its policy, named from `local.resource_prefix`; the key and the policy name `aws_iam_user.user`, which the file does not declare. */
function prefixedUser(path: string, [user, key, policy]: string[]): PlannedResource[] {
  const undeclaredUser = ['aws_iam_user.user.name', 'aws_iam_user.user'];
  return [
    {
      address: `aws_iam_user.${user}`,
      values: { force_destroy: true },
      unknown: { arn: true, id: true, unique_id: true, name: true, tags: true },
      references: { name: UNDECLARED_LOCAL, tags: UNDECLARED_LOCAL },
    },
    {
      address: `aws_iam_access_key.${key}`,
      values: {},
      unknown: { ...KEY_UNKNOWN, status: true, user: true },
      references: { user: undeclaredUser },
    },
    {
      address: `aws_iam_user_policy.${policy}`,
      values: { name: 'excess_policy', policy: heredoc(path, `aws_iam_user_policy.${policy}`, 'policy') },
      unknown: { id: true, user: true },
      references: { user: undeclaredUser },
    },
  ];
}
const s3Permission = (path: string): PlannedResource => ({
  address: 'aws_iam_policy.s3-permission',
  values: { name: 's3-permission', policy: heredoc(path, 'aws_iam_policy.s3-permission', 'policy') },
  unknown: { arn: true, id: true, policy_id: true },
});

const PASSROLE = 'iam_role_policy_passrole_allows_all/test';
const FULL_ROLE = 'iam_role_with_full_privileges/test';
const TOO_MANY = 'iam_user_too_many_access_keys/test';
const keyOf = (resource: string, user: string): PlannedResource => ({
  address: `aws_iam_access_key.${resource}`,
  values: { user: 'loadbalancer', pgp_key: 'keybase:some_person_that_exists' },
  unknown: { ...KEY_UNKNOWN, status: true },
  references: { user: [`aws_iam_user.${user}.name`, `aws_iam_user.${user}`] },
});

const LAMBDA = 'lambda_function_with_privileged_role/test';
/**
 * lambda_function_with_privileged_role's two files, `positive` or `negative` in every name. Departures: `environment`
 * is written as an argument (`environment = { … }`), which the provider only takes as a block: written as the block;
 * `source_code_hash = filebase64sha256("lambda_function_payload.zip")` hashes a file the fixture does not ship: known
 * after apply; the two `aws_iam_policy_attachment` have no `name`, which the provider requires: written without.
 */
function lambdaFixture(side: 'positive' | 'negative'): PlannedResource[] {
  const path = `${LAMBDA}/${side}.tf`;
  const fn = (index: number): PlannedResource => ({
    address: `aws_lambda_function.${side}function${index}`,
    values: {
      filename: 'lambda_function_payload.zip',
      function_name: 'lambda_function_name',
      handler: 'exports.test',
      runtime: 'nodejs12.x',
      tags: { Name: 'lambda' },
      environment: [{ variables: { foo: 'bar' } }],
    },
    unknown: {
      arn: true,
      id: true,
      invoke_arn: true,
      qualified_arn: true,
      version: true,
      role: true,
      source_code_hash: true,
    },
    references: { role: [`aws_iam_role.${side}role${index}.arn`, `aws_iam_role.${side}role${index}`] },
  });
  const managed = (index: number): PlannedResource => ({
    address: `aws_iam_policy.${side}customermanagedpolicy${index}`,
    values: {
      name: `${side}customermanagedpolicy${index}`,
      policy: heredoc(path, `aws_iam_policy.${side}customermanagedpolicy${index}`, 'policy'),
    },
    unknown: { arn: true, id: true, policy_id: true },
  });
  const policyRef = (index: number) => [
    `aws_iam_policy.${side}customermanagedpolicy${index}.arn`,
    `aws_iam_policy.${side}customermanagedpolicy${index}`,
  ];
  const roleRef = (index: number) => [`aws_iam_role.${side}role${index}.name`, `aws_iam_role.${side}role${index}`];
  const [preexisting, direct] =
    side === 'positive'
      ? ['arn:aws:iam::policy/positivepreexistingpolicyarn1', 'arn:aws:iam::policy/AmazonPersonalizeFullAccess']
      : ['arn:aws:iam::policy/negativepreexistingpolicyarn1', 'arn:aws:iam::policy/DenyAll'];
  return [
    fn(1),
    fn(2),
    role(path, `${side}role1`, { name: `${side}role1`, tags: { 'tag-key': 'tag-value' } }),
    role(path, `${side}role2`, { name: `${side}role2`, tags: { 'tag-key': 'tag-value' } }),
    {
      address: `aws_iam_role_policy.${side}inlinepolicy1`,
      values: {
        name: `${side}inlinepolicy1`,
        policy: jsonencode(side === 'positive' ? ['ec2:Describe*', 'iam:*'] : ['ec2:Describe*', 's3:GetObject']),
      },
      unknown: { id: true, role: true },
      references: { role: [`aws_iam_role.${side}role1.id`, `aws_iam_role.${side}role1`] },
    },
    managed(1),
    managed(2),
    {
      address: `aws_iam_role_policy_attachment.${side}rolepolicyattachment1`,
      values: { role: `${side}role1` },
      unknown: { id: true, policy_arn: true },
      references: { role: roleRef(1), policy_arn: policyRef(1) },
    },
    {
      address: `aws_iam_policy_attachment.${side}directpolicyattachment1`,
      values: { roles: [`${side}role1`] },
      unknown: { id: true, policy_arn: true },
      references: { roles: roleRef(1), policy_arn: policyRef(2) },
    },
    {
      address: `aws_iam_role_policy_attachment.${side}rolepolicyattachment2`,
      values: { role: `${side}role2`, policy_arn: preexisting },
      unknown: { id: true },
      references: { role: roleRef(2) },
    },
    {
      address: `aws_iam_policy_attachment.${side}directpolicyattachment2`,
      values: { roles: [`${side}role2`], policy_arn: direct },
      unknown: { id: true },
      references: { roles: roleRef(2) },
    },
  ];
}

const SSO_SESSION = 'sso_permission_with_inadequate_user_session_duration/test';
/** A permission set of an Identity Center instance read from a data source the fixture does not declare. */
const permissionSet = (resource: string, sessionDuration?: string): PlannedResource => ({
  address: `aws_ssoadmin_permission_set.${resource}`,
  values: {
    name: 'Example',
    description: 'An example',
    relay_state: 'https://s3.console.aws.amazon.com/s3/home?region=us-east-1#',
    ...(sessionDuration ? { session_duration: sessionDuration } : {}),
  },
  unknown: { arn: true, id: true, created_date: true, instance_arn: true },
  references: { instance_arn: ['data.aws_ssoadmin_instances.example.arns', 'data.aws_ssoadmin_instances.example'] },
});
const SSO_POLICY = 'sso_policy_with_full_privileges/test';
/** The inline policy of `aws_ssoadmin_permission_set.example`, which the fixture does not declare. */
const ssoInline = (path: string, resource: string): PlannedResource => ({
  address: `aws_ssoadmin_permission_set_inline_policy.${resource}`,
  values: {
    inline_policy: heredoc(path, `aws_ssoadmin_permission_set_inline_policy.${resource}`, 'inline_policy'),
  },
  unknown: { id: true, instance_arn: true, permission_set_arn: true },
  references: {
    instance_arn: ['aws_ssoadmin_permission_set.example.instance_arn', 'aws_ssoadmin_permission_set.example'],
    permission_set_arn: ['aws_ssoadmin_permission_set.example.arn', 'aws_ssoadmin_permission_set.example'],
  },
});

/** The fixtures of the other IAM queries, one plan per file. */
export const KICS_AWS_IAM: KicsFixture[] = [
  crossAccount('negative1.tf', 'negative1'),
  crossAccount('negative2.tf', 'negative2'),
  crossAccount('positive1.tf', 'positive1'),
  crossAccount('positive2.tf', 'positive2'),
  crossAccount('positive3.tf', 'positive3'),
  {
    path: `${EXPOSED}/negative.tf`,
    resources: [
      accessKey('negative1', 'some-user'),
      accessKey('negative2', 'some-user', 'Active'),
      accessKey('negative3', 'root', 'Inactive'),
    ],
  },
  {
    path: `${EXPOSED}/positive.tf`,
    resources: [accessKey('positive1', 'root', 'Active'), accessKey('positive2', 'root')],
  },
  {
    path: `${FULL}/negative.tf`,
    resources: [
      roleOfUndeclared(
        `${FULL}/negative.tf`,
        'negative1',
        'apigateway-cloudwatch-logging',
        'apigateway_cloudwatch_logging',
      ),
    ],
  },
  {
    path: `${FULL}/positive.tf`,
    resources: [
      roleOfUndeclared(
        `${FULL}/positive.tf`,
        'positive1',
        'apigateway-cloudwatch-logging',
        'apigateway_cloudwatch_logging',
      ),
    ],
  },
  {
    path: `${ASSUME_ALL}/negative.tf`,
    resources: openshift(
      `${ASSUME_ALL}/negative.tf`,
      ['negative1', 'negative2', 'negative3', 'negative4'],
      false,
      'managed',
    ),
  },
  {
    path: `${ASSUME_ALL}/positive.tf`,
    resources: [
      ...openshift(`${ASSUME_ALL}/positive.tf`, ['positive1', 'positive3', 'positive4', 'positive5'], false, 'managed'),
      role(`${ASSUME_ALL}/positive.tf`, 'positive2', {}, { name: UNDECLARED_VARIABLE }),
    ],
  },
  {
    path: `${GRANTS_FULL}/negative1.tf`,
    resources: prefixedUser(`${GRANTS_FULL}/negative1.tf`, ['negative1', 'negative2', 'negative3']),
  },
  { path: `${GRANTS_FULL}/negative2.tf`, resources: [s3Permission(`${GRANTS_FULL}/negative2.tf`)] },
  { path: `${GRANTS_FULL}/negative3.tf`, resources: [s3Permission(`${GRANTS_FULL}/negative3.tf`)] },
  {
    path: `${GRANTS_FULL}/positive1.tf`,
    resources: prefixedUser(`${GRANTS_FULL}/positive1.tf`, ['positive1', 'positive2', 'positive3']),
  },
  { path: `${GRANTS_FULL}/positive2.tf`, resources: [s3Permission(`${GRANTS_FULL}/positive2.tf`)] },
  {
    path: `${ALL_PRINCIPALS}/negative.tf`,
    resources: openshift(
      `${ALL_PRINCIPALS}/negative.tf`,
      ['negative1', 'negative2', 'negative3', 'negative4'],
      true,
      'managed',
    ),
  },
  {
    path: `${ALL_PRINCIPALS}/positive.tf`,
    resources: openshift(
      `${ALL_PRINCIPALS}/positive.tf`,
      ['positive1', 'positive2', 'positive3', 'positive4'],
      true,
      'role',
    ),
  },
  {
    path: `${PASSROLE}/negative1.tf`,
    resources: [roleOfUndeclared(`${PASSROLE}/negative1.tf`, 'test_policy', 'test_policy', 'test_role')],
  },
  {
    path: `${PASSROLE}/positive1.tf`,
    resources: [roleOfUndeclared(`${PASSROLE}/positive1.tf`, 'test_policy', 'test_policy', 'test_role')],
  },
  {
    path: `${FULL_ROLE}/negative.tf`,
    resources: [role(`${FULL_ROLE}/negative.tf`, 'negative1', { name: 'test_role', tags: { 'tag-key': 'tag-value' } })],
  },
  {
    path: `${FULL_ROLE}/positive.tf`,
    resources: [
      role(`${FULL_ROLE}/positive.tf`, 'positive1', { name: 'test_role', tags: { 'tag-key': 'tag-value' } }),
      role(`${FULL_ROLE}/positive.tf`, 'positive2', { name: 'test_role2', tags: { 'tag-key': 'tag-value' } }),
    ],
  },
  {
    path: `${TOO_MANY}/negative.tf`,
    resources: [
      {
        address: 'aws_iam_user.userExample',
        values: { name: 'loadbalancer', path: '/system/', tags: { 'tag-key': 'tag-value' } },
        unknown: { arn: true, id: true, unique_id: true },
      },
      keyOf('negative1', 'userExample'),
    ],
  },
  {
    path: `${TOO_MANY}/positive.tf`,
    resources: [
      keyOf('positive1', 'lb'),
      keyOf('positive2', 'lb'),
      {
        address: 'aws_iam_user.lb',
        values: { name: 'loadbalancer', path: '/system/' },
        unknown: { arn: true, id: true, unique_id: true },
      },
    ],
  },
  { path: `${LAMBDA}/negative.tf`, resources: lambdaFixture('negative') },
  { path: `${LAMBDA}/positive.tf`, resources: lambdaFixture('positive') },
  { path: `${SSO_SESSION}/negative.tf`, resources: [permissionSet('example', 'PT1H'), permissionSet('example2')] },
  {
    path: `${SSO_SESSION}/positive.tf`,
    resources: [permissionSet('example3', 'PT1H1M'), permissionSet('example4', 'PT2H')],
  },
  { path: `${SSO_POLICY}/negative.tf`, resources: [ssoInline(`${SSO_POLICY}/negative.tf`, 'neg1')] },
  { path: `${SSO_POLICY}/positive.tf`, resources: [ssoInline(`${SSO_POLICY}/positive.tf`, 'pos1')] },
];
