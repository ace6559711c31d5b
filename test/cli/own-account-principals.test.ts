/**
 * A principal written as a role of the own account whose name is a parameter (`Fn::Sub
 * "arn:aws:iam::${AWS::AccountId}:role/${KeyAdminRole}"`, or `Fn::Join` of `Ref AWS::AccountId` and a parameter):
 * restrict-trust trusts it as it trusts the own account, in a resource policy and in a role's trust policy, where it
 * was a mandatory pending `Principal::unknown` because the whole value was unknown. What it grants a role of the change
 * it may name (the change has a role its pattern matches) is that role's grant not verifiable until the deployment
 * names the role; where the change has no such role it grants none. A principal whose account is the parameter stays
 * pending. Before, the template gave restrict-trust pending findings on LedgerKey, JobsPolicy and PaymentsApiRole and
 * no grant at all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const FIXTURE = readFileSync(
  new URL(
    '../fixtures/cloudformation/own-account-principals/parameter-named-principals.template.yaml',
    import.meta.url,
  ),
  'utf8',
);

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-payments, contact: payments@example.com }]
entitlements:
  - id: jobs-read
    classes: [service]
    aws:
      - actions: ["sqs:ReceiveMessage"]
        resources: ["*"]
identities:
  - id: payments-api
    match: { name: "payments-api-*" }
    owner: team-payments
    class: service
    entitlements: [jobs-read]
`;

function verdicts(template: string) {
  const { exitCode, findings } = checkManifest(template, CATALOG);
  return {
    exitCode,
    verdicts: findings
      .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
      .sort(),
    messages: findings.map((f) => f.message).sort(),
  };
}

const KEY_ADMIN =
  'whether Principal arn:aws:iam::<own-account>:role/* (Fn::Sub "arn:aws:iam::${AWS::AccountId}:role/${KeyAdminRole}" ' +
  'containing Ref KeyAdminRole (parameter without a default)) names this role.';
const PAYMENTS_NAME =
  'whether Principal arn:aws:iam::<own-account>:role/* (a value built from Ref PaymentsRoleName (a parameter the ' +
  'deployment may set)) names this role.';

describe('a principal of the own account whose role name is a parameter', () => {
  it('is trusted as the own account; what it may grant a role of the change is pending', () => {
    const { exitCode, verdicts: found, messages } = verdicts(FIXTURE);
    expect(found).toEqual([
      'no-privilege-escalation mandatory PaymentsApiRole Path::unknown pending',
      'no-wildcard-privilege mandatory JobsPolicy - pending',
      'no-wildcard-privilege mandatory LedgerKey - pending',
      'require-entitlement mandatory JobsPolicy Grant::unknown pending',
      'require-entitlement mandatory LedgerKey Grant::unknown pending',
      // The account is the parameter: any account.
      'restrict-trust mandatory ExportsPolicy Principal::unknown pending',
    ]);
    expect(exitCode).toBe(1);
    expect(messages).toEqual(
      [
        `payments-api-runtime: escalation paths cannot be verified until apply: ${KEY_ADMIN}`,
        `Policy JobsPolicy cannot be verified until apply: ${PAYMENTS_NAME}`,
        `Policy LedgerKey cannot be verified until apply: ${KEY_ADMIN}`,
        `JobsPolicy: whether it stays within the entitlements of payments-api-runtime cannot be verified until apply: ${PAYMENTS_NAME}`,
        `LedgerKey: whether it stays within the entitlements of payments-api-runtime cannot be verified until apply: ${KEY_ADMIN}`,
        'Resource policy ExportsPolicy allows Action s3:GetObject on arn:aws:s3:::<id of Exports> to a principal that ' +
          'cannot be verified until apply: the principal is Fn::Sub "arn:aws:iam::${PartnerAccount}:role/exports-reader" ' +
          'containing Ref PartnerAccount (parameter without a default).',
      ].sort(),
    );
  });

  it('grants nothing where the change has no role it could be', () => {
    const withoutRole =
      FIXTURE.slice(0, FIXTURE.indexOf('  PaymentsApiRole:')) + FIXTURE.slice(FIXTURE.indexOf('  LedgerKey:'));
    expect(withoutRole).not.toContain('AWS::IAM::Role');
    expect(verdicts(withoutRole)).toMatchObject({
      exitCode: 1,
      verdicts: ['restrict-trust mandatory ExportsPolicy Principal::unknown pending'],
    });
  });

  it('names only roles whose names the pattern admits', () => {
    // `role/admins-${KeyAdminRole}` cannot be payments-api-runtime.
    const narrowed = FIXTURE.replace(':role/${KeyAdminRole}', ':role/admins-${KeyAdminRole}').replace(
      '":role/", !Ref PaymentsRoleName',
      '":role/admins-", !Ref PaymentsRoleName',
    );
    expect(verdicts(narrowed).verdicts).toEqual(['restrict-trust mandatory ExportsPolicy Principal::unknown pending']);
  });
});
