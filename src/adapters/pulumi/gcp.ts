/**
 * Google Cloud resources (`@pulumi/gcp`) into the model: service accounts, their user-managed and HMAC keys, IAM
 * members, bindings and policies (with their conditions) at project, folder, organization and service-account
 * level, custom roles (judged as definitions, and read into the grants that name them), workload identity pool
 * providers (judged on their own, and federated credentials of the accounts their pool may act as), Secret
 * Manager secrets with their rotation, and the compute that runs as a service account (gcp-workloads.ts: attached to
 * the change's account it names, or a use of Google's default account). A service account the change does not create
 * is an external identity holding what the change grants it (outsideAccount); any other member the change does not
 * create (a user, `allUsers`, Google's default accounts, a workload identity principal) keeps its grant as an external
 * role grant.
 *
 * Entry points other adapters map onto (the Terraform adapter's google_* resources): `isGcpType` and the type tokens
 * and property names below (`member`/`members`/`policyData`, `role`, `condition`, `project`/`folder`/`orgId`/
 * `serviceAccountId`, `permissions`, `attributeCondition`).
 */
import { conditionEnd } from '../../iam/gcp/conditions.js';
import { isCustomRoleName, isDefaultServiceAccount, predefinedRole, workloadPoolMember } from '../../iam/gcp/roles.js';
import {
  emptyModel,
  isEncryptedValue,
  isUnknown,
  malformedValue,
  unknownValue,
  type ExternalRoleGrant,
  type Identity,
  type FederationProvider,
  type GrantCondition,
  type Maybe,
  type Model,
  type RoleDefinition,
  type RoleGrant,
} from '../../model/model.js';
import { dependencyUrns, entriesOf, isComputed, linked, type Entry } from './links.js';
import { isGcpWorkloadType, readWorkloads } from './gcp-workloads.js';
import { GEN1_FUNCTION_TYPE, gen1FunctionNamed, gen1FunctionTrigger, type Gen1Function } from './gcp-functions.js';
import { BIGQUERY_TYPES, datasetAccessGrants, datasetScope, isBigQueryAccessType } from './gcp-bigquery.js';
import type { PulumiResource } from './resource.js';
import { isKnownRecord, lookupTable } from '../../util/records.js';
import { items, knownString } from './values.js';

const TYPES = {
  account: 'gcp:serviceaccount/account:Account',
  key: 'gcp:serviceaccount/key:Key',
  hmacKey: 'gcp:storage/hmacKey:HmacKey',
  provider: 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider',
  secret: 'gcp:secretmanager/secret:Secret',
  secretVersion: 'gcp:secretmanager/secretVersion:SecretVersion',
  projectRole: 'gcp:projects/iAMCustomRole:IAMCustomRole',
  organizationRole: 'gcp:organizations/iAMCustomRole:IAMCustomRole',
} as const;

/** IAM resource families: where the scope comes from and its level. */
const IAM_SCOPES: Record<string, { property: string; prefix: string; level: NonNullable<RoleGrant['scopeLevel']> }> =
  lookupTable({
    projects: { property: 'project', prefix: 'projects/', level: 'project' },
    folder: { property: 'folder', prefix: '', level: 'folder' },
    organizations: { property: 'orgId', prefix: 'organizations/', level: 'organization' },
    serviceaccount: { property: 'serviceAccountId', prefix: '', level: 'resource' },
  });
const IAM_TYPE =
  /^gcp:(projects|folder|organizations|serviceaccount)\/iAM(Member|Binding|Policy):IAM(Member|Binding|Policy)$/;

/** IAM on a 1st-gen Cloud Function (`FunctionIamMember`, `FunctionIamBinding`, `FunctionIamPolicy`). */
const GEN1_FUNCTION_IAM_TYPE =
  /^gcp:cloudfunctions\/functionIam(Member|Binding|Policy):FunctionIam(Member|Binding|Policy)$/;

