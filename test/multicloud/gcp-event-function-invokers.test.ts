/**
 * An invoker grant to `allUsers` or `allAuthenticatedUsers` on a 1st-gen Cloud Function the change shows to be
 * event-triggered: Google gives a 1st-gen function a URL only with an HTTP trigger, and one function has one trigger,
 * so the grant lets nobody call anything and is no finding (pulumi/pulumi-gcp's `CallbackFunction` adds one to every
 * storage- or Pub/Sub-triggered function it creates; test/corpus/pulumi-providers/ `gcp-bucket`). The same in a Pulumi
 * program and a Terraform plan. What keeps the finding: an HTTP trigger, a trigger known only at apply, a function the
 * change does not show, any other role, and 2nd-gen functions (their Cloud Run service has a URL whatever triggers it).
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';
import { PULUMI_UNKNOWN, pulumiResource, pulumiUrn } from './builders.js';

const INVOKER = 'roles/cloudfunctions.invoker';
/** A dedicated account the change does not create: nothing to report about what the function runs as. */
const RUNS_AS = 'fn@p1.iam.gserviceaccount.com';

/** `rule level resource detail` of each no-wildcard-privilege finding, sorted. */
function judged(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-12-01T00:00:00Z'), pending: 'fail-closed' })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((f) => `${f.ruleId} ${f.pending ? 'pending' : f.level} ${f.resource.name} ${f.detail ?? '-'}`)
    .sort();
}

