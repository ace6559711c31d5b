// An Amazon Cognito identity pool that allows unauthenticated (guest) identities, as a public web map writes it
// (test/pulumi/cognito-guest-roles.test.ts): the attachment gives `guest` to guests and `member` to signed-in users;
// both trusts are built from the pool's id, with the amr claim each one accepts.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const visitors = new aws.cognito.IdentityPool('visitors', {
  identityPoolName: 'visitors',
  allowUnauthenticatedIdentities: true,
});

const cognitoTrust = (amr: string) =>
  pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': visitors.id },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });

const guest = new aws.iam.Role('guest', { name: 'guest', assumeRolePolicy: cognitoTrust('unauthenticated') });
new aws.iam.RolePolicy('guestMaps', {
  role: guest.id,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['geo:GetMapTile', 'geo:GetMapStyleDescriptor'], Resource: '*' }],
  }),
});
const member = new aws.iam.Role('member', { name: 'member', assumeRolePolicy: cognitoTrust('authenticated') });

new aws.cognito.IdentityPoolRoleAttachment('visitorsRoles', {
  identityPoolId: visitors.id,
  roles: { authenticated: member.arn, unauthenticated: guest.arn },
});
