import rule from '../../src/rules/human-federated.js';
import { catalog, model, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const HUMAN = { 'identity-class': 'human' };
const OKTA = 'arn:aws:iam::<own-account>:saml-provider/Okta';
/** Okta enforces MFA on every sign-in, as the catalog declares. */
const MFA_IDP = catalog({
  trust: {
    accounts: [],
    oidc: [],
    identityProviders: [{ provider: 'arn:aws:iam::*:saml-provider/Okta', enforcesMfa: true }],
  },
});
const samlTrust = {
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: OKTA } }],
};

ruleTester(rule, {
  valid: [
    {
      // Its condition ended it (aws:CurrentTime before a day that has passed): written, but admitting nobody.
      name: 'a human role trusted by an account without MFA in a statement whose time condition ended before now',
      model: model({
        identities: [
          role('Operator', {
            tags: HUMAN,
            trust: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                },
              ],
            },
          }),
        ],
      }),
    },
    {
      name: 'a human role assumed through SAML federation with an identity provider the catalog declares MFA-enforcing',
      catalog: MFA_IDP,
      model: model({ identities: [role('AdminSso', { tags: HUMAN, trust: samlTrust })] }),
    },
    {
      name: 'a human role assumed from another role with MFA required (aws:MultiFactorAuthAge)',
      model: model({
        identities: [
          role('Operator', {
            tags: HUMAN,
            trust: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
                },
              ],
            },
          }),
        ],
      }),
    },
    {
      name: 'an IAM user of class service is not a person (no-long-lived-credentials covers its keys)',
      model: model({ identities: [user('sftp-sync', { tags: { 'identity-class': 'service' } })] }),
    },
    {
      name: 'an IAM user with no class is left to require-entitlement',
      model: model({ identities: [user('mystery')] }),
    },
    {
      name: 'a catalog that lets humans be local users (federated: false) is followed',
      catalog: (() => {
        const base = catalog();
        return catalog({ classes: { ...base.classes, human: { ...base.classes.human, federated: false } } });
      })(),
      model: model({ identities: [user('alice', { tags: HUMAN })] }),
    },
  ],
  invalid: [
    {
      // The statement that ended in June admits nobody; the one that ends in 2027 is judged as written.
      name: 'a human role trusted without MFA in a statement whose time condition has not ended yet; an ended one is not judged',
      model: model({
        identities: [
          role('Operator', {
            tags: HUMAN,
            trust: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                },
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::444455556666:root' },
                  Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
                },
              ],
            },
          }),
        ],
      }),
      findings: [
        {
          resource: 'Operator',
          identity: 'TestStack/Operator',
          detail: 'Mfa::arn:aws:iam::444455556666:root',
          message:
            'Role Operator of class human can be signed into without MFA, which the class requires: arn:aws:iam::444455556666:root may assume it without MFA: ' +
            'the trust sets no aws:MultiFactorAuthPresent (Bool true) or aws:MultiFactorAuthAge condition. ' +
            'Add a condition "Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
        },
      ],
    },
    {
      name: 'mfa: true is read: a human role through a SAML provider not declared MFA-enforcing, and one trusted by an account without MFA',
      model: model({
        identities: [
          role('AdminSso', { tags: HUMAN, trust: samlTrust }),
          role('Operator', {
            tags: HUMAN,
            trust: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
                },
              ],
            },
          }),
        ],
      }),
      findings: [
        {
          resource: 'AdminSso',
          identity: 'TestStack/AdminSso',
          detail: `Mfa::${OKTA}`,
          message:
            `Role AdminSso of class human can be signed into without MFA, which the class requires: SAML provider ${OKTA} is not declared MFA-enforcing in the ` +
            'catalog (trust.identityProviders), and the trust sets no MFA condition. Add a condition "Bool": {"aws:MultiFactorAuthPresent": "true"} to that trust ' +
            'statement, or declare the identity provider MFA-enforcing in the catalog.',
        },
        {
          resource: 'Operator',
          identity: 'TestStack/Operator',
          detail: 'Mfa::arn:aws:iam::111122223333:root',
          message:
            'Role Operator of class human can be signed into without MFA, which the class requires: arn:aws:iam::111122223333:root may assume it without MFA: ' +
            'the trust sets no aws:MultiFactorAuthPresent (Bool true) or aws:MultiFactorAuthAge condition. Add a condition "Bool": {"aws:MultiFactorAuthPresent": "true"} ' +
            'to that trust statement, or declare the identity provider MFA-enforcing in the catalog.',
        },
      ],
    },
    {
      name: 'a person created as a local IAM user (AWS IAM best practice: federate human users)',
      model: model({ identities: [user('alice', { tags: HUMAN, credentials: ['aws-login-profile'] })] }),
      findings: [
        {
          resource: 'alice',
          identity: 'TestStack/alice',
          detail: 'IdentityKind::aws-user',
          message:
            'IAM user alice is a local user for class human, which must be federated. Remove the user and grant the person a role ' +
            'assumed through the identity provider (IAM Identity Center or a SAML/OIDC trust).',
        },
      ],
    },
    {
      name: 'the class can come from the catalog record instead of a tag',
      catalog: catalog({
        owners: [{ id: 'team-ops' }],
        identities: [
          { id: 'ops-people', match: { name: 'ops-*' }, owner: 'team-ops', class: 'human', entitlements: [] },
        ],
      }),
      model: model({ identities: [user('ops-bob')] }),
      findings: [
        {
          resource: 'ops-bob',
          identity: 'TestStack/ops-bob',
          detail: 'IdentityKind::aws-user',
          message:
            'IAM user ops-bob is a local user for class human, which must be federated. Remove the user and grant the person a role ' +
            'assumed through the identity provider (IAM Identity Center or a SAML/OIDC trust).',
        },
      ],
    },
  ],
});
