import { accessChangeOf } from '../iam/aws/sdk-calls.js';
import type { AwsAction } from '../iam/aws/actions.js';
import type { AllowedAction } from '../iam/aws/evaluate.js';
import { coversEveryResource, statementMayName } from '../iam/aws/resource-scope.js';
import { bucketsOfStack, isAclWrite, mayTurnAclsOn, reachesOnlyBuckets } from '../iam/aws/s3-acls.js';
import type { DeploymentHandler, Identity, PolicyValue, ResourceRef, ShippedCode, UnseenKind } from '../model/model.js';
import { defineRule, type RuleContext } from './define.js';
import { heldPoliciesAndAllows } from './support/held-policies.js';

type MessageId = UnseenKind;

/**
 * Reports what the change creates but the check cannot read (model.unseen): the adapters collect it, this rule
 * says what could not be seen and how to show it to the check. Every finding is pending: under the CLI and CDK
 * gates (fail-closed) it blocks at the rule's level, in front-ends that check again once values are known it is
 * advisory until then.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'no-unseen-content',
    title: 'Nothing the change creates is hidden from the check',
    level: 'mandatory',
    rationale:
      'Macros and transforms generate resources only when CloudFormation processes the template, an include or a nested stack ' +
      'with a remote TemplateURL is fetched at deploy time, a stack set deploys a template into other accounts, a resource ' +
      'type that manages IAM but is not modelled grants what the check cannot read, and an AWS SDK call that a custom ' +
      'resource makes while the stack deploys (a CDK AwsCustomResource attaching a policy or making an access key) makes ' +
      'nothing the template shows, nor does the code of any other custom resource whose provider runs as a role allowed ' +
      'to change access. Any of them can create an administrator role or an access key that no rule ever sees, ' +
      'so passing them silently would let a change hide what it grants.',
    remediation:
      'Show the check the content: run it on the processed template (sam build output, or aws cloudformation get-template ' +
      '--template-stage Processed after a change-set), keep nested and stack-set templates beside the parent (local TemplateURL ' +
      'or TemplateBody), or define the grant with the AWS::IAM resources the check reads. Where that is not possible, the platform ' +
      'team can set this rule to advisory in the catalog (a finding here concerns no identity, so no exception can name it).',
    frameworks: ['OWASP-NHI5:2025', 'NIST-CSF-2.0:PR.AA-05'],
    messages: {
      macro:
        'Template {{where}} uses {{what}}, whose generated resources exist only once CloudFormation processes the template: the ' +
        'identities and grants it creates cannot be verified here. Check the processed template instead.',
      include:
        '{{where}} inserts {{what}} at deploy time: its content cannot be seen here, so the identities and grants it adds cannot be ' +
        'verified. Inline the snippet, or check the processed template.',
      'remote-template':
        '{{where}} deploys the template at {{what}}, which is fetched at deploy time and cannot be read here: its identities and ' +
        'grants cannot be verified. Keep the template beside the parent (a local TemplateURL) or check it on its own.',
      'stack-set':
        'Stack set {{where}} deploys the template at {{what}} into other accounts; it cannot be read here, so the identities and ' +
        'grants it creates cannot be verified. Put the template in TemplateBody, or check the template file on its own.',
      'unknown-iam-type':
        '{{where}} is a {{what}}, a resource type that manages IAM but that this check does not model: what it grants cannot be ' +
        'verified. Express the grant with AWS::IAM::Role, Policy or ManagedPolicy resources, which the check reads.',
      'unmodelled-terraform-type':
        '{{where}} is a {{what}}, a Terraform resource type that grants access or creates a credential but that this check does ' +
        'not model: what it grants cannot be verified. Express the grant with the resource types the check reads (docs/terraform.md), ' +
        'or have it reviewed and set this rule to advisory in the catalog.',
      'unmodelled-pulumi-type':
        '{{where}} is a {{what}}, a Pulumi resource type that grants access or creates a credential but that this check does ' +
        'not model: what it grants cannot be verified. Express the grant with the resource types the check reads, or have it ' +
        'reviewed and set this rule to advisory in the catalog.',
      kustomize:
        '{{where}} is a Kustomization that changes the manifests it lists ({{what}}) when `kustomize build` or `kubectl apply -k` ' +
        'renders them: what the cluster gets is not the files checked here, so its identities and grants cannot be verified. ' +
        'Check the rendered output instead (kustomize build <dir> > rendered.yaml).',
      'helm-release':
        "{{where}} is a Helm release{{chart}}: Helm installs the chart's objects (service accounts, RBAC, Secrets) itself, " +
        'from inside the provider, so none of them is a resource this check is given, and the identities and grants they create ' +
        'cannot be verified. Check the rendered chart (helm template <release> <chart> > rendered.yaml; entitlement-guard check ' +
        'rendered.yaml), or deploy its objects as resources (Pulumi kubernetes.helm.v4.Chart, Terraform kubernetes_manifest).',
      'k8s-pod-account':
        '{{where}} runs its pods as a service account named only at apply ({{what}}), and nothing shows which service account of ' +
        "the change it is: the identity and what it may do cannot be verified (it is not the namespace's default account). Write " +
        'the name in the pod spec, or take it from the ServiceAccount resource (serviceAccountName: account.metadata.name) so the ' +
        'check can follow it.',
      'kubernetes-manifest':
        '{{where}} applies Kubernetes objects to an EKS cluster that cannot be read at synth ({{what}}): the service accounts, ' +
        'role bindings and Secrets they create cannot be verified. Write the objects with values known at synth (names, ' +
        'namespaces, subjects and roles as literals, not tokens of other resources), or check them as a manifest file.',
      'kubernetes-patch':
        '{{where}} patches the Kubernetes object {{what}} at deploy time (kubectl patch): a patch of RBAC, a service account, ' +
        'a Secret or the aws-auth ConfigMap can grant access, and the object it patches is not in the change, so what it ' +
        'grants cannot be verified. Write the whole object with a KubernetesManifest (cluster.addManifest), which the check reads.',
      'olm-subscription':
        "{{where}} is an OLM Subscription to operator package {{what}}{{catalog}}: OLM installs the package's " +
        'ClusterServiceVersion from the catalog itself, running as cluster-admin, and with it the ClusterRoles, Roles, ' +
        'bindings and service accounts its clusterPermissions and permissions ask for, so none of them is in the change and ' +
        'what they grant cannot be verified. Check the ClusterServiceVersion of the version the subscription installs ' +
        "(the bundle's manifests), or have the subscription reviewed and set this rule to advisory in the catalog.",
      'sdk-call':
        '{{where}} calls {{what}} while CloudFormation deploys it (a CDK AwsCustomResource): the call makes an identity, a ' +
        'credential or a secret, or changes who may do what, and what it makes is no resource of the template, so it cannot be ' +
        'verified. Define it with the resources the check reads (AWS::IAM::AccessKey, AWS::IAM::Policy, a key or bucket policy), ' +
        'or have the call reviewed and set this rule to advisory in the catalog.',
      'unreadable-sdk-call':
        '{{where}} is a CDK AwsCustomResource and {{what}} cannot be read: the call it makes while CloudFormation deploys it may ' +
        'make an identity or a credential, or change who may do what, and cannot be verified. Write the service and action ' +
        'as literals.',
      'custom-resource':
        '{{where}} is a custom resource whose code runs while CloudFormation deploys it: Lambda function {{provider}} runs ' +
        'for it as {{role}}, and {{role}} may call {{actions}}. What that code makes (an identity, a credential, a secret, a policy) ' +
        'is no resource of the template and cannot be seen here, so it cannot be verified. Define what it makes with the ' +
        'resources the check reads, narrow the role to the actions the code needs, or have the code reviewed and set this ' +
        'rule to advisory in the catalog.',
      'custom-resource-policy':
        '{{where}} is a custom resource that hands a policy document to its provider, {{what}}, which runs as no role of ' +
        'the change: what that code does with the policy (attach it to an identity, write it on a resource) cannot be seen ' +
        'here, so it cannot be verified. Write the policy with the AWS::IAM resources or resource policies the check reads, ' +
        'or have the provider reviewed and set this rule to advisory in the catalog.',
      'unreadable-template':
        '{{where}} holds a template that cannot be read ({{what}}): the identities and grants it creates cannot be verified. Fix the ' +
        'template so it parses.',
      'unseen-permission-set':
        '{{where}} acts on IAM Identity Center permission set {{what}}, which the change does not create: the policies that set ' +
        'holds, and so the access it hands out, cannot be seen here. Create the permission set in the same change, so its policies ' +
        'are checked, or have the assignment reviewed and set this rule to advisory in the catalog.',
      'unseen-pod-identity-role':
        '{{where}} is an EKS Pod Identity association that hands the pods of its service account IAM role {{what}}, which ' +
        'the change does not create: what that role may do, and who else its trust lets assume it, cannot be seen here, ' +
        'so what the pods get cannot be verified. Create the role in the same change, so its policies and trust are ' +
        'checked, or have the association reviewed and set this rule to advisory in the catalog.',
      'unseen-delegated-api':
        '{{where}} grants delegated permissions ({{named}}) on the API of {{what}}: scopes are named by the API they belong to, ' +
        "and only Microsoft Graph's are known here, so what the client may do there as a signed-in user cannot be verified. " +
        'For Graph scopes, name the Graph service principal in the change (azuread_service_principal with client_id ' +
        '00000003-0000-0000-c000-000000000000 and use_existing); otherwise have the grant reviewed and set this rule to advisory ' +
        'in the catalog.',
    },
  },
  check(ctx) {
    for (const unseen of ctx.model.unseen ?? []) {
      const where = [unseen.resource.stack, unseen.resource.name].filter(Boolean).join('/');
      ctx.report({
        messageId: unseen.kind,
        data: {
          where,
          what: unseen.what,
          named: unseen.named ?? '',
          chart: unseen.named === undefined ? '' : ` of chart ${unseen.named}`,
          catalog: unseen.named === undefined ? '' : ` from catalog ${unseen.named}`,
        },
        resource: unseen.resource,
        detail: `Unseen::${unseen.what}`,
        // Pending: unresolved at synth or plan time, so the template and plan gates fail closed. A Pulumi type no adapter
        // reads is unseen at `pulumi up` too, so it is not pending there (the pack would report it as advisory).
        // A Helm release's objects are not seen at apply either, in any front-end, nor what an OLM Subscription installs.
        // A permission set or a Pod Identity association's role outside the change is not seen at apply either, nor what
        // the scopes of an API other than Graph allow.
        ...(unseen.kind === 'unmodelled-pulumi-type' ||
        unseen.kind === 'helm-release' ||
        unseen.kind === 'olm-subscription' ||
        unseen.kind === 'unseen-permission-set' ||
        unseen.kind === 'unseen-pod-identity-role' ||
        unseen.kind === 'unseen-delegated-api'
          ? {}
          : { pending: true }),
      });
    }
    const handlers = ctx.model.deploymentHandlers ?? [];
    if (handlers.length > 0) checkDeploymentHandlers(ctx, handlers);
  },
});

/**
 * IAM actions that make nothing the rules judge, though accessChangeOf counts every IAM write. iam:PassRole is a
 * permission, not an API operation code can call (IAM User Guide, "Grant a user permissions to pass a role to an AWS
 * service"): it lets another call hand a role to a service, and escalation paths judge it with the compute it creates;
 * an AwsCustomResource never calls it. iam:CreateServiceLinkedRole makes only a role whose trust and permissions AWS
 * fixes per service, which the adapters count as granting nothing to judge (AWS::IAM::ServiceLinkedRole).
 * iam:ChangePassword changes the calling IAM user's own console password (IAM API Reference, ChangePassword: "Changes
 * the password of the IAM user who is calling this operation"): code that runs as a role has no password to change,
 * and no other identity's is reached (iam:UpdateLoginProfile and iam:CreateLoginProfile are, and still count).
 */
