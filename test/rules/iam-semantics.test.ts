/**
 * IAM semantics the gate must read as IAM reads them (issue 24 item 2), one table per problem-list bullet, each case
 * citing the AWS documentation it follows. Every case runs the full rule set under a catalog that sets
 * require-entitlement to advisory: the rules that own each judgement must block on their own.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { evaluate } from '../../src/engine/index.js';
import { catalog as testCatalog, model, role } from '../support/builders.js';

const DOCS = {
  globalKeys: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  principal: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  variables: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  operators: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  resource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
  iamActions:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html',
  stsActions: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html',
  secretsActions: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html',
  passRole: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  passedToService:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
  abac: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html',
} as const;

const TRUSTED_ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '999988887777';
const TRUSTED_ORG = 'o-a1b2c3d4e5';
const OTHER_ORG = 'o-zz99yy88xx';

/** A catalog that trusts one account and one organization, with require-entitlement only advisory. */
const CATALOG: Catalog = testCatalog({
  owners: [{ id: 'team-platform' }],
  trust: {
    accounts: [{ id: TRUSTED_ACCOUNT, owner: 'team-platform' }],
    organizations: [{ id: TRUSTED_ORG, owner: 'team-platform' }],
    oidc: [],
  },
  rules: { 'require-entitlement': 'advisory' },
});

/** `ruleId level detail` of the findings of these rules for one role, sorted. */
function verdicts(rules: string[], options: Parameters<typeof role>[1]): string[] {
  return evaluate(model({ identities: [role('Role', options)] }), {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
  })
    .findings.filter((finding) => rules.includes(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${finding.level} ${finding.detail}`)
    .sort();
}

const trustOf = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
});
const anyone = (condition: Record<string, unknown>) => trustOf({ Principal: '*', Condition: condition });
const trustVerdicts = (trust: unknown) => verdicts(['restrict-trust'], { trust });

const UNTRUSTED_ACCOUNT = [
  `restrict-trust mandatory Account::${OTHER_ACCOUNT}`,
  'restrict-trust mandatory Condition::sts:ExternalId',
];
const ANY_PRINCIPAL = ['restrict-trust mandatory Principal::*'];

describe('trust: principal-narrowing condition keys are judged by the accounts and organizations they allow', () => {
  it('reads Principal "*" narrowed to an untrusted account exactly as the same trust written as a principal ARN', () => {
    // Principal element: a Principal "*" with an aws:PrincipalAccount condition admits that account's principals (DOCS.principal).
    expect(trustVerdicts(trustOf({ Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }))).toEqual(
      UNTRUSTED_ACCOUNT,
    );
    expect(trustVerdicts(anyone({ StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } }))).toEqual(
      UNTRUSTED_ACCOUNT,
    );
  });

  it.each([
    // [what, source, condition, expected]
    [
      'aws:PrincipalAccount naming an untrusted account',
      DOCS.globalKeys,
      { StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } },
      UNTRUSTED_ACCOUNT,
    ],
    [
      'aws:PrincipalAccount naming a trusted account',
      DOCS.globalKeys,
      { StringEquals: { 'aws:PrincipalAccount': TRUSTED_ACCOUNT } },
      [],
    ],
    [
      'aws:PrincipalArn with an untrusted account',
      DOCS.globalKeys,
      { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER_ACCOUNT}:role/deploy-*` } },
      UNTRUSTED_ACCOUNT,
    ],
    [
      'aws:PrincipalArn with a trusted account',
      DOCS.globalKeys,
      { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${TRUSTED_ACCOUNT}:role/deploy` } },
      [],
    ],
    [
      'aws:PrincipalArn matching every ARN (StringLike "*")',
      DOCS.operators,
      { StringLike: { 'aws:PrincipalArn': '*' } },
      ANY_PRINCIPAL,
    ],
    [
      'aws:PrincipalArn with a wildcard account',
      DOCS.globalKeys,
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deploy' } },
      ANY_PRINCIPAL,
    ],
    [
      'aws:PrincipalOrgID naming a trusted organization',
      DOCS.globalKeys,
      { StringEquals: { 'aws:PrincipalOrgID': TRUSTED_ORG } },
      [],
    ],
    [
      'aws:PrincipalOrgID naming an untrusted organization',
      DOCS.globalKeys,
      { StringEquals: { 'aws:PrincipalOrgID': OTHER_ORG } },
      [`restrict-trust mandatory Organization::${OTHER_ORG}`],
    ],
    [
      'aws:PrincipalOrgPaths under a trusted organization',
      DOCS.globalKeys,
      { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${TRUSTED_ORG}/r-ab12/ou-ab12-11111111/*` } },
      [],
    ],
    [
      'aws:SourceAccount naming an untrusted account',
      DOCS.globalKeys,
      { StringEquals: { 'aws:SourceAccount': OTHER_ACCOUNT } },
      UNTRUSTED_ACCOUNT,
    ],
    [
      'aws:SourceAccount naming the account the change deploys into',
      DOCS.globalKeys,
      { StringEquals: { 'aws:SourceAccount': '<own-account>' } },
      [],
    ],
    [
      'aws:SourceArn in an untrusted account',
      DOCS.globalKeys,
      { ArnLike: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${OTHER_ACCOUNT}:alerts` } },
      UNTRUSTED_ACCOUNT,
    ],
    [
      'an untrusted account inside a trusted organization (every condition must hold)',
      DOCS.operators,
      { StringEquals: { 'aws:PrincipalOrgID': TRUSTED_ORG, 'aws:PrincipalAccount': OTHER_ACCOUNT } },
      [],
    ],
    [
      'one trusted and one untrusted account in one clause (either may assume)',
      DOCS.operators,
      { StringEquals: { 'aws:PrincipalAccount': [TRUSTED_ACCOUNT, OTHER_ACCOUNT] } },
      UNTRUSTED_ACCOUNT,
    ],
  ])('Principal "*" with %s (%s)', (_, _source, condition, expected) => {
    expect(trustVerdicts(anyone(condition))).toEqual(expected);
  });

  it.each([
    ['aws:PrincipalAccount', '${aws:PrincipalAccount}'],
    ['aws:PrincipalOrgID', '${aws:PrincipalOrgID}'],
    ['aws:PrincipalArn', '${aws:PrincipalArn}'],
    ['aws:SourceAccount', '${aws:SourceAccount}'],
  ])(
    `never counts %s compared with its own policy variable as narrowing: it always holds (${DOCS.variables})`,
    (key, variable) => {
      expect(trustVerdicts(anyone({ StringEquals: { [key]: variable } }))).toEqual(ANY_PRINCIPAL);
    },
  );

  it(`never counts a policy variable in an ARN's account as narrowing (${DOCS.variables})`, () => {
    expect(
      trustVerdicts(anyone({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:role/deploy' } })),
    ).toEqual(ANY_PRINCIPAL);
  });
});

const policy = (action: string | string[], resource: string | string[], condition?: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }],
});
const wildcardVerdicts = (document: unknown) => verdicts(['no-wildcard-privilege'], { policies: [document] });
const ON_EVERY_RESOURCE = ['no-wildcard-privilege mandatory Resource::*'];