/**
 * A single resource's own IAM (`gcp:cloudfunctions/functionIamMember:FunctionIamMember`,
 * `gcp:storage/bucketIAMMember:BucketIAMMember`, `gcp:secretmanager/secretIamBinding:SecretIamBinding`, `gcp:cloudrun/
 * iamPolicy:IamPolicy`, … some 460 types in @pulumi/gcp, spelt IAM or Iam): one pattern, so a resource type added to
 * the provider later is read too rather than passed in silence. `iAM` is the four families above.
 */
const RESOURCE_IAM_TYPE = /^gcp:([a-z0-9]+)\/([a-zA-Z0-9]*?)(?:IAM|Iam|iam)(Member|Binding|Policy):[A-Za-z0-9]+$/;

/** Properties every resource IAM type has that do not name the resource it is about. */
const IAM_PROPERTIES: ReadonlySet<string> = new Set([
  'member',
  'members',
  'role',
  'condition',
  'policyData',
  'etag',
  'id',
  'urn',
  'project',
  'location',
  'region',
  'zone',
]);

/** An IAM member, binding or policy type's scope (and its level); undefined for the other types. */
function iamScopeOf(entry: Entry): { scope: Maybe<string>; level: NonNullable<RoleGrant['scopeLevel']> } | undefined {
  const [, family] = IAM_TYPE.exec(entry.resource.type) ?? [];
  const spec = family === undefined ? undefined : IAM_SCOPES[family];
  if (spec) {
    const target = entry.props[spec.property];
    const scope: Maybe<string> =
      typeof target === 'string'
        ? `${spec.prefix}${target}`
        : isUnknown(target)
          ? target
          : unknownValue(`${entry.ref.name}.${spec.property} is not set`);
    return { scope, level: spec.level };
  }
  const [, module, resource] = RESOURCE_IAM_TYPE.exec(entry.resource.type) ?? [];
  if (module === undefined || resource === undefined) return undefined;
  return { scope: resourceIamScope(entry, resource === '' ? module : `${module}/${resource}`), level: 'resource' };
}

/**
 * The resource a resource-level IAM type is about, as `<module>/<resource>/<its identifying values>`
 * (`cloudfunctions/function/<project>/<region>/<name>` in the order the properties are written). A value unknown until
 * apply makes the scope unknown, never a narrower one.
 */
function resourceIamScope(entry: Entry, kind: string): Maybe<string> {
  const names = Object.keys(entry.props).filter((key) => !IAM_PROPERTIES.has(key));
  const where = ['project', 'location', 'region', 'zone'].filter((key) => key in entry.props);
  const values: string[] = [];
  for (const key of [...where, ...names]) {
    const value = entry.props[key];
    if (isUnknown(value)) return value;
    if (typeof value === 'string' && value !== '') values.push(value);
  }
  return [kind, ...values].join('/');
}

/** A BigQuery dataset's access entries are on the dataset (gcp-bigquery.ts). */
function datasetAccessScope(
  entry: Entry,
): { scope: Maybe<string>; level: NonNullable<RoleGrant['scopeLevel']> } | undefined {
  return isBigQueryAccessType(entry.resource.type) ? { scope: datasetScope(entry), level: 'resource' } : undefined;
}

/** Member, Binding or Policy: the form of an IAM type of either pattern. */
function iamForm(type: string): string | undefined {
  return IAM_TYPE.exec(type)?.[2] ?? RESOURCE_IAM_TYPE.exec(type)?.[3];
}

export function isGcpType(type: string): boolean {
  return (
    (Object.values(TYPES) as string[]).includes(type) ||
    IAM_TYPE.test(type) ||
    RESOURCE_IAM_TYPE.test(type) ||
    isBigQueryAccessType(type) ||
    isGcpWorkloadType(type)
  );
}

