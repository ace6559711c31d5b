/**
 * The aspect's evaluation worker (see evaluator.ts). It loads the catalog as soon as it starts (on a synthesis'
 * first stack), then judges each deployment the main thread sends, while the main thread renders the next one.
 */
import { workerData } from 'node:worker_threads';
import { sendError, type PlacedFinding, type WorkerData, type WorkerReply, type WorkerRequest } from './evaluator.js';
import { resolveOptions, type ResolvedGuardOptions } from './options.js';
import { judgeTemplates } from './verdict.js';

const { port, signal, options } = workerData as WorkerData;

let resolved: ResolvedGuardOptions | undefined;
let loadError: unknown;
try {
  resolved = resolveOptions(options);
} catch (error) {
  loadError = error;
}

port.on('message', ({ ticket, inputs }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (!resolved) throw loadError;
    const { judged } = judgeTemplates(JSON.parse(inputs), resolved);
    const placed = judged.map(({ message: _message, ...entry }): PlacedFinding => entry);
    reply = { ticket, findings: JSON.stringify(placed), messages: judged.map((entry) => entry.message) };
  } catch (error) {
    reply = { ticket, error: sendError(error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
