/**
 * Builds Terraform plan JSON (`terraform show -json`, format 1.2) from a short description, in the documented shape
 * (https://developer.hashicorp.com/terraform/internals/json-format): planned_values with child modules,
 * resource_changes with actions, after and after_unknown, and configuration with each attribute's expression
 * (`constant_value` or `references`), so tests read like the Terraform they stand for.
 */
import { addressParts, parseAddress } from '../../src/adapters/terraform/address.js';

export interface PlannedResource {
  /** `module.ci.aws_iam_role.deployer["eu"]`. */
  address: string;
  /** Known values after the change (before it, for a delete). */
  values?: Record<string, unknown>;
  /** Attributes known only after apply: `{ arn: true, id: true }`. */
  unknown?: Record<string, unknown>;
  /** Default `["create"]`. */
  actions?: string[];
  /**
   * Attribute -> the references of its expression (`["aws_iam_role.deployer.name", "aws_iam_role.deployer"]`);
   * other attributes are written in the configuration as constants.
   */
  references?: Record<string, string[]>;
}

export interface PlanOptions {
  /** Module call -> argument -> references (`{ ci: { role_name: ['aws_iam_role.x.name'] } }`), by module path `ci` or `ci.inner`. */
  moduleInputs?: Record<string, Record<string, string[]>>;
  /** Module path -> output -> references. */
  moduleOutputs?: Record<string, Record<string, string[]>>;
  /** Leave the configuration out (as hand-trimmed public fixtures do). */
  noConfiguration?: boolean;
  /** Module path (`''` for the root, `db`, `ci.inner`) -> variable -> its declaration (`{ default, sensitive }`). */
  variables?: Record<string, Record<string, Record<string, unknown>>>;
  /** Module call -> argument -> the constant it passes (`{ db: { password: 'hunter2' } }`). */
  moduleConstants?: Record<string, Record<string, unknown>>;
}

