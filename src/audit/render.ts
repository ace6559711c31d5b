/** One entry point for every front-end that writes the audit: the CLI, the Pulumi pack and the CDK aspect. */
import { formatAuditHtml } from '../reporters/html.js';
import { formatAuditJson } from '../reporters/audit-json.js';
import { formatAuditMarkdown } from '../reporters/audit-markdown.js';
import type { Audit } from './types.js';

export const AUDIT_FORMATS = ['json', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function renderAudit(audit: Audit, format: AuditFormat): string {
  switch (format) {
    case 'json':
      return formatAuditJson(audit);
    case 'markdown':
      return formatAuditMarkdown(audit);
    case 'html':
      return formatAuditHtml(audit);
  }
}

/** The format a file name implies (`audit.html` → html), for front-ends configured with only a path. */
export function auditFormatForFile(file: string): AuditFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === 'json' ? 'json' : extension === 'md' || extension === 'markdown' ? 'markdown' : extension === 'html' || extension === 'htm' ? 'html' : undefined;
}
