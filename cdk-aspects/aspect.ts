import { Annotations, Aspects, NestedStack, Stack, Stage, type CfnResource, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { ResourceRef } from '../src/model/model.js';
import { isCatalogError } from '../catalog/issues.js';
import {
  acknowledgementsAbove,
  describeUnapprovedWaiver,
  unapprovedWaivers,
  type UnapprovedWaiver,
} from './acknowledgements.js';
import type { AppAudit } from './app-audit.js';
import { cdkAudit } from './audit-loader.js';
import { authoredConstruct, topLevelStackOf } from './construct-tree.js';
import { cdkEngine } from './engine-loader.js';
import type { StackTemplates } from './stack-templates.js';
import type { JudgedFinding } from './verdict.js';
import type { GuardOptions, ResolvedGuardOptions } from './options.js';
import { unreadableCatalogMessage } from './unreadable-catalog.js';
import {
  annotateAt,
  callerFrames,
  creationFrames,
  CreationTraces,
  recordsTraces,
  sourceLocation,
  type CreationTrace,
  tracedTo,
  type Frame,
} from './source-location.js';

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
   * @deprecated Accepted and ignored: the engine always runs on the synthesis thread. A worker thread loaded the
   * engine and the catalog a second time and made the synthesis slower in every set-up the benchmark measures
   * (bench/user-setups.mjs); the findings were the same either way.
   */
  readonly evaluateInWorker?: boolean;
}

/** The creation traces one synthesis of a Stage shares between its stacks, and the stacks judged in it so far. */
interface StageSynthesis {
  traces: CreationTraces;
  judged: Set<Stack>;
}

/**
 * `Aspects.of(app).add(new EntitlementGuard({ catalog }))`: evaluates every stack with the engine and puts an
 * error (mandatory finding) or warning (advisory) on the construct the user wrote, so `cdk synth` fails.
 *
 * The evaluation is registered on each top-level stack when the aspect first reaches it and runs when the synthesis
 * renders the stack to write it (see `judgeOnSynthesis`): after every aspect (tags included), the preparation of
 * cross-stack references and the stack synthesizer's own additions, so it sees the stack exactly as it is written,
 * rendered once, and annotates it before the synthesis collects its annotations into the cloud assembly.
 * Findings are reported only on resources the aspect visited, so adding it to one stack checks that stack.
 */
export class EntitlementGuard implements IAspect {
  readonly [GUARD_BRAND] = true;
  private readonly options: GuardOptions;
  /** The catalog is loaded when the first stack is judged, so a broken catalog fails the synthesis (located). */
  private resolved: ResolvedGuardOptions | undefined;
  private readonly audit: AppAudit | undefined;
  private readonly stacks = new Set<Stack>();
  /** The nested stacks the aspect visited, by the top-level stack whose deployment holds them. */
  private readonly nestedStacks = new Map<Stack, NestedStack[]>();
  /** How many registered stacks each synthesis root (the Stage that synthesizes them) has. */
  private readonly stacksPerStage = new Map<Stage | undefined, number>();
  private readonly syntheses = new Map<Stage | undefined, StageSynthesis>();
  private readonly visited = new WeakSet<IConstruct>();

  /** Where the app created this guard: the location of findings about the catalog it names. */
  private readonly createdAt: Frame[];

  constructor(props: EntitlementGuardProps = {}) {
    this.createdAt = callerFrames(new.target);
    // evaluateInWorker is deprecated and taken out here so that it is accepted and ignored.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const { auditFile, evaluateInWorker: _ignored, ...options } = props;
    this.options = options;
    this.audit = auditFile === undefined ? undefined : new (cdkAudit().AppAudit)(auditFile);
  }

  /** @deprecated Always 'main': the engine runs on the synthesis thread (see `evaluateInWorker`). */
  get evaluatesOn(): 'main' {
    return 'main';
  }

