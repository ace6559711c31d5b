import { isUnknownSentinel, type PulumiResource } from './resource.js';

/**
 * Findings a single resource decides, whatever the rest of the stack holds: an access key is a long-lived key
 * whoever its user is. The pack reports these from `Analyze`, before the resource is created, and its stack
 * policy leaves them out so nothing is reported twice. Rule id -> resource type -> the property naming the user,
 * which must be known: the user's name is what a catalog exception is matched against.
 */
export const RESOURCE_DECIDED_RULES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'no-long-lived-credentials': {
    'aws:iam/accessKey:AccessKey': 'user',
    'aws:iam/serviceSpecificCredential:ServiceSpecificCredential': 'userName',
  },
};

export function decidedAlone(ruleId: string, resource: Pick<PulumiResource, 'type' | 'props'>): boolean {
  const property = RESOURCE_DECIDED_RULES[ruleId]?.[resource.type];
  if (!property) return false;
  const value = resource.props[property];
  return typeof value === 'string' && value !== '' && !isUnknownSentinel(value);
}
