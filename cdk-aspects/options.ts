import { installCatalogCache } from '../catalog/cache.js';
import { defaultCatalog, loadCatalog } from '../catalog/index.js';
import { isCatalogError } from '../catalog/issues.js';
import type { Catalog, RuleLevel } from '../catalog/types.js';
import { callerFrames, sourceLocation } from './source-location.js';
import type { UnreadableCatalog } from './unreadable-catalog.js';

/** What every CDK front-end (aspect, cdk-nag pack, validation plugin) is configured with. */
export interface GuardOptions {
  /** A catalog file (YAML or JSON), an already loaded catalog, or nothing for the built-in defaults (as in the CLI). */
  readonly catalog?: string | Catalog;
  /** Evaluation time for exception and identity expiry; defaults to the time of synthesis. */
  readonly now?: Date;
  /** Stack-level enforcement per rule id: may only make a rule stricter than the catalog does. */
  readonly stackLevels?: Record<string, RuleLevel>;
}

export interface ResolvedGuardOptions {
  readonly catalog: Catalog;
  readonly now?: Date;
  readonly stackLevels?: Record<string, RuleLevel>;
}

/**
 * Loads the catalog once, when the front-end is constructed, so a bad catalog fails the app with the loader's
 * located error (file:line:col) before any synthesis work. A catalog file this package's build has already validated
 * with the same text, in an earlier synth, is taken from the install's cache (catalog/cache.ts).
 */
export function resolveOptions(options: GuardOptions = {}): ResolvedGuardOptions {
  const { catalog } = options;
  return {
    catalog:
      catalog === undefined
        ? defaultCatalog()
        : typeof catalog === 'string'
          ? loadCatalog(catalog, { cache: installCatalogCache() })
          : catalog,
    ...(options.now ? { now: options.now } : {}),
    ...(options.stackLevels ? { stackLevels: options.stackLevels } : {}),
  };
}

/**
 * The options, or the catalog error that keeps them from being read, kept for the synthesis to report as a
 * violation located at the app's line (`createdBy`: the front-end's class). Thrown from a constructor, the error
 * would have Node print this package's throw line above the app's.
 */
export function resolveOptionsOrUnreadable(
  options: GuardOptions,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- a class: where the stack is cut
  createdBy: Function,
): ResolvedGuardOptions | UnreadableCatalog {
  try {
    return resolveOptions(options);
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    return { error, source: sourceLocation(callerFrames(createdBy)) };
  }
}
