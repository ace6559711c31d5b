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
import { actionMatches, expandActionPattern } from '../../iam/aws/actions.js';
import { isNarrowingOperator } from '../../iam/aws/condition-operators.js';
import { lookupTable } from '../../util/records.js';

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface ConditionClause {
  operator: string;
  key: string;
  values: PolicyValue[];
  /**
   * How the policy wrote it, when that is not `operator`: a Deny's negated clause read as the narrowing it leaves
   * (a Deny of everyone with StringNotEquals aws:PrincipalAccount is an Allow only for the accounts it names).
   */
  written?: string;
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

/** The narrowing clauses on a condition key (keys compare case-insensitively, as IAM does). */
export function narrowingClauses(entry: TrustEntry, key: string): ConditionClause[] {
  const wanted = key.toLowerCase();
  return entry.conditions.filter(
    (clause) => clause.key.toLowerCase() === wanted && isNarrowingOperator(clause.operator),
  );
}

// ---------- Secret resource policies ----------

/**
 * The actions that give a secret's value: reading it, and rewriting the secret's resource policy, with which a
 * principal grants itself the read (as iam:PutRolePolicy is an escalation to any action). BatchGetSecretValue returns
 * values too, but Secrets Manager asks for GetSecretValue on each secret as well, so a statement that cannot grant
 * GetSecretValue lets no one read the value.
 */
export const READ_SECRET_VALUE: readonly string[] = [
  'secretsmanager:GetSecretValue',
  'secretsmanager:PutResourcePolicy',
];

/** What an Allow statement may grant of some actions: `grants` as readsSecretValue says, and which of them. */
export interface SecretGrant {
  grants: boolean | Unknown;
  /** The actions of the set the statement grants, or all of them while an Unknown action may be any. */
  actions: readonly string[];
}

/**
 * Which of `wanted` an Allow statement's actions include, matched as IAM matches actions: an Action pattern that covers
 * one does; NotAction does unless its patterns exclude it (an Unknown excludes nothing, as an Allow is read everywhere:
 * evaluate.ts). An Action list that could only grant one through a value not known yet is that Unknown.
 */
export function secretGrant(statement: PolicyStatement, wanted: readonly string[]): SecretGrant {
  const excluded = statement.notAction;
  if (excluded) {
    const actions = wanted.filter(
      (action) => !excluded.some((pattern) => !isUnknown(pattern) && actionMatches(pattern, action)),
    );
    return { grants: actions.length > 0, actions };
  }
  const patterns = statement.action ?? [];
  const actions = wanted.filter((action) =>
    patterns.some((pattern) => !isUnknown(pattern) && actionMatches(pattern, action)),
  );
  if (actions.length > 0) return { grants: true, actions };
  const unknown = patterns.find(isUnknown);
  return unknown ? { grants: unknown, actions: wanted } : { grants: false, actions: [] };
}

/**
 * Secrets Manager actions a policy on one secret grants that are not about the value or who may use it: CreateSecret
 * makes another secret (whose ARN this policy cannot name), ValidateResourcePolicy only checks a document.
 */
const NOT_A_WRITE_OF_THE_SECRET = new Set(['secretsmanager:CreateSecret', 'secretsmanager:ValidateResourcePolicy']);

let writeActions: readonly string[] | undefined;

/**
 * The actions that change or delete a secret: the action data's Write and Permissions management actions of Secrets
 * Manager on a secret (PutSecretValue, UpdateSecret, DeleteSecret, RotateSecret, …), without the ones that give the
 * value (READ_SECRET_VALUE: PutResourcePolicy is judged, once, as a read) and NOT_A_WRITE_OF_THE_SECRET. Tagging is
 * left out: a tag changes neither the value nor the policy.
 */
export function secretWriteActions(): readonly string[] {
  writeActions ??= expandActionPattern('secretsmanager:*')
    .filter(
      (action) =>
        (action.accessLevel === 'Write' || action.accessLevel === 'Permissions management') &&
        action.scopable &&
        !NOT_A_WRITE_OF_THE_SECRET.has(action.name) &&
        !READ_SECRET_VALUE.includes(action.name),
    )
    .map((action) => action.name)
    .sort();
  return writeActions;
}

/** Whether an Allow statement may let its principals read the value (READ_SECRET_VALUE; see secretGrant). */
export function readsSecretValue(statement: PolicyStatement): boolean | Unknown {
  return secretGrant(statement, READ_SECRET_VALUE).grants;
}

// ---------- Deny statements of a resource policy ----------

/**
 * What the Deny statements of a resource policy leave of one Allow principal's access to some actions, as IAM
 * evaluates them (an explicit Deny wins over any Allow):
 * - `denied`: a Deny covers every one of the actions, the whole resource (`*`), and every principal the entry admits,
 *   unconditionally (or on a condition that holds for each of them);
 * - `narrowed`: Denies of everyone except the principals a negated condition names (StringNotEquals
 *   aws:PrincipalOrgID …, the data-perimeter pattern), each given as the positive clause it leaves, to be judged with
 *   the Allow's own conditions (every clause must hold);
 * - `unweighed`: the first Deny that covers the actions, resource and principal but whose condition cannot be
 *   evaluated statically (a source IP, a VPC endpoint, a second key): it is not counted, so the finding stays, and
 *   this lets the finding say so rather than claim no condition narrows it.
 */
export interface DenyWeighing {
  denied: boolean;
  clauses: ConditionClause[];
  unweighed?: { statement: string; condition: string };
}

/**
 * Negated operators and the narrowing operator a Deny on them leaves (IfExists: the Deny holds also when the key is
 * absent, which denies more, never less). A negated operator holds when the key is absent (IAM condition operators:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), so
 * StringNotEquals aws:PrincipalOrgID denies principals of no organization too; its values are a NOR.
 */
const NEGATED_OPERATORS: Record<string, string> = lookupTable({
  stringnotequals: 'StringEquals',
  stringnotequalsifexists: 'StringEquals',
  stringnotequalsignorecase: 'StringEqualsIgnoreCase',
  stringnotequalsignorecaseifexists: 'StringEqualsIgnoreCase',
  stringnotlike: 'StringLike',
  stringnotlikeifexists: 'StringLike',
  arnnotequals: 'ArnEquals',
  arnnotequalsifexists: 'ArnEquals',
  arnnotlike: 'ArnLike',
  arnnotlikeifexists: 'ArnLike',
});

/**
 * Condition keys that tie a request to the principal who makes it, never to what it is about: the keys a Deny's
 * negated clause may exempt principals by, and with SOURCE_KEYS those that narrow `Principal: "*"`.
 */
export const PRINCIPAL_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  // The caller's account in a KMS request (AWS KMS Developer Guide, "AWS KMS condition keys", kms:CallerAccount): a
  // key policy's `Principal: "*"` with it and kms:ViaService is how AWS managed keys let one account's callers in.
  'kms:CallerAccount',
];
/**
 * Condition keys that tie a service principal's request to the account or resource it acts for (the confused-deputy
 * condition, or its Deny: StringNotEquals aws:SourceAccount).
 */
