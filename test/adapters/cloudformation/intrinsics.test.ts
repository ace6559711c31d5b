import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResolver } from '../../../src/adapters/cloudformation/intrinsics.js';
import { tagsOf } from '../../../src/adapters/cloudformation/tags.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';
import { isUnknown, unknownValue } from '../../../src/model/model.js';

const template: CfnTemplate = {
  Parameters: {
    Env: { Type: 'String', Default: 'prod' },
    Subnets: { Type: 'CommaDelimitedList', Default: 'a, b' },
    ExternalRoleArn: { Type: 'String' },
    BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' },
  },
  Mappings: { Regions: { 'us-east-1': { Bucket: 'logs-use1' } } },
  Resources: {
    AppRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'payments-api-runtime' } },
    GeneratedRole: { Type: 'AWS::IAM::Role', Properties: {} },
    Deployer: { Type: 'AWS::IAM::User', Properties: { UserName: 'ci-deployer' } },
    Bucket: { Type: 'AWS::S3::Bucket' },
    GithubOidc: {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
    },
    CdkGithubOidc: {
      Type: 'Custom::AWSCDKOpenIdConnectProvider',
      Properties: { Url: 'https://token.actions.githubusercontent.com' },
    },
  },
};
const { resolve, resolveString, referencedResource } = createResolver({ stack: 'App', template });

