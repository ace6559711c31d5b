/**
 * The aws-auth ConfigMap (`kube-system/aws-auth`) of an EKS cluster: its `mapRoles` and `mapUsers` are YAML strings,
 * each a list of `{ rolearn | userarn, username, groups }` that the cluster's authenticator reads to let an IAM role or
 * user in, as `username`, in `groups` (EKS User Guide, auth-configmap.adoc, awsdocs/amazon-eks-user-guide
 * @4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7). Each entry is an EKS access (adapters/aws/eks-access.ts) of the
 * ConfigMap. `mapAccounts` lets every principal of an account in under its ARN as username, in no group: it grants
 * what bindings to that username grant, which the Kubernetes adapter judges as bindings to a User.
 *
 * A mapRoles or mapUsers that is not known (a value computed at apply) or not a YAML list of entries gives an access
 * whose principal and groups cannot be seen, so the rules say what could not be verified instead of passing it.
 */
import { isUnknown, unknownValue, type ResourceRef } from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';
import { documentValue, yaml } from '../../util/yaml.js';
import type { EksAccess } from '../aws/eks-access.js';

const MAPPINGS = [
  { key: 'mapRoles', arnKey: 'rolearn' },
  { key: 'mapUsers', arnKey: 'userarn' },
] as const;

/** Whether a ConfigMap (or a patch of one) is the aws-auth ConfigMap: its name, in kube-system. */
export function isAwsAuth(name: unknown, namespace: unknown): boolean {
  return name === 'aws-auth' && namespace === 'kube-system';
}

/**
 * The accesses an aws-auth ConfigMap's `data` gives. `dependsOn(key)` names the change's resources a value known only
 * at apply is computed from (a Pulumi preview), the identities its principals may be.
 */
export function awsAuthAccesses(
  source: ResourceRef,
  data: unknown,
  dependsOn: (key: string) => readonly string[] = () => [],
): EksAccess[] {
  if (isUnknown(data)) return [unreadable(source, 'data', data.description, dependsOn('data'))];
  if (!isKnownRecord(data)) return [];
  const accesses: EksAccess[] = [];
  for (const { key, arnKey } of MAPPINGS) {
    const text = data[key];
    if (text === undefined || text === null) continue;
    if (isUnknown(text)) {
      accesses.push(unreadable(source, key, text.description, dependsOn('data')));
      continue;
    }
    const entries = parsedEntries(text);
    if (typeof entries === 'string') {
      accesses.push(unreadable(source, key, entries, []));
      continue;
    }
    entries.forEach((entry, index) => {
      const field = `${key}[${index}]`;
      if (!isKnownRecord(entry)) {
        accesses.push(unreadable(source, field, `not a mapping: ${describeValue(entry)}`, []));
        return;
      }
      accesses.push({
        source,
        principal: entry[arnKey],
        principalField: `${field}.${arnKey}`,
        groups: entry.groups,
      });
    });
  }
  return accesses;
}

/** The entries of a mapRoles or mapUsers string, or why it has none. */
function parsedEntries(text: unknown): unknown[] | string {
  if (typeof text !== 'string') return `not a string: ${describeValue(text)}`;
  const document = yaml().parseDocument(text);
  // The parser's first line says what and where; the rest quotes the text, which a message need not repeat.
  if (document.errors.length > 0) return `not YAML: ${document.errors[0]?.message.split('\n')[0] ?? 'unparsable'}`;
  const read = documentValue(document);
  if ('problem' in read) return `not readable YAML: ${read.problem}`;
  if (read.value === null || read.value === undefined) return [];
  return Array.isArray(read.value) ? read.value : `not a YAML list: ${describeValue(read.value)}`;
}

/** An access whose principal and groups cannot be seen: every group, cluster-admin included, may be given. */
function unreadable(source: ResourceRef, key: string, why: string, dependsOn: readonly string[]): EksAccess {
  const what = `${key} of ${source.name}: ${why}`;
  return {
    source,
    principal: unknownValue(what),
    principalField: key,
    groups: unknownValue(what),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}
