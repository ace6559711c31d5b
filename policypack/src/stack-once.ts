/**
 * The policy SDK runs a pack's stack policies one after another and, for each one, builds the whole stack again:
 * every resource deserialized, wrapped in a proxy, its options, provider, parent and dependencies made into objects
 * (`makeAnalyzeStackRpcFun` in @pulumi/policy's server.js). With one policy per rule, that was done 14 times per
 * AnalyzeStack, most of what the pack cost above a do-nothing pack. So the pack reads the request itself, once: each
 * resource becomes the record the policies evaluate (stack-model.ts), and the SDK's loop then runs over an empty
 * resource list. Everything else stays the SDK's: which policies run (a disabled one does not), at which level, with
 * which config, how their violations are reported and how an error fails the call. Each policy takes the records of
 * the request it is called for (an AsyncLocalStorage), in place of `args.resources`.
 *
 * Installed by `createPolicyPack` only, whose policies are all this pack's. A request the pack cannot read this way
 * goes to the SDK's loop unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type { PulumiResource } from '../../src/adapters/pulumi/index.js';
import type { Callback, ImplementationHook } from './analyzer-service.js';
import { fromAnalyzerResources, type AnalyzerResourceMessage, type Deserialize } from './stack-model.js';

interface AnalyzeStackRequest {
  getResourcesList(): AnalyzerResourceMessage[];
}

interface AnalyzeStackCall {
  request: AnalyzeStackRequest;
}

type AnalyzeStack = (call: AnalyzeStackCall, callback: Callback) => unknown;

const requestRecords = new AsyncLocalStorage<PulumiResource[]>();

/** The records of the AnalyzeStack request being served, when the pack read it itself (see analyzeStackOnce). */
export function stackRecordsOfRequest(): PulumiResource[] | undefined {
  return requestRecords.getStore();
}

/** Reads each AnalyzeStack request once, for every stack policy, before the SDK's loop over the policies. */
export const analyzeStackOnce: ImplementationHook = (implementation) => {
  const analyzeStack = implementation.analyzeStack as AnalyzeStack | undefined;
  const deserialize = policySdkDeserialize();
  if (typeof analyzeStack !== 'function' || deserialize === undefined) return implementation;
  const once: AnalyzeStack = (call, callback) => {
    let records: PulumiResource[];
    try {
      records = fromAnalyzerResources(call.request.getResourcesList(), (struct) => deserialize(struct, false));
    } catch {
      return analyzeStack(call, callback);
    }
    const request = Object.create(call.request, { getResourcesList: { value: () => [] } }) as AnalyzeStackRequest;
    const emptied = Object.create(call, { request: { value: request } }) as AnalyzeStackCall;
    return requestRecords.run(records, () => analyzeStack(emptied, callback));
  };
  return { ...implementation, analyzeStack: once };
};

/** The SDK's own deserializer of properties, so that policies see the values they would have seen from the SDK. */
function policySdkDeserialize(): Deserialize | undefined {
  const fromHere = createRequire(import.meta.url);
  const sdk = createRequire(fromHere.resolve('@pulumi/policy'))('./deserialize') as { deserializeProperties?: unknown };
  return typeof sdk.deserializeProperties === 'function' ? (sdk.deserializeProperties as Deserialize) : undefined;
}
