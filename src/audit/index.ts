/**
 * The audit view: build it from a model, an evaluation and a catalog. Rendering it (JSON, Markdown, HTML) and writing
 * it to a file are the reporters' (src/reporters/audit.ts, audit-file.ts).
 */
export { buildAudit } from './build.js';
export { sourceFromEnvironment, parseSourceOptions, mergeSources, describeSource, CI_MARKERS } from './lineage.js';
export { reviewQueue, reviewExport, reviewId, REVIEW_SCHEMA_VERSION } from './review.js';
export { EXPIRING_WITHIN_DAYS } from './exceptions.js';
export type * from './types.js';
export { AUDIT_SCHEMA_VERSION } from './types.js';
