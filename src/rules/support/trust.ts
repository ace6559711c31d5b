/**
 * Reads an AWS trust (assume-role) policy as "who may assume this role, under which conditions":
 * one TrustEntry per principal of each Allow statement that grants an sts:AssumeRole* action.
 * Shared by restrict-trust and break-glass-isolation so both read principals and conditions the same way.
 */
import { OWN_ACCOUNT, replaceResourceValues } from '../../model/deployment.js';
import {
  isUnknown,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyValue,
  type Unknown,
} from '../../model/model.js';
import { globCovers, globMatch, hasWildcard } from '../../util/glob.js';
import { actionMatches } from '../../iam/aws/actions.js';

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface ConditionClause {
  operator: string;
  key: string;
  values: PolicyValue[];
}

export interface TrustEntry {
  /** `everyone` for `Principal: "*"` and for Allow with NotPrincipal (everyone except a few). */
  type: PrincipalType | 'everyone';
  value: PolicyValue;
  conditions: ConditionClause[];
  /** The trust statement's actions, for telling web-identity trust from plain AssumeRole. */
  actions: PolicyValue[];
}

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

/** Per trust document: adapters share one parsed document among the roles that repeat it (every CDK Lambda role). */
const entriesByDocument = new WeakMap<PolicyDocument, readonly TrustEntry[]>();

/** Who a trust policy lets assume the role, one entry per principal of each Allow that grants AssumeRole. Shared: do not modify. */
export function trustEntries(document: PolicyDocument): readonly TrustEntry[] {
  let entries = entriesByDocument.get(document);
  if (!entries) entriesByDocument.set(document, (entries = collectTrustEntries(document)));
  return entries;
}

function collectTrustEntries(document: PolicyDocument): TrustEntry[] {
  const entries: TrustEntry[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow' || !grantsAssume(statement)) continue;
    entries.push(...principalEntries(statement));
  }
  return entries;
}

/**
 * One entry per principal a resource policy statement names, with the statement's conditions: any statement, whatever
 * its effect and actions (the caller picks the statements it judges, as trustEntries picks the AssumeRole ones).
 */
export function principalEntries(statement: PolicyStatement): TrustEntry[] {
  const conditions = conditionClauses(statement);
  const actions = statement.action ?? [];
  if (statement.principal === '*' || statement.notPrincipal)
    return [{ type: 'everyone', value: '*', conditions, actions }];
  const entries: TrustEntry[] = [];
  for (const [type, values] of Object.entries(statement.principal ?? {}) as [PrincipalType, PolicyValue[]][]) {
    for (const value of values) entries.push({ type, value, conditions, actions });
  }
  return entries;
}

/** NotAction or an Unknown action may include AssumeRole, so both count (fail closed). */
function grantsAssume(statement: PolicyStatement): boolean {
  if (!statement.action) return true;
  return statement.action.some((action) => isUnknown(action) || isAssumeAction(action));
}

/** Action pattern -> whether it matches an AssumeRole action: every role's trust repeats the same few patterns. */
const assumePatterns = new Map<string, boolean>();

function isAssumeAction(pattern: string): boolean {
  let assume = assumePatterns.get(pattern);
  if (assume === undefined) {
    assume = ASSUME_ACTIONS.some((action) => globMatch(pattern, action, { caseInsensitive: true }));
    assumePatterns.set(pattern, assume);
  }
  return assume;
}

function conditionClauses(statement: PolicyStatement): ConditionClause[] {
  if (!statement.condition) return [];
  return Object.entries(statement.condition).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => ({ operator, key, values })),
  );
}

/**
 * Operators under which a condition key must be present and match: the only ones that narrow who may assume.
 * `…IfExists` and `ForAllValues:` pass when the key is absent; negated operators admit everything else.
 */
const NARROWING_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i;
const PATTERN_OPERATOR = /(StringLike|ArnLike|ArnEquals)$/i;

export function isNarrowingOperator(operator: string): boolean {
  return NARROWING_OPERATOR.test(operator);
}

/** True when the operator reads `*` and `?` as wildcards (ArnEquals does, like ArnLike). */
export function isPatternOperator(operator: string): boolean {
  return PATTERN_OPERATOR.test(operator);
}

/** The narrowing clauses on a condition key (keys compare case-insensitively, as IAM does). */
export function narrowingClauses(entry: TrustEntry, key: string): ConditionClause[] {
  const wanted = key.toLowerCase();
  return entry.conditions.filter(
    (clause) => clause.key.toLowerCase() === wanted && isNarrowingOperator(clause.operator),
  );
}

// ---------- Secret resource policies ----------

