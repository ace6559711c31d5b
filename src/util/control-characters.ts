/**
 * Control characters in text that came from a change (resource names, tag values, policy values) and is written
 * to a terminal, a CI log, a Markdown comment or a CDK/Pulumi message. Written raw, ESC sequences clear the screen,
 * set titles or move the cursor, and CR/LF start a new line: a resource name could print a forged "✔ passed" line.
 * Each such character is shown as an escape (`\n`, `\r`, `\t`, `\u001b`), so the text reads as what it is.
 *
 * Covered: C0 controls and DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
 * overrides and isolates (which reorder what a reader sees, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same class, for a test that keeps no state between calls (a global regex's `test` moves its lastIndex). */
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControlCharacters(text: string): string {
  // Most text has none: one test and the text itself, no replace with a callback (the text report escapes every
  // message of thousands of findings).
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROL, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
