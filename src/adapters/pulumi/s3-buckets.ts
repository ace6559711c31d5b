/**
 * S3 buckets a Pulumi stack (or a Terraform plan, read through the same records) creates with ACLs disabled, for
 * Model.bucketsWithoutAcls: what the CloudFormation adapter reads from AWS::S3::Bucket, here spread over the bucket and
 * the resources that set its Object Ownership and its ACL.
 *
 * - `aws.s3.Bucket` (@pulumi/aws 7.48.0, Terraform's aws_s3_bucket; 6.x's BucketV2, which 7.x aliases) and 6.x's
 *   BucketV2: no Object Ownership of its own, so S3's default, BucketOwnerEnforced, unless an
 *   `aws.s3.BucketOwnershipControls` (aws_s3_bucket_ownership_controls) on it sets another (`rule.objectOwnership`).
 *   Its deprecated `acl` other than `private`, or its deprecated `grants`, need ACLs enabled, as does an
 *   `aws.s3.BucketAcl` (6.x's BucketAclV2, aws_s3_bucket_acl) on it with another canned ACL or an
 *   `accessControlPolicy`: CloudFormation's AccessControl other than Private.
 * - `aws-native:s3:Bucket`, CloudFormation's resource through Cloud Control: `ownershipControls.rules` and
 *   `accessControl` as in the template.
 *
 * Fail-closed: a setting known only at apply may enable ACLs, and an ownership or ACL resource whose bucket cannot be
 * told (known only at apply, with no dependency naming one) may be on any bucket of the stack.
 */
import { isUnknown, type Model } from '../../model/model.js';
import { isKnownRecord, lookupTable } from '../../util/records.js';
import { describeUrn, resourceRef, revealUnknowns, type PulumiResource } from './resource.js';
import { knownString } from './values.js';

type BucketsWithoutAcls = NonNullable<Model['bucketsWithoutAcls']>;

/** Whether a bucket's own properties may enable ACLs. */
type OwnSettings = (props: Record<string, unknown>) => boolean;

/** Whether the classic provider's bucket (`acl`, `grants`) needs ACLs; Terraform's `grant` blocks arrive as `grant`. */
const classicBucketNeedsAcls: OwnSettings = (props) =>
  !isPrivateCannedAcl(props.acl) || writes(props.grants) || writes(props.grant);

const BUCKETS: Readonly<Record<string, { own: OwnSettings; name: string }>> = lookupTable({
  'aws:s3/bucket:Bucket': { own: classicBucketNeedsAcls, name: 'bucket' },
  'aws:s3/bucketV2:BucketV2': { own: classicBucketNeedsAcls, name: 'bucket' },
  // CloudFormation's properties in camelCase: no OwnershipControls is S3's default; every rule BucketOwnerEnforced.
  'aws-native:s3:Bucket': {
    own: (props) => {
      const controls = props.ownershipControls;
      const rules = isKnownRecord(controls) ? controls.rules : undefined;
      const enforced =
        controls === undefined ||
        controls === null ||
        (Array.isArray(rules) &&
          rules.length > 0 &&
          rules.every((rule) => isKnownRecord(rule) && rule.objectOwnership === 'BucketOwnerEnforced'));
      const acl = props.accessControl;
      return !enforced || (acl !== undefined && acl !== null && acl !== 'Private');
    },
    name: 'bucketName',
  },
});

/** Resources that set a bucket's Object Ownership or ACL, and whether what they set may enable ACLs. */
const ON_BUCKET: Readonly<Record<string, OwnSettings>> = lookupTable({
  'aws:s3/bucketOwnershipControls:BucketOwnershipControls': (props) => {
    const rule = props.rule;
    return !(isKnownRecord(rule) && rule.objectOwnership === 'BucketOwnerEnforced');
  },
  'aws:s3/bucketAcl:BucketAcl': (props) => !isPrivateCannedAcl(props.acl) || writes(props.accessControlPolicy),
  'aws:s3/bucketAclV2:BucketAclV2': (props) => !isPrivateCannedAcl(props.acl) || writes(props.accessControlPolicy),
});

interface Bucket {
  urn: string;
  stack: string | undefined;
  name: string | undefined;
  arn: string | undefined;
  aclsMayBeOn: boolean;
}

export function bucketsWithoutAcls(resources: readonly PulumiResource[]): BucketsWithoutAcls {
  const buckets: Bucket[] = [];
  const settings: { resource: PulumiResource; props: Record<string, unknown>; aclsMayBeOn: boolean }[] = [];
  for (const resource of resources) {
    const bucket = Object.hasOwn(BUCKETS, resource.type) ? BUCKETS[resource.type] : undefined;
    const setting = Object.hasOwn(ON_BUCKET, resource.type) ? ON_BUCKET[resource.type] : undefined;
    if (!bucket && !setting) continue;
    const props = revealUnknowns(resource, describeUrn);
    if (bucket) {
      const arn = knownString(props.arn);
      buckets.push({
        urn: resource.urn,
        stack: resourceRef(resource).stack,
        // A name known only at apply may still be read from a known ARN (a stack export).
        name:
          knownString(props[bucket.name]) ??
          (arn === undefined ? undefined : /^arn:[^:]+:s3:::([^/]+)$/.exec(arn)?.[1]),
        arn,
        aclsMayBeOn: bucket.own(props),
      });
    } else if (setting?.(props)) settings.push({ resource, props, aclsMayBeOn: true });
  }
  for (const { resource, props } of settings)
    for (const bucket of bucketsOf(resource, props, buckets)) bucket.aclsMayBeOn = true;
  return buckets.flatMap(({ stack, name, arn, aclsMayBeOn }) =>
    aclsMayBeOn || name === undefined ? [] : [{ stack, name, ...(arn !== undefined ? { arn } : {}) }],
  );
}

/**
 * The stack's buckets a setting is on: those its `bucket` names (by name or ARN) and those its `bucket` depends on;
 * none of them, with a `bucket` known only at apply (or unset), may be any of them.
 */
function bucketsOf(resource: PulumiResource, props: Record<string, unknown>, buckets: Bucket[]): Bucket[] {
  const value = props.bucket;
  const dependencies = new Set(resource.propertyDependencies?.bucket ?? []);
  const named = buckets.filter(
    (bucket) => bucket.name === value || bucket.arn === value || dependencies.has(bucket.urn),
  );
  return named.length > 0 || typeof value === 'string' ? named : buckets;
}

/** A canned ACL that leaves ACLs as they are: unset or `private`; one known only at apply may be any. */
function isPrivateCannedAcl(value: unknown): boolean {
  return value === undefined || value === null || value === 'private';
}

/** Whether a property is written: a value known only at apply, or anything but an empty list or object. */
function writes(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.length > 0;
  if (isKnownRecord(value)) return Object.keys(value).length > 0;
  return true;
}
