import { unknownValue } from '../../model/model.js';
import { isRecord, setOwn, lookupTable } from '../../util/records.js';
import { isIntrinsic } from './intrinsics.js';
import { expandConnector, passedAttributes, shownValue } from './sam-connectors.js';
import { samPolicyData, type SamPolicyTemplate } from './sam-policy-templates.js';
import { PULL_EVENT_TYPES, pullEventPolicies } from './sam-pull-events.js';
import type { CfnResource, CfnTemplate } from './template.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** What expanding a SAM template gives: plain CloudFormation resources, and where each generated one comes from. */
export interface ExpandedServerless {
  resources: Record<string, CfnResource>;
  /** Generated logical id → the SAM resource it comes from (for locations). */
  generatedBy: Record<string, string>;
  /**
   * SAM resources whose IAM effect is not modelled (`AWS::Serverless::Application`, a connector SAM refuses, …), by
   * logical id (an entry of a `Connectors` attribute under `<ResourceId><ConnectorId>`, located by `generatedBy`).
   */
  unmodelled: Record<string, Unmodelled>;
  /** Conditions SAM adds to the template (`NOT<Cond>`, for a role generated on an `Fn::If`'s second branch). */
  conditions: Record<string, unknown>;
}

/**
 * The IAM-relevant part of what the SAM transform generates, as SAM documents it and as its translator
 * (aws/serverless-application-model) writes it:
 * - `AWS::Serverless::Function` → `AWS::Lambda::Function`; without `Role`, an execution role `<FunctionId>Role`
 *   trusting lambda.amazonaws.com (or `AssumeRolePolicyDocument`) with AWSLambdaBasicExecutionRole (the durable
 *   one with `DurableConfig`), the X-Ray policy when `Tracing` is on, AWSLambdaVPCAccessExecutionRole with
 *   `VpcConfig`, the managed policies of pull event sources (SQS, Kinesis, DynamoDB, MSK, and SNS through a queue)
 *   and their inline policies (sam-pull-events.ts), `Policies` (managed policy names or ARNs, SAM policy templates
 *   expanded from SAM's published definitions, inline documents, an `Fn::If` of them), the dead-letter queue and
 *   event-invoke destination permissions, `PermissionsBoundary`, `RolePath`; `Globals.Function` applies to every
 *   function, and the function's `Condition`, `DeletionPolicy` and `UpdateReplacePolicy` pass to what it generates. A
 *   `ScheduleV2` event gets `<FunctionId><EventId>Role` (lambda:InvokeFunction on the function); a
 *   `DeploymentPreference` without its own `Role` gets the one `CodeDeployServiceRole` (AWSCodeDeployRoleForLambda).
 *   A `Role` that is an `Fn::If` with `AWS::NoValue` on a branch gets the execution role on that branch
 *   (functionRole). The Lambda permissions SAM writes unscoped are written (a public function URL, an Alexa skill:
 *   invokePermissions), and an SNS event's `SqsSubscription` queue policy; the other push event sources' permissions,
 *   each scoped to its source by SAM, are not.
 * - `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine`; without `Role`, `<StateMachineId>Role`
 *   trusting states.amazonaws.com with its `Policies` (and AWSXrayWriteOnlyAccess with `Tracing.Enabled`); each
 *   event source that starts it gets `<StateMachineId><EventId>Role` allowed states:StartExecution on it (on its
 *   alias with `UseAliasAsEventTarget`), with the state machine's `PermissionsBoundary` (a `ScheduleV2` event's own,
 *   and its dead-letter queue). Unlike a function's, a `Role` that is an
 *   `Fn::If` is passed on as written, `AWS::NoValue` and all, and no role is generated (SAM's
 *   StateMachineGenerator: any `Role` it is given is the `RoleArn`); so is a CapacityProvider's `OperatorRole`.
 * - `AWS::Serverless::Api` / `HttpApi` / `WebSocketApi` → their API Gateway resources, with `Globals.Api` (`HttpApi`,
 *   `WebSocketApi`); the roles they use are named by ARN (authorizer `FunctionInvokeRole` or `InvokeRole`,
 *   `CredentialsArn` in the definition), never created.
 * - `AWS::Serverless::SimpleTable`, `LayerVersion` create no identity.
 * - `AWS::Serverless::GraphQLApi` → its CloudWatch role and data source roles with their connector policies
 *   (expandGraphQLApi); `AWS::Serverless::CapacityProvider` → its operator role, with `Globals.CapacityProvider`
 *   (expandCapacityProvider).
 * - `AWS::Serverless::Connector`, and each entry of a `Connectors` attribute on any resource, expanded last as SAM
 *   does, against the resources the others became: the managed policy, queue or topic policy or Lambda permission
 *   SAM's connector profiles give (sam-connectors.ts).
 * Anything else under `AWS::Serverless::` (`Application`: a nested stack from the Serverless Application
 * Repository; a type this copy does not know), and a GraphQLApi or connector SAM would refuse or the check cannot
 * read, is returned as unmodelled, so it is reported as content the check cannot see.
 */
