import rule from '../../src/rules/break-glass-isolation.js';
import { unknownValue } from '../../src/model/model.js';
import { catalog, identity, model, ref, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const BREAK_GLASS = { 'identity-class': 'break-glass' };
const SAML = 'arn:aws:iam::${AWS::AccountId}:saml-provider/Okta';
const trust = (principal: Record<string, unknown>, action = 'sts:AssumeRole') => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Principal: principal }],
});

ruleTester(rule, {
  valid: [
    {
      name: 'a break-glass role assumed through SAML only',
      model: model({ identities: [role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML') })] }),
    },
    {
      name: 'a break-glass user with a vaulted console password (the default class allows passwords)',
      model: model({ identities: [user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile'] })] }),
    },
    {
      name: 'a break-glass role assumable by a human role of the same account',
      model: model({
        identities: [
          role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ AWS: 'arn:aws:iam::${AWS::AccountId}:role/SecurityOnCall' }) }),
          role('SecurityOnCall', { tags: { 'identity-class': 'human' } }),
        ],
      }),
    },
    {
      name: 'a workload role on compute is not break-glass',
      model: model({ identities: [role('AppRole', { tags: { 'identity-class': 'workload' }, attachments: ['lambda'], trust: trust({ Service: 'lambda.amazonaws.com' }) })] }),
    },
  ],
  invalid: [
    {
      name: 'a break-glass role used as a Lambda execution role',
      model: model({ identities: [role('BreakGlass', { tags: BREAK_GLASS, attachments: ['lambda'], trust: trust({ Service: 'lambda.amazonaws.com' }) })] }),
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
            trust: trust({ Federated: 'arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }, 'sts:AssumeRoleWithWebIdentity'),
          }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com',
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
          role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ AWS: ['arn:aws:iam::${AWS::AccountId}:role/SupportAgent'] }) }),
          role('SupportAgent', { tags: { 'identity-class': 'agent' } }),
        ],
      }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          detail: 'Principal::arn:aws:iam::${AWS::AccountId}:role/SupportAgent',
          message:
            'Break-glass role BreakGlass can be assumed by SupportAgent (arn:aws:iam::${AWS::AccountId}:role/SupportAgent), an identity of class agent. ' +
            'Remove it from the trust policy; no workload, service or agent may reach break-glass.',
        },
      ],
    },
    {
      name: 'a break-glass user holding an access key',
      model: model({ identities: [user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile', 'aws-access-key'] })] }),
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
        return catalog({ classes: { ...base.classes, 'break-glass': { ...base.classes['break-glass'], credentials: ['federated'] } } });
      })(),
      model: model({ identities: [user('break-glass-admin', { tags: BREAK_GLASS, credentials: ['aws-login-profile'] })] }),
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
                source: ref('azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential', 'emergency-app-github'),
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
      model: model({ identities: [role('BreakGlass', { tags: BREAK_GLASS, trust: trust({ AWS: unknownValue('output of aws:iam/role:Role') }) })] }),
      findings: [
        {
          resource: 'BreakGlass',
          identity: 'TestStack/BreakGlass',
          message: 'Isolation of break-glass role BreakGlass cannot be verified until apply: principal is output of aws:iam/role:Role.',
          pending: true,
        },
      ],
    },
  ],
});
