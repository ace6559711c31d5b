/**
 * The per-rule parity table: for every rule of src/rules/index.ts, cases written once per front-end (a CloudFormation
 * template, which the CLI reads and the CDK app is built from; the Terraform plan; the Pulumi resources, in
 * program.ts under the same names) and the verdicts the case's rule must give in every front-end.
 *
 * Naming: every resource of a case starts with the case id, and its logical id, construct id, Pulumi resource name,
 * Terraform resource name and physical name (RoleName, UserName, Name) are the same, so a verdict reads the same
 * everywhere: `rule | identity | level | resource`.
 *
 * A case a front-end cannot express says why (`{ unsupported: reason }`); parity.test.ts asserts the reason is there,
 * so nothing is skipped in silence.
 */
import { formatVerdict, type Verdict } from '../support/cdk-verdicts.js';
import type { PlannedResource } from '../terraform/support.js';

export type { Verdict };

export type Level = 'mandatory' | 'advisory';
/** A verdict as a case writes it: its level one a rule gives (test/support/cdk-verdicts.ts formats it). */
export const verdict = (rule: string, identity: string, level: Level, resource: string): Verdict =>
  formatVerdict(rule, identity, level, resource);

export interface Unsupported {
  unsupported: string;
}
export const isUnsupported = (value: unknown): value is Unsupported =>
  typeof value === 'object' && value !== null && 'unsupported' in value;

/** Why an AwsCustomResource's SDK call has no counterpart in the other front-ends. */
const SDK_CALL_ELSEWHERE = {
  pulumi: {
    unsupported:
      'a Pulumi program makes an SDK call in its own code or a dynamic provider, not through a resource whose inputs name the call',
  },
  terraform: {
    unsupported: 'Terraform has no AwsCustomResource; an SDK call from a provisioner is no planned resource',
  },
};

export interface CfnTemplateCase {
  Transform?: string;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** The front-ends a verdict goes through. */
export const FRONT_ENDS = ['cli', 'aspect', 'nag', 'plugin', 'pulumi', 'terraform'] as const;
export type FrontEnd = (typeof FRONT_ENDS)[number];

export interface ParityCase {
  /** Prefix of every resource name of the case (no id is a prefix of another). */
  id: string;
  /** The rule the case is about; `*` for a valid case every rule must pass. */
  rule: string;
  /** Catalog YAML appended to catalog.yaml for this case. */
  catalog?: string;
  /** Read by the CLI and built into the CDK app (one Stage per case: aspect, nag pack, validation plugin). */
  cloudformation: CfnTemplateCase | Unsupported;
  /** The case's resources are registered in program.ts (true), or why Pulumi cannot express it. */
  pulumi: true | Unsupported;
  terraform: PlannedResource[] | Unsupported;
  /** A front-end that cannot state this case's verdict although it reads the case (the nag pack: catalog findings). */
  silent?: Partial<Record<FrontEnd, string>>;
  /** The case rule's verdicts, in every front-end that expresses the case. Empty for a valid case. */
  expected: Verdict[];
}

const ACCOUNT = '111122223333';
/** A GitHub personal access token of the documented shape (ghp_ and 36 characters), made up; program.ts writes it too. */
const GITHUB_TOKEN = 'ghp_Parity0123456789abcdefghijklmnopqrst';
/** Base64 of a cloud-init script writing a PEM private key; program.ts writes it too. */
const VM_CUSTOM_DATA = Buffer.from('#!/bin/bash\necho "-----BEGIN RSA PRIVATE KEY-----" > /etc/app.key\n').toString(
  'base64',
);
const document = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[]) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
});
const serviceTrust = (service: string) =>
  document({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const LAMBDA_TRUST = serviceTrust('lambda.amazonaws.com');
const cfnTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const OWNED = { owner: 'team-parity', 'identity-class': 'service' };

const WORKLOAD = { owner: 'team-parity', 'identity-class': 'workload' };
/** A trust of IAM Roles Anywhere, with the given condition (program.ts writes the same). */
const ROLES_ANYWHERE_TRUST = (condition?: Record<string, unknown>) =>
  document({
    Effect: 'Allow',
    Principal: { Service: 'rolesanywhere.amazonaws.com' },
    Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    ...(condition ? { Condition: condition } : {}),
  });
/** The trust EKS's user guide gives a Pod Identity role (pod-id-role.html), with no condition (program.ts writes the same). */
const POD_IDENTITY_TRUST = document({
  Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
  Effect: 'Allow',
  Principal: { Service: 'pods.eks.amazonaws.com' },
  Action: ['sts:AssumeRole', 'sts:TagSession'],
});
/** Pinned to one trust anchor and one certificate CN, so only the credential and the session are left to judge. */
const PINNED_ROLES_ANYWHERE = {
  ArnEquals: { 'aws:SourceArn': `arn:aws:rolesanywhere:eu-west-1:${ACCOUNT}:trust-anchor/parity-anchor` },
  StringEquals: { 'aws:PrincipalTag/x509Subject/CN': 'parity.example.com' },
};

/** `<id>Role`, trusted by Roles Anywhere (pinned), and the profile `<id>Profile` naming it, as CloudFormation. */
function cfnRolesAnywhere(id: string, durationSeconds?: number): CfnTemplateCase {
  const role = cfnRole(id, { trust: ROLES_ANYWHERE_TRUST(PINNED_ROLES_ANYWHERE), tags: WORKLOAD });
  return {
    Resources: {
      ...role.Resources,
      [`${id}Profile`]: {
        Type: 'AWS::RolesAnywhere::Profile',
        Properties: {
          Name: `${id}Profile`,
          RoleArns: [{ 'Fn::GetAtt': [`${id}Role`, 'Arn'] }],
          ...(durationSeconds ? { DurationSeconds: durationSeconds } : {}),
        },
      },
    },
  };
}

/** The same as Terraform plans it, `aws_rolesanywhere_profile.<id>Profile` naming the role by its ARN (known at apply). */
function tfRolesAnywhere(id: string, durationSeconds?: number): PlannedResource[] {
  return [
    ...tfRole(id, { trust: ROLES_ANYWHERE_TRUST(PINNED_ROLES_ANYWHERE), tags: WORKLOAD }),
    {
      address: `aws_rolesanywhere_profile.${id}Profile`,
      values: {
        name: `${id}Profile`,
        enabled: true,
        ...(durationSeconds ? { duration_seconds: durationSeconds } : {}),
      },
      unknown: {
        arn: true,
        id: true,
        role_arns: true,
        tags_all: true,
        ...(durationSeconds ? {} : { duration_seconds: true }),
      },
      references: { role_arns: [`aws_iam_role.${id}Role.arn`, `aws_iam_role.${id}Role`] },
    },
  ];
}

/** A role (and an AWS::IAM::Policy `<id>Policy` on it when given a document), as CloudFormation. */
function cfnRole(
  id: string,
  role: { trust?: unknown; tags?: Record<string, string>; maxSession?: number },
  policy?: unknown,
): CfnTemplateCase {
  const name = `${id}Role`;
  return {
    Resources: {
      [name]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: name,
          AssumeRolePolicyDocument: role.trust ?? LAMBDA_TRUST,
          ...(role.maxSession ? { MaxSessionDuration: role.maxSession } : {}),
          ...(role.tags ? { Tags: cfnTags(role.tags) } : {}),
        },
      },
      ...(policy
        ? {
            [`${id}Policy`]: {
              Type: 'AWS::IAM::Policy',
              Properties: { PolicyName: `${id}Policy`, Roles: [{ Ref: name }], PolicyDocument: policy },
            },
          }
        : {}),
    },
  };
}

