import { describe, expect, it } from 'vitest';
import { decidedAlone, modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { describeUrn, revealUnknowns } from '../../src/adapters/pulumi/resource.js';
import { tagsOf } from '../../src/adapters/pulumi/values.js';
import { isUnknown, type AwsManagedPolicyGrant, type AwsPolicyGrant, type Identity } from '../../src/model/model.js';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const urn = (type: string, name: string) => `urn:pulumi:dev::payments::${type}::${name}`;

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, string[]>,
): PulumiResource {
  return { type, name, urn: urn(type, name), props, ...(propertyDependencies ? { propertyDependencies } : {}) };
}

const ROLE = 'aws:iam/role:Role';
const lambdaTrust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const s3Read = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
};

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

function identityNamed(resources: PulumiResource[], name: string): Identity {
  return only(modelFromPulumiResources(resources).identities.filter((identity) => identity.name === name));
}

describe('Pulumi AWS adapter: identities', () => {
  it('reads a role: physical name, trust, session, tags, boundary, URN and stack', () => {
    const role = identityNamed(
      [
        resource(ROLE, 'api', {
          name: 'payments-api-runtime',
          assumeRolePolicy: JSON.stringify(lambdaTrust),
          maxSessionDuration: 7200,
          tags: { owner: 'team-payments', pending: UNKNOWN },
          permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
        }),
      ],
      'payments-api-runtime',
    );
    expect(role).toMatchObject({
      id: urn(ROLE, 'api'),
      kind: 'aws-role',
      arn: 'arn:aws:iam::<own-account>:role/payments-api-runtime',
      tags: { owner: 'team-payments' },
      maxSessionSeconds: 7200,
      permissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
      resource: { type: ROLE, name: 'api', urn: urn(ROLE, 'api'), stack: 'dev' },
    });
    expect(role.trustPolicy?.statements[0]?.principal).toEqual({ Service: ['lambda.amazonaws.com'] });
  });

  it("takes the ARN AWS returned once the role exists, and AWS's one-hour default session", () => {
    const role = identityNamed(
      [
        resource(ROLE, 'ci', {
          name: 'ci-deployer',
          arn: 'arn:aws:iam::111122223333:role/ci-deployer',
          assumeRolePolicy: lambdaTrust,
        }),
      ],
      'ci-deployer',
    );
    expect(role.arn).toBe('arn:aws:iam::111122223333:role/ci-deployer');
    expect(role.maxSessionSeconds).toBe(3600);
  });

  it("reads inline policies written as JSON strings and as objects, and ignores the provider's `[{}]`", () => {
    const role = identityNamed(
      [
        resource(ROLE, 'r', {
          name: 'r',
          assumeRolePolicy: lambdaTrust,
          inlinePolicies: [
            { name: 'as-string', policy: JSON.stringify(s3Read) },
            { name: 'as-object', policy: s3Read },
            {},
          ],
        }),
      ],
      'r',
    );
    const grants = role.grants as AwsPolicyGrant[];
    expect(grants.map((grant) => grant.policyName)).toEqual(['as-string', 'as-object']);
    expect(grants[0]!.document).toEqual(grants[1]!.document);
    expect(grants[0]!.document.statements[0]!.action).toEqual(['s3:GetObject']);
  });

  it('keeps a value unknown in preview as an Unknown naming the property and the resource it waits for', () => {
    const role = identityNamed(
      [
        resource(
          ROLE,
          'break-glass',
          { name: 'break-glass-admin', assumeRolePolicy: UNKNOWN, maxSessionDuration: UNKNOWN },
          { assumeRolePolicy: [urn(ROLE, 'ci-deployer')] },
        ),
      ],
      'break-glass-admin',
    );
    expect(role.trustPolicy?.unreadable?.description).toBe(
      'break-glass.assumeRolePolicy (output of aws:iam/role:Role ci-deployer) is not known until apply',
    );
    expect(isUnknown(role.maxSessionSeconds)).toBe(true);
  });

  it('keeps an unknown inside a policy object where it stands', () => {
    const role = identityNamed(
      [
        resource(ROLE, 'r', {
          name: 'r',
          assumeRolePolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: UNKNOWN }, Action: 'sts:AssumeRole' }],
          },
        }),
      ],
      'r',
    );
    const principal = role.trustPolicy?.statements[0]?.principal as { AWS: unknown[] };
    expect(principal.AWS[0]).toEqual({
      unknown: true,
      description: 'r.assumeRolePolicy.Statement[0].Principal.AWS is not known until apply',
    });
  });

  it('reads aws-native roles: roleName, policies, tag list', () => {
    const role = identityNamed(
      [
        resource('aws-native:iam:Role', 'native', {
          roleName: 'native-role',
          assumeRolePolicyDocument: lambdaTrust,
          policies: [{ policyName: 'read', policyDocument: s3Read }],
          tags: [{ key: 'owner', value: 'team-data' }],
        }),
      ],
      'native-role',
    );
    expect(role.tags).toEqual({ owner: 'team-data' });
    expect((role.grants as AwsPolicyGrant[]).map((grant) => grant.policyName)).toEqual(['read']);
  });
});

