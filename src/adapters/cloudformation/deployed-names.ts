import { hasOwnValue, hasResourceValue } from '../../model/deployment.js';
import { isUnknown } from '../../model/model.js';
import { onlyChoice, type Resolver } from './intrinsics.js';
import { literalName } from './names.js';
import type { CfnResource } from './template.js';

/**
 * The physical name every deployment of the template gives the resource where the template writes it with an
 * intrinsic: a `Ref` to (or an `Fn::Sub` of) parameters whose values are fixed, by the deployment's values given to
 * the check (`--parameters`) or by a single allowed value. A parameter the deployment may still set, a value of the
 * deployment's own (account, region, stack name) or of another resource leaves it unnamed: the logical id stands
 * for it, as for a name CloudFormation generates. The identity's ARN keeps the form references to it resolve to.
 */
export function deployedName(resolver: Resolver, resource: CfnResource, property: string): string | undefined {
  const literal = literalName(resource, property);
  if (literal !== undefined) return literal;
  const written = resource.Properties?.[property];
  if (written === undefined) return undefined;
  const choices = resolver.choicesOf(written);
  // A parameter the deployment sets: named only when every value it may take is the same.
  if (choices !== undefined) return knownName(onlyChoice(choices));
  return knownName(resolver.resolve(written));
}

function knownName(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !hasOwnValue(value) && !hasResourceValue(value)
    ? value
    : undefined;
}

/**
 * The physical name the template gives the resource at its parameters' defaults where deployedName finds none a
 * deployment must give (`RoleName: !Ref RoleName` with a Default and no single allowed value), with what chooses it;
 * undefined where deployedName names it, or the default names nothing (no Default, a value of the deployment's own).
 */
export function defaultName(
  resolver: Resolver,
  resource: CfnResource,
  property: string,
): { name: string; setBy: string } | undefined {
  const written = resource.Properties?.[property];
  if (written === undefined || literalName(resource, property) !== undefined) return undefined;
  const choices = resolver.choicesOf(written);
  if (choices === undefined || onlyChoice(choices) !== undefined) return undefined;
  const name = knownName(resolver.resolve(written));
  if (name === undefined) return undefined;
  const setBy = isUnknown(choices) ? choices.description : `a parameter (one of ${choices.join(', ')})`;
  return { name, setBy };
}
