import { isUnknown, unknownValue, type Maybe, type Secret, type SecretValueAdvice } from '../../model/model.js';
import { deployedName } from './deployed-names.js';
import { rotationDays } from '../aws/rotation.js';
import type { Resolver } from './intrinsics.js';
import type { StackContext } from './stack-context.js';
import { deploymentTagsOf } from './tags.js';
import type { CfnResource } from './template.js';
import { isRecord } from '../../util/records.js';

/** How a template keeps a secret value out of its source. */
const LITERAL_VALUE_ADVICE: SecretValueAdvice = {
  keepOut: 'Generate the value at deploy time (GenerateSecretString) or set it out of band',
};

/** What a template adds to rotate a secret. */
const ROTATION_ADVICE = 'an AWS::SecretsManager::RotationSchedule';

/** A Secrets Manager secret; rotation is added when a RotationSchedule names it. */
export function secretFromResource(stack: StackContext, logicalId: string, resource: CfnResource): Secret {
  const properties = resource.Properties ?? {};
  const physicalName = deployedName(stack.resolver, resource, 'Name');
  return {
    id: stack.id(logicalId),
    cloud: 'aws',
    name: physicalName ?? logicalId,
    ...(physicalName !== undefined ? { uniqueName: true } : {}),
    resource: stack.ref(logicalId),
    ...deploymentTagsOf(stack.resolver, properties.Tags),
    rotationAdvice: ROTATION_ADVICE,
    // Only a value written out in the template is plain text; a Ref to a NoEcho parameter or a generated one is not.
    ...(typeof properties.SecretString === 'string' ? { plaintextValue: true, valueAdvice: LITERAL_VALUE_ADVICE } : {}),
    ...withIdentifiersOnly(stack, properties.SecretString),
  };
}

/** Pseudo parameters a value may hold that name where it is deployed, never a credential. */
const PLACE_PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/**
 * `identifiersOnly` for a SecretString written as an `Fn::Sub` of one reference, or of a JSON object whose every value
 * is made of references only (`{"KeyArn":"${Key.Arn}"}`), each reference being a resource of the template by `Ref`
 * (its name or id: no type returns a credential by `Ref`), an attribute whose name ends in `Arn`, or a pseudo parameter
 * of the place. A parameter (a NoEcho password), any other attribute (an access key's SecretAccessKey, a client's
 * ClientSecret) or literal text in a value may be a credential, and keeps the secret judged as one.
 */
function withIdentifiersOnly(stack: StackContext, raw: unknown): { identifiersOnly?: string } {
  const argument = isRecord(raw) && Object.keys(raw).length === 1 ? raw['Fn::Sub'] : undefined;
  if (typeof argument !== 'string') return {};
  const resources = stack.input.template.Resources;
  const named: string[] = [];
  const identifier = (reference: string): boolean => {
    if (PLACE_PSEUDO_PARAMETERS.has(reference)) return true;
    const dot = reference.indexOf('.');
    const logicalId = dot < 0 ? reference : reference.slice(0, dot);
    if (!Object.hasOwn(resources, logicalId)) return false;
    const attribute = dot < 0 ? undefined : reference.slice(dot + 1);
    if (attribute !== undefined && !attribute.endsWith('Arn')) return false;
    named.push(attribute === undefined ? `the id of ${logicalId}` : `the ${attribute} of ${logicalId}`);
    return true;
  };
  // A value made of references and nothing else: `${A}` or `${A}${B}`.
  const onlyReferences = (text: string): boolean => {
    const parts = text.split(/(\$\{[^}]*\})/).filter((part) => part !== '');
    return parts.length > 0 && parts.every((part) => /^\$\{[^!][^}]*\}$/.test(part) && identifier(part.slice(2, -1)));
  };
  if (onlyReferences(argument)) return { identifiersOnly: named.join(', ') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(argument);
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const values = Object.values(parsed);
  return values.length > 0 && values.every((value) => typeof value === 'string' && onlyReferences(value))
    ? { identifiersOnly: named.join(', ') }
    : {};
}

/**
 * Sets rotation on the secret an `AWS::SecretsManager::RotationSchedule` names, as the deployment that rotates it
 * least often has it: a schedule whose Condition deploy time decides may not exist, so the interval cannot be known
 * until apply; one a parameter the deployment sets writes is its longest choice (longestRotation).
 */
