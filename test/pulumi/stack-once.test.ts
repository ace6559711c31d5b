/**
 * createPolicyPack reads each AnalyzeStack request once for all its stack policies (policypack/src/stack-once.ts).
 * The policy SDK's own handler is called here in-process, as it is (one stack per policy) and wrapped by the pack:
 * the wrapped one answers exactly as the SDK does, and deserializes each resource once instead of once per policy.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { entitlementGuardPolicies } from '../../policypack/src/index.js';
import { analyzeStackOnce } from '../../policypack/src/stack-once.js';
import { fromAnalyzerResources, type AnalyzerResourceMessage } from '../../policypack/src/stack-model.js';
import type { GrpcModule } from '../../policypack/src/analyzer-service.js';
import { analyzeStackRequest, capturePrograms, type CapturedResource } from './support/analyzer-client.mjs';

const CATALOG = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
const BAD = fileURLToPath(new URL('../../examples/pulumi-aws/bad/index.ts', import.meta.url));
const NOW = () => new Date('2026-06-01T00:00:00Z');
/** What the engine sends in preview for a value not known until apply. */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

type Handler = (call: { request: unknown }, callback: (error: unknown, response?: AnalyzeResponse) => void) => unknown;
interface AnalyzeResponse {
  getDiagnosticsList(): { toObject(): unknown }[];
  getNotApplicableList(): { toObject(): unknown }[];
}

const fromPolicy = createRequire(createRequire(import.meta.url).resolve('@pulumi/policy'));
const server = fromPolicy('./server') as {
  makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: unknown[]): Handler;
};
const sdk = fromPolicy('./deserialize') as {
  deserializeProperties: (struct: unknown, proxySecrets: boolean) => unknown;
};

// Every call of the SDK's deserializer, by the SDK's loop or by the pack (installed before the pack looks it up).
let deserialized = 0;
const deserializeProperties = sdk.deserializeProperties;
sdk.deserializeProperties = (struct, proxySecrets) => {
  deserialized++;
  return deserializeProperties(struct, proxySecrets);
};

const policies = entitlementGuardPolicies({ catalog: CATALOG, now: NOW });
const asSdk = server.makeAnalyzeStackRpcFun('entitlement-guard', '0.1.0', 'advisory', policies);
const once = analyzeStackOnce({ analyzeStack: asSdk }, {} as GrpcModule).analyzeStack as Handler;

/** Calls a handler as gRPC does; gives its response as plain objects, and how many times properties were deserialized. */
async function answer(
  handler: Handler,
  records: CapturedResource[],
): Promise<{ diagnostics: unknown[]; notApplicable: unknown[]; deserialized: number }> {
  const request = analyzeStackRequest(records);
  const before = deserialized;
  const response = await new Promise<AnalyzeResponse>((resolve, reject) =>
    handler({ request }, (error, reply) => (error ? reject(error as Error) : resolve(reply!))),
  );
  return {
    diagnostics: response.getDiagnosticsList().map((diagnostic) => diagnostic.toObject()),
    notApplicable: response.getNotApplicableList().map((entry) => entry.toObject()),
    deserialized: deserialized - before,
  };
}

let bad: CapturedResource[] = [];
let preview: CapturedResource[] = [];

beforeAll(async () => {
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [bad, preview] = await capturePrograms([
    { program: BAD, mode: 'update' },
    { program: BAD, mode: 'preview' },
  ]);
}, 120_000);

describe('analyzeStackOnce', () => {
  it('answers as the SDK does, deserializing each resource once rather than once per stack policy', async () => {
    for (const records of [bad, preview]) {
      const sdkAnswer = await answer(asSdk, records);
      const onceAnswer = await answer(once, records);
      expect(onceAnswer.diagnostics).toEqual(sdkAnswer.diagnostics);
      expect(onceAnswer.notApplicable).toEqual(sdkAnswer.notApplicable);
      expect(sdkAnswer.deserialized).toBe(records.length * policies.length);
      expect(onceAnswer.deserialized).toBe(records.length);
    }
    const rules = new Set(
      (await answer(once, bad)).diagnostics.map((diagnostic) => (diagnostic as { policyname: string }).policyname),
    );
    expect(rules.size).toBeGreaterThan(3);
  });

  it('leaves out dependencies on resources outside the stack, as the SDK does', async () => {
    const user = bad.find((record) => record.type === 'aws:iam/user:User')!;
    const keys = bad.filter((record) => record.type === 'aws:iam/accessKey:AccessKey');
    expect(keys.length).toBeGreaterThan(0);
    // In preview a key's user may be unknown; the stack links it by dependency, here also on a user not in the request.
    const outside = `${user.urn}-elsewhere`;
    const unknownUser = keys.map((key) => ({
      ...key,
      outputs: { ...key.outputs, user: UNKNOWN },
      propertyDependencies: { user: [outside, user.urn], tags: [outside] },
    }));
    const records = [...bad.filter((record) => !keys.includes(record)), ...unknownUser];
    const read = fromAnalyzerResources(
      analyzeStackRequest(records).getResourcesList() as unknown as AnalyzerResourceMessage[],
      (struct) => sdk.deserializeProperties(struct, false),
    );
    expect(read.slice(-keys.length).map((record) => record.propertyDependencies)).toEqual(
      keys.map(() => ({ user: [user.urn] })),
    );
    const [sdkAnswer, onceAnswer] = [await answer(asSdk, records), await answer(once, records)];
    expect(onceAnswer.diagnostics).toEqual(sdkAnswer.diagnostics);
  });

  it('gives each of two requests served at once its own stack', async () => {
    const [sdkBad, sdkPreview] = [await answer(asSdk, bad), await answer(asSdk, preview)];
    const [onceBad, oncePreview] = await Promise.all([answer(once, bad), answer(once, preview)]);
    expect(onceBad.diagnostics).toEqual(sdkBad.diagnostics);
    expect(oncePreview.diagnostics).toEqual(sdkPreview.diagnostics);
  });

  it('hands a request it cannot read to the SDK, which fails it as before', async () => {
    const request = analyzeStackRequest(bad.slice(0, 2));
    request.getResourcesList()[1]!.clearProperties();
    // The message's first two lines: the rest is the stack of the TypeError, which names who called the SDK.
    const failure = (handler: Handler) =>
      new Promise<string>((resolve) =>
        handler({ request }, (error) => resolve((error as Error).message.split('\n').slice(0, 2).join('\n'))),
      );
    const expected = await failure(asSdk);
    expect(expected).toBe(
      `Error validating resource with policy '${policies[0]!.name}' from policy pack 'entitlement-guard@v0.1.0':\nTypeError: Cannot read properties of undefined (reading 'toJavaScript')`,
    );
    expect(await failure(once)).toBe(expected);
  });
});
