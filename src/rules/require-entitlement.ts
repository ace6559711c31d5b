import type { AwsGrantEnvelope, Catalog, Entitlement } from '../../catalog/types.js';
import { unknownGrantOf, type AllowedAction } from '../iam/aws/evaluate.js';
import { dataActionsNotGranted } from '../iam/azure/key-vault-access-policies.js';
import { builtInRoleByName, sameAzureRoleName } from '../iam/azure/roles.js';
import {
  conditionEnded,
  IDENTITY_CLASSES,
  isUnknown,
  type Identity,
  type PolicyDocument,
  type PolicyStatement,
  type ResourceRef,
  type RoleGrant,
} from '../model/model.js';
import { globMatch } from '../util/glob.js';
import { entitlementById } from '../../catalog/entitlement-index.js';
import { matchedTags, type IdentityProfile } from '../../catalog/profile.js';
import { defineRule, type RuleContext } from './define.js';
import { tagMark } from './support/tag-marks.js';
import {
  documentWithinEnvelopes,
  envelopeResourcesFor,
  intersectResource,
  narrowedStatements,
  resourceCovered,
} from './support/aws-envelope.js';
import { heldPoliciesAndAllows, type HeldPolicies, type HeldPolicy } from './support/held-policies.js';
import { allowsStanding, entitlementPrivilege, privilegedHoldings } from './support/just-in-time.js';
import { kubernetesBindingAllowed } from './support/kubernetes-entitlements.js';

type MessageId =
  | 'noCatalog'
  | 'invalidClass'
  | 'noClass'
  | 'classAtDeployment'
  | 'entitlementsAtDeployment'
  | 'noEntitlements'
  | 'noClassUntaggable'
  | 'noEntitlementsUntaggable'
  | 'unknownEntitlement'
  | 'privilegedByTag'
  | 'privilegedByName'
  | 'privilegedByRecordTags'
  | 'entitlementNotForClass'
  | 'standingPrivilege'
  | 'standingPending'
  | 'privilegeUnderstated'
  | 'excess'
  | 'excessRemove'
  | 'managedNotAllowed'
  | 'grantsUnknown'
  | 'roleExcess'
  | 'accessPolicyExcess';

/** An empty list of entitlement ids, shared: most profiles claim none, and this runs for every identity. */
const NO_IDS: readonly string[] = [];

/** How many excess actions (and resources) a message names before it counts the rest. */
const SAMPLE_SIZE = 5;

