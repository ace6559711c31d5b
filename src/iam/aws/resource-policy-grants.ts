import {
  isUnknown,
  unknownValue,
  type AwsPolicyGrant,
  type PolicyDocument,
  type Unknown,
  type Identity,
  type PolicyStatement,
  type PolicyValue,
  type ResourcePolicy as ModelResourcePolicy,
} from '../../model/model.js';
import { inAccount, OWN_ACCOUNT } from '../../model/deployment.js';
import { globMatch } from '../../util/glob.js';
import { isNarrowingOperator, isPatternOperator } from './condition-operators.js';

/** The account of an IAM ARN written as twelve digits. */
const LITERAL_ACCOUNT = /^(arn:aws[a-z-]*:iam::)\d{12}:/;

/** A role's ARN, its path (if any) left out: `arn:aws:iam::<account>:role/<path/>name`. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::([^:]+):role\/(?:[^*?]*\/)?([^/*?]+)$/;

/** An IAM or STS ARN whose partition and account are written (no `*` of an unknown part before or in them). */
const WRITTEN_ACCOUNT = /^arn:[^:*]+:(?:iam|sts)::([^:*]+):./;

/**
 * Whether an AWS principal known only in part is in the own account whatever its unknown parts turn out to be: its
 * pattern (model.ts Unknown.pattern) is an IAM or STS ARN whose partition and account are written, the account the own
 * one (`arn:aws:iam::<own-account>:role/*`: a role whose name the deployment sets). An unknown part before the account field could hold a colon
 * and move the field, so a `*` there keeps the value unknown.
 */
export function isOwnAccountPattern(value: Unknown, accountIds: readonly string[] = []): boolean {
  const account = value.pattern === undefined ? undefined : WRITTEN_ACCOUNT.exec(value.pattern)?.[1];
  return account !== undefined && (account === OWN_ACCOUNT || accountIds.includes(account));
}

/** A role session's ARN: `arn:aws:sts::<account>:assumed-role/<role name>/<session name>`. */
const SESSION_ARN = /^arn:aws[a-z-]*:sts::([^:]+):assumed-role\/([^/]+)\/[^/]+$/;

/** An IAM ARN's literal account read as the own one (LITERAL_ACCOUNT). */
function inOwnAccount(arn: string): string {
  return arn.replace(LITERAL_ACCOUNT, `$1${OWN_ACCOUNT}:`);
}

/** A resource policy the change writes, as an adapter reads it, with what its values wait for. */
export interface ResourcePolicy extends ModelResourcePolicy {
  /**
   * The identities of the change the document's values wait for (a Pulumi preview, a Terraform plan: the role's ARN is
   * known only at apply). A principal not known yet, or a document not known at all, may name any of them: each is
   * given what it may be granted, which the rules judge as a value not known until apply.
   */
  dependsOn?: readonly Identity[];
}

/** The policy as the model keeps it, for the rules that judge who it lets in: without the identities it waits for. */
export function asModelPolicy({ source, document, attachedTo }: ResourcePolicy): ModelResourcePolicy {
  return { source, document, attachedTo };
}

/**
 * What the change's resource policies (an S3 bucket policy, a KMS key policy, an SQS queue or SNS topic policy) grant
 * the change's own identities, added to each identity as a policy of its own: the rules then judge it as they judge
 * the identity's policies, and a grant beyond the catalog's entitlements cannot pass because it was written on the
 * resource rather than on the role.
 *
 * Why this is a grant: within one account, a request is allowed when an identity-based policy or a resource-based
 * policy allows it and nothing denies it (IAM User Guide, "Policy evaluation logic", "Identity-based policies with
 * resource-based policies"); a KMS key policy is the primary control of its key, and a statement naming a role lets the
 * role use the key with no IAM policy at all (AWS KMS Developer Guide, "Key policies in AWS KMS").
 *
 * A statement grants an identity when its `Principal` names the identity's ARN as the change renders it (a reference
 * to the role, or its ARN written out in the own account, or in a literal account where the own one is not known), or
 * names a session of the role (`arn:aws:sts::<account>:assumed-role/<role name>/<session name>`, a principal the IAM User
 * Guide lists under "AWS JSON policy elements: Principal", "Role session principals"; its ARN carries no path): the role
 * gets what the statement grants any session of it that takes that session name, which the role's holder chooses.
 * `Principal: "*"` whose condition admits only principals of given ARNs (`aws:PrincipalArn`, the ARN of the role for
 * a role's sessions: IAM User Guide, "AWS global condition context keys") grants the identities of the change it
 * admits, as naming them would. Otherwise `Principal: "*"`, `NotPrincipal`, accounts (`:root`), services and
 * principals the change does not create grant no identity of the change in particular and are left to the rules that
 * judge public and cross-account access. Each statement keeps its effect, actions and conditions; its
 * principal is taken off (an identity policy has none), and `Resource: "*"` (or none), which in a resource policy
 * means the resource the policy is attached to, becomes that resource.
 */
