import { unknownValue } from '../../model/model.js';
import { isRecord, setOwn } from '../../util/records.js';
import { isIntrinsic } from './intrinsics.js';
import { samPolicyData, type SamPolicyTemplate } from './sam-policy-templates.js';
import type { CfnResource, CfnTemplate } from './template.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** What expanding a SAM template gives: plain CloudFormation resources, and where each generated one comes from. */
export interface ExpandedServerless {
  resources: Record<string, CfnResource>;
  /** Generated logical id → the SAM resource it comes from (for locations). */
  generatedBy: Record<string, string>;
  /** SAM resources whose IAM effect is not modelled (`AWS::Serverless::Application`, `Connector`, …), by logical id. */
  unmodelled: Record<string, string>;
}

/**
 * The IAM-relevant part of what the SAM transform generates, as SAM documents it and as its translator
 * (aws/serverless-application-model) writes it:
 * - `AWS::Serverless::Function` → `AWS::Lambda::Function`; without `Role`, an execution role `<FunctionId>Role`
 *   trusting lambda.amazonaws.com (or `AssumeRolePolicyDocument`) with AWSLambdaBasicExecutionRole, the X-Ray
 *   policy when `Tracing` is on, AWSLambdaVPCAccessExecutionRole with `VpcConfig`, the managed policies of pull
 *   event sources (SQS, Kinesis, DynamoDB, MSK), `Policies` (managed policy names or ARNs, SAM policy templates
 *   expanded from SAM's published definitions, inline documents), the dead-letter queue and event-invoke
 *   destination permissions, `PermissionsBoundary`, `RolePath`; `Globals.Function` applies to every function. A
 *   `ScheduleV2` event gets `<FunctionId><EventId>Role` (lambda:InvokeFunction on the function); a
 *   `DeploymentPreference` gets the one `CodeDeployServiceRole` (AWSCodeDeployRoleForLambda).
 * - `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine`; without `Role`, `<StateMachineId>Role`
 *   trusting states.amazonaws.com with its `Policies`; each event source that starts it gets
 *   `<StateMachineId><EventId>Role` allowed states:StartExecution on it.
 * - `AWS::Serverless::Api` / `HttpApi` → their API Gateway resources, with `Globals.Api`; the roles they use are
 *   named by ARN (authorizer `FunctionInvokeRole`, `CredentialsArn` in the definition), never created.
 * - `AWS::Serverless::SimpleTable`, `LayerVersion` create no identity.
 * Anything else under `AWS::Serverless::` (`Application`: a nested stack from the Serverless Application
 * Repository; `Connector`, `GraphQLApi`, `CapacityProvider`: permissions generated from their properties) is
 * returned as unmodelled, so it is reported as content the check cannot see.
 */
export function expandServerless(template: CfnTemplate): ExpandedServerless {
  const resources: Record<string, CfnResource> = {};
  const generatedBy: Record<string, string> = {};
  const unmodelled: Record<string, string> = {};
  const globals = isRecord(template.Globals) ? template.Globals : {};
  const generate = (logicalId: string, from: string, resource: CfnResource): void => {
    // A logical id the template already uses wins, as it would clash in CloudFormation (SAM refuses the template).
    if (template.Resources[logicalId] !== undefined && logicalId !== from) return;
    setOwn(resources, logicalId, resource);
    if (logicalId !== from) setOwn(generatedBy, logicalId, from);
  };
  for (const [logicalId, declared] of Object.entries(template.Resources)) {
    const resource = withoutConnectors(logicalId, declared, unmodelled, generatedBy);
    if (!isRecord(resource) || typeof resource.Type !== 'string' || !resource.Type.startsWith('AWS::Serverless::')) {
      setOwn(resources, logicalId, resource);
      continue;
    }
    switch (resource.Type) {
      case 'AWS::Serverless::Function': {
        const fn = withGlobals(resource, globals.Function);
        expandFunction(logicalId, fn, generate);
        // Gradual deployment: one CodeDeploy service role for every function that asks for it.
        if (fn.Properties?.DeploymentPreference !== undefined && resources.CodeDeployServiceRole === undefined) {
          generate('CodeDeployServiceRole', logicalId, {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: trustFor('codedeploy.amazonaws.com'),
              ManagedPolicyArns: [managedPolicyArn('AWSCodeDeployRoleForLambda')],
            },
          });
        }
        break;
      }
      case 'AWS::Serverless::StateMachine':
        expandStateMachine(logicalId, resource, generate);
        break;
      case 'AWS::Serverless::Api':
        generate(logicalId, logicalId, { ...withGlobals(resource, globals.Api), Type: 'AWS::ApiGateway::RestApi' });
        break;
      case 'AWS::Serverless::HttpApi':
        generate(logicalId, logicalId, { ...withGlobals(resource, globals.HttpApi), Type: 'AWS::ApiGatewayV2::Api' });
        break;
      case 'AWS::Serverless::SimpleTable':
        generate(logicalId, logicalId, { ...resource, Type: 'AWS::DynamoDB::Table' });
        break;
      case 'AWS::Serverless::LayerVersion':
        generate(logicalId, logicalId, { ...resource, Type: 'AWS::Lambda::LayerVersion' });
        break;
      default:
        setOwn(resources, logicalId, resource);
        setOwn(unmodelled, logicalId, resource.Type);
    }
  }
  return { resources, generatedBy, unmodelled };
}

