import { Annotations, Aspects, Stack, Stage, type CfnResource, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { ResourceRef } from '../src/model/model.js';
import { isCatalogError } from '../catalog/issues.js';
import { acknowledgementsAbove, describeUnapprovedWaiver, unapprovedWaivers } from './acknowledgements.js';
import type { AppAudit } from './app-audit.js';
import { cdkAudit } from './audit-loader.js';
import { authoredConstruct, topLevelStackOf } from './construct-tree.js';
import { cdkEngine } from './engine-loader.js';
import type { Evaluation, JudgedFinding } from './verdict.js';
import type { GuardOptions, ResolvedGuardOptions } from './options.js';
import { unreadableCatalogMessage } from './unreadable-catalog.js';
import {
  annotateAt,
  callerFrames,
  creationFrames,
  CreationTraces,
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

/**
 * A stack rendered and judged, waiting for the rest of its synthesis' stacks before it is annotated. Only what the
 * annotations need is kept, and the evaluation (the model and every finding) only for an audit file: kept for every
 * stack until the last one is judged, they were live data each garbage collection of the synthesis went through.
 */
interface JudgedStack {
  stack: Stack;
  /** The L1 construct of each resource of the stack's templates (`StackTemplates.resources`). */
  resources: Map<string, CfnResource>;
  judged: JudgedFinding[];
  /** With an audit file: the evaluation and the options it was judged with, which the audit records. */
  audited?: { evaluation: Evaluation; options: ResolvedGuardOptions };
}

/**
 * `Aspects.of(app).add(new EntitlementGuard({ catalog }))`: evaluates every stack with the engine and puts an
 * error (mandatory finding) or warning (advisory) on the construct the user wrote, so `cdk synth` fails.
 *
 * The evaluation is registered on each top-level stack when the aspect first reaches it and runs in the
 * construct-tree validation phase, after every aspect (tags included) and the preparation of cross-stack
 * references: it sees the stack exactly as it will be synthesized, whatever the order of aspects. The template it
 * checks is the one the synthesis then writes (rendered once, see `stackTemplates`). Each stack is judged as it is
 * rendered; when the last stack of a synthesis is in, they are all annotated, before any stack is written (a stack
 * validated on its own, outside a synthesis, is judged but not annotated).
 * Findings are reported only on resources the aspect visited, so adding it to one stack checks that stack.
 */
export class EntitlementGuard implements IAspect {
  readonly [GUARD_BRAND] = true;
  private readonly options: GuardOptions;
  /** The catalog is loaded when the first stack is judged, so a broken catalog fails the synthesis (located). */
  private resolved: ResolvedGuardOptions | undefined;
  private readonly audit: AppAudit | undefined;
  private readonly stacks = new Set<Stack>();
  /** How many registered stacks each synthesis root (the Stage that validates them) has. */
  private readonly stacksPerStage = new Map<Stage | undefined, number>();
  private readonly submitted = new Map<Stage | undefined, JudgedStack[]>();
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
    if (!stack || this.stacks.has(stack)) return;
    this.stacks.add(stack);
    const stage = Stage.of(stack);
    this.stacksPerStage.set(stage, (this.stacksPerStage.get(stage) ?? 0) + 1);
    stack.node.addValidation({
      validate: () => {
        try {
          this.submit(stack, stage);
        } catch (error) {
          if (!isCatalogError(error)) throw error;
          // An error annotation, as for a finding: `cdk synth` and `cdk deploy` stop on it and print it located at
          // the line of the app that created this guard. A throw would stop them too, but Node would print this
          // package's throw line above the app's.
          const unreadable = { error, source: sourceLocation(this.createdAt) };
          annotateAt(stack, 'error', unreadableCatalogMessage(unreadable, 'stack'), this.createdAt);
        }
        return [];
      },
    });
  }

  /**
   * A Stage's synthesis validates all of its stacks, one after the other: each is rendered and judged here, and
   * the last one's validation annotates them all.
   */
  private submit(stack: Stack, stage: Stage | undefined): void {
    let batch = this.submitted.get(stage) ?? [];
    // The stack is already in: the previous synthesis stopped before its last stack (it threw); start afresh.
    if (batch.some((entry) => entry.stack === stack)) batch = [];
    const engine = cdkEngine();
    const templates = engine.stackTemplates(stack, { reuseInSynthesis: true });
    const options = (this.resolved ??= engine.resolveOptions(this.options));
    const { judged, evaluation } = engine.judgeTemplates(templates.inputs, options);
    batch.push({
      stack,
      resources: templates.resources,
      judged,
      ...(this.audit ? { audited: { evaluation, options } } : {}),
    });
    this.submitted.set(stage, batch);
    // Each stack is counted when visited, before any validation runs; were a count missing, annotate at once.
    const expected = this.stacksPerStage.get(stage);
    if (expected !== undefined && batch.length < expected) return;
    this.submitted.delete(stage);
    const traces = new CreationTraces();
    for (const entry of batch) this.annotate(entry, traces);
  }

  private annotate({ stack, resources: stackResources, judged, audited }: JudgedStack, traces: CreationTraces): void {
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
    for (const {
      judged: { finding, message, identityResource },
      resource,
    } of inScope) {
      const identity = identityResource && lookup(identityResource);
      const level = finding.waivedBy ? 'info' : isBlocking(finding) ? 'error' : 'warning';
      // Located where the app created the resource (its L1's creation stack), not where this aspect annotates.
      // A finding about the catalog itself (an expired exception) is located where the app created this guard.
      const about = resource ?? identity;
      const trace = about ? traces.of(about) : (guardTrace ??= traces.ofFrames(this.createdAt));
      annotateAt(
        annotationTarget(resource, identity) ?? stack,
        level,
        withSource(message, trace.source),
        trace.frames,
        trace.written,
      );
    }
    for (const waiver of waivers)
      Annotations.of(waiver.acknowledgement.construct).addError(describeUnapprovedWaiver(waiver));
    if (this.audit && audited) this.audit.add(stack, audited.evaluation, audited.options, waivers, this.stacks.size);
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
  return own.node.path.startsWith(`${identity.node.path}/`) ? identity : own;
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
