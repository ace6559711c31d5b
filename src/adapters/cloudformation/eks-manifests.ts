/**
 * Kubernetes objects a CDK app's EKS cluster applies, read as the Kubernetes adapter reads a manifest file.
 *
 * aws-cdk-lib's KubernetesManifest (`cluster.addManifest`, `new eks.KubernetesManifest`, and what builds on it:
 * `cluster.addServiceAccount`, the aws-auth ConfigMap of `cluster.awsAuth`) synthesizes a
 * `Custom::AWSCDK-EKS-KubernetesResource` whose `Manifest` is `stack.toJsonString(props.manifest)`: a JSON string, an
 * `Fn::Join` where a token is inside (aws-cdk-lib 2.276.0 aws-eks/lib/k8s-manifest.js, KubernetesManifest.RESOURCE_TYPE
 * and the CustomResource's `properties`). Its handler `json.loads` the string and writes each item of the list as one
 * object to `kubectl apply -f` (custom-resource-handlers/dist/aws-eks/kubectl-handler/apply/__init__.py,
 * apply_handler). So the objects are the items of that JSON list, and each is located at the custom resource (its
 * logical id and construct path), where the CDK aspect annotates the construct the user wrote.
 *
 * What cannot be read at synth is a finding that says so (kind `kubernetes-manifest`), never a pass: a `Manifest` that
 * does not resolve (a parameter, an import, a value no resolver knows), that is not JSON, not a list, or an item that
 * is not a Kubernetes object the API server takes. A value inside an object that deploy time decides (`Fn::GetAtt` of
 * another resource, the account, a dynamic reference) is read as not known, as a Pulumi output unknown in preview is:
 * a binding's subject, a role's name, a pod's account named so are judged as not verifiable. Only a ConfigMap's `data`
 * keeps such values as written: the aws-auth ConfigMap names the change's roles by their ARNs, which the model matches.
 *
 * `Custom::AWSCDK-EKS-KubernetesPatch` (KubernetesPatch, aws-eks/lib/k8s-patch.js: `ResourceName`, `ResourceNamespace`,
 * `ApplyPatchJson`, `RestorePatchJson`, `PatchType`) runs `kubectl patch <ResourceName> -n <ResourceNamespace> -p
 * <ApplyPatchJson>` (kubectl-handler/patch/__init__.py, patch_handler) on an object the change does not hold. A patch of
 * an object that grants or holds access (RBAC, a service account, a Secret, the aws-auth ConfigMap), or of one the
 * template does not name, is a finding that says what could not be seen (kind `kubernetes-patch`).
 *
 * `Custom::AWSCDK-EKS-HelmChart` (HelmChart, aws-eks/lib/helm-chart.js: `Chart`, `ChartAssetURL`, `Repository`,
 * `Values`) has the handler run `helm upgrade --install` (kubectl-handler/helm/__init__.py): the chart's objects are
 * rendered and applied inside the handler, so none of them is in the template. It is a Helm release as Pulumi's and
 * Terraform's are (kind `helm-release`), reported whatever the chart.
 */
import { hasOwnValue, hasResourceValue } from '../../model/deployment.js';
import { isUnknown, unknownValue, type UnseenContent } from '../../model/model.js';
import { formatValuePath, MAX_VALUE_DEPTH, tooDeepPath, type ValuePath } from '../../util/depth.js';
import { describeValue, isKnownRecord, isRecord } from '../../util/records.js';
import { isAwsAuth } from '../kubernetes/aws-auth.js';
import type { KubernetesObject } from '../kubernetes/object.js';
import { refusalReason, shapeProblem } from '../kubernetes/shape.js';
import type { StackContext } from './stack-context.js';
import type { CfnResource } from './template.js';

/** The custom resource type aws-cdk-lib's KubernetesManifest (and so AwsAuth and ServiceAccount) synthesizes. */
export const CDK_KUBERNETES_RESOURCE = 'Custom::AWSCDK-EKS-KubernetesResource';
/** The custom resource type aws-cdk-lib's KubernetesPatch synthesizes. */
export const CDK_KUBERNETES_PATCH = 'Custom::AWSCDK-EKS-KubernetesPatch';
/** The custom resource type aws-cdk-lib's HelmChart (`cluster.addHelmChart`) synthesizes. */
export const CDK_HELM_CHART = 'Custom::AWSCDK-EKS-HelmChart';

