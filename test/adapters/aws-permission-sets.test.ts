/**
 * IAM Identity Center permission sets in every AWS front-end: CloudFormation's AWS::SSO::PermissionSet holds its
 * policies; Terraform (`aws_ssoadmin_*`) and Pulumi (`aws.ssoadmin.*`) put each on the set with a resource of its own.
 * The same set gets the same verdicts (rule, identity, level), each on the resource that grants; an account assignment,
 * or a policy put on a permission set the change does not create, hands out what cannot be seen (no-unseen-content).
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan, type PlannedResource } from '../terraform/support.js';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const OUTSIDE_SET = 'arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const PASS_ROLE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
});
const URN = (type: string, name: string) => `urn:pulumi:dev::sso::${type}::${name}`;
const SET_TYPE = 'aws:ssoadmin/permissionSet:PermissionSet';

/** Findings as `rule detail resource level`, sorted; `pending` marked. */
function verdicts(model: Model): string[] {
  return evaluate(model, {
    catalog: parseCatalog('apiVersion: entitlement-guard/v1\n', 'catalog.yaml'),
    now: new Date('2026-12-06T00:00:00Z'),
  })
    .findings.filter((finding) =>
      ['no-wildcard-privilege', 'no-unseen-content', 'session-within-class', 'no-privilege-escalation'].includes(
        finding.ruleId,
      ),
    )
    .map(
      (finding) =>
        `${finding.ruleId} ${finding.detail ?? ''} ${finding.resource.name.split('.').pop()} ${finding.level}` +
        (finding.pending ? ' pending' : ''),
    )
    .sort();
}

describe('a permission set with AdministratorAccess and an inline iam:PassRole on *, assigned to a group', () => {
  // Escalation is reported on the identity; a policy's wildcards on the resource that grants it.
  const expected = (adminAt: string, inlineAt: string) =>
    [
      'no-privilege-escalation Path::* Admins mandatory',
      `no-wildcard-privilege Policy::AdministratorAccess ${adminAt} mandatory`,
      `no-wildcard-privilege Resource::* ${inlineAt} mandatory`,
    ].sort();

  it('CloudFormation: on the set, which holds both', () => {
    const template: CfnTemplate = {
      Resources: {
        Admins: {
          Type: 'AWS::SSO::PermissionSet',
          Properties: {
            InstanceArn: INSTANCE,
            Name: 'Admins',
            SessionDuration: 'PT1H',
            ManagedPolicies: [ADMIN],
            InlinePolicy: JSON.parse(PASS_ROLE) as unknown,
          },
        },
        AdminsToOps: {
          Type: 'AWS::SSO::Assignment',
          Properties: {
            InstanceArn: INSTANCE,
            PermissionSetArn: { 'Fn::GetAtt': ['Admins', 'PermissionSetArn'] },
            PrincipalId: '906712345-ops',
            PrincipalType: 'GROUP',
            TargetId: '111122223333',
            TargetType: 'AWS_ACCOUNT',
          },
        },
      },
    };
    expect(verdicts(modelFromTemplates([{ stack: 'App', template }]))).toEqual(expected('Admins', 'Admins'));
  });

  it('Terraform: on the attachment and the inline policy, the set known by its references before apply', () => {
    const setArn = {
      permission_set_arn: ['aws_ssoadmin_permission_set.Admins.arn', 'aws_ssoadmin_permission_set.Admins'],
    };
    const resources: PlannedResource[] = [
      {
        address: 'aws_ssoadmin_permission_set.Admins',
        values: { instance_arn: INSTANCE, name: 'Admins', session_duration: 'PT1H' },
        unknown: { arn: true, id: true, created_date: true, tags_all: true },
      },
      {
        address: 'aws_ssoadmin_managed_policy_attachment.AdminsAdmin',
        values: { instance_arn: INSTANCE, managed_policy_arn: ADMIN },
        unknown: { id: true, managed_policy_name: true, permission_set_arn: true },
        references: setArn,
      },
      {
        address: 'aws_ssoadmin_permission_set_inline_policy.AdminsInline',
        values: { instance_arn: INSTANCE, inline_policy: PASS_ROLE },
        unknown: { id: true, permission_set_arn: true },
        references: setArn,
      },
      {
        address: 'aws_ssoadmin_account_assignment.AdminsToOps',
        values: {
          instance_arn: INSTANCE,
          principal_id: '906712345-ops',
          principal_type: 'GROUP',
          target_id: '111122223333',
          target_type: 'AWS_ACCOUNT',
        },
        unknown: { id: true, permission_set_arn: true },
        references: setArn,
      },
    ];
    expect(verdicts(modelFromTerraformPlan(terraformPlan(resources)))).toEqual(expected('AdminsAdmin', 'AdminsInline'));
  });

  it('Pulumi: the same, the set found through propertyDependencies in preview', () => {
    const setUrn = URN(SET_TYPE, 'Admins');
    const onSet = { permissionSetArn: [setUrn] };
    const unknown = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
    const model = modelFromPulumiResources([
      {
        type: SET_TYPE,
        name: 'Admins',
        urn: setUrn,
        props: { instanceArn: INSTANCE, name: 'Admins', sessionDuration: 'PT1H' },
      },
      {
        type: 'aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment',
        name: 'AdminsAdmin',
        urn: URN('aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment', 'AdminsAdmin'),
        props: { instanceArn: INSTANCE, managedPolicyArn: ADMIN, permissionSetArn: unknown },
        propertyDependencies: onSet,
      },
      {
        type: 'aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy',
        name: 'AdminsInline',
        urn: URN('aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy', 'AdminsInline'),
        props: { instanceArn: INSTANCE, inlinePolicy: PASS_ROLE, permissionSetArn: unknown },
        propertyDependencies: onSet,
      },
      {
        type: 'aws:ssoadmin/accountAssignment:AccountAssignment',
        name: 'AdminsToOps',
        urn: URN('aws:ssoadmin/accountAssignment:AccountAssignment', 'AdminsToOps'),
        props: {
          instanceArn: INSTANCE,
          permissionSetArn: unknown,
          principalId: '906712345-ops',
          principalType: 'GROUP',
          targetId: '111122223333',
          targetType: 'AWS_ACCOUNT',
        },
        propertyDependencies: onSet,
      },
    ]);
    expect(verdicts(model)).toEqual(expected('AdminsAdmin', 'AdminsInline'));
  });
});

