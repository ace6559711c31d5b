import { entitlementById } from '../../catalog/entitlement-index.js';
import { actionMatches } from '../iam/aws/actions.js';
import { actionsNamed, narrowAllowance, type ActionSelection, type AllowedAction } from '../iam/aws/evaluate.js';
import { allowsAllOfIam, iamActions, namesOnlyAwsManagedPolicies } from '../iam/aws/managed.js';
import { mayPassToService } from '../iam/aws/passed-to-service.js';
import { coversEveryResource, statementMayName } from '../iam/aws/resource-scope.js';
import { privilegedCategory } from '../iam/aws/privileged.js';
import { namesOnlyServiceLinkedRoles, refusedOnServiceLinkedRoles } from '../iam/aws/service-linked-roles.js';
import { runsNoCodeAsRole } from '../iam/aws/service-roles.js';
import { hasResourceValue, OWN_ACCOUNT, OWN_REGION, resourceValue } from '../model/deployment.js';
import { isUnknown, type Identity, type PolicyValue, type Unknown } from '../model/model.js';
import { mustGet } from '../util/must.js';
import { defineRule, type RuleContext } from './define.js';
import { ESCALATION_PATHS, type EscalationPath } from './escalation-paths.js';
import { heldPoliciesAndAllows, unknownHeldGrant, type HeldPolicies } from './support/held-policies.js';
import { sanctionCheck, sanctionedEntitlements, type SanctionCheck } from './support/just-in-time.js';
import { trustEntries } from './support/trust.js';

type MessageId = 'administrator' | 'path' | 'pathPending' | 'grantsUnknown' | 'grantsMalformed';

