import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import type { TemplateInput } from '../src/adapters/cloudformation/template.js';
import { RULE_IDS } from '../catalog/rule-ids.js';
import { describeUnapprovedWaiver, ruleAcknowledgements, unapprovedWaivers } from './acknowledgements.js';
import type { IConstruct } from 'constructs';
import type { Finding } from '../src/model/finding.js';
import { resourcePaths, stackAt } from './construct-tree.js';
import { cdkEngine } from './engine-loader.js';
import type { GuardOptions, ResolvedGuardOptions } from './options.js';
import { isUnreadable, unreadableCatalogViolation, type UnreadableCatalog } from './unreadable-catalog.js';
import { handedContext, type HandedContext } from './validation-context.js';

/**
 * A CDK policy-validation plugin (`Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog }))`)
 * that runs the engine over the synthesized templates, as `entitlement-guard check cdk.out` does.
 *
 * Any violation in a plugin report fails synthesis, so only findings that block are violations; advisory and
 * waived findings are left to the aspect, the nag pack and the CLI. The CDK lets users acknowledge plugin rules
 * (`EntitlementGuard::<rule>`); such an acknowledgement without a catalog exception is reported as a `fatal`
 * `unapproved-waiver` violation, which the CDK does not let anyone acknowledge.
 */
export class EntitlementGuardValidation implements IPolicyValidationPlugin {
  readonly name = 'EntitlementGuard';
  readonly ruleIds: string[] = [...RULE_IDS];
  private readonly options: ResolvedGuardOptions | UnreadableCatalog;

  constructor(options: GuardOptions = {}) {
    this.options = cdkEngine().resolveOptionsOrUnreadable(options, new.target);
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    if (isUnreadable(this.options))
      return { success: false, violations: [unreadableCatalogViolation(this.options, context)] };
    const { describeFinding, evaluateTemplates, isBlocking } = cdkEngine();
    const handed = handedContext(context);
    const inputs = templateInputs(handed);
    const { findings } = evaluateTemplates(inputs, this.options);
    if (handed.appConstruct) locateInTree(findings, handed.appConstruct);
    const blocking = findings.filter(isBlocking);
    const violations: PolicyViolation[] = blocking.map((finding) => ({
      ruleName: finding.ruleId,
      description: describeFinding(finding, { fix: false }),
      fix: finding.remediation,
      severity: 'error',
      violatingResources: [
        {
          resourceLogicalId: finding.resource.name,
          ...(finding.resource.file ? { templatePath: finding.resource.file } : {}),
          ...(finding.resource.path ? { constructPath: finding.resource.path } : {}),
          locations: [finding.detail ?? 'Properties'],
        },
      ],
    }));
    const acknowledgements = handed.appConstruct ? ruleAcknowledgements(handed.appConstruct) : [];
    for (const waiver of unapprovedWaivers(acknowledgements, blocking)) {
      violations.push({
        ruleName: 'unapproved-waiver',
        description: describeUnapprovedWaiver(waiver),
        fix: 'Remove the acknowledgement and add an owned, approved, expiring exception to the entitlement catalog.',
        severity: 'fatal',
        violatingResources: [{ constructPath: waiver.acknowledgement.at, locations: [waiver.acknowledgement.id] }],
      });
    }
    return { success: violations.length === 0, violations };
  }
}

/**
 * Templates carry construct paths only when path metadata is on (the CLI's default, not an in-process App's);
 * the tree the CDK hands to plugins supplies the rest, so messages and acknowledgements always match by path.
 * Looking every resource up costs a logical-id resolution each, so it is done only if a stack's finding lacks a path.
 */
function locateInTree(findings: Finding[], app: IConstruct): void {
  let paths: Map<string, string> | undefined;
  for (const finding of findings) {
    const { path: known, stack } = finding.resource;
    // Catalog findings (an expired exception) name no stack: no construct to find.
    if (known !== undefined || stack === undefined) continue;
    paths ??= resourcePaths(app);
    const path = paths.get(cdkEngine().resourceKey(stack, finding.resource.name));
    if (path) finding.resource = { ...finding.resource, path };
  }
}

/**
 * Every synthesized template (nested stacks included), named by the stack's construct path as in the cloud
 * assembly. A stack found in the tree is read with its constructs beside it (every resource's path, nested
 * stacks' files whatever the asset-metadata setting); otherwise the written files are read on their own.
 */
function templateInputs(context: HandedContext): TemplateInput[] {
  const { loadTemplates, stackTemplates } = cdkEngine();
  const stacks =
    context.stackTemplates ??
    context.templatePaths.map((templatePath) => ({ templatePath, stackConstructPath: undefined }));
  return stacks.flatMap(({ templatePath, stackConstructPath }) => {
    const stack =
      context.appConstruct && stackConstructPath !== undefined
        ? stackAt(context.appConstruct, stackConstructPath)
        : undefined;
    if (stack) return stackTemplates(stack, { synthesizedTemplate: templatePath }).inputs;
    const [root, ...nested] = loadTemplates(templatePath);
    if (!root) return [];
    if (stackConstructPath === undefined) return [root, ...nested];
    const rename = (stack: string): string => stackConstructPath + stack.slice(root.stack.length);
    return [root, ...nested].map((input) => ({ ...input, stack: rename(input.stack) }));
  });
}
