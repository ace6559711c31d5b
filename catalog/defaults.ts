/**
 * What holds when a catalog says nothing: class policies, tag keys and the built-in AWS privileged actions.
 * A loaded catalog is merged over these (see load.ts), so an empty catalog still enforces sane limits.
 */
import type { IdentityClass } from '../src/model/model.js';
import type { Catalog, ClassPolicy, PrivilegedAction, TagKeys } from './types.js';

const HOUR = 3_600;

export const DEFAULT_CLASSES: Readonly<Record<IdentityClass, Readonly<ClassPolicy>>> = {
  // People sign in through the identity provider with MFA; a working day is the longest session, and
  // privileged access is requested just in time rather than held.
  human: {
    maxSessionSeconds: 12 * HOUR,
    credentials: ['federated'],
    standingPrivilege: false,
    federated: true,
    mfa: true,
  },
  // Services may hold a secret when they cannot federate, but it must rotate within 90 days.
  service: {
    maxSessionSeconds: HOUR,
    maxSecretAgeDays: 90,
    credentials: ['workload-identity', 'federated', 'secret'],
    standingPrivilege: false,
  },
  // CI and compute get short-lived tokens from their platform; nothing to leak, nothing standing.
  workload: { maxSessionSeconds: HOUR, credentials: ['workload-identity', 'federated'], standingPrivilege: false },
  // Agents act with someone's delegated authority: short sessions, no standing privilege.
  agent: { maxSessionSeconds: HOUR, credentials: ['workload-identity', 'federated'], standingPrivilege: false },
  // Break-glass holds standing privilege by definition, so it must be isolated from everything automated. It may
  // sign in with a vaulted console password and hardware MFA, because it is for when federation is down.
  'break-glass': {
    maxSessionSeconds: HOUR,
    credentials: ['federated', 'password'],
    standingPrivilege: true,
    isolated: true,
    mfa: true,
  },
};

export const DEFAULT_TAG_KEYS: Readonly<TagKeys> = {
  owner: 'owner',
  class: 'identity-class',
  entitlements: 'entitlements',
  purpose: 'purpose',
  expires: 'expires',
};

/**
 * High-risk AWS actions, grouped by why they are dangerous. Patterns are IAM-style globs over action names;
 * each is chosen so it does not reach read-only actions (hence no `iam:*PolicyVersion`, which would take in
 * iam:GetPolicyVersion, and no `organizations:*`, which would make ListAccounts privileged).
 */
