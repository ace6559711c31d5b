/**
 * Generators for the fuzz suite: CloudFormation templates, AWS policy documents, catalogs and Pulumi resources as a
 * pull request's author could write them, valid or not: intrinsics nested in each other, values of the wrong type,
 * names like `__proto__`, control characters, unknown keys. Each generator can plant what must never pass: an
 * administrator grant, a trust policy open to everyone, a long-lived access key.
 */
import fc from 'fast-check';

/**
 * The seed and the number of inputs per property; CI uses the defaults (4 properties × 2,500 = 10,000 inputs per run),
 * a longer run sets FUZZ_RUNS and FUZZ_SEED (scripts/fuzz-long.mjs runs a range of seeds).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 240_2026);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2_500);
/** One test file each, run side by side: templates.fuzz.test.ts, policies…, catalogs…, pulumi…. */
export const FUZZ_PROPERTIES = ['templates', 'policies', 'catalogs', 'pulumi'] as const;

/**
 * fast-check parameters shared by every property. The seed is fixed so CI is repeatable; on failure fast-check's
 * message names the seed and the counterexample's path, and `fuzzFailure` adds how to replay it.
 */
export const FUZZ_PARAMETERS = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true } as const;

/** Vitest's limit for one property: 100 ms per input (inputs take a few), never under the suite's 120 s. */
export const FUZZ_TEST_TIMEOUT = Math.max(120_000, FUZZ_RUNS * 100);

export function replayHint(name: string): string {
  return `fuzz property "${name}" failed with FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}; replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx vitest run test/fuzz/${name}.fuzz.test.ts`;
}

/** Names the change's author picks, including the ones that are properties of every JavaScript object. */
export const logicalId = fc.constantFrom(
  'Role',
  'User',
  'Group',
  'Policy',
  'Key',
  'Secret',
  'Nested',
  'Provider',
  'Profile',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'A.B',
  'x',
  'Fn::Transform',
  'Fn::ForEach::Loop',
);

const hostileString = fc.constantFrom(
  '*',
  '*:*',
  'iam:*',
  'iam:PassRole',
  's3:GetObject',
  's3:*',
  '*Get*',
  'sts:AssumeRole',
  'arn:aws:iam::*:role/*',
  'arn:*',
  'arn:aws:iam::111122223333:root',
  '${AWS::AccountId}',
  '${Role.Arn}',
  '${!Literal}',
  '\u001b[2J\u001b[H✔ passed',
  'line\nbreak\r',
  '',
  '__proto__',
  '2026-02-30',
  'repo:org/*',
  'token.actions.githubusercontent.com',
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
);

export const scalar = fc.oneof(
  hostileString,
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const INTRINSICS = [
  'Ref',
  'Fn::GetAtt',
  'Fn::Join',
  'Fn::Sub',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Condition',
  'Fn::Transform',
  'Fn::GetAZs',
  'Fn::Cidr',
  'Fn::Length',
  'Fn::ToJsonString',
] as const;

/** Any JSON-like value, intrinsics included, to a bounded depth. */
export const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc
      .record({
        name: fc.constantFrom(...INTRINSICS),
        argument: fc.oneof(logicalId, fc.array(tie('value'), { maxLength: 4 }), tie('value')),
      })
      .map(({ name, argument }) => ({ [name]: argument })),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        logicalId,
        fc.string({ maxLength: 6 }),
        fc.constantFrom('Effect', 'Action', 'Statement', 'statement', 'Principal'),
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
}));

const oneOrMany = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.array(arbitrary, { maxLength: 4 }));

const actionValue = fc.oneof(
  hostileString,
  fc.constantFrom(
    'ec2:Describe*',
    'lambda:CreateFunction',
    'iam:CreateAccessKey',
    'ssm:SendCommand',
    'dynamodb:GetItem',
    'nosuch:Thing',
    'IAM:passrole',
  ),
  anyValue,
);