type Generate = (logicalId: string, from: string, resource: CfnResource) => void;

/**
 * A resource without the `Connectors` attribute SAM accepts on any resource of a SAM template: SAM turns each entry
 * into an `AWS::Serverless::Connector` `<ResourceId><ConnectorId>` whose source is the resource, and removes the
 * attribute. Each is returned as unmodelled (located at the resource), never dropped in silence; an attribute that is
 * not a map of maps (SAM refuses it) is unmodelled as the resource's own connectors.
 */
function withoutConnectors(
  logicalId: string,
  resource: CfnResource,
  unmodelled: Record<string, string>,
  generatedBy: Record<string, string>,
): CfnResource {
  if (!isRecord(resource) || !Object.hasOwn(resource, 'Connectors')) return resource;
  const { Connectors: connectors, ...rest } = resource as CfnResource & { Connectors?: unknown };
  const entries = isRecord(connectors) && !isIntrinsic(connectors) ? Object.keys(connectors) : [''];
  for (const key of entries) {
    const connectorId = `${logicalId}${key}`;
    setOwn(unmodelled, connectorId, CONNECTOR);
    if (connectorId !== logicalId) setOwn(generatedBy, connectorId, logicalId);
  }
  return rest;
}

const CONNECTOR = 'AWS::Serverless::Connector';

const LAMBDA_TRUST = trustFor('lambda.amazonaws.com');

/** Pull event sources whose permissions SAM adds to the function's role as a managed policy. */
const EVENT_SOURCE_POLICIES: Record<string, string> = {
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MSK: 'AWSLambdaMSKExecutionRole',
};

/** What a dead-letter queue or an event-invoke destination lets the function's role do, by destination type. */
const DESTINATION_ACTIONS: Record<string, string[]> = {
  SQS: ['sqs:SendMessage'],
  SNS: ['sns:Publish'],
  EventBridge: ['events:PutEvents'],
  Lambda: ['lambda:InvokeFunction'],
  S3: ['s3:PutObject', 's3:ListBucket'],
};

function expandFunction(logicalId: string, resource: CfnResource, generate: Generate): void {
  const properties = resource.Properties ?? {};
  const roleId = `${logicalId}Role`;
  const role = properties.Role;
  generate(logicalId, logicalId, {
    ...resource,
    Type: 'AWS::Lambda::Function',
    Properties: { ...properties, Role: role ?? { 'Fn::GetAtt': [roleId, 'Arn'] } },
  });
  if (role !== undefined) return;
  const managed: unknown[] = [managedPolicyArn('AWSLambdaBasicExecutionRole')];
  if (properties.Tracing !== undefined && properties.Tracing !== 'Disabled')
    managed.push(managedPolicyArn('AWSXrayWriteOnlyAccess'));
  if (properties.VpcConfig !== undefined) managed.push(managedPolicyArn('AWSLambdaVPCAccessExecutionRole'));
  if (isRecord(properties.Events)) {
    for (const event of Object.values(properties.Events)) {
      const policy = isRecord(event) && typeof event.Type === 'string' ? EVENT_SOURCE_POLICIES[event.Type] : undefined;
      if (policy && !managed.some((arn) => JSON.stringify(arn) === JSON.stringify(managedPolicyArn(policy))))
        managed.push(managedPolicyArn(policy));
    }
  }
  const inline: unknown[] = [];
  const dlq = properties.DeadLetterQueue;
  if (isRecord(dlq) && typeof dlq.Type === 'string') {
    inline.push(
      namedPolicy(
        `${roleId}DeadLetterQueuePolicy`,
        DESTINATION_ACTIONS[dlq.Type] ?? ['sqs:SendMessage', 'sns:Publish'],
        dlq.TargetArn,
      ),
    );
  }
  const destinations = isRecord(properties.EventInvokeConfig)
    ? properties.EventInvokeConfig.DestinationConfig
    : undefined;
  if (isRecord(destinations)) {
    for (const [when, destination] of Object.entries(destinations)) {
      if (!isRecord(destination) || typeof destination.Type !== 'string' || destination.Destination === undefined)
        continue;
      const target =
        destination.Type === 'S3'
          ? [destination.Destination, { 'Fn::Sub': ['${bucket}/*', { bucket: destination.Destination }] }]
          : destination.Destination;
      inline.push(
        namedPolicy(`${roleId}EventInvokeConfig${when}Policy`, DESTINATION_ACTIONS[destination.Type] ?? ['*'], target),
      );
    }
  }
  generate(
    roleId,
    logicalId,
    executionRole(roleId, properties, properties.AssumeRolePolicyDocument ?? LAMBDA_TRUST, managed, inline),
  );
  eventRoles(logicalId, properties.Events, 'lambda:InvokeFunction', { 'Fn::GetAtt': [logicalId, 'Arn'] }, generate, [
    'ScheduleV2',
  ]);
}