describe('Pulumi AWS adapter: links', () => {
  const role = resource(ROLE, 'analytics', { name: 'analytics-role', assumeRolePolicy: lambdaTrust });

  it('attaches a RolePolicy by the role name the program passed', () => {
    const found = identityNamed(
      [
        role,
        resource('aws:iam/rolePolicy:RolePolicy', 'inline', {
          role: 'analytics-role',
          name: 's3',
          policy: JSON.stringify(s3Read),
        }),
      ],
      'analytics-role',
    );
    expect(found.grants).toMatchObject([
      { kind: 'aws-policy', policyName: 's3', source: { name: 'inline', type: 'aws:iam/rolePolicy:RolePolicy' } },
    ]);
  });

  it('attaches each policy of a RolePolicyAttachmentsExclusive to its role, by name or by dependency in preview', () => {
    // terraform-provider-aws 20e0a28a, role_policy_attachments_exclusive.go syncAttachments attaches each listed policy.
    const found = identityNamed(
      [
        role,
        resource('aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive', 'only', {
          roleName: 'analytics-role',
          policyArns: ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
        }),
        resource(
          'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
          'preview',
          { roleName: UNKNOWN, policyArns: UNKNOWN },
          { roleName: [role.urn] },
        ),
      ],
      'analytics-role',
    );
    expect(found.grants.map((grant) => [grant.source.name, grant.kind === 'aws-managed-policy' && grant.arn])).toEqual([
      ['only', 'arn:aws:iam::aws:policy/AdministratorAccess'],
      ['only', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
      ['preview', { unknown: true, description: 'preview.policyArns is not known until apply' }],
    ]);
  });

  it("attaches by the property's dependency when the role reference is unknown in preview", () => {
    const found = identityNamed(
      [
        role,
        resource('aws:iam/rolePolicy:RolePolicy', 'inline', { role: UNKNOWN, policy: s3Read }, { role: [role.urn] }),
      ],
      'analytics-role',
    );
    expect(found.grants).toHaveLength(1);
  });

  it('gives a policy or attachment naming an identity outside the stack to an external identity, at the granting resource', () => {
    const model = modelFromPulumiResources([
      resource('aws:iam/rolePolicy:RolePolicy', 'inline', { role: 'imported-role', policy: s3Read }),
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'admin', {
        role: 'arn:aws:iam::111122223333:role/ops/imported-role',
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
      resource('aws:iam/userPolicy:UserPolicy', 'user-inline', { user: 'imported-user', policy: s3Read }),
      resource('aws:iam/groupPolicyAttachment:GroupPolicyAttachment', 'group-admin', {
        group: 'imported-group',
        policyArn: 'arn:aws:iam::aws:policy/IAMFullAccess',
      }),
      resource('aws:iam/policyAttachment:PolicyAttachment', 'many', {
        roles: ['imported-role'],
        users: ['imported-user'],
        policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      }),
    ]);
    expect(model.unattachedPolicies).toEqual([]);
    expect(
      model.identities.map((identity) => [
        identity.id,
        identity.kind,
        identity.name,
        identity.arn,
        identity.resource.name,
        identity.external,
        identity.grants.map((grant) => grant.source.name),
      ]),
    ).toEqual([
      [
        'dev/external-role:imported-role',
        'aws-role',
        'imported-role',
        'arn:aws:iam::<own-account>:role/imported-role',
        'inline',
        true,
        ['inline', 'admin', 'many'],
      ],
      [
        'dev/external-user:imported-user',
        'aws-user',
        'imported-user',
        'arn:aws:iam::<own-account>:user/imported-user',
        'user-inline',
        true,
        ['user-inline', 'many'],
      ],
      [
        'dev/external-group:imported-group',
        'aws-group',
        'imported-group',
        'arn:aws:iam::<own-account>:group/imported-group',
        'group-admin',
        true,
        ['group-admin'],
      ],
    ]);
    expect(model.externalReferences?.[0]).toEqual({
      identity: urn('aws:iam/rolePolicy:RolePolicy', 'inline'),
      reference: 'imported-role',
    });
  });

  it('gives a grant to a holder unknown in preview that no dependency explains (a StackReference output) to an unknown external identity', () => {
    // Read as no holder, an AdministratorAccess attachment was dropped and passed in silence.
    const model = modelFromPulumiResources([
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'admin', {
        role: UNKNOWN,
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
      resource('aws:iam/userPolicy:UserPolicy', 'user-inline', { user: UNKNOWN, policy: s3Read }),
    ]);
    expect(model.unattachedPolicies).toEqual([]);
    expect(
      model.identities.map((identity) => [
        identity.id,
        identity.kind,
        identity.name,
        isUnknown(identity.arn),
        identity.external,
        identity.uniqueName,
        identity.grants.map((grant) => grant.source.name),
      ]),
    ).toEqual([
      ['dev/unknown-aws-role:admin.role', 'aws-role', 'admin.role', true, true, undefined, ['admin']],
      ['dev/unknown-aws-user:user-inline.user', 'aws-user', 'user-inline.user', true, true, undefined, ['user-inline']],
    ]);
  });

  it('gives an attachment whose holder resolved to nothing (no role, user or group in the plan) to an unknown external identity', () => {
    // pulumi/examples' aws-ts-s3-lambda-copyzip: CallbackFunction attaches AWSLambda_FullAccess and five other full-access
    // policies with `role: role.name`; an output that resolves to undefined leaves `role` out, and each grant was dropped
    // in silence.
    const model = modelFromPulumiResources([
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'lambda-full', {
        policyArn: 'arn:aws:iam::aws:policy/AWSLambda_FullAccess',
      }),
      resource('aws:iam/userPolicyAttachment:UserPolicyAttachment', 'user-admin', {
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
      resource('aws:iam/groupPolicyAttachment:GroupPolicyAttachment', 'group-admin', {
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ]);
    expect(
      model.identities.map((identity) => [
        identity.id,
        identity.kind,
        isUnknown(identity.arn) ? identity.arn.description : identity.arn,
        identity.external,
        identity.grants.map((grant) => grant.source.name),
      ]),
    ).toEqual([
      ['dev/unknown-aws-role:lambda-full.role', 'aws-role', 'lambda-full.role is not set', true, ['lambda-full']],
      ['dev/unknown-aws-user:user-admin.user', 'aws-user', 'user-admin.user is not set', true, ['user-admin']],
      ['dev/unknown-aws-group:group-admin.group', 'aws-group', 'group-admin.group is not set', true, ['group-admin']],
    ]);
  });

  it('reads the administrator role Organizations creates in a member account the program creates (its roleName, else OrganizationalAccountAccessRole)', () => {
    // pulumi/examples' aws-ts-organizations: the new account's admin role, assumable from the management account, passed unseen.
    const account = (name: string, props: Record<string, unknown>) =>
      resource('aws:organizations/account:Account', name, { name, email: `${name}@example.com`, ...props });
    const model = modelFromPulumiResources([account('dev', { roleName: 'OrgAdmin' }), account('prod', {})]);
    expect(
      model.identities.map((identity) => [
        identity.id,
        identity.kind,
        identity.name,
        identity.resource.name,
        isUnknown(identity.arn),
        identity.grants.map((grant) => (grant.kind === 'aws-managed-policy' ? grant.arn : grant.kind)),
      ]),
    ).toEqual([
      [
        `${urn('aws:organizations/account:Account', 'dev')}/member-account-role`,
        'aws-role',
        'OrgAdmin',
        'dev',
        true,
        ['arn:aws:iam::aws:policy/AdministratorAccess'],
      ],
      [
        `${urn('aws:organizations/account:Account', 'prod')}/member-account-role`,
        'aws-role',
        'OrganizationalAccountAccessRole',
        'prod',
        true,
        ['arn:aws:iam::aws:policy/AdministratorAccess'],
      ],
    ]);
  });

  it("brings a stack policy's document through an attachment by ARN, and keeps any other ARN as a managed policy", () => {
    const policyType = 'aws:iam/policy:Policy';
    const model = modelFromPulumiResources([
      role,
      resource(policyType, 'reports', { name: 'reports-read', policy: JSON.stringify(s3Read) }),
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'own', {
        role: 'analytics-role',
        policyArn: 'arn:aws:iam::111122223333:policy/reports-read',
      }),
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'aws', {
        role: 'analytics-role',
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    ]);
    const [own, managed] = model.identities[0]!.grants as [AwsPolicyGrant, AwsManagedPolicyGrant];
    expect(own).toMatchObject({ kind: 'aws-policy', policyName: 'reports-read', source: { name: 'reports' } });
    expect(managed).toMatchObject({
      kind: 'aws-managed-policy',
      arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      source: { name: 'aws' },
    });
    expect(model.unattachedPolicies).toEqual([]);
  });

  it('attaches one policy to roles, users and groups through a PolicyAttachment', () => {
    const model = modelFromPulumiResources([
      role,
      resource('aws:iam/user:User', 'u', { name: 'report-reader' }),
      resource('aws:iam/group:Group', 'g', { name: 'readers' }),
      resource('aws:iam/policy:Policy', 'reports', { name: 'reports-read', policy: s3Read }),
      resource('aws:iam/policyAttachment:PolicyAttachment', 'everyone', {
        policyArn: 'arn:aws:iam::111122223333:policy/reports-read',
        roles: ['analytics-role'],
        users: ['report-reader'],
        groups: ['readers'],
      }),
    ]);
    expect(
      model.identities.map(
        (identity) => `${identity.name} ${identity.grants.map((grant) => grant.source.name).join(',')}`,
      ),
    ).toEqual(['analytics-role reports', 'report-reader reports', 'readers reports']);
    expect(model.unattachedPolicies).toEqual([]);
  });

  it('checks a policy nobody holds on its own', () => {
    const model = modelFromPulumiResources([resource('aws:iam/policy:Policy', 'loose', { policy: s3Read })]);
    expect(model.unattachedPolicies.map((grant) => grant.policyName)).toEqual(['loose']);
  });

  it("gives group members the group's grants (UserGroupMembership and GroupMembership)", () => {
    const model = modelFromPulumiResources([
      resource('aws:iam/user:User', 'alice', { name: 'alice' }),
      resource('aws:iam/user:User', 'bob', { name: 'bob' }),
      resource('aws:iam/group:Group', 'readers', { name: 'readers' }),
      resource('aws:iam/groupPolicy:GroupPolicy', 'readers-s3', { group: 'readers', policy: s3Read }),
      resource('aws:iam/userGroupMembership:UserGroupMembership', 'alice-readers', {
        user: 'alice',
        groups: ['readers'],
      }),
      resource('aws:iam/groupMembership:GroupMembership', 'readers-members', { group: 'readers', users: ['bob'] }),
    ]);
    const byName = Object.fromEntries(model.identities.map((identity) => [identity.name, identity]));
    expect(byName.alice!.groups).toEqual([urn('aws:iam/group:Group', 'readers')]);
    expect(byName.alice!.grants).toHaveLength(1);
    expect(byName.bob!.grants).toHaveLength(1);
  });

  it('records keys, passwords and service credentials on their user', () => {
    const user = identityNamed(
      [
        resource('aws:iam/user:User', 'etl', { name: 'etl-batch-user' }),
        resource('aws:iam/accessKey:AccessKey', 'etl-key', { user: 'etl-batch-user' }),
        resource('aws:iam/userLoginProfile:UserLoginProfile', 'etl-console', { user: 'etl-batch-user' }),
        resource('aws:iam/serviceSpecificCredential:ServiceSpecificCredential', 'etl-git', {
          userName: 'etl-batch-user',
          serviceName: 'codecommit.amazonaws.com',
        }),
      ],
      'etl-batch-user',
    );
    expect(user.credentials.map((credential) => `${credential.kind} ${credential.source.name}`)).toEqual([
      'aws-access-key etl-key',
      'aws-login-profile etl-console',
      'aws-service-specific-credential etl-git',
    ]);
  });

  it('puts a key for a user the stack does not create on a synthetic user of that name', () => {
    const user = identityNamed(
      [resource('aws:iam/accessKey:AccessKey', 'vendor-key', { user: 'legacy-sftp-sync' })],
      'legacy-sftp-sync',
    );
    expect(user).toMatchObject({
      id: 'dev/external-user:legacy-sftp-sync',
      kind: 'aws-user',
      resource: { name: 'vendor-key' },
    });
    expect(user.credentials.map((credential) => credential.kind)).toEqual(['aws-access-key']);
  });

  it('links compute: Lambda by role ARN, instance profile by role name', () => {
    const found = identityNamed(
      [
        role,
        resource('aws:lambda/function:Function', 'fn', { role: 'arn:aws:iam::111122223333:role/analytics-role' }),
        resource('aws:iam/instanceProfile:InstanceProfile', 'profile', { role: 'analytics-role' }),
      ],
      'analytics-role',
    );
    expect(found.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`)).toEqual([
      'lambda fn',
      'instance-profile profile',
    ]);
  });

  it('links the services that act as a role to do their own work, by role ARN: lifecycle hooks, scaling targets, ECS services, RDS clusters and their instances, event rules, buckets', () => {
    const arn = 'arn:aws:iam::111122223333:role/analytics-role';
    const found = identityNamed(
      [
        role,
        resource('aws:autoscaling/lifecycleHook:LifecycleHook', 'hook', { roleArn: arn }),
        resource('aws:autoscaling/group:Group', 'group', { initialLifecycleHooks: [{ name: 'a' }, { roleArn: arn }] }),
        resource('aws:appautoscaling/target:Target', 'target', { roleArn: arn }),
        resource('aws:ecs/service:Service', 'service', { iamRole: arn }),
        resource('aws:rds/cluster:Cluster', 'cluster', { monitoringRoleArn: arn }),
        resource('aws:rds/clusterInstance:ClusterInstance', 'writer', { monitoringRoleArn: arn }),
        resource('aws:cloudwatch/eventRule:EventRule', 'rule', { roleArn: arn }),
        resource('aws:s3/bucket:Bucket', 'bucket', { replicationConfiguration: { role: arn } }),
        resource('aws:s3/bucketV2:BucketV2', 'bucket-v2', { replicationConfigurations: [{ role: arn }] }),
      ],
      'analytics-role',
    );
    expect(found.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`)).toEqual([
      'autoscaling-lifecycle-hook hook',
      'autoscaling-lifecycle-hook group',
      'application-autoscaling target',
      'ecs-service service',
      'rds-monitoring cluster',
      'rds-monitoring writer',
      'event-target rule',
      's3-replication bucket',
      's3-replication bucket-v2',
    ]);
  });
});

describe('Pulumi AWS adapter: secrets', () => {
  const SECRET = 'aws:secretsmanager/secret:Secret';
  const secret = resource(SECRET, 'db', { name: 'orders-db-password', tags: { owner: 'team-payments' } });
  const secretArn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-db-password-a1B2c3';

  it('reads a secret with no rotation', () => {
    const [found] = modelFromPulumiResources([secret]).secrets;
    expect(found).toMatchObject({ name: 'orders-db-password', tags: { owner: 'team-payments' } });
    expect(found!.rotationDays).toBeUndefined();
    expect(found!.plaintextValue).toBeUndefined();
  });

  it('reads rotation by days and by schedule expression, linked by secret ARN', () => {
    const rotation = (rules: Record<string, unknown>) =>
      modelFromPulumiResources([
        secret,
        resource('aws:secretsmanager/secretRotation:SecretRotation', 'rotation', {
          secretId: secretArn,
          rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
          rotationRules: rules,
        }),
      ]).secrets[0]!;
    expect(rotation({ automaticallyAfterDays: 30 })).toMatchObject({
      rotationDays: 30,
      rotationSource: { name: 'rotation' },
    });
    expect(rotation({ scheduleExpression: 'rate(10 days)' }).rotationDays).toBe(10);
  });

  it('reads a rotation that names no rotation function as none (only a secret another service manages rotates so)', () => {
    const rotation = (props: Record<string, unknown>) =>
      modelFromPulumiResources([
        secret,
        resource('aws:secretsmanager/secretRotation:SecretRotation', 'rotation', {
          secretId: secretArn,
          rotationRules: { automaticallyAfterDays: 30 },
          ...props,
        }),
      ]).secrets[0]!;
    for (const props of [{}, { rotationLambdaArn: '' }, { rotationLambdaArn: null }]) {
      const found = rotation(props);
      expect(found.rotationDays).toBeUndefined();
      expect(found.rotationAdvice).toBe(
        'the rotation function rotation.rotationLambdaArn, which is not set (the rotation rotates nothing), with ' +
          'rotation.rotationRules',
      );
      expect(found.rotationSource).toMatchObject({ name: 'rotation' });
    }
    // A function known only after the update (created by the same program) is one.
    expect(rotation({ rotationLambdaArn: UNKNOWN }).rotationDays).toBe(30);
  });

  it('marks a secret string the program sets (a literal or stack config, alike to the pack) and not a value computed from another resource', () => {
    const version = (props: Record<string, unknown>, deps?: Record<string, string[]>) => {
      const [found] = modelFromPulumiResources([
        secret,
        resource('aws:secretsmanager/secretVersion:SecretVersion', 'v', { secretId: secretArn, ...props }, deps),
      ]).secrets;
      expect(found!.plaintextValue).toBeUndefined();
      return found!.valueInProgram;
    };
    expect(version({ secretString: 'hunter2' })).toBe(true);
    expect(
      version(
        { secretString: 'generated' },
        { secretString: [urn('random:index/randomPassword:RandomPassword', 'pw')] },
      ),
    ).toBeUndefined();
    expect(version({ secretString: UNKNOWN })).toBeUndefined();
  });

  describe('resource policies', () => {
    const SECRET_POLICY = 'aws:secretsmanager/secretPolicy:SecretPolicy';
    const readByAnyone = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    const policy = (name: string, props: Record<string, unknown>, deps?: Record<string, string[]>) =>
      resource(SECRET_POLICY, name, { policy: readByAnyone, ...props }, deps);

    it('puts a SecretPolicy on the secret its ARN names, or the secret it depends on while the ARN is unknown', () => {
      const model = modelFromPulumiResources([
        secret,
        policy('by-arn', { secretArn }),
        policy('in-preview', { secretArn: UNKNOWN }, { secretArn: [urn(SECRET, 'db')] }),
      ]);
      const [found] = model.secrets;
      expect(found!.resourcePolicies!.map((p) => [p.source.name, p.document.statements.length])).toEqual([
        ['by-arn', 1],
        ['in-preview', 1],
      ]);
      expect(model.unlinkedSecretPolicies).toBeUndefined();
    });

    it('judges a SecretPolicy on its own resource when no secret of the stack is the one it names', () => {
      const elsewhere = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shared/api-key-AbCdEf';
      const model = modelFromPulumiResources([
        secret,
        policy('shared', { secretArn: elsewhere }),
        policy('later', { secretArn: UNKNOWN, policy: UNKNOWN }),
      ]);
      expect(model.secrets[0]!.resourcePolicies).toBeUndefined();
      const [shared, later] = model.unlinkedSecretPolicies!;
      expect(shared).toMatchObject({ source: { name: 'shared', type: SECRET_POLICY }, secret: elsewhere });
      expect(later!.secret).toEqual({ unknown: true, description: 'later.secretArn is not known until apply' });
      expect(later!.document.unreadable).toEqual({
        unknown: true,
        description: 'later.policy is not known until apply',
      });
    });

    it("reads aws-native's ResourcePolicy (CloudFormation's names, the policy as an object) like a SecretPolicy", () => {
      const model = modelFromPulumiResources([
        secret,
        resource('aws-native:secretsmanager:ResourcePolicy', 'native', {
          secretId: 'orders-db-password',
          resourcePolicy: JSON.parse(readByAnyone) as unknown,
          blockPublicPolicy: false,
        }),
      ]);
      const [found] = model.secrets[0]!.resourcePolicies!;
      expect(found!.source.name).toBe('native');
      expect(found!.document.statements[0]).toMatchObject({ effect: 'Allow', principal: '*' });
      expect(found!.blockPublicPolicy).toBe(false);
    });

    it('reads blockPublicPolicy: true, false, unknown in preview, absent when not set', () => {
      const model = modelFromPulumiResources([
        secret,
        policy('blocked', { secretArn, blockPublicPolicy: true }),
        policy('open', { secretArn, blockPublicPolicy: false }),
        policy('later', { secretArn, blockPublicPolicy: UNKNOWN }),
        policy('unset', { secretArn }),
      ]);
      expect(model.secrets[0]!.resourcePolicies!.map((p) => [p.source.name, p.blockPublicPolicy])).toEqual([
        ['blocked', true],
        ['open', false],
        ['later', { unknown: true, description: 'later.blockPublicPolicy is not known until apply' }],
        ['unset', undefined],
      ]);
    });

    it("reads the secret's own policy argument; an empty one, or the copy a stack's state repeats, writes none", () => {
      const own = (policyValue: unknown, extra: PulumiResource[] = []) =>
        modelFromPulumiResources([
          resource(SECRET, 'db', { name: 'orders-db-password', policy: policyValue }),
          ...extra,
        ]).secrets[0]!.resourcePolicies?.map((p) => p.source.name);
      expect(own(readByAnyone)).toEqual(['db']);
      expect(own('')).toBeUndefined();
      expect(own(readByAnyone, [policy('by-arn', { secretArn })])).toEqual(['by-arn']);
    });
  });
});

describe('Pulumi adapter: IAM user SSH keys and signing certificates, Cloud Storage HMAC keys', () => {
  const USER = 'aws:iam/user:User';
  const SSH_KEY = 'aws:iam/sshKey:SshKey';
  const SIGNING_CERTIFICATE = 'aws:iam/signingCertificate:SigningCertificate';
  const ACCOUNT = 'gcp:serviceaccount/account:Account';
  const HMAC_KEY = 'gcp:storage/hmacKey:HmacKey';
  const credentialsOf = (resources: PulumiResource[]) =>
    modelFromPulumiResources(resources).identities.map(
      (identity) =>
        `${identity.kind} ${identity.name}${identity.external ? ' (external)' : ''}: ${identity.credentials
          .map((credential) => `${credential.kind} ${credential.source.name}`)
          .join(', ')}`,
    );

  it('gives an IAM user its SSH key (whatever its status) and signing certificate, by name or by dependency; one for a user outside the stack goes to that user', () => {
    const user = resource(USER, 'git-mirror', { name: 'git-mirror' });
    expect(
      credentialsOf([
        user,
        resource(SSH_KEY, 'mirror-ssh', {
          username: 'git-mirror',
          encoding: 'SSH',
          publicKey: 'ssh-rsa AAAA',
          status: 'Inactive',
        }),
        resource(
          SIGNING_CERTIFICATE,
          'mirror-cert',
          { userName: UNKNOWN, certificateBody: 'PEM' },
          { userName: [user.urn] },
        ),
        resource(SSH_KEY, 'vendor-ssh', { username: 'vendor-sftp', encoding: 'PEM', publicKey: 'PEM' }),
      ]),
    ).toEqual([
      'aws-user git-mirror: aws-ssh-public-key mirror-ssh, aws-signing-certificate mirror-cert',
      'aws-user vendor-sftp (external): aws-ssh-public-key vendor-ssh',
    ]);
  });

  it("gives a service account its HMAC key by e-mail or, in preview, by dependency; one for an account outside the stack goes to that account, named as a key's would be", () => {
    const account = resource(ACCOUNT, 'uploader', {
      accountId: 'xml-uploader',
      project: 'media',
      email: 'xml-uploader@media.iam.gserviceaccount.com',
    });
    expect(
      credentialsOf([
        account,
        resource(HMAC_KEY, 'by-email', {
          serviceAccountEmail: 'xml-uploader@media.iam.gserviceaccount.com',
          state: 'INACTIVE',
        }),
        resource(HMAC_KEY, 'in-preview', { serviceAccountEmail: UNKNOWN }, { serviceAccountEmail: [account.urn] }),
        resource(HMAC_KEY, 'elsewhere', { serviceAccountEmail: 'legacy-sync@ops.iam.gserviceaccount.com' }),
        resource('gcp:serviceaccount/key:Key', 'elsewhere-key', {
          serviceAccountId: 'projects/ops/serviceAccounts/legacy-sync@ops.iam.gserviceaccount.com',
        }),
      ]),
    ).toEqual([
      'gcp-service-account xml-uploader: gcp-hmac-key by-email, gcp-hmac-key in-preview',
      'gcp-service-account legacy-sync (external): gcp-service-account-key elsewhere-key, gcp-hmac-key elsewhere',
    ]);
  });

  it('gives an HMAC key whose account is not known, in preview with no dependency, to an account that says so', () => {
    const [holder] = modelFromPulumiResources([
      resource(HMAC_KEY, 'orphan', { serviceAccountEmail: UNKNOWN }),
    ]).identities;
    expect(holder).toMatchObject({ external: true, name: 'orphan', credentials: [{ kind: 'gcp-hmac-key' }] });
    expect(isUnknown(holder!.arn)).toBe(true);
  });
});

describe('Pulumi adapter: Azure storage accounts’ Shared Key', () => {
  const NATIVE = 'azure-native:storage:StorageAccount';
  const CLASSIC = 'azure:storage/account:Account';
  const sharedKeys = (resources: PulumiResource[]) =>
    (modelFromPulumiResources(resources).sharedKeys ?? []).map(
      (keys) =>
        `${keys.source.name} ${keys.name} ${keys.source.physicalName ?? '-'} ${keys.setting} ${JSON.stringify(keys.reason)}`,
    );

  it('records an azure-native account that leaves allowSharedKeyAccess out (null is true), sets it true or leaves it to apply; false records none', () => {
    expect(
      sharedKeys([
        resource(NATIVE, 'sa', { resourceGroupName: 'rg', kind: 'StorageV2' }),
        resource(NATIVE, 'named', { accountName: 'uploads01', allowSharedKeyAccess: true }),
        resource(NATIVE, 'later', { allowSharedKeyAccess: UNKNOWN }),
        resource(NATIVE, 'entra', { allowSharedKeyAccess: false }),
      ]),
    ).toEqual([
      'sa sa - allowSharedKeyAccess {"kind":"unset"}',
      'named uploads01 uploads01 allowSharedKeyAccess {"kind":"enabled"}',
      'later later - allowSharedKeyAccess {"kind":"pending","what":"later.allowSharedKeyAccess is not known until apply"}',
    ]);
  });

  it('reads the classic provider’s sharedAccessKeyEnabled the same way', () => {
    expect(
      sharedKeys([
        resource(CLASSIC, 'classic', { name: 'classicsa' }),
        resource(CLASSIC, 'off', { name: 'offsa', sharedAccessKeyEnabled: false }),
      ]),
    ).toEqual(['classic classicsa classicsa sharedAccessKeyEnabled {"kind":"unset"}']);
  });

  it('keeps a storage account’s system-assigned identity an identity of the change', () => {
    const model = modelFromPulumiResources([
      resource(NATIVE, 'sa', {
        allowSharedKeyAccess: false,
        identity: { type: 'SystemAssigned', principalId: UNKNOWN },
      }),
    ]);
    expect(model.identities.map((identity) => `${identity.kind} ${identity.name}`)).toEqual([
      'azure-managed-identity sa',
    ]);
    expect(model.sharedKeys).toBeUndefined();
  });
});

describe('Pulumi adapter: other Azure resources’ own keys (local authentication)', () => {
  const keys = (resources: PulumiResource[]) =>
    (modelFromPulumiResources(resources).sharedKeys ?? []).map(
      (access) =>
        `${access.kind} ${access.source.name} ${access.name} ${access.source.physicalName ?? '-'} ${access.setting}=${String(!access.offValue)} ${JSON.stringify(access.reason)}`,
    );

  it('records each azure-native type that leaves its local authentication on (left out), and none that turns it off', () => {
    const on: [string, Record<string, unknown>][] = [
      ['azure-native:cosmosdb:DatabaseAccount', { accountName: 'orders-db' }],
      ['azure-native:documentdb:DatabaseAccount', { accountName: 'legacy-db' }],
      ['azure-native:servicebus:Namespace', { namespaceName: 'orders-bus' }],
      ['azure-native:eventhub:Namespace', { namespaceName: 'telemetry-hub' }],
      ['azure-native:redis:Redis', { name: 'sessions' }],
      ['azure-native:cache:Redis', { name: 'legacy-sessions' }],
      ['azure-native:appconfiguration:ConfigurationStore', { configStoreName: 'settings' }],
      ['azure-native:search:Service', { searchServiceName: 'catalog-search' }],
      ['azure-native:eventgrid:Topic', { topicName: 'orders-events' }],
      ['azure-native:eventgrid:Domain', { domainName: 'events' }],
      ['azure-native:signalrservice:SignalR', { resourceName: 'chat' }],
      ['azure-native:webpubsub:WebPubSub', { resourceName: 'pubsub' }],
      [
        'azure-native:cognitiveservices:Account',
        { accountName: 'openai', properties: { customSubDomainName: 'openai' } },
      ],
    ];
    const off: [string, Record<string, unknown>][] = [
      ['azure-native:cosmosdb:DatabaseAccount', { disableLocalAuth: true }],
      ['azure-native:servicebus:Namespace', { disableLocalAuth: true }],
      ['azure-native:redis:Redis', { disableAccessKeyAuthentication: true }],
      ['azure-native:cognitiveservices:Account', { properties: { disableLocalAuth: true } }],
    ];
    expect(
      keys([
        ...on.map(([type, props], index) => resource(type, `on${index}`, props)),
        ...off.map(([type, props], index) => resource(type, `off${index}`, props)),
      ]),
    ).toEqual([
      'azure-cosmos-db-account on0 orders-db orders-db disableLocalAuth=false {"kind":"unset"}',
      'azure-cosmos-db-account on1 legacy-db legacy-db disableLocalAuth=false {"kind":"unset"}',
      'azure-service-bus-namespace on2 orders-bus orders-bus disableLocalAuth=false {"kind":"unset"}',
      'azure-event-hubs-namespace on3 telemetry-hub telemetry-hub disableLocalAuth=false {"kind":"unset"}',
      'azure-cache-for-redis on4 sessions sessions disableAccessKeyAuthentication=false {"kind":"unset"}',
      'azure-cache-for-redis on5 legacy-sessions legacy-sessions disableAccessKeyAuthentication=false {"kind":"unset"}',
      'azure-app-configuration-store on6 settings settings disableLocalAuth=false {"kind":"unset"}',
      'azure-ai-search-service on7 catalog-search catalog-search disableLocalAuth=false {"kind":"unset"}',
      // An Event Grid topic's or domain's endpoint also carries its region, an AI services account's is its custom
      // subdomain: their names are not unique within Azure, so an exception cannot name them by it.
      'azure-event-grid-topic on8 orders-events - disableLocalAuth=false {"kind":"unset"}',
      'azure-event-grid-domain on9 events - disableLocalAuth=false {"kind":"unset"}',
      'azure-signalr-service on10 chat chat disableLocalAuth=false {"kind":"unset"}',
      'azure-web-pubsub-service on11 pubsub pubsub disableLocalAuth=false {"kind":"unset"}',
      'azure-ai-services-account on12 openai - properties.disableLocalAuth=false {"kind":"unset"}',
    ]);
  });

  it('reads disableLocalAuth false as on, a value known only at apply (or its whole properties) as pending', () => {
    expect(
      keys([
        resource('azure-native:servicebus:Namespace', 'explicit', { namespaceName: 'bus', disableLocalAuth: false }),
        resource('azure-native:eventhub:Namespace', 'later', { disableLocalAuth: UNKNOWN }),
        resource('azure-native:cognitiveservices:Account', 'laterprops', { properties: UNKNOWN }),
      ]),
    ).toEqual([
      'azure-service-bus-namespace explicit bus bus disableLocalAuth=false {"kind":"enabled"}',
      'azure-event-hubs-namespace later later - disableLocalAuth=false {"kind":"pending","what":"later.disableLocalAuth is not known until apply"}',
      'azure-ai-services-account laterprops laterprops - properties.disableLocalAuth=false {"kind":"pending","what":"laterprops.properties is not known until apply"}',
    ]);
  });

  it('records a container registry whose admin user is enabled (azure-native adminUserEnabled, classic adminEnabled; off by default)', () => {
    expect(
      keys([
        resource('azure-native:containerregistry:Registry', 'admin', {
          registryName: 'ordersacr',
          adminUserEnabled: true,
        }),
        resource('azure-native:containerregistry:Registry', 'unset', { registryName: 'quietacr' }),
        resource('azure-native:containerregistry:Registry', 'off', { registryName: 'offacr', adminUserEnabled: false }),
        resource('azure-native:containerregistry:Registry', 'later', { adminUserEnabled: UNKNOWN }),
        resource('azure:containerservice/registry:Registry', 'classic', { name: 'classicacr', adminEnabled: true }),
        resource('azure:containerservice/registry:Registry', 'classicunset', { name: 'classicquiet' }),
      ]),
    ).toEqual([
      // The registry's name is its login server's DNS prefix (<name>.azurecr.io), unique within Azure.
      'azure-container-registry admin ordersacr ordersacr adminUserEnabled=true {"kind":"enabled"}',
      'azure-container-registry later later - adminUserEnabled=true {"kind":"pending","what":"later.adminUserEnabled is not known until apply"}',
      'azure-container-registry classic classicacr classicacr adminEnabled=true {"kind":"enabled"}',
    ]);
  });

  it('records an AKS cluster that keeps its local accounts (azure-native disableLocalAccounts, classic localAccountDisabled; on by default)', () => {
    // pulumi/templates' kubernetes-azure-typescript and pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes
    // (test/corpus/pulumi-installers-templates/) leave it out and read the admin kubeconfig: before, passed in silence.
    expect(
      keys([
        resource('azure-native:containerservice:ManagedCluster', 'unset', {
          resourceName: 'orders-aks',
          dnsPrefix: 'orders',
        }),
        resource('azure-native:containerservice:ManagedCluster', 'on', { disableLocalAccounts: false }),
        resource('azure-native:containerservice:ManagedCluster', 'off', { disableLocalAccounts: true }),
        resource('azure-native:containerservice:ManagedCluster', 'later', { disableLocalAccounts: UNKNOWN }),
        resource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'classic', { name: 'classic-aks' }),
        resource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'classicoff', {
          localAccountDisabled: true,
        }),
      ]),
    ).toEqual([
      // A cluster's name is unique only in its resource group: no physical name an exception could bind.
      'azure-kubernetes-cluster unset orders-aks - disableLocalAccounts=false {"kind":"unset"}',
      'azure-kubernetes-cluster on on - disableLocalAccounts=false {"kind":"enabled"}',
      'azure-kubernetes-cluster later later - disableLocalAccounts=false {"kind":"pending","what":"later.disableLocalAccounts is not known until apply"}',
      'azure-kubernetes-cluster classic classic-aks - localAccountDisabled=false {"kind":"unset"}',
    ]);
  });

  it('reads the classic provider’s flags, and a Cosmos DB account’s former localAuthenticationDisabled where the newer one is absent', () => {
    expect(
      keys([
        resource('azure:cosmosdb/account:Account', 'cosmos', { name: 'cosmosdb1' }),
        resource('azure:cosmosdb/account:Account', 'former', { name: 'cosmosdb2', localAuthenticationDisabled: false }),
        resource('azure:cosmosdb/account:Account', 'formeroff', {
          name: 'cosmosdb3',
          localAuthenticationDisabled: true,
        }),
        resource('azure:cosmosdb/account:Account', 'off', { name: 'cosmosdb4', localAuthenticationEnabled: false }),
        resource('azure:redis/cache:Cache', 'redis', { name: 'cache1', accessKeysAuthenticationEnabled: true }),
        resource('azure:servicebus/namespace:Namespace', 'bus', { name: 'bus1', localAuthEnabled: false }),
      ]),
    ).toEqual([
      'azure-cosmos-db-account cosmos cosmosdb1 cosmosdb1 localAuthenticationEnabled=true {"kind":"unset"}',
      'azure-cosmos-db-account former cosmosdb2 cosmosdb2 localAuthenticationDisabled=false {"kind":"enabled"}',
      'azure-cache-for-redis redis cache1 cache1 accessKeysAuthenticationEnabled=true {"kind":"enabled"}',
    ]);
  });
});

describe('decidedAlone', () => {
  const GCP_KEY = 'gcp:serviceaccount/key:Key';
  const K8S_SECRET = 'kubernetes:core/v1:Secret';
  const TOKEN = 'kubernetes.io/service-account-token';
  const tokenSecret = (metadata: unknown, type: unknown = TOKEN) => ({ type: K8S_SECRET, props: { metadata, type } });
  const alone = (resource: Pick<PulumiResource, 'type' | 'props'>) =>
    decidedAlone('no-long-lived-credentials', resource);

  it('decides an access key alone when its user is known', () => {
    expect(alone({ type: 'aws:iam/accessKey:AccessKey', props: { user: 'etl-batch-user' } })).toBe(true);
  });

  it('decides a GCP service-account key alone when its account is known by email or name', () => {
    expect(
      alone({ type: GCP_KEY, props: { serviceAccountId: 'projects/p/serviceAccounts/etl@p.iam.gserviceaccount.com' } }),
    ).toBe(true);
    expect(alone({ type: GCP_KEY, props: { serviceAccountId: 'etl@p.iam.gserviceaccount.com' } })).toBe(true);
    expect(alone({ type: GCP_KEY, props: { serviceAccountId: 'etl' } })).toBe(true);
  });

  it('decides an SSH key, a signing certificate and an HMAC key alone when their holder is known', () => {
    expect(alone({ type: 'aws:iam/sshKey:SshKey', props: { username: 'git-mirror' } })).toBe(true);
    expect(alone({ type: 'aws:iam/signingCertificate:SigningCertificate', props: { userName: 'soap' } })).toBe(true);
    expect(
      alone({ type: 'gcp:storage/hmacKey:HmacKey', props: { serviceAccountEmail: 'etl@p.iam.gserviceaccount.com' } }),
    ).toBe(true);
    expect(alone({ type: 'aws:iam/sshKey:SshKey', props: { username: UNKNOWN } })).toBe(false);
    expect(alone({ type: 'aws:iam/signingCertificate:SigningCertificate', props: {} })).toBe(false);
    expect(alone({ type: 'gcp:storage/hmacKey:HmacKey', props: { serviceAccountEmail: UNKNOWN } })).toBe(false);
  });

  it('decides a Kubernetes token Secret alone when its account annotation and namespace are known', () => {
    const annotations = { 'kubernetes.io/service-account.name': 'ci-deployer' };
    expect(alone(tokenSecret({ name: 'ci-deployer-token', namespace: 'payments', annotations }))).toBe(true);
    expect(alone(tokenSecret({ name: 'ci-deployer-token', annotations }))).toBe(true); // namespace default
  });

  it('leaves a credential whose holder is unknown, other types and other rules to the stack policy', () => {
    expect(alone({ type: 'aws:iam/accessKey:AccessKey', props: { user: UNKNOWN } })).toBe(false);
    expect(alone({ type: 'aws:iam/userLoginProfile:UserLoginProfile', props: { user: 'u' } })).toBe(false);
    expect(decidedAlone('require-owner', { type: 'aws:iam/accessKey:AccessKey', props: { user: 'u' } })).toBe(false);
    expect(decidedAlone('require-owner', { type: GCP_KEY, props: { serviceAccountId: 'etl' } })).toBe(false);
  });

  it('leaves a GCP key to the stack policy when its account is unknown, unset or named by unique id (only the stack resolves that)', () => {
    expect(alone({ type: GCP_KEY, props: { serviceAccountId: UNKNOWN } })).toBe(false);
    expect(alone({ type: GCP_KEY, props: {} })).toBe(false);
    expect(
      alone({ type: GCP_KEY, props: { serviceAccountId: 'projects/p/serviceAccounts/104857600123456789012' } }),
    ).toBe(false);
  });

  it('leaves a Secret to the stack policy unless it is a token Secret naming its account in a known namespace', () => {
    const annotations = { 'kubernetes.io/service-account.name': 'ci-deployer' };
    expect(
      alone(
        tokenSecret({
          name: 't',
          namespace: 'payments',
          annotations: { 'kubernetes.io/service-account.name': UNKNOWN },
        }),
      ),
    ).toBe(false);
    expect(alone(tokenSecret({ name: 't', namespace: 'payments' }))).toBe(false);
    expect(alone(tokenSecret({ name: 't', namespace: UNKNOWN, annotations }))).toBe(false);
    expect(alone(tokenSecret({ name: 't', namespace: 'payments', annotations: UNKNOWN }))).toBe(false);
    expect(alone(tokenSecret(UNKNOWN))).toBe(false);
    expect(alone(tokenSecret({ name: 't', namespace: 'payments', annotations }, 'Opaque'))).toBe(false);
    expect(alone(tokenSecret({ name: 't', namespace: 'payments', annotations }, UNKNOWN))).toBe(false);
    expect(alone({ type: 'kubernetes:core/v1:ServiceAccount', props: { metadata: { name: 'ci-deployer' } } })).toBe(
      false,
    );
  });
});

describe('Pulumi adapter: types that grant but are not modelled', () => {
  it("reports an Identity Center assignment and inline policy on a permission set the stack does not create and an Entra group membership as unseen, as the Terraform adapter does, at the rule's level (a PIM eligible role assignment is read: test/adapters/azure-pim.test.ts)", async () => {
    const { evaluate } = await import('../../src/engine/index.js');
    const { defaultCatalog } = await import('../../catalog/index.js');
    const types = [
      'aws:ssoadmin/accountAssignment:AccountAssignment',
      'aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy',
      'azuread:index/groupMember:GroupMember',
    ];
    const model = modelFromPulumiResources(types.map((type, index) => resource(type, `granting${index}`, {})));
    expect(model.unseen?.map((unseen) => `${unseen.kind} ${unseen.what} ${unseen.resource.name}`)).toEqual([
      // The Identity Center types are read (test/adapters/aws-permission-sets.test.ts): these name no permission set.
      'unseen-permission-set granting0.permissionSetArn, which is not set granting0',
      'unseen-permission-set granting1.permissionSetArn, which is not set granting1',
      ...types.slice(2).map((type, index) => `unmodelled-pulumi-type ${type} granting${index + 2}`),
    ]);
    // Not pending: nothing makes an unmodelled type readable at `pulumi up`, so the pack must not soften it to advisory.
    const findings = evaluate(model, {
      catalog: defaultCatalog(),
      now: new Date('2026-06-01T00:00:00Z'),
      pending: 'verify-later',
    }).findings.filter((finding) => finding.ruleId === 'no-unseen-content');
    expect(
      findings.map((finding) => `${finding.level} ${finding.pending ?? false} ${finding.resource.name}`).sort(),
    ).toEqual(['mandatory false granting0', 'mandatory false granting1', 'mandatory false granting2']);
  });

  it('reports a Helm Release as unseen: Helm installs its chart’s objects inside the provider, so none reaches the check; a v4 Chart’s objects are its children and are read', () => {
    // As pulumi/examples kubernetes-ts-helm-release-wordpress writes it (test/corpus/pulumi-multicloud/).
    const release = resource('kubernetes:helm.sh/v3:Release', 'wpdev', {
      chart: 'wordpress',
      repositoryOpts: { repo: 'https://charts.bitnami.com/bitnami' },
      version: '13.0.6',
      values: { service: { type: 'ClusterIP' } },
    });
    const chart = resource('kubernetes:helm.sh/v4:Chart', 'wpdev', { chart: 'wordpress' });
    const account = resource('kubernetes:core/v1:ServiceAccount', 'wpdev-wordpress', {
      metadata: { name: 'wpdev-wordpress', namespace: 'default' },
    });
    const unseen = (resources: PulumiResource[]) =>
      modelFromPulumiResources(resources).unseen?.map(
        (entry) => `${entry.kind} ${entry.what} ${entry.named ?? '-'} ${entry.resource.name}`,
      );
    expect(unseen([release])).toEqual(['helm-release kubernetes:helm.sh/v3:Release wordpress wpdev']);
    // In preview a chart computed from another output is the engine's sentinel: the message names no chart.
    const computed = { ...release, props: { ...release.props, chart: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' } };
    expect(unseen([computed])).toEqual(['helm-release kubernetes:helm.sh/v3:Release - wpdev']);
    expect(unseen([chart, account])).toBeUndefined();
    expect(modelFromPulumiResources([chart, account]).identities.map((identity) => identity.name)).toEqual([
      'wpdev-wordpress',
    ]);
  });
});

describe('Pulumi AWS adapter: names qualified by project and stack', () => {
  const locations = (resources: PulumiResource[], wholeStack: boolean) => {
    const model = modelFromPulumiResources(resources, { wholeStack });
    return [...model.identities, ...model.secrets].map(
      (subject) => `${subject.resource.urn} ${subject.resource.location}`,
    );
  };
  const stack = [
    resource(ROLE, 'deployer', { assumeRolePolicy: lambdaTrust }),
    resource(ROLE, 'shared', { assumeRolePolicy: lambdaTrust }),
    resource('aws:iam/user:User', 'shared', {}),
    resource('aws:iam/accessKey:AccessKey', 'deployer-key', { user: 'shared' }),
  ];

  it('gives an identity of a whole stack `pulumi:<project>/<stack>/<name>` where no other identity or secret carries its name', () => {
    expect(locations(stack, true)).toEqual([
      `${urn(ROLE, 'deployer')} pulumi:payments/dev/deployer`,
      `${urn(ROLE, 'shared')} undefined`,
      `${urn('aws:iam/user:User', 'shared')} undefined`,
    ]);
  });

  it('gives none to a model that may not be the whole stack (the per-resource Analyze call)', () => {
    expect(locations(stack, false)).toEqual([
      `${urn(ROLE, 'deployer')} undefined`,
      `${urn(ROLE, 'shared')} undefined`,
      `${urn('aws:iam/user:User', 'shared')} undefined`,
    ]);
  });
});

describe('Pulumi adapter: a "__proto__" property', () => {
  // Assigning `__proto__` would make the property's value the prototype of what the adapters read: a resource with a
  // `__proto__` property holding `{ policy }` would be read as having that policy.
  it('is kept as an own property, known or waiting for an output', () => {
    const resource = (props: string): PulumiResource => ({
      type: 'aws:iam/rolePolicy:RolePolicy',
      name: 'inline',
      urn: 'urn:pulumi:dev::app::aws:iam/rolePolicy:RolePolicy::inline',
      props: JSON.parse(props) as Record<string, unknown>,
    });
    for (const props of ['{"__proto__": {"policy": "{}"}}', `{"__proto__": {"policy": "${UNKNOWN}"}}`]) {
      const revealed = revealUnknowns(resource(props), describeUrn);
      expect(Object.keys(revealed)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(revealed)).toBe(Object.prototype);
      expect(revealed.policy).toBeUndefined();
    }
  });

  it('keeps a tag named "__proto__" as a tag, in either form of tags', () => {
    for (const tags of [
      '{"__proto__": "x", "owner": "team-data"}',
      '[{"key": "__proto__", "value": "x"}, {"key": "owner", "value": "team-data"}]',
    ])
      expect(Object.entries(tagsOf(JSON.parse(tags)))).toEqual([
        ['__proto__', 'x'],
        ['owner', 'team-data'],
      ]);
  });
});

describe('Pulumi adapter: Key Vault access policies', () => {
  const TENANT = '00000000-0000-0000-0000-000000000001';
  const OBJECT_ID = '00000000-0000-0000-0000-0000000000aa';
  const VAULT_ID =
    '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/payments/providers/Microsoft.KeyVault/vaults/payments-kv';
  const PATH = '/subscriptions/{subscription}/resourceGroups/payments/providers/Microsoft.KeyVault/vaults/payments-kv';
  const vault = (properties: Record<string, unknown>) =>
    resource('azure-native:keyvault:Vault', 'payments-kv', {
      resourceGroupName: 'payments',
      vaultName: 'payments-kv',
      properties: { tenantId: TENANT, sku: { family: 'A', name: 'standard' }, ...properties },
    });
  const ACCESS_POLICY = { tenantId: TENANT, objectId: OBJECT_ID, permissions: { secrets: ['get', 'list', 'set'] } };
  const CLASSIC_POLICY = { tenantId: TENANT, objectId: OBJECT_ID, secretPermissions: ['Get', 'List', 'Set'] };
  const SECRET_ACTIONS = [
    'Microsoft.KeyVault/vaults/secrets/getSecret/action',
    'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
    'Microsoft.KeyVault/vaults/secrets/setSecret/action',
    'Microsoft.KeyVault/vaults/secrets/update/action',
  ];
  const external = (resources: PulumiResource[]) => {
    const model = modelFromPulumiResources(resources);
    expect(model.unseen).toBeUndefined();
    return (model.externalRoleGrants ?? []).map(({ member, grant }) => ({
      member,
      source: grant.source.name,
      role: grant.role,
      scope: grant.scope,
      dataActions: grant.permissions?.flatMap((permission) => permission.dataActions ?? []),
    }));
  };

  it('reads an inline policy, an AccessPolicy resource, the classic KeyVault accessPolicies and AccessPolicy as one grant of data actions on the vault', () => {
    const grant = (source: string, scope: string) => ({
      member: `Principal:${OBJECT_ID}`,
      source,
      role: 'Key Vault access policy',
      scope,
      dataActions: SECRET_ACTIONS,
    });
    expect(
      external([
        vault({ accessPolicies: [ACCESS_POLICY] }),
        resource('azure-native:keyvault:AccessPolicy', 'reader', {
          resourceGroupName: 'payments',
          vaultName: 'payments-kv',
          policy: ACCESS_POLICY,
        }),
        resource('azure:keyvault/keyVault:KeyVault', 'classic-kv', {
          name: 'payments-kv',
          resourceGroupName: 'payments',
          accessPolicies: [CLASSIC_POLICY],
        }),
        resource('azure:keyvault/accessPolicy:AccessPolicy', 'classic-reader', {
          keyVaultId: VAULT_ID,
          ...CLASSIC_POLICY,
        }),
      ]),
    ).toEqual([
      grant('payments-kv', PATH),
      grant('classic-kv', PATH),
      grant('reader', PATH),
      grant('classic-reader', VAULT_ID),
    ]);
  });

  it("gives the grant to the change's identity its object id names, or (known only at apply) that its policy was computed from", () => {
    const identity = resource('azure-native:managedidentity:UserAssignedIdentity', 'api', {
      resourceName: 'api',
      principalId: OBJECT_ID,
    });
    const byValue = modelFromPulumiResources([identity, vault({ accessPolicies: [ACCESS_POLICY] })]);
    expect(
      byValue.identities.find((candidate) => candidate.name === 'api')?.grants.map((grant) => grant.source.name),
    ).toEqual(['payments-kv']);
    const preview = modelFromPulumiResources([
      resource('azure-native:managedidentity:UserAssignedIdentity', 'api', {
        resourceName: 'api',
        principalId: UNKNOWN,
      }),
      resource(
        'azure-native:keyvault:AccessPolicy',
        'reader',
        { resourceGroupName: 'payments', vaultName: 'payments-kv', policy: { ...ACCESS_POLICY, objectId: UNKNOWN } },
        { policy: [urn('azure-native:managedidentity:UserAssignedIdentity', 'api')] },
      ),
    ]);
    expect(
      preview.identities.find((candidate) => candidate.name === 'api')?.grants.map((grant) => grant.source.name),
    ).toEqual(['reader']);
    expect(preview.externalRoleGrants).toBeUndefined();
  });

  it('permissions known only at apply are a grant whose role cannot be verified; a vault that authorizes with RBAC, or grants nothing, adds none', () => {
    const [late] = modelFromPulumiResources([vault({ accessPolicies: UNKNOWN })]).externalRoleGrants ?? [];
    expect(late?.grant.role).toEqual({
      unknown: true,
      description: expect.stringMatching(/^Key Vault access policies of payments-kv: /),
    });
    const [lists] =
      modelFromPulumiResources([vault({ accessPolicies: [{ ...ACCESS_POLICY, permissions: { secrets: UNKNOWN } }] })])
        .externalRoleGrants ?? [];
    expect(isUnknown(lists?.grant.role)).toBe(true);
    expect(external([vault({ enableRbacAuthorization: true, accessPolicies: [ACCESS_POLICY] })])).toEqual([]);
    expect(
      external([
        resource('azure:keyvault/keyVault:KeyVault', 'classic-kv', {
          enableRbacAuthorization: true,
          accessPolicies: [CLASSIC_POLICY],
        }),
      ]),
    ).toEqual([]);
    expect(external([vault({ accessPolicies: [{ ...ACCESS_POLICY, permissions: {} }] })])).toEqual([]);
  });
});
