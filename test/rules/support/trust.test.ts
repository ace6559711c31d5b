import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../../src/iam/aws/document.js';
import {
  parseAwsPrincipal,
  parseFederatedPrincipal,
  patternCovers,
  trustEntries,
} from '../../../src/rules/support/trust.js';

describe('patternCovers', () => {
  it.each([
    ['a literal subject inside a pattern', 'repo:example/app:*', 'repo:example/app:ref:refs/heads/main', false, true],
    [
      'a literal subject outside a pattern',
      'repo:example/app:ref:refs/heads/main',
      'repo:example/app:ref:refs/heads/dev',
      false,
      false,
    ],
    ['a narrower pattern inside a wider one', 'repo:example/app:*', 'repo:example/app:environment:prod-*', true, true],
    [
      'a wider pattern is not inside a narrower one',
      'repo:example/app:ref:refs/heads/main',
      'repo:example/app:*',
      true,
      false,
    ],
    ['* is never inside ?', 'a?c', 'a*c', true, false],
    ['? is inside *', 'a*', 'a?', true, true],
    ['everything is inside *', '*', 'repo:*', true, true],
    ['a wildcard in the organization is not inside one organization', 'repo:example/*', 'repo:*/app', true, false],
  ])('%s', (_name, outer, inner, innerIsPattern, expected) => {
    expect(patternCovers(outer, inner, innerIsPattern)).toBe(expected);
  });
});

describe('parseAwsPrincipal', () => {
  it.each([
    ['*', { kind: 'everyone' }],
    ['123456789012', { kind: 'account', account: '123456789012', own: false }],
    ['arn:aws:iam::123456789012:root', { kind: 'account', account: '123456789012', own: false }],
    [
      'arn:aws-us-gov:sts::123456789012:assumed-role/Admin/session',
      { kind: 'account', account: '123456789012', own: false },
    ],
    ['arn:aws:iam::<own-account>:root', { kind: 'account', account: '<own-account>', own: true }],
    ['arn:aws:iam::*:role/Deployer', { kind: 'everyone' }],
    ['AROAEXAMPLEID123456', { kind: 'unrecognized' }],
    ['arn:aws:iam::${Other::Token}:root', { kind: 'unrecognized' }],
  ])('%s', (value, expected) => {
    expect(parseAwsPrincipal(value)).toEqual(expected);
  });
});

describe('parseFederatedPrincipal', () => {
  it.each([
    ['arn:aws:iam::123456789012:saml-provider/Okta', { kind: 'saml' }],
    [
      'arn:aws:iam::<own-account>:oidc-provider/token.actions.githubusercontent.com',
      { kind: 'oidc', issuer: 'token.actions.githubusercontent.com' },
    ],
    ['cognito-identity.amazonaws.com', { kind: 'oidc', issuer: 'cognito-identity.amazonaws.com' }],
  ])('%s', (value, expected) => {
    expect(parseFederatedPrincipal(value)).toEqual(expected);
  });
});

describe('trustEntries', () => {
  it('reads one entry per principal of each Allow statement that grants an assume action', () => {
    const document = parsePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'] },
        },
        { Effect: 'Allow', Action: 'sts:TagSession', Principal: { AWS: 'arn:aws:iam::777788889999:root' } },
        { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: '*' },
        {
          Effect: 'Allow',
          NotAction: 'iam:*',
          Principal: { Service: 'ec2.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
      ],
    });
    expect(trustEntries(document).map((entry) => [entry.type, entry.value, entry.conditions.length])).toEqual([
      ['AWS', 'arn:aws:iam::111122223333:root', 0],
      ['AWS', '444455556666', 0],
      ['Service', 'ec2.amazonaws.com', 1],
    ]);
  });
});
