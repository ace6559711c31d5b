/**
 * A privileged action AWS cannot scope (the Service Authorization Reference lists no resource type for it, so
 * `Resource: "*"` is the only form that grants it) is, spelled out, no wildcard: no-wildcard-privilege stays silent.
 * It is not thereby unjudged: every rule that asks whether the identity may hold the action at all still does. This
 * runs the full rule set under a catalog, so a finding lost here is a grant passed in silence.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { allow, catalog, model, role } from '../support/builders.js';

const TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/payments-orders';
const CATALOG = catalog({
  owners: [{ id: 'team-payments' }],
  entitlements: [
    {
      id: 'payments-read',
      classes: ['service'],
      privileged: false,
      aws: [{ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:*:*:table/payments-*'] }],
    },
  ],
});
const PAYMENTS_SERVICE = { owner: 'team-payments', 'identity-class': 'service', entitlements: 'payments-read' };

/** `ruleId detail` of every finding for the roles, sorted. */
function verdicts(...roles: ReturnType<typeof role>[]): string[] {
  return evaluate(model({ identities: roles }), { catalog: CATALOG, now: new Date('2026-12-05T00:00:00Z') })
    .findings.map((finding) => `${finding.ruleId} ${finding.resource.name} ${finding.detail}`)
    .sort();
}

describe('privileged actions AWS cannot scope, under a catalog', () => {
  it('spelled out on "*": no wildcard finding, and require-entitlement reports them beyond the entitlements; in a wildcard action ("logs:*" on "*") they still count for no-wildcard-privilege', () => {
    const writer = role('LogPolicyWriter', {
      tags: PAYMENTS_SERVICE,
      policies: [allow('dynamodb:GetItem', TABLE), allow(['logs:PutResourcePolicy', 'logs:DeleteResourcePolicy'])],
    });
    const admin = role('LogAdmin', {
      tags: PAYMENTS_SERVICE,
      policies: [allow('dynamodb:GetItem', TABLE), allow('logs:*')],
    });
    expect(verdicts(writer, admin)).toEqual([
      'no-wildcard-privilege LogAdminPolicy2 Action::logs:*',
      'require-entitlement LogAdminPolicy2 Policy::LogAdminPolicy2',
      'require-entitlement LogPolicyWriterPolicy2 Policy::LogPolicyWriterPolicy2',
    ]);
    const messages = evaluate(model({ identities: [writer] }), { catalog: CATALOG }).findings.map(
      (finding) => finding.message,
    );
    expect(messages).toEqual([
      'LogPolicyWriterPolicy2 grants LogPolicyWriter 2 actions beyond its entitlements (payments-read): logs:DeleteResourcePolicy, ' +
        'logs:PutResourcePolicy on *. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
    ]);
  });
});