export function terraformPlan(resources: PlannedResource[], options: PlanOptions = {}): Record<string, unknown> {
  const rootModule: Module = { resources: [], child_modules: [] };
  const changes: unknown[] = [];
  const configuration: ConfigModule = { resources: [], module_calls: {} };
  const configured = new Set<string>();
  for (const resource of resources) {
    const parsed = parseAddress(resource.address)!;
    const actions = resource.actions ?? ['create'];
    const values = resource.values ?? {};
    const deleted = actions.length === 1 && actions[0] === 'delete';
    const base = {
      address: resource.address,
      mode: 'managed',
      type: parsed.type,
      name: parsed.name,
      ...(parsed.key !== undefined ? { index: indexOf(parsed.key) } : {}),
      provider_name: providerOf(parsed.type),
    };
    if (!deleted) {
      moduleFor(rootModule, resource.address).resources.push({
        ...base,
        schema_version: 0,
        values,
        sensitive_values: {},
      });
    }
    const moduleAddress = parsed.modules
      .map((step) => `module.${step.name}${step.key !== undefined ? `[${step.key}]` : ''}`)
      .join('.');
    changes.push({
      ...base,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      change: {
        actions,
        before: actions.includes('create') && !actions.includes('delete') ? null : values,
        after: deleted ? null : values,
        after_unknown: deleted ? {} : (resource.unknown ?? {}),
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    const configModule = configModuleFor(
      configuration,
      parsed.modules.map((step) => step.name),
    );
    const local = `${parsed.type}.${parsed.name}`;
    const key = `${parsed.modules.map((step) => step.name).join('.')}/${local}`;
    if (configured.has(key)) continue;
    configured.add(key);
    const expressions: Record<string, unknown> = {};
    for (const [attribute, value] of Object.entries(values)) expressions[attribute] = { constant_value: value };
    for (const [attribute, references] of Object.entries(resource.references ?? {}))
      expressions[attribute] = { references };
    configModule.resources.push({
      address: local,
      mode: 'managed',
      type: parsed.type,
      name: parsed.name,
      provider_config_key: providerOf(parsed.type),
      expressions,
      schema_version: 0,
      ...(parsed.key !== undefined
        ? /^\d+$/.test(parsed.key)
          ? { count_expression: { constant_value: 2 } }
          : { for_each_expression: { references: ['var.items'] } }
        : {}),
    });
  }
  for (const [path, inputs] of Object.entries(options.moduleInputs ?? {})) {
    const steps = path.split('.');
    const parent = configModuleFor(configuration, steps.slice(0, -1));
    configModuleFor(configuration, steps);
    const call = parent.module_calls[steps.at(-1)!]!;
    for (const [argument, references] of Object.entries(inputs)) call.expressions[argument] = { references };
  }
  for (const [path, inputs] of Object.entries(options.moduleConstants ?? {})) {
    const steps = path.split('.');
    const parent = configModuleFor(configuration, steps.slice(0, -1));
    configModuleFor(configuration, steps);
    const call = parent.module_calls[steps.at(-1)!]!;
    for (const [argument, value] of Object.entries(inputs)) call.expressions[argument] = { constant_value: value };
  }
  for (const [path, variables] of Object.entries(options.variables ?? {}))
    configModuleFor(configuration, path === '' ? [] : path.split('.')).variables = variables;
  for (const [path, outputs] of Object.entries(options.moduleOutputs ?? {})) {
    const module = configModuleFor(configuration, path.split('.'));
    module.outputs ??= {};
    for (const [name, references] of Object.entries(outputs)) module.outputs[name] = { expression: { references } };
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: rootModule },
    resource_changes: changes,
    ...(options.noConfiguration ? {} : { configuration: { provider_config: {}, root_module: configuration } }),
    timestamp: '2026-06-01T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

interface Module {
  address?: string;
  resources: Record<string, unknown>[];
  child_modules: Module[];
}

interface ConfigModule {
  resources: Record<string, unknown>[];
  module_calls: Record<string, { source: string; expressions: Record<string, unknown>; module: ConfigModule }>;
  outputs?: Record<string, { expression: unknown }>;
  variables?: Record<string, Record<string, unknown>>;
}

function moduleFor(root: Module, address: string): Module {
  const parts = addressParts(address);
  let module = root;
  let prefix = '';
  for (let index = 0; parts[index] === 'module' && index + 2 < parts.length; index += 2) {
    prefix = `${prefix ? `${prefix}.` : ''}module.${parts[index + 1]}`;
    let child = module.child_modules.find((candidate) => candidate.address === prefix);
    if (!child) {
      child = { address: prefix, resources: [], child_modules: [] };
      module.child_modules.push(child);
    }
    module = child;
  }
  return module;
}

function configModuleFor(root: ConfigModule, path: string[]): ConfigModule {
  let module = root;
  for (const name of path) {
    module.module_calls[name] ??= {
      source: `./modules/${name}`,
      expressions: {},
      module: { resources: [], module_calls: {} },
    };
    module = module.module_calls[name]!.module;
  }
  return module;
}

function indexOf(key: string): number | string {
  return /^\d+$/.test(key) ? Number(key) : (JSON.parse(key) as string);
}

function providerOf(type: string): string {
  const provider = type.split('_')[0]!;
  return `registry.terraform.io/hashicorp/${provider}`;
}

/**
 * An Entra ID application and its service principal named `reports`, as a plan shows them before apply (their ids
 * known only after), the application tagged with `tags`: the workload the Entra ID grant tests grant to.
 */
export function azureadWorkload(tags: string[]): PlannedResource[] {
  return [
    {
      address: 'azuread_application.reports',
      values: { display_name: 'reports', tags },
      unknown: { client_id: true, object_id: true, id: true },
    },
    {
      address: 'azuread_service_principal.reports',
      values: {},
      unknown: { client_id: true, object_id: true, id: true },
      references: { client_id: ['azuread_application.reports.client_id', 'azuread_application.reports'] },
    },
  ];
}

/** The configuration's reference to that service principal's object id. */
export const AZUREAD_WORKLOAD_OBJECT_ID = [
  'azuread_service_principal.reports.object_id',
  'azuread_service_principal.reports',
];

/**
 * A delegated permission grant of `claimValues` to that workload on `api`: the API's object id as the plan knows it (a
 * string, matched by value alone), or the configuration's references to where it comes from.
 */
export function azureadDelegatedGrant(
  name: string,
  claimValues: string[],
  api: string | string[],
  extra: Partial<PlannedResource> = {},
): PlannedResource {
  return {
    address: `azuread_service_principal_delegated_permission_grant.${name}`,
    values: {
      claim_values: claimValues,
      ...(typeof api === 'string' ? { resource_service_principal_object_id: api } : {}),
    },
    unknown: {
      id: true,
      service_principal_object_id: true,
      ...(typeof api === 'string' ? {} : { resource_service_principal_object_id: true }),
    },
    references: {
      service_principal_object_id: AZUREAD_WORKLOAD_OBJECT_ID,
      ...(typeof api === 'string' ? {} : { resource_service_principal_object_id: api }),
    },
    ...extra,
  };
}
