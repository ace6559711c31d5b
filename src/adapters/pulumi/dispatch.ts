/**
 * The Pulumi adapter's entry: every cloud's resources of one stack into one model. Each cloud module reads
 * only its own type tokens, so a stack mixing AWS, Azure, Google Cloud and Kubernetes resources gives one
 * model, one evaluation and one audit.
 */
import { mergeModels } from '../../model/merge.js';
import type { Model } from '../../model/model.js';
import { modelFromPulumiResources as modelFromAwsResources } from './aws.js';
import { modelFromAzureResources } from './azuread.js';
import { modelFromGcpResources } from './gcp.js';
import { modelFromKubernetesResources } from './kubernetes.js';
import type { PulumiResource } from './resource.js';

export function modelFromPulumiResources(resources: readonly PulumiResource[]): Model {
  return mergeModels([
    modelFromAwsResources(resources),
    modelFromAzureResources(resources),
    modelFromGcpResources(resources),
    modelFromKubernetesResources(resources),
  ]);
}
