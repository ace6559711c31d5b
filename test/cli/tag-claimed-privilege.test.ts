/**
 * A privileged entitlement is granted by a catalog identity record only: the catalog's review exists for it. The
 * entitlements tag, which whoever writes the IaC sets, still declares non-privileged entitlements, and a record the
 * catalog author matches by its name and tags still grants its privileged ones; but a role the catalog has no record of that tags
 * itself `identity-class: break-glass`, `entitlements: emergency-admin` and attaches AdministratorAccess is not a
 * sanctioned break-glass admin. Before, the check passed it on require-entitlement and no-privilege-escalation alike.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-security }, { id: team-data }]
entitlements:
  - id: emergency-admin
    classes: [break-glass]
    privileged: true
    awsManagedPolicies: ["arn:aws:iam::aws:policy/AdministratorAccess"]
  - id: reports-read
    classes: [service]
    aws:
      - actions: ["s3:GetObject"]
        resources: ["arn:aws:s3:::reports/*"]
identities:
  - id: break-glass-admin
    match: { name: break-glass-admin }
    owner: team-security
    class: break-glass
    entitlements: [emergency-admin]
  - id: ops-emergency
    match: { name: ops-emergency-role, tags: { access-tier: emergency } }
    owner: team-security
    class: break-glass
    entitlements: [emergency-admin]
trust:
  identityProviders:
    - provider: "arn:aws:iam::*:saml-provider/CorpIdP"
      enforcesMfa: true
`;

/** A break-glass admin role as people reach it: SAML federation, one hour, AdministratorAccess. */
const adminRole = (logicalId: string, name: string, tags: string) => `
  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${name}
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Federated: arn:aws:iam::111122223333:saml-provider/CorpIdP }
            Action: sts:AssumeRoleWithSAML
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      Tags: ${tags}`;

const TEMPLATE = `Resources:${adminRole(
  'Sneaky',
  'team-x-worker',
  '[{ Key: owner, Value: team-security }, { Key: identity-class, Value: break-glass }, { Key: entitlements, Value: emergency-admin }]',
)}${adminRole('Recorded', 'break-glass-admin', '[]')}${adminRole('TagMatched', 'ops-emergency-role', '[{ Key: access-tier, Value: emergency }]')}
  Reader:
    Type: AWS::IAM::Role
    Properties:
      RoleName: reports-reader
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - { Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::reports/*" }
      Tags: [{ Key: owner, Value: team-data }, { Key: identity-class, Value: service }, { Key: entitlements, Value: reports-read }]
`;

describe('check: a privileged entitlement named by tags on a role the catalog does not record', () => {
  it('is refused, and the AdministratorAccess it would sanction is an escalation; records and plain tags still grant', () => {
    const { exitCode, findings } = checkManifest(TEMPLATE, CATALOG);
    const lines = findings
      .filter((finding) => !finding.resource.type.startsWith('entitlement-guard:catalog/'))
      .map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.detail ?? ''}`)
      .sort();
    // Only the role the catalog does not record; Recorded (a record by name), TagMatched (a record the catalog author
    // matches by its role name and tags: tags alone hold no privileged entitlement since h113, see
    // test/governance/author-claims.test.ts) and Reader (a non-privileged entitlement by tag) pass on the same grants.
    // no-wildcard-privilege too: its break-glass class is claimed by its tag, which lifts no check meant for machines.
    expect(lines).toEqual([
      'no-privilege-escalation mandatory Sneaky Path::*',
      'no-wildcard-privilege mandatory Sneaky Policy::AdministratorAccess',
      'require-entitlement mandatory Sneaky Entitlement::emergency-admin',
    ]);
    expect(findings.find((finding) => finding.ruleId === 'require-entitlement')?.message).toBe(
      'team-x-worker claims privileged entitlement emergency-admin through its entitlements tag, which the IaC sets: ' +
        "a privileged entitlement is granted only by the identity's record in the catalog, where it is reviewed, so " +
        'team-x-worker does not hold it. Add a catalog identity record that lists it, or remove it from the tag.',
    );
    expect(exitCode).toBe(1);
  });
});
