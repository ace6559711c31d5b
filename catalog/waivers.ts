/**
 * Which names bind a catalog exception (and a catalog record) to the identity or secret a finding is about.
 *
 * A waiver must name what the catalog controls, never a name the author of a change picks to hit it. So an
 * exception's `target` is compared with the names of the finding's subject (the identity or secret it concerns,
 * never the key, policy or attachment the finding points at) that name it outside its own stack:
 *
 * - the id of the catalog record the subject matches, when the record matched it by one of the names below;
 * - its physical name, when the IaC sets one the cloud keeps unique (`uniqueName`: an IAM name in its account);
 * - its cloud id (`identity.arn`: an IAM ARN built from a physical name, a GCP service account e-mail,
 *   `system:serviceaccount:<namespace>:<name>`), when known and not built from a generated name;
 * - `path:` and its CDK construct path, stack first, with or without the trailing `/Resource`;
 * - where a plain input keeps it unique (ResourceRef.location): `stack:<stack>/<LogicalId>` for a CloudFormation
 *   template without construct paths, `k8s:<Kind>/<name>` or `k8s:<namespace>/<Kind>/<name>` for a Kubernetes manifest,
 *   `pulumi:<project>/<stack>/<name>` for a Pulumi resource whose name no other identity or secret of its stack carries
 *   (adapters/pulumi/stack-names.ts);
 * - its Pulumi URN (`urn:pulumi:<stack>::<project>::<type>::<name>`).
 *
 * A finding about a resource alone (a policy no identity of the change holds, a custom role, a federation provider)
 * binds by that resource's construct path, location and URN, and by the name its cloud keeps unique
 * (ResourceRef.physicalName: a managed policy's name, a custom role's full name), so a Terraform plan's, which has
 * none of the others, can be waived too.
 *
 * A bare CloudFormation logical id or Pulumi resource name never binds: every stack has its own namespace of them,
 * so any change can create a new identity named like an exception's target. The subject's own location binds, never
 * that of the resource a finding points at (the access key, the policy): an exception for a user's key names the user.
 * Construct paths and locations carry a prefix because names may hold `/` too (Secrets Manager names): each form of
 * target lands in one namespace, and no glob can reach from one into another. A physical name written in one of
 * these forms (`stack:app/Admin` as a role name) binds nothing: it would claim a location that is not its own.
 */
import { hasOwnValue, hasResourceValue, inAccount, OWN_ACCOUNT } from '../src/model/deployment.js';
import type { Identity, Model, ResourceRef, Secret } from '../src/model/model.js';
import type { Finding } from '../src/model/finding.js';
import { globMatch } from '../src/util/glob.js';
import { recordMatches, type CatalogException, type CatalogIdentity } from './types.js';

/** The prefix that marks a catalog `match.name` or exception `target` as a CDK construct path. */
export const PATH_PREFIX = 'path:';

export type Subject = Identity | Secret;

/** A name of a subject and whether it binds an exception (see the module note). */
export interface SubjectName {
  value: string;
  binds: boolean;
}

/**
 * The names of a subject a catalog `match.name` pattern is compared with, binding ones first. Besides the binding
 * names, a record may match the bare resource name (logical id, Pulumi resource name): that claims catalog facts,
 * as a tag on the resource can, but a record matched only that way binds no exception.
 */
export function subjectNames(subject: Subject, model?: Pick<Model, 'accountIds'>): SubjectName[] {
  // Plain calls, no closure or callback: this runs for every identity and secret, mostly before the JIT has warmed up.
  const names: SubjectName[] = [];
  const external = 'external' in subject && subject.external === true;
  if (subject.uniqueName && !isLocationForm(subject.name)) addName(names, subject.name, true);
  const ids = cloudIds(subject, model?.accountIds ?? []);
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (id !== undefined && !isLocationForm(id)) addName(names, id, true);
  }
  if (!external) {
    const paths = constructPaths(subject.resource);
    for (let index = 0; index < paths.length; index++) addName(names, PATH_PREFIX + (paths[index] ?? ''), true);
    if (subject.resource.location) addName(names, subject.resource.location, true);
    if (subject.resource.urn) addName(names, subject.resource.urn, true);
  }
  addName(names, subject.name, false);
  if (!external) addName(names, subject.resource.name, false);
  return names;
}

/** Adds a name once; a name added again as binding makes the first binding. */
function addName(names: SubjectName[], value: string, binds: boolean): void {
  // Indexed, as the other loops of subjectNames: for…of allocated an iterator result per name for every subject.
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    if (name?.value !== value) continue;
    if (binds) name.binds = true;
    return;
  }
  names.push({ value, binds });
}

/** What an exception's target may name for a finding about this subject: its bound catalog record's id and its binding names. */
export interface Binding {
  recordId?: string;
  names: string[];
}

/**
 * Binding names of a finding that concerns no identity or secret (a policy no identity of the change holds, a role
 * definition, compute that runs as a cloud's default account): the construct path, the physical name the cloud keeps
 * unique (ResourceRef.physicalName, unless written in one of the location forms), the location and the URN of the
 * resource itself.
 */
