import * as audit from './app-audit.js';

export type CdkAudit = typeof audit;

/**
 * The aspect's audit writer (app-audit.ts), needed only with `auditFile`. A static import here; in the package
 * (scripts/bundle.mjs) this module is replaced by one that requires the `cdk-audit` entry on the first call, so an
 * app without an audit file never loads the audit view's code.
 */
export function cdkAudit(): CdkAudit {
  return audit;
}
