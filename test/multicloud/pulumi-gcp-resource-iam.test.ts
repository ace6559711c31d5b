/**
 * Google Cloud IAM on a single resource through the Pulumi adapter (`FunctionIamMember`, `SecretIamBinding`,
 * `BucketIAMPolicy`, Cloud Run's `IamMember`, …): read as grants at resource level, as the Terraform adapter reads
 * `google_*_iam_*`. Before, the Pulumi adapter read only project, folder, organization and service-account IAM, so
 * pulumi/examples' gcp-ts-serverless-raw (three functions open to `allUsers`) passed with no finding at all.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { isUnknown, type Grant } from '../../src/model/model.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from './builders.js';

const UNKNOWN = PULUMI_UNKNOWN;
const resource = pulumiResource;
const text = (value: unknown) => (isUnknown(value) ? `<${value.description}>` : String(value));
const grantText = (grant: Grant) =>
  grant.kind === 'role' ? `${text(grant.role)} @ ${text(grant.scope)} (${grant.scopeLevel ?? '?'})` : grant.kind;

const SA = 'gcp:serviceaccount/account:Account';
const RESOURCES = [
  resource(SA, 'loader', { accountId: 'loader', project: 'p1', email: 'loader@p1.iam.gserviceaccount.com' }),
  resource('gcp:cloudfunctions/functionIamMember:FunctionIamMember', 'py-invoker', {
    project: 'p1',
    region: 'us-central1',
    cloudFunction: 'python-func',
    role: 'roles/cloudfunctions.invoker',
    member: 'allUsers',
  }),
  resource('gcp:secretmanager/secretIamBinding:SecretIamBinding', 'db-password-readers', {
    project: 'p1',
    secretId: 'db-password',
    role: 'roles/secretmanager.secretAccessor',
    members: ['serviceAccount:loader@p1.iam.gserviceaccount.com', 'allAuthenticatedUsers'],
  }),
  resource('gcp:storage/bucketIAMPolicy:BucketIAMPolicy', 'bucket-policy', {
    bucket: 'exports',
    policyData: JSON.stringify({
      bindings: [{ role: 'roles/storage.objectViewer', members: ['user:alice@example.com'] }],
    }),
  }),
  // Cloud Run's v1 IAM types have no resource word in their name; the service is known only at apply.
  resource('gcp:cloudrun/iamMember:IamMember', 'run-invoker', {
    location: 'us-central1',
    service: UNKNOWN,
    role: 'roles/run.invoker',
    member: 'allUsers',
  }),
  resource('gcp:pubsub/topicIAMPolicy:TopicIAMPolicy', 'topic-policy', { topic: 'events', policyData: UNKNOWN }),
  // An account's email known only at apply: the grant follows the member's dependency to the account.
  resource(
    'gcp:storage/bucketIAMMember:BucketIAMMember',
    'loader-writes',
    { bucket: 'exports', role: 'roles/storage.objectAdmin', member: UNKNOWN },
    { member: [pulumiUrn(SA, 'loader')] },
  ),
  // Removes a member from a project role: no grant.
  resource('gcp:projects/iamMemberRemove:IamMemberRemove', 'remove-editor', {
    project: 'p1',
    role: 'roles/editor',
    member: 'serviceAccount:123456789012-compute@developer.gserviceaccount.com',
  }),
];

describe('Google Cloud resource IAM through the Pulumi adapter', () => {
  const model = modelFromPulumiResources(RESOURCES);

  it('grants on one resource attach to the accounts of the change at resource level; other members stay external grants', () => {
    expect(model.identities.map((identity) => [identity.name, identity.grants.map(grantText)])).toEqual([
      [
        'loader',
        [
          'roles/secretmanager.secretAccessor @ secretmanager/secret/p1/db-password (resource)',
          'roles/storage.objectAdmin @ storage/bucket/exports (resource)',
        ],
      ],
    ]);
    expect(model.externalRoleGrants!.map(({ member, grant }) => `${member}: ${grantText(grant)}`)).toEqual([
      'allUsers: roles/cloudfunctions.invoker @ cloudfunctions/function/p1/us-central1/python-func (resource)',
      'allAuthenticatedUsers: roles/secretmanager.secretAccessor @ secretmanager/secret/p1/db-password (resource)',
      'user:alice@example.com: roles/storage.objectViewer @ storage/bucket/exports (resource)',
      'allUsers: roles/run.invoker @ <run-invoker.service is not known until apply> (resource)',
      '<topic-policy.policyData is not known until apply>: <topic-policy.policyData is not known until apply> @ pubsub/topic/events (resource)',
    ]);
  });

  it('the public members are blocked, the policy known only at apply is pending, grants to one resource are not privilege', () => {
    const findings = evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z') }).findings;
    expect(
      findings
        .filter((f) => f.ruleId === 'no-wildcard-privilege')
        .map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? '-'}`)
        .sort(),
    ).toEqual([
      'no-wildcard-privilege mandatory db-password-readers Member::allAuthenticatedUsers',
      'no-wildcard-privilege mandatory py-invoker Member::allUsers',
      'no-wildcard-privilege mandatory run-invoker Member::allUsers',
      'no-wildcard-privilege pending topic-policy Role::unknown',
    ]);
  });
});
