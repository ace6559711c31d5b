/**
 * Terraform resource addresses (`module.ci["eu"].aws_iam_role.deployer[0]`) split into their module instances and
 * their resource, as Terraform writes them in plan JSON. Instance keys are kept as written (`0`, `"eu"`), so an
 * address rebuilt from its parts is the address Terraform printed.
 */

export interface ModuleStep {
  /** The module call's name (`ci` in `module.ci`). */
  name: string;
  /** The instance key as written, brackets excluded (`0`, `"eu"`); absent without count/for_each. */
  key?: string;
}

export interface ParsedAddress {
  modules: ModuleStep[];
  /** `data` for data sources. */
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: string;
}

/** The address split at the dots outside brackets and quotes: `module.a["x.y"].t.n[0]` -> `module`, `a["x.y"]`, `t`, `n[0]`. */
export function addressParts(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < address.length; index++) {
    const char = address.charAt(index);
    if (quoted) {
      current += char;
      if (char === '\\') current += address.charAt(++index);
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '[') depth++;
    else if (char === ']') depth--;
    if (char === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** `name[key]` -> name and key. */
export function splitKey(part: string): { name: string; key?: string } {
  const open = part.indexOf('[');
  if (open < 0 || !part.endsWith(']')) return { name: part };
  return { name: part.slice(0, open), key: part.slice(open + 1, -1) };
}

/** A resource instance address, or undefined when the text is not one. */
export function parseAddress(address: string): ParsedAddress | undefined {
  const parts = addressParts(address);
  const modules: ModuleStep[] = [];
  let index = 0;
  while (parts[index] === 'module') {
    const call = parts[index + 1];
    if (call === undefined || index + 2 >= parts.length) break;
    const step = splitKey(call);
    modules.push(step.key !== undefined ? { name: step.name, key: step.key } : { name: step.name });
    index += 2;
  }
  let mode: ParsedAddress['mode'] = 'managed';
  if (parts[index] === 'data') {
    mode = 'data';
    index++;
  }
  const [type, last, ...more] = parts.slice(index);
  if (type === undefined || last === undefined || more.length > 0) return undefined;
  const { name, key } = splitKey(last);
  if (!/^[A-Za-z][\w-]*$/.test(type) || !/^[A-Za-z_][\w-]*$/.test(name)) return undefined;
  return { modules, mode, type, name, ...(key !== undefined ? { key } : {}) };
}

/** `module.ci["eu"]` for the given steps; empty for the root module. */
export function moduleAddress(modules: readonly ModuleStep[]): string {
  return modules.map((step) => `module.${step.name}${step.key !== undefined ? `[${step.key}]` : ''}`).join('.');
}

/** `local` (`aws_iam_role.ci`, `data.x.y`, `module.z`) as addressed from the root, inside the module of `modules`. */
export function addressInModule(modules: readonly ModuleStep[], local: string): string {
  const module = moduleAddress(modules);
  return module ? `${module}.${local}` : local;
}

/** `ci.build`: the configuration's module path (module calls, instance keys dropped); empty for the root module. */
export function modulePath(modules: readonly ModuleStep[]): string {
  return modules.map((step) => step.name).join('.');
}

/** The resource's address without its instance key, within its module instance: `module.ci["eu"].aws_iam_role.deployer`. */
export function resourceAddress(parsed: ParsedAddress): string {
  return addressInModule(parsed.modules, `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}`);
}
