/**
 * Google Cloud compute (`@pulumi/gcp`) and the service account it runs as: GKE clusters and node pools, Compute Engine
 * instances and instance templates, Cloud Run services and jobs, Cloud Functions, Dataproc clusters and Dataflow jobs.
 * Where each names its account is this dialect's (the property paths below); which default account it falls back to,
 * and what that account holds, is the cloud's (src/iam/gcp/default-accounts.ts), shared with the Terraform adapter,
 * which maps `google_*` onto these records.
 *
 * - An account of the change (by e-mail, or by the property's dependency when the e-mail is known only at apply): the
 *   workload is that identity's compute attachment.
 * - No account, `default`, or a default account's e-mail: a default identity use (judged by no-wildcard-privilege).
 * - An account known only at apply and from no account of the change: a default identity use whose identity is that
 *   Unknown (fail closed: it may be the default account).
 * - Another account by e-mail (one the change does not create): a dedicated account, nothing to report here.
 */
import { GCP_WORKLOADS, namedDefaultAccount, type GcpWorkload } from '../../iam/gcp/default-accounts.js';
import { isUnknown, unknownValue, type DefaultIdentityUse, type Identity, type Unknown } from '../../model/model.js';
import { isKnownRecord, lookupTable } from '../../util/records.js';
import { dependencyUrns, type Entry } from './links.js';
import { knownString, valueAt, type Path } from './values.js';

/** One identity a resource's compute runs as: where the account and its access scopes are written. */
interface WorkloadReader {
  kind: GcpWorkload;
  account: Path;
  scopes?: Path;
  /** The node pool's own name, for a cluster's inline pools. */
  name?: string;
}

const NODE_CONFIG: Pick<WorkloadReader, 'account' | 'scopes'> = {
  account: ['nodeConfig', 'serviceAccount'],
  scopes: ['nodeConfig', 'oauthScopes'],
};
const AUTO_PROVISIONING: Pick<WorkloadReader, 'account' | 'scopes'> = {
  account: ['clusterAutoscaling', 'autoProvisioningDefaults', 'serviceAccount'],
  scopes: ['clusterAutoscaling', 'autoProvisioningDefaults', 'oauthScopes'],
};

/** Compute Engine: a `serviceAccount` block without `email` (or with `default`) is the default account; no block is none. */
const instance =
  (kind: GcpWorkload) =>
  (props: Record<string, unknown>): WorkloadReader[] =>
    props.serviceAccount === undefined || props.serviceAccount === null
      ? []
      : [{ kind, account: ['serviceAccount', 'email'], scopes: ['serviceAccount', 'scopes'] }];

export const GCP_WORKLOAD_TYPES: Readonly<Record<string, (props: Record<string, unknown>) => WorkloadReader[]>> =
  lookupTable({
    'gcp:container/cluster:Cluster': clusterWorkloads,
    'gcp:container/nodePool:NodePool': () => [{ kind: 'gke-node-pool', ...NODE_CONFIG }],
    'gcp:compute/instance:Instance': instance('compute-instance'),
    'gcp:compute/instanceTemplate:InstanceTemplate': instance('compute-instance-template'),
    'gcp:compute/regionInstanceTemplate:RegionInstanceTemplate': instance('compute-instance-template'),
    // Without a serviceAccount block it takes its template's account: judged on the template where the change has it.
    'gcp:compute/instanceFromTemplate:InstanceFromTemplate': instance('compute-instance'),
    'gcp:cloudrunv2/service:Service': () => [{ kind: 'cloud-run-service', account: ['template', 'serviceAccount'] }],
    // Cloud Run's v1 (Knative) API: the same service, its account in the revision template's spec.
    'gcp:cloudrun/service:Service': () => [
      { kind: 'cloud-run-service', account: ['template', 'spec', 'serviceAccountName'] },
    ],
    'gcp:cloudrunv2/job:Job': () => [{ kind: 'cloud-run-job', account: ['template', 'template', 'serviceAccount'] }],
    'gcp:cloudfunctionsv2/function:Function': () => [
      { kind: 'cloud-function-gen2', account: ['serviceConfig', 'serviceAccountEmail'] },
    ],
    'gcp:cloudfunctions/function:Function': () => [{ kind: 'cloud-function-gen1', account: ['serviceAccountEmail'] }],
    'gcp:dataproc/cluster:Cluster': () => [
      {
        kind: 'dataproc-cluster',
        account: ['clusterConfig', 'gceClusterConfig', 'serviceAccount'],
        scopes: ['clusterConfig', 'gceClusterConfig', 'serviceAccountScopes'],
      },
    ],
    'gcp:dataflow/job:Job': () => [{ kind: 'dataflow-job', account: ['serviceAccountEmail'] }],
  });

