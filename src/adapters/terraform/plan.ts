/**
 * Terraform's machine-readable plan (`terraform show -json plan.out`, format 0.x and 1.x; OpenTofu writes the same)
 * and state (`terraform show -json` without a plan) read into resource instances: what each managed resource will be
 * after the change, with the values known only after apply marked, and what the change deletes.
 * Format: https://developer.hashicorp.com/terraform/internals/json-format
 */
import { isRecord } from '../../util/records.js';
import { parseAddress, type ParsedAddress } from './address.js';

/** What the plan does to an instance; `state` for an instance read from a state (nothing planned). */
export type PlannedAction = 'create' | 'update' | 'replace' | 'no-op' | 'delete' | 'state';

export interface TerraformInstance {
  /** As Terraform prints it: `module.ci.aws_iam_role.deployer["eu"]`. */
  address: string;
  parsed: ParsedAddress;
  /** `aws_iam_role`. */
  type: string;
  action: PlannedAction;
  /** The values after the change (before it, for a delete). */
  values: Record<string, unknown>;
  /** `after_unknown`: `true` where a value is known only after apply (same shape as the values). */
  unknown?: unknown;
}

export interface TerraformPlan {
  /** Resource instances that exist after the change. */
  instances: TerraformInstance[];
  /** Instances the change deletes (not replaced): they grant nothing after it. */
  deleted: TerraformInstance[];
  /** The `configuration` object, when the plan has one (a state has none). */
  configuration?: Record<string, unknown>;
  /**
   * Data sources: read at plan (a plan's `prior_state`, a state's values) with their values, or read only at apply (a
   * plan's `resource_changes` action `read`), whose values the plan does not know. They create nothing; the adapter
   * reads a few of them (the service principal an Entra ID grant is on) to know what a grant is about.
   */
  dataSources: TerraformDataSource[];
}

/** A data source instance as the plan shows it. */
export interface TerraformDataSource extends Omit<TerraformInstance, 'action'> {
  /** True when Terraform reads it only at apply: its values (`after`, with `after_unknown`) are not all known. */
  readAtApply: boolean;
}

/** A plan or state that cannot be read, with the JSON path of what is wrong. */
export class TerraformPlanError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = new.target.name;
  }
}

/**
 * True for Terraform plan or state JSON: a `format_version` beside `planned_values`, `resource_changes` or a state's
 * `values` (with `terraform_version`). CloudFormation templates, Pulumi stack exports and manifests have none of these.
 * A `format_version` of the wrong type still marks a plan: the reader refuses it, naming the field.
 */
export function isTerraformJson(json: unknown): json is Record<string, unknown> {
  if (!isRecord(json) || !Object.hasOwn(json, 'format_version')) return false;
  return 'planned_values' in json || 'resource_changes' in json || ('values' in json && 'terraform_version' in json);
}

/** Reads a plan (or a state) into its instances; throws TerraformPlanError naming the field that cannot be read. */
export function readTerraformPlan(json: Record<string, unknown>): TerraformPlan {
  const version = json.format_version;
  if (typeof version !== 'string')
    throw new TerraformPlanError('format_version', `expected a string such as "1.2", not ${JSON.stringify(version)}`);
  if (!/^[01]\.\d+$/.test(version))
    throw new TerraformPlanError('format_version', `"${version}" is not a plan format this reader knows (0.x, 1.x)`);
  const byAddress = new Map<string, TerraformInstance>();
  const deleted: TerraformInstance[] = [];
  const isPlan = 'planned_values' in json || 'resource_changes' in json;

  const dataSources = new Map<string, TerraformDataSource>();
  const readData = (instance: Omit<TerraformInstance, 'action'>) =>
    dataSources.set(instance.address, { ...instance, readAtApply: false });
  if (!isPlan) {
    walkModule(
      json.values === null ? {} : json.values,
      'values',
      (instance) => byAddress.set(instance.address, { ...instance, action: 'state' }),
      new Set(),
      readData,
    );
    return { instances: [...byAddress.values()], deleted, dataSources: [...dataSources.values()] };
  }
  // The data sources read at plan are in the state the plan starts from (Terraform refreshes it first); the plan's
  // own values (planned_values) hold only those read at apply, which resource_changes lists as `read`.
  if (isRecord(json.prior_state) && json.prior_state.values !== undefined && json.prior_state.values !== null)
    walkModule(json.prior_state.values, 'prior_state.values', () => undefined, new Set(), readData);
  const changes = json.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new TerraformPlanError('resource_changes', 'expected an array');
  // Every managed resource has a change (`no-op` for those the plan leaves alone); planned_values adds only those a
  // trimmed plan leaves out of resource_changes (so a 10,000-resource plan is not read twice).
  const changed = new Set<string>();
  changes.forEach((change, index) => {
    const path = `resource_changes[${index}]`;
    if (!isRecord(change)) throw new TerraformPlanError(path, 'expected an object');
    if (change.mode === 'data') {
      readAtApply(change, path, dataSources);
      return;
    }
    const address = stringField(change, 'address', path);
    const type = stringField(change, 'type', path);
    const parsed = parseAddress(address);
    if (!parsed) throw new TerraformPlanError(`${path}.address`, `"${address}" is not a resource address`);
    const body = change.change;
    if (!isRecord(body)) throw new TerraformPlanError(`${path}.change`, 'expected an object');
    const action = actionOf(body.actions, `${path}.change.actions`);
    changed.add(address);
    if (action === undefined) return;
    if (action === 'delete') {
      // A deposed object (left by a create_before_destroy replacement that failed) is named as Terraform prints it,
      // apart from the current object of the same address, which may stay.
      const deposed = typeof change.deposed === 'string' ? ` (deposed object ${change.deposed})` : '';
      deleted.push({
        address: `${address}${deposed}`,
        parsed,
        type,
        action,
        values: isRecord(body.before) ? body.before : {},
      });
      return;
    }
    const values = body.after === null || body.after === undefined ? {} : body.after;
    if (!isRecord(values)) throw new TerraformPlanError(`${path}.change.after`, 'expected an object');
    byAddress.set(address, {
      address,
      parsed,
      type,
      action,
      values,
      ...(body.after_unknown !== undefined ? { unknown: body.after_unknown } : {}),
    });
  });
  if (json.planned_values !== undefined && json.planned_values !== null) {
    walkModule(
      json.planned_values,
      'planned_values',
      (instance) => byAddress.set(instance.address, { ...instance, action: 'no-op' }),
      changed,
    );
  }
  return {
    instances: [...byAddress.values()],
    deleted,
    dataSources: [...dataSources.values()],
    ...(isRecord(json.configuration) ? { configuration: json.configuration } : {}),
  };
}

