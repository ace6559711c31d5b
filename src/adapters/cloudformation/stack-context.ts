import type { ResourceRef } from '../../model/model.js';
import { createResolver, type Resolver } from './intrinsics.js';
import type { CfnResource, TemplateInput } from './template.js';

/** One template as the model builder walks it: its resolver and how its resources are named in findings. */
export interface StackContext {
  input: TemplateInput;
  resolver: Resolver;
  resources: { logicalId: string; resource: CfnResource }[];
  ref(logicalId: string): ResourceRef;
  /** Model id of a resource: `${stack}/${logicalId}`. */
  id(logicalId: string): string;
}

export function stackContext(input: TemplateInput): StackContext {
  const { Resources } = input.template;
  const resources = Object.keys(Resources).map((logicalId) => ({ logicalId, resource: Resources[logicalId]! }));
  return {
    input,
    resolver: createResolver(input),
    resources,
    id: (logicalId) => `${input.stack}/${logicalId}`,
    ref(logicalId) {
      const resource = input.template.Resources[logicalId]!;
      const cdkPath = resource.Metadata?.['aws:cdk:path'];
      const path = input.paths?.[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : undefined);
      // Built field by field rather than with conditional spreads: one is made per identity and per policy.
      const ref: ResourceRef = { type: resource.Type, name: logicalId };
      if (path) ref.path = path;
      if (input.file) ref.file = input.file;
      ref.stack = input.stack;
      return ref;
    },
  };
}