export default defineRule<MessageId>({
  meta: {
    id: 'require-entitlement',
    title: 'Identities hold only catalog entitlements',
    level: 'mandatory',
    rationale:
      'Least privilege needs a statement of what an identity is for. The catalog says which class each identity is, which ' +
      'entitlements it holds and what each entitlement allows; grants beyond that are privilege nobody approved, and an identity ' +
      'with no declared class or entitlements cannot be reviewed at all.',
    remediation:
      'Declare the identity in the catalog (or tag it) with its class and entitlements, and narrow its policies to the ' +
      'entitlements: the finding shows the statement to write instead. Privileged entitlements for non-break-glass classes must be ' +
      "held just in time as the plan shows it: a role whose sessions last at most the approval's maxDuration, assumable only " +
      'through the approval path the catalog names (approval.via), with no long-lived credential.',
    frameworks: ['OWASP-NHI5:2025', 'NIST-CSF-2.0:PR.AA-05'],
    messages: {
      noCatalog:
        '{{identity}}: no catalog given: entitlements cannot be checked. Declare the identity with its class and entitlements in an entitlement catalog and pass it to the check.',
      invalidClass:
        '{{identity}} has {{tag}} tag "{{value}}", which is not an identity class. Use one of: {{classes}}.',
      noClass:
        '{{identity}} declares no identity class. Record it in the catalog identities, or {{mark}} {{tag}}=<{{classes}}>.',
      noClassUntaggable:
        '{{identity}} declares no identity class, and it takes no tags: record it in the catalog identities with its ' +
        'class ({{classes}}).',
      classAtDeployment:
        '{{identity}} takes its {{tag}} tag from {{setBy}}: which class it is, and so what it may hold, is known only at ' +
        "deployment. Give the deployment's values (--parameters), write the tag as one class ({{classes}}), or record the " +
        'identity in the catalog identities.',
      entitlementsAtDeployment:
        '{{identity}} takes its {{tag}} tag from {{setBy}}: which of its grants are sanctioned is known only at deployment. ' +
        "Give the deployment's values (--parameters), write the tag as the entitlement ids, or list them in the catalog.",
      noEntitlements:
        '{{identity}} declares no entitlements, so none of its grants are sanctioned. List its entitlements in the catalog, or {{mark}} {{tag}}=<entitlement ids>.',
      noEntitlementsUntaggable:
        '{{identity}} declares no entitlements, so none of its grants are sanctioned, and it takes no tags: list its ' +
        'entitlements in its catalog identity record.',
      unknownEntitlement:
        '{{identity}} declares entitlement "{{entitlement}}", which the catalog does not define. Use one of: {{known}}.',
      privilegedByTag:
        '{{identity}} claims privileged entitlement {{entitlement}} through its {{tag}} tag, which the IaC sets: a privileged ' +
        "entitlement is granted only by the identity's record in the catalog, where it is reviewed, so {{identity}} does not " +
        'hold it. Add a catalog identity record that lists it, or remove it from the tag.',
      privilegedByName:
        '{{identity}} matches catalog identity {{record}} only by its resource name {{name}} (a logical id or Pulumi ' +
        "resource name, which every stack picks freely), so it claims the record's privileged entitlement {{entitlement}} " +
        'as a tag would and does not hold it: a privileged entitlement is granted only to the identity the record names ' +
        'by a name the catalog controls. Match the record by the physical name, ARN, construct path (path:…), location ' +
        '(stack:…) or URN of the identity it means, or give this identity its own record.',
      privilegedByRecordTags:
        '{{identity}} matches catalog identity {{record}} only by its tags ({{tags}}, which the IaC sets on any ' +
        "resource of any stack), so it claims the record's privileged entitlement {{entitlement}} as a tag would and " +
        'does not hold it: a privileged entitlement is granted only to the identity the record names by a name the ' +
        "catalog controls. Add to the record's match the physical name, ARN, construct path (path:…), location " +
        '(stack:…) or URN of the identity it means, or give this identity its own record.',
      entitlementNotForClass:
        '{{identity}} holds entitlement {{entitlement}}, which class {{class}} may not hold (allowed: {{classes}}). ' +
        'Choose an entitlement made for {{class}} identities, or correct the class.',
      standingPrivilege:
        '{{identity}} holds privileged entitlement {{entitlement}} as standing privilege, which {{class}} does not allow: {{why}}. ' +
        "Hold it just in time (a role with sessions of at most the approval's maxDuration, assumable only through approval.via, " +
        'no long-lived credential), or keep it for break-glass identities.',
      standingPending:
        '{{identity}}: whether it holds privileged entitlement {{entitlement}} just in time cannot be verified until apply: {{why}}.',
      privilegeUnderstated:
        'Entitlement {{entitlement}} grants {{reach}}, a privileged action on every resource of its kind, but the catalog does not mark it ' +
        'privileged. It is treated as privileged (just in time, or break-glass only). Set privileged: true with an approval, or narrow its grants.',
      excess:
        '{{policy}} grants {{identity}} {{count}} beyond its entitlements ({{entitlements}}): {{sample}} on {{resources}}. ' +
        'Narrow it to what the entitlements allow: {{narrowed}}',
      excessRemove:
        '{{policy}} grants {{identity}} {{count}} beyond its entitlements ({{entitlements}}): {{sample}} on {{resources}}. ' +
        'None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
      managedNotAllowed:
        '{{identity}} has managed policy {{policy}} attached, which none of its entitlements ({{entitlements}}) lists in awsManagedPolicies ' +
        'and whose content the engine does not know. List it in an entitlement, or replace it with a policy within the entitlements.',
      grantsUnknown:
        '{{policy}}: whether it stays within the entitlements of {{identity}} cannot be verified until apply: {{what}}.',
      roleExcess:
        '{{policy}} grants {{identity}} {{role}} on {{scope}}, which none of its entitlements ({{entitlements}}) allows ({{allowed}}). ' +
        'Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
      accessPolicyExcess:
        '{{policy}} gives {{identity}} a Key Vault access policy on {{scope}} ({{lists}}) with data actions that no Azure role of ' +
        'its entitlements ({{entitlements}}) grants there: {{missing}} ({{allowed}}). Narrow the policy to what the entitlements ' +
        'allow, or add an entitlement with a Key Vault data role (Key Vault Secrets User, Key Vault Crypto User) that covers it.',
    },
  },
  check(ctx) {
    if (!ctx.catalog.isDefault) reportUnderstated(ctx);
    for (const identity of ctx.model.identities) {
      // Groups do not act: their grants are checked on each member, against the member's entitlements.
      if (identity.kind === 'aws-group') continue;
      // An identity the change only grants to (defined elsewhere, its tags unseen) is held to its entitlements when
      // the catalog records it; otherwise the privilege rules judge what the change grants it.
      if (identity.external && !ctx.profile(identity).record) continue;
      if (ctx.catalog.isDefault) {
        ctx.report({
          messageId: 'noCatalog',
          data: { identity: identity.name },
          resource: identity.resource,
          identity,
          detail: 'Catalog::default',
        });
        continue;
      }
      const entitlements = checkDeclarations(ctx, identity, ctx.profile(identity));
      if (identity.cloud === 'aws' && entitlements.length) checkAwsGrants(ctx, identity, entitlements);
      if (entitlements.length) checkRoleGrants(ctx, identity, entitlements);
    }
  },
});

