/**
 * Amazon Cognito guest roles in a Pulumi program, run under the SDK's mocks: as `pulumi up` plans it, the role the
 * pool's attachment gives unauthenticated identities is a public identity (restrict-trust, Cognito::unauthenticated)
 * and the signed-in role is not reported; as `pulumi preview` plans it, the trusts built from the pool's id wait for
 * apply, so each role the attachment may give guests is pending.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const findingsIn = programFindings(path('./programs/cognito-guest-roles.ts'), defaultCatalog());

function trustFindings(mode: 'update' | 'preview') {
  return findingsIn(mode)
    .filter((finding) => finding.ruleId === 'restrict-trust')
    .map((f) => [`${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`, f.message]);
}

const unknownTrust = (role: string) =>
  `${role}.assumeRolePolicy (output of aws:cognito/identityPool:IdentityPool visitors) is not known until apply`;
const perhapsGuest = (role: string, reach: string) =>
  `Role ${role} may be a public identity: identity pool visitors may give this role to its unauthenticated (guest) ` +
  'identities (role attachment visitorsRoles names it among its roles, which only apply knows), and whether its trust ' +
  `policy accepts their tokens (${unknownTrust(role)}) cannot be verified until apply. If it does, anyone on the ` +
  `internet can get its credentials without signing in (${reach}).`;
const MAPS = '2 actions, all reading or listing: geo:GetMapStyleDescriptor, geo:GetMapTile';

describe('Cognito guest roles in a Pulumi program', () => {
  it('reports the guest role as a public identity, not the signed-in role (pulumi up)', () => {
    expect(trustFindings('update')).toEqual([
      [
        'mandatory guest Cognito::unauthenticated',
        'Role guest is a public identity: identity pool visitors gives this role to its unauthenticated (guest) ' +
          'identities (role attachment visitorsRoles). Anyone on the internet can get its credentials without ' +
          `signing in and use every permission it has (${MAPS}). Give a guest role only what an anonymous visitor ` +
          'may do (put RUM or Pinpoint events, read a public map) and record it as an approved catalog exception; ' +
          'otherwise turn off unauthenticated identities in the pool and require cognito-identity.amazonaws.com:amr ' +
          '"authenticated" in the trust policy.',
      ],
    ]);
  });

  it('holds each role the attachment may give guests as pending while the trusts wait for apply (pulumi preview)', () => {
    expect(trustFindings('preview')).toEqual([
      [
        'advisory guest - pending',
        `Trust policy of role guest cannot be verified until apply: ${unknownTrust('guest')}.`,
      ],
      ['advisory guest Cognito::unauthenticated pending', perhapsGuest('guest', MAPS)],
      [
        'advisory member - pending',
        `Trust policy of role member cannot be verified until apply: ${unknownTrust('member')}.`,
      ],
      ['advisory member Cognito::unauthenticated pending', perhapsGuest('member', 'the change grants it no action')],
    ]);
  });
});
