import type { ResourceRef } from '../../model/model.js';

/** A Kubernetes object as the model reads it, from a manifest or from a `@pulumi/kubernetes` resource. */
export interface KubernetesObject {
  /** The object's kind (`ServiceAccount`, `ClusterRoleBinding`). */
  kind: string;
  /**
   * The object's apiVersion (`serving.knative.dev/v1`) where its body may not say it: a Pulumi type token's group and
   * version. Unset, the body's `apiVersion` is read.
   */
  apiVersion?: string;
  /** The object as written: metadata, rules, subjects, … Pulumi unknowns are Unknown values. */
  body: Record<string, unknown>;
  ref: ResourceRef;
  /** True when the given top-level field is computed from other resources (a Pulumi output), not written in the source. */
  computed?: (field: string) => boolean;
  /** Ids (Pulumi URNs) of the resources a top-level field was computed from: how a name unknown in preview is followed. */
  dependsOn?: (field: string) => string[];
}