/** Class and entitlement declarations; returns the declared entitlements the catalog knows. */
function checkDeclarations(ctx: RuleContext<MessageId>, identity: Identity, profile: IdentityProfile): Entitlement[] {
  const { catalog } = ctx;
  if (profile.invalidClass !== undefined) {
    reportDeclaration(ctx, identity, 'invalidClass', `Class::${profile.invalidClass}`, {
      tag: catalog.tags.class,
      value: profile.invalidClass,
      classes: IDENTITY_CLASSES.join(', '),
    });
  } else if (!profile.class) {
    const setBy = identity.deploymentTags?.[catalog.tags.class];
    if (setBy !== undefined)
      reportDeclaration(
        ctx,
        identity,
        'classAtDeployment',
        'Class::deployment',
        { tag: catalog.tags.class, setBy, classes: IDENTITY_CLASSES.join(', ') },
        true,
      );
    else {
      const mark = tagMark(identity);
      reportDeclaration(ctx, identity, mark ? 'noClass' : 'noClassUntaggable', 'Class::undeclared', {
        tag: catalog.tags.class,
        classes: IDENTITY_CLASSES.join(mark ? '|' : ', '),
        mark: mark ?? '',
      });
    }
  }
  const claimed = profile.claimedByTag ?? NO_IDS;
  for (let index = 0; index < claimed.length; index++) {
    const id = claimed[index];
    if (id === undefined) continue;
    reportDeclaration(ctx, identity, 'privilegedByTag', `Entitlement::${id}`, {
      entitlement: id,
      tag: catalog.tags.entitlements,
    });
  }
  const claimedByName = profile.claimedByName ?? NO_IDS;
  for (let index = 0; index < claimedByName.length; index++) {
    const id = claimedByName[index];
    if (id === undefined) continue;
    reportDeclaration(ctx, identity, 'privilegedByName', `Entitlement::${id}`, {
      entitlement: id,
      record: profile.record?.id ?? '',
      name: identity.resource.name,
    });
  }
  const claimedByRecordTags = profile.claimedByRecordTags ?? NO_IDS;
  for (let index = 0; index < claimedByRecordTags.length; index++) {
    const id = claimedByRecordTags[index];
    if (id === undefined || !profile.record) continue;
    reportDeclaration(ctx, identity, 'privilegedByRecordTags', `Entitlement::${id}`, {
      entitlement: id,
      record: profile.record.id,
      tags: matchedTags(profile.record, identity),
    });
  }
  if (
    !profile.entitlements.length &&
    claimed.length === 0 &&
    claimedByName.length === 0 &&
    claimedByRecordTags.length === 0
  ) {
    const setBy = identity.deploymentTags?.[catalog.tags.entitlements];
    if (setBy !== undefined)
      reportDeclaration(
        ctx,
        identity,
        'entitlementsAtDeployment',
        'Entitlement::deployment',
        { tag: catalog.tags.entitlements, setBy },
        true,
      );
    else {
      const mark = tagMark(identity);
      reportDeclaration(ctx, identity, mark ? 'noEntitlements' : 'noEntitlementsUntaggable', 'Entitlement::none', {
        tag: catalog.tags.entitlements,
        mark: mark ?? '',
      });
    }
  }
  const known: Entitlement[] = [];
  const ids = profile.entitlements;
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (id === undefined) continue;
    const entitlement = entitlementById(catalog, id);
    if (!entitlement) {
      reportDeclaration(ctx, identity, 'unknownEntitlement', `Entitlement::${id}`, {
        entitlement: id,
        known: knownEntitlements(catalog),
      });
      continue;
    }
    known.push(entitlement);
    if (profile.class && !entitlement.classes.includes(profile.class)) {
      reportDeclaration(ctx, identity, 'entitlementNotForClass', `Entitlement::${id}`, {
        entitlement: id,
        class: profile.class,
        classes: entitlement.classes.join(', ') || 'none',
      });
    }
  }
  if (!allowsStanding(catalog, profile.class)) {
    const holdings = privilegedHoldings(catalog, identity, known, ctx.now);
    for (let index = 0; index < holdings.length; index++) {
      const held = holdings[index];
      if (held === undefined || held.mode === 'just-in-time') continue;
      const data = { identity: identity.name, entitlement: held.entitlement.id, why: held.gaps.join('; ') };
      const base = { resource: identity.resource, identity, detail: `StandingPrivilege::${held.entitlement.id}` };
      if (held.mode === 'pending') ctx.report({ ...base, messageId: 'standingPending', data, pending: true });
      else
        ctx.report({
          ...base,
          messageId: 'standingPrivilege',
          data: { ...data, class: profile.class ? `class ${profile.class}` : 'an identity without a declared class' },
        });
    }
  }
  return known;
}

