/**
 * The Terraform plan adapter: values known only after apply, modules, count/for_each instances, deletes, references
 * through the configuration, and plans that cannot be read. Each case is a small plan in the documented format
 * (see support.ts) and asserts the exact findings.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan, readTerraformPlan, TerraformPlanError } from '../../src/adapters/terraform/index.js';
import { convertValues, TERRAFORM_TYPES } from '../../src/adapters/terraform/providers.js';
import { withUnknowns } from '../../src/adapters/terraform/to-model.js';
import { unknownValue } from '../../src/model/model.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan, type PlannedResource } from './support.js';

const catalog = parseCatalog(
  `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
entitlements:
  - { id: deploy, classes: [workload], aws: [{ actions: ["s3:PutObject"], resources: ["arn:aws:s3:::artifacts/*"] }] }
identities:
  - { id: deployer, match: { name: "deployer*" }, owner: team-platform, class: workload, entitlements: [deploy] }
`,
  'catalog.yaml',
);
const NOW = new Date('2026-06-01T00:00:00Z');

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const lambdaTrust = policy([
  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
]);
const PUT_ARTIFACTS = policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::artifacts/*' }]);
const ALL_IAM = policy([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]);

const role = (address: string, name: string | undefined, extra: Partial<PlannedResource> = {}): PlannedResource => ({
  address,
  values: {
    ...(name ? { name } : { name_prefix: 'deployer-' }),
    assume_role_policy: lambdaTrust,
    max_session_duration: 3600,
  },
  unknown: {
    arn: true,
    id: true,
    unique_id: true,
    managed_policy_arns: true,
    inline_policy: true,
    ...(name ? {} : { name: true }),
  },
  ...extra,
});

function modelOf(resources: PlannedResource[], options: Parameters<typeof terraformPlan>[1] = {}): Model {
  return modelFromTerraformPlan(terraformPlan(resources, options), { file: 'plan.json' });
}

/** `rule level resource identity detail [pending]`, sorted. */
function findings(model: Model): string[] {
  const { findings: all } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
  return all
    .map((f) =>
      [f.ruleId, f.level, f.resource.name, f.identity ?? '-', f.detail ?? '-', ...(f.pending ? ['pending'] : [])].join(
        ' ',
      ),
    )
    .sort();
}

function grantsOf(model: Model, name: string): string[] {
  const identity = model.identities.find((candidate) => candidate.name === name);
  return (identity?.grants ?? []).map((grant) => grant.source.name);
}

