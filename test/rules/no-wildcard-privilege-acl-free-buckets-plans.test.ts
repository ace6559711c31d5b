/**
 * S3 ACL writes on buckets whose ACLs are disabled, as Terraform plans and Pulumi stacks write them (the CloudFormation
 * cases are in no-wildcard-privilege-acl-free-buckets.test.ts; test/parity's S3Acl case runs the three through every
 * front-end): the bucket with its Object Ownership and ACL in resources of their own (aws_s3_bucket_ownership_controls,
 * aws_s3_bucket_acl; aws.s3.BucketOwnershipControls, aws.s3.BucketAcl), or aws-native's bucket. A setting the plan
 * cannot read (known only at apply, or on a bucket it cannot tell) leaves the ACLs possibly enabled. The review queue's
 * privileged classification (audit/grants.ts) gives the same verdict.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import type { PulumiResource } from '../../src/adapters/pulumi/resource.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { auditGrants } from '../../src/audit/grants.js';
import type { Model } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { catalog } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';

const BUCKET = 'uploads-example';
const WRITES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:PutObject*', Resource: `arn:aws:s3:::${BUCKET}/*` }],
});
const TRUST = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The bucket (AWS provider 5: `acl`, `grant`, `policy` computed) with `extra` resources, and a role writing objects. */
function plan(extra: PlannedResource[] = [], bucket: Partial<PlannedResource> = {}, noConfiguration = false): Model {
  return modelFromTerraformPlan(
    terraformPlan(
      [
        {
          address: 'aws_s3_bucket.uploads',
          values: { bucket: BUCKET, force_destroy: false },
          unknown: { arn: true, id: true, acl: true, grant: true, policy: true },
          ...bucket,
        },
        ...extra,
        {
          address: 'aws_iam_role.writer',
          values: { name: 'writer', assume_role_policy: TRUST },
          unknown: { arn: true },
        },
        {
          address: 'aws_iam_role_policy.write',
          values: { name: 'write', role: 'writer', policy: WRITES },
          references: { role: ['aws_iam_role.writer.name', 'aws_iam_role.writer'] },
        },
      ],
      { noConfiguration },
    ),
    { file: 'plan.json' },
  );
}

const ON_BUCKET = { bucket: ['aws_s3_bucket.uploads.id', 'aws_s3_bucket.uploads'] };
const ownership = (objectOwnership: string | undefined): PlannedResource => ({
  address: 'aws_s3_bucket_ownership_controls.uploads',
  values: objectOwnership === undefined ? { rule: [{}] } : { rule: [{ object_ownership: objectOwnership }] },
  unknown: objectOwnership === undefined ? { bucket: true, rule: [{ object_ownership: true }] } : { bucket: true },
  references: ON_BUCKET,
});
const bucketAcl = (acl: string): PlannedResource => ({
  address: 'aws_s3_bucket_acl.uploads',
  values: { acl },
  unknown: { bucket: true, id: true, access_control_policy: true },
  references: ON_BUCKET,
});

const STACK = 'urn:pulumi:dev::app::';
/** A Pulumi stack: the bucket resources given, and a role with an inline policy writing objects of the bucket. */
function stack(buckets: PulumiResource[]): Model {
  return modelFromPulumiResources([
    ...buckets,
    {
      type: 'aws:iam/role:Role',
      name: 'writer',
      urn: `${STACK}aws:iam/role:Role::writer`,
      props: { name: 'writer', assumeRolePolicy: TRUST },
    },
    {
      type: 'aws:iam/rolePolicy:RolePolicy',
      name: 'write',
      urn: `${STACK}aws:iam/rolePolicy:RolePolicy::write`,
      props: { name: 'write', role: 'writer', policy: WRITES },
    },
  ]);
}
const resource = (type: string, name: string, props: Record<string, unknown>, bucketFrom?: string): PulumiResource => ({
  type,
  name,
  urn: `${STACK}${type}::${name}`,
  props,
  ...(bucketFrom ? { propertyDependencies: { bucket: [`${STACK}aws:s3/bucket:Bucket::${bucketFrom}`] } } : {}),
});
const classicBucket = (name = 'uploads', props: Record<string, unknown> = { bucket: BUCKET }) =>
  resource('aws:s3/bucket:Bucket', name, props);
/** The engine's sentinel for a value unknown in preview. */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

const finding = (resource: string, identity: string) => ({
  resource,
  identity,
  detail: 'Action::s3:PutObject*',
  message:
    `Policy write allows Action "s3:PutObject*" on "arn:aws:s3:::${BUCKET}/*", which expands to 9 actions, 2 of them ` +
    'privileged (s3:PutObjectAcl, s3:PutObjectVersionAcl). List only the actions needed instead of "s3:PutObject*"; ' +
    'keep privileged ones off unless required, on named resources.',
});
const terraformFinding = finding('aws_iam_role_policy.write', 'aws_iam_role.writer');
const pulumiFinding = finding('write', `${STACK}aws:iam/role:Role::writer`);

