import type { UnseenKind } from '../model/model.js';
import { defineRule } from './define.js';

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
      'nothing the template shows. Any of them can create an administrator role or an access key that no rule ever sees, ' +
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
      'sdk-call':
        '{{where}} calls {{what}} while CloudFormation deploys it (a CDK AwsCustomResource): the call makes an identity, a ' +
        'credential or a secret, or changes who may do what, and what it makes is no resource of the template, so it cannot be ' +
        'verified. Define it with the resources the check reads (AWS::IAM::AccessKey, AWS::IAM::Policy, a key or bucket policy), ' +
        'or have the call reviewed and set this rule to advisory in the catalog.',
      'unreadable-sdk-call':
        '{{where}} is a CDK AwsCustomResource and {{what}} cannot be read: the call it makes while CloudFormation deploys it may ' +
        'make an identity or a credential, or change who may do what, and cannot be verified. Write the service and action ' +
        'as literals.',
      'unreadable-template':
        '{{where}} holds a template that cannot be read ({{what}}): the identities and grants it creates cannot be verified. Fix the ' +
        'template so it parses.',
    },
  },
  check(ctx) {
    for (const unseen of ctx.model.unseen ?? []) {
      const where = [unseen.resource.stack, unseen.resource.name].filter(Boolean).join('/');
      ctx.report({
        messageId: unseen.kind,
        data: { where, what: unseen.what, chart: unseen.named === undefined ? '' : ` of chart ${unseen.named}` },
        resource: unseen.resource,
        detail: `Unseen::${unseen.what}`,
        // Pending: unresolved at synth or plan time, so the template and plan gates fail closed. A Pulumi type no adapter
        // reads is unseen at `pulumi up` too, so it is not pending there (the pack would report it as advisory).
        // A Helm release's objects are not seen at apply either, in any front-end.
        ...(unseen.kind === 'unmodelled-pulumi-type' || unseen.kind === 'helm-release' ? {} : { pending: true }),
      });
    }
  },
});