export function modelFromGcpResources(resources: readonly PulumiResource[]): Model {
  const entries = entriesOf(resources, isGcpType);
  const externalRoleGrants: ExternalRoleGrant[] = [];
  const model: Model = { ...emptyModel(), externalRoleGrants };
  const of = (type: string) => entries.filter((entry) => entry.resource.type === type);
  const accounts = new Map<string, Identity>();
  for (const entry of of(TYPES.account)) {
    const identity = serviceAccount(entry);
    accounts.set(entry.resource.urn, identity);
    model.identities.push(identity);
  }
  const accountFor = (entry: Entry, property: string): Identity | undefined =>
    linked(entry, property, accounts, (identity, value) => accountMatches(identity, value))[0];

  const defaultIdentityUses = entries
    .filter((entry) => isGcpWorkloadType(entry.resource.type))
    .flatMap((entry) =>
      readWorkloads(entry, accounts, (value) =>
        [...accounts.values()].find((identity) => accountMatches(identity, value)),
      ),
    );
  if (defaultIdentityUses.length) model.defaultIdentityUses = defaultIdentityUses;

  for (const entry of of(TYPES.key)) {
    const identity =
      accountFor(entry, 'serviceAccountId') ??
      externalAccount(model, accounts, entry, entry.props.serviceAccountId, 'serviceAccountId');
    identity.credentials.push({ kind: 'gcp-service-account-key', source: entry.ref });
  }
  // A Cloud Storage HMAC key names its account by e-mail (`serviceAccountEmail`, @pulumi/gcp 9.37.0
  // storage/hmacKey.d.ts); one for an account outside the change goes to that account, as a key's does.
  for (const entry of of(TYPES.hmacKey)) {
    const identity =
      accountFor(entry, 'serviceAccountEmail') ??
      externalAccount(model, accounts, entry, entry.props.serviceAccountEmail, 'serviceAccountEmail');
    identity.credentials.push({ kind: 'gcp-hmac-key', source: entry.ref });
  }

  const customRoles = new Map<string, RoleDefinition>();
  for (const entry of [...of(TYPES.projectRole), ...of(TYPES.organizationRole)])
    customRoles.set(entry.resource.urn, customRole(entry));
  if (customRoles.size) model.roleDefinitions = [...customRoles.values()];
  const customRoleOf = (entry: Entry, role: Maybe<string>, property: string): RoleDefinition | undefined =>
    typeof role === 'string' && !isCustomRoleName(role)
      ? undefined
      : linked(entry, property, customRoles, (definition, value) => definition.name === value)[0];

  const functions: Gen1Function[] = of(GEN1_FUNCTION_TYPE).map((entry) => ({
    id: entry.resource.urn,
    props: entry.props,
    label: entry.ref.name,
  }));
  const bindings: Binding[] = [];
  for (const entry of entries) {
    const scopeSpec = iamScopeOf(entry) ?? datasetAccessScope(entry);
    if (!scopeSpec) continue;
    const { scope } = scopeSpec;
    const fn = GEN1_FUNCTION_IAM_TYPE.test(entry.resource.type)
      ? gen1FunctionNamed(entry.props.cloudFunction, entry.props, dependencyUrns(entry, 'cloudFunction'), functions)
      : undefined;
    const bigQuery = isBigQueryAccessType(entry.resource.type);
    const members = bigQuery ? datasetAccessGrants(entry, conditionOf) : membersOf(entry);
    for (const { member, role, memberProperty, condition } of members) {
      const grant: RoleGrant = {
        kind: 'role',
        cloud: 'gcp',
        source: entry.ref,
        role,
        scope,
        scopeLevel: scopeSpec.level,
        ...condition,
        ...(fn ? { functionTrigger: gen1FunctionTrigger(fn) } : {}),
      };
      const roleProperty = bigQuery
        ? entry.resource.type === BIGQUERY_TYPES.dataset
          ? 'accesses'
          : 'role'
        : iamForm(entry.resource.type) === 'Policy'
          ? 'policyData'
          : 'role';
      const custom = customRoleOf(entry, role, roleProperty);
      if (custom) {
        grant.role = custom.name;
        if (!isUnknown(custom.permissions)) grant.permissions = custom.permissions;
      }
      bindings.push({ entry, member, role, memberProperty });
      const holder =
        typeof member === 'string' && member.startsWith('serviceAccount:')
          ? [...accounts.values()].find((identity) => accountMatches(identity, member.slice('serviceAccount:'.length)))
          : isUnknown(member)
            ? onlyAccountFor(entry, memberProperty, bigQuery)
            : undefined;
      const outside = holder ?? outsideAccount(model, accounts, entry, member);
      if (outside) outside.grants.push(grant);
      else
        externalRoleGrants.push({
          member: typeof member === 'string' ? member : `<${member.description}>`,
          grant,
        });
    }
  }

  /**
   * The account of the change an unknown member is, by the property's dependencies. A dataset's entries share one
   * property (`accesses`): its member is that account only where the entries depend on one account alone.
   */
  function onlyAccountFor(entry: Entry, property: string, shared: boolean): Identity | undefined {
    if (!shared) return accountFor(entry, property);
    const found = linked(entry, property, accounts, (identity, value) => accountMatches(identity, value));
    return found.length === 1 ? found[0] : undefined;
  }

  // The account a binding on a service account is about: the change's, or one outside it (an identity of its own, so
  // what the binding lets act as it is judged rather than dropped).
  const boundAccount = (binding: Binding): Identity =>
    accountFor(binding.entry, 'serviceAccountId') ??
    [...accounts.values()].find((identity) => identity.name === binding.entry.props.serviceAccountId) ??
    externalAccount(model, accounts, binding.entry, binding.entry.props.serviceAccountId, 'serviceAccountId');
  const providers = of(TYPES.provider);
  for (const entry of providers) linkProvider(entry, bindings, boundAccount);
  if (providers.length) model.federationProviders = providers.map(federationProvider);
  linkUnseenPools(bindings, providers, boundAccount);

  const secrets = new Map<string, Model['secrets'][number]>();
  for (const entry of of(TYPES.secret)) {
    const rotation = isKnownRecord(entry.props.rotation) ? entry.props.rotation.rotationPeriod : undefined;
    const days = rotationDays(rotation, `${entry.ref.name}.rotation.rotationPeriod`);
    const secret = {
      id: entry.ref.urn ?? entry.ref.name,
      cloud: 'gcp' as const,
      name: knownString(entry.props.secretId) ?? entry.ref.name,
      ...(knownString(entry.props.secretId) !== undefined ? { uniqueName: true } : {}),
      resource: entry.ref,
      tags: labels(entry.props.labels),
      rotationAdvice: 'a rotation (rotationPeriod, nextRotationTime)',
      ...(days !== undefined ? { rotationDays: days } : {}),
    };
    secrets.set(entry.resource.urn, secret);
    model.secrets.push(secret);
  }
  for (const entry of of(TYPES.secretVersion)) {
    const [secret] = linked(
      entry,
      'secret',
      secrets,
      (candidate, value) => value === candidate.name || value.endsWith(`/secrets/${candidate.name}`),
    );
    // A stack export encrypts secretData (the provider marks it secret) but keeps its dependencies: read the same way.
    const value = entry.props.secretData;
    if (secret && (typeof value === 'string' || isEncryptedValue(value)) && !isComputed(entry, 'secretData'))
      secret.valueInProgram = true;
  }
  if (externalRoleGrants.length === 0) delete model.externalRoleGrants;
  return model;
}

