/** The privilege diff of two audits (issue 20 item 1): compute it, read an audit file back, render it. */
export { diffAudits, diffMatched, isEmptyDiff } from './compute.js';
export { withBaseline } from './baseline.js';
export { matchIdentities, stableKey, type IdentityPair, type MatchedBy } from '../audit/match.js';
export { parseAuditJson, looksLikeAudit, AuditFileError } from './read.js';
export type {
  PrivilegeDiff,
  DiffSide,
  DiffSummary,
  IdentityChange,
  IdentityDiff,
  IdentityRename,
  GrantChange,
  CredentialChange,
  TrustChange,
  ExceptionChangeKind,
  ExceptionChange,
  FindingChange,
  FindingChanges,
} from '../audit/types.js';
export { DIFF_SCHEMA_VERSION } from '../audit/types.js';