/** The same role as Terraform plans it (aws 5.x, before the first apply), with `aws_iam_role_policy.<id>Policy`. */
function tfRole(
  id: string,
  role: { trust?: unknown; tags?: Record<string, string>; maxSession?: number },
  policy?: unknown,
): PlannedResource[] {
  const name = `${id}Role`;
  return [
    {
      address: `aws_iam_role.${name}`,
      values: {
        name,
        path: '/',
        assume_role_policy: JSON.stringify(role.trust ?? LAMBDA_TRUST),
        max_session_duration: role.maxSession ?? 3600,
        ...(role.tags ? { tags: role.tags } : {}),
      },
      unknown: {
        arn: true,
        id: true,
        unique_id: true,
        create_date: true,
        tags_all: true,
        managed_policy_arns: true,
        inline_policy: true,
      },
    },
    ...(policy
      ? [
          {
            address: `aws_iam_role_policy.${id}Policy`,
            values: { name: `${id}Policy`, role: name, policy: JSON.stringify(policy) },
            unknown: { id: true },
            references: { role: [`aws_iam_role.${name}.name`, `aws_iam_role.${name}`] },
          },
        ]
      : []),
  ];
}

const tfUser = (name: string, tags: Record<string, string>): PlannedResource => ({
  address: `aws_iam_user.${name}`,
  values: { name, path: '/', tags },
  unknown: { arn: true, id: true, unique_id: true, tags_all: true },
});
const cfnUser = (name: string, tags: Record<string, string>) => ({
  Type: 'AWS::IAM::User',
  Properties: { UserName: name, Tags: cfnTags(tags) },
});

const GITHUB_TRUST = document({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
});

const READ_BY_ANYONE = document({
  Effect: 'Allow',
  Principal: '*',
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
});

const OTHER_ROOT = 'arn:aws:iam::999999999999:root';

