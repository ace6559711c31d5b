import { isUnknown, type ResourceRef, type UnseenContent, type UnseenKind } from '../../model/model.js';
import type { KeyTree, SourcePosition } from '../../util/located-json.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { accessChangeOf, iamActionOfSdkCall } from '../../iam/aws/sdk-calls.js';
import { createResolver, isCustomResource, type Resolver } from './intrinsics.js';
import { parseTemplateText } from './load.js';
import { sdkCallChangesOf } from './sdk-call-changes.js';
import { holdsPolicyDocument, sdkCallsOf } from './sdk-calls.js';
import { expandForEachLoops, LANGUAGE_EXTENSIONS } from './language-extensions.js';
import { expandServerless, SAM_TRANSFORM } from './serverless.js';
import { isTemplate, TemplateError, type CfnResource, type CfnTemplate, type TemplateInput } from './template.js';

/**
 * Templates as CloudFormation will deploy them, as far as the check can know it before deployment: the SAM
 * transform expanded (serverless.ts), each stack set's `TemplateBody` read as a stack of its own
 * (`Parent/StackSetLogicalId`), and everything that stays out of sight listed as UnseenContent:
 * - a `Transform` other than SAM and `AWS::LanguageExtensions` (a macro: its output is unknown), an `AWS::Include`
 *   at the top or as `Fn::Transform` anywhere in `Resources`, a language-extensions `Fn::ForEach` loop whose
 *   collection is not known before deployment (language-extensions.ts expands the others);
 * - a nested stack (`AWS::CloudFormation::Stack`, `AWS::Serverless::Application`) whose template was not read
 *   (a remote or computed TemplateURL), a stack set without a readable `TemplateBody`;
 * - an `AWS::IAM::*` resource type the adapter does not model, and SAM resources whose generated permissions are
 *   not modelled (a connector or GraphQLApi SAM would refuse or the check cannot read, a SAM type it does not know).
 */
export function expandInputs(inputs: readonly TemplateInput[]): { inputs: TemplateInput[]; unseen: UnseenContent[] } {
  const expander = new TemplateExpander();
  const expanded = inputs.flatMap((input) => expander.expand(input));
  return { inputs: expanded, unseen: expander.unseen(new Set(inputs.map((input) => input.stack))) };
}

/**
 * expandInputs one input at a time, for a caller that reads templates as it goes (the CLI): whether a nested stack
 * was read as an input of its own is known only once every input is in, so what it decides waits for `unseen`.
 */
export class TemplateExpander {
  private readonly found: UnseenContent[] = [];
  /** Entries that stand only if no input is the stack they name (a nested stack whose template was read). */
  private readonly unlessRead = new Map<UnseenContent, string>();

  /** The input as CloudFormation will deploy it, followed by the stacks of its stack sets' template bodies. */
  expand(input: TemplateInput): TemplateInput[] {
    const expanded: TemplateInput[] = [];
    const found = new UnseenCollector(input, this.found, this.unlessRead);
    const transformed = applyTransforms(input, found);
    const prepared = withCallsAsResources(transformed.prepared);
    const { loopsAtDefault } = transformed;
    expanded.push(prepared);
    findHiddenResources(prepared, found, expanded, loopsAtDefault);
    return expanded;
  }

  /** What could not be seen, in the order found, once `stacks` (every input's stack name) is known. */
  unseen(stacks: ReadonlySet<string>): UnseenContent[] {
    if (this.unlessRead.size === 0) return this.found;
    return this.found.filter((entry) => {
      const stack = this.unlessRead.get(entry);
      return stack === undefined || !stacks.has(stack);
    });
  }
}

/** Resource types under AWS::IAM the model reads, or that grant nothing by themselves. */
const MODELLED_IAM_TYPES = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
  'AWS::IAM::UserToGroupAddition',
  'AWS::IAM::AccessKey',
  'AWS::IAM::ServiceSpecificCredential',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::OIDCProvider',
  'AWS::IAM::SAMLProvider',
  // A TLS certificate, an MFA device, and a service-linked role (its permissions and trust are AWS's, fixed per service).
  'AWS::IAM::ServerCertificate',
  'AWS::IAM::VirtualMFADevice',
  'AWS::IAM::ServiceLinkedRole',
]);

