import type { PlainCredential } from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import {
  credentialInVariable,
  credentialsInText,
  decodedBase64Text,
  literalPassword,
  ResourceCredentials,
} from '../credential-formats.js';
import { CODEBUILD_VARIABLE_ADVICE, plainCodeBuildType } from '../aws/plain-configuration.js';
import type { StackContext } from './stack-context.js';
import type { CfnResource } from './template.js';

/** How a template keeps a password out of its text, in CloudFormation's words. */
const PASSWORD_ADVICE =
  'Write a dynamic reference ({{resolve:secretsmanager:…}}), a Ref to a NoEcho parameter without a Default, or let the ' +
  'service keep the password in Secrets Manager (ManageMasterUserPassword where the resource has it)';

/** How a template keeps a token out of its text, in CloudFormation's words. */
const TOKEN_ADVICE =
  'Write a dynamic reference ({{resolve:secretsmanager:…}}) or a Ref to a NoEcho parameter without a Default';

/**
 * The endings of the property names under which CloudFormation takes a token that signs in to another system: an
 * Amplify app's `AccessToken` and `OauthToken` (the Git provider's), CodeStar's `RepositoryAccessToken`, an AppFlow
 * connector profile's `AccessToken` and `RefreshToken`, a CodePipeline webhook's `SecretToken`, an Alexa skill's
 * `AuthenticationConfiguration.RefreshToken` (Login with Amazon's, which mints access tokens to the skill's developer
 * account). Both kinds are write-only in the resources' CloudFormation schemas, as every `…Password` is. `ClientToken`,
 * `NextToken` and the like are no credential.
 */
const TOKEN_PROPERTY_ENDINGS = ['AccessToken', 'OauthToken', 'SecretToken', 'RefreshToken'] as const;

/**
 * The endings of the property names under which CloudFormation takes an OAuth client's secret: an Alexa skill's
 * `AuthenticationConfiguration.ClientSecret`, an EventBridge connection's `OAuthParameters.ClientParameters.ClientSecret`,
 * an AppFlow connector profile's `ClientSecret` (write-only in those resources' schemas). With the client's id it signs
 * in as the client. `ClientSecretArn` and the like name where a secret is kept, and do not end so.
 */
const SECRET_PROPERTY_ENDINGS = ['ClientSecret'] as const;

/** How a template keeps a value out of an environment or user data, in CloudFormation's words. */
const VALUE_ADVICE =
  'Keep the value in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time ' +
  '(an ECS container takes it from Secrets with ValueFrom)';