/** The secret `<name>Secret` (owned) and the resource policy `<name>Policy` on it, as CloudFormation resources. */
const cfnSecretPolicy = (name: string, policy: unknown) => ({
  [`${name}Secret`]: {
    Type: 'AWS::SecretsManager::Secret',
    Properties: { Name: `${name}Secret`, Tags: cfnTags(OWNED) },
  },
  [`${name}Policy`]: {
    Type: 'AWS::SecretsManager::ResourcePolicy',
    Properties: { SecretId: { Ref: `${name}Secret` }, ResourcePolicy: policy },
  },
});
/** The same as a Terraform plan shows them before the first apply. */
const tfSecretPolicy = (name: string, policy: unknown): PlannedResource[] => [
  {
    address: `aws_secretsmanager_secret.${name}Secret`,
    values: { name: `${name}Secret`, tags: OWNED },
    unknown: { arn: true, id: true, tags_all: true, policy: true },
  },
  {
    address: `aws_secretsmanager_secret_policy.${name}Policy`,
    values: { policy: JSON.stringify(policy) },
    unknown: { id: true, secret_arn: true },
    references: {
      secret_arn: [`aws_secretsmanager_secret.${name}Secret.arn`, `aws_secretsmanager_secret.${name}Secret`],
    },
  },
];
/** Another account may replace and delete the value. */
const WRITE_BY_OTHER = document({
  Effect: 'Allow',
  Principal: { AWS: OTHER_ROOT },
  Action: ['secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret'],
  Resource: '*',
});
/** Another account may read the value, but a Deny of the same principal wins. */
const READ_DENIED = document(
  { Effect: 'Allow', Principal: { AWS: OTHER_ROOT }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
  { Effect: 'Deny', Principal: { AWS: OTHER_ROOT }, Action: 'secretsmanager:*', Resource: '*' },
);
/** A service may read the value for whichever account configures it (no aws:SourceAccount). */
const READ_BY_SERVICE = document({
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
});

const NO_MACRO =
  'a deploy-time template macro (Transform) is CloudFormation processing; Pulumi and Terraform have no such step';

/** The S3Acl case's buckets and the Object Ownership each writes (program.ts builds the same). */
const S3_ACL_BUCKETS = [
  { id: 'S3AclOn', ownership: 'ObjectWriter' },
  { id: 'S3AclDefault', ownership: undefined },
  { id: 'S3AclEnforced', ownership: 'BucketOwnerEnforced' },
] as const;
const s3AclBucketName = (id: string) => `${id.toLowerCase()}-parity`;
/** `s3:PutObject*` (two ACL writes among its actions) on the objects of the case's bucket. */
const s3AclWrites = (id: string) => document(allow('s3:PutObject*', `arn:aws:s3:::${s3AclBucketName(id)}/*`));

export const CASES: ParityCase[] = [
  {
    id: 'NlcKey',
    rule: 'no-long-lived-credentials',
    cloudformation: {
      Resources: {
        NlcKeyUser: cfnUser('NlcKeyUser', OWNED),
        NlcKeyUserKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'NlcKeyUser' } } },
      },
    },
    pulumi: true,
    terraform: [
      tfUser('NlcKeyUser', OWNED),
      {
        address: 'aws_iam_access_key.NlcKeyUserKey',
        values: { user: 'NlcKeyUser', status: 'Active' },
        unknown: { id: true, secret: true },
        references: { user: ['aws_iam_user.NlcKeyUser.name', 'aws_iam_user.NlcKeyUser'] },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcKeyUser', 'mandatory', 'NlcKeyUserKey')],
  },
  {
    // An IAM user's SSH public key (CodeCommit) and signing certificate. The key is Inactive: reported all the same, as
    // an access key is, since one UpdateSSHPublicKey call makes it work again.
    id: 'NlcUserKeys',
    rule: 'no-long-lived-credentials',
    cloudformation: {
      unsupported:
        "CloudFormation has no resource type for an IAM user's SSH public key or signing certificate (aws-cdk-lib " +
        '2.276.0 aws-iam/lib/iam.generated.d.ts lists every AWS::IAM type: neither is one)',
    },
    pulumi: true,
    terraform: [
      tfUser('NlcUserKeysUser', OWNED),
      {
        address: 'aws_iam_user_ssh_key.NlcUserKeysSsh',
        values: {
          username: 'NlcUserKeysUser',
          encoding: 'SSH',
          public_key: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC parity@example.com',
          status: 'Inactive',
        },
        unknown: { id: true, ssh_public_key_id: true, fingerprint: true },
        references: { username: ['aws_iam_user.NlcUserKeysUser.name', 'aws_iam_user.NlcUserKeysUser'] },
      },
      {
        address: 'aws_iam_signing_certificate.NlcUserKeysCert',
        values: {
          user_name: 'NlcUserKeysUser',
          certificate_body: '-----BEGIN CERTIFICATE-----\nMIIBparity\n-----END CERTIFICATE-----\n',
          status: 'Active',
        },
        unknown: { id: true, certificate_id: true },
        references: { user_name: ['aws_iam_user.NlcUserKeysUser.name', 'aws_iam_user.NlcUserKeysUser'] },
      },
    ],
    expected: [
      verdict('no-long-lived-credentials', 'NlcUserKeysUser', 'mandatory', 'NlcUserKeysCert'),
      verdict('no-long-lived-credentials', 'NlcUserKeysUser', 'mandatory', 'NlcUserKeysSsh'),
    ],
  },
  {
    // A Cloud Storage HMAC key of a service account of the change, linked by its e-mail (known only after apply).
    id: 'NlcHmac',
    rule: 'no-long-lived-credentials',
    cloudformation: { unsupported: 'CloudFormation has no Google Cloud resources (a Cloud Storage HMAC key)' },
    pulumi: true,
    terraform: [
      {
        address: 'google_service_account.NlcHmacAccount',
        values: { account_id: 'NlcHmacAccount', project: 'parity-project', disabled: false },
        unknown: { id: true, email: true, name: true, unique_id: true, member: true },
      },
      {
        address: 'google_storage_hmac_key.NlcHmacKey',
        values: { project: 'parity-project', state: 'ACTIVE' },
        unknown: { id: true, access_id: true, secret: true, service_account_email: true, time_created: true },
        references: {
          service_account_email: [
            'google_service_account.NlcHmacAccount.email',
            'google_service_account.NlcHmacAccount',
          ],
        },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcHmacAccount', 'mandatory', 'NlcHmacKey')],
  },
  {
    // An Azure storage account's own keys (Shared Key), left to the default: no identity holds them, the finding names
    // the account. A plan shows the provider's default, true; the Pulumi program leaves allowSharedKeyAccess out.
    id: 'NlcSharedKey',
    rule: 'no-long-lived-credentials',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a storage account)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_storage_account.NlcSharedKeySa',
        values: {
          name: 'NlcSharedKeySa',
          resource_group_name: 'parity-rg',
          location: 'westeurope',
          account_tier: 'Standard',
          account_replication_type: 'LRS',
          shared_access_key_enabled: true,
        },
        unknown: { id: true, primary_access_key: true, secondary_access_key: true, primary_connection_string: true },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcSharedKeySa', 'mandatory', 'NlcSharedKeySa')],
  },
  {
    // A Cosmos DB account's own keys (local authentication), left to the default: the setting's polarity is the other
    // way round (azure-native `disableLocalAuth` left out; azurerm `local_authentication_enabled`, default true).
    id: 'NlcCosmosKeys',
    rule: 'no-long-lived-credentials',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a Cosmos DB account)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_cosmosdb_account.NlcCosmosKeysDb',
        values: {
          name: 'NlcCosmosKeysDb',
          resource_group_name: 'parity-rg',
          location: 'westeurope',
          offer_type: 'Standard',
          consistency_policy: [{ consistency_level: 'Session' }],
          geo_location: [{ location: 'westeurope', failover_priority: 0 }],
          local_authentication_enabled: true,
        },
        unknown: { id: true, primary_key: true, secondary_key: true, endpoint: true },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcCosmosKeysDb', 'mandatory', 'NlcCosmosKeysDb')],
  },
  {
    // AWS's documented example access key in a function's environment: no identity holds it, the finding names the
    // function, whose configuration every reader of it, and every copy of the code, template and state, holds.
    id: 'NlcPlainFn',
    rule: 'no-long-lived-credentials',
    cloudformation: {
      Resources: {
        NlcPlainFn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            FunctionName: 'NlcPlainFn',
            Runtime: 'python3.12',
            Handler: 'index.handler',
            Role: `arn:aws:iam::${ACCOUNT}:role/NlcPlainFnRole`,
            Code: { ZipFile: 'def handler(event, context):\n    pass\n' },
            Environment: { Variables: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', STAGE: 'prod' } },
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_lambda_function.NlcPlainFn',
        values: {
          function_name: 'NlcPlainFn',
          runtime: 'python3.12',
          handler: 'index.handler',
          role: `arn:aws:iam::${ACCOUNT}:role/NlcPlainFnRole`,
          environment: [{ variables: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', STAGE: 'prod' } }],
        },
        unknown: { id: true, arn: true, invoke_arn: true, qualified_arn: true, version: true },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcPlainFn', 'mandatory', 'NlcPlainFn')],
  },
  {
    // A CodeBuild project's environment variable of the default type, PLAINTEXT, holding a GitHub token; one of type
    // SECRETS_MANAGER names the secret it reads at build time.
    id: 'NlcPlainBuild',
    rule: 'no-long-lived-credentials',
    cloudformation: {
      Resources: {
        NlcPlainBuild: {
          Type: 'AWS::CodeBuild::Project',
          Properties: {
            Name: 'NlcPlainBuild',
            ServiceRole: `arn:aws:iam::${ACCOUNT}:role/NlcPlainBuildRole`,
            Artifacts: { Type: 'NO_ARTIFACTS' },
            Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.2' },
            Environment: {
              Type: 'LINUX_CONTAINER',
              ComputeType: 'BUILD_GENERAL1_SMALL',
              Image: 'aws/codebuild/standard:7.0',
              EnvironmentVariables: [
                { Name: 'GITHUB_TOKEN', Value: GITHUB_TOKEN },
                { Name: 'NPM_TOKEN', Value: 'ci/npm-token', Type: 'SECRETS_MANAGER' },
              ],
            },
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_codebuild_project.NlcPlainBuild',
        values: {
          name: 'NlcPlainBuild',
          service_role: `arn:aws:iam::${ACCOUNT}:role/NlcPlainBuildRole`,
          artifacts: [{ type: 'NO_ARTIFACTS' }],
          source: [{ type: 'NO_SOURCE', buildspec: 'version: 0.2' }],
          environment: [
            {
              type: 'LINUX_CONTAINER',
              compute_type: 'BUILD_GENERAL1_SMALL',
              image: 'aws/codebuild/standard:7.0',
              environment_variable: [
                { name: 'GITHUB_TOKEN', value: GITHUB_TOKEN, type: 'PLAINTEXT' },
                { name: 'NPM_TOKEN', value: 'ci/npm-token', type: 'SECRETS_MANAGER' },
              ],
            },
          ],
        },
        unknown: { id: true, arn: true, badge_url: true },
      },
    ],
    expected: [verdict('no-long-lived-credentials', 'NlcPlainBuild', 'mandatory', 'NlcPlainBuild')],
  },
  {
    // A private key written into an Azure VM's custom data (base64 of a cloud-init script), which Azure keeps with the VM
    // ("Do not pass any secrets or passwords in customData property", azure-native's OSProfile.customData). A VM's name
    // is unique only in its resource group: no name binds an exception, so the finding names no identity.
    id: 'NlcPlainVm',
    rule: 'no-long-lived-credentials',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a virtual machine)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_linux_virtual_machine.NlcPlainVm',
        values: {
          name: 'NlcPlainVm',
          resource_group_name: 'parity-rg',
          location: 'westeurope',
          size: 'Standard_B1s',
          admin_username: 'parity',
          custom_data: VM_CUSTOM_DATA,
        },
        unknown: { id: true, private_ip_address: true, virtual_machine_id: true },
      },
    ],
    expected: [verdict('no-long-lived-credentials', '-', 'mandatory', 'NlcPlainVm')],
  },
  {
    id: 'WildS3',
    rule: 'no-wildcard-privilege',
    cloudformation: cfnRole('WildS3', { tags: OWNED }, document(allow('s3:*', '*'))),
    pulumi: true,
    terraform: tfRole('WildS3', { tags: OWNED }, document(allow('s3:*', '*'))),
    expected: [verdict('no-wildcard-privilege', 'WildS3Role', 'mandatory', 'WildS3Policy')],
  },
  {
    // S3 ACL writes (s3:PutObjectAcl, s3:PutObjectVersionAcl in s3:PutObject*) on three buckets of the change: one whose
    // Object Ownership is ObjectWriter (ACLs enabled: privileged), one that writes none (S3's default,
    // BucketOwnerEnforced) and one set to BucketOwnerEnforced (ACLs disabled: an ACL there grants nothing). Terraform
    // and Pulumi set Object Ownership with a resource of its own on the bucket.
    id: 'S3Acl',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      Resources: Object.assign(
        {},
        ...S3_ACL_BUCKETS.map(({ id, ownership }) => ({
          [`${id}Bucket`]: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              BucketName: s3AclBucketName(id),
              ...(ownership ? { OwnershipControls: { Rules: [{ ObjectOwnership: ownership }] } } : {}),
            },
          },
          ...cfnRole(id, { tags: OWNED }, s3AclWrites(id)).Resources,
        })),
      ) as CfnTemplateCase['Resources'],
    },
    pulumi: true,
    terraform: S3_ACL_BUCKETS.flatMap(({ id, ownership }): PlannedResource[] => [
      {
        address: `aws_s3_bucket.${id}Bucket`,
        values: { bucket: s3AclBucketName(id), force_destroy: false },
        // AWS provider 5: `acl`, `grant` and `policy` report what other resources write.
        unknown: { arn: true, id: true, acl: true, grant: true, policy: true, tags_all: true },
      },
      ...(ownership
        ? [
            {
              address: `aws_s3_bucket_ownership_controls.${id}Ownership`,
              values: { rule: [{ object_ownership: ownership }] },
              unknown: { bucket: true, id: true },
              references: { bucket: [`aws_s3_bucket.${id}Bucket.id`, `aws_s3_bucket.${id}Bucket`] },
            },
          ]
        : []),
      ...tfRole(id, { tags: OWNED }, s3AclWrites(id)),
    ]),
    expected: [verdict('no-wildcard-privilege', 'S3AclOnRole', 'mandatory', 'S3AclOnPolicy')],
  },
  {
    // An EKS access entry puts the role in system:masters: cluster-admin of the cluster, judged on the role.
    id: 'WildEks',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      Resources: {
        ...cfnRole('WildEks', { tags: OWNED }).Resources,
        WildEksEntry: {
          Type: 'AWS::EKS::AccessEntry',
          Properties: {
            ClusterName: 'parity',
            PrincipalArn: { 'Fn::GetAtt': ['WildEksRole', 'Arn'] },
            KubernetesGroups: ['system:masters'],
          },
        },
      },
    },
    pulumi: true,
    // The role's ARN is known only at apply: the entry's principal_arn waits for it.
    terraform: [
      ...tfRole('WildEks', { tags: OWNED }),
      {
        address: 'aws_eks_access_entry.WildEksEntry',
        values: { cluster_name: 'parity', kubernetes_groups: ['system:masters'], type: 'STANDARD' },
        unknown: { principal_arn: true, id: true, access_entry_arn: true, tags_all: true },
        references: { principal_arn: ['aws_iam_role.WildEksRole.arn', 'aws_iam_role.WildEksRole'] },
      },
    ],
    expected: [verdict('no-wildcard-privilege', 'WildEksRole', 'mandatory', 'WildEksEntry')],
  },
  {
    // An EKS cluster that writes no access configuration: EKS makes whoever deploys it a cluster administrator (its
    // creator), outside the catalog. Reported on the cluster, no identity, in every front-end; the waiver target every
    // front-end suggests is the cluster's name (EKS keeps it unique in the account and Region), the column's name.
    id: 'WildCreatorAdmin',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      Resources: {
        WildCreatorAdminCluster: {
          Type: 'AWS::EKS::Cluster',
          Properties: {
            Name: 'WildCreatorAdminCluster',
            RoleArn: `arn:aws:iam::${ACCOUNT}:role/parity-eks-cluster`,
            ResourcesVpcConfig: { SubnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] },
          },
        },
      },
    },
    pulumi: true,
    // access_config left out of the configuration: its plan value is computed at apply, EKS's default applies.
    terraform: [
      {
        address: 'aws_eks_cluster.WildCreatorAdminCluster',
        values: {
          name: 'WildCreatorAdminCluster',
          role_arn: `arn:aws:iam::${ACCOUNT}:role/parity-eks-cluster`,
          vpc_config: [{ subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'] }],
          bootstrap_self_managed_addons: true,
        },
        unknown: { access_config: true, arn: true, id: true, endpoint: true, tags_all: true },
      },
    ],
    expected: [verdict('no-wildcard-privilege', 'WildCreatorAdminCluster', 'mandatory', 'WildCreatorAdminCluster')],
  },
  {
    // A user joins a group the change does not create: what the group grants cannot be seen, one verdict everywhere.
    id: 'WildOutsideGroup',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      Resources: {
        WildOutsideGroupUser: cfnUser('WildOutsideGroupUser', OWNED),
        WildOutsideGroupMembership: {
          Type: 'AWS::IAM::UserToGroupAddition',
          Properties: { GroupName: 'ParityAdmins', Users: [{ Ref: 'WildOutsideGroupUser' }] },
        },
      },
    },
    pulumi: true,
    terraform: [
      tfUser('WildOutsideGroupUser', OWNED),
      {
        address: 'aws_iam_user_group_membership.WildOutsideGroupMembership',
        values: { user: 'WildOutsideGroupUser', groups: ['ParityAdmins'] },
        unknown: { id: true },
        references: { user: ['aws_iam_user.WildOutsideGroupUser.name', 'aws_iam_user.WildOutsideGroupUser'] },
      },
    ],
    expected: [verdict('no-wildcard-privilege', 'WildOutsideGroupUser', 'mandatory', 'WildOutsideGroupMembership')],
  },
  {
    // A Key Vault access policy of every secret permission (`all`) to a principal the change does not create: a
    // wildcard over the vault's secrets, one verdict in every front-end that has Azure (azure-native AccessPolicy,
    // azurerm_key_vault_access_policy).
    id: 'WildKv',
    rule: 'no-wildcard-privilege',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a Key Vault access policy)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_key_vault_access_policy.WildKvPolicy',
        values: {
          key_vault_id:
            '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/parity-rg/providers/Microsoft.KeyVault/vaults/parity-kv',
          tenant_id: '00000000-0000-0000-0000-000000000001',
          object_id: '00000000-0000-0000-0000-00000000c0de',
          secret_permissions: ['all'],
        },
        unknown: { id: true },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildKvPolicy')],
  },
  {
    // Entra ID: the legacy membership of Global Administrator (activated by display name in the change), read as the
    // directory role assignment it is, to a principal the change does not create (azuread 2.x, planned before apply).
    id: 'WildDirMember',
    rule: 'no-wildcard-privilege',
    cloudformation: { unsupported: 'CloudFormation has no Azure AD resources (azuread_directory_role_member)' },
    pulumi: true,
    terraform: [
      {
        address: 'azuread_directory_role.WildDirMemberRole',
        values: { display_name: 'Global Administrator' },
        unknown: { id: true, object_id: true, template_id: true },
      },
      {
        address: 'azuread_directory_role_member.WildDirMemberAdd',
        values: { member_object_id: '00000000-0000-0000-0000-00000000d1e0' },
        unknown: { id: true, role_object_id: true },
        references: {
          role_object_id: [
            'azuread_directory_role.WildDirMemberRole.object_id',
            'azuread_directory_role.WildDirMemberRole',
          ],
        },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildDirMemberAdd')],
  },
  {
    // Entra ID: a delegated permission grant on Microsoft Graph's service principal (the published app id, use_existing)
    // of Directory.ReadWrite.All for every user: the Graph permission of that name, privileged as the application
    // permission is.
    id: 'WildGraphGrant',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      unsupported: 'CloudFormation has no Azure AD resources (azuread_service_principal_delegated_permission_grant)',
    },
    pulumi: true,
    terraform: [
      {
        address: 'azuread_service_principal.WildGraphGrantMsgraph',
        values: { client_id: '00000003-0000-0000-c000-000000000000', use_existing: true },
        unknown: { id: true, object_id: true },
      },
      {
        address: 'azuread_service_principal_delegated_permission_grant.WildGraphGrantConsent',
        values: {
          service_principal_object_id: '00000000-0000-0000-0000-00000000d1e1',
          claim_values: ['openid', 'Directory.ReadWrite.All'],
        },
        unknown: { id: true, resource_service_principal_object_id: true },
        references: {
          resource_service_principal_object_id: [
            'azuread_service_principal.WildGraphGrantMsgraph.object_id',
            'azuread_service_principal.WildGraphGrantMsgraph',
          ],
        },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildGraphGrantConsent')],
  },
  {
    // Google Cloud: roles/owner on the project for a whole domain, standing privilege held by people; beside it the same
    // role for a group until a time its IAM condition states (temporary access), which passes.
    id: 'WildPeopleOwner',
    rule: 'no-wildcard-privilege',
    cloudformation: { unsupported: 'CloudFormation has no Google Cloud resources (project IAM members)' },
    pulumi: true,
    terraform: [
      {
        address: 'google_project_iam_member.WildPeopleOwnerDomain',
        values: { project: 'parity-project', role: 'roles/owner', member: 'domain:example.com', condition: [] },
        unknown: { id: true, etag: true },
      },
      {
        address: 'google_project_iam_member.WildPeopleOwnerBound',
        values: {
          project: 'parity-project',
          role: 'roles/owner',
          member: 'group:oncall@example.com',
          condition: [
            { title: 'incident', description: '', expression: 'request.time < timestamp("2027-06-01T00:00:00Z")' },
          ],
        },
        unknown: { id: true, etag: true },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildPeopleOwnerDomain')],
  },
  {
    // Azure: Owner on the subscription for a group, standing privilege held by people (azure-native RoleAssignment,
    // azurerm_role_assignment, principal type Group).
    id: 'WildPeopleGroup',
    rule: 'no-wildcard-privilege',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a role assignment)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_role_assignment.WildPeopleGroupOwner',
        values: {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000002',
          role_definition_id:
            '/subscriptions/00000000-0000-0000-0000-000000000002/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
          principal_id: '00000000-0000-0000-0000-0000000a0d15',
          principal_type: 'Group',
        },
        unknown: { id: true, name: true, role_definition_name: true },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildPeopleGroupOwner')],
  },
  {
    id: 'OwnerNone',
    rule: 'require-owner',
    cloudformation: cfnRole('OwnerNone', {}),
    pulumi: true,
    terraform: tfRole('OwnerNone', {}),
    expected: [verdict('require-owner', 'OwnerNoneRole', 'mandatory', 'OwnerNoneRole')],
  },
  {
    id: 'EntExtra',
    rule: 'require-entitlement',
    cloudformation: cfnRole(
      'EntExtra',
      { tags: { ...OWNED, entitlements: 'parity-read' } },
      document(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:parity-queue`)),
    ),
    pulumi: true,
    terraform: tfRole(
      'EntExtra',
      { tags: { ...OWNED, entitlements: 'parity-read' } },
      document(allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:parity-queue`)),
    ),
    expected: [verdict('require-entitlement', 'EntExtraRole', 'mandatory', 'EntExtraPolicy')],
  },
  {
    // A queue policy names the role: what it grants is the role's, judged against the role's entitlements.
    id: 'EntQueue',
    rule: 'require-entitlement',
    cloudformation: {
      Resources: {
        ...cfnRole('EntQueue', { tags: { ...OWNED, entitlements: 'parity-read' } }).Resources,
        EntQueueQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'EntQueueQueue' } },
        EntQueuePolicy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: {
            Queues: [{ Ref: 'EntQueueQueue' }],
            PolicyDocument: document({
              Effect: 'Allow',
              Principal: { AWS: { 'Fn::GetAtt': ['EntQueueRole', 'Arn'] } },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': ['EntQueueQueue', 'Arn'] },
            }),
          },
        },
      },
    },
    pulumi: true,
    // The policy built from names the plan knows (the caller identity's account, the role's and queue's names), so it
    // is known before the first apply, as the role's and queue's ARNs are not.
    terraform: [
      ...tfRole('EntQueue', { tags: { ...OWNED, entitlements: 'parity-read' } }),
      {
        address: 'aws_sqs_queue.EntQueueQueue',
        values: { name: 'EntQueueQueue' },
        unknown: { arn: true, id: true, url: true, policy: true, tags_all: true },
      },
      {
        address: 'aws_sqs_queue_policy.EntQueuePolicy',
        values: {
          policy: JSON.stringify(
            document({
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/EntQueueRole` },
              Action: 'sqs:SendMessage',
              Resource: `arn:aws:sqs:eu-west-1:${ACCOUNT}:EntQueueQueue`,
            }),
          ),
        },
        unknown: { id: true, queue_url: true },
        references: { queue_url: ['aws_sqs_queue.EntQueueQueue.url', 'aws_sqs_queue.EntQueueQueue'] },
      },
    ],
    expected: [verdict('require-entitlement', 'EntQueueRole', 'mandatory', 'EntQueuePolicy')],
  },
  {
    // A Lambda permission names the role: the statement it adds to the function's policy is the role's grant.
    id: 'EntInvoke',
    rule: 'require-entitlement',
    cloudformation: {
      Resources: {
        ...cfnRole('EntInvoke', { tags: { ...OWNED, entitlements: 'parity-read' } }).Resources,
        EntInvokePermission: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            FunctionName: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:EntInvokeFunction`,
            Action: 'lambda:InvokeFunction',
            Principal: { 'Fn::GetAtt': ['EntInvokeRole', 'Arn'] },
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      ...tfRole('EntInvoke', { tags: { ...OWNED, entitlements: 'parity-read' } }),
      {
        address: 'aws_lambda_permission.EntInvokePermission',
        values: {
          function_name: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:EntInvokeFunction`,
          action: 'lambda:InvokeFunction',
          principal: `arn:aws:iam::${ACCOUNT}:role/EntInvokeRole`,
        },
        unknown: { id: true, statement_id: true },
      },
    ],
    expected: [verdict('require-entitlement', 'EntInvokeRole', 'mandatory', 'EntInvokePermission')],
  },
  {
    id: 'EscAttach',
    rule: 'no-privilege-escalation',
    cloudformation: cfnRole(
      'EscAttach',
      { tags: OWNED },
      document(allow('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/parity-*`)),
    ),
    pulumi: true,
    terraform: tfRole(
      'EscAttach',
      { tags: OWNED },
      document(allow('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/parity-*`)),
    ),
    expected: [verdict('no-privilege-escalation', 'EscAttachRole', 'mandatory', 'EscAttachRole')],
  },
  {
    id: 'ValidityTypo',
    rule: 'policy-validity',
    cloudformation: cfnRole(
      'ValidityTypo',
      { tags: OWNED },
      document(allow('s3:GetObjekt', 'arn:aws:s3:::parity-bucket/*')),
    ),
    pulumi: true,
    terraform: tfRole('ValidityTypo', { tags: OWNED }, document(allow('s3:GetObjekt', 'arn:aws:s3:::parity-bucket/*'))),
    expected: [verdict('policy-validity', 'ValidityTypoRole', 'advisory', 'ValidityTypoPolicy')],
  },
  {
    // A Resource written as a bucket's name, not its ARN: IAM refuses the policy, so it blocks everywhere.
    id: 'ValidityRefused',
    rule: 'policy-validity',
    cloudformation: cfnRole('ValidityRefused', { tags: OWNED }, document(allow('s3:GetObject', 'parity-bucket/*'))),
    pulumi: true,
    terraform: tfRole('ValidityRefused', { tags: OWNED }, document(allow('s3:GetObject', 'parity-bucket/*'))),
    expected: [verdict('policy-validity', 'ValidityRefusedRole', 'mandatory', 'ValidityRefusedPolicy')],
  },
  {
    id: 'TrustOidc',
    rule: 'restrict-trust',
    cloudformation: cfnRole('TrustOidc', {
      trust: GITHUB_TRUST,
      tags: { owner: 'team-parity', 'identity-class': 'workload' },
    }),
    pulumi: true,
    terraform: tfRole('TrustOidc', {
      trust: GITHUB_TRUST,
      tags: { owner: 'team-parity', 'identity-class': 'workload' },
    }),
    expected: [verdict('restrict-trust', 'TrustOidcRole', 'mandatory', 'TrustOidcRole')],
  },
  {
    id: 'SessionAgent',
    rule: 'session-within-class',
    cloudformation: cfnRole('SessionAgent', {
      trust: serviceTrust('bedrock.amazonaws.com'),
      tags: { owner: 'team-parity', 'identity-class': 'agent' },
      maxSession: 43200,
    }),
    pulumi: true,
    terraform: tfRole('SessionAgent', {
      trust: serviceTrust('bedrock.amazonaws.com'),
      tags: { owner: 'team-parity', 'identity-class': 'agent' },
      maxSession: 43200,
    }),
    expected: [verdict('session-within-class', 'SessionAgentRole', 'mandatory', 'SessionAgentRole')],
  },
  {
    // A class claimed by the IaC's own tag does not lengthen sessions: a Lambda's role tagged human is held to the
    // shortest limit of any class (1h), not to human's 12h.
    id: 'SessionClaimed',
    rule: 'session-within-class',
    cloudformation: cfnRole('SessionClaimed', {
      trust: serviceTrust('lambda.amazonaws.com'),
      tags: { owner: 'team-parity', 'identity-class': 'human' },
      maxSession: 43200,
    }),
    pulumi: true,
    terraform: tfRole('SessionClaimed', {
      trust: serviceTrust('lambda.amazonaws.com'),
      tags: { owner: 'team-parity', 'identity-class': 'human' },
      maxSession: 43200,
    }),
    expected: [verdict('session-within-class', 'SessionClaimedRole', 'mandatory', 'SessionClaimedRole')],
  },
  {
    id: 'SecretStale',
    rule: 'secret-rotation',
    cloudformation: {
      Resources: {
        SecretStaleSecret: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { Name: 'SecretStaleSecret', Tags: cfnTags(OWNED) },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_secretsmanager_secret.SecretStaleSecret',
        values: { name: 'SecretStaleSecret', tags: OWNED },
        unknown: { arn: true, id: true, tags_all: true },
      },
    ],
    expected: [verdict('secret-rotation', 'SecretStaleSecret', 'mandatory', 'SecretStaleSecret')],
  },
  {
    // A secret's resource policy lets any AWS principal read it: judged on the policy resource, for the secret.
    id: 'SecretOpen',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        SecretOpenSecret: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { Name: 'SecretOpenSecret', Tags: cfnTags(OWNED) },
        },
        SecretOpenPolicy: {
          Type: 'AWS::SecretsManager::ResourcePolicy',
          Properties: { SecretId: { Ref: 'SecretOpenSecret' }, ResourcePolicy: READ_BY_ANYONE },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_secretsmanager_secret.SecretOpenSecret',
        values: { name: 'SecretOpenSecret', tags: OWNED },
        unknown: { arn: true, id: true, tags_all: true, policy: true },
      },
      {
        address: 'aws_secretsmanager_secret_policy.SecretOpenPolicy',
        values: { policy: JSON.stringify(READ_BY_ANYONE) },
        unknown: { id: true, secret_arn: true },
        references: {
          secret_arn: ['aws_secretsmanager_secret.SecretOpenSecret.arn', 'aws_secretsmanager_secret.SecretOpenSecret'],
        },
      },
    ],
    expected: [verdict('restrict-trust', 'SecretOpenSecret', 'mandatory', 'SecretOpenPolicy')],
  },
  {
    // A write grant is judged like a read; a read a Deny of the same principal removes gives no verdict.
    id: 'SecretWrite',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        ...cfnSecretPolicy('SecretWrite', WRITE_BY_OTHER),
        ...cfnSecretPolicy('SecretWriteDenied', READ_DENIED),
      },
    },
    pulumi: true,
    terraform: [...tfSecretPolicy('SecretWrite', WRITE_BY_OTHER), ...tfSecretPolicy('SecretWriteDenied', READ_DENIED)],
    expected: [verdict('restrict-trust', 'SecretWriteSecret', 'mandatory', 'SecretWritePolicy')],
  },
  {
    id: 'SecretService',
    rule: 'restrict-trust',
    cloudformation: { Resources: cfnSecretPolicy('SecretService', READ_BY_SERVICE) },
    pulumi: true,
    terraform: tfSecretPolicy('SecretService', READ_BY_SERVICE),
    expected: [verdict('restrict-trust', 'SecretServiceSecret', 'advisory', 'SecretServicePolicy')],
  },
  {
    // A Resource Access Manager share given to an account the catalog does not list, by a principal association linked
    // to the share through its ARN: the verdict is on the association, which names the account.
    id: 'RamShare',
    rule: 'restrict-trust',
    cloudformation: {
      unsupported:
        "CloudFormation writes a share's principals in the share itself (AWS::RAM::ResourceShare Principals; it has no " +
        'principal association type), so its verdict is on the share, not on an association: test/cli/resource-shares.test.ts',
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_ram_resource_share.RamShareShare',
        values: { name: 'RamShareShare', allow_external_principals: true },
        unknown: { arn: true, id: true, tags_all: true },
      },
      {
        address: 'aws_ram_principal_association.RamSharePartner',
        values: { principal: '999999999999' },
        unknown: { id: true, resource_share_arn: true },
        references: {
          resource_share_arn: ['aws_ram_resource_share.RamShareShare.arn', 'aws_ram_resource_share.RamShareShare'],
        },
      },
    ],
    expected: [verdict('restrict-trust', '-', 'mandatory', 'RamSharePartner')],
  },
  {
    // The CloudFormation spelling of RamShare: the principals in the share itself, so the verdict is on the share (its
    // construct path the waiver target, whose last part the identity column shows); the CLI and the three CDK
    // front-ends give it alike.
    id: 'CfnRamShare',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        CfnRamShareShare: {
          Type: 'AWS::RAM::ResourceShare',
          Properties: { Name: 'CfnRamShareShare', AllowExternalPrincipals: true, Principals: ['999999999999'] },
        },
      },
    },
    pulumi: {
      unsupported: "Pulumi's ram.ResourceShare names no principals: each is a PrincipalAssociation (case RamShare)",
    },
    terraform: {
      unsupported:
        "Terraform's aws_ram_resource_share names no principals: each is an aws_ram_principal_association (case RamShare)",
    },
    expected: [verdict('restrict-trust', 'CfnRamShareShare', 'mandatory', 'CfnRamShareShare')],
  },
  {
    // A Lambda layer version shared with every AWS account (a permission Principal `*` without an organization), read
    // as the layer-policy statement it stands for: the verdict is on the permission resource.
    id: 'LayerPublic',
    rule: 'restrict-trust',
    cloudformation: {
      unsupported:
        'the CDK front-ends name a finding without an identity by its construct path (case CfnLayerPublic), ' +
        'the Pulumi and Terraform ones by `-`',
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_lambda_layer_version_permission.LayerPublicPermission',
        values: {
          layer_name: 'arn:aws:lambda:eu-west-1:111122223333:layer:LayerPublic',
          version_number: 1,
          principal: '*',
          action: 'lambda:GetLayerVersion',
          statement_id: 'LayerPublicPermission',
          skip_destroy: false,
        },
        unknown: { id: true, policy: true, revision_id: true },
      },
    ],
    expected: [verdict('restrict-trust', '-', 'mandatory', 'LayerPublicPermission')],
  },
  {
    // LayerPublic as CloudFormation writes it (AWS::Lambda::LayerVersionPermission): through the CLI, the aspect, the
    // nag pack and the validation plugin, the verdict on the permission, its construct path the waiver target.
    id: 'CfnLayerPublic',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        CfnLayerPublicPermission: {
          Type: 'AWS::Lambda::LayerVersionPermission',
          Properties: {
            Action: 'lambda:GetLayerVersion',
            LayerVersionArn: 'arn:aws:lambda:eu-west-1:111122223333:layer:CfnLayerPublic:1',
            Principal: '*',
          },
        },
      },
    },
    pulumi: { unsupported: 'the same grant in Pulumi is case LayerPublic (a finding without identity is named `-`)' },
    terraform: {
      unsupported: 'the same grant in Terraform is case LayerPublic (a finding without identity is named `-`)',
    },
    expected: [verdict('restrict-trust', 'CfnLayerPublicPermission', 'mandatory', 'CfnLayerPublicPermission')],
  },
  {
    // Lake Formation permissions on a table to an account the catalog does not list, read as the grant it stands for
    // (lakeformation:GetDataAccess on the Data Catalog): the verdict is on the permissions resource.
    id: 'LakeFormationPartner',
    rule: 'restrict-trust',
    cloudformation: {
      unsupported:
        'the CDK front-ends name a finding without an identity by its construct path (case CfnLakeFormationPartner), ' +
        'the Pulumi and Terraform ones by `-`',
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_lakeformation_permissions.LakeFormationPartnerPermissions',
        values: {
          principal: '999999999999',
          permissions: ['SELECT'],
          table: [{ database_name: 'sales', name: 'orders' }],
        },
        unknown: { id: true },
      },
    ],
    expected: [verdict('restrict-trust', '-', 'mandatory', 'LakeFormationPartnerPermissions')],
  },
  {
    // LakeFormationPartner as CloudFormation writes it (AWS::LakeFormation::Permissions, its principal inside
    // DataLakePrincipal): through the CLI, the aspect, the nag pack and the validation plugin.
    id: 'CfnLakeFormationPartner',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        CfnLakeFormationPartnerPermissions: {
          Type: 'AWS::LakeFormation::Permissions',
          Properties: {
            DataLakePrincipal: { DataLakePrincipalIdentifier: '999999999999' },
            Permissions: ['SELECT'],
            Resource: { TableResource: { DatabaseName: 'sales', Name: 'orders' } },
          },
        },
      },
    },
    pulumi: {
      unsupported: 'the same grant in Pulumi is case LakeFormationPartner (a finding without identity is named `-`)',
    },
    terraform: {
      unsupported: 'the same grant in Terraform is case LakeFormationPartner (a finding without identity is named `-`)',
    },
    expected: [
      verdict(
        'restrict-trust',
        'CfnLakeFormationPartnerPermissions',
        'mandatory',
        'CfnLakeFormationPartnerPermissions',
      ),
    ],
  },
  {
    id: 'BreakGlass',
    rule: 'break-glass-isolation',
    cloudformation: cfnRole('BreakGlass', {}),
    pulumi: true,
    terraform: tfRole('BreakGlass', {}),
    expected: [verdict('break-glass-isolation', 'break-glass-parity', 'mandatory', 'BreakGlassRole')],
  },
  {
    // Compute that runs as the role (COMPUTE_ROLES), read from each front-end's own spelling of a CodeBuild project.
    id: 'BgBuild',
    rule: 'break-glass-isolation',
    cloudformation: {
      Resources: {
        ...cfnRole('BgBuild', { trust: serviceTrust('codebuild.amazonaws.com') }).Resources,
        BgBuildProject: {
          Type: 'AWS::CodeBuild::Project',
          Properties: {
            Name: 'BgBuildProject',
            ServiceRole: { 'Fn::GetAtt': ['BgBuildRole', 'Arn'] },
            Artifacts: { Type: 'NO_ARTIFACTS' },
            Environment: {
              Type: 'LINUX_CONTAINER',
              ComputeType: 'BUILD_GENERAL1_SMALL',
              Image: 'aws/codebuild/standard:7.0',
            },
            Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.2' },
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      ...tfRole('BgBuild', { trust: serviceTrust('codebuild.amazonaws.com') }),
      {
        address: 'aws_codebuild_project.BgBuildProject',
        values: { name: 'BgBuildProject' },
        unknown: { arn: true, id: true, service_role: true },
        references: { service_role: ['aws_iam_role.BgBuildRole.arn', 'aws_iam_role.BgBuildRole'] },
      },
    ],
    expected: [
      verdict('break-glass-isolation', 'break-glass-build-parity', 'mandatory', 'BgBuildProject'),
      verdict('break-glass-isolation', 'break-glass-build-parity', 'mandatory', 'BgBuildRole'),
    ],
  },
  {
    id: 'HumanLocal',
    rule: 'human-federated',
    cloudformation: {
      Resources: { HumanLocalUser: cfnUser('HumanLocalUser', { owner: 'team-parity', 'identity-class': 'human' }) },
    },
    pulumi: true,
    terraform: [tfUser('HumanLocalUser', { owner: 'team-parity', 'identity-class': 'human' })],
    expected: [verdict('human-federated', 'HumanLocalUser', 'mandatory', 'HumanLocalUser')],
  },
  {
    id: 'Expired',
    rule: 'identity-expiry',
    cloudformation: cfnRole('Expired', { tags: { ...OWNED, expires: '2026-01-31' } }),
    pulumi: true,
    terraform: tfRole('Expired', { tags: { ...OWNED, expires: '2026-01-31' } }),
    expected: [verdict('identity-expiry', 'ExpiredRole', 'mandatory', 'ExpiredRole')],
  },
  {
    id: 'ExcExpired',
    rule: 'exception-expiry',
    catalog: [
      'exceptions:',
      '  - id: EXC-PARITY-1',
      '    rule: require-owner',
      '    target: ExcExpiredRole',
      '    reason: The owner was being decided',
      '    owner: team-parity',
      '    approvedBy: security-lead@example.com',
      '    approved: 2025-06-01',
      '    expires: 2026-01-31',
      '',
    ].join('\n'),
    cloudformation: cfnRole('ExcExpired', {}),
    pulumi: true,
    terraform: tfRole('ExcExpired', {}),
    silent: {
      nag: 'cdk-nag reports per L1 resource; a finding about a catalog exception belongs to no stack (the aspect and the CLI report it)',
    },
    expected: [verdict('exception-expiry', '-', 'advisory', '(catalog)')],
  },
  {
    id: 'UnseenMacro',
    rule: 'no-unseen-content',
    cloudformation: { Transform: 'ParityMacro', ...cfnRole('UnseenMacro', { tags: OWNED }) },
    pulumi: { unsupported: NO_MACRO },
    terraform: { unsupported: NO_MACRO },
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'ParityMacro')],
  },
  {
    // An AWS SDK call a CDK AwsCustomResource makes while the stack deploys: a new default version of a managed policy
    // made elsewhere, whose other versions and holders no resource of the template shows.
    id: 'UnseenSdk',
    rule: 'no-unseen-content',
    cloudformation: {
      Resources: {
        UnseenSdkVersion: {
          Type: 'Custom::AWS',
          Properties: {
            ServiceToken: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:aws-custom-resource`,
            Create: JSON.stringify({
              service: 'IAM',
              action: 'createPolicyVersion',
              parameters: {
                PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/shared-deploy`,
                PolicyDocument: JSON.stringify(document(allow('s3:*', '*'))),
                SetAsDefault: true,
              },
              physicalResourceId: { id: 'shared-deploy-version' },
            }),
            InstallLatestAwsSdk: false,
          },
        },
      },
    },
    ...SDK_CALL_ELSEWHERE,
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenSdkVersion')],
  },
  {
    // The same kind of call read as what it makes: AdministratorAccess attached by AttachRolePolicy to a role the
    // change does not create, judged at the custom resource.
    id: 'WildSdkAttach',
    rule: 'no-wildcard-privilege',
    cloudformation: {
      Resources: {
        WildSdkAttachCall: {
          Type: 'Custom::AWS',
          Properties: {
            ServiceToken: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:aws-custom-resource`,
            Create: JSON.stringify({
              service: 'IAM',
              action: 'attachRolePolicy',
              parameters: { RoleName: 'legacy-batch', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
              physicalResourceId: { id: 'legacy-batch-admin' },
            }),
            InstallLatestAwsSdk: false,
          },
        },
      },
    },
    ...SDK_CALL_ELSEWHERE,
    expected: [verdict('no-wildcard-privilege', 'legacy-batch', 'mandatory', 'WildSdkAttachCall')],
  },
  {
    // A custom resource whose provider, a Lambda function of the template, runs as a role allowed to make access keys:
    // what its code makes while the stack deploys is no resource of the template.
    id: 'UnseenCustom',
    rule: 'no-unseen-content',
    cloudformation: (() => {
      const role = cfnRole('UnseenCustom', { tags: OWNED }, document(allow('iam:CreateAccessKey', '*')));
      return {
        Resources: {
          ...role.Resources,
          UnseenCustomProvider: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Runtime: 'python3.12',
              Handler: 'index.handler',
              Role: { 'Fn::GetAtt': ['UnseenCustomRole', 'Arn'] },
              Code: { ZipFile: 'def handler(event, context):\n    pass\n' },
            },
          },
          UnseenCustomKeys: {
            Type: 'Custom::PartnerKeys',
            Properties: { ServiceToken: { 'Fn::GetAtt': ['UnseenCustomProvider', 'Arn'] }, Partner: 'acme' },
          },
        },
      };
    })(),
    pulumi: {
      unsupported:
        "a Pulumi dynamic provider runs in the deployer's process with its credentials, not as a role of the program",
    },
    terraform: {
      unsupported: 'Terraform has no custom resources; a provisioner or an external data source is no planned resource',
    },
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenCustomKeys')],
  },
  {
    // An IAM Identity Center account assignment of a permission set the change does not create: it hands a user what
    // that set holds, which no front-end can see.
    id: 'UnseenSso',
    rule: 'no-unseen-content',
    cloudformation: {
      Resources: {
        UnseenSsoAssign: {
          Type: 'AWS::SSO::Assignment',
          Properties: {
            InstanceArn: 'arn:aws:sso:::instance/ssoins-parity0000000001',
            PermissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-parity0000000001/ps-parity00000001',
            PrincipalId: '906712345-parity',
            PrincipalType: 'USER',
            TargetId: ACCOUNT,
            TargetType: 'AWS_ACCOUNT',
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_ssoadmin_account_assignment.UnseenSsoAssign',
        values: {
          instance_arn: 'arn:aws:sso:::instance/ssoins-parity0000000001',
          permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-parity0000000001/ps-parity00000001',
          principal_id: '906712345-parity',
          principal_type: 'USER',
          target_id: ACCOUNT,
          target_type: 'AWS_ACCOUNT',
        },
        unknown: { id: true },
      },
    ],
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenSsoAssign')],
  },
  {
    // A type that grants and that no adapter reads: an Entra group membership (azuread 2.x, planned before apply).
    id: 'UnseenMember',
    rule: 'no-unseen-content',
    cloudformation: {
      unsupported: 'CloudFormation has no Azure AD resources (azuread_group_member, azuread.GroupMember)',
    },
    pulumi: true,
    terraform: [
      {
        address: 'azuread_group_member.UnseenMemberAdd',
        values: {
          group_object_id: '00000000-0000-0000-0000-00000000beef',
          member_object_id: '00000000-0000-0000-0000-00000000cafe',
        },
        unknown: { id: true },
      },
    ],
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenMemberAdd')],
  },
  {
    // A delegated permission grant on an API that is no service principal of the change: its scopes are that API's,
    // unseen content naming the API, not pending (the API stays unseen at apply), in both front-ends that carry azuread.
    id: 'UnseenApiGrant',
    rule: 'no-unseen-content',
    cloudformation: {
      unsupported: 'CloudFormation has no Azure AD resources (azuread_service_principal_delegated_permission_grant)',
    },
    pulumi: true,
    terraform: [
      {
        address: 'azuread_service_principal_delegated_permission_grant.UnseenApiGrantConsent',
        values: {
          service_principal_object_id: '00000000-0000-0000-0000-00000000d1e1',
          resource_service_principal_object_id: '00000000-0000-0000-0000-00000000a91d',
          claim_values: ['user_impersonation'],
        },
        unknown: { id: true },
      },
    ],
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenApiGrantConsent')],
  },
  {
    // Compute on Google's default service account: the finding is about the workload, which binds no identity (in
    // Pulumi its waiver target is its own URN; a Terraform address binds nothing).
    id: 'WildGkeDefault',
    rule: 'no-wildcard-privilege',
    cloudformation: { unsupported: 'CloudFormation has no Google Cloud resources (a GKE node pool)' },
    pulumi: true,
    terraform: [
      {
        address: 'google_container_node_pool.WildGkeDefaultPool',
        values: {
          cluster: 'WildGkeDefaultCluster',
          node_count: 1,
          node_config: [
            { machine_type: 'e2-medium', oauth_scopes: ['https://www.googleapis.com/auth/cloud-platform'] },
          ],
        },
        unknown: { id: true, node_config: [{ service_account: true }] },
      },
    ],
    expected: [verdict('no-wildcard-privilege', '-', 'mandatory', 'WildGkeDefaultPool')],
  },
  // IAM Roles Anywhere: a role trusted by rolesanywhere.amazonaws.com and the profile that vends its sessions.
  {
    id: 'RaTrust',
    rule: 'restrict-trust',
    cloudformation: cfnRole('RaTrust', { trust: ROLES_ANYWHERE_TRUST(), tags: WORKLOAD }),
    pulumi: true,
    terraform: tfRole('RaTrust', { trust: ROLES_ANYWHERE_TRUST(), tags: WORKLOAD }),
    expected: [
      verdict('restrict-trust', 'RaTrustRole', 'mandatory', 'RaTrustRole'),
      verdict('restrict-trust', 'RaTrustRole', 'advisory', 'RaTrustRole'),
    ],
  },
  // EKS Pod Identity: a role the AWS-documented trust lets any association take, bound by the change to one workload;
  // an association handing pods a role the change does not create.
  {
    id: 'PodIdTrust',
    rule: 'restrict-trust',
    cloudformation: {
      Resources: {
        ...cfnRole('PodIdTrust', { trust: POD_IDENTITY_TRUST, tags: WORKLOAD }).Resources,
        PodIdTrustAssociation: {
          Type: 'AWS::EKS::PodIdentityAssociation',
          Properties: {
            ClusterName: 'parity',
            Namespace: 'payments',
            ServiceAccount: 'api',
            RoleArn: { 'Fn::GetAtt': ['PodIdTrustRole', 'Arn'] },
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      ...tfRole('PodIdTrust', { trust: POD_IDENTITY_TRUST, tags: WORKLOAD }),
      {
        address: 'aws_eks_pod_identity_association.PodIdTrustAssociation',
        values: { cluster_name: 'parity', namespace: 'payments', service_account: 'api' },
        unknown: { role_arn: true, association_arn: true, association_id: true, id: true, tags_all: true },
        references: { role_arn: ['aws_iam_role.PodIdTrustRole.arn', 'aws_iam_role.PodIdTrustRole'] },
      },
    ],
    expected: [verdict('restrict-trust', 'PodIdTrustRole', 'advisory', 'PodIdTrustRole')],
  },
  {
    id: 'UnseenPodRole',
    rule: 'no-unseen-content',
    cloudformation: {
      Resources: {
        UnseenPodRoleAssociation: {
          Type: 'AWS::EKS::PodIdentityAssociation',
          Properties: {
            ClusterName: 'parity',
            Namespace: 'payments',
            ServiceAccount: 'reader',
            RoleArn: `arn:aws:iam::${ACCOUNT}:role/parity-shared-reader`,
          },
        },
      },
    },
    pulumi: true,
    terraform: [
      {
        address: 'aws_eks_pod_identity_association.UnseenPodRoleAssociation',
        values: {
          cluster_name: 'parity',
          namespace: 'payments',
          service_account: 'reader',
          role_arn: `arn:aws:iam::${ACCOUNT}:role/parity-shared-reader`,
        },
        unknown: { association_arn: true, association_id: true, id: true, tags_all: true },
      },
    ],
    expected: [verdict('no-unseen-content', '-', 'mandatory', 'UnseenPodRoleAssociation')],
  },
  {
    id: 'RaCert',
    rule: 'no-long-lived-credentials',
    cloudformation: cfnRolesAnywhere('RaCert'),
    pulumi: true,
    terraform: tfRolesAnywhere('RaCert'),
    expected: [verdict('no-long-lived-credentials', 'RaCertRole', 'mandatory', 'RaCertProfile')],
  },
  {
    id: 'RaSession',
    rule: 'session-within-class',
    cloudformation: cfnRolesAnywhere('RaSession', 43200),
    pulumi: true,
    terraform: tfRolesAnywhere('RaSession', 43200),
    expected: [verdict('session-within-class', 'RaSessionRole', 'mandatory', 'RaSessionProfile')],
  },
  {
    // Valid for every rule: Owner on a subscription for a group, only eligible through Azure PIM (held once activated, just
    // in time), for 180 days: azure-native's PimRoleEligibilitySchedule, azurerm_pim_eligible_role_assignment. Until
    // session 49 both front-ends reported it as unseen.
    id: 'PimEligibleGroup',
    rule: '*',
    cloudformation: { unsupported: 'CloudFormation has no Azure resources (a PIM eligible role assignment)' },
    pulumi: true,
    terraform: [
      {
        address: 'azurerm_pim_eligible_role_assignment.PimEligibleGroupOwner',
        values: {
          scope: '/subscriptions/00000000-0000-0000-0000-000000000002',
          role_definition_id:
            '/subscriptions/00000000-0000-0000-0000-000000000002/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
          principal_id: '00000000-0000-0000-0000-0000000a0d15',
          schedule: [{ expiration: [{ duration_days: 180 }] }],
        },
        unknown: {
          id: true,
          principal_type: true,
          schedule: [{ start_date_time: true, expiration: [{ duration_hours: true, end_date_time: true }] }],
        },
      },
    ],
    expected: [],
  },
  {
    // Valid for every rule: owned, classed, entitled to exactly what it holds, trusted by one service, a 1h session.
    id: 'Clean',
    rule: '*',
    cloudformation: cfnRole(
      'Clean',
      { tags: { ...OWNED, entitlements: 'parity-read' }, maxSession: 3600 },
      document(
        allow(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/parity-orders`),
      ),
    ),
    pulumi: true,
    terraform: tfRole(
      'Clean',
      { tags: { ...OWNED, entitlements: 'parity-read' }, maxSession: 3600 },
      document(
        allow(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/parity-orders`),
      ),
    ),
    expected: [],
  },
];