function serviceAccount(entry: Entry): Identity {
  const knownAccountId = knownString(entry.props.accountId);
  const accountId = knownAccountId ?? entry.ref.name;
  const project = knownString(entry.props.project);
  return {
    id: entry.ref.urn ?? entry.ref.name,
    cloud: 'gcp',
    kind: 'gcp-service-account',
    name: accountId,
    ...(knownAccountId !== undefined ? { uniqueName: true } : {}),
    resource: entry.ref,
    arn:
      knownString(entry.props.email) ??
      (project
        ? `${accountId}@${project}.iam.gserviceaccount.com`
        : unknownValue(`email of ${entry.ref.name} (project not set)`)),
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  };
}

/**
 * A reference to a service account: its email, `projects/p/serviceAccounts/<email>`, its unique id or name. An email
 * matches the account's email only: `etl@other-project.iam.gserviceaccount.com` is another account than `etl`.
 */
function accountMatches(identity: Identity, value: string): boolean {
  const reference = accountReference(value);
  return reference === identity.arn || reference === identity.name;
}

/** `projects/p/serviceAccounts/<account>` -> `<account>`: an email, a unique id or a name. */
function accountReference(value: string): string {
  return value.replace(/^projects\/[^/]+\/serviceAccounts\//, '');
}

/**
 * The name of the account a reference names, as the account's own resource names it: the accountId of a
 * `<accountId>@<project>.iam.gserviceaccount.com` email (so a catalog exception for `etl` applies whether the change
 * creates the account or a key alone refers to it), any other email or name as it is. Undefined for a unique id
 * (digits only): only the account's resource, by dependency, tells which account that is.
 */
export function referencedAccountName(value: string): string | undefined {
  const reference = accountReference(value);
  if (/^\d+$/.test(reference)) return undefined;
  return /^([^@]+)@[^@]+\.iam\.gserviceaccount\.com$/.exec(reference)?.[1] ?? reference;
}

/**
 * An account outside the change that `value` names (a key's `serviceAccountId`, an HMAC key's `serviceAccountEmail`, a
 * `serviceAccount:` member's email), written at `what`.
 */
function externalAccount(
  model: Model,
  accounts: Map<string, Identity>,
  entry: Entry,
  value: unknown,
  what: string,
): Identity {
  const reference = typeof value === 'string' ? accountReference(value) : entry.ref.name;
  const name = typeof value === 'string' ? (referencedAccountName(value) ?? reference) : reference;
  const identity: Identity = {
    id: `${entry.ref.stack ?? ''}/external-service-account:${reference}`,
    cloud: 'gcp',
    kind: 'gcp-service-account',
    name,
    // The account id the reference names is the account's own (unique in its project); the key's name is not.
    ...(typeof value === 'string' ? { uniqueName: true } : {}),
    resource: entry.ref,
    external: true,
    arn:
      typeof value === 'string'
        ? reference
        : isUnknown(value)
          ? value
          : unknownValue(`${entry.ref.name}: ${what} not set`),
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  };
  accounts.set(identity.id, identity);
  model.identities.push(identity);
  return identity;
}

/**
 * The account a `serviceAccount:` member names when the change does not create it: an external identity, as for a key
 * the change makes for such an account, so a catalog record of it (its email, or its account id) holds the grant to its
 * entitlements. Google's default accounts stay members: what they are is known (every VM or app without its own
 * account runs as them), and they are judged as such.
 */
function outsideAccount(
  model: Model,
  accounts: Map<string, Identity>,
  entry: Entry,
  member: Maybe<string>,
): Identity | undefined {
  if (typeof member !== 'string' || !member.startsWith('serviceAccount:') || isDefaultServiceAccount(member))
    return undefined;
  // One the change grants to twice is found by its email among the accounts before this is called.
  return externalAccount(model, accounts, entry, member.slice('serviceAccount:'.length), 'member');
}

/** Member, role and condition of an IAMMember (member), IAMBinding (members) or IAMPolicy (policyData bindings). */
function membersOf(
  entry: Entry,
): { member: Maybe<string>; role: Maybe<string>; memberProperty: string; condition?: GrantCondition }[] {
  const role = roleOf(entry.props.role, entry);
  const condition = conditionOf(entry.props.condition, `${entry.ref.name}.condition`);
  const conditional = condition !== undefined ? { condition } : {};
  const form = iamForm(entry.resource.type);
  if (form === 'Member')
    return [{ member: memberOf(entry.props.member, entry), role, memberProperty: 'member', ...conditional }];
  if (form === 'Binding') {
    const members = items(entry.props.members);
    return members.map((member) => ({
      member: memberOf(member, entry),
      role,
      memberProperty: 'members',
      ...conditional,
    }));
  }
  const data = entry.props.policyData;
  if (isUnknown(data)) return [{ member: data, role: data, memberProperty: 'policyData' }];
  let policy: unknown;
  try {
    policy = typeof data === 'string' ? JSON.parse(data) : data;
  } catch {
    const unreadable = unknownValue(`${entry.ref.name}.policyData is not JSON`);
    return [{ member: unreadable, role: unreadable, memberProperty: 'policyData' }];
  }
  const unreadable = unknownValue(`${entry.ref.name}.policyData has no readable "bindings" list`);
  if (!isKnownRecord(policy)) return [{ member: unreadable, role: unreadable, memberProperty: 'policyData' }];
  // `{}` is a policy with no bindings (it removes every grant on the resource).
  if (policy.bindings === undefined) return [];
  const policyBindings = Array.isArray(policy.bindings) ? policy.bindings : [];
  if (!Array.isArray(policy.bindings) || !policyBindings.every(isKnownRecord))
    return [{ member: unreadable, role: unreadable, memberProperty: 'policyData' }];
  return policyBindings.filter(isKnownRecord).flatMap((binding) => {
    const bindingCondition = conditionOf(binding.condition, `${entry.ref.name}.policyData condition`);
    return items(binding.members).map((member) => ({
      member: memberOf(member, entry),
      role: roleOf(binding.role, entry),
      memberProperty: 'policyData',
      ...(bindingCondition !== undefined ? { condition: bindingCondition } : {}),
    }));
  });
}

/**
 * An IAM condition: its expression (with its title, for messages) and when it ends the grant, read from the expression
 * alone (a title is free text); absent when the binding has none.
 */
function conditionOf(value: unknown, what: string): GrantCondition | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return { condition: value };
  if (!isKnownRecord(value)) return { condition: unknownValue(`${what} is not an object with an expression`) };
  const expression = value.expression;
  if (isUnknown(expression)) return { condition: expression };
  if (typeof expression !== 'string' || expression.trim() === '')
    return { condition: unknownValue(`${what}.expression is not set`) };
  const ends = conditionEnd(expression);
  return {
    condition: typeof value.title === 'string' && value.title !== '' ? `${value.title}: ${expression}` : expression,
    ...(ends !== undefined ? { conditionEnds: ends } : {}),
  };
}

