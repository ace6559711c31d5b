import { dirname, join } from 'node:path';
import { CfnResource, NestedStack, Stack, Stage, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { createResolver } from '../src/adapters/cloudformation/intrinsics.js';
import { readJsonFile } from '../src/adapters/cloudformation/load.js';
import { environmentAccount } from '../src/adapters/cloudformation/stack-account.js';
import { TemplateError, type CfnTemplate, type TemplateInput } from '../src/adapters/cloudformation/template.js';
import { isRecord } from '../src/util/records.js';

/** The templates of one deployment (a top-level stack and its nested stacks) and the L1 construct behind each resource. */
export interface StackTemplates {
  inputs: TemplateInput[];
  /** L1 construct per `resourceKey(stack, logicalId)`. */
  resources: Map<string, CfnResource>;
}

export interface StackTemplateOptions {
  /** Templates the synthesis has rendered already, by stack: taken as they are instead of rendering the stack again. */
  readonly rendered?: ReadonlyMap<Stack, Partial<CfnTemplate>>;
  /**
   * The file synthesis wrote the stack's template to (a validation plugin's `stackTemplates[].templatePath`):
   * read it, and its nested stacks' files beside it, instead of rendering the stack again.
   */
  readonly synthesizedTemplate?: string;
}

export function resourceKey(stack: string, logicalId: string): string {
  return `${stack}\u0000${logicalId}`;
}

/** `_toCloudFormation` is public in aws-cdk-lib's typings but marked internal; this module is the one place that uses it. */
interface RenderableStack {
  _toCloudFormation(): object;
}

/**
 * Builds the templates the CDK will synthesize for `stack` with the Stack's own rendering (overrides, tags and
 * lazy values included). Stack names follow the cloud assembly (`displayName` = construct path; nested stacks
 * `Parent/NestedLogicalId`), so findings name resources exactly as `entitlement-guard check cdk.out` does.
 */
export function stackTemplates(stack: Stack, options: StackTemplateOptions = {}): StackTemplates {
  const result: StackTemplates = { inputs: [], resources: new Map() };
  addStack(stack, stack.node.path, undefined, options, result);
  return result;
}

function addStack(
  stack: Stack,
  name: string,
  parameters: Record<string, unknown> | undefined,
  options: StackTemplateOptions,
  result: StackTemplates,
): void {
  const file = options.synthesizedTemplate ? synthesizedFile(stack, options.synthesizedTemplate) : undefined;
  const rendered = file ? readSynthesized(file) : (options.rendered?.get(stack) ?? render(stack));
  // A stack without resources renders none; the synthesized template stays as the CDK wrote it.
  const template: CfnTemplate = { ...rendered, Resources: rendered.Resources ?? {} };
  const paths: Record<string, string> = {};
  const nested: NestedStack[] = [];
  const resources = ownResources(stack, nested);
  for (const { resource, id } of withLogicalIds(stack, template, resources)) {
    paths[id] = resource.node.path;
    result.resources.set(resourceKey(name, id), resource);
  }
  // The account of an explicit environment, as the cloud assembly's `environment` names it to the CLI (a nested stack
  // answers its parent's): the template writes it as a literal where the app asked for the stack's account.
  const account = Token.isUnresolved(stack.account) ? undefined : environmentAccount(`aws://${stack.account}/`);
  const input: TemplateInput = {
    stack: name,
    ...(file ? { file } : {}),
    template,
    paths,
    ...(parameters ? { parameters } : {}),
    ...(account ? { account } : {}),
  };
  result.inputs.push(input);
  const resolver = createResolver(input);
  for (const child of nested) {
    const resource = child.nestedStackResource;
    if (!resource) continue;
    const logicalId = stack.resolve(resource.logicalId) as string;
    const passed = template.Resources[logicalId]?.Properties?.Parameters;
    const childParameters = isRecord(passed)
      ? Object.fromEntries(Object.entries(passed).map(([key, value]) => [key, resolver.resolve(value)]))
      : undefined;
    addStack(child, `${name}/${logicalId}`, childParameters, options, result);
  }
}

/** The stack's template, rendered by the CDK itself. */
function render(stack: Stack): Partial<CfnTemplate> {
  return (stack as unknown as RenderableStack)._toCloudFormation();
}

/**
 * Calls `judge` with the templates of `stack`'s deployment when the synthesis renders `stack` to write it, and
 * returns the rendered template to the synthesis unchanged: the check reads exactly what is written to cdk.out,
 * and the stack is rendered once.
 *
 * Not earlier: the stack's synthesizer still changes the stack at the start of its synthesis (the
 * DefaultStackSynthesizer adds the BootstrapVersion parameter and its rule), so a template rendered in the
 * validation phase is not the one written. Not later: the synthesizer collects the stack's annotations into the
 * cloud assembly right after writing its template, so `judge` annotates in time. The synthesis goes children
 * first, so the renderings of `nestedStacks` (those of the deployment the caller knows of) come before their parent's
 * and are kept for it; any other nested stack of the deployment, or one rendered late, is rendered by `stackTemplates`. The hooks fire once; then rendering is the CDK's own again, for a later synth.
 * One `owner` (a guard) has one hook per stack: setting it again before the synthesis (a second validation)
 * replaces it, so a stack is judged once per owner; several owners' hooks share the one rendering.
 */
export function judgeOnSynthesis(
  stack: Stack,
  nestedStacks: readonly NestedStack[],
  owner: object,
  judge: (templates: StackTemplates) => void,
): void {
  const rendered = new Map<Stack, Partial<CfnTemplate>>();
  for (const nested of nestedStacks) onNextRender(nested, owner, (template) => rendered.set(nested, template));
  onNextRender(stack, owner, (template) => {
    rendered.set(stack, template);
    judge(stackTemplates(stack, { rendered }));
  });
}

type RenderHook = (template: Partial<CfnTemplate>) => void;

/** The hooks for a stack's next rendering, by owner; kept on the stack, so every copy of this package shares them. */
const RENDER_HOOKS = Symbol.for('entitlement-guard.cdk.render-hooks');

interface HookedStack {
  [RENDER_HOOKS]?: Map<object, RenderHook> | undefined;
}

function onNextRender(stack: Stack, owner: object, hook: RenderHook): void {
  const hooked = stack as unknown as HookedStack;
  let hooks = hooked[RENDER_HOOKS];
  if (!hooks) {
    const pending = (hooked[RENDER_HOOKS] = hooks = new Map<object, RenderHook>());
    Object.defineProperty(stack, '_toCloudFormation', {
      configurable: true,
      writable: true,
      value: () => {
        delete (stack as unknown as Partial<RenderableStack>)._toCloudFormation;
        hooked[RENDER_HOOKS] = undefined;
        const template = render(stack);
        for (const fire of pending.values()) fire(template);
        return template;
      },
    });
  }
  hooks.set(owner, hook);
}

/**
 * The file synthesis wrote `stack`'s template to: the top-level one's is given; a nested stack's is its own file
 * in the same assembly directory, named by the CDK whatever the asset-metadata setting.
 */
function synthesizedFile(stack: Stack, rootFile: string): string {
  return NestedStack.isNestedStack(stack) ? join(dirname(rootFile), stack.templateFile) : rootFile;
}

/** What rendering returned, read back from JSON, so resources keep their order. */
function readSynthesized(file: string): Partial<CfnTemplate> {
  const value = readJsonFile(file);
  if (!isRecord(value)) throw new TemplateError(file, 'expected a CloudFormation template (a JSON object)');
  return value;
}

/**
 * Each resource with its logical id. The Stack renders its L1 resources in tree order, one `Resources` entry each,
 * so the template's keys name them in order, read without resolving each id again (a hash of its path per
 * resource). Where that does not hold (a resource that renders itself otherwise, an all-digit id, which objects
 * list first), each id is resolved.
 */
function withLogicalIds(
  stack: Stack,
  template: CfnTemplate,
  resources: CfnResource[],
): { resource: CfnResource; id: string }[] {
  const keys = Object.keys(template.Resources);
  const aligned =
    keys.length === resources.length &&
    keys.every(
      (key, index) => !/^\d+$/.test(key) && template.Resources[key]?.Type === resources[index]?.cfnResourceType,
    );
  return resources.map((resource, index) => ({
    resource,
    id: (aligned ? keys[index] : undefined) ?? (stack.resolve(resource.logicalId) as string),
  }));
}

/**
 * The stack's own L1 resources, in tree order. Its nested stacks are collected into `nested`, not descended into (each
 * has a template of its own); other stacks and Stages are not this template's.
 */
function ownResources(stack: Stack, nested: NestedStack[]): CfnResource[] {
  const resources: CfnResource[] = [];
  // The stack and Stage tests are each a symbol looked up through the prototype chain of objects of many classes, run
  // for every construct of the stack: a nested stack is a stack, so one test passes over every other construct, and an
  // L1 resource (about half the constructs), which is neither, is told by one property read before either is made.
  const visit = (construct: IConstruct): void => {
    for (const child of construct.node.children) {
      if (CfnResource.isCfnResource(child)) {
        resources.push(child);
        visit(child);
        continue;
      }
      if (Stack.isStack(child)) {
        if (NestedStack.isNestedStack(child)) nested.push(child);
        continue;
      }
      if (!Stage.isStage(child)) visit(child);
    }
  };
  visit(stack);
  return resources;
}
