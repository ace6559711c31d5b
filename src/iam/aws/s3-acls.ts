/**
 * What an S3 access control list can grant. On a bucket whose Object Ownership is BucketOwnerEnforced ("ACLs
 * disabled") ACLs no longer affect access: S3 refuses a request that sets any ACL but bucket-owner-full-control
 * (AccessControlListNotSupported), and every object is the bucket owner's, its access the policies' alone (Amazon S3
 * User Guide, "Controlling ownership of objects and disabling ACLs for your bucket"). BucketOwnerEnforced is what S3
 * gives every bucket created since April 2023 whose creator sets no other Object Ownership.
 */
import type { PolicyDocument, PolicyValue } from '../../model/model.js';
import { expandActionPattern, type AwsAction } from './actions.js';

/**
 * An ACL write: an S3 action of the Permissions management level that puts an ACL (`s3:PutBucketAcl`,
 * `s3:PutObjectAcl`, `s3:PutObjectVersionAcl` in the Service Authorization Reference). Read from the action's own
 * facts, so a new ACL action of the reference is one too.
 */
export function isAclWrite(action: AwsAction): boolean {
  return action.service === 's3' && action.accessLevel === 'Permissions management' && /:Put\w*Acl$/.test(action.name);
}

/** A bucket as a change's policies write it: its name in an ARN, and the ARN itself where the change has a value for it. */
export interface BucketNames {
  name: string;
  arn?: string | undefined;
}

/**
 * The buckets of one stack: a bucket's name as one stack's policies write it may be another stack's value for another
 * bucket (Model.bucketsWithoutAcls), so a policy is judged against its own stack's only.
 */
export function bucketsOfStack<T extends BucketNames & { stack: string | undefined }>(
  buckets: readonly T[],
  stack: string | undefined,
): T[] {
  return buckets.filter((bucket) => bucket.stack === stack);
}

/**
 * Whether a Resource value names the bucket or objects in it: `arn:<partition>:s3:::<name>` with or without a key
 * part, or its ARN as the change writes it (`<ARN>/*`). A wildcard in the bucket part, or a value known only at
 * deployment, names no one bucket.
 */
export function isOnBucket(resource: unknown, bucket: BucketNames): boolean {
  if (typeof resource !== 'string') return false;
  const { arn } = bucket;
  if (arn !== undefined && (resource === arn || resource.startsWith(`${arn}/`))) return true;
  const named = /^arn:[^:]+:s3:::([^/]+)(?:\/.*)?$/.exec(resource)?.[1];
  return named !== undefined && named === bucket.name;
}

/**
 * Whether a statement's or allowance's Resource values reach only `buckets` or their objects: at least one value, each
 * on one of them, and no NotResource (which reaches everything else).
 */
export function reachesOnlyBuckets(
  resources: readonly unknown[] | undefined,
  notResources: unknown,
  buckets: readonly BucketNames[],
): boolean {
  return (
    notResources === undefined &&
    resources !== undefined &&
    resources.length > 0 &&
    resources.every((resource) => buckets.some((bucket) => isOnBucket(resource, bucket)))
  );
}

/**
 * Whether the policy may turn a bucket's ACLs back on (`s3:PutBucketOwnershipControls`, by name, a wildcard, an action
 * known only at deployment or NotAction), after which its ACL writes grant again.
 */
export function mayTurnAclsOn(document: PolicyDocument): boolean {
  return document.statements.some(
    (statement) =>
      statement.effect === 'Allow' &&
      (statement.notAction !== undefined ||
        (statement.action ?? []).some(
          (value) =>
            typeof value !== 'string' ||
            expandActionPattern(value).some((action) => action.name === 's3:PutBucketOwnershipControls'),
        )),
  );
}

/**
 * Whether an allowance of `document` is an ACL write that grants nothing: only on `buckets` (the change's buckets whose
 * ACLs are disabled) or their objects, by a policy that cannot turn their ACLs back on. The audit's privileged
 * classification and the rules read S3 ACL writes through this, so they give one verdict.
 */
export function isInertAclWrite(
  allowed: { action: AwsAction; resources: readonly PolicyValue[]; notResources?: readonly PolicyValue[] | undefined },
  document: PolicyDocument,
  buckets: readonly BucketNames[],
): boolean {
  return (
    buckets.length > 0 &&
    isAclWrite(allowed.action) &&
    reachesOnlyBuckets(allowed.resources, allowed.notResources, buckets) &&
    !mayTurnAclsOn(document)
  );
}
