/** The privilege diff of two audits (issue 20 item 1): compute it, read an audit file back, render it. */
export { diffAudits, diffMatched, isEmptyDiff } from './compute.js';
export { matchIdentities, stableKey, type IdentityPair, type MatchedBy } from './match.js';
export { parseAuditJson, looksLikeAudit, AuditFileError } from './read.js';
export type * from './types.js';
export { DIFF_SCHEMA_VERSION } from './types.js';
