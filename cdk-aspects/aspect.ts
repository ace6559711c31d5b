import { Annotations, Aspects, Stack, Stage, type CfnResource, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { isBlocking } from '../src/engine/finding.js';
import type { ResourceRef } from '../src/model/model.js';
import { acknowledgementsAbove, describeUnapprovedWaiver, unapprovedWaivers } from './acknowledgements.js';
import { AppAudit } from './app-audit.js';
import { authoredConstruct, topLevelStackOf } from './construct-tree.js';
import { createEvaluator, type StackEvaluator, type StackVerdict } from './evaluator.js';
import type { JudgedFinding } from './verdict.js';
import type { GuardOptions } from './options.js';
import { CatalogError } from '../catalog/index.js';
import { annotateAt, callerFrames, creationFrames, sourceLocation, tracedTo, type Frame } from './source-location.js';
import { resourceKey, stackTemplates, type StackTemplates } from './stack-templates.js';

/** Marks the aspect across copies of this package, where `instanceof` would not hold. */
const GUARD_BRAND = Symbol.for('entitlement-guard.cdk.EntitlementGuard');

export interface EntitlementGuardProps extends GuardOptions {
  /**
   * Also write the audit view of the whole app (every stack the aspect checks, pooled) to this file; the extension
   * names the format (.json, .md, .html). A relative path is relative to the app's outdir, beside the templates
   * in cdk.out. Default: no audit file. The audit needs every stack's model, so the engine then runs on the main thread.
   */
  readonly auditFile?: string;
  /**
   * Run the engine on a worker thread, which judges each stack while the main thread renders the next: it takes
   * the engine off the synthesis thread, and shortens the synthesis where a CPU core is free. Default true; the
   * findings are the same either way.
   */
  readonly evaluateInWorker?: boolean;
}

/** A stack rendered and handed to the evaluator, waiting for the rest of its synthesis' stacks. */
interface SubmittedStack {
  stack: Stack;
  templates: StackTemplates;
  ticket: number;
}

/**
 * `Aspects.of(app).add(new EntitlementGuard({ catalog }))`: evaluates every stack with the engine and puts an
 * error (mandatory finding) or warning (advisory) on the construct the user wrote, so `cdk synth` fails.
 *
 * The evaluation is registered on each top-level stack when the aspect first reaches it and runs in the
 * construct-tree validation phase, after every aspect (tags included) and the preparation of cross-stack
 * references: it sees the stack exactly as it will be synthesized, whatever the order of aspects. The template it
 * checks is the one the synthesis then writes (rendered once, see `stackTemplates`). Each stack is handed to the
 * evaluator as it is rendered; when the last stack of a synthesis is in, all their verdicts are collected and
 * annotated, before any stack is written.
 * Findings are reported only on resources the aspect visited, so adding it to one stack checks that stack.
 */
export class EntitlementGuard implements IAspect {
  readonly [GUARD_BRAND] = true;
  private readonly evaluator: StackEvaluator;
  private readonly audit: AppAudit | undefined;
  private readonly stacks = new Set<Stack>();
  /** How many registered stacks each synthesis root (the Stage that validates them) has. */
  private readonly stacksPerStage = new Map<Stage | undefined, number>();
  private readonly submitted = new Map<Stage | undefined, SubmittedStack[]>();
  private readonly visited = new WeakSet<IConstruct>();

  /** Where the app created this guard: the location of findings about the catalog it names. */
  private readonly createdAt: Frame[];

  constructor(props: EntitlementGuardProps = {}) {
    this.createdAt = callerFrames(new.target);
    const { auditFile, evaluateInWorker = true, ...options } = props;
    this.audit = auditFile === undefined ? undefined : new AppAudit(auditFile);
    this.evaluator = createEvaluator(options, evaluateInWorker && !this.audit);
  }

  /** Where the engine runs: on a worker thread, or on the main thread (with an auditFile, or from TypeScript sources). */
  get evaluatesOn(): 'worker' | 'main' {
    return this.evaluator.thread;
  }

  visit(node: IConstruct): void {
    this.visited.add(node);
    for (const child of node.node.children) if (Stage.isStage(child)) requireGuardIn(child, this.createdAt);
    // The CDK visits a scope before its children: a construct whose scope was visited is in a stack already
    // registered, unless it is a stack itself (a nested stack, or a stack in a plain construct).
    const scope = node.node.scope;
    if (scope && this.visited.has(scope) && !Stack.isStack(node)) return;
    const stack = topLevelStackOf(node);
    if (!stack || this.stacks.has(stack)) return;
    this.stacks.add(stack);
    const stage = Stage.of(stack);
    this.stacksPerStage.set(stage, (this.stacksPerStage.get(stage) ?? 0) + 1);
    stack.node.addValidation({
      validate: () => {
        try {
          this.submit(stack, stage);
        } catch (error) {
          throw error instanceof CatalogError ? tracedTo(error, this.createdAt) : error;
        }
        return [];
      },
    });
  }

  /**
   * A Stage's synthesis validates all of its stacks, one after the other: each is rendered and submitted here, and
   * the last one's validation collects and annotates them all (the worker judged the others meanwhile).
   */
  private submit(stack: Stack, stage: Stage | undefined): void {
    let batch = this.submitted.get(stage) ?? [];
    // The stack is already in: the previous synthesis stopped before its last stack (it threw); start afresh.
    if (batch.some((entry) => entry.stack === stack)) batch = [];
    const templates = stackTemplates(stack, { reuseInSynthesis: true });
    batch.push({ stack, templates, ticket: this.evaluator.submit(templates.inputs) });
    this.submitted.set(stage, batch);
    if (batch.length < this.stacksPerStage.get(stage)!) return;
    this.submitted.delete(stage);
    const verdicts = this.evaluator.collect(batch.map((entry) => entry.ticket));
    batch.forEach((entry, index) => this.annotate(entry, verdicts[index]!));
  }

  private annotate({ stack, templates }: SubmittedStack, { judged, local }: StackVerdict): void {
    const lookup = (ref: ResourceRef) => templates.resources.get(resourceKey(ref.stack ?? '', ref.name));
    const inScope: { judged: JudgedFinding; resource: CfnResource | undefined }[] = [];
    for (const entry of judged) {
      const resource = lookup(entry.finding.resource);
      if (!resource || this.visited.has(resource)) inScope.push({ judged: entry, resource });
    }
    const findings = inScope.map((entry) => entry.judged.finding);
    const resources = inScope.flatMap(({ resource }) => (resource ? [resource] : []));
    const waivers = unapprovedWaivers(acknowledgementsAbove(resources, stack), findings);
    for (const { judged: { finding, message, identityResource }, resource } of inScope) {
      const identity = identityResource && lookup(identityResource);
      const level = finding.waivedBy ? 'info' : isBlocking(finding) ? 'error' : 'warning';
      // Located where the app created the resource (its L1's creation stack), not where this aspect annotates.
      // A finding about the catalog itself (an expired exception) is located where the app created this guard.
      const about = resource ?? identity;
      const frames = about ? creationFrames(about) : this.createdAt;
      annotateAt(annotationTarget(resource, identity) ?? stack, level, withSource(message, sourceLocation(frames)), frames);
    }
    for (const waiver of waivers) Annotations.of(waiver.acknowledgement.construct).addError(describeUnapprovedWaiver(waiver));
    if (this.audit && local) this.audit.add(stack, local.evaluation, local.options, waivers, this.stacks.size);
  }
}

function isGuard(aspect: IAspect): boolean {
  return (aspect as { [GUARD_BRAND]?: boolean })[GUARD_BRAND] === true;
}

/**
 * The CDK applies an aspect only outside the Stages below where it was added, and synthesizes a nested Stage
 * before its parent's aspects run, so a Stage (a CDK Pipelines stage) reached from an app-wide aspect was never
 * checked. Unless the Stage has an EntitlementGuard of its own (on it, or on constructs in it), the synthesis fails.
 */
function requireGuardIn(stage: Stage, guardCreatedAt: readonly Frame[]): void {
  const guarded = (scope: IConstruct): boolean =>
    Aspects.of(scope).all.some(isGuard) || scope.node.children.some((child) => !Stage.isStage(child) && guarded(child));
  if (guarded(stage)) return;
  throw tracedTo(new Error(
    `EntitlementGuard: Stage ${stage.node.path} is not checked: the CDK does not apply the aspects of a Stage's parents inside it. ` +
      'Add the aspect to the Stage too: Aspects.of(stage).add(guard).',
  ), [...creationFrames(stage), ...guardCreatedAt]);
}

/**
 * The construct the user wrote: the L2 of the finding's resource, or the identity's L2 when the resource was
 * generated inside it (`role.addToPolicy` creates `Role/DefaultPolicy`; the user wrote the Role). Undefined for
 * findings about the catalog itself (an expired exception), which go on the stack.
 */
function annotationTarget(resource: CfnResource | undefined, identityResource: CfnResource | undefined): IConstruct | undefined {
  if (!resource) return undefined;
  const own = authoredConstruct(resource);
  if (!identityResource) return own;
  const identity = authoredConstruct(identityResource);
  return own.node.path.startsWith(`${identity.node.path}/`) ? identity : own;
}

/** The message with the app's source line of the construct after its `resource:` line, when the CDK recorded one. */
function withSource(message: string, source: string | undefined): string {
  return source === undefined ? message : message.replace(/^ {2}resource: .*$/m, (line) => `${line}\n  source: ${source}`);
}