export function expandServerless(template: CfnTemplate): ExpandedServerless {
  const resources: Record<string, CfnResource> = {};
  const generatedBy: Record<string, string> = {};
  const unmodelled: Record<string, Unmodelled> = {};
  const conditions: Record<string, unknown> = {};
  const addCondition = (name: string, definition: unknown): void => {
    setOwn(conditions, name, definition);
  };
  const globals = isRecord(template.Globals) ? template.Globals : {};
  const generate = (logicalId: string, from: string, resource: CfnResource): void => {
    // A logical id the template already uses wins, as it would clash in CloudFormation (SAM refuses the template).
    if (template.Resources[logicalId] !== undefined && logicalId !== from) return;
    setOwn(resources, logicalId, resource);
    if (logicalId !== from) setOwn(generatedBy, logicalId, from);
  };
  // Connectors are expanded last, against the resources SAM's other types become (as SAM's translator orders them).
  const connectors: Connector[] = [];
  for (const [logicalId, declared] of Object.entries(template.Resources)) {
    const resource = withoutConnectors(logicalId, declared, template.Resources, connectors, unmodelled, generatedBy);
    if (!isRecord(resource) || typeof resource.Type !== 'string' || !resource.Type.startsWith('AWS::Serverless::')) {
      setOwn(resources, logicalId, resource);
      continue;
    }
    switch (resource.Type) {
      case 'AWS::Serverless::Function': {
        const fn = withTracingResolved(withGlobals(resource, globals.Function), template.Parameters);
        expandFunction(logicalId, fn, generate, addCondition);
        // Gradual deployment: one CodeDeploy service role for every function that asks for it, unless each enabled
        // preference names its own `Role` (DeploymentPreferenceCollection.can_skip_service_role).
        if (needsCodeDeployRole(fn.Properties?.DeploymentPreference) && resources.CodeDeployServiceRole === undefined) {
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
      case 'AWS::Serverless::WebSocketApi':
        // SAM's WebSocketApiGenerator creates no role: its authorizer's `InvokeRole` is named, and its routes' and
        // authorizer's Lambda permissions are for apigateway.amazonaws.com on the API's own execute-api ARN.
        generate(logicalId, logicalId, {
          ...withGlobals(resource, globals.WebSocketApi),
          Type: 'AWS::ApiGatewayV2::Api',
        });
        break;
      case 'AWS::Serverless::SimpleTable':
        generate(logicalId, logicalId, { ...resource, Type: 'AWS::DynamoDB::Table' });
        break;
      case 'AWS::Serverless::LayerVersion':
        generate(logicalId, logicalId, { ...resource, Type: 'AWS::Lambda::LayerVersion' });
        break;
      case 'AWS::Serverless::Connector':
        connectors.push({
          logicalId,
          from: logicalId,
          properties: resource.Properties ?? {},
          attributes: passedAttributes(resource),
          declared: resource,
        });
        break;
      case 'AWS::Serverless::GraphQLApi':
        if (!expandGraphQLApi(logicalId, resource, generate)) {
          setOwn(resources, logicalId, resource);
          setOwn(unmodelled, logicalId, { type: resource.Type });
        }
        break;
      case 'AWS::Serverless::CapacityProvider':
        expandCapacityProvider(logicalId, withGlobals(resource, globals.CapacityProvider), generate);
        break;
      default:
        setOwn(resources, logicalId, resource);
        setOwn(unmodelled, logicalId, { type: resource.Type });
    }
  }
  for (const connector of connectors) {
    const expansion = expandConnector(connector.logicalId, connector.properties, resources, connector.attributes);
    if ('resources' in expansion) {
      for (const [id, generated] of Object.entries(expansion.resources)) generate(id, connector.from, generated);
    } else {
      // SAM refuses it, or the check cannot tell what it grants: what it would have written stays unseen.
      if (connector.declared) setOwn(resources, connector.logicalId, connector.declared);
      else setOwn(generatedBy, connector.logicalId, connector.from);
      setOwn(unmodelled, connector.logicalId, { type: CONNECTOR, why: expansion.refused });
    }
  }
  return { resources, generatedBy, unmodelled, conditions };
}

/**
 * Whether a function's `DeploymentPreference` needs SAM's `CodeDeployServiceRole`: it is enabled (`Enabled` not
 * false; one only the deployment decides counts as enabled) and names no `Role` of its own.
 */
function needsCodeDeployRole(preference: unknown): boolean {
  if (preference === undefined) return false;
  if (!isRecord(preference) || isIntrinsic(preference)) return true;
  const enabled = preference.Enabled;
  if (enabled === false || enabled === 'false' || enabled === 'False') return false;
  return preference.Role === undefined;
}

/** A SAM resource the expansion leaves unmodelled: its type, and for a connector why it was not expanded. */
export interface Unmodelled {
  type: string;
  /** Which source and destination types, permission or value stopped it: `SAM's connector profiles have no …`. */
  why?: string;
}

/** A connector to expand once every other resource is: declared (`from` is itself) or embedded in `from`. */
interface Connector {
  logicalId: string;
  from: string;
  properties: Record<string, unknown>;
  attributes: Record<string, unknown>;
  /** The `AWS::Serverless::Connector` as declared (none for an entry of a `Connectors` attribute). */
  declared?: CfnResource;
}

type Generate = (logicalId: string, from: string, resource: CfnResource) => void;

/**
 * A resource without the `Connectors` attribute SAM accepts on any resource of a SAM template: SAM turns each entry
 * into an `AWS::Serverless::Connector` `<ResourceId><ConnectorId>` whose `Source` is `{ Id: <ResourceId> }` with the
 * entry's `SourceReference` (without `Id`) merged in, and removes the attribute. An attribute or entry SAM refuses
 * (not a map, no `Properties` map, an `Id` in `SourceReference`, a logical id the template already uses) is
 * unmodelled, located at the resource: never dropped in silence.
 */
function withoutConnectors(
  logicalId: string,
  resource: CfnResource,
  declared: Readonly<Record<string, CfnResource>>,
  connectors: Connector[],
  unmodelled: Record<string, Unmodelled>,
  generatedBy: Record<string, string>,
): CfnResource {
  if (!isRecord(resource) || !Object.hasOwn(resource, 'Connectors')) return resource;
  const { Connectors: embedded, ...rest } = resource as CfnResource & { Connectors?: unknown };
  const refuse = (connectorId: string, why: string): void => {
    setOwn(unmodelled, connectorId, { type: CONNECTOR, why });
    if (connectorId !== logicalId) setOwn(generatedBy, connectorId, logicalId);
  };
  if (!isRecord(embedded) || isIntrinsic(embedded)) {
    refuse(logicalId, `its Connectors attribute ${shownValue(embedded)} is not a map of connectors`);
    return rest;
  }
  for (const [key, entry] of Object.entries(embedded)) {
    const connectorId = `${logicalId}${key}`;
    const properties = isRecord(entry) ? entry.Properties : undefined;
    if (!isRecord(properties)) {
      refuse(
        connectorId,
        properties === undefined ? 'it has no Properties' : `its Properties ${shownValue(properties)} is not a map`,
      );
      continue;
    }
    const why = embeddedConnectorRefused(connectorId, properties.SourceReference, declared);
    if (why !== undefined) {
      refuse(connectorId, why);
      continue;
    }
    const { SourceReference: _reference, ...connectorProperties } = properties;
    const sourceReference = properties.SourceReference;
    const source = { Id: logicalId, ...(isRecord(sourceReference) ? sourceReference : {}) };
    connectors.push({
      logicalId: connectorId,
      from: logicalId,
      properties: { ...connectorProperties, Source: source },
      attributes: passedAttributes(entry),
    });
  }
  return rest;
}

/** Why SAM refuses an entry of a `Connectors` attribute whose `Properties` is a map, or undefined when it takes it. */
function embeddedConnectorRefused(
  connectorId: string,
  sourceReference: unknown,
  declared: Readonly<Record<string, CfnResource>>,
): string | undefined {
  if (sourceReference !== undefined && !isRecord(sourceReference))
    return `its SourceReference ${shownValue(sourceReference)} is not a map`;
  if (isRecord(sourceReference) && Object.hasOwn(sourceReference, 'Id'))
    return `its SourceReference names an Id (${shownValue(sourceReference.Id)}), which SAM takes from the resource`;
  if (Object.hasOwn(declared, connectorId))
    return `its logical id ${connectorId} is already a resource of the template`;
  return undefined;
}

const CONNECTOR = 'AWS::Serverless::Connector';

const LAMBDA_TRUST = trustFor('lambda.amazonaws.com');

/** Pull event sources whose permissions SAM adds to the function's role as a managed policy. */
const EVENT_SOURCE_POLICIES: Record<string, string> = lookupTable({
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MSK: 'AWSLambdaMSKExecutionRole',
});

/** What a dead-letter queue lets the function's role do, by its type (SamFunction.dead_letter_queue_policy_actions). */
const DESTINATION_ACTIONS: Record<string, string[]> = lookupTable({
  SQS: ['sqs:SendMessage'],
  SNS: ['sns:Publish'],
});

function expandFunction(
  logicalId: string,
  resource: CfnResource,
  generate: Generate,
  addCondition: (name: string, definition: unknown) => void,
): void {
  const properties = resource.Properties ?? {};
  const roleId = `${logicalId}Role`;
  const role = functionRole(properties.Role, roleId);
  generate(logicalId, logicalId, {
    ...resource,
    Type: 'AWS::Lambda::Function',
    Properties: { ...properties, Role: role.value },
  });
  // SAM passes the function's Condition, DeletionPolicy and UpdateReplacePolicy on to every resource it generates from
  // it (Resource._pass_through_attributes): a function that only some deployments create has a role and permissions
  // only there too.
  const attributes = passedAttributes(resource);
  if (role.generated) {
    if (role.addCondition) addCondition(...role.addCondition);
    const execution = { ...functionExecutionRole(roleId, logicalId, properties, generate), ...attributes };
    generate(roleId, logicalId, role.condition ? { ...execution, Condition: role.condition } : execution);
  }
  for (const [permissionId, permission] of Object.entries(invokePermissions(logicalId, properties)))
    generate(permissionId, logicalId, { ...permission, ...attributes });
  for (const [id, queueResource] of Object.entries(snsQueues(logicalId, properties.Events)))
    generate(id, logicalId, { ...queueResource, ...attributes });
  // An event's own role does not depend on the function's: SAM's SchedulerEventSource generates it unless the event
  // names one (RoleArn), whatever the function's Role.
  eventRoles(
    logicalId,
    properties.Events,
    'lambda:InvokeFunction',
    { 'Fn::GetAtt': [logicalId, 'Arn'] },
    generate,
    ['ScheduleV2'],
    attributes,
  );
}

/**
 * The `AWS::Lambda::Permission`s SAM writes on a function that let a caller outside the function's account policies
 * invoke it, where SAM writes them without a source that scopes them (`SourceArn`, `SourceAccount`):
 * - `FunctionUrlConfig` with `AuthType: NONE`: `<FunctionId>UrlPublicPermissions` (lambda:InvokeFunctionUrl for
 *   everyone, `FunctionUrlAuthType: NONE`) and `<FunctionId>URLInvokeAllowPublicAccess` (lambda:InvokeFunction for
 *   everyone, `InvokedViaFunctionUrl`), as SamFunction._construct_url_permission and _construct_invoke_permission do;
 *   an intrinsic `FunctionUrlConfig` SAM gives none;
 * - an `AlexaSkill` event: `<FunctionId><EventId>Permission` for alexa-appkit.amazon.com, its `SkillId` the
 *   `EventSourceToken` (push.py AlexaSkill).
 * With `AutoPublishAlias` SAM names the alias in `FunctionName`; it is the function's own code either way, so the
 * permission names the function. The other push event sources' permissions SAM scopes to their source.
 */
function invokePermissions(logicalId: string, properties: Record<string, unknown>): Record<string, CfnResource> {
  const permissions: Record<string, CfnResource> = {};
  const functionName = { Ref: logicalId };
  const url = properties.FunctionUrlConfig;
  if (isRecord(url) && !isIntrinsic(url) && url.AuthType === 'NONE') {
    permissions[`${logicalId}UrlPublicPermissions`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunctionUrl',
        FunctionName: functionName,
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      },
    };
    permissions[`${logicalId}URLInvokeAllowPublicAccess`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: functionName,
        Principal: '*',
        InvokedViaFunctionUrl: true,
      },
    };
  }
  if (isRecord(properties.Events)) {
    for (const [eventId, event] of Object.entries(properties.Events)) {
      if (!isRecord(event) || event.Type !== 'AlexaSkill') continue;
      const skill = isRecord(event.Properties) ? event.Properties.SkillId : undefined;
      permissions[`${logicalId}${eventId}Permission`] = {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: functionName,
          Principal: 'alexa-appkit.amazon.com',
          ...(skill !== undefined ? { EventSourceToken: skill } : {}),
        },
      };
    }
  }
  return permissions;
}

