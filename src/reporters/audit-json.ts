import type { Audit } from '../audit/types.js';

/**
 * The audit as JSON: the `Audit` object itself (schema `entitlement-guard/audit/v1`), whose builder fixes key and row
 * order, so the same change and catalog at the same time give byte-identical output.
 */
export function formatAuditJson(audit: Audit): string {
  return `${JSON.stringify(audit, null, 2)}\n`;
}
