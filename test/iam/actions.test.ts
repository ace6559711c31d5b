import { describe, expect, it } from 'vitest';
import {
  actionMatches,
  allServices,
  expandActionPattern,
  isKnownActionPattern,
  lookupAction,
} from '../../src/iam/aws/actions.js';

const names = (pattern: string) => expandActionPattern(pattern).map((action) => action.name);
const levels = (pattern: string) =>
  [...new Set(expandActionPattern(pattern).map((action) => action.accessLevel))].sort();

describe('actionMatches', () => {
  it('matches IAM action names case-insensitively', () => {
    expect(actionMatches('IAM:passrole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:PassRole', 'iam:PassRoles')).toBe(false);
  });

  it('supports * and ? wildcards', () => {
    expect(actionMatches('s3:Get*', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObjectAcl')).toBe(false);
    expect(actionMatches('*', 'ec2:RunInstances')).toBe(true);
    expect(actionMatches('*:*', 'ec2:RunInstances')).toBe(true);
    expect(actionMatches('s3:*', 's3-object-lambda:GetObject')).toBe(false);
  });

  it('answers a hostile backtracking pattern correctly', () => {
    const text = `${'a'.repeat(20_000)}c`;
    expect(actionMatches('a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(actionMatches('a*a*a*a*a*a*a*a*a*b', `${text}b`)).toBe(true);
  });
});

describe('lookupAction', () => {
  it('returns the canonical name, service, access level, whether it can be scoped to a resource, and its condition keys', () => {
    expect(lookupAction('IAM:passrole')).toEqual({
      name: 'iam:PassRole',
      service: 'iam',
      accessLevel: 'Write',
      scopable: true,
      conditionKeys: ['iam:AssociatedResourceArn', 'iam:PassedToService'],
    });
    expect(lookupAction('logs:PutResourcePolicy')).toMatchObject({
      accessLevel: 'Permissions management',
      scopable: false,
      conditionKeys: [],
    });
    expect(lookupAction('sts:GetCallerIdentity')?.scopable).toBe(false);
    expect(lookupAction('iam:PutRolePolicy')?.accessLevel).toBe('Permissions management');
    expect(lookupAction('s3:PutBucketTagging')?.accessLevel).toBe('Tagging');
    expect(lookupAction('ec2:DescribeInstances')?.accessLevel).toBe('List');
  });

  it('returns undefined for unknown services, actions and malformed names', () => {
    expect(lookupAction('iam:MakeMeAdmin')).toBeUndefined();
    expect(lookupAction('nosuchservice:GetThing')).toBeUndefined();
    expect(lookupAction('PassRole')).toBeUndefined();
  });
});

describe('expandActionPattern', () => {
  it('expands iam:* to every IAM action, including PassRole and CreateAccessKey', () => {
    const iam = names('iam:*');
    expect(iam).toContain('iam:PassRole');
    expect(iam).toContain('iam:CreateAccessKey');
    expect(iam.length).toBeGreaterThan(100);
    expect(iam.every((name) => name.startsWith('iam:'))).toBe(true);
  });

  it('expands iam:Get* to read actions only', () => {
    expect(names('iam:Get*').length).toBeGreaterThan(10);
    expect(levels('iam:Get*').every((level) => level === 'Read' || level === 'List')).toBe(true);
  });

  it('expands ec2:Describe* to List and Read actions only', () => {
    expect(names('ec2:Describe*')).toContain('ec2:DescribeInstances');
    expect(levels('ec2:Describe*').every((level) => level === 'Read' || level === 'List')).toBe(true);
  });

  it('expands ? to exactly one character', () => {
    expect(names('s3:Get?bject')).toEqual(['s3:GetObject']);
  });

  it('expands a service wildcard across services', () => {
    const expanded = names('s3*:GetObject');
    expect(expanded).toContain('s3:GetObject');
    expect(expanded).toContain('s3-object-lambda:GetObject');
  });

  it('expands * to every action of every service, the same way each time', () => {
    const everything = expandActionPattern('*');
    expect(new Set(everything.map((action) => action.service)).size).toBe(allServices().length);
    expect(everything.length).toBeGreaterThan(names('iam:*').length + names('s3:*').length);
    expect(expandActionPattern('*')).toEqual(everything);
  });

  it('returns a copy, so callers cannot corrupt the cache', () => {
    expandActionPattern('iam:Get*').length = 0;
    expect(names('iam:Get*').length).toBeGreaterThan(10);
  });

  it('expands patterns naming unknown services or actions to nothing', () => {
    expect(expandActionPattern('nosuchservice:*')).toEqual([]);
    expect(expandActionPattern('iam:MakeMeAdmin')).toEqual([]);
    expect(isKnownActionPattern('nosuchservice:*')).toBe(false);
    expect(isKnownActionPattern('iam:MakeMe*')).toBe(false);
    expect(isKnownActionPattern('iam:Put*')).toBe(true);
    expect(isKnownActionPattern('IAM:PASSROLE')).toBe(true);
  });

  it('a pattern without a service prefix matches exactly the actions every-action matching finds (trigram index)', () => {
    const every = expandActionPattern('*');
    const patterns = [
      '*PassRole',
      '*passrole',
      '*Get*',
      '*get0*',
      '*GetObject',
      '*ge?ob*',
      '?am:*',
      ':GetRole',
      's3',
      '*bucketpolicy*',
      '*e\nz*',
      'passrole\n',
      '*ǅ*',
      '*é*',
      '**',
      '*?*',
      'xyz',
    ];
    for (const pattern of patterns) {
      expect(names(pattern), pattern).toEqual(
        every.filter((action) => actionMatches(pattern, action.name)).map((action) => action.name),
      );
    }
    expect(names('*PassRole')).toEqual(['datazone:ValidatePassRole', 'iam:PassRole']);
  });

  it('normalizes combined access levels', () => {
    expect(levels('iam:*')).toEqual(['List', 'Permissions management', 'Read', 'Tagging', 'Write']);
  });
});

describe('allServices', () => {
  it('lists the service prefixes, sorted', () => {
    const services = allServices();
    expect(services).toContain('iam');
    expect(services).toContain('s3');
    expect([...services].sort()).toEqual(services);
  });
});