/**
 * One finding per (identity, path), so a waiver names the exact path it accepts and a path added later is a new
 * finding. An identity holding all of IAM on `*` gets one finding instead: every path is open, and listing each
 * would bury the point that it can already grant itself anything.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'no-privilege-escalation',
    title: 'No privilege-escalation paths',
    level: 'mandatory',
    rationale:
      'Some actions are worth more than they say: rewriting a policy, attaching one, minting keys for another user, or handing a ' +
      'role to compute you control each lets an identity take permissions it was never granted. Reviewing grants one by one misses ' +
      'these combinations; this rule evaluates every policy the identity holds (inline, attached, managed, through its groups) together.',
    remediation:
      'Remove one action of the path, or scope it so it leads nowhere: iam:PassRole to the one role the service needs with an ' +
      'iam:PassedToService condition, policy and key management to named resources, ssm and sts actions to named instances and roles. ' +
      'Administration that truly needs these belongs to a break-glass or just-in-time identity.',
    frameworks: [
      'OWASP-NHI5:2025',
      'NIST-CSF-2.0:PR.AA-05',
      'MITRE-ATTACK:T1098.003',
      'MITRE-ATTACK:T1098.001',
      'MITRE-ATTACK:T1548.005',
    ],
    messages: {
      administrator:
        '{{identity}} is allowed every IAM action on "*" (for example {{grant}}), so all {{count}} listed escalation paths are open: ' +
        'it can grant itself anything. Replace the grant with the specific actions it needs; administration belongs to a ' +
        'break-glass or just-in-time identity.',
      path:
        '{{identity}} can {{title}}: it is allowed {{grants}}.{{conditional}} Remove one of these actions or scope it to resources that ' +
        'grant no more privilege (path {{path}}, {{source}}).',
      pathPending: '{{identity}}: escalation path {{path}} ({{title}}) cannot be verified until apply: {{what}}.',
      grantsUnknown: '{{identity}}: escalation paths cannot be verified until apply: {{what}}.',
      grantsMalformed:
        '{{identity}}: escalation paths cannot be verified: a policy cannot be read as written ({{what}}), so what it allows is not known.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      if (identity.cloud === 'aws') checkIdentity(ctx, identity);
    }
  },
});

function checkIdentity(ctx: RuleContext<MessageId>, identity: Identity): void {
  const holdings = heldPoliciesAndAllows(ctx, identity);
  const { held } = holdings;
  // Asked only of the few identities with something to report: reading every role's trust cost more than it saved.
  let serviceOnly: boolean | undefined;
  const onlyServiceActs = () => (serviceOnly ??= actedAsOnlyByService(identity));
  const unknownGrant = unknownHeldGrant(held);
  if ((unknownGrant !== undefined || held.opaque.length > 0) && onlyServiceActs()) return;
  reportUnverifiable(ctx, identity, held, unknownGrant);
  const allows = holdings.some(pathActions());
  // Most identities reach no path action; all of IAM includes iam:AttachRolePolicy, so they are no administrator either.
  if (allows.size === 0) return;
  const allowed = escalationAllows(allows);
  if (allowed.size === 0 || onlyServiceActs()) return;
  // Privilege the catalog grants a break-glass identity, or grants just in time as the plan shows, is its decision.
  const sanctioned = sanctionOf(ctx, identity);
  const isSanctioned = (entry: AllowedAction) => sanctioned !== undefined && sanctioned(entry, held.policyOf);
  // All of IAM that the catalog sanctions leaves only the paths through other grants to judge, one by one.
  if (
    allowsAllOfIam(holdings.some(iamActions()).values()) &&
    ![...allowed].every(([action, entry]) => !action.startsWith('iam:') || isSanctioned(entry))
  ) {
    // All of IAM includes iam:AttachRolePolicy.
    const grant = describeGrant(mustGet(allowed, 'iam:attachrolepolicy', 'no-privilege-escalation'), held);
    const data = { identity: identity.name, grant, count: ESCALATION_PATHS.length };
    ctx.report({ resource: identity.resource, identity, detail: 'Path::*', messageId: 'administrator', data });
    return;
  }
  for (const path of ESCALATION_PATHS) {
    const reached = path.actions.map((action) =>
      throughPrivilegedCompute(
        ctx,
        identity,
        held,
        onAnotherUser(
          held,
          passingAnotherRole(identity, held, reachingEntry(allowed.get(action.toLowerCase()), path)),
          path,
        ),
        path,
      ),
    );
    if (!reached.every((entry): entry is AllowedAction => entry !== undefined)) continue;
    if (reached.every(isSanctioned)) continue;
    const report = { resource: identity.resource, identity, detail: `Path::${path.id}` };
    if (path.onAllResources && !reached.every((entry) => reachesEveryResource(entry, path, false))) {
      // A value known only at deployment may be what makes the path open: read as what it may be (its pattern, each
      // unknown part a `*`), the path is pending when every action then reaches every resource.
      const unknownResource = reached.every((entry) => reachesEveryResource(entry, path, true))
        ? reached
            .filter((entry) => !reachesEveryResource(entry, path, false))
            .flatMap((entry) => entry.resources.filter(isUnknown))[0]
        : undefined;
      if (unknownResource) {
        const data = {
          identity: identity.name,
          path: path.id,
          title: path.title,
          what: `resource ${unknownResource.description}`,
        };
        ctx.report({ ...report, messageId: 'pathPending', data, pending: true });
      }
      continue;
    }
    const waiting = passesItselfAtDefault(identity, held, reached);
    if (waiting) {
      const data = { identity: identity.name, path: path.id, title: path.title, what: waiting };
      ctx.report({ ...report, messageId: 'pathPending', data, pending: true });
      continue;
    }
    ctx.report({ ...report, messageId: 'path', data: pathData(identity, path, reached, held) });
  }
}

/**
 * Whether only AWS services that run no code as the role may act as it (iam/aws/service-roles.ts: AWS Batch's
 * service role): no one holds its paths. The service does what whoever configures it asks, with roles that caller
 * must itself be allowed to pass; the caller's own grants are its path (passrole-batch-job). The role must be one the
 * change creates, with a trust policy that can be read, every principal of whose AssumeRole statements is such a
 * service, and no compute of the change running as it (a job definition naming it as its job role would run code as
 * it). A trust statement whose actions are not known, or NotAction, counts as admitting its principals (trustEntries).
 */
function actedAsOnlyByService(identity: Identity): boolean {
  if (identity.kind !== 'aws-role' || identity.external || identity.attachments.length > 0) return false;
  const trust = identity.trustPolicy;
  if (!trust || trust.unreadable) return false;
  const principals = trustEntries(trust);
  return (
    principals.length > 0 &&
    principals.every(
      (entry) => entry.type === 'Service' && typeof entry.value === 'string' && runsNoCodeAsRole(entry.value),
    )
  );
}

