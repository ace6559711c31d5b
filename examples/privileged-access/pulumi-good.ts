// Privileged access done right, as a Pulumi program (the same roles as good.template.yaml): a break-glass role
// signed into through the MFA-enforcing identity provider, for an hour, with exactly its catalog entitlement
// (AdministratorAccess) and an EventBridge rule on its use; and an administrator role held just in time.
import * as aws from '@pulumi/aws';

const account = '111122223333';
const samlTrust = (provider: string): aws.iam.PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${account}:saml-provider/${provider}` },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    },
  ],
});

new aws.iam.Role('BreakGlassRole', {
  name: 'break-glass-admin',
  maxSessionDuration: 3600,
  assumeRolePolicy: samlTrust('ExampleIdP'),
  managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
});

new aws.cloudwatch.EventRule('BreakGlassUseRule', {
  name: 'break-glass-admin-used',
  description: 'Any use of the break-glass role pages the security on-call',
  eventPattern: JSON.stringify({
    'detail-type': ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'],
    detail: { userIdentity: { sessionContext: { sessionIssuer: { userName: ['break-glass-admin'] } } } },
  }),
});

new aws.iam.Role('JitAdminRole', {
  name: 'jit-admin',
  maxSessionDuration: 3600,
  assumeRolePolicy: samlTrust('ExampleIdP'),
  managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
});
