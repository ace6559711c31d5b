// The cases of cases.ts as one Pulumi program (@pulumi/aws), run under the SDK's mocks by parity.test.ts: every
// resource has the name, and the physical name, the case gives it in CloudFormation and Terraform.
import * as aws from '@pulumi/aws';
import { authorization, compute, cosmosdb, keyvault, storage } from '@pulumi/azure-native';
import * as azuread from '@pulumi/azuread';
import * as gcp from '@pulumi/gcp';
import * as pulumi from '@pulumi/pulumi';

const ACCOUNT = '111122223333';
const document = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[]) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
});
const serviceTrust = (service: string) =>
  document({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const OWNED = { owner: 'team-parity', 'identity-class': 'service' };

/** `<id>Role`, and the inline policy `<id>Policy` on it (aws.iam.RolePolicy) when given one. */
function role(
  id: string,
  args: { trust?: string; tags?: Record<string, string>; maxSession?: number },
  policy?: string,
): aws.iam.Role {
  const name = `${id}Role`;
  const created = new aws.iam.Role(name, {
    name,
    assumeRolePolicy: args.trust ?? serviceTrust('lambda.amazonaws.com'),
    ...(args.maxSession ? { maxSessionDuration: args.maxSession } : {}),
    ...(args.tags ? { tags: args.tags } : {}),
  });
  if (policy) new aws.iam.RolePolicy(`${id}Policy`, { name: `${id}Policy`, role: created.name, policy });
  return created;
}

// no-long-lived-credentials
const keyUser = new aws.iam.User('NlcKeyUser', { name: 'NlcKeyUser', tags: OWNED });
new aws.iam.AccessKey('NlcKeyUserKey', { user: keyUser.name });
const userKeysUser = new aws.iam.User('NlcUserKeysUser', { name: 'NlcUserKeysUser', tags: OWNED });
new aws.iam.SshKey('NlcUserKeysSsh', {
  username: userKeysUser.name,
  encoding: 'SSH',
  publicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC parity@example.com',
  status: 'Inactive',
});
new aws.iam.SigningCertificate('NlcUserKeysCert', {
  userName: userKeysUser.name,
  certificateBody: '-----BEGIN CERTIFICATE-----\nMIIBparity\n-----END CERTIFICATE-----\n',
  status: 'Active',
});
/** A GitHub personal access token of the documented shape, made up (cases.ts writes it too). */
const GITHUB_TOKEN = 'ghp_Parity0123456789abcdefghijklmnopqrst';
new aws.lambda.Function('NlcPlainFn', {
  name: 'NlcPlainFn',
  runtime: 'python3.12',
  handler: 'index.handler',
  role: `arn:aws:iam::${ACCOUNT}:role/NlcPlainFnRole`,
  code: new pulumi.asset.AssetArchive({
    'index.py': new pulumi.asset.StringAsset('def handler(event, context):\n    pass\n'),
  }),
  environment: { variables: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', STAGE: 'prod' } },
});
new aws.codebuild.Project('NlcPlainBuild', {
  name: 'NlcPlainBuild',
  serviceRole: `arn:aws:iam::${ACCOUNT}:role/NlcPlainBuildRole`,
  artifacts: { type: 'NO_ARTIFACTS' },
  source: { type: 'NO_SOURCE', buildspec: 'version: 0.2' },
  environment: {
    type: 'LINUX_CONTAINER',
    computeType: 'BUILD_GENERAL1_SMALL',
    image: 'aws/codebuild/standard:7.0',
    environmentVariables: [
      { name: 'GITHUB_TOKEN', value: GITHUB_TOKEN },
      { name: 'NPM_TOKEN', value: 'ci/npm-token', type: 'SECRETS_MANAGER' },
    ],
  },
});
const hmacAccount = new gcp.serviceaccount.Account('NlcHmacAccount', {
  accountId: 'NlcHmacAccount',
  project: 'parity-project',
});
new storage.StorageAccount('NlcSharedKeySa', {
  accountName: 'NlcSharedKeySa',
  resourceGroupName: 'parity-rg',
  location: 'westeurope',
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS' },
});
new compute.VirtualMachine('NlcPlainVm', {
  vmName: 'NlcPlainVm',
  resourceGroupName: 'parity-rg',
  location: 'westeurope',
  hardwareProfile: { vmSize: 'Standard_B1s' },
  osProfile: {
    computerName: 'NlcPlainVm',
    adminUsername: 'parity',
    // Base64 of a cloud-init script writing a PEM private key (cases.ts writes it too).
    customData: Buffer.from('#!/bin/bash\necho "-----BEGIN RSA PRIVATE KEY-----" > /etc/app.key\n').toString('base64'),
  },
});
new cosmosdb.DatabaseAccount('NlcCosmosKeysDb', {
  accountName: 'NlcCosmosKeysDb',
  resourceGroupName: 'parity-rg',
  location: 'westeurope',
  databaseAccountOfferType: 'Standard',
  locations: [{ locationName: 'westeurope', failoverPriority: 0 }],
});
new keyvault.AccessPolicy('WildKvPolicy', {
  resourceGroupName: 'parity-rg',
  vaultName: 'parity-kv',
  policy: {
    tenantId: '00000000-0000-0000-0000-000000000001',
    objectId: '00000000-0000-0000-0000-00000000c0de',
    permissions: { secrets: ['all'] },
  },
});

// Entra ID: Global Administrator membership (azuread.DirectoryRoleMember); a Graph delegated grant of Directory.ReadWrite.All.
const wildDirRole = new azuread.DirectoryRole('WildDirMemberRole', { displayName: 'Global Administrator' });
new azuread.DirectoryRoleMember('WildDirMemberAdd', {
  roleObjectId: wildDirRole.objectId,
  memberObjectId: '00000000-0000-0000-0000-00000000d1e0',
});
const wildGraph = new azuread.ServicePrincipal('WildGraphGrantMsgraph', {
  clientId: '00000003-0000-0000-c000-000000000000',
  useExisting: true,
});
new azuread.ServicePrincipalDelegatedPermissionGrant('WildGraphGrantConsent', {
  servicePrincipalObjectId: '00000000-0000-0000-0000-00000000d1e1',
  resourceServicePrincipalObjectId: wildGraph.objectId,
  claimValues: ['openid', 'Directory.ReadWrite.All'],
});
// People: roles/owner on the project for a domain (standing) and for a group until a stated time (bound); Owner on the
// subscription for a group.
new gcp.projects.IAMMember('WildPeopleOwnerDomain', {
  project: 'parity-project',
  role: 'roles/owner',
  member: 'domain:example.com',
});
new gcp.projects.IAMMember('WildPeopleOwnerBound', {
  project: 'parity-project',
  role: 'roles/owner',
  member: 'group:oncall@example.com',
  condition: { title: 'incident', expression: 'request.time < timestamp("2027-06-01T00:00:00Z")' },
});
new authorization.RoleAssignment('WildPeopleGroupOwner', {
  scope: '/subscriptions/00000000-0000-0000-0000-000000000002',
  roleDefinitionId:
    '/subscriptions/00000000-0000-0000-0000-000000000002/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  principalId: '00000000-0000-0000-0000-0000000a0d15',
  principalType: 'Group',
});
new authorization.PimRoleEligibilitySchedule('PimEligibleGroupOwner', {
  scope: '/subscriptions/00000000-0000-0000-0000-000000000002',
  roleDefinitionId:
    '/subscriptions/00000000-0000-0000-0000-000000000002/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  principalId: '00000000-0000-0000-0000-0000000a0d15',
  scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'P180D' } },
});
new gcp.storage.HmacKey('NlcHmacKey', {
  serviceAccountEmail: hmacAccount.email,
  project: 'parity-project',
  state: 'ACTIVE',
});

// no-wildcard-privilege
role('WildS3', { tags: OWNED }, document(allow('s3:*', '*')));
// S3 ACL writes on a bucket with ACLs enabled (ObjectWriter), on one left to S3's default and on a BucketOwnerEnforced one.
for (const [id, ownership] of [
  ['S3AclOn', 'ObjectWriter'],
  ['S3AclDefault', undefined],
  ['S3AclEnforced', 'BucketOwnerEnforced'],
] as const) {
  const name = `${id.toLowerCase()}-parity`;
  const bucket = new aws.s3.Bucket(`${id}Bucket`, { bucket: name });
  if (ownership)
    new aws.s3.BucketOwnershipControls(`${id}Ownership`, { bucket: bucket.id, rule: { objectOwnership: ownership } });
  role(id, { tags: OWNED }, document(allow('s3:PutObject*', `arn:aws:s3:::${name}/*`)));
}

// no-wildcard-privilege: an EKS access entry puts the role in system:masters
new aws.eks.AccessEntry('WildEksEntry', {
  clusterName: 'parity',
  principalArn: role('WildEks', { tags: OWNED }).arn,
  kubernetesGroups: ['system:masters'],
});

// no-wildcard-privilege: an EKS cluster without access configuration makes its creator a cluster administrator
new aws.eks.Cluster('WildCreatorAdminCluster', {
  name: 'WildCreatorAdminCluster',
  roleArn: 'arn:aws:iam::111122223333:role/parity-eks-cluster',
  vpcConfig: { subnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
});

// no-wildcard-privilege: a GKE node pool on the Compute Engine default service account
new gcp.container.NodePool('WildGkeDefaultPool', {
  cluster: 'WildGkeDefaultCluster',
  nodeCount: 1,
  nodeConfig: { machineType: 'e2-medium', oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
});

// no-wildcard-privilege: a user joins a group the program does not create
const outsideGroupUser = new aws.iam.User('WildOutsideGroupUser', { name: 'WildOutsideGroupUser', tags: OWNED });
new aws.iam.UserGroupMembership('WildOutsideGroupMembership', {
  user: outsideGroupUser.name,
  groups: ['ParityAdmins'],
});

// require-owner
role('OwnerNone', {});

// require-entitlement
role(
  'EntExtra',
  { tags: { ...OWNED, entitlements: 'parity-read' } },
  document(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:parity-queue`)),
);

// require-entitlement: a queue policy grants the role what its entitlements do not
const entQueueRole = role('EntQueue', { tags: { ...OWNED, entitlements: 'parity-read' } });
const entQueue = new aws.sqs.Queue('EntQueueQueue', { name: 'EntQueueQueue' });
new aws.sqs.QueuePolicy('EntQueuePolicy', {
  queueUrl: entQueue.url,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: entQueueRole.arn }, Action: 'sqs:SendMessage', Resource: entQueue.arn },
    ],
  }),
});

const entInvokeRole = role('EntInvoke', { tags: { ...OWNED, entitlements: 'parity-read' } });
new aws.lambda.Permission('EntInvokePermission', {
  function: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:EntInvokeFunction`,
  action: 'lambda:InvokeFunction',
  principal: entInvokeRole.arn,
});

// no-privilege-escalation
role('EscAttach', { tags: OWNED }, document(allow('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/parity-*`)));

// policy-validity
role('ValidityTypo', { tags: OWNED }, document(allow('s3:GetObjekt', 'arn:aws:s3:::parity-bucket/*')));
role('ValidityRefused', { tags: OWNED }, document(allow('s3:GetObject', 'parity-bucket/*')));

// restrict-trust
role('TrustOidc', {
  trust: document({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
  }),
  tags: { owner: 'team-parity', 'identity-class': 'workload' },
});

// session-within-class
role('SessionAgent', {
  trust: serviceTrust('bedrock.amazonaws.com'),
  tags: { owner: 'team-parity', 'identity-class': 'agent' },
  maxSession: 43200,
});

role('SessionClaimed', {
  trust: serviceTrust('lambda.amazonaws.com'),
  tags: { owner: 'team-parity', 'identity-class': 'human' },
  maxSession: 43200,
});

// secret-rotation
new aws.secretsmanager.Secret('SecretStaleSecret', { name: 'SecretStaleSecret', tags: OWNED });

// restrict-trust: a secret's resource policy lets any AWS principal read it
const openSecret = new aws.secretsmanager.Secret('SecretOpenSecret', { name: 'SecretOpenSecret', tags: OWNED });
new aws.secretsmanager.SecretPolicy('SecretOpenPolicy', {
  secretArn: openSecret.arn,
  policy: document({ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
});

// restrict-trust: a Resource Access Manager share given to another account by a principal association
const ramShare = new aws.ram.ResourceShare('RamShareShare', { name: 'RamShareShare', allowExternalPrincipals: true });
new aws.ram.PrincipalAssociation('RamSharePartner', { principal: '999999999999', resourceShareArn: ramShare.arn });

// restrict-trust: a Lambda layer version shared with every AWS account
new aws.lambda.LayerVersionPermission('LayerPublicPermission', {
  layerName: 'arn:aws:lambda:eu-west-1:111122223333:layer:LayerPublic',
  versionNumber: 1,
  principal: '*',
  action: 'lambda:GetLayerVersion',
  statementId: 'LayerPublicPermission',
});

// restrict-trust: Lake Formation permissions on a table to an account the catalog does not list
new aws.lakeformation.Permissions('LakeFormationPartnerPermissions', {
  principal: '999999999999',
  permissions: ['SELECT'],
  table: { databaseName: 'sales', name: 'orders' },
});

/** `<name>Secret` (owned) and the SecretPolicy `<name>Policy` on it. */
function secretWithPolicy(name: string, policy: string): void {
  const secret = new aws.secretsmanager.Secret(`${name}Secret`, { name: `${name}Secret`, tags: OWNED });
  new aws.secretsmanager.SecretPolicy(`${name}Policy`, { secretArn: secret.arn, policy });
}
const OTHER_ROOT = 'arn:aws:iam::999999999999:root';

// restrict-trust: another account may replace and delete a secret's value; another's read is removed by a Deny
secretWithPolicy(
  'SecretWrite',
  document({
    Effect: 'Allow',
    Principal: { AWS: OTHER_ROOT },
    Action: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret'],
    Resource: '*',
  }),
);
secretWithPolicy(
  'SecretWriteDenied',
  document(
    { Effect: 'Allow', Principal: { AWS: OTHER_ROOT }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
    { Effect: 'Deny', Principal: { AWS: OTHER_ROOT }, Action: 'secretsmanager:*', Resource: '*' },
  ),
);

// restrict-trust (advisory): a service may read a secret without aws:SourceAccount
secretWithPolicy(
  'SecretService',
  document({
    Effect: 'Allow',
    Principal: { Service: 'lambda.amazonaws.com' },
    Action: 'secretsmanager:GetSecretValue',
    Resource: '*',
  }),
);

// break-glass-isolation
role('BreakGlass', {});

// break-glass-isolation: a CodeBuild project runs as the break-glass role
const bgBuildRole = role('BgBuild', { trust: serviceTrust('codebuild.amazonaws.com') });
new aws.codebuild.Project('BgBuildProject', {
  name: 'BgBuildProject',
  serviceRole: bgBuildRole.arn,
  artifacts: { type: 'NO_ARTIFACTS' },
  environment: { type: 'LINUX_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL', image: 'aws/codebuild/standard:7.0' },
  source: { type: 'NO_SOURCE', buildspec: 'version: 0.2' },
});

// human-federated
new aws.iam.User('HumanLocalUser', {
  name: 'HumanLocalUser',
  tags: { owner: 'team-parity', 'identity-class': 'human' },
});

// identity-expiry
role('Expired', { tags: { ...OWNED, expires: '2026-01-31' } });

// IAM Roles Anywhere
const rolesAnywhereTrust = (condition?: Record<string, unknown>) =>
  document({
    Effect: 'Allow',
    Principal: { Service: 'rolesanywhere.amazonaws.com' },
    Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    ...(condition ? { Condition: condition } : {}),
  });
const WORKLOAD = { owner: 'team-parity', 'identity-class': 'workload' };
const PINNED_ROLES_ANYWHERE = {
  ArnEquals: { 'aws:SourceArn': `arn:aws:rolesanywhere:eu-west-1:${ACCOUNT}:trust-anchor/parity-anchor` },
  StringEquals: { 'aws:PrincipalTag/x509Subject/CN': 'parity.example.com' },
};
role('RaTrust', { trust: rolesAnywhereTrust(), tags: WORKLOAD });
// EKS Pod Identity
const podIdRole = role('PodIdTrust', {
  trust: document({
    Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
    Effect: 'Allow',
    Principal: { Service: 'pods.eks.amazonaws.com' },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
  }),
  tags: WORKLOAD,
});
new aws.eks.PodIdentityAssociation('PodIdTrustAssociation', {
  clusterName: 'parity',
  namespace: 'payments',
  serviceAccount: 'api',
  roleArn: podIdRole.arn,
});
new aws.eks.PodIdentityAssociation('UnseenPodRoleAssociation', {
  clusterName: 'parity',
  namespace: 'payments',
  serviceAccount: 'reader',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/parity-shared-reader`,
});
for (const [id, durationSeconds] of [['RaCert'], ['RaSession', 43200]] as const) {
  const raRole = role(id, { trust: rolesAnywhereTrust(PINNED_ROLES_ANYWHERE), tags: WORKLOAD });
  new aws.rolesanywhere.Profile(`${id}Profile`, {
    name: `${id}Profile`,
    roleArns: [raRole.arn],
    ...(durationSeconds ? { durationSeconds } : {}),
  });
}

// exception-expiry
role('ExcExpired', {});

// no-unseen-content
new aws.ssoadmin.AccountAssignment('UnseenSsoAssign', {
  instanceArn: 'arn:aws:sso:::instance/ssoins-parity0000000001',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-parity0000000001/ps-parity00000001',
  principalId: '906712345-parity',
  principalType: 'USER',
  targetId: ACCOUNT,
  targetType: 'AWS_ACCOUNT',
});

new azuread.GroupMember('UnseenMemberAdd', {
  groupObjectId: '00000000-0000-0000-0000-00000000beef',
  memberObjectId: '00000000-0000-0000-0000-00000000cafe',
});

new azuread.ServicePrincipalDelegatedPermissionGrant('UnseenApiGrantConsent', {
  servicePrincipalObjectId: '00000000-0000-0000-0000-00000000d1e1',
  resourceServicePrincipalObjectId: '00000000-0000-0000-0000-00000000a91d',
  claimValues: ['user_impersonation'],
});

// valid for every rule
role(
  'Clean',
  { tags: { ...OWNED, entitlements: 'parity-read' }, maxSession: 3600 },
  document(allow(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/parity-orders`)),
);
