import type {
  EnforcementLevel,
  ReportViolation,
  ResourceValidationPolicy,
  Severity,
  StackValidationPolicy,
} from '@pulumi/policy';
import type { Catalog } from '../../catalog/types.js';
import {
  decidedAlone,
  modelFromPulumiResources,
  RESOURCE_DECIDED_RULES,
  type PulumiResource,
} from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { effectiveLevel, type EvaluationResult } from '../../src/engine/evaluate.js';
import { noWaiverTarget, type Finding } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { remediationText, type Rule } from '../../src/rules/define.js';
import { ruleDocsUrl } from '../../src/rules/docs.js';
import { allRules } from '../../src/rules/index.js';
import {
  auditFileOf,
  catalogFromOption,
  catalogSetting,
  lockedCatalogError,
  PACK_CATALOG_FILE,
  PACK_CONFIG_SCHEMA,
  PackConfigError,
  resolveCatalog,
  type PackPolicyConfig,
  type ResolvedCatalog,
} from './config.js';
import type { ConfigureHandler, Level, PolicyConfigEntry } from './configure-guard.js';
import { primaryFramework } from './frameworks.js';
import { fromResourceArgs, fromStackResource } from './stack-model.js';
import { stackRecordsOfRequest } from './stack-once.js';
import { escapeControlCharacters as shown } from '../../src/util/control-characters.js';

export interface EntitlementGuardOptions {
  /**
   * The entitlement catalog, or the path of its YAML/JSON file. Without one: the built-in defaults, unless the stack's
   * policy config names a catalog (the same one for every policy). A pack given a catalog keeps it: stack config may
   * not replace or extend it (see allowStackCatalog).
   */
  catalog?: Catalog | string;
  /** Lets stack config (`catalogPath` / `catalog`) replace the catalog this pack was given. Off by default. */
  allowStackCatalog?: boolean;
  /** The rules to run as policies (default: every rule). */
  rules?: readonly Rule[];
  /** Base for relative catalog paths (default: the working directory, which the Pulumi CLI sets to the pack). */
  baseDir?: string;
  /** Evaluation time, for exception and identity expiry (default: now). */
  now?: () => Date;
}

export type EntitlementGuardPolicy = StackValidationPolicy &
  Partial<Pick<ResourceValidationPolicy, 'validateResource'>>;

/**
 * One Pulumi policy per engine rule, named by the rule id. Each is a stack policy: the stack is evaluated once
 * (all rules, cached per stack and catalog) and each policy reports its rule's findings by URN. Rules with
 * findings a single resource decides (an access key, a service-account key or token) also validate resources, so
 * `pulumi up` stops before the resource exists; their stack policy leaves those findings out.
 */
export function entitlementGuardPolicies(options: EntitlementGuardOptions = {}): EntitlementGuardPolicy[] {
  return entitlementGuardPack(options).policies;
}

/**
 * The policies, and what the pack does with a stack's policy configuration before the SDK applies it (see
 * configure-guard.ts): `createPolicyPack` installs both, so a stack can make levels stricter but not loosen them.
 */
