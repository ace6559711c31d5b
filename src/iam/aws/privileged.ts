/**
 * Which AWS actions are privileged: every action AWS itself classes as Permissions management, plus the
 * actions the catalog's `privilegedActions` list names for AWS (the built-in defaults carry such a list too).
 */
import type { Catalog, PrivilegedAction } from '../../../catalog/types.js';
import type { PolicyDocument } from '../../model/model.js';
import { hasWildcard } from '../../util/glob.js';
import { actionMatches, expandActionPattern, permissionsManagementActionNames, type AwsAction } from './actions.js';
import { mayAllowOnEveryResource, servicePrefix, type ActionNamesOf } from './reach.js';

export type PrivilegedCategory = PrivilegedAction['category'];

/** One AWS pattern of a catalog entry, with the service it names (undefined: it may name any service). */
interface Candidate {
  entry: PrivilegedAction;
  pattern: string;
  service?: string;
}

/**
 * A catalog list's AWS patterns and the verdict per action name. Classifying an action matches only the patterns
 * that can name its service, so no other service's action data is loaded (expanding every pattern up front read
 * some fifteen service files on each run, EC2's among them).
 */
interface PatternIndex {
  /** Every pattern, in catalog order. */
  all: Candidate[];
  /** Service -> the patterns that may name its actions, in catalog order. */
  candidates: Map<string, readonly Candidate[]>;
  /** Action name -> the first entry naming it (null: none). */
  verdicts: Map<string, PrivilegedAction | null>;
}

const indexes = new WeakMap<readonly PrivilegedAction[], PatternIndex>();

/**
 * Reads the Service Authorization Reference classes as Permissions management (quicksight:DescribeTopicPermissions,
 * billing:GetResourcePolicy, glue:GetStage…): reading who may act grants nothing, so by their name they do not count
 * (a login URL does). Judging AWS managed policies by content showed them: ReadOnlyAccess and SecurityAudit hold them.
 */
const PERMISSION_READ = /^[^:]+:(Get|List|Describe|Search|BatchGet)(?!.*Login)/;

/**
 * A service's authorization for vended log delivery (`bedrock:AllowVendedLogDeliveryForResource`, and the action of
 * that name of ECS, CloudFront, Elastic Load Balancing, SES, Security Hub, QuickSight and others), which the Service
 * Authorization Reference also classes as Permissions management. It is a permission-only action: CloudWatch Logs
 * asks for it when the caller makes the service's resource a delivery source (logs:PutDeliverySource, whose
 * configuration templates name it as "the action permissions that a caller needs to have to be able to successfully
 * create a delivery source"). It writes no policy, grant or permission of anyone; where the logs go is the delivery's
 * (logs:CreateDelivery, to a destination whose own policy admits it). AmazonBedrockFullAccess on an agent's function
 * role was reported as privileged by it alone (amazon-bedrock-agents-healthcare-lifesciences).
 */
const VENDED_LOG_DELIVERY = /^[^:]+:AllowVendedLogDeliveryForResource$/i;

/** Whether the action is a service's authorization for vended log delivery (VENDED_LOG_DELIVERY). */
export function isVendedLogDeliveryAuthorization(name: string): boolean {
  return VENDED_LOG_DELIVERY.test(name);
}

/**
 * Whether an action of AWS's Permissions management level changes no one's access: a read of who may act
 * (PERMISSION_READ), or a vended log delivery's authorization (VENDED_LOG_DELIVERY).
 */
export function managesNoPermissions(name: string): boolean {
  return PERMISSION_READ.test(name) || isVendedLogDeliveryAuthorization(name);
}

/**
 * 'permissions-management' for AWS's Permissions management access level (but managesNoPermissions), else the category
 * of the catalog entry naming the action.
 */
export function privilegedCategory(action: AwsAction, catalog: Catalog): PrivilegedCategory | undefined {
  if (action.accessLevel === 'Permissions management' && !managesNoPermissions(action.name))
    return 'permissions-management';
  return privilegedEntry(action, catalog)?.category;
}

