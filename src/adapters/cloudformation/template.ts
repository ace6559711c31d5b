/** CloudFormation templates as the adapter reads them: plain JSON values, intrinsics in long form. */
import type { KeyTree } from '../../util/located-json.js';
import type { Unknown } from '../../model/model.js';
import { isRecord } from '../../util/records.js';
import { InputFileError } from '../input-error.js';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
}

export interface CfnParameter {
  Type?: string;
  Default?: unknown;
  /** The values a deployment may pass; without them, any value of the type. */
  AllowedValues?: unknown;
  /** A regular expression every value a deployment passes must match (see `allowedPattern`). */
  AllowedPattern?: unknown;
}

export interface CfnTemplate {
  Parameters?: Record<string, CfnParameter>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  /** A macro name or a list of them (`AWS::Serverless-2016-10-31`, `AWS::LanguageExtensions`, custom macros). */
  Transform?: unknown;
  Globals?: Record<string, unknown>;
}

export interface TemplateInput {
  /** Stack name; nested stacks are `Parent/NestedLogicalId`. */
  stack: string;
  /** The file the template was read from, for findings. */
  file?: string;
  template: CfnTemplate;
  /** Construct path per logical id, when the caller knows them (the CDK aspect); else `Metadata['aws:cdk:path']`. */
  paths?: Record<string, string>;
  /** Values a parent stack passes to this nested stack's parameters, already resolved in the parent. */
  parameters?: Record<string, unknown>;
  /**
   * For a passed value that depends on the parent's own parameters, what a deployment may make of it (the
   * parent's `Resolver.choicesOf`): the child's conditions on it are then decided only where every choice agrees.
   */
  parameterChoices?: Record<string, readonly string[] | Unknown>;
  /**
   * Where the template's keys are in its file, from the parser (sections and their entries: logical ids, parameter
   * names), so findings point at their resource's line. Absent for templates built in memory (the CDK aspect).
   */
  keys?: KeyTree;
  /** Logical ids the model builder generated (SAM's implicit roles) → the resource they come from, for locations. */
  generatedBy?: Record<string, string>;
  /**
   * The account the stack deploys into, where the input names it (a CDK stack with an explicit environment): a literal
   * of it in the template is the stack's own account (stack-account.ts).
   */
  account?: string;
}

/**
 * A parameter's AllowedPattern as CloudFormation applies it, to the whole value: undefined without one, null for a
 * pattern JavaScript cannot read (CloudFormation's are Java's).
 */
export function allowedPattern(parameter: unknown): RegExp | null | undefined {
  const pattern = isRecord(parameter) ? parameter.AllowedPattern : undefined;
  if (typeof pattern !== 'string') return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/** A template that cannot be read, located as precisely as the parser allows. */
export class TemplateError extends InputFileError {}

/** The shape check every loader applies: a template is an object with a `Resources` map. */
export function isTemplate(value: unknown): value is CfnTemplate {
  return isRecord(value) && isRecord(value.Resources);
}

/**
 * A `Resources` entry written without a Type, which CloudFormation fills in when it processes the template: an
 * `Fn::Transform` key (an AWS::Include of resources), an `Fn::ForEach::` loop of AWS::LanguageExtensions, and a
 * resource whose whole body is an `Fn::Transform`. The loader lets them through; expand.ts reports each as unseen.
 */
export function isProcessedEntry(logicalId: string, resource: unknown): boolean {
  // Anything else under these keys (null, a string) is no template CloudFormation accepts: the loader's error.
  if (logicalId === 'Fn::Transform') return isRecord(resource);
  if (logicalId.startsWith('Fn::ForEach::')) return Array.isArray(resource);
  return isRecord(resource) && typeof resource.Type !== 'string' && Object.hasOwn(resource, 'Fn::Transform');
}
