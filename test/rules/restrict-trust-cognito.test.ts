/**
 * restrict-trust on roles an Amazon Cognito identity pool gives its unauthenticated (guest) identities: anyone gets
 * their credentials without signing in. Before, the Cognito issuer's trust passed silently (no subject check).
 */
import { defaultCatalog } from '../../catalog/index.js';
import rule from '../../src/rules/restrict-trust.js';
import { unknownValue, type IdentityPool, type Maybe, type PolicyValue } from '../../src/model/model.js';
import { model, ref, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const COGNITO = 'cognito-identity.amazonaws.com';
const POOL_ID = '<id of GuestPool>';

/** A Cognito web-identity trust for the pool, with `amr` as the amr clause (none when absent). */
const cognitoTrust = (amr?: Record<string, unknown>, audience: unknown = POOL_ID) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: COGNITO },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${COGNITO}:aud`]: audience }, ...(amr ?? {}) },
    },
  ],
});
const GUEST_AMR = { 'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'unauthenticated' } };
const SIGNED_IN_AMR = { 'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'authenticated' } };
const PUT_EVENTS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'rum:PutRumEvents', Resource: '*' }],
};
const BUCKET_ADMIN = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:PutBucketPolicy'],
      Resource: '*',
    },
  ],
};

/** What the CDK gives a guest role: the call that hands out its credentials, a public API (no credentials needed). */
const GET_CREDENTIALS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'cognito-identity:GetCredentialsForIdentity', Resource: '*' }],
};
const allOf = (...actions: string[]) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
});

const pool = (allowsGuests: Maybe<boolean>, guestRoles: string[] = [], id: PolicyValue = POOL_ID): IdentityPool => ({
  source: ref('AWS::Cognito::IdentityPool', 'GuestPool'),
  id,
  allowsGuests,
  guestRoles: guestRoles.map((name) => ({
    identity: `TestStack/${name}`,
    source: ref('AWS::Cognito::IdentityPoolRoleAttachment', 'GuestPoolRoles'),
  })),
});
const guestModel = (trust: unknown, pools: IdentityPool[], policy: unknown = PUT_EVENTS) =>
  model({ identities: [role('GuestRole', { trust, policies: [policy] })], identityPools: pools });

const FIX =
  'Give a guest role only what an anonymous visitor may do (put RUM or Pinpoint events, read a public map) and record ' +
  'it as an approved catalog exception; otherwise turn off unauthenticated identities in the pool and require ' +
  'cognito-identity.amazonaws.com:amr "authenticated" in the trust policy.';
const publicRole = (why: string, reach = '1 action, 1 of them beyond reading and listing: rum:PutRumEvents') => ({
  resource: 'GuestRole',
  identity: 'TestStack/GuestRole',
  detail: 'Cognito::unauthenticated',
  level: 'mandatory' as const,
  message:
    `Role GuestRole is a public identity: ${why}. Anyone on the internet can get its credentials without signing in ` +
    `and use every permission it has (${reach}). ${FIX}`,
});

ruleTester(rule, {
  valid: [
    {
      name: "the pool's authenticated role: its trust requires amr authenticated, so a guest token is refused",
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(SIGNED_IN_AMR), [pool(true)]),
    },
    {
      name: 'attached as the guest role, but its trust refuses guest tokens: Cognito cannot hand it to guests',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(SIGNED_IN_AMR), [pool(true, ['GuestRole'])]),
    },
    {
      name: 'a guest trust of a pool of the change that does not allow unauthenticated identities',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(false, ['GuestRole'])]),
    },
    {
      name: 'no amr condition, on a pool that allows only signed-in identities',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(), [pool(false)]),
    },
    {
      name: 'a guest role that holds only cognito-identity:GetCredentialsForIdentity (the CDK guest role): a public API',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(true, ['GuestRole'])], GET_CREDENTIALS),
    },
    {
      name: 'a guest role that holds only the public Cognito Identity APIs, no amr condition',
      catalog: defaultCatalog(),
      model: guestModel(
        cognitoTrust(),
        [pool(true)],
        allOf('cognito-identity:GetId', 'cognito-identity:GetOpenIdToken', 'cognito-identity:UnlinkIdentity'),
      ),
    },
  ],
  invalid: [
    {
      name: 'GetCredentialsForIdentity beside an action that needs credentials: the guest gets that action',
      catalog: defaultCatalog(),
      model: guestModel(
        cognitoTrust(GUEST_AMR),
        [pool(true, ['GuestRole'])],
        allOf('cognito-identity:GetCredentialsForIdentity', 'rum:PutRumEvents'),
      ),
      findings: [
        publicRole(
          'identity pool GuestPool gives this role to its unauthenticated (guest) identities (role attachment GuestPoolRoles)',
          '2 actions, 1 of them beyond reading and listing: rum:PutRumEvents',
        ),
      ],
    },
    {
      name: 'cognito-identity:* is more than the public APIs (DeleteIdentityPool, SetIdentityPoolRoles, …)',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(true, ['GuestRole'])], allOf('cognito-identity:*')),
      findings: [
        publicRole(
          'identity pool GuestPool gives this role to its unauthenticated (guest) identities (role attachment GuestPoolRoles)',
          '26 actions, 12 of them beyond reading and listing: cognito-identity:CreateIdentityPool, ' +
            'cognito-identity:DeleteIdentities, cognito-identity:DeleteIdentityPool, …',
        ),
      ],
    },
    {
      name: "the pool's role attachment gives the role to guests (Roles.unauthenticated), the RUM pattern",
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(true, ['GuestRole'])]),
      findings: [
        publicRole(
          'identity pool GuestPool gives this role to its unauthenticated (guest) identities (role attachment GuestPoolRoles)',
        ),
      ],
    },
    {
      name: 'a trust that accepts guest tokens of a pool of the change that allows guests, with write access',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(true)], BUCKET_ADMIN),
      findings: [
        publicRole(
          'its trust accepts unauthenticated (guest) identities (ForAnyValue:StringLike ' +
            'cognito-identity.amazonaws.com:amr "unauthenticated") of identity pool GuestPool, which allows ' +
            'unauthenticated identities',
          '4 actions, 3 of them beyond reading and listing: s3:DeleteObject, s3:PutBucketPolicy, s3:PutObject',
        ),
      ],
    },
    {
      name: 'no amr condition: the trust accepts every identity of a pool that allows guests',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(), [pool(true)]),
      findings: [
        publicRole(
          'its trust accepts every identity (no cognito-identity.amazonaws.com:amr condition) of identity pool ' +
            'GuestPool, which allows unauthenticated identities',
        ),
      ],
    },
    {
      name: 'a guest trust of a pool the change does not create: it says whom it is for',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR, 'eu-west-1:0f2e6a44-4b4b-4c1e-9d2f-2b1c7f0e9a11'), []),
      findings: [
        publicRole(
          'its trust accepts unauthenticated (guest) identities (ForAnyValue:StringLike ' +
            'cognito-identity.amazonaws.com:amr "unauthenticated") of identity pool ' +
            'eu-west-1:0f2e6a44-4b4b-4c1e-9d2f-2b1c7f0e9a11',
        ),
      ],
    },
    {
      name: 'whether the pool allows guests is a parameter: pending',
      catalog: defaultCatalog(),
      model: guestModel(cognitoTrust(GUEST_AMR), [pool(unknownValue('Ref AllowGuests (parameter)'), ['GuestRole'])]),
      findings: [
        {
          resource: 'GuestRole',
          identity: 'TestStack/GuestRole',
          detail: 'Cognito::unauthenticated',
          level: 'advisory',
          pending: true,
          message:
            'Role GuestRole may be a public identity: identity pool GuestPool gives this role to its unauthenticated ' +
            '(guest) identities (role attachment GuestPoolRoles), and whether the pool allows unauthenticated ' +
            'identities (Ref AllowGuests (parameter)) cannot be verified until apply. If it does, anyone on the ' +
            'internet can get its credentials without signing in (1 action, 1 of them beyond reading and listing: ' +
            'rum:PutRumEvents).',
        },
      ],
    },
  ],
});