const principal = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: oneOrMany(fc.oneof(hostileString, anyValue)) }, { requiredKeys: [] }),
  fc.record({ Service: oneOrMany(fc.constantFrom('lambda.amazonaws.com', 'ec2.amazonaws.com', '*')) }),
  fc.record({
    Federated: fc.constantFrom(
      'token.actions.githubusercontent.com',
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      'cognito-identity.amazonaws.com',
    ),
  }),
  anyValue,
);

const condition = fc.oneof(
  fc.dictionary(
    fc.constantFrom('StringEquals', 'StringLike', 'ArnLike', 'Bool', 'ForAnyValue:StringLike', 'Null', 'Junk'),
    fc.dictionary(
      fc.constantFrom(
        'aws:PrincipalAccount',
        'aws:PrincipalArn',
        'aws:PrincipalOrgID',
        'aws:SourceAccount',
        'token.actions.githubusercontent.com:sub',
        'token.actions.githubusercontent.com:aud',
        'aws:SecureTransport',
      ),
      oneOrMany(fc.oneof(hostileString, anyValue)),
      { maxKeys: 3 },
    ),
    { maxKeys: 3 },
  ),
  anyValue,
);

export const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 6 }),
    Effect: fc.oneof(fc.constantFrom('Allow', 'Allow', 'Deny'), anyValue),
    Action: oneOrMany(actionValue),
    NotAction: oneOrMany(actionValue),
    Resource: oneOrMany(
      fc.oneof(
        hostileString,
        fc.constantFrom('arn:aws:s3:::bucket/*', 'arn:aws:iam::111122223333:role/app-*'),
        anyValue,
      ),
    ),
    NotResource: oneOrMany(hostileString),
    Principal: principal,
    Condition: condition,
    statement: anyValue,
  },
  { requiredKeys: ['Effect'] },
);

/** A policy document as IaC writes it: an object (or, in Pulumi, often its JSON text), sometimes broken. */
export const policyDocument = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: oneOrMany(statement) },
      { requiredKeys: ['Statement'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ statement: fc.array(statement, { maxLength: 3 }) }) },
  { weight: 1, arbitrary: anyValue },
);

const tags = fc.array(
  fc.record({
    Key: fc.constantFrom('owner', 'identity-class', 'entitlements', 'purpose', 'expires', 'x'),
    Value: fc.oneof(hostileString, fc.string({ maxLength: 8 }), anyValue),
  }),
  { maxLength: 4 },
);
const ref = logicalId.map((id) => ({ Ref: id }));

