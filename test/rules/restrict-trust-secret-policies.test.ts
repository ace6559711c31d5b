import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { unknownValue, type SecretPolicy } from '../../src/model/model.js';
import rule from '../../src/rules/restrict-trust.js';
import { catalog, model, ref, secret } from '../support/builders.js';
import { findingsOf, ruleTester } from '../support/rule-tester.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from '../multicloud/builders.js';

const TRUSTED = '111122223333';
const OTHER = '999999999999';
const POLICY_TYPE = 'AWS::SecretsManager::ResourcePolicy';

const trusting = catalog({
  trust: {
    accounts: [{ id: TRUSTED, owner: 'team-platform' }],
    organizations: [{ id: 'o-a1b2c3d4e5', owner: 'team-platform' }],
    oidc: [],
  },
});

const statement = (fields: Record<string, unknown>) => ({ Effect: 'Allow', Resource: '*', ...fields });
const policyOf = (...statements: Record<string, unknown>[]): SecretPolicy => ({
  source: ref(POLICY_TYPE, 'DbSecretPolicy'),
  document: parsePolicyDocument({ Version: '2012-10-17', Statement: statements }),
});
/** The secret DbSecret with one resource policy, DbSecretPolicy, of these statements. */
const secretWith = (...statements: Record<string, unknown>[]) =>
  model({ secrets: [secret('DbSecret', { resourcePolicies: [policyOf(...statements)] })] });
const read = (principal: unknown, extra: Record<string, unknown> = {}) =>
  statement({ Principal: principal, Action: 'secretsmanager:GetSecretValue', ...extra });

/** A Deny statement of the policy: every principal unless told, on the secret itself (`*`). */
const deny = (fields: Record<string, unknown>) => ({ Effect: 'Deny', Principal: '*', Resource: '*', ...fields });
/** The data-perimeter Deny: every principal outside the organization, AWS services acting as themselves spared. */
const outsideOrganization = (organization: unknown, actions: unknown = 'secretsmanager:*') =>
  deny({
    Action: actions,
    Condition: {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organization },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    },
  });

/** Every write of a secret the action data knows (Write and Permissions management, less CreateSecret, …). */
const ALL_WRITES =
  'CancelRotateSecret, DeleteResourcePolicy, DeleteSecret, PutSecretValue, RemoveRegionsFromReplication, ' +
  'ReplicateSecretToRegions, RestoreSecret, RotateSecret, StopReplicationToReplica, UpdateSecret, UpdateSecretVersionStage';
const UNTRUSTED_ACCOUNT = `which the catalog (test-catalog.yaml) does not list under trust.accounts (listed: ${TRUSTED})`;
/** The secretWrite finding on DbSecretPolicy: who may write, through which statement and actions, and why that is not trusted. */
const writeFinding = (detail: string, who: string, actions: string, writes: string, why: string) => ({
  resource: 'DbSecretPolicy',
  identity: 'TestStack/DbSecret',
  detail: `Write::${detail}`,
  level: 'mandatory' as const,
  message:
    `Resource policy DbSecretPolicy lets ${who} change or delete secret DbSecret (${actions}: ${writes}), ${why}. ` +
    'Whoever may write the secret can replace its value with one it knows, or destroy it. Grant these actions only to the ' +
    'own account or to accounts and organizations the catalog lists under trust, or add a Deny of them to every other ' +
    'principal (StringNotEquals aws:PrincipalOrgID: <your organization>).',
});

const ANY_PRINCIPAL_FIX =
  'Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
  'aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>).';
const untrustedAccount = (principal: string, actions: string) =>
  `Resource policy DbSecretPolicy lets account ${OTHER} (${principal}) read secret DbSecret (${actions}), but the catalog ` +
  `(test-catalog.yaml) does not list that account under trust.accounts (listed: ${TRUSTED}). Narrow Principal to accounts ` +
  'the catalog trusts, or record the account with its owner under trust.accounts after review.';

