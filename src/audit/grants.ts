/**
 * What an identity was granted, statement by statement, with the declared entitlements that cover each one and the
 * privileged actions each grant allows. An AWS statement is within the identity's entitlements when every action it
 * expands to, on every resource it names, lies within the envelopes of one of them (the envelopes require-entitlement
 * enforces).
 */
import type { Catalog, Entitlement } from '../../catalog/types.js';
import { formatSeconds } from '../../catalog/values.js';
import { expandActionPattern } from '../iam/aws/actions.js';
import { documentInEffect } from '../iam/aws/condition-time.js';
import { effectiveAllows } from '../iam/aws/evaluate.js';
import { awsManagedPolicy } from '../iam/aws/managed.js';
import { sameAzureRoleName } from '../iam/azure/roles.js';
import { privilegedCategory } from '../iam/aws/privileged.js';
import { bucketsOfStack, isInertAclWrite, type BucketNames } from '../iam/aws/s3-acls.js';
import {
  conditionEnded,
  isUnknown,
  type Grant,
  type Model,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyValue,
  type RoleGrant,
} from '../model/model.js';
import { envelopeResourcesFor, resourceCovered } from '../rules/support/aws-envelope.js';
import { roleGrantsSummary } from '../rules/support/role-grants.js';
import { globMatch } from '../util/glob.js';
import { resourcePolicyLabel } from './resource-policy-labels.js';
import type { AuditGrant, AuditStatement } from './types.js';

const EXAMPLES_PER_CATEGORY = 3;

/**
 * `aclFreeBuckets`: the change's S3 buckets whose ACLs are disabled (Model.bucketsWithoutAcls). An ACL write of a policy
 * only on those of its own stack grants nothing (iam/aws/s3-acls.ts), so it is no privileged action here either, as
 * no-wildcard-privilege and no-unseen-content judge it. `now`: a statement whose time condition has ended by then
 * grants nothing (iam/aws/condition-time.ts), as the rules judge it: listed with its end, privileged in nothing and
 * beyond no entitlement, so the review queue asks no one to review it.
 */
export function auditGrants(
  grants: readonly Grant[],
  entitlements: readonly Entitlement[],
  catalog: Catalog,
  aclFreeBuckets: NonNullable<Model['bucketsWithoutAcls']> = [],
  now?: Date,
): AuditGrant[] {
  return grants.map((grant) => {
    if (grant.kind === 'aws-policy') {
      const buckets = bucketsOfStack(aclFreeBuckets, grant.source.stack);
      const inEffect = documentInEffect(grant.document, now);
      const { summary, byStatement } = privilegedOf(inEffect, catalog, buckets);
      const onResource = grant.policyName === undefined ? resourcePolicyLabel(grant.source) : undefined;
      return {
        label: onResource?.label ?? policyLabel(grant.policyName, grant.source.name),
        ...(onResource ? { resourcePolicy: onResource.kind } : {}),
        source: grant.source,
        statements: grant.document.unreadable
          ? [
              {
                text: `unreadable: ${grant.document.unreadable.description}`,
                entitlements: [],
                beyondEntitlements: true,
              },
            ]
          : grant.document.statements.map((statement) =>
              now && conditionEnded(statement, now)
                ? { text: auditStatement(statement, entitlements).text, entitlements: [], beyondEntitlements: false }
                : withPrivileged(auditStatement(statement, entitlements), byStatement.get(statement)),
            ),
        privileged: summary,
      };
    }
    if (grant.kind === 'aws-managed-policy') {
      const arn = isUnknown(grant.arn) ? undefined : grant.arn;
      const known = arn === undefined ? undefined : awsManagedPolicy(arn);
      const covering =
        arn === undefined
          ? []
          : entitlements
              .filter((e) => (e.awsManagedPolicies ?? []).some((allowed) => sameArn(allowed, arn)))
              .map((e) => e.id);
      const privileged = known?.document ? privilegedOf(known.document, catalog).summary : [];
      const statement = {
        text: `managed policy ${arn ?? `(unknown: ${(grant.arn as { description: string }).description})`}`,
        entitlements: covering,
        beyondEntitlements: covering.length === 0,
      };
      return {
        label: `managed ${known?.name ?? arn ?? '(unknown ARN)'}`,
        source: grant.source,
        statements: [withPrivileged(statement, new Set(privileged.map((p) => p.category)))],
        privileged,
      };
    }
    return roleGrant(grant, entitlements, catalog, now);
  });
}

/** An identity policy: by its name, and the resource that writes it when that is named otherwise. */
function policyLabel(policyName: string | undefined, sourceName: string): string {
  return policyName && policyName !== sourceName
    ? `policy ${policyName} (${sourceName})`
    : `policy ${policyName ?? sourceName}`;
}