type Visit = (instance: Omit<TerraformInstance, 'action'>) => void;

/**
 * A data source the plan reads at apply (`resource_changes` action `read`): its `after` holds what is known from the
 * configuration, `after_unknown` marks the rest. It replaces what the prior state held for it (the value it will have
 * is not that one). Another action on a data source (`delete`, which drops it from the state) reads nothing.
 */
function readAtApply(
  change: Record<string, unknown>,
  path: string,
  dataSources: Map<string, TerraformDataSource>,
): void {
  const body = change.change;
  if (!isRecord(body) || !Array.isArray(body.actions) || !body.actions.includes('read')) return;
  const address = stringField(change, 'address', path);
  const parsed = parseAddress(address);
  if (!parsed) throw new TerraformPlanError(`${path}.address`, `"${address}" is not a resource address`);
  dataSources.set(address, {
    address,
    parsed,
    type: stringField(change, 'type', path),
    values: isRecord(body.after) ? body.after : {},
    // Everything not in `after` is unknown too: the data source has not been read.
    unknown: body.after_unknown ?? true,
    readAtApply: true,
  });
}

/**
 * A module of planned_values or of a state (`root_module` and its `child_modules`, recursively): its managed
 * resources, and its data sources to `visitData` when given.
 */
function walkModule(
  container: unknown,
  path: string,
  visit: Visit,
  skip: ReadonlySet<string>,
  visitData?: Visit,
): void {
  if (!isRecord(container)) throw new TerraformPlanError(path, 'expected an object');
  if (container.root_module === undefined) return;
  const visitModule = (module: unknown, at: string): void => {
    if (!isRecord(module)) throw new TerraformPlanError(at, 'expected an object');
    const resources = module.resources ?? [];
    if (!Array.isArray(resources)) throw new TerraformPlanError(`${at}.resources`, 'expected an array');
    resources.forEach((resource, index) => {
      const where = `${at}.resources[${index}]`;
      if (!isRecord(resource)) throw new TerraformPlanError(where, 'expected an object');
      const data = resource.mode === 'data';
      if (data && !visitData) return;
      const address = stringField(resource, 'address', where);
      if (skip.has(address)) return;
      const parsed = parseAddress(address);
      if (!parsed) throw new TerraformPlanError(`${where}.address`, `"${address}" is not a resource address`);
      const values = resource.values ?? {};
      if (!isRecord(values)) throw new TerraformPlanError(`${where}.values`, 'expected an object');
      (data ? visitData : visit)?.({ address, parsed, type: stringField(resource, 'type', where), values });
    });
    const children = module.child_modules ?? [];
    if (!Array.isArray(children)) throw new TerraformPlanError(`${at}.child_modules`, 'expected an array');
    children.forEach((child, index) => {
      visitModule(child, `${at}.child_modules[${index}]`);
    });
  };
  visitModule(container.root_module, `${path}.root_module`);
}

/**
 * A change's actions as one action: `["create","delete"]` and `["delete","create"]` replace; `["read"]` (a data
 * source read at apply) and `["forget"]` (removed from state, left in the cloud) plan nothing for the gate.
 */
function actionOf(actions: unknown, path: string): PlannedAction | undefined {
  if (!Array.isArray(actions) || !actions.every((action) => typeof action === 'string'))
    throw new TerraformPlanError(path, 'expected an array of action names');
  const set = new Set(actions);
  if (set.has('create') && set.has('delete')) return 'replace';
  if (set.has('create')) return 'create';
  if (set.has('update')) return 'update';
  if (set.has('delete')) return 'delete';
  if (set.has('no-op')) return 'no-op';
  if (set.has('read') || set.has('forget')) return undefined;
  throw new TerraformPlanError(
    path,
    `unknown action ${JSON.stringify(actions)}; expected create, update, delete, no-op, read or forget`,
  );
}

function stringField(record: Record<string, unknown>, field: string, path: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value === '')
    throw new TerraformPlanError(`${path}.${field}`, 'expected a non-empty string');
  return value;
}
