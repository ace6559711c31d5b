import { hash } from 'node:crypto';
import type { EvaluationResult } from '../engine/evaluate.js';
import type { Finding } from '../model/finding.js';
import { remediationText, type Rule } from '../rules/define.js';
import { remediationMarkdown, ruleDocsUrl, REPOSITORY_URL } from '../rules/docs.js';
import { sortFindings } from './json.js';

export interface SarifOptions {
  toolVersion: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Code scanning shows 7.0-8.9 as high and 4.0-6.9 as medium: a mandatory rule blocks, an advisory one warns. */
const SECURITY_SEVERITY: Record<Rule['meta']['level'], string> = { mandatory: '8.0', advisory: '5.0' };

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules with their metadata, one result per finding.
 * Mandatory → error, advisory → warning, advisory and pending (re-checked once the value is known) → note. A waived finding keeps its level and
 * carries an accepted external suppression naming the catalog exception. Fingerprints hash the rule, stack,
 * resource, identity and detail, never the message or a line, so they stay stable across runs and edits.
 */
export function formatSarif(result: EvaluationResult, rules: readonly Rule[], options: SarifOptions): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = toUri(file)));
    return uri;
  };
  const findings = sortFindings(result.findings);
  const log = (results: unknown[]) => ({
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'entitlement-guard',
            version: options.toolVersion,
            ...(REPOSITORY_URL !== undefined ? { informationUri: REPOSITORY_URL } : {}),
            rules: rules.map(ruleDescriptor),
          },
        },
        results,
      },
    ],
  });
  if (findings.length === 0) return `${JSON.stringify(log([]), null, 2)}\n`;
  // The log is stringified around a placeholder result, and the results are written as text where it stands, the way
  // JSON.stringify(log, null, 2) writes them (test/reporters/streamed-equivalence.test.ts holds them to it byte for
  // byte). Objects for 10,000 results held until one stringify survived to the old generation, and each result
  // repeats its rule's remediation and frameworks, which are escaped once here instead of once per result.
  const [head, tail] = JSON.stringify(log([RESULTS_PLACEHOLDER]), null, 2).split(
    `${RESULT_INDENT}${JSON.stringify(RESULTS_PLACEHOLDER)}`,
  ) as [string, string];
  const writer = new ResultWriter(uriOf);
  // Results are joined in batches, which makes each batch one flat string while its pieces are still young, and the
  // batches appended to a rope that is copied once when the report is written: a rope of every piece of every result
  // lived to the end, and the collector moved it twice.
  let text = head;
  for (let start = 0; start < findings.length; start += RESULTS_PER_BATCH) {
    const batch: string[] = [];
    for (let index = start; index < Math.min(start + RESULTS_PER_BATCH, findings.length); index++) {
      batch.push(writer.result(findings[index], ruleIndex.get(findings[index].ruleId)));
    }
    text += start === 0 ? batch.join(',\n') : `,\n${batch.join(',\n')}`;
  }
  return `${text}${tail}\n`;
}

/** Stands for the results in the stringified log; a string no rule's metadata contains. */
const RESULTS_PLACEHOLDER = '\u0000entitlement-guard results\u0000';
/** A result's indentation in the log: root, runs, run, results (two spaces each). */
const RESULT_INDENT = ' '.repeat(8);
const RESULTS_PER_BATCH = 256;

/**
 * One result as JSON.stringify(log, null, 2) writes it at its depth: keys in the order of the SARIF object, optional
 * ones only when set, strings quoted by JSON.stringify. Text repeated across results (a rule's remediation, a
 * framework list, a file's URI) is quoted once.
 */
class ResultWriter {
  private readonly quoted = new Map<string, string>();
  private readonly frameworkLists = new WeakMap<readonly string[], string>();

  constructor(private readonly uriOf: (file: string) => string) {}