/**
 * Roles SAM creates for event sources that call the resource: EventBridge Scheduler (`ScheduleV2`) for functions;
 * for state machines every event source (`Schedule`, `ScheduleV2`, `CloudWatchEvent`, `EventBridgeRule`, `Api`).
 * An event that names its own role (`RoleArn`, `Role`) gets none.
 */
function eventRoles(
  logicalId: string,
  events: unknown,
  action: string,
  target: unknown,
  generate: Generate,
  only?: string[],
): void {
  if (!isRecord(events)) return;
  for (const [eventId, event] of Object.entries(events)) {
    if (!isRecord(event) || typeof event.Type !== 'string') continue;
    if (only && !only.includes(event.Type)) continue;
    const eventProperties = isRecord(event.Properties) ? event.Properties : {};
    if (eventProperties.Role !== undefined || eventProperties.RoleArn !== undefined) continue;
    const service =
      event.Type === 'Api'
        ? 'apigateway.amazonaws.com'
        : event.Type === 'ScheduleV2'
          ? 'scheduler.amazonaws.com'
          : 'events.amazonaws.com';
    const eventRoleId = `${logicalId}${eventId}Role`;
    generate(eventRoleId, logicalId, {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trustFor(service),
        Policies: [namedPolicy(`${eventRoleId}${action.slice(action.indexOf(':') + 1)}Policy`, [action], target)],
      },
    });
  }
}

function expandStateMachine(logicalId: string, resource: CfnResource, generate: Generate): void {
  const properties = resource.Properties ?? {};
  const roleId = `${logicalId}Role`;
  generate(logicalId, logicalId, {
    ...resource,
    Type: 'AWS::StepFunctions::StateMachine',
    Properties: { ...properties, RoleArn: properties.Role ?? { 'Fn::GetAtt': [roleId, 'Arn'] } },
  });
  if (properties.Role === undefined)
    generate(roleId, logicalId, executionRole(roleId, properties, trustFor('states.amazonaws.com'), [], []));
  eventRoles(logicalId, properties.Events, 'states:StartExecution', { Ref: logicalId }, generate, [
    'Schedule',
    'ScheduleV2',
    'CloudWatchEvent',
    'EventBridgeRule',
    'Api',
  ]);
}