/**
 * The action that returns a secret's value. BatchGetSecretValue returns values too, but Secrets Manager asks for
 * GetSecretValue on each secret as well, so a statement that cannot grant GetSecretValue lets no one read the value.
 */
/**
 * The actions that give a secret's value: reading it, and rewriting the secret's resource policy, with which a
 * principal grants itself the read (as iam:PutRolePolicy is an escalation to any action).
 */
const READ_SECRET_VALUE = ['secretsmanager:GetSecretValue', 'secretsmanager:PutResourcePolicy'];

/**
 * Whether an Allow statement's actions include reading the value (READ_SECRET_VALUE), matched as IAM matches actions:
 * an Action pattern that covers one of them does; NotAction does unless its patterns exclude them all (an Unknown
 * excludes nothing, as an Allow is read everywhere: evaluate.ts). An Action list that could only read it through a
 * value not known yet is that Unknown.
 */
export function readsSecretValue(statement: PolicyStatement): boolean | Unknown {
  const covers = (pattern: PolicyValue) =>
    !isUnknown(pattern) && READ_SECRET_VALUE.some((action) => actionMatches(pattern, action));
  const excluded = statement.notAction;
  if (excluded)
    return READ_SECRET_VALUE.some(
      (action) => !excluded.some((pattern) => !isUnknown(pattern) && actionMatches(pattern, action)),
    );
  const actions = statement.action ?? [];
  if (actions.some(covers)) return true;
  return actions.find(isUnknown) ?? false;
}

// ---------- AWS principals ----------

export type AwsPrincipal =
  { kind: 'everyone' } | { kind: 'account'; account: string; own: boolean } | { kind: 'unrecognized' };

const IAM_ARN = /^arn:[^:]+:(?:iam|sts)::([^:]*):.+$/;

/**
 * Values known at deploy time may hold colons (an IAM policy variable, `${aws:PrincipalAccount}`; another resource's
 * value, `<id of name:with:colons>`), which would split an ARN wrongly: they lose their colons before an ARN's fields
 * are read. The deployment's own account is a model value (`<own-account>`, model/deployment.ts) and stays as it is.
 */
export function withoutPlaceholders(arn: string): string {
  const variables = arn.replace(/\$\{[^}]*\}/g, (placeholder) => placeholder.replaceAll(':', '_'));
  return replaceResourceValues(
    variables,
    (resource, attribute) => `<${attribute} of ${resource.replaceAll(':', '_')}>`,
  );
}

/** `*`, `123456789012`, `arn:aws:iam::123456789012:root`, `arn:aws:iam::123456789012:role/Name`, `arn:aws:sts::…:assumed-role/…`. */
export function parseAwsPrincipal(value: string, ownAccounts: readonly string[] = []): AwsPrincipal {
  if (value === '*') return { kind: 'everyone' };
  const account = /^\d{12}$/.test(value) ? value : IAM_ARN.exec(withoutPlaceholders(value))?.[1];
  if (account === undefined || account === '') return { kind: 'unrecognized' };
  if (account === OWN_ACCOUNT) return { kind: 'account', account: OWN_ACCOUNT, own: true };
  if (hasWildcard(account)) return { kind: 'everyone' };
  return /^\d{12}$/.test(account)
    ? { kind: 'account', account, own: ownAccounts.includes(account) }
    : { kind: 'unrecognized' };
}

// ---------- Federated principals ----------

export type FederatedPrincipal = { kind: 'saml' } | { kind: 'oidc'; issuer: string };

/**
 * `arn:…:saml-provider/Name` is SAML; `arn:…:oidc-provider/<issuer>` is OIDC with that issuer. Anything else
 * (`cognito-identity.amazonaws.com`, `accounts.google.com`) is a web-identity provider whose name is its issuer.
 */
export function parseFederatedPrincipal(value: string): FederatedPrincipal {
  const arn = withoutPlaceholders(value);
  if (/^arn:[^:]+:iam::[^:]*:saml-provider\//.test(arn)) return { kind: 'saml' };
  const oidc = /^arn:[^:]+:iam::[^:]*:oidc-provider\/(.+)$/.exec(arn);
  return { kind: 'oidc', issuer: oidc?.[1] ?? value };
}

// ---------- Subject patterns ----------

/**
 * True when every string matched by `inner` is also matched by `outer` (both globs with `*` and `?`). With
 * `innerIsPattern` false, `inner` is a literal (a StringEquals value, whose `*` is a character) and this is plain glob
 * matching; otherwise pattern containment (util/glob.ts globCovers).
 */
export function patternCovers(outer: string, inner: string, innerIsPattern: boolean): boolean {
  return innerIsPattern ? globCovers(outer, inner) : globMatch(outer, inner);
}
