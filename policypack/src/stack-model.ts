import type { PolicyResource, ResourceValidationArgs } from '@pulumi/policy';
import type { PulumiResource } from '../../src/adapters/pulumi/index.js';

/** The SDK's proxy hands back its target under this key, so unknown values can be read instead of throwing. */
const PROXY_TARGET = '__getSpecialProxyTarget';

/**
 * The SDK wraps properties in a proxy that throws on any unknown value, which turns a whole policy into "can't run
 * during preview". The adapter reads the plain properties instead and keeps each unknown as an Unknown, so what is
 * known is checked and what is pending is named.
 */
export function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const target: unknown = props[PROXY_TARGET];
  return target === undefined ? props : (target as Record<string, unknown>);
}

/** A resource as the SDK gives it to a stack policy; dependencies on resources outside the stack are left out. */
export function fromStackResource(resource: PolicyResource): PulumiResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, dependencies] of Object.entries(resource.propertyDependencies)) {
    if (dependencies.length > 0) propertyDependencies[key] = dependencies.map((dependency) => dependency.urn);
  }
  return {
    type: resource.type,
    name: resource.name,
    urn: resource.urn,
    props: plainProps(resource.props),
    propertyDependencies,
  };
}

export function fromResourceArgs(args: ResourceValidationArgs): PulumiResource {
  return { type: args.type, name: args.name, urn: args.urn, props: plainProps(args.props) };
}

/** `pulumirpc.AnalyzerResource`, the message an AnalyzeStack request carries for each resource. */
export interface AnalyzerResourceMessage {
  getType(): string;
  getName(): string;
  getUrn(): string;
  getProperties(): unknown;
  getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}

/** The SDK's deserializer of a resource's properties (a protobuf Struct) into plain values. */
export type Deserialize = (struct: unknown, proxySecrets: boolean) => unknown;

/**
 * The records `fromStackResource` makes of what the SDK builds from these messages, made from the messages
 * directly: the same properties (the SDK's deserializer, without its proxy), and each property's dependencies on
 * resources of the stack (the SDK drops a URN it cannot find in the request, and a property left without any).
 */
export function fromAnalyzerResources(
  messages: readonly AnalyzerResourceMessage[],
  deserialize: (struct: unknown) => unknown,
): PulumiResource[] {
  const urns = new Set(messages.map((message) => message.getUrn()));
  return messages.map((message) => {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, dependencies] of message.getPropertydependenciesMap().entries()) {
      const inStack = dependencies.getUrnsList().filter((urn) => urns.has(urn));
      if (inStack.length > 0) propertyDependencies[key] = inStack;
    }
    const props = deserialize(message.getProperties()) as Record<string, unknown>;
    return { type: message.getType(), name: message.getName(), urn: message.getUrn(), props, propertyDependencies };
  });
}