/**
 * Transforms whose effect the check knows: SAM (expanded here), language extensions (intrinsics, and its loops
 * expanded where their collection is known, reported where not), and the Secrets Manager transform, which only
 * turns a RotationSchedule's `HostedRotationLambda` into the rotation function AWS publishes, whose role AWS scopes
 * to the secrets and keys that schedule names (CDK's `hostedRotation` writes it).
 */
const KNOWN_TRANSFORMS = new Set([
  SAM_TRANSFORM,
  LANGUAGE_EXTENSIONS,
  'AWS::SecretsManager-2020-07-23',
  'AWS::SecretsManager-2024-09-16',
]);

class UnseenCollector {
  /** `unlessRead` undefined: no stack of this input's nesting is read as an input (a stack set's body). */
  constructor(
    private readonly input: TemplateInput,
    readonly unseen: UnseenContent[],
    private readonly unlessRead?: Map<UnseenContent, string>,
  ) {}

  add(kind: UnseenKind, what: string, resource: ResourceRef): void {
    this.unseen.push({ resource, kind, what });
  }

  /** A nested stack's template not seen, unless the stack `stack` turns out to be one of the inputs read. */
  addUnlessRead(stack: string, kind: UnseenKind, what: string, resource: ResourceRef): void {
    const entry: UnseenContent = { resource, kind, what };
    this.unseen.push(entry);
    this.unlessRead?.set(entry, stack);
  }

  /** A resource of the template, named as findings name it (construct path where known). */
  resource(logicalId: string, type: string, declaredAs?: string): ResourceRef {
    const { input } = this;
    const cdkPath = input.template.Resources[logicalId]?.Metadata?.['aws:cdk:path'];
    const path = input.paths?.[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : undefined);
    const declared = input.generatedBy?.[declaredAs ?? logicalId] ?? declaredAs ?? logicalId;
    return this.located(
      { type, name: logicalId, ...(path ? { path } : {}) },
      input.keys?.get('Resources')?.children?.get(declared)?.position,
    );
  }

  /** A template section (`Transform`, `Resources`), for what is not inside one resource. */
  section(section: string, name: string): ResourceRef {
    return this.located({ type: `Template ${section}`, name }, this.input.keys?.get(section)?.position);
  }

  private located(ref: ResourceRef, position: SourcePosition | undefined): ResourceRef {
    if (this.input.file) ref.file = this.input.file;
    ref.stack = this.input.stack;
    if (position) {
      ref.line = position.line;
      ref.column = position.column;
    }
    return ref;
  }
}

function transformNames(template: CfnTemplate): { name: string; location?: string }[] {
  const transform = template.Transform;
  if (transform === undefined) return [];
  return (Array.isArray(transform) ? transform : [transform]).map((entry) => {
    if (typeof entry === 'string') return { name: entry };
    if (isRecord(entry) && typeof entry.Name === 'string') {
      const location = isRecord(entry.Parameters) ? entry.Parameters.Location : undefined;
      return { name: entry.Name, ...(typeof location === 'string' ? { location } : {}) };
    }
    return { name: JSON.stringify(entry) };
  });
}

