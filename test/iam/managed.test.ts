import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { effectiveAllows, isActionAllowed } from '../../src/iam/aws/evaluate.js';
import { awsManagedPolicy, documentsOf, isAdminLevel } from '../../src/iam/aws/managed.js';
import { unknownValue } from '../../src/model/model.js';
import { allow, identity, model, role, user } from '../support/builders.js';

const allowedNames = (arn: string) =>
  effectiveAllows([awsManagedPolicy(arn)!.document]).map((allowed) => allowed.action.name);

describe('awsManagedPolicy', () => {
  it('recognizes AdministratorAccess in every partition', () => {
    for (const partition of ['aws', 'aws-us-gov', 'aws-cn', 'aws-iso', '${AWS::Partition}']) {
      const arn = `arn:${partition}:iam::aws:policy/AdministratorAccess`;
      expect(awsManagedPolicy(arn)).toMatchObject({ name: 'AdministratorAccess', arn, adminLevel: true });
    }
  });

  it('recognizes job-function and service-role paths, and says when an ARN names a policy under another path than its own', () => {
    expect(awsManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toMatchObject({
      name: 'ViewOnlyAccess',
      arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      publishedArn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      pathMatches: true,
      adminLevel: false,
    });
    expect(
      awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.document.statements,
    ).toHaveLength(1);
    expect(awsManagedPolicy('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toMatchObject({
      publishedArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      pathMatches: false,
    });
  });

  it('knows every policy of the dataset, the less common ones included (issue 15)', () => {
    for (const name of [
      'service-role/AmazonAPIGatewayPushToCloudWatchLogs',
      'service-role/AWSLambdaVPCAccessExecutionRole',
      'AmazonSSMManagedInstanceCore',
      'AWSXrayWriteOnlyAccess',
      'AWSCodeDeployRoleForECS',
    ]) {
      expect(awsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)?.document.statements.length).toBeGreaterThan(0);
    }
  });

  it('does not take customer-managed policies or unknown names for AWS managed ones', () => {
    expect(awsManagedPolicy('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
    expect(awsManagedPolicy('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
    expect(awsManagedPolicy('AdministratorAccess')).toBeUndefined();
  });

  it('marks the read-only policies as not admin-level', () => {
    for (const name of ['ReadOnlyAccess', 'SecurityAudit'])
      expect(awsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)?.adminLevel).toBe(false);
  });

  it('marks admin level by content: all of IAM on * (AdministratorAccess, IAMFullAccess), not PowerUserAccess or Organizations', () => {
    const admin = ['AdministratorAccess', 'IAMFullAccess'];
    const notAdmin = [
      'PowerUserAccess',
      'AWSOrganizationsFullAccess',
      'AmazonS3FullAccess',
      'AmazonEC2FullAccess',
      'AWSLambda_FullAccess',
      'SecretsManagerReadWrite',
    ];
    for (const name of admin) expect(awsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)?.adminLevel).toBe(true);
    for (const name of notAdmin) expect(awsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)?.adminLevel).toBe(false);
  });

  it('carries the published content: PowerUserAccess allows everything but IAM, Organizations and Account, with a few exceptions', () => {
    const document = awsManagedPolicy('arn:aws:iam::aws:policy/PowerUserAccess')!.document;
    expect(isActionAllowed([document], 'ec2:RunInstances')).toBe('allow');
    expect(isActionAllowed([document], 'iam:CreateUser')).toBe('implicit-deny');
    expect(isActionAllowed([document], 'iam:CreateServiceLinkedRole')).toBe('allow');
    expect(isActionAllowed([document], 'organizations:DescribeOrganization')).toBe('allow');
    expect(isActionAllowed([document], 'organizations:LeaveOrganization')).toBe('implicit-deny');
  });

  it('carries the published content: IAMFullAccess is iam:* plus Organizations reads', () => {
    const names = allowedNames('arn:aws:iam::aws:policy/IAMFullAccess');
    expect(names).toContain('iam:PassRole');
    expect(names).toContain('organizations:ListRoots');
    expect(names).not.toContain('organizations:CreateAccount');
  });

  it('carries the published content: AmazonS3FullAccess is s3:* and s3-object-lambda:*', () => {
    const services = new Set(
      allowedNames('arn:aws:iam::aws:policy/AmazonS3FullAccess').map((name) => name.split(':')[0]),
    );
    expect([...services].sort()).toEqual(['s3', 's3-object-lambda']);
  });

  it('carries the published content: AWSLambda_FullAccess passes roles only to Lambda', () => {
    const [passRole] = effectiveAllows([
      awsManagedPolicy('arn:aws:iam::aws:policy/AWSLambda_FullAccess')!.document,
    ]).filter((allowed) => allowed.action.name === 'iam:PassRole');
    expect(passRole?.conditional).toBe(true);
  });
});

describe('isAdminLevel', () => {
  const parse = (raw: unknown) => [parsePolicyDocument(raw)];

  it('is true for Allow * on * (CIS 1.16 "*:*")', () => {
    expect(isAdminLevel(parse(allow('*')))).toBe(true);
    expect(isAdminLevel(parse(allow('*:*')))).toBe(true);
  });

  it('is true for all of IAM on *, even behind a condition', () => {
    expect(isAdminLevel(parse(allow('iam:*')))).toBe(true);
    expect(
      isAdminLevel(parse(allow('iam:*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))),
    ).toBe(true);
  });

  it('is false for all of IAM on a narrower resource, for part of IAM, and for PowerUserAccess content', () => {
    expect(isAdminLevel(parse(allow('iam:*', 'arn:aws:iam::111122223333:role/app-*')))).toBe(false);
    expect(isAdminLevel(parse(allow('iam:Get*')))).toBe(false);
    expect(isAdminLevel([awsManagedPolicy('arn:aws:iam::aws:policy/PowerUserAccess')!.document])).toBe(false);
  });

  it('is false when an unconditional Deny takes part of IAM back', () => {
    const raw = {
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' },
      ],
    };
    expect(isAdminLevel(parse(raw))).toBe(false);
  });
});

describe('documentsOf', () => {
  it('lists inline documents and the content of known managed policies', () => {
    const inline = allow('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:jobs');
    const subject = role('Deployer', {
      policies: [inline],
      managedPolicies: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'],
    });
    const { documents, unknownManaged } = documentsOf(subject);
    expect(documents).toEqual([
      parsePolicyDocument(inline),
      awsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3FullAccess')!.document,
    ]);
    expect(unknownManaged).toEqual([]);
  });

  it('reports managed policies whose content is not known: customer-managed, an AWS name the dataset lacks, Unknown', () => {
    const unknownArn = unknownValue('output of aws:iam/policy:Policy');
    const subject = role('Auditor', {
      managedPolicies: [
        'arn:aws:iam::111122223333:policy/team-policy',
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:iam::aws:policy/NoSuchPolicy',
        unknownArn,
      ],
    });
    const { documents, unknownManaged } = documentsOf(subject);
    expect(documents).toEqual([awsManagedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess')!.document]);
    expect(unknownManaged.map((grant) => grant.arn)).toEqual([
      'arn:aws:iam::111122223333:policy/team-policy',
      'arn:aws:iam::aws:policy/NoSuchPolicy',
      unknownArn,
    ]);
  });

  it('includes the documents of the groups a user belongs to, given the model', () => {
    const group = identity('aws-group', 'Admins', { managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const member = { ...user('alice'), groups: [group.id] };
    expect(documentsOf(member).documents).toEqual([]);
    expect(isAdminLevel(documentsOf(member, model({ identities: [group, member] })).documents)).toBe(true);
  });
});
