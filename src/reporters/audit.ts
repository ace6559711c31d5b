/** One entry point for every front-end that writes the audit: the CLI, the Pulumi pack and the CDK aspect. */
import { formatAuditHtml } from './html.js';
import { formatAuditJson } from './audit-json.js';
import { formatAuditMarkdown } from './audit-markdown.js';
import { reviewExport, reviewQueue } from '../audit/review.js';
import type { Audit } from '../audit/types.js';
import type { AuditRenderOptions } from './audit-options.js';

export type { AuditRenderOptions } from './audit-options.js';

/** `review`: the review queue alone, one JSON record per item, for import into a ticketing system. */
export const AUDIT_FORMATS = ['json', 'markdown', 'html', 'review'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function renderAudit(audit: Audit, format: AuditFormat, options: AuditRenderOptions = {}): string {
  switch (format) {
    case 'json':
      return formatAuditJson(audit);
    case 'markdown':
      return formatAuditMarkdown(audit, options);
    case 'html':
      return formatAuditHtml(audit, options);
    case 'review':
      return `${JSON.stringify(reviewExport(audit.review ?? reviewQueue(audit.identities, audit.exceptions), audit), null, 2)}\n`;
  }
}

/** The format a file name implies (`audit.html` → html), for front-ends configured with only a path. */
export function auditFormatForFile(file: string): AuditFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === 'json'
    ? 'json'
    : extension === 'md' || extension === 'markdown'
      ? 'markdown'
      : extension === 'html' || extension === 'htm'
        ? 'html'
        : undefined;
}