/** A custom role of the change (`projects/<p>/roles/<id>`, `organizations/<o>/roles/<id>`) with the permissions it lists. */
function customRole(entry: Entry): RoleDefinition {
  const organization = entry.resource.type === TYPES.organizationRole;
  const parent = organization ? entry.props.orgId : entry.props.project;
  const roleId = knownString(entry.props.roleId) ?? entry.ref.name;
  const name =
    knownString(entry.props.name) ??
    (typeof parent === 'string' ? `${organization ? 'organizations' : 'projects'}/${parent}/roles/${roleId}` : roleId);
  // The full name (`projects/<p>/roles/<id>`) is unique in Google Cloud: a finding about the role may be waived by it.
  if (name.includes('/roles/')) entry.ref.physicalName = name;
  const listed = entry.props.permissions;
  const permissions = isUnknown(listed)
    ? listed
    : items(listed).some(isUnknown)
      ? unknownValue(`${entry.ref.name}.permissions is not known until apply`)
      : [{ permissions: items(listed).filter((item): item is string => typeof item === 'string') }];
  return {
    cloud: 'gcp',
    kind: 'gcp-custom-role',
    name,
    source: entry.ref,
    ...(typeof parent === 'string' ? { scope: `${organization ? 'organizations' : 'projects'}/${parent}` } : {}),
    permissions,
  };
}

