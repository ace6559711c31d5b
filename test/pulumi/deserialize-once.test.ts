/**
 * The pack has the policy SDK deserialize each resource's properties once per request instead of once per stack
 * policy (policypack/src/deserialize-once.ts): the same protobuf Struct gives the very same object, another Struct
 * (another resource, another request) its own, and the secret-preserving form is built afresh as before.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { deserializeEachStructOnce } from '../../policypack/src/deserialize-once.js';

const fromPolicy = createRequire(createRequire(import.meta.url).resolve('@pulumi/policy'));
const sdk = fromPolicy('./deserialize') as {
  deserializeProperties: (struct: unknown, proxySecrets: boolean) => Record<string, unknown>;
};
const { Struct } = fromPolicy('google-protobuf/google/protobuf/struct_pb.js') as {
  Struct: { fromJavaScript(value: unknown): unknown };
};

describe('deserializeEachStructOnce', () => {
  it('gives the same properties object for the same Struct, and its own for another', () => {
    const first = Struct.fromJavaScript({ name: 'deployer', tags: { owner: 'team-payments' } });
    const twin = Struct.fromJavaScript({ name: 'deployer', tags: { owner: 'team-payments' } });
    // Before: the SDK builds a new object on every call, which is what the pack paid once per stack policy.
    expect(sdk.deserializeProperties(first, false)).not.toBe(sdk.deserializeProperties(first, false));
    deserializeEachStructOnce();
    deserializeEachStructOnce(); // a second install changes nothing
    const once = sdk.deserializeProperties(first, false);
    expect(sdk.deserializeProperties(first, false)).toBe(once);
    expect(once).toEqual({ name: 'deployer', tags: { owner: 'team-payments' } });
    expect(sdk.deserializeProperties(twin, false)).not.toBe(once);
    expect(sdk.deserializeProperties(twin, false)).toEqual(once);
    expect(sdk.deserializeProperties(first, true)).not.toBe(sdk.deserializeProperties(first, true));
  });
});
