import type { CapturedResource } from './analyzer-client.mjs';

/** The stack resource's URN in every export written here (project payments, stack dev). */
export const STACK_URN = 'urn:pulumi:dev::payments::pulumi:pulumi:Stack::payments-dev';

/**
 * What `pulumi stack export` (deployment v3) writes after `pulumi up` for resources captured under the SDK's mocks: the
 * stack resource, the other resources given (a provider, say), then each captured resource as the stack's child with
 * its dependencies, as the engine records them.
 */
export function stackExport(
  records: readonly CapturedResource[],
  around: { resources?: readonly object[]; secretsProviders?: object } = {},
): Record<string, unknown> {
  return {
    version: 3,
    deployment: {
      manifest: { time: '2026-06-01T00:00:00Z', magic: 'x', version: 'v3.140.0' },
      ...(around.secretsProviders === undefined ? {} : { secrets_providers: around.secretsProviders }),
      resources: [
        { urn: STACK_URN, custom: false, type: 'pulumi:pulumi:Stack', outputs: {} },
        ...(around.resources ?? []),
        ...records.map((record) => ({
          urn: record.urn,
          custom: true,
          id: `${record.name}-id`,
          type: record.type,
          // A read resource (a StackReference) is the engine's record of what the stack read, not one it manages.
          ...(record.type === 'pulumi:pulumi:StackReference' ? { external: true } : {}),
          inputs: record.inputs,
          outputs: record.outputs,
          parent: STACK_URN,
          dependencies: [...new Set(Object.values(record.propertyDependencies).flat())],
          propertyDependencies: record.propertyDependencies,
        })),
      ],
    },
  };
}
