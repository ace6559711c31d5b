export { loadTemplates } from './load.js';
export { modelFromTemplates } from './to-model.js';
export { createResolver, type Resolver } from './intrinsics.js';
export { TemplateError, type CfnTemplate, type CfnResource, type TemplateInput } from './template.js';
