/**
 * Amazon Cognito guest roles in a Terraform plan, through the CLI: an `aws_cognito_identity_pool` with
 * `allow_unauthenticated_identities = true` whose `aws_cognito_identity_pool_roles_attachment` names a role as
 * `roles.unauthenticated` hands that role to anyone (restrict-trust, Cognito::unauthenticated). On the first plan the
 * role's trust, built from the pool's id, is known only at apply: the finding is pending and says what it would
 * mean; on a later plan, with ids known, it is mandatory. The pool's role for signed-in identities is not reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'eg-cognito-guests-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const POOL_ID = 'eu-west-1:0f2e6a44-4b4b-4c1e-9d2f-2b1c7f0e9a11';
const cognitoTrust = (amr: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': POOL_ID },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });
const MAP_TILES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['geo:GetMapTile', 'geo:GetMapStyleDescriptor'], Resource: '*' }],
});

/** The pool, its two roles (guest and signed-in) with inline policies, and the attachment, as a plan shows them. */
function plan(known: boolean): PlannedResource[] {
  const role = (name: string, amr: string): PlannedResource => ({
    address: `aws_iam_role.${name}`,
    values: {
      name,
      ...(known
        ? { assume_role_policy: cognitoTrust(amr), arn: `arn:aws:iam::111122223333:role/${name}`, id: name }
        : {}),
    },
    unknown: known ? {} : { arn: true, id: true, unique_id: true, assume_role_policy: true },
    actions: known ? ['no-op'] : ['create'],
    ...(known
      ? {}
      : {
          references: {
            assume_role_policy: ['aws_cognito_identity_pool.visitors.id', 'aws_cognito_identity_pool.visitors'],
          },
        }),
  });
  return [
    {
      address: 'aws_cognito_identity_pool.visitors',
      values: {
        identity_pool_name: 'visitors',
        allow_unauthenticated_identities: true,
        ...(known ? { id: POOL_ID } : {}),
      },
      unknown: known ? {} : { id: true, arn: true },
      actions: known ? ['no-op'] : ['create'],
    },
    role('guest', 'unauthenticated'),
    role('member', 'authenticated'),
    {
      address: 'aws_iam_role_policy.guest_maps',
      values: { name: 'maps', policy: MAP_TILES, ...(known ? { role: 'guest' } : {}) },
      unknown: known ? {} : { role: true, id: true },
      references: { role: ['aws_iam_role.guest.id', 'aws_iam_role.guest'] },
      actions: known ? ['no-op'] : ['create'],
    },
    {
      address: 'aws_cognito_identity_pool_roles_attachment.visitors',
      values: {
        ...(known
          ? {
              identity_pool_id: POOL_ID,
              roles: {
                authenticated: 'arn:aws:iam::111122223333:role/member',
                unauthenticated: 'arn:aws:iam::111122223333:role/guest',
              },
            }
          : {}),
      },
      unknown: known ? {} : { identity_pool_id: true, roles: { authenticated: true, unauthenticated: true }, id: true },
      references: {
        identity_pool_id: ['aws_cognito_identity_pool.visitors.id', 'aws_cognito_identity_pool.visitors'],
        roles: ['aws_iam_role.member.arn', 'aws_iam_role.member', 'aws_iam_role.guest.arn', 'aws_iam_role.guest'],
      },
      actions: known ? ['no-op'] : ['create'],
    },
  ];
}

function check(known: boolean) {
  const file = join(DIR, `plan-${known ? 'known' : 'first'}.json`);
  writeFileSync(file, JSON.stringify(terraformPlan(plan(known))));
  const result = runCheck({
    paths: [file],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? [])
    .filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => [`${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`, f.message]);
}

const UNKNOWN_TRUST = (role: string) =>
  `aws_iam_role.${role}.assume_role_policy is not known until apply (from aws_cognito_identity_pool.visitors.id, ` +
  'aws_cognito_identity_pool.visitors)';
const PERHAPS_GUEST = (role: string, reach: string) =>
  `Role ${role} may be a public identity: identity pool aws_cognito_identity_pool.visitors may give this role to its ` +
  'unauthenticated (guest) identities (role attachment aws_cognito_identity_pool_roles_attachment.visitors names it ' +
  `among its roles, which only apply knows), and whether its trust policy accepts their tokens (${UNKNOWN_TRUST(role)}) ` +
  `cannot be verified until apply. If it does, anyone on the internet can get its credentials without signing in (${reach}).`;

describe('Cognito guest roles in a Terraform plan', () => {
  it('first plan: each role the attachment may give guests is pending, their trusts read at apply', () => {
    expect(check(false)).toEqual([
      [
        'mandatory aws_iam_role.guest - pending',
        `Trust policy of role guest cannot be verified until apply: ${UNKNOWN_TRUST('guest')}.`,
      ],
      [
        'mandatory aws_iam_role.guest Cognito::unauthenticated pending',
        PERHAPS_GUEST('guest', '2 actions, all reading or listing: geo:GetMapStyleDescriptor, geo:GetMapTile'),
      ],
      [
        'mandatory aws_iam_role.member - pending',
        `Trust policy of role member cannot be verified until apply: ${UNKNOWN_TRUST('member')}.`,
      ],
      [
        'mandatory aws_iam_role.member Cognito::unauthenticated pending',
        PERHAPS_GUEST('member', 'the change grants it no action'),
      ],
    ]);
  });

  it('later plan, ids known: the guest role is a public identity, the signed-in role is not reported', () => {
    expect(check(true)).toEqual([
      [
        'mandatory aws_iam_role.guest Cognito::unauthenticated',
        'Role guest is a public identity: identity pool aws_cognito_identity_pool.visitors gives this role to its ' +
          'unauthenticated (guest) identities (role attachment aws_cognito_identity_pool_roles_attachment.visitors). ' +
          'Anyone on the internet can get its credentials without signing in and use every permission it has (2 ' +
          'actions, all reading or listing: geo:GetMapStyleDescriptor, geo:GetMapTile). Give a guest role only what an ' +
          'anonymous visitor may do (put RUM or Pinpoint events, read a public map) and record it as an approved ' +
          'catalog exception; otherwise turn off unauthenticated identities in the pool and require ' +
          'cognito-identity.amazonaws.com:amr "authenticated" in the trust policy.',
      ],
    ]);
  });
});