/**
 * An SNS event's `SqsSubscription` (push.py SNS): `true` for a queue SAM creates, a map naming an existing one
 * (`QueueArn`, `QueueUrl`, `QueuePolicyLogicalId`); undefined for any other event.
 */
function snsQueue(event: Record<string, unknown>): true | Record<string, unknown> | undefined {
  if (event.Type !== 'SNS' || !isRecord(event.Properties)) return undefined;
  const subscription = event.Properties.SqsSubscription;
  if (subscription === true) return true;
  return isRecord(subscription) && !isIntrinsic(subscription) ? subscription : undefined;
}

/**
 * What SAM writes for each SNS event through a queue: the queue `<FunctionId><EventId>Queue` when it creates one, and
 * the queue policy (`QueuePolicyLogicalId`, else `<FunctionId><EventId>QueuePolicy`) letting the topic send to it:
 * sqs:SendMessage for every principal on the condition that the source is the topic
 * (SQSQueuePolicies.sns_topic_send_message_role_policy).
 */
function snsQueues(logicalId: string, events: unknown): Record<string, CfnResource> {
  const generated: Record<string, CfnResource> = {};
  if (!isRecord(events)) return generated;
  for (const [eventId, event] of Object.entries(events)) {
    const subscription = isRecord(event) ? snsQueue(event) : undefined;
    if (subscription === undefined) continue;
    const eventLogicalId = `${logicalId}${eventId}`;
    const topic = isRecord(event) && isRecord(event.Properties) ? event.Properties.Topic : undefined;
    let queueArn: unknown, queueUrl: unknown, policyId: unknown;
    if (subscription === true) {
      const queueId = `${eventLogicalId}Queue`;
      generated[queueId] = { Type: 'AWS::SQS::Queue', Properties: {} };
      queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
      queueUrl = { Ref: queueId };
    } else {
      queueArn = subscription.QueueArn;
      queueUrl = subscription.QueueUrl;
      policyId = subscription.QueuePolicyLogicalId;
    }
    generated[typeof policyId === 'string' ? policyId : `${eventLogicalId}QueuePolicy`] = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [queueUrl],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Action: 'sqs:SendMessage',
              Effect: 'Allow',
              Principal: '*',
              Resource: queueArn,
              Condition: { ArnEquals: { 'aws:SourceArn': topic } },
            },
          ],
        },
      },
    };
  }
  return generated;
}

