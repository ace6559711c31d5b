/** What every audit format (Markdown, HTML) may be given besides the audit. */
export interface AuditRenderOptions {
  /** Where the full report is published (a CI artifact): linked from the Markdown and the HTML. */
  reportUrl?: string;
}
