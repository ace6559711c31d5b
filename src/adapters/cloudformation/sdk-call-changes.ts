/**
 * AWS SDK calls of a CDK AwsCustomResource (sdk-calls.ts) that change something rather than make it, so no resource of
 * the template amounts to them (expand.ts rewrites those that do): a managed policy attached to a role, user or group,
 * a role's trust policy replaced, a key's policy replaced. The model builder (to-model.ts) gives each to what it
 * changes, judged at the custom resource where it can be, and reports as unseen what it cannot find (a role named only
 * at deployment, a key the template does not make); expand.ts leaves a custom resource whose calls are all read here
 * to the builder.
 *
 * Parameter names as the AWS SDK for JavaScript v3 names them, in the IAM and KMS clients the aws-cdk CLI 2.1148.1
 * bundles (node_modules/aws-cdk/lib/index.js, request schemas AttachRolePolicyRequest [RoleName, PolicyArn],
 * AttachUserPolicyRequest [UserName, PolicyArn], AttachGroupPolicyRequest [GroupName, PolicyArn],
 * UpdateAssumeRolePolicyRequest [RoleName, PolicyDocument], PutKeyPolicyRequest [KeyId, Policy, PolicyName,
 * BypassPolicyLockoutSafetyCheck]).
 */
import type { IdentityKind } from '../../model/model.js';
import { iamActionOfSdkCall } from '../../iam/aws/sdk-calls.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { sdkCallsOf } from './sdk-calls.js';

export type SdkCallChange =
  /** A managed policy (`policyArn`: an ARN, or a `Ref` to an AWS::IAM::ManagedPolicy) attached to the identity named. */
  | { action: string; kind: 'managed-policy'; holderKind: IdentityKind; holder: unknown; policyArn: unknown }
  /** The trust policy (`document`, a document or its JSON text) of the role named. */
  | { action: string; kind: 'trust'; role: unknown; document: unknown }
  /** The key policy (`document`) of the key `key` names (its id or ARN). */
  | { action: string; kind: 'key-policy'; key: unknown; document: unknown };

const ATTACHMENTS: Readonly<Record<string, { holder: string; holderKind: IdentityKind }>> = lookupTable({
  'iam:AttachRolePolicy': { holder: 'RoleName', holderKind: 'aws-role' },
  'iam:AttachUserPolicy': { holder: 'UserName', holderKind: 'aws-user' },
  'iam:AttachGroupPolicy': { holder: 'GroupName', holderKind: 'aws-group' },
});

/**
 * What the custom resource's calls change, each change once (Create and Update are often the same call), when every
 * call is one read here with no parameter beyond those this reads; undefined when any is not (a custom resource of
 * another kind, or one whose calls expand.ts judges as it judges the others).
 */
export function sdkCallChangesOf(properties: unknown): SdkCallChange[] | undefined {
  const calls = sdkCallsOf(properties);
  if (calls.length === 0) return undefined;
  const changes = new Map<string, SdkCallChange>();
  for (const call of calls) {
    if ('unreadable' in call) return undefined;
    const change = changeOf(iamActionOfSdkCall(call.service, call.action), call.parameters);
    if (!change) return undefined;
    changes.set(JSON.stringify(change), change);
  }
  return [...changes.values()];
}

function changeOf(action: string, parameters: Readonly<Record<string, unknown>>): SdkCallChange | undefined {
  const attachment = Object.hasOwn(ATTACHMENTS, action) ? ATTACHMENTS[action] : undefined;
  if (attachment)
    return hasOnly(parameters, [attachment.holder, 'PolicyArn'], [])
      ? {
          action,
          kind: 'managed-policy',
          holderKind: attachment.holderKind,
          holder: asWritten(parameters[attachment.holder]),
          policyArn: asWritten(parameters.PolicyArn),
        }
      : undefined;
  if (action === 'iam:UpdateAssumeRolePolicy')
    return hasOnly(parameters, ['RoleName', 'PolicyDocument'], [])
      ? { action, kind: 'trust', role: asWritten(parameters.RoleName), document: parameters.PolicyDocument }
      : undefined;
  // PolicyName: `default`, the only name a key policy has. BypassPolicyLockoutSafetyCheck only skips KMS's check that
  // the caller keeps access to the key (CfnKey has it as a property too).
  if (
    action === 'kms:PutKeyPolicy' &&
    hasOnly(parameters, ['KeyId', 'Policy'], ['PolicyName', 'BypassPolicyLockoutSafetyCheck']) &&
    (parameters.PolicyName === undefined || parameters.PolicyName === 'default')
  )
    return { action, kind: 'key-policy', key: asWritten(parameters.KeyId), document: parameters.Policy };
  return undefined;
}

/** Whether the call has every `required` parameter, and no parameter but those and the `optional` ones. */
function hasOnly(
  parameters: Readonly<Record<string, unknown>>,
  required: readonly string[],
  optional: readonly string[],
): boolean {
  return (
    required.every((name) => parameters[name] !== undefined) &&
    Object.keys(parameters).every((name) => required.includes(name) || optional.includes(name))
  );
}

/**
 * A parameter that is one token alone (a `Ref` to the key, to the managed policy) as the template writes it: sdkCallsOf
 * gives it as an `Fn::Join` of that one part, which names the same value and which the resolver cannot follow as a
 * reference to a resource.
 */
function asWritten(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value['Fn::Join'])) return value;
  const [delimiter, parts] = value['Fn::Join'] as unknown[];
  return delimiter === '' && Array.isArray(parts) && parts.length === 1 && typeof parts[0] !== 'string'
    ? parts[0]
    : value;
}