/**
 * The execution role SAM generates for a function: basic execution, X-Ray, VPC access and pull event sources' managed
 * policies, the dead-letter queue and event-invoke destination permissions, and its `Policies`.
 */
function functionExecutionRole(
  roleId: string,
  logicalId: string,
  properties: Record<string, unknown>,
  generate: Generate,
): CfnResource {
  // A durable function's basic policy is the durable one (SamFunction._construct_role).
  const managed: unknown[] = [
    managedPolicyArn(
      // SAM writes its path itself (ArnGenerator.generate_aws_managed_policy_arn).
      properties.DurableConfig !== undefined
        ? 'service-role/AWSLambdaBasicDurableExecutionRolePolicy'
        : 'AWSLambdaBasicExecutionRole',
    ),
  ];
  // SAM adds it for any Tracing value but Disabled and empty ones (SamFunction._construct_role checks `if self.Tracing`:
  // `Tracing:` with no value is null).
  const tracing = properties.Tracing;
  if (tracing !== undefined && tracing !== null && tracing !== '' && tracing !== 'Disabled')
    managed.push(managedPolicyArn('AWSXrayWriteOnlyAccess'));
  if (properties.VpcConfig !== undefined) managed.push(managedPolicyArn('AWSLambdaVPCAccessExecutionRole'));
  if (isRecord(properties.Events)) {
    for (const event of Object.values(properties.Events)) {
      // An SNS event through a queue (`SqsSubscription`) is read from that queue: SAM maps it as an SQS event.
      const type = isRecord(event) && snsQueue(event) !== undefined ? 'SQS' : isRecord(event) ? event.Type : undefined;
      const policy = typeof type === 'string' ? EVENT_SOURCE_POLICIES[type] : undefined;
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
  inline.push(...eventInvokePolicies(logicalId, properties.EventInvokeConfig, generate));
  // Each pull event source's own policies (its secrets, broker, cluster, on-failure destination), a document SAM
  // already holds not added again (PullEventSource._link_policy).
  if (isRecord(properties.Events)) {
    for (const [eventId, event] of Object.entries(properties.Events)) {
      if (!isRecord(event) || typeof event.Type !== 'string' || !PULL_EVENT_TYPES.has(event.Type)) continue;
      const eventProperties = isRecord(event.Properties) ? event.Properties : {};
      for (const policy of pullEventPolicies(`${logicalId}${eventId}`, event.Type, eventProperties)) {
        const document = JSON.stringify((policy as { PolicyDocument: unknown }).PolicyDocument);
        if (!inline.some((held) => isRecord(held) && JSON.stringify(held.PolicyDocument) === document))
          inline.push(policy);
      }
    }
  }
  return executionRole(roleId, properties, properties.AssumeRolePolicyDocument ?? LAMBDA_TRUST, managed, inline);
}

/**
 * The policies SAM gives a function's role for its `EventInvokeConfig` destinations, as
 * SamFunction._validate_and_inject_resource and _add_event_invoke_managed_policy write them: for each of `OnSuccess`
 * and `OnFailure`, `<FunctionId>EventInvokeConfig<When><Type>Policy` allowing sqs:SendMessage, sns:publish,
 * events:PutEvents or lambda:InvokeFunction on the destination, or for `S3Bucket` s3:PutObject on its objects and
 * s3:ListBucket. An SQS or SNS destination without `Destination` (or with an `Fn::If` that leaves it out on a
 * branch) is a queue `<FunctionId>EventInvokeConfig<When>Queue` or topic `…Topic` SAM creates, which the policy then
 * names (on that branch). A type SAM does not accept is refused by SAM; the check reads it as allowing everything on
 * the destination rather than nothing.
 */
function eventInvokePolicies(logicalId: string, config: unknown, generate: Generate): unknown[] {
  const destinations = isRecord(config) ? config.DestinationConfig : undefined;
  if (!isRecord(destinations)) return [];
  const policies: unknown[] = [];
  for (const when of ['OnSuccess', 'OnFailure']) {
    const destination = destinations[when];
    if (!isRecord(destination) || typeof destination.Type !== 'string') continue;
    const type = destination.Type;
    const prefix = `${logicalId}EventInvokeConfig${when}`;
    let target = destination.Destination;
    const branches = isRecord(target) && onlyKey(target) === 'Fn::If' ? target['Fn::If'] : undefined;
    const [condition, whenTrue, whenFalse] =
      Array.isArray(branches) && branches.length === 3 ? (branches as [unknown, unknown, unknown]) : [];
    const leftOut = target === undefined || isNoValue(whenTrue) || isNoValue(whenFalse);
    if (leftOut && (type === 'SQS' || type === 'SNS')) {
      const createdId = `${prefix}${type === 'SQS' ? 'Queue' : 'Topic'}`;
      generate(createdId, logicalId, { Type: type === 'SQS' ? 'AWS::SQS::Queue' : 'AWS::SNS::Topic', Properties: {} });
      const created = type === 'SQS' ? { 'Fn::GetAtt': [createdId, 'Arn'] } : { Ref: createdId };
      target =
        target === undefined || (isNoValue(whenTrue) && isNoValue(whenFalse))
          ? created
          : {
              'Fn::If': [
                condition,
                isNoValue(whenTrue) ? created : whenTrue,
                isNoValue(whenFalse) ? created : whenFalse,
              ],
            };
    }
    if (target === undefined) continue;
    const statements =
      type === 'S3Bucket'
        ? [
            { Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['/', [target, '*']] } },
            { Action: 's3:ListBucket', Effect: 'Allow', Resource: target },
          ]
        : [{ Action: EVENT_INVOKE_ACTIONS[type] ?? '*', Effect: 'Allow', Resource: target }];
    const suffix = type === 'S3Bucket' ? 'S3' : Object.hasOwn(EVENT_INVOKE_ACTIONS, type) ? type : '';
    policies.push({ PolicyName: `${prefix}${suffix}Policy`, PolicyDocument: { Statement: statements } });
  }
  return policies;
}

/** The action SAM's IAMRolePolicies allows on an event-invoke destination, by its `Type` (S3Bucket apart). */
const EVENT_INVOKE_ACTIONS: Record<string, string> = lookupTable({
  SQS: 'sqs:SendMessage',
  SNS: 'sns:publish',
  EventBridge: 'events:PutEvents',
  Lambda: 'lambda:InvokeFunction',
});

/** What a function's `Role` becomes: the value the Lambda function gets, and whether SAM generates `<FunctionId>Role`. */
interface FunctionRole {
  value: unknown;
  generated: boolean;
  /** The condition the generated role is created under, when only one branch of an `Fn::If` leaves `Role` out. */
  condition?: string;
  /** A condition SAM adds to the template for it: `NOT<Condition>`. */
  addCondition?: [string, unknown];
}

/**
 * A function's `Role` as SAM's translator reads it (`SamFunction.to_cloudformation` and `_make_lambda_role` in
 * samtranslator/model/sam_resources.py; its fixtures function_with_conditional_iam_role_if and _else): absent, SAM
 * generates `<FunctionId>Role`. An `Fn::If` with `Ref: AWS::NoValue` on one branch leaves `Role` out on that branch,
 * so SAM generates the role under the condition that picks it, `Condition: <Cond>` for the first branch and
 * `NOT<Cond>` (which it adds to `Conditions` as `Fn::Not`) for the second, and gives the function the `Fn::If` of
 * the other branch's role and the generated one: a condition the deployment decides leaves both roles judged. With
 * `AWS::NoValue` on both branches the role is generated unconditionally. Any other value is the role the function
 * runs as, and SAM generates none (an `Fn::If` without three arguments SAM refuses; it stays as written).
 */
function functionRole(role: unknown, roleId: string): FunctionRole {
  const generatedArn = { 'Fn::GetAtt': [roleId, 'Arn'] };
  if (role === undefined) return { value: generatedArn, generated: true };
  const branches = isRecord(role) && onlyKey(role) === 'Fn::If' ? role['Fn::If'] : undefined;
  if (!Array.isArray(branches) || branches.length !== 3 || typeof branches[0] !== 'string')
    return { value: role, generated: false };
  const [condition, whenTrue, whenFalse] = branches as [string, unknown, unknown];
  if (isNoValue(whenTrue) && isNoValue(whenFalse)) return { value: generatedArn, generated: true };
  if (isNoValue(whenTrue))
    return { value: { 'Fn::If': [condition, generatedArn, whenFalse] }, generated: true, condition };
  if (isNoValue(whenFalse)) {
    const negated = `NOT${condition}`;
    return {
      value: { 'Fn::If': [condition, whenTrue, generatedArn] },
      generated: true,
      condition: negated,
      addCondition: [negated, { 'Fn::Not': [{ Condition: condition }] }],
    };
  }
  return { value: role, generated: false };
}

/** `{ Ref: AWS::NoValue }`, as SAM's is_intrinsic_no_value tells it: the property is left out. */
function isNoValue(value: unknown): boolean {
  return isRecord(value) && onlyKey(value) === 'Ref' && value.Ref === 'AWS::NoValue';
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
  only: string[],
  attributes: Record<string, unknown>,
  /** The resource's PermissionsBoundary, which SAM gives a state machine's event roles but a schedule's (its own). */
  boundary?: unknown,
): void {
  if (!isRecord(events)) return;
  for (const [eventId, event] of Object.entries(events)) {
    if (!isRecord(event) || typeof event.Type !== 'string') continue;
    if (!only.includes(event.Type)) continue;
    const eventProperties = isRecord(event.Properties) ? event.Properties : {};
    if (eventProperties.Role !== undefined || eventProperties.RoleArn !== undefined) continue;
    const service =
      event.Type === 'Api'
        ? 'apigateway.amazonaws.com'
        : event.Type === 'ScheduleV2'
          ? 'scheduler.amazonaws.com'
          : 'events.amazonaws.com';
    const eventRoleId = `${logicalId}${eventId}Role`;
    const policies = [namedPolicy(`${eventRoleId}${action.slice(action.indexOf(':') + 1)}Policy`, [action], target)];
    const roleProperties: Record<string, unknown> = { AssumeRolePolicyDocument: trustFor(service), Policies: policies };
    if (event.Type === 'ScheduleV2') {
      // SAM's SchedulerEventSource: the schedule's role sends to its dead-letter queue (the one named, or the queue
      // `QueueLogicalId` / `<EventLogicalId>Queue` it creates) and has the event's PermissionsBoundary.
      const dlq = eventProperties.DeadLetterConfig;
      if (isRecord(dlq)) {
        const queueId = typeof dlq.QueueLogicalId === 'string' ? dlq.QueueLogicalId : `${logicalId}${eventId}Queue`;
        const queue = dlq.Arn ?? { 'Fn::GetAtt': [queueId, 'Arn'] };
        if (dlq.Arn === undefined)
          generate(queueId, logicalId, { Type: 'AWS::SQS::Queue', Properties: {}, ...attributes });
        policies.push(namedPolicy(`${logicalId}${eventId}SQSPolicy`, ['sqs:SendMessage'], queue));
      }
      if (eventProperties.PermissionsBoundary !== undefined)
        roleProperties.PermissionsBoundary = eventProperties.PermissionsBoundary;
    } else if (boundary !== undefined) roleProperties.PermissionsBoundary = boundary;
    generate(eventRoleId, logicalId, { Type: 'AWS::IAM::Role', Properties: roleProperties, ...attributes });
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
  const attributes = passedAttributes(resource);
  // Tracing enabled: the X-Ray policy, which SAM adds as a managed policy name after `Policies`
  // (StateMachineGenerator._construct_role).
  const tracing = isRecord(properties.Tracing) && properties.Tracing.Enabled === true;
  if (properties.Role === undefined)
    generate(roleId, logicalId, {
      ...executionRole(
        roleId,
        tracing
          ? { ...properties, Policies: [...samPolicyList(properties.Policies), 'AWSXrayWriteOnlyAccess'] }
          : properties,
        trustFor('states.amazonaws.com'),
        [],
        [],
      ),
      ...attributes,
    });
  // With `UseAliasAsEventTarget` the events start the alias `<StateMachineId>Alias<AutoPublishAlias>` SAM creates.
  const alias = properties.AutoPublishAlias;
  const aliasId = typeof alias === 'string' ? `${logicalId}Alias${alias}` : undefined;
  if (aliasId !== undefined)
    generate(aliasId, logicalId, {
      Type: 'AWS::StepFunctions::StateMachineAlias',
      Properties: { Name: alias },
      ...attributes,
    });
  const target =
    aliasId !== undefined && properties.UseAliasAsEventTarget === true ? { Ref: aliasId } : { Ref: logicalId };
  eventRoles(
    logicalId,
    properties.Events,
    'states:StartExecution',
    target,
    generate,
    ['Schedule', 'ScheduleV2', 'CloudWatchEvent', 'EventBridgeRule', 'Api'],
    attributes,
    properties.PermissionsBoundary,
  );
}

/**
 * `AWS::Serverless::GraphQLApi` as SAM's `SamGraphQLApi` writes its IAM part, or false where SAM would refuse the
 * resource or the check cannot read it (the caller reports it unmodelled, and nothing of it is generated):
 * - the `AWS::AppSync::GraphQLApi` (its authentication and `LogConfig`); unless `Logging` is false or names its
 *   `CloudWatchLogsRoleArn`, the role `<ApiId>CloudWatchRole` trusting appsync.amazonaws.com with
 *   AWSAppSyncPushToCloudWatchLogs;
 * - each Lambda authorizer (`Auth` and `Auth.Additional`): the connector `<ApiId>ToLambdaAuthConnector<n>` (API to
 *   function, Write), an `AWS::Lambda::Permission` for appsync.amazonaws.com;
 * - each `DataSources.DynamoDb.<Name>`: the `AWS::AppSync::DataSource` `<ApiId><Name>DynamoDBDataSource`; without
 *   `ServiceRoleArn`, its role `<DataSourceId>Role` trusting appsync.amazonaws.com and the connector
 *   `<DataSourceId>ToTableConnector` to the table (`TableArn`, or the ARN of `TableName` in `Region`) with its
 *   `Permissions` (Read and Write by default): a managed policy on that role, from SAM's connector profile;
 * - each `DataSources.Lambda.<Name>`: `<ApiId><Name>LambdaDataSource`, and without `ServiceRoleArn` its role and the
 *   connector `<DataSourceId>ToLambdaConnector` (Write: invoke the function).
 * The schema, functions, resolvers, API keys, cache and domain name create no identity and are not written out.
 */
function expandGraphQLApi(logicalId: string, resource: CfnResource, generate: Generate): boolean {
  const properties = resource.Properties ?? {};
  const generated: Record<string, CfnResource> = {};
  const attributes = passedAttributes(resource);
  const add = (id: string, added: CfnResource): void => {
    setOwn(generated, id, { ...added, ...attributes });
  };
  const connect = (connectorId: string, connector: Record<string, unknown>): boolean => {
    const expansion = expandConnector(connectorId, connector, {}, attributes);
    if (!('resources' in expansion)) return false;
    for (const [id, policy] of Object.entries(expansion.resources)) setOwn(generated, id, policy);
    return true;
  };
  const appSyncRole = (roleId: string): void => {
    add(roleId, {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: trustFor('appsync.amazonaws.com') },
    });
  };

  // Authentication: the default provider and the additional ones, each Lambda authorizer allowed to be invoked.
  const auth = properties.Auth;
  if (!isRecord(auth) || isIntrinsic(auth)) return false;
  const api: Record<string, unknown> = { Name: properties.Name ?? logicalId };
  const lambdaAuthorizers: unknown[] = [];
  const provider = (entry: unknown, additional: boolean): Record<string, unknown> | undefined => {
    if (!isRecord(entry) || typeof entry.Type !== 'string') return undefined;
    const read: Record<string, unknown> = { AuthenticationType: entry.Type };
    const config = AUTH_CONFIGS[entry.Type];
    if (config === undefined) return entry.Type === 'AWS_IAM' || entry.Type === 'API_KEY' ? read : undefined;
    const value = entry[config.property];
    if (!isRecord(value)) return undefined;
    if (config.name === 'LambdaAuthorizerConfig') lambdaAuthorizers.push(value.AuthorizerUri);
    const { DefaultAction: _default, ...rest } = value;
    read[config.name] = additional && config.name === 'UserPoolConfig' ? rest : value;
    return read;
  };
  const primary = provider(auth, false);
  if (!primary) return false;
  Object.assign(api, primary);
  if (auth.Additional !== undefined) {
    if (!Array.isArray(auth.Additional)) return false;
    const additional = (auth.Additional as unknown[]).map((entry) => provider(entry, true));
    if (additional.some((entry) => entry === undefined)) return false;
    if (additional.length > 0) api.AdditionalAuthenticationProviders = additional;
  }
  for (const [index, authorizer] of lambdaAuthorizers.entries()) {
    const connected = connect(`${logicalId}ToLambdaAuthConnector${index + 1}`, {
      Source: {
        Type: 'AWS::AppSync::GraphQLApi',
        Arn: { Ref: logicalId },
        ResourceId: { 'Fn::GetAtt': [logicalId, 'ApiId'] },
      },
      Destination: { Type: 'AWS::Lambda::Function', Arn: authorizer },
      Permissions: ['Write'],
    });
    if (!connected) return false;
  }

  // Logging: on unless false; a role of its own unless it names one.
  const logging = properties.Logging;
  if (logging !== false) {
    if (logging !== undefined && logging !== true && (!isRecord(logging) || isIntrinsic(logging))) return false;
    const given = isRecord(logging) ? logging : {};
    const logConfig: Record<string, unknown> = { FieldLogLevel: given.FieldLogLevel ?? 'ALL' };
    if (given.ExcludeVerboseContent) logConfig.ExcludeVerboseContent = given.ExcludeVerboseContent;
    if (given.CloudWatchLogsRoleArn) logConfig.CloudWatchLogsRoleArn = given.CloudWatchLogsRoleArn;
    else {
      add(`${logicalId}CloudWatchRole`, {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: trustFor('appsync.amazonaws.com'),
          ManagedPolicyArns: [managedPolicyArn('AWSAppSyncPushToCloudWatchLogs')],
        },
      });
      logConfig.CloudWatchLogsRoleArn = { 'Fn::GetAtt': [`${logicalId}CloudWatchRole`, 'Arn'] };
    }
    api.LogConfig = logConfig;
  }
  for (const passed of ['XrayEnabled', 'Visibility', 'OwnerContact', 'IntrospectionConfig', 'QueryDepthLimit']) {
    if (properties[passed] !== undefined) api[passed] = properties[passed];
  }
  if (properties.ResolverCountLimit !== undefined) api.ResolverCountLimit = properties.ResolverCountLimit;
  api.Tags = [
    ...(isRecord(properties.Tags) ? Object.entries(properties.Tags).map(([Key, Value]) => ({ Key, Value })) : []),
    { Key: 'graphqlapi:createdBy', Value: 'SAM' },
  ];
  const { Properties: _declared, ...declaredAttributes } = resource;
  setOwn(generated, logicalId, { ...declaredAttributes, Type: 'AWS::AppSync::GraphQLApi', Properties: api });

  // Data sources: DynamoDB tables and Lambda functions, each with a role of its own unless it names one.
  const dataSources = properties.DataSources;
  if (dataSources !== undefined) {
    if (!isRecord(dataSources) || isIntrinsic(dataSources)) return false;
    if (Object.keys(dataSources).some((kind) => kind !== 'DynamoDb' && kind !== 'Lambda')) return false;
    const apiId = { 'Fn::GetAtt': [logicalId, 'ApiId'] };
    for (const [kind, entries] of Object.entries(dataSources)) {
      if (!isRecord(entries) || isIntrinsic(entries)) return false;
      for (const [name, entry] of Object.entries(entries)) {
        if (!isRecord(entry)) return false;
        const dynamo = kind === 'DynamoDb';
        const dataSourceId = `${logicalId}${name}${dynamo ? 'DynamoDB' : 'Lambda'}DataSource`;
        const roleId = `${dataSourceId}Role`;
        const dataSource: Record<string, unknown> = {
          Name: entry.Name ?? name,
          Type: dynamo ? 'AMAZON_DYNAMODB' : 'AWS_LAMBDA',
          ApiId: apiId,
          ServiceRoleArn: entry.ServiceRoleArn ?? { 'Fn::GetAtt': [roleId, 'Arn'] },
        };
        if (entry.Description !== undefined) dataSource.Description = entry.Description;
        const region = entry.Region ?? { Ref: 'AWS::Region' };
        if (dynamo) dataSource.DynamoDBConfig = { AwsRegion: region, TableName: entry.TableName };
        else dataSource.LambdaConfig = { LambdaFunctionArn: entry.FunctionArn };
        if (dynamo ? entry.TableName === undefined : entry.FunctionArn === undefined) return false;
        add(dataSourceId, { Type: 'AWS::AppSync::DataSource', Properties: dataSource });
        if (entry.ServiceRoleArn) continue;
        appSyncRole(roleId);
        const source = { Type: 'AWS::AppSync::DataSource', Arn: { Ref: dataSourceId }, RoleName: { Ref: roleId } };
        const permissions =
          Array.isArray(entry.Permissions) && entry.Permissions.length > 0 ? entry.Permissions : undefined;
        if (entry.Permissions !== undefined && !Array.isArray(entry.Permissions)) return false;
        const connected = dynamo
          ? connect(`${dataSourceId}ToTableConnector`, {
              Source: source,
              Destination: {
                Type: 'AWS::DynamoDB::Table',
                Arn: entry.TableArn ?? {
                  'Fn::Sub': [
                    'arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:table/${__TableName__}',
                    { __TableName__: entry.TableName, __Region__: region },
                  ],
                },
              },
              Permissions: permissions ?? ['Read', 'Write'],
            })
          : connect(`${dataSourceId}ToLambdaConnector`, {
              Source: source,
              Destination: { Type: 'AWS::Lambda::Function', Arn: entry.FunctionArn },
              Permissions: ['Write'],
            });
        if (!connected) return false;
      }
    }
  }
  for (const [id, added] of Object.entries(generated)) generate(id, logicalId, added);
  return true;
}

