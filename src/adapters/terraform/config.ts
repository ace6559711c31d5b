/**
 * The plan's `configuration`: which resource each attribute's expression refers to. A policy attachment whose `role`
 * is `aws_iam_role.deployer.id` has that value unknown in the plan (the id exists after apply), so the attachment is
 * linked to the role through the expression's `references`, across module inputs (`var.x` of a module call) and
 * module outputs (`module.iam.role_name`), to the instance with the same count/for_each key where there is one.
 */
import { isRecord } from '../../util/records.js';
import {
  addressInModule,
  addressParts,
  moduleAddress,
  modulePath,
  resourceAddress,
  splitKey,
  type ModuleStep,
} from './address.js';
import type { TerraformInstance } from './plan.js';

/** What the configuration needs of an instance to resolve references to it. */
type Located = Pick<TerraformInstance, 'address' | 'parsed'>;

interface ModuleConfig {
  /** `aws_iam_role.deployer` -> its attribute expressions. */
  resources: Map<string, Record<string, unknown>>;
  /** Module call name -> its argument expressions. */
  calls: Map<string, Record<string, unknown>>;
  /** Output name -> its expression. */
  outputs: Map<string, unknown>;
  /** `google_container_cluster.primary` -> its `provider_config_key` (a key of the configuration's `provider_config`). */
  providerKeys: Map<string, string>;
  /** Variable name -> its default as written (`{ constant_value }`), for the variables that declare one. */
  defaults: Map<string, unknown>;
}

/** Where a module's `var.NAME` is written: the expression, the module it is read in, and how to say where. */
export interface VariableSource {
  expression: unknown;
  modules: readonly ModuleStep[];
  /** `the default of variable db_password`, `argument password of module.db`. */
  where: string;
}

/** What an attribute's expression says: a literal, or the references it was computed from. */
export interface AttributeSource {
  /** The references as Terraform wrote them (`aws_iam_role.deployer.id`), for messages. */
  references: string[];
  /**
   * Addresses of the instances the value comes from, and the other references as written (`var.password`,
   * `data.aws_iam_policy_document.ci`): anything here means the value is not a literal of the source.
   */
  dependencies: string[];
  /** True when the expression is a constant written in the source. */
  constant: boolean;
}

const MAX_DEPTH = 16;

export class TerraformConfiguration {
  private readonly modules = new Map<string, ModuleConfig>();
  /** The configuration's `provider_config`: each provider configuration (and alias) by its opaque key. */
  private readonly providerConfigs: Record<string, unknown>;
  /** Instances by their address without instance key (`module.ci.aws_iam_role.deployer`), then by instance key. */
  private readonly byResource = new Map<string, { all: Located[]; byKey: Map<string | undefined, Located[]> }>();
  /** Module instance addresses (`module.ci["eu"]`) seen in the plan, by the module call's address without key. */
  private readonly moduleKeys = new Map<string, Set<string | undefined>>();
  private readonly attributeCache = new Map<string, { attribute: string; references: string[]; constant: boolean }[]>();

  /**
   * `instances`: the plan's managed resource instances, and the data sources the adapter reads (a reference to another
   * data source stays as written).
   */
  constructor(configuration: Record<string, unknown> | undefined, instances: readonly Located[]) {
    if (configuration && isRecord(configuration.root_module)) this.index(configuration.root_module, []);
    this.providerConfigs = isRecord(configuration?.provider_config) ? configuration.provider_config : {};
    for (const instance of instances) {
      const base = resourceAddress(instance.parsed);
      let resource = this.byResource.get(base);
      if (!resource) this.byResource.set(base, (resource = { all: [], byKey: new Map() }));
      resource.all.push(instance);
      const sameKey = resource.byKey.get(instance.parsed.key);
      if (sameKey) sameKey.push(instance);
      else resource.byKey.set(instance.parsed.key, [instance]);
      const modules = instance.parsed.modules;
      for (const [depth, step] of modules.entries()) {
        const call = addressInModule(modules.slice(0, depth), `module.${step.name}`);
        const keys = this.moduleKeys.get(call) ?? new Set();
        keys.add(step.key);
        this.moduleKeys.set(call, keys);
      }
    }
  }

  /** True when the plan has a configuration to follow references through. */
  get present(): boolean {
    return this.modules.size > 0;
  }