/**
 * The nodes a GKE cluster resource runs: an Autopilot cluster's nodes (their account is the auto-provisioning
 * default); else each inline node pool, or, without them, the default node pool unless `removeDefaultNodePool`
 * deletes it as soon as the cluster exists (the pattern for separately managed pools, judged on those); and the
 * pools node auto-provisioning creates, when it is on.
 */
function clusterWorkloads(props: Record<string, unknown>): WorkloadReader[] {
  if (props.enableAutopilot === true) return [{ kind: 'gke-autopilot', ...AUTO_PROVISIONING }];
  const readers: WorkloadReader[] = [];
  const pools = props.nodePools;
  if (isUnknown(pools)) readers.push({ kind: 'gke-node-pool', account: ['nodePools'] });
  else if (Array.isArray(pools) && pools.length > 0)
    pools.forEach((pool: unknown, index) => {
      const name = isKnownRecord(pool) && typeof pool.name === 'string' ? pool.name : undefined;
      readers.push({
        kind: 'gke-node-pool',
        account: ['nodePools', index, ...NODE_CONFIG.account],
        scopes: ['nodePools', index, ...(NODE_CONFIG.scopes ?? [])],
        ...(name !== undefined ? { name } : {}),
      });
    });
  else if (props.removeDefaultNodePool !== true) readers.push({ kind: 'gke-default-node-pool', ...NODE_CONFIG });
  const autoscaling = props.clusterAutoscaling;
  // Node auto-provisioning is opt in: a block known only at apply is the provider's computed one.
  if (isKnownRecord(autoscaling) && (autoscaling.enabled === true || isUnknown(autoscaling.enabled)))
    readers.push({ kind: 'gke-auto-provisioning', ...AUTO_PROVISIONING });
  return readers;
}

/**
 * The workload's full resource name (Cloud Asset Inventory's, without the service host), where the plan knows every
 * part: unique in Google Cloud, so a finding about the workload alone (its default account) may be waived by it. A
 * Dataflow job is named by its generated id, unknown until it runs: it has none here.
 */
const FULL_NAMES: Readonly<Record<string, (part: (key: string) => string | undefined) => string | undefined>> =
  lookupTable({
    'gcp:container/cluster:Cluster': (part) =>
      joined('projects', part('project'), 'locations', part('location'), 'clusters', part('name')),
    // `cluster` is the cluster's name, or its full name where the configuration passes the cluster's id.
    'gcp:container/nodePool:NodePool': (part) => {
      const cluster = part('cluster');
      return cluster !== undefined && FULL_CLUSTER_NAME.test(cluster)
        ? joined(...cluster.split('/'), 'nodePools', part('name'))
        : joined(
            'projects',
            part('project'),
            'locations',
            part('location'),
            'clusters',
            part('cluster'),
            'nodePools',
            part('name'),
          );
    },
    'gcp:compute/instance:Instance': (part) =>
      joined('projects', part('project'), 'zones', part('zone'), 'instances', part('name')),
    'gcp:compute/instanceFromTemplate:InstanceFromTemplate': (part) =>
      joined('projects', part('project'), 'zones', part('zone'), 'instances', part('name')),
    'gcp:compute/instanceTemplate:InstanceTemplate': (part) =>
      joined('projects', part('project'), 'global', 'instanceTemplates', part('name')),
    'gcp:compute/regionInstanceTemplate:RegionInstanceTemplate': (part) =>
      joined('projects', part('project'), 'regions', part('region'), 'instanceTemplates', part('name')),
    'gcp:cloudrunv2/service:Service': (part) =>
      joined('projects', part('project'), 'locations', part('location'), 'services', part('name')),
    'gcp:cloudrunv2/job:Job': (part) =>
      joined('projects', part('project'), 'locations', part('location'), 'jobs', part('name')),
    'gcp:cloudrun/service:Service': (part) =>
      joined('projects', part('project'), 'locations', part('location'), 'services', part('name')),
    'gcp:cloudfunctionsv2/function:Function': (part) =>
      joined('projects', part('project'), 'locations', part('location'), 'functions', part('name')),
    'gcp:cloudfunctions/function:Function': (part) =>
      joined('projects', part('project'), 'locations', part('region'), 'functions', part('name')),
    'gcp:dataproc/cluster:Cluster': (part) =>
      joined('projects', part('project'), 'regions', part('region'), 'clusters', part('name')),
  });