/** The configuration property of each AppSync authentication type, in SAM's `Auth` and in CloudFormation. */
const AUTH_CONFIGS: Record<string, { property: string; name: string }> = lookupTable({
  AWS_LAMBDA: { property: 'LambdaAuthorizer', name: 'LambdaAuthorizerConfig' },
  OPENID_CONNECT: { property: 'OpenIDConnect', name: 'OpenIDConnectConfig' },
  AMAZON_COGNITO_USER_POOLS: { property: 'UserPool', name: 'UserPoolConfig' },
});

/**
 * `AWS::Serverless::CapacityProvider` as SAM's `CapacityProviderGenerator` writes it: the
 * `AWS::Lambda::CapacityProvider`, and without `OperatorRole` the role `<Id>OperatorRole` trusting
 * lambda.amazonaws.com with AWSLambdaManagedEC2ResourceOperator, tagged `lambda:createdBy: SAM` (and with the
 * resource's `Tags` when `PropagateTags` is true).
 */
function expandCapacityProvider(logicalId: string, resource: CfnResource, generate: Generate): void {
  const properties = resource.Properties ?? {};
  const roleId = `${logicalId}OperatorRole`;
  const attributes = passedAttributes(resource);
  const samTag = { Key: 'lambda:createdBy', Value: 'SAM' };
  const userTags = isRecord(properties.Tags)
    ? Object.entries(properties.Tags).map(([Key, Value]) => ({ Key, Value }))
    : [];
  const provider: Record<string, unknown> = {};
  if (properties.CapacityProviderName !== undefined) provider.CapacityProviderName = properties.CapacityProviderName;
  if (properties.VpcConfig !== undefined) provider.VpcConfig = properties.VpcConfig;
  provider.PermissionsConfig = {
    CapacityProviderOperatorRoleArn: properties.OperatorRole ?? { 'Fn::GetAtt': [roleId, 'Arn'] },
  };
  provider.Tags = [...userTags, samTag];
  if (properties.KmsKeyArn !== undefined) provider.KmsKeyArn = properties.KmsKeyArn;
  const { Properties: _declared, ...declaredAttributes } = resource;
  generate(logicalId, logicalId, {
    ...declaredAttributes,
    Type: 'AWS::Lambda::CapacityProvider',
    Properties: provider,
  });
  if (properties.OperatorRole) return;
  generate(roleId, logicalId, {
    Type: 'AWS::IAM::Role',
    ...attributes,
    Properties: {
      AssumeRolePolicyDocument: LAMBDA_TRUST,
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator'],
      Tags: properties.PropagateTags === true ? [...userTags, samTag] : [samTag],
    },
  });
}