const RESOURCE_PROPERTIES: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'AWS::IAM::Role': fc.record(
    {
      RoleName: fc.oneof(hostileString, anyValue),
      AssumeRolePolicyDocument: policyDocument,
      Policies: fc.array(fc.record({ PolicyName: fc.string({ maxLength: 6 }), PolicyDocument: policyDocument }), {
        maxLength: 3,
      }),
      ManagedPolicyArns: fc.array(
        fc.oneof(
          fc.constantFrom(
            'arn:aws:iam::aws:policy/AdministratorAccess',
            'arn:aws:iam::aws:policy/ReadOnlyAccess',
            'arn:aws:iam::aws:policy/NoSuchPolicy',
          ),
          anyValue,
        ),
        { maxLength: 2 },
      ),
      MaxSessionDuration: fc.oneof(fc.integer(), anyValue),
      Tags: tags,
      PermissionsBoundary: anyValue,
    },
    { requiredKeys: [] },
  ),
  'AWS::IAM::User': fc.record(
    {
      UserName: fc.oneof(hostileString, anyValue),
      Policies: fc.array(fc.record({ PolicyName: fc.string({ maxLength: 6 }), PolicyDocument: policyDocument }), {
        maxLength: 2,
      }),
      Groups: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }),
      LoginProfile: anyValue,
      Tags: tags,
    },
    { requiredKeys: [] },
  ),
  'AWS::IAM::Group': fc.record(
    {
      GroupName: anyValue,
      Policies: fc.array(fc.record({ PolicyName: fc.string({ maxLength: 6 }), PolicyDocument: policyDocument }), {
        maxLength: 2,
      }),
      ManagedPolicyArns: fc.array(anyValue, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  'AWS::IAM::Policy': fc.record(
    {
      PolicyName: fc.string({ maxLength: 6 }),
      PolicyDocument: policyDocument,
      Roles: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }),
      Users: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }),
      Groups: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  'AWS::IAM::ManagedPolicy': fc.record(
    {
      PolicyDocument: policyDocument,
      Roles: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }),
      Users: fc.array(ref, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  'AWS::IAM::AccessKey': fc.record(
    { UserName: fc.oneof(ref, anyValue), Status: fc.constantFrom('Active', 'Inactive') },
    { requiredKeys: [] },
  ),
  'AWS::IAM::InstanceProfile': fc.record(
    { Roles: fc.array(fc.oneof(ref, anyValue), { maxLength: 2 }) },
    { requiredKeys: [] },
  ),
  'AWS::IAM::OIDCProvider': fc.record(
    { Url: fc.oneof(hostileString, anyValue), ClientIdList: fc.array(anyValue, { maxLength: 2 }) },
    { requiredKeys: [] },
  ),
  'AWS::SecretsManager::Secret': fc.record(
    { Name: anyValue, SecretString: anyValue, GenerateSecretString: anyValue, Tags: tags },
    { requiredKeys: [] },
  ),
  'AWS::SecretsManager::RotationSchedule': fc.record(
    { SecretId: fc.oneof(ref, anyValue), RotationRules: anyValue },
    { requiredKeys: [] },
  ),
  'AWS::CloudFormation::Stack': fc.record(
    {
      TemplateURL: fc.oneof(
        fc.constantFrom('https://s3.amazonaws.com/bucket/nested.json', 's3://bucket/x.yaml'),
        anyValue,
      ),
      Parameters: anyValue,
    },
    { requiredKeys: [] },
  ),
  'AWS::SSO::PermissionSet': fc.record(
    {
      Name: anyValue,
      ManagedPolicies: fc.array(fc.oneof(fc.constant('arn:aws:iam::aws:policy/AdministratorAccess'), anyValue), {
        maxLength: 2,
      }),
      InlinePolicy: fc.oneof(policyDocument, anyValue),
    },
    { requiredKeys: [] },
  ),
  'AWS::CloudFormation::StackSet': fc.record(
    { TemplateBody: fc.oneof(fc.string({ maxLength: 20 }), anyValue) },
    { requiredKeys: [] },
  ),
  'AWS::IAM::ServiceLinkedRole': fc.record({ AWSServiceName: anyValue }, { requiredKeys: [] }),
  'AWS::Lambda::Function': fc.record({ Role: fc.oneof(ref, anyValue) }, { requiredKeys: [] }),
  'AWS::IAM::NoSuchType': fc.dictionary(fc.string({ maxLength: 5 }), anyValue, { maxKeys: 3 }),
};

export const resource = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...Object.keys(RESOURCE_PROPERTIES)).chain((type) =>
      fc.record(
        {
          Type: fc.constant(type),
          Properties: fc.oneof(
            { weight: 8, arbitrary: RESOURCE_PROPERTIES[type]! },
            { weight: 1, arbitrary: anyValue },
          ),
          Condition: anyValue,
          Metadata: anyValue,
          DependsOn: anyValue,
        },
        { requiredKeys: ['Type'] },
      ),
    ),
  },
  { weight: 1, arbitrary: anyValue },
  // A resource whose whole body CloudFormation fetches (AWS::Include): no Type, reported as unseen content.
  {
    weight: 1,
    arbitrary: fc
      .record(
        {
          Name: fc.oneof(fc.constant('AWS::Include'), anyValue),
          Parameters: fc.oneof(fc.record({ Location: fc.oneof(hostileString, anyValue) }), anyValue),
        },
        { requiredKeys: [] },
      )
      .map((transform) => ({ 'Fn::Transform': transform })),
  },
);