describe("Cloud Control's aws-native:sso types, shaped as CloudFormation's", () => {
  it('a set holding AdministratorAccess and an inline iam:PassRole on *, and an assignment of one outside the stack', () => {
    const setType = 'aws-native:sso:PermissionSet';
    const assignment = 'aws-native:sso:Assignment';
    const model = modelFromPulumiResources([
      {
        type: setType,
        name: 'Admins',
        urn: URN(setType, 'Admins'),
        props: {
          instanceArn: INSTANCE,
          name: 'Admins',
          sessionDuration: 'PT1H',
          managedPolicies: [ADMIN],
          inlinePolicy: JSON.parse(PASS_ROLE) as unknown,
        },
      },
      {
        type: assignment,
        name: 'OpsAdmin',
        urn: URN(assignment, 'OpsAdmin'),
        props: {
          instanceArn: INSTANCE,
          permissionSetArn: OUTSIDE_SET,
          principalId: '906712345-ops',
          principalType: 'USER',
          targetId: '111122223333',
          targetType: 'AWS_ACCOUNT',
        },
      },
    ]);
    expect(verdicts(model)).toEqual(
      [
        `no-unseen-content Unseen::${OUTSIDE_SET} OpsAdmin mandatory`,
        'no-privilege-escalation Path::* Admins mandatory',
        'no-wildcard-privilege Policy::AdministratorAccess Admins mandatory',
        'no-wildcard-privilege Resource::* Admins mandatory',
      ].sort(),
    );
  });
});