const NOTHING_TO_JUDGE: ReadonlySet<string> = new Set([
  'iam:PassRole',
  'iam:CreateServiceLinkedRole',
  'iam:ChangePassword',
]);

/** How many access-changing actions a message names; the rest are counted. */
const NAMED_ACTIONS = 3;

/**
 * A custom resource whose code runs as a role allowed to change access (the actions accessChangeOf counts for an
 * AwsCustomResource's calls: Permissions management of any service, writes to an identity service) may make what no
 * resource of the template shows. One whose code may change no access makes nothing the rules judge, whatever it is
 * (the CDK's bucket notifications and log retention); nor does an ACL it may write on a bucket of the change whose
 * ACLs are disabled (iam/aws/s3-acls.ts). One that hands its provider a policy document while no role of
 * the change runs it (an imported provider, a topic, a function whose role is not the change's) may write that policy
 * where no rule sees it.
 */
function checkDeploymentHandlers(ctx: RuleContext<UnseenKind>, handlers: readonly DeploymentHandler[]): void {
  const runners = runnersBySource(ctx.model.identities);
  for (const handler of handlers) {
    const where = [handler.resource.stack, handler.resource.name].filter(Boolean).join('/');
    let ranAsOwnRole = false;
    let reported = false;
    for (const run of handler.runs) {
      for (const identity of runners.get(sourceKey(run)) ?? []) {
        ranAsOwnRole = true;
        const allowed = accessChangingActions(ctx, identity);
        if (allowed.length === 0 || isShippedCodeAllowance(handler.shippedCode, allowed)) continue;
        const actions = allowed.map(({ action }) => action.name);
        const named = actions.slice(0, NAMED_ACTIONS).join(', ');
        const more = actions.length > NAMED_ACTIONS ? ` (${actions.length} access-changing actions in all)` : '';
        ctx.report({
          messageId: 'custom-resource',
          data: { where, provider: run.name, role: identity.name, actions: `${named}${more}` },
          resource: handler.resource,
          detail: `Unseen::${run.name}`,
          pending: true,
        });
        reported = true;
        break;
      }
      // One finding per custom resource: the first function of its provider that may change access says it.
      if (reported) break;
    }
    if (reported || ranAsOwnRole || !handler.writesPolicy) continue;
    const what =
      handler.unresolvedProvider ??
      `Lambda function ${handler.runs.map(({ name }) => name).join(', ')} (its role is not created by the change)`;
    ctx.report({
      messageId: 'custom-resource-policy',
      data: { where, what },
      resource: handler.resource,
      detail: `Unseen::${handler.unresolvedProvider ?? handler.runs[0]?.name ?? where}`,
      pending: true,
    });
  }
}