/** The catalog's privileged-action entry whose AWS patterns match the action (first in catalog order). */
export function privilegedEntry(action: AwsAction, catalog: Catalog): PrivilegedAction | undefined {
  const index = indexOf(catalog.privilegedActions);
  let verdict = index.verdicts.get(action.name);
  if (verdict === undefined) {
    verdict =
      candidatesFor(index, action.service).find((candidate) => actionMatches(candidate.pattern, action.name))?.entry ??
      null;
    index.verdicts.set(action.name, verdict);
  }
  return verdict ?? undefined;
}

function indexOf(entries: readonly PrivilegedAction[]): PatternIndex {
  let index = indexes.get(entries);
  if (index) return index;
  const all = entries.flatMap((entry) =>
    (entry.aws ?? []).map((pattern) => ({ entry, pattern, service: servicePrefix(pattern) })),
  );
  index = { all, candidates: new Map(), verdicts: new Map() };
  indexes.set(entries, index);
  return index;
}

function candidatesFor(index: PatternIndex, service: string): readonly Candidate[] {
  let candidates = index.candidates.get(service);
  if (!candidates)
    index.candidates.set(
      service,
      (candidates = index.all.filter((candidate) => candidate.service === undefined || candidate.service === service)),
    );
  return candidates;
}

/**
 * Whether the document may allow a privileged action (privilegedCategory) on every resource. False is a proof that
 * it allows none there (reach.ts), from the names of the Permissions management actions in the build's action table
 * and the catalog's AWS patterns of the services the document names (expanded where they hold a wildcard): a broad
 * read-only policy (SecurityAudit, ReadOnlyAccess) is not expanded over hundreds of services to find it holds none.
 * True when it may, or when the names cannot be listed (no action table; a catalog pattern for any service).
 */
export function mayAllowPrivilegedOnEveryResource(document: PolicyDocument, catalog: Catalog): boolean {
  return mayAllowOnEveryResource(document, privilegedNamesOf(catalog.privilegedActions));
}

const privilegedNames = new WeakMap<readonly PrivilegedAction[], ActionNamesOf>();

/** The privileged action names of a service for a catalog list, worked out per service when first asked. */
function privilegedNamesOf(entries: readonly PrivilegedAction[]): ActionNamesOf {
  let namesOf = privilegedNames.get(entries);
  if (namesOf) return namesOf;
  const index = indexOf(entries);
  const permissionsManagement = permissionsManagementByService();
  if (!permissionsManagement || index.all.some((candidate) => candidate.service === undefined))
    namesOf = () => undefined;
  else {
    const byService = new Map<string, readonly string[]>();
    namesOf = (service) => {
      const known = byService.get(service);
      if (known) return known;
      const names = [...(permissionsManagement.get(service) ?? [])];
      // Every pattern names its service here (a list with one for any service gave up above).
      for (const candidate of candidatesFor(index, service)) {
        // A name without wildcards stands for itself: reading the service's actions would only drop an unknown one,
        // and an unknown name can only make the proof give up, never prove wrongly.
        if (!hasWildcard(candidate.pattern)) names.push(candidate.pattern);
        else for (const action of expandActionPattern(candidate.pattern)) names.push(action.name);
      }
      byService.set(service, names);
      return names;
    };
  }
  privilegedNames.set(entries, namesOf);
  return namesOf;
}

let permissionsManagementGroups: Map<string, string[]> | null | undefined;

/**
 * The action table's Permissions management names but those that manage no permissions (managesNoPermissions), by
 * lower-case service prefix; null without a table.
 */
function permissionsManagementByService(): Map<string, string[]> | null {
  if (permissionsManagementGroups !== undefined) return permissionsManagementGroups;
  const names = permissionsManagementActionNames();
  if (!names) return (permissionsManagementGroups = null);
  const groups = new Map<string, string[]>();
  for (const name of names) {
    // What privilegedCategory does not count: a read of who may act, a vended log delivery's authorization.
    const service = servicePrefix(name);
    if (service === undefined || managesNoPermissions(name)) continue;
    let group = groups.get(service);
    if (!group) groups.set(service, (group = []));
    group.push(name);
  }
  return (permissionsManagementGroups = groups);
}
