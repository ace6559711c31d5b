import {
  Annotations,
  type CfnResource,
  type Stack,
  type IPolicyValidationContext,
  type PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { isBlocking, type Finding } from '../src/model/finding.js';
import { ruleById } from '../src/rules/index.js';
import { acknowledgementsOn, describeUnapprovedWaiver, unapprovedWaivers } from './acknowledgements.js';
import { stackAt, topLevelStackOf } from './construct-tree.js';
import { resolveOptionsOrUnreadable, type GuardOptions, type ResolvedGuardOptions } from './options.js';
import {
  isUnreadable,
  unreadableCatalogMessage,
  unreadableCatalogViolation,
  type UnreadableCatalog,
} from './unreadable-catalog.js';
import { stackTemplates } from './stack-templates.js';
import { describeFinding, evaluateTemplates } from './verdict.js';
import { handedContext, type HandedStack } from './validation-context.js';

export interface EntitlementGuardChecksProps extends NagPackProps, GuardOptions {}

/** The rule-id prefix of the pack: findings read `EntitlementGuard-no-wildcard-privilege[Action::s3:*]`. */
export const NAG_PACK_PREFIX = 'EntitlementGuard';

/**
 * A cdk-nag 3 pack: `Validations.of(app).addPlugins(new EntitlementGuardChecks(app, { catalog }))` puts the
 * engine's findings in the same report as AwsSolutionsChecks. cdk-nag calls `checkResource` per L1 resource;
 * each top-level stack is evaluated once per run and its findings are handed out by construct path.
 *
 * cdk-nag drops acknowledged findings before the CDK sees them. An acknowledgement that no catalog exception
 * backs is reported as `EntitlementGuard-unapproved-waiver[<rule>]`, at the finding's level.
 */
export class EntitlementGuardChecks extends NagPack {
  readonly name = 'EntitlementGuardChecks';
  private readonly options: ResolvedGuardOptions | UnreadableCatalog;
  private findingsByPath = new Map<string, Finding[]>();
  private evaluatedStacks = new Set<IConstruct>();
  /** The full message and fix of each violation cdk-nag records, by construct path and nag rule id (`EntitlementGuard-<rule>[<detail>]`). */
  private messages = new Map<string, { description: string; fix: string }>();
  /** Written template per stack construct path, during a `validate` call. */
  private synthesizedTemplates = new Map<string, string>();

  constructor(scope?: IConstruct, props: EntitlementGuardChecksProps = {}) {
    super(scope, props);
    this.packName = NAG_PACK_PREFIX;
    this.options = resolveOptionsOrUnreadable(props, new.target);
  }

  /**
   * The CDK hands a plugin the stacks of the Stage it was added to; cdk-nag walks the whole app from the root. Only
   * the stacks handed over are checked, as the validation plugin and the aspect do: a pack on one Stage does not judge
   * another Stage's stacks (with its own catalog).
   */
  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    if (isUnreadable(this.options))
      return { success: false, violations: [unreadableCatalogViolation(this.options, context)] };
    const handed = handedContext(context);
    const templates = handed.stackTemplates ?? [];
    this.synthesizedTemplates = new Map();
    for (const { stackConstructPath, templatePath } of templates)
      if (stackConstructPath !== undefined) this.synthesizedTemplates.set(stackConstructPath, templatePath);
    try {
      const stacks = topLevelStacksOf(templates, handed.appConstruct);
      if (!stacks) return super.validate(context);
      const reports = stacks.map((stack) => this.validateScope(stack));
      return {
        success: reports.every((report) => report.success),
        violations: reports.flatMap((report) => report.violations),
      };
    } finally {
      this.synthesizedTemplates = new Map();
    }
  }

  /**
   * cdk-nag records one violation per nag rule id, with the description of its first resource, for every resource
   * it applies to. Each finding is split out on its own, with its own full message (what, where, why, the exception
   * to request) and its cloud's fix in the report's `fix` field.
   *
   * The report fails on a violation at error level, one that blocks, and passes warnings. cdk-nag 3 fails any
   * report with a violation, warnings included, so an advisory finding alone would stop `cdk synth` here while the
   * aspect, the validation plugin, the CLI and the Pulumi pack all pass it. The CDK's own reading of a report once
   * rules are acknowledged is the same as this one: it fails while an error is left.
   */
  override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.findingsByPath = new Map();
    this.evaluatedStacks = new Set();
    this.messages = new Map();
    const report = super.validateScope(scope);
    const violations = report.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => {
        const message = this.messages.get(messageKey(resource.constructPath ?? '', violation.ruleName));
        return {
          ...violation,
          ...(message ? { description: message.description, fix: message.fix } : {}),
          violatingResources: [resource],
        };
      }),
    );
    // Anything but a warning fails, so a severity this code does not know of fails closed.
    return { ...report, success: violations.every((violation) => violation.severity === 'warning'), violations };
  }

  protected checkResource(node: CfnResource): void {
    this.evaluateStackOf(node);
    const findings = (this.findingsByPath.get(node.node.path) ?? []).filter((finding) => !finding.waivedBy);
    for (const group of groupFindings(findings)) this.applyGroup(node, group);
    for (const waiver of unapprovedWaivers(node.node.scopes.flatMap(acknowledgementsOn), findings)) {
      this.applyRule({
        ruleSuffixOverride: 'unapproved-waiver',
        info: describeUnapprovedWaiver(waiver),
        explanation: 'Only an owned, approved and unexpired exception in the entitlement catalog waives a finding.',
        level: isBlocking(waiver.finding) ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        node,
        rule: () => [waiver.finding.ruleId],
      });
    }
  }

  private evaluateStackOf(node: CfnResource): void {
    const stack = topLevelStackOf(node);
    if (!stack || this.evaluatedStacks.has(stack)) return;
    this.evaluatedStacks.add(stack);
    // Added as an aspect (no plugin report to carry it): the stack gets the error that stops `cdk synth`.
    if (isUnreadable(this.options)) {
      Annotations.of(stack).addError(unreadableCatalogMessage(this.options));
      return;
    }
    const synthesizedTemplate = this.synthesizedTemplates.get(stack.node.path);
    const templates = stackTemplates(stack, synthesizedTemplate ? { synthesizedTemplate } : {});
    for (const finding of evaluateTemplates(templates.inputs, this.options).findings) {
      // A finding about the template but no L1 resource (a macro) goes on the stack's first resource, as the aspect puts
      // it on the stack: cdk-nag reports per resource only, and dropping it would pass a macro. A finding about the
      // catalog (an exception, advisory) is about no stack: the aspect and the CLI report it.
      if (finding.resource.path === undefined && finding.resource.stack === undefined) continue;
      const path = finding.resource.path ?? node.node.path;
      const list = this.findingsByPath.get(path) ?? [];
      list.push(finding);
      this.findingsByPath.set(path, list);
    }
  }

  private applyGroup(node: CfnResource, group: FindingGroup): void {
    const rule = ruleById(group.ruleId);
    const details = group.findings.map((finding) => finding.detail);
    const granular = details.every((detail) => detail !== undefined);
    for (const finding of group.findings) {
      const ruleName = `${NAG_PACK_PREFIX}-${group.ruleId}${granular ? `[${finding.detail}]` : ''}`;
      const key = messageKey(node.node.path, ruleName);
      // Two findings under one nag rule id on one resource (no detail to tell them apart) read as one message each, joined.
      const earlier = this.messages.get(key);
      const description = describeFinding(finding, { fix: false });
      this.messages.set(key, {
        description: earlier ? `${earlier.description}\n${description}` : description,
        fix: finding.remediation,
      });
    }
    this.applyRule({
      ruleSuffixOverride: group.ruleId,
      // What cdk-nag records; validateScope replaces it with each finding's own message.
      info: rule ? `${rule.meta.title}.` : group.findings[0].message,
      explanation: rule ? rule.meta.rationale : '',
      level: group.blocking ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
      node,
      rule: () => (granular ? [...new Set(details)] : NagRuleCompliance.NON_COMPLIANT),
    });
  }
}

function messageKey(constructPath: string, ruleName: string): string {
  return `${constructPath}\u0000${ruleName}`;
}

/**
 * The distinct top-level stacks of the templates handed over, or undefined when there are none or one cannot be found
 * in the tree (no construct path, no app): then cdk-nag's own walk from the root decides what is checked.
 */
function topLevelStacksOf(templates: readonly HandedStack[], app: IConstruct | undefined): Stack[] | undefined {
  const stacks = new Set<Stack>();
  for (const { stackConstructPath } of templates) {
    const stack = app && stackConstructPath !== undefined ? stackAt(app, stackConstructPath) : undefined;
    const topLevel = stack && topLevelStackOf(stack);
    if (!topLevel) return undefined;
    stacks.add(topLevel);
  }
  return stacks.size > 0 ? [...stacks] : undefined;
}

interface FindingGroup {
  ruleId: string;
  blocking: boolean;
  /** Never empty: a group exists because a finding made it. */
  findings: [Finding, ...Finding[]];
}

/** One nag rule application per (rule, level) on a resource. */
function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const blocking = isBlocking(finding);
    const key = `${finding.ruleId}\u0000${blocking}`;
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { ruleId: finding.ruleId, blocking, findings: [finding] });
  }
  return [...groups.values()];
}