/** The input with the transforms the check knows applied; `loopsAtDefault` as expandForEachLoops gives it. */
function applyTransforms(
  input: TemplateInput,
  found: UnseenCollector,
): { prepared: TemplateInput; loopsAtDefault: ReadonlySet<string> } {
  let result = input;
  let loopsAtDefault: ReadonlySet<string> = new Set();
  for (const { name, location } of transformNames(input.template)) {
    if (name === LANGUAGE_EXTENSIONS) {
      const { resources, generatedBy, atDefault } = expandForEachLoops(result);
      result = { ...result, template: { ...result.template, Resources: resources }, generatedBy };
      loopsAtDefault = atDefault;
    } else if (name === SAM_TRANSFORM) {
      const { resources, generatedBy, unmodelled, conditions } = expandServerless(result.template);
      // A resource SAM generates from one a loop generated is located at the loop.
      const declared = result.generatedBy;
      for (const [id, from] of Object.entries(generatedBy)) generatedBy[id] = declared?.[from] ?? from;
      result = {
        ...result,
        template: { ...result.template, Resources: resources, ...withConditions(result.template, conditions) },
        generatedBy: { ...declared, ...generatedBy },
      };
      for (const [logicalId, { type, why }] of Object.entries(unmodelled)) {
        if (type === 'AWS::Serverless::Application') {
          found.addUnlessRead(
            `${input.stack}/${logicalId}`,
            'remote-template',
            `the ${type} at ${describeLocation(result.template.Resources[logicalId]?.Properties?.Location)}`,
            found.resource(logicalId, type),
          );
        } else {
          // An embedded connector (`Connectors` on a resource) is located at the resource that declares it; a connector
          // says why it was not expanded (the pair of types, the permission or the value), so its author can fix it.
          const what = why === undefined ? type : `${type} (not expanded: ${why})`;
          found.add('unknown-iam-type', what, found.resource(logicalId, type, generatedBy[logicalId]));
        }
      }
    } else if (name === 'AWS::Include') {
      found.add(
        'include',
        `the AWS::Include snippet ${location ?? '(location not readable)'}`,
        found.section('Transform', name),
      );
    } else if (!KNOWN_TRANSFORMS.has(name)) {
      found.add('macro', `the transform (macro) ${name}`, found.section('Transform', name));
    }
  }
  return { prepared: result, loopsAtDefault };
}

/** The template's `Conditions` with those the SAM expansion adds (SAM's win, as its translator writes them). */
function withConditions(template: CfnTemplate, added: Record<string, unknown>): Pick<CfnTemplate, 'Conditions'> {
  if (Object.keys(added).length === 0) return {};
  return { Conditions: { ...(isRecord(template.Conditions) ? template.Conditions : {}), ...added } };
}

function describeLocation(location: unknown): string {
  if (typeof location === 'string') return location;
  if (isRecord(location) && typeof location.ApplicationId === 'string') {
    return `${location.ApplicationId}${typeof location.SemanticVersion === 'string' ? ` ${location.SemanticVersion}` : ''}`;
  }
  return 'a location that is not readable';
}

function findHiddenResources(
  input: TemplateInput,
  found: UnseenCollector,
  expanded: TemplateInput[],
  loopsAtDefault: ReadonlySet<string>,
): void {
  const resources = input.template.Resources;
  // Made when a resource first has a Condition (most templates have none): a resolver is a few dozen closures, and
  // made here it was inlined into this loop's optimized code, which then took longer to compile than the loop ran.
  let resolver: Resolver | undefined;
  const logicalIds = Object.keys(resources);
  // Indexed: a for…of loop made this function's optimized code several times longer to compile.
  for (let index = 0; index < logicalIds.length; index++) {
    const logicalId = logicalIds[index];
    if (logicalId === undefined) continue;
    const resource = resources[logicalId];
    // A resource whose Condition is false at plan time is not created.
    if (
      isRecord(resource) &&
      typeof resource.Condition === 'string' &&
      (resolver ??= createResolver(input)).condition(resource.Condition) === false
    )
      continue;
    // Entries CloudFormation fills in when it processes the template, located at their key: an include of resources
    // (`Fn::Transform` as a logical id), a resource whose whole body is an include, a language-extensions loop.
    if (logicalId === 'Fn::Transform') {
      found.add('include', describeTransform(resource), found.resource(logicalId, 'Fn::Transform'));
      continue;
    }
    if (logicalId.startsWith('Fn::ForEach::')) {
      const what = loopsAtDefault.has(logicalId)
        ? `the ${logicalId} loop of AWS::LanguageExtensions over a list a parameter the deployment sets writes (the default's iterations are judged; any other list's are not seen)`
        : `the ${logicalId} loop of AWS::LanguageExtensions`;
      found.add('macro', what, found.resource(logicalId, 'Fn::ForEach'));
      continue;
    }
    if (!isRecord(resource)) continue;
    if (typeof resource.Type !== 'string' && Object.hasOwn(resource, 'Fn::Transform')) {
      found.add('include', describeTransform(resource['Fn::Transform']), found.resource(logicalId, 'Fn::Transform'));
      continue;
    }
    const type = typeof resource.Type === 'string' ? resource.Type : '';
    // Only the parts that can hide a grant are searched: serializing the whole template cost more than this walk.
    const inner = findTransform(identityRelevantPart(type, resource));
    if (inner !== undefined) found.add('include', describeTransform(inner), found.resource(logicalId, type));
    if (type.startsWith('AWS::IAM::') && !MODELLED_IAM_TYPES.has(type))
      found.add('unknown-iam-type', type, found.resource(logicalId, type));
    if (type === 'AWS::SSO::Assignment') {
      const outside = permissionSetOutside(input, resources, resource.Properties?.PermissionSetArn);
      if (outside !== undefined) found.add('unseen-permission-set', outside, found.resource(logicalId, type));
    }
    if (isCustomResource(resource)) findAccessChangingSdkCalls(logicalId, type, resource.Properties, found);
    if (type === 'AWS::CloudFormation::Stack') {
      found.addUnlessRead(
        `${input.stack}/${logicalId}`,
        'remote-template',
        describeUrl(input, resource.Properties?.TemplateURL),
        found.resource(logicalId, type),
      );
    }
    if (type === 'AWS::CloudFormation::StackSet') readStackSet(input, logicalId, resource, found, expanded);
  }
}