export function addResourcePolicyGrants(
  identities: readonly Identity[],
  policies: readonly ResourcePolicy[],
  accountIds: readonly string[] = [],
): void {
  if (policies.length === 0) return;
  const { identityOf, identitiesMatching } = principalReader(identities, accountIds);
  for (const policy of policies) {
    const waitedFor = policy.dependsOn ?? [];
    if (policy.document.unreadable) {
      for (const identity of waitedFor)
        identity.grants.push({
          kind: 'aws-policy',
          source: policy.source,
          document: policy.document,
          fromResourcePolicy: true,
        });
      continue;
    }
    const granted = new Map<Identity, PolicyStatement[]>();
    const perhaps = new Map<Identity, Unknown>();
    for (const statement of policy.document.statements) {
      const { principal } = statement;
      if (principal === undefined) continue;
      const named = new Set<Identity>();
      if (principal === '*' || (principal.AWS ?? []).some(isStar)) {
        for (const { operator, value } of principalArnConditions(statement)) {
          if (isUnknown(value)) for (const identity of waitedFor) named.add(identity);
          else if (operator === 'exact') {
            const identity = identityOf(value);
            if (identity) named.add(identity);
          } else for (const identity of identitiesMatching(value)) named.add(identity);
        }
      }
      for (const value of principal === '*' ? [] : (principal.AWS ?? [])) {
        if (isUnknown(value)) {
          for (const identity of waitedFor) named.add(identity);
          // Known in part, in the own account (`arn:aws:iam::<own-account>:role/*`): it may be any
          // identity it matches. One whose account is unknown too is left to restrict-trust, which holds it pending.
          if (value.pattern !== undefined && isOwnAccountPattern(value, accountIds))
            for (const identity of identitiesMatching(value.pattern))
              if (!perhaps.has(identity)) perhaps.set(identity, value);
        }
        const identity = typeof value === 'string' ? identityOf(value) : undefined;
        if (identity) named.add(identity);
      }
      if (named.size === 0) continue;
      const own = asIdentityStatement(statement, policy.attachedTo);
      for (const identity of named) {
        const list = granted.get(identity);
        if (list) list.push(own);
        else granted.set(identity, [own]);
      }
    }
    for (const [identity, statements] of granted) {
      const grant: AwsPolicyGrant = {
        kind: 'aws-policy',
        source: policy.source,
        document: { statements },
        fromResourcePolicy: true,
      };
      identity.grants.push(grant);
    }
    for (const [identity, principal] of perhaps) {
      if (granted.has(identity)) continue;
      identity.grants.push({
        kind: 'aws-policy',
        source: policy.source,
        document: maybeNamed(principal),
        fromResourcePolicy: true,
      });
    }
  }
}

/**
 * What a statement grants an identity its principal may name but need not: a principal known only in part, whose
 * pattern the identity's ARN matches (a role of the own account whose name is a parameter, and the change has a role of
 * such a name). Which role the deployment names decides whether the identity is granted anything, so the grant is not
 * known until then (a grant judged pending); where the change has no identity it could be, it grants none of them and
 * whom it lets in is restrict-trust's (the own account, trusted).
 */
function maybeNamed(principal: Unknown): PolicyDocument {
  return {
    statements: [],
    unreadable: unknownValue(`whether Principal ${principal.pattern ?? ''} (${principal.description}) names this role`),
  };
}

/** How a policy's principal values name the change's AWS identities (addResourcePolicyGrants). */
export interface PrincipalReader {
  /** The identity an ARN names: its own ARN, a session of the role, or its ARN in a literal account (see below). */
  identityOf: (value: string) => Identity | undefined;
  /** The identities an ARN pattern (aws:PrincipalArn under ArnLike) matches. */
  identitiesMatching: (pattern: string) => Identity[];
}

