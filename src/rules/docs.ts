import { packageManifest } from '../util/package-data.js';
import { remediationText, type Rule, type RuleMeta } from './define.js';
import { FRAMEWORKS } from './frameworks.js';

/** Where a rule's documentation lives; reporters (SARIF helpUri, Pulumi policy url) link here. */
export const RULES_DOC_PATH = 'docs/rules.md';

/**
 * The repository, from `repository` in package.json, when the organisation that publishes the package names one:
 * rule links in SARIF (helpUri) and the Pulumi pack (policy url) point at docs/rules.md there. This repository names
 * none (it has no public home), so it writes no link rather than one that does not resolve: the rule's documentation
 * travels with every finding instead (SARIF `help`, the pack's remediation steps) and ships in the package as docs/rules.md.
 */
export const REPOSITORY_URL = repositoryUrl();

function repositoryUrl(): string | undefined {
  const { repository } = packageManifest();
  const url = typeof repository === 'string' ? repository : repository?.url;
  return url ? url.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

/** The rule's section of docs/rules.md in the repository package.json names; undefined when it names none. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  return REPOSITORY_URL === undefined ? undefined : `${REPOSITORY_URL}/blob/main/${RULES_DOC_PATH}#${ruleId}`;
}

/** The rules reference, generated from rule metadata only (`npm run docs`); a test keeps the file in step. */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from rule metadata by `npm run docs`. Do not edit by hand. -->',
    '',
    '| rule | default level | title |',
    '|---|---|---|',
    ...rules.map((rule) => `| [${rule.meta.id}](#${rule.meta.id}) | ${rule.meta.level} | ${rule.meta.title} |`),
    '',
  ];
  for (const rule of rules) {
    const { meta } = rule;
    lines.push(
      `## ${meta.id}`,
      '',
      `**${meta.title}** — default level: \`${meta.level}\``,
      '',
      `**Why.** ${meta.rationale}`,
      '',
      `**Fix.**${remediationMarkdown(meta)}`,
      '',
      '**Frameworks.**',
      '',
      ...meta.frameworks.map(
        (id) => `- [${id}](${FRAMEWORKS[id]?.source ?? ''}): ${FRAMEWORKS[id]?.title ?? 'unknown control'}`,
      ),
      '',
      '**Messages.**',
      '',
      ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text.replace(/\|/g, '\\|')}`),
      '',
    );
  }
  return lines.join('\n');
}

/** What follows `**Fix.**`: the one fix after a space, or a list with a line per cloud the rule has its own fix for. */
export function remediationMarkdown(meta: Pick<RuleMeta, 'remediation'>): string {
  if (typeof meta.remediation === 'string') return ` ${meta.remediation}`;
  return `\n\n${remediationText(meta)
    .split(/ (?=(?:AWS|Azure|Google Cloud|Kubernetes): )/)
    .map((line) => `- ${line.replace(/^([^:]+):/, '**$1**:')}`)
    .join('\n')}`;
}
