/** The audit view: build it from a model, an evaluation and a catalog; render it as JSON, Markdown or HTML. */
export { buildAudit } from './build.js';
export { renderAudit, auditFormatForFile, AUDIT_FORMATS, type AuditFormat, type AuditRenderOptions } from './render.js';
export { writeAuditFile } from './write.js';
export { withBaseline } from './baseline.js';
export { sourceFromEnvironment, parseSourceOptions, mergeSources, describeSource, CI_MARKERS } from './lineage.js';
export { reviewQueue, reviewExport, reviewId, REVIEW_SCHEMA_VERSION } from './review.js';
export { EXPIRING_WITHIN_DAYS } from './exceptions.js';
export type * from './types.js';
export { AUDIT_SCHEMA_VERSION } from './types.js';
