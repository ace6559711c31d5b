/**
 * A catalog a CDK front-end could not read, reported by the synthesis instead of thrown from a constructor. Kept
 * apart from options.ts, which loads catalogs: the plugin imports this on `import 'entitlement-guard/cdk'`.
 */
import type { IPolicyValidationContext, PolicyViolation } from 'aws-cdk-lib';
import type { CatalogError } from '../catalog/index.js';
import { handedContext, type HandedStack } from './validation-context.js';

/** What is wrong with the catalog, and the app's line that created the front-end. */
export interface UnreadableCatalog {
  readonly error: CatalogError;
  readonly source: string | undefined;
}

export function isUnreadable(options: object): options is UnreadableCatalog {
  return 'error' in options;
}

/**
 * What was not checked (the aspect judges a stack at a time; the nag pack and the plugin the app), the catalog's
 * located issues, and the app's line that created the front-end.
 */
export function unreadableCatalogMessage(unreadable: UnreadableCatalog, unchecked: 'stack' | 'app' = 'app'): string {
  const message = `[EntitlementGuard] the ${unchecked} was not checked: ${unreadable.error.message}`;
  return unreadable.source === undefined ? message : `${message}\n  source: ${unreadable.source}`;
}

/**
 * The one violation of a synthesis whose catalog could not be read, on every stack handed over (the CDK prints a
 * violation only with its resources), none of which was checked.
 */
export function unreadableCatalogViolation(
  unreadable: UnreadableCatalog,
  context: IPolicyValidationContext,
): PolicyViolation {
  return {
    ruleName: 'unreadable-catalog',
    description: unreadableCatalogMessage(unreadable),
    fix: 'Give the catalog option an entitlement catalog file that exists and passes its checks (the issues above are located).',
    severity: 'fatal',
    violatingResources: stacksOf(context).map(({ stackConstructPath, templatePath }) => ({
      resourceLogicalId: stackConstructPath ?? templatePath,
      templatePath,
      ...(stackConstructPath !== undefined ? { constructPath: stackConstructPath } : {}),
      locations: ['catalog'],
    })),
  };
}

function stacksOf(context: IPolicyValidationContext): readonly HandedStack[] {
  const handed = handedContext(context);
  return handed.stackTemplates ?? handed.templatePaths.map((templatePath) => ({ templatePath }));
}