export const SOURCE_KEYS: readonly string[] = [
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  // The account of the resource a service acts for, as Amazon SNS's default topic policy writes it (`AWS:SourceOwner`);
  // aws:SourceAccount replaced it (IAM User Guide maintainers, awsdocs/iam-user-guide#111), SNS still honours it.
  'aws:SourceOwner',
];
/**
 * Condition keys that confine a request to one VPC or VPC endpoint. A fixed value of either makes a bucket policy's
 * `Principal: "*"` not public (S3 API Reference, PublicAccessBlockConfiguration: "Amazon S3 considers a bucket policy
 * public unless … a fixed aws:SourceVpc, a fixed aws:SourceVpce"): only requests through that network reach the resource.
 */
export const NETWORK_KEYS: readonly string[] = ['aws:SourceVpce', 'aws:SourceVpc'];
/**
 * What ties a service principal's request to one source besides SOURCE_KEYS: the Alexa skill id Lambda writes as
 * `lambda:EventSourceToken` in a permission for `alexa-appkit.amazon.com` or `alexa-connectedhome.amazon.com` (Lambda
 * API Reference, AddPermission: EventSourceToken; Alexa's "Add an Alexa trigger" guidance, skill ID verification), so
 * that no other skill invokes the function. It confines a service, not `Principal: "*"`: a skill id is no secret.
 */
export const SERVICE_SOURCE_KEYS: readonly string[] = [...SOURCE_KEYS, 'lambda:EventSourceToken'];
/** Condition keys are case-insensitive: the lists as a policy's clause is compared with them. */
const PRINCIPAL_KEYS_LOWER = new Set(PRINCIPAL_KEYS.map((key) => key.toLowerCase()));
const SOURCE_KEYS_LOWER = new Set(SOURCE_KEYS.map((key) => key.toLowerCase()));
/**
 * The keys a Deny of `Principal: "*"` may spare requests by: those of principals, and those of the network a request
 * comes through (a private API's Deny unless aws:SourceVpce is its endpoint, as API Gateway documents it), which narrow
 * an Allow of `*` as its own condition does.
 */
const EVERYONE_KEYS_LOWER = new Set([...PRINCIPAL_KEYS, ...NETWORK_KEYS].map((key) => key.toLowerCase()));