describe('values known only after apply', () => {
  it('a policy document known only after apply is pending, naming the attribute and what it comes from', () => {
    const model = modelOf([
      role('aws_iam_role.deployer', 'deployer'),
      {
        address: 'aws_iam_role_policy.deploy',
        values: { name: 'deploy', role: 'deployer' },
        unknown: { id: true, policy: true },
        references: {
          role: ['aws_iam_role.deployer.name', 'aws_iam_role.deployer'],
          policy: ['data.aws_iam_policy_document.deploy.json', 'data.aws_iam_policy_document.deploy'],
        },
      },
    ]);
    const { findings: all } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
    const pending = all.filter((finding) => finding.pending);
    expect(
      pending
        .map((finding) => `${finding.ruleId} ${finding.level} ${finding.resource.type} ${finding.resource.name}`)
        .sort(),
    ).toEqual([
      'no-privilege-escalation mandatory aws_iam_role aws_iam_role.deployer',
      'no-wildcard-privilege mandatory aws_iam_role_policy aws_iam_role_policy.deploy',
      'require-entitlement mandatory aws_iam_role_policy aws_iam_role_policy.deploy',
    ]);
    expect(pending.find((finding) => finding.ruleId === 'no-wildcard-privilege')!.message).toContain(
      'aws_iam_role_policy.deploy.policy is not known until apply (from data.aws_iam_policy_document.deploy.json, data.aws_iam_policy_document.deploy)',
    );
  });

  it("an attachment whose role is the role's id (known after apply) is linked through the configuration's references", () => {
    const model = modelOf([
      role('aws_iam_role.deployer', 'deployer'),
      {
        address: 'aws_iam_role_policy_attachment.admin',
        values: { policy_arn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
        unknown: { id: true, role: true },
        references: { role: ['aws_iam_role.deployer.id', 'aws_iam_role.deployer'] },
      },
    ]);
    expect(grantsOf(model, 'deployer')).toEqual(['aws_iam_role_policy_attachment.admin']);
    expect(findings(model)).toEqual([
      'no-privilege-escalation mandatory aws_iam_role.deployer aws_iam_role.deployer Path::*',
      'no-wildcard-privilege mandatory aws_iam_role_policy_attachment.admin aws_iam_role.deployer Policy::IAMFullAccess',
      'require-entitlement mandatory aws_iam_role_policy_attachment.admin aws_iam_role.deployer Policy::IAMFullAccess',
    ]);
  });

  it('an exclusive attachments resource attaches each policy it lists to its role, user or group', () => {
    // terraform-provider-aws 20e0a28a, internal/service/iam/role_policy_attachments_exclusive.go: syncAttachments
    // attaches every listed policy the role lacks. Before, the type was read as a guard that grants nothing: this passed.
    const model = modelOf([
      role('aws_iam_role.deployer', 'deployer'),
      {
        address: 'aws_iam_role_policy_attachments_exclusive.deployer',
        values: { policy_arns: ['arn:aws:iam::aws:policy/IAMFullAccess'] },
        unknown: { role_name: true },
        references: { role_name: ['aws_iam_role.deployer.name', 'aws_iam_role.deployer'] },
      },
      {
        address: 'aws_iam_user_policy_attachments_exclusive.ops',
        values: { user_name: 'ops-bot', policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      },
      {
        address: 'aws_iam_group_policy_attachments_exclusive.ops',
        values: { group_name: 'ops' },
        unknown: { policy_arns: true },
        references: { policy_arns: ['var.policy_arns'] },
      },
    ]);
    expect(grantsOf(model, 'deployer')).toEqual(['aws_iam_role_policy_attachments_exclusive.deployer']);
    expect(findings(model)).toEqual([
      'no-privilege-escalation mandatory aws_iam_group_policy_attachments_exclusive.ops /external-group:ops Path::unknown pending',
      'no-privilege-escalation mandatory aws_iam_role.deployer aws_iam_role.deployer Path::*',
      'no-privilege-escalation mandatory aws_iam_user_policy_attachments_exclusive.ops /external-user:ops-bot Path::*',
      'no-wildcard-privilege mandatory aws_iam_group_policy_attachments_exclusive.ops /external-group:ops - pending',
      'no-wildcard-privilege mandatory aws_iam_role_policy_attachments_exclusive.deployer aws_iam_role.deployer Policy::IAMFullAccess',
      'no-wildcard-privilege mandatory aws_iam_user_policy_attachments_exclusive.ops /external-user:ops-bot Policy::AdministratorAccess',
      'require-entitlement mandatory aws_iam_role_policy_attachments_exclusive.deployer aws_iam_role.deployer Policy::IAMFullAccess',
    ]);
  });

  it('without configuration, an unknown holder is never read as no holder', () => {
    const model = modelOf(
      [
        { address: 'aws_iam_user.bot', values: { name: 'bot' }, unknown: { arn: true, id: true } },
        { address: 'aws_iam_access_key.bot', values: {}, unknown: { id: true, user: true, secret: true } },
      ],
      { noConfiguration: true },
    );
    expect(findings(model).filter((line) => line.startsWith('no-long-lived'))).toEqual([
      'no-long-lived-credentials mandatory aws_iam_access_key.bot /external-user:aws_iam_access_key.bot Credential::aws-access-key',
    ]);
  });

  it('an attachment to a holder known only at apply, that the change does not create, is judged on what it adds', () => {
    // Found on a variant of checkov's plan_with_iam_policies fixture (test/corpus/checkov-terraform): the role comes
    // from a data source read at apply, so no instance of the plan explains it; the grant was dropped, and
    // AdministratorAccess passed in silence.
    const model = modelOf([
      {
        address: 'aws_iam_role_policy_attachment.admin',
        values: { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        unknown: { id: true, role: true },
        references: { role: ['data.aws_iam_role.ci.name', 'data.aws_iam_role.ci'] },
      },
      {
        address: 'aws_iam_policy_attachment.any',
        values: { name: 'any' },
        unknown: { id: true, policy_arn: true, users: true },
        references: {
          users: ['module.people.user_names', 'module.people'],
          policy_arn: ['data.aws_iam_policy.x.arn', 'data.aws_iam_policy.x'],
        },
      },
    ]);
    expect(findings(model)).toEqual([
      'no-privilege-escalation mandatory aws_iam_policy_attachment.any /unknown-aws-user:aws_iam_policy_attachment.any.users Path::unknown pending',
      'no-privilege-escalation mandatory aws_iam_role_policy_attachment.admin /unknown-aws-role:aws_iam_role_policy_attachment.admin.role Path::*',
      'no-wildcard-privilege mandatory aws_iam_policy_attachment.any /unknown-aws-user:aws_iam_policy_attachment.any.users - pending',
      'no-wildcard-privilege mandatory aws_iam_role_policy_attachment.admin /unknown-aws-role:aws_iam_role_policy_attachment.admin.role Policy::AdministratorAccess',
    ]);
    const { findings: all } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
    expect(all.find((finding) => finding.detail === 'Policy::AdministratorAccess')?.message).toContain(
      'AWS managed policy AdministratorAccess on aws_iam_role_policy_attachment.admin.role',
    );
  });

  it("a role's computed managed_policy_arns and inline_policy, unset in the configuration, are what attachments report, not pending", () => {
    const model = modelOf([
      role('aws_iam_role.deployer', 'deployer'),
      {
        address: 'aws_iam_role_policy.deploy',
        values: { name: 'deploy', role: 'deployer', policy: PUT_ARTIFACTS },
        unknown: { id: true },
      },
    ]);
    expect(findings(model)).toEqual([]);
    // Without configuration nothing says they are unset: pending.
    const bare = modelFromTerraformPlan(
      terraformPlan([role('aws_iam_role.deployer', 'deployer')], { noConfiguration: true }),
    );
    expect(findings(bare).filter((line) => line.endsWith('pending')).length).toBeGreaterThan(0);
  });
});

describe('modules', () => {
  it("names a child module's resources by their full address and follows module inputs and outputs", () => {
    const model = modelOf(
      [
        role('module.ci.aws_iam_role.deployer', 'deployer-ci'),
        // The root attaches a policy to the module's output `module.ci.role_id` (`aws_iam_role.deployer.id` inside).
        {
          address: 'aws_iam_role_policy_attachment.iam',
          values: { policy_arn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
          unknown: { id: true, role: true },
          references: { role: ['module.ci.role_id', 'module.ci'] },
        },
        // A nested module's policy whose role comes in as a variable from its parent.
        {
          address: 'module.ci.module.extra.aws_iam_role_policy.deploy',
          values: { name: 'deploy', policy: PUT_ARTIFACTS },
          unknown: { id: true, role: true },
          references: { role: ['var.role'] },
        },
      ],
      {
        moduleOutputs: { ci: { role_id: ['aws_iam_role.deployer.id', 'aws_iam_role.deployer'] } },
        moduleInputs: { 'ci.extra': { role: ['aws_iam_role.deployer.id', 'aws_iam_role.deployer'] } },
      },
    );
    expect(grantsOf(model, 'deployer-ci').sort()).toEqual([
      'aws_iam_role_policy_attachment.iam',
      'module.ci.module.extra.aws_iam_role_policy.deploy',
    ]);
    expect(findings(model)).toEqual([
      'no-privilege-escalation mandatory module.ci.aws_iam_role.deployer module.ci.aws_iam_role.deployer Path::*',
      'no-wildcard-privilege mandatory aws_iam_role_policy_attachment.iam module.ci.aws_iam_role.deployer Policy::IAMFullAccess',
      'require-entitlement mandatory aws_iam_role_policy_attachment.iam module.ci.aws_iam_role.deployer Policy::IAMFullAccess',
    ]);
  });

  it('a value known only at apply names what it comes from by its address from the root, as the plan does', () => {
    // As checkov's GithubActionsOIDCTrustPolicy plan (test/corpus/checkov-terraform): a module's trust document is a
    // data source read at apply; `data.aws_iam_policy_document.r3` alone names nothing at the root.
    const model = modelOf([
      role('module.poc["eu"].aws_iam_role.r1["p1"]', 'r1', {
        values: { name: 'r1', max_session_duration: 3600 },
        unknown: { arn: true, id: true, assume_role_policy: true },
        references: { assume_role_policy: ['data.aws_iam_policy_document.r3', 'each.key', 'var.issuer'] },
      }),
    ]);
    const { findings: all } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
    expect(all.filter((finding) => finding.ruleId === 'restrict-trust').map((finding) => finding.message)).toEqual([
      'Trust policy of role r1 cannot be verified until apply: module.poc["eu"].aws_iam_role.r1["p1"].assume_role_policy ' +
        'is not known until apply (from module.poc["eu"].data.aws_iam_policy_document.r3, each.key, var.issuer).',
    ]);
  });
});

describe('count and for_each instances', () => {
  it('links each instance to the instance of the same key and names it by its indexed address', () => {
    const model = modelOf([
      role('aws_iam_role.deployer[0]', 'deployer-a'),
      role('aws_iam_role.deployer[1]', 'deployer-b'),
      {
        address: 'aws_iam_role_policy.deploy[0]',
        values: { name: 'deploy', policy: PUT_ARTIFACTS },
        unknown: { id: true, role: true },
        references: { role: ['aws_iam_role.deployer', 'count.index'] },
      },
      {
        address: 'aws_iam_role_policy.deploy[1]',
        values: { name: 'deploy', policy: ALL_IAM },
        unknown: { id: true, role: true },
        references: { role: ['aws_iam_role.deployer', 'count.index'] },
      },
      role('aws_iam_role.app["eu"]', 'deployer-eu'),
      {
        address: 'aws_iam_role_policy.app["eu"]',
        values: { name: 'app', policy: ALL_IAM },
        unknown: { id: true, role: true },
        references: { role: ['aws_iam_role.app', 'each.key'] },
      },
    ]);
    expect(grantsOf(model, 'deployer-a')).toEqual(['aws_iam_role_policy.deploy[0]']);
    expect(grantsOf(model, 'deployer-b')).toEqual(['aws_iam_role_policy.deploy[1]']);
    expect(grantsOf(model, 'deployer-eu')).toEqual(['aws_iam_role_policy.app["eu"]']);
    expect(findings(model)).toEqual([
      'no-privilege-escalation mandatory aws_iam_role.app["eu"] aws_iam_role.app["eu"] Path::*',
      'no-privilege-escalation mandatory aws_iam_role.deployer[1] aws_iam_role.deployer[1] Path::*',
      'no-wildcard-privilege mandatory aws_iam_role_policy.app["eu"] aws_iam_role.app["eu"] Action::iam:*',
      'no-wildcard-privilege mandatory aws_iam_role_policy.deploy[1] aws_iam_role.deployer[1] Action::iam:*',
      'require-entitlement mandatory aws_iam_role_policy.app["eu"] aws_iam_role.app["eu"] Policy::aws_iam_role_policy.app["eu"]',
      'require-entitlement mandatory aws_iam_role_policy.deploy[1] aws_iam_role.deployer[1] Policy::aws_iam_role_policy.deploy[1]',
    ]);
  });
});

describe('deletes and replacements', () => {
  it('a deleted access key grants nothing and is listed as removed; a replaced one is judged', () => {
    const model = modelOf([
      { address: 'aws_iam_user.bot', values: { name: 'bot' }, actions: ['no-op'] },
      { address: 'aws_iam_access_key.old', values: { user: 'bot', id: 'AKIAEXAMPLE' }, actions: ['delete'] },
      {
        address: 'aws_iam_access_key.rotated',
        values: { user: 'bot' },
        unknown: { id: true, secret: true },
        actions: ['create', 'delete'],
      },
    ]);
    expect(model.removed).toEqual([{ type: 'aws_iam_access_key', name: 'aws_iam_access_key.old', file: 'plan.json' }]);
    expect(findings(model).filter((line) => line.startsWith('no-long-lived'))).toEqual([
      'no-long-lived-credentials mandatory aws_iam_access_key.rotated aws_iam_user.bot Credential::aws-access-key',
    ]);
  });

  it('a deposed object being deleted is listed as removed by its deposed key; the current object is judged', () => {
    // A create_before_destroy replacement that failed midway leaves a deposed object, deleted by the next plan beside
    // the current one (Terraform prints `aws_iam_access_key.bot (deposed object 7a1b2c3d)`): listed under the bare
    // address, the audit showed the key as both kept and removed.
    const plan = terraformPlan([
      { address: 'aws_iam_user.bot', values: { name: 'bot' }, actions: ['no-op'] },
      { address: 'aws_iam_access_key.bot', values: { user: 'bot' }, unknown: { id: true, secret: true } },
    ]);
    const changes = plan.resource_changes as Record<string, unknown>[];
    changes.push({
      ...changes[1],
      deposed: '7a1b2c3d',
      change: { actions: ['delete'], before: { user: 'bot', id: 'AKIAOLD' }, after: null, after_unknown: {} },
    });
    const model = modelFromTerraformPlan(plan, { file: 'plan.json' });
    expect(model.removed).toEqual([
      { type: 'aws_iam_access_key', name: 'aws_iam_access_key.bot (deposed object 7a1b2c3d)', file: 'plan.json' },
    ]);
    expect(findings(model).filter((line) => line.startsWith('no-long-lived'))).toEqual([
      'no-long-lived-credentials mandatory aws_iam_access_key.bot aws_iam_user.bot Credential::aws-access-key',
    ]);
  });

  it('reads the actions of each change', () => {
    const plan = readTerraformPlan(
      terraformPlan([
        { address: 'aws_iam_user.a', values: { name: 'a' } },
        { address: 'aws_iam_user.b', values: { name: 'b' }, actions: ['update'] },
        { address: 'aws_iam_user.c', values: { name: 'c' }, actions: ['delete', 'create'] },
        { address: 'aws_iam_user.d', values: { name: 'd' }, actions: ['no-op'] },
        { address: 'aws_iam_user.e', values: { name: 'e' }, actions: ['delete'] },
      ]),
    );
    expect(plan.instances.map((instance) => `${instance.address} ${instance.action}`)).toEqual([
      'aws_iam_user.a create',
      'aws_iam_user.b update',
      'aws_iam_user.c replace',
      'aws_iam_user.d no-op',
    ]);
    expect(plan.deleted.map((instance) => instance.address)).toEqual(['aws_iam_user.e']);
  });
});

describe('secret values', () => {
  it('a literal secret_string is a plaintext secret; one from a variable or another resource is not', () => {
    const secret = (name: string) => ({
      address: `aws_secretsmanager_secret.${name}`,
      values: { name, tags: { owner: 'team-platform' } },
      unknown: { arn: true, id: true },
    });
    const model = modelOf([
      secret('literal'),
      {
        address: 'aws_secretsmanager_secret_version.literal',
        values: { secret_id: 'literal', secret_string: 'hunter2' },
        unknown: { id: true },
      },
      secret('variable'),
      {
        address: 'aws_secretsmanager_secret_version.variable',
        values: { secret_id: 'variable', secret_string: 'from-tfvars' },
        unknown: { id: true },
        references: { secret_string: ['var.password'] },
      },
    ]);
    expect(findings(model).filter((line) => line.startsWith('no-long-lived'))).toEqual([
      'no-long-lived-credentials mandatory aws_secretsmanager_secret.literal aws_secretsmanager_secret.literal Secret::plaintext-value',
    ]);
  });
});

describe('states and manifests', () => {
  it('reads a state (`terraform show -json` without a plan) like a plan where nothing changes', () => {
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_user.bot',
              mode: 'managed',
              type: 'aws_iam_user',
              name: 'bot',
              values: { name: 'bot', arn: 'arn:aws:iam::111122223333:user/bot' },
            },
          ],
          child_modules: [
            {
              address: 'module.keys',
              resources: [
                {
                  address: 'module.keys.aws_iam_access_key.bot',
                  mode: 'managed',
                  type: 'aws_iam_access_key',
                  name: 'bot',
                  values: { user: 'bot', id: 'AKIAEXAMPLE' },
                },
              ],
            },
          ],
        },
      },
    };
    const model = modelFromTerraformPlan(state, { file: 'state.json' });
    expect(readTerraformPlan(state).instances.map((instance) => `${instance.address} ${instance.action}`)).toEqual([
      'aws_iam_user.bot state',
      'module.keys.aws_iam_access_key.bot state',
    ]);
    expect(model.accountIds).toEqual(['111122223333']);
    expect(findings(model).filter((line) => line.startsWith('no-long-lived'))).toEqual([
      'no-long-lived-credentials mandatory module.keys.aws_iam_access_key.bot aws_iam_user.bot Credential::aws-access-key',
    ]);
  });

  it('reads a kubernetes_manifest as the object it holds', () => {
    const model = modelOf([
      {
        address: 'kubernetes_manifest.sa',
        values: {
          manifest: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ci', namespace: 'build' } },
        },
        unknown: { object: true },
      },
      {
        address: 'kubernetes_manifest.admin',
        values: {
          manifest: {
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'ClusterRoleBinding',
            metadata: { name: 'ci-admin' },
            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
            subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'build' }],
          },
        },
        unknown: { object: true },
      },
    ]);
    expect(findings(model).filter((line) => line.startsWith('no-wildcard'))).toEqual([
      'no-wildcard-privilege mandatory kubernetes_manifest.admin kubernetes_manifest.sa Role::cluster-admin',
      // cluster-admin on an account whose token every pod mounts.
      'no-wildcard-privilege mandatory kubernetes_manifest.sa kubernetes_manifest.sa Token::automount',
    ]);
  });

  it('a kubernetes_role_binding_v1 naming the default ClusterRole edit holds its rules; view and an undefined role as before', () => {
    const binding = (address: string, name: string, role: string) => ({
      address,
      values: {
        metadata: [{ name, namespace: 'build' }],
        role_ref: [{ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }],
        subject: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'build' }],
      },
      unknown: { id: true },
    });
    const model = modelOf([
      {
        address: 'kubernetes_service_account_v1.ci',
        values: { metadata: [{ name: 'ci', namespace: 'build' }], automount_service_account_token: false },
        unknown: { id: true, default_secret_name: true },
      },
      binding('kubernetes_role_binding_v1.edit', 'ci-edit', 'edit'),
      binding('kubernetes_role_binding_v1.view', 'ci-view', 'view'),
      binding('kubernetes_role_binding_v1.other', 'ci-other', 'ci-deployer'),
    ]);
    expect(findings(model).filter((line) => line.startsWith('no-wildcard'))).toEqual([
      'no-wildcard-privilege mandatory kubernetes_role_binding_v1.edit kubernetes_service_account_v1.ci Role::edit/Route::impersonate',
      'no-wildcard-privilege mandatory kubernetes_role_binding_v1.edit kubernetes_service_account_v1.ci Role::edit/Route::pod-create',
      'no-wildcard-privilege mandatory kubernetes_role_binding_v1.edit kubernetes_service_account_v1.ci Role::edit/Route::pod-exec',
      'no-wildcard-privilege mandatory kubernetes_role_binding_v1.edit kubernetes_service_account_v1.ci Role::edit/Route::token-create',
      'no-wildcard-privilege mandatory kubernetes_role_binding_v1.other kubernetes_service_account_v1.ci Role::ci-deployer',
    ]);
  });
});

