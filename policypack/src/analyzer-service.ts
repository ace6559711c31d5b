/**
 * Where the pack reaches the analyzer service the policy SDK serves. The SDK offers no hook into its Configure or
 * AnalyzeStack handling, so `createPolicyPack` wraps the method implementations the SDK registers with gRPC, and only
 * while the pack is being created (the SDK starts serving inside `new PolicyPack`). Each hook is given the SDK's
 * implementation of every method and returns the one to serve.
 */
import { createRequire } from 'node:module';

export type Callback = (error: unknown, response?: unknown) => void;

/** The SDK's gRPC method implementations, by method name (configure, analyzeStack, …). */
export type Implementation = Record<string, unknown>;

export interface GrpcModule {
  Server: { prototype: { addService: (this: unknown, service: unknown, implementation: Implementation) => void } };
  status: { INVALID_ARGUMENT: number };
}

export type ImplementationHook = (implementation: Implementation, grpc: GrpcModule) => Implementation;

/** The gRPC module the policy SDK itself loads (its own dependency, resolved from where the SDK is installed). */
function policySdkGrpc(): GrpcModule {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('@pulumi/policy'))('@grpc/grpc-js') as GrpcModule;
}

/** Creates the pack (`create` calls `new PolicyPack`) with each hook applied, in order, to the service it serves. */
export function withImplementationHooks<T>(hooks: readonly ImplementationHook[], create: () => T): T {
  const grpc = policySdkGrpc();
  const prototype = grpc.Server.prototype;
  const original = prototype.addService;
  prototype.addService = function addService(service, implementation) {
    original.call(
      this,
      service,
      hooks.reduce((served, hook) => hook(served, grpc), implementation),
    );
  };
  try {
    return create();
  } finally {
    prototype.addService = original;
  }
}