/**
 * What the Allow statement is on, for telling whether a Deny covers all of it: `resources`, the Allow's Resource (a
 * Deny whose Resource covers each of them covers it as `*` does); `trust`, a role's trust policy, whose statements
 * name no resource (the role is the resource), so a Deny there without Resource or NotResource covers the role.
 */
export interface DenyScope {
  resources?: readonly PolicyValue[];
  trust?: boolean;
}

/**
 * The Allow entry's access to `actions` (action names; all must be denied for the access to go) after the policy's
 * Deny statements. `ownAccounts`: the accounts the change deploys into, whose principals a Deny's exemption may name.
 */
export function weighDenies(
  entry: TrustEntry,
  actions: readonly string[],
  denies: readonly PolicyStatement[],
  ownAccounts: readonly string[],
  scope: DenyScope = {},
): DenyWeighing {
  const weighing: DenyWeighing = { denied: false, clauses: [] };
  // `AWS: "*"` (or an account wildcard) admits every principal, as `Principal: "*"` does.
  const everyone =
    entry.type === 'everyone' ||
    (entry.type === 'AWS' &&
      typeof entry.value === 'string' &&
      parseAwsPrincipal(entry.value, ownAccounts).kind === 'everyone');
  for (const [index, deny] of denies.entries()) {
    if (!actions.every((action) => denyCoversAction(deny, action)) || !denyCoversResources(deny, scope)) continue;
    if (!denyNamesPrincipal(deny, entry, ownAccounts)) continue;
    const exemption = denyExemption(deny, entry);
    if (exemption === 'always') return { denied: true, clauses: [] };
    if (exemption === undefined || (exemption.kind === 'unweighed' && weighing.unweighed)) continue;
    if (exemption.kind === 'unweighed') {
      weighing.unweighed = {
        statement: deny.sid ? `"${deny.sid}"` : `statement ${index + 1}`,
        condition: exemption.condition,
      };
    } else if (everyone || entry.type === 'Service') weighing.clauses.push(exemption.clause);
    else if (entry.type === 'AWS' && exemptsNone(exemption.clause, entry.value, ownAccounts))
      return { denied: true, clauses: [] };
  }
  return weighing;
}

/** Whether a Deny's Action (or NotAction) covers the action; an Unknown denies nothing (evaluate.ts: it narrows a Deny). */
function denyCoversAction(deny: PolicyStatement, action: string): boolean {
  if (deny.action) return deny.action.some((pattern) => !isUnknown(pattern) && actionMatches(pattern, action));
  const excluded = deny.notAction ?? [];
  return !excluded.some((pattern) => isUnknown(pattern) || actionMatches(pattern, action));
}

/**
 * A Deny covers the resource when its Resource is `*`: in a secret's policy that is the secret itself. A narrower
 * Resource names an ARN the change may not know (the secret's suffix is random), so it is counted only where it
 * covers each resource the Allow names, as a pattern (the same ARN, or a wildcard over it); a value known only at
 * apply covers nothing. In a role's trust policy (DenyScope.trust) no statement names a resource: a Deny without
 * Resource or NotResource covers the role.
 */
function denyCoversResources(deny: PolicyStatement, { resources, trust }: DenyScope): boolean {
  const denied = deny.resource;
  if (deny.notResource) return false;
  if (denied === undefined) return trust === true;
  if (denied.some((value) => value === '*')) return true;
  if (!resources || resources.length === 0) return false;
  return resources.every(
    (allowed) =>
      typeof allowed === 'string' &&
      denied.some((pattern) => typeof pattern === 'string' && globCovers(pattern, allowed)),
  );
}

/** The AssumeRole actions a trust entry's Allow grants (ASSUME_ACTIONS; NotAction or an Unknown action: all of them). */
export function assumeActionsOf(entry: TrustEntry): string[] {
  if (entry.actions.length === 0 || entry.actions.some(isUnknown)) return [...ASSUME_ACTIONS];
  return ASSUME_ACTIONS.filter((action) =>
    entry.actions.some(
      (pattern) => typeof pattern === 'string' && globMatch(pattern, action, { caseInsensitive: true }),
    ),
  );
}

/**
 * Whether the Deny's principals include every principal of the entry: `*`, the same principal, or the account an
 * AWS principal belongs to (an account principal in a resource policy stands for every principal of the account).
 * NotPrincipal is not weighed.
 */
