/**
 * AWS managed policies by ARN (their content from the dataset in managed-policies.ts), admin-level detection by
 * content, and the full list of documents an identity holds (inline, attached, inherited from its groups, and the
 * content of AWS managed policies).
 */
import {
  isUnknown,
  type AwsManagedPolicyGrant,
  type Identity,
  type Model,
  type PolicyDocument,
  type PolicyStatement,
} from '../../model/model.js';
import { expandActionPattern, permissionsManagementActionNames } from './actions.js';
import { parsePolicyDocument } from './document.js';
import { actionSubset, allowancesFor, effectiveAllows, type ActionSubset, type AllowedAction } from './evaluate.js';
import { managedPolicyNamed } from './managed-policies.js';
import { mayAllowOnEveryResource } from './reach.js';

export interface ManagedPolicyInfo {
  name: string;
  /** The ARN as written (any partition), e.g. `arn:aws-us-gov:iam::aws:policy/AdministratorAccess`. */
  arn: string;
  /** The ARN AWS publishes it under (partition `aws`), with its path: `arn:aws:iam::aws:policy/service-role/…`. */
  publishedArn: string;
  /** Whether the ARN as written names the policy under its published path (a different path fails at deployment). */
  pathMatches: boolean;
  /** By content: the document allows every IAM action on every resource (see isAdminLevel). */
  adminLevel: boolean;
  /** The default version's content. */
  document: PolicyDocument;
}

export interface IdentityDocuments {
  documents: PolicyDocument[];
  /** Managed policies whose content is not known: Unknown ARNs, customer-managed ARNs, AWS ARNs the dataset does not know. */
  unknownManaged: AwsManagedPolicyGrant[];
}

/** `arn:<partition>:iam::aws:policy/<path/><Name>`; the partition may be left to deploy time (`${…}`). */
const AWS_MANAGED_ARN = /^arn:(?:aws[a-z-]*|\$\{[^}]*\}):iam::aws:policy\/((?:[^/]+\/)*)([^/]+)$/;

/** Whether an ARN is under `arn:<partition>:iam::aws:policy/`: an AWS managed policy, known to the dataset or not. */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_ARN.test(arn);
}

/**
 * Whether a statement names AWS managed policies only (every Resource an ARN under `arn:<partition>:iam::aws:policy/`,
 * no NotResource). No account may change a policy AWS owns ("You cannot change the permissions defined in AWS managed
 * policies", IAM User Guide, "AWS managed policies"): IAM refuses CreatePolicyVersion, SetDefaultPolicyVersion,
 * DeletePolicy, DeletePolicyVersion and tagging on them, so such a statement grants no write, whatever its Action, only
 * reads of documents AWS publishes to every account. Attaching one is a write on the identity, whose ARN this names not.
 */
export function namesOnlyAwsManagedPolicies(statement: Pick<PolicyStatement, 'resource' | 'notResource'>): boolean {
  const { resource } = statement;
  return (
    statement.notResource === undefined &&
    resource !== undefined &&
    resource.length > 0 &&
    resource.every((value) => typeof value === 'string' && isAwsManagedPolicyArn(value))
  );
}

/** Known policies by ARN as written (null: not known): templates attach the same few ARNs to thousands of roles. */
const byArn = new Map<string, ManagedPolicyInfo | null>();
/** Parsed documents by policy name, shared by every ARN spelling of the policy. */
const documents = new Map<string, PolicyDocument>();
/** Admin level by document, worked out when first asked (evaluating a broad read-only policy expands thousands of actions). */
const adminLevels = new WeakMap<PolicyDocument, boolean>();

/**
 * The AWS managed policy an ARN names, in any partition, when the dataset knows its name. Names are unique among AWS
 * managed policies, so a path other than the published one still names the policy (pathMatches says whether it is
 * the published one). The dataset is read on the first call, never for a change without managed policies.
 */
export function awsManagedPolicy(arn: string): ManagedPolicyInfo | undefined {
  let info = byArn.get(arn);
  if (info === undefined) byArn.set(arn, (info = managedPolicyInfo(arn) ?? null));
  return info ?? undefined;
}

