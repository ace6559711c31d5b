import { defaultCatalog } from '../../catalog/index.js';
import rule from '../../src/rules/restrict-trust.js';
import { unknownValue, type Credential } from '../../src/model/model.js';
import { catalog, identity, model, ref, role } from '../support/builders.js';
import { federated } from '../multicloud/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const GITHUB = 'token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::<own-account>:oidc-provider/${GITHUB}`;
const EKS_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

const trust = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
});
const webIdentity = (federated: string, condition?: Record<string, unknown>) =>
  trust({
    Action: 'sts:AssumeRoleWithWebIdentity',
    Principal: { Federated: federated },
    ...(condition ? { Condition: condition } : {}),
  });
/** GitHub OIDC trust with the audience set and one subject condition under the given operator. */
const githubTrust = (operator: 'StringEquals' | 'StringLike', subject: string) => {
  const audience = { [`${GITHUB}:aud`]: 'sts.amazonaws.com' };
  const condition =
    operator === 'StringEquals'
      ? { StringEquals: { ...audience, [`${GITHUB}:sub`]: subject } }
      : { StringEquals: audience, StringLike: { [`${GITHUB}:sub`]: subject } };
  return webIdentity(GITHUB_PROVIDER, condition);
};

const trusting = catalog({
  trust: {
    accounts: [{ id: '111122223333', owner: 'team-platform' }],
    organizations: [{ id: 'o-a1b2c3d4e5', owner: 'team-platform' }],
    oidc: [
      { issuer: GITHUB, subjects: ['repo:example/payments:ref:refs/heads/main', 'repo:example/infra:environment:*'] },
      { issuer: EKS_ISSUER, subjects: ['system:serviceaccount:payments:api'], audiences: ['sts.amazonaws.com'] },
    ],
  },
});

const roleWith = (name: string, document: unknown) => model({ identities: [role(name, { trust: document })] });

ruleTester(rule, {
  valid: [
    {
      // Its condition ended it (aws:CurrentTime before a day that has passed): written, but admitting nobody.
      name: 'Principal AWS * whose time condition ended before now admits nobody',
      model: roleWith(
        'TemporaryRole',
        trust({ Principal: { AWS: '*' }, Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } } }),
      ),
    },
    {
      name: 'cdk-nag / Checkov CKV_AWS_60 pass: a Lambda execution role trusting lambda.amazonaws.com',
      model: roleWith('FnRole', trust({ Principal: { Service: 'lambda.amazonaws.com' } })),
    },
    {
      name: 'a role of the account the change deploys into, by its real id (Pulumi update: ARNs the provider returned)',
      catalog: defaultCatalog(),
      model: {
        ...roleWith('AdminRole', trust({ Principal: { AWS: 'arn:aws:iam::444455556666:role/ci-deployer' } })),
        accountIds: ['444455556666'],
      },
    },
    {
      name: 'the own account root (CDK AccountRootPrincipal) is trusted without a catalog entry',
      catalog: defaultCatalog(),
      model: roleWith('AdminRole', trust({ Principal: { AWS: 'arn:aws:iam::<own-account>:root' } })),
    },
    {
      name: 'the own account as a bare id (AWS: !Ref AWS::AccountId) is trusted without a catalog entry',
      catalog: defaultCatalog(),
      model: roleWith('AdminRole', trust({ Principal: { AWS: '<own-account>' } })),
    },
    {
      name: 'a role in an account the catalog lists under trust.accounts',
      catalog: trusting,
      model: roleWith('ReadRole', trust({ Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' } })),
    },
    {
      name: 'Principal * narrowed to an organization the catalog trusts with aws:PrincipalOrgID',
      catalog: trusting,
      model: roleWith(
        'OrgRole',
        trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
    },
    {
      name: 'Principal * narrowed by aws:PrincipalArn to roles of one account the catalog trusts (condition keys compare case-insensitively)',
      catalog: trusting,
      model: roleWith(
        'PatternRole',
        trust({
          Principal: '*',
          Condition: { ArnLike: { 'AWS:PrincipalARN': 'arn:aws:iam::111122223333:role/deploy-*' } },
        }),
      ),
    },
    {
      name: 'Principal * narrowed by aws:SourceArn in the own account, written with CloudFormation placeholders',
      model: roleWith(
        'SourceArnRole',
        trust({
          Principal: '*',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:<own-region>:<own-account>:function:*' } },
        }),
      ),
    },
    {
      name: 'Checkov CKV_AWS_358 pass: GitHub OIDC with audience and an exact repository and branch the catalog lists',
      catalog: trusting,
      model: roleWith('DeployRole', githubTrust('StringLike', 'repo:example/payments:ref:refs/heads/main')),
    },
    {
      name: 'a StringLike subject pattern inside a catalog pattern (one repository, any environment)',
      catalog: trusting,
      model: roleWith('InfraRole', githubTrust('StringLike', 'repo:example/infra:environment:prod-*')),
    },
    {
      name: 'a broad StringLike subject ANDed with an exact StringEquals subject the catalog allows',
      catalog: trusting,
      model: roleWith(
        'AndRole',
        webIdentity(GITHUB_PROVIDER, {
          StringEquals: {
            [`${GITHUB}:aud`]: 'sts.amazonaws.com',
            [`${GITHUB}:sub`]: 'repo:example/payments:ref:refs/heads/main',
          },
          StringLike: { [`${GITHUB}:sub`]: 'repo:example/*' },
        }),
      ),
    },
    {
      name: 'EKS IRSA: audience and service-account subject the catalog allows',
      catalog: trusting,
      model: roleWith(
        'IrsaRole',
        webIdentity(`arn:aws:iam::<own-account>:oidc-provider/${EKS_ISSUER}`, {
          StringEquals: {
            [`${EKS_ISSUER}:aud`]: 'sts.amazonaws.com',
            [`${EKS_ISSUER}:sub`]: 'system:serviceaccount:payments:api',
          },
        }),
      ),
    },
    {
      name: 'SAML federation is how people sign in and is allowed',
      model: roleWith(
        'SsoRole',
        trust({
          Action: 'sts:AssumeRoleWithSAML',
          Principal: { Federated: 'arn:aws:iam::<own-account>:saml-provider/Okta' },
        }),
      ),
    },
    {
      name: 'a Deny statement with Principal * takes access away and is not trust',
      model: roleWith('DenyRole', {
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } },
          {
            Effect: 'Deny',
            Action: 'sts:AssumeRole',
            Principal: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      // An end in 2027 narrows no principal: the statement is judged as written until then. The one that ended is not.
      name: 'a trust statement whose time condition has not ended yet is judged; an ended one is not',
      model: roleWith('TemporaryRole', {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: '*' },
            Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
          },
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::999999999999:root' },
            Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
          },
        ],
      }),
      findings: [
        {
          resource: 'TemporaryRole',
          identity: 'TestStack/TemporaryRole',
          detail: 'Account::999999999999',
          message:
            'Role TemporaryRole trusts account 999999999999 (arn:aws:iam::999999999999:root), which the catalog (test-catalog.yaml) does not list under trust.accounts (listed: none). ' +
            'Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
        {
          resource: 'TemporaryRole',
          identity: 'TestStack/TemporaryRole',
          detail: 'Condition::sts:ExternalId',
          message:
            'Role TemporaryRole trusts third-party account 999999999999 without an sts:ExternalId condition, so the third party can be tricked into using its access on your behalf (confused deputy). ' +
            'Add Condition StringEquals sts:ExternalId: <the id the third party issued you>.',
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_60: assume-role policy with Principal AWS *',
      model: roleWith('OpenRole', trust({ Principal: { AWS: '*' } })),
      findings: [
        {
          resource: 'OpenRole',
          identity: 'TestStack/OpenRole',
          detail: 'Principal::*',
          message:
            'Role OpenRole can be assumed by any AWS principal (AWS: "*") and no condition narrows it. Name the principals that need it ' +
            '(arn:aws:iam::<account>:role/<name>), or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'Principal "*" with only an IfExists condition, which passes when the key is absent',
      model: roleWith(
        'IfExistsRole',
        trust({ Principal: '*', Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ),
      findings: [
        {
          resource: 'IfExistsRole',
          identity: 'TestStack/IfExistsRole',
          detail: 'Principal::*',
          message:
            'Role IfExistsRole can be assumed by any AWS principal (Principal: "*") and no condition narrows it. Name the principals that need it ' +
            '(arn:aws:iam::<account>:role/<name>), or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'Allow with NotPrincipal admits everyone but the listed principals',
      model: roleWith('NotPrincipalRole', trust({ NotPrincipal: { AWS: 'arn:aws:iam::444455556666:root' } })),
      findings: [
        {
          resource: 'NotPrincipalRole',
          identity: 'TestStack/NotPrincipalRole',
          detail: 'Principal::*',
          message:
            'Role NotPrincipalRole can be assumed by any AWS principal (Principal: "*") and no condition narrows it. Name the principals that need it ' +
            '(arn:aws:iam::<account>:role/<name>), or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'a wildcard account in a principal ARN is every account',
      model: roleWith('AnyAccountRole', trust({ Principal: { AWS: 'arn:aws:iam::*:root' } })),
      findings: [
        {
          resource: 'AnyAccountRole',
          identity: 'TestStack/AnyAccountRole',
          detail: 'Principal::*',
          message:
            'Role AnyAccountRole can be assumed by any AWS principal (AWS: "arn:aws:iam::*:root") and no condition narrows it. Name the principals that need it ' +
            '(arn:aws:iam::<account>:role/<name>), or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'Principal * narrowed by a condition whose value is unknown during preview is pending',
      model: roleWith(
        'PreviewRole',
        trust({
          Principal: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': unknownValue('output of aws:organizations/account:Account') },
          },
        }),
      ),
      findings: [
        {
          resource: 'PreviewRole',
          identity: 'TestStack/PreviewRole',
          detail: 'Principal::*',
          message:
            'Role PreviewRole trusts any AWS principal (Principal: "*"); whether aws:SourceAccount narrows it cannot be verified until apply: ' +
            'the value is output of aws:organizations/account:Account.',
          pending: true,
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_358 fail: GitHub OIDC trust with audience but no subject condition',
      catalog: trusting,
      model: roleWith(
        'NoSubRole',
        webIdentity(GITHUB_PROVIDER, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }),
      ),
      findings: [
        {
          resource: 'NoSubRole',
          identity: 'TestStack/NoSubRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role NoSubRole trusts OIDC issuer ${GITHUB} without a subject condition, so every identity the issuer signs for can assume it. ` +
            `Add Condition StringEquals ${GITHUB}:sub: repo:example/payments:ref:refs/heads/main.`,
        },
      ],
    },
    {
      name: 'GitHub OIDC trust with neither audience nor subject',
      catalog: trusting,
      model: roleWith('BareOidcRole', webIdentity(GITHUB_PROVIDER)),
      findings: [
        {
          resource: 'BareOidcRole',
          identity: 'TestStack/BareOidcRole',
          detail: `Condition::${GITHUB}:aud`,
          message:
            `Role BareOidcRole trusts OIDC issuer ${GITHUB} without an audience condition, so a token the issuer minted for any client is accepted. ` +
            `Add Condition StringEquals ${GITHUB}:aud: sts.amazonaws.com.`,
        },
        {
          resource: 'BareOidcRole',
          identity: 'TestStack/BareOidcRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role BareOidcRole trusts OIDC issuer ${GITHUB} without a subject condition, so every identity the issuer signs for can assume it. ` +
            `Add Condition StringEquals ${GITHUB}:sub: repo:example/payments:ref:refs/heads/main.`,
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_358 fail: subject repo:example/* admits every repository of the organization',
      catalog: trusting,
      model: roleWith('OrgWideRole', githubTrust('StringLike', 'repo:example/*')),
      findings: [
        {
          resource: 'OrgWideRole',
          identity: 'TestStack/OrgWideRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role OrgWideRole accepts OIDC subject "repo:example/*" from ${GITHUB}, which matches every repository matching "example/*": ` +
            'anyone who can get a token for one of them can assume the role. Write the exact subject, e.g. repo:example/payments:ref:refs/heads/main.',
        },
      ],
    },
    {
      name: 'subject "*" without a catalog matches every subject of the issuer',
      catalog: defaultCatalog(),
      model: roleWith('StarSubRole', githubTrust('StringLike', '*')),
      findings: [
        {
          resource: 'StarSubRole',
          identity: 'TestStack/StarSubRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role StarSubRole accepts OIDC subject "*" from ${GITHUB}, which matches every subject of the issuer: ` +
            'anyone who can get a token for one of them can assume the role. Write the exact subject, e.g. repo:<org>/<repo>:ref:refs/heads/main.',
        },
      ],
    },
    {
      name: 'a GitHub Enterprise issuer (with its /<enterprise> suffix) and a subject wildcarding the organization',
      catalog: defaultCatalog(),
      model: roleWith(
        'EnterpriseRole',
        webIdentity(`arn:aws:iam::<own-account>:oidc-provider/${GITHUB}/example-ent`, {
          StringEquals: { [`${GITHUB}/example-ent:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${GITHUB}/example-ent:sub`]: 'repo:*/payments:ref:refs/heads/main' },
        }),
      ),
      findings: [
        {
          resource: 'EnterpriseRole',
          identity: 'TestStack/EnterpriseRole',
          detail: `Condition::${GITHUB}/example-ent:sub`,
          message:
            `Role EnterpriseRole accepts OIDC subject "repo:*/payments:ref:refs/heads/main" from ${GITHUB}/example-ent, which matches every ` +
            'repository matching "*/payments": anyone who can get a token for one of them can assume the role. Write the exact subject, ' +
            'e.g. repo:<org>/<repo>:ref:refs/heads/main.',
        },
      ],
    },
    {
      name: 'an exact subject for a branch the catalog does not allow',
      catalog: trusting,
      model: roleWith('BranchRole', githubTrust('StringEquals', 'repo:example/payments:ref:refs/heads/feature-x')),
      findings: [
        {
          resource: 'BranchRole',
          identity: 'TestStack/BranchRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role BranchRole accepts OIDC subject "repo:example/payments:ref:refs/heads/feature-x" from ${GITHUB}, which the catalog does not allow ` +
            'for that issuer (allowed: repo:example/payments:ref:refs/heads/main, repo:example/infra:environment:*). Use an allowed subject, ' +
            'or add this one to trust.oidc after review.',
        },
      ],
    },
    {
      name: 'a StringLike pattern wider than the catalog pattern it resembles (any ref, where only main is allowed)',
      catalog: trusting,
      model: roleWith('AnyRefRole', githubTrust('StringLike', 'repo:example/payments:*')),
      findings: [
        {
          resource: 'AnyRefRole',
          identity: 'TestStack/AnyRefRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role AnyRefRole accepts OIDC subject "repo:example/payments:*" from ${GITHUB}, which the catalog does not allow ` +
            'for that issuer (allowed: repo:example/payments:ref:refs/heads/main, repo:example/infra:environment:*). Use an allowed subject, ' +
            'or add this one to trust.oidc after review.',
        },
      ],
    },
    {
      name: 'without a catalog an exact subject cannot be checked against trusted subjects',
      catalog: defaultCatalog(),
      model: roleWith('ExactRole', githubTrust('StringEquals', 'repo:example/payments:ref:refs/heads/main')),
      findings: [
        {
          resource: 'ExactRole',
          identity: 'TestStack/ExactRole',
          detail: `Condition::${GITHUB}:sub`,
          message:
            `Role ExactRole accepts OIDC subject "repo:example/payments:ref:refs/heads/main" from ${GITHUB}, but no catalog was given, ` +
            'so the subject cannot be checked against trusted OIDC subjects. Pass a catalog that lists the issuer and its subjects under trust.oidc.',
        },
      ],
    },
    {
      name: 'an OIDC issuer the catalog does not list',
      catalog: trusting,
      model: roleWith(
        'GitlabRole',
        webIdentity('arn:aws:iam::<own-account>:oidc-provider/gitlab.com', {
          StringEquals: {
            'gitlab.com:aud': 'https://gitlab.com',
            'gitlab.com:sub': 'project_path:example/app:ref_type:branch:ref:main',
          },
        }),
      ),
      findings: [
        {
          resource: 'GitlabRole',
          identity: 'TestStack/GitlabRole',
          detail: 'Federated::gitlab.com',
          message:
            'Role GitlabRole trusts OIDC issuer gitlab.com, which the catalog (test-catalog.yaml) does not list under trust.oidc. ' +
            'Add the issuer with its allowed subjects to the catalog after review, or remove the trust.',
        },
      ],
    },
    {
      name: 'an audience the catalog does not allow for the issuer, and a subject known only at apply',
      catalog: trusting,
      model: roleWith(
        'IrsaPreviewRole',
        webIdentity(`arn:aws:iam::<own-account>:oidc-provider/${EKS_ISSUER}`, {
          StringEquals: {
            [`${EKS_ISSUER}:aud`]: 'my-app',
            [`${EKS_ISSUER}:sub`]: unknownValue('output of kubernetes:core/v1:ServiceAccount'),
          },
        }),
      ),
      findings: [
        {
          resource: 'IrsaPreviewRole',
          identity: 'TestStack/IrsaPreviewRole',
          detail: `Condition::${EKS_ISSUER}:aud`,
          message:
            `Role IrsaPreviewRole accepts audience "my-app" from OIDC issuer ${EKS_ISSUER}, which the catalog does not allow for that issuer ` +
            '(allowed: sts.amazonaws.com). Use an allowed audience.',
        },
        {
          resource: 'IrsaPreviewRole',
          identity: 'TestStack/IrsaPreviewRole',
          detail: `Condition::${EKS_ISSUER}:sub`,
          message: `Role IrsaPreviewRole: OIDC condition ${EKS_ISSUER}:sub cannot be verified until apply: the value is output of kubernetes:core/v1:ServiceAccount.`,
          pending: true,
        },
      ],
    },
    {
      name: 'a third-party account the catalog does not list, without sts:ExternalId',
      catalog: trusting,
      model: roleWith('VendorRole', trust({ Principal: { AWS: 'arn:aws:iam::999988887777:root' } })),
      findings: [
        {
          resource: 'VendorRole',
          identity: 'TestStack/VendorRole',
          detail: 'Account::999988887777',
          message:
            'Role VendorRole trusts account 999988887777 (arn:aws:iam::999988887777:root), which the catalog (test-catalog.yaml) does not list ' +
            'under trust.accounts (listed: 111122223333). Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
        {
          resource: 'VendorRole',
          identity: 'TestStack/VendorRole',
          detail: 'Condition::sts:ExternalId',
          message:
            'Role VendorRole trusts third-party account 999988887777 without an sts:ExternalId condition, so the third party can be tricked ' +
            'into using its access on your behalf (confused deputy). Add Condition StringEquals sts:ExternalId: <the id the third party issued you>.',
        },
      ],
    },
    {
      name: 'a third-party account whose trust requires MFA needs no sts:ExternalId: its service, the confused deputy, signs in without MFA',
      catalog: trusting,
      model: roleWith(
        'AuditorRole',
        trust({
          Principal: { AWS: 'arn:aws:iam::999988887777:root' },
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      ),
      findings: [
        {
          resource: 'AuditorRole',
          identity: 'TestStack/AuditorRole',
          detail: 'Account::999988887777',
          message:
            'Role AuditorRole trusts account 999988887777 (arn:aws:iam::999988887777:root), which the catalog (test-catalog.yaml) does not list ' +
            'under trust.accounts (listed: 111122223333). Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
      ],
    },
    {
      name: 'BoolIfExists on aws:MultiFactorAuthPresent, or MFA required as false, still asks for an sts:ExternalId',
      catalog: trusting,
      model: roleWith('LooseRole', {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::999988887777:root' },
            Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { AWS: 'arn:aws:iam::999988887776:root' },
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
          },
        ],
      }),
      findings: [
        {
          resource: 'LooseRole',
          identity: 'TestStack/LooseRole',
          detail: 'Account::999988887776',
          message:
            'Role LooseRole trusts account 999988887776 (arn:aws:iam::999988887776:root), which the catalog (test-catalog.yaml) does not list ' +
            'under trust.accounts (listed: 111122223333). Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
        {
          resource: 'LooseRole',
          identity: 'TestStack/LooseRole',
          detail: 'Account::999988887777',
          message:
            'Role LooseRole trusts account 999988887777 (arn:aws:iam::999988887777:root), which the catalog (test-catalog.yaml) does not list ' +
            'under trust.accounts (listed: 111122223333). Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
        {
          resource: 'LooseRole',
          identity: 'TestStack/LooseRole',
          detail: 'Condition::sts:ExternalId',
          message:
            'Role LooseRole trusts third-party account 999988887776 without an sts:ExternalId condition, so the third party can be tricked ' +
            'into using its access on your behalf (confused deputy). Add Condition StringEquals sts:ExternalId: <the id the third party issued you>.',
        },
        {
          resource: 'LooseRole',
          identity: 'TestStack/LooseRole',
          detail: 'Condition::sts:ExternalId',
          message:
            'Role LooseRole trusts third-party account 999988887777 without an sts:ExternalId condition, so the third party can be tricked ' +
            'into using its access on your behalf (confused deputy). Add Condition StringEquals sts:ExternalId: <the id the third party issued you>.',
        },
      ],
    },
    {
      name: 'a bare 12-digit account id with an ExternalId is still an account nobody listed',
      catalog: trusting,
      model: roleWith(
        'DatadogRole',
        trust({ Principal: { AWS: '464622532012' }, Condition: { StringEquals: { 'sts:ExternalId': 'a1b2c3' } } }),
      ),
      findings: [
        {
          resource: 'DatadogRole',
          identity: 'TestStack/DatadogRole',
          detail: 'Account::464622532012',
          message:
            'Role DatadogRole trusts account 464622532012 (464622532012), which the catalog (test-catalog.yaml) does not list ' +
            'under trust.accounts (listed: 111122223333). Add the account with its owner to the catalog after review, or remove it from the trust policy.',
        },
      ],
    },
    {
      name: 'without a catalog a cross-account role cannot be checked against trusted accounts',
      catalog: defaultCatalog(),
      model: roleWith('CrossRole', trust({ Principal: { AWS: 'arn:aws:iam::111122223333:role/deployer' } })),
      findings: [
        {
          resource: 'CrossRole',
          identity: 'TestStack/CrossRole',
          detail: 'Account::111122223333',
          message:
            'Role CrossRole trusts account 111122223333 (arn:aws:iam::111122223333:role/deployer), but no catalog was given, so the account ' +
            'cannot be checked against trusted accounts. Pass a catalog that lists it under trust.accounts.',
        },
      ],
    },
    {
      name: 'a principal that is an unresolved token is pending, never trusted',
      model: roleWith('TokenRole', trust({ Principal: { AWS: unknownValue('Fn::GetAtt Deployer.Arn') } })),
      findings: [
        {
          resource: 'TokenRole',
          identity: 'TestStack/TokenRole',
          message: 'Trust of role TokenRole cannot be verified until apply: principal is Fn::GetAtt Deployer.Arn.',
          pending: true,
        },
      ],
    },
    {
      name: 'a principal that is neither an account id nor an ARN (an IAM unique id)',
      model: roleWith('UniqueIdRole', trust({ Principal: { AWS: 'AROAEXAMPLEID123456' } })),
      findings: [
        {
          resource: 'UniqueIdRole',
          identity: 'TestStack/UniqueIdRole',
          detail: 'Principal::AROAEXAMPLEID123456',
          message:
            'Role UniqueIdRole trusts AWS principal "AROAEXAMPLEID123456", which is neither an account id nor an IAM ARN, so its account ' +
            'cannot be checked. Write it as arn:aws:iam::<account>:role/<name>.',
        },
      ],
    },
    {
      name: 'a trust policy that is a preview output is pending',
      model: roleWith('BadTrustRole', unknownValue('output of aws:iam/getPolicyDocument:getPolicyDocument')),
      findings: [
        {
          resource: 'BadTrustRole',
          identity: 'TestStack/BadTrustRole',
          message:
            'Trust policy of role BadTrustRole cannot be verified until apply: output of aws:iam/getPolicyDocument:getPolicyDocument.',
          pending: true,
        },
      ],
    },
  ],
});

// ---------- Azure AD federated identity credentials and GCP workload identity pool providers ----------

const GITHUB_URL = 'https://token.actions.githubusercontent.com';
const trustCatalog = catalog({
  trust: {
    accounts: [],
    oidc: [
      {
        issuer: 'token.actions.githubusercontent.com',
        subjects: [
          'repo:example-co/payments:ref:refs/heads/main',
          'repo:example-co/platform-infra:environment:production',
        ],
        audiences: ['sts.amazonaws.com'],
      },
    ],
  },
});
const azureApp = (name: string, credentials: Credential[]) =>
  identity('azure-service-principal', name, { credentials });
const gcpAccount = (name: string, credentials: Credential[]) => identity('gcp-service-account', name, { credentials });
const wip = (source: string, subject: string, attributeCondition?: Credential['attributeCondition']) => ({
  ...federated(source, GITHUB_URL, subject, {
    audiences: ['https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/providers/github'],
  }),
  ...(attributeCondition !== undefined ? { attributeCondition } : {}),
  source: ref('gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider', source),
});

ruleTester(rule, {
  valid: [
    {
      name: 'Azure: a federated credential for a catalog subject and audience',
      catalog: trustCatalog,
      model: model({
        identities: [
          azureApp('payments-deploy', [
            federated('payments-main', GITHUB_URL, 'repo:example-co/payments:ref:refs/heads/main', {
              audiences: ['api://AzureADTokenExchange'],
            }),
          ]),
        ],
      }),
    },
    {
      name: 'GCP: a provider with an attribute condition, the account bound to one catalog subject',
      catalog: trustCatalog,
      model: model({
        identities: [
          gcpAccount('infra-deployer', [
            wip(
              'github-provider',
              'repo:example-co/platform-infra:environment:production',
              'assertion.repository_owner == "example-co"',
            ),
          ]),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Azure: a subject the catalog does not list, an audience it does not allow',
      catalog: trustCatalog,
      model: model({
        identities: [
          azureApp('payments-deploy', [
            federated('payments-pr', GITHUB_URL, 'repo:example-co/payments:pull_request', {
              audiences: ['api://other'],
            }),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'payments-pr',
          identity: 'TestStack/payments-deploy',
          detail: 'Audience::api://other',
          message: `Federated credential payments-pr of payments-deploy accepts audience "api://other" from ${GITHUB_URL}, which the catalog does not allow for that issuer (allowed: sts.amazonaws.com, api://AzureADTokenExchange). Use an allowed audience.`,
        },
        {
          resource: 'payments-pr',
          identity: 'TestStack/payments-deploy',
          detail: 'Subject::repo:example-co/payments:pull_request',
          message: `Federated credential payments-pr lets subject "repo:example-co/payments:pull_request" from ${GITHUB_URL} act as payments-deploy, which the catalog does not allow for that issuer (allowed: repo:example-co/payments:ref:refs/heads/main, repo:example-co/platform-infra:environment:production). Use an allowed subject, or add this one to trust.oidc after review.`,
        },
      ],
    },
    {
      name: 'Azure: an issuer the catalog does not list',
      catalog: trustCatalog,
      model: model({
        identities: [
          azureApp('gitlab-deploy', [
            federated('gitlab', 'https://gitlab.com', 'project_path:example-co/app:ref_type:branch:ref:main'),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'gitlab',
          identity: 'TestStack/gitlab-deploy',
          detail: 'Federated::https://gitlab.com',
          message:
            'Federated credential gitlab lets tokens from issuer https://gitlab.com act as gitlab-deploy, but the catalog (test-catalog.yaml) does not list that issuer under trust.oidc. Add the issuer with its allowed subjects to the catalog after review, or remove the credential.',
        },
      ],
    },
    {
      name: 'GCP: a provider without an attribute condition, the whole pool bound to the account',
      catalog: trustCatalog,
      model: model({ identities: [gcpAccount('infra-deployer', [wip('github-provider', '*')])] }),
      findings: [
        {
          resource: 'github-provider',
          identity: 'TestStack/infra-deployer',
          detail: 'Condition::attributeCondition',
          message: `Workload identity pool provider github-provider (issuer ${GITHUB_URL}) has no attribute condition, so a token for any repository or workload of that issuer is accepted by the pool, and infra-deployer trusts the pool. Set attributeCondition, e.g. assertion.repository_owner == "<your org>" && assertion.repository == "<org>/<repo>".`,
        },
        {
          resource: 'github-provider',
          identity: 'TestStack/infra-deployer',
          detail: 'Subject::*',
          message: `Federated credential github-provider lets subject "*" from ${GITHUB_URL} act as infra-deployer: that matches every subject of the issuer. Bind the exact subject of the one workload (principal://…/subject/<subject>, or a principalSet on one repository).`,
        },
      ],
    },
    {
      name: 'GCP: a repository-wide principalSet with no catalog given; a subject known only at apply is pending',
      catalog: defaultCatalog(),
      model: model({
        identities: [
          gcpAccount('infra-deployer', [
            wip('github-provider', 'repo:example-co/payments:*', 'assertion.repository_owner == "example-co"'),
          ]),
          azureApp('late-app', [
            federated(
              'late-fic',
              GITHUB_URL,
              unknownValue(
                'late-fic.subject (output of random:index/randomPet:RandomPet env) is not known until apply',
              ),
            ),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'github-provider',
          identity: 'TestStack/infra-deployer',
          detail: 'Subject::repo:example-co/payments:*',
          message: `Federated credential github-provider lets subject "repo:example-co/payments:*" from ${GITHUB_URL} act as infra-deployer, but no catalog was given, so the subject cannot be checked against trusted OIDC subjects. Pass a catalog that lists the issuer and its subjects under trust.oidc.`,
        },
        {
          resource: 'late-fic',
          identity: 'TestStack/late-app',
          detail: 'Federated::unknown',
          pending: true,
          message:
            'Federated credential late-fic of late-app cannot be verified until apply: subject late-fic.subject (output of random:index/randomPet:RandomPet env) is not known until apply.',
        },
      ],
    },
  ],
});
