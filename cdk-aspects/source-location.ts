/**
 * Where the app's own code created a construct, as the CDK recorded it: every CfnElement (and Stack) keeps the call
 * stack of its creation in `aws:cdk:creationStack` metadata, the CDK's and other libraries' frames already folded
 * into `...new Role in aws-cdk-lib...` lines. An annotation added with the aspect's own call stack would point at
 * `app.synth()` or inside this package (the CDK toolkit shows an annotation at its trace's first frame in the app's
 * code); findings are annotated with the creation stack of the construct they are about instead.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** cloud-assembly-schema's ArtifactMetadataEntryType values. */
const CREATION_STACK = 'aws:cdk:creationStack';
const ENTRY_TYPE = { error: 'aws:cdk:error', warning: 'aws:cdk:warning', info: 'aws:cdk:info' } as const;
/** cx-api's DISABLE_METADATA_STACK_TRACE, and the environment variable Annotations also honours. */
const DISABLE_TRACES = 'aws:cdk:disable-stack-trace';

export type AnnotationLevel = keyof typeof ENTRY_TYPE;

export interface Frame {
  /** The function, when the frame names one (`new PaymentsStack`); an ES module's top level names none. */
  name?: string;
  /** An absolute path (a `file:` URL is turned into one). */
  file: string;
  line: number;
  column?: number;
}

/**
 * The frames of the app's own code in the construct's creation stack, innermost first, written as V8 writes a frame
 * with a path (`new PaymentsStack (/app/lib/stacks.ts:42:5)`), the form the CDK toolkit reads a location from; empty
 * when the CDK recorded none (`aws:cdk:disable-creation-stack-traces`) or none is the app's.
 */
export function creationFrames(construct: IConstruct): Frame[] {
  return creationStack(construct).flatMap((line) => {
    const frame = recordedFrame(line);
    return frame ? [frame] : [];
  });
}

/** The lines of the creation stack the CDK recorded for the construct; empty when it recorded none. */
function creationStack(construct: IConstruct): readonly unknown[] {
  const entry = construct.node.metadata.find((metadata) => metadata.type === CREATION_STACK);
  const trace: unknown = entry?.data;
  return Array.isArray(trace) ? trace : [];
}

/** The frame of one recorded line; undefined for the CDK's folded `...new Role in aws-cdk-lib...` lines. */
function recordedFrame(line: unknown): Frame | undefined {
  return typeof line === 'string' && !isFolded(line) ? parseFrame(line) : undefined;
}

/** A line the CDK folded (`...new Role in aws-cdk-lib...`): frames of libraries, none of the app's. */
function isFolded(line: string): boolean {
  return line.trimStart().startsWith('...');
}

/** A construct's creation frames with what an annotation writes of them: the trace and the source line. */
export interface CreationTrace {
  frames: readonly Frame[];
  /** The frames as the annotation's trace records them (`writeFrame`). */
  written: readonly string[];
  /** `sourceLocation(frames)`. */
  source: string | undefined;
}

/**
 * `creationFrames`, `sourceLocation` and the written trace for the many constructs one synthesis annotates, each
 * distinct line of a creation stack parsed and written once: an app that creates 2,000 roles in a loop records the
 * same few lines 2,000 times, and a construct with several findings is read once. For one batch of annotations: the
 * working directory is read when the reader is made.
 */
export class CreationTraces {
  private readonly lines = new Map<string, { frame: Frame; written: string } | null>();
  private readonly constructs = new Map<IConstruct, CreationTrace>();
  private readonly sources = new Map<Frame, string | undefined>();
  private readonly cwd = process.cwd();

  /** The trace of `creationFrames(construct)`. */
  of(construct: IConstruct): CreationTrace {
    let trace = this.constructs.get(construct);
    if (trace) return trace;
    const frames: Frame[] = [];
    const written: string[] = [];
    for (const line of creationStack(construct)) {
      if (typeof line !== 'string') continue;
      let parsed = this.lines.get(line);
      if (parsed === undefined) {
        const frame = recordedFrame(line);
        this.lines.set(line, (parsed = frame ? { frame, written: writeFrame(frame) } : null));
      }
      if (parsed === null) continue;
      frames.push(parsed.frame);
      written.push(parsed.written);
    }
    trace = { frames, written, source: this.sourceOfFrames(frames) };
    this.constructs.set(construct, trace);
    return trace;
  }

  /**
   * `of(construct).source` alone, for annotations that record no trace (`recordsTraces`): the creation stack is read
   * up to the app's innermost frame only, its folded library lines passed over unparsed.
   */
  sourceOf(construct: IConstruct): string | undefined {
    for (const line of creationStack(construct)) {
      if (typeof line !== 'string' || isFolded(line)) continue;
      let parsed = this.lines.get(line);
      if (parsed === undefined) {
        const frame = parseFrame(line);
        this.lines.set(line, (parsed = frame ? { frame, written: writeFrame(frame) } : null));
      }
      if (parsed !== null) return this.sourceOfFrame(parsed.frame);
    }
    return undefined;
  }