const FULL_CLUSTER_NAME = /^projects\/[^/]+\/locations\/[^/]+\/clusters\/[^/]+$/;

/** The segments joined with `/`, or undefined when one is not known. */
function joined(...segments: (string | undefined)[]): string | undefined {
  return segments.every((segment) => segment !== undefined && segment !== '' && !segment.includes('/'))
    ? segments.join('/')
    : undefined;
}

export function isGcpWorkloadType(type: string): boolean {
  return Object.hasOwn(GCP_WORKLOAD_TYPES, type);
}

/**
 * Each workload of the entry, as an attachment of the change's account it runs as, or as a default identity use.
 * `accountMatching` finds an account of the change by a written reference (e-mail, name).
 */
export function readWorkloads(
  entry: Entry,
  accounts: ReadonlyMap<string, Identity>,
  accountMatching: (value: string) => Identity | undefined,
): DefaultIdentityUse[] {
  const readers = GCP_WORKLOAD_TYPES[entry.resource.type]?.(entry.props) ?? [];
  const uses: DefaultIdentityUse[] = [];
  for (const reader of readers) {
    const kind = GCP_WORKLOADS[reader.kind];
    const value = valueAt(entry.props, reader.account);
    const setting = settingOf(reader.account);
    const workload = reader.name !== undefined ? `${kind.label} "${reader.name}"` : kind.label;
    const base = {
      cloud: 'gcp' as const,
      source: entry.ref,
      workload,
      setting,
      ...(kind.scoped ? { scopes: scopesAt(entry, reader.scopes) } : {}),
    };
    if (isUnknown(value)) {
      // In preview an account the change creates has its e-mail unknown: the property's dependency names it.
      const account = dependencyUrns(entry, String(reader.account[0]))
        .map((urn) => accounts.get(urn))
        .find((identity) => identity !== undefined);
      if (account) account.attachments.push({ kind: kind.runsOn, source: entry.ref });
      else uses.push({ ...base, identity: value, reason: { kind: 'pending' } });
      continue;
    }
    if (typeof value === 'string' && value !== '') {
      const named = namedDefaultAccount(value);
      if (named) {
        uses.push({ ...base, identity: named, reason: { kind: 'named', value } });
        continue;
      }
      accountMatching(value)?.attachments.push({ kind: kind.runsOn, source: entry.ref });
      continue;
    }
    if (value !== undefined && value !== null && value !== '') {
      uses.push({
        ...base,
        identity: unknownValue(`${entry.ref.name}.${setting} ${JSON.stringify(value)} is not a service account e-mail`),
        reason: { kind: 'pending' },
      });
      continue;
    }
    if (kind.whenUnset) uses.push({ ...base, identity: kind.whenUnset, reason: { kind: 'unset' } });
  }
  if (uses.length > 0) {
    const fullName = Object.hasOwn(FULL_NAMES, entry.resource.type)
      ? FULL_NAMES[entry.resource.type]?.((key) => knownString(entry.props[key]))
      : undefined;
    if (fullName !== undefined) entry.ref.physicalName = fullName;
  }
  return uses;
}

/** `nodePools[0].nodeConfig.serviceAccount`: a path as this dialect writes it. */
function settingOf(path: Path): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

/** The access scopes as written; none set is an empty list (the platform's defaults), a list not known yet an Unknown. */
function scopesAt(entry: Entry, path: Path | undefined): string[] | Unknown {
  if (!path) return [];
  const value = valueAt(entry.props, path);
  if (isUnknown(value)) return value;
  const list: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const unknown = list.find(isUnknown);
  if (unknown) return unknown;
  if (list.some((scope) => typeof scope !== 'string'))
    return unknownValue(`${entry.ref.name}.${settingOf(path)} is not a list of scopes`);
  return list as string[];
}
