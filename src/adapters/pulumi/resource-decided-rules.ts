import { tokenAccountReference } from '../kubernetes/to-model.js';
import { referencedAccountName } from './gcp.js';
import { isUnknownSentinel, type PulumiResource } from './resource.js';
import { lookupTable } from '../../util/records.js';

/** True when the resource's properties name the credential's holder as the whole stack's model names it. */
type NamesHolder = (props: Record<string, unknown>) => boolean;

/**
 * Findings a single resource decides, whatever the rest of the stack holds: an AWS access key, a GCP service-account
 * key, a Kubernetes service-account token Secret is a long-lived credential whoever holds it. The pack reports these
 * from `Analyze`, before the resource is created, and its stack policy leaves them out so nothing is reported twice.
 * Rule id -> resource type -> whether the properties name the holder, known and as the stack's model names it: a
 * catalog exception is matched against that name (one naming only the holder's Pulumi resource, when that differs,
 * is seen by the stack policy, not by `Analyze`). Azure client secrets and certificates are not listed: their verdict
 * depends on the holder's class, which a lone resource cannot know.
 */
export const RESOURCE_DECIDED_RULES: Readonly<Record<string, Readonly<Record<string, NamesHolder>>>> = lookupTable({
  'no-long-lived-credentials': {
    'aws:iam/accessKey:AccessKey': (props) => isKnownName(props.user),
    'aws:iam/serviceSpecificCredential:ServiceSpecificCredential': (props) => isKnownName(props.userName),
    'aws:iam/sshKey:SshKey': (props) => isKnownName(props.username),
    'aws:iam/signingCertificate:SigningCertificate': (props) => isKnownName(props.userName),
    'gcp:serviceaccount/key:Key': (props) =>
      isKnownName(props.serviceAccountId) && referencedAccountName(props.serviceAccountId) !== undefined,
    'gcp:storage/hmacKey:HmacKey': (props) =>
      isKnownName(props.serviceAccountEmail) && referencedAccountName(props.serviceAccountEmail) !== undefined,
    'kubernetes:core/v1:Secret': (props) => {
      const holder = tokenAccountReference({ kind: 'Secret', body: props });
      return (
        holder !== undefined &&
        isKnownName(holder.account) &&
        (holder.namespace === undefined || isKnownName(holder.namespace))
      );
    },
  },
});

export function decidedAlone(ruleId: string, resource: Pick<PulumiResource, 'type' | 'props'>): boolean {
  return RESOURCE_DECIDED_RULES[ruleId]?.[resource.type]?.(resource.props) ?? false;
}

function isKnownName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !isUnknownSentinel(value);
}
