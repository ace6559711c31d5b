/** The catalog's public API: load and validate a catalog, or start from the built-in defaults. */
export { loadCatalog, parseCatalog } from './load.js';
export { CatalogError, formatCatalogIssue, type CatalogIssue } from './issues.js';
export { defaultCatalog, DEFAULT_CLASSES, DEFAULT_PRIVILEGED_ACTIONS, DEFAULT_TAG_KEYS } from './defaults.js';
export { RULE_IDS, type RuleId } from './rule-ids.js';
export type * from './types.js';
export { APPROVER_PLACEHOLDER, INIT_ORIGIN, PLACEHOLDER_OWNER } from './placeholders.js';
export { recordMatches } from './types.js';
