import type { Catalog, CatalogException, RuleLevel } from '../../catalog/types.js';
import type { Cloud, Identity, Model, Secret } from '../model/model.js';
import { remediationFor, type Report, type Rule, type RuleContext } from '../rules/define.js';
import { isExceptionValid, isTooBroad } from '../../catalog/exception-scope.js';
import { isBlocking, type Finding, type FindingLevel } from '../model/finding.js';
import { bindingOf, profileSharing, type IdentityProfile, type SubjectProfile } from '../../catalog/profile.js';
import {
  detailAt,
  resourceBinding,
  subjectNames,
  suggestedTarget,
  targetMatches,
  type Binding,
  type SubjectName,
} from '../../catalog/waivers.js';
import { escapeControlCharacters } from '../util/control-characters.js';

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

/** Runs the given rules (evaluate() with the full registry is in `src/engine/index.ts`). */
export function runRules(model: Model, rules: readonly Rule[], options: EvaluateOptions): EvaluationResult {
  const { catalog } = options;
  const now = options.now ?? new Date();
  // Each subject's catalog match and profile, worked out once for its profile and its binding; subjects that match
  // the same record with the same facts share one (profileSharing), so only the entry is kept per subject.
  const sharedProfile = profileSharing(catalog);
  const profiles = new Map<Identity | Secret, SubjectProfile>();
  // A subject's names, as its catalog match reads them, kept for its binding: without account ids of the model they
  // are the binding's names too (bindingOf), so they are worked out once per subject, not once for each.
  const names = model.accountIds?.length ? undefined : new Map<Identity | Secret, readonly SubjectName[]>();
  const namesOf = (subject: Identity | Secret): readonly SubjectName[] | undefined => {
    if (!names) return undefined;
    let found = names.get(subject);
    if (!found) names.set(subject, (found = subjectNames(subject)));
    return found;
  };
  const profileEntry = (subject: Identity | Secret): SubjectProfile => {
    let found = profiles.get(subject);
    if (!found) profiles.set(subject, (found = sharedProfile(subject, namesOf(subject))));
    return found;
  };
  const profile = (subject: Identity | Secret): IdentityProfile => profileEntry(subject).profile;
  // One WeakMap per fact rather than a Map per subject: rules ask about thousands of identities, few facts each.
  const memos = new Map<string, WeakMap<object, unknown>>();
  const memo = <T>(subject: object, key: string, compute: () => T): T => {
    let facts = memos.get(key);
    if (!facts) memos.set(key, (facts = new WeakMap()));
    let value = facts.get(subject) as T | undefined;
    if (value === undefined && !facts.has(subject)) facts.set(subject, (value = compute()));
    return value as T;
  };
  // What an exception's target may name, per finding subject: computed once per subject, whichever rules report it.
  const bindings = new Map<Identity | Secret, Binding>();
  const bindingFor = (report: Report): Binding => {
    const subject = report.identity;
    if (!subject) return resourceBinding(report.resource);
    let binding = bindings.get(subject);
    if (!binding)
      bindings.set(subject, (binding = bindingOf(subject, catalog, model, profileEntry(subject), namesOf(subject))));
    return binding;
  };
  const findings: Finding[] = [];
  const finishing: { rule: Rule; ctx: RuleContext }[] = [];
  const ran = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    options.onRule?.(rule.meta.id, index + 1, rules.length);
    const level = effectiveLevel(rule, catalog, options.stackLevels);
    if (level === 'disabled') continue;
    const shared = sharedFacts(rule, catalog, now, model);
    const ctx: RuleContext = {
      model,
      catalog,
      now,
      profile,
      memo,
      report: (report) =>
        findings.push(
          toFinding(
            rule,
            report.undecidable || report.advisory || (report.pending && options.pending !== 'fail-closed')
              ? 'advisory'
              : level,
            report,
            shared,
            bindingFor(report),
          ),
        ),
    };
    rule.check(ctx);
    ran.add(rule.meta.id);
    if (rule.finish) finishing.push({ rule, ctx });
  }
  for (const { rule, ctx } of finishing) rule.finish?.(ctx, findings, ran);
  const unique = dedupeAndSort(findings);
  const result = { findings: unique, summary: summarize(unique, model) };
  evaluationProfiles.set(result, { catalog, profile });
  return result;
}

/** Each evaluation's profile lookup, by its result: the audit of that evaluation reads the profiles the rules read. */
const evaluationProfiles = new WeakMap<
  EvaluationResult,
  { catalog: Catalog; profile: (subject: Identity | Secret) => IdentityProfile }