/** When a statement's or a binding's condition ends it, as its audit text says it; empty when it sets no end. */
function endsLabel(subject: { conditionEnds?: string }): string {
  return subject.conditionEnds === undefined ? '' : ` (its condition ends it at ${subject.conditionEnds})`;
}

/** How a role granted through Azure PIM is held, as its audit text says it: eligible or active, and until when. */
function pimLabel(grant: RoleGrant): string {
  const { pim } = grant;
  if (!pim) return '';
  const until = pim.permanent
    ? 'no expiration'
    : pim.unreadable
      ? `end not read: ${pim.unreadable.what}`
      : pim.ends !== undefined
        ? `until ${pim.ends}`
        : `for ${formatSeconds(pim.lastsSeconds ?? 0)} from its start`;
  return ` (PIM ${pim.assignment}, ${until})`;
}

function auditStatement(statement: PolicyStatement, entitlements: readonly Entitlement[]): AuditStatement {
  const actions = statement.action ? list(statement.action) : `all actions except ${list(statement.notAction ?? [])}`;
  const resources = statement.resource
    ? list(statement.resource)
    : statement.notResource
      ? `all resources except ${list(statement.notResource)}`
      : '*';
  // A statement its condition ends (`DateLessThan aws:CurrentTime`) says when: from then on it grants (or denies) nothing.
  const conditional =
    statement.conditionEnds !== undefined ? endsLabel(statement) : statement.condition ? ' (conditional)' : '';
  const text = `${statement.effect} ${actions} on ${resources}${conditional}`;
  if (statement.effect === 'Deny') return { text, entitlements: [], beyondEntitlements: false };
  const { covering, complete } = coverage(statement, entitlements);
  return { text, entitlements: covering, beyondEntitlements: !complete };
}

/**
 * The entitlements that cover some of the statement's (action, resource) pairs, and whether their union covers all
 * of them (an identity's grants may combine several entitlements, as require-entitlement allows).
 * NotAction, NotResource and unknown values are never covered.
 */
function coverage(
  statement: PolicyStatement,
  entitlements: readonly Entitlement[],
): { covering: string[]; complete: boolean } {
  const patterns = statement.action;
  const resources = statement.resource;
  if (!patterns || !resources || patterns.some(isUnknown) || resources.some(isUnknown))
    return { covering: [], complete: false };
  const used = new Set<string>();
  let complete = true;
  for (const pattern of patterns as string[]) {
    const actions = expandActionPattern(pattern);
    if (actions.length === 0) complete = false;
    for (const action of actions) {
      for (const resource of resources as string[]) {
        const by = entitlements.find((entitlement) =>
          resourceCovered(resource, envelopeResourcesFor(entitlement.aws ?? [], action.name)),
        );
        if (by) used.add(by.id);
        else complete = false;
      }
    }
  }
  return { covering: entitlements.map((entitlement) => entitlement.id).filter((id) => used.has(id)), complete };
}

/**
 * The privileged actions a document allows by category (the grant's summary), and the categories each Allow statement
 * contributes (so a diff can tell a privileged statement from a plain one in the same policy), from one evaluation.
 */
function privilegedOf(
  document: PolicyDocument,
  catalog: Catalog,
  aclFreeBuckets: readonly BucketNames[] = [],
): { summary: AuditGrant['privileged']; byStatement: Map<PolicyStatement, Set<string>> } {
  const byCategory = new Map<string, string[]>();
  const byStatement = new Map<PolicyStatement, Set<string>>();
  for (const allowed of effectiveAllows([document])) {
    const category = privilegedCategory(allowed.action, catalog);
    if (!category || isInertAclWrite(allowed, document, aclFreeBuckets)) continue;
    const names = byCategory.get(category) ?? [];
    names.push(allowed.action.name);
    byCategory.set(category, names);
    for (const statement of allowed.statements) {
      const categories = byStatement.get(statement) ?? new Set<string>();
      categories.add(category);
      byStatement.set(statement, categories);
    }
  }
  const summary = [...byCategory.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([category, names]) => ({ category, count: names.length, examples: names.slice(0, EXAMPLES_PER_CATEGORY) }));
  return { summary, byStatement };
}

function withPrivileged(statement: AuditStatement, categories: Set<string> | undefined): AuditStatement {
  return categories?.size ? { ...statement, privileged: [...categories].sort() } : statement;
}

