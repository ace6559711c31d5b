/** Escaping for the text formats reports are written in: resource names and tags come from user input. */
import { escapeControlCharacters } from '../util/control-characters.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML and XML text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * XML 1.0 also forbids most control characters, even as references: they are dropped. Escaping works character by
 * character, so the escape of a text is the escapes of its parts joined: JUnit escapes each message once and reuses it.
 */
export function escapeXml(text: string): string {
  // Most text needs nothing: one test, no copies (JUnit escapes every message of thousands of findings).
  if (!XML_SPECIAL.test(text)) return text;
  // One native pass per entity: a callback per replaced character cost more than the rest of a JUnit report.
  return text
    .replace(XML_CONTROL, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Inline Markdown (GitHub flavour) that renders as the literal text: Markdown punctuation and the characters that
 * start HTML (`<`, `>`, `&`) are backslash-escaped, which CommonMark reads as the literal character (so no tag or
 * entity can form), and line breaks become spaces so a table row stays one row. Entities are not used: an entity
 * shows as itself wherever the comment is read as plain text, and `#` escaping broke them (`catalog&\\#39;s`).
 */
export function escapeMarkdown(text: string): string {
  return escapeControlCharacters(
    text.replace(/[\\`*_{}[\]()#+!|~<>&]/g, (char) => `\\${char}`).replace(/\r?\n|\r/g, ' '),
  );
}

/**
 * Text as a Markdown code span: nothing inside renders as HTML or Markdown. Backticks cannot be escaped there, so the
 * span is fenced by a longer run of them; `|` is written `\|`, which GitHub tables read as a literal pipe even in code.
 */
export function markdownCode(text: string): string {
  const flat = escapeControlCharacters(text.replace(/\r?\n|\r/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}
