/**
 * What the Azure, GCP and Kubernetes Pulumi adapters share: resources read once (unknowns revealed), and links
 * that follow the value the program set and, when that value is unknown in preview or is an output the stack
 * does not show, the property's dependencies (`principalId: sp.objectId` depends on the service principal's URN).
 */
import type { ResourceRef } from '../../model/model.js';
import { describeUrn, resourceRef, revealUnknowns, type PulumiResource } from './resource.js';

export interface Entry {
  resource: PulumiResource;
  props: Record<string, unknown>;
  ref: ResourceRef;
}

export function entriesOf(resources: readonly PulumiResource[], accept: (type: string) => boolean): Entry[] {
  return resources
    .filter((resource) => accept(resource.type))
    .map((resource) => ({ resource, props: revealUnknowns(resource, describeUrn), ref: resourceRef(resource) }));
}

/** The URNs a property's value was computed from. */
export function dependencyUrns(entry: Entry, property: string): string[] {
  return entry.resource.propertyDependencies?.[property] ?? [];
}

/** True when the property's value comes from other resources rather than being written in the program. */
export function isComputed(entry: Entry, property: string): boolean {
  return dependencyUrns(entry, property).length > 0;
}

/**
 * The item of `byUrn` a property refers to: by value first (`matches`), then by the property's dependencies.
 * Dependencies are only followed when the value does not match, so a literal id always wins.
 */
export function linked<T>(
  entry: Entry,
  property: string,
  byUrn: ReadonlyMap<string, T>,
  matches: (item: T, value: string) => boolean,
): T[] {
  const value = entry.props[property];
  const values = Array.isArray(value) ? value : [value];
  const byValue = [...byUrn.values()].filter((item) =>
    values.some((v) => typeof v === 'string' && v !== '' && matches(item, v)),
  );
  if (byValue.length) return byValue;
  return dependencyUrns(entry, property)
    .map((urn) => byUrn.get(urn))
    .filter((item): item is T => item !== undefined);
}