function roleOf(value: unknown, entry: Entry): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${entry.ref.name}.role is not set`);
}

function memberOf(value: unknown, entry: Entry): Maybe<string> {
  return typeof value === 'string' || isUnknown(value) ? value : unknownValue(`${entry.ref.name}: a member is not set`);
}

/**
 * A workload identity pool provider becomes a federated credential of each service account that lets the pool
 * act as it (roles/iam.workloadIdentityUser for a `principal://…/workloadIdentityPools/<pool>/subject/<s>` or
 * `principalSet://…/<pool>/attribute.<name>/<value>` member). The subject is what the member pins: the exact
 * subject, `repo:<owner>/<repo>:*` for GitHub's repository attribute, or `*` for the whole pool.
 */
interface Binding {
  entry: Entry;
  member: Maybe<string>;
  role: Maybe<string>;
  memberProperty: string;
}

function linkProvider(entry: Entry, bindings: Binding[], boundAccount: (binding: Binding) => Identity): void {
  const pool = entry.props.workloadIdentityPoolId;
  const oidc = isKnownRecord(entry.props.oidc) ? entry.props.oidc : undefined;
  const issuer: Maybe<string> =
    typeof oidc?.issuerUri === 'string' || isUnknown(oidc?.issuerUri)
      ? oidc.issuerUri
      : unknownValue(`${entry.ref.name}.oidc.issuerUri is not set (AWS and SAML providers are not read)`);
  const condition = entry.props.attributeCondition;
  const attributeCondition =
    typeof condition === 'string' && condition.trim() !== '' ? condition : isUnknown(condition) ? condition : undefined;
  const audiences = items(oidc?.allowedAudiences).filter(
    (audience): audience is string => typeof audience === 'string',
  );
  const poolUrns = dependencyUrns(entry, 'workloadIdentityPoolId');
  for (const binding of bindings) {
    if (!impersonates(binding.role) || !binding.entry.resource.type.startsWith('gcp:serviceaccount/')) continue;
    let subject: Maybe<string>;
    if (isUnknown(binding.member)) {
      // In preview the member is often built from the pool's name: the same pool, a subject known only at apply.
      if (!dependencyUrns(binding.entry, binding.memberProperty).some((urn) => poolUrns.includes(urn))) continue;
      subject = binding.member;
    } else {
      const member = workloadPoolMember(binding.member);
      if (!member || (typeof pool === 'string' && member.pool !== pool)) continue;
      subject = subjectOf(member.path, issuer, attributeCondition);
    }
    boundAccount(binding).credentials.push({
      kind: 'federated',
      source: entry.ref,
      issuer,
      subject,
      audiences,
      ...(attributeCondition !== undefined ? { attributeCondition } : {}),
    });
  }
}

