/**
 * The AWS policy documents an identity holds, each with the resource that grants it, so a rule can evaluate them
 * together and still name the policy behind each allowed action.
 */
import {
  allowancesFor,
  effectiveAllows,
  unknownGrantOf,
  type ActionSelection,
  type AllowedAction,
} from '../../iam/aws/evaluate.js';
import { documentInEffect } from '../../iam/aws/condition-time.js';
import { awsManagedPolicy } from '../../iam/aws/managed.js';
import type { RuleContext } from '../define.js';
import {
  isUnknown,
  type Grant,
  type Identity,
  type Model,
  type PolicyDocument,
  type PolicyStatement,
  type ResourceRef,
  type Unknown,
} from '../../model/model.js';

export interface HeldPolicy {
  /** The resource to change: the policy, or the attachment carrying a managed policy ARN. */
  source: ResourceRef;
  /** How messages name it: the policy resource, `Role policy name` for a policy inline in the identity, or the managed policy name. */
  label: string;
  /** The same, for a finding's detail: `PolicyResource`, `Role/name`, `ManagedPolicyName`. */
  key: string;
  document: PolicyDocument;
  /** Set for managed policies, which are allowed as a whole by ARN. */
  managedArn?: string;
}

/** A managed policy whose content the engine does not have: an Unknown ARN, a customer policy outside the change, or an AWS ARN the dataset does not know. */
export interface OpaquePolicy {
  source: ResourceRef;
  arn: string | Unknown;
}

export interface HeldPolicies {
  policies: HeldPolicy[];
  opaque: OpaquePolicy[];
  /** The policy a statement came from. */
  policyOf: (statement: PolicyStatement) => HeldPolicy | undefined;
}

/**
 * The first value that makes the held policies' grants undecidable (an unreadable document, an Unknown action of an
 * Allow): rules report pending on it. Walked in place, not through a list of the documents made for every identity.
 */
export function unknownHeldGrant(held: HeldPolicies): Unknown | undefined {
  const policies = held.policies;
  for (let index = 0; index < policies.length; index++) {
    const policy = policies[index];
    const unknown = policy === undefined ? undefined : unknownGrantOf(policy.document);
    if (unknown) return unknown;
  }
  return undefined;
}

/**
 * The identity's own AWS policies, plus those of its groups when `withGroups` (escalation reaches through groups). Given
 * `now`, each document as it is in effect then: a statement whose condition has ended it (`DateLessThan
 * aws:CurrentTime` past: iam/aws/condition-time.ts) grants nothing and denies nothing, so no rule that reads the
 * holdings judges it. Without `now`, the documents as written.
 */
export function heldPolicies(
  identity: Identity,
  model: Model,
  options: { withGroups: boolean; now?: Date },
): HeldPolicies {
  const holders =
    options.withGroups && identity.groups?.length ? [identity].concat(groupsOf(identity, model)) : [identity];
  // A group only some deployments add the identity to gives its grants as undecided ones (Identity.undecidedGroups).
  const byMembership = identity.undecidedGroups?.length ? identity.undecidedGroups : undefined;
  const policies: HeldPolicy[] = [];
  const opaque: OpaquePolicy[] = [];
  // Adapters may already have copied a group's grants onto its users (same documents): count each policy once.
  // A grant some deployments leave out is counted apart: held also in every deployment, its Deny statements count.
  const seen = new Set<unknown>();
  const seenUndecided = new Set<unknown>();
  // Indexed loops: run once per identity, mostly before V8 optimizes this function, and for…of's iterator closing
  // made its optimized code several times longer to compile.
  for (let h = 0; h < holders.length; h++) {
    const holder = holders[h];
    if (holder === undefined) continue;
    const grants = holder.grants;
    for (let g = 0; g < grants.length; g++) {
      const grant = grants[g];
      if (grant === undefined) continue;
      const key =
        grant.kind === 'aws-policy' ? grant.document : grant.kind === 'aws-managed-policy' ? grant.arn : grant;
      const undecided =
        grant.undecided ??
        (holder === identity ? undefined : byMembership?.find((entry) => entry.group === holder.id)?.undecided);
      const seenAs = undecided === undefined ? seen : seenUndecided;
      if (seenAs.has(key)) continue;
      seenAs.add(key);
      const held = toHeldPolicy(grant, holders, undecided !== undefined, options.now);
      if (held === undefined) continue;
      if ('document' in held) policies.push(held);
      else opaque.push(held);
    }
  }
  const byStatement = new Map<PolicyStatement, HeldPolicy>();
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    if (policy === undefined) continue;
    const statements = policy.document.statements;
    for (let s = 0; s < statements.length; s++) {
      const statement = statements[s];
      if (statement !== undefined) byStatement.set(statement, policy);
    }
  }
  return { policies, opaque, policyOf: (statement) => byStatement.get(statement) };
}

