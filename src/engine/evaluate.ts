import type { Catalog, CatalogException, RuleLevel } from '../../catalog/types.js';
import type { Identity, Model, Secret } from '../model/model.js';
import type { Report, Rule, RuleContext } from '../rules/define.js';
import { globMatch } from '../util/glob.js';
import { isBlocking, type Finding, type FindingLevel } from './finding.js';
import { profileOf, type IdentityProfile } from './profile.js';

export interface EvaluateOptions {
  catalog: Catalog;
  /** Evaluation time (exception and identity expiry). Defaults to now. */
  now?: Date;
  /** Stack-level enforcement: may only make a rule stricter than the catalog sets it. */
  stackLevels?: Record<string, RuleLevel>;
  /**
   * What a value that cannot be read yet means. `verify-later` (default): advisory "cannot be verified until
   * apply", for front-ends that check again once it is known (Pulumi runs policies at preview and at update).
   * `fail-closed`: the rule's own level, for gates nothing re-checks before deployment (a template, `cdk synth`).
   */
  pending?: 'verify-later' | 'fail-closed';
  /** Called before each rule runs (1-based index), so a terminal can show progress on long runs. */
  onRule?: (ruleId: string, index: number, total: number) => void;
}

export interface Summary {
  total: number;
  blocking: number;
  mandatory: number;
  advisory: number;
  waived: number;
  pending: number;
  identities: number;
  secrets: number;
  byRule: Record<string, number>;
}

export interface EvaluationResult {
  findings: Finding[];
  summary: Summary;
}

const STRICTNESS: Record<RuleLevel, number> = { disabled: 0, advisory: 1, mandatory: 2 };

/** The level a rule runs at: rule default, then the catalog (org-wide), then the stack (stricter only). */
export function effectiveLevel(rule: Rule, catalog: Catalog, stackLevels: Record<string, RuleLevel> = {}): RuleLevel {
  const orgLevel = catalog.rules[rule.meta.id] ?? rule.meta.level;
  const stackLevel = stackLevels[rule.meta.id];
  return stackLevel && STRICTNESS[stackLevel] > STRICTNESS[orgLevel] ? stackLevel : orgLevel;
}

/** Runs the given rules (evaluate() with the full registry is in `src/engine/check.ts`). */
export function runRules(model: Model, rules: readonly Rule[], options: EvaluateOptions): EvaluationResult {
  const { catalog } = options;
  const now = options.now ?? new Date();
  const profiles = new Map<Identity | Secret, IdentityProfile>();
  const profile = (subject: Identity | Secret): IdentityProfile => {
    let found = profiles.get(subject);
    if (!found) profiles.set(subject, (found = profileOf(catalog, subject)));
    return found;
  };
  const memos = new WeakMap<object, Map<string, unknown>>();
  const memo = <T>(subject: object, key: string, compute: () => T): T => {
    let facts = memos.get(subject);
    if (!facts) memos.set(subject, (facts = new Map()));
    if (!facts.has(key)) facts.set(key, compute());
    return facts.get(key) as T;
  };
  const findings: Finding[] = [];
  for (const [index, rule] of rules.entries()) {
    options.onRule?.(rule.meta.id, index + 1, rules.length);
    const level = effectiveLevel(rule, catalog, options.stackLevels);
    if (level === 'disabled') continue;
    const ctx: RuleContext = {
      model,
      catalog,
      now,
      profile,
      memo,
      report: (report) => findings.push(toFinding(rule, report.pending && options.pending !== 'fail-closed' ? 'advisory' : level, report, catalog, now)),
    };
    rule.check(ctx);
  }
  const unique = dedupeAndSort(findings);
  return { findings: unique, summary: summarize(unique, model) };
}

function toFinding(rule: Rule, level: FindingLevel, report: Report, catalog: Catalog, now: Date): Finding {
  const identityName = report.identity?.name;
  const finding: Finding = {
    ruleId: rule.meta.id,
    level,
    resource: report.resource,
    ...(report.identity ? { identity: report.identity.id } : {}),
    ...(report.detail ? { detail: report.detail } : {}),
    message: formatMessage(rule.meta.messages[report.messageId], report.data),
    remediation: rule.meta.remediation,
    frameworks: [...rule.meta.frameworks],
    ...(report.pending ? { pending: true } : {}),
  };
  const waiver = findWaiver(catalog, rule.meta.id, [identityName, report.identity?.resource.name, report.resource.name], now);
  if (waiver) finding.waivedBy = waiver.id;
  return finding;
}

export function formatMessage(template: string | undefined, data: Record<string, string | number> = {}): string {
  if (template === undefined) throw new Error('rule reported an unknown messageId');
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in data ? String(data[key]) : `{{${key}}}`));
}

/** An exception waives a finding only while it is valid: not expired, owned by a known owner, approved. */
export function isExceptionValid(exception: CatalogException, catalog: Catalog, now: Date): boolean {
  return (
    !isPastDate(exception.expires, now) &&
    catalog.owners.some((owner) => owner.id === exception.owner) &&
    exception.approvedBy.trim() !== ''
  );
}

/** A date-only expiry (YYYY-MM-DD) is valid through the end of that day, UTC. */
export function isPastDate(date: string, now: Date): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
  return Number.isNaN(end) || end < now.getTime();
}

function findWaiver(catalog: Catalog, ruleId: string, names: (string | undefined)[], now: Date): CatalogException | undefined {
  return catalog.exceptions.find(
    (exception) =>
      exception.rule === ruleId &&
      names.some((name) => name !== undefined && globMatch(exception.target, name)) &&
      isExceptionValid(exception, catalog, now),
  );
}

function findingKey(finding: Finding): string {
  const r = finding.resource;
  return [finding.ruleId, r.stack ?? '', r.file ?? '', r.urn ?? r.name, finding.identity ?? '', finding.detail ?? '', finding.message].join('\u0000');
}

/** The first finding of each key, in key order (each key computed once: thousands of findings on large apps). */
function dedupeAndSort(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    const key = findingKey(finding);
    if (!byKey.has(key)) byKey.set(key, finding);
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, finding]) => finding);
}

/** The counts of an evaluation: also used by front-ends that pool several evaluations into one (the CDK app audit). */
export function summarize(findings: Finding[], model: Model): Summary {
  const byRule: Record<string, number> = {};
  for (const finding of findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return {
    total: findings.length,
    blocking: findings.filter(isBlocking).length,
    mandatory: findings.filter((f) => f.level === 'mandatory').length,
    advisory: findings.filter((f) => f.level === 'advisory').length,
    waived: findings.filter((f) => f.waivedBy).length,
    pending: findings.filter((f) => f.pending).length,
    identities: model.identities.length,
    secrets: model.secrets.length,
    byRule,
  };
}