ruleTester(rule, {
  valid: [
    {
      name: 'Principal "*" narrowed by aws:PrincipalOrgID to an organization the catalog trusts',
      catalog: trusting,
      model: secretWith(read('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
    },
    {
      name: 'the own account (CDK AccountRootPrincipal), without a catalog entry',
      catalog: defaultCatalog(),
      model: secretWith(read({ AWS: 'arn:aws:iam::<own-account>:root' })),
    },
    {
      name: 'a role of the account the change deploys into, by its real id',
      catalog: defaultCatalog(),
      model: { ...secretWith(read({ AWS: `arn:aws:iam::${OTHER}:role/app` })), accountIds: [OTHER] },
    },
    {
      name: 'an account the catalog lists under trust.accounts, as an account id',
      catalog: trusting,
      model: secretWith(read({ AWS: TRUSTED })),
    },
    {
      name: 'a Deny-only policy grants nobody anything',
      catalog: trusting,
      model: secretWith({ Effect: 'Deny', Principal: '*', Action: 'secretsmanager:*', Resource: '*' }),
    },
    {
      name: 'an action list without a read of the value (describe, tag) for any principal',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: '*', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:TagResource'] }),
      ),
    },
    {
      name: 'NotAction that excludes every Secrets Manager action: nothing it allows reads or writes the secret',
      catalog: trusting,
      model: secretWith(statement({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, NotAction: 'secretsmanager:*' })),
    },
    {
      name: 'writes: changing and deleting the secret by the own account and by an account the catalog trusts',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { AWS: ['arn:aws:iam::<own-account>:root', `arn:aws:iam::${TRUSTED}:role/rotator`] },
          Action: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret', 'secretsmanager:RotateSecret'],
        }),
      ),
    },
    {
      name: 'writes: a Deny of secretsmanager:* to every principal outside a trusted organization covers them too',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: '*', Action: ['secretsmanager:DeleteSecret', 'secretsmanager:UpdateSecret'] }),
        outsideOrganization('o-a1b2c3d4e5'),
      ),
    },
    {
      name: 'an action known only at apply, for a principal that may read anyway (the own account)',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { AWS: 'arn:aws:iam::<own-account>:root' },
          Action: unknownValue('output of a lookup'),
        }),
      ),
    },
    {
      name: 'a service principal tied to the account it acts for (aws:SourceAccount)',
      catalog: trusting,
      model: secretWith(
        read(
          { Service: 'lambda.amazonaws.com' },
          { Condition: { StringEquals: { 'aws:SourceAccount': '<own-account>' } } },
        ),
      ),
    },
    {
      name: 'a service principal tied to its source by a Deny of every other aws:SourceArn',
      catalog: trusting,
      model: secretWith(
        read({ Service: 'appflow.amazonaws.com' }),
        deny({
          Principal: { Service: 'appflow.amazonaws.com' },
          Action: 'secretsmanager:*',
          Condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:appflow:eu-west-1:<own-account>:flow/*' } },
        }),
      ),
    },
    {
      name: 'Deny: an Allow to "*" with a Deny of secretsmanager:* to every principal outside a trusted organization',
      catalog: trusting,
      model: secretWith(read('*'), outsideOrganization('o-a1b2c3d4e5')),
    },
    {
      name: 'Deny: an Allow to AWS "*" (not Principal "*") with the same Deny outside a trusted organization',
      catalog: trusting,
      model: secretWith(read({ AWS: '*' }), outsideOrganization('o-a1b2c3d4e5')),
    },
    {
      name: 'Deny: an Allow to "*" with a Deny of GetSecretValue to every account but the own one',
      catalog: defaultCatalog(),
      model: secretWith(
        read('*'),
        deny({
          Action: 'secretsmanager:GetSecretValue',
          Condition: { StringNotEquals: { 'aws:PrincipalAccount': '<own-account>' } },
        }),
      ),
    },
    {
      name: 'Deny: the same principal is denied the read outright',
      catalog: trusting,
      model: secretWith(
        read({ AWS: `arn:aws:iam::${OTHER}:root` }),
        deny({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'secretsmanager:GetSecretValue' }),
      ),
    },
    {
      name: "Deny: a role's account is denied secretsmanager:* (an account principal stands for all its principals)",
      catalog: trusting,
      model: secretWith(
        statement({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/reader` }, Action: 'secretsmanager:Get*' }),
        deny({ Principal: { AWS: OTHER }, NotAction: 'secretsmanager:DescribeSecret' }),
      ),
    },
    {
      name: 'Deny: an account outside the accounts a Deny spares (aws:PrincipalAccount) is denied',
      catalog: trusting,
      model: secretWith(
        read({ AWS: OTHER }),
        deny({
          Action: 'secretsmanager:*',
          Condition: { StringNotEquals: { 'aws:PrincipalAccount': [TRUSTED, '<own-account>'] } },
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'Deny: one of every request without TLS (aws:SecureTransport) narrows nobody, and is not said to',
      catalog: trusting,
      model: secretWith(
        read('*'),
        deny({ Action: 'secretsmanager:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(Action secretsmanager:GetSecretValue) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: "two statements that let anyone read the secret: one finding naming both statements' actions",
      catalog: trusting,
      model: secretWith(read('*'), statement({ Principal: '*', Action: 'secretsmanager:*' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(Action secretsmanager:GetSecretValue, secretsmanager:*) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Write::Principal::*',
          level: 'mandatory',
          message: expect.stringContaining('(Action secretsmanager:*: '),
        },
      ],
    },
    {
      name: 'Deny: one of an unrelated action does not narrow the read',
      catalog: trusting,
      model: secretWith(read('*'), deny({ Action: 's3:GetObject' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(Action secretsmanager:GetSecretValue) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: 'Deny: one on a narrower resource (an ARN the secret may not have) is not counted',
      catalog: trusting,
      model: secretWith(
        read({ AWS: OTHER }),
        deny({
          Principal: { AWS: OTHER },
          Action: 'secretsmanager:*',
          Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:other-AbCdEf',
        }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:GetSecretValue'),
        },
      ],
    },
    {
      name: 'Deny: of GetSecretValue only, while the Allow also lets the principal rewrite the policy (and drop the Deny)',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: { AWS: OTHER }, Action: 'secretsmanager:*' }),
        deny({ Principal: { AWS: OTHER }, Action: 'secretsmanager:GetSecretValue' }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:*'),
        },
        writeFinding(
          `Account::${OTHER}`,
          `account ${OTHER} (${OTHER})`,
          'Action secretsmanager:*',
          ALL_WRITES,
          UNTRUSTED_ACCOUNT,
        ),
      ],
    },
    {
      name: 'Deny: one whose condition cannot be evaluated statically (a source IP) is not counted, and the finding says so',
      catalog: trusting,
      model: secretWith(
        read('*'),
        deny({
          Sid: 'OfficeOnly',
          Action: 'secretsmanager:*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret (Action ' +
            'secretsmanager:GetSecretValue). Its Deny "OfficeOnly" may narrow that, but its condition (NotIpAddress ' +
            'aws:SourceIp) cannot be evaluated before a request, so it is not counted. Narrow the Allow itself: name the own ' +
            'account or accounts the catalog lists under trust.accounts, or add StringEquals aws:PrincipalOrgID: <your ' +
            'organization> (or a Deny of every other principal, StringNotEquals aws:PrincipalOrgID, with no other condition).',
        },
      ],
    },
    {
      name: 'Deny: one that spares an organization the catalog does not list leaves the read to that organization',
      catalog: trusting,
      model: secretWith(read('*'), outsideOrganization('o-zzzzzzzzzz', 'secretsmanager:GetSecretValue')),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Organization::o-zzzzzzzzzz',
          message:
            'Resource policy DbSecretPolicy lets every principal of AWS organization o-zzzzzzzzzz (Principal: "*" with a ' +
            'Deny with StringNotEqualsIfExists aws:PrincipalOrgID "o-zzzzzzzzzz") read secret DbSecret, but the catalog ' +
            '(test-catalog.yaml) does not list that organization under trust.organizations (listed: o-a1b2c3d4e5). Narrow ' +
            'the condition to an organization the catalog trusts, or record this one with its owner after review.',
        },
      ],
    },
    {
      name: 'Deny: one whose spared organization is known only at apply is pending',
      catalog: trusting,
      model: secretWith(read('*'), outsideOrganization(unknownValue('Ref OrgId'))),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          pending: true,
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret; whether ' +
            'aws:PrincipalOrgID narrows it cannot be verified until apply: the value is Ref OrgId.',
        },
      ],
    },
    {
      name: 'Deny: of every principal outside a trusted organization still lets a named account read (it may be a member)',
      catalog: trusting,
      model: secretWith(read({ AWS: OTHER }), outsideOrganization('o-a1b2c3d4e5')),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:GetSecretValue'),
        },
      ],
    },
    {
      name: 'writes: an account the catalog does not trust may replace and delete the value (and not read it)',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { AWS: `arn:aws:iam::${OTHER}:role/vendor` },
          Action: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret', 'secretsmanager:DescribeSecret'],
        }),
      ),
      findings: [
        writeFinding(
          `Account::${OTHER}`,
          `account ${OTHER} (arn:aws:iam::${OTHER}:role/vendor)`,
          'Action secretsmanager:PutSecretValue, secretsmanager:DeleteSecret, secretsmanager:DescribeSecret',
          'DeleteSecret, PutSecretValue',
          UNTRUSTED_ACCOUNT,
        ),
      ],
    },
    {
      name: 'writes: an action a Deny removes outright is not listed among those the principal may still use',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { AWS: OTHER },
          Action: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret'],
        }),
        deny({ Principal: { AWS: OTHER }, Action: 'secretsmanager:DeleteSecret' }),
      ),
      findings: [
        writeFinding(
          `Account::${OTHER}`,
          `account ${OTHER} (${OTHER})`,
          'Action secretsmanager:PutSecretValue, secretsmanager:DeleteSecret',
          'PutSecretValue',
          UNTRUSTED_ACCOUNT,
        ),
      ],
    },
    {
      name: 'writes: any principal may restore, rotate and re-stage the secret (secretsmanager:R*, no read)',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: '*', Action: ['secretsmanager:R*', 'secretsmanager:UpdateSecretVersionStage'] }),
      ),
      findings: [
        writeFinding(
          'Principal::*',
          'any AWS principal (Principal: "*")',
          'Action secretsmanager:R*, secretsmanager:UpdateSecretVersionStage',
          'RemoveRegionsFromReplication, ReplicateSecretToRegions, RestoreSecret, RotateSecret, UpdateSecretVersionStage',
          'and no condition narrows it',
        ),
      ],
    },
    {
      name: 'writes: without a catalog, an organization that may delete the secret cannot be checked',
      catalog: defaultCatalog(),
      model: secretWith(
        statement({
          Principal: '*',
          Action: 'secretsmanager:DeleteSecret',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        }),
      ),
      findings: [
        writeFinding(
          'Organization::o-a1b2c3d4e5',
          'every principal of AWS organization o-a1b2c3d4e5 (Principal: "*" with StringEquals aws:PrincipalOrgID "o-a1b2c3d4e5")',
          'Action secretsmanager:DeleteSecret',
          'DeleteSecret',
          'which cannot be checked against trusted organizations: no catalog was given',
        ),
      ],
    },
    {
      name: 'writes: a principal known only at apply that may only write is pending',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: { AWS: unknownValue('var.vendor_arn') }, Action: 'secretsmanager:PutSecretValue' }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Write::Principal::unknown',
          level: 'advisory',
          pending: true,
          message:
            'Resource policy DbSecretPolicy may let a principal change or delete secret DbSecret; that cannot be verified ' +
            'until apply: the principal is var.vendor_arn.',
        },
      ],
    },
    {
      name: 'a service principal without a source condition may read for any account that configures it (advisory)',
      catalog: trusting,
      model: secretWith(read({ Service: 'lambda.amazonaws.com' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Service::lambda.amazonaws.com',
          level: 'advisory',
          message:
            'Resource policy DbSecretPolicy lets AWS service lambda.amazonaws.com read secret DbSecret (Action ' +
            'secretsmanager:GetSecretValue) without an aws:SourceAccount or aws:SourceArn condition, so the service may do ' +
            'it for any account that configures it to (confused deputy). Add Condition StringEquals aws:SourceAccount: <the ' +
            'account the service acts for> (or ArnLike aws:SourceArn: <the resource that uses the secret>).',
        },
      ],
    },
    {
      name: 'a service principal that may rotate the secret, with a source condition that is only a wildcard (advisory)',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { Service: 'rds.amazonaws.com' },
          Action: 'secretsmanager:RotateSecret',
          Condition: { StringLike: { 'aws:SourceArn': '*' } },
        }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Write::Service::rds.amazonaws.com',
          level: 'advisory',
          message:
            'Resource policy DbSecretPolicy lets AWS service rds.amazonaws.com change or delete secret DbSecret (Action ' +
            'secretsmanager:RotateSecret) without an aws:SourceAccount or aws:SourceArn condition, so the service may do ' +
            'it for any account that configures it to (confused deputy). Add Condition StringEquals aws:SourceAccount: <the ' +
            'account the service acts for> (or ArnLike aws:SourceArn: <the resource that uses the secret>).',
        },
      ],
    },
    {
      name: 'BlockPublicPolicy: a public read and write are expected to be refused at deployment, and the findings say so',
      catalog: trusting,
      model: model({
        secrets: [
          secret('DbSecret', {
            resourcePolicies: [
              {
                ...policyOf(statement({ Principal: '*', Action: 'secretsmanager:*' })),
                blockPublicPolicy: true,
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret (Action ' +
            'secretsmanager:*) and no condition narrows it, but it sets BlockPublicPolicy, so Secrets Manager is expected ' +
            'to refuse the policy as public and the deployment to fail at this resource rather than open the secret. Keep ' +
            'BlockPublicPolicy and narrow Principal to the own account or accounts the catalog lists under ' +
            'trust.accounts, or add StringEquals aws:PrincipalOrgID: <your organization>.',
        },
        writeFinding(
          'Principal::*',
          'any AWS principal (Principal: "*")',
          'Action secretsmanager:*',
          ALL_WRITES,
          'and no condition narrows it; the policy sets BlockPublicPolicy, so Secrets Manager is expected to refuse it ' +
            'and the deployment to fail at this resource',
        ),
      ],
    },
    {
      name: 'BlockPublicPolicy: an account of elsewhere is not public access, and one known only at apply is not counted',
      catalog: trusting,
      model: model({
        secrets: [
          secret('DbSecret', {
            resourcePolicies: [
              { ...policyOf(read({ AWS: OTHER })), blockPublicPolicy: true },
              {
                ...policyOf(read('*')),
                source: ref(POLICY_TYPE, 'LaterPolicy'),
                blockPublicPolicy: unknownValue('var.block_public'),
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:GetSecretValue'),
        },
        {
          resource: 'LaterPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          message:
            'Resource policy LaterPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(Action secretsmanager:GetSecretValue) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: 'Principal "*" without a condition: anyone in any account reads the secret',
      catalog: trusting,
      model: secretWith(read('*')),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(Action secretsmanager:GetSecretValue) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: 'an account the catalog does not trust (grantRead to an AccountPrincipal)',
      catalog: trusting,
      model: secretWith(read({ AWS: `arn:aws:iam::${OTHER}:root` })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          level: 'mandatory',
          message: untrustedAccount(`arn:aws:iam::${OTHER}:root`, 'Action secretsmanager:GetSecretValue'),
        },
      ],
    },
    {
      name: 'secretsmanager:* covers GetSecretValue',
      catalog: trusting,
      model: secretWith(statement({ Principal: { AWS: OTHER }, Action: 'secretsmanager:*' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:*'),
        },
        writeFinding(
          `Account::${OTHER}`,
          `account ${OTHER} (${OTHER})`,
          'Action secretsmanager:*',
          ALL_WRITES,
          UNTRUSTED_ACCOUNT,
        ),
      ],
    },
    {
      name: 'rewriting the resource policy gives the value: the principal grants itself the read',
      catalog: trusting,
      model: secretWith(statement({ Principal: { AWS: OTHER }, Action: 'secretsmanager:PutResourcePolicy' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'Action secretsmanager:PutResourcePolicy'),
        },
      ],
    },
    {
      name: 'NotAction that excludes GetSecretValue still allows rewriting the policy',
      catalog: trusting,
      model: secretWith(statement({ Principal: { AWS: OTHER }, NotAction: 'secretsmanager:Get*' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message: untrustedAccount(OTHER, 'NotAction secretsmanager:Get*'),
        },
        writeFinding(
          `Account::${OTHER}`,
          `account ${OTHER} (${OTHER})`,
          'NotAction secretsmanager:Get*',
          ALL_WRITES,
          UNTRUSTED_ACCOUNT,
        ),
      ],
    },
    {
      name: 'NotAction that does not exclude GetSecretValue allows it, and a Deny beside it narrows nothing',
      catalog: trusting,
      model: secretWith(statement({ Principal: '*', NotAction: 'secretsmanager:DeleteSecret' }), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret ' +
            `(NotAction secretsmanager:DeleteSecret) and no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
        writeFinding(
          'Principal::*',
          'any AWS principal (Principal: "*")',
          'NotAction secretsmanager:DeleteSecret',
          ALL_WRITES.replace('DeleteSecret, ', ''),
          'and no condition narrows it',
        ),
      ],
    },
    {
      name: 'a principal known only at apply is pending, never passed',
      catalog: trusting,
      model: secretWith(read({ AWS: unknownValue('Fn::ImportValue shared-reader-arn') })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::unknown',
          level: 'advisory',
          pending: true,
          message:
            'Resource policy DbSecretPolicy lets a principal read secret DbSecret (Action secretsmanager:GetSecretValue) that ' +
            'cannot be verified until apply: the principal is Fn::ImportValue shared-reader-arn.',
        },
      ],
    },
    {
      name: 'an action known only at apply, for an account the catalog does not trust, is pending',
      catalog: trusting,
      model: secretWith(
        statement({ Principal: { AWS: OTHER }, Action: ['secretsmanager:DescribeSecret', unknownValue('var.action')] }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          pending: true,
          message:
            `Resource policy DbSecretPolicy names ${OTHER}, whom it must not let read secret DbSecret; whether it does cannot ` +
            'be verified until apply: the action is var.action.',
        },
      ],
    },
    {
      name: 'Principal "*" narrowed to an organization the catalog does not list, and Action "*"',
      catalog: trusting,
      model: secretWith(
        statement({
          Principal: { AWS: '*' },
          Action: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } },
        }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Organization::o-zzzzzzzzzz',
          message:
            'Resource policy DbSecretPolicy lets every principal of AWS organization o-zzzzzzzzzz (AWS: "*" with StringEquals ' +
            'aws:PrincipalOrgID "o-zzzzzzzzzz") read secret DbSecret, but the catalog (test-catalog.yaml) does not list that ' +
            'organization under trust.organizations (listed: o-a1b2c3d4e5). Narrow the condition to an organization the ' +
            'catalog trusts, or record this one with its owner after review.',
        },
        writeFinding(
          'Organization::o-zzzzzzzzzz',
          'every principal of AWS organization o-zzzzzzzzzz (AWS: "*" with StringEquals aws:PrincipalOrgID "o-zzzzzzzzzz")',
          'Action *',
          ALL_WRITES,
          'which the catalog (test-catalog.yaml) does not list under trust.organizations (listed: o-a1b2c3d4e5)',
        ),
      ],
    },
    {
      name: 'Principal "*" whose aws:PrincipalOrgID is known only at apply',
      catalog: trusting,
      model: secretWith(
        read('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': unknownValue('Ref OrgId') } } }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::*',
          pending: true,
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret DbSecret; whether ' +
            'aws:PrincipalOrgID narrows it cannot be verified until apply: the value is Ref OrgId.',
        },
      ],
    },
    {
      name: 'without a catalog an account of elsewhere cannot be checked (secretsmanager:Get*)',
      catalog: defaultCatalog(),
      model: secretWith(
        statement({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/reader` }, Action: 'secretsmanager:Get*' }),
      ),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: `Account::${OTHER}`,
          message:
            `Resource policy DbSecretPolicy lets account ${OTHER} (arn:aws:iam::${OTHER}:role/reader) read secret DbSecret ` +
            '(Action secretsmanager:Get*), but no catalog was given, so the account cannot be checked against trusted ' +
            'accounts. Pass a catalog that lists it under trust.accounts.',
        },
      ],
    },
    {
      name: 'a principal that is neither an account id nor an ARN',
      catalog: trusting,
      model: secretWith(read({ AWS: 'reader-role' })),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          detail: 'Principal::reader-role',
          message:
            'Resource policy DbSecretPolicy lets AWS principal "reader-role" read secret DbSecret, which is neither an account ' +
            'id nor an IAM ARN, so its account cannot be checked. Write it as arn:aws:iam::<account>:root or ' +
            'arn:aws:iam::<account>:role/<name>.',
        },
      ],
    },
    {
      name: 'a policy document known only at apply is pending',
      catalog: trusting,
      model: model({
        secrets: [
          secret('DbSecret', {
            resourcePolicies: [
              {
                source: ref(POLICY_TYPE, 'DbSecretPolicy'),
                document: parsePolicyDocument(unknownValue('data.aws_iam_policy_document.read.json')),
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          identity: 'TestStack/DbSecret',
          pending: true,
          message:
            'Resource policy DbSecretPolicy of secret DbSecret cannot be verified until apply: ' +
            'data.aws_iam_policy_document.read.json, so who may read the secret is not known.',
        },
      ],
    },
    {
      name: 'a policy on a secret the change does not create is judged on the policy resource',
      catalog: trusting,
      model: model({
        unlinkedSecretPolicies: [
          {
            ...policyOf(read('*')),
            secret: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/db-AbCdEf',
          },
        ],
      }),
      findings: [
        {
          resource: 'DbSecretPolicy',
          detail: 'Principal::*',
          message:
            'Resource policy DbSecretPolicy lets any AWS principal (Principal: "*") read secret ' +
            'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/db-AbCdEf (Action secretsmanager:GetSecretValue) and ' +
            `no condition narrows it. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
  ],
});

describe('through the Pulumi adapter (records as the engine sends them in preview)', () => {
  const SECRET = 'aws:secretsmanager/secret:Secret';
  const SECRET_POLICY = 'aws:secretsmanager/secretPolicy:SecretPolicy';
  const findings = (resources: PulumiResource[]) =>
    findingsOf(rule, { name: 'pulumi', model: modelFromPulumiResources(resources), catalog: trusting }).map(
      (finding) => [finding.resource.name, finding.identity, finding.level, finding.detail, finding.pending ?? false],
    );

  it('judges a SecretPolicy on the secret its unknown ARN depends on, and a policy known only at apply as pending', () => {
    const db = pulumiResource(SECRET, 'db', { name: 'payments/db', tags: { owner: 'team-payments' } });
    const open = JSON.stringify({
      Version: '2012-10-17',
      Statement: [read('*'), read({ AWS: [`arn:aws:iam::${OTHER}:root`, `arn:aws:iam::${TRUSTED}:root`] })],
    });
    expect(
      findings([
        db,
        pulumiResource(SECRET_POLICY, 'db-read', { secretArn: PULUMI_UNKNOWN, policy: open }, { secretArn: [db.urn] }),
        pulumiResource(
          SECRET_POLICY,
          'db-later',
          { secretArn: PULUMI_UNKNOWN, policy: PULUMI_UNKNOWN },
          { secretArn: [db.urn], policy: [pulumiUrn('aws:iam/role:Role', 'reader')] },
        ),
      ]),
    ).toEqual([
      ['db-later', db.urn, 'advisory', undefined, true],
      ['db-read', db.urn, 'mandatory', `Account::${OTHER}`, false],
      ['db-read', db.urn, 'mandatory', 'Principal::*', false],
    ]);
  });
});
