/**
 * The CDK-side front-ends' verdicts read back from what they print, as `rule | identity | level | resource` (the unit of
 * parity between front-ends): the aspect's annotations, the nag pack's and the validation plugin's reports, and the
 * waiver targets the CDK and Pulumi messages name. Shared by the per-rule parity test (test/parity) and the corpora
 * checked through every front-end (test/corpus/cdk-nag-fixtures.test.ts).
 */
import type { IPolicyValidationPlugin, PolicyValidationPluginReport, Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { expect } from 'vitest';
import { NO_RESOURCE_WAIVER_TARGET, NO_WAIVER_TARGET } from '../../src/model/finding.js';

/** `rule | identity | level | granting resource`; identity `-` when the finding names none, resource `(catalog)` for a catalog finding. */
export type Verdict = string;

export const formatVerdict = (rule: string, identity: string, level: string, resource: string): Verdict =>
  [rule, identity, level, resource].join(' | ');

/** The resource type of a finding about the catalog itself (an exception): its verdicts name `(catalog)`. */
export const CATALOG_EXCEPTION = 'entitlement-guard:catalog/exception';

/**
 * Rules whose findings concern no identity (a catalog exception, content the check cannot see): their waiver target,
 * where there is one, is the resource's own construct path or URN, which a plain template or a plan does not have.
 */
const NO_IDENTITY_RULES = new Set(['exception-expiry', 'no-unseen-content']);

/** The identity a waiver target names: its last name segment (construct path, URN, ARN), or `-` when nothing binds. */
export function identityOf(target: string | undefined, ruleId: string): string {
  if (target === undefined || NO_IDENTITY_RULES.has(ruleId)) return '-';
  if (target.startsWith('urn:pulumi:')) return target.slice(target.lastIndexOf('::') + 2);
  return target
    .replace(/^path:/, '')
    .split('/')
    .pop()!;
}

/** The target a CDK message or Pulumi diagnostic names (see describeFinding, policypack messageOf). */
export function targetInMessage(message: string): string | undefined {
  if (message.includes(NO_WAIVER_TARGET) || message.includes(NO_RESOURCE_WAIVER_TARGET)) return undefined;
  const match =
    /\(rule: \S+, target: (.+?)\); a CDK acknowledgement/.exec(message) ??
    /request a catalog exception for rule \S+, target (.+)\.$/m.exec(message);
  if (!match) throw new Error(`no waiver target in: ${message}`);
  return match[1];
}

/** The resource a CDK message names (`  resource: <path> (<type> <name>) <detail>`), `(catalog)` for a catalog exception. */
export function resourceInMessage(message: string): string {
  const line = /\n {2}resource: \S+ \((.+?) ([^ ()]+)\)(?: |$)/m.exec(message);
  if (!line) throw new Error(`no resource in: ${message}`);
  return line[1] === CATALOG_EXCEPTION ? '(catalog)' : line[2]!;
}

/** A plugin that keeps the reports the CDK asks it for. */
export function recording<T extends IPolicyValidationPlugin>(plugin: T, reports: PolicyValidationPluginReport[]): T {
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => {
    const report = validate(context);
    reports.push(report);
    return report;
  };
  return plugin;
}

/** The aspect's annotations in a stage: an error for what blocks, a warning for the advisory, info for the waived. */
export function aspectVerdicts(stage: Stage): Verdict[] {
  const found: Verdict[] = [];
  const visit = (construct: IConstruct) => {
    for (const entry of construct.node.metadata) {
      const text = String(entry.data);
      if (!text.startsWith('[EntitlementGuard] ')) continue;
      const [, ruleId, level] = /^\[EntitlementGuard\] (\S+) \(([^)]+)\)/.exec(text)!;
      expect(entry.type).toBe(
        level === 'mandatory' ? 'aws:cdk:error' : level === 'advisory' ? 'aws:cdk:warning' : 'aws:cdk:info',
      );
      found.push(formatVerdict(ruleId!, identityOf(targetInMessage(text), ruleId!), level!, resourceInMessage(text)));
    }
    construct.node.children.forEach(visit);
  };
  visit(stage);
  return found;
}

/**
 * The nag pack's report: one violation per finding, its rule `EntitlementGuard-<rule id>`, error for what blocks and
 * warning for the advisory; the resource the finding is about from its message (a finding about no L1 resource is
 * reported on the stack's first one).
 */
export function nagVerdicts(report: PolicyValidationPluginReport): Verdict[] {
  return report.violations.map((violation) => {
    expect(violation.violatingResources).toHaveLength(1);
    const ruleId = /^EntitlementGuard-([a-z-]+)/.exec(violation.ruleName)![1]!;
    const level =
      violation.severity === 'error'
        ? 'mandatory'
        : violation.severity === 'warning'
          ? 'advisory'
          : `unexpected ${violation.severity}`;
    return formatVerdict(
      ruleId,
      identityOf(targetInMessage(violation.description), ruleId),
      level,
      resourceInMessage(violation.description),
    );
  });
}

/** The validation plugin's report: only what blocks, each an error on the resource's logical id. */
export function pluginVerdicts(report: PolicyValidationPluginReport): Verdict[] {
  return report.violations.map((violation) => {
    expect(violation.severity).toBe('error');
    return formatVerdict(
      violation.ruleName,
      identityOf(targetInMessage(violation.description), violation.ruleName),
      'mandatory',
      violation.violatingResources[0]!.resourceLogicalId!,
    );
  });
}