describe('plans that cannot be read', () => {
  it.each([
    [
      { format_version: '2.0', planned_values: {} },
      'format_version: "2.0" is not a plan format this reader knows (0.x, 1.x)',
    ],
    [{ format_version: '1.2', resource_changes: {} }, 'resource_changes: expected an array'],
    [
      {
        format_version: '1.2',
        resource_changes: [{ address: 'aws_iam_role.x', type: 'aws_iam_role', change: { actions: ['explode'] } }],
      },
      'resource_changes[0].change.actions: unknown action ["explode"]; expected create, update, delete, no-op, read or forget',
    ],
    [
      {
        format_version: '1.2',
        planned_values: { root_module: { resources: [{ address: 'nonsense', type: 'aws_iam_role' }] } },
      },
      'planned_values.root_module.resources[0].address: "nonsense" is not a resource address',
    ],
  ])('%j', (json, message) => {
    expect(() => readTerraformPlan(json)).toThrow(TerraformPlanError);
    expect(() => readTerraformPlan(json)).toThrow(message);
  });
});

describe('an Organizations member account', () => {
  it('brings the administrator role Organizations creates in it, as the Pulumi adapter reads aws.organizations.Account', () => {
    const model = modelOf([
      {
        address: 'aws_organizations_account.dev',
        values: { name: 'dev', email: 'dev@example.com', role_name: 'OrgAdmin' },
        unknown: { id: true, arn: true },
      },
      {
        address: 'aws_organizations_account.prod',
        values: { name: 'prod', email: 'prod@example.com' },
        unknown: { id: true },
      },
    ]);
    expect(
      model.identities.map((identity) => [
        identity.name,
        identity.resource.name,
        identity.grants.map((grant) => (grant.kind === 'aws-managed-policy' ? grant.arn : grant.kind)),
      ]),
    ).toEqual([
      ['OrgAdmin', 'aws_organizations_account.dev', ['arn:aws:iam::aws:policy/AdministratorAccess']],
      [
        'OrganizationalAccountAccessRole',
        'aws_organizations_account.prod',
        ['arn:aws:iam::aws:policy/AdministratorAccess'],
      ],
    ]);
  });
});

