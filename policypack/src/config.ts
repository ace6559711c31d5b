import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CatalogError, defaultCatalog, formatCatalogIssue, loadCatalog, parseCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import type { PolicyConfigSchema } from '@pulumi/policy';
import { isRecord } from '../../src/util/records.js';

/** The catalog file the published pack reads when it sits beside the pack (PulumiPolicy.yaml's directory). */
export const PACK_CATALOG_FILE = 'entitlement-catalog.yaml';

/** The catalog file beside the pack, when there is one. */
export function packCatalogBeside(baseDir: string): string | undefined {
  const path = resolve(baseDir, PACK_CATALOG_FILE);
  return existsSync(path) ? path : undefined;
}

/** What every policy of the pack accepts as configuration, besides Pulumi's own `enforcementLevel`. */
export interface PackPolicyConfig {
  /** Path to the catalog file (YAML or JSON); relative paths are relative to the policy pack directory. */
  catalogPath?: string;
  /** The catalog itself, as an object: what `pulumi policy enable --config` and the Pulumi Cloud console can hold. */
  catalog?: Record<string, unknown>;
  /** Where to write the audit view of the stack (.json, .md or .html); relative to the policy pack directory. */
  auditFile?: string;
}

export const PACK_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    catalogPath: {
      type: 'string',
      minLength: 1,
      description: 'Entitlement catalog file (YAML or JSON). Relative to the policy pack directory.',
    },
    catalog: {
      type: 'object',
      description: 'The entitlement catalog inline (the same document as the YAML file, as JSON).',
    },
    auditFile: {
      type: 'string',
      pattern: '\\.(json|md|html)$',
      description:
        'Write the audit view of the stack to this file (.json, .md or .html). Relative to the policy pack directory.',
    },
  },
};

/** Invalid pack configuration: names the policy and the setting, and fails the run rather than checking less. */
export class PackConfigError extends Error {
  constructor(policy: string, setting: string, reason: string) {
    super(`entitlement-guard policy "${policy}", config "${setting}": ${reason}`);
    this.name = 'PackConfigError';
    // The policy SDK reports a failing policy with the error's `stack`: a configuration mistake is the user's to fix,
    // so it reads as the one located line above, without our JavaScript frames.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The catalog a pack was built with (`createPolicyPack({ catalog })`, or entitlement-catalog.yaml beside it) cannot be
 * used, so the pack does not start. The Pulumi runtime prints an error it knows to be the user's (its RunError,
 * recognised by this marker) as its message alone: `pulumi preview --policy-pack` shows the located lines, not a
 * JavaScript stack.
 */
export class PackCatalogError extends Error {
  readonly __pulumiRunError = true;

  constructor(pack: string, error: CatalogError, option: string | undefined, baseDir: string) {
    const unreadable = error.errors.length === 1 && error.errors[0]?.line === 0;
    const expected =
      option === undefined
        ? ''
        : `; createPolicyPack({ catalog: ${JSON.stringify(option)} }) expects an entitlement catalog file (YAML or JSON) there` +
          (isAbsolute(option) ? '' : `, a relative path being read from the pack directory (${baseDir})`);
    const lines = error.errors.map(formatCatalogIssue);
    super(`entitlement-guard pack "${pack}" did not start: ${lines.join('\n')}${unreadable ? expected : ''}`);
    this.name = 'PackCatalogError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** A catalog source a policy call resolves to, with a key that identifies it for caching. */
export interface ResolvedCatalog {
  key: string;
  catalog: Catalog;
}

/**
 * The catalog a policy runs with: its own config (`catalogPath` or `catalog`), else the pack's catalog, else the
 * built-in defaults. Catalog errors keep their file:line:column locations; nothing falls back silently.
 */
export function resolveCatalog(
  policy: string,
  config: PackPolicyConfig,
  packCatalog: () => ResolvedCatalog,
  baseDir: string,
  lockedBy?: string,
): ResolvedCatalog {
  const unknownKeys = Object.keys(config).filter((key) => !['catalogPath', 'catalog', 'auditFile'].includes(key));
  const [unknownKey] = unknownKeys;
  if (unknownKey !== undefined)
    throw new PackConfigError(policy, unknownKey, 'unknown setting; expected catalogPath, catalog or auditFile');
  if (config.catalogPath !== undefined && config.catalog !== undefined) {
    throw new PackConfigError(policy, 'catalogPath', 'both catalogPath and catalog are set; set one');
  }
  const setting = catalogSetting(config);
  if (setting !== undefined && lockedBy !== undefined) throw lockedCatalogError(policy, setting, lockedBy);
  if (config.catalogPath !== undefined) {
    if (typeof config.catalogPath !== 'string' || config.catalogPath === '')
      throw new PackConfigError(policy, 'catalogPath', 'expected a file path');
    const path = isAbsolute(config.catalogPath) ? config.catalogPath : resolve(baseDir, config.catalogPath);
    return { key: `path:${path}`, catalog: located(policy, 'catalogPath', () => loadCatalog(path)) };
  }
  if (config.catalog !== undefined) {
    // The stack's configuration is JSON: its catalog may be anything, whatever PackPolicyConfig says.
    if (!isRecord(config.catalog)) {
      throw new PackConfigError(policy, 'catalog', 'expected the catalog as an object');
    }
    // Pretty-printed so a catalog issue points at a line of the document as the user wrote it.
    const text = JSON.stringify(config.catalog, null, 2);
    return {
      key: `inline:${text}`,
      catalog: located(policy, 'catalog', () => parseCatalog(text, `policy config ${policy}.catalog`)),
    };
  }
  return packCatalog();
}

/** Which catalog setting a policy's config uses, if any. */
export function catalogSetting(config: PackPolicyConfig): 'catalogPath' | 'catalog' | undefined {
  return config.catalogPath !== undefined ? 'catalogPath' : config.catalog !== undefined ? 'catalog' : undefined;
}

/** A stack config naming a catalog in a pack whose organisation fixed it. */
export function lockedCatalogError(policy: string, setting: string, source: string): PackConfigError {
  return new PackConfigError(
    policy,
    setting,
    `this pack holds the organisation's catalog (${source}); stack configuration may not replace or extend it ` +
      "(the organisation's pack allows that only with createPolicyPack({ allowStackCatalog: true }))",
  );
}

export function catalogFromOption(option: Catalog | string | undefined, baseDir: string): ResolvedCatalog {
  if (option === undefined) return { key: 'built-in', catalog: defaultCatalog() };
  if (typeof option !== 'string') return { key: `object:${option.source}`, catalog: option };
  const path = isAbsolute(option) ? option : resolve(baseDir, option);
  return { key: `path:${path}`, catalog: loadCatalog(path) };
}

function located(policy: string, setting: string, load: () => Catalog): Catalog {
  try {
    return load();
  } catch (error) {
    if (error instanceof CatalogError) throw new PackConfigError(policy, setting, error.message);
    throw error;
  }
}

/** The audit file a policy's config names, resolved against the pack directory. */
export function auditFileOf(policy: string, config: PackPolicyConfig, baseDir: string): string | undefined {
  if (config.auditFile === undefined) return undefined;
  if (typeof config.auditFile !== 'string' || !/\.(json|md|html)$/.test(config.auditFile)) {
    throw new PackConfigError(policy, 'auditFile', 'expected a file name ending in .json, .md or .html');
  }
  return isAbsolute(config.auditFile) ? config.auditFile : resolve(baseDir, config.auditFile);
}