/** A template, and the logical ids of the planted resources in it (none of the random ones can reference them). */
export interface GeneratedTemplate {
  template: Record<string, unknown>;
  planted: { admin: boolean; openTrust: boolean; accessKey: boolean };
}

const LAMBDA_TRUST = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

export const template: fc.Arbitrary<GeneratedTemplate> = fc
  .record({
    resources: fc.dictionary(logicalId, resource, { maxKeys: 6 }),
    parameters: fc.option(
      fc.dictionary(
        logicalId,
        fc.oneof(
          fc.record(
            {
              Type: fc.constantFrom('String', 'CommaDelimitedList', 'AWS::SSM::Parameter::Value<String>'),
              Default: anyValue,
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
        { maxKeys: 3 },
      ),
      { nil: undefined },
    ),
    conditions: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), anyValue, { maxKeys: 3 }), { nil: undefined }),
    mappings: fc.option(anyValue, { nil: undefined }),
    transform: fc.option(
      fc.oneof(fc.constantFrom('AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'MyMacro'), anyValue),
      { freq: 8, nil: undefined },
    ),
    planted: fc.record({ admin: fc.boolean(), openTrust: fc.boolean(), accessKey: fc.boolean() }),
  })
  .map(({ resources, parameters, conditions, mappings, transform, planted }) => {
    const Resources: Record<string, unknown> = { ...resources };
    if (planted.admin) {
      Resources.PlantedAdminRole = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: LAMBDA_TRUST,
          Policies: [
            {
              PolicyName: 'admin',
              PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
            },
          ],
        },
      };
    }
    if (planted.openTrust) {
      Resources.PlantedPublicRole = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] },
        },
      };
    }
    if (planted.accessKey) {
      Resources.PlantedKeyUser = { Type: 'AWS::IAM::User', Properties: {} };
      Resources.PlantedKey = { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'PlantedKeyUser' } } };
    }
    const template: Record<string, unknown> = { Resources };
    if (parameters) template.Parameters = parameters;
    if (conditions) template.Conditions = conditions;
    if (mappings !== undefined) template.Mappings = mappings;
    if (transform !== undefined) template.Transform = transform;
    return { template, planted };
  });

/** Pulumi resources: type tokens of every adapter (and unknown ones), properties as the engine sends them. */
const PULUMI_TYPES = [
  'aws:iam/role:Role',
  'aws:iam/user:User',
  'aws:iam/group:Group',
  'aws:iam/policy:Policy',
  'aws:iam/rolePolicy:RolePolicy',
  'aws:iam/userPolicy:UserPolicy',
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
  'aws:iam/policyAttachment:PolicyAttachment',
  'aws:iam/accessKey:AccessKey',
  'aws:iam/userLoginProfile:UserLoginProfile',
  'aws:iam/openIdConnectProvider:OpenIdConnectProvider',
  'aws:secretsmanager/secret:Secret',
  'aws:secretsmanager/secretRotation:SecretRotation',
  'azuread:index/servicePrincipalPassword:ServicePrincipalPassword',
  'azuread:index/applicationPassword:ApplicationPassword',
  'azuread:index/application:Application',
  'azure-native:authorization:RoleAssignment',
  'azure-native:authorization:RoleDefinition',
  'azure:authorization/assignment:Assignment',
  'gcp:serviceaccount/key:Key',
  'gcp:serviceaccount/account:Account',
  'gcp:projects/iAMMember:IAMMember',
  'gcp:projects/iAMBinding:IAMBinding',
  'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider',
  'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding',
  'kubernetes:rbac.authorization.k8s.io/v1:ClusterRole',
  'kubernetes:core/v1:Secret',
  'kubernetes:core/v1:ServiceAccount',
  'random:index/randomPet:RandomPet',
];