  /** The trace of frames already read (where the app created the guard). */
  ofFrames(frames: readonly Frame[]): CreationTrace {
    return { frames, written: frames.map(writeFrame), source: this.sourceOfFrames(frames) };
  }

  private sourceOfFrames(frames: readonly Frame[]): string | undefined {
    const [frame] = frames;
    return frame ? this.sourceOfFrame(frame) : undefined;
  }

  private sourceOfFrame(frame: Frame): string | undefined {
    let source = this.sources.get(frame);
    if (source === undefined && !this.sources.has(frame))
      this.sources.set(frame, (source = sourceLocation([frame], this.cwd)));
    return source;
  }
}

/** `lib/stacks.ts:42:5` (relative to `cwd` when inside it) for the innermost of the app's frames, if there is one. */
export function sourceLocation(frames: readonly Frame[], cwd = process.cwd()): string | undefined {
  const [frame] = frames;
  if (!frame) return undefined;
  const shown = frame.file === cwd || frame.file.startsWith(`${cwd}${sep}`) ? relative(cwd, frame.file) : frame.file;
  return `${shown}:${frame.line}${frame.column ? `:${frame.column}` : ''}`;
}

/**
 * The app's frames of the current call stack above `below` (a function the app called): where the app created an
 * EntitlementGuard, the location of findings about the catalog it names. Frames in node_modules and Node's own are left out.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- a class or a function: where the stack is cut
export function callerFrames(below: Function): Frame[] {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, below);
  return (holder.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at ') && !/[\\/]node_modules[\\/]|\(node:|^ {4}at node:/.test(line))
    .flatMap((line) => {
      const frame = parseFrame(line);
      return frame ? [frame] : [];
    });
}

export function writeFrame({ name, file, line, column }: Frame): string {
  return `${name ?? '<module>'} (${file}:${line}${column ? `:${column}` : ''})`;
}

/**
 * One frame as V8 and the CDK write it: `fn (file:line:col)`; an ES module's top level, which the CDK records as
 * `file:///app/bin/app.ts:12: (file:///app/bin/app.ts:12:3)` or `file:///app/bin/app.ts:12 (:)`; or a bare `file:line:col`.
 */
function parseFrame(text: string): Frame | undefined {
  const frame = text.trim().replace(/^at /, '');
  const named = /^(.*?) \((.+?):(\d+)(?::(\d+))?\)$/.exec(frame);
  const bare = /^((?:file:\/\/|\/|[A-Za-z]:[\\/])[^\s()]*?):(\d+)(?::(\d+))?(?=[:\s]|$)/.exec(frame);
  const [file, line, column] = named ? [named[2], named[3], named[4]] : bare ? [bare[1], bare[2], bare[3]] : [];
  if (file === undefined || line === undefined) return undefined;
  const path = file.startsWith('file:') ? fileURLToPath(file) : file;
  if (!isAbsolute(path)) return undefined;
  const caller = named?.[1];
  const name = caller !== undefined && !/^(file:|\/|[A-Za-z]:[\\/])/.test(caller) ? caller : undefined;
  return { ...(name ? { name } : {}), file: path, line: Number(line), ...(column ? { column: Number(column) } : {}) };
}

/**
 * `Annotations.of(target).addError(message)` (or a warning, or info), traced to `frames` (where the app created
 * what the finding is about) instead of to this call. The CDK's own rules hold: the same message is added once, and
 * with `aws:cdk:disable-stack-trace` (or CDK_DISABLE_STACK_TRACE) no trace is recorded.
 */
export function annotateAt(
  target: IConstruct,
  level: AnnotationLevel,
  message: string,
  frames: readonly Frame[],
  /** `frames` as written (`writeFrame`), when the caller has them already. */
  written?: readonly string[],
): void {
  if (frames.length === 0 || !recordsTraces(target)) {
    const annotations = Annotations.of(target);
    if (level === 'error') annotations.addError(message);
    else if (level === 'warning') annotations.addWarning(message);
    else annotations.addInfo(message);
    return;
  }
  if (target.node.metadata.some((entry) => entry.data === message)) return;
  target.node.addMetadata(ENTRY_TYPE[level], message, {
    stackTraceOverride: written ? [...written] : frames.map(writeFrame),
  });
}

/**
 * Whether an annotation on `scope` records a trace: not with `aws:cdk:disable-stack-trace` in its context or
 * CDK_DISABLE_STACK_TRACE in the environment, as the CDK's Annotations decide.
 */
export function recordsTraces(scope: IConstruct): boolean {
  return !(scope.node.tryGetContext(DISABLE_TRACES) || process.env.CDK_DISABLE_STACK_TRACE);
}

/**
 * The error, its stack replaced by `frames` (where the app created the guard): an error the guard raises during the
 * synthesis (a catalog it cannot use, a Stage it cannot reach) is the app's to fix there, and Node prints the stack.
 */
export function tracedTo<T extends Error>(error: T, frames: readonly Frame[]): T {
  if (frames.length > 0)
    error.stack = `${error.name}: ${error.message}\n${frames.map((frame) => `    at ${writeFrame(frame)}`).join('\n')}`;
  return error;
}
