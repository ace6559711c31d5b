import rule from '../../src/rules/session-within-class.js';
import { unknownValue } from '../../src/model/model.js';
import { catalog, identity, model, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const HOUR = 3600;
const AGENT = { 'identity-class': 'agent' };
const HUMAN = { 'identity-class': 'human' };

/** A catalog that tightens agents to 15 minutes (token lifetimes elsewhere can be that short). */
const strictAgents = (() => {
  const base = catalog();
  return catalog({ classes: { ...base.classes, agent: { ...base.classes.agent, maxSessionSeconds: 900 } } });
})();

/** People the catalog records by their physical names (class human): the catalog, not a tag, gives them 12h. */
const humanRecord = (name: string, match: { name?: string; tags?: Record<string, string> } = { name }) =>
  catalog({
    identities: [{ id: name.toLowerCase(), match, owner: 'team-platform', class: 'human', entitlements: [] }],
  });

ruleTester(rule, {
  valid: [
    {
      name: 'a role that leaves MaxSessionDuration at the AWS default',
      model: model({ identities: [role('AgentRole', { tags: AGENT })] }),
    },
    {
      name: 'an agent role at exactly its class limit (1h)',
      model: model({ identities: [role('AgentRole', { tags: AGENT, maxSessionSeconds: HOUR })] }),
    },
    {
      name: 'a human role the catalog records, with a working-day session (12h)',
      catalog: humanRecord('SsoAdmin'),
      model: model({ identities: [role('SsoAdmin', { uniqueName: true, maxSessionSeconds: 12 * HOUR })] }),
    },
    {
      name: 'a class claimed by tag within the shortest limit of any class (1h) is not held to more',
      model: model({ identities: [role('SsoAdmin', { tags: HUMAN, maxSessionSeconds: HOUR })] }),
    },
    {
      name: 'a role without a class is left to require-entitlement',
      model: model({ identities: [role('Unclassified', { maxSessionSeconds: 12 * HOUR })] }),
    },
    {
      name: 'an AWS role at the 1h floor AWS enforces, under a 15-minute class limit',
      catalog: strictAgents,
      model: model({ identities: [role('AgentRole', { tags: AGENT, maxSessionSeconds: HOUR })] }),
    },
  ],
  invalid: [
    {
      name: 'an agent role allowing 12h sessions where its class allows 1h',
      model: model({ identities: [role('AgentRole', { tags: AGENT, maxSessionSeconds: 12 * HOUR })] }),
      findings: [
        {
          resource: 'AgentRole',
          identity: 'TestStack/AgentRole',
          detail: 'MaxSessionDuration::43200',
          message:
            'AgentRole allows sessions of 12h (43200 seconds), longer than class agent allows (1h). Set MaxSessionDuration to 3600 or less.',
        },
      ],
    },
    {
      name: 'a catalog limit below an hour is shown in minutes',
      catalog: strictAgents,
      model: model({
        identities: [identity('azure-managed-identity', 'copilot-mi', { tags: AGENT, maxSessionSeconds: 5400 })],
      }),
      findings: [
        {
          resource: 'copilot-mi',
          identity: 'TestStack/copilot-mi',
          detail: 'MaxSessionDuration::5400',
          message:
            'copilot-mi allows sessions of 1h30m (5400 seconds), longer than class agent allows (15m). Set MaxSessionDuration to 900 or less.',
        },
      ],
    },
    {
      name: 'an AWS role above the 1h floor under a 15-minute class limit is held to the floor',
      catalog: strictAgents,
      model: model({ identities: [role('AgentRole', { tags: AGENT, maxSessionSeconds: 2 * HOUR })] }),
      findings: [
        {
          resource: 'AgentRole',
          identity: 'TestStack/AgentRole',
          detail: 'MaxSessionDuration::7200',
          message:
            'AgentRole allows sessions of 2h (7200 seconds), longer than class agent allows (1h). Set MaxSessionDuration to 3600 or less.',
        },
      ],
    },
    {
      name: "a class claimed by tag does not lengthen sessions: a 'human' tag on a role with 12h sessions",
      model: model({ identities: [role('SsoAdmin', { tags: HUMAN, maxSessionSeconds: 12 * HOUR })] }),
      findings: [
        {
          resource: 'SsoAdmin',
          identity: 'TestStack/SsoAdmin',
          detail: 'MaxSessionDuration::43200',
          message:
            'SsoAdmin allows sessions of 12h (43200 seconds), longer than 1h, the shortest session any class allows: its class ' +
            'human is claimed by the IaC, which no catalog record gives it, and a claimed class does not lengthen sessions. ' +
            'Set MaxSessionDuration to 3600 or less, or give it class human in a catalog record that names it.',
        },
      ],
    },
    {
      name: 'a class from a record matched only by tags does not lengthen sessions',
      catalog: humanRecord('Workforce', { tags: { workforce: 'sso' } }),
      model: model({ identities: [role('SsoAdmin', { tags: { workforce: 'sso' }, maxSessionSeconds: 8 * HOUR })] }),
      findings: [
        {
          resource: 'SsoAdmin',
          identity: 'TestStack/SsoAdmin',
          detail: 'MaxSessionDuration::28800',
          message:
            'SsoAdmin allows sessions of 8h (28800 seconds), longer than 1h, the shortest session any class allows: its class ' +
            'human comes from catalog identity workforce, matched only by tags the IaC sets, and a claimed class does not ' +
            'lengthen sessions. Set MaxSessionDuration to 3600 or less, or give it class human in a catalog record that names it.',
        },
      ],
    },
    {
      name: 'an unknown session of a claimed class is pending against the shortest limit',
      model: model({
        identities: [role('SsoAdmin', { tags: HUMAN, maxSessionSeconds: unknownValue('output of config maxSession') })],
      }),
      findings: [
        {
          resource: 'SsoAdmin',
          identity: 'TestStack/SsoAdmin',
          detail: 'MaxSessionDuration::unknown',
          message:
            'Session lifetime of SsoAdmin cannot be verified until apply: MaxSessionDuration is output of config maxSession ' +
            '(its class human is claimed by the IaC, which no catalog record gives it, so it is held to the shortest session ' +
            'any class allows, 1h).',
          pending: true,
        },
      ],
    },
    {
      name: 'a session length unknown during preview is pending',
      model: model({
        identities: [
          role('PreviewRole', { tags: AGENT, maxSessionSeconds: unknownValue('output of config maxSession') }),
        ],
      }),
      findings: [
        {
          resource: 'PreviewRole',
          identity: 'TestStack/PreviewRole',
          detail: 'MaxSessionDuration::unknown',
          message:
            'Session lifetime of PreviewRole cannot be verified until apply: MaxSessionDuration is output of config maxSession (class agent allows at most 1h).',
          pending: true,
        },
      ],
    },
  ],
});