>();

/**
 * The catalog profile lookup the evaluation that gave `result` used (each subject's profile worked out once, and the
 * same for every subject the rules asked about), when it was judged against `catalog`; else undefined.
 */
export function profilesOfEvaluation(
  result: EvaluationResult,
  catalog: Catalog,
): ((subject: Identity | Secret) => IdentityProfile) | undefined {
  const used = evaluationProfiles.get(result);
  return used?.catalog === catalog ? used.profile : undefined;
}

/** What every finding of one rule in one evaluation shares, worked out once instead of per finding. */
interface RuleFacts {
  /** One frozen copy for all the rule's findings (the rule's own list stays out of reach). */
  frameworks: readonly string[];
  /** The catalog exceptions for this rule that are valid now, in catalog order. */
  waivers: CatalogException[];
}

function sharedFacts(rule: Rule, catalog: Catalog, now: Date, model: Model): RuleFacts {
  return {
    frameworks: Object.freeze([...rule.meta.frameworks]),
    // An exception whose target matches more of the change than the exception policy allows waives nothing here.
    waivers: catalog.exceptions.filter(
      (exception) =>
        exception.rule === rule.meta.id &&
        isExceptionValid(exception, catalog, now) &&
        !isTooBroad(exception, model, catalog),
    ),
  };
}

/** Properties are set in a fixed order (optional ones included in place): JSON output depends on it. */
function toFinding(rule: Rule, level: FindingLevel, report: Report, shared: RuleFacts, binding: Binding): Finding {
  const finding: Finding = { ruleId: rule.meta.id, level, resource: report.resource } as Finding;
  if (report.identity) finding.identity = report.identity.id;
  if (report.detail) finding.detail = report.detail;
  finding.message = formatMessage(rule.meta.messages[report.messageId], report.data);
  finding.remediation = remediationFor(rule.meta, report.identity?.cloud ?? cloudOfType(report.resource.type));
  finding.frameworks = shared.frameworks;
  if (report.pending) finding.pending = true;
  if (report.undecidable) finding.undecidable = true;
  // Matched against the subject's binding names only, never the reported resource's own name (waivers.ts).
  const waiver = shared.waivers.length > 0 ? firstWaiver(shared, binding, finding) : undefined;
  if (waiver) finding.waivedBy = waiver.id;
  const target = suggestedTarget(binding);
  if (target !== undefined) finding.waiverTarget = target;
  return finding;
}

/**
 * The first valid exception (in catalog order) whose target names the subject and whose details, if any, include the
 * finding's. Targets without a wildcard are looked up by name: a catalog with thousands of exceptions is not scanned
 * once per finding.
 */
function firstWaiver(
  shared: RuleFacts,
  binding: Binding,
  finding: Pick<Finding, 'detail' | 'resource'>,
): CatalogException | undefined {
  const detail = finding.detail;
  let index = waiverIndexes.get(shared.waivers);
  if (!index) waiverIndexes.set(shared.waivers, (index = indexWaivers(shared.waivers)));
  let best: { position: number; exception: CatalogException } | undefined;
  const consider = (position: number, exception: CatalogException) => {
    if ((!best || position < best.position) && detailsMatch(exception, detail, finding)) best = { position, exception };
  };
  for (const name of binding.names)
    for (const entry of index.exact.get(name) ?? []) consider(entry.position, entry.exception);
  for (const entry of index.patterns)
    if ((!best || entry.position < best.position) && targetMatches(entry.exception.target, binding))
      consider(entry.position, entry.exception);
  return best?.exception;
}

interface WaiverIndex {
  exact: Map<string, { position: number; exception: CatalogException }[]>;
  patterns: { position: number; exception: CatalogException }[];
}

const waiverIndexes = new WeakMap<readonly CatalogException[], WaiverIndex>();

function indexWaivers(waivers: readonly CatalogException[]): WaiverIndex {
  const index: WaiverIndex = { exact: new Map(), patterns: [] };
  waivers.forEach((exception, position) => {
    if (/[*?]/.test(exception.target)) index.patterns.push({ position, exception });
    else {
      const list = index.exact.get(exception.target);
      if (list) list.push({ position, exception });
      else index.exact.set(exception.target, [{ position, exception }]);
    }
  });
  return index;
}