  /** Each top-level attribute of the instance's configuration with what its expression refers to. */
  sources(instance: TerraformInstance): Map<string, AttributeSource> {
    const { modules, type, name, key } = instance.parsed;
    const attributes = this.attributesOf(modulePath(modules), `${type}.${name}`);
    const result = new Map<string, AttributeSource>();
    for (const { attribute, references, constant } of attributes) {
      const only = references.length === 1 ? references[0] : undefined;
      const dependencies =
        only !== undefined
          ? this.resolve(modules, key, only, 0)
          : [...new Set(references.flatMap((reference) => this.resolve(modules, key, reference, 0)))];
      result.set(attribute, { references, dependencies, constant });
    }
    return result;
  }

  /** The instance's attribute expressions as the configuration writes them (nested blocks as lists of objects). */
  expressions(instance: TerraformInstance): Record<string, unknown> | undefined {
    const { modules, type, name } = instance.parsed;
    return this.modules.get(modulePath(modules))?.resources.get(`${type}.${name}`);
  }

  /**
   * The provider configuration the instance's resource uses: the `provider_config` entry its `provider_config_key`
   * names. Terraform 1.2 and later key a module's resource to the configuration it inherits or is passed (`google`,
   * `google.west`), or to the module's own block (`module.app:google`); before 1.2 a module's resource had a key that
   * named no entry (`app:google`, hashicorp/terraform f5b90f84), and nothing in the plan said which configuration a
   * module was passed: undefined then, as for a resource the configuration does not list.
   */
  providerConfig(instance: TerraformInstance): Record<string, unknown> | undefined {
    const { modules, type, name } = instance.parsed;
    const key = this.modules.get(modulePath(modules))?.providerKeys.get(`${type}.${name}`);
    if (key === undefined || !Object.hasOwn(this.providerConfigs, key)) return undefined;
    const config = this.providerConfigs[key];
    return isRecord(config) ? config : undefined;
  }

  /**
   * What `var.NAME` is written as in the given module instance: the argument the module call passes (read in the
   * calling module), else the variable's default; undefined for a root variable without a default, whose value is
   * given at plan time (a `.tfvars` file, `-var`, `TF_VAR_NAME`), none of which the plan says.
   */
  variable(modules: readonly ModuleStep[], name: string): VariableSource | undefined {
    const call = modules.at(-1);
    if (call) {
      const parent = modules.slice(0, -1);
      const argument = this.modules.get(modulePath(parent))?.calls.get(call.name)?.[name];
      if (argument !== undefined) {
        const caller = moduleAddress(modules);
        return { expression: argument, modules: parent, where: `argument ${name} of ${caller}` };
      }
    }
    const module = this.modules.get(modulePath(modules));
    if (!module?.defaults.has(name)) return undefined;
    return {
      expression: { constant_value: module.defaults.get(name) },
      modules,
      where: `the default of variable ${name}`,
    };
  }

  /** A configured resource's attributes with their references, read once for all its instances. */
  private attributesOf(path: string, local: string): { attribute: string; references: string[]; constant: boolean }[] {
    const cacheKey = `${path}\u0000${local}`;
    let attributes = this.attributeCache.get(cacheKey);
    if (!attributes) {
      const expressions = this.modules.get(path)?.resources.get(local) ?? {};
      attributes = Object.entries(expressions).map(([attribute, expression]) => {
        const references = [...new Set(referencesIn(expression))];
        return { attribute, references, constant: references.length === 0 && hasConstant(expression) };
      });
      this.attributeCache.set(cacheKey, attributes);
    }
    return attributes;
  }

