import { hash } from 'node:crypto';
import type { EvaluationResult } from '../engine/evaluate.js';
import { sortFindings, type Finding } from '../model/finding.js';
import { remediationText, type Rule } from '../rules/define.js';
import { remediationMarkdown, ruleDocsUrl, REPOSITORY_URL } from '../rules/docs.js';

export interface SarifOptions {
  toolVersion: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Code scanning shows 7.0-8.9 as high and 4.0-6.9 as medium: a mandatory rule blocks, an advisory one warns. */
const SECURITY_SEVERITY: Record<Rule['meta']['level'], string> = { mandatory: '8.0', advisory: '5.0' };

/**
 * SARIF 2.1.0 for code-scanning tools: one run, the rules with their metadata, one result per finding.
 *
 * What is the same for every finding of a rule is written once, in the rule (`tool.driver.rules[]`): the rationale as
 * `fullDescription`, the fix for every cloud as `help` (text and Markdown, each cloud labelled), the framework mappings
 * as `properties.tags`. A finding's fix is its rule's fix for its cloud (`remediationFor`), never finding-specific, so a
 * result carries only what is its own: the message (what, on which value, what to write instead), the location, the
 * resource type, identity and granular detail, the fingerprint, and a suppression when a catalog exception waives it.
 * Code scanning shows the rule's help beside every alert of the rule.
 *
 * The log is written without indentation: it is read by code scanning and other tools, not by people, and at 10,000
 * findings indentation alone was a third of the bytes (bench/report-formats.mjs).
 *
 * Mandatory → error, advisory → warning, advisory and pending (re-checked once the value is known) → note. A waived
 * finding keeps its level and carries an accepted external suppression naming the catalog exception. Fingerprints hash
 * the rule, stack, resource, identity and detail, never the message or a line, so they stay stable across runs and edits.
 */
export function formatSarif(result: EvaluationResult, rules: readonly Rule[], options: SarifOptions): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = toUri(file)));
    return uri;
  };
  const log = {
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
        results: sortFindings(result.findings).map((finding) =>
          resultOf(finding, ruleIndex.get(finding.ruleId), uriOf),
        ),
      },
    ],
  };
  return `${JSON.stringify(log)}\n`;
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

/** `uriOf` converts each file once: thousands of findings name the same few. */
function resultOf(finding: Finding, ruleIndex: number | undefined, uriOf: (file: string) => string) {
  const r = finding.resource;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: finding.level === 'mandatory' ? 'error' : finding.pending ? 'note' : 'warning',
    message: { text: finding.message },
    locations: [
      {
        ...(r.file
          ? {
              physicalLocation: {
                artifactLocation: { uri: uriOf(r.file) },
                ...(r.line ? { region: { startLine: r.line, startColumn: r.column ?? 1 } } : {}),
              },
            }
          : {}),
        logicalLocations: [
          {
            name: r.name,
            fullyQualifiedName: r.urn ?? r.path ?? [r.stack, r.name].filter(Boolean).join('/'),
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { 'entitlementGuardFinding/v1': fingerprint(finding) },
    ...(finding.waivedBy
      ? {
          suppressions: [
            { kind: 'external', status: 'accepted', justification: `waived by catalog exception ${finding.waivedBy}` },
          ],
        }
      : {}),
    properties: {
      resourceType: r.type,
      ...(finding.identity ? { identity: finding.identity } : {}),
      ...(finding.detail ? { detail: finding.detail } : {}),
      ...(finding.pending ? { pending: true } : {}),
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