/**
 * An exception that lists details waives only findings with exactly one of them, compared as text (`Action::s3:*` is
 * the finding's key, not a pattern): a new wildcard on the same role is a new finding. A detail may also say where
 * the finding points (`Credential::aws-access-key at path:App/LegacyUser/Key`, see detailAt): then only that
 * resource's finding, so a second key on the same user is a new finding.
 */
function detailsMatch(
  exception: CatalogException,
  detail: string | undefined,
  finding: Pick<Finding, 'detail' | 'resource'>,
): boolean {
  const details = exception.details;
  if (details === undefined) return true;
  if (detail === undefined) return false;
  if (details.includes(detail)) return true;
  const at = detailAt(finding);
  return at !== undefined && details.includes(at);
}

/** The cloud of a finding that names no identity or secret, by its resource type's provider prefix. */
function cloudOfType(type: string): Cloud | undefined {
  if (/^(AWS::|aws[:_-])/.test(type)) return 'aws';
  if (/^(azure|azuread|azurerm)[:_-]/.test(type)) return 'azure';
  if (/^(gcp:|google_)/.test(type)) return 'gcp';
  if (/^kubernetes[:_]/.test(type)) return 'kubernetes';
  return undefined;
}

/** Message templates split once into text and placeholder names, alternating: thousands of findings share a few templates. */
const compiledTemplates = new Map<string, readonly string[]>();

export function formatMessage(template: string | undefined, data: Record<string, string | number> = {}): string {
  if (template === undefined) throw new Error('rule reported an unknown messageId');
  let parts = compiledTemplates.get(template);
  if (!parts) compiledTemplates.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  // Text and placeholder names alternate, text first and last.
  // Indexed (even indexes text, odd ones placeholder names): for…of allocated an iterator and a result object per part
  // for every finding until V8 optimized this.
  let message = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    // Values come from the change (names, tags, policy values): their control characters are shown, never written raw,
    // and a value longer than any name or pattern a person writes is cut, so a change cannot bloat every report.
    if (index % 2 === 0) message += part;
    else message += Object.hasOwn(data, part) ? escapeControlCharacters(shortened(String(data[part]))) : `{{${part}}}`;
  }
  return message;
}

/** The longest value a message quotes whole; longer ones keep their start and say how much was left out. */
export const MAX_QUOTED_CHARACTERS = 1000;

function shortened(value: string): string {
  if (value.length <= MAX_QUOTED_CHARACTERS) return value;
  const kept = MAX_QUOTED_CHARACTERS / 2;
  return `${value.slice(0, kept)}… (${value.length - kept} more characters)`;
}

/** Fields joined by NUL, concatenated rather than joined through an array (cheaper for thousands of findings). */
function findingKey(finding: Finding): string {
  const r = finding.resource;
  const SEP = '\u0000';
  return (
    finding.ruleId +
    SEP +
    (r.stack ?? '') +
    SEP +
    (r.file ?? '') +
    SEP +
    (r.urn ?? r.name) +
    SEP +
    (finding.identity ?? '') +
    SEP +
    (finding.detail ?? '') +
    SEP +
    finding.message
  );
}

/**
 * The first finding of each key, in key order. Keys are computed once each and sorted with a stable sort, so the
 * first of equal keys is the first reported; neighbours then drop duplicates (cheaper than hashing thousands of
 * long keys into a Map on a cold run).
 */
function dedupeAndSort(findings: Finding[]): Finding[] {
  const keyed = findings.map((finding) => ({ key: findingKey(finding), finding }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key === b.key ? 0 : 1));
  return keyed.filter((entry, index) => entry.key !== keyed[index - 1]?.key).map((entry) => entry.finding);
}

/** The counts of an evaluation: also used by front-ends that pool several evaluations into one (the CDK app audit). */
export function summarize(findings: Finding[], model: Model): Summary {
  const summary: Summary = {
    total: findings.length,
    blocking: 0,
    mandatory: 0,
    advisory: 0,
    waived: 0,
    pending: 0,
    identities: model.identities.length,
    secrets: model.secrets.length,
    byRule: {},
  };
  for (const finding of findings) {
    summary.byRule[finding.ruleId] = (summary.byRule[finding.ruleId] ?? 0) + 1;
    if (isBlocking(finding)) summary.blocking++;
    if (finding.level === 'mandatory') summary.mandatory++;
    if (finding.level === 'advisory') summary.advisory++;
    if (finding.waivedBy) summary.waived++;
    if (finding.pending) summary.pending++;
  }
  return summary;
}