/**
 * The change's AWS identities by the ARNs that name them: as the change renders them, in each account it deploys into,
 * and as sessions of a role. Resource policies and EKS access (iam/aws/eks-access-grants.ts) name identities alike.
 */
export function principalReader(identities: readonly Identity[], accountIds: readonly string[] = []): PrincipalReader {
  const byArn = new Map<string, Identity>();
  for (const identity of identities) {
    if (identity.cloud !== 'aws' || typeof identity.arn !== 'string') continue;
    byArn.set(identity.arn, identity);
    for (const account of accountIds) byArn.set(inAccount(identity.arn, account), identity);
    const session = sessionKey(identity.arn, ROLE_ARN);
    if (session === undefined) continue;
    byArn.set(session, identity);
    for (const account of accountIds) byArn.set(inAccount(session, account), identity);
  }
  // Where the accounts the change deploys into are not known (a template, a plan before the first apply), a role's ARN
  // written with a literal account (`arn:aws:iam::111122223333:role/app`, built from the caller identity) may be the
  // change's own role of that name: it is read as the role, so a grant to it is judged rather than passed.
  const lookUp = (value: string) =>
    byArn.get(value) ?? (accountIds.length === 0 ? byArn.get(inOwnAccount(value)) : undefined);
  const identityOf = (value: string) => {
    const session = sessionKey(value, SESSION_ARN);
    return lookUp(session === undefined ? value : session);
  };
  // An ARN pattern of aws:PrincipalArn: each identity whose ARN, as the change renders it or in a known own account,
  // it matches; a literal account, while the own one is not known, read as the own one (as identityOf reads it).
  const identitiesMatching = (pattern: string): Identity[] => {
    const own = accountIds.length === 0 ? inOwnAccount(pattern) : pattern;
    const matches = new Set<Identity>();
    for (const [arn, identity] of byArn) if (globMatch(pattern, arn) || globMatch(own, arn)) matches.add(identity);
    return [...matches];
  };
  return { identityOf, identitiesMatching };
}

/**
 * The values a statement's condition holds aws:PrincipalArn to, and whether they are patterns: the operators that
 * admit only principals whose ARN matches one of them (iam/aws/condition-operators.ts; ArnEquals and ArnLike match with
 * `*` and `?`, StringLike too: IAM User Guide, "Amazon Resource Name (ARN) condition operators"). `…IfExists` admits the
 * same principals, and requests without the key (anonymous ones), which are no identity of the change.
 */
function principalArnConditions(statement: PolicyStatement): { operator: 'glob' | 'exact'; value: PolicyValue }[] {
  const found: { operator: 'glob' | 'exact'; value: PolicyValue }[] = [];
  for (const [written, keys] of Object.entries(statement.condition ?? {})) {
    const admitting = written.replace(/IfExists$/i, '');
    if (!isNarrowingOperator(admitting)) continue;
    const operator = isPatternOperator(admitting) ? 'glob' : 'exact';
    for (const [key, values] of Object.entries(keys))
      if (key.toLowerCase() === 'aws:principalarn') for (const value of values) found.push({ operator, value });
  }
  return found;
}

/**
 * What a role's ARN (ROLE_ARN) or one of its sessions' ARNs (SESSION_ARN) is looked up by: the role's name in its
 * account, written as an IAM ARN without path so that LITERAL_ACCOUNT reads it.
 */
function sessionKey(arn: string, form: RegExp): string | undefined {
  const match = form.exec(arn);
  return match ? `arn:aws:iam::${match[1]}:assumed-role/${match[2]}` : undefined;
}

/** The statement as an identity policy writes it: no principal, and `*` or no resource as the resource it is on. */
function asIdentityStatement(statement: PolicyStatement, attachedTo: readonly PolicyValue[]): PolicyStatement {
  const { principal: _principal, ...rest } = statement;
  const everywhere = rest.notResource === undefined && (rest.resource === undefined || rest.resource.every(isStar));
  return everywhere && attachedTo.length > 0 ? { ...rest, resource: [...attachedTo] } : rest;
}

function isStar(value: PolicyValue): boolean {
  return !isUnknown(value) && value === '*';
}