const pulumiProps = fc.dictionary(
  fc.constantFrom(
    'name',
    'arn',
    'assumeRolePolicy',
    'inlinePolicies',
    'policy',
    'role',
    'user',
    'policyArn',
    'managedPolicyArns',
    'maxSessionDuration',
    'tags',
    'members',
    'member',
    'role',
    'scope',
    'roleDefinitionId',
    'principalId',
    'endDate',
    'serviceAccountId',
    'subjects',
    'roleRef',
    'rules',
    'type',
    'metadata',
    'permissions',
    'attributeCondition',
    'stringData',
    'data',
    'url',
    'clientIdLists',
    'project',
    '__proto__',
  ),
  fc.oneof(
    anyValue,
    policyDocument,
    policyDocument.map((document) => JSON.stringify(document)),
  ),
  { maxKeys: 6 },
);

export interface GeneratedPulumi {
  resources: { type: string; name: string; urn: string; props: Record<string, unknown> }[];
  planted: { admin: boolean; openTrust: boolean; accessKey: boolean };
}

const urnOf = (type: string, name: string) => `urn:pulumi:dev::fuzz::${type}::${name}`;

export const pulumiResources: fc.Arbitrary<GeneratedPulumi> = fc
  .record({
    random: fc.array(
      fc.record({
        type: fc.oneof(fc.constantFrom(...PULUMI_TYPES), fc.string({ maxLength: 10 })),
        name: fc.oneof(logicalId, fc.string({ maxLength: 6 })),
        props: pulumiProps,
      }),
      { maxLength: 6 },
    ),
    planted: fc.record({ admin: fc.boolean(), openTrust: fc.boolean(), accessKey: fc.boolean() }),
  })
  .map(({ random, planted }) => {
    const resources = random.map(({ type, name, props }) => ({ type, name, urn: urnOf(type, name), props }));
    const lambdaTrust = JSON.stringify(LAMBDA_TRUST);
    if (planted.admin) {
      const type = 'aws:iam/role:Role';
      resources.push({
        type,
        name: 'planted-admin',
        urn: urnOf(type, 'planted-admin'),
        props: {
          name: 'planted-admin',
          assumeRolePolicy: lambdaTrust,
          inlinePolicies: [
            {
              name: 'admin',
              policy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
              }),
            },
          ],
        },
      });
    }
    if (planted.openTrust) {
      const type = 'aws:iam/role:Role';
      resources.push({
        type,
        name: 'planted-public',
        urn: urnOf(type, 'planted-public'),
        props: {
          name: 'planted-public',
          assumeRolePolicy: JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
          }),
        },
      });
    }
    if (planted.accessKey) {
      resources.push({
        type: 'aws:iam/user:User',
        name: 'planted-user',
        urn: urnOf('aws:iam/user:User', 'planted-user'),
        props: { name: 'planted-user' },
      });
      resources.push({
        type: 'aws:iam/accessKey:AccessKey',
        name: 'planted-key',
        urn: urnOf('aws:iam/accessKey:AccessKey', 'planted-key'),
        props: { user: 'planted-user' },
      });
    }
    return { resources, planted };
  });

/** A catalog as a platform team might write it, with mistakes: unknown owners, bad dates, wrong types, extra keys. */
const catalogId = fc.constantFrom('team-a', 'team-b', 'payments-read', 'admin', 'app', '__proto__', 'constructor', '');
const date = fc.oneof(
  fc.constantFrom('2027-06-30', '2026-02-30', '2025-01-01', '2026-13-01', 'tomorrow', '2028-02-29'),
  anyValue,
);