describe('Pulumi: invokers on 1st-gen functions', () => {
  const FUNCTION = 'gcp:cloudfunctions/function:Function';
  const eventFunction = (name: string, extra: Record<string, unknown> = {}) =>
    pulumiResource(FUNCTION, name, {
      name,
      project: 'p1',
      region: 'us-central1',
      runtime: 'nodejs22',
      serviceAccountEmail: RUNS_AS,
      eventTrigger: { eventType: 'google.storage.object.finalize', resource: PULUMI_UNKNOWN },
      ...extra,
    });
  const invoker = (name: string, cloudFunction: unknown, extra: Record<string, unknown> = {}, from?: string) =>
    pulumiResource(
      'gcp:cloudfunctions/functionIamMember:FunctionIamMember',
      name,
      { project: 'p1', region: 'us-central1', cloudFunction, role: INVOKER, member: 'allUsers', ...extra },
      from ? { cloudFunction: [pulumiUrn(FUNCTION, from)] } : undefined,
    );

  it('allUsers and allAuthenticatedUsers invoking an event-triggered function (by name, by full name, by dependency; member, binding, policy) are no finding', () => {
    const model = modelFromPulumiResources([
      eventFunction('on-upload'),
      invoker('by-name', 'on-upload'),
      invoker('by-full-name', 'projects/p1/locations/us-central1/functions/on-upload', { project: undefined }),
      // In preview the function's name is known only at apply: its dependency names the function.
      invoker('by-dependency', PULUMI_UNKNOWN, { project: PULUMI_UNKNOWN, region: PULUMI_UNKNOWN }, 'on-upload'),
      pulumiResource('gcp:cloudfunctions/functionIamBinding:FunctionIamBinding', 'binding', {
        project: 'p1',
        region: 'us-central1',
        cloudFunction: 'on-upload',
        role: INVOKER,
        members: ['allUsers', 'allAuthenticatedUsers'],
      }),
      pulumiResource('gcp:cloudfunctions/functionIamPolicy:FunctionIamPolicy', 'policy', {
        project: 'p1',
        region: 'us-central1',
        cloudFunction: 'on-upload',
        policyData: JSON.stringify({ bindings: [{ role: INVOKER, members: ['allAuthenticatedUsers'] }] }),
      }),
    ]);
    // The grants are read (and on the function), only not reported.
    expect(model.externalRoleGrants?.map((grant) => [grant.member, grant.grant.functionTrigger])).toEqual([
      ['allUsers', 'event'],
      ['allUsers', 'event'],
      ['allUsers', 'event'],
      ['allUsers', 'event'],
      ['allAuthenticatedUsers', 'event'],
      ['allAuthenticatedUsers', 'event'],
    ]);
    expect(judged(model)).toEqual([]);
  });

  it('a custom role of the change whose only permission is cloudfunctions.functions.invoke is the invoker: no finding', () => {
    const model = modelFromPulumiResources([
      eventFunction('on-upload'),
      pulumiResource('gcp:projects/iAMCustomRole:IAMCustomRole', 'invoke-only', {
        project: 'p1',
        roleId: 'invokeOnly',
        title: 'Invoke only',
        permissions: ['cloudfunctions.functions.invoke'],
      }),
      invoker('custom', 'on-upload', { role: 'projects/p1/roles/invokeOnly' }),
    ]);
    expect(judged(model)).toEqual([]);
  });

  it('an HTTP function, a trigger known only at apply, no trigger, a function outside the change, another role: each keeps Member::<public member>', () => {
    const model = modelFromPulumiResources([
      eventFunction('http-fn', { eventTrigger: undefined, triggerHttp: true }),
      invoker('http-invoker', 'http-fn'),
      // Both written: the API refuses it, and the HTTP one is what a URL would come from (fail closed).
      eventFunction('both-fn', { triggerHttp: true }),
      invoker('both-invoker', 'both-fn'),
      eventFunction('unknown-trigger-fn', { eventTrigger: PULUMI_UNKNOWN }),
      invoker('unknown-trigger-invoker', 'unknown-trigger-fn'),
      eventFunction('unknown-http-fn', { triggerHttp: PULUMI_UNKNOWN }),
      invoker('unknown-http-invoker', 'unknown-http-fn'),
      eventFunction('no-trigger-fn', { eventTrigger: undefined }),
      invoker('no-trigger-invoker', 'no-trigger-fn'),
      invoker('elsewhere-invoker', 'not-in-this-change'),
      // A name known only at apply and computed from no function of the change.
      invoker('unseen-invoker', PULUMI_UNKNOWN),
      // The same name in another region is another function.
      invoker('other-region-invoker', 'on-upload', { region: 'europe-west1' }),
      eventFunction('on-upload'),
      invoker('developer', 'on-upload', { role: 'roles/cloudfunctions.developer', member: 'allAuthenticatedUsers' }),
    ]);
    expect(judged(model)).toEqual([
      'no-wildcard-privilege mandatory both-invoker Member::allUsers',
      'no-wildcard-privilege mandatory developer Member::allAuthenticatedUsers',
      'no-wildcard-privilege mandatory elsewhere-invoker Member::allUsers',
      'no-wildcard-privilege mandatory http-invoker Member::allUsers',
      'no-wildcard-privilege mandatory no-trigger-invoker Member::allUsers',
      'no-wildcard-privilege mandatory other-region-invoker Member::allUsers',
      'no-wildcard-privilege mandatory unknown-http-invoker Member::allUsers',
      'no-wildcard-privilege mandatory unknown-trigger-invoker Member::allUsers',
      'no-wildcard-privilege mandatory unseen-invoker Member::allUsers',
    ]);
  });

  it('a 2nd-gen function with an event trigger keeps the finding: its Cloud Run service has a URL', () => {
    const model = modelFromPulumiResources([
      pulumiResource('gcp:cloudfunctionsv2/function:Function', 'gen2', {
        name: 'gen2',
        project: 'p1',
        location: 'us-central1',
        serviceConfig: { serviceAccountEmail: RUNS_AS },
        eventTrigger: { eventType: 'google.cloud.pubsub.topic.v1.messagePublished' },
      }),
      pulumiResource('gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember', 'gen2-invoker', {
        project: 'p1',
        location: 'us-central1',
        cloudFunction: 'gen2',
        role: INVOKER,
        member: 'allUsers',
      }),
      pulumiResource('gcp:cloudrunv2/serviceIamMember:ServiceIamMember', 'gen2-run-invoker', {
        project: 'p1',
        location: 'us-central1',
        name: 'gen2',
        role: 'roles/run.invoker',
        member: 'allUsers',
      }),
    ]);
    expect(judged(model)).toEqual([
      'no-wildcard-privilege mandatory gen2-invoker Member::allUsers',
      'no-wildcard-privilege mandatory gen2-run-invoker Member::allUsers',
    ]);
  });
});