export function entitlementGuardPack(options: EntitlementGuardOptions = {}): {
  policies: EntitlementGuardPolicy[];
  configure: ConfigureHandler;
} {
  const baseDir = options.baseDir ?? process.cwd();
  const packCatalog = catalogFromOption(options.catalog, baseDir);
  const lockedBy = options.catalog !== undefined && !options.allowStackCatalog ? packCatalog.catalog.source : undefined;
  const rules = options.rules ?? allRules;
  const now = options.now ?? (() => new Date());
  const evaluator = new StackEvaluator(rules, now);
  /** Levels the stack chose itself (different from what the pack advertises): they may only make a rule stricter. */
  const stackLevels = new Map<string, Level>();
  const advertised = new Map(rules.map((rule) => [rule.meta.id, effectiveLevel(rule, packCatalog.catalog) as Level]));
  const configure: ConfigureHandler = (entries) => {
    const catalog = stackCatalogOf(entries, rules, packCatalog, baseDir, lockedBy);
    stackLevels.clear();
    const raised = new Map<string, Level>();
    for (const rule of rules) {
      const id = rule.meta.id;
      const entry = entries.get(id);
      if (!entry) continue;
      const orgLevel = effectiveLevel(rule, catalog.catalog) as Level;
      if (entry.level !== advertised.get(id)) stackLevels.set(id, entry.level);
      if (STRICTNESS[entry.level] < STRICTNESS[orgLevel]) raised.set(id, orgLevel);
    }
    return raised;
  };
  const policies = rules.map((rule): EntitlementGuardPolicy => {
    const id = rule.meta.id;
    const catalogFor = (config: PackPolicyConfig) => resolveCatalog(id, config, () => packCatalog, baseDir, lockedBy);
    const policy: EntitlementGuardPolicy = {
      name: id,
      description: rule.meta.title,
      enforcementLevel: advertised.get(id),
      severity: severityOf(rule),
      remediationSteps: remediationText(rule.meta),
      tags: ['entitlement-guard', ...rule.meta.frameworks],
      configSchema: PACK_CONFIG_SCHEMA,
      validateStack: (args, reportViolation) => {
        // The request's records when createPolicyPack read them once for every policy (stack-once.ts).
        const records = stackRecordsOfRequest() ?? args.resources.map(fromStackResource);
        const config = args.getConfig<PackPolicyConfig>();
        const resolved = catalogFor(config);
        const evaluation = evaluator.evaluate(records, resolved);
        const report = () => {
          const decided = evaluation.decidedAlone(id);
          for (const finding of evaluation.findings.get(id) ?? []) {
            if (!decided.has(finding.resource.urn ?? '')) reportFinding(reportViolation, finding, stackLevels.get(id));
          }
        };
        const auditFile = auditFileOf(id, config, baseDir);
        if (auditFile === undefined) {
          report();
          return undefined;
        }
        return evaluator.writeAudit(evaluation, auditFile, resolved).then(report);
      },
    };
    const url = ruleDocsUrl(id);
    if (url !== undefined) policy.url = url;
    const framework = primaryFramework(rule.meta.frameworks);
    if (framework) policy.framework = framework;
    if (Object.hasOwn(RESOURCE_DECIDED_RULES, id)) {
      policy.validateResource = (args, reportViolation) => {
        const record = fromResourceArgs(args);
        if (!decidedAlone(id, record)) return;
        const { catalog } = catalogFor(args.getConfig<PackPolicyConfig>());
        const model = modelFromPulumiResources([record]);
        for (const finding of evaluate(model, { catalog, now: now(), rules: [rule] }).findings) {
          if (finding.resource.urn === args.urn) reportFinding(reportViolation, finding, stackLevels.get(id));
        }
      };
    }
    return policy;
  });
  return { policies, configure };
}

const STRICTNESS: Record<Level, number> = { disabled: 0, advisory: 1, mandatory: 2, remediate: 2 };

/**
 * The catalog a stack's configuration runs the pack on, checked across every policy: none may name one when the pack
 * holds the organisation's; otherwise the policies that name one must all name the same, and then every policy must,
 * since a policy without it would silently run on another catalog.
 */
function stackCatalogOf(
  entries: ReadonlyMap<string, PolicyConfigEntry>,
  rules: readonly Rule[],
  packCatalog: ResolvedCatalog,
  baseDir: string,
  lockedBy: string | undefined,
): ResolvedCatalog {
  const naming = [...entries].flatMap(([policy, entry]) => {
    const setting = catalogSetting(entry.properties);
    return setting === undefined ? [] : [{ policy, entry, setting }];
  });
  const [firstNaming] = naming;
  if (!firstNaming) return packCatalog;
  const { policy: firstPolicy, entry: first, setting: firstSetting } = firstNaming;
  if (lockedBy !== undefined) throw lockedCatalogError(firstPolicy, firstSetting, lockedBy);
  const key = (entry: PolicyConfigEntry) => JSON.stringify([entry.properties.catalogPath, entry.properties.catalog]);
  const other = naming.find(({ entry }) => key(entry) !== key(first));
  if (other) {
    throw new PackConfigError(
      other.policy,
      other.setting,
      `names another catalog than policy "${firstPolicy}"; every policy must name the same catalog`,
    );
  }
  const without = rules
    .map((rule) => rule.meta.id)
    .filter((id) => entries.get(id)?.level !== 'disabled' && !naming.some(({ policy }) => policy === id));
  const [firstWithout] = without;
  if (firstWithout !== undefined) {
    throw new PackConfigError(
      firstWithout,
      firstSetting,
      `not set, while ${naming.length} of ${rules.length} policies name the catalog (${naming.map(({ policy }) => policy).join(', ')}): this policy would run on ` +
        `another catalog. Set ${firstSetting} for every policy, or put the catalog in ${PACK_CATALOG_FILE} beside the pack`,
    );
  }
  return resolveCatalog(firstPolicy, first.properties, () => packCatalog, baseDir);
}

interface StackEvaluation {
  model: Model;
  result: EvaluationResult;
  findings: Map<string, Finding[]>;
  /** The URNs of the resources whose findings of this rule Analyze reports, not the stack policy. */
  decidedAlone(ruleId: string): ReadonlySet<string>;
  /** Audit files written for this evaluation or being written (every policy may name one; each is written once). */
  auditFiles: Map<string, Promise<void>>;
}

