import { CfnResource, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The top-level stack holding a construct (a nested stack's resources belong to their root stack's deployment),
 * or undefined for the App, a Stage or the Tree node. Walks scopes itself because `Stack.of()` throws there.
 */
export function topLevelStackOf(construct: IConstruct): Stack | undefined {
  let stack: Stack | undefined;
  for (let current: IConstruct | undefined = construct; current && !stack; current = current.node.scope) {
    if (Stack.isStack(current)) stack = current;
    else if (Stage.isStage(current)) return undefined;
  }
  while (stack && NestedStack.isNestedStack(stack) && stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
}

/**
 * The construct the user wrote for an L1 resource: climbs while the node is its parent's default child, so
 * `Stack/Role/Resource` → the `iam.Role` at `Stack/Role`, and a plain `CfnRole` stays itself.
 */
export function authoredConstruct(resource: IConstruct): IConstruct {
  let current = resource;
  for (
    let parent = current.node.scope;
    parent && !Stack.isStack(parent) && parent.node.defaultChild === current;
    parent = current.node.scope
  ) {
    current = parent;
  }
  return current;
}

/** A stack's name in the cloud assembly and in findings: its construct path; a nested stack `Parent/NestedLogicalId`. */
export function stackDisplayName(stack: Stack): string {
  const parent = NestedStack.isNestedStack(stack) ? stack.nestedStackParent : undefined;
  const resource = NestedStack.isNestedStack(stack) ? stack.nestedStackResource : undefined;
  return parent && resource
    ? `${stackDisplayName(parent)}/${parent.resolve(resource.logicalId) as string}`
    : stack.node.path;
}

/** Construct path of every L1 resource under `scope`, by `${stackDisplayName}\0${logicalId}`. */
export function resourcePaths(scope: IConstruct): Map<string, string> {
  const paths = new Map<string, string>();
  for (const construct of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(construct)) continue;
    const stack = Stack.of(construct);
    paths.set(`${stackDisplayName(stack)}\u0000${stack.resolve(construct.logicalId) as string}`, construct.node.path);
  }
  return paths;
}

/** The stack at a construct path (as a validation plugin's `stackTemplates` names it) under `root`, if there is one. */
export function stackAt(root: IConstruct, path: string): Stack | undefined {
  let current: IConstruct | undefined = root;
  for (const id of path.split('/')) current = current?.node.tryFindChild(id);
  return current && Stack.isStack(current) ? current : undefined;
}
