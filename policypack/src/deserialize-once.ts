/**
 * The policy SDK runs each stack policy in turn, and for each one deserializes every resource of the stack again
 * (`deserializeProperties(resource.getProperties())` inside its loop over policies): with one policy per rule, this
 * pack had every resource of an AnalyzeStack deserialized 14 times, most of what the pack cost beyond the engine.
 * The properties of one request are the same protobuf Struct object on every call (the message caches it), so the
 * pack remembers each Struct's result while the request lives (a WeakMap: nothing outlives the request's messages).
 * Every policy then sees the same properties object, which also lets the pack tell that the policies were called
 * with the same stack without comparing it (see policies.ts). Only the plain form is remembered: the SDK's
 * secret-preserving form (remediations) is built afresh each time, as before.
 *
 * Installed by `createPolicyPack` only, in the pack's own process; nothing of this pack writes to properties.
 */
import { createRequire } from 'node:module';

type Deserialize = (struct: unknown, proxySecrets: boolean) => unknown;

let installed = false;

export function deserializeEachStructOnce(): void {
  if (installed) return;
  const fromHere = createRequire(import.meta.url);
  const sdk = createRequire(fromHere.resolve('@pulumi/policy'))('./deserialize') as {
    deserializeProperties: Deserialize;
  };
  const original = sdk.deserializeProperties;
  if (typeof original !== 'function') return; // another SDK layout: keep its behaviour, only slower
  const remembered = new WeakMap<object, unknown>();
  sdk.deserializeProperties = function deserializeProperties(struct, proxySecrets) {
    if (proxySecrets || typeof struct !== 'object' || struct === null) return original(struct, proxySecrets);
    if (remembered.has(struct)) return remembered.get(struct);
    const value = original(struct, false);
    remembered.set(struct, value);
    return value;
  };
  installed = true;
}