/**
 * Evaluates a stack once for all policies: the SDK calls every stack policy with the same resources in turn. In a pack
 * made by createPolicyPack every policy of a request gets the very same records (stack-once.ts); otherwise, and from
 * one request to the next, the records are compared field by field with the last call's.
 */
class StackEvaluator {
  private last?: { catalogKey: string; records: PulumiResource[]; evaluation: StackEvaluation };

  constructor(
    private readonly rules: readonly Rule[],
    private readonly now: () => Date,
  ) {}

  evaluate(records: PulumiResource[], resolved: ResolvedCatalog): StackEvaluation {
    if (!this.last || this.last.catalogKey !== resolved.key || !sameRecords(this.last.records, records)) {
      this.last = { catalogKey: resolved.key, records, evaluation: this.evaluateFresh(records, resolved) };
    }
    return this.last.evaluation;
  }

  /** Writes the audit view of an evaluation to a file, once; the audit code is loaded when a stack first asks for it. */
  writeAudit(evaluation: StackEvaluation, auditFile: string, resolved: ResolvedCatalog): Promise<void> {
    let written = evaluation.auditFiles.get(auditFile);
    if (!written) {
      written = import('../../src/reporters/audit-file.js')
        .then(({ writeAuditFile }) => {
          writeAuditFile(auditFile, evaluation.model, evaluation.result, resolved.catalog, this.now());
        })
        .catch((error: unknown) => {
          evaluation.auditFiles.delete(auditFile); // the next request tries again
          throw error;
        });
      evaluation.auditFiles.set(auditFile, written);
    }
    return written;
  }

  private evaluateFresh(records: PulumiResource[], resolved: ResolvedCatalog): StackEvaluation {
    const model = modelFromPulumiResources(records, { wholeStack: true });
    const result = evaluate(model, { catalog: resolved.catalog, now: this.now(), rules: this.rules });
    const findings = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = findings.get(finding.ruleId);
      if (list) list.push(finding);
      else findings.set(finding.ruleId, [finding]);
    }
    const decided = new Map<string, Set<string>>();
    const decidedAloneFor = (ruleId: string) => {
      let urns = decided.get(ruleId);
      if (!urns) {
        urns = new Set(records.filter((record) => decidedAlone(ruleId, record)).map((record) => record.urn));
        decided.set(ruleId, urns);
      }
      return urns;
    };
    return { model, result, findings, decidedAlone: decidedAloneFor, auditFiles: new Map() };
  }
}

function sameRecords(a: readonly PulumiResource[], b: readonly PulumiResource[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (const [index, x] of a.entries()) {
    const y = b[index];
    if (
      y === undefined ||
      x.type !== y.type ||
      x.name !== y.name ||
      x.urn !== y.urn ||
      !sameValue(x.props, y.props) ||
      !sameValue(x.propertyDependencies, y.propertyDependencies)
    )
      return false;
  }
  return true;
}

/** Plain data (what the SDK deserializes: JSON values, and asset or archive objects) compared by value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** The object form of `reportViolation`, which the SDK honours at run time though its type only shows strings. */
interface Violation {
  message: string;
  urn?: string;
  enforcementLevel?: EnforcementLevel;
}

/**
 * Pending, undecidable and waived findings are advisory whatever the policy's level; a finding the catalog makes mandatory
 * stays mandatory (a stack's config may only make a rule stricter); other findings take the policy's level.
 */
function reportFinding(reportViolation: ReportViolation, finding: Finding, stackLevel: Level | undefined): void {
  const violation: Violation = { message: messageOf(finding) };
  if (finding.resource.urn) violation.urn = finding.resource.urn;
  // The catalog's level, unless the stack chose a stricter one; never the level the pack merely advertised.
  if (finding.pending || finding.undecidable || finding.waivedBy) violation.enforcementLevel = 'advisory';
  else
    violation.enforcementLevel =
      finding.level === 'mandatory' || (stackLevel !== undefined && STRICTNESS[stackLevel] >= STRICTNESS.mandatory)
        ? 'mandatory'
        : 'advisory';
  (reportViolation as unknown as (violation: Violation) => void)(violation);
}

/** Exception ids and waiver targets are the change's text: control characters in them are shown, never written raw. */
function messageOf(finding: Finding): string {
  if (finding.waivedBy) return `${finding.message}\nWaived by catalog exception ${shown(finding.waivedBy)}.`;
  if (finding.pending) return finding.message;
  if (finding.waiverTarget === undefined) return `${finding.message}\nTo waive it: ${noWaiverTarget(finding)}.`;
  return `${finding.message}\nIf this is intended, request a catalog exception for rule ${finding.ruleId}, target ${shown(finding.waiverTarget)}.`;
}

function severityOf(rule: Rule): Severity {
  return rule.meta.level === 'mandatory' ? 'high' : 'medium';
}