  visit(node: IConstruct): void {
    this.visited.add(node);
    for (const child of node.node.children) if (Stage.isStage(child)) requireGuardIn(child, this.createdAt);
    // The CDK visits a scope before its children: a construct whose scope was visited is in a stack already
    // registered, unless it is a stack itself (a nested stack, or a stack in a plain construct).
    const scope = node.node.scope;
    if (scope && this.visited.has(scope) && !Stack.isStack(node)) return;
    const stack = topLevelStackOf(node);
    if (!stack) return;
    // Their renderings are kept for the deployment's judgement (judgeOnSynthesis), found here rather than by walking
    // each stack again: the CDK visits every construct of the aspect's scope anyway.
    if (node !== stack && NestedStack.isNestedStack(node)) {
      const nested = this.nestedStacks.get(stack);
      if (nested) nested.push(node);
      else this.nestedStacks.set(stack, [node]);
    }
    if (this.stacks.has(stack)) return;
    this.stacks.add(stack);
    const stage = Stage.of(stack);
    this.stacksPerStage.set(stage, (this.stacksPerStage.get(stage) ?? 0) + 1);
    // The validation phase comes after every aspect and before the synthesis: the hook is set for the synthesis
    // that follows. Validation skipped (`app.synth({ skipValidation: true })`) skips the check, as it does the CDK's.
    stack.node.addValidation({
      validate: () => {
        cdkEngine().judgeOnSynthesis(stack, this.nestedStacks.get(stack) ?? [], this, (templates) => {
          this.judge(stack, stage, templates);
        });
        return [];
      },
    });
  }

  /** Judges one rendered deployment and annotates it; the Stage's last stack ends the synthesis' shared traces. */
  private judge(stack: Stack, stage: Stage | undefined, templates: StackTemplates): void {
    let synthesis = this.syntheses.get(stage);
    // The stack was judged already: the previous synthesis stopped before its last stack (it threw); start afresh.
    if (!synthesis || synthesis.judged.has(stack))
      this.syntheses.set(stage, (synthesis = { traces: new CreationTraces(), judged: new Set() }));
    synthesis.judged.add(stack);
    // Each stack is counted when visited, before any synthesis runs.
    if (synthesis.judged.size >= (this.stacksPerStage.get(stage) ?? 0)) this.syntheses.delete(stage);
    const engine = cdkEngine();
    let judgement: ReturnType<typeof engine.judgeTemplates>;
    let options: ResolvedGuardOptions;
    try {
      options = this.resolved ??= engine.resolveOptions(this.options);
      judgement = engine.judgeTemplates(templates.inputs, options);
    } catch (error) {
      if (!isCatalogError(error)) throw error;
      // An error annotation, as for a finding: `cdk synth` and `cdk deploy` stop on it and print it located at
      // the line of the app that created this guard. A throw would stop them too, but Node would print this
      // package's throw line above the app's.
      const unreadable = { error, source: sourceLocation(this.createdAt) };
      annotateAt(stack, 'error', unreadableCatalogMessage(unreadable, 'stack'), this.createdAt);
      return;
    }
    const waivers = this.annotate(stack, templates.resources, judgement.judged, synthesis.traces);
    this.audit?.add(stack, judgement.evaluation, options, waivers, this.stacks.size);
  }

