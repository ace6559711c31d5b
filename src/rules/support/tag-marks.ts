/**
 * How a fact the catalog reads from tags (owner, identity class, entitlements) is written on a resource itself, in the
 * words a message asks for it; undefined where the resource takes no tags, so only a catalog identity record can
 * state it. One table for every rule that asks for such a tag.
 */
import type { Identity, Secret } from '../../model/model.js';

const TAG_MARKS: Record<Identity['kind'], string | undefined> = {
  'aws-role': 'tag it',
  'aws-user': 'tag it',
  // IAM tags roles, users, customer managed policies, instance profiles, identity providers, server certificates and
  // virtual MFA devices, not groups (IAM User Guide, "Tags for AWS Identity and Access Management resources").
  'aws-group': undefined,
  'aws-permission-set': 'tag it',
  'azure-application': 'tag it',
  'azure-service-principal': 'tag it',
  'azure-managed-identity': 'tag it',
  // A Google service account takes neither labels nor resource tags (its description is free text).
  'gcp-service-account': undefined,
  'k8s-service-account': 'label or annotate it',
};

/** `tag it`, `label or annotate it`, or undefined when the subject takes no tags. */
export function tagMark(subject: Identity | Secret): string | undefined {
  if ('kind' in subject) return TAG_MARKS[subject.kind];
  return subject.cloud === 'kubernetes' ? 'label or annotate it' : 'tag it';
}

/** The mark as a sentence starts: `Tag it`. */
export function capitalized(mark: string): string {
  return mark.charAt(0).toUpperCase() + mark.slice(1);
}