/**
 * The calls a CDK AwsCustomResource makes while the stack deploys that change access (a policy attached, an access key
 * or a user made, a policy document written): unseen, since no resource of the template shows what they make. A call
 * that changes none (a read, a Lambda invoke) is the custom resource's own business; one that cannot be read is unseen
 * as well.
 */
function findAccessChangingSdkCalls(
  logicalId: string,
  type: string,
  properties: unknown,
  found: UnseenCollector,
): void {
  // Calls that change a role, user, group or key the model finds: it judges them, and reports what it cannot find.
  if (sdkCallChangesOf(properties) !== undefined) return;
  const reported = new Set<string>();
  for (const call of sdkCallsOf(properties)) {
    if ('unreadable' in call) {
      found.add('unreadable-sdk-call', `its ${call.phase} call (${call.unreadable})`, found.resource(logicalId, type));
      continue;
    }
    const action = iamActionOfSdkCall(call.service, call.action);
    // Create and Update are often the same call (onUpdate alone is both): one finding says it.
    if (reported.has(action) || !changesAccess(action, call.parameters)) continue;
    reported.add(action);
    found.add('sdk-call', action, found.resource(logicalId, type));
  }
}

/**
 * Whether a call changes access: by its action (iam/aws/sdk-calls.ts accessChangeOf), or by what it writes, a policy
 * document (an `updateDomainConfig` of OpenSearch setting the domain's `AccessPolicies`: an action of access level
 * Write that sets who may use the domain).
 */
function changesAccess(action: string, parameters: Record<string, unknown>): boolean {
  return accessChangeOf(action) !== undefined || Object.values(parameters).some(holdsPolicyDocument);
}

/**
 * How a call is read as the resource CloudFormation would make for it: the resource's type, and its properties from
 * the call's parameters, or undefined when a parameter (or a value of one) sets something the resource does not show,
 * so the call stays unseen: it may set more than the resource shows.
 */