/**
 * A binding that lets members of a workload identity pool act as a service account, where no provider of the change
 * can be that pool's (none names it, and none leaves its pool unknown): the pool's providers, and so which issuer's
 * tokens it accepts, how it maps their claims and what attribute condition it requires, are outside the change. The
 * account gets a federated credential from the binding with the pool named and no issuer; its subject is what the
 * member pins whatever the issuer (an exact subject, or one repository as GitHub spells it), and none for the whole
 * pool, a group or another attribute, whose reach only the unseen providers decide.
 */
function linkUnseenPools(
  bindings: readonly Binding[],
  providers: readonly Entry[],
  boundAccount: (binding: Binding) => Identity,
): void {
  const pools = providers.map((entry) => entry.props.workloadIdentityPoolId);
  for (const binding of bindings) {
    if (!impersonates(binding.role) || !binding.entry.resource.type.startsWith('gcp:serviceaccount/')) continue;
    if (typeof binding.member !== 'string') continue;
    const member = workloadPoolMember(binding.member);
    if (!member || pools.some((pool) => typeof pool !== 'string' || pool === member.pool)) continue;
    const repository = /^attribute\.repository\/(.+)$/.exec(member.path)?.[1];
    const subject = member.path.startsWith('subject/')
      ? member.path.slice('subject/'.length)
      : repository !== undefined
        ? `repo:${repository}:*`
        : undefined;
    boundAccount(binding).credentials.push({
      kind: 'federated',
      source: binding.entry.ref,
      ...(subject !== undefined ? { subject } : {}),
      unseenPool: {
        name: `projects/${member.project}/locations/global/workloadIdentityPools/${member.pool}`,
        member: member.path,
      },
    });
  }
}

/** Roles with which a member acts as the service account they are granted on: workload identity user, token creator. */
function impersonates(role: Maybe<string>): boolean {
  if (typeof role !== 'string') return false;
  return (predefinedRole(role)?.privileged ?? []).some(
    (permission) => permission === 'iam.serviceAccounts.getAccessToken',
  );
}

/**
 * The subject a pool member pins: the exact subject, `repo:<owner>/<repo>:*` for GitHub's repository attribute, a
 * group, or for the whole pool (`*`) what the provider's attribute condition admits: a pool-wide set is every identity
 * of the pool, held to the condition. A condition this reading cannot narrow leaves the subject unknown, never `*`.
 */