/** A finding on the identity's declarations: a function of its own rather than a closure made for every identity. */
function reportDeclaration(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  messageId: MessageId,
  detail: string,
  data: Record<string, string> = {},
  pending = false,
): void {
  ctx.report({
    messageId,
    data: { identity: identity.name, ...data },
    resource: identity.resource,
    identity,
    detail,
    ...(pending ? { pending } : {}),
  });
}

/** Entitlements whose grants make them privileged though the catalog does not say so: reported on the catalog. */
function reportUnderstated(ctx: RuleContext<MessageId>): void {
  for (const entitlement of ctx.catalog.entitlements) {
    const privilege = entitlementPrivilege(ctx.catalog, entitlement);
    if (privilege.declared || !privilege.reaches) continue;
    ctx.report({
      messageId: 'privilegeUnderstated',
      data: { entitlement: entitlement.id, reach: privilege.reaches },
      resource: { type: 'entitlement-guard:catalog/entitlement', name: entitlement.id, file: ctx.catalog.source },
      detail: `Privileged::${entitlement.id}`,
    });
  }
}

function knownEntitlements(catalog: Catalog): string {
  const ids = catalog.entitlements.map((entitlement) => entitlement.id).sort();
  return ids.length ? ids.join(', ') : '(the catalog defines none)';
}

/**
 * What an identity's entitlements allow on AWS. Identities share entitlement lists (and the catalog's envelope
 * objects), so this is built once per catalog and list, and carries the caches that depend only on it.
 */
interface AwsScope {
  /** The entitlement ids, as messages name them. */
  names: string;
  envelopes: AwsGrantEnvelope[];
  allowedManaged: string[];
  /** Managed policy ARN -> whether an entitlement lists it. */
  managedAllowed: Map<string, boolean>;
  /** Verdicts on AWS managed policy documents: thousands of identities hold the same document unchanged. */
  sharedVerdicts: WeakMap<PolicyDocument, PolicyVerdict>;
  /** Decisions of documentWithinEnvelopes for these envelopes, by action list key, then resource. */
  listsWithin: Map<string, Map<string, boolean>>;
}

