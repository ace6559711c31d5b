/**
 * Where a stack's policy configuration reaches the pack: the analyzer's Configure call, the one moment every
 * policy's settings are seen together. The Pulumi policy SDK stores them and skips any policy set to `disabled`
 * before the policy can say a word, so an organisation's mandatory rule would vanish without a trace. The pack
 * therefore looks at the configuration first: it may raise a policy's level back to the organisation's, or refuse
 * the configuration (the preview fails with the reason), before the SDK stores it.
 *
 * The SDK offers no hook for this, so the handler wraps the Configure method the SDK registers with gRPC, and
 * only while the pack is being created (the SDK starts serving inside `new PolicyPack`).
 */
import { createRequire } from 'node:module';

export type Level = 'advisory' | 'mandatory' | 'disabled' | 'remediate';

/** The order of pulumirpc.EnforcementLevel. */
const LEVELS: readonly Level[] = ['advisory', 'mandatory', 'disabled', 'remediate'];

export interface PolicyConfigEntry {
  level: Level;
  properties: Record<string, unknown>;
}

/** Gets every configured policy's level and settings; returns the levels to raise, or throws to refuse the configuration. */
export type ConfigureHandler = (entries: ReadonlyMap<string, PolicyConfigEntry>) => ReadonlyMap<string, Level>;

interface ProtoPolicyConfig {
  getEnforcementlevel(): number;
  setEnforcementlevel(level: number): void;
  getProperties(): { toJavaScript(): unknown } | undefined;
}

interface ConfigureRequest {
  getPolicyconfigMap(): { entries(): Iterable<[string, ProtoPolicyConfig]> };
}

type Callback = (error: unknown, response?: unknown) => void;
type Implementation = Record<string, unknown> & {
  configure?: (call: { request: ConfigureRequest }, callback: Callback) => unknown;
};

interface GrpcModule {
  Server: { prototype: { addService(service: unknown, implementation: Implementation): void } };
  status: { INVALID_ARGUMENT: number };
}

/** The gRPC module the policy SDK itself loads (its own dependency, resolved from where the SDK is installed). */
function policySdkGrpc(): GrpcModule {
  const fromHere = createRequire(import.meta.url);
  return createRequire(fromHere.resolve('@pulumi/policy'))('@grpc/grpc-js') as GrpcModule;
}

/** Creates the pack (`create` calls `new PolicyPack`) with `handler` in front of the Configure call it serves. */
export function withConfigureHandler<T>(handler: ConfigureHandler, create: () => T): T {
  const grpc = policySdkGrpc();
  const prototype = grpc.Server.prototype;
  // Called below with the server as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = prototype.addService;
  prototype.addService = function addService(service, implementation) {
    const configure = implementation.configure;
    const guarded: Implementation = configure
      ? {
          ...implementation,
          configure(call, callback) {
            try {
              applyHandler(call.request, handler);
            } catch (error) {
              const details = error instanceof Error ? error.message : String(error);
              callback(Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details }));
              return undefined;
            }
            return configure(call, callback);
          },
        }
      : implementation;
    original.call(this, service, guarded);
  };
  try {
    return create();
  } finally {
    prototype.addService = original;
  }
}

function applyHandler(request: ConfigureRequest, handler: ConfigureHandler): void {
  const protos = new Map<string, ProtoPolicyConfig>();
  const entries = new Map<string, PolicyConfigEntry>();
  for (const [name, config] of request.getPolicyconfigMap().entries()) {
    protos.set(name, config);
    const properties = config.getProperties()?.toJavaScript();
    entries.set(name, {
      level: LEVELS[config.getEnforcementlevel()] ?? 'advisory',
      properties:
        typeof properties === 'object' && properties !== null && !Array.isArray(properties)
          ? (properties as Record<string, unknown>)
          : {},
    });
  }
  for (const [name, level] of handler(entries)) protos.get(name)?.setEnforcementlevel(LEVELS.indexOf(level));
}
