/**
 * Where each kind that runs pods writes the pod spec they run with: one table for the shape check (a field on the way
 * of the wrong type is broken input) and for the model (which account the pods run as, whether they mount its token).
 * A ReplicationController is ReplicaSet's older form, still served.
 */
const TEMPLATED = ['spec', 'template', 'spec'] as const;

/** The built-in kinds, by kind. */
export const POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['Pod', ['spec']],
  ['Deployment', TEMPLATED],
  ['StatefulSet', TEMPLATED],
  ['DaemonSet', TEMPLATED],
  ['ReplicaSet', TEMPLATED],
  ['ReplicationController', TEMPLATED],
  ['Job', TEMPLATED],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
]);

/**
 * Custom kinds whose controller runs pods from a pod spec the object holds, by `<API group>/<kind>` (their kinds are
 * not unique: Knative's Service is no core Service). Knative Serving's Service and Configuration hold a Revision
 * template, and a Revision's spec is a pod spec (serving.knative.dev/v1 RevisionSpec embeds corev1.PodSpec); the
 * Revision's Deployment runs its pods with the `serviceAccountName` it names, in its namespace. Knative's webhook takes
 * `automountServiceAccountToken` only as false (PodSpecMask, pkg/apis/serving/fieldmask.go), so a true one, which it
 * refuses, is read as written: a pod that mounts the token.
 */
const CUSTOM_POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['serving.knative.dev/Service', TEMPLATED],
  ['serving.knative.dev/Configuration', TEMPLATED],
  ['serving.knative.dev/Revision', ['spec']],
]);

/**
 * Where an object of this kind and apiVersion (`serving.knative.dev/v1`) holds the pod spec its pods run with, or
 * undefined for a kind that runs no pods. A built-in kind is found by its kind, a custom one by its group and kind.
 */
export function podSpecPathOf(kind: string, apiVersion: unknown): readonly string[] | undefined {
  const builtIn = POD_SPEC_PATHS.get(kind);
  if (builtIn) return builtIn;
  if (typeof apiVersion !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? undefined : CUSTOM_POD_SPEC_PATHS.get(`${apiVersion.slice(0, slash)}/${kind}`);
}