function denyNamesPrincipal(deny: PolicyStatement, entry: TrustEntry, ownAccounts: readonly string[]): boolean {
  if (deny.notPrincipal) return false;
  const block = deny.principal;
  if (block === '*') return true;
  const aws = block?.AWS ?? [];
  if (aws.includes('*')) return true;
  const value = entry.value;
  if (entry.type === 'everyone' || isUnknown(value)) return false;
  if ((block?.[entry.type] ?? []).includes(value)) return true;
  if (entry.type !== 'AWS') return false;
  const principal = parseAwsPrincipal(value, ownAccounts);
  return (
    principal.kind === 'account' &&
    aws.some((denied) => typeof denied === 'string' && isAccountPrincipal(denied, principal.account))
  );
}

/** `123456789012` or `arn:aws:iam::123456789012:root`: every principal of that account. */
function isAccountPrincipal(value: string, account: string): boolean {
  return value === account || new RegExp(`^arn:[^:]+:iam::${account}:root$`).test(withoutPlaceholders(value));
}

type Exemption =
  { kind: 'unless'; clause: ConditionClause } | { kind: 'unweighed'; condition: string } | 'always' | undefined;

/**
 * Whom a Deny that names the entry's principals spares: nobody (`always`, no condition), those one negated clause on a
 * principal key names (`unless`), or an unknown set (`unweighed`: a condition this reading does not evaluate).
 * `Bool aws:PrincipalIsAWSService false` beside it is the data-perimeter's way of sparing AWS services acting with
 * their service principal: it holds for every AWS account principal, so the Deny still applies to those; it spares a
 * Service entry (undefined: not counted).
 */
function denyExemption(deny: PolicyStatement, entry: TrustEntry): Exemption {
  const all = conditionClauses(deny);
  if (all.length > 0 && all.every(isTransportClause)) return undefined;
  const clauses = all.filter((clause) => !sparesServices(clause) || entry.type === 'Service');
  if (entry.type === 'Service' && clauses.some(sparesServices)) return undefined;
  if (clauses.length === 0) return 'always';
  const [clause] = clauses;
  const positive = clause && NEGATED_OPERATORS[clause.operator.toLowerCase()];
  const keys =
    entry.type === 'Service'
      ? SOURCE_KEYS_LOWER
      : entry.type === 'everyone'
        ? EVERYONE_KEYS_LOWER
        : PRINCIPAL_KEYS_LOWER;
  if (clauses.length === 1 && clause && positive && keys.has(clause.key.toLowerCase()))
    return {
      kind: 'unless',
      clause: { operator: positive, key: clause.key, values: clause.values, written: `a Deny with ${clause.operator}` },
    };
  return { kind: 'unweighed', condition: clauses.map((each) => `${each.operator} ${each.key}`).join(', ') };
}

/**
 * A clause on how a request travels, not who makes it (aws:SecureTransport false, the TLS-only Deny of S3, SQS and SNS
 * best practice; s3:TlsVersion): a Deny on it spares every principal that uses TLS, so it narrows nobody's access and
 * is not weighed as a Deny that might.
 */
function isTransportClause(clause: ConditionClause): boolean {
  const key = clause.key.toLowerCase();
  return key === 'aws:securetransport' || key === 's3:tlsversion';
}

function sparesServices(clause: ConditionClause): boolean {
  return (
    /^Bool(IfExists)?$/i.test(clause.operator) &&
    clause.key.toLowerCase() === 'aws:principalisawsservice' &&
    clause.values.length > 0 &&
    clause.values.every((value) => value === 'false')
  );
}

/**
 * Whether a Deny sparing the principals `clause` names still denies the account principal `value`: true when every
 * value of the clause is an account (aws:PrincipalAccount) or an ARN (aws:PrincipalArn) of another account. An
 * organization, a wildcard, a policy variable or an Unknown may include the account, so it is not counted.
 */
function exemptsNone(clause: ConditionClause, value: PolicyValue, ownAccounts: readonly string[]): boolean {
  if (isUnknown(value)) return false;
  const principal = parseAwsPrincipal(value, ownAccounts);
  if (principal.kind !== 'account') return false;
  const key = clause.key.toLowerCase();
  if (key !== 'aws:principalaccount' && key !== 'aws:principalarn') return false;
  return clause.values.every((exempt) => {
    if (isUnknown(exempt) || hasWildcard(exempt) || exempt.includes('${')) return false;
    const account = key === 'aws:principalarn' ? withoutPlaceholders(exempt).split(':')[4] : exempt;
    return (
      account !== undefined && account !== principal.account && (/^\d{12}$/.test(account) || account === OWN_ACCOUNT)
    );
  });
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
  // The own account written as an account id (`AWS: !Ref AWS::AccountId`), as an ARN's account field reads below.
  if (value === OWN_ACCOUNT) return { kind: 'account', account: OWN_ACCOUNT, own: true };
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