describe('Terraform: invokers on 1st-gen functions', () => {
  /** A 1st-gen function as a plan shows it: `event_trigger` is optional and computed, so unknown when not written. */
  const fn = (name: string, trigger: 'event' | 'http' | 'unknown'): PlannedResource => ({
    address: `google_cloudfunctions_function.${name}`,
    values: {
      name,
      project: 'p1',
      region: 'us-central1',
      runtime: 'nodejs22',
      service_account_email: RUNS_AS,
      ...(trigger === 'event'
        ? { event_trigger: [{ event_type: 'google.storage.object.finalize', resource: 'uploads' }], trigger_http: null }
        : trigger === 'http'
          ? { trigger_http: true }
          : { trigger_http: null }),
    },
    unknown: {
      id: true,
      https_trigger_url: true,
      ...(trigger === 'event' ? { event_trigger: [{ failure_policy: true }] } : { event_trigger: true }),
    },
  });
  const member = (
    name: string,
    cloudFunction: string | undefined,
    extra: Record<string, unknown> = {},
    type = 'google_cloudfunctions_function_iam_member',
  ): PlannedResource => ({
    address: `${type}.${name}`,
    values: {
      project: 'p1',
      region: 'us-central1',
      role: INVOKER,
      member: 'allUsers',
      ...(cloudFunction !== undefined ? { cloud_function: cloudFunction } : {}),
      ...extra,
    },
    unknown: { etag: true, id: true, ...(cloudFunction === undefined ? { cloud_function: true } : {}) },
  });
  const check = (resources: PlannedResource[]) =>
    judged(modelFromTerraformPlan(terraformPlan(resources), { file: 'plan.json' }));

  it('allUsers and allAuthenticatedUsers invoking an event-triggered function (member, binding, policy; by name or by reference) are no finding', () => {
    expect(
      check([
        fn('on_upload', 'event'),
        member('by_name', 'on_upload'),
        {
          ...member('by_reference', undefined),
          references: {
            cloud_function: ['google_cloudfunctions_function.on_upload.id', 'google_cloudfunctions_function.on_upload'],
          },
        },
        {
          address: 'google_cloudfunctions_function_iam_binding.binding',
          values: {
            project: 'p1',
            region: 'us-central1',
            cloud_function: 'on_upload',
            role: INVOKER,
            members: ['allUsers', 'allAuthenticatedUsers'],
          },
          unknown: { etag: true, id: true },
        },
        {
          address: 'google_cloudfunctions_function_iam_policy.policy',
          values: {
            project: 'p1',
            region: 'us-central1',
            cloud_function: 'on_upload',
            policy_data: JSON.stringify({ bindings: [{ role: INVOKER, members: ['allUsers'] }] }),
          },
          unknown: { etag: true, id: true },
        },
      ]),
    ).toEqual([]);
  });

  it('an HTTP function, a trigger known only at apply, a function outside the plan, another role, a 2nd-gen function: each keeps the finding', () => {
    expect(
      check([
        fn('http_fn', 'http'),
        member('http_invoker', 'http_fn'),
        fn('unknown_fn', 'unknown'),
        member('unknown_invoker', 'unknown_fn'),
        member('elsewhere_invoker', 'not-in-this-plan'),
        // Known only at apply and computed from no function of the plan.
        { ...member('unseen_invoker', undefined), references: { cloud_function: ['var.function_name'] } },
        fn('on_upload', 'event'),
        member('admin', 'on_upload', { role: 'roles/cloudfunctions.admin', member: 'allAuthenticatedUsers' }),
        {
          address: 'google_cloudfunctions2_function.gen2',
          values: {
            name: 'gen2',
            project: 'p1',
            location: 'us-central1',
            event_trigger: [{ event_type: 'google.cloud.pubsub.topic.v1.messagePublished' }],
            service_config: [{ service_account_email: RUNS_AS }],
          },
          unknown: { id: true, url: true },
        },
        member('gen2_invoker', 'gen2', { location: 'us-central1' }, 'google_cloudfunctions2_function_iam_member'),
      ]),
    ).toEqual([
      'no-wildcard-privilege mandatory google_cloudfunctions2_function_iam_member.gen2_invoker Member::allUsers',
      'no-wildcard-privilege mandatory google_cloudfunctions_function_iam_member.admin Member::allAuthenticatedUsers',
      'no-wildcard-privilege mandatory google_cloudfunctions_function_iam_member.elsewhere_invoker Member::allUsers',
      'no-wildcard-privilege mandatory google_cloudfunctions_function_iam_member.http_invoker Member::allUsers',
      'no-wildcard-privilege mandatory google_cloudfunctions_function_iam_member.unknown_invoker Member::allUsers',
      'no-wildcard-privilege mandatory google_cloudfunctions_function_iam_member.unseen_invoker Member::allUsers',
    ]);
  });
});
