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
  return (props[PROXY_TARGET] as Record<string, unknown> | undefined) ?? props;
}

export function fromStackResource(resource: PolicyResource): PulumiResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [key, dependencies] of Object.entries(resource.propertyDependencies ?? {})) {
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