describe('intrinsics: references', () => {
  it('resolves parameters to their defaults, lists split, and leaves a parameter without default Unknown', () => {
    expect(resolve({ Ref: 'Env' })).toBe('prod');
    expect(resolve({ Ref: 'Subnets' })).toEqual(['a', 'b']);
    expect(resolve({ Ref: 'ExternalRoleArn' })).toEqual(
      unknownValue('Ref ExternalRoleArn (parameter without a default)'),
    );
  });

  it('never reads an SSM-typed parameter default as its value', () => {
    expect(resolve({ Ref: 'BootstrapVersion' })).toEqual(
      unknownValue('Ref BootstrapVersion (SSM parameter, read at deploy time)'),
    );
  });

  it('uses values a parent stack passes before defaults', () => {
    const nested = createResolver({
      stack: 'App/Nested',
      template,
      parameters: { ExternalRoleArn: 'arn:aws:iam::<own-account>:role/payments-api-runtime' },
    });
    expect(nested.resolve({ Ref: 'ExternalRoleArn' })).toBe('arn:aws:iam::<own-account>:role/payments-api-runtime');
  });

  it('renders pseudo parameters as aws or stable placeholders', () => {
    expect(resolve({ Ref: 'AWS::Partition' })).toBe('aws');
    expect(resolve({ Ref: 'AWS::AccountId' })).toBe('<own-account>');
    expect(resolve({ Ref: 'AWS::Region' })).toBe('<own-region>');
  });

  it('resolves Ref and GetAtt Arn of IAM identities to the names and ARNs the identities carry', () => {
    expect(resolve({ Ref: 'AppRole' })).toBe('payments-api-runtime');
    expect(resolve({ 'Fn::GetAtt': ['AppRole', 'Arn'] })).toBe('arn:aws:iam::<own-account>:role/payments-api-runtime');
    expect(resolve({ 'Fn::GetAtt': ['GeneratedRole', 'Arn'] })).toBe(
      'arn:aws:iam::<own-account>:role/<id of GeneratedRole>',
    );
    expect(resolve({ 'Fn::GetAtt': 'Deployer.Arn' })).toBe('arn:aws:iam::<own-account>:user/ci-deployer');
  });

  it('resolves an OIDC provider (native or CDK custom resource) to its ARN, so Federated principals name the issuer', () => {
    const arn = 'arn:aws:iam::<own-account>:oidc-provider/token.actions.githubusercontent.com';
    expect([
      resolve({ Ref: 'GithubOidc' }),
      resolve({ 'Fn::GetAtt': ['GithubOidc', 'Arn'] }),
      resolve({ Ref: 'CdkGithubOidc' }),
    ]).toEqual([arn, arn, arn]);
  });

  it("resolves other resources to the model's values of them (no CloudFormation syntax) and a missing one to Unknown", () => {
    expect(resolve({ Ref: 'Bucket' })).toBe('<id of Bucket>');
    expect(resolve({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('<Arn of Bucket>');
    expect(resolve({ Ref: 'Nope' })).toEqual(unknownValue('Ref Nope (not defined in the template)'));
  });

  it('names the resource a Ref or GetAtt points at', () => {
    expect(referencedResource({ Ref: 'AppRole' })).toBe('AppRole');
    expect(referencedResource({ 'Fn::GetAtt': ['GeneratedRole', 'Arn'] })).toBe('GeneratedRole');
    expect(referencedResource({ Ref: 'Env' })).toBeUndefined();
    expect(referencedResource('payments-api-runtime')).toBeUndefined();
  });
});

describe('intrinsics: functions', () => {
  it('Fn::Sub in both forms, with GetAtt, pseudo parameters and ${!Literal}', () => {
    expect(resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/${Env}/*' })).toBe(
      'arn:aws:s3:::<id of Bucket>/prod/*',
    );
    expect(resolve({ 'Fn::Sub': ['${Name}-${AppRole.Arn}', { Name: { Ref: 'Env' } }] })).toBe(
      'prod-arn:aws:iam::<own-account>:role/payments-api-runtime',
    );
    expect(resolve({ 'Fn::Sub': '${!Literal}' })).toBe('${Literal}');
  });

  it('Fn::Join, Fn::Select, Fn::Split and Fn::FindInMap on literal values', () => {
    expect(resolve({ 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 's3']] })).toBe('arn:aws:s3');
    expect(resolve({ 'Fn::Select': [1, { Ref: 'Subnets' }] })).toBe('b');
    expect(resolve({ 'Fn::Split': ['/', 'a/b'] })).toEqual(['a', 'b']);
    expect(resolve({ 'Fn::FindInMap': ['Regions', 'us-east-1', 'Bucket'] })).toBe('logs-use1');
  });

  it('Fn::If on a condition the template does not define is a value only when both branches agree', () => {
    expect(resolve({ 'Fn::If': ['IsProd', 's3:GetObject', 's3:GetObject'] })).toBe('s3:GetObject');
    expect(resolve({ 'Fn::If': ['IsProd', 's3:GetObject', '*'] })).toEqual(
      unknownValue('Fn::If IsProd (depends on condition IsProd (not defined in the template))'),
    );
  });

  it('AWS::NoValue removes the property or list item', () => {
    expect(resolve({ A: { Ref: 'AWS::NoValue' }, B: ['x', { Ref: 'AWS::NoValue' }] })).toEqual({ B: ['x'] });
  });

  it('a string built from an Unknown is Unknown, and Fn::ImportValue is Unknown', () => {
    expect(resolve({ 'Fn::ImportValue': 'SharedRoleArn' })).toEqual(
      unknownValue('Fn::ImportValue SharedRoleArn (exported by another stack)'),
    );
    // What is known of it is kept as its pattern, the unknown part as `*`.
    expect(resolve({ 'Fn::Join': ['', ['iam:', { 'Fn::ImportValue': 'Verb' }]] })).toEqual(
      unknownValue('Fn::Join containing Fn::ImportValue Verb (exported by another stack)', 'iam:*'),
    );
    expect(resolveString({ 'Fn::Sub': '${ExternalRoleArn}' }, 'Principal')).toEqual(
      unknownValue('Fn::Sub "${ExternalRoleArn}" containing Ref ExternalRoleArn (parameter without a default)'),
    );
  });

  it('keeps Unknown values inside documents, so a policy is never read as narrower than written', () => {
    expect(resolve({ Action: [{ 'Fn::GetAZs': '' }, 's3:GetObject'] })).toEqual({
      Action: [unknownValue('Fn::GetAZs (not resolvable from the template)'), 's3:GetObject'],
    });
  });
});

describe('intrinsics: Fn::ToJsonString (AWS::LanguageExtensions)', () => {
  const document = {
    Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: { 'Fn::GetAtt': ['AppRole', 'Arn'] } }],
  };

  it('writes its argument as JSON text once every part of it resolves', () => {
    expect(resolve({ 'Fn::ToJsonString': document })).toBe(
      JSON.stringify({
        Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: resolve({ 'Fn::GetAtt': ['AppRole', 'Arn'] }) }],
      }),
    );
    expect(resolve({ 'Fn::ToJsonString': [{ Ref: 'Env' }, 1] })).toBe('["prod",1]');
  });

  it('is the Unknown of its argument where a part of it only deployment gives', () => {
    expect(resolve({ 'Fn::ToJsonString': { Action: { 'Fn::ImportValue': 'Verb' } } })).toEqual(
      unknownValue('Fn::ImportValue Verb (exported by another stack)'),
    );
  });

  it('a policy document written with it is read as the object it writes, an unknown part kept where it stands', () => {
    const { resolveDocument } = createResolver({ stack: 'App', template });
    const verb = { 'Fn::ImportValue': 'Verb' };
    expect(
      resolveDocument({ 'Fn::ToJsonString': { Statement: [{ Effect: 'Allow', Action: verb, Resource: '*' }] } }),
    ).toEqual({
      Statement: [{ Effect: 'Allow', Action: resolve(verb), Resource: '*' }],
    });
  });
});

describe('intrinsics: a "__proto__" key (an ordinary key in JSON and YAML)', () => {
  // An object whose other key resolves is copied; the copy must keep `__proto__` as an own key, not turn its content
  // into an inherited prototype that a reader of `.Statement` would see although the template holds no such key.
  const proto = (text: string) => resolve(JSON.parse(text)) as Record<string, unknown>;

  it('keeps a "__proto__" key written before a key that resolves as an own key', () => {
    const result = proto('{"__proto__": {"Statement": [{"Effect": "Allow", "Action": "*"}]}, "Name": {"Ref": "Env"}}');
    expect(Object.keys(result)).toEqual(['__proto__', 'Name']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.Statement).toBeUndefined();
    expect(result.Name).toBe('prod');
  });

  it('keeps a "__proto__" key whose own value resolves as an own key', () => {
    const result = proto('{"Version": "2012-10-17", "__proto__": {"Statement": {"Ref": "Env"}}}');
    expect(Object.keys(result)).toEqual(['Version', '__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.Statement).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual({ Statement: 'prod' });
  });

  it('keeps a tag named "__proto__" as a tag', () => {
    const tags = tagsOf(JSON.parse('[{"Key": "__proto__", "Value": "x"}, {"Key": "owner", "Value": "team-data"}]'));
    expect(Object.entries(tags)).toEqual([
      ['__proto__', 'x'],
      ['owner', 'team-data'],
    ]);
  });
});

describe("intrinsics: a statement's fields written by parameters a deployment sets", () => {
  const parameters: CfnTemplate['Parameters'] = {
    Verb: { Type: 'String', Default: 's3:GetObject' },
    Tier: { Type: 'String', Default: 's3:GetObject', AllowedValues: ['s3:GetObject', 's3:*'] },
    Verbs: { Type: 'CommaDelimitedList', Default: 's3:GetObject,s3:ListBucket' },
    Account: { Type: 'String', Default: '111122223333', AllowedPattern: '\\d{12}' },
    Bucket: { Type: 'String', Default: 'reports' },
    NamedBucket: { Type: 'String', Default: 'archive', AllowedPattern: '[a-z0-9.-]+' },
    Fixed: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/verb' },
  };
  const statementResolver = createResolver({ stack: 'App', template: { Parameters: parameters, Resources: {} } });
  const statement = (fields: Record<string, unknown>) =>
    statementResolver.resolve({ Effect: 'Allow', ...fields }) as Record<string, unknown>;
  const unknown = (name: string) =>
    unknownValue(`Ref ${name} (a parameter the deployment may set to a value other than its default)`);
  // What is known of the value whatever the parameter is (its pattern: the parameter as `*`).
  const built = (name: string, pattern: string) =>
    unknownValue(`a value built from Ref ${name} (a parameter the deployment may set)`, pattern);

  it('reads an action item as each AllowedValue, or as Unknown when any value may be passed', () => {
    expect(statement({ Action: ['s3:ListBucket', { Ref: 'Verb' }] }).Action).toEqual([
      's3:ListBucket',
      unknown('Verb'),
    ]);
    expect(statement({ Action: { Ref: 'Tier' } }).Action).toEqual(['s3:GetObject', 's3:*']);
    expect(statement({ Action: { Ref: 'Verbs' } }).Action).toEqual([unknown('Verbs')]);
    expect(statement({ Action: [{ 'Fn::Sub': 's3:${Verb}' }] }).Action).toEqual([built('Verb', 's3:*')]);
    // An SSM parameter's value is read at deploy time: Unknown already, as everywhere.
    expect(statement({ Action: { Ref: 'Fixed' } }).Action).toEqual(
      unknownValue('Ref Fixed (SSM parameter, read at deploy time)'),
    );
  });

  it("narrows by an Allow's Not field or a Deny's field only what every deployment writes", () => {
    const settable = unknownValue('Ref Tier (a parameter the deployment may set)');
    // An Unknown exclusion excludes nothing, an Unknown Deny action removes nothing: more choices would narrow more.
    expect(statement({ NotAction: ['iam:*', { Ref: 'Tier' }] }).NotAction).toEqual(['iam:*', settable]);
    const deny = (fields: Record<string, unknown>) =>
      statementResolver.resolve({ Effect: 'Deny', ...fields }) as Record<string, unknown>;
    expect(deny({ Action: { Ref: 'Tier' }, Resource: '*' }).Action).toEqual([settable]);
    // A Deny's NotAction spares more as it names more: each choice is kept, as an Allow's Action keeps them.
    expect(deny({ NotAction: { Ref: 'Tier' }, Resource: '*' }).NotAction).toEqual(['s3:GetObject', 's3:*']);
    // A Deny's condition narrows what it removes: a value a deployment sets is Unknown, as in an Allow's condition
    // (and a Deny with a condition is not taken to deny anything).
    expect(deny({ Action: 's3:*', Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Verb' } } } })).toEqual({
      Effect: 'Deny',
      Action: 's3:*',
      Condition: {
        StringEquals: { 'aws:PrincipalOrgID': [unknownValue('Ref Verb (a parameter the deployment may set)')] },
      },
    });
  });

  it('keeps of an Fn::If only deploy time decides what both branches narrow, and says what one branch alone writes', () => {
    const branching = createResolver({
      stack: 'App',
      template: {
        Parameters: { Env: { Type: 'String', Default: 'dev' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {},
      },
    });
    const oneBranch = unknownValue('what Fn::If IsProd writes in one branch only (deploy time decides it)');
    const read = (fields: Record<string, unknown>) => branching.resolve(fields) as Record<string, unknown>;
    expect(read({ Effect: 'Allow', NotAction: [{ 'Fn::If': ['IsProd', 'iam:*', 's3:*'] }] }).NotAction).toEqual([
      oneBranch,
    ]);
    expect(
      read({ Effect: 'Allow', NotAction: { 'Fn::If': ['IsProd', ['iam:*', 'kms:*'], ['iam:*']] } }).NotAction,
    ).toEqual(['iam:*', oneBranch]);
    expect(
      read({ Effect: 'Deny', Action: [{ 'Fn::If': ['IsProd', 's3:DeleteObject', { Ref: 'AWS::NoValue' }] }] }).Action,
    ).toEqual([oneBranch]);
    // An Allow's Action keeps both branches' items, as every list does.
    expect(read({ Effect: 'Allow', Action: [{ 'Fn::If': ['IsProd', 'iam:*', 's3:*'] }] }).Action).toEqual([
      'iam:*',
      's3:*',
    ]);
  });

  it("reads a condition deploy time decides: a Deny's clauses of both branches together, an Allow's shared values", () => {
    const branching = createResolver({
      stack: 'App',
      template: {
        Parameters: { Env: { Type: 'String', Default: 'prod' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {},
      },
    });
    const oneBranch = unknownValue('what Fn::If IsProd writes in one branch only (deploy time decides it)');
    const condition = (written: unknown) =>
      (
        branching.resolve({ Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: written }) as Record<
          string,
          unknown
        >
      ).Condition;
    const noMfa = { Bool: { 'aws:MultiFactorAuthPresent': 'false' } };
    // Present in one deployment only: kept, so the Deny is taken to remove nothing (it may not apply).
    expect(condition({ 'Fn::If': ['IsProd', noMfa, { Ref: 'AWS::NoValue' }] })).toEqual(noMfa);
    // Two conditions: the clauses of both, together; a key both write otherwise keeps what they share.
    expect(
      condition({
        'Fn::If': [
          'IsProd',
          { StringNotEquals: { 'aws:PrincipalOrgID': ['o-1', 'o-2'] } },
          { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' }, ...noMfa },
        ],
      }),
    ).toEqual({ StringNotEquals: { 'aws:PrincipalOrgID': ['o-1', oneBranch] }, ...noMfa });
    // An Allow's condition value an Fn::If chooses narrows it by what both branches write (no parameter in it needed).
    expect(
      (
        branching.resolve({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': [{ 'Fn::If': ['IsProd', 'o-1', 'o-2'] }] } },
        }) as Record<string, unknown>
      ).Condition,
    ).toEqual({ StringEquals: { 'aws:PrincipalOrgID': [oneBranch] } });
    // One operator's keys, so too.
    expect(
      condition({
        StringEquals: { 'Fn::If': ['IsProd', { 'aws:RequestedRegion': 'eu-west-1' }, { Ref: 'AWS::NoValue' }] },
      }),
    ).toEqual({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } });
  });

  it("reads each principal type's items, an account pattern notwithstanding (any account matches it)", () => {
    expect(
      statement({
        Principal: { Service: 'lambda.amazonaws.com', AWS: [{ 'Fn::Sub': 'arn:aws:iam::${Account}:root' }] },
      }).Principal,
    ).toEqual({ Service: 'lambda.amazonaws.com', AWS: [built('Account', 'arn:aws:iam::*:root')] });
    expect(statement({ Principal: { Ref: 'Verb' } }).Principal).toEqual([unknown('Verb')]);
  });

  it('reads a resource at its default where the AllowedPattern admits no wildcard', () => {
    expect(statement({ Resource: { 'Fn::Sub': 'arn:aws:s3:::${NamedBucket}/*' } }).Resource).toBe(
      'arn:aws:s3:::archive/*',
    );
    expect(statement({ Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' } }).Resource).toEqual([
      built('Bucket', 'arn:aws:s3:::*/*'),
    ]);
  });

  it('reads an Fn::FindInMap keyed by a parameter as every entry the key may pick, or only what all share', () => {
    const mapped = createResolver({
      stack: 'App',
      template: {
        Parameters: {
          ...parameters,
          Env: { Type: 'String', Default: 'dev' },
          Stage: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'qa'] },
          MapName: { Type: 'String', Default: 'Actions' },
        },
        Mappings: {
          Actions: {
            dev: { List: ['s3:GetObject', 'iam:*'], One: 's3:GetObject' },
            prod: { List: ['iam:*'], One: '*' },
          },
        },
        Resources: {},
      },
    });
    const lookup = (key: string, second: string) => ({ 'Fn::FindInMap': ['Actions', { Ref: key }, second] });
    const read = (effect: string, fields: Record<string, unknown>) =>
      mapped.resolve({ Effect: effect, ...fields }) as Record<string, unknown>;
    // Any value of Env: the key is one of the map's (a deployment with another fails), so each entry.
    expect(read('Allow', { Action: lookup('Env', 'List') }).Action).toEqual(['s3:GetObject', 'iam:*']);
    expect(read('Allow', { Action: [lookup('Env', 'One'), 'sts:GetCallerIdentity'] }).Action).toEqual([
      's3:GetObject',
      '*',
      'sts:GetCallerIdentity',
    ]);
    // Narrowing: only what every entry writes; the rest is said as Unknown.
    expect(read('Allow', { NotAction: lookup('Env', 'List') }).NotAction).toEqual([
      'iam:*',
      unknownValue('what Fn::FindInMap Actions writes for some keys only (Ref Env chooses the key)'),
    ]);
    expect(read('Deny', { Action: lookup('Env', 'List'), Resource: '*' }).Action).toEqual([
      'iam:*',
      unknownValue('what Fn::FindInMap Actions writes for some keys only (Ref Env chooses the key)'),
    ]);
    // An allowed key the map lacks fails the deployment that passes it: unknown, never its default's entry alone.
    expect(read('Allow', { Action: lookup('Stage', 'One') }).Action).toEqual([
      unknownValue('Fn::FindInMap Actions.qa (no such entry)'),
    ]);
    // A key whose AllowedPattern admits no wildcard still picks an entry that may hold one.
    const buckets = createResolver({
      stack: 'App',
      template: {
        Parameters: { NamedBucket: parameters.NamedBucket! },
        Mappings: { Buckets: { archive: { Arn: 'arn:aws:s3:::archive/*' }, all: { Arn: '*' } } },
        Resources: {},
      },
    });
    expect(
      buckets.resolve({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: { 'Fn::FindInMap': ['Buckets', { Ref: 'NamedBucket' }, 'Arn'] },
      }),
    ).toEqual({ Effect: 'Allow', Action: 's3:PutObject', Resource: ['arn:aws:s3:::archive/*', '*'] });
    // The mapping itself the deployment's choice: unknown, never the default mapping's entries.
    expect(read('Allow', { Action: { 'Fn::FindInMap': [{ Ref: 'MapName' }, 'dev', 'One'] } }).Action).toEqual([
      unknownValue('an Fn::FindInMap mapping named by Ref MapName (a parameter the deployment may set)'),
    ]);
    expect(mapped.choicesOf(lookup('Env', 'One'))).toEqual(['s3:GetObject', '*']);
    expect(mapped.choicesOf(lookup('Env', 'List'))).toEqual(
      unknownValue('a value built from Ref Env (a parameter the deployment may set)'),
    );
  });

  it("compiles a parameter's AllowedPattern once, however many statements it writes", () => {
    let reads = 0;
    const counted = { Type: 'String', Default: 'archive' } as Record<string, unknown>;
    Object.defineProperty(counted, 'AllowedPattern', {
      enumerable: true,
      get: () => {
        reads++;
        return '[a-z0-9.-]+';
      },
    });
    const resolver = createResolver({
      stack: 'App',
      template: { Parameters: { CountedBucket: counted }, Resources: {} } as CfnTemplate,
    });
    for (let index = 0; index < 5; index++)
      expect(
        resolver.resolve({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: [{ 'Fn::Sub': 'arn:aws:s3:::${CountedBucket}/*' }],
        }),
      ).toEqual({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::archive/*'] });
    expect(reads).toBe(1);
  });

  it('reads a document a parameter writes whole as Unknown, and one an Fn::If chooses branch by branch', () => {
    expect(statementResolver.resolveDocument({ 'Fn::Sub': '{"Statement":[{"Action":"${Verb}"}]}' })).toEqual(
      unknownValue('a policy document written by Ref Verb (a parameter the deployment may set)'),
    );
    expect(statementResolver.resolve({ PolicyName: 'p', PolicyDocument: { Ref: 'Verb' } })).toEqual({
      PolicyName: 'p',
      PolicyDocument: unknownValue('a policy document written by Ref Verb (a parameter the deployment may set)'),
    });
    expect(statementResolver.resolveDocument({ Statement: [{ Effect: 'Allow', Action: { Ref: 'Tier' } }] })).toEqual({
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:*'] }],
    });
  });

  it('leaves fields outside a statement, and statements whose parameters a parent fixes, as read', () => {
    expect(statementResolver.resolve({ Action: { Ref: 'Verb' } })).toEqual({ Action: 's3:GetObject' });
    // An Allow's condition narrows it: the value a deployment sets is Unknown (which organization it trusts).
    expect(statement({ Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Verb' } } } }).Condition).toEqual({
      StringEquals: { 'aws:PrincipalOrgID': [unknownValue('Ref Verb (a parameter the deployment may set)')] },
    });
    const passed = createResolver({
      stack: 'App/Nested',
      template: { Parameters: parameters, Resources: {} },
      parameters: { Verb: 's3:PutObject' },
    });
    expect(passed.resolve({ Effect: 'Allow', Action: { Ref: 'Verb' } })).toEqual({
      Effect: 'Allow',
      Action: 's3:PutObject',
    });
  });
});

describe("intrinsics: a custom resource's values", () => {
  it('reads Ref and attributes of a custom resource as Unknown, and of an entry without a Type as a resource value', () => {
    const custom = createResolver({
      stack: 'App',
      template: {
        Resources: {
          Lookup: { Type: 'Custom::Lookup' },
          Generic: { Type: 'AWS::CloudFormation::CustomResource' },
          Untyped: { Properties: {} } as unknown as CfnTemplate['Resources'][string],
        },
      },
    });
    expect(custom.resolve({ 'Fn::GetAtt': ['Lookup', 'Action'] })).toEqual(
      unknownValue('Fn::GetAtt Lookup.Action (what custom resource Lookup returns when it runs at deploy time)'),
    );
    expect(custom.resolve({ Ref: 'Generic' })).toEqual(
      unknownValue('Ref Generic (what custom resource Generic returns when it runs at deploy time)'),
    );
    expect(custom.resolve({ Ref: 'Untyped' })).toBe('<id of Untyped>');
  });
});

describe("intrinsics: a statement's fields, property", () => {
  type Item =
    | { kind: 'literal'; value: string }
    | { kind: 'ref' | 'sub' | 'map'; parameter: string }
    | { kind: 'if'; whenTrue: Item; whenFalse: Item };
  const POOL = ['s3:GetObject', 's3:*', '*', 'iam:PassRole'];
  const item: fc.Arbitrary<Item> = fc.letrec<{ item: Item }>((tie) => ({
    item: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ kind: fc.constant('literal' as const), value: fc.constantFrom(...POOL) }),
      fc.record({
        kind: fc.constantFrom('ref' as const, 'sub' as const, 'map' as const),
        parameter: fc.constantFrom('Free', 'Tier', 'Fixed'),
      }),
      fc.record({ kind: fc.constant('if' as const), whenTrue: tie('item'), whenFalse: tie('item') }),
    ),
  })).item;
  const toCfn = (written: Item): unknown => {
    if (written.kind === 'literal') return written.value;
    if (written.kind === 'if') return { 'Fn::If': ['IsTierS3', toCfn(written.whenTrue), toCfn(written.whenFalse)] };
    if (written.kind === 'map') return { 'Fn::FindInMap': ['Pick', { Ref: written.parameter }, 'Value'] };
    return written.kind === 'ref' ? { Ref: written.parameter } : { 'Fn::Sub': `\${${written.parameter}}` };
  };
  const template = (): CfnTemplate => ({
    Parameters: {
      Free: { Type: 'String', Default: 's3:GetObject' },
      Tier: { Type: 'String', Default: 's3:GetObject', AllowedValues: ['s3:GetObject', 's3:*'] },
      Fixed: { Type: 'String', Default: 'iam:PassRole', AllowedValues: ['iam:PassRole'] },
    },
    Conditions: { IsTierS3: { 'Fn::Equals': [{ Ref: 'Tier' }, 's3:*'] } },
    // Keyed by every value a deployment gives the parameters (a list entry would be a list in the list: no policy).
    Mappings: {
      Pick: {
        's3:GetObject': { Value: 'iam:PassRole' },
        's3:*': { Value: '*' },
        '*': { Value: 's3:*' },
        'iam:PassRole': { Value: 's3:GetObject' },
      },
    },
    Resources: {},
  });
  const items = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const read = (effect: string, key: string, writtenItems: Item[], parameters?: Record<string, string>): unknown[] => {
    const resolver = createResolver({ stack: 'App', template: template(), ...(parameters ? { parameters } : {}) });
    const field = writtenItems.map(toCfn);
    // A condition's values: one key of one operator (Action is there so the statement is one).
    const written =
      key === 'Principal' ? { AWS: field } : key === 'Condition' ? { StringEquals: { 'aws:k': field } } : field;
    const statement = resolver.resolve({ Effect: effect, Action: 's3:GetObject', [key]: written }) as Record<
      string,
      unknown
    >;
    const value = statement[key];
    if (key === 'Condition') return items((value as Record<string, Record<string, unknown>>).StringEquals!['aws:k']);
    return items(key === 'Principal' ? (value as Record<string, unknown>).AWS : value);
  };
  const deployments = POOL.flatMap((free) =>
    ['s3:GetObject', 's3:*'].map((tier) => ({ Free: free, Tier: tier, Fixed: 'iam:PassRole' })),
  );

  it('judges at least what any deployment grants: all it may widen by, only what every deployment narrows by', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Allow', 'Deny'),
        fc.constantFrom('Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition'),
        fc.array(item, { minLength: 1, maxLength: 4 }),
        (effect, key, written) => {
          const judged = read(effect, key, written);
          const known = judged.filter((value) => !isUnknown(value));
          // A condition narrows an Allow (to when it grants) and a Deny (to when it removes).
          const narrows = key === 'Condition' || key.startsWith('Not') !== (effect === 'Deny');
          for (const parameters of deployments) {
            const deployed = read(effect, key, written, parameters);
            expect(deployed.some((value) => isUnknown(value))).toBe(false);
            // Widening: whatever a deployment grants is judged, or an Unknown says it cannot be seen.
            if (!narrows && !judged.some((value) => isUnknown(value)))
              for (const value of deployed) expect(known).toContainEqual(value);
            // Narrowing: nothing is taken as excluded or denied that some deployment does not exclude or deny.
            if (narrows) for (const value of known) expect(deployed).toContainEqual(value);
          }
        },
      ),
      { numRuns: 1500, seed: 2_412_04 },
    );
  });
});