export function applyRotation(stack: StackContext, logicalId: string, resource: CfnResource, secret: Secret): void {
  if (!namesRotationFunction(stack.resolver, resource)) {
    // Without a function only a secret another service manages rotates (managed rotation: RDS's, Redshift's own
    // secrets, which are no AWS::SecretsManager::Secret of a template); this schedule rotates the secret never.
    secret.rotationAdvice =
      `a rotation function to ${logicalId}, which names none and so rotates nothing (RotationLambdaARN, or ` +
      'HostedRotationLambda for a function AWS publishes), with RotationRules';
    return;
  }
  const condition = resource.Condition;
  secret.rotationDays =
    typeof condition === 'string' && isUnknown(stack.resolver.condition(condition))
      ? unknownValue(
          `that of rotation schedule ${logicalId}, created only where its Condition ${condition} holds, which deploy time decides`,
        )
      : longestRotation(stack.resolver, resource.Properties?.RotationRules);
  secret.rotationSource = stack.ref(logicalId);
}

/**
 * Whether a RotationSchedule names the function that rotates its secret: `RotationLambdaARN` (a Lambda of the
 * account) or `HostedRotationLambda` (one the Secrets Manager transform builds). A value known only at deploy time
 * counts as one; a property left out, empty, or `AWS::NoValue` by a decided condition does not.
 */
function namesRotationFunction(resolver: Resolver, resource: CfnResource): boolean {
  const properties = resource.Properties ?? {};
  return ['RotationLambdaARN', 'HostedRotationLambda'].some((field) => {
    if (!Object.hasOwn(properties, field)) return false;
    const value = resolver.resolve(properties[field]);
    return value !== undefined && value !== null && value !== '';
  });
}

/** The fields of RotationRules that set the interval (rotationDays reads them). */
const INTERVAL_FIELDS = ['AutomaticallyAfterDays', 'ScheduleExpression'] as const;

/**
 * The longest interval any deployment may give `RotationRules`: where a parameter the deployment sets writes an
 * interval field, each of its AllowedValues is read (the longest counts), and one it may set to any value is Unknown
 * (a default of 30 days says nothing of `--parameter-overrides Days=3650`).
 */
function longestRotation(resolver: Resolver, written: unknown): Maybe<number> {
  const rules = resolver.resolve(written);
  const days = rotationDays(rules);
  if (!isRecord(written) || !isRecord(rules) || isUnknown(rules) || isUnknown(days)) return days;
  let longest = days;
  for (const field of INTERVAL_FIELDS) {
    if (!Object.hasOwn(written, field)) continue;
    const choices = resolver.choicesOf(written[field]);
    if (choices === undefined) continue;
    if (isUnknown(choices)) return choices;
    for (const choice of choices) {
      const each = rotationDays({ ...rules, [field]: choice });
      if (isUnknown(each)) return each;
      if (each > longest) longest = each;
    }
  }
  return longest;
}

const SECRET_TARGET_ATTACHMENT = 'AWS::SecretsManager::SecretTargetAttachment';

/**
 * What a `SecretId` names, read through a secret target attachment: `Ref` of an
 * `AWS::SecretsManager::SecretTargetAttachment` is the ARN of the secret it attaches, so the rotation schedule and
 * the resource policy the CDK hangs on an attached secret (`SecretId: {Ref: <attachment>}`) are the secret's. Checked
 * in aws-cdk-lib 2.276.0, aws-secretsmanager/lib/secret.js: SecretTargetAttachment sets `secretArn` to `attachment.ref`.
 * One step: an attachment attaches a secret, never another attachment. Anything else is returned as written.
 */
export function secretIdThroughAttachment(stack: StackContext, raw: unknown): unknown {
  if (!isRecord(raw) || typeof raw.Ref !== 'string') return raw;
  const logicalId = stack.resolver.referencedResource(raw);
  const target = logicalId === undefined ? undefined : stack.input.template.Resources[logicalId];
  return target?.Type === SECRET_TARGET_ATTACHMENT ? target.Properties?.SecretId : raw;
}
