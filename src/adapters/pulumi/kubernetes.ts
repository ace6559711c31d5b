/**
 * `@pulumi/kubernetes` resources into the model, through the same reading as plain manifests: the type token
 * (`kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding`) carries the kind, the inputs are the object.
 */
import { modelFromKubernetesObjects, type KubernetesObject } from '../kubernetes/to-model.js';
import { locationOf } from '../kubernetes/location.js';
import { refusalReason, refusedSubjectKind } from '../kubernetes/shape.js';
import { isKnownRecord } from '../../util/records.js';
import { knownString } from './values.js';
import { isUnknown, type Model } from '../../model/model.js';
import { dependencyUrns, entriesOf, isComputed } from './links.js';
import type { PulumiResource } from './resource.js';
import { PulumiResourceError } from './resource-error.js';

/** Object types of the Kubernetes provider (`kubernetes:<group>/<version>:<Kind>`); components such as `kubernetes:yaml/v2:ConfigFile` register their objects as children. */
export function isKubernetesType(type: string): boolean {
  return (
    /^kubernetes:[^:]+\/v[^:]*:[A-Z][A-Za-z]*$/.test(type) &&
    !type.startsWith('kubernetes:yaml/') &&
    !type.startsWith('kubernetes:helm.sh/')
  );
}

/**
 * The apiVersion a Kubernetes type token names: `kubernetes:serving.knative.dev/v1:Service` is `serving.knative.dev/v1`,
 * the core group's `kubernetes:core/v1:Pod` is `v1` (as a manifest writes it).
 */
function apiVersionOf(type: string): string {
  const groupVersion = type.slice('kubernetes:'.length, type.lastIndexOf(':'));
  return groupVersion.startsWith('core/') ? groupVersion.slice('core/'.length) : groupVersion;
}

export function modelFromKubernetesResources(resources: readonly PulumiResource[]): Model {
  const objects = entriesOf(resources, isKubernetesType).map((entry): KubernetesObject => {
    // The type's last part: isKubernetesType accepts `kubernetes:<group>/<version>:<Kind>` only.
    const kind = entry.resource.type.slice(entry.resource.type.lastIndexOf(':') + 1);
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') refuseSubjectKinds(entry.resource.urn, entry.props);
    // Where the object is unique in its cluster, as a manifest's is: a Terraform plan's object (read through here) has
    // no URN once renamed, and without it a finding about the object alone (a `*` ClusterRole) could be waived by nothing.
    const metadata = isKnownRecord(entry.props.metadata) ? entry.props.metadata : undefined;
    const name = knownString(metadata?.name);
    if (name !== undefined && !isUnknown(metadata?.namespace))
      entry.ref.location = locationOf(kind, name, metadata?.namespace);
    return {
      kind,
      apiVersion: apiVersionOf(entry.resource.type),
      body: entry.props,
      ref: entry.ref,
      computed: (field) => isComputed(entry, field),
      dependsOn: (field) => dependencyUrns(entry, field),
    };
  });
  const model = modelFromKubernetesObjects(objects);
  // Secret data a program sets may come from stack config as well as from its source: the pack cannot tell (see Secret.valueInProgram).
  for (const secret of model.secrets) {
    if (!secret.plaintextValue) continue;
    delete secret.plaintextValue;
    secret.valueInProgram = true;
  }
  return model;
}

/**
 * A binding's subject of a kind the API server refuses (`foo`, `serviceaccount`: it takes ServiceAccount, User and
 * Group, matched exactly) throws, as it is a located error in a manifest: the provider sends the object as written and
 * `pulumi up` fails on it, while read as a holder the grant would go to one that cannot exist. A kind known only at
 * apply is the model's to follow.
 */
function refuseSubjectKinds(urn: string, props: Record<string, unknown>): void {
  if (!Array.isArray(props.subjects)) return;
  for (const [index, subject] of props.subjects.entries()) {
    const problem = isKnownRecord(subject) ? refusedSubjectKind(index, subject.kind) : undefined;
    if (problem) throw new PulumiResourceError(urn, problem.path, refusalReason(problem));
  }
}
