export { PULUMI_AWS_TYPES } from './aws.js';
export { modelFromPulumiResources } from './dispatch.js';
export { mergeModels } from '../../model/merge.js';
export { decidedAlone, RESOURCE_DECIDED_RULES } from './resource-decided-rules.js';
export { describeUrn, isUnknownSentinel, resourceRef, stackOfUrn, type PulumiResource } from './resource.js';
export { PulumiResourceError } from './resource-error.js';