/** Per catalog, scopes found by walking the entitlement list object by object: no key to build per identity. */
interface ScopeNode {
  scope?: AwsScope;
  next: Map<Entitlement, ScopeNode>;
}

const awsScopes = new WeakMap<Catalog, ScopeNode>();

function awsScopeOf(catalog: Catalog, entitlements: Entitlement[]): AwsScope {
  let node: ScopeNode | undefined = awsScopes.get(catalog);
  if (!node) awsScopes.set(catalog, (node = { next: new Map() }));
  for (let index = 0; index < entitlements.length; index++) {
    const entitlement = entitlements[index];
    if (entitlement === undefined) continue;
    let child: ScopeNode | undefined = node.next.get(entitlement);
    if (!child) node.next.set(entitlement, (child = { next: new Map() }));
    node = child;
  }
  return (node.scope ??= newAwsScope(entitlements));
}

function newAwsScope(entitlements: Entitlement[]): AwsScope {
  return {
    names: entitlements.map((entitlement) => entitlement.id).join(', '),
    envelopes: entitlements.flatMap((entitlement) => entitlement.aws ?? []),
    allowedManaged: entitlements.flatMap((entitlement) => entitlement.awsManagedPolicies ?? []),
    managedAllowed: new Map(),
    sharedVerdicts: new WeakMap(),
    listsWithin: new Map(),
  };
}

function managedAllowedIn(scope: AwsScope, arn: string): boolean {
  let allowed = scope.managedAllowed.get(arn);
  if (allowed === undefined) scope.managedAllowed.set(arn, (allowed = isManagedAllowed(arn, scope.allowedManaged)));
  return allowed;
}

/** What one policy grants the identity beyond its entitlements: a resource that cannot be read yet, and the excess. */
interface PolicyVerdict {
  pending?: string;
  excess?: ExcessSummary;
}

/** The identity-independent part of an excess message. */
interface ExcessSummary {
  messageId: 'excess' | 'excessRemove';
  count: string;
  sample: string;
  resources: string;
  narrowed: string;
}

/** Every (action, resource) a policy grants among the identity's allows, and the first Unknown resource. */
interface PolicyGrants {
  pending?: string;
  granted: { action: string; resource: string }[];
}

function checkAwsGrants(ctx: RuleContext<MessageId>, identity: Identity, entitlements: Entitlement[]): void {
  const scope = awsScopeOf(ctx.catalog, entitlements);
  const holdings = heldPoliciesAndAllows(ctx, identity);
  const { held } = holdings;

  const policies = held.policies;
  for (let index = 0; index < policies.length; index++) {
    const policy = policies[index];
    if (policy === undefined) continue;
    const unknown = unknownGrantOf(policy.document);
    if (unknown) reportUnknown(ctx, identity, policy.source, policy.label, unknown.description);
  }
  const opaques = held.opaque;
  for (let index = 0; index < opaques.length; index++) {
    const opaque = opaques[index];
    if (opaque === undefined) continue;
    if (isUnknown(opaque.arn)) {
      reportUnknown(ctx, identity, opaque.source, opaque.source.name, `managed policy ARN ${opaque.arn.description}`);
    } else if (!managedAllowedIn(scope, opaque.arn)) {
      const label = opaque.arn;
      ctx.report({
        messageId: 'managedNotAllowed',
        data: { identity: identity.name, policy: label, entitlements: scope.names },
        resource: opaque.source,
        identity,
        detail: `Policy::${label}`,
      });
    }
  }

  // A managed policy's verdict is the same for every identity with these entitlements, unless a Deny elsewhere
  // removes some of its actions: then it is judged per identity like any other policy.
  const canShare = !holdsDeny(held);
  const toJudge: HeldPolicy[] = [];
  for (let index = 0; index < policies.length; index++) {
    const policy = policies[index];
    if (policy === undefined) continue;
    if (policy.managedArn !== undefined && managedAllowedIn(scope, policy.managedArn)) continue;
    const shared = canShare && isSharedDocument(policy, held) ? scope.sharedVerdicts.get(policy.document) : undefined;
    if (shared) reportVerdict(ctx, identity, policy, shared, scope);
    else toJudge.push(policy);
  }
  if (!toJudge.length) return;
  // Most policies stay within the entitlements statement by statement, which their patterns show (see
  // documentWithinEnvelopes); only the others are judged action by action, over everything the identity is allowed.
  const byAction: HeldPolicy[] = [];
  for (let index = 0; index < toJudge.length; index++) {
    const policy = toJudge[index];
    if (policy !== undefined && !documentWithinEnvelopes(policy.document, scope.envelopes, scope.listsWithin))
      byAction.push(policy);
  }
  // Each policy judged action by action has its grants here; the others stay within the entitlements.
  const grantsOf = byAction.length ? grantsByPolicy(holdings.all(), held, byAction) : undefined;
  for (let index = 0; index < toJudge.length; index++) {
    const policy = toJudge[index];
    if (policy === undefined) continue;
    const grants = grantsOf?.get(policy);
    const verdict: PolicyVerdict = grants ? judge(grants, scope) : {};
    if (canShare && isSharedDocument(policy, held)) scope.sharedVerdicts.set(policy.document, verdict);
    reportVerdict(ctx, identity, policy, verdict, scope);
  }
}