function roleGrant(
  grant: RoleGrant,
  entitlements: readonly Entitlement[],
  catalog: Catalog,
  now: Date | undefined,
): AuditGrant {
  const role = isUnknown(grant.role) ? undefined : grant.role;
  const scope = isUnknown(grant.scope) ? undefined : grant.scope;
  // A binding its condition ends (Google Cloud temporary access) says when: from then on it grants nothing.
  const text = `role ${role ?? '(unknown)'} at ${scope ?? '(unknown scope)'}${endsLabel(grant)}${pimLabel(grant)}`;
  // Once ended, privileged in nothing and beyond no entitlement, as the rules judge it (conditionEnded) and as an AWS
  // statement its condition ended is listed: the review queue asks no one to review access that is over.
  if (now !== undefined && conditionEnded(grant, now))
    return {
      label: text,
      source: grant.source,
      statements: [{ text, entitlements: [], beyondEntitlements: false }],
      privileged: [],
    };
  const covering = entitlements
    .filter((entitlement) => roleWithin(grant.cloud, role, scope, entitlement))
    .map((entitlement) => entitlement.id);
  // What the role grants, from the cloud's own data (Kubernetes routes, Azure actions, Google Cloud permissions).
  const granted = roleGrantsSummary(grant.cloud, role, grant.permissions, {
    clusterWide: grant.scopeLevel === 'cluster',
    ...(grant.scopeLevel ? { scopeLevel: grant.scopeLevel } : {}),
    scope: grant.scope,
  });
  const privileged = [
    ...privilegedRole(grant.cloud, role, catalog),
    ...granted.map((entry) => ({
      category: entry.category,
      count: entry.examples.length,
      examples: entry.examples.slice(0, EXAMPLES_PER_CATEGORY),
    })),
  ];
  return {
    label: text,
    source: grant.source,
    statements: [
      withPrivileged(
        { text, entitlements: covering, beyondEntitlements: covering.length === 0 },
        new Set(privileged.map((entry) => entry.category)),
      ),
    ],
    privileged,
  };
}

/** The role itself as a privileged category when the catalog lists it among the privileged actions of its cloud. */
function privilegedRole(
  cloud: RoleGrant['cloud'],
  role: string | undefined,
  catalog: Catalog,
): { category: string; count: number; examples: string[] }[] {
  if (role === undefined) return [];
  const category = catalog.privilegedActions.find((entry) => (entry[cloud] ?? []).includes(role))?.category;
  return category ? [{ category, count: 1, examples: [role] }] : [];
}

function roleWithin(
  cloud: RoleGrant['cloud'],
  role: string | undefined,
  scope: string | undefined,
  entitlement: Entitlement,
): boolean {
  if (role === undefined || scope === undefined) return false;
  if (cloud === 'kubernetes') {
    const k8s = entitlement.kubernetes;
    return Boolean(k8s && [...(k8s.clusterRoles ?? []), ...(k8s.roles ?? [])].includes(role));
  }
  const envelope = entitlement[cloud];
  const same = (allowed: string) =>
    cloud === 'azure' ? sameAzureRoleName(allowed, role) : allowed.toLowerCase() === role.toLowerCase();
  if (!envelope || !envelope.roles.some(same)) return false;
  return !envelope.scopes || envelope.scopes.some((pattern) => globMatch(pattern, scope));
}

/** Managed policy ARNs compared across partitions (`aws`, `aws-cn`, a placeholder for the deployment's). */
function sameArn(a: string, b: string): boolean {
  const normal = (arn: string) => arn.replace(/^arn:[^:]+:/, 'arn:aws:');
  return normal(a) === normal(b);
}

function list(values: readonly PolicyValue[]): string {
  return values.map((value) => (isUnknown(value) ? `(unknown: ${value.description})` : value)).join(', ');
}

/** What an entitlement allows, one line per envelope, for the audit's entitlement column. */
export function entitlementAllows(entitlement: Entitlement): string[] {
  const lines = (entitlement.aws ?? []).map(
    (envelope) => `${envelope.actions.join(', ')} on ${envelope.resources.join(', ')}`,
  );
  for (const arn of entitlement.awsManagedPolicies ?? []) lines.push(`managed policy ${arn}`);
  for (const cloud of ['azure', 'gcp'] as const) {
    const envelope = entitlement[cloud];
    if (envelope)
      lines.push(
        `${cloud} roles ${envelope.roles.join(', ')}${envelope.scopes ? ` at ${envelope.scopes.join(', ')}` : ''}`,
      );
  }
  const k8s = entitlement.kubernetes;
  if (k8s) {
    const roles = [...(k8s.clusterRoles ?? []), ...(k8s.roles ?? [])];
    // The routes the catalog accepts for the roles' holders are privilege the organisation chose: the audit says so.
    const accepted = k8s.acceptedRoutes?.length ? `, accepting route ${k8s.acceptedRoutes.join(', ')}` : '';
    lines.push(
      `kubernetes roles ${roles.join(', ')}${k8s.namespaces ? ` in ${k8s.namespaces.join(', ')}` : ''}${accepted}`,
    );
  }
  return lines;
}
