/**
 * IAM Identity Center permission sets as every AWS front-end reads them: CloudFormation's AWS::SSO::PermissionSet
 * holds its policies itself; Terraform and Pulumi put each on it with a resource of its own (an inline policy, a managed
 * or customer-managed policy attachment, a permissions boundary attachment).
 */
import { OWN_ACCOUNT, PARTITION } from '../../model/deployment.js';
import { isUnknown, unknownValue, type Maybe } from '../../model/model.js';

/** What a permission set's session lasts when it sets no duration (AWS::SSO::PermissionSet SessionDuration: PT1H). */
const DEFAULT_SESSION_SECONDS = 3600;

/** `PT8H`, `PT90M`, `PT1H30M` → seconds; a permission set without one lasts an hour. `what` names the property. */
export function isoDurationSeconds(value: unknown, what = 'SessionDuration'): Maybe<number> {
  if (value === undefined || value === null) return DEFAULT_SESSION_SECONDS;
  if (isUnknown(value)) return value;
  const match = typeof value === 'string' ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value) : null;
  if (!match || value === 'PT') return unknownValue(`${what} ${JSON.stringify(value)} is not an ISO 8601 duration`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/**
 * A customer-managed policy a permission set names by name and path: the policy of that name and path in every
 * account the set is assigned to, rendered in the account the check calls its own.
 */
export function customerPolicyArn(name: unknown, path: unknown, what: string): Maybe<string> {
  if (isUnknown(name)) return name;
  if (typeof name !== 'string') return unknownValue(`${what} without a readable name`);
  if (isUnknown(path)) return path;
  return `arn:${PARTITION}:iam::${OWN_ACCOUNT}:policy${typeof path === 'string' ? path : '/'}${name}`;
}
