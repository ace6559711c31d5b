/**
 * Identifies the code that reads and validates catalogs (the catalog schema and every check included): the package
 * build (scripts/bundle.mjs) sets it to a hash of the compiled code it bundles. Undefined when running from the sources
 * or from tsc's output, where a validation done by other code must never be trusted (see cache.ts).
 */
export const BUILD_ID: string | undefined = undefined;