interface CallAsResource {
  type: string;
  properties(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined;
}

/**
 * A call whose parameters are the resource's properties by another name (`properties`: parameter → property); the
 * `ignored` ones only name or guard the call and grant nothing (a Lambda permission's StatementId, its statement's Sid,
 * which CloudFormation writes itself; its RevisionId, a precondition on the function's policy).
 */
function renamed(
  type: string,
  properties: Readonly<Record<string, string>>,
  ignored: readonly string[] = [],
): CallAsResource {
  return {
    type,
    properties(parameters) {
      const result: Record<string, unknown> = {};
      for (const [parameter, value] of Object.entries(parameters)) {
        const property = Object.hasOwn(properties, parameter) ? properties[parameter] : undefined;
        if (property !== undefined) result[property] = value;
        else if (!ignored.includes(parameter)) return undefined;
      }
      return result;
    },
  };
}

/** Whether the call's parameters are exactly these (none missing, none more). */
function hasExactly(parameters: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  const keys = Object.keys(parameters);
  return keys.length === names.length && names.every((name) => Object.hasOwn(parameters, name));
}

/**
 * Calls the check reads as the resource CloudFormation would make for them, by IAM action. AttachRolePolicy and its
 * kin, UpdateAssumeRolePolicy and KMS PutKeyPolicy change a resource rather than make one: sdk-call-changes.ts reads
 * them. CloudWatch Logs' PutResourcePolicy is an account's AWS::Logs::ResourcePolicy, which aws-cdk-lib writes for an
 * EventBridge rule's log group target and an OpenSearch domain's log publishing
 * (aws-events-targets/lib/log-group-resource-policy.js: `policyName`, `policyDocument`); OpenSearch's (and
 * Elasticsearch's) UpdateDomainConfig of `DomainName` and `AccessPolicies` alone is the domain's access policy, which
 * aws-cdk-lib writes for every Domain given `accessPolicies` (aws-opensearchservice/lib/opensearch-access-policy.js).
 *
 * Parameter names as the AWS SDK for JavaScript v3 names them: the clients the aws-cdk CLI 2.1148.1 bundles
 * (node_modules/aws-cdk/lib/index.js, their request schemas: IAM AddUserToGroupRequest [GroupName, UserName],
 * PutRolePolicyRequest [RoleName, PolicyName, PolicyDocument], CreateAccessKeyRequest [UserName]; S3
 * PutBucketPolicyRequest [Bucket, Policy, ContentMD5, ChecksumAlgorithm, ConfirmRemoveSelfBucketAccess,
 * ExpectedBucketOwner]; Lambda AddPermissionRequest [FunctionName, StatementId, Action, Principal, SourceArn,
 * FunctionUrlAuthType, InvokedViaFunctionUrl, SourceAccount, EventSourceToken, Qualifier, RevisionId, PrincipalOrgID]),
 * and for the clients it does not bundle the AWS API references: SQS SetQueueAttributes [QueueUrl, Attributes], SNS
 * SetTopicAttributes [TopicArn, AttributeName, AttributeValue], Secrets Manager PutResourcePolicy [SecretId,
 * ResourcePolicy, BlockPublicPolicy]. Property names as aws-cdk-lib 2.276.0's L1 classes spell them.
 */
const CALLS_AS_RESOURCES: Readonly<Record<string, CallAsResource>> = lookupTable({
  'logs:PutResourcePolicy': renamed('AWS::Logs::ResourcePolicy', {
    policyName: 'PolicyName',
    policyDocument: 'PolicyDocument',
  }),
  // IAM's own calls that write what an IAM resource of the template would: an access key, an inline policy.
  'iam:CreateAccessKey': renamed('AWS::IAM::AccessKey', { UserName: 'UserName' }),
  // CreateUser and CreateRole take the resource's own property names (CreateRoleCommandInput: RoleName,
  // AssumeRolePolicyDocument, Path, Description, MaxSessionDuration, PermissionsBoundary, Tags).
  'iam:CreateUser': renamed('AWS::IAM::User', {
    UserName: 'UserName',
    Path: 'Path',
    PermissionsBoundary: 'PermissionsBoundary',
    Tags: 'Tags',
  }),
  'iam:CreateRole': renamed('AWS::IAM::Role', {
    RoleName: 'RoleName',
    AssumeRolePolicyDocument: 'AssumeRolePolicyDocument',
    Path: 'Path',
    Description: 'Description',
    MaxSessionDuration: 'MaxSessionDuration',
    PermissionsBoundary: 'PermissionsBoundary',
    Tags: 'Tags',
  }),
  'iam:PutRolePolicy': renamed('AWS::IAM::RolePolicy', {
    RoleName: 'RoleName',
    PolicyName: 'PolicyName',
    PolicyDocument: 'PolicyDocument',
  }),
  'iam:PutUserPolicy': renamed('AWS::IAM::UserPolicy', {
    UserName: 'UserName',
    PolicyName: 'PolicyName',
    PolicyDocument: 'PolicyDocument',
  }),
  'iam:PutGroupPolicy': renamed('AWS::IAM::GroupPolicy', {
    GroupName: 'GroupName',
    PolicyName: 'PolicyName',
    PolicyDocument: 'PolicyDocument',
  }),
  // One user into one group: the membership CfnUserToGroupAddition writes for a list of users.
  'iam:AddUserToGroup': {
    type: 'AWS::IAM::UserToGroupAddition',
    properties: (parameters) =>
      hasExactly(parameters, ['GroupName', 'UserName'])
        ? { GroupName: parameters.GroupName, Users: [parameters.UserName] }
        : undefined,
  },
  // The bucket's whole policy, as CfnBucketPolicy writes it (the call's Policy is its JSON text; the adapter reads a
  // document given as text). ConfirmRemoveSelfBucketAccess, ExpectedBucketOwner and the checksums stay unseen: none
  // is a property of the resource.
  's3:PutBucketPolicy': renamed('AWS::S3::BucketPolicy', { Bucket: 'Bucket', Policy: 'PolicyDocument' }),
  // The queue's whole policy when the call sets no other attribute (a redrive policy, a key, a retention are no
  // property of CfnQueuePolicy).
  'sqs:SetQueueAttributes': {
    type: 'AWS::SQS::QueuePolicy',
    properties: ({ QueueUrl, Attributes, ...rest }) =>
      Object.keys(rest).length === 0 && isRecord(Attributes) && hasExactly(Attributes, ['Policy'])
        ? { Queues: [QueueUrl], PolicyDocument: Attributes.Policy }
        : undefined,
  },
  // The topic's whole policy when the attribute set is `Policy` (written as that text, no token).
  'sns:SetTopicAttributes': {
    type: 'AWS::SNS::TopicPolicy',
    properties: (parameters) =>
      hasExactly(parameters, ['TopicArn', 'AttributeName', 'AttributeValue']) && parameters.AttributeName === 'Policy'
        ? { Topics: [parameters.TopicArn], PolicyDocument: parameters.AttributeValue }
        : undefined,
  },
  'secretsmanager:PutResourcePolicy': renamed('AWS::SecretsManager::ResourcePolicy', {
    SecretId: 'SecretId',
    ResourcePolicy: 'ResourcePolicy',
    BlockPublicPolicy: 'BlockPublicPolicy',
  }),
  // The statement CfnPermission adds to the function's policy. A Qualifier (a version or alias) stays unseen: the
  // resource names one by a qualified ARN in FunctionName, which the call does not write.
  'lambda:AddPermission': renamed(
    'AWS::Lambda::Permission',
    {
      FunctionName: 'FunctionName',
      Action: 'Action',
      Principal: 'Principal',
      SourceArn: 'SourceArn',
      SourceAccount: 'SourceAccount',
      PrincipalOrgID: 'PrincipalOrgID',
      EventSourceToken: 'EventSourceToken',
      FunctionUrlAuthType: 'FunctionUrlAuthType',
      InvokedViaFunctionUrl: 'InvokedViaFunctionUrl',
    },
    ['StatementId', 'RevisionId'],
  ),
  'es:UpdateDomainConfig': renamed('AWS::OpenSearchService::Domain', {
    DomainName: 'DomainName',
    AccessPolicies: 'AccessPolicies',
  }),
  'es:UpdateElasticsearchDomainConfig': renamed('AWS::Elasticsearch::Domain', {
    DomainName: 'DomainName',
    AccessPolicies: 'AccessPolicies',
  }),
});

/**
 * The input with each AwsCustomResource whose calls all have a resource of their own (CALLS_AS_RESOURCES) written as
 * that resource, under its own logical id, so its policy is judged where the custom resource is declared.
 */
function withCallsAsResources(input: TemplateInput): TemplateInput {
  const resources = input.template.Resources;
  let rewritten: Record<string, unknown> | undefined;
  // Keys rather than Object.entries: once per template, and entries made a pair for each of its resources, which
  // nearly all are not custom resources.
  for (const logicalId of Object.keys(resources)) {
    const resource = resources[logicalId];
    if (!isRecord(resource) || !isCustomResource(resource)) continue;
    const calls = sdkCallsOf(resource.Properties);
    const last = calls.at(-1);
    if (!last || 'unreadable' in last) continue;
    const action = iamActionOfSdkCall(last.service, last.action);
    const target = Object.hasOwn(CALLS_AS_RESOURCES, action) ? CALLS_AS_RESOURCES[action] : undefined;
    if (!target) continue;
    // Read only when every call is this one (Create and Update the same) and writes only what the resource shows.
    if (
      calls.some(
        (call) =>
          'unreadable' in call ||
          iamActionOfSdkCall(call.service, call.action) !== action ||
          target.properties(call.parameters) === undefined,
      )
    )
      continue;
    const properties = target.properties(last.parameters);
    if (!properties) continue;
    rewritten ??= { ...resources };
    rewritten[logicalId] = { ...resource, Type: target.type, Properties: properties };
  }
  return rewritten
    ? { ...input, template: { ...input.template, Resources: rewritten as CfnTemplate['Resources'] } }
    : input;
}

/**
 * Where an `Fn::Transform` can hide what the model reads: anything in an IAM or Identity Center resource, a nested
 * stack or a stack set; the role property of compute. An include elsewhere (an API's OpenAPI `DefinitionBody`, a
 * function's environment) produces a property value that grants nothing and is not reported.
 */
const ROLE_PROPERTIES: Record<string, string[]> = lookupTable({
  'AWS::Lambda::Function': ['Role'],
  'AWS::ECS::TaskDefinition': ['TaskRoleArn', 'ExecutionRoleArn'],
  'AWS::StepFunctions::StateMachine': ['RoleArn'],
});

function identityRelevantPart(type: string, resource: Record<string, unknown>): unknown {
  if (
    type.startsWith('AWS::IAM::') ||
    type.startsWith('AWS::SSO::') ||
    type === 'AWS::CloudFormation::Stack' ||
    type === 'AWS::CloudFormation::StackSet'
  )
    return resource;
  const properties = ROLE_PROPERTIES[type];
  if (!properties || !isRecord(resource.Properties)) return undefined;
  return properties.map((property) => (resource.Properties as Record<string, unknown>)[property]);
}

/** The `Fn::Transform` value anywhere in a resource, if there is one. */
function findTransform(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findTransform(value[index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (Object.hasOwn(value, 'Fn::Transform')) return (value as Record<string, unknown>)['Fn::Transform'];
  // Own keys only (parsed values have no others), without the list Object.keys allocates per object.
  for (const key in value) {
    const found = findTransform((value as Record<string, unknown>)[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * How an account assignment names a permission set that is none of the template's (a literal ARN, a parameter, an
 * import): the assignment then hands out whatever that set holds, which the check cannot see. Undefined when it is the
 * `PermissionSetArn` of a permission set of the template, which the rules judge.
 */
function permissionSetOutside(
  input: TemplateInput,
  resources: CfnTemplate['Resources'],
  value: unknown,
): string | undefined {
  const target = isRecord(value) ? value['Fn::GetAtt'] : undefined;
  const logicalId: unknown = Array.isArray(target)
    ? (target as unknown[])[0]
    : typeof target === 'string'
      ? target.split('.')[0]
      : undefined;
  const resource =
    typeof logicalId === 'string' && Object.hasOwn(resources, logicalId) ? resources[logicalId] : undefined;
  if (isRecord(resource) && resource.Type === 'AWS::SSO::PermissionSet') return undefined;
  if (typeof value === 'string') return value;
  const resolved = createResolver(input).resolveString(value, 'PermissionSetArn');
  return isUnknown(resolved) ? `a permission set known only at deploy time (${resolved.description})` : resolved;
}

function describeTransform(transform: unknown): string {
  const entry = isRecord(transform) ? transform : {};
  const name = typeof entry.Name === 'string' ? entry.Name : 'a macro';
  const written = isRecord(entry.Parameters) ? writtenLocation(entry.Parameters.Location) : undefined;
  const location = written ? ` ${written}` : '';
  return name === 'AWS::Include'
    ? `the AWS::Include snippet${location || ' (location not readable)'}`
    : `the output of Fn::Transform ${name}${location}`;
}

/** A location as the author wrote it: a string, or the text of an `Fn::Sub` (`s3://${Bucket}/roles.yaml`), which says more than "unknown". */
function writtenLocation(location: unknown): string | undefined {
  if (typeof location === 'string') return location;
  if (!isRecord(location)) return undefined;
  const sub = location['Fn::Sub'];
  const text: unknown = Array.isArray(sub) ? sub[0] : sub;
  return typeof text === 'string' ? text : undefined;
}

function describeUrl(input: TemplateInput, url: unknown): string {
  if (typeof url === 'string') return url;
  if (url === undefined) return 'no TemplateURL';
  const resolved = createResolver(input).resolveString(url, 'TemplateURL');
  return isUnknown(resolved) ? `a URL known only at deploy time (${resolved.description})` : resolved;
}

/**
 * A stack set's template: its `TemplateBody` (a JSON or YAML string) becomes a stack `Parent/LogicalId` whose
 * findings point at the stack set; a `TemplateURL` or a body that does not parse is reported as unseen.
 */
function readStackSet(
  input: TemplateInput,
  logicalId: string,
  resource: CfnResource,
  found: UnseenCollector,
  expanded: TemplateInput[],
): void {
  const properties = resource.Properties ?? {};
  const ref = found.resource(logicalId, 'AWS::CloudFormation::StackSet');
  if (properties.TemplateBody === undefined) {
    found.add('stack-set', describeUrl(input, properties.TemplateURL), ref);
    return;
  }
  const body =
    isRecord(properties.TemplateBody) && isTemplate(properties.TemplateBody)
      ? properties.TemplateBody
      : createResolver(input).resolveString(properties.TemplateBody, 'TemplateBody');
  if (isUnknown(body)) {
    found.add('unreadable-template', `TemplateBody: ${body.description}`, ref);
    return;
  }
  let template: unknown = body;
  if (typeof body === 'string') {
    try {
      template = parseTemplateText(`${input.file ?? input.stack}#${logicalId}.TemplateBody`, body).value;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      found.add(
        'unreadable-template',
        `TemplateBody${error.line !== undefined ? ` line ${error.line}` : ''}: ${error.reason}`,
        ref,
      );
      return;
    }
  }
  if (!isTemplate(template)) {
    found.add('unreadable-template', 'TemplateBody has no "Resources" map', ref);
    return;
  }
  // Every resource of the body points at the stack set's line: the body is a string in the parent's file.
  const position = ref.line !== undefined ? { line: ref.line, column: ref.column ?? 1 } : undefined;
  const keys: KeyTree | undefined = position
    ? new Map([
        ['Resources', { position, children: new Map(Object.keys(template.Resources).map((id) => [id, { position }])) }],
      ])
    : undefined;
  const nested: TemplateInput = {
    stack: `${input.stack}/${logicalId}`,
    template,
    ...(input.file ? { file: input.file } : {}),
    ...(keys ? { keys } : {}),
  };
  // No input is a stack of the body's nesting: its nested stacks are read from nowhere.
  const nestedFound = new UnseenCollector(nested, found.unseen);
  const { prepared, loopsAtDefault } = applyTransforms(nested, nestedFound);
  expanded.push(prepared);
  findHiddenResources(prepared, nestedFound, expanded, loopsAtDefault);
}
