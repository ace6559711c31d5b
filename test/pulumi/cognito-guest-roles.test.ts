/**
 * Amazon Cognito guest roles in a Pulumi program, run under the SDK's mocks: as `pulumi up` plans it, the role the
 * pool's attachment gives unauthenticated identities is a public identity (restrict-trust, Cognito::unauthenticated)
 * and the signed-in role is not reported; as `pulumi preview` plans it, the trusts built from the pool's id wait for
 * apply, so each role the attachment may give guests is pending.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { capturePrograms, type CapturedResource } from './support/analyzer-client.mjs';
import { stackResources } from '../multicloud/support/capture.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const captured: Record<'update' | 'preview', CapturedResource[]> = { update: [], preview: [] };

beforeAll(async () => {
  const program = path('./programs/cognito-guest-roles.ts');
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [captured.update, captured.preview] = await capturePrograms([
    { program, mode: 'update' },
    { program, mode: 'preview' },
  ]);
}, 120_000);

function trustFindings(mode: 'update' | 'preview') {
  const model = modelFromPulumiResources(stackResources(captured[mode]));
  const { findings } = evaluate(model, {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: mode === 'preview' ? 'verify-later' : 'fail-closed',
  });
  return findings
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
