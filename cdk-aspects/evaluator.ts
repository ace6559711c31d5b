import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CatalogError, type CatalogIssue } from '../catalog/index.js';
import type { TemplateInput } from '../src/adapters/cloudformation/template.js';
import { resolveOptions, type GuardOptions, type ResolvedGuardOptions } from './options.js';
import { judgeTemplates, type Evaluation, type JudgedFinding } from './verdict.js';

export interface StackVerdict {
  judged: JudgedFinding[];
  /** When the engine ran on this thread: its whole evaluation and the options it ran with (an audit needs both). */
  local?: { evaluation: Evaluation; options: ResolvedGuardOptions };
}

/**
 * Evaluates deployments for the aspect: `submit` hands over one deployment's templates and returns a ticket,
 * `collect` returns the verdicts of tickets, waiting for those still being evaluated. The catalog is loaded on
 * the first submission, so a broken catalog fails the synthesis.
 */
export interface StackEvaluator {
  readonly thread: 'worker' | 'main';
  submit(inputs: TemplateInput[]): number;
  collect(tickets: number[]): StackVerdict[];
}

/** The worker script beside this module: present in the built package, absent when running from TypeScript sources. */
const WORKER_SCRIPT = new URL('./evaluation-worker.js', import.meta.url);

/** How long the main thread waits for a worker that answers nothing, before failing the synthesis. */
const SILENCE_LIMIT_MS = 120_000;

/**
 * A worker-thread evaluator when the worker script is there and the options can be sent to it, else one on
 * this thread. Both run the same `judgeTemplates`, so the choice changes when the work is done, never the verdict.
 */
export function createEvaluator(options: GuardOptions, inWorker: boolean): StackEvaluator {
  if (inWorker && existsSync(fileURLToPath(WORKER_SCRIPT)) && canSendToWorker(options)) return new WorkerEvaluator(options);
  return new InThreadEvaluator(options);
}

/** A catalog object given in code may hold what a worker cannot receive (a function, say): then evaluate here. */
function canSendToWorker(options: GuardOptions): boolean {
  try {
    structuredClone(options);
    return true;
  } catch {
    return false;
  }
}

class InThreadEvaluator implements StackEvaluator {
  readonly thread = 'main';
  private resolved: ResolvedGuardOptions | undefined;
  private readonly verdicts = new Map<number, StackVerdict>();
  private tickets = 0;

  constructor(private readonly options: GuardOptions) {}

  submit(inputs: TemplateInput[]): number {
    const options = (this.resolved ??= resolveOptions(this.options));
    const { judged, evaluation } = judgeTemplates(inputs, options);
    const ticket = this.tickets++;
    this.verdicts.set(ticket, { judged, local: { evaluation, options } });
    return ticket;
  }

  collect(tickets: number[]): StackVerdict[] {
    try {
      return tickets.map((ticket) => take(this.verdicts, ticket));
    } finally {
      // Verdicts of a synthesis that stopped before collecting them are dropped, models and all.
      this.verdicts.clear();
    }
  }
}

/** What the aspect sends its worker when it starts (see evaluation-worker.ts). */
export interface WorkerData {
  port: MessagePort;
  /** Counts replies; the worker notifies on it after each, so the main thread can block until one arrives. */
  signal: Int32Array;
  options: GuardOptions;
}

export interface WorkerRequest {
  ticket: number;
  /** The templates as JSON: serialized faster than a structured clone on the main thread. */
  inputs: string;
}

/**
 * A deployment's verdict: the findings (each without its message) as JSON, which the main thread parses faster
 * than a structured clone of thousands of small objects; the messages as strings, which a structured clone copies
 * where JSON would scan them again.
 */
export type WorkerReply = { ticket: number; findings: string; messages: string[] } | { ticket: number; error: SentError };

/** A judged finding as the worker sends it: its message travels apart. */
export type PlacedFinding = Omit<JudgedFinding, 'message'>;

/** An error as it crosses the thread boundary: a catalog error keeps its located issues. */
export interface SentError {
  message: string;
  stack?: string;
  catalogIssues?: CatalogIssue[];
}