/**
 * Allowed actions kept per identity for the rest of an evaluation. An identity allowed `*` is allowed some twenty
 * thousand actions, a few megabytes of allowances: kept for each of thousands of such identities (a folder of
 * generated templates), they exhausted the heap. Larger sets are computed again when another rule asks, which costs
 * milliseconds; the heap then holds at most this many allowances per identity. Most rules never ask for the whole
 * set: they ask about the actions they judge (`some`), or judge statements by their patterns.
 */
const KEPT_ALLOWANCES = 500;

export interface HeldAllows {
  held: HeldPolicies;
  /** Every action the policies allow together, sorted (effectiveAllows): thousands for an identity allowed `*`. */
  all(): AllowedAction[];
  /** The allowances of the subset's actions only (allowancesFor), by action name: a few dozen lookups, not an expansion of `*`. */
  some(subset: ActionSelection): Map<string, AllowedAction>;
}

/**
 * The identity's policies, its groups' included, and what they allow together, computed once per evaluation for
 * every rule that asks (entitlements and escalation both judge them), except that a large set of allowances is
 * not kept (KEPT_ALLOWANCES).
 */
export function heldPoliciesAndAllows(
  ctx: Pick<RuleContext, 'model' | 'memo' | 'now'>,
  identity: Identity,
): HeldAllows {
  const held = ctx.memo(identity, 'held-policies', () =>
    heldPolicies(identity, ctx.model, { withGroups: true, now: ctx.now }),
  );
  const documents = () => held.policies.map((policy) => policy.document);
  return {
    held,
    all() {
      let computed: AllowedAction[] | undefined;
      const kept = ctx.memo(identity, 'allows-if-small', () => {
        computed = effectiveAllows(documents());
        return computed.length <= KEPT_ALLOWANCES ? computed : null;
      });
      return kept ?? computed ?? effectiveAllows(documents());
    },
    some: (subset) => allowancesFor(documents(), subset),
  };
}

function groupsOf(identity: Identity, model: Model): Identity[] {
  const ids = new Set(identity.groups);
  return model.identities.filter((candidate) => candidate.kind === 'aws-group' && ids.has(candidate.id));
}

function toHeldPolicy(
  grant: Grant,
  holders: Identity[],
  undecided: boolean,
  now: Date | undefined,
): HeldPolicy | OpaquePolicy | undefined {
  if (grant.kind === 'aws-policy') {
    const { source, policyName } = grant;
    const document = heldDocument(undecided, documentInEffect(grant.document, now));
    const inline = policyName !== undefined && isHolderResource(source, holders);
    return inline
      ? { source, label: `${source.name} policy ${policyName}`, key: `${source.name}/${policyName}`, document }
      : { source, label: source.name, key: source.name, document };
  }
  if (grant.kind !== 'aws-managed-policy') return undefined;
  if (isUnknown(grant.arn)) return { source: grant.source, arn: grant.arn };
  const known = awsManagedPolicy(grant.arn);
  if (!known) return { source: grant.source, arn: grant.arn };
  const document = heldDocument(undecided, documentInEffect(known.document, now));
  return { source: grant.source, label: known.name, key: known.name, document, managedArn: grant.arn };
}

/** Per document, the same without its Deny statements (allowsOnly); the statements are shared, so policyOf finds them. */
const allowOnlyDocuments = new WeakMap<PolicyDocument, PolicyDocument>();

/**
 * What a grant gives its holder in every deployment: the document, or, for a grant some deployments leave out
 * (Grant.undecided, or a grant of a group the holder is in only in some: Identity.undecidedGroups), its Allow
 * statements only. Some deployment holds what it allows; what it denies another
 * deployment lacks, so it cannot remove what the identity's other policies allow (a Deny policy created, or attached,
 * only where a condition the deployment sets holds).
 */
function heldDocument(undecided: boolean, document: PolicyDocument): PolicyDocument {
  if (!undecided || !document.statements.some((statement) => statement.effect === 'Deny')) return document;
  let allows = allowOnlyDocuments.get(document);
  if (!allows) {
    allows = { ...document, statements: document.statements.filter((statement) => statement.effect === 'Allow') };
    allowOnlyDocuments.set(document, allows);
  }
  return allows;
}

/** Whether the policy is written inside one of the holders (an inline policy) rather than as a resource of its own. */
function isHolderResource(source: ResourceRef, holders: Identity[]): boolean {
  for (const { resource } of holders) {
    if (resource.name === source.name && resource.type === source.type) return true;
  }
  return false;
}