/**
 * The allowance as far as it serves the path: for iam:PassRole on a path that hands the role to a service, only the
 * statements whose iam:PassedToService condition admits that service (undefined when none does).
 */
function reachingEntry(entry: AllowedAction | undefined, path: EscalationPath): AllowedAction | undefined {
  if (!entry || !path.passedTo || entry.action.name !== 'iam:PassRole') return entry;
  const services = path.passedTo;
  return narrowAllowance(
    entry,
    entry.statements.filter((statement) => mayPassToService(statement.condition, services)),
  );
}

/**
 * The allowance of iam:PassRole as far as it passes a role other than the holder: a statement whose every Resource
 * names the holder itself hands a service the role the holder already is, so what the service then does as it gains
 * the holder nothing (the SRA's patch-management automation role passing `role/sra-patch-mgmt-automation`, its own
 * name, to EC2 and CloudFormation). A Resource names the holder when it is the holder's ARN as references to it are
 * written (`!GetAtt Role.Arn`, an ARN built from `!Ref Role`), or a role ARN of the own account, without wildcard or
 * policy variable, whose name is the one every deployment gives the holder (Identity.uniqueName: a literal RoleName,
 * a parameter with one allowed value or the value given to the check). Anything else keeps the statement: a pattern
 * (`role/sra-*` covers other roles), another account, another name, or a name only the parameter's default gives the
 * holder (a deployment that sets another one leaves the written name to some other role of the account).
 */
function passingAnotherRole(
  identity: Identity,
  held: HeldPolicies,
  entry: AllowedAction | undefined,
): AllowedAction | undefined {
  if (!entry || entry.action.name !== 'iam:PassRole' || identity.kind !== 'aws-role' || identity.external) return entry;
  return withoutStatementsOnlyOn(entry, held, (value, stack) => namesHolder(identity, value, stack));
}

/**
 * The allowance less its statements whose every Resource `gainsNothing` (given the stack of the statement's policy,
 * where values of resources of the change are that stack's); a statement with NotResource or no Resource is kept.
 */
function withoutStatementsOnlyOn(
  entry: AllowedAction,
  held: HeldPolicies,
  gainsNothing: (value: PolicyValue, stack: string | undefined) => boolean,
): AllowedAction | undefined {
  return narrowAllowance(
    entry,
    entry.statements.filter((statement) => {
      const stack = held.policyOf(statement)?.source.stack;
      return (
        statement.notResource !== undefined ||
        statement.resource === undefined ||
        !statement.resource.every((value) => gainsNothing(value, stack))
      );
    }),
  );
}

/**
 * The allowance as far as it acts on a user other than the caller, for a path through another user's credentials
 * (EscalationPath.othersCredentials): a statement whose every Resource is the caller's own user, `user/${aws:username}`
 * in any account (IAM's user actions act in the caller's account), mints or resets only the caller's credentials.
 */
function onAnotherUser(
  held: HeldPolicies,
  entry: AllowedAction | undefined,
  path: EscalationPath,
): AllowedAction | undefined {
  if (!entry || !path.othersCredentials) return entry;
  return withoutStatementsOnlyOn(entry, held, (value) => typeof value === 'string' && OWN_USER.test(value));
}

/** The caller's own IAM user, and no other: the user whose name is the caller's (no path, no wildcard). */
const OWN_USER = /^arn:[^:*?]+:iam::[^:]*:user\/\$\{aws:username\}$/;

/**
 * What the path waits for where iam:PassRole is left only by statements whose every Resource names the holder by the
 * name it has at its parameters' defaults (Identity.defaultName): the role passed is the holder in a deployment that
 * keeps that default, and another role of the account of that name in one that does not. Undefined otherwise.
 */
function passesItselfAtDefault(identity: Identity, held: HeldPolicies, reached: AllowedAction[]): string | undefined {
  const atDefault = identity.defaultName;
  const passRole = reached.find((entry) => entry.action.name === 'iam:PassRole');
  if (!atDefault || !passRole) return undefined;
  const named = new Set<string>();
  for (const statement of passRole.statements) {
    if (statement.notResource !== undefined || statement.resource === undefined) return undefined;
    const stack = held.policyOf(statement)?.source.stack;
    for (const value of statement.resource) {
      if (namesHolder(identity, value, stack)) continue;
      const written = typeof value === 'string' && !isPattern(value) ? ROLE_ARN.exec(value) : null;
      if (written?.[1] !== OWN_ACCOUNT || written[2] !== atDefault.name) return undefined;
      named.add(written[0]);
    }
  }
  return (
    `iam:PassRole names ${[...named].join(', ')}, which is this role only where the deployment keeps its name at ` +
    `the default ${atDefault.name} (${atDefault.setBy}); under another name it passes whatever role of the account ` +
    `has that one`
  );
}

