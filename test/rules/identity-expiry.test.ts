import rule from '../../src/rules/identity-expiry.js';
import { catalog, model, role, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

// The tester's clock is 2026-11-26T12:00:00Z.
const recordCatalog = catalog({
  owners: [{ id: 'team-data' }],
  identities: [
    {
      id: 'migration-2026',
      match: { name: 'migration-*' },
      owner: 'team-data',
      class: 'workload',
      entitlements: [],
      expires: '2026-10-31',
    },
  ],
});

ruleTester(rule, {
  valid: [
    { name: 'an identity without an expiry', model: model({ identities: [role('AppRole')] }) },
    {
      name: 'an expiry tag in the future',
      model: model({ identities: [role('TempRole', { tags: { expires: '2027-06-30' } })] }),
    },
    {
      name: 'a date-only expiry is valid through the end of that day (UTC)',
      model: model({ identities: [role('TodayRole', { tags: { expires: '2026-11-26' } })] }),
    },
    {
      name: 'an ISO timestamp later today',
      model: model({ identities: [role('LaterRole', { tags: { expires: '2026-11-26T18:00:00Z' } })] }),
    },
  ],
  invalid: [
    {
      name: 'an expiry tag a deployment sets is pending, naming what sets it: a deployment may pass a past date',
      model: model({
        identities: [
          {
            ...role('TempRole'),
            deploymentTags: {
              expires: 'Ref Expiry (a parameter the deployment may set to a value other than its default)',
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'TempRole',
          identity: 'TestStack/TempRole',
          detail: 'Expires::deployment',
          pending: true,
          message:
            'TempRole takes its expires tag from Ref Expiry (a parameter the deployment may set to a value other than its ' +
            "default): whether it has expired is known only at deployment. Give the deployment's values (--parameters), " +
            'write the tag as a date, or record the expiry in its catalog identity record.',
        },
      ],
    },
    {
      name: 'a catalog record that expired last month',
      catalog: recordCatalog,
      model: model({ identities: [role('migration-runner')] }),
      findings: [
        {
          resource: 'migration-runner',
          identity: 'TestStack/migration-runner',
          detail: 'Expires::2026-10-31',
          message:
            'migration-runner expired on 2026-10-31 (26 days ago, per catalog identity migration-2026). Remove it, or have its owner review it and set a new expiry date.',
        },
      ],
    },
    {
      name: 'an expiry tag from yesterday',
      model: model({ identities: [user('contractor-sync', { tags: { expires: '2026-11-25' } })] }),
      findings: [
        {
          resource: 'contractor-sync',
          identity: 'TestStack/contractor-sync',
          detail: 'Expires::2026-11-25',
          message:
            'contractor-sync expired on 2026-11-25 (1 day ago, per tag expires). Remove it, or have its owner review it and set a new expiry date.',
        },
      ],
    },
    {
      name: 'a timestamp that passed earlier today',
      model: model({ identities: [role('MorningRole', { tags: { expires: '2026-11-26T08:00:00Z' } })] }),
      findings: [
        {
          resource: 'MorningRole',
          identity: 'TestStack/MorningRole',
          detail: 'Expires::2026-11-26T08:00:00Z',
          message:
            'MorningRole expired on 2026-11-26T08:00:00Z (earlier today, per tag expires). Remove it, or have its owner review it and set a new expiry date.',
        },
      ],
    },
    {
      name: 'an expiry tag that is not a date fails closed',
      model: model({ identities: [role('SoonRole', { tags: { expires: 'end of Q3' } })] }),
      findings: [
        {
          resource: 'SoonRole',
          identity: 'TestStack/SoonRole',
          detail: 'Expires::end of Q3',
          message:
            'SoonRole has expiry "end of Q3" (tag expires), which is not a date, so it can never be checked. Write a date like 2027-06-30.',
        },
      ],
    },
    {
      name: 'an impossible calendar date is not a date',
      model: model({ identities: [role('FebRole', { tags: { expires: '2027-02-30' } })] }),
      findings: [
        {
          resource: 'FebRole',
          identity: 'TestStack/FebRole',
          detail: 'Expires::2027-02-30',
          message:
            'FebRole has expiry "2027-02-30" (tag expires), which is not a date, so it can never be checked. Write a date like 2027-06-30.',
        },
      ],
    },
  ],
});
