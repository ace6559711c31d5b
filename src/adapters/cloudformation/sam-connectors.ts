import { describeValue, isRecord, setOwn, lookupTable } from '../../util/records.js';
import { isIntrinsic } from './intrinsics.js';
import {
  samPolicyData,
  type SamConnectorProfile,
  type SamConnectorResourceProperties,
} from './sam-policy-templates.js';
import type { CfnResource } from './template.js';

/**
 * What an `AWS::Serverless::Connector` generates, as SAM's translator writes it (`SamConnector` in
 * samtranslator/model/sam_resources.py, `get_resource_reference` in samtranslator/model/connector/connector.py), from
 * SAM's connector profiles (data/sam-policy-templates.json, `connectorProfiles`):
 * - each destination (`Destination` is one reference or a list) is looked up with the source in the profiles, by
 *   CloudFormation type: a reference by `Id` takes the type of that resource once SAM has expanded its own (a
 *   `AWS::Serverless::Function` is then an `AWS::Lambda::Function`), and its ARN, queue URL, name and role from the
 *   profiles' `CfnResourceProperties`; a reference without `Id` gives them itself (`Type`, `Arn`, `RoleName`, …);
 * - the profile's type says what is written: `AWS_IAM_ROLE_MANAGED_POLICY`, an `AWS::IAM::ManagedPolicy`
 *   `<ConnectorId>Policy` (`<ConnectorId>PolicyDestination<n>` for a list) on the source's role (or the destination's,
 *   by the profile's `SourcePolicy`), with the statements of each permission asked (`Read`, `Write`);
 *   `AWS_SQS_QUEUE_POLICY` and `AWS_SNS_TOPIC_POLICY`, a queue or topic policy `<ConnectorId>QueuePolicy` /
 *   `<ConnectorId>TopicPolicy`; `AWS_LAMBDA_PERMISSION`, an `AWS::Lambda::Permission`
 *   `<ConnectorId><Permission>LambdaPermission` per permission.
 * Everything SAM would refuse (a pair of types the profiles do not list, a permission the profile does not offer, an
 * `Id` that names no resource, a role SAM cannot name, an empty destination list) gives no resource but the reason,
 * so the connector stays unmodelled: reported as content the check cannot see, with that reason (the pair of types,
 * the permission, the value it could not read), never read as granting nothing.
 */
export type ConnectorExpansion = { resources: Record<string, CfnResource> } | { refused: string };

