import rule from '../../src/rules/human-federated.js';
import { catalog, model, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const HUMAN = { 'identity-class': 'human' };

ruleTester(rule, {
  valid: [
    {
      name: 'a human role assumed through SAML federation',
      model: model({
        identities: [
          role('AdminSso', {
            tags: HUMAN,
            trust: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithSAML', Principal: { Federated: 'arn:aws:iam::${AWS::AccountId}:saml-provider/Okta' } }] },
          }),
        ],
      }),
    },
    { name: 'an IAM user of class service is not a person (no-long-lived-credentials covers its keys)', model: model({ identities: [user('sftp-sync', { tags: { 'identity-class': 'service' } })] }) },
    { name: 'an IAM user with no class is left to require-entitlement', model: model({ identities: [user('mystery')] }) },
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
        identities: [{ id: 'ops-people', match: { name: 'ops-*' }, owner: 'team-ops', class: 'human', entitlements: [] }],
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
