/**
 * The pack's code cache is written once the first AnalyzeStack has been answered. The package's Pulumi entry loads the
 * pack through the install's code cache (src/util/code-cache.ts), whose entries are written when the process exits;
 * but the Pulumi CLI ends a policy pack's process with a signal, and a process ended so never sees its exit. After the
 * first stack the pack has compiled what a preview runs (Analyze for each resource, then the whole stack), so the
 * entries written then spare the next `pulumi preview` compiling it again. Written after the answer has gone, so the
 * CLI never waits for it; a pack loaded from its sources (no code cache) writes nothing.
 */
import { writeCodeCache } from '../../src/util/code-cache.js';
import type { Callback, ImplementationHook } from './analyzer-service.js';

type AnalyzeStack = (call: unknown, callback: Callback) => unknown;

export const codeCacheAfterFirstStack: ImplementationHook = (implementation) => {
  const analyzeStack = implementation.analyzeStack as AnalyzeStack | undefined;
  if (typeof analyzeStack !== 'function') return implementation;
  let written = false;
  const answered = (callback: Callback): Callback => {
    if (written) return callback;
    return (error, response) => {
      callback(error, response);
      if (written) return;
      written = true;
      setImmediate(writeCodeCache).unref();
    };
  };
  return {
    ...implementation,
    analyzeStack: (call: unknown, callback: Callback) => analyzeStack(call, answered(callback)),
  };
};