describe("every resource, in any spelling that matches every ARN of the action's resource types", () => {
  it.each([
    ['iam:PassRole', '*', DOCS.resource],
    ['iam:PassRole', 'arn:*', DOCS.resource],
    ['iam:PassRole', 'arn:aws:*:*:*:*', DOCS.resource],
    ['iam:PassRole', 'arn:aws:iam::*:role/*', DOCS.iamActions],
    ['iam:PassRole', 'arn:aws:iam::*:*', DOCS.iamActions],
    ['iam:PassRole', 'arn:aws:iam::<own-account>:role/*', DOCS.iamActions],
    ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:*:*:secret:*', DOCS.secretsActions],
    ['iam:CreateAccessKey', 'arn:aws:iam::*:user/*', DOCS.iamActions],
  ])('%s on %s is on every resource (%s)', (action, resource, _source) => {
    expect(wildcardVerdicts(policy(action, resource))).toEqual(ON_EVERY_RESOURCE);
  });

  it.each([
    ['iam:PassRole', 'arn:aws:iam::*:role/app-*'],
    ['iam:PassRole', 'arn:aws:iam::111122223333:role/*'],
    ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:*:*:secret:payments/*'],
    ['iam:CreateAccessKey', 'arn:aws:iam::*:role/*'],
  ])('%s on %s is on named resources only', (action, resource) => {
    expect(wildcardVerdicts(policy(action, resource))).toEqual([]);
  });

  it.each([
    ['arn:aws:iam::*:role/*', ['no-privilege-escalation mandatory Path::assume-any-role']],
    ['arn:*', ['no-privilege-escalation mandatory Path::assume-any-role']],
    ['arn:aws:*:*:*:*', ['no-privilege-escalation mandatory Path::assume-any-role']],
    ['arn:aws:iam::*:role/deploy-*', []],
  ])(`sts:AssumeRole on %s opens assume-any-role or not (${DOCS.stsActions})`, (resource, expected) => {
    expect(verdicts(['no-privilege-escalation'], { policies: [policy('sts:AssumeRole', resource)] })).toEqual(expected);
  });
});

describe('a Condition counts as restricting only if its key and operator can restrict the request', () => {
  it.each([
    [
      'Bool aws:SecureTransport true: every SDK request uses TLS',
      DOCS.globalKeys,
      { Bool: { 'aws:SecureTransport': 'true' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'StringLike aws:PrincipalArn "*": always holds',
      DOCS.operators,
      { StringLike: { 'aws:PrincipalArn': '*' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'aws:PrincipalTag: about the caller, not what it reaches',
      DOCS.globalKeys,
      { StringEquals: { 'aws:PrincipalTag/team': 'payments' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'aws:RequestTag: the caller writes it into its own request',
      DOCS.globalKeys,
      { StringEquals: { 'aws:RequestTag/team': 'payments' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'StringLike iam:PassedToService "*": matches every service',
      DOCS.passRole,
      { StringLike: { 'iam:PassedToService': '*' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'ArnLikeIfExists iam:AssociatedResourceArn: passes when the key is absent (not every service sets it)',
      DOCS.operators,
      { ArnLikeIfExists: { 'iam:AssociatedResourceArn': 'arn:aws:ec2:*:*:instance/*' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'StringEqualsIfExists iam:PassedToService: every PassRole request carries the key, so IfExists restricts as StringEquals',
      DOCS.passedToService,
      { StringEqualsIfExists: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      [],
    ],
    [
      'StringNotEquals iam:PassedToService: every other service',
      DOCS.operators,
      { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'ForAllValues:StringEquals iam:PassedToService: passes when the key is absent',
      DOCS.operators,
      { 'ForAllValues:StringEquals': { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'iam:PassedToService compared with its own variable',
      DOCS.variables,
      { StringEquals: { 'iam:PassedToService': '${iam:PassedToService}' } },
      ON_EVERY_RESOURCE,
    ],
    [
      'StringEquals iam:PassedToService lambda.amazonaws.com',
      DOCS.passRole,
      { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      [],
    ],
    [
      'StringEquals aws:ResourceTag/team payments (only tagged roles)',
      DOCS.abac,
      { StringEquals: { 'aws:ResourceTag/team': 'payments' } },
      [],
    ],
    [
      "StringEquals iam:ResourceTag/team payments (the role resource type's key)",
      DOCS.iamActions,
      { StringEquals: { 'iam:ResourceTag/team': 'payments' } },
      [],
    ],
    [
      'ForAnyValue:StringEquals aws:CalledVia cloudformation.amazonaws.com',
      DOCS.globalKeys,
      { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } },
      [],
    ],
  ])('iam:PassRole on "*" with %s (%s)', (_, _source, condition, expected) => {
    expect(wildcardVerdicts(policy('iam:PassRole', '*', condition))).toEqual(expected);
  });

  it(`a key that restricts one action leaves the others of the statement on every resource (${DOCS.iamActions})`, () => {
    const findings = evaluate(
      model({
        identities: [
          role('Role', {
            policies: [
              policy(['iam:PassRole', 'iam:CreateAccessKey'], '*', {
                StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
              }),
            ],
          }),
        ],
      }),
      {
        catalog: CATALOG,
      },
    ).findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege');
    expect(findings.map((finding) => [finding.detail, finding.message.match(/privileged (action \S+)/)?.[1]])).toEqual([
      ['Resource::*', 'action iam:CreateAccessKey'],
    ]);
  });
});

describe('envelope coverage is pattern containment, not text comparison', () => {
  const shards: Catalog = {
    ...CATALOG,
    entitlements: [
      {
        id: 'shard-read',
        classes: ['service'],
        privileged: false,
        aws: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::shard-?/*'] }],
      },
    ],
  };
  const entitlementVerdicts = (resource: string) =>
    evaluate(
      model({
        identities: [
          role('Reader', {
            tags: { owner: 'team-platform', 'identity-class': 'service', entitlements: 'shard-read' },
            policies: [policy('s3:GetObject', resource)],
          }),
        ],
      }),
      {
        catalog: shards,
      },
    )
      .findings.filter((finding) => finding.ruleId === 'require-entitlement')
      .map((finding) => `${finding.level} ${finding.detail} ${finding.message}`);

  it(`an envelope "shard-?/*" does not cover a granted "shard-*/*", which also matches shard-10/… (${DOCS.resource})`, () => {
    const found = entitlementVerdicts('arn:aws:s3:::shard-*/*');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^advisory Policy::ReaderPolicy /);
    expect(found[0]).toContain('arn:aws:s3:::shard-*/*');
  });

  it.each(['arn:aws:s3:::shard-1/*', 'arn:aws:s3:::shard-?/*', 'arn:aws:s3:::shard-1/reports/*'])(
    'an envelope "shard-?/*" covers a granted %s',
    (resource) => {
      expect(entitlementVerdicts(resource)).toEqual([]);
    },
  );
});