  result(finding: Finding, ruleIndex: number | undefined): string {
    const r = finding.resource;
    const i = RESULT_INDENT;
    let text = `${i}{\n${i}  "ruleId": ${this.quote(finding.ruleId)},\n`;
    if (ruleIndex !== undefined) text += `${i}  "ruleIndex": ${JSON.stringify(ruleIndex)},\n`;
    text += `${i}  "level": "${finding.level === 'mandatory' ? 'error' : finding.pending ? 'note' : 'warning'}",\n`;
    text += `${i}  "message": {\n${i}    "text": ${JSON.stringify(finding.message)}\n${i}  },\n`;
    text += `${i}  "locations": [\n${i}    {\n`;
    if (r.file) {
      text += `${i}      "physicalLocation": {\n${i}        "artifactLocation": {\n${i}          "uri": ${this.quote(this.uriOf(r.file))}\n${i}        }`;
      if (r.line) {
        text += `,\n${i}        "region": {\n${i}          "startLine": ${JSON.stringify(r.line)},\n${i}          "startColumn": ${JSON.stringify(r.column ?? 1)}\n${i}        }`;
      }
      text += `\n${i}      },\n`;
    }
    const qualified = r.urn ?? r.path ?? [r.stack, r.name].filter(Boolean).join('/');
    text += `${i}      "logicalLocations": [\n${i}        {\n${i}          "name": ${JSON.stringify(r.name)},\n${i}          "fullyQualifiedName": ${JSON.stringify(qualified)},\n`;
    text += `${i}          "kind": "resource"\n${i}        }\n${i}      ]\n${i}    }\n${i}  ],\n`;
    text += `${i}  "partialFingerprints": {\n${i}    "entitlementGuardFinding/v1": "${fingerprint(finding)}"\n${i}  },\n`;
    if (finding.waivedBy) {
      const justification = JSON.stringify(`waived by catalog exception ${finding.waivedBy}`);
      text += `${i}  "suppressions": [\n${i}    {\n${i}      "kind": "external",\n${i}      "status": "accepted",\n${i}      "justification": ${justification}\n${i}    }\n${i}  ],\n`;
    }
    text += `${i}  "properties": {\n${i}    "resourceType": ${this.quote(r.type)},\n`;
    if (finding.identity) text += `${i}    "identity": ${JSON.stringify(finding.identity)},\n`;
    if (finding.detail) text += `${i}    "detail": ${JSON.stringify(finding.detail)},\n`;
    text += `${i}    "remediation": ${this.quote(finding.remediation)},\n${i}    "frameworks": ${this.frameworks(finding.frameworks)}`;
    if (finding.pending) text += `,\n${i}    "pending": true`;
    return `${text}\n${i}  }\n${i}}`;
  }

  private quote(value: string): string {
    let quoted = this.quoted.get(value);
    if (quoted === undefined) this.quoted.set(value, (quoted = JSON.stringify(value)));
    return quoted;
  }

  private frameworks(list: readonly string[]): string {
    let written = this.frameworkLists.get(list);
    if (written === undefined) {
      const i = `${RESULT_INDENT}      `;
      written =
        list.length === 0
          ? '[]'
          : `[\n${list.map((framework) => `${i}${JSON.stringify(framework)}`).join(',\n')}\n${RESULT_INDENT}    ]`;
      this.frameworkLists.set(list, written);
    }
    return written;
  }
}

function ruleDescriptor(rule: Rule) {
  const { meta } = rule;
  const docs = ruleDocsUrl(meta.id);
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: {
      text: docs === undefined ? remediationText(meta) : `${remediationText(meta)} (${docs})`,
      markdown: `**Why.** ${meta.rationale}\n\n**Fix.**${remediationMarkdown(meta)}${docs === undefined ? '' : `\n\n[Rule documentation](${docs})`}`,
    },
    ...(docs !== undefined ? { helpUri: docs } : {}),
    defaultConfiguration: { level: meta.level === 'mandatory' ? 'error' : 'warning' },
    // GitHub code scanning reads `security` as the category and `security-severity` (0-10) as high / medium.
    properties: {
      tags: ['security', ...meta.frameworks],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.level],
    },
  };
}

function fingerprint(finding: Finding): string {
  const r = finding.resource;
  const key = [
    finding.ruleId,
    r.stack ?? '',
    r.urn ?? r.path ?? r.name,
    finding.identity ?? '',
    finding.detail ?? '',
  ].join('\u0000');
  return hash('sha256', key, 'hex').slice(0, 32);
}

/** SARIF wants URIs: relative paths with forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