/** The objects a KubernetesManifest applies, and what of it cannot be seen. */
export interface ManifestObjects {
  objects: KubernetesObject[];
  unseen: UnseenContent[];
}

/** The Kubernetes objects of a `Custom::AWSCDK-EKS-KubernetesResource`'s `Manifest`, each located at the resource. */
export function cdkManifestObjects(stack: StackContext, logicalId: string, resource: CfnResource): ManifestObjects {
  const unseenManifest = (what: string): ManifestObjects => ({
    objects: [],
    unseen: [{ resource: stack.ref(logicalId), kind: 'kubernetes-manifest', what: `Manifest ${what}` }],
  });
  const manifest = stack.resolver.resolveString(resource.Properties?.Manifest, 'Manifest');
  if (isUnknown(manifest)) return unseenManifest(`is not known at synth: ${manifest.description}`);
  let items: unknown;
  try {
    items = JSON.parse(manifest);
  } catch (error) {
    return unseenManifest(`is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The handler writes each item of a list; anything else fails at deploy, so what it would apply cannot be told.
  if (!Array.isArray(items)) return unseenManifest(`is not a JSON list of Kubernetes objects: ${describeValue(items)}`);
  const deep = tooDeepPath(items, MAX_VALUE_DEPTH, { tree: true });
  if (deep)
    return unseenManifest(`${formatValuePath(deep.slice(0, 6))}… is nested more than ${MAX_VALUE_DEPTH} levels deep`);
  const found: ManifestObjects = { objects: [], unseen: [] };
  items.forEach((item: unknown, index) => {
    const read = manifestObject(item, `[${index}]`);
    if (typeof read === 'string') {
      found.unseen.push({ resource: stack.ref(logicalId), kind: 'kubernetes-manifest', what: `Manifest${read}` });
      return;
    }
    for (const object of read) found.objects.push({ ...object, ref: stack.ref(logicalId) });
  });
  return found;
}

/** An object of the manifest before it is located: every one is at the custom resource. */
type ManifestObject = Omit<KubernetesObject, 'ref'>;

/**
 * One item of the list as the objects kubectl applies (a `List` gives its items), each with deploy-time values read
 * as not known; or why it cannot be read (a string, after the item's place in the list).
 */
function manifestObject(item: unknown, where: string): ManifestObject[] | string {
  if (!isRecord(item) || typeof item.apiVersion !== 'string' || typeof item.kind !== 'string')
    return `${where} is not a Kubernetes object: apiVersion and kind (strings) are required`;
  // `kind: List` (or a typed list): kubectl applies the items, as load.ts reads a manifest file.
  if (item.kind.endsWith('List') && Array.isArray(item.items)) {
    const objects: ManifestObject[] = [];
    for (const [index, nested] of item.items.entries()) {
      const read = manifestObject(nested, `${where}.items[${index}]`);
      if (typeof read === 'string') return read;
      objects.push(...read);
    }
    return objects;
  }
  const metadata = isRecord(item.metadata) ? item.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (name === undefined || name === '') return `${where} ${item.kind} has no metadata.name`;
  // A field the API server refuses would be read as absent (a role with no verbs, a binding with no subjects).
  const problem = shapeProblem(item);
  if (problem) return `${where} ${item.kind} ${name}: ${formatValuePath(problem.path)} ${refusalReason(problem)}`;
  const body = deployTimeValuesUnknown(item, item.kind, where) as Record<string, unknown>;
  return [
    {
      kind: item.kind,
      body,
      // Secret data built from a deploy-time value (a generated password, a dynamic reference) is not written here.
      computed: (field) => {
        const value = body[field];
        return isUnknown(value) || (isKnownRecord(value) && Object.values(value).every(isUnknown));
      },
    },
  ];
}

/**
 * The item with every string that holds a value only deploy time knows (another resource's attribute, the account or
 * region, a dynamic reference) as an Unknown, except in a ConfigMap's `data`: the aws-auth ConfigMap's mapRoles name
 * the change's roles by those ARNs.
 */
function deployTimeValuesUnknown(value: unknown, kind: string, where: string, path: ValuePath = []): unknown {
  if (kind === 'ConfigMap' && path.length === 1 && path[0] === 'data') return value;
  if (typeof value === 'string')
    return isDeployTimeValue(value)
      ? unknownValue(`Manifest${where} ${formatValuePath(path)} is known only at deploy: ${value}`)
      : value;
  if (Array.isArray(value))
    return value.map((item, index) => deployTimeValuesUnknown(item, kind, where, [...path, index]));
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(copy, key, {
      value: deployTimeValuesUnknown(item, kind, where, [...path, key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

function isDeployTimeValue(text: string): boolean {
  return hasResourceValue(text) || hasOwnValue(text) || text.includes('{{resolve:');
}

/**
 * kubectl's names of the resources whose objects grant or hold access in a cluster (`kubectl api-resources`: plural,
 * singular, short name), and the aws-auth ConfigMap: a patch of one can grant what nothing in the change shows.
 */
const GRANTING_RESOURCES: ReadonlySet<string> = new Set([
  'rolebinding',
  'rolebindings',
  'clusterrolebinding',
  'clusterrolebindings',
  'role',
  'roles',
  'clusterrole',
  'clusterroles',
  'serviceaccount',
  'serviceaccounts',
  'sa',
  'secret',
  'secrets',
]);
const CONFIG_MAPS: ReadonlySet<string> = new Set(['configmap', 'configmaps', 'cm']);
const CLUSTER_SCOPED_RBAC: ReadonlySet<string> = new Set([
  'clusterrolebinding',
  'clusterrolebindings',
  'clusterrole',
  'clusterroles',
]);

/**
 * What a KubernetesPatch patches, when the patch may grant access the check cannot see: an RBAC object, a service
 * account, a Secret, the aws-auth ConfigMap, or an object the template does not name at synth.
 */
export function cdkPatchUnseen(stack: StackContext, logicalId: string, resource: CfnResource): UnseenContent[] {
  const properties = resource.Properties ?? {};
  const target = stack.resolver.resolveString(properties.ResourceName, 'ResourceName');
  const namespace = stack.resolver.resolveString(properties.ResourceNamespace ?? 'default', 'ResourceNamespace');
  const unseen = (what: string): UnseenContent[] => [
    { resource: stack.ref(logicalId), kind: 'kubernetes-patch', what },
  ];
  if (isUnknown(target)) return unseen(`ResourceName ${target.description}`);
  if (isDeployTimeValue(target)) return unseen(`ResourceName ${target}, known only at deploy`);
  const slash = target.indexOf('/');
  // kubectl patch takes `<resource>[.<group>]/<name>`; the resource is matched without its group, in any case.
  const type = (slash > 0 ? target.slice(0, slash) : '').split('.')[0]?.toLowerCase() ?? '';
  const name = target.slice(slash + 1);
  const where = isUnknown(namespace) ? `${target} (namespace: ${namespace.description})` : `${namespace}/${target}`;
  if (slash <= 0) return unseen(`ResourceName ${target}, not <resource>/<name>`);
  // kubectl ignores the namespace of a cluster-scoped object.
  if (CLUSTER_SCOPED_RBAC.has(type)) return unseen(target);
  if (GRANTING_RESOURCES.has(type)) return unseen(where);
  if (CONFIG_MAPS.has(type) && (isUnknown(namespace) || isAwsAuth(name, namespace))) return unseen(where);
  return [];
}

/** A CDK HelmChart: a Helm release whose objects the template does not hold, named by its chart where it has one. */
export function cdkHelmChartUnseen(stack: StackContext, logicalId: string, resource: CfnResource): UnseenContent {
  const properties = resource.Properties ?? {};
  const chart = stack.resolver.resolveString(properties.Chart ?? properties.ChartAssetURL, 'Chart');
  return {
    resource: stack.ref(logicalId),
    kind: 'helm-release',
    what: CDK_HELM_CHART,
    ...(typeof chart === 'string' ? { named: chart } : {}),
  };
}
