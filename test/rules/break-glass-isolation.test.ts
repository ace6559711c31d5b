import rule from '../../src/rules/break-glass-isolation.js';
import { unknownValue } from '../../src/model/model.js';
import { allow, catalog, identity, model, ref, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const BREAK_GLASS = { 'identity-class': 'break-glass' };
const SAML = 'arn:aws:iam::<own-account>:saml-provider/Okta';
const trust = (principal: Record<string, unknown>, action = 'sts:AssumeRole') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Principal: principal }],
});

/** A catalog whose identity provider Okta enforces MFA on every sign-in. */
const MFA_IDP = catalog({
  trust: {
    accounts: [],
    oidc: [],
    identityProviders: [{ provider: 'arn:aws:iam::*:saml-provider/Okta', enforcesMfa: true }],
  },
});
const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const trustWith = (principal: Record<string, unknown>, condition: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal, Condition: condition }],
});
/**
 * A catalog that records the people's role SecurityOnCall (class human) by its name: only a class the catalog gives
 * lets an identity of the change reach break-glass; a class tag is the IaC author's claim.
 */
const ON_CALL_RECORDED = catalog({
  identities: [
    {
      id: 'security-on-call',
      match: { name: 'SecurityOnCall' },
      owner: 'team-security',
      class: 'human',
      entitlements: [],
    },
  ],
});
const CI_ASSUMES_ANY_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/*' }],
};

ruleTester(rule, {
  valid: [
    {
      // The condition also ended the statement (aws:CurrentTime before a day that has passed): it admits nobody.
      name: 'a role that tags itself human in a trust statement whose time condition ended before now reaches nothing',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trustWith(
              { AWS: 'arn:aws:iam::<own-account>:role/SecurityOnCall' },
              { ...MFA, DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
            ),
          }),
          role('SecurityOnCall', { uniqueName: true, tags: { 'identity-class': 'human' } }),
        ],
      }),
    },
    {
      name: 'a break-glass role assumed through SAML only, from an identity provider the catalog declares MFA-enforcing',
      catalog: MFA_IDP,
      model: model({
        identities: [
          role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML') }),
        ],
      }),
    },
    {
      name: 'a correct break-glass role: SAML with MFA, 1h sessions, AdministratorAccess, and a CI role that may assume only its deploy roles',
      catalog: MFA_IDP,
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            maxSessionSeconds: 3600,
            managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            trust: trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML'),
          }),
          role('CiRole', {
            tags: { 'identity-class': 'workload' },
            policies: [allow('sts:AssumeRole', 'arn:aws:iam::*:role/cdk-*')],
          }),
        ],
      }),
    },
    {
      name: 'a break-glass user with a vaulted console password (the default class allows passwords)',
      model: model({
        identities: [user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile'] })],
      }),
    },
    {
      name: 'a break-glass role assumable by a human role of the same account, with MFA',
      catalog: ON_CALL_RECORDED,
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trustWith({ AWS: 'arn:aws:iam::<own-account>:role/SecurityOnCall' }, MFA),
          }),
          role('SecurityOnCall', { uniqueName: true }),
        ],
      }),
    },
    {
      name: 'a workload role on compute is not break-glass',
      model: model({
        identities: [
          role('AppRole', {
            tags: { 'identity-class': 'workload' },
            attachments: ['lambda'],
            trust: trust({ Service: 'lambda.amazonaws.com' }),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      // An end in 2027 has not come: the statement is judged as written, and one that ended in June is not.
      name: 'a break-glass trust statement whose time condition has not ended yet is judged; an ended one is not',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::<own-account>:role/SecurityOnCall' },
                  Condition: { ...MFA, DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
                },
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::<own-account>:role/Deployer' },
                  Condition: { ...MFA, DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                },
              ],
            },
          }),
          role('SecurityOnCall', { uniqueName: true, tags: { 'identity-class': 'human' } }),
          role('Deployer', { uniqueName: true, tags: { 'identity-class': 'workload' } }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::<own-account>:role/SecurityOnCall',
          message:
            'Break-glass role BreakGlass can be assumed by SecurityOnCall (arn:aws:iam::<own-account>:role/SecurityOnCall), an ' +
            'identity of class human (claimed by the IaC; no catalog record gives it). Remove it from the trust policy; no ' +
            'workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'a role that tags itself human is no person the catalog knows: it may not reach break-glass on that tag',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trustWith({ AWS: 'arn:aws:iam::<own-account>:role/SecurityOnCall' }, MFA),
          }),
          role('SecurityOnCall', { uniqueName: true, tags: { 'identity-class': 'human' } }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::<own-account>:role/SecurityOnCall',
          message:
            'Break-glass role BreakGlass can be assumed by SecurityOnCall (arn:aws:iam::<own-account>:role/SecurityOnCall), an ' +
            'identity of class human (claimed by the IaC; no catalog record gives it). Remove it from the trust policy; no ' +
            'workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'root trust: every principal of the account may assume it, and a CI role allowed sts:AssumeRole on role/* reaches it',
      model: model({
        identities: [
          role('BreakGlass', { tags: BREAK_GLASS, trust: trustWith({ AWS: 'arn:aws:iam::<own-account>:root' }, MFA) }),
          role('CiRole', { tags: { 'identity-class': 'workload' }, policies: [CI_ASSUMES_ANY_ROLE] }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::<own-account>:root',
          message:
            'Break-glass role BreakGlass trusts account <own-account> (arn:aws:iam::<own-account>:root), which admits every principal of that account ' +
            "allowed sts:AssumeRole on it: workloads, CI and agents included (in this change: CiRole). Trust only the people's sign-in path instead: " +
            'a SAML or Identity Center provider, or named human roles, with MFA.',
        },
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Reach::CiRole',
          message:
            'Break-glass role BreakGlass can be reached by CiRole, an identity of class workload: CiRole is allowed sts:AssumeRole on arn:aws:iam::*:role/*, ' +
            'which matches arn:aws:iam::<own-account>:role/BreakGlass, and BreakGlass trusts account <own-account>. Remove that sts:AssumeRole grant or ' +
            'scope it to the roles it needs, and stop trusting the whole account; no workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'a bare account id in the trust is the account root too, and a literal account in the CI grant may be this one',
      model: model({
        identities: [
          role('BreakGlass', { tags: BREAK_GLASS, trust: trustWith({ AWS: '111122223333' }, MFA) }),
          role('Deployer', {
            tags: { 'identity-class': 'agent' },
            policies: [allow('sts:AssumeRole', 'arn:aws:iam::111122223333:role/*')],
          }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::111122223333',
          message:
            'Break-glass role BreakGlass trusts account 111122223333 (111122223333), which admits every principal of that account allowed sts:AssumeRole on it: ' +
            "workloads, CI and agents included (in this change: Deployer). Trust only the people's sign-in path instead: a SAML or Identity Center provider, " +
            'or named human roles, with MFA.',
        },
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Reach::Deployer',
          message:
            'Break-glass role BreakGlass can be reached by Deployer, an identity of class agent: Deployer is allowed sts:AssumeRole on arn:aws:iam::111122223333:role/*, ' +
            'which matches arn:aws:iam::<own-account>:role/BreakGlass, and BreakGlass trusts account 111122223333. Remove that sts:AssumeRole grant or scope it ' +
            'to the roles it needs, and stop trusting the whole account; no workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'a CI role defined in another stack, named in the trust and known to the catalog as a workload',
      catalog: catalog({
        owners: [{ id: 'team-platform' }],
        identities: [
          {
            id: 'ci-deployer',
            match: { name: 'ci-deployer' },
            owner: 'team-platform',
            class: 'workload',
            entitlements: [],
          },
        ],
      }),
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trustWith({ AWS: 'arn:aws:iam::111122223333:role/ci-deployer' }, MFA),
          }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::111122223333:role/ci-deployer',
          message:
            'Break-glass role BreakGlass can be assumed by arn:aws:iam::111122223333:role/ci-deployer, which is catalog identity ci-deployer of class workload ' +
            '(defined outside this change). Remove it from the trust policy; no workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'no MFA: a SAML provider the catalog does not declare MFA-enforcing, and a human role trusted without an MFA condition',
      catalog: ON_CALL_RECORDED,
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: SAML } },
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::<own-account>:role/SecurityOnCall' },
                },
              ],
            },
          }),
          role('SecurityOnCall', { uniqueName: true }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Mfa::arn:aws:iam::<own-account>:role/SecurityOnCall',
          message:
            'Break-glass role BreakGlass can be signed into without MFA, which class break-glass requires: arn:aws:iam::<own-account>:role/SecurityOnCall may ' +
            'assume it without MFA: the trust sets no aws:MultiFactorAuthPresent (Bool true) or aws:MultiFactorAuthAge condition. Add a condition ' +
            '"Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
        },
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Mfa::arn:aws:iam::<own-account>:saml-provider/Okta',
          message:
            'Break-glass role BreakGlass can be signed into without MFA, which class break-glass requires: SAML provider arn:aws:iam::<own-account>:saml-provider/Okta ' +
            'is not declared MFA-enforcing in the catalog (trust.identityProviders), and the trust sets no MFA condition. Add a condition ' +
            '"Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
        },
      ],
    },
    {
      name: 'a break-glass role used as a Lambda execution role',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            attachments: ['lambda'],
            trust: trust({ Service: 'lambda.amazonaws.com' }),
          }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::lambda.amazonaws.com',
          message:
            'Break-glass role BreakGlass can be assumed by AWS service lambda.amazonaws.com, so compute that service runs can act with it. ' +
            'Remove the service principal; break-glass is assumed by people, through federation with MFA.',
        },
        {
          resource: 'BreakGlassCompute',
          identity: 'TestStack/BreakGlass',
          detail: 'Attachment::lambda',
          message:
            'Break-glass identity BreakGlass is attached to compute (lambda BreakGlassCompute), so everything running there acts with its ' +
            'standing privilege. Detach it and give the compute its own workload role.',
        },
      ],
    },
    {
      name: 'a break-glass role GitHub Actions can assume through OIDC',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trust(
              { Federated: 'arn:aws:iam::<own-account>:oidc-provider/token.actions.githubusercontent.com' },
              'sts:AssumeRoleWithWebIdentity',
            ),
          }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::<own-account>:oidc-provider/token.actions.githubusercontent.com',
          message:
            'Break-glass role BreakGlass can be assumed with tokens from OIDC issuer token.actions.githubusercontent.com, the way CI and ' +
            'workloads sign in. Remove this trust; break-glass is assumed by people, through SAML or Identity Center federation.',
        },
      ],
    },
    {
      name: 'a break-glass role an agent role in the same change can assume',
      model: model({
        identities: [
          role('BreakGlass', {
            tags: BREAK_GLASS,
            trust: trust({ AWS: ['arn:aws:iam::<own-account>:role/SupportAgent'] }),
          }),
          role('SupportAgent', { tags: { 'identity-class': 'agent' } }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::<own-account>:role/SupportAgent',
          message:
            'Break-glass role BreakGlass can be assumed by SupportAgent (arn:aws:iam::<own-account>:role/SupportAgent), an identity of class agent. ' +
            'Remove it from the trust policy; no workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'a break-glass user holding an access key',
      model: model({
        identities: [
          user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile', 'aws-access-key'] }),
        ],
      }),
      findings: [
        {
          resource: 'break-glass-adminCredential',
          identity: 'TestStack/break-glass-admin',
          detail: 'Credential::aws-access-key',
          message:
            'Break-glass identity break-glass-admin holds aws-access-key break-glass-adminCredential, which class break-glass does not allow ' +
            '(allowed: federated, password): a stored key works for scripts as well as people. Remove it.',
        },
      ],
    },
    {
      name: 'a catalog that removes passwords from break-glass makes the console password a finding',
      catalog: (() => {
        const base = catalog();
        return catalog({
          classes: { ...base.classes, 'break-glass': { ...base.classes['break-glass'], credentials: ['federated'] } },
        });
      })(),
      model: model({
        identities: [user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile'] })],
      }),
      findings: [
        {
          resource: 'break-glass-adminCredential',
          identity: 'TestStack/break-glass-admin',
          detail: 'Credential::aws-login-profile',
          message:
            'Break-glass identity break-glass-admin holds aws-login-profile break-glass-adminCredential, which class break-glass does not allow ' +
            '(allowed: federated): a stored key works for scripts as well as people. Remove it.',
        },
      ],
    },
    {
      name: 'an Azure break-glass application with a federated credential for a CI pipeline',
      model: model({
        identities: [
          identity('azure-application', 'emergency-app', {
            tags: BREAK_GLASS,
            credentials: [
              {
                kind: 'federated',
                source: ref(
                  'azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential',
                  'emergency-app-github',
                ),
                issuer: 'https://token.actions.githubusercontent.com',
                subject: 'repo:example/ops:ref:refs/heads/main',
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'emergency-app-github',
          identity: 'TestStack/emergency-app',
          detail: 'Credential::federated',
          message:
            'Break-glass identity emergency-app accepts tokens from https://token.actions.githubusercontent.com for subject ' +
            'repo:example/ops:ref:refs/heads/main (federated credential emergency-app-github), so that workload can act as it. Remove the federated credential.',
        },
      ],
    },
    {
      name: 'a trust principal unknown during preview is pending',
      model: model({
        identities: [
          role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ AWS: unknownValue('output of aws:iam/role:Role') }) }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          message:
            'Isolation of break-glass role BreakGlass cannot be verified until apply: principal is output of aws:iam/role:Role.',
          pending: true,
        },
      ],
    },
  ],
});
