import { defaultCatalog } from '../../catalog/index.js';
import rule from '../../src/rules/require-owner.js';
import { catalog, identity, model, role, secret, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const OWNERS = [{ id: 'team-payments' }, { id: 'team-platform' }];
const withOwners = catalog({ owners: OWNERS });

ruleTester(rule, {
  valid: [
    {
      name: 'a role tagged with an owner the catalog knows',
      catalog: withOwners,
      model: model({ identities: [role('PaymentsApi', { tags: { owner: 'team-payments' } })] }),
    },
    {
      name: 'a catalog identity record supplies the owner of an untagged role',
      catalog: catalog({
        owners: OWNERS,
        identities: [{ id: 'payments-api', match: { name: 'payments-api-*' }, owner: 'team-payments', class: 'service', entitlements: [] }],
      }),
      model: model({ identities: [role('payments-api-prod')] }),
    },
    {
      name: 'an Azure AD owner recorded by the platform counts when the catalog knows it',
      catalog: catalog({ owners: [{ id: 'alice@example.com' }] }),
      model: model({ identities: [identity('azure-application', 'PaymentsApp', { platformOwners: ['alice@example.com'] })] }),
    },
    {
      name: 'the catalog may name its own owner tag key',
      catalog: catalog({ owners: OWNERS, tags: { ...withOwners.tags, owner: 'team' } }),
      model: model({ secrets: [secret('DbPassword', { tags: { team: 'team-platform' } })] }),
    },
    {
      name: 'without a catalog any owner tag is accepted, since there is nothing to check it against',
      catalog: defaultCatalog(),
      model: model({ identities: [role('AppRole', { tags: { owner: 'team-anything' } })] }),
    },
  ],
  invalid: [
    {
      name: 'a role with no owner at all',
      catalog: withOwners,
      model: model({ identities: [role('OrphanRole')] }),
      findings: [
        {
          resource: 'OrphanRole',
          identity: 'TestStack/OrphanRole',
          detail: 'Owner::missing',
          message:
            "Role OrphanRole has no owner. Tag it owner: <owner> with one of the catalog's owners (team-payments, team-platform), " +
            'or add a catalog identity record with an owner.',
        },
      ],
    },
    {
      name: 'a secret is held to the same rule as an identity',
      catalog: withOwners,
      model: model({ secrets: [secret('ApiToken', { rotationDays: 30 })] }),
      findings: [
        {
          resource: 'ApiToken',
          identity: 'TestStack/ApiToken',
          detail: 'Owner::missing',
          message:
            "Secret ApiToken has no owner. Tag it owner: <owner> with one of the catalog's owners (team-payments, team-platform), " +
            'or add a catalog identity record with an owner.',
        },
      ],
    },
    {
      name: 'an owner tag naming a team the catalog does not know',
      catalog: withOwners,
      model: model({ identities: [user('ci-bot', { tags: { owner: 'team-paymnets' } })] }),
      findings: [
        {
          resource: 'ci-bot',
          identity: 'TestStack/ci-bot',
          detail: 'Owner::team-paymnets',
          message:
            'User ci-bot names owner "team-paymnets", which is not an owner the catalog (test-catalog.yaml) knows ' +
            '(known: team-payments, team-platform). Use one of the known owners, or add "team-paymnets" to the catalog\'s owners.',
        },
      ],
    },
    {
      name: 'a blank owner tag is no owner',
      catalog: withOwners,
      model: model({ identities: [role('BlankOwner', { tags: { owner: '  ' } })] }),
      findings: [
        {
          resource: 'BlankOwner',
          identity: 'TestStack/BlankOwner',
          detail: 'Owner::missing',
          message:
            "Role BlankOwner has no owner. Tag it owner: <owner> with one of the catalog's owners (team-payments, team-platform), " +
            'or add a catalog identity record with an owner.',
        },
      ],
    },
    {
      name: 'a catalog with no owners listed says so instead of listing nothing',
      model: model({ identities: [identity('gcp-service-account', 'etl-runner', { tags: { owner: 'data' } })] }),
      findings: [
        {
          resource: 'etl-runner',
          identity: 'TestStack/etl-runner',
          detail: 'Owner::data',
          message:
            'Service account etl-runner names owner "data", which is not an owner the catalog (test-catalog.yaml) knows (known: none). ' +
            'Use one of the known owners, or add "data" to the catalog\'s owners.',
        },
      ],
    },
    {
      name: 'without a catalog an owner tag is still required, and the message says owners cannot be checked',
      catalog: defaultCatalog(),
      model: model({ identities: [role('LambdaRole')] }),
      findings: [
        {
          resource: 'LambdaRole',
          identity: 'TestStack/LambdaRole',
          detail: 'Owner::missing',
          message:
            'Role LambdaRole has no owner. Tag it owner: <team>. No catalog was given, so owners cannot be checked against ' +
            'known owners; pass a catalog that lists them.',
        },
      ],
    },
  ],
});