function subjectOf(path: string, issuer: Maybe<string>, condition: Maybe<string> | undefined): Maybe<string> {
  if (path.startsWith('subject/')) return path.slice('subject/'.length);
  const github = typeof issuer === 'string' && issuer.includes('token.actions.githubusercontent.com');
  const attribute = /^attribute\.([^/]+)\/(.+)$/.exec(path);
  if (attribute)
    return attribute[1] === 'repository' && github ? `repo:${attribute[2]}:*` : `${attribute[1]}=${attribute[2]}`;
  const group = /^group\/(.+)$/.exec(path);
  if (group) return `group=${group[1]}`;
  if (path !== '*' || condition === undefined) return '*';
  if (isUnknown(condition)) return condition;
  return (
    conditionSubject(condition, github) ??
    unknownValue(
      `every identity of the pool, limited by attribute condition "${condition}", which this check cannot read as a subject`,
    )
  );
}

/**
 * What a CEL attribute condition pins, when it is a conjunction of equalities this reading understands: the subject
 * (`assertion.sub`, `google.subject`), the repository (`assertion.repository`, `attribute.repository`) or its owner.
 */
function conditionSubject(condition: string, github: boolean): string | undefined {
  if (/\|\||!=|\bin\b|startsWith|endsWith|matches|contains/.test(condition)) return undefined;
  const equal = (names: string) =>
    new RegExp(`(?:^|[\\s(&])(?:${names})\\s*==\\s*(['"])([^'"]+)\\1`).exec(condition)?.[2];
  const subject = equal('assertion\\.sub|google\\.subject');
  if (subject) return subject;
  const repository = equal('assertion\\.repository|attribute\\.repository');
  if (repository) return github ? `repo:${repository}:*` : `repository=${repository}`;
  const owner = equal('assertion\\.repository_owner|attribute\\.repository_owner');
  if (owner) return github ? `repo:${owner}/*:*` : `repository_owner=${owner}`;
  return undefined;
}

/** A workload identity pool provider, judged whether or not a binding in the change uses its pool. */
function federationProvider(entry: Entry): FederationProvider {
  const pool = entry.props.workloadIdentityPoolId;
  const project = knownString(entry.props.project);
  const providerId = knownString(entry.props.workloadIdentityPoolProviderId);
  // Its full name by project id (unique in Google Cloud, and known at plan time, unlike the project number its `name`
  // output holds): a finding about the provider may be waived by it.
  if (project !== undefined && typeof pool === 'string' && providerId !== undefined)
    entry.ref.physicalName = `projects/${project}/locations/global/workloadIdentityPools/${pool}/providers/${providerId}`;
  const oidc = isKnownRecord(entry.props.oidc) ? entry.props.oidc : undefined;
  const issuer =
    typeof oidc?.issuerUri === 'string' || isUnknown(oidc?.issuerUri)
      ? (oidc.issuerUri as Maybe<string>)
      : unknownValue(`${entry.ref.name}.oidc.issuerUri is not set`);
  const condition = entry.props.attributeCondition;
  const attributeCondition =
    typeof condition === 'string' && condition.trim() !== '' ? condition : isUnknown(condition) ? condition : undefined;
  return {
    source: entry.ref,
    pool:
      typeof pool === 'string' || isUnknown(pool)
        ? pool
        : unknownValue(`${entry.ref.name}.workloadIdentityPoolId is not set`),
    issuer,
    ...(attributeCondition !== undefined ? { attributeCondition } : {}),
  };
}

/** `rotationPeriod` is a duration in seconds with an `s` suffix (`2592000s` is 30 days). */
function rotationDays(value: unknown, what: string): Maybe<number> | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  const seconds = typeof value === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(value)?.[1] : undefined;
  return seconds
    ? Number(seconds) / 86_400
    : malformedValue(`${what} ${JSON.stringify(value)} is not a duration like "2592000s"`);
}

function labels(value: unknown): Record<string, string> {
  if (!isKnownRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