/** User data: the EC2 instance's and the launch configuration's `UserData`, a launch template's `LaunchTemplateData.UserData`. */
const USER_DATA_PATHS: Record<string, readonly string[]> = lookupTable({
  'AWS::EC2::Instance': ['UserData'],
  'AWS::AutoScaling::LaunchConfiguration': ['UserData'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData', 'UserData'],
});

/**
 * The credentials a resource's properties write out: a property named `…Password` (CloudFormation's name for every
 * password a resource takes: `MasterUserPassword` of RDS, DocumentDB and Redshift, `Password` of Amazon MQ users, a
 * DMS endpoint or a Directory Service directory; the naming cfn-lint's W2501 and cfn_nag's password rules read) or a
 * token's or client secret's name (TOKEN_PROPERTY_ENDINGS, SECRET_PROPERTY_ENDINGS: the Git provider's token of an
 * Amplify app, an Alexa skill's client secret and refresh token) holding a literal, or the Default
 * of the parameter it refers to (written in the template whether or not the parameter is NoEcho, as cfn_nag's rules
 * say); a Lambda function's environment variables, an ECS container's `Environment`, a CodeBuild
 * project's `Environment.EnvironmentVariables` of type PLAINTEXT (the default), and user data, holding a credential by
 * its format or a literal under a secret's name (credential-formats.ts). References to a secret store, NoEcho parameters without a
 * Default and values only deploy time knows are not written out.
 */
export function plainCredentialsOf(
  stack: StackContext,
  logicalId: string,
  resource: CfnResource,
): readonly PlainCredential[] {
  const properties = resource.Properties;
  if (!isRecord(properties)) return NO_CREDENTIALS;
  // Made on the first credential found: nearly every resource has none, and this runs for every resource of every
  // template (a collector, its map and the closure naming the resource were most of what a 100,000-resource cdk.out
  // allocated here).
  let credentials: ResourceCredentials | undefined;

  const candidates = credentialProperties(properties);
  if (candidates)
    for (const { place, value, kind } of candidates) {
      const written = writtenPassword(stack, value);
      if (written !== undefined)
        (credentials ??= collectorOf(stack, logicalId)).add(
          kind,
          place + written,
          kind === 'password' ? PASSWORD_ADVICE : TOKEN_ADVICE,
        );
    }
  if (resource.Type === 'AWS::Lambda::Function') {
    const variables = stack.resolver.resolve(
      isRecord(properties.Environment) ? properties.Environment.Variables : undefined,
    );
    if (isRecord(variables))
      for (const [name, value] of Object.entries(variables)) {
        const kind = typeof value === 'string' ? credentialInVariable(name, value) : undefined;
        if (kind)
          (credentials ??= collectorOf(stack, logicalId)).add(kind, `Environment.Variables.${name}`, VALUE_ADVICE);
      }
  }
  if (resource.Type === 'AWS::ECS::TaskDefinition') {
    const containers = stack.resolver.resolve(properties.ContainerDefinitions);
    for (const [index, container] of (Array.isArray(containers) ? containers : []).entries()) {
      if (!isRecord(container) || !Array.isArray(container.Environment)) continue;
      const containerName = typeof container.Name === 'string' ? container.Name : String(index);
      for (const variable of container.Environment) {
        if (!isRecord(variable) || typeof variable.Name !== 'string' || typeof variable.Value !== 'string') continue;
        const kind = credentialInVariable(variable.Name, variable.Value);
        if (kind)
          (credentials ??= collectorOf(stack, logicalId)).add(
            kind,
            `ContainerDefinitions[${containerName}].Environment.${variable.Name}`,
            VALUE_ADVICE,
          );
      }
    }
  }
  if (resource.Type === 'AWS::CodeBuild::Project') {
    const environment = stack.resolver.resolve(properties.Environment);
    const variables = isRecord(environment) ? environment.EnvironmentVariables : undefined;
    for (const variable of Array.isArray(variables) ? variables : []) {
      if (!isRecord(variable) || !plainCodeBuildType(variable.Type)) continue;
      if (typeof variable.Name !== 'string' || typeof variable.Value !== 'string') continue;
      const kind = credentialInVariable(variable.Name, variable.Value);
      if (kind)
        (credentials ??= collectorOf(stack, logicalId)).add(
          kind,
          `Environment.EnvironmentVariables.${variable.Name}`,
          CODEBUILD_VARIABLE_ADVICE,
        );
    }
  }
  const userDataPath = USER_DATA_PATHS[resource.Type];
  if (userDataPath) {
    const userData = userDataPath.reduce<unknown>(
      (value, key) => (isRecord(value) ? value[key] : undefined),
      properties,
    );
    const text = literalText(stack, userData, true).join('\n');
    for (const kind of credentialsInText(text))
      (credentials ??= collectorOf(stack, logicalId)).add(kind, userDataPath.join('.'), VALUE_ADVICE);
  }

  return credentials ? credentials.found : NO_CREDENTIALS;
}

function collectorOf(stack: StackContext, logicalId: string): ResourceCredentials {
  return new ResourceCredentials('aws', () => stack.ref(logicalId));
}

/** What a resource without a written-out credential gives (most): one shared empty list, read only. */
const NO_CREDENTIALS: readonly PlainCredential[] = Object.freeze([]);

/**
 * Keys not searched for passwords and tokens: environments are read variable by variable, policy documents and code hold no
 * password property, and walking them would cost every template's largest values.
 */
const NOT_WALKED = new Set([
  // A Cognito user pool client's token lifetimes, keyed by token type (`AccessToken: minutes`): no token is written there.
  'TokenValidityUnits',
  'Variables',
  'Environment',
  'Ref',
  'PolicyDocument',
  'AssumeRolePolicyDocument',
  'Policies',
  'Code',
]);

/**
 * Every property named `…Password` or with a token's or client secret's name (TOKEN_PROPERTY_ENDINGS,
 * SECRET_PROPERTY_ENDINGS) under `value`, with its path, or undefined when none is (most resources); environment variables are read on their own. A path is
 * written out only for a password property found: the walk visits every property of every resource, and building each
 * one's path was most of what this check cost on large templates.
 */
function credentialProperties(value: unknown): CredentialProperty[] | undefined {
  CREDENTIAL_WALK.keys.length = 0;
  CREDENTIAL_WALK.found = undefined;
  walkCredentialProperties(value, CREDENTIAL_WALK);
  const { found } = CREDENTIAL_WALK;
  CREDENTIAL_WALK.found = undefined;
  return found;
}

interface CredentialProperty {
  place: string;
  value: unknown;
  kind: 'password' | 'token' | 'secret';
}

/**
 * The walk's state: the keys from the resource's Properties down to the node walked, and what it found (made on the
 * first find). One for the module, reset by each walk (which never re-enters itself): a walk per resource made a
 * path list and two closures for every resource of every template.
 */
const CREDENTIAL_WALK: { keys: (string | number)[]; found: CredentialProperty[] | undefined } = {
  keys: [],
  found: undefined,
};

function walkCredentialProperties(node: unknown, walk: typeof CREDENTIAL_WALK): void {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      walk.keys.push(index);
      walkCredentialProperties(node[index], walk);
      walk.keys.pop();
    }
    return;
  }
  if (!isRecord(node)) return;
  for (const key in node) {
    if (!Object.hasOwn(node, key) || NOT_WALKED.has(key) || key.startsWith('Fn::')) continue;
    const item = node[key];
    const kind = credentialKindOf(key);
    if (kind) (walk.found ??= []).push({ place: placeOf(walk.keys, key), value: item, kind });
    else if (typeof item === 'object' && item !== null) {
      walk.keys.push(key);
      walkCredentialProperties(item, walk);
      walk.keys.pop();
    }
  }
}

