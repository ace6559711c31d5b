/** CloudFormation templates as the adapter reads them: plain JSON values, intrinsics in long form. */
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
}

export interface CfnTemplate {
  Parameters?: Record<string, CfnParameter>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
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
}

/** A template that cannot be read, located as precisely as the parser allows. */
export class TemplateError extends InputFileError {}


/** The shape check every loader applies: a template is an object with a `Resources` map. */
export function isTemplate(value: unknown): value is CfnTemplate {
  return isRecord(value) && isRecord(value.Resources);
}