describe('what is put on, or hands out, a permission set the change does not create', () => {
  const unseen = (resource: string) => `no-unseen-content Unseen::${OUTSIDE_SET} ${resource} mandatory`;

  it('CloudFormation: an account assignment of it', () => {
    const template: CfnTemplate = {
      Resources: {
        OpsAdmin: {
          Type: 'AWS::SSO::Assignment',
          Properties: {
            InstanceArn: INSTANCE,
            PermissionSetArn: OUTSIDE_SET,
            PrincipalId: '906712345-ops',
            PrincipalType: 'USER',
            TargetId: '111122223333',
            TargetType: 'AWS_ACCOUNT',
          },
        },
      },
    };
    expect(verdicts(modelFromTemplates([{ stack: 'App', template }]))).toEqual([unseen('OpsAdmin')]);
  });

  it('Terraform: an assignment, and AdministratorAccess attached exclusively to it (no longer passed in silence)', () => {
    const resources: PlannedResource[] = [
      {
        address: 'aws_ssoadmin_account_assignment.OpsAdmin',
        values: {
          instance_arn: INSTANCE,
          permission_set_arn: OUTSIDE_SET,
          principal_id: '906712345-ops',
          principal_type: 'USER',
          target_id: '111122223333',
          target_type: 'AWS_ACCOUNT',
        },
        unknown: { id: true },
      },
      {
        address: 'aws_ssoadmin_managed_policy_attachments_exclusive.OpsPolicies',
        values: { instance_arn: INSTANCE, permission_set_arn: OUTSIDE_SET, managed_policy_arns: [ADMIN] },
        unknown: { id: true },
      },
    ];
    // What the set holds besides, and who it is assigned to, cannot be seen (both unseen); what the attachment adds is
    // judged where it is made, as on a set of the change (since session 43: before, only the two unseen).
    expect(verdicts(modelFromTerraformPlan(terraformPlan(resources)))).toEqual(
      [
        unseen('OpsAdmin'),
        unseen('OpsPolicies'),
        'no-privilege-escalation Path::* OpsPolicies mandatory',
        'no-wildcard-privilege Policy::AdministratorAccess OpsPolicies mandatory',
      ].sort(),
    );
  });

  it('Terraform: an inline policy on it, known only at apply, is judged on what it adds (KICS sso_policy_with_full_privileges)', () => {
    const inline = (name: string, policy: unknown): PlannedResource => ({
      address: `aws_ssoadmin_permission_set_inline_policy.${name}`,
      values: { inline_policy: JSON.stringify({ Version: '2012-10-17', Statement: [policy] }) },
      unknown: { id: true, instance_arn: true, permission_set_arn: true },
      references: {
        instance_arn: ['aws_ssoadmin_permission_set.example.instance_arn', 'aws_ssoadmin_permission_set.example'],
        permission_set_arn: ['aws_ssoadmin_permission_set.example.arn', 'aws_ssoadmin_permission_set.example'],
      },
    });
    const admin = inline('admin', { Effect: 'Allow', Action: '*', Resource: '*' });
    const reader = inline('reader', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b1/*' });
    const unknownSet = (name: string) =>
      `no-unseen-content Unseen::a permission set known only at apply (aws_ssoadmin_permission_set_inline_policy.${name}.permission_set_arn is not known until apply (from aws_ssoadmin_permission_set.example.arn, aws_ssoadmin_permission_set.example)) ${name} mandatory`;
    expect(verdicts(modelFromTerraformPlan(terraformPlan([admin])))).toEqual(
      [
        unknownSet('admin'),
        'no-privilege-escalation Path::* admin mandatory',
        'no-wildcard-privilege Action::* admin mandatory',
      ].sort(),
    );
    expect(verdicts(modelFromTerraformPlan(terraformPlan([reader])))).toEqual([unknownSet('reader')]);
  });

  it('Pulumi: the same', () => {
    const assignment = 'aws:ssoadmin/accountAssignment:AccountAssignment';
    const exclusive = 'aws:ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive';
    const model = modelFromPulumiResources([
      {
        type: assignment,
        name: 'OpsAdmin',
        urn: URN(assignment, 'OpsAdmin'),
        props: {
          instanceArn: INSTANCE,
          permissionSetArn: OUTSIDE_SET,
          principalId: '906712345-ops',
          principalType: 'USER',
          targetId: '111122223333',
          targetType: 'AWS_ACCOUNT',
        },
      },
      {
        type: exclusive,
        name: 'OpsPolicies',
        urn: URN(exclusive, 'OpsPolicies'),
        props: { instanceArn: INSTANCE, permissionSetArn: OUTSIDE_SET, managedPolicyArns: [ADMIN] },
      },
    ]);
    expect(verdicts(model)).toEqual(
      [
        unseen('OpsAdmin'),
        unseen('OpsPolicies'),
        'no-privilege-escalation Path::* OpsPolicies mandatory',
        'no-wildcard-privilege Policy::AdministratorAccess OpsPolicies mandatory',
      ].sort(),
    );
  });
});

describe('a customer-managed policy and a boundary on a permission set, and its session', () => {
  it('Terraform: a session of 12 hours, the customer-managed policy by name and path, the boundary an AWS policy', () => {
    const setArn = { permission_set_arn: ['aws_ssoadmin_permission_set.Long.arn', 'aws_ssoadmin_permission_set.Long'] };
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_ssoadmin_permission_set.Long',
          values: { instance_arn: INSTANCE, name: 'Long', session_duration: 'PT12H' },
          unknown: { arn: true, id: true, created_date: true, tags_all: true },
        },
        {
          address: 'aws_ssoadmin_customer_managed_policy_attachment.LongCustomer',
          values: {
            instance_arn: INSTANCE,
            customer_managed_policy_reference: [{ name: 'ops-read', path: '/teams/' }],
          },
          unknown: { id: true, permission_set_arn: true },
          references: setArn,
        },
        {
          address: 'aws_ssoadmin_permissions_boundary_attachment.LongBoundary',
          values: {
            instance_arn: INSTANCE,
            permissions_boundary: [
              { managed_policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', customer_managed_policy_reference: [] },
            ],
          },
          unknown: { id: true, permission_set_arn: true },
          references: setArn,
        },
      ]),
    );
    const [set] = model.identities;
    expect(model.identities).toHaveLength(1);
    expect(set).toMatchObject({
      kind: 'aws-permission-set',
      name: 'Long',
      maxSessionSeconds: 43200,
      permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect(set?.grants).toEqual([
      {
        kind: 'aws-managed-policy',
        source: expect.objectContaining({
          name: 'aws_ssoadmin_customer_managed_policy_attachment.LongCustomer',
        }) as unknown,
        arn: 'arn:aws:iam::<own-account>:policy/teams/ops-read',
      },
    ]);
    expect(model.unseen ?? []).toEqual([]);
  });
});
