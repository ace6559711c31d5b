/**
 * AWS managed policies by ARN, admin-level detection by name and by content, and the full list of documents an
 * identity holds (inline, attached, inherited from its groups, and the content of known managed policies).
 */
import { isUnknown, type AwsManagedPolicyGrant, type Identity, type Model, type PolicyDocument } from '../../model/model.js';
import { expandActionPattern } from './actions.js';
import { parsePolicyDocument } from './document.js';
import { effectiveAllows, type AllowedAction } from './evaluate.js';
import { MANAGED_POLICIES, type ManagedPolicyData } from './managed-policies.js';

export interface ManagedPolicyInfo {
  name: string;
  /** The ARN as written (any partition), e.g. `arn:aws-us-gov:iam::aws:policy/AdministratorAccess`. */
  arn: string;
  adminLevel: boolean;
  /** The published content; absent for policies known by name only (the broad read-only ones). */
  document?: PolicyDocument;
}

export interface IdentityDocuments {
  documents: PolicyDocument[];
  /** Managed policies whose content is not known: Unknown ARNs, customer-managed ARNs, AWS policies known by name only. */
  unknownManaged: AwsManagedPolicyGrant[];
}

/** `arn:<partition>:iam::aws:policy/<path/><Name>`; the partition may be a placeholder such as `${AWS::Partition}`. */
const AWS_MANAGED_ARN = /^arn:(?:aws[a-z-]*|\$\{[^}]*\}):iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/;

const byName = new Map<string, ManagedPolicyData>(MANAGED_POLICIES.map((policy) => [policy.name, policy]));
const parsedDocuments = new Map<string, PolicyDocument>();
/** Known policies by ARN as written: templates attach the same few ARNs to thousands of roles. */
const byArn = new Map<string, ManagedPolicyInfo>();

/** The AWS managed policy an ARN names, in any partition and under any path, when the engine knows it. */
export function awsManagedPolicy(arn: string): ManagedPolicyInfo | undefined {
  let info = byArn.get(arn);
  if (!info && (info = managedPolicyInfo(arn))) byArn.set(arn, info);
  return info;
}

function managedPolicyInfo(arn: string): ManagedPolicyInfo | undefined {
  const name = AWS_MANAGED_ARN.exec(arn)?.[1];
  const data = name === undefined ? undefined : byName.get(name);
  if (!data) return undefined;
  const document = documentOf(data);
  return { name: data.name, arn, adminLevel: data.adminLevel, ...(document ? { document } : {}) };
}

/**
 * Admin-level by content: the documents allow every IAM action on every resource (which includes `*:*`).
 * Conditions do not lower the level: an administrator behind a condition is still an administrator.
 */
export function isAdminLevel(documents: PolicyDocument[]): boolean {
  return allowsAllOfIam(effectiveAllows(documents));
}

/** True when every IAM action is allowed on `*`: whoever holds it can grant itself anything. */
export function allowsAllOfIam(allows: AllowedAction[]): boolean {
  const iamOnEverything = allows.filter(
    (allowed) => allowed.action.service === 'iam' && allowed.resources.includes('*') && !allowed.notResources,
  );
  return iamOnEverything.length === expandActionPattern('iam:*').length;
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

function documentOf(data: ManagedPolicyData): PolicyDocument | undefined {
  if (!data.document) return undefined;
  let parsed = parsedDocuments.get(data.name);
  if (!parsed) parsedDocuments.set(data.name, (parsed = parsePolicyDocument(data.document)));
  return parsed;
}