/** The role SAM generates for a function or state machine: its `Policies` read as SAM reads them. */
function executionRole(
  roleId: string,
  properties: Record<string, unknown>,
  trust: unknown,
  managed: unknown[],
  inline: unknown[],
): CfnResource {
  const policies = samPolicyList(properties.Policies);
  policies.forEach((policy, index) => {
    const name = `${roleId}Policy${index}`;
    const branches = isRecord(policy) && onlyKey(policy) === 'Fn::If' ? policy['Fn::If'] : undefined;
    if (Array.isArray(branches) && branches.length === 3 && typeof branches[0] === 'string') {
      // An `Fn::If` of two entries (either `AWS::NoValue`): SAM reads each branch as the entry it is and keeps the
      // `Fn::If`, a managed policy's in ManagedPolicyArns, a document's (a policy template's expanded) in Policies
      // (ResourcePolicies._get_type_from_intrinsic_if, role_constructor._convert_intrinsic_if_values).
      const [condition, whenTrue, whenFalse] = branches as [string, unknown, unknown];
      const read = [whenTrue, whenFalse].map((branch) => (isNoValue(branch) ? undefined : samPolicy(branch, name)));
      const kinds = new Set(read.filter((entry) => entry !== undefined).map((entry) => entry.kind));
      if (kinds.size === 1) {
        const [kind] = kinds;
        const value = (entry: SamPolicy | undefined): unknown => entry?.value ?? { Ref: 'AWS::NoValue' };
        (kind === 'managed' ? managed : inline).push({ 'Fn::If': [condition, value(read[0]), value(read[1])] });
        return;
      }
    }
    const read = samPolicy(policy, name);
    (read.kind === 'managed' ? managed : inline).push(read.value);
  });
  const roleProperties: Record<string, unknown> = { AssumeRolePolicyDocument: trust, ManagedPolicyArns: managed };
  if (inline.length > 0) roleProperties.Policies = inline;
  if (properties.PermissionsBoundary !== undefined) roleProperties.PermissionsBoundary = properties.PermissionsBoundary;
  if (properties.RolePath !== undefined) roleProperties.Path = properties.RolePath;
  const tags = samTags(properties.Tags);
  if (tags) roleProperties.Tags = tags;
  return { Type: 'AWS::IAM::Role', Properties: roleProperties };
}