  private index(module: Record<string, unknown>, path: string[]): void {
    const config: ModuleConfig = {
      resources: new Map(),
      calls: new Map(),
      outputs: new Map(),
      providerKeys: new Map(),
      defaults: new Map(),
    };
    this.modules.set(path.join('.'), config);
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(resource) || typeof resource.address !== 'string') continue;
      config.resources.set(resource.address, isRecord(resource.expressions) ? resource.expressions : {});
      if (typeof resource.provider_config_key === 'string')
        config.providerKeys.set(resource.address, resource.provider_config_key);
    }
    if (isRecord(module.variables))
      for (const [name, variable] of Object.entries(module.variables))
        if (isRecord(variable) && Object.hasOwn(variable, 'default')) config.defaults.set(name, variable.default);
    if (isRecord(module.outputs))
      for (const [name, output] of Object.entries(module.outputs))
        config.outputs.set(name, isRecord(output) ? output.expression : undefined);
    if (isRecord(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) {
        if (!isRecord(call)) continue;
        config.calls.set(name, isRecord(call.expressions) ? call.expressions : {});
        if (isRecord(call.module)) this.index(call.module, [...path, name]);
      }
    }
  }

  /**
   * The instances (addresses) a reference made in the given module instance stands for. A resource reference without
   * an instance key, made by an instance with a key, means the instance with the same key when there is one (the
   * `aws_iam_role.r[count.index]` and `each.key` patterns), else every instance. Anything that is not a managed
   * resource of the plan stays as written.
   */
  private resolve(
    modules: readonly ModuleStep[],
    fromKey: string | undefined,
    reference: string,
    depth: number,
  ): string[] {
    if (depth > MAX_DEPTH) return [reference];
    const parts = addressParts(reference);
    const head = parts[0];
    if (head === 'var' && parts[1] !== undefined) {
      const call = modules.at(-1);
      if (!call) return [reference];
      const parent = modules.slice(0, -1);
      const argument = this.modules.get(modulePath(parent))?.calls.get(call.name)?.[parts[1]];
      return this.resolveAll(parent, call.key, referencesIn(argument), depth, reference);
    }
    if (head === 'module' && parts[1] !== undefined && parts[2] !== undefined) {
      const step = splitKey(parts[1]);
      const path = [...modules.map((m) => m.name), step.name].join('.');
      const output = this.modules.get(path)?.outputs.get(parts[2]);
      const callAddress = addressInModule(modules, `module.${step.name}`);
      const keys = step.key !== undefined ? [step.key] : [...(this.moduleKeys.get(callAddress) ?? [undefined])];
      const found = keys.flatMap((key) =>
        this.resolveAll(
          [...modules, key !== undefined ? { name: step.name, key } : { name: step.name }],
          undefined,
          referencesIn(output),
          depth,
          reference,
        ),
      );
      return found.length ? [...new Set(found)] : [reference];
    }
    if (head === 'data' && parts[1] !== undefined && parts[2] !== undefined) {
      // A data source the adapter reads, by its address from the root (`module.ci.data.azuread_service_principal.x`).
      const { name, key } = splitKey(parts[2]);
      const base = addressInModule(modules, `data.${parts[1]}.${name}`);
      return this.instancesOf(base, key, fromKey) ?? [reference];
    }
    if (
      head === undefined ||
      ['data', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(head) ||
      parts[1] === undefined
    )
      return [reference];
    const { name, key } = splitKey(parts[1]);
    const base = addressInModule(modules, `${head}.${name}`);
    return this.instancesOf(base, key, fromKey) ?? [reference];
  }

  /** The addresses of a resource's instances a reference names (see resolve), or undefined when there is none. */
  private instancesOf(base: string, key: string | undefined, fromKey: string | undefined): string[] | undefined {
    const resource = this.byResource.get(base);
    if (!resource) return undefined;
    const chosen =
      key !== undefined
        ? (resource.byKey.get(key) ?? [])
        : ((fromKey !== undefined ? resource.byKey.get(fromKey) : undefined) ?? resource.all);
    return chosen.length ? chosen.map((instance) => instance.address) : undefined;
  }

  private resolveAll(
    modules: readonly ModuleStep[],
    fromKey: string | undefined,
    references: string[],
    depth: number,
    original: string,
  ): string[] {
    const found = [...new Set(references)].flatMap((reference) => this.resolve(modules, fromKey, reference, depth + 1));
    return found.length ? found : [original];
  }
}

/** Every `references` list in an expression, nested blocks included (`inline_policy: [{policy: {references}}]`). */
function referencesIn(expression: unknown): string[] {
  if (Array.isArray(expression)) return expression.flatMap(referencesIn);
  if (!isRecord(expression)) return [];
  const own = Array.isArray(expression.references)
    ? expression.references.filter((item): item is string => typeof item === 'string')
    : [];
  const nested = Object.entries(expression)
    .filter(([key]) => key !== 'references' && key !== 'constant_value')
    .flatMap(([, value]) => (isRecord(value) || Array.isArray(value) ? referencesIn(value) : []));
  return [...own, ...nested];
}

function hasConstant(expression: unknown): boolean {
  if (Array.isArray(expression)) return expression.some(hasConstant);
  if (!isRecord(expression)) return false;
  if ('constant_value' in expression) return true;
  return Object.values(expression).some((value) => (isRecord(value) || Array.isArray(value)) && hasConstant(value));
}