export const catalogDocument = fc.record(
  {
    apiVersion: fc.oneof(fc.constant('entitlement-guard/v1'), anyValue),
    owners: fc.oneof(
      fc.array(
        fc.record(
          { id: catalogId, contact: fc.oneof(fc.constant('team@example.com'), anyValue) },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    classes: fc.oneof(
      fc.dictionary(
        fc.constantFrom('service', 'workload', 'agent', 'human', 'break-glass', 'robot'),
        fc.record(
          {
            maxSessionDuration: fc.oneof(fc.constantFrom('1h', '90m', '0h', '1h30m', 'forever'), anyValue),
            maxSecretAge: fc.oneof(fc.constantFrom('90d', '0d', '1d'), anyValue),
            credentials: fc.oneof(
              fc.array(fc.constantFrom('workload-identity', 'federated', 'secret', 'bogus'), { maxLength: 3 }),
              anyValue,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 3 },
      ),
      anyValue,
    ),
    privilegedActions: fc.oneof(
      fc.array(
        fc.record(
          {
            id: catalogId,
            category: fc.constantFrom('privilege-escalation', 'data-exfiltration', 'bogus'),
            aws: fc.array(actionValue, { maxLength: 3 }),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
      anyValue,
    ),
    entitlements: fc.oneof(
      fc.array(
        fc.record(
          {
            id: catalogId,
            classes: fc.array(fc.constantFrom('service', 'workload', 'human'), { maxLength: 2 }),
            privileged: fc.boolean(),
            aws: fc.array(
              fc.record({
                actions: fc.array(actionValue, { maxLength: 3 }),
                resources: fc.array(hostileString, { maxLength: 2 }),
              }),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    identities: fc.oneof(
      fc.array(
        fc.record(
          {
            id: catalogId,
            match: fc.oneof(fc.record({ name: fc.oneof(hostileString, fc.constant('Planted*')) }), anyValue),
            owner: catalogId,
            class: fc.constantFrom('service', 'workload', 'human', 'agent', 'break-glass', 'robot'),
            entitlements: fc.array(catalogId, { maxLength: 2 }),
            expires: date,
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 3 },
      ),
      anyValue,
    ),
    trust: fc.oneof(
      fc.record(
        {
          accounts: fc.dictionary(
            fc.constantFrom('111122223333', '012345678901', 'x'),
            fc.record({ owner: catalogId }),
          ),
          oidc: fc.array(
            fc.record({
              issuer: fc.constantFrom('token.actions.githubusercontent.com', 'x'),
              subjects: fc.array(hostileString, { maxLength: 2 }),
            }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    exceptions: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.constantFrom('EXC-1', 'EXC-2', ''),
            rule: fc.constantFrom('no-long-lived-credentials', 'restrict-trust', 'no-wildcard-privilege', 'bogus'),
            target: fc.oneof(hostileString, fc.constantFrom('PlantedKey', 'planted-user', 'PlantedAdminRole', '*')),
            reason: fc.string({ maxLength: 6 }),
            owner: catalogId,
            approvedBy: fc.constant('lead@example.com'),
            ticket: fc.constant('SEC-1'),
            expires: date,
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 2 },
      ),
      anyValue,
    ),
    rules: fc.oneof(
      fc.dictionary(
        fc.constantFrom('no-long-lived-credentials', 'restrict-trust', 'no-wildcard-privilege', 'bogus'),
        fc.constantFrom('mandatory', 'advisory', 'disabled', 'off'),
      ),
      anyValue,
    ),
    unexpected: anyValue,
  },
  { requiredKeys: ['apiVersion'] },
);

/** Text edits that break a file the way a bad merge or a hostile author would: truncation, stray characters, aliases. */
export const textMutation = fc.oneof(
  { weight: 6, arbitrary: fc.constant((text: string) => text) },
  { weight: 1, arbitrary: fc.nat().map((n) => (text: string) => text.slice(0, n % (text.length + 1))) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          ':',
          '"',
          '*',
          '&a',
          '*a',
          '!Ref',
          '\t',
          '\u0000',
          '\u001b',
          '\n- ',
          '<<: *a',
        ),
      )
      .map(
        ([n, insert]) =>
          (text: string) =>
            `${text.slice(0, n % (text.length + 1))}${insert}${text.slice(n % (text.length + 1))}`,
      ),
  },
);