export const DEFAULT_PRIVILEGED_ACTIONS: readonly PrivilegedAction[] = [
  {
    id: 'aws-iam-permissions-write',
    category: 'permissions-management',
    description:
      'Writes or attaches policies, or lifts permissions boundaries: whoever holds it can grant itself anything.',
    aws: [
      'iam:Put*',
      'iam:Attach*',
      'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion',
      'iam:DeleteRolePermissionsBoundary',
      'iam:DeleteUserPermissionsBoundary',
      'iam:AddUserToGroup',
    ],
  },
  {
    id: 'aws-iam-identity-write',
    category: 'privilege-escalation',
    description:
      'Creates or changes IAM identities and identity providers: a new role or user can be given any trust and any policy.',
    aws: ['iam:Create*', 'iam:Update*'],
  },
  {
    id: 'aws-iam-trust-write',
    category: 'privilege-escalation',
    description: 'Rewrites who may assume a role, so an attacker can make any role assumable by itself.',
    aws: ['iam:UpdateAssumeRolePolicy'],
  },
  {
    id: 'aws-iam-credential-create',
    category: 'credential-access',
    description: 'Mints long-lived credentials (access keys, console passwords, service credentials) for another user.',
    aws: [
      'iam:CreateAccessKey',
      'iam:CreateLoginProfile',
      'iam:UpdateLoginProfile',
      'iam:CreateServiceSpecificCredential',
      'iam:ResetServiceSpecificCredential',
    ],
  },
  {
    id: 'aws-iam-pass-role',
    category: 'privilege-escalation',
    description:
      "Hands a role to a service (Lambda, EC2, ECS, CloudFormation), which then acts with that role's permissions.",
    aws: ['iam:PassRole'],
  },
  {
    id: 'aws-sts-assume-role',
    category: 'privilege-escalation',
    description: 'Becomes another role; on Resource * it reaches every role whose trust admits this account.',
    aws: ['sts:AssumeRole'],
  },
  {
    id: 'aws-organizations',
    category: 'permissions-management',
    description:
      'Changes accounts and service control policies: detaching or rewriting an SCP lifts guardrails for whole accounts.',
    aws: [
      'organizations:AttachPolicy',
      'organizations:DetachPolicy',
      'organizations:UpdatePolicy',
      'organizations:DeletePolicy',
      'organizations:DisablePolicyType',
      'organizations:CreateAccount',
      'organizations:InviteAccountToOrganization',
      'organizations:RemoveAccountFromOrganization',
      'organizations:LeaveOrganization',
      'organizations:MoveAccount',
      'organizations:RegisterDelegatedAdministrator',
    ],
  },
  {
    id: 'aws-kms-key-control',
    category: 'permissions-management',
    description: 'Changes who may use a KMS key (key policy) or delegates use of it (grants).',
    aws: ['kms:PutKeyPolicy', 'kms:CreateGrant'],
  },
  {
    id: 'aws-kms-decrypt',
    category: 'data-exfiltration',
    description: 'Decrypts data protected by KMS keys; on Resource * it opens every key whose policy defers to IAM.',
    aws: ['kms:Decrypt'],
  },
  {
    id: 'aws-secret-read',
    category: 'credential-access',
    description: 'Reads Secrets Manager secret values, which are credentials or keys by purpose.',
    // Not ssm:GetParameter(s/ByPath): Parameter Store holds mostly configuration, and AWS's own instance and agent
    // policies (AmazonSSMManagedInstanceCore) read it on "*", so on every SSM-managed role the finding was noise.
    // Reading parameters is governed by the entitlements (require-entitlement); a catalog that keeps secrets as
    // SecureString parameters puts the three actions back under this id (catalog/README.md, "Secrets in Parameter Store").
    aws: ['secretsmanager:GetSecretValue'],
  },
  {
    id: 'aws-resource-policy-write',
    category: 'resource-exposure',
    description:
      'Writes resource policies or ACLs, which can expose a bucket, function, queue, topic, repository or secret to other accounts or the public.',
    aws: [
      's3:PutBucketPolicy',
      's3:PutBucketAcl',
      's3:PutObjectAcl',
      's3:PutBucketPublicAccessBlock',
      's3:PutAccountPublicAccessBlock',
      'lambda:AddPermission',
      'sns:AddPermission',
      'sqs:AddPermission',
      'ecr:SetRepositoryPolicy',
      'secretsmanager:PutResourcePolicy',
    ],
  },
  {
    id: 'aws-network-exposure',
    category: 'resource-exposure',
    description: 'Opens security groups, which can expose instances and databases to the internet.',
    aws: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:ModifySecurityGroupRules'],
  },
  {
    id: 'aws-remote-execution',
    category: 'privilege-escalation',
    description: "Runs commands on instances, which then act with the instance role's permissions.",
    aws: ['ssm:SendCommand', 'ssm:StartSession'],
  },
  {
    id: 'aws-audit-tampering',
    category: 'defense-evasion',
    description: 'Stops or rewrites audit logging and threat detection, hiding what happens next.',
    aws: [
      'cloudtrail:StopLogging',
      'cloudtrail:DeleteTrail',
      'cloudtrail:UpdateTrail',
      'cloudtrail:PutEventSelectors',
      'guardduty:DeleteDetector',
      'guardduty:UpdateDetector',
      'config:StopConfigurationRecorder',
      'config:DeleteConfigurationRecorder',
    ],
  },
  {
    id: 'aws-key-destruction',
    category: 'destruction',
    description: 'Disables or schedules deletion of KMS keys, making everything encrypted with them unreadable.',
    aws: ['kms:ScheduleKeyDeletion', 'kms:DisableKey'],
  },
];

/** The catalog in force when none is given: defaults only, nothing known, so catalog-dependent rules say what is missing. */
export function defaultCatalog(): Catalog {
  return {
    apiVersion: 'entitlement-guard/v1',
    source: 'built-in defaults',
    isDefault: true,
    owners: [],
    classes: cloneClasses(DEFAULT_CLASSES),
    privilegedActions: DEFAULT_PRIVILEGED_ACTIONS.map(clonePrivilegedAction),
    entitlements: [],
    identities: [],
    trust: { accounts: [], organizations: [], oidc: [], identityProviders: [] },
    exceptions: [],
    exceptionPolicy: {},
    tags: { ...DEFAULT_TAG_KEYS },
    rules: {},
  };
}

/** Fresh copies, so a caller that edits its catalog cannot change the defaults for everyone else. */
export function cloneClasses(
  classes: Readonly<Record<IdentityClass, Readonly<ClassPolicy>>>,
): Record<IdentityClass, ClassPolicy> {
  const entries = Object.entries(classes).map(([name, policy]) => [
    name,
    { ...policy, credentials: [...policy.credentials] },
  ]);
  return Object.fromEntries(entries) as Record<IdentityClass, ClassPolicy>;
}

export function clonePrivilegedAction(action: PrivilegedAction): PrivilegedAction {
  return structuredClone(action);
}