export function resourceBinding(resource: ResourceRef): Binding {
  return {
    names: [
      ...constructPaths(resource).map((path) => PATH_PREFIX + path),
      ...(resource.physicalName && !isLocationForm(resource.physicalName) ? [resource.physicalName] : []),
      ...(resource.location ? [resource.location] : []),
      ...(resource.urn ? [resource.urn] : []),
    ],
  };
}

/**
 * What an exception's target may name for an identity the catalog declares and no subject of the change matched (the
 * audit's catalog-only rows): the record's id, which binds every subject the record matches by a binding name, and
 * each `match.name`, the name by which the record matches its identity (a binding name when it is a physical name,
 * cloud id, construct path, location or URN; a bare logical id binds nothing, which only a subject can tell). A
 * `match.name` pattern is compared as text: a target that covers it (`batch-*` or `*` for `batch-*`) is named, one
 * that covers only some of the names it matches is not. A record matched by tags alone binds by its id.
 */
export function recordBinding(record: CatalogIdentity): Binding {
  const names = [record.id];
  for (const match of recordMatches(record))
    if (match.name !== undefined && !names.includes(match.name)) names.push(match.name);
  return { recordId: record.id, names };
}

/**
 * A finding's detail with where it points (`Credential::aws-access-key at stack:app/LegacyUserKey`): an exception's
 * details may name it so, to waive one credential and not the next one made for the same identity. Where is the
 * place the reported resource binds by (construct path, location, URN), else its own name (a Terraform address).
 * The exception's target still binds it to the identity: this only narrows what it waives.
 */
export function detailAt(finding: Pick<Finding, 'detail' | 'resource'>): string | undefined {
  if (finding.detail === undefined) return undefined;
  return `${finding.detail} at ${suggestedTarget(resourceBinding(finding.resource)) ?? finding.resource.name}`;
}

/** The prefixes of the names the engine builds for a resource's place (construct path, location, URN). */
const LOCATION_FORMS = [PATH_PREFIX, 'stack:', 'k8s:', 'pulumi:', 'urn:pulumi:'];

/** A name written like a construct path, location or URN: as a physical name or cloud id it would claim another's place. */
function isLocationForm(name: string): boolean {
  for (let index = 0; index < LOCATION_FORMS.length; index++)
    if (name.startsWith(LOCATION_FORMS[index] ?? '')) return true;
  return false;
}

/** Whether an exception target (a glob) names one of these binding names. */
export function targetMatches(target: string, binding: Binding): boolean {
  for (const name of binding.names) if (globMatch(target, name)) return true;
  return false;
}

/**
 * The exceptions, in catalog order, whose target names one of these binding names: every exception that could waive a
 * finding about the subject the binding is of (whether it does also depends on its rule, details, validity and breadth).
 */
export function exceptionsBinding<T extends Pick<CatalogException, 'target'>>(
  exceptions: readonly T[],
  binding: Binding,
): T[] {
  return exceptions.filter((exception) => targetMatches(exception.target, binding));
}

/**
 * The target a waiver hint suggests, by how stable it is for its user and how many front-ends see it: the catalog
 * id, the construct path a CDK user wrote, the physical name or cloud id, the location in a plain input, the Pulumi URN. The URN comes last because
 * the Pulumi pack judges a credential whose holder it names (an access key) from that resource alone, where the
 * holder is known by its name only (resource-decided-rules.ts). Undefined when nothing binds: then the hint says how to give
 * the subject such a name.
 */
export function suggestedTarget(binding: Binding): string | undefined {
  if (binding.recordId) return binding.recordId;
  const paths = binding.names.filter((name) => name.startsWith(PATH_PREFIX));
  // The shortest path is the construct the user wrote (`Stack/Role`), not its L1 child (`Stack/Role/Resource`).
  if (paths.length > 0) return paths.reduce((a, b) => (b.length < a.length ? b : a));
  return binding.names.find((name) => !name.startsWith('urn:pulumi:')) ?? binding.names[0];
}

/** `Stack/Role/Resource` and `Stack/Role`: the L1 resource's path and the construct a CDK user wrote. */
function constructPaths(resource: ResourceRef): string[] {
  const path = resource.path;
  if (!path) return [];
  // Read without a regular expression (its match array, for every subject): the last step is `Resource` or `Default`.
  const step = path.endsWith('/Resource') ? '/Resource' : path.endsWith('/Default') ? '/Default' : undefined;
  if (step === undefined || path.length === step.length) return [path];
  const parent = path.slice(0, path.length - step.length);
  return parent.includes('/') && !LINE_TERMINATOR.test(parent) ? [path, parent] : [path];
}

/** What `.` in a regular expression does not match: a path holding one was never cut at its last step. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * The cloud's own id for the subject, when it names it outside the change: a generated name (`<id of Role>`) or another value of the deployment (`<own-region>`) names nothing, while the own account
 * (`<own-account>`) is filled in where known.
 */
function cloudIds(subject: Subject, accountIds: readonly string[]): string[] {
  const arn = 'arn' in subject ? subject.arn : undefined;
  if (typeof arn !== 'string' || arn === '') return [];
  const placeholders = arn.replaceAll(OWN_ACCOUNT, '');
  if (placeholders.includes('${') || hasResourceValue(placeholders) || hasOwnValue(placeholders)) return [];
  if (!arn.includes(OWN_ACCOUNT)) return [arn];
  return [arn, ...accountIds.map((account) => inAccount(arn, account))];
}