function holdsDeny(held: HeldPolicies): boolean {
  const policies = held.policies;
  for (let p = 0; p < policies.length; p++) {
    const statements = policies[p]?.document.statements ?? [];
    for (let s = 0; s < statements.length; s++) if (statements[s]?.effect === 'Deny') return true;
  }
  return false;
}

/** An AWS managed policy's document (one object for every holder) whose statements no other held policy repeats. */
function isSharedDocument(policy: HeldPolicy, held: HeldPolicies): boolean {
  if (policy.managedArn === undefined) return false;
  const statements = policy.document.statements;
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index];
    if (statement !== undefined && held.policyOf(statement) !== policy) return false;
  }
  return true;
}

/** For each policy to judge, in the order of the identity's allows: what its statements grant. */
function grantsByPolicy(
  allows: AllowedAction[],
  held: HeldPolicies,
  toJudge: HeldPolicy[],
): Map<HeldPolicy, PolicyGrants> {
  const byPolicy = new Map<HeldPolicy, PolicyGrants>();
  for (const policy of toJudge) byPolicy.set(policy, { granted: [] });
  for (const { action, statements } of allows) {
    for (const statement of statements) {
      const policy = held.policyOf(statement);
      const grants = policy && byPolicy.get(policy);
      if (!grants) continue;
      for (const resource of grantedResources(statement)) {
        if (isUnknown(resource)) grants.pending ??= `resource ${resource.description}`;
        else grants.granted.push({ action: action.name, resource });
      }
    }
  }
  return byPolicy;
}

function judge(grants: PolicyGrants, scope: AwsScope): PolicyVerdict {
  let actions: Set<string> | undefined;
  let resources: Set<string> | undefined;
  for (const { action, resource } of grants.granted) {
    if (!resourceCovered(resource, envelopeResourcesFor(scope.envelopes, action))) {
      (actions ??= new Set()).add(action);
      (resources ??= new Set()).add(resource);
    }
  }
  return {
    pending: grants.pending,
    excess: actions && resources ? summarizeExcess(grants, actions, resources, scope) : undefined,
  };
}

function summarizeExcess(
  grants: PolicyGrants,
  excessActions: Set<string>,
  excessResources: Set<string>,
  scope: AwsScope,
): ExcessSummary {
  const actions = [...excessActions].sort();
  const within: { action: string; resource: string }[] = [];
  for (const { action, resource } of grants.granted) {
    for (const pattern of envelopeResourcesFor(scope.envelopes, action)) {
      const narrowed = intersectResource(resource, pattern);
      if (narrowed !== undefined) within.push({ action, resource: narrowed });
    }
  }
  const narrowed = narrowedStatements(within, scope.envelopes);
  return {
    messageId: narrowed.length ? 'excess' : 'excessRemove',
    count: actions.length === 1 ? '1 action' : `${actions.length} actions`,
    sample: firstFew(actions),
    resources: firstFew([...excessResources].sort()),
    narrowed: JSON.stringify(narrowed.length === 1 ? narrowed[0] : narrowed),
  };
}