/** The last character of each name a credential property ends with (`…Password`, TOKEN_PROPERTY_ENDINGS, SECRET_PROPERTY_ENDINGS). */
const CREDENTIAL_LAST_CODES: ReadonlySet<number> = new Set(
  ['Password', ...TOKEN_PROPERTY_ENDINGS, ...SECRET_PROPERTY_ENDINGS].map((ending) =>
    ending.charCodeAt(ending.length - 1),
  ),
);

/**
 * `password` for a key named `…Password`, `token` for one with a token's name, `secret` for a client secret's, else none. Its last character is
 * looked at first: most keys end in none of those names' last letters, and are not compared with each name (once per
 * key of every resource walked).
 */
function credentialKindOf(key: string): CredentialProperty['kind'] | undefined {
  if (!CREDENTIAL_LAST_CODES.has(key.charCodeAt(key.length - 1))) return undefined;
  if (key.endsWith('Password')) return 'password';
  if (hasTokenEnding(key)) return 'token';
  for (const ending of SECRET_PROPERTY_ENDINGS) if (key.endsWith(ending)) return 'secret';
  return undefined;
}

/** A loop rather than `some` with an arrow: that made a closure for every key of every resource walked. */
function hasTokenEnding(key: string): boolean {
  for (const ending of TOKEN_PROPERTY_ENDINGS) if (key.endsWith(ending)) return true;
  return false;
}

/** `Parameters[0].MasterUserPassword`: the path to a property found, written out only then. */
function placeOf(keys: readonly (string | number)[], last: string): string {
  return [...keys, last].reduce<string>(
    (place, key) => (typeof key === 'number' ? `${place}[${key}]` : place === '' ? key : `${place}.${key}`),
    '',
  );
}

/**
 * Whether a password or token property's value is written out in the template: a literal (any string but a dynamic reference),
 * or a Ref to a parameter whose Default is one. Gives the words that say where, appended to the property's path.
 */
function writtenPassword(stack: StackContext, raw: unknown): string | undefined {
  for (const value of stack.resolver.alternatives(raw)) {
    if (literalPassword(value)) return '';
    if (isRecord(value) && typeof value.Ref === 'string') {
      const name = value.Ref;
      // A parent stack's value is the parent's to judge, in its own template.
      if (stack.input.parameters && Object.hasOwn(stack.input.parameters, name)) continue;
      const parameter = stack.input.template.Parameters?.[name];
      if (parameter && literalPassword(parameter.Default)) return ` (the Default of parameter ${name})`;
      continue;
    }
    if (
      isRecord(value) &&
      ('Fn::Join' in value || 'Fn::Sub' in value) &&
      literalPassword(stack.resolver.resolve(value))
    )
      return '';
  }
  return undefined;
}

/**
 * The literal text of a value built with intrinsics: a string, the strings `Fn::Join`, `Fn::Sub` (its template and
 * its variables) and `Fn::Base64` are built from, both branches of an `Fn::If`; what a `Ref` or `Fn::GetAtt` gives is
 * not written in the template. User data written as a plain string is base64 (EC2 decodes it), so it is read decoded too.
 */
function literalText(stack: StackContext, value: unknown, mayBeBase64: boolean): string[] {
  if (typeof value === 'string') {
    const decoded = mayBeBase64 ? decodedBase64Text(value) : undefined;
    return decoded === undefined ? [value] : [value, decoded];
  }
  if (Array.isArray(value)) return value.flatMap((item) => literalText(stack, item, false));
  if (!isRecord(value)) return [];
  if ('Fn::Base64' in value) return literalText(stack, value['Fn::Base64'], false);
  if ('Fn::Join' in value) {
    const join = value['Fn::Join'];
    return Array.isArray(join)
      ? [literalText(stack, join[1], false).join(typeof join[0] === 'string' ? join[0] : '')]
      : [];
  }
  if ('Fn::Sub' in value) return literalText(stack, value['Fn::Sub'], false);
  if ('Fn::If' in value) {
    const branches = value['Fn::If'];
    return Array.isArray(branches) ? literalText(stack, branches.slice(1), false) : [];
  }
  if (Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::'))) return [];
  return Object.values(value).flatMap((item) => literalText(stack, item, false));
}
