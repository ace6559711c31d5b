import { CfnElement, CfnResource, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { createResolver } from '../src/adapters/cloudformation/intrinsics.js';
import { isRecord } from '../src/util/records.js';
import type { CfnTemplate, TemplateInput } from '../src/adapters/cloudformation/template.js';

/** The templates of one deployment (a top-level stack and its nested stacks) and the L1 construct behind each resource. */
export interface StackTemplates {
  inputs: TemplateInput[];
  /** L1 construct per `resourceKey(stack, logicalId)`. */
  resources: Map<string, CfnResource>;
}

export function resourceKey(stack: string, logicalId: string): string {
  return `${stack}\u0000${logicalId}`;
}


const SECTIONS = ['Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs'] as const;

/** `_toCloudFormation` is public in aws-cdk-lib's typings but marked internal; this is the one place that calls it. */
interface RenderableElement {
  _toCloudFormation(): object;
}

/**
 * Builds the templates the CDK will synthesize for `stack`, from the L1 elements themselves: each element's
 * fragment resolved with `stack.resolve` (so overrides, tags and lazy values are in), sections merged the way
 * the Stack does. Stack names follow the cloud assembly (`displayName` = construct path; nested stacks
 * `Parent/NestedLogicalId`), so findings name resources exactly as `entitlement-guard check cdk.out` does.
 */
export function stackTemplates(stack: Stack): StackTemplates {
  const result: StackTemplates = { inputs: [], resources: new Map() };
  addStack(stack, stack.node.path, undefined, result);
  return result;
}

function addStack(stack: Stack, name: string, parameters: Record<string, unknown> | undefined, result: StackTemplates): void {
  const template: CfnTemplate = { Resources: {} };
  const paths: Record<string, string> = {};
  const nested: NestedStack[] = [];
  for (const element of ownElements(stack, nested)) {
    const fragment = stack.resolve((element as unknown as RenderableElement)._toCloudFormation()) as Record<string, unknown>;
    for (const section of SECTIONS) {
      const entries = fragment[section];
      if (!isRecord(entries)) continue;
      Object.assign(((template as unknown as Record<string, Record<string, unknown>>)[section] ??= {}), entries);
      if (section === 'Resources' && CfnResource.isCfnResource(element)) {
        for (const logicalId of Object.keys(entries)) {
          paths[logicalId] = element.node.path;
          result.resources.set(resourceKey(name, logicalId), element);
        }
      }
    }
  }
  const input: TemplateInput = { stack: name, template, paths, ...(parameters ? { parameters } : {}) };
  result.inputs.push(input);
  const resolver = createResolver(input);
  for (const child of nested) {
    const resource = child.nestedStackResource;
    if (!resource) continue;
    const logicalId = stack.resolve(resource.logicalId) as string;
    const passed = template.Resources[logicalId]?.Properties?.Parameters;
    const childParameters = isRecord(passed) ? Object.fromEntries(Object.entries(passed).map(([key, value]) => [key, resolver.resolve(value)])) : undefined;
    addStack(child, `${name}/${logicalId}`, childParameters, result);
  }
}

/** The stack's own CloudFormation elements, in tree order; nested stacks are collected, not descended into. */
function ownElements(stack: Stack, nested: NestedStack[]): CfnElement[] {
  const elements: CfnElement[] = [];
  const visit = (construct: IConstruct): void => {
    for (const child of construct.node.children) {
      if (NestedStack.isNestedStack(child)) nested.push(child);
      if (Stack.isStack(child) || Stage.isStage(child)) continue;
      if (CfnElement.isCfnElement(child)) elements.push(child);
      visit(child);
    }
  };
  visit(stack);
  return elements;
}
