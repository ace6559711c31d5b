export {
  kubernetesManifestFiles,
  loadManifests,
  looksLikeKubernetesManifest,
  ManifestError,
  parseManifests,
  typeToken,
} from './load.js';
export { modelFromKubernetesObjects, type KubernetesObject } from './to-model.js';