  /**
   * Puts each finding on the construct the user wrote, and an error on each CDK acknowledgement of this package's
   * rules (no catalog exception backs it); returns those unapproved waivers, which the audit lists.
   */
  private annotate(
    stack: Stack,
    stackResources: Map<string, CfnResource>,
    judged: JudgedFinding[],
    traces: CreationTraces,
  ): UnapprovedWaiver[] {
    const { isBlocking, resourceKey } = cdkEngine();
    const lookup = (ref: ResourceRef) => stackResources.get(resourceKey(ref.stack ?? '', ref.name));
    const inScope: { judged: JudgedFinding; resource: CfnResource | undefined }[] = [];
    for (const entry of judged) {
      const resource = lookup(entry.finding.resource);
      if (!resource || this.visited.has(resource)) inScope.push({ judged: entry, resource });
    }
    const findings = inScope.map((entry) => entry.judged.finding);
    const resources = inScope.flatMap(({ resource }) => (resource ? [resource] : []));
    const waivers = unapprovedWaivers(acknowledgementsAbove(resources, stack), findings);
    let guardTrace: CreationTrace | undefined;
    // Without traces (the usual `cdk synth`) a finding needs only its construct's source line, not its whole trace.
    const traced = recordsTraces(stack);
    for (const {
      judged: { finding, message, identityResource },
      resource,
    } of inScope) {
      const identity = identityResource && lookup(identityResource);
      const level = finding.waivedBy ? 'info' : isBlocking(finding) ? 'error' : 'warning';
      // Located where the app created the resource (its L1's creation stack), not where this aspect annotates.
      // A finding about the catalog itself (an expired exception) is located where the app created this guard.
      const about = resource ?? identity;
      const target = annotationTarget(resource, identity) ?? stack;
      if (about && !traced) {
        annotateAt(target, level, withSource(message, traces.sourceOf(about)), []);
        continue;
      }
      const trace = about ? traces.of(about) : (guardTrace ??= traces.ofFrames(this.createdAt));
      annotateAt(target, level, withSource(message, trace.source), trace.frames, trace.written);
    }
    for (const waiver of waivers)
      Annotations.of(waiver.acknowledgement.construct).addError(describeUnapprovedWaiver(waiver));
    return waivers;
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
  throw tracedTo(
    new Error(
      `EntitlementGuard: Stage ${stage.node.path} is not checked: the CDK does not apply the aspects of a Stage's parents inside it. ` +
        'Add the aspect to the Stage too: Aspects.of(stage).add(guard).',
    ),
    [...creationFrames(stage), ...guardCreatedAt],
  );
}

/**
 * The construct the user wrote: the L2 of the finding's resource, or the identity's L2 when the resource was
 * generated inside it (`role.addToPolicy` creates `Role/DefaultPolicy`; the user wrote the Role). Undefined for
 * findings about the catalog itself (an expired exception), which go on the stack.
 */
function annotationTarget(
  resource: CfnResource | undefined,
  identityResource: CfnResource | undefined,
): IConstruct | undefined {
  if (!resource) return undefined;
  const own = authoredConstruct(resource);
  if (!identityResource || identityResource === resource) return own;
  const identity = authoredConstruct(identityResource);
  // Inside the identity's construct when the identity is one of its scopes: a walk up the tree, where comparing
  // construct paths built two strings per finding.
  for (let scope = own.node.scope; scope; scope = scope.node.scope) if (scope === identity) return identity;
  return own;
}

/**
 * The message with the app's source line of the construct after its first `resource:` line, when the CDK recorded
 * one: what `message.replace(/^ {2}resource: .*$/m, (line) => `${line}\n  source: ${source}`)` gives, without a
 * regular expression and a callback per finding.
 */
export function withSource(message: string, source: string | undefined): string {
  if (source === undefined) return message;
  const start = message.startsWith(RESOURCE_LINE) ? 0 : lineStartOf(message, RESOURCE_LINE);
  if (start < 0) return message;
  const end = lineEndFrom(message, start);
  return `${message.slice(0, end)}\n  source: ${source}${message.slice(end)}`;
}

const RESOURCE_LINE = '  resource: ';

/** Where the first line that starts with `prefix` (after a line terminator) starts, or -1. */
function lineStartOf(text: string, prefix: string): number {
  for (let at = text.indexOf(prefix); at > 0; at = text.indexOf(prefix, at + 1))
    if (isLineTerminator(text.charCodeAt(at - 1))) return at;
  return -1;
}

/** The end of the line that starts at `start`: its first line terminator, or the end of the text. */
function lineEndFrom(text: string, start: number): number {
  LINE_REST.lastIndex = start;
  LINE_REST.test(text);
  return LINE_REST.lastIndex;
}

/** The rest of a line: everything up to a line terminator as a regular expression's `.` and `$` see it. */
const LINE_REST = /[^\n\r\u2028\u2029]*/y;

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}