function reportVerdict(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  policy: HeldPolicy,
  verdict: PolicyVerdict,
  scope: AwsScope,
): void {
  if (verdict.pending !== undefined) reportUnknown(ctx, identity, policy.source, policy.label, verdict.pending);
  const { excess } = verdict;
  if (!excess) return;
  ctx.report({
    messageId: excess.messageId,
    data: {
      policy: policy.label,
      identity: identity.name,
      count: excess.count,
      entitlements: scope.names,
      sample: excess.sample,
      resources: excess.resources,
      narrowed: excess.narrowed,
    },
    resource: policy.source,
    identity,
    detail: `Policy::${policy.key}`,
  });
}

function reportUnknown(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  source: ResourceRef,
  label: string,
  what: string,
): void {
  ctx.report({
    messageId: 'grantsUnknown',
    data: { policy: label, identity: identity.name, what },
    resource: source,
    identity,
    detail: 'Grant::unknown',
    pending: true,
  });
}

function firstFew(items: string[]): string {
  return (
    items.slice(0, SAMPLE_SIZE).join(', ') +
    (items.length > SAMPLE_SIZE ? `, … (${items.length - SAMPLE_SIZE} more)` : '')
  );
}

/** The resources one Allow statement grants: its Resource, or `*` for NotResource (all but some) and for none given. */
function grantedResources(statement: PolicyStatement) {
  return statement.notResource ? ['*'] : (statement.resource ?? ['*']);
}

/** An allowed ARN (glob) matches as written, or names the same AWS managed policy in another partition or spelling. */
function isManagedAllowed(arn: string, allowed: readonly string[]): boolean {
  const name = awsManagedName(arn);
  return allowed.some((pattern) => globMatch(pattern, arn) || (name !== undefined && awsManagedName(pattern) === name));
}

/** The name in `arn:<partition>:iam::aws:policy/<path/><Name>`; the partition may be left to deploy time (`${…}`). */
function awsManagedName(arn: string): string | undefined {
  return /^arn:(?:aws[a-z-]*|\$\{[^}]*\}):iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn)?.[1];
}

/** Azure, Google Cloud and Kubernetes role grants against the entitlements' envelopes for that cloud. */
function checkRoleGrants(ctx: RuleContext<MessageId>, identity: Identity, entitlements: Entitlement[]): void {
  // Indexed, and the entitlement names written only for a finding: asked of every identity, most of which (AWS) hold no role grant.
  const grants = identity.grants;
  for (let index = 0; index < grants.length; index++) {
    const grant = grants[index];
    if (grant === undefined || grant.kind !== 'role' || conditionEnded(grant, ctx.now)) continue;
    const { role, scope } = grant;
    const label = grant.source.name;
    if (isUnknown(role)) {
      reportUnknown(ctx, identity, grant.source, label, `role ${role.description}`);
      continue;
    }
    if (isUnknown(scope)) {
      reportUnknown(ctx, identity, grant.source, label, `scope ${scope.description}`);
      continue;
    }
    if (grant.keyVaultAccessPolicy && grant.permissions) {
      checkAccessPolicy(ctx, identity, entitlements, grant, scope);
      continue;
    }
    if (entitlements.some((entitlement) => roleAllowed(entitlement, grant, role, scope))) continue;
    ctx.report({
      messageId: 'roleExcess',
      data: {
        policy: label,
        identity: identity.name,
        role,
        scope,
        entitlements: entitlements.map((entitlement) => entitlement.id).join(', '),
        allowed: allowedRoles(entitlements, grant),
      },
      resource: grant.source,
      identity,
      detail: `Role::${role}@${scope}`,
    });
  }
}