describe('types that grant but are not modelled', () => {
  it('are reported as content the check cannot see, blocking in the CLI', () => {
    const model = modelOf([
      {
        address: 'aws_ssoadmin_account_assignment.admins',
        values: { principal_type: 'GROUP', target_type: 'AWS_ACCOUNT', target_id: '111122223333' },
        unknown: { id: true, permission_set_arn: true },
      },
      // A PIM eligible role assignment is read (test/adapters/azure-pim.test.ts), as a Kubernetes token request is not.
      {
        address: 'azurerm_pim_eligible_role_assignment.ops',
        values: { scope: '/subscriptions/00000000-0000-0000-0000-000000000000' },
        unknown: { id: true, principal_id: true, role_definition_id: true },
      },
      {
        address: 'kubernetes_token_request_v1.ci',
        values: { metadata: [{ name: 'ci', namespace: 'build' }] },
        unknown: { id: true, token: true },
      },
      // The Helm provider's release: Helm installs the chart's objects, none of which is a resource of the plan.
      {
        address: 'helm_release.wordpress',
        values: { chart: 'wordpress', repository: 'https://charts.bitnami.com/bitnami', version: '13.0.6' },
        unknown: { id: true, metadata: true },
      },
      // Grants nothing by itself: not reported.
      {
        address: 'google_iam_workload_identity_pool.github',
        values: { workload_identity_pool_id: 'github' },
        unknown: { id: true },
      },
    ]);
    expect(findings(model)).toEqual([
      // A permission set the plan does not create (its ARN known at apply, from no resource of the plan): what it hands
      // out is not seen at apply either.
      'no-unseen-content mandatory aws_ssoadmin_account_assignment.admins - Unseen::a permission set known only at apply (aws_ssoadmin_account_assignment.admins.permission_set_arn is not known until apply)',
      // Not pending: the chart's objects are not seen at apply either.
      'no-unseen-content mandatory helm_release.wordpress - Unseen::helm_release',
      'no-unseen-content mandatory kubernetes_token_request_v1.ci - Unseen::kubernetes_token_request_v1 pending',
    ]);
    // The release's chart, as the plan knows it, is named in the message only.
    expect(model.unseen?.find((entry) => entry.kind === 'helm-release')).toMatchObject({
      what: 'helm_release',
      named: 'wordpress',
    });
  });
});

