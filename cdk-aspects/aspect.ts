import { Annotations, CfnResource, type IAspect, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { isBlocking, type Finding } from '../src/engine/finding.js';
import type { ResourceRef } from '../src/model/model.js';
import { describeUnapprovedWaiver, ruleAcknowledgements, unapprovedWaivers } from './acknowledgements.js';
import { AppAudit } from './app-audit.js';
import { authoredConstruct, topLevelStackOf } from './construct-tree.js';
import { resolveOptions, type GuardOptions, type ResolvedGuardOptions } from './options.js';
import { resourceKey, stackTemplates, type StackTemplates } from './stack-templates.js';
import { describeFinding, evaluateTemplates, waiverTargets } from './verdict.js';

export interface EntitlementGuardProps extends GuardOptions {
  /**
   * Also write the audit view of the whole app (every stack the aspect checks, pooled) to this file; the extension
   * names the format (.json, .md, .html). A relative path is relative to the app's outdir, beside the templates
   * in cdk.out. Default: no audit file.
   */
  readonly auditFile?: string;
}

/**
 * `Aspects.of(app).add(new EntitlementGuard({ catalog }))`: evaluates every stack with the engine and puts an
 * error (mandatory finding) or warning (advisory) on the construct the user wrote, so `cdk synth` fails.
 *
 * The evaluation is registered on each top-level stack when the aspect first reaches it and runs in the
 * construct-tree validation phase, after every aspect (tags included) and the preparation of cross-stack
 * references: it sees the stack exactly as it will be synthesized, whatever the order of aspects. The template it
 * checks is the one the synthesis then writes (rendered once, see `stackTemplates`).
 * Findings are reported only on resources the aspect visited, so adding it to one stack checks that stack.
 */
export class EntitlementGuard implements IAspect {
  private readonly options: ResolvedGuardOptions;
  private readonly audit: AppAudit | undefined;
  private readonly stacks = new Set<Stack>();
  private readonly visited = new WeakSet<IConstruct>();

  constructor(props: EntitlementGuardProps = {}) {
    this.options = resolveOptions(props);
    this.audit = props.auditFile === undefined ? undefined : new AppAudit(props.auditFile, this.options);
  }

  visit(node: IConstruct): void {
    if (CfnResource.isCfnResource(node)) this.visited.add(node);
    const stack = topLevelStackOf(node);
    if (!stack || this.stacks.has(stack)) return;
    this.stacks.add(stack);
    stack.node.addValidation({
      validate: () => {
        this.check(stack);
        return [];
      },
    });
  }

  private check(stack: Stack): void {
    const templates = stackTemplates(stack, { reuseInSynthesis: true });
    const evaluation = evaluateTemplates(templates.inputs, this.options);
    const inScope = evaluation.findings.filter((finding) => {
      const resource = templates.resources.get(resourceKey(finding.resource.stack ?? '', finding.resource.name));
      return resource === undefined || this.visited.has(resource);
    });
    const waivers = unapprovedWaivers(ruleAcknowledgements(stack), inScope);
    const targetOf = waiverTargets(evaluation.model);
    const identities = new Map(evaluation.model.identities.map((identity) => [identity.id, identity.resource]));
    for (const finding of inScope) {
      const message = describeFinding(finding, targetOf(finding));
      const annotations = Annotations.of(annotationTarget(finding, templates, identities) ?? stack);
      if (finding.waivedBy) annotations.addInfo(message);
      else if (isBlocking(finding)) annotations.addError(message);
      else annotations.addWarning(message);
    }
    for (const waiver of waivers) Annotations.of(waiver.acknowledgement.construct).addError(describeUnapprovedWaiver(waiver));
    this.audit?.add(stack, evaluation, waivers, this.stacks.size);
  }
}

/**
 * The construct the user wrote: the L2 of the finding's resource, or the identity's L2 when the resource was
 * generated inside it (`role.addToPolicy` creates `Role/DefaultPolicy`; the user wrote the Role). Undefined for
 * findings about the catalog itself (an expired exception), which go on the stack.
 */
function annotationTarget(finding: Finding, templates: StackTemplates, identities: Map<string, ResourceRef>): IConstruct | undefined {
  const lookup = (ref: ResourceRef) => templates.resources.get(resourceKey(ref.stack ?? '', ref.name));
  const resource = lookup(finding.resource);
  if (!resource) return undefined;
  const own = authoredConstruct(resource);
  const identityRef = finding.identity === undefined ? undefined : identities.get(finding.identity);
  const identityResource = identityRef && lookup(identityRef);
  if (!identityResource) return own;
  const identity = authoredConstruct(identityResource);
  return own.node.path.startsWith(`${identity.node.path}/`) ? identity : own;
}