/** SAM's `Policies`: a list, or one entry written alone. */
function samPolicyList(policies: unknown): unknown[] {
  return policies === undefined ? [] : Array.isArray(policies) ? policies : [policies];
}

/** One entry of SAM's `Policies` as the role gets it: a managed policy ARN, or an inline policy named `name`. */
interface SamPolicy {
  kind: 'managed' | 'inline';
  value: unknown;
}

function samPolicy(policy: unknown, name: string): SamPolicy {
  // An entry of one key: a policy template's parameters, or an intrinsic.
  const only = isRecord(policy) ? onlyKey(policy) : undefined;
  const template = only === undefined ? undefined : samPolicyTemplate(only);
  if (typeof policy === 'string')
    return { kind: 'managed', value: policy.startsWith('arn:') ? policy : managedPolicyArn(policy) };
  if (isRecord(policy) && policy.Statement !== undefined)
    return { kind: 'inline', value: { PolicyName: name, PolicyDocument: policy } };
  if (isRecord(policy) && only !== undefined && template !== undefined)
    return {
      kind: 'inline',
      value: { PolicyName: name, PolicyDocument: expandPolicyTemplate(only, template, policy[only]) },
    };
  // An intrinsic (`!Ref PolicyArnParameter`, `!Sub arn:…`) names a managed policy.
  if (isRecord(policy) && only !== undefined && /^(Ref|Fn::)/.test(only)) return { kind: 'managed', value: policy };
  // Not a form SAM accepts (or a policy template this copy of SAM's data does not know): unreadable, never nothing.
  const what = `SAM Policies entry ${JSON.stringify(policy)}: not a managed policy, statement list or known policy template`;
  return { kind: 'inline', value: { PolicyName: name, PolicyDocument: unknownValue(what) } };
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
 * A function whose `Tracing` is a `Ref` to a template parameter with a default, with that default in its place: SAM
 * resolves it before it decides on the X-Ray policy (a default of Disabled adds none; SAM's translator test
 * function_with_tracing). A parameter without a default stays a Ref, which SAM reads as tracing on.
 */
function withTracingResolved(resource: CfnResource, parameters: unknown): CfnResource {
  const properties = resource.Properties;
  const name = isRecord(properties?.Tracing) ? properties.Tracing.Ref : undefined;
  if (typeof name !== 'string' || !isRecord(parameters)) return resource;
  const parameter = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
  const value = isRecord(parameter) ? parameter.Default : undefined;
  if (typeof value !== 'string') return resource;
  return { ...resource, Properties: { ...properties, Tracing: value } };
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