function managedPolicyInfo(arn: string): ManagedPolicyInfo | undefined {
  const match = AWS_MANAGED_ARN.exec(arn);
  if (!match) return undefined;
  const [, path, name] = match as unknown as [string, string, string];
  const data = managedPolicyNamed(name);
  if (!data) return undefined;
  let document = documents.get(name);
  if (!document) documents.set(name, (document = parsePolicyDocument(data.document)));
  const parsed = document;
  return {
    name,
    arn,
    publishedArn: `arn:aws:iam::aws:policy/${data.path}${name}`,
    pathMatches: path === data.path,
    document: parsed,
    get adminLevel() {
      let level = adminLevels.get(parsed);
      if (level === undefined) adminLevels.set(parsed, (level = isAdminLevel([parsed])));
      return level;
    },
  };
}

/**
 * Admin-level by content: the documents allow every IAM action on every resource (which includes `*:*`).
 * Conditions do not lower the level: an administrator behind a condition is still an administrator.
 */
export function isAdminLevel(documents: PolicyDocument[]): boolean {
  // Every IAM action on `*` includes any one of them: documents that cannot allow it there are not admin level, which
  // their patterns prove without expanding a broad read-only policy over hundreds of services (reach.ts).
  const witness = iamWitness();
  if (witness !== undefined) {
    // The same lists every time: reach.ts keeps each list's lower-case names by the list.
    const witnessNames = [witness];
    const noNames: readonly string[] = [];
    const namesOf = (service: string): readonly string[] => (service === 'iam' ? witnessNames : noNames);
    if (!documents.some((document) => mayAllowOnEveryResource(document, namesOf))) return false;
  }
  return allowsAllOfIam(allowancesFor(documents, iamActions()).values());
}

/**
 * One IAM action of the dataset. The action table's header names the Permissions management ones, IAM's among them,
 * so a policy proven not to reach one (most managed policies a change holds) never reads IAM's 270 actions.
 */
function iamWitness(): string | undefined {
  return permissionsManagementActionNames()?.find((name) => name.startsWith('iam:')) ?? iamActions().actions[0]?.name;
}

let everyIamAction: ActionSubset | undefined;

/** Every IAM action: what the administrator checks ask about, instead of everything an identity is allowed. */
export function iamActions(): ActionSubset {
  return (everyIamAction ??= actionSubset(expandActionPattern('iam:*')));
}

/**
 * True when every IAM action is allowed on `*`: whoever holds it can grant itself anything. Takes every allowance or
 * only those of iamActions(); others are not looked at.
 */
export function allowsAllOfIam(allows: Iterable<AllowedAction>): boolean {
  let count = 0;
  for (const allowed of allows)
    if (allowed.action.service === 'iam' && allowed.resources.includes('*') && !allowed.notResources) count++;
  return count === iamActions().actions.length;
}

/** What an AWS managed policy's document allows (effectiveAllows), worked out once: one document serves every holder. */
const managedAllows = new WeakMap<PolicyDocument, readonly AllowedAction[]>();

/** effectiveAllows of a managed policy's document, shared by every caller: do not modify it. */
export function managedPolicyAllows(info: ManagedPolicyInfo): readonly AllowedAction[] {
  let allows = managedAllows.get(info.document);
  if (!allows) managedAllows.set(info.document, (allows = effectiveAllows([info.document])));
  return allows;
}

/**
 * Every policy document the identity holds, so rules evaluate one list: its inline and attached documents, the
 * content of AWS managed policies the engine knows, and (given the model) the same for the groups of a user.
 */
export function documentsOf(identity: Identity, model?: Model): IdentityDocuments {
  const groups = model ? model.identities.filter((candidate) => identity.groups?.includes(candidate.id)) : [];
  const result: IdentityDocuments = { documents: [], unknownManaged: [] };
  for (const grant of [identity, ...groups].flatMap((holder) => holder.grants)) {
    if (grant.kind === 'aws-policy') result.documents.push(grant.document);
    if (grant.kind !== 'aws-managed-policy') continue;
    const document = isUnknown(grant.arn) ? undefined : awsManagedPolicy(grant.arn)?.document;
    if (document) result.documents.push(document);
    else result.unknownManaged.push(grant);
  }
  return result;
}
