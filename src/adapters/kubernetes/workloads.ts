/**
 * Where each built-in kind that runs pods writes the pod spec they run with: one table for the shape check (a field
 * on the way of the wrong type is broken input) and for the model (which account the pods run as, whether they mount
 * its token). A ReplicationController is ReplicaSet's older form, still served.
 */
const TEMPLATED = ['spec', 'template', 'spec'] as const;

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