describe('a "__proto__" key among values known only after apply', () => {
  // A map attribute may hold any key. Marking one unknown must define it as an own key: assigning `__proto__` on a
  // fresh object would set its prototype, so the value would be inherited by every key read and listed by none.
  const describeUnknown = (path: string) => unknownValue(`${path} is not known until apply`);

  it('defines an unknown "__proto__" entry as an own key', () => {
    const result = withUnknowns(undefined, JSON.parse('{"__proto__": true}'), describeUnknown) as Record<
      string,
      unknown
    >;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toEqual(
      unknownValue('__proto__ is not known until apply'),
    );
  });
});

describe('blocks named by their path', () => {
  // aws_iot_topic_rule: the rule's own `sqs` blocks are many and Pulumi's `sqs` list; its error action's `sqs` block,
  // of one, is Pulumi's `errorAction.sqs` object. A dotted name is the block at that path only.
  const mapping = {
    pulumiType: 'aws:iot/topicRule:TopicRule',
    single: ['error_action', 'error_action.sqs'],
    rename: { kinesis: 'kineses', 'error_action.kinesis': 'kinesis' },
  };

  it('reads a block of one by its path and keeps the same name elsewhere a list', () => {
    const values = {
      sqs: [{ role_arn: 'a' }, { role_arn: 'b' }],
      kinesis: [{ role_arn: 'c' }],
      error_action: [{ sqs: [{ role_arn: 'd' }], kinesis: [{ role_arn: 'e' }] }],
    };
    expect(convertValues(mapping, values)).toEqual({
      sqs: [{ roleArn: 'a' }, { roleArn: 'b' }],
      kineses: [{ roleArn: 'c' }],
      errorAction: { sqs: { roleArn: 'd' }, kinesis: [{ roleArn: 'e' }] },
    });
  });

  it('reads an attribute named as a prototype member as any other', () => {
    expect(convertValues(mapping, { constructor: 'x', to_string: 'y' })).toEqual({ constructor: 'x', toString: 'y' });
  });
});

