import { defaultCatalog } from '../../catalog/index.js';
import rule from '../../src/rules/require-owner.js';
import { catalog, identity, model, role, secret, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const OWNERS = [{ id: 'team-payments' }, { id: 'team-platform' }];
const withOwners = catalog({ owners: OWNERS });

ruleTester(rule, {
  valid: [
    {
      name: 'a role the change only grants to (external): defined elsewhere, its owner tag unseen, not judged here',
      catalog: withOwners,
      model: model({
        identities: [
          {
            ...role('existing-role', {
              policies: [{ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }],
            }),
            external: true,
          },
        ],
      }),
    },
    {
      name: 'a role tagged with an owner the catalog knows',
      catalog: withOwners,
      model: model({ identities: [role('PaymentsApi', { tags: { owner: 'team-payments' } })] }),
    },
    {
      name: 'a catalog identity record supplies the owner of an untagged role',
      catalog: catalog({
        owners: OWNERS,
        identities: [
          {
            id: 'payments-api',
            match: { name: 'payments-api-*' },
            owner: 'team-payments',
            class: 'service',
            entitlements: [],
          },
        ],
      }),
      model: model({ identities: [role('payments-api-prod')] }),
    },
    {
      name: 'an Azure AD owner recorded by the platform counts when the catalog knows it',
      catalog: catalog({ owners: [{ id: 'alice@example.com' }] }),
      model: model({
        identities: [identity('azure-application', 'PaymentsApp', { platformOwners: ['alice@example.com'] })],
      }),
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
      name: 'an owner tag the deployment sets is pending, naming what sets it',
      catalog: withOwners,
      model: model({
        identities: [
          {
            ...role('ChosenOwner', { tags: { 'identity-class': 'service' } }),
            deploymentTags: {
              owner: 'Ref Owner (a parameter the deployment may set to a value other than its default)',
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'ChosenOwner',
          identity: 'TestStack/ChosenOwner',
          detail: 'Owner::deployment',
          pending: true,
          message:
            'Role ChosenOwner takes its owner tag from Ref Owner (a parameter the deployment may set to a value other than its ' +
            "default): which owner it names is known only at deployment. Give the deployment's values (--parameters), write the " +
            "tag as one of the catalog's owners (team-payments, team-platform), or add a catalog identity record with an owner.",
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
    {
      name: 'an IAM group takes no tags: only a catalog identity record can name its owner, with a catalog or without',
      catalog: withOwners,
      model: model({ identities: [identity('aws-group', 'Operators')] }),
      findings: [
        {
          resource: 'Operators',
          identity: 'TestStack/Operators',
          detail: 'Owner::missing',
          message:
            'Group Operators has no owner, and a group takes no tags: add a catalog identity record that matches it, ' +
            "with one of the catalog's owners (team-payments, team-platform) as its owner.",
        },
      ],
    },
    {
      name: 'a Google service account without a catalog: no tag to ask for, the catalog record is',
      catalog: defaultCatalog(),
      model: model({ identities: [identity('gcp-service-account', 'etl-runner')] }),
      findings: [
        {
          resource: 'etl-runner',
          identity: 'TestStack/etl-runner',
          detail: 'Owner::missing',
          message:
            'Service account etl-runner has no owner, and a service account takes no tags: only a catalog identity ' +
            'record can name its owner. No catalog was given; pass a catalog that records it and its owner.',
        },
      ],
    },
  ],
});

// ---------- Azure AD owners, Kubernetes labels and annotations, Google Cloud catalog records ----------

ruleTester(rule, {
  valid: [
    {
      name: 'an Azure AD service principal whose owner (a group of the change) is a catalog owner',
      catalog: withOwners,
      model: model({
        identities: [identity('azure-service-principal', 'payments-deploy', { platformOwners: ['team-payments'] })],
      }),
    },
    {
      name: 'a Kubernetes service account with the owner label, a Secret with the owner annotation',
      catalog: withOwners,
      model: model({
        identities: [
          identity('k8s-service-account', 'payments-api', {
            tags: { owner: 'team-payments', 'app.kubernetes.io/name': 'payments-api' },
          }),
        ],
        secrets: [secret('payments-config', { cloud: 'kubernetes', tags: { owner: 'team-platform' } })],
      }),
    },
    {
      name: 'a GCP service account (no labels on the API) owned through a catalog record for its cloud',
      catalog: catalog({
        owners: OWNERS,
        identities: [
          {
            id: 'analytics-etl',
            match: { name: 'analytics-etl', cloud: 'gcp' },
            owner: 'team-platform',
            class: 'service',
            entitlements: [],
          },
        ],
      }),
      model: model({ identities: [identity('gcp-service-account', 'analytics-etl')] }),
    },
  ],
  invalid: [
    {
      name: 'an Azure AD application owned by an object id the catalog does not know',
      catalog: withOwners,
      model: model({
        identities: [
          identity('azure-application', 'legacy-app', { platformOwners: ['7f3c1c52-0000-4000-8000-000000000001'] }),
        ],
      }),
      findings: [
        {
          resource: 'legacy-app',
          identity: 'TestStack/legacy-app',
          detail: 'Owner::7f3c1c52-0000-4000-8000-000000000001',
          message:
            'Application legacy-app names owner "7f3c1c52-0000-4000-8000-000000000001", which is not an owner the catalog (test-catalog.yaml) knows (known: team-payments, team-platform). Use one of the known owners, or add "7f3c1c52-0000-4000-8000-000000000001" to the catalog\'s owners.',
        },
      ],
    },
    {
      name: 'a Kubernetes service account and a GCP service account without any owner; a catalog record for another cloud does not apply',
      catalog: catalog({
        owners: OWNERS,
        identities: [
          {
            id: 'analytics-etl',
            match: { name: 'analytics-etl', cloud: 'aws' },
            owner: 'team-platform',
            class: 'service',
            entitlements: [],
          },
        ],
      }),
      model: model({
        identities: [identity('k8s-service-account', 'batch-runner'), identity('gcp-service-account', 'analytics-etl')],
      }),
      findings: [
        {
          resource: 'analytics-etl',
          identity: 'TestStack/analytics-etl',
          detail: 'Owner::missing',
          message:
            "Service account analytics-etl has no owner, and a service account takes no tags: add a catalog identity record that matches it, with one of the catalog's owners (team-payments, team-platform) as its owner.",
        },
        {
          resource: 'batch-runner',
          identity: 'TestStack/batch-runner',
          detail: 'Owner::missing',
          message:
            "Service account batch-runner has no owner. Label or annotate it owner: <owner> with one of the catalog's owners (team-payments, team-platform), or add a catalog identity record with an owner.",
        },
      ],
    },
  ],
});