/**
 * A role ARN: its account and name (a path, if any, between them). A `*`, `?` or `${…}` in it is tested apart.
 */
const ROLE_ARN = /^arn:aws:iam::([^:]*):role\/(?:.*\/)?([^/]+)$/;

/** Whether a Resource is written as a pattern or with a policy variable: it may name more than one role. */
function isPattern(value: string): boolean {
  return /[*?]|\$\{/.test(value);
}

/**
 * Whether a Resource names the holder and no other role (passingAnotherRole). `stack` is the stack of the policy the
 * Resource is in: a value of a resource of the change (`<Arn of Role>`, `<id of Role>`) names that stack's resource.
 * A role ARN in the holder's account (as the holder's own ARN writes it: `<own-account>` in a plan, the account id
 * once applied) by the name every deployment gives the holder is the holder: role names are unique in an account
 * whatever their path, so one written with another path names no role at all.
 */
function namesHolder(identity: Identity, value: PolicyValue, stack: string | undefined): boolean {
  if (typeof value !== 'string' || isPattern(value) || typeof identity.arn !== 'string') return false;
  const sameStack = stack === identity.resource.stack;
  if (value === identity.arn) return sameStack || !hasResourceValue(value);
  const written = ROLE_ARN.exec(value);
  const holder = ROLE_ARN.exec(identity.arn);
  if (!written || !holder || written[1] !== holder[1]) return false;
  const name = written[2];
  if (identity.uniqueName === true && name === identity.name) return true;
  // An ARN built from the holder's own reference, where its name is generated or set by the deployment: the model
  // writes that name as `<id of Role>` (resourceValue).
  return sameStack && name === resourceValue(identity.resource.name);
}

/**
 * The allowance as far as it reaches compute that runs as a privileged role, for a path through compute's code
 * (update-lambda-code): a statement whose every Resource is a function of the change (`!GetAtt Function.Arn`, an
 * ARN built from `!Ref Function`, its ARN in the own account and region by the name every deployment gives it,
 * ComputeAttachment.name, or its ARN where the change knows it) running as the holder, or as a role of the change that holds no privileged action, replaces
 * that function's code and gains nothing the role does not already offer. Any other Resource (a pattern, a name no
 * function of the change has for every deployment, a function outside the change or whose role is not in it) keeps
 * the statement: its role is not known here.
 */
function throughPrivilegedCompute(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  held: HeldPolicies,
  entry: AllowedAction | undefined,
  path: EscalationPath,
): AllowedAction | undefined {
  const kind = path.runsAs;
  if (!entry || !kind) return entry;
  const leadsNowhere = (value: PolicyValue, stack: string | undefined): boolean => {
    if (typeof value !== 'string') return false;
    if (isPattern(value)) return false;
    const logicalId = computeOfChange(value);
    const written = logicalId === undefined ? functionNamed(value) : undefined;
    const runAs = ctx.model.identities.filter((candidate) =>
      candidate.attachments.some(
        (attachment) =>
          attachment.kind === kind &&
          attachment.source.stack === stack &&
          (logicalId !== undefined
            ? attachment.source.name === logicalId
            : (written !== undefined && attachment.name === written) || attachment.arn === value),
      ),
    );
    return runAs.length > 0 && runAs.every((role) => role.id === identity.id || !holdsPrivilege(ctx, role));
  };
  return withoutStatementsOnlyOn(entry, held, leadsNowhere);
}

/**
 * The logical id of the resource of the change a Resource value names whole: `<Arn of Function>` (`Fn::GetAtt`), or
 * an ARN whose last part is its name (`…:function:<id of Function>`, from `!Ref Function`); undefined for anything else.
 */
function computeOfChange(value: string): string | undefined {
  return (
    /^<Arn of ([^<>]+)>$/.exec(value)?.[1] ?? /^arn:[^:]*:[^:]*:[^:]*:[^:]*:[a-z-]+:<id of ([^<>]+)>$/.exec(value)?.[1]
  );
}

/** Function ARNs of the own account and region, unqualified: the function's name (a `*` or `?` in it is tested apart). */
const OWN_FUNCTION_ARN = new RegExp(`^arn:aws:lambda:${OWN_REGION}:${OWN_ACCOUNT}:function:([A-Za-z0-9_-]+)$`);

/**
 * The name a Resource gives a function of the own account and region (`…:function:sra-bedrock-org`); undefined for a
 * pattern, a qualified ARN, another account or region, or anything else. A function's name is unique in its account
 * and region, so the function of the change of that name is the one it names. A function that already exists is also
 * named by its own ARN (ComputeAttachment.arn), whatever account and region it writes.
 */
function functionNamed(value: string): string | undefined {
  return OWN_FUNCTION_ARN.exec(value)?.[1];
}

/**
 * Whether a role holds a privileged action (AWS's Permissions management, or the catalog's privileged list) on any
 * resource, or grants the check cannot read: replacing the code of compute that runs as it may gain that.
 */
function holdsPrivilege(ctx: RuleContext<MessageId>, role: Identity): boolean {
  const holdings = heldPoliciesAndAllows(ctx, role);
  if (holdings.held.opaque.length > 0) return true;
  if (unknownHeldGrant(holdings.held)) return true;
  return holdings.all().some(({ action }) => privilegedCategory(action, ctx.catalog) !== undefined);
}

/**
 * True when the action is allowed on every resource it acts on for the path, in any spelling (`*`, `arn:*`,
 * `arn:aws:iam::*:role/*` for sts:AssumeRole; `instance/*` for ec2:ModifyInstanceAttribute, `cluster/*` with `task/*`
 * for ecs:ExecuteCommand; NotResource), by the Resource values of all its allowing statements together: IAM allows
 * each resource a request names by any of them (resource-scope.ts coversEveryResource). Conditions do not take a path
 * off (see pathData). With `readUnknown`, a value known only at deployment counts as what it may be: when nothing of
 * it is known, anything; otherwise its pattern, each unknown part a `*` (a role ARN whose account waits for deployment
 * but whose name is written, `arn:aws:iam::<account>:role/CrossAcctIAMRole-<stack>`, names roles of that name only,
 * whatever the deployment passes: it opens no path that needs every role).
 */
function reachesEveryResource(entry: AllowedAction, path: EscalationPath, readUnknown: boolean): boolean {
  const patterns = entry.resources.flatMap((resource) =>
    !isUnknown(resource) ? [resource] : readUnknown ? [resource.pattern ?? '*'] : [],
  );
  return patterns.length > 0 && coversEveryResource(patterns, entry.action, path.actsOn?.[entry.action.name]);
}

/** The identity's sanctioned privileged entitlements as one check, or undefined when it holds none. */
function sanctionOf(ctx: RuleContext<MessageId>, identity: Identity): SanctionCheck | undefined {
  const profile = ctx.profile(identity);
  if (profile.entitlements.length === 0) return undefined;
  const entitlements = profile.entitlements.flatMap((id) => entitlementById(ctx.catalog, id) ?? []);
  return sanctionCheck(sanctionedEntitlements(ctx.catalog, identity, profile.class, entitlements, ctx.now));
}

let everyPathAction: ActionSelection | undefined;

/**
 * Every action some path needs: what the rule asks each identity about, instead of all it is allowed. The paths name
 * actions of many services; each is looked up only once a policy holds an action of its service (actionsNamed).
 */
function pathActions(): ActionSelection {
  return (everyPathAction ??= actionsNamed(ESCALATION_PATHS.flatMap((path) => path.actions)));
}

/**
 * The allowed actions some path needs, by lower-case name (as the paths spell them), each with only the statements
 * whose Resource can name what it acts on: `iam:*` on one role's ARN allows iam:PutRolePolicy there, but no
 * iam:CreateAccessKey (a user) or iam:PutGroupPolicy (a group), so it opens no path through users or groups.
 */
function escalationAllows(allows: Map<string, AllowedAction>): Map<string, AllowedAction> {
  const allowed = new Map<string, AllowedAction>();
  for (const entry of allows.values()) {
    const reaching = withStatementsNaming(entry);
    if (reaching) allowed.set(entry.action.name.toLowerCase(), reaching);
  }
  return allowed;
}

/**
 * The allowance with only the statements that may name a resource of its action that the action can change;
 * undefined when none may. iam:PutRolePolicy on `role/aws-service-role/…` writes nothing: IAM refuses to change a
 * service-linked role's policies or trust on the account's request (src/iam/aws/service-linked-roles.ts); nor does
 * iam:CreatePolicyVersion on `arn:aws:iam::aws:policy/…`: no account may change an AWS managed policy (managed.ts).
 */
function withStatementsNaming(entry: AllowedAction): AllowedAction | undefined {
  const refused = refusedOnServiceLinkedRoles(entry.action.name);
  const writes = entry.action.accessLevel !== 'Read' && entry.action.accessLevel !== 'List';
  return narrowAllowance(
    entry,
    entry.statements.filter(
      (statement) =>
        statementMayName(statement, entry.action) &&
        !(refused && statement.resource?.every(namesOnlyServiceLinkedRoles) && !statement.notResource) &&
        !(writes && namesOnlyAwsManagedPolicies(statement)),
    ),
  );
}

/**
 * Grants the rule cannot read yet are pending: an Unknown action or document, an Unknown managed policy ARN. A managed
 * policy whose content is never part of the change (customer-managed elsewhere, or an AWS ARN the dataset does not
 * know) is reported once, by no-wildcard-privilege; the paths here are those of the content the change shows.
 */
function reportUnverifiable(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  held: HeldPolicies,
  unknownGrant: Unknown | undefined,
): void {
  // Most identities have nothing unverifiable: nothing is made for them.
  if (!unknownGrant && held.opaque.length === 0) return;
  const pending = { resource: identity.resource, identity, pending: true };
  if (unknownGrant) {
    ctx.report({
      ...pending,
      messageId: unknownGrant.malformed ? 'grantsMalformed' : 'grantsUnknown',
      data: { identity: identity.name, what: unknownGrant.description },
      detail: 'Path::unknown',
    });
  }
  for (const { arn } of held.opaque) {
    if (isUnknown(arn)) {
      ctx.report({
        ...pending,
        messageId: 'grantsUnknown',
        data: { identity: identity.name, what: `managed policy ARN ${arn.description}` },
        detail: 'Path::unknown',
      });
    }
  }
}

function pathData(
  identity: Identity,
  path: EscalationPath,
  reached: AllowedAction[],
  held: HeldPolicies,
): Record<string, string> {
  const conditional = reached.filter((entry) => entry.conditional).map((entry) => entry.action.name);
  return {
    identity: identity.name,
    title: path.title,
    path: path.id,
    source: path.sources[0],
    grants: joinAnd(reached.map((entry) => describeGrant(entry, held))),
    conditional: conditional.length
      ? ` Conditions restrict ${conditional.join(', ')}, but they may be satisfiable, so the path is reported.`
      : '',
  };
}

/** `iam:PassRole (AppPolicy via iam:*, on arn:aws:iam::*:role/app-*)`: where the action comes from, and its resources unless `*`. */
function describeGrant(entry: AllowedAction, held: HeldPolicies): string {
  const name = entry.action.name;
  const origins = new Set<string>();
  for (const statement of entry.statements) {
    const policy = held.policyOf(statement);
    if (!policy) throw new Error(`internal error: an allowing statement of ${name} is in no held policy`);
    const label = policy.label;
    const patterns = statement.action
      ? statement.action.filter(
          (pattern): pattern is string => typeof pattern === 'string' && actionMatches(pattern, name),
        )
      : [];
    const via = statement.notAction
      ? 'NotAction'
      : patterns.some((pattern) => pattern.toLowerCase() === name.toLowerCase())
        ? ''
        : patterns.join(', ');
    origins.add(via ? `${label} via ${via}` : label);
  }
  const resources = entry.resources.includes('*')
    ? []
    : entry.resources.map((resource) => (isUnknown(resource) ? resource.description : resource));
  return `${name} (${[...origins].join('; ')}${resources.length ? `, on ${resources.join(', ')}` : ''})`;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