/** The attributes of a resource SAM passes on to what it generates from it (`resource_attributes`). */
export function passedAttributes(resource: unknown): Record<string, unknown> {
  const passed: Record<string, unknown> = {};
  if (!isRecord(resource)) return passed;
  for (const attribute of ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy'])
    if (resource[attribute] !== undefined) passed[attribute] = resource[attribute];
  return passed;
}

/** SAM's own types as the CloudFormation types its profiles are written for (`_SAM_TO_CFN_RESOURCE_TYPE`). */
const SAM_TO_CFN: Record<string, string> = lookupTable({
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
});

/** A connector's source or destination as SAM reads it (`ConnectorResourceReference`). */
interface Reference {
  logicalId?: string;
  type: string;
  arn: unknown;
  roleName: unknown;
  queueUrl: unknown;
  resourceId: unknown;
  name: unknown;
  qualifier: unknown;
}

/**
 * The resources SAM writes for the connector `logicalId` with these properties; `resources` are the template's
 * resources with SAM's other types already expanded (SAM expands connectors last, against them).
 */
export function expandConnector(
  logicalId: string,
  properties: Record<string, unknown>,
  resources: Readonly<Record<string, CfnResource>>,
  attributes: Readonly<Record<string, unknown>> = {},
): ConnectorExpansion {
  const { Source: source, Destination: destination, Permissions: permissions } = properties;
  if (!isRecord(source)) return { refused: `its Source ${shownValue(source)} is not a map` };
  const destinations = Array.isArray(destination) ? (destination as unknown[]) : [destination];
  if (destinations.length === 0) return { refused: "its 'Destination' is an empty list" };
  const names = Array.isArray(permissions) ? (permissions as unknown[]) : undefined;
  if (!names?.every((entry): entry is string => typeof entry === 'string'))
    return { refused: `its Permissions ${shownValue(permissions)} is not a list of names` };
  const asked = [...new Set(names)];
  const generated: Record<string, CfnResource> = {};
  for (const [index, each] of destinations.entries()) {
    if (!isRecord(each)) return { refused: `its Destination ${shownValue(each)} is not a map` };
    const to = reference(each, resources, source);
    const from = reference(source, resources, each);
    if (typeof to === 'string') return { refused: `its Destination ${to}` };
    if (typeof from === 'string') return { refused: `its Source ${from}` };
    const profiles = samPolicyData().connectorProfiles.permissions;
    const byDestination = Object.hasOwn(profiles, from.type) ? profiles[from.type] : undefined;
    const profile = byDestination && Object.hasOwn(byDestination, to.type) ? byDestination[to.type] : undefined;
    if (!profile) return { refused: `SAM's connector profiles have no ${from.type} to ${to.type}` };
    const refused = permissionsRefused(profile, asked);
    if (refused) return { refused };
    const suffix = Array.isArray(destination) ? `Destination${index}` : '';
    const filled = fill(profile.Properties, {
      'Source.Arn': from.arn,
      'Destination.Arn': to.arn,
      'Source.ResourceId': from.resourceId,
      'Destination.ResourceId': to.resourceId,
      'Source.Name': from.name,
      'Destination.Name': to.name,
      'Source.Qualifier': from.qualifier,
      'Destination.Qualifier': to.qualifier,
    });
    if (typeof filled === 'string') return { refused: filled };
    const categories = isRecord(filled.AccessCategories) ? filled.AccessCategories : {};
    const holder = filled.SourcePolicy === true ? from : to;
    const side = filled.SourcePolicy === true ? 'Source' : 'Destination';
    const document = () => ({
      Version: '2012-10-17',
      Statement: Object.entries(categories)
        .filter(([name]) => asked.includes(name))
        .flatMap(([, category]) =>
          isRecord(category) && Array.isArray(category.Statement) ? (category.Statement as unknown[]) : [],
        ),
    });
    switch (profile.Type) {
      case 'AWS_IAM_ROLE_MANAGED_POLICY':
        if (!holder.roleName) return { refused: `SAM cannot name the IAM role of its ${side}` };
        setOwn(generated, `${logicalId}Policy${suffix}`, {
          Type: 'AWS::IAM::ManagedPolicy',
          ...attributes,
          Properties: { PolicyDocument: document(), Roles: [holder.roleName] },
        });
        break;
      case 'AWS_SQS_QUEUE_POLICY':
        if (!holder.queueUrl) return { refused: `SAM cannot get the SQS queue URL of its ${side}` };
        setOwn(generated, `${logicalId}QueuePolicy${suffix}`, {
          Type: 'AWS::SQS::QueuePolicy',
          ...attributes,
          Properties: { PolicyDocument: document(), Queues: [holder.queueUrl] },
        });
        break;
      case 'AWS_SNS_TOPIC_POLICY':
        if (!holder.arn) return { refused: `SAM cannot get the SNS topic ARN of its ${side}` };
        setOwn(generated, `${logicalId}TopicPolicy${suffix}`, {
          Type: 'AWS::SNS::TopicPolicy',
          ...attributes,
          Properties: { PolicyDocument: document(), Topics: [holder.arn] },
        });
        break;
      case 'AWS_LAMBDA_PERMISSION':
        if (!holder.arn) return { refused: `SAM cannot get the Lambda function ARN of its ${side}` };
        for (const [name, category] of Object.entries(categories)) {
          if (!asked.includes(name) || !isRecord(category)) continue;
          const permission: Record<string, unknown> = {
            Action: category.Action,
            FunctionName: holder.arn,
            Principal: category.Principal,
            SourceArn: category.SourceArn,
          };
          if (category.SourceAccount !== undefined) permission.SourceAccount = category.SourceAccount;
          setOwn(generated, `${logicalId}${name}LambdaPermission${suffix}`, {
            Type: 'AWS::Lambda::Permission',
            ...attributes,
            Properties: permission,
          });
        }
        break;
      default:
        return { refused: `SAM's connector profile type ${profile.Type} is not one the check writes` };
    }
  }
  return { resources: generated };
}

/** A value as a refusal shows it: a string quoted (`"Fn"`), anything else as JSON. */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

/** Why SAM refuses these permissions for the profile, or undefined when it takes them. */
function permissionsRefused(profile: SamConnectorProfile, asked: readonly string[]): string | undefined {
  const offered = Object.keys(profile.Properties.AccessCategories);
  if (asked.length === 0) return `its Permissions is empty (SAM offers ${offered.join(', ')})`;
  const unknown = asked.find((permission) => !offered.includes(permission));
  if (unknown !== undefined) return `its permission ${unknown} is not one SAM offers (${offered.join(', ')})`;
  const combinations = profile.Properties.ValidAccessCategories;
  const key = (names: readonly string[]) => [...names].sort().join('+');
  if (combinations && !combinations.some((combination) => key(combination) === key(asked)))
    return `its permissions ${key(asked)} are not a combination SAM accepts (${combinations.map(key).join(', ')})`;
  return undefined;
}

/**
 * A source or destination as SAM reads it: by `Id` (with an optional `Qualifier`) from the resource of that id, or
 * from its own `Type`, `Arn`, `RoleName`, … without one; a string says why SAM refuses it.
 */
function reference(
  value: Record<string, unknown>,
  resources: Readonly<Record<string, CfnResource>>,
  connecting: Record<string, unknown>,
): Reference | string {
  const hasId = Object.hasOwn(value, 'Id');
  const hasOther = Object.keys(value).some((key) => key !== 'Id' && key !== 'Qualifier');
  if (hasId === hasOther) return "gives neither 'Id' (with an optional 'Qualifier') nor the properties SAM reads";
  if (!hasId) {
    if (typeof value.Type !== 'string' || value.Type === '') return "has no 'Type'";
    return {
      type: SAM_TO_CFN[value.Type] ?? value.Type,
      arn: value.Arn,
      roleName: value.RoleName,
      queueUrl: value.QueueUrl,
      resourceId: value.ResourceId,
      name: value.Name,
      qualifier: value.Qualifier,
    };
  }
  const id = value.Id;
  if (typeof id !== 'string' || id === '') return `has an 'Id' ${shownValue(id)} that is not a logical id`;
  const resource = Object.hasOwn(resources, id) ? resources[id] : undefined;
  if (!isRecord(resource) || typeof resource.Type !== 'string') return `names ${id}, not a resource of the template`;
  const known = samPolicyData().connectorProfiles.cfnResourceProperties;
  const described = fill(Object.hasOwn(known, resource.Type) ? known[resource.Type] : {}, { logicalId: id });
  const read = typeof described === 'string' ? {} : (described as SamConnectorResourceProperties);
  const outputs = read.Outputs ?? {};
  return {
    logicalId: id,
    type: resource.Type,
    arn: outputs.Arn,
    roleName: roleName(read, isRecord(resource.Properties) ? resource.Properties : {}, connecting),
    queueUrl: outputs.Url,
    resourceId: outputs.Id,
    name: outputs.Name,
    qualifier: Object.hasOwn(value, 'Qualifier') ? value.Qualifier : outputs.Qualifier,
  };
}

/**
 * The role a resource named by `Id` runs as, as SAM names it: `{ Ref: RoleId }` when the property the profiles name
 * (`Role`, `RoleArn`, `ServiceRoleArn`; for an EventBridge rule, the `RoleArn` of the target that is the other end)
 * is a `Ref` or `Fn::GetAtt` of a logical id; otherwise none (SAM then refuses a profile that needs it).
 */
function roleName(
  read: SamConnectorResourceProperties,
  properties: Record<string, unknown>,
  connecting: Record<string, unknown>,
): unknown {
  const input = read.Inputs?.Role;
  let role: unknown;
  if (typeof input === 'string') role = properties[input];
  else if (isRecord(input) && input.Function === 'GetEventsRuleRole') {
    const targets = Array.isArray(properties.Targets) ? (properties.Targets as unknown[]) : [];
    for (const target of targets) {
      if (!isRecord(target)) continue;
      const targetId = logicalIdOf(target.Arn);
      const connectingArn = connecting.Arn;
      if (
        (targetId !== undefined && targetId === connecting.Id) ||
        (connectingArn !== undefined && JSON.stringify(target.Arn) === JSON.stringify(connectingArn))
      ) {
        role = target.RoleArn;
        break;
      }
    }
  }
  const id = logicalIdOf(role);
  return id === undefined ? undefined : { Ref: id };
}

/** The logical id of a `Ref` or `Fn::GetAtt` (`get_logical_id_from_intrinsic`). */
function logicalIdOf(value: unknown): string | undefined {
  if (!isRecord(value) || !isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2 && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') {
    const parts = getAtt.split('.');
    if (parts.length === 2) return parts[0];
  }
  return undefined;
}

/**
 * A profile with its `%{Name}` variables filled in as SAM's `profile_replace` does: a string that is exactly one
 * variable becomes its value, a string that holds some becomes an `Fn::Sub` over them, and any string with `${…}`
 * left is an `Fn::Sub`. A variable without a value (or one left over) gives the reason SAM refuses it.
 */
function fill<T>(value: T, values: Record<string, unknown>): T | string {
  try {
    const filled = fillValue(value, values);
    const left = /%\{[\w.]+\}/.exec(describeValue(filled));
    return left ? `leaves ${left[0]} without a value` : (filled as T);
  } catch (error) {
    return (error as Error).message;
  }
}

function fillValue(value: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((entry) => fillValue(entry, values));
  if (isRecord(value)) {
    const filled: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) setOwn(filled, key, fillValue(entry, values));
    return filled;
  }
  if (typeof value !== 'string') return value;
  let text = value;
  const substitutions: Record<string, unknown> = {};
  for (const [name, replacement] of Object.entries(values)) {
    const pattern = `%{${name}}`;
    if (!text.includes(pattern)) continue;
    if (replacement === undefined || replacement === null) throw new Error(`has no ${name} for ${value}`);
    if (text === pattern) return replacement;
    const variable = name.replace(/[^A-Za-z0-9]/g, '');
    text = text.split(pattern).join(`\${${variable}}`);
    setOwn(substitutions, variable, replacement);
  }
  if (/\$\{.+\}/.test(text))
    return Object.keys(substitutions).length > 0 ? { 'Fn::Sub': [text, substitutions] } : { 'Fn::Sub': text };
  return text;
}
