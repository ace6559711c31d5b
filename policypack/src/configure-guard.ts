/**
 * Where a stack's policy configuration reaches the pack: the analyzer's Configure call, the one moment every
 * policy's settings are seen together. The Pulumi policy SDK stores them and skips any policy set to `disabled`
 * before the policy can say a word, so an organisation's mandatory rule would vanish without a trace. The pack
 * therefore looks at the configuration first: it may raise a policy's level back to the organisation's, or refuse
 * the configuration (the preview fails with the reason), before the SDK stores it. The SDK offers no hook for this:
 * the guard wraps the Configure method the SDK serves (see analyzer-service.ts).
 */
import type { Callback, Implementation, ImplementationHook } from './analyzer-service.js';

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

type Configure = (call: { request: ConfigureRequest }, callback: Callback) => unknown;

/** Puts `handler` in front of the Configure call the SDK serves. */
export function guardConfigure(handler: ConfigureHandler): ImplementationHook {
  return (implementation, grpc): Implementation => {
    const configure = implementation.configure as Configure | undefined;
    if (typeof configure !== 'function') return implementation;
    const guarded: Configure = (call, callback) => {
      try {
        applyHandler(call.request, handler);
      } catch (error) {
        const details = error instanceof Error ? error.message : String(error);
        callback(Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details }));
        return undefined;
      }
      return configure(call, callback);
    };
    return { ...implementation, configure: guarded };
  };
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