/** The role SAM generates for a function or state machine: its `Policies` read as SAM reads them. */
function executionRole(
  roleId: string,
  properties: Record<string, unknown>,
  trust: unknown,
  managed: unknown[],
  inline: unknown[],
): CfnResource {
  const policies =
    properties.Policies === undefined
      ? []
      : Array.isArray(properties.Policies)
        ? properties.Policies
        : [properties.Policies];
  policies.forEach((policy, index) => {
    // An entry of one key: a policy template's parameters, or an intrinsic.
    const only = isRecord(policy) ? onlyKey(policy) : undefined;
    const template = only === undefined ? undefined : samPolicyTemplate(only);
    if (typeof policy === 'string') managed.push(policy.startsWith('arn:') ? policy : managedPolicyArn(policy));
    else if (isRecord(policy) && policy.Statement !== undefined)
      inline.push({ PolicyName: `${roleId}Policy${index}`, PolicyDocument: policy });
    else if (isRecord(policy) && only !== undefined && template !== undefined) {
      inline.push({
        PolicyName: `${roleId}Policy${index}`,
        PolicyDocument: expandPolicyTemplate(only, template, policy[only]),
      });
    } else if (isRecord(policy) && only !== undefined && /^(Ref|Fn::)/.test(only)) {
      // An intrinsic (`!Ref PolicyArnParameter`, `!Sub arn:…`) names a managed policy.
      managed.push(policy);
    } else {
      // Not a form SAM accepts (or a policy template this copy of SAM's data does not know): unreadable, never nothing.
      const what = `SAM Policies entry ${JSON.stringify(policy)}: not a managed policy, statement list or known policy template`;
      inline.push({ PolicyName: `${roleId}Policy${index}`, PolicyDocument: unknownValue(what) });
    }
  });
  const roleProperties: Record<string, unknown> = { AssumeRolePolicyDocument: trust, ManagedPolicyArns: managed };
  if (inline.length > 0) roleProperties.Policies = inline;
  if (properties.PermissionsBoundary !== undefined) roleProperties.PermissionsBoundary = properties.PermissionsBoundary;
  if (properties.RolePath !== undefined) roleProperties.Path = properties.RolePath;
  const tags = samTags(properties.Tags);
  if (tags) roleProperties.Tags = tags;
  return { Type: 'AWS::IAM::Role', Properties: roleProperties };
}

/**
 * A SAM policy template's document with its parameters filled in: `{ Ref: Parameter }` in the published definition
 * becomes the value the template gives; a missing one is Unknown.
 */
function expandPolicyTemplate(name: string, template: SamPolicyTemplate, values: unknown): unknown {
  const given = isRecord(values) ? values : {};
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    if (
      keys.length === 1 &&
      keys[0] === 'Ref' &&
      typeof value.Ref === 'string' &&
      template.parameters.includes(value.Ref)
    ) {
      return Object.hasOwn(given, value.Ref)
        ? given[value.Ref]
        : unknownValue(`SAM policy template ${name} without its parameter ${value.Ref}`);
    }
    return Object.fromEntries(keys.map((key) => [key, fill(value[key])]));
  };
  return fill(template.definition);
}

/** SAM's policy template of that name (its own names only, not an object's inherited properties). */
function samPolicyTemplate(name: string): SamPolicyTemplate | undefined {
  const { templates } = samPolicyData();
  return Object.hasOwn(templates, name) ? templates[name] : undefined;
}

/** The ARN SAM writes for an AWS managed policy named in `Policies`, with its path from SAM's published map. */
function managedPolicyArn(name: string): unknown {
  const paths = samPolicyData().managedPolicyPaths;
  const path = (Object.hasOwn(paths, name) ? paths[name] : undefined) ?? '';
  return { 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${path}${name}` };
}

function trustFor(service: string): unknown {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: [service] } }],
  };
}

function namedPolicy(name: string, actions: string[], resource: unknown): unknown {
  return {
    PolicyName: name,
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] },
  };
}

/** SAM `Tags` are a map; the role gets them as CloudFormation's list, with the tag SAM adds. */
function samTags(tags: unknown): unknown[] | undefined {
  if (!isRecord(tags)) return undefined;
  return [...Object.entries(tags).map(([Key, Value]) => ({ Key, Value })), { Key: 'lambda:createdBy', Value: 'SAM' }];
}

/**
 * A resource with its `Globals` section applied as SAM merges it: maps merged key by key, lists concatenated
 * (globals first), anything else taken from the resource when it sets it.
 */
function withGlobals(resource: CfnResource, globals: unknown): CfnResource {
  if (!isRecord(globals)) return resource;
  return { ...resource, Properties: mergeGlobals(globals, resource.Properties ?? {}) as Record<string, unknown> };
}

function mergeGlobals(global: unknown, local: unknown): unknown {
  if (local === undefined) return global;
  if (Array.isArray(global) && Array.isArray(local)) return [...(global as unknown[]), ...(local as unknown[])];
  if (isRecord(global) && isRecord(local) && !isIntrinsic(global) && !isIntrinsic(local)) {
    const merged: Record<string, unknown> = { ...global };
    for (const [key, value] of Object.entries(local)) setOwn(merged, key, mergeGlobals(global[key], value));
    return merged;
  }
  return local;
}

/** The key of an object that has exactly one, else undefined. */
function onlyKey(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
}