/**
 * Evaluates each deployment on a worker thread while the main thread renders the next. CDK synthesis is
 * synchronous, so waiting is too: the worker posts a reply and bumps a shared counter, and the main thread
 * blocks on that counter (`Atomics.wait`) and reads replies with `receiveMessageOnPort`.
 *
 * A worker is started by the first submission of a synthesis (it loads the catalog while the main thread renders)
 * and stopped once the synthesis has returned, so no worker outlives the synthesis it served: a test suite that
 * synthesizes hundreds of apps holds no idle workers, each with its own heap.
 */
class WorkerEvaluator implements StackEvaluator {
  readonly thread = 'worker';
  private channel: { worker: Worker; port: MessagePort; signal: Int32Array } | undefined;
  private stopping: NodeJS.Immediate | undefined;
  private readonly replies = new Map<number, WorkerReply>();
  private tickets = 0;

  constructor(private readonly options: GuardOptions) {}

  submit(inputs: TemplateInput[]): number {
    const ticket = this.tickets++;
    if (this.stopping) clearImmediate(this.stopping);
    this.stopping = undefined;
    this.channel ??= startWorker(this.options);
    this.channel.port.postMessage({ ticket, inputs: JSON.stringify(inputs) } satisfies WorkerRequest);
    return ticket;
  }

  collect(tickets: number[]): StackVerdict[] {
    try {
      for (const ticket of tickets) this.waitFor(ticket);
      return tickets.map((ticket) => {
        const reply = take(this.replies, ticket);
        if ('error' in reply) throw reviveError(reply.error);
        const placed = JSON.parse(reply.findings) as PlacedFinding[];
        return { judged: placed.map((entry, index) => ({ ...entry, message: reply.messages[index]! })) };
      });
    } finally {
      // Replies to a submission that was never collected (a synthesis that stopped) are dropped.
      this.replies.clear();
      // An app's synthesis is synchronous and collects once per Stage (nested Stages first, then the App): the
      // worker serves them all and stops once the synthesis has returned, so a pipeline's Stages share one worker
      // and one catalog load, and no idle worker outlives the synthesis.
      this.stopping = setImmediate(() => this.stop()).unref();
    }
  }

  private stop(): void {
    this.stopping = undefined;
    void this.channel?.worker.terminate();
    this.channel = undefined;
  }

  private waitFor(ticket: number): void {
    const channel = this.channel;
    if (!channel) throw new Error(`Entitlement Guard: evaluation ${ticket} was never submitted to a worker`);
    while (!this.replies.has(ticket)) {
      // Read the counter before the port: a reply that lands in between changes it, so the wait returns at once.
      const seen = Atomics.load(channel.signal, 0);
      const received = receiveMessageOnPort(channel.port);
      if (received) {
        const reply = received.message as WorkerReply;
        this.replies.set(reply.ticket, reply);
      } else if (Atomics.wait(channel.signal, 0, seen, SILENCE_LIMIT_MS) === 'timed-out') {
        this.stop();
        throw new Error(`Entitlement Guard: the evaluation worker gave no verdict in ${SILENCE_LIMIT_MS / 1000} s; the stacks are not checked`);
      }
    }
  }
}

function startWorker(options: GuardOptions): { worker: Worker; port: MessagePort; signal: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workerData: WorkerData = { port: port2, signal, options };
  const worker = new Worker(WORKER_SCRIPT, { workerData, transferList: [port2] });
  // Neither keeps the app's process alive, should a synthesis stop before collecting.
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal };
}

function take<T>(map: Map<number, T>, ticket: number): T {
  const value = map.get(ticket);
  if (value === undefined) throw new Error(`Entitlement Guard: no verdict for evaluation ${ticket}`);
  map.delete(ticket);
  return value;
}

export function sendError(error: unknown): SentError {
  if (error instanceof CatalogError) return { message: error.message, catalogIssues: error.errors };
  return error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) };
}

function reviveError(sent: SentError): Error {
  if (sent.catalogIssues) return new CatalogError(sent.catalogIssues);
  const error = new Error(sent.message);
  if (sent.stack) error.stack = sent.stack;
  return error;
}