function sourceKey(ref: ResourceRef): string {
  return `${ref.stack ?? ''}\u0000${ref.name}`;
}

/** The change's AWS identities that Lambda functions run as, by the function's resource. */
function runnersBySource(identities: readonly Identity[]): Map<string, Identity[]> {
  const runners = new Map<string, Identity[]>();
  for (const identity of identities) {
    if (identity.cloud !== 'aws') continue;
    for (const attachment of identity.attachments) {
      if (attachment.kind !== 'lambda') continue;
      const key = sourceKey(attachment.source);
      const list = runners.get(key);
      if (list) list.push(identity);
      else runners.set(key, [identity]);
    }
  }
  return runners;
}

/**
 * The actions the identity's policies allow together (the evaluation escalation and entitlement rules use) that
 * change access, those that manage permissions first, each group sorted.
 */
function accessChangingActions(ctx: RuleContext<UnseenKind>, identity: Identity): AllowedAction[] {
  const permissions: AllowedAction[] = [];
  const identities: AllowedAction[] = [];
  const holdings = heldPoliciesAndAllows(ctx, identity);
  // An ACL written there grants nothing, as SAM's S3CrudPolicy allows s3:PutObjectAcl on the bucket a custom resource
  // fills, unless the identity may turn the bucket's ACLs back on: by any policy it holds (the allowances are theirs
  // together), or by one whose content is not seen.
  const withoutAcls =
    holdings.held.opaque.length === 0 && !holdings.held.policies.some((policy) => mayTurnAclsOn(policy.document))
      ? bucketsOfStack(ctx.model.bucketsWithoutAcls ?? [], identity.resource.stack)
      : [];
  for (const allowed of holdings.all()) {
    if (NOTHING_TO_JUDGE.has(allowed.action.name)) continue;
    // `*` on log groups' ARNs grants no acm-pca:CreatePermission: only statements that may name a resource of the
    // action's types give it (resource-scope.ts), as no-privilege-escalation reads them.
    if (!allowed.statements.some((statement) => statementMayName(statement, allowed.action))) continue;
    if (
      withoutAcls.length > 0 &&
      isAclWrite(allowed.action) &&
      reachesOnlyBuckets(allowed.resources, allowed.notResources, withoutAcls)
    )
      continue;
    const change = accessChangeOf(allowed.action.name);
    if (change === 'permissions') permissions.push(allowed);
    else if (change !== undefined) identities.push(allowed);
  }
  return [...permissions, ...identities];
}

/**
 * Whether the role may change access only as the tool's shipped code does (ShippedCode): its actions, on named
 * resources where the tool names them. More than that, and what runs may be other code under the tool's name.
 */
function isShippedCodeAllowance(shipped: ShippedCode | undefined, allowed: readonly AllowedAction[]): boolean {
  if (!shipped) return false;
  const actions = new Set(shipped.actions.map((action) => action.toLowerCase()));
  return allowed.every(
    ({ action, resources, notResources }) =>
      actions.has(action.name.toLowerCase()) &&
      (!shipped.onNamedResourcesOnly || (notResources === undefined && !reachesEveryResource(resources, action))),
  );
}

/**
 * Whether the Resource values together reach every resource the action acts on (`*`, `arn:aws:s3:::*`, or
 * `arn:aws:ecs:*:*:cluster/*` with `arn:aws:ecs:*:*:task/*`: resource-scope.ts coversEveryResource), or may, one being
 * known only at deployment: it names no one resource.
 */
function reachesEveryResource(resources: readonly PolicyValue[], action: AwsAction): boolean {
  const known = resources.filter((resource): resource is string => typeof resource === 'string');
  return known.length < resources.length || coversEveryResource(known, action);
}
