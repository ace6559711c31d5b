/**
 * Pulumi resource names as a place in their stack, for catalog `match.name` and exception `target`:
 * `pulumi:<project>/<stack>/<name>`, the name the developer wrote in the program, qualified as a CDK construct path is
 * by its stack.
 *
 * A bare resource name binds nothing (catalog/waivers.ts): every stack has its own namespace of them. Qualified by
 * project and stack it is the stack's own namespace, except that Pulumi keeps a name unique only per type (and
 * parent): a stack may hold a role and a user both called `ci-bot`. So the qualified name is given to an identity or
 * secret only when no other identity or secret of the stack carries the same name; a second one, added later, takes it
 * from both (their findings come back, and their URNs still bind). That needs the whole stack: a model of one resource
 * (the per-resource Analyze call) cannot know, and gets no qualified names.
 */
import type { Model, ResourceRef } from '../../model/model.js';

/** The prefix of a qualified Pulumi resource name. */
export const PULUMI_NAME_PREFIX = 'pulumi:';

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> `pulumi:<project>/<stack>/<name>`. */
function qualifiedName(resource: ResourceRef): string | undefined {
  if (resource.urn === undefined) return undefined;
  const match = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(resource.urn);
  if (!match) return undefined;
  return `${PULUMI_NAME_PREFIX}${match[2]}/${match[1]}/${resource.name}`;
}

/** Gives each identity and secret of a whole stack its qualified name as its location, where it is unique. */
export function addQualifiedNames(model: Model): void {
  const subjects = [...model.identities, ...model.secrets].filter(
    (subject) => !('external' in subject && subject.external),
  );
  const urnsByName = new Map<string, Set<string>>();
  for (const { resource } of subjects) {
    const name = qualifiedName(resource);
    if (name === undefined || resource.urn === undefined) continue;
    const urns = urnsByName.get(name);
    if (urns) urns.add(resource.urn);
    else urnsByName.set(name, new Set([resource.urn]));
  }
  for (const { resource } of subjects) {
    const name = qualifiedName(resource);
    if (name !== undefined && urnsByName.get(name)?.size === 1 && resource.location === undefined)
      resource.location = name;
  }
}