const valid = {
  terraformDefault: plan(),
  terraformEnforced: plan([ownership('BucketOwnerEnforced')]),
  pulumiV2Enforced: stack([
    resource('aws:s3/bucketV2:BucketV2', 'uploads', { bucket: BUCKET }),
    resource(
      'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
      'uploads',
      { bucket: UNKNOWN, rule: { objectOwnership: 'BucketOwnerEnforced' } },
      'uploads',
    ),
  ]),
};

ruleTester(rule, {
  valid: [
    { name: 'Terraform: an aws_s3_bucket that writes no Object Ownership (S3 default)', model: valid.terraformDefault },
    {
      name: 'Terraform: aws_s3_bucket_ownership_controls BucketOwnerEnforced on it, with a private aws_s3_bucket_acl',
      model: plan([ownership('BucketOwnerEnforced'), bucketAcl('private')]),
    },
    { name: 'Terraform: BucketOwnerEnforced', model: valid.terraformEnforced },
    { name: 'Pulumi: aws.s3.Bucket with no Object Ownership', model: stack([classicBucket()]) },
    {
      name: "Pulumi: 6.x's BucketV2 with BucketOwnershipControls BucketOwnerEnforced, its bucket unknown in preview",
      model: valid.pulumiV2Enforced,
    },
    {
      name: 'Pulumi: aws-native:s3:Bucket with no ownershipControls (as CloudFormation)',
      model: stack([resource('aws-native:s3:Bucket', 'uploads', { bucketName: BUCKET })]),
    },
  ],
  invalid: [
    {
      name: 'Terraform: ownership controls ObjectWriter (ACLs enabled)',
      model: plan([ownership('ObjectWriter')]),
      findings: [terraformFinding],
    },
    {
      name: 'Terraform: ownership controls whose Object Ownership is known only at apply (fail-closed)',
      model: plan([ownership(undefined)]),
      findings: [terraformFinding],
    },
    {
      name: 'Terraform: an aws_s3_bucket_acl public-read on the bucket (needs ACLs)',
      model: plan([bucketAcl('public-read')]),
      findings: [terraformFinding],
    },
    {
      name: "Terraform: a plan without configuration, so the bucket's computed acl may be anything (fail-closed)",
      model: plan([], {}, true),
      findings: [terraformFinding],
    },
    {
      name: 'Terraform: the bucket named only at apply (bucket_prefix): the policy names no bucket of the change',
      model: plan([], {
        values: { bucket_prefix: 'uploads-', force_destroy: false },
        unknown: { bucket: true, arn: true },
      }),
      findings: [terraformFinding],
    },
    {
      name: 'Pulumi: the deprecated inline acl public-read',
      model: stack([classicBucket('uploads', { bucket: BUCKET, acl: 'public-read' })]),
      findings: [pulumiFinding],
    },
    {
      name: "Pulumi: 6.x's BucketAclV2 with an access control policy on the bucket",
      model: stack([
        classicBucket(),
        resource('aws:s3/bucketAclV2:BucketAclV2', 'uploads', { bucket: BUCKET, accessControlPolicy: { grants: [] } }),
      ]),
      findings: [pulumiFinding],
    },
    {
      name: 'Pulumi: ownership controls ObjectWriter whose bucket is unknown with no dependency: it may be this one',
      model: stack([
        classicBucket(),
        resource('aws:s3/bucketOwnershipControls:BucketOwnershipControls', 'some', {
          bucket: UNKNOWN,
          rule: { objectOwnership: 'ObjectWriter' },
        }),
      ]),
      findings: [pulumiFinding],
    },
    {
      name: 'Pulumi: aws-native bucket with ownershipControls BucketOwnerPreferred',
      model: stack([
        resource('aws-native:s3:Bucket', 'uploads', {
          bucketName: BUCKET,
          ownershipControls: { rules: [{ objectOwnership: 'BucketOwnerPreferred' }] },
        }),
      ]),
      findings: [pulumiFinding],
    },
  ],
});

describe("the audit's privileged classification of the same grants", () => {
  const privilegedOf = (model: Model) =>
    model.identities.flatMap((identity) =>
      auditGrants(identity.grants, [], catalog(), model.bucketsWithoutAcls ?? []).flatMap((grant) =>
        grant.privileged.map((entry) => `${entry.category}: ${entry.examples.join(', ')}`),
      ),
    );

  it('counts no ACL write on ACL-free buckets, in a plan or a stack', () => {
    for (const model of Object.values(valid)) expect(privilegedOf(model)).toEqual([]);
  });

  it('counts them where the ACLs may be enabled', () => {
    expect(privilegedOf(plan([ownership(undefined)]))).toEqual([
      'permissions-management: s3:PutObjectAcl, s3:PutObjectVersionAcl',
    ]);
  });
});