describe('the roles services act as, in the records Pulumi reads', () => {
  // aws_autoscaling_group's initial_lifecycle_hook blocks are many (Pulumi's initialLifecycleHooks); aws_s3_bucket's
  // deprecated replication_configuration is a block of one (aws.s3.Bucket's replicationConfiguration object).
  it('names an Auto Scaling group, a bucket, an ECS service and an event rule as Pulumi does', () => {
    expect(TERRAFORM_TYPES.aws_autoscaling_group?.pulumiType).toBe('aws:autoscaling/group:Group');
    expect(
      convertValues(TERRAFORM_TYPES.aws_autoscaling_group!, {
        initial_lifecycle_hook: [{ name: 'drain', role_arn: 'a' }],
      }),
    ).toEqual({ initialLifecycleHooks: [{ name: 'drain', roleArn: 'a' }] });
    expect(TERRAFORM_TYPES.aws_s3_bucket?.pulumiType).toBe('aws:s3/bucket:Bucket');
    expect(
      convertValues(TERRAFORM_TYPES.aws_s3_bucket!, {
        bucket: 'source',
        replication_configuration: [{ role: 'b', rules: [{ status: 'Enabled' }] }],
      }),
    ).toEqual({ bucket: 'source', replicationConfiguration: { role: 'b', rules: [{ status: 'Enabled' }] } });
    expect(
      convertValues(TERRAFORM_TYPES.aws_ecs_service!, {
        service_connect_configuration: [{ service: [{ tls: [{ role_arn: 'c' }] }] }],
        deployment_configuration: [{ lifecycle_hook: [{ role_arn: 'd' }] }],
        load_balancer: [{ advanced_configuration: [{ role_arn: 'e' }] }],
      }),
    ).toEqual({
      serviceConnectConfiguration: { services: [{ tls: { roleArn: 'c' } }] },
      deploymentConfiguration: { lifecycleHooks: [{ roleArn: 'd' }] },
      loadBalancers: [{ advancedConfiguration: { roleArn: 'e' } }],
    });
    expect(TERRAFORM_TYPES.aws_cloudwatch_event_rule?.pulumiType).toBe('aws:cloudwatch/eventRule:EventRule');
    expect(TERRAFORM_TYPES.aws_rds_cluster_instance?.pulumiType).toBe('aws:rds/clusterInstance:ClusterInstance');
  });

  it("attaches a role known only after apply through the references of a group's lifecycle hook", () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_iam_role.notifier',
          values: { name: 'notifier', assume_role_policy: lambdaTrust },
          unknown: { arn: true, id: true },
        },
        {
          address: 'aws_autoscaling_group.web',
          values: { min_size: 1, max_size: 2, initial_lifecycle_hook: [{ name: 'drain' }] },
          unknown: { initial_lifecycle_hook: [{ role_arn: true }] },
          references: { initial_lifecycle_hook: ['aws_iam_role.notifier.arn', 'aws_iam_role.notifier'] },
        },
      ]),
      { file: 'plan.json' },
    );
    const role = model.identities.find((identity) => identity.name === 'notifier');
    expect(role?.attachments.map((attachment) => `${attachment.kind} ${attachment.source.name}`)).toEqual([
      'autoscaling-lifecycle-hook aws_autoscaling_group.web',
    ]);
  });
});