/**
 * A Key Vault access policy is a grant of data actions on one vault: allowed when every data action it stands for is
 * one an Azure built-in role of the entitlements grants on a scope they list (the role an access policy is migrated to
 * under Azure RBAC). A role the data does not know adds nothing. Managed storage account permissions have no role of
 * their own: only a role whose patterns match them (Key Vault Reader's `vaults/<any>/read`, Key Vault Administrator's
 * `vaults/*`) covers them.
 */
function checkAccessPolicy(
  ctx: RuleContext<MessageId>,
  identity: Identity,
  entitlements: Entitlement[],
  grant: RoleGrant,
  scope: string,
): void {
  const dataActions = (grant.permissions ?? []).flatMap((permission) => permission.dataActions ?? []);
  const blocks = entitlements
    .filter((entitlement) => inAzureScopes(entitlement.azure?.scopes, scope))
    .flatMap((entitlement) => entitlement.azure?.roles ?? [])
    .flatMap((role) => builtInRoleByName(role)?.permissions ?? []);
  const missing = dataActionsNotGranted(dataActions, blocks);
  if (missing.length === 0) return;
  const lists = Object.entries(grant.keyVaultAccessPolicy?.lists ?? {})
    .map(([list, permissions]) => `${list}: ${permissions.join(', ')}`)
    .join('; ');
  ctx.report({
    messageId: 'accessPolicyExcess',
    data: {
      policy: grant.source.name,
      identity: identity.name,
      scope,
      lists,
      missing: firstFew(missing),
      entitlements: entitlements.map((entitlement) => entitlement.id).join(', '),
      allowed: allowedRoles(entitlements, grant),
    },
    resource: grant.source,
    identity,
    detail: `AccessPolicy::${scope}`,
  });
}

function inAzureScopes(scopes: string[] | undefined, value: string): boolean {
  return !scopes?.length || scopes.some((pattern) => globMatch(pattern, value, { caseInsensitive: true }));
}

function roleAllowed(entitlement: Entitlement, grant: RoleGrant, role: string, scope: string): boolean {
  const sameRole = (allowed: string) => allowed.toLowerCase() === role.toLowerCase();
  const inScopes = (scopes: string[] | undefined, value: string) =>
    !scopes?.length || scopes.some((pattern) => globMatch(pattern, value, { caseInsensitive: true }));
  switch (grant.cloud) {
    case 'azure':
      // Azure role names compare without case and spaces ("Key Vault Secrets Officer" is "KeyVaultSecretsOfficer").
      return (
        Boolean(entitlement.azure?.roles.some((allowed) => sameAzureRoleName(allowed, role))) &&
        inScopes(entitlement.azure?.scopes, scope)
      );
    case 'gcp':
      return Boolean(entitlement.gcp?.roles.some(sameRole)) && inScopes(entitlement.gcp?.scopes, scope);
    case 'kubernetes':
      return (
        entitlement.kubernetes !== undefined &&
        kubernetesBindingAllowed(entitlement.kubernetes, grant.scopeLevel, role, scope)
      );
  }
}

function allowedRoles(entitlements: Entitlement[], grant: RoleGrant): string {
  const allowed = entitlements.flatMap((entitlement): string[] => {
    switch (grant.cloud) {
      case 'azure':
        return (entitlement.azure?.roles ?? []).map(
          (role) => `${role}${entitlement.azure?.scopes?.length ? ` on ${entitlement.azure.scopes.join(' | ')}` : ''}`,
        );
      case 'gcp':
        return (entitlement.gcp?.roles ?? []).map(
          (role) => `${role}${entitlement.gcp?.scopes?.length ? ` on ${entitlement.gcp.scopes.join(' | ')}` : ''}`,
        );
      case 'kubernetes': {
        const envelope = entitlement.kubernetes;
        const namespaces = envelope?.namespaces?.length ? ` in namespace ${envelope.namespaces.join(' | ')}` : '';
        return [
          ...(envelope?.clusterRoles ?? []).map((role) => `ClusterRoleBinding ${role}`),
          ...(envelope?.roles ?? []).map((role) => `${role}${namespaces}`),
        ];
      }
    }
  });
  return allowed.length ? `allowed on ${grant.cloud}: ${allowed.join(', ')}` : `they allow no ${grant.cloud} roles`;
}
